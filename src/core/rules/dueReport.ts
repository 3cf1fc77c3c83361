/** The due list of a vault on one day: what every view, the CLI and the calendar read (README, "What is due"). */
import { BUCKETS, type Bucket, type DueEntry } from "./due";
import type { IsoDay } from "../text/dates";
import type { Problem } from "../read/note";

export type BucketCounts = Record<Bucket, number>;

export interface DueReport {
	today: IsoDay;
	counts: BucketCounts;
	/** Every prospect, in bucket order, sorted within each bucket. */
	entries: DueEntry[];
	problems: Problem[];
}

export function emptyCounts(): BucketCounts {
	return Object.fromEntries(BUCKETS.map((b) => [b, 0])) as BucketCounts;
}

