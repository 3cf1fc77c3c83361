// Obsidian's Component: `load()` marks it loaded, runs `onload()`, then loads the children; a child
// added to a loaded component loads at once; `unload()` unloads the children, then runs what was
// registered, both last first, then `onunload()`.
import { reportError, watchPromise, type EventRef } from "./events";

interface State {
	loaded: boolean;
	cleanups: (() => unknown)[];
	children: Component[];
	onloadResult: unknown;
}

// Kept off the instance, so a subclass may use any field name.
const states = new WeakMap<object, State>();

function stateOf(c: object): State {
	let s = states.get(c);
	if (!s) states.set(c, (s = { loaded: false, cleanups: [], children: [], onloadResult: undefined }));
	return s;
}

export class Component {
	load(): void {
		const s = stateOf(this);
		if (s.loaded) return;
		s.loaded = true;
		s.onloadResult = this.onload();
		watchPromise(s.onloadResult, `${this.constructor.name}.onload`);
		for (const child of [...s.children]) child.load();
	}

	onload(): Promise<void> | void {}

	unload(): void {
		const s = stateOf(this);
		if (!s.loaded) return;
		s.loaded = false;
		for (const child of s.children.splice(0).reverse()) child.unload();
		for (const cleanup of s.cleanups.splice(0).reverse()) {
			try {
				cleanup();
			} catch (error) {
				reportError(error, `${this.constructor.name} unload callback`);
			}
		}
		this.onunload();
	}

	onunload(): void {}

	addChild<T extends Component>(component: T): T {
		const s = stateOf(this);
		s.children.push(component);
		if (s.loaded) component.load();
		return component;
	}

	register(cb: () => unknown): void {
		stateOf(this).cleanups.push(cb);
	}

	registerEvent(ref: EventRef): void {
		this.register(() => ref.e.offref(ref));
	}

	registerDomEvent(el: Window | Document | HTMLElement, type: string, callback: (ev: Event) => unknown): void {
		el.addEventListener(type, callback);
		this.register(() => el.removeEventListener(type, callback));
	}

	registerInterval(id: number): number {
		this.register(() => globalThis.clearInterval(id));
		return id;
	}
}

// ---- test helpers ----

export const isLoaded = (c: object): boolean => stateOf(c).loaded;
/** Awaits what an async `onload()` returned. */
export const whenLoaded = async (c: Component): Promise<void> => void (await stateOf(c).onloadResult);
/** Unload callbacks (events, intervals, DOM listeners …) pending. */
export const registeredCount = (c: object): number => stateOf(c).cleanups.length;
export const childComponents = (c: object): readonly object[] => stateOf(c).children;
