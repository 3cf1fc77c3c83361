import { BUCKETS, compareEntries, computeDue, type Bucket, type DueEntry } from "./due";
import type { IsoDay } from "./dates";
import { readNote, type NoteRead, type Problem, type ProspectNote } from "./note";
import type { TouchbaseSettings } from "./settings";

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

/**
 * The prospects of a vault, keyed by path. Each change bumps `revision`, so views can tell
 * cheaply whether anything moved since they last drew.
 */
export class ProspectIndex {
	revision = 0;
	private readonly notes = new Map<string, NoteRead>();

	constructor(private settings: TouchbaseSettings) {}

	setSettings(settings: TouchbaseSettings): void {
		this.settings = settings;
	}

	/** Reads (or re-reads) one note. Returns whether the index changed. */
	update(path: string, text: string): boolean {
		const read = readNote(path, text, this.settings);
		if (read.prospect === null && read.problems.length === 0) return this.remove(path);
		this.notes.set(path, read);
		this.revision++;
		return true;
	}

	remove(path: string): boolean {
		if (!this.notes.delete(path)) return false;
		this.revision++;
		return true;
	}

	clear(): void {
		this.notes.clear();
		this.revision++;
	}

	get(path: string): NoteRead | undefined {
		return this.notes.get(path);
	}

	has(path: string): boolean {
		return this.notes.has(path);
	}

	prospects(): ProspectNote[] {
		const out: ProspectNote[] = [];
		for (const read of this.notes.values()) if (read.prospect) out.push(read.prospect);
		return out;
	}

	problems(): Problem[] {
		const out: Problem[] = [];
		for (const read of this.notes.values()) out.push(...read.problems);
		return out.sort((a, b) => a.path.localeCompare(b.path) || (a.line ?? 0) - (b.line ?? 0));
	}

	report(today: IsoDay): DueReport {
		const entries = this.prospects().map((p) => computeDue(p, today, this.settings));
		entries.sort(compareEntries);
		const counts = emptyCounts();
		for (const e of entries) counts[e.bucket]++;
		return { today, counts, entries, problems: this.problems() };
	}
}
