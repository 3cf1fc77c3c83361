// Fills a ProspectIndex from a vault on disk, fast: notes that did not change since the last run
// come from the persisted index (readCacheFile.ts) after one `stat`; the others are read by the
// main thread and parsed by worker threads when the vault is big enough for them to pay off.
// Whatever the path (cached or not, threaded or not), the index gets the same reads in the same
// order, so `due --json` is byte-identical (test/properties/readCache.property.test.ts).
import { createHash } from "node:crypto";
import { existsSync, realpathSync, statSync, type Stats } from "node:fs";
import { availableParallelism } from "node:os";
import { MessageChannel, receiveMessageOnPort, Worker, type MessagePort } from "node:worker_threads";
import { readNote, type NoteFileTimes, type NoteRead, type Problem, type Touch } from "../core/read/note";
import { formatDay, localToday, type IsoDay } from "../core/text/dates";
import { cachedRead, compactRead, decodeLazy, decodeRead, dueRowDay, encodeRead, keepable, readCacheKey, sameStamp, usableOn, type CacheEntry, type FileStamp } from "../core/index/readCache";
import { maxNoteBytes, type TouchbaseSettings } from "../core/settings/settings";
import { ProspectIndex } from "../core/index/prospectIndex";
import { answersFileFor, cacheFileFor, findAnswer, loadCacheFile, markUsed, saveAnswer, saveCacheFile, tidyCacheDir } from "./readCacheFile";
import type { ParseDone, ParseJob, ParseWorkerData } from "./parseWorker";
import { readError, walkVault } from "./vaultFiles";
import { readRegularFile } from "./safeFile";

export interface ReadVaultOptions {
	/** The cache folder, or null for no persisted index (`--no-cache`). */
	cacheDir: string | null;
	/** Worker threads: the built CLI file they run, and how many (0: none). */
	workers: { script: string; count: number } | null;
	/** Fewer notes to read than this and the main thread parses them all (threads cost more). */
	threadMinNotes?: number;
	/** Now, for the file times (Io.fileClock); Date.now by default. */
	fileClock?: () => number;
	warn: (line: string) => void;
	/**
	 * Read the index but never write it: a command that edits one note writes that note alone, so
	 * what it writes (and where a kill or a full disk can catch it) does not depend on the index.
	 */
	keepIndexAsIs?: boolean;
	/**
	 * The day the reads are used for (`--today`); local today by default. A kept record holds for
	 * its own day and later (docs/performance.md, "The compact index"): one made for a later day is
	 * read again.
	 */
	today?: IsoDay;
	/**
	 * What the caller would print, and for which question (command, options, day, settings): when
	 * no note changed since an answer to the same question was kept, it is returned as it was, and
	 * no note's read is even parsed.
	 */
	answerKey?: string;
}

/** Below this many notes to read, starting threads costs more than it saves (bench, 2 cores). */
export const THREAD_MIN_NOTES = 1500;

/**
 * The persisted index is written again once this many notes were read (or as many left the
 * vault): rewriting the whole file (7 MB at 10,000 notes) costs more than reading a few notes
 * again next time, so a run after one edit answers at the speed of a warm one.
 */
export const REWRITE_MIN_CHANGES = 16;

export interface VaultRead {
	index: ProspectIndex;
	/** Notes that could not be read, in walk order, as problems. */
	unreadable: Problem[];
	/** The answer kept for `answerKey` (the index is then empty). */
	answer?: string;
	/** Keeps the caller's answer to `answerKey` for the next run, when the vault allows it. */
	keepAnswer: (text: string) => void;
}

/**
 * How many parse threads by default: one per core beside the main thread, up to 4, and none on
 * two cores. Each thread compiles and warms up the parser for itself, so on two cores the threads
 * cost more than they share: 10,000 notes took 3.6-3.8 s with two, 3.2-3.4 s with one and
 * 2.9-3.1 s with none (docs/performance.md).
 */
export function defaultThreadCount(cores: number = availableParallelism()): number {
	return cores >= 3 ? Math.min(4, cores - 1) : 0;
}

const NOTHING: NoteRead = { prospect: null, problems: [] };
/** How the file holds a note that is no prospect: most of a vault, taken without parsing. */
const NOTHING_TEXT = encodeRead(NOTHING);

/** A read from its cache text (the index file's, or a parse thread's answer). */
function decodeKept(text: string): NoteRead {
	return text === NOTHING_TEXT ? NOTHING : decodeRead(text);
}

export function readVault(vault: string, settings: TouchbaseSettings, options: ReadVaultOptions): VaultRead {
	const key = readCacheKey(settings);
	const cap = maxNoteBytes(settings);
	const startedAt = (options.fileClock ?? Date.now)();
	const today = options.today ?? localToday();
	let cacheFile: string | null = null;
	let scope = "";
	let cached = new Map<string, CacheEntry>();
	/** The file had damaged lines: written again, whatever else changed. */
	let healCache = false;
	/** Entries whose checksum or shape was wrong. */
	let rejected = 0;
	// An answer kept for the same question, when no note changed: found after stats alone.
	let stamps0: { file: string; digest: string } | null = null;
	/** The stats that walk took, so a run whose answer was not kept does not stat every note twice. */
	let statted = new Map<string, Stats | null>();
	/** What that walk found, in its order: the run goes over it again instead of walking the folders twice. */
	let walked: Walked | null = null;
	/**
	 * Without an index file (a cold run), every note is read: the digest is then made from the
	 * stamps of the reads themselves (each read's own `fstat`) after the walk, instead of a walk of
	 * `stat`s first (docs/performance.md).
	 */
	let stampsFromReads = false;
	if (options.cacheDir !== null) {
		tidyCacheDir(options.cacheDir);
		try {
			scope = realpathSync(vault);
			if (options.answerKey !== undefined && !existsSync(cacheFileFor(options.cacheDir, scope))) {
				stampsFromReads = true;
			} else if (options.answerKey !== undefined) {
				const { digest, stats, found } = vaultStamps(vault, startedAt);
				statted = stats;
				walked = found;
				if (digest !== null) {
					stamps0 = { file: answersFileFor(options.cacheDir, scope), digest };
					const kept = findAnswer(stamps0.file, scope, digest, options.answerKey);
					if (kept !== null) {
						// Both of the vault's files are in use, though only one was read.
						markUsed(stamps0.file);
						markUsed(cacheFileFor(options.cacheDir, scope));
						return { index: new ProspectIndex(settings), unreadable: [], answer: kept, keepAnswer: () => undefined };
					}
				}
			}
			cacheFile = cacheFileFor(options.cacheDir, scope);
			const loaded = loadCacheFile(cacheFile, scope, key);
			cached = loaded.notes;
			healCache = loaded.rewrite;
			if (loaded.warning) options.warn(loaded.warning);
		} catch {
			cacheFile = null;
		}
	}
	const keep = cacheFile !== null;
	const fresh = new Map<string, CacheEntry>();
	/** Due rows of the day, by path, taken from the file (the note's touches decoded on first read). */
	const rows = new Map<string, string>();
	/** A prospect's touches, read from its note: its record's proved damaged when first decoded. */
	const touchesAgain = (path: string): Touch[] => {
		const text = readText(vault, path, cap);
		return text === null ? [] : (compactRead(readNote(path, text, settings), today).prospect?.touches ?? []);
	};
	/** Notes read, not taken from the file. */
	let readCount = 0;
	let reused = 0;

	// seq → read (NOTHING for notes that are not prospects), or an unreadable problem.
	const reads: (NoteRead | null)[] = [];
	const problemAt = new Map<number, Problem>();
	const stamps: (FileStamp | null)[] = [];
	const paths: string[] = [];
	const broken = new Set<number>();
	let pool: ParsePool | null = null;
	let toRead = 0;
	const minNotes = options.threadMinNotes ?? THREAD_MIN_NOTES;

	const settle = (seq: number, read: NoteRead, encoded: string | null): void => {
		reads[seq] = read.prospect === null && read.problems.length === 0 && !read.interaction ? NOTHING : read;
		const stamp = stamps[seq];
		if (keep && stamp !== null && encoded !== null && keepable(stamp, startedAt)) fresh.set(paths[seq], { ...stamp, read: encoded });
	};

	(walked === null ? (onFile: (path: string, full: string) => void, onBroken: (path: string) => void) => walkVault(vault, onFile, onBroken) : replay(walked))(
		(path, full) => {
			const seq = paths.length;
			paths.push(path);
			reads.push(null);
			stamps.push(null);
			const entry = cached.get(path);
			if (entry !== undefined) {
				const st = statted.has(path) ? statted.get(path)! : statOrNull(full);
				if (st !== null && sameStamp(entry, stampOf(st)) && usableOn(entry.read, today)) {
					// A damaged or wrongly shaped entry is null: the note is read again. With a due row
					// of the day, the prospect's touches are decoded when first read (docs/performance.md, "Restart").
					const lazy = entry.row !== undefined && dueRowDay(entry.row) === today;
					const kept = cachedRead(path, entry, lazy ? (text) => (text === NOTHING_TEXT ? NOTHING : decodeLazy(text, () => touchesAgain(path))) : decodeKept, lazy);
					if (kept !== null) {
						if (lazy) rows.set(path, entry.row!);
						reads[seq] = kept;
						fresh.set(path, entry);
						reused++;
						return;
					}
					healCache = true;
					rejected++;
				}
			}
			readCount++;
			const got = readBytes(full, cap);
			if ("error" in got) {
				problemAt.set(seq, { path, line: null, message: got.error });
				return;
			}
			stamps[seq] = got.whole ? got.stamp : null;
			toRead++;
			if (pool === null && options.workers !== null && options.workers.count > 0 && toRead >= minNotes && existsSync(options.workers.script)) {
				pool = new ParsePool(options.workers.script, options.workers.count, settings, today);
			}
			if (pool !== null) {
				// Answers taken in first free the workers' queues: without that, once every queue
				// is full the main thread would parse every note left by itself.
				pool.collect(false, settle);
				if (pool.offer(seq, path, got.bytes, got.times)) return;
			}
			const read = readNote(path, DECODER.decode(got.bytes), settings, { file: got.times });
			// The index keeps the compact record, as a warm run does: the words of settled touches go.
			settle(seq, read.prospect === null ? read : compactRead(read, today), keep ? encodeRead(read, today) : null);
		},
		(path) => {
			paths.push(path);
			reads.push(null);
			stamps.push(null);
			broken.add(paths.length - 1);
			problemAt.set(paths.length - 1, { path, line: null, message: "cannot be read (broken link?)" });
		},
	);

	const active = pool as ParsePool | null;
	if (active !== null) {
		const lost = active.finish(settle);
		// Notes a stuck worker never answered: read here, and not kept.
		for (const seq of lost) {
			stamps[seq] = null;
			const text = readText(vault, paths[seq], cap);
			if (text === null) problemAt.set(seq, { path: paths[seq], line: null, message: "cannot be read" });
			else settle(seq, compactRead(readNote(paths[seq], text, settings), today), null);
		}
	}

	const index = new ProspectIndex(settings);
	const unreadable: Problem[] = [];
	for (let seq = 0; seq < paths.length; seq++) {
		const problem = problemAt.get(seq);
		if (problem !== undefined) unreadable.push(problem);
		else index.put(paths[seq], reads[seq]!);
	}
	for (const [path, row] of rows) index.restoreDue(path, today, row);
	if (rejected > 0) options.warn(`the index cache ${cacheFile} had ${rejected} damaged entr${rejected === 1 ? "y" : "ies"}, left out: ${rejected === 1 ? "its note is" : "their notes are"} read again`);
	// Changed and new notes are read again by later runs until the file is written.
	const gone = cached.size - reused;
	const rewrite = healCache || (cached.size === 0 ? fresh.size > 0 : readCount >= REWRITE_MIN_CHANGES || gone >= REWRITE_MIN_CHANGES);
	if (cacheFile !== null && options.cacheDir !== null && rewrite && options.keepIndexAsIs !== true) {
		// Each prospect with its due row of the day: the entries of the report the caller asks for next.
		index.report(today);
		for (const [path, e] of fresh) fresh.set(path, { ...e, row: index.dueRow(path, today) ?? undefined });
		const warning = saveCacheFile(cacheFile, options.cacheDir, scope, key, fresh);
		if (warning) options.warn(warning);
	}
	if (stampsFromReads && options.cacheDir !== null) {
		const digest = digestOfReads(paths, stamps, broken, startedAt);
		if (digest !== null) stamps0 = { file: answersFileFor(options.cacheDir, scope), digest };
	}
	const keepAnswer = (text: string): void => {
		if (stamps0 !== null && options.answerKey !== undefined && options.cacheDir !== null) saveAnswer(stamps0.file, options.cacheDir, scope, stamps0.digest, options.answerKey, text);
	};
	return { index, unreadable, keepAnswer };
}

/**
 * The digest of every note's stamp (path, modification and change times, size) in walk order,
 * taken before anything is read: the same digest means no note changed. The digest is null when
 * some note's stamp is too recent to vouch for its content (the racy margin of the reads), or
 * cannot be had. `stats` are the stats taken, by path.
 */
function vaultStamps(vault: string, startedAt: number): { digest: string | null; stats: Map<string, Stats | null>; found: Walked } {
	const digest = createHash("sha256");
	const stats = new Map<string, Stats | null>();
	const found: Walked = [];
	let vouched = true;
	walkVault(
		vault,
		(path, full) => {
			const st = statOrNull(full);
			stats.set(path, st);
			found.push([path, full]);
			if (st === null || !keepable(stampOf(st), startedAt)) vouched = false;
			else digest.update(`${path}\0${st.mtimeMs}\0${st.size}\0${st.ctimeMs}\n`);
		},
		(path) => {
			found.push([path, null]);
			digest.update(`${path}\0broken\n`);
		},
	);
	return { digest: vouched ? digest.digest("hex") : null, stats, found };
}

/** A walk's notes in order: path and full path, or null for a link that leads nowhere. */
type Walked = [path: string, full: string | null][];

/** Goes over a walk's notes again, as `walkVault` would call back. */
function replay(walked: Walked): (onFile: (path: string, full: string) => void, onBroken: (path: string) => void) => void {
	return (onFile, onBroken) => {
		for (const [path, full] of walked) {
			if (full === null) onBroken(path);
			else onFile(path, full);
		}
	};
}

/**
 * The digest `vaultStamps` would have made, from the stamps of the reads (a cold run reads every
 * note): null when one note was not read whole, or its stamp is too recent to vouch for it.
 */
function digestOfReads(paths: string[], stamps: (FileStamp | null)[], broken: Set<number>, startedAt: number): string | null {
	const digest = createHash("sha256");
	for (let seq = 0; seq < paths.length; seq++) {
		if (broken.has(seq)) {
			digest.update(`${paths[seq]}\0broken\n`);
			continue;
		}
		const stamp = stamps[seq];
		if (stamp === null || !keepable(stamp, startedAt)) return null;
		digest.update(`${paths[seq]}\0${stamp.mtime}\0${stamp.size}\0${stamp.ctime}\n`);
	}
	return digest.digest("hex");
}

const DECODER = new TextDecoder("utf-8");

function stampOf(st: Stats): FileStamp {
	return { mtime: st.mtimeMs, size: st.size, ctime: st.ctimeMs };
}

function statOrNull(full: string): Stats | null {
	try {
		return statSync(full);
	} catch {
		return null;
	}
}

/** When a file was created (where the file system knows) and last saved, as local days. */
export function timesOf(st: Stats): NoteFileTimes {
	return { created: st.birthtimeMs > 0 ? formatDay(new Date(st.birthtimeMs)) : null, modified: formatDay(new Date(st.mtimeMs)) };
}

/**
 * The file's bytes and its stamp, taken from the open file before reading it: a note changed
 * while it is read gets a stamp older than its text, so the next run reads it again. `whole` is
 * false when the size moved meanwhile (then nothing is kept). Only a regular file of at most
 * `cap` bytes is read (safeFile.ts); anything else is an error for the problems list.
 */
function readBytes(full: string, cap: number): { bytes: Uint8Array; stamp: FileStamp; whole: boolean; times: NoteFileTimes } | { error: string } {
	try {
		const got = readRegularFile(full, cap);
		return { bytes: got.bytes, stamp: stampOf(got.stat), whole: got.whole, times: timesOf(got.stat) };
	} catch (error) {
		return { error: readError(full, error) };
	}
}

function readText(vault: string, path: string, cap: number): string | null {
	const got = readBytes(`${vault}/${path}`, cap);
	return "error" in got ? null : DECODER.decode(got.bytes);
}

/** Notes per message to a worker: fewer messages, and still an even share at the end. */
const BATCH = 16;
/** Batches a worker may have waiting; past that, the main thread parses the next batch itself. */
const MAX_WAITING = 4;
/** A worker silent this long with work outstanding is given up on (its notes are read here). */
const STALL_MS = 30_000;

/**
 * Worker threads that parse notes while the main thread walks and reads. The main thread stays
 * synchronous (`run` returns a number): it hands out batches, picks up answers without blocking
 * (`receiveMessageOnPort`), and at the end sleeps on a shared counter (`Atomics.wait`) that the
 * workers bump after each answer.
 */
class ParsePool {
	private readonly workers: { worker: Worker; port: MessagePort; waiting: number }[] = [];
	private readonly signal = new Int32Array(new SharedArrayBuffer(4));
	private readonly sent = new Map<number, { worker: number; seqs: number[] }>();
	private nextBatch = 0;
	private pending: ParseJob["items"] = [];
	private pendingBytes: ArrayBuffer[] = [];

	constructor(script: string, count: number, settings: TouchbaseSettings, today: IsoDay) {
		for (let i = 0; i < count; i++) {
			// Each worker answers on its own port, which the main thread reads synchronously.
			const channel = new MessageChannel();
			const data: ParseWorkerData = { touchbase: "parse", settings, today, port: channel.port2, signal: this.signal.buffer };
			const worker = new Worker(script, { workerData: data, transferList: [channel.port2] });
			worker.unref();
			this.workers.push({ worker, port: channel.port1, waiting: 0 });
		}
	}

	/** Queues one note for a worker; false when every worker is busy (parse it yourself). */
	offer(seq: number, path: string, bytes: Uint8Array, times: NoteFileTimes): boolean {
		if (this.pending.length === 0 && this.freest() === null) return false;
		this.pending.push({ seq, path, bytes, times });
		if (bytes.byteOffset === 0 && bytes.byteLength === bytes.buffer.byteLength) this.pendingBytes.push(bytes.buffer as ArrayBuffer);
		if (this.pending.length >= BATCH) this.flush();
		return true;
	}

	private freest(): number | null {
		let best: number | null = null;
		for (let i = 0; i < this.workers.length; i++) {
			const w = this.workers[i];
			if (w.waiting < MAX_WAITING && (best === null || w.waiting < this.workers[best].waiting)) best = i;
		}
		return best;
	}

	private flush(): void {
		if (this.pending.length === 0) return;
		const i = this.freest() ?? this.workers.reduce((a, w, j) => (w.waiting < this.workers[a].waiting ? j : a), 0);
		const batch = this.nextBatch++;
		this.workers[i].waiting++;
		this.sent.set(batch, { worker: i, seqs: this.pending.map((item) => item.seq) });
		this.workers[i].worker.postMessage({ batch, items: this.pending } satisfies ParseJob, this.pendingBytes);
		this.pending = [];
		this.pendingBytes = [];
	}

	/** Takes in the answers that are there; with `wait`, sleeps until at least one comes (false after the stall limit). */
	collect(wait: boolean, settle: (seq: number, read: NoteRead, encoded: string | null) => void): boolean {
		let got = false;
		for (;;) {
			const seen = Atomics.load(this.signal, 0);
			let any = false;
			for (const w of this.workers) {
				for (let message = receiveMessageOnPort(w.port); message !== undefined; message = receiveMessageOnPort(w.port)) {
					const done = message.message as ParseDone;
					const batch = this.sent.get(done.batch);
					if (batch !== undefined) {
						this.sent.delete(done.batch);
						this.workers[batch.worker].waiting--;
					}
					for (const r of done.results) {
						if (r.encoded === null) settle(r.seq, r.read, null);
						else settle(r.seq, decodeKept(r.encoded), r.encoded);
					}
					any = true;
				}
			}
			if (any) {
				got = true;
				continue;
			}
			if (got || !wait) return got;
			// The counter moved since `seen` if an answer was posted meanwhile: then this returns at once.
			if (Atomics.wait(this.signal, 0, seen, STALL_MS) === "timed-out" && Atomics.load(this.signal, 0) === seen) return false;
		}
	}

	/** Waits for every answer, ends the workers, and returns the notes never answered. */
	finish(settle: (seq: number, read: NoteRead, encoded: string | null) => void): number[] {
		this.flush();
		while (this.sent.size > 0) {
			if (!this.collect(true, settle)) break;
		}
		const lost: number[] = [];
		for (const batch of this.sent.values()) lost.push(...batch.seqs);
		for (const { worker, port } of this.workers) {
			void worker.terminate();
			port.close();
		}
		return lost;
	}
}
