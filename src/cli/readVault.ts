// Fills a ProspectIndex from a vault on disk, fast: notes that did not change since the last run
// come from the persisted index (readCacheFile.ts) after one `stat`; the others are read by the
// main thread and parsed by worker threads when the vault is big enough for them to pay off.
// Whatever the path (cached or not, threaded or not), the index gets the same reads in the same
// order, so `due --json` is byte-identical (test/properties/readCache.property.test.ts).
import { createHash } from "node:crypto";
import { existsSync, realpathSync, statSync, type Stats } from "node:fs";
import { availableParallelism } from "node:os";
import { basename } from "node:path";
import { MessageChannel, receiveMessageOnPort, Worker, type MessagePort } from "node:worker_threads";
import { readNote, type NoteFileTimes, type NoteRead, type Problem, type Touch } from "../core/read/note";
import { formatDay, localToday, type IsoDay } from "../core/text/dates";
import { cachedRead, checksum, compactAndEncode, compactRead, decodeLazy, decodeRead, dueRowDay, isNoteRead, keepable, NOTHING_TEXT, readCacheKey, sameStamp, usableOn, type FileStamp } from "../core/index/readCache";
import { maxNoteBytes, type TouchbaseSettings } from "../core/settings/settings";
import { ProspectIndex } from "../core/index/prospectIndex";
import { answersFileFor, cacheFileFor, findAnswer, loadCacheFile, markUsed, saveAnswer, tidyCacheDir } from "./readCacheFile";
import { keepTouches, loadShard, removeShard, SHARDS, shardFileFor, shardFiles, shardOf, ShardWriter, splitRecord, touchesText, withLazyTouches, type ShardEntry, type TouchesAt } from "./shardIndex";
import type { ParseDone, ParseJob, ParseWorkerData } from "./parseWorker";
import { readError, walkVault } from "./vaultFiles";
import { readRegularFile } from "./safeFile";
import { layoutFileFor, loadLayout, markOf, patchAnswer, saveLayout, seedPhrases, withPhrases, type Layout, type NoteMark } from "./answerPatch";
import { capYoungGeneration } from "./heapGrowth";

export interface ReadVaultOptions {
	/** The cache folder, or null for no persisted index (`--no-cache`). */
	cacheDir: string | null;
	/** Worker threads: the built CLI file they run, and how many (0: none). */
	workers: { script: string; count: number } | null;
	/** Fewer notes to read than this and the main thread parses them all (threads cost more). */
	threadMinNotes?: number;
	/** Prospects read whose touches stay in memory (KEEP_TOUCHES_READ by default). */
	keepTouchesRead?: number;
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
	/**
	 * `answerKey` asks for `due --json` of every prospect: after a few notes changed, its kept
	 * answer can be mended instead (answerPatch.ts).
	 */
	patchable?: boolean;
}

/**
 * A run keeps the touches of this many prospects it reads in memory; those of the next ones are
 * read back from the shard when needed (docs/performance.md, "Index shards"). Reading back costs
 * about 5 % more CPU on a cold run of 10,000 notes (2,000 prospects) and saves it at 50,000 (less
 * garbage collection), where keeping them all was 90 MB more at the peak.
 */
export const KEEP_TOUCHES_READ = 2048;

/** The read buffer used again from note to note: most notes are a few kilobytes. */
const SCRATCH_BYTES = 1 << 16;

/** Below this many notes to read, starting threads costs more than it saves (bench, 2 cores). */
export const THREAD_MIN_NOTES = 1500;

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

/** Between a record's head and its touches (readCache.ts `encodeRead`). */
const SPLIT = "\u0001";

/** A prospect's touches from its record's two parts, checked for their shape; throws when they are damaged. */
function touchesOf(path: string, head: string, touches: string): Touch[] {
	const read = decodeRead(`${head}${SPLIT}${touches}`);
	if (!isNoteRead(read, path) || read.prospect === null) throw new Error("cached touches are damaged");
	return read.prospect.touches;
}

/** A read from its cache text (the index file's, or a parse thread's answer). */
function decodeKept(text: string): NoteRead {
	return text === NOTHING_TEXT ? NOTHING : decodeRead(text);
}

export function readVault(vault: string, settings: TouchbaseSettings, options: ReadVaultOptions): VaultRead {
	const key = readCacheKey(settings);
	const cap = maxNoteBytes(settings);
	const startedAt = (options.fileClock ?? Date.now)();
	const today = options.today ?? localToday();
	// Touches decoded while the index is built are not all kept (shardIndex.ts): at 50,000 notes they were most of the peak memory.
	keepTouches(false);
	/** `index-HASH.json`: the single file of before the shards, and the name the shards are made from. */
	let cacheFile: string | null = null;
	let scope = "";
	let cached = new Map<string, ShardEntry>();
	/** Per shard: the notes it held, and whether it must be written again whatever else changed (damaged, stale, another layout). */
	const held = new Array<number>(SHARDS).fill(0);
	const heal = new Array<boolean>(SHARDS).fill(false);
	/** Shard files there at the start (written again or removed at the end). */
	const present = new Array<boolean>(SHARDS).fill(false);
	/** The single index file of an older Touchbase was read: removed once the shards are written. */
	let migrated = false;
	/** Entries whose checksum or shape was wrong. */
	let rejected = 0;
	// An answer kept for the same question, when no note changed: found after stats alone.
	let stamps0: { file: string; digest: string } | null = null;
	/** The stats that walk took, so a run whose answer was not kept does not stat every note twice. */
	let statted: (FileStamp | null)[] = [];
	/** What that walk found, in its order: the run goes over it again instead of walking the folders twice. */
	let walked: Walked | null = null;
	/**
	 * Without an index (a cold run), every note is read: the digest is then made from the stamps of
	 * the reads themselves (each read's own `fstat`) after the walk, instead of a walk of `stat`s
	 * first (docs/performance.md).
	 */
	let stampsFromReads = false;
	if (options.cacheDir !== null) {
		const names = new Set(tidyCacheDir(options.cacheDir));
		try {
			scope = realpathSync(vault);
			cacheFile = cacheFileFor(options.cacheDir, scope);
			const base = basename(cacheFile, ".json");
			const hasIndex = names.has(`${base}.json`) || shardFiles(cacheFile).some((file) => names.has(basename(file)));
			if (options.answerKey !== undefined && !hasIndex) {
				stampsFromReads = true;
			} else if (options.answerKey !== undefined) {
				const { digest, stats, found } = vaultStamps(vault, startedAt);
				// In walk order, as the notes are gone over again (a note's `seq` is its place in the walk).
				statted = stats;
				walked = found;
				if (digest !== null) {
					stamps0 = { file: answersFileFor(options.cacheDir, scope), digest };
					const kept = findAnswer(stamps0.file, scope, digest, options.answerKey);
					if (kept !== null) {
						// The vault's files are in use, though only one was read.
						markUsed(stamps0.file);
						for (const file of shardFiles(cacheFile)) if (names.has(basename(file))) markUsed(file);
						keepTouches(true);
						return { index: new ProspectIndex(settings), unreadable: [], answer: kept, keepAnswer: () => undefined };
					}
				}
				if (options.patchable === true) {
					// A few notes changed since the answer was kept: it is mended (answerPatch.ts).
					const file = layoutFileFor(options.cacheDir, scope);
					const layout = names.has(basename(file)) ? loadLayout(file, scope, options.answerKey) : null;
					if (layout !== null) seedPhrases(layout);
					const patched = layout === null ? null : patchAnswer({ layout, walked: found, stats, settings, today, startedAt, read: (full) => readTextAt(full, cap) });
					if (patched !== null) {
						markUsed(file);
						for (const name of shardFiles(cacheFile)) if (names.has(basename(name))) markUsed(name);
						if (patched.learned) saveLayout(file, options.cacheDir, scope, patched.layout);
						if (stamps0 !== null) saveAnswer(stamps0.file, options.cacheDir, scope, stamps0.digest, options.answerKey, patched.text);
						else markUsed(answersFileFor(options.cacheDir, scope));
						keepTouches(true);
						return { index: new ProspectIndex(settings), unreadable: [], answer: patched.text, keepAnswer: () => undefined };
					}
				}
			}
			if (hasIndex) {
				const damaged: string[] = [];
				for (let k = 0; k < SHARDS; k++) {
					const file = shardFileFor(cacheFile, k);
					if (!names.has(basename(file))) continue;
					present[k] = true;
					const loaded = loadShard(file, k, scope, key);
					if (loaded.ok) {
						markUsed(file);
						held[k] = loaded.entries.size;
						for (const [path, entry] of loaded.entries) cached.set(path, entry);
					} else {
						heal[k] = true;
						if (loaded.reason === "damaged") damaged.push(`${basename(file)}: ${loaded.message}`);
					}
				}
				if (damaged.length > 0) options.warn(`the index cache in ${options.cacheDir} was partly ignored and is rebuilt (${damaged.join("; ")}); those notes are read again`);
				if (!present.some(Boolean) && names.has(`${base}.json`)) {
					// The single file an older Touchbase wrote: read once, then replaced by the shards.
					migrated = true;
					const loaded = loadCacheFile(cacheFile, scope, key);
					if (loaded.warning) options.warn(loaded.warning);
					for (const [path, e] of loaded.notes) {
						const { head, touches } = splitRecord(e.read);
						const entry: ShardEntry = { mtime: e.mtime, size: e.size, head, touches: touches === null ? null : { from: null, at: 0, length: touches.length, sum: checksum(touches), text: touches }, sum: e.sum, body: e.body };
						if (e.ctime !== undefined) entry.ctime = e.ctime;
						if (e.row !== undefined) entry.row = e.row;
						cached.set(path, entry);
					}
				}
			}
		} catch {
			cacheFile = null;
		}
	}
	const keep = cacheFile !== null && options.cacheDir !== null;
	/** What the shards hold at the end, by path: the notes taken from them and those read and kept. */
	const fresh = new Map<string, ShardEntry>();
	/** Shards written this run, opened when a note of theirs is first read and kept. */
	const writers = new Array<ShardWriter | null>(SHARDS).fill(null);
	/** Why the shards could not be written (reported once); then none is. */
	let writeFailed: string | null = null;
	const writerFor = (k: number): ShardWriter | null => {
		if (!keep || options.keepIndexAsIs === true || writeFailed !== null) return null;
		if (writers[k] === null) {
			try {
				writers[k] = new ShardWriter(options.cacheDir!, shardFileFor(cacheFile!, k), k, scope, key);
			} catch (error) {
				writeFailed = (error as NodeJS.ErrnoException).code ?? String(error);
				return null;
			}
		}
		return writers[k];
	};
	/** Due rows of the day, by path, taken from the index (the note's touches decoded on first read). */
	const rows = new Map<string, string>();
	/** A prospect's touches, read from its note: its record's proved damaged when first decoded. */
	const touchesAgain = (path: string): Touch[] => {
		const k = shardOf(path);
		// Written again, without the note (read again next time), if that is still to come.
		if (writers[k] !== null || fresh.has(path)) {
			heal[k] = true;
			fresh.delete(path);
		}
		const text = readText(vault, path, cap);
		return text === null ? [] : (compactRead(readNote(path, text, settings), today).prospect?.touches ?? []);
	};
	/**
	 * A record of the index, its touches decoded when first read. Through the record codec's own
	 * `decodeLazy` and `decodeRead` (readCache.ts), whatever it writes around its `\u0001`: the head
	 * with no touches after it, the touches with the head before them.
	 */
	const decodeEntry = (path: string, entry: ShardEntry) => (text: string): NoteRead => {
		if (text === NOTHING_TEXT) return NOTHING;
		const at = entry.touches;
		if (at === null) return decodeRead(text);
		return withLazyTouches(decodeLazy(`${text}${SPLIT}`, () => []), () => touchesOf(path, text, touchesText(at)), () => touchesAgain(path), true);
	};
	/** Per shard: notes taken from it, and notes it held that changed (read again). The others left the vault. */
	const reused = new Array<number>(SHARDS).fill(0);
	const changedNotes = new Array<number>(SHARDS).fill(0);

	// seq → read (NOTHING for notes that are not prospects), or an unreadable problem.
	const reads: (NoteRead | null)[] = [];
	const problemAt = new Map<number, Problem>();
	const stamps: (FileStamp | null)[] = [];
	const paths: string[] = [];
	const broken = new Set<number>();
	let pool: ParsePool | null = null;
	let toRead = 0;
	const minNotes = options.threadMinNotes ?? THREAD_MIN_NOTES;
	/** The notes read on this thread are read into this (safeFile.ts `readRegularFile`), a bigger one into its own. */
	const scratch = Buffer.allocUnsafeSlow(SCRATCH_BYTES);

	/** Prospects read this run and kept in the shards (past KEEP_TOUCHES_READ, their touches are read back when needed). */
	let readBack = 0;
	const settle = (seq: number, read: NoteRead, encoded: string | null): void => {
		const path = paths[seq];
		reads[seq] = read.prospect === null && read.problems.length === 0 && !read.interaction ? NOTHING : read;
		const stamp = stamps[seq];
		if (!keep || stamp === null || encoded === null || !keepable(stamp, startedAt)) return;
		const k = shardOf(path);
		const writer = writerFor(k);
		if (writer === null) return;
		const { head, touches } = splitRecord(encoded);
		let at: TouchesAt | null = null;
		try {
			at = touches === null ? null : writer.addTouches(touches);
		} catch (error) {
			// A full disk, say: nothing more is written this run (the answer does not depend on it).
			writeFailed = (error as NodeJS.ErrnoException).code ?? String(error);
			return;
		}
		fresh.set(path, { ...stamp, head, touches: at });
		if (at !== null && read.prospect !== null && ++readBack > (options.keepTouchesRead ?? KEEP_TOUCHES_READ)) {
			// Its due row of the day, worked out now while its touches are at hand (by an index of its
			// own: one read later that links to it takes the row out again, as for any row).
			const one = new ProspectIndex(settings);
			one.put(path, read);
			one.prepareDue(path, today);
			const row = one.dueRow(path, today);
			if (row !== null) rows.set(path, row);
			// The touches written are read back when needed, not kept (peak memory).
			reads[seq] = withLazyTouches(read, () => touchesOf(path, head, touchesText(at)), () => touchesAgain(path));
		}
	};

	(walked === null ? (onFile: (path: string, full: string) => void, onBroken: (path: string) => void) => walkVault(vault, onFile, onBroken) : replay(walked))(
		(path, full) => {
			const seq = paths.length;
			if ((paths.push(path) & 255) === 0) capYoungGeneration();
			reads.push(null);
			stamps.push(null);
			const entry = cached.get(path);
			if (entry !== undefined) {
				const k = entry.shard ?? shardOf(path);
				const stamp = walked !== null ? statted[seq] : stampOrNull(full);
				if (stamp !== null && sameStamp(entry, stamp) && usableOn(entry.head, today)) {
					// A damaged or wrongly shaped entry is null: the note is read again. Its touches are
					// decoded when first read (docs/performance.md, "Restart", "Index shards").
					const kept = cachedRead(path, { mtime: entry.mtime, size: entry.size, read: entry.head, sum: entry.sum, body: entry.body }, decodeEntry(path, entry), entry.touches !== null);
					if (kept !== null) {
						if (entry.row !== undefined && dueRowDay(entry.row) === today) rows.set(path, entry.row);
						reads[seq] = kept;
						// What the answer's layout vouches for (answerPatch.ts).
						stamps[seq] = stamp;
						fresh.set(path, entry);
						reused[k]++;
						return;
					}
					heal[k] = true;
					rejected++;
				}
				changedNotes[k]++;
			}
			// Into the one scratch buffer while no parse thread may take the bytes (copied if one then does).
			const got = readBytes(full, cap, pool === null ? scratch : undefined);
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
				if (pool.offer(seq, path, got.bytes.buffer === scratch.buffer ? new Uint8Array(got.bytes) : got.bytes, got.times)) return;
			}
			const read = readNote(path, DECODER.decode(got.bytes), settings, { file: got.times });
			// The index keeps the compact record, as a warm run does: the words of settled touches go.
			if (!keep) settle(seq, read.prospect === null ? read : compactRead(read, today), null);
			else {
				const c = compactAndEncode(read, today);
				settle(seq, c.read, c.encoded);
			}
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
	/** The prospects whose entry is their row's: the row is written as it is. */
	const restored = new Set<string>();
	for (const [path, row] of rows) if (index.restoreDue(path, today, row)) restored.add(path);
	if (rejected > 0) options.warn(`the index cache in ${options.cacheDir} had ${rejected} damaged entr${rejected === 1 ? "y" : "ies"}, left out: ${rejected === 1 ? "its note is" : "their notes are"} read again`);
	if (stampsFromReads && options.cacheDir !== null) {
		const digest = digestOfReads(paths, stamps, broken, startedAt);
		if (digest !== null) stamps0 = { file: answersFileFor(options.cacheDir, scope), digest };
	}
	/** Each note's stamp and kind, for mending the answer after a few notes change (answerPatch.ts). */
	let marks: NoteMark[] | null = null;
	const interactions: Layout["interactions"] = {};
	if (options.patchable === true && keep && options.keepIndexAsIs !== true) {
		marks = [];
		for (let seq = 0; seq < paths.length; seq++) marks.push(markOf(paths[seq], problemAt.has(seq) ? null : reads[seq], stamps[seq], startedAt, interactions));
	}
	const keepAnswer = (text: string): void => {
		if (stamps0 !== null && options.answerKey !== undefined && options.cacheDir !== null) saveAnswer(stamps0.file, options.cacheDir, scope, stamps0.digest, options.answerKey, text);
		if (marks !== null && options.answerKey !== undefined && options.cacheDir !== null) saveLayout(layoutFileFor(options.cacheDir, scope), options.cacheDir, scope, withPhrases({ key: options.answerKey, notes: marks, interactions, text }));
		marks = null;
	};
	// The reads' touches (shardIndex.ts) keep this function's variables alive with the index: what
	// only the walk needed goes now, before the shards are written (peak memory: 7 MB at 50,000 notes).
	reads.length = 0;
	paths.length = 0;
	stamps.length = 0;
	cached.clear();
	statted = [];
	walked = null;
	if (cacheFile !== null && options.cacheDir !== null && options.keepIndexAsIs !== true) {
		writeShards(index);
	}
	rows.clear();
	keepTouches(true);
	return { index, unreadable, keepAnswer };

	/**
	 * Writes again each shard that changed: a note of it read and kept, or gone, or the shard
	 * damaged or of another layout. The others are left as they are. Each prospect of a shard
	 * written gets its due row of the day (the entries of the report the caller asks for next).
	 */
	function writeShards(index: ProspectIndex): void {
		// (The index is a parameter: a variable the touches' closures share would keep it alive after the report.)
		const byShard: [string, ShardEntry][][] = Array.from({ length: SHARDS }, () => []);
		for (const entry of fresh) byShard[shardOf(entry[0])].push(entry);
		for (let k = 0; k < SHARDS; k++) {
			// A note changed too recently to keep (readVault's racy margin) is no reason to write its shard.
			const gone = held[k] - reused[k] - changedNotes[k];
			const changed = writers[k] !== null || heal[k] || migrated || gone > 0;
			if (!changed) continue;
			if (byShard[k].length === 0) {
				writers[k]?.abort();
				if (present[k]) removeShard(shardFileFor(cacheFile!, k));
				continue;
			}
			const writer = writerFor(k);
			if (writer === null) break;
			try {
				for (const [path, e] of byShard[k]) {
					const touches = e.touches === null ? null : writer.copyTouches(e.touches);
					let row = restored.has(path) ? rows.get(path) : undefined;
					if (row === undefined) {
						// Worked out and turned into its row one prospect at a time, so its touches are decoded once.
						index.prepareDue(path, today);
						row = index.dueRow(path, today) ?? undefined;
					}
					fresh.set(path, { mtime: e.mtime, size: e.size, ...(e.ctime === undefined ? {} : { ctime: e.ctime }), head: e.head, ...(row === undefined ? {} : { row }), touches });
				}
				writer.finish(byShard[k].map(([path]) => [path, fresh.get(path)!]));
			} catch (error) {
				writer.abort();
				writeFailed = (error as NodeJS.ErrnoException).code ?? String(error);
				break;
			}
		}
		for (const writer of writers) if (writeFailed !== null) writer?.abort();
		if (writeFailed !== null) options.warn(`the index cache could not be written to ${options.cacheDir} (${writeFailed}); the next run reads every note again`);
		else if (migrated || existsSync(cacheFile!)) removeShard(cacheFile!);
		// The records' heads are written: the reads (which outlive this run's walk) must not keep them.
		fresh.clear();
	}
}

/**
 * The digest of every note's stamp (path, modification and change times, size) in walk order,
 * taken before anything is read: the same digest means no note changed. The digest is null when
 * some note's stamp is too recent to vouch for its content (the racy margin of the reads), or
 * cannot be had. `stats` are the stamps taken, in walk order (null: no stamp).
 */
function vaultStamps(vault: string, startedAt: number): { digest: string | null; stats: (FileStamp | null)[]; found: Walked } {
	const digest = new Digest();
	const stats: (FileStamp | null)[] = [];
	const found: Walked = [];
	let vouched = true;
	walkVault(
		vault,
		(path, full) => {
			const stamp = stampOrNull(full);
			stats.push(stamp);
			found.push([path, full]);
			if (stamp === null || !keepable(stamp, startedAt)) vouched = false;
			else digest.add(`${path}\0${stamp.mtime}\0${stamp.size}\0${stamp.ctime}\n`);
		},
		(path) => {
			stats.push(null);
			found.push([path, null]);
			digest.add(`${path}\0broken\n`);
		},
	);
	return { digest: vouched ? digest.hex() : null, stats, found };
}

/**
 * A sha-256 fed a line at a time, hashed a batch at a time: one `update` per note cost more than
 * the hashing (the same digest as updating line by line).
 */
class Digest {
	private readonly hash = createHash("sha256");
	private pending = "";

	add(line: string): void {
		this.pending += line;
		if (this.pending.length >= 1 << 16) {
			this.hash.update(this.pending);
			this.pending = "";
		}
	}

	hex(): string {
		this.hash.update(this.pending);
		this.pending = "";
		return this.hash.digest("hex");
	}
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
	const digest = new Digest();
	for (let seq = 0; seq < paths.length; seq++) {
		if (broken.has(seq)) {
			digest.add(`${paths[seq]}\0broken\n`);
			continue;
		}
		const stamp = stamps[seq];
		if (stamp === null || !keepable(stamp, startedAt)) return null;
		digest.add(`${paths[seq]}\0${stamp.mtime}\0${stamp.size}\0${stamp.ctime}\n`);
	}
	return digest.hex();
}

const DECODER = new TextDecoder("utf-8");

function stampOf(st: Stats): FileStamp {
	return { mtime: st.mtimeMs, size: st.size, ctime: st.ctimeMs };
}

function stampOrNull(full: string): FileStamp | null {
	try {
		return stampOf(statSync(full));
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
function readBytes(full: string, cap: number, scratch?: Buffer): { bytes: Uint8Array; stamp: FileStamp; whole: boolean; times: NoteFileTimes } | { error: string } {
	try {
		const got = readRegularFile(full, cap, scratch);
		return { bytes: got.bytes, stamp: stampOf(got.stat), whole: got.whole, times: timesOf(got.stat) };
	} catch (error) {
		return { error: readError(full, error) };
	}
}

/** A note's text as `readBytes` reads it. */
function readTextAt(full: string, cap: number): { text: string; stamp: FileStamp; whole: boolean; times: NoteFileTimes } | { error: string } {
	const got = readBytes(full, cap);
	return "error" in got ? got : { text: DECODER.decode(got.bytes), stamp: got.stamp, whole: got.whole, times: got.times };
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
