// Obsidian's Component: load/unload lifecycle that releases what was registered. As in Obsidian,
// `load()` marks it loaded, runs `onload()`, then loads the children; `addChild` on a loaded
// component loads the child at once; `unload()` unloads the children, then runs the registered
// callbacks, both last first, then `onunload()`.
import type { EventRef } from "./events";
import { isPromiseLike, reportError } from "./events";

interface ComponentState {
	loaded: boolean;
	cleanups: (() => unknown)[];
	children: Component[];
	onloadResult: Promise<unknown> | null;
}

// Kept off the instance so plugin subclasses can use any field or method name.
const states = new WeakMap<Component, ComponentState>();

function stateOf(c: Component): ComponentState {
	let s = states.get(c);
	if (!s) {
		s = { loaded: false, cleanups: [], children: [], onloadResult: null };
		states.set(c, s);
	}
	return s;
}

export class Component {
	load(): void {
		const s = stateOf(this);
		if (s.loaded) return;
		s.loaded = true;
		const result: unknown = this.onload();
		if (isPromiseLike(result)) {
			const p = Promise.resolve(result);
			s.onloadResult = p;
			p.then(undefined, (error: unknown) => reportError(error, `${this.constructor.name}.onload`));
		}
		for (const child of [...s.children]) child.load();
	}

	/** Override to load. Plugins may make it async; `whenLoaded()` awaits the promise. */
	onload(): Promise<void> | void {}

	unload(): void {
		const s = stateOf(this);
		if (!s.loaded) return;
		s.loaded = false;
		const children = s.children;
		s.children = [];
		for (const child of children.reverse()) child.unload();
		const cleanups = s.cleanups;
		s.cleanups = [];
		for (const cleanup of cleanups.reverse()) {
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

	removeChild<T extends Component>(component: T): T {
		const s = stateOf(this);
		const i = s.children.indexOf(component);
		if (i >= 0) {
			s.children.splice(i, 1);
			component.unload();
		}
		return component;
	}

	register(cb: () => unknown): void {
		stateOf(this).cleanups.push(cb);
	}

	registerEvent(eventRef: EventRef): void {
		this.register(() => eventRef.e.offref(eventRef));
	}

	registerDomEvent(el: Window | Document | HTMLElement, type: string, callback: (this: HTMLElement, ev: Event) => unknown, options?: boolean | AddEventListenerOptions): void {
		const listener = callback;
		el.addEventListener(type, listener, options);
		this.register(() => el.removeEventListener(type, listener, options));
	}

	registerInterval(id: number): number {
		this.register(() => globalThis.clearInterval(id));
		return id;
	}
}

// ---- test helpers ----

/** Whether `load()` ran and `unload()` did not. */
export function isLoaded(component: Component): boolean {
	return stateOf(component).loaded;
}

/** Awaits the promise an async `onload()` returned (rejects if it failed). */
export async function whenLoaded(component: Component): Promise<void> {
	await stateOf(component).onloadResult;
}

/** How many unload callbacks (events, intervals, DOM listeners, registered cleanups) are pending. */
export function registeredCount(component: Component): number {
	return stateOf(component).cleanups.length;
}

/** The component's children. */
export function childComponents(component: Component): readonly Component[] {
	return stateOf(component).children;
}
