// The plugin's persisted index and its first read of the vault, kept out of Obsidian's way.
//
// Where: `index-cache.json` in the plugin's own folder, through the vault adapter, which every
// platform (mobile included) has; IndexedDB would need a second store to keep in step with the
// vault, and the test fake models the adapter. It is a cache: deleting it costs one full read.
// Obsidian Sync copies only a plugin's main.js, manifest, styles and data.json; another sync tool
// that copies it anyway does no harm, as every note is checked against its own stamp.
//
// How: the first index (and a restart) reads at most READS_IN_FLIGHT notes at once, and gives the
// main thread back every SLICE_MS, so Obsidian never stutters while thousands of notes are read.
import type { App, CachedMetadata, TFile } from "obsidian";
import { parseNaturalDate } from "../../core/text/nextClause";
import { readNote, type NoteFileTimes, type NoteRead } from "../../core/read/note";
import { formatDay, localToday, type IsoDay } from "../../core/text/dates";
import { cachedRead, checksum, compactRead, decodeLazy, decodeRead, dueRowDay, encodeRead, keepable, parseCache, readCacheKey, sameStamp, serializeCache, usableOn, type CacheEntry, type FileStamp } from "../../core/index/readCache";
import { maxNoteBytes, tooLargeMessage, type TouchbaseSettings } from "../../core/settings/settings";
import type { GivenFrontmatter } from "../../core/text/frontmatter";

/** As obsidian-tasks does: enough to keep the disk busy, few enough to keep memory low. */
export const READS_IN_FLIGHT = 4;
/** The longest the main thread is kept before it is given back. */
export const SLICE_MS = 16;
/**
 * Notes per file of the persisted index (about 0.7 MB at the bench's 3 KB a prospect): reading,
 * decoding or writing one 11 MB file held Obsidian's main thread 60 to 140 ms.
 */
export const NOTES_PER_FILE = 256;
/** Vaults with fewer candidates than this are read in one go (nothing to gain from slicing). */
export const SLICE_MIN_FILES = 64;

export interface Progress {
	done: number;
	total: number;
}

interface Known {
	stamp: FileStamp;
	readAt: number;
	read: NoteRead;
	/** The cache text: from the file for a note that did not change, else made when saving. */
	encoded: string | null;
}

const NOTHING: NoteRead = { prospect: null, problems: [] };

/**
 * A note's frontmatter as Obsidian's metadata cache holds it, for the core to take instead of
 * parsing the YAML again (docs/performance.md, "Frontmatter from Obsidian"); null without a block.
 */
export function givenFrontmatter(cache: CachedMetadata | null): GivenFrontmatter | null {
	const position = cache?.frontmatterPosition;
	return position ? { data: cache.frontmatter, closeLine: position.end.line } : null;
}

/** Gives the main thread back: a task of its own, which fake timers in tests do not hold back. */
export function yieldToMain(): Promise<void> {
	return new Promise((resolve) => {
		const channel = new MessageChannel();
		channel.port1.onmessage = () => {
			channel.port1.close();
			resolve();
		};
		channel.port2.postMessage(null);
	});
}

export class ReadCacheStore {
	/** Every candidate read since the last rebuild, by path: what the next save writes. */
	private readonly known = new Map<string, Known>();
	private saving: Promise<void> | null = null;

	constructor(
		private readonly app: App,
		/** Vault path of the cache file, or null for none. */
		private readonly path: string | null,
		/** Reads a note again whose touches, left undecoded at the start, proved damaged. */
		private readonly reread: (path: string) => void = () => {},
	) {}

	/**
	 * Reads `files` into the index through `put`, taking unchanged notes from the cache file:
	 * with a bounded number of reads in flight, in slices, reporting progress.
	 */
	async indexFiles(
		files: TFile[],
		/** Whether a note may be a prospect; null: not now, but Obsidian knew nothing of it yet (never remembered). */
		isCandidate: (file: TFile) => boolean | null,
		settings: TouchbaseSettings,
		/** `row`: the prospect's due row the file keeps beside its record, if any (readCache.ts, `encodeDueRow`). */
		put: (path: string, read: NoteRead, row: string | undefined) => void,
		progress: (p: Progress) => void,
		alive: () => boolean,
	): Promise<void> {
		this.known.clear();
		this.others.clear();
		this.unchanged = false;
		const key = readCacheKey(settings);
		const stored = await this.load(key);
		const storedOthers = await this.loadOthers(key);
		const startedAt = Date.now();
		// A record holds for its own day and later (docs/performance.md, "The compact index").
		const today = localToday();
		let total = files.length;
		let done = 0;
		const slicing = total >= SLICE_MIN_FILES;
		let sliceStart = performance.now();
		// Awaited only when the slice is over (an await per note cost a restart 5-10 ms), and the
		// clock read every 16 notes.
		let notes = 0;
		const overSlice = (): boolean => slicing && (++notes & 15) === 0 && performance.now() - sliceStart >= SLICE_MS;
		const nextSlice = async (): Promise<void> => {
			progress({ done, total });
			await yieldToMain();
			sliceStart = performance.now();
		};
		const misses: TFile[] = [];
		let candidates = 0;
		let othersAdded = false;
		// Rows of another day: the file is written again once, so the next start finds today's.
		let oldRows = false;
		// Notes that did not change: no read at all.
		for (const file of files) {
			if (!alive()) return;
			const entry = stored.get(file.path);
			const stamp = stampOf(file);
			// A note the file holds with its stamp was a candidate for these settings (they are the
			// file's key), and its text is the same: it still is (docs/performance.md, "Restart").
			const same = entry !== undefined && sameStamp(entry, stamp);
			if (!same) {
				// Likewise a note the others file holds with its stamp is still no candidate.
				const other = otherLine(file.path, stamp);
				const known = storedOthers.has(other);
				const candidate = known ? false : isCandidate(file);
				if (candidate !== true) {
					if (known) this.others.add(other);
					else if (candidate === false && keepable(stamp, startedAt) && !/[\t\n\r]/.test(file.path)) {
						this.others.add(other);
						othersAdded = true;
					}
					// Not counted in the progress, which is of prospect notes.
					total--;
					if (overSlice()) await nextSlice();
					continue;
				}
			}
			candidates++;
			// A damaged or wrongly shaped entry is null: the note is read. With a due row of today, the
			// prospect's touches are decoded when first read (docs/performance.md, "Restart").
			const lazy = entry?.row !== undefined && dueRowDay(entry.row) === today;
			const read = same && usableOn(entry.read, today) ? cachedRead(file.path, entry, lazy ? (text) => decodeLazy(text, () => this.reread(file.path)) : decodeRead, lazy) : null;
			if (read !== null && entry !== undefined) {
				put(file.path, read, entry.row);
				if (entry.row !== undefined && dueRowDay(entry.row) !== today) oldRows = true;
				this.known.set(file.path, { stamp, readAt: startedAt, read, encoded: entry.read });
				done++;
				if (overSlice()) await nextSlice();
				continue;
			}
			misses.push(file);
		}
		// Nothing read and nothing gone: the file on disk is already right, so it is not written again.
		this.unchanged = misses.length === 0 && candidates === stored.size && !oldRows;
		this.othersChanged = othersAdded || this.others.size !== storedOthers.size;
		// The others: READS_IN_FLIGHT lanes, each reading then parsing one note at a time.
		if (misses.length > 0) await warmUpParsing(settings);
		let next = 0;
		const lane = async (): Promise<void> => {
			while (next < misses.length && alive()) {
				const file = misses[next++];
				const readAt = Date.now();
				const stamp = stampOf(file);
				let text: string;
				if (file.stat.size > maxNoteBytes(settings)) {
					// Over the size cap (docs/reliability.md): a problem, not a read.
					const read = tooLargeRead(file.path, file.stat.size, settings);
					put(file.path, read, undefined);
					this.known.set(file.path, { stamp, readAt, read, encoded: null });
					done++;
					continue;
				}
				try {
					text = await this.app.vault.cachedRead(file);
				} catch (error) {
					console.warn(`Touchbase: could not read ${file.path}`, error);
					done++;
					continue;
				}
				if (!alive()) return;
				const whole = readNote(file.path, text, settings, { file: fileTimes(file), given: givenFrontmatter(this.app.metadataCache.getFileCache(file)) });
				// The index keeps the compact record, as a restart gives it (docs/performance.md, "The compact index").
				const read = whole.prospect === null ? whole : compactRead(whole, today);
				put(file.path, read, undefined);
				this.known.set(file.path, { stamp, readAt, read: isNothing(read) ? NOTHING : read, encoded: null });
				done++;
				if (overSlice()) await nextSlice();
			}
		};
		await Promise.all(Array.from({ length: Math.min(READS_IN_FLIGHT, misses.length) }, lane));
		progress({ done, total });
	}

	/** A note read again after an edit (or first read after a create or rename). */
	noteRead(file: TFile, read: NoteRead | undefined): void {
		this.known.set(file.path, { stamp: stampOf(file), readAt: Date.now(), read: read ?? NOTHING, encoded: null });
		this.unchanged = false;
	}

	noteGone(path: string): void {
		if (this.known.delete(path)) this.unchanged = false;
	}

	/** Whether the file on disk holds exactly what is known (a start that read nothing). */
	private unchanged = false;
	/**
	 * The notes found no candidate at the last start, each as `otherLine` (its path and stamp): the
	 * next start does not ask `isCandidate` of them again (docs/performance.md, "Restart at 150 ms").
	 */
	private readonly others = new Set<string>();
	/** Whether `others` differs from the others file on disk. */
	private othersChanged = false;
	/** Whether leftover temporary files were looked for (once, before any save of this run). */
	private tidied = false;

	/**
	 * Writes the file (whole: a temporary file, then a rename), each prospect with its due row of
	 * the day (`rowOf`, null for none). Failures are logged, never thrown.
	 */
	save(settings: TouchbaseSettings, rowOf: (path: string, today: IsoDay) => string | null = () => null): Promise<void> {
		if (this.path === null || (this.unchanged && !this.othersChanged)) return Promise.resolve();
		const previous = this.saving ?? Promise.resolve();
		const key = readCacheKey(settings);
		const run = previous.then(async () => {
			if (!this.unchanged) await this.write(key, rowOf);
			if (!this.othersChanged) return;
			this.othersChanged = false;
			try {
				await this.writeFile(this.othersPath(), othersText(this.app.vault.getName(), key, this.others));
			} catch (error) {
				console.warn("Touchbase: the index cache could not be written; the next start reads every note", error);
			}
		});
		this.saving = run.finally(() => {
			if (this.saving === run) this.saving = null;
		});
		return run;
	}

	private async write(key: string, rowOf: (path: string, today: IsoDay) => string | null): Promise<void> {
		const shards: Map<string, CacheEntry>[] = [new Map<string, CacheEntry>()];
		const today = localToday();
		let sliceStart = performance.now();
		for (const [p, k] of this.known) {
			if (!keepable(k.stamp, k.readAt)) continue;
			k.encoded ??= encodeRead(k.read, today);
			if (k.encoded === null) continue;
			if (shards[shards.length - 1].size >= NOTES_PER_FILE) shards.push(new Map<string, CacheEntry>());
			const row = k.read.prospect ? rowOf(p, today) : null;
			shards[shards.length - 1].set(p, row === null ? { ...k.stamp, read: k.encoded } : { ...k.stamp, read: k.encoded, row });
			if (performance.now() - sliceStart >= SLICE_MS) {
				await yieldToMain();
				sliceStart = performance.now();
			}
		}
		const adapter = this.app.vault.adapter;
		try {
			for (let i = 0; i < shards.length; i++) {
				await this.writeFile(this.shardPath(i), serializeCache(this.app.vault.getName(), key, shards[i]));
				await yieldToMain();
			}
			// Files of a bigger index written before: gone, so a later start does not read them.
			for (let i = shards.length; await adapter.exists(this.shardPath(i)); i++) await adapter.remove(this.shardPath(i));
		} catch (error) {
			console.warn("Touchbase: the index cache could not be written; the next start reads every note", error);
		}
	}

	/** Writes one file whole: a temporary file, then a rename. */
	private async writeFile(path: string, text: string): Promise<void> {
		const adapter = this.app.vault.adapter;
		const temp = `${path}.tmp`;
		await adapter.write(temp, text);
		try {
			await adapter.rename(temp, path);
		} catch {
			// Some adapters will not rename over a file.
			if (await adapter.exists(path)) await adapter.remove(path);
			await adapter.rename(temp, path);
		}
	}

	/** The others file, `index-cache-others.json` beside the index's. */
	private othersPath(): string {
		return this.path!.replace(/(\.json)?$/, "-others.json");
	}

	/** The others file's lines, when it was written for this vault, these settings and this version of `isCandidate`; else none. */
	private async loadOthers(key: string): Promise<Set<string>> {
		if (this.path === null) return new Set();
		let text = "";
		try {
			const adapter = this.app.vault.adapter;
			const path = this.othersPath();
			if (this.tidyOthers && (await adapter.exists(`${path}.tmp`))) await adapter.remove(`${path}.tmp`);
			this.tidyOthers = false;
			if (await adapter.exists(path)) text = await adapter.read(path);
		} catch {
			// Unreadable: every note is asked again, and the file written anew.
		}
		const lines = text.split("\n");
		// A damaged line matches no note (that note is asked again); a cut file lacks its last lines only.
		return lines[0] === othersHeader(this.app.vault.getName(), key) ? new Set(lines.slice(1)) : new Set();
	}

	private tidyOthers = true;

	/** The index's files: `index-cache.json`, then `index-cache-1.json` … each holding up to NOTES_PER_FILE notes. */
	private shardPath(i: number): string {
		return i === 0 ? this.path! : this.path!.replace(/(\.json)?$/, `-${i}.json`);
	}

	/**
	 * Every file of the index in turn, each read and parsed in tasks of its own. A file that is
	 * damaged costs only its own notes, which are read again; whatever a file holds is checked
	 * note by note against the note's stamp, so a file left from an older write does no harm.
	 */
	private async load(key: string): Promise<Map<string, CacheEntry>> {
		const notes = new Map<string, CacheEntry>();
		if (this.path === null) return notes;
		const adapter = this.app.vault.adapter;
		const tidy = !this.tidied;
		this.tidied = true;
		for (let i = 0; ; i++) {
			const path = this.shardPath(i);
			let text: string;
			try {
				// A temporary file a write stopped part-way left (Obsidian closed): removed at the first start.
				if (tidy && (await adapter.exists(`${path}.tmp`))) await adapter.remove(`${path}.tmp`);
				if (!(await adapter.exists(path))) return notes;
				text = await adapter.read(path);
			} catch (error) {
				console.warn("Touchbase: the index cache could not be read; every note is read", error);
				return notes;
			}
			await yieldToMain();
			const loaded = parseCache(text, this.app.vault.getName(), key);
			if (loaded.ok) for (const [p, entry] of loaded.notes) notes.set(p, entry);
			else if (loaded.reason !== "stale") console.warn(`Touchbase: the index cache was ignored and is rebuilt: ${loaded.message}`);
			// Stale: written for other settings; the next save rewrites every file.
			if (!loaded.ok && loaded.reason === "stale") return notes;
		}
	}
}

/**
 * chrono's module and its first parse (which compiles its patterns) cost about 50 ms in Chromium:
 * done here, each in a task of its own, they are not added to the first note's slice.
 */
async function warmUpParsing(settings: TouchbaseSettings): Promise<void> {
	await yieldToMain();
	parseNaturalDate("tomorrow", "2026-01-05", settings.dateLocale);
	await yieldToMain();
	parseNaturalDate("in 3 days", "2026-01-05", settings.dateLocale);
	await yieldToMain();
}

/**
 * The others file's first line: its format (bumped whenever `isCandidate` changes what it accepts),
 * the vault and the settings' key, all in one checksum. Then one `otherLine` a note.
 */
function othersHeader(scope: string, key: string): string {
	return `touchbase-others/1 ${checksum(`${scope}\n${key}`)}`;
}

function othersText(scope: string, key: string, lines: Set<string>): string {
	return [othersHeader(scope, key), ...lines].join("\n");
}

/** A note as the others file holds it: path, modification time and size (a path with a tab or line break is never kept). */
function otherLine(path: string, stamp: FileStamp): string {
	return `${path}\t${stamp.mtime}\t${stamp.size}`;
}

function stampOf(file: TFile): FileStamp {
	return { mtime: file.stat.mtime, size: file.stat.size };
}

function isNothing(read: NoteRead): boolean {
	return read.prospect === null && read.problems.length === 0 && !read.interaction;
}

/** The read of a note over the size cap: no prospect, one problem. */
export function tooLargeRead(path: string, size: number, settings: TouchbaseSettings): NoteRead {
	return { prospect: null, problems: [{ path, line: null, message: tooLargeMessage(size, maxNoteBytes(settings)) }] };
}

/** When a note's file was created and last saved, as local days (README, "Bringing your existing notes"). */
export function fileTimes(file: TFile): NoteFileTimes {
	return { created: file.stat.ctime > 0 ? formatDay(new Date(file.stat.ctime)) : null, modified: formatDay(new Date(file.stat.mtime)) };
}
