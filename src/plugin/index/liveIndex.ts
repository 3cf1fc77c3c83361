import { Component, debounce, TFile, type App, type CachedMetadata } from "obsidian";
import { localToday } from "../../core/text/dates";
import { normalizeKey } from "../../core/text/frontmatter";
import { inProspectFolder, type NoteRead } from "../../core/read/note";
import { maxNoteBytes, type TouchbaseSettings } from "../../core/settings/settings";
import { computeStats, weekFigures, type Stats } from "../../core/rules/stats";
import { ProspectIndex } from "../../core/index/prospectIndex";
import { type DueReport } from "../../core/rules/dueReport";
import type { IndexSource } from "../ports";
import { obsidianTemplateFolders, withTemplateFolders } from "./templateFolders";
import { fileTimes, givenFrontmatter, ReadCacheStore, SLICE_MIN_FILES, tooLargeRead, yieldToMain, type Progress } from "./readCacheStore";

/** File names of meeting notes, which may name their people in their body only. */
const MEETING_NAME = /\b(?:meeting|call|1[:-]1|one[- ]on[- ]one|sync|demo|interaction|kickoff|check[- ]?in|catch[- ]?up|summary|qbr|standup)\b/i;

/**
 * The vault's prospects, kept current from Obsidian's events. Notes are parsed by the same core
 * as the command line, so the view and `touchbase due` never disagree. A component: added to the
 * plugin, it reads the vault once the layout is ready and follows it until the plugin unloads.
 */
export class LiveIndex extends Component implements IndexSource {
	private readonly core: ProspectIndex;
	private readonly listeners = new Set<() => void>();
	private readonly noteListeners = new Set<NoteChangeListener>();
	private cached: { revision: number; today: string; report: DueReport } | null = null;
	private cachedStats: { revision: number; today: string; stats: Stats } | null = null;
	private cachedWeek: { revision: number; today: string; week: Stats["week"] } | null = null;
	ready = false;
	/** While the vault is being read: how far (the view shows it, with the notes read so far). */
	progress: Progress | null = null;
	private unloaded = false;
	/** The persisted index (readCacheStore.ts): notes that did not change are not read at start. */
	private readonly store: ReadCacheStore;
	/** Bumped by each rebuild, so one that was overtaken stops. */
	private generation = 0;
	private readonly saveSoon = debounce(() => void this.saveCache(), 2000, true);
	/** Coalesces bursts of edits (a sync, a find-and-replace) into one notification. */
	private readonly notify = debounce(() => this.listeners.forEach((listener) => listener()), 250, true);

	constructor(
		private readonly app: App,
		private settings: TouchbaseSettings,
		/** Vault path of the persisted index (`index-cache.json` in the plugin's folder), or null. */
		cachePath: string | null = null,
	) {
		super();
		this.core = new ProspectIndex(settings);
		this.store = new ReadCacheStore(app, cachePath, (path) => {
			const file = app.vault.getFileByPath(path);
			if (file) void this.refresh(file);
		});
	}

	get revision(): number {
		return this.core.revision;
	}

	/** Indexing waits for the layout: Obsidian starts faster, and the metadata cache is ready. */
	onload(): void {
		this.app.workspace.onLayoutReady(() => {
			if (!this.unloaded) void this.start();
		});
	}

	/** Listeners released (by Component) with the events; a notification still pending is dropped. */
	onunload(): void {
		this.unloaded = true;
		this.notify.cancel();
		this.saveSoon.cancel();
	}

	/** Template folders named in Obsidian's own settings (templateFolders.ts). */
	private obsidianTemplates: string[] = [];

	/** Reads every prospect note, then follows changes. */
	private async start(): Promise<void> {
		const { vault, metadataCache } = this.app;
		this.registerEvent(metadataCache.on("changed", (file, data, cache) => this.onChanged(file, data, cache)));
		this.registerEvent(
			vault.on("delete", (file) => {
				this.store.noteGone(file.path);
				if (this.core.remove(file.path)) this.notify();
			}),
		);
		this.registerEvent(
			vault.on("rename", (file, oldPath) => {
				this.store.noteGone(oldPath);
				const removed = this.core.remove(oldPath);
				// The metadata for the new path may not be there yet (the order of the two is not
				// documented): then the note itself decides, read now (a later `changed` event reads it again).
				const unknown = file instanceof TFile && file.extension === "md" && this.app.metadataCache.getFileCache(file) === null;
				if (file instanceof TFile && (unknown || this.isCandidate(file))) void this.readFile(file);
				else if (removed) this.notify();
			}),
		);
		this.obsidianTemplates = await obsidianTemplateFolders(this.app);
		if (this.obsidianTemplates.length > 0) this.setSettings(this.settings);
		await this.rebuild();
	}

	/**
	 * Reads every candidate note again: from the persisted index when unchanged, else with at
	 * most four reads in flight, giving the main thread back every 16 ms. Listeners hear of the
	 * progress (about every 250 ms) and see the notes read so far.
	 */
	async rebuild(): Promise<void> {
		const generation = ++this.generation;
		const alive = (): boolean => !this.unloaded && this.generation === generation;
		this.core.clear();
		// Which notes may be prospects is decided in the store's slices (10,000 notes at once held
		// the main thread 60 ms); each prospect's due entry is worked out there too, so the first
		// report only sorts.
		const files = this.app.vault.getMarkdownFiles();
		const today = localToday();
		// Worked out once for the whole pass, not once a note (docs/performance.md, "Restart").
		const rules = this.candidateRules();
		this.progress = { done: 0, total: files.length };
		await this.store.indexFiles(
			files,
			// Without the metadata cache's entry the answer is not remembered (readCacheStore.ts, "others").
			(file) => {
				const cache = this.app.metadataCache.getFileCache(file);
				return this.isCandidate(file, cache, rules) || (cache === null ? null : false);
			},
			this.settings,
			(path, read, row) => {
				this.core.put(path, read);
				// The entry the file kept for today, else worked out now (docs/performance.md, "Restart").
				if (row === undefined || !this.core.restoreDue(path, today, row)) this.core.prepareDue(path, today);
			},
			(progress) => {
				this.progress = progress;
				this.notify();
			},
			alive,
		);
		if (!alive()) return;
		// The sorted due list, in a task of its own: the listeners told next (status bar, view,
		// reminders) then only read it, and no single task holds the main thread for all of them.
		if (files.length >= SLICE_MIN_FILES) {
			await yieldToMain();
			if (!alive()) return;
			this.core.report(today);
			await yieldToMain();
			if (!alive()) return;
		}
		this.progress = null;
		this.ready = true;
		if (files.length >= SLICE_MIN_FILES) {
			// Each listener (status bar, view, reminders …) in a task of its own: together they held
			// the main thread 50-60 ms at 10,000 notes.
			this.notify.cancel();
			for (const listener of [...this.listeners]) {
				await yieldToMain();
				if (!alive()) return;
				if (this.listeners.has(listener)) listener();
			}
		} else {
			this.notify();
			this.notify.run();
		}
		this.saveSoon();
	}

	/** Writes the persisted index now (it is also written 2 s after the first index and after edits). */
	saveCache(): Promise<void> {
		return this.store.save(this.settings, (path, today) => this.core.dueRow(path, today));
	}

	setSettings(settings: TouchbaseSettings): void {
		const merged = withTemplateFolders(settings, this.obsidianTemplates);
		this.settings = merged;
		this.core.setSettings(merged);
		this.cached = null;
		this.cachedStats = null;
		this.cachedWeek = null;
	}

	onChange(listener: () => void): () => void {
		this.listeners.add(listener);
		return () => this.listeners.delete(listener);
	}

	/**
	 * Calls `listener` at once with a note's read before and after each change Obsidian reports
	 * (an edit by hand, a sync, a command's write); returns the function that stops it.
	 */
	onNoteChange(listener: NoteChangeListener): () => void {
		this.noteListeners.add(listener);
		return () => this.noteListeners.delete(listener);
	}

	get(path: string): NoteRead | undefined {
		return this.core.get(path);
	}

	/** The due list for `today` (local by default), computed once per revision and day. */
	report(today: string = localToday()): DueReport {
		if (this.cached && this.cached.revision === this.core.revision && this.cached.today === today) return this.cached.report;
		const report = this.core.report(today);
		this.cached = { revision: this.core.revision, today, report };
		return report;
	}

	/** This week's line for the view's header, computed once per revision and day: cheaper than all the stats. */
	week(today: string = localToday()): Stats["week"] {
		if (this.cachedWeek && this.cachedWeek.revision === this.core.revision && this.cachedWeek.today === today) return this.cachedWeek.week;
		const week = weekFigures(this.report(today).entries, today);
		this.cachedWeek = { revision: this.core.revision, today, week };
		return week;
	}

	/** The Stats tab's figures for `today`, computed once per revision and day. */
	stats(today: string = localToday()): Stats {
		if (this.cachedStats && this.cachedStats.revision === this.core.revision && this.cachedStats.today === today) return this.cachedStats.stats;
		const stats = computeStats(this.report(today).entries, today);
		this.cachedStats = { revision: this.core.revision, today, stats };
		return stats;
	}

	/** Re-reads one note now, without waiting for the metadata cache. */
	async refresh(file: TFile): Promise<void> {
		if (this.isCandidate(file)) await this.readFile(file);
		else if (this.core.remove(file.path)) this.notify();
	}

	/**
	 * Whether a note may be a prospect, from the metadata cache alone, so the start-up reads only
	 * these. A note whose frontmatter did not parse is read too: it may be a broken prospect.
	 * A start remembers its "no" by the note's stamp: when this accepts more, bump the others
	 * file's format (`othersHeader` in readCacheStore.ts).
	 */
	isCandidate(file: TFile, cache: CachedMetadata | null = this.app.metadataCache.getFileCache(file), rules: CandidateRules = this.candidateRules()): boolean {
		if (file.extension !== "md") return false;
		if (inProspectFolder(file.path, this.settings)) return true;
		if (!cache) return false;
		const fm: Record<string, unknown> | undefined = cache.frontmatter;
		if (cache.frontmatterPosition && !fm) return true;
		const { tag, key, typeValue, people } = rules;
		if (tag !== "" && cache.tags) {
			for (const t of cache.tags) {
				const name = t.tag.replace(/^#/, "").toLowerCase();
				if (name === tag || name.startsWith(`${tag}/`)) return true;
			}
		}
		// A meeting note may name its people in its body only (`Attendees:`, an `## Attendees` list,
		// its title): its name says so (README, "Bringing your existing notes").
		if (this.settings.readForms.interactions && MEETING_NAME.test(file.basename.replace(/[_-]+/g, " "))) return true;
		if (!fm) return false;
		// One pass over the keys, for the tag keys and the type key (most notes have neither).
		for (const k in fm) {
			if (!Object.prototype.hasOwnProperty.call(fm, k)) continue;
			const lower = k.toLowerCase();
			if (tag !== "" && (lower === "tags" || lower === "tag") && mentions(fm[k], tag)) return true;
			if (lower === key && mentions(fm[k], typeValue)) return true;
			if (people?.has(normalizeKey(k))) return true;
		}
		return false;
	}

	private rules: CandidateRules | null = null;

	/**
	 * What `isCandidate` looks for, worked out again only when the settings it depends on changed
	 * (it runs for every note at start; the settings tab edits the object in place).
	 */
	private candidateRules(): CandidateRules {
		const settings = this.settings;
		const signature = `${settings.prospectTag}\n${settings.typeKey}\n${settings.typeValue}\n${settings.readForms.interactions}\n${settings.peopleKeys.join("\n")}`;
		if (this.rules?.signature !== signature) {
			this.rules = {
				signature,
				tag: settings.prospectTag.toLowerCase(),
				key: settings.typeKey !== "" ? settings.typeKey.toLowerCase() : null,
				typeValue: settings.typeValue.toLowerCase(),
				// An interaction note names the people it was with (`attendees:`, `contact:`): it
				// counts as a touch of the prospects it links to, so it is read too.
				people: settings.readForms.interactions ? new Set(settings.peopleKeys.map(normalizeKey)) : null,
			};
		}
		return this.rules;
	}

	private onChanged(file: TFile, data: string, cache: CachedMetadata): void {
		const before = this.core.get(file.path);
		const candidate = this.isCandidate(file, cache);
		const tooLarge = file.stat.size > maxNoteBytes(this.settings);
		const changed = !candidate ? this.core.remove(file.path) : tooLarge ? this.core.put(file.path, tooLargeRead(file.path, file.stat.size, this.settings)) : this.core.update(file.path, data, { file: fileTimes(file), given: givenFrontmatter(cache) });
		this.remember(file, candidate);
		if (!changed) return;
		const after = this.core.get(file.path);
		for (const listener of this.noteListeners) listener(file.path, before, after);
		this.notify();
	}

	/** Keeps the persisted index in step with a note just read (or no longer a candidate). */
	private remember(file: TFile, candidate: boolean): void {
		if (candidate) this.store.noteRead(file, this.core.get(file.path));
		else this.store.noteGone(file.path);
		if (this.ready) this.saveSoon();
	}

	private async readFile(file: TFile, notify = true): Promise<void> {
		try {
			const cap = maxNoteBytes(this.settings);
			const changed =
				file.stat.size > cap
					? this.core.put(file.path, tooLargeRead(file.path, file.stat.size, this.settings))
					: this.core.update(file.path, await this.app.vault.cachedRead(file), { file: fileTimes(file), given: givenFrontmatter(this.app.metadataCache.getFileCache(file)) });
			this.remember(file, true);
			if (changed && notify) this.notify();
		} catch (error) {
			console.warn(`Touchbase: could not read ${file.path}`, error);
		}
	}
}

/** What `isCandidate` looks for, from the settings. */
interface CandidateRules {
	signature: string;
	tag: string;
	key: string | null;
	typeValue: string;
	people: Set<string> | null;
}

/** A note's read before and after one change (undefined: it was not, or is no longer, in the index). */
export type NoteChangeListener = (path: string, before: NoteRead | undefined, after: NoteRead | undefined) => void;

/** Whether a frontmatter value, written out, holds `word` (lower case) in any case. */
function mentions(value: unknown, word: string): boolean {
	return JSON.stringify(value).toLowerCase().includes(word);
}
