// Obsidian's small functions the plugin calls: paths, debounce, the platform, icons, API versions.

/** The Obsidian version the fake plays (obsidian.d.ts 1.13.1); `setApiVersion` plays an older one. */
export const DEFAULT_API_VERSION = "1.13.1";
let apiVersion = DEFAULT_API_VERSION;

/**
 * Test helper: play another Obsidian. Below 1.10.0 `registerBasesView` and below 1.12.2
 * `registerCliHandler` throw a TypeError (as calling a missing method does); below 1.13.0 setting
 * tabs are drawn by `display()`. `resetFakes()` puts 1.13.1 back.
 */
export function setApiVersion(version: string): void {
	apiVersion = version;
}

export function requireApiVersion(version: string): boolean {
	const have = apiVersion.split(".").map(Number);
	const want = version.split(".").map(Number);
	for (let i = 0; i < Math.max(have.length, want.length); i++) if ((have[i] ?? 0) !== (want[i] ?? 0)) return (have[i] ?? 0) > (want[i] ?? 0);
	return true;
}

/** Fake-only: throws as calling `name` would on an Obsidian older than `since`. */
export function requireApiFor(name: string, since: string): void {
	if (!requireApiVersion(since)) throw new TypeError(`${name} is not a function (Obsidian ${apiVersion} has no ${name}: it came with ${since})`);
}

/** Forward slashes, none doubled, leading or trailing; NFC; "" is "/". */
export function normalizePath(path: string): string {
	const out = path.replace(/[\\/]+/g, "/").replace(/^\/+|\/+$/g, "").replace(/[\u00A0\u202F]/g, " ");
	return (out === "" ? "/" : out).normalize("NFC");
}

export interface Debouncer<T extends unknown[], V> {
	(...args: [...T]): this;
	cancel(): this;
	run(): V | void;
}

/** Calls `cb` `timeout` ms after the first call of a burst (after the last with `resetTimer`); global timers, so fake timers drive it. */
export function debounce<T extends unknown[], V>(cb: (...args: [...T]) => V, timeout = 0, resetTimer = false): Debouncer<T, V> {
	let timer: ReturnType<typeof setTimeout> | null = null;
	let pending: [...T] | null = null;
	const fire = (): V | void => {
		timer = null;
		const args = pending;
		pending = null;
		if (args) return cb(...args);
	};
	const debounced = function (...args: [...T]) {
		pending = args;
		if (timer !== null && resetTimer) {
			globalThis.clearTimeout(timer);
			timer = null;
		}
		timer ??= globalThis.setTimeout(() => void fire(), timeout);
		return debounced;
	} as Debouncer<T, V>;
	debounced.cancel = () => {
		if (timer !== null) globalThis.clearTimeout(timer);
		timer = pending = null;
		return debounced;
	};
	debounced.run = () => {
		if (timer === null) return;
		globalThis.clearTimeout(timer);
		return fire();
	};
	return debounced;
}

/** A desktop app. Tests may flip fields. */
export const Platform = { isDesktop: true, isMobile: false, isDesktopApp: true, isMobileApp: false };

/** Icons are a `data-icon` attribute. */
export function setIcon(parent: HTMLElement, iconId: string): void {
	parent.setAttribute("data-icon", iconId);
}
