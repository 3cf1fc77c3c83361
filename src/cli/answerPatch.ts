// `due --json` after a few notes changed: the answer kept for the same question is mended
// instead of building the report from the whole index (docs/performance.md, "One note changed").
//
// A prospect's row of the answer depends on its own note, the interaction notes that link to it,
// the day and the settings (the question). So when the notes that changed since the kept answer
// are prospect notes or other notes (not interaction notes, not unreadable ones), only they are
// read: their rows and problems are taken out of the kept answer and their new ones put in their
// place, in the order the report sorts them (compareEntries, then index order). Anything else,
// or anything unexpected in the kept file, and the run builds the report as usual.
import { createHash } from "node:crypto";
import { closeSync, mkdirSync, readFileSync } from "node:fs";
import { prospectTargets } from "../core/read/links";
import { readNote, type NoteFileTimes, type NoteRead } from "../core/read/note";
import { keepNaturalDates, naturalDatesRead, type NaturalDate } from "../core/text/nextClause";
import { BUCKETS } from "../core/rules/due";
import type { IsoDay } from "../core/text/dates";
import { compactRead, keepable, type FileStamp } from "../core/index/readCache";
import { ProspectIndex, upperBound } from "../core/index/prospectIndex";
import { dueJson, type DueJson } from "../core/show/dueJson";
import type { TouchbaseSettings } from "../core/settings/settings";
import { cacheFileFor } from "./readCacheFile";
import { AtomicFile } from "./safeFile";

const LAYOUT_FORMAT = "touchbase-layout/1";
/** More notes changed than this since the kept answer, and the report is built as usual. */
export const PATCH_MAX_CHANGED = 32;
/** Notes of the layout's head turned into JSON at a time. */
const NOTES_PER_PIECE = 4096;

/**
 * What a note was in the kept answer: `p` a prospect, `x` a note with problems only, `n` nothing
 * (most of a vault), `i` an interaction note, `u` unreadable (its problem is at the end).
 */
export type NoteKind = "p" | "x" | "n" | "i" | "u";
/** A note of the walk, in walk order: path, stamp (mtime, size, ctime; -1 when it must be read again) and kind. */
export type NoteMark = [path: string, mtime: number, size: number, ctime: number, kind: NoteKind];

type KeptInteraction = [date: string, channel: string, summary: string, links: string[]];

export interface Layout {
	/** The question answered (runCli.ts), as the kept answers have it. */
	key: string;
	notes: NoteMark[];
	/** The interaction notes, by path: date, channel, summary, links (read/interactions.ts). */
	interactions: Record<string, KeptInteraction>;
	/** The answer printed. */
	text: string;
	/** Natural-language dates read (nextClause.ts `naturalDatesRead`), and the time zone they were read in. */
	phrases?: [string, NaturalDate | null][];
	tz?: string;
}

/** The time zone natural-language dates are read in. */
function timeZone(): string {
	return Intl.DateTimeFormat().resolvedOptions().timeZone;
}

/** The layout's natural-language dates with this run's memo of them, for the next run. */
export function withPhrases(layout: Layout): Layout {
	return { ...layout, phrases: naturalDatesRead(), tz: timeZone() };
}

/**
 * Puts the natural-language dates an earlier run read back in the memo, when read in this time
 * zone and whole: a changed note's `next:` phrases then need no chrono (about 30 ms to start).
 */
export function seedPhrases(layout: Layout): void {
	const phrases = layout.phrases;
	if (!Array.isArray(phrases) || layout.tz !== timeZone()) return;
	const ok = phrases.every(
		(e) =>
			Array.isArray(e) &&
			e.length === 2 &&
			typeof e[0] === "string" &&
			(e[1] === null || (typeof e[1] === "object" && typeof e[1].date === "string" && (e[1].time === null || typeof e[1].time === "string") && typeof e[1].length === "number" && Object.keys(e[1]).length === 3)),
	);
	if (ok) keepNaturalDates(phrases);
}

/** The vault's layout file, named as its index file is. */
export function layoutFileFor(dir: string, vaultRealPath: string): string {
	return cacheFileFor(dir, vaultRealPath).replace(/index-([0-9a-f]+)\.json$/, "layout-$1.json");
}

/** A note's mark from its read (null: it could not be read) and its stamp, when that vouches for the read. */
export function markOf(path: string, read: NoteRead | null, stamp: FileStamp | null, startedAt: number, interactions: Record<string, KeptInteraction>): NoteMark {
	let kind: NoteKind;
	if (read === null) kind = "u";
	else if (read.interaction !== undefined) {
		const { date, channel, summary, links } = read.interaction;
		interactions[path] = [date, channel, summary, links];
		kind = "i";
	} else kind = read.prospect !== null ? "p" : read.problems.length > 0 ? "x" : "n";
	if (stamp === null || !keepable(stamp, startedAt)) return [path, -1, -1, -1, kind];
	return [path, stamp.mtime, stamp.size, stamp.ctime ?? -1, kind];
}

/**
 * Writes the layout (temp, fsync, rename), failures silent: it is only a shortcut. The file is
 * `HEAD\nTEXT\nHASH\n`: HEAD one line of JSON, TEXT the answer as printed (not escaped again), HASH
 * the sha-256 of what comes before it. Written a piece at a time: the answer is never copied whole.
 */
export function saveLayout(file: string, dir: string, scope: string, layout: Layout): void {
	let out: AtomicFile | null = null;
	try {
		mkdirSync(dir, { recursive: true });
		out = new AtomicFile(file);
		const hash = createHash("sha256");
		const put = (text: string): void => {
			const bytes = Buffer.from(text, "utf8");
			hash.update(bytes);
			out!.write(bytes);
		};
		// The head is one line of JSON, its notes written a few thousand at a time: at 50,000 notes the
		// whole line is 8 MB, twice over as a string and its bytes (peak memory, docs/performance.md).
		const head = JSON.stringify({ format: LAYOUT_FORMAT, scope, key: layout.key, notes: [], interactions: layout.interactions, phrases: layout.phrases ?? [], tz: layout.tz ?? "" });
		const notesAt = head.indexOf('"notes":[]') + '"notes":['.length;
		put(head.slice(0, notesAt));
		for (let from = 0; from < layout.notes.length; from += NOTES_PER_PIECE) {
			const piece = JSON.stringify(layout.notes.slice(from, from + NOTES_PER_PIECE));
			put(from === 0 ? piece.slice(1, -1) : `,${piece.slice(1, -1)}`);
		}
		put(`${head.slice(notesAt)}\n`);
		const text = layout.text;
		for (let from = 0; from < text.length; ) {
			let to = Math.min(text.length, from + (1 << 20));
			// A character beyond U+FFFF is never cut in two.
			if (to < text.length && /[\ud800-\udbff]/.test(text[to - 1])) to--;
			put(text.slice(from, to));
			from = to;
		}
		out.write(Buffer.from(`\n${hash.digest("hex")}\n`, "utf8"));
		out.commit();
	} catch {
		out?.abort();
	} finally {
		if (out !== null) closeSync(out.fd);
	}
}

/** The layout kept for `key`, or null (none, another question, damaged, foreign). */
export function loadLayout(file: string, scope: string, key: string): Layout | null {
	try {
		const bytes = readFileSync(file);
		const end = bytes.length - 66;
		if (end < 0 || bytes[end] !== 0x0a || bytes[bytes.length - 1] !== 0x0a) return null;
		const body = bytes.subarray(0, end);
		if (createHash("sha256").update(body).digest("hex") !== bytes.toString("latin1", end + 1, bytes.length - 1)) return null;
		const line = body.indexOf(0x0a);
		if (line < 0) return null;
		const data = JSON.parse(body.toString("utf8", 0, line)) as Partial<Layout> & { format?: unknown; scope?: unknown };
		if (data.format !== LAYOUT_FORMAT || data.scope !== scope || data.key !== key) return null;
		if (!Array.isArray(data.notes) || typeof data.interactions !== "object" || data.interactions === null) return null;
		return { key, notes: data.notes, interactions: data.interactions, text: body.toString("utf8", line + 1), phrases: data.phrases, tz: data.tz };
	} catch {
		return null;
	}
}

type ProspectRow = DueJson["prospects"][number];
type ProblemRow = DueJson["problems"][number];

const BUCKET_ORDER = new Map<string, number>(BUCKETS.map((bucket, i) => [bucket, i]));

/** compareEntries (rules/due.ts) on the rows of the answer: bucket, day and time, value (largest first), name, path. */
function compareRows(a: ProspectRow, b: ProspectRow): number {
	const bucketOrder = BUCKET_ORDER.get(a.bucket)! - BUCKET_ORDER.get(b.bucket)!;
	if (bucketOrder !== 0) return bucketOrder;
	if (a.due !== null && b.due !== null) {
		if (a.due !== b.due) return a.due < b.due ? -1 : 1;
		const at = a.time ?? "";
		const bt = b.time ?? "";
		if (at !== bt) return at < bt ? -1 : 1;
	}
	const byValue = (b.value ?? 0) - (a.value ?? 0);
	if (byValue !== 0) return byValue;
	return a.name.localeCompare(b.name) || a.path.localeCompare(b.path);
}

function compareProblemRows(a: ProblemRow, b: ProblemRow): number {
	return a.path.localeCompare(b.path) || (a.line ?? 0) - (b.line ?? 0);
}

export interface PatchInput {
	layout: Layout;
	/** This run's walk: path, and full path (null for a link that leads nowhere), in order. */
	walked: [path: string, full: string | null][];
	/** This run's stamps of the walk's notes, in the same order (null: none). */
	stats: (FileStamp | null)[];
	settings: TouchbaseSettings;
	today: IsoDay;
	startedAt: number;
	/** A note's text and stamp, read as readVault reads it; or an error. */
	read: (full: string) => { text: string; stamp: FileStamp; whole: boolean; times: NoteFileTimes } | { error: string };
}

/**
 * The answer mended for the notes changed since `layout`, and the layout of it; null when it
 * cannot be (then the report is built as usual).
 */
export function patchAnswer(input: PatchInput): { text: string; layout: Layout; learned: boolean } | null {
	const { layout, walked, stats, settings, today, startedAt } = input;
	const before = new Map<string, NoteMark>();
	for (const mark of layout.notes) {
		if (!Array.isArray(mark) || mark.length !== 5 || typeof mark[0] !== "string") return null;
		before.set(mark[0], mark);
	}
	/** The notes to read again: changed or new. */
	const changed: number[] = [];
	const notes: NoteMark[] = [];
	const rank = new Map<string, number>();
	for (let i = 0; i < walked.length; i++) {
		const [path, full] = walked[i];
		rank.set(path, i);
		const old = before.get(path);
		before.delete(path);
		if (full === null) {
			// A link that leads nowhere: its problem is among the answer's last ones.
			if (old?.[4] !== "u") return null;
			notes.push(old);
			continue;
		}
		const st = stats[i];
		if (st === undefined || st === null) return null;
		if (old !== undefined && old[1] !== -1 && old[1] === st.mtime && old[2] === st.size && old[3] === (st.ctime ?? -1)) {
			notes.push(old);
			continue;
		}
		if (old !== undefined && (old[4] === "i" || old[4] === "u")) return null;
		if (changed.length === PATCH_MAX_CHANGED) return null;
		changed.push(i);
		notes.push(old ?? [path, -1, -1, -1, "n"]);
	}
	/** Notes gone from the vault. */
	const gone = new Set<string>();
	for (const [path, mark] of before) {
		if (mark[4] === "i" || mark[4] === "u") return null;
		gone.add(path);
	}
	if (gone.size + changed.length > PATCH_MAX_CHANGED) return null;

	let answer: DueJson;
	try {
		answer = JSON.parse(layout.text) as DueJson;
	} catch {
		return null;
	}
	if (!Array.isArray(answer.prospects) || !Array.isArray(answer.problems) || typeof answer.counts !== "object" || answer.today !== today) return null;
	/** The problems of unreadable notes come last, in walk order (readVault's `unreadable`). */
	const unreadable = notes.filter((mark) => mark[4] === "u").length;
	if (unreadable > answer.problems.length) return null;
	const tail = answer.problems.slice(answer.problems.length - unreadable);
	const problems = answer.problems.slice(0, answer.problems.length - unreadable);

	// The changed notes, read as a run without an index reads them, and indexed with the interaction
	// notes that link to them (the only ones their rows depend on).
	const reads: [string, NoteRead][] = [];
	/** The link targets that reach the changed prospects (read/links.ts). */
	const targets = new Set<string>();
	let learned = false;
	const out = new Set<string>(gone);
	for (const i of changed) {
		const [path, full] = walked[i];
		out.add(path);
		const got = input.read(full!);
		if ("error" in got) return null;
		const read = readNote(path, got.text, settings, { file: got.times });
		if (read.interaction !== undefined) return null;
		const mark = markOf(path, read, got.whole ? got.stamp : null, startedAt, {});
		if (mark[1] !== -1) learned = true;
		notes[i] = mark;
		const kept = read.prospect === null ? read : compactRead(read, today);
		// As the index finds a prospect's interaction notes (prospectIndex.ts).
		if (kept.prospect !== null) for (const target of prospectTargets(kept.prospect.path, kept.prospect.linkNames ?? [], kept.prospect.aliases ?? [])) targets.add(target);
		if (kept.prospect !== null || kept.problems.length > 0) reads.push([path, kept]);
	}
	const index = new ProspectIndex(settings);
	for (const path of targets.size === 0 ? [] : Object.keys(layout.interactions)) {
		const kept = layout.interactions[path];
		if (!Array.isArray(kept) || kept.length !== 4 || !Array.isArray(kept[3])) return null;
		const [date, channel, summary, links] = kept;
		if (!links.some((link) => targets.has(link))) continue;
		if (typeof date !== "string" || typeof channel !== "string" || typeof summary !== "string" || !links.every((link) => typeof link === "string")) return null;
		index.put(path, { prospect: null, problems: [], interaction: { date, channel, summary, links } });
	}
	for (const [path, read] of reads) index.put(path, read);
	const fresh = dueJson(index.report(today));
	if (fresh.prospects.some((row) => row.value !== null && !Number.isFinite(row.value))) return null;

	// The kept rows, less those of the changed and gone notes; they must be in the report's order.
	const rows = answer.prospects.filter((row) => !out.has(row.path));
	const tieRank = (path: string): number => rank.get(path) ?? -1;
	const compare = (a: ProspectRow, b: ProspectRow): number => compareRows(a, b) || tieRank(a.path) - tieRank(b.path);
	for (let i = 1; i < rows.length; i++) if (compare(rows[i - 1], rows[i]) > 0 || Number.isNaN(compare(rows[i - 1], rows[i]))) return null;
	for (const row of rows) if (!rank.has(row.path)) return null;
	for (const row of fresh.prospects) rows.splice(upperBound(rows, (r) => compare(r, row) <= 0), 0, row);

	// Problems: a note's own keep their order among themselves, as the report's stable sort does.
	const kept = problems.filter((p) => !out.has(p.path));
	const compareProblem = (a: ProblemRow, b: ProblemRow): number => compareProblemRows(a, b) || tieRank(a.path) - tieRank(b.path);
	for (let i = 1; i < kept.length; i++) if (compareProblem(kept[i - 1], kept[i]) > 0) return null;
	for (const problem of fresh.problems) kept.splice(upperBound(kept, (p) => compareProblem(p, problem) <= 0), 0, problem);

	const counts: Record<string, number> = answer.counts;
	const keys = Object.keys(counts);
	if (keys.length !== BUCKETS.length + 1 || keys[keys.length - 1] !== "problems" || BUCKETS.some((b, i) => keys[i] !== b)) return null;
	for (const bucket of BUCKETS) counts[bucket] = 0;
	for (const row of rows) counts[row.bucket]++;
	counts.problems = kept.length + tail.length;
	answer.prospects = rows;
	answer.problems = [...kept, ...tail];
	const text = `${JSON.stringify(answer, null, 2)}\n`;
	const interactions = layout.interactions;
	return { text, layout: withPhrases({ key: layout.key, notes, interactions, text }), learned };
}
