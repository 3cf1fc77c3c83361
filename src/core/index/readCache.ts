// The persisted index (README "Command line", "The index is kept between runs"): the parsed form
// of each note, kept between runs so that a note is read again only when it changed. This file is
// the pure part, shared by the command line (a file in the user's cache folder) and the plugin
// (a file in its own folder): the envelope, its validation, the key of a note and the encoding of
// a read. The file I/O lives in `src/cli/readCacheFile.ts` and `src/plugin/index/readCacheStore.ts`.
import { PARSER_VERSION, type NoteRead, type ProspectNote, type Touch } from "../read/note";
import type { CheckState, TouchLine } from "../text/touchLine";
import { detach } from "../text/frontmatter";
import type { ClockTime, IsoDay } from "../text/dates";
import type { Outcome } from "../text/clauses";
import type { NextStep } from "../text/nextClause";
import type { FormKind } from "../read/forms";
import type { TouchbaseSettings } from "../settings/settings";
import { BUCKETS, KEPT, type DueEntry, type Kept } from "../rules/due";

/** The format tag: a file without it (or with another) is foreign, and ignored. */
const FORMAT_FAMILY = "touchbase-read-cache/";
export const READ_CACHE_FORMAT = `${FORMAT_FAMILY}6` as const;

/**
 * File systems that keep modification times in whole seconds (or two, as FAT does) can give a
 * note written just after it was read the same time it had. A note modified this close to the
 * read (or later) is not kept, so it is read again next time ("racily clean", as git says).
 */
export const RACY_MARGIN_MS = 2000;

/**
 * Settings that only `computeDue` and the plugin's own features read, never `readNote`: changing
 * them keeps the cache (`touchbase due --days 30` must not throw it away). Every other setting,
 * including any added later, is part of the key. `test/core/readCache.test.ts` checks that
 * `readNote` gives the same answer whatever these hold.
 */
export const SETTINGS_OUTSIDE_KEY = ["cadence", "skipWeekends", "upcomingDays", "reminders", "digestTime", "systemNotifications", "calendarPath", "calendarKeepCurrent"] as const;

/** The part of the key every note shares: the parser's version and the settings that change reading. */
export function readCacheKey(settings: TouchbaseSettings): string {
	const kept: Record<string, unknown> = { ...settings };
	for (const name of SETTINGS_OUTSIDE_KEY) delete kept[name];
	return `${PARSER_VERSION}\n${JSON.stringify(kept)}`;
}

/** What a note's file looked like when it was read. `ctime` is the CLI's (Obsidian has none). */
export interface FileStamp {
	mtime: number;
	size: number;
	ctime?: number;
}

/** One note in the file: its stamp and its read, as the JSON text `encodeRead` gives. */
export interface CacheEntry extends FileStamp {
	read: string;
	/** The prospect's due row of the day the file was written (`encodeDueRow`), or absent. */
	row?: string;
	/** The line's checksum as the file held it (`checksum`); absent for an entry not read from a file. */
	sum?: string;
	/** The line before its checksum, as the file held it: what `sum` is checked against. */
	body?: string;
}

/** The file's first line. */
export interface CacheHeader {
	format: typeof READ_CACHE_FORMAT;
	/** `readCacheKey` of the settings the notes were read with. */
	key: string;
	/** Which vault: the CLI's absolute folder, the plugin's vault name. Another is foreign. */
	scope: string;
	/** How many note lines follow; the last line repeats it, so a cut file is seen as such. */
	count: number;
	/** `checksum` of the header's other fields, in this order, one a line. */
	sum: string;
}

/**
 * FNV-1a (32 bits) of a string's UTF-16 units, as 8 hex digits: each line of a persisted file
 * carries it, so a flipped byte or an edited entry is seen. It guards against damage, not against
 * someone who wants to fool it (they could as well edit the note).
 */
export function checksum(text: string): string {
	return hex(fnv(text, 0, text.length, 0x811c9dc5));
}

/** FNV-1a of `text` from `from` to `to`, going on from `h`. */
function fnv(text: string, from: number, to: number, h: number): number {
	for (let i = from; i < to; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
	return h;
}

function hex(h: number): string {
	return (h >>> 0).toString(16).padStart(8, "0");
}

/**
 * The checksum of a note's line (the line before its last tab): over all of it but a prospect's
 * touches, which carry their own checksum, checked when they are decoded. A restart that leaves
 * them undecoded then hashes a third of the bytes (docs/performance.md, "Restart at 150 ms").
 */
export function lineSum(body: string): string {
	const at = body.indexOf(SPLIT);
	// The touches end where the read does: JSON text never holds a raw tab.
	const end = at < 0 ? -1 : body.indexOf("\t", at);
	if (end < 0) return checksum(body);
	return hex(fnv(body, end, body.length, fnv(body, 0, Math.min(at + 1 + SUM_LENGTH, end), 0x811c9dc5)));
}

/** A checksum's length in a record: after the `\u0001`, before the touches. */
const SUM_LENGTH = 8;

function headerSum(h: Omit<CacheHeader, "sum">): string {
	return checksum(`${h.format}\n${h.key}\n${h.scope}\n${h.count}`);
}

export type LoadedCache =
	/** `damaged`: lines that could not be read, left out (their notes are read again). */
	| { ok: true; notes: Map<string, CacheEntry>; damaged: number }
	/** `stale`: written for other settings or another parser version (no message: expected). */
	| { ok: false; reason: "stale" }
	| { ok: false; reason: "foreign" | "corrupt"; message: string };

// The file is lines: a header (JSON, with its checksum), one line per note, and a last line
// `{"end":COUNT}`. A note's line is `"PATH"<tab>MTIME<tab>SIZE<tab>CTIME<tab>READ<tab>ROW<tab>SUM`:
// the path as a JSON string, the numbers as JSON, CTIME empty when there is none, READ the
// `encodeRead` text, ROW the `encodeDueRow` text or empty, SUM the `lineSum` of the line before
// its last tab (a prospect's record is its head, `\u0002`, its frontmatter, `\u0001`, then its
// touches with a checksum of their own just before them, format 6). JSON text never holds a raw tab or line break, so lines and fields split without
// parsing the reads: a note's line is checked and its read parsed only when its stamp matched
// (`cachedRead`), and a note that did not change is written back as it was read.

/**
 * Checks a cache file's text. Anything but a whole, well-formed file for this scope is refused
 * with the reason (a truncated file lacks its last line; a file of another format or vault is
 * foreign); a file for other settings or another parser version is stale.
 */
export function parseCache(text: string, scope: string, key: string): LoadedCache {
	const first = text.indexOf("\n");
	let header: unknown;
	try {
		header = JSON.parse(first < 0 ? text : text.slice(0, first));
	} catch {
		return { ok: false, reason: "foreign", message: "it is not a Touchbase index" };
	}
	if (!isObject(header) || typeof header.format !== "string" || !header.format.startsWith(FORMAT_FAMILY)) return { ok: false, reason: "foreign", message: "it is not a Touchbase index" };
	// An index an older Touchbase wrote: expected after an update, rebuilt without a word.
	if (header.format !== READ_CACHE_FORMAT) return { ok: false, reason: "stale" };
	if (!isFiniteNumber(header.count) || first < 0) return { ok: false, reason: "corrupt", message: "it is cut short" };
	if (typeof header.key !== "string" || typeof header.scope !== "string" || header.sum !== headerSum({ format: READ_CACHE_FORMAT, key: header.key, scope: header.scope, count: header.count })) {
		return { ok: false, reason: "corrupt", message: "its first line is damaged" };
	}
	if (header.scope !== scope) return { ok: false, reason: "foreign", message: "it belongs to another vault" };
	const count = header.count;
	const end = `{"end":${count}}`;
	if (!(text.endsWith(`\n${end}\n`) || text.endsWith(`\n${end}`))) return { ok: false, reason: "corrupt", message: "it is cut short (no end line)" };
	if (header.key !== key) return { ok: false, reason: "stale" };
	const notes = new Map<string, CacheEntry>();
	let damaged = 0;
	let at = first + 1;
	for (let n = 0; n < count; n++) {
		const eol = text.indexOf("\n", at);
		if (eol < 0) return { ok: false, reason: "corrupt", message: "it has fewer notes than it says" };
		// A damaged line costs only its own note, which is read again.
		const entry = parseLine(text, at, eol);
		if (entry !== null) notes.set(entry.path, entry.entry);
		else damaged++;
		at = eol + 1;
	}
	if (text.slice(at).replace(/\n$/, "") !== end) return { ok: false, reason: "corrupt", message: "it has more notes than it says" };
	return { ok: true, notes, damaged };
}

function parseLine(text: string, from: number, to: number): { path: string; entry: CacheEntry } | null {
	const t1 = text.indexOf("\t", from);
	const t2 = t1 < 0 ? -1 : text.indexOf("\t", t1 + 1);
	const t3 = t2 < 0 ? -1 : text.indexOf("\t", t2 + 1);
	const t4 = t3 < 0 ? -1 : text.indexOf("\t", t3 + 1);
	const t5 = t4 < 0 ? -1 : text.indexOf("\t", t4 + 1);
	const t6 = text.lastIndexOf("\t", to);
	if (t5 < 0 || t5 >= to || t6 <= t5) return null;
	let path: unknown;
	try {
		path = JSON.parse(text.slice(from, t1));
	} catch {
		return null;
	}
	const mtime = Number(text.slice(t1 + 1, t2));
	const size = Number(text.slice(t2 + 1, t3));
	const ctimeText = text.slice(t3 + 1, t4);
	const ctime = ctimeText === "" ? undefined : Number(ctimeText);
	const read = text.slice(t4 + 1, t5);
	const rowText = text.slice(t5 + 1, t6);
	const sum = text.slice(t6 + 1, to);
	if (typeof path !== "string" || !Number.isFinite(mtime) || !Number.isFinite(size) || (ctime !== undefined && !Number.isFinite(ctime)) || read === "" || !/^[0-9a-f]{8}$/.test(sum)) return null;
	const body = text.slice(from, t6);
	const entry: CacheEntry = ctime === undefined ? { mtime, size, read, sum, body } : { mtime, size, ctime, read, sum, body };
	if (rowText !== "") entry.row = rowText;
	return { path, entry };
}

/** A note's line without its checksum: what the checksum is of. */
function lineBody(path: string, e: CacheEntry): string {
	return `${pathText(path)}\t${e.mtime}\t${e.size}\t${e.ctime ?? ""}\t${e.read}\t${e.row ?? ""}`;
}

/**
 * The read an entry of the file holds, or null when it cannot be trusted: its checksum does not
 * match its line (a flipped byte, an edit), or what it decodes to is not a read of that note
 * (`isNoteRead`). The caller then reads the note itself. An entry made in this run (no `sum`)
 * is only decoded and checked.
 */
export function cachedRead(path: string, entry: CacheEntry, decode: (text: string) => NoteRead = decodeRead, lazy = false): NoteRead | null {
	if (entry.sum !== undefined && lineSum(entry.body ?? lineBody(path, entry)) !== entry.sum) return null;
	let read: NoteRead;
	try {
		read = decode(entry.read);
	} catch {
		return null;
	}
	return isNoteRead(read, path, lazy) ? read : null;
}

/** The file's text for these notes, in the Map's order (the same vault gives the same bytes). */
export function serializeCache(scope: string, key: string, notes: ReadonlyMap<string, CacheEntry>): string {
	return [...cacheLines(scope, key, notes), ""].join("\n");
}

/** The file's lines, one at a time: a caller writing them as they come never holds the whole text. */
export function* cacheLines(scope: string, key: string, notes: ReadonlyMap<string, CacheEntry>): Generator<string> {
	const fields = { format: READ_CACHE_FORMAT, key, scope, count: notes.size };
	const header: CacheHeader = { ...fields, sum: headerSum(fields) };
	yield ascii(JSON.stringify(header));
	for (const [path, e] of notes) {
		const body = lineBody(path, e);
		yield `${body}\t${lineSum(body)}`;
	}
	yield `{"end":${notes.size}}`;
}

/** Whether a stored stamp still describes the file. */
export function sameStamp(a: FileStamp, b: FileStamp): boolean {
	return a.mtime === b.mtime && a.size === b.size && (a.ctime ?? null) === (b.ctime ?? null);
}

/**
 * Whether a note read at `readAt` (ms since the epoch, taken before reading) may be kept: its
 * modification time, and its change time where there is one, are older than the read by more
 * than the margin. A later write then always gives a later change time, even on a file system
 * that keeps whole seconds, and even when a tool puts the modification time back.
 */
export function keepable(stamp: FileStamp, readAt: number): boolean {
	return stamp.mtime < readAt - RACY_MARGIN_MS && (stamp.ctime === undefined || stamp.ctime < readAt - RACY_MARGIN_MS);
}

// ---- a read as JSON text, whatever fields it has ----
//
// A read is plain data (objects, arrays, strings, numbers, booleans, null), but its frontmatter
// holds whatever YAML gave: NaN and Infinity (`.nan`, `.inf`), -0, and a Date or undefined would
// not survive JSON as they are. They are written as tagged strings starting with U+0000, and a
// real string that starts with U+0000 is escaped the same way. A read holding anything else (a
// Map, a class instance, a function) is not kept: `encodeRead` returns null and the note is
// simply read again next time.

const TAG = "\u0000";

class Unencodable extends Error {}

function encodeValue(value: unknown): unknown {
	switch (typeof value) {
		case "string":
			return value.startsWith(TAG) ? `${TAG}s${value}` : value;
		case "boolean":
			return value;
		case "number":
			if (Number.isNaN(value)) return `${TAG}n`;
			if (value === Infinity) return `${TAG}i`;
			if (value === -Infinity) return `${TAG}I`;
			if (Object.is(value, -0)) return `${TAG}z`;
			return value;
		case "undefined":
			return `${TAG}u`;
		case "object": {
			if (value === null) return null;
			if (Array.isArray(value)) return value.map(encodeValue);
			if (value instanceof Date) return `${TAG}d${value.getTime()}`;
			const proto: unknown = Object.getPrototypeOf(value);
			if (proto !== Object.prototype && proto !== null) throw new Unencodable();
			const out: Record<string, unknown> = {};
			for (const k of Object.keys(value)) defineKey(out, k, encodeValue((value as Record<string, unknown>)[k]));
			return out;
		}
		default:
			throw new Unencodable();
	}
}

function decodeValue(value: unknown): unknown {
	if (typeof value === "string") {
		if (!value.startsWith(TAG)) return value;
		switch (value[1]) {
			case "s":
				return value.slice(2);
			case "n":
				return NaN;
			case "i":
				return Infinity;
			case "I":
				return -Infinity;
			case "z":
				return -0;
			case "u":
				return undefined;
			case "d":
				return new Date(Number(value.slice(2)));
			default:
				throw new Error("unknown tag in a cached read");
		}
	}
	if (value === null || typeof value !== "object") return value;
	if (Array.isArray(value)) return value.map(decodeValue);
	const out: Record<string, unknown> = {};
	for (const k of Object.keys(value)) defineKey(out, k, decodeValue((value as Record<string, unknown>)[k]));
	return out;
}

/** `__proto__` is a key like any other in frontmatter: kept as an own property. */
function defineKey(out: Record<string, unknown>, key: string, value: unknown): void {
	if (key === "__proto__") Object.defineProperty(out, key, { value, enumerable: true, writable: true, configurable: true });
	else out[key] = value;
}

// ---- the compact record ----
//
// A record keeps what the due list, the view's rows, reminders, stats, the calendar and the Bases
// view read on the day it was made and on any later day (docs/performance.md, "The compact
// index"). A note's full text is read again where more is needed: `explain` and the commands.
// Left out: the dated lines not used and the cues behind each date (`explain` only); and of a
// touch that is settled from that day on (checked off or cancelled, or logged on or before the
// day) and is not the latest touch, its line as written, its summary and its parsed line (all
// but its Tasks dates). Which touches are settled depends on the day: such a record starts with
// `@DAY` and is used on that day or later only; on an earlier day (`due --today` in the past) the
// note is read again.

/** A touch whose words are left out: empty text, its figures kept. */
function settledTouch(t: Touch): Touch {
	const p = t.parsed as TouchLine | null | undefined;
	return settled(t.line, t.check, t.date, t.time, t.channel, t.outcome, t.objective, t.next, p?.tasks ?? null, p?.dateForm === "tasks", t.from);
}

/** The same, from its figures (a restart builds 20,000 of them: no spreads). */
function settled(line: number, check: CheckState, date: IsoDay, time: ClockTime | null, channel: string | null, outcome: Outcome | null, objective: string | null, next: NextStep | null, tasks: TouchLine["tasks"], fromTasks: boolean, from: FormKind | undefined): Touch {
	const parsed: TouchLine = { indent: "", bullet: "", checkbox: null, date, dateForm: fromTasks ? "tasks" : "plain", alias: null, time, channel, channelWord: null, channelColon: false, text: "", tasks };
	const t: Touch = { line, raw: "", check, date, time, channel, summary: "", outcome, objective, next, parsed };
	if (from === undefined) return t;
	return { line, raw: "", check, date, time, channel, summary: "", outcome, objective, next, from, parsed };
}

/** A touch without what only `explain` reads. */
function withoutCues<T extends { cues?: string[]; year?: string }>(value: T): T {
	if (value.cues === undefined && value.year === undefined) return value;
	const out = { ...value };
	delete out.cues;
	delete out.year;
	return out;
}

/** Whether `b` is a later touch than `a`, as the due list judges it (rules/due.ts). */
function isLater(b: Touch, a: Touch): boolean {
	if (a.date !== b.date) return b.date > a.date;
	if (a.time !== null && b.time !== null && a.time !== b.time) return b.time > a.time;
	return b.line > a.line;
}

/**
 * The touches whose words a record keeps for `day` and later: every one still open on `day`
 * (they become scheduled or done later), the latest done by `day` (the last touch's summary and
 * its promised next step), and those on a line a follow-up date was read from.
 */
function wordsKept(prospect: ProspectNote, day: IsoDay): Set<Touch> {
	const kept = new Set<Touch>();
	let latest: Touch | null = null;
	const followUpLines = new Set(prospect.nextFollowUp.map((f) => f.line));
	for (const t of prospect.touches) {
		const doneBy = t.check === "done" || (t.check === "none" && t.date <= day);
		if (doneBy) {
			if (latest === null || isLater(t, latest)) latest = t;
		} else if (t.check !== "cancelled") kept.add(t);
		if (followUpLines.has(t.line) || t.source !== undefined) kept.add(t);
	}
	if (latest !== null) kept.add(latest);
	return kept;
}

/**
 * The read a record holds for `day` (null: for any day, every touch whole): what decoding the
 * record gives, and what the index keeps in memory for it.
 */
export function compactRead(read: NoteRead, day: IsoDay | null): NoteRead {
	return compact(read, day).read;
}

/** The compact read, and its settled touches (none: the record holds for any day). */
function compact(read: NoteRead, day: IsoDay | null): { read: NoteRead; settled: Set<Touch> } {
	const settled = new Set<Touch>();
	const p = read.prospect;
	if (p === null || typeof p !== "object" || !Array.isArray(p.touches)) return { read, settled };
	const kept = day === null ? null : wordsKept(p, day);
	const touches = p.touches.map((t) => {
		if (kept === null || kept.has(t)) return withoutCues(t);
		const s = settledTouch(t);
		settled.add(s);
		return s;
	});
	// Frontmatter and touches last, as a decoded record has them (`decodeLazy`); `unused` left out without a
	// `delete`, which would make the object a slow one. Copied key by key: a rest pattern (`...rest`)
	// took several times as long at a first index (docs/performance.md). Its strings are made its
	// own, so a prospect does not keep the whole frontmatter text alive (peak memory).
	const copy: Record<string, unknown> = {};
	for (const key in p) {
		if (key === "touches" || key === "unused" || key === "frontmatter" || !Object.prototype.hasOwnProperty.call(p, key)) continue;
		const value = p[key as keyof ProspectNote];
		copy[key] = typeof value === "string" || Array.isArray(value) ? ownStrings(value as string | string[]) : value;
	}
	copy.nextFollowUp = p.nextFollowUp.map(withoutCues);
	copy.lastContact = p.lastContact === null ? null : withoutCues(p.lastContact);
	copy.frontmatter = ownStrings(p.frontmatter);
	copy.touches = touches;
	const prospect = copy as unknown as ProspectNote;
	return { read: { ...read, prospect }, settled };
}

/**
 * `value` with each string in it a copy of its own (plain objects and arrays copied, keys in their
 * order; anything else kept as it is). A value parsed from the frontmatter is a piece of its text,
 * and one piece kept keeps the whole text alive: 7 MB at 50,000 notes (docs/performance.md, "Cold
 * run's memory").
 */
function ownStrings<T>(value: T): T {
	if (typeof value === "string") return detach(value) as T;
	if (typeof value !== "object" || value === null) return value;
	if (Array.isArray(value)) return value.map(ownStrings) as T;
	if (Object.getPrototypeOf(value) !== Object.prototype) return value;
	const copy: Record<string, unknown> = {};
	for (const key of Object.keys(value)) copy[key] = ownStrings((value as Record<string, unknown>)[key]);
	return copy as T;
}

// ---- touches packed as arrays ----
//
// A prospect's touches are most of its read, and each is two objects with the same keys every
// time, its text told up to three times (`summary`, the line's `text`, the `raw` line). Packed, a
// touch is one array in the key order below, and a value of the parsed line that repeats the
// touch's own is written 0 (those fields are never numbers); the line and its text are written
// without the part they share with the text and the summary (\`["- 2026-08-13 call: "]\`). A
// settled touch (above) is a shorter array of its figures. A touch with other keys is written as
// it is.

const TOUCH_KEYS = ["line", "raw", "check", "date", "time", "channel", "summary", "outcome", "objective", "next", "parsed"] as const;
const FORM_TOUCH_KEYS = ["line", "raw", "check", "date", "time", "channel", "summary", "outcome", "objective", "next", "from", "parsed"] as const;
const LINE_KEYS = ["indent", "bullet", "checkbox", "date", "dateForm", "alias", "time", "channel", "channelWord", "channelColon", "text", "tasks"] as const;
/** In a packed touch: the parsed line's value is the touch's own. */
const SAME = 0;
/** The length of a packed whole touch (one more with its form), and of a packed settled one. */
const WHOLE = 22;
const SETTLED = 11;
/** A settled touch's check, in one letter. */
const CHECK_CODE: Record<CheckState, string> = { none: "n", done: "d", open: "o", cancelled: "c" };
const CHECK_OF: Record<string, CheckState | undefined> = { n: "none", d: "done", o: "open", c: "cancelled" };

function hasKeys(value: object, keys: readonly string[]): boolean {
	const own = Object.keys(value);
	return own.length === keys.length && own.every((k, i) => k === keys[i]);
}

function packTouch(t: Touch, isSettled: boolean): Touch | unknown[] {
	if (isSettled) {
		// Its figures, without the nulls at the end: [line, check, date] at the least.
		const v: unknown[] = [t.line, CHECK_CODE[t.check], t.date, t.time, t.channel, t.outcome, t.objective, t.next, t.parsed.tasks, t.parsed.dateForm === "tasks" ? 1 : null, t.from ?? null];
		let n = v.length;
		while (n > 3 && v[n - 1] === null) n--;
		v.length = n;
		return v;
	}
	const p = t.parsed as TouchLine | null;
	const form = hasKeys(t, FORM_TOUCH_KEYS);
	if (!(form || hasKeys(t, TOUCH_KEYS)) || typeof p !== "object" || p === null || !hasKeys(p, LINE_KEYS)) return t;
	const same = (a: unknown, b: unknown): unknown => (a === b ? SAME : a);
	return [t.line, ending(t.raw, p.text), t.check, t.date, t.time, t.channel, t.summary, t.outcome, t.objective, t.next,
		p.indent, p.bullet, p.checkbox, same(p.date, t.date), p.dateForm, p.alias, same(p.time, t.time), same(p.channel, t.channel), p.channelWord, p.channelColon, starting(p.text, t.summary), p.tasks, ...(form ? [t.from] : [])];
}

/**
 * `whole` without the `end` it repeats (a line ends with its text), as a one-string array; the
 * string itself when it does not end so. The line's text begins with the summary in the same way.
 */
function ending(whole: string, end: string): string | [string] {
	return end !== "" && whole.endsWith(end) ? [whole.slice(0, whole.length - end.length)] : whole;
}

function starting(whole: string, start: string): unknown {
	if (whole === start) return SAME;
	return start !== "" && whole.startsWith(start) ? [whole.slice(start.length)] : whole;
}

function pieceText(v: unknown): string {
	if (typeof v === "string") return v;
	if (Array.isArray(v) && v.length === 1 && typeof v[0] === "string") return v[0];
	throw new Error("a cached touch is damaged");
}

function unpackTouch(packed: unknown): Touch {
	if (!Array.isArray(packed)) return packed as Touch;
	const v = packed as unknown[];
	if (v.length >= 3 && v.length <= SETTLED) {
		const check = CHECK_OF[v[1] as string];
		if (check === undefined) throw new Error("a cached touch is damaged");
		const or = (x: unknown): unknown => (x === undefined ? null : x);
		return settled(v[0] as number, check, v[2] as IsoDay, or(v[3]) as ClockTime | null, or(v[4]) as string | null, or(v[5]) as Outcome | null, or(v[6]) as string | null, or(v[7]) as NextStep | null, or(v[8]) as TouchLine["tasks"], v[9] === 1, (v[10] ?? undefined) as FormKind | undefined);
	}
	if (v.length !== WHOLE && v.length !== WHOLE + 1) throw new Error("a cached touch is damaged");
	const or = (a: unknown, b: unknown): unknown => (a === SAME ? b : a);
	const summary = pieceText(v[6]);
	const text = v[20] === SAME ? summary : Array.isArray(v[20]) ? summary + pieceText(v[20]) : pieceText(v[20]);
	const raw = Array.isArray(v[1]) ? pieceText(v[1]) + text : pieceText(v[1]);
	const parsed = {
		indent: v[10], bullet: v[11], checkbox: v[12], date: or(v[13], v[3]), dateForm: v[14], alias: v[15],
		time: or(v[16], v[4]), channel: or(v[17], v[5]), channelWord: v[18], channelColon: v[19], text, tasks: v[21],
	} as unknown as TouchLine;
	return { line: v[0], raw, check: v[2], date: v[3], time: v[4], channel: v[5], summary, outcome: v[7], objective: v[8], next: v[9], ...(v.length > WHOLE ? { from: v[WHOLE] } : {}), parsed } as unknown as Touch;
}

function packRead(read: NoteRead, settled: ReadonlySet<Touch>): NoteRead {
	const prospect = read.prospect;
	if (prospect === null || !Array.isArray(prospect.touches)) return read;
	return { ...read, prospect: { ...prospect, touches: prospect.touches.map((t) => packTouch(t, settled.has(t))) as Touch[] } };
}

function unpackRead(read: NoteRead): NoteRead {
	if (read === null || typeof read !== "object") throw new Error("a cached read is not an object");
	const touches = read.prospect?.touches;
	if (Array.isArray(touches)) for (let i = 0; i < touches.length; i++) touches[i] = unpackTouch(touches[i]);
	return read;
}

/** Every character beyond ASCII as a JSON escape: the file is then read as one-byte strings. */
function ascii(json: string): string {
	return /[\u0080-\uffff]/.test(json) ? json.replace(/[\u0080-\uffff]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`) : json;
}

/** The JSON text of a path, in ASCII. */
export function pathText(path: string): string {
	return ascii(JSON.stringify(path));
}

/** A record's day (`@DAY` before its JSON): it is used on that day or later only. */
const DAY_MARK = "@";

/**
 * A read as the text of its record for `day` and later (null: any day), or null when it holds
 * something JSON cannot carry back.
 */
export function encodeRead(read: NoteRead, day: IsoDay | null = null): string | null {
	return encodeCompact(compact(read, day), day);
}

/** The text of a read that is nothing (no prospect, no problem, no interaction): most of a vault. */
export const NOTHING_TEXT = '{"prospect":null,"problems":[]}';

/**
 * `compactRead` and `encodeRead` of one read, compacting it once; a read that is nothing is not
 * even encoded (its text is always `NOTHING_TEXT`). The cold run's path: one compaction, and one
 * shared text for most notes (docs/performance.md, "Cold run's memory").
 */
export function compactAndEncode(read: NoteRead, day: IsoDay | null): { read: NoteRead; encoded: string | null } {
	if (read.prospect === null && read.problems.length === 0 && read.interaction === undefined && Object.keys(read).length === 2) return { read, encoded: NOTHING_TEXT };
	const c = compact(read, day);
	return { read: c.read, encoded: encodeCompact(c, day) };
}

function encodeCompact({ read: small, settled }: { read: NoteRead; settled: Set<Touch> }, day: IsoDay | null): string | null {
	try {
		const packed = packRead(small, settled);
		const p = packed.prospect;
		// A prospect's touches after the rest: a restart may leave them undecoded until first read (`decodeLazy`).
		const split = Array.isArray(p?.touches);
		// Then its frontmatter, between the two: decoded on first read as well.
		const { touches: _touches, frontmatter, ...rest } = p ?? {};
		const head = ascii(JSON.stringify(encodeValue(split ? { ...packed, prospect: rest } : packed)));
		const touches = split ? ascii(JSON.stringify(encodeValue(p.touches))) : "";
		const text = split ? `${head}${FRONTMATTER}${ascii(JSON.stringify(encodeValue(frontmatter)))}${SPLIT}${checksum(touches)}${touches}` : head;
		// Tagged values need the slow way back; most reads have none.
		const body = text.includes("\\u0000") ? `${TAG}${text}` : text;
		return settled.size > 0 ? `${DAY_MARK}${day}${body}` : body;
	} catch (error) {
		if (error instanceof Unencodable) return null;
		throw error;
	}
}

/** The first day a record may be used on, or null for any day. */
export function recordDay(text: string): IsoDay | null {
	return text.startsWith(DAY_MARK) ? text.slice(1, 11) : null;
}

/** Whether a record may be used on `today` (a record made for a later day may not). */
export function usableOn(text: string, today: IsoDay): boolean {
	const day = recordDay(text);
	return day === null || day <= today;
}

/** The read `encodeRead` was given, as `compactRead` leaves it. Throws on damaged text (the caller reads the note instead). */
export function decodeRead(text: string): NoteRead {
	if (text.startsWith(DAY_MARK)) text = text.slice(11);
	const tagged = text.startsWith(TAG);
	if (tagged) text = text.slice(1);
	const parse = (json: string): unknown => (tagged ? decodeValue(JSON.parse(json)) : JSON.parse(json));
	const at = text.indexOf(SPLIT);
	if (at < 0) return unpackRead(parse(text) as NoteRead);
	const fm = frontmatterAt(text, at);
	const read = parse(text.slice(0, fm)) as NoteRead;
	const head = headOf(read);
	head.frontmatter = parse(text.slice(fm + 1, at)) as Record<string, unknown>;
	head.touches = parse(touchesText(text, at)) as Touch[];
	return unpackRead(read);
}

/** Where a record's frontmatter starts (its `\u0002`), before its touches at `at`; throws when there is none. */
function frontmatterAt(text: string, at: number): number {
	const fm = text.lastIndexOf(FRONTMATTER, at);
	if (fm < 0) throw new Error("a cached read is damaged");
	return fm;
}

/** Between a record's prospect and its frontmatter. */
const FRONTMATTER = "\u0002";

/** A record's touches, after the `\u0001` at `at` and their checksum; throws when it does not match. */
function touchesText(text: string, at: number): string {
	const touches = text.slice(at + 1 + SUM_LENGTH);
	if (checksum(touches) !== text.slice(at + 1, at + 1 + SUM_LENGTH)) throw new Error("a cached read's touches are damaged");
	return touches;
}

/** Between a record's prospect and its touches: a character JSON text never holds as it is. */
const SPLIT = "\u0001";

function headOf(read: NoteRead): ProspectNote {
	if (!isObject(read) || !isObject(read.prospect)) throw new Error("a cached read is damaged");
	return read.prospect;
}

/**
 * As `decodeRead`, but a prospect's touches are decoded when first read (docs/performance.md,
 * "Restart"), and checked then: if they are damaged, they are what `damaged` gives (the note's
 * own, read again), or none (the caller reads the note again later).
 */
export function decodeLazy(text: string, damaged: () => Touch[] | void): NoteRead {
	const body = text.startsWith(DAY_MARK) ? text.slice(11) : text;
	const at = body.indexOf(SPLIT);
	if (at < 0 || body.startsWith(TAG)) return decodeRead(text);
	const fm = frontmatterAt(body, at);
	const read = JSON.parse(body.slice(0, fm)) as NoteRead;
	// Added last, with getters shared by every record: the objects stay fast ones of one shape
	// (a getter of its own, or one put over a key, made each a slow one: 15 ms more at a restart).
	const head = headOf(read);
	Object.defineProperty(head, LAZY, { value: { text: body, at, fm, damaged, touches: null, frontmatter: null } satisfies LazyTouches });
	Object.defineProperty(head, "frontmatter", { enumerable: true, configurable: true, get: lazyFrontmatter, set: setFrontmatter });
	Object.defineProperty(head, "touches", { enumerable: true, configurable: true, get: lazyTouches, set: setTouches });
	return read;
}

/** Where a record's frontmatter and touches are, until first read (`decodeLazy`). */
const LAZY = Symbol("touches");

interface LazyTouches {
	text: string;
	at: number;
	fm: number;
	damaged: () => Touch[] | void;
	touches: Touch[] | null;
	frontmatter: Record<string, unknown> | null;
}

/**
 * The frontmatter, parsed when first read. The line's checksum covers it: only a faulty writer
 * can leave it damaged, and then it reads as none and the note is read again.
 */
function lazyFrontmatter(this: { [LAZY]: LazyTouches }): Record<string, unknown> {
	const lazy = this[LAZY];
	if (lazy.frontmatter === null) {
		try {
			const fm: unknown = JSON.parse(lazy.text.slice(lazy.fm + 1, lazy.at));
			if (!isObject(fm)) throw new Error();
			lazy.frontmatter = fm;
		} catch {
			lazy.frontmatter = {};
			lazy.damaged();
		}
	}
	return lazy.frontmatter;
}

function setFrontmatter(this: { [LAZY]: LazyTouches }, value: Record<string, unknown>): void {
	this[LAZY].frontmatter = value;
}

function lazyTouches(this: { [LAZY]: LazyTouches }): Touch[] {
	const lazy = this[LAZY];
	if (lazy.touches === null) {
		try {
			const touches = (JSON.parse(touchesText(lazy.text, lazy.at)) as unknown[]).map(unpackTouch);
			if (!arrayOf(touches, isTouch)) throw new Error();
			lazy.touches = touches;
		} catch {
			lazy.touches = (lazy.damaged() as Touch[] | undefined) ?? [];
		}
	}
	return lazy.touches;
}

function setTouches(this: { [LAZY]: LazyTouches }, value: Touch[]): void {
	this[LAZY].touches = value;
}

// ---- the shape of a read ----
//
// Whatever passes its checksum is still checked for the shape the index relies on, so an entry
// written by a faulty version, or edited with its checksum made again, is dropped (its note read
// again) instead of stopping `due` or giving a wrong date.

const ISO_DAY = /^\d{4}-\d{2}-\d{2}$/;
const CLOCK = /^\d{2}:\d{2}$/;
const STATUSES = new Set(["lead", "active", "paused", "won", "lost"]);
const CHECKS = new Set(["open", "done", "cancelled", "none"]);

const isStr = (v: unknown): v is string => typeof v === "string";
const strOrNull = (v: unknown): boolean => v === null || typeof v === "string";
const isDay = (v: unknown): boolean => typeof v === "string" && ISO_DAY.test(v);
const dayOrNull = (v: unknown): boolean => v === null || isDay(v);
const clockOrNull = (v: unknown): boolean => v === null || (typeof v === "string" && CLOCK.test(v));
const lineOrNull = (v: unknown): boolean => v === null || (typeof v === "number" && Number.isInteger(v) && v >= 0);
const arrayOf = (v: unknown, each: (x: unknown) => boolean): boolean => Array.isArray(v) && v.every(each);

function isProblem(v: unknown): boolean {
	return isObject(v) && isStr(v.path) && lineOrNull(v.line) && isStr(v.message);
}

function isDated(v: unknown): boolean {
	return isObject(v) && isDay(v.date) && clockOrNull(v.time) && lineOrNull(v.line);
}

function isTouch(v: unknown): boolean {
	if (!isObject(v)) return false;
	const next = v.next;
	const nextOk = next === null || (isObject(next) && isDay(next.date) && clockOrNull(next.time) && strOrNull(next.channel) && isStr(next.text));
	return lineOrNull(v.line) && isStr(v.raw) && CHECKS.has(v.check as string) && isDay(v.date) && clockOrNull(v.time) && strOrNull(v.channel) && isStr(v.summary) && strOrNull(v.outcome) && strOrNull(v.objective) && nextOk && (v.parsed === null || isObject(v.parsed));
}

function isCadence(v: unknown): boolean {
	return v === null || (isObject(v) && (v.kind === "none" || (v.kind === "steps" && Array.isArray(v.steps))));
}

/** Whether `read` has the shape `readNote` gives for the note at `path` (its touches and frontmatter left to `decodeLazy` when `lazy`). */
export function isNoteRead(read: unknown, path: string, lazy = false): read is NoteRead {
	if (!isObject(read) || !arrayOf(read.problems, isProblem)) return false;
	if (read.interaction !== undefined) {
		const i = read.interaction;
		if (!isObject(i) || !isDay(i.date) || !isStr(i.channel) || !isStr(i.summary) || !arrayOf(i.links, isStr)) return false;
	}
	const p = read.prospect;
	if (p === null) return true;
	if (!isObject(p)) return false;
	return (
		p.path === path &&
		isStr(p.name) &&
		STATUSES.has(p.status as string) &&
		dayOrNull(p.pausedUntil) &&
		strOrNull(p.company) &&
		strOrNull(p.contact) &&
		strOrNull(p.channel) &&
		dayOrNull(p.created) &&
		(p.value === null || (typeof p.value === "number" && Number.isFinite(p.value))) &&
		arrayOf(p.owners, isStr) &&
		strOrNull(p.email) &&
		strOrNull(p.phone) &&
		isCadence(p.cadence) &&
		arrayOf(p.nextFollowUp, isDated) &&
		(p.lastContact === null || isDated(p.lastContact)) &&
		(lazy || (arrayOf(p.touches, isTouch) && isObject(p.frontmatter))) &&
		arrayOf(p.problems, isProblem) &&
		(p.unused === undefined || Array.isArray(p.unused))
	);
}

function isObject(value: unknown): value is Record<string, unknown> {
	return typeof value === "object" && value !== null && !Array.isArray(value);
}

function isFiniteNumber(value: unknown): value is number {
	return typeof value === "number" && Number.isFinite(value);
}

// ---- a prospect's due row ----
//
// The plugin and the CLI keep, beside a prospect's record, its due entry as worked out on the day
// the file was written (docs/performance.md, "Restart"): a start or run on that day takes it as it
// is instead of working it out again. It is used only on that day, for the same due settings (the file's key
// covers the others), and only for a prospect no interaction note adds touches to; on any other
// day the entry is worked out from the record, as before.

/**
 * The row of `entry`, worked out on `day` with the due settings `dueSettings` (ProspectIndex),
 * with what its prospect brings the view's week line and the reminders that day (`Kept`).
 */
export function encodeDueRow(entry: DueEntry, day: IsoDay, dueSettings: string, kept: Kept): string {
	const timed = kept.timed.map((t) => [t.line, t.raw, t.date, t.time, t.channel, t.objective, t.summary]);
	return ascii(JSON.stringify([day, checksum(dueSettings), { ...entry, prospect: 0 }, kept.touches, kept.answers, timed]));
}

/** `checksum` of the due settings, worked out once for the 2,000 rows of a restart. */
let dueSum = { of: "", sum: checksum("") };
function dueSettingsSum(dueSettings: string): string {
	if (dueSum.of !== dueSettings) dueSum = { of: dueSettings, sum: checksum(dueSettings) };
	return dueSum.sum;
}

/** The day a row was made on, or null when the text is not a row. */
export function dueRowDay(text: string): IsoDay | null {
	return text.startsWith('["') && ISO_DAY.test(text.slice(2, 12)) ? text.slice(2, 12) : null;
}

/**
 * `prospect`'s due entry from its row, when the row was made on `day` with `dueSettings`; null
 * otherwise, or when the row is not a well-formed one (the entry is then worked out again).
 */
export function decodeDueRow(text: string, day: IsoDay, dueSettings: string, prospect: ProspectNote): DueEntry | null {
	if (dueRowDay(text) !== day) return null;
	try {
		// By index, not destructured: destructuring goes through an iterator, which cost a restart's
		// 2,000 rows 15-20 ms before the code is optimised (docs/performance.md, "Restart at 150 ms").
		const row = JSON.parse(text) as [IsoDay, string, Record<string, unknown>, number, number, unknown[][]];
		const sum = row[1];
		const entry = row[2];
		const touches = row[3];
		const answers = row[4];
		// Of an open timed touch, what the reminders read.
		const timed = row[5].map((t) => ({ line: t[0], raw: t[1], check: "open", date: t[2], time: t[3], channel: t[4], summary: t[6], outcome: null, objective: t[5], next: null, parsed: null }) as unknown as Touch);
		const { next, lastTouch: last } = entry as { next: Record<string, unknown> | null; lastTouch: Record<string, unknown> | null };
		const ok =
			sum === dueSettingsSum(dueSettings) &&
			(BUCKETS as readonly unknown[]).includes(entry.bucket) &&
			(next === null || (isDated(next) && isStr(next.source))) &&
			(last === null || (isDay(last.date) && clockOrNull(last.time) && strOrNull(last.summary))) &&
			STATUSES.has(entry.effectiveStatus as string) &&
			typeof entry.cold === "boolean" &&
			[entry.doneCount, touches, answers].every(Number.isInteger) &&
			[entry.days, entry.daysSinceTouch].every((v) => v === null || Number.isInteger(v)) &&
			arrayOf(timed, isTouch);
		if (!ok) return null;
		// In its place, first: the keys in computeDue's order, so what is shown of it is the same bytes.
		entry.prospect = prospect;
		Object.defineProperty(entry, KEPT, { value: { day, touches, answers, timed } satisfies Kept });
		return entry as unknown as DueEntry;
	} catch {
		return null;
	}
}
