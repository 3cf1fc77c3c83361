// Obsidian's `Events` and a queue for the events Obsidian delivers later (metadata, async callbacks).

/** Any callback: `never[]` parameters accept every callback type. */
export type AnyCallback = (...data: never[]) => unknown;
type Invoke = (this: unknown, ...data: unknown[]) => unknown;

export interface EventRef {
	/** The emitter the listener is registered on (Obsidian's own field name). */
	e: Events;
	name: string;
	fn: AnyCallback;
	ctx?: unknown;
}

/**
 * Errors thrown by event listeners and by tracked async callbacks. Obsidian logs them and carries on;
 * the fake does the same (console.error) and also keeps them here so a test can assert on them.
 * `harness.ts` fails a test that leaves errors behind.
 */
export const eventErrors: unknown[] = [];

export function reportError(error: unknown, where: string): void {
	eventErrors.push(error);
	console.error(`[fake obsidian] error in ${where}:`, error);
}

/** Removes and returns the recorded listener errors. */
export function takeEventErrors(): unknown[] {
	return eventErrors.splice(0, eventErrors.length);
}

export class Events {
	readonly #listeners = new Map<string, EventRef[]>();

	on(name: string, callback: AnyCallback, ctx?: unknown): EventRef {
		const ref: EventRef = { e: this, name, fn: callback, ctx };
		const list = this.#listeners.get(name);
		if (list) list.push(ref);
		else this.#listeners.set(name, [ref]);
		return ref;
	}

	off(name: string, callback: AnyCallback): void {
		const list = this.#listeners.get(name);
		if (!list) return;
		const kept = list.filter((ref) => ref.fn !== callback);
		if (kept.length > 0) this.#listeners.set(name, kept);
		else this.#listeners.delete(name);
	}

	offref(ref: EventRef): void {
		const list = this.#listeners.get(ref.name);
		if (!list) return;
		const i = list.indexOf(ref);
		if (i >= 0) list.splice(i, 1);
		if (list.length === 0) this.#listeners.delete(ref.name);
	}

	trigger(name: string, ...data: unknown[]): void {
		const list = this.#listeners.get(name);
		if (!list) return;
		for (const ref of [...list]) this.tryTrigger(ref, data);
	}

	tryTrigger(evt: EventRef, args: unknown[]): void {
		try {
			const result = (evt.fn as Invoke).apply(evt.ctx, args);
			if (isPromiseLike(result)) {
				result.then(undefined, (error: unknown) => reportError(error, `async "${evt.name}" listener`));
			}
		} catch (error) {
			reportError(error, `"${evt.name}" listener`);
		}
	}

	/** Test helper: how many listeners are registered (for one event name, or in all). */
	listenerCount(name?: string): number {
		if (name !== undefined) return this.#listeners.get(name)?.length ?? 0;
		let n = 0;
		for (const list of this.#listeners.values()) n += list.length;
		return n;
	}
}

export function isPromiseLike(value: unknown): value is PromiseLike<unknown> {
	return typeof value === "object" && value !== null && typeof (value as { then?: unknown }).then === "function";
}

/** Records the rejection of `value` when it is a promise (for callbacks whose result nobody awaits). */
export function watchPromise(value: unknown, where: string): void {
	if (isPromiseLike(value)) value.then(undefined, (error: unknown) => reportError(error, where));
}

// Captured at load, before a test can install fake timers: `settle()` must always make progress.
const realSetImmediate = globalThis.setImmediate;
function realTick(): Promise<void> {
	return new Promise((resolve) => realSetImmediate(resolve));
}

/**
 * Work Obsidian does "later": metadata parsing and its events. Tasks run on a `setTimeout(0)` (so fake
 * timers hold them back, as in Obsidian) or when a test awaits `settle()`. Promises handed to `track`
 * (plugin onload, command callbacks, view opening) are awaited by `settle()` and their errors recorded.
 */
export class EventQueue {
	readonly #tasks: (() => void)[] = [];
	readonly #tracked = new Set<Promise<unknown>>();
	#timerSet = false;
	#closed = false;

	push(task: () => void): void {
		if (this.#closed) return;
		this.#tasks.push(task);
		if (!this.#timerSet) {
			this.#timerSet = true;
			globalThis.setTimeout(() => {
				this.#timerSet = false;
				this.drain();
			}, 0);
		}
	}

	/** Runs every queued task now (tasks queued meanwhile too). Returns whether any ran. */
	drain(): boolean {
		let ran = false;
		while (this.#tasks.length > 0) {
			const task = this.#tasks.shift()!;
			ran = true;
			try {
				task();
			} catch (error) {
				reportError(error, "queued task");
			}
		}
		// A timer lost to fake timers must not keep later tasks from being scheduled.
		this.#timerSet = false;
		return ran;
	}

	/** Awaits `value` in `settle()` when it is a promise; records its rejection. */
	track(value: unknown, where = "async callback"): void {
		if (!isPromiseLike(value)) return;
		const p: Promise<unknown> = Promise.resolve(value).then(
			() => undefined,
			(error: unknown) => reportError(error, where),
		);
		this.#tracked.add(p);
		void p.finally(() => this.#tracked.delete(p));
	}

	/** Drops what is queued and ignores what comes later (the test is over). */
	close(): void {
		this.#closed = true;
		this.#tasks.length = 0;
	}

	/** Whether tracked promises (onload, command callbacks, ...) are still pending. */
	get busy(): boolean {
		return this.#tracked.size > 0;
	}

	/**
	 * Resolves once no task ran or was queued during three real event-loop turns: listeners that await
	 * vault operations get to finish, and what they trigger is delivered too. A tracked promise that
	 * waits on something else (a modal the test has yet to answer, a timer) does not hold it up.
	 */
	async settle(maxRounds = 500): Promise<void> {
		let quiet = 0;
		for (let round = 0; round < maxRounds; round++) {
			const ran = this.drain();
			await realTick();
			if (!ran && this.#tasks.length === 0) {
				quiet += 1;
				if (quiet >= 3) return;
			} else {
				quiet = 0;
			}
		}
		throw new Error(`settle(): events were still coming after ${maxRounds} rounds (an event loop?)`);
	}
}
