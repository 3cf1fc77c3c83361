// How far V8 lets the heap grow past what is live before its next full collection
// (docs/performance.md, "Cold run's memory"). By default the old generation may grow to several
// times what is live: a cold run over 50,000 notes holds about 130 MB live at the end of its walk,
// and its heap reached 260 MB before it was collected. The command line lets it grow by
// HEAP_GROWING_PERCENT at a time instead: more full collections (incremental, as before), and no
// limit on the heap's size, so a bigger vault still gets all the memory it needs.
import { getHeapSpaceStatistics, getHeapStatistics, setFlagsFromString } from "node:v8";
import { runInNewContext } from "node:vm";

/** Whether this process is the command line's (growHeapSlowly called): tests and other hosts are left alone. */
let tuned = false;

/** The heap's growth past what is live after a full collection, in per cent. */
export const HEAP_GROWING_PERCENT = 20;

/**
 * From now on, the heap grows slowly: for the whole process (V8 takes it into account at each full
 * collection, so it is set before the run's first). The command line's main thread only: the plugin
 * runs inside Obsidian, whose heap is not ours to tune.
 */
export function growHeapSlowly(): void {
	tuned = true;
	setFlagsFromString(`--heap-growing-percent=${HEAP_GROWING_PERCENT}`);
}

/** The young generation's size (both halves) past which it grows no more. */
export const YOUNG_CAP_BYTES = 8 << 20;

let youngCapped = false;

/**
 * Stops the young generation growing once it reached YOUNG_CAP_BYTES. V8 starts it small and
 * doubles it while much of it survives, up to 32 MB; it cannot be given a maximum after start, but
 * it can stop growing. Called every few notes while a vault is walked; cheap. Only once
 * `growHeapSlowly` was called (the command line's own process).
 */
export function capYoungGeneration(): void {
	if (!tuned || youngCapped) return;
	for (const space of getHeapSpaceStatistics()) {
		if (space.space_name === "new_space" && space.space_size >= YOUNG_CAP_BYTES) {
			setFlagsFromString("--semi-space-growth-factor=1");
			youngCapped = true;
		}
	}
}

/** A heap smaller than this is not collected on purpose (a small vault's run: nothing to gain). */
export const COLLECT_FROM_BYTES = 64 << 20;

let collector: (() => void) | null = null;

/**
 * A full collection now, in the command line's own process only: called where much just became
 * garbage (the index, then the report once the answer's text is made) and more is about to be
 * made, so the heap is not grown for it first. Node has no call for it: V8's `gc` is exposed to a
 * context made after the flag is set.
 */
export function collectNow(): void {
	if (!tuned || getHeapStatistics().used_heap_size < COLLECT_FROM_BYTES) return;
	if (collector === null) {
		setFlagsFromString("--expose-gc");
		collector = runInNewContext("gc") as () => void;
	}
	collector();
}
