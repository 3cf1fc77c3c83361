// Small pure helpers of the Obsidian API: paths, debounce, platform flags, icons, tooltips.

/** The Obsidian version the fake plays (obsidian.d.ts 1.13.1); `setApiVersion` plays an older one. */
export const DEFAULT_API_VERSION = "1.13.1";
export let apiVersion = DEFAULT_API_VERSION;

/**
 * Test helper: play an older (or newer) Obsidian. What came later than `version` then behaves as
 * in that version: `registerBasesView` (1.10.0) and `registerCliHandler` (1.12.2) are missing
 * (calling them throws a TypeError, as calling an undefined method does), and setting tabs are shown
 * by `display()` only (1.13.0 brought `getSettingDefinitions`). `resetFakes()` puts 1.13.1 back.
 */
export function setApiVersion(version: string): void {
	apiVersion = version;
}

/** Fake-only: throws as calling `name` would on an Obsidian older than `since`. */
export function requireApiFor(name: string, since: string): void {
	if (!requireApiVersion(since)) throw new TypeError(`${name} is not a function (Obsidian ${apiVersion} has no ${name}: it came with ${since})`);
}

/** Obsidian's `normalizePath`: forward slashes, no duplicate, leading or trailing slash, NFC; "" is "/". */
export function normalizePath(path: string): string {
	let out = path.replace(/[\\/]+/g, "/").replace(/^\/+|\/+$/g, "");
	out = out.replace(/[\u00A0\u202F]/g, " ");
	if (out === "") out = "/";
	return out.normalize("NFC");
}

export interface Debouncer<T extends unknown[], V> {
	(...args: [...T]): this;
	cancel(): this;
	run(): V | void;
}

/**
 * Obsidian's `debounce`: calls `cb` with the latest arguments `timeout` ms after the first call of a
 * burst (or after the last call when `resetTimer` is true). Uses the global timers at call time, so
 * `vi.useFakeTimers()` controls it.
 */
export function debounce<T extends unknown[], V>(cb: (...args: [...T]) => V, timeout = 0, resetTimer = false): Debouncer<T, V> {
	let timer: ReturnType<typeof globalThis.setTimeout> | null = null;
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
		if (timer === null) timer = globalThis.setTimeout(() => void fire(), timeout);
		return debounced;
	} as Debouncer<T, V>;
	debounced.cancel = () => {
		if (timer !== null) globalThis.clearTimeout(timer);
		timer = null;
		pending = null;
		return debounced;
	};
	debounced.run = () => {
		if (timer === null) return;
		globalThis.clearTimeout(timer);
		return fire();
	};
	return debounced;
}

/** A desktop app on Linux. Tests may flip fields (it is a plain mutable object, as in Obsidian). */
export const Platform = {
	isDesktop: true,
	isMobile: false,
	isDesktopApp: true,
	isMobileApp: false,
	isIosApp: false,
	isAndroidApp: false,
	isPhone: false,
	isTablet: false,
	isMacOS: false,
	isWin: false,
	isLinux: true,
	isSafari: false,
	resourcePathPrefix: "app://local/",
};

/** Fake icons: the element gets `data-icon="name"` (and keeps its other children). */
export function setIcon(parent: HTMLElement, iconId: string): void {
	parent.setAttribute("data-icon", iconId);
}

const icons = new Map<string, string>();
export function addIcon(iconId: string, svgContent: string): void {
	icons.set(iconId, svgContent);
}
export function removeIcon(iconId: string): void {
	icons.delete(iconId);
}
export function getIconIds(): string[] {
	return [...icons.keys()];
}
export function getIcon(_iconId: string): SVGSVGElement | null {
	return null;
}

export interface TooltipOptions {
	placement?: "bottom" | "right" | "left" | "top";
	classes?: string[];
	gap?: number;
	delay?: number;
}

/** Obsidian shows tooltips from `aria-label`; the fake sets it (and the placement) and shows nothing. */
export function setTooltip(el: HTMLElement, tooltip: string, options?: TooltipOptions): void {
	if (tooltip === "") el.removeAttribute("aria-label");
	else el.setAttribute("aria-label", tooltip);
	if (options?.placement) el.setAttribute("data-tooltip-position", options.placement);
}

export function displayTooltip(_el: HTMLElement, _content: string | DocumentFragment, _options?: TooltipOptions): void {
	// Nothing to show in tests.
}

export function getLanguage(): string {
	return "en";
}

export function requireApiVersion(version: string): boolean {
	const have = apiVersion.split(".").map(Number);
	const want = version.split(".").map(Number);
	for (let i = 0; i < Math.max(have.length, want.length); i++) {
		const a = have[i] ?? 0;
		const b = want[i] ?? 0;
		if (a !== b) return a > b;
	}
	return true;
}

export interface SearchResult {
	score: number;
	matches: [number, number][];
}

/** Case-insensitive subsequence match, a simple stand-in for Obsidian's fuzzy search. */
export function prepareFuzzySearch(query: string): (text: string) => SearchResult | null {
	const q = query.toLowerCase().replace(/\s+/g, "");
	return (text: string) => {
		if (q === "") return { score: 0, matches: [] };
		const lower = text.toLowerCase();
		const matches: [number, number][] = [];
		let from = 0;
		for (const ch of q) {
			const at = lower.indexOf(ch, from);
			if (at < 0) return null;
			const last = matches[matches.length - 1];
			if (last && last[1] === at) last[1] = at + 1;
			else matches.push([at, at + 1]);
			from = at + 1;
		}
		return { score: -matches.length - matches[0][0] / 100, matches };
	};
}

/** Every space-separated word must occur (case-insensitive). */
export function prepareSimpleSearch(query: string): (text: string) => SearchResult | null {
	const words = query.toLowerCase().split(/\s+/).filter((w) => w !== "");
	return (text: string) => {
		const lower = text.toLowerCase();
		const matches: [number, number][] = [];
		for (const w of words) {
			const at = lower.indexOf(w);
			if (at < 0) return null;
			matches.push([at, at + w.length]);
		}
		matches.sort((a, b) => a[0] - b[0]);
		return { score: 0, matches };
	};
}

/** `[[path#sub|alias]]` inner text without the alias → path and subpath. */
export function parseLinktext(linktext: string): { path: string; subpath: string } {
	const hash = linktext.indexOf("#");
	if (hash < 0) return { path: linktext, subpath: "" };
	return { path: linktext.slice(0, hash), subpath: linktext.slice(hash) };
}

export function getLinkpath(linktext: string): string {
	return parseLinktext(linktext).path;
}

export function stripHeading(heading: string): string {
	return heading.replace(/[#|^\\%[\]]/g, " ").replace(/\s+/g, " ").trim();
}

export function stripHeadingForLink(heading: string): string {
	return stripHeading(heading.replace(/:/g, " "));
}

/** `sleep` as Obsidian exposes it globally, also exported for tests. */
export function sleep(ms: number): Promise<void> {
	return new Promise((resolve) => globalThis.setTimeout(resolve, ms));
}

/** Pure helpers Obsidian adds to built-in prototypes (declared globally by obsidian.d.ts). */
export function installBuiltinExtensions(): void {
	const define = (target: object, name: string, value: unknown): void => {
		if (Object.prototype.hasOwnProperty.call(target, name)) return;
		Object.defineProperty(target, name, { value, writable: true, configurable: true, enumerable: false });
	};
	define(Array.prototype, "first", function (this: unknown[]) {
		return this[0];
	});
	define(Array.prototype, "last", function (this: unknown[]) {
		return this[this.length - 1];
	});
	define(Array.prototype, "contains", function (this: unknown[], target: unknown) {
		return this.includes(target);
	});
	define(Array.prototype, "remove", function (this: unknown[], target: unknown) {
		for (let i = this.length - 1; i >= 0; i--) if (this[i] === target) this.splice(i, 1);
	});
	define(Array.prototype, "unique", function (this: unknown[]) {
		return [...new Set(this)];
	});
	define(Array.prototype, "shuffle", function (this: unknown[]) {
		for (let i = this.length - 1; i > 0; i--) {
			const j = Math.floor(Math.random() * (i + 1));
			[this[i], this[j]] = [this[j], this[i]];
		}
		return this;
	});
	define(Array, "combine", (arrays: unknown[][]) => ([] as unknown[]).concat(...arrays));
	define(String.prototype, "contains", function (this: string, target: string) {
		return this.includes(target);
	});
	define(String.prototype, "format", function (this: string, ...args: string[]) {
		return this.replace(/\{(\d+)\}/g, (m: string, i: string) => args[Number(i)] ?? m);
	});
	define(String, "isString", (obj: unknown) => typeof obj === "string");
	define(Number, "isNumber", (obj: unknown) => typeof obj === "number");
	define(Math, "clamp", (value: number, min: number, max: number) => Math.min(max, Math.max(min, value)));
	define(Math, "square", (value: number) => value * value);
	define(Object, "isEmpty", (obj: Record<string, unknown>) => Object.keys(obj).length === 0);
	define(Object, "each", (obj: Record<string, unknown>, cb: (value: unknown, key?: string) => boolean | void) => {
		for (const key of Object.keys(obj)) if (cb(obj[key], key) === false) return false;
		return true;
	});
}
