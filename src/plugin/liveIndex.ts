import { Component, debounce, TFile, type App, type CachedMetadata } from "obsidian";
import { localToday } from "../core/dates";
import { inProspectFolder, type NoteRead } from "../core/note";
import type { TouchbaseSettings } from "../core/settings";
import { computeStats, weekFigures, type Stats } from "../core/stats";
import { ProspectIndex, type DueReport } from "../core/vaultIndex";
import type { IndexSource } from "./ports";

/**
 * The vault's prospects, kept current from Obsidian's events. Notes are parsed by the same core
 * as the command line, so the view and `touchbase due` never disagree. A component: added to the
 * plugin, it reads the vault once the layout is ready and follows it until the plugin unloads.
 */
export class LiveIndex extends Component implements IndexSource {
	private readonly core: ProspectIndex;
	private readonly listeners = new Set<() => void>();
	private cached: { revision: number; today: string; report: DueReport } | null = null;
	private cachedStats: { revision: number; today: string; stats: Stats } | null = null;
	private cachedWeek: { revision: number; today: string; week: Stats["week"] } | null = null;
	ready = false;
	private unloaded = false;
	/** Coalesces bursts of edits (a sync, a find-and-replace) into one notification. */
	private readonly notify = debounce(() => this.listeners.forEach((listener) => listener()), 250, true);

	constructor(
		private readonly app: App,
		private settings: TouchbaseSettings,
	) {
		super();
		this.core = new ProspectIndex(settings);
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
	}

	/** Reads every prospect note, then follows changes. */
	private async start(): Promise<void> {
		const { vault, metadataCache } = this.app;
		this.registerEvent(metadataCache.on("changed", (file, data, cache) => this.onChanged(file, data, cache)));
		this.registerEvent(
			vault.on("delete", (file) => {
				if (this.core.remove(file.path)) this.notify();
			}),
		);
		this.registerEvent(
			vault.on("rename", (file, oldPath) => {
				const removed = this.core.remove(oldPath);
				if (file instanceof TFile && this.isCandidate(file)) void this.readFile(file);
				else if (removed) this.notify();
			}),
		);
		await this.rebuild();
	}

	async rebuild(): Promise<void> {
		this.core.clear();
		const files = this.app.vault.getMarkdownFiles().filter((f) => this.isCandidate(f));
		await Promise.all(files.map((f) => this.readFile(f, false)));
		this.ready = true;
		this.notify();
		this.notify.run();
	}

	setSettings(settings: TouchbaseSettings): void {
		this.settings = settings;
		this.core.setSettings(settings);
		this.cached = null;
		this.cachedStats = null;
		this.cachedWeek = null;
	}

	onChange(listener: () => void): () => void {
		this.listeners.add(listener);
		return () => this.listeners.delete(listener);
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
	 */
	isCandidate(file: TFile, cache: CachedMetadata | null = this.app.metadataCache.getFileCache(file)): boolean {
		if (file.extension !== "md") return false;
		if (inProspectFolder(file.path, this.settings)) return true;
		if (!cache) return false;
		const fm: Record<string, unknown> | undefined = cache.frontmatter;
		if (cache.frontmatterPosition && !fm) return true;
		const tag = this.settings.prospectTag.toLowerCase();
		if (tag !== "" && cache.tags) {
			for (const t of cache.tags) {
				const name = t.tag.replace(/^#/, "").toLowerCase();
				if (name === tag || name.startsWith(`${tag}/`)) return true;
			}
		}
		if (!fm) return false;
		// One pass over the keys, for the tag keys and the type key (most notes have neither).
		const key = this.settings.typeKey !== "" ? this.settings.typeKey.toLowerCase() : null;
		for (const k in fm) {
			if (!Object.prototype.hasOwnProperty.call(fm, k)) continue;
			const lower = k.toLowerCase();
			if (tag !== "" && (lower === "tags" || lower === "tag") && mentions(fm[k], tag)) return true;
			if (lower === key && mentions(fm[k], this.settings.typeValue.toLowerCase())) return true;
		}
		return false;
	}

	private onChanged(file: TFile, data: string, cache: CachedMetadata): void {
		const changed = this.isCandidate(file, cache) ? this.core.update(file.path, data) : this.core.remove(file.path);
		if (changed) this.notify();
	}

	private async readFile(file: TFile, notify = true): Promise<void> {
		try {
			const text = await this.app.vault.cachedRead(file);
			const changed = this.core.update(file.path, text);
			if (changed && notify) this.notify();
		} catch (error) {
			console.warn(`Touchbase: could not read ${file.path}`, error);
		}
	}
}

/** Whether a frontmatter value, written out, holds `word` (lower case) in any case. */
function mentions(value: unknown, word: string): boolean {
	return JSON.stringify(value).toLowerCase().includes(word);
}
