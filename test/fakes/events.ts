// Obsidian's `Events`, and the queue of what Obsidian delivers later (metadata events, async callbacks).

export type AnyCallback = (...data: never[]) => unknown;

export interface EventRef {
	e: Events;
	name: string;
	fn: AnyCallback;
	ctx?: unknown;
}

/** Errors thrown by listeners and tracked callbacks: logged, as Obsidian does, and kept; harness.ts fails a test that leaves some. */
const eventErrors: unknown[] = [];

export function reportError(error: unknown, where: string): void {
	eventErrors.push(error);
	console.error(`[fake obsidian] error in ${where}:`, error);
}

export function takeEventErrors(): unknown[] {
	return eventErrors.splice(0, eventErrors.length);
}

function isPromiseLike(value: unknown): value is PromiseLike<unknown> {
	return typeof value === "object" && value !== null && typeof (value as { then?: unknown }).then === "function";
}

/** Records the rejection of `value` when it is a promise nobody awaits. */
export function watchPromise(value: unknown, where: string): void {
	if (isPromiseLike(value)) value.then(undefined, (error: unknown) => reportError(error, where));
}

export class Events {
	readonly #listeners = new Map<string, EventRef[]>();

	on(name: string, callback: AnyCallback, ctx?: unknown): EventRef {
		const ref: EventRef = { e: this, name, fn: callback, ctx };
		this.#listeners.set(name, [...(this.#listeners.get(name) ?? []), ref]);
		return ref;
	}

	offref(ref: EventRef): void {
		this.#listeners.set(ref.name, (this.#listeners.get(ref.name) ?? []).filter((r) => r !== ref));
	}

	trigger(name: string, ...data: unknown[]): void {
		for (const ref of this.#listeners.get(name) ?? []) {
			try {
				watchPromise((ref.fn as (...args: unknown[]) => unknown).apply(ref.ctx, data), `async "${name}" listener`);
			} catch (error) {
				reportError(error, `"${name}" listener`);
			}
		}
	}

	/** Test helper: listeners registered for `name`. */
	listenerCount(name: string): number {
		return this.#listeners.get(name)?.length ?? 0;
	}
}

// Captured at load, before a test installs fake timers: `settle()` must always make progress.
const realSetImmediate = globalThis.setImmediate;
const realTick = (): Promise<void> => new Promise((resolve) => realSetImmediate(resolve));

/**
 * What Obsidian does later: tasks run on a `setTimeout(0)` (fake timers hold them back, as in
 * Obsidian) or when a test awaits `settle()`. Promises given to `track` (onload, commands, a view
 * opening) have their errors recorded.
 */
export class EventQueue {
	readonly #tasks: (() => void)[] = [];
	#timerSet = false;
	#closed = false;

	push(task: () => void): void {
		if (this.#closed) return;
		this.#tasks.push(task);
		if (this.#timerSet) return;
		this.#timerSet = true;
		globalThis.setTimeout(() => this.drain(), 0);
	}

	/** Runs every queued task now, those queued meanwhile too. Returns whether any ran. */
	drain(): boolean {
		const ran = this.#tasks.length > 0;
		for (let task = this.#tasks.shift(); task; task = this.#tasks.shift()) {
			try {
				task();
			} catch (error) {
				reportError(error, "queued task");
			}
		}
		this.#timerSet = false;
		return ran;
	}

	track(value: unknown, where = "async callback"): void {
		watchPromise(value, where);
	}

	/** Drops what is queued and ignores what comes later (the test is over). */
	close(): void {
		this.#closed = true;
		this.#tasks.length = 0;
	}

	/** Resolves once no task ran during three real event-loop turns: listeners that await the vault finish too. */
	async settle(maxRounds = 500): Promise<void> {
		for (let round = 0, quiet = 0; round < maxRounds; round++) {
			const ran = this.drain();
			await realTick();
			quiet = ran || this.#tasks.length > 0 ? 0 : quiet + 1;
			if (quiet >= 3) return;
		}
		throw new Error(`settle(): events were still coming after ${maxRounds} rounds (an event loop?)`);
	}
}
