// The command line's persisted index in shards (docs/performance.md, "Index shards"): a vault's
// notes go to SHARDS files by a hash of their path, so a run after one edit rewrites one shard, and
// each shard keeps its touches apart from the rest of its records, so a run that takes the due rows
// of the day never reads them. The record texts are core/index/readCache.ts's (`encodeRead`).
import { closeSync, fstatSync, mkdirSync, openSync, unlinkSync } from "node:fs";
import { checksum, pathText, READ_CACHE_FORMAT, type FileStamp } from "../core/index/readCache";
import type { NoteRead, Touch } from "../core/read/note";
import { detach } from "../core/text/frontmatter";
import { AtomicFile, readFullyAt } from "./safeFile";

/** Shards per vault: a run after one edit rewrites about 1/16 of the index (600 KB at 10,000 notes). */
export const SHARDS = 16;
const SHARD_FORMAT = "touchbase-index-shard/1";
/** Between a record's prospect and its touches (`encodeRead`). */
const SPLIT = "\u0001";

/** Where a note's touches are: bytes of a shard file (checked by `sum` when read), or a text in memory. */
export interface TouchesAt {
	from: { readAt(at: number, length: number): Buffer } | null;
	at: number;
	length: number;
	sum: string;
	text?: string;
}

/** One note of a shard: its stamp, its record without its touches, its due row, where its touches are. */
export interface ShardEntry extends FileStamp {
	head: string;
	row?: string;
	touches: TouchesAt | null;
	/** The shard it was read from. */
	shard?: number;
	/** The line's checksum and the line before it, as the file held them (checked when the stamp matched). */
	sum?: string;
	body?: string;
}

/** `index-HASH-K.json`: shard K of the vault whose index was `index-HASH.json` (readCacheFile.ts). */
export function shardFileFor(indexFile: string, shard: number): string {
	return indexFile.replace(/\.json$/, `-${shard}.json`);
}

/** The shard a note's path belongs to. */
export function shardOf(path: string): number {
	return parseInt(checksum(path), 16) % SHARDS;
}

/** A record's text as its head and its touches (null: kept whole in the head). */
export function splitRecord(text: string): { head: string; touches: string | null } {
	const at = text.indexOf(SPLIT);
	// A record with tagged values (a U+0000 after its day) is decoded the slow way, whole.
	if (at < 0 || text.includes("\u0000")) return { head: text, touches: null };
	// A copy of the head: a piece of the record would keep its touches' text alive in memory.
	return { head: detach(text.slice(0, at)), touches: text.slice(at + 1) };
}

/** The touches' text, checked against the sum it was written with; throws when it does not match. */
export function touchesText(at: TouchesAt): string {
	const text = at.text ?? at.from!.readAt(at.at, at.length).toString("latin1");
	if (checksum(text) !== at.sum) throw new Error("cached touches are damaged");
	return text;
}

// ---- touches decoded on first read, and not kept while the index is built ----
//
// While a run builds its index, the touches it decodes are dropped again a few prospects later
// (they are worked out into the due entry, then into the row): at 50,000 notes, keeping them all
// was most of the peak memory. Once the index is built (`keepTouches(true)`), what is decoded stays.

let keepAll = true;
const recent: LazyTouches[] = [];

/** Whether decoded touches stay (true once the index is built) or only the last few do. */
export function keepTouches(keep: boolean): void {
	keepAll = keep;
	if (keep) recent.length = 0;
}

interface LazyTouches {
	load: () => Touch[];
	damaged: () => Touch[];
	touches: Touch[] | null;
	/** Set by a caller, or read again from the note: never dropped. */
	pinned: boolean;
}

/** Where a prospect keeps its `LazyTouches` (a symbol: not a key `Object.keys` or JSON shows). */
const LAZY = Symbol("touches");
type Lazy = { [LAZY]: LazyTouches };

function drop(state: LazyTouches): void {
	if (!state.pinned) state.touches = null;
}

/**
 * One accessor for every prospect: the objects keep one shape and fast properties (an accessor
 * put in place of the data property would turn each into a dictionary, 1.6 KB more a prospect).
 */
const TOUCHES: PropertyDescriptor = {
	enumerable: true,
	configurable: true,
	get(this: Lazy): Touch[] {
		const state = this[LAZY];
		if (state.touches === null) {
			try {
				state.touches = state.load();
			} catch {
				state.touches = state.damaged();
				state.pinned = true;
			}
			if (!keepAll && !state.pinned) {
				recent.push(state);
				if (recent.length > 4) drop(recent.shift()!);
			}
		}
		return state.touches;
	},
	set(this: Lazy, value: Touch[]): void {
		const state = this[LAZY];
		state.touches = value;
		state.pinned = true;
	},
};

/**
 * `read` with its prospect's touches decoded by `load` when first read (`damaged` when that
 * throws). The prospect is a copy, its `touches` last among its keys; or, `inPlace`, the same.
 */
export function withLazyTouches(read: NoteRead, load: () => Touch[], damaged: () => Touch[], inPlace = false): NoteRead {
	if (read.prospect === null) return read;
	if (inPlace) {
		// A read just decoded from the index: faster to change in place (its keys stay in their order),
		// though the object then keeps its properties in a dictionary.
		const state: LazyTouches = { load, damaged, touches: null, pinned: false };
		Object.defineProperty(read.prospect, "touches", {
			enumerable: true,
			configurable: true,
			get: () => TOUCHES.get!.call({ [LAZY]: state }) as Touch[],
			set: (value: Touch[]) => TOUCHES.set!.call({ [LAZY]: state }, value),
		});
		return read;
	}
	const { touches: _, ...rest } = read.prospect;
	// The state in the same literal: added to the copy afterwards, it turned each prospect into a
	// dictionary (830 bytes more each, 6.6 MB at 50,000 notes).
	const lazy = { ...rest, [LAZY]: { load, damaged, touches: null, pinned: false } };
	Object.defineProperty(lazy, "touches", TOUCHES);
	return { ...read, prospect: lazy as unknown as NoteRead["prospect"] };
}

// ---- the file ----
//
// A shard is lines: a header (JSON, with its checksum); the touches of its notes, one a line, as
// `encodeRead` wrote them after the `\u0001`; one line per note
// `"PATH"<tab>MTIME<tab>SIZE<tab>CTIME<tab>HEAD<tab>ROW<tab>AT<tab>LENGTH<tab>TSUM<tab>SUM` (HEAD the
// record before its touches, AT and LENGTH where its touches are, TSUM their checksum, SUM the
// checksum of the line before its last tab); and a last line `{"end":COUNT,"notes":OFFSET,"sum":…}`,
// OFFSET where the note lines start. Everything is ASCII. A run reads the header, the last line
// and the note lines; the touches are read one note at a time, when first needed.

interface ShardHeader {
	format: typeof SHARD_FORMAT;
	records: string;
	key: string;
	scope: string;
	shard: number;
	of: number;
	sum: string;
}

function headerSum(h: Omit<ShardHeader, "sum">): string {
	return checksum(`${h.format}\n${h.records}\n${h.key}\n${h.scope}\n${h.shard}\n${h.of}`);
}

function endLine(count: number, notes: number): string {
	return `{"end":${count},"notes":${notes},"sum":"${checksum(`${count}\n${notes}`)}"}`;
}

export type ShardLoad =
	| { ok: true; entries: Map<string, ShardEntry> }
	/** `stale`: another parser, settings or record format (rebuilt without a word); `missing`: no file. */
	| { ok: false; reason: "missing" | "stale" }
	| { ok: false; reason: "damaged"; message: string };

/** An open shard file, read where asked (its touches, later in the run). Closed at exit. */
class ShardSource {
	constructor(readonly fd: number) {}

	readAt(at: number, length: number): Buffer {
		return readFullyAt(this.fd, at, length, "the index shard is cut short");
	}
}

/** Reads shard `shard` of a vault: its header, its last line and its note lines (not its touches). */
export function loadShard(file: string, shard: number, scope: string, key: string): ShardLoad {
	let fd: number;
	try {
		fd = openSync(file, "r");
	} catch (error) {
		const code = (error as NodeJS.ErrnoException).code;
		if (code === "ENOENT" || code === "ENOTDIR") return { ok: false, reason: "missing" };
		return { ok: false, reason: "damaged", message: `it cannot be read (${code ?? String(error)})` };
	}
	let keepOpen = false;
	try {
		const source = new ShardSource(fd);
		const size = fstatSync(fd).size;
		// The header is a few kilobytes (the settings); more is read only when it is longer.
		let head = source.readAt(0, Math.min(size, 1 << 13)).toString("latin1");
		if (!head.includes("\n") && size > head.length) head = source.readAt(0, Math.min(size, 1 << 20)).toString("latin1");
		const nl = head.indexOf("\n");
		let header: Partial<ShardHeader>;
		try {
			header = JSON.parse(nl < 0 ? head : head.slice(0, nl)) as Partial<ShardHeader>;
		} catch {
			return { ok: false, reason: "damaged", message: "it is not a Touchbase index" };
		}
		if (typeof header !== "object" || header === null || header.format !== SHARD_FORMAT) return { ok: false, reason: "damaged", message: "it is not a Touchbase index" };
		const fields = { format: SHARD_FORMAT, records: String(header.records), key: String(header.key), scope: String(header.scope), shard: Number(header.shard), of: Number(header.of) } as const;
		if (header.sum !== headerSum(fields) || nl < 0) return { ok: false, reason: "damaged", message: "its first line is damaged" };
		if (fields.scope !== scope || fields.shard !== shard) return { ok: false, reason: "damaged", message: "it belongs to another vault" };
		if (fields.records !== READ_CACHE_FORMAT || fields.key !== key || fields.of !== SHARDS) return { ok: false, reason: "stale" };
		const tail = source.readAt(Math.max(0, size - 200), Math.min(size, 200)).toString("latin1");
		const m = /\n(\{"end":(\d+),"notes":(\d+),"sum":"[0-9a-f]{8}"\})\n$/.exec(tail);
		if (m === null || m[1] !== endLine(Number(m[2]), Number(m[3]))) return { ok: false, reason: "damaged", message: "it is cut short (no end line)" };
		const count = Number(m[2]);
		const notesAt = Number(m[3]);
		const notesEnd = size - m[1].length - 1;
		if (notesAt <= nl || notesAt > notesEnd) return { ok: false, reason: "damaged", message: "its last line is damaged" };
		const text = source.readAt(notesAt, notesEnd - notesAt).toString("latin1");
		const entries = new Map<string, ShardEntry>();
		let at = 0;
		for (let n = 0; n < count; n++) {
			const eol = text.indexOf("\n", at);
			if (eol < 0) return { ok: false, reason: "damaged", message: "it has fewer notes than it says" };
			const entry = parseLine(text, at, eol, source, notesAt, shard);
			// A damaged line costs only its own note, which is read again.
			if (entry !== null) entries.set(entry.path, entry.entry);
			at = eol + 1;
		}
		if (at !== text.length) return { ok: false, reason: "damaged", message: "it has more notes than it says" };
		keepOpen = true;
		return { ok: true, entries };
	} catch (error) {
		return { ok: false, reason: "damaged", message: `it cannot be read (${(error as NodeJS.ErrnoException).code ?? String(error)})` };
	} finally {
		// Its touches are read from it later in the run.
		if (!keepOpen) closeSync(fd);
	}
}

/** A damaged line: parsed as null, with a checksum that cannot match (its note is read again). */
const BAD_SUM = "damaged";

function parseLine(text: string, from: number, to: number, source: ShardSource, notesAt: number, shard: number): { path: string; entry: ShardEntry } | null {
	const tabs: number[] = [];
	for (let t = text.indexOf("\t", from); t >= 0 && t < to; t = text.indexOf("\t", t + 1)) tabs.push(t);
	if (tabs.length !== 9) return null;
	let path: unknown;
	try {
		path = JSON.parse(text.slice(from, tabs[0]));
	} catch {
		return null;
	}
	const field = (i: number): string => text.slice(tabs[i - 1] + 1, tabs[i]);
	const mtime = Number(field(1));
	const size = Number(field(2));
	const ctimeText = field(3);
	const ctime = ctimeText === "" ? undefined : Number(ctimeText);
	const head = field(4);
	const row = field(5);
	const atText = field(6);
	const at = Number(atText);
	const length = Number(field(7));
	const tsum = field(8);
	const sum = text.slice(tabs[8] + 1, to);
	if (typeof path !== "string" || !Number.isFinite(mtime) || !Number.isFinite(size) || (ctime !== undefined && !Number.isFinite(ctime)) || head === "") return null;
	const touches = atText === "" ? null : Number.isInteger(at) && Number.isInteger(length) && at >= 0 && length >= 0 && at + length < notesAt ? { from: source, at, length, sum: tsum } : undefined;
	const entry: ShardEntry = { mtime, size, head, touches: touches ?? null, shard, sum: touches === undefined || !/^[0-9a-f]{8}$/.test(sum) ? BAD_SUM : sum, body: text.slice(from, tabs[8]) };
	if (ctime !== undefined) entry.ctime = ctime;
	if (row !== "") entry.row = row;
	return { path, entry };
}

function lineBody(path: string, e: ShardEntry): string {
	const t = e.touches;
	return `${pathText(path)}\t${e.mtime}\t${e.size}\t${e.ctime ?? ""}\t${e.head}\t${e.row ?? ""}\t${t === null ? "" : t.at}\t${t === null ? "" : t.length}\t${t === null ? "" : t.sum}`;
}

/**
 * One shard being written: its touches as the notes come (`addTouches`), its note lines at the end
 * (`finish`), the whole put in place at once through `AtomicFile`. Touches written can be read back
 * before then, so a note's record need not stay in memory.
 */
export class ShardWriter {
	private readonly file: AtomicFile;

	constructor(dir: string, file: string, shard: number, scope: string, key: string) {
		mkdirSync(dir, { recursive: true });
		this.file = new AtomicFile(file);
		const fields = { format: SHARD_FORMAT, records: READ_CACHE_FORMAT, key, scope, shard, of: SHARDS } as const;
		const header: ShardHeader = { ...fields, sum: headerSum(fields) };
		// In ASCII, as every line: a character beyond it is written as a JSON escape.
		const json = JSON.stringify(header).replace(/[\u0080-\uffff]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`);
		this.file.write(Buffer.from(`${json}\n`, "latin1"));
	}

	/** Writes a note's touches (ASCII text); where they are. */
	addTouches(text: string): TouchesAt {
		const at = this.file.length;
		this.file.write(Buffer.from(`${text}\n`, "latin1"));
		return { from: this.file, at, length: text.length, sum: checksum(text) };
	}

	/** Copies touches from where they are now (the shard before, the old index file). */
	copyTouches(from: TouchesAt): TouchesAt {
		if (from.from === this.file) return from;
		const text = touchesText(from);
		const at = this.file.length;
		this.file.write(Buffer.from(`${text}\n`, "latin1"));
		return { from: this.file, at, length: text.length, sum: from.sum };
	}

	/** Writes the note lines and the last line, and puts the shard in place. Throws when it cannot. */
	finish(notes: Iterable<[string, ShardEntry]>): void {
		const notesAt = this.file.length;
		let count = 0;
		let chunk: string[] = [];
		let size = 0;
		for (const [path, e] of notes) {
			const body = lineBody(path, e);
			chunk.push(`${body}\t${checksum(body)}\n`);
			size += body.length + 10;
			count++;
			if (size >= 1 << 18) {
				this.file.write(Buffer.from(chunk.join(""), "latin1"));
				chunk = [];
				size = 0;
			}
		}
		chunk.push(`${endLine(count, notesAt)}\n`);
		this.file.write(Buffer.from(chunk.join(""), "latin1"));
		this.file.commit();
	}

	abort(): void {
		this.file.abort();
	}
}

/** Removes a shard file no note belongs to any more (or of an older layout). Never throws. */
export function removeShard(file: string): void {
	try {
		unlinkSync(file);
	} catch {
		// Not there.
	}
}

/** The shard files of `indexFile`, all of them: for tidying and for tests. */
export function shardFiles(indexFile: string): string[] {
	return Array.from({ length: SHARDS }, (_, k) => shardFileFor(indexFile, k));
}
