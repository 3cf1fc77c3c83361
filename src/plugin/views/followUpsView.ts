import { ItemView, setIcon, type WorkspaceLeaf } from "obsidian";
import { localToday } from "../../core/text/dates";
import { BUCKET_TITLES as TITLES, weeklySummary } from "../../core/show/describe";
import { BUCKETS, type Bucket, type DueEntry } from "../../core/rules/due";
import type { Problem } from "../../core/read/note";
import type { DueReport } from "../../core/rules/dueReport";
import type { IndexSource, NoteActions, SettingsSource } from "../ports";
import { drawProspectRow } from "./prospectRow";
import type { ReachTracker } from "../actions/reachOut";
import { drawStatsPanel } from "./statsPanel";
import { reportFor } from "../../core/rules/ownerReport";
import { computeStats, weekFigures } from "../../core/rules/stats";

export const VIEW_TYPE_FOLLOW_UPS = "touchbase-follow-ups";

/** Rows drawn per section before a "Show more" button: long lists stay quick to draw. */
export const ROWS_PER_PAGE = 25;

/** What the view reads and does: the index, the settings, a row's actions. */
export interface FollowUpsViewPorts extends SettingsSource {
	readonly index: IndexSource;
	readonly actions: NoteActions;
	/** Told when a row's Email or Call is used. */
	readonly reach?: ReachTracker;
}

/** The follow-ups sidebar: counts, one collapsible section per bucket, actions per row. */
export class FollowUpsView extends ItemView {
	private filter = "";
	private readonly collapsed = new Set<string>(["later", "paused", "closed"]);
	private readonly shown = new Map<string, number>();
	private drawnKey = "";
	private tab: "follow-ups" | "stats" = "follow-ups";
	/** Mine or everyone's, when "Me" is set (README, "Team vaults"). */
	private whose: "mine" | "everyone" = "mine";
	private mineOnly = false;
	private scopeEl!: HTMLElement;
	private headerEl!: HTMLElement;
	private tabsEl!: HTMLElement;
	private searchEl!: HTMLInputElement;
	private listEl!: HTMLElement;

	constructor(
		leaf: WorkspaceLeaf,
		private readonly ports: FollowUpsViewPorts,
	) {
		super(leaf);
	}

	getViewType(): string {
		return VIEW_TYPE_FOLLOW_UPS;
	}

	getDisplayText(): string {
		return "Follow-ups";
	}

	getIcon(): string {
		return "calendar-clock";
	}

	async onOpen(): Promise<void> {
		const root = this.contentEl;
		root.empty();
		root.addClass("touchbase-view");
		this.headerEl = root.createDiv({ cls: "touchbase-header" });
		this.tabsEl = root.createDiv({ cls: "touchbase-tabs", attr: { role: "tablist" } });
		for (const [tab, label] of [["follow-ups", "Follow-ups"], ["stats", "Stats"]] as const) {
			const button = this.tabsEl.createEl("button", { cls: "touchbase-tab", text: label, attr: { role: "tab", "data-tab": tab } });
			this.registerDomEvent(button, "click", () => this.showTab(tab));
		}
		this.scopeEl = root.createDiv({ cls: "touchbase-scope", attr: { role: "radiogroup", "aria-label": "Whose prospects" } });
		for (const [scope, label] of [["mine", "Mine"], ["everyone", "Everyone"]] as const) {
			const button = this.scopeEl.createEl("button", { cls: "touchbase-scope-button", text: label, attr: { role: "radio", "data-scope": scope } });
			this.registerDomEvent(button, "click", () => this.showScope(scope));
		}
		const search = (this.searchEl = root.createEl("input", {
			cls: "touchbase-filter",
			attr: { type: "search", placeholder: "Filter by name, company, channel…", "aria-label": "Filter follow-ups" },
		}));
		this.registerDomEvent(search, "input", () => {
			this.filter = search.value.trim().toLowerCase();
			this.shown.clear();
			this.refresh();
		});
		this.listEl = root.createDiv({ cls: "touchbase-list" });
		this.register(this.ports.index.onChange(() => this.refresh()));
		// The buckets change when the day does, even if no note did.
		this.registerInterval(window.setInterval(() => this.refresh(), 60_000));
		this.registerEvent(this.app.workspace.on("layout-change", () => this.refresh()));
		this.refresh(true);
		await Promise.resolve();
	}

	async onClose(): Promise<void> {
		this.contentEl.empty();
		await Promise.resolve();
	}

	/** Redraws only when it is visible and the index, the day or the filter moved since the last draw. */
	refresh(force = false): void {
		if (!force && !this.contentEl.isShown()) return;
		const today = localToday();
		const key = `${this.ports.index.revision}|${today}|${this.tab}|${this.whose}|${this.ports.settings().me}|${this.filter}|${[...this.collapsed].join(",")}|${[...this.shown].join(",")}|${this.ports.index.ready}|${this.ports.index.progress?.done ?? ""}`;
		if (!force && key === this.drawnKey) return;
		this.drawnKey = key;
		this.draw(this.ports.index.report(today));
	}

	/** Shows the follow-ups list or the Stats tab. */
	showTab(tab: "follow-ups" | "stats"): void {
		this.tab = tab;
		this.refresh(true);
	}

	/** Shows only my prospects, or everyone's (when "Me" is set). */
	showScope(scope: "mine" | "everyone"): void {
		this.whose = scope;
		this.shown.clear();
		this.refresh(true);
	}

	private draw(whole: DueReport): void {
		const me = this.ports.settings().me;
		this.mineOnly = me !== "" && this.whose === "mine";
		const report = this.mineOnly ? reportFor(whole, me) : whole;
		this.scopeEl.toggle(me !== "");
		for (const button of Array.from(this.scopeEl.children)) {
			const selected = (button as HTMLElement).dataset.scope === (this.mineOnly ? "mine" : "everyone");
			button.toggleClass("is-active", selected);
			button.setAttr("aria-checked", String(selected));
		}
		this.drawHeader(report);
		for (const button of Array.from(this.tabsEl.children)) {
			const selected = (button as HTMLElement).dataset.tab === this.tab;
			button.toggleClass("is-active", selected);
			button.setAttr("aria-selected", String(selected));
		}
		this.searchEl.toggle(this.tab === "follow-ups");
		this.listEl.empty();
		if (!this.ports.index.ready) {
			// While the vault is read: how far, and the prospects read so far (the list fills in).
			const p = this.ports.index.progress;
			this.listEl.createDiv({ cls: "touchbase-empty touchbase-progress", text: p ? `Reading prospect notes: ${p.done.toLocaleString("en-US")} of ${p.total.toLocaleString("en-US")}` : "Reading your prospect notes…" });
			if (this.tab === "stats" || report.entries.length === 0) return;
		}
		if (this.tab === "stats") {
			const stats = this.mineOnly ? computeStats(report.entries, report.today) : this.ports.index.stats(report.today);
			drawStatsPanel(this.listEl, stats, (path, line) => this.ports.actions.openAt(path, line));
			return;
		}
		if (this.mineOnly && report.entries.length === 0 && whole.entries.length > 0) {
			this.listEl.createDiv({
				cls: "touchbase-empty",
				text: `None of the ${whole.entries.length} prospects has ${me} as its owner. Everyone shows them all.`,
			});
			return;
		}
		if (report.entries.length === 0 && report.problems.length === 0) {
			const folders = this.ports.settings().prospectFolders.join(", ") || "a prospect folder";
			this.listEl.createDiv({
				cls: "touchbase-empty",
				text: `No prospects yet: create one with the New prospect command, or put notes in ${folders}.`,
			});
			return;
		}
		const entries = report.entries.filter((e) => this.matches(e));
		if (entries.length === 0 && this.filter !== "") {
			this.listEl.createDiv({ cls: "touchbase-empty", text: `Nothing matches “${this.filter}”.` });
		}
		for (const bucket of BUCKETS) {
			const rows = entries.filter((e) => e.bucket === bucket);
			if (rows.length > 0) this.drawSection(bucket, TITLES[bucket], rows.length, (body) => this.drawRows(bucket, body, rows, report.today));
		}
		if (report.problems.length > 0 && this.filter === "") {
			this.drawSection("problems", "Problems", report.problems.length, (body) => this.drawProblems(body, report.problems));
		}
	}

	private drawHeader(report: DueReport): void {
		this.headerEl.empty();
		const counts = this.headerEl.createDiv({ cls: "touchbase-counts" });
		const chip = (bucket: string, label: string, n: number): void => {
			const el = counts.createSpan({ cls: `touchbase-count touchbase-count-${bucket}`, attr: { "data-bucket": bucket } });
			el.createSpan({ cls: "touchbase-count-number", text: String(n) });
			el.createSpan({ cls: "touchbase-count-label", text: ` ${label}` });
		};
		chip("overdue", "overdue", report.counts.overdue);
		chip("today", "today", report.counts.today);
		chip("upcoming", "upcoming", report.counts.upcoming);
		chip("no-next-step", "no next step", report.counts["no-next-step"]);
		if (report.problems.length > 0) chip("problems", report.problems.length === 1 ? "problem" : "problems", report.problems.length);
		if (this.ports.index.ready) {
			const week = this.mineOnly ? weekFigures(report.entries, report.today) : this.ports.index.week(report.today);
			this.headerEl.createDiv({ cls: "touchbase-week", text: weeklySummary(week) });
		}
	}

	private drawSection(id: string, title: string, count: number, fill: (body: HTMLElement) => void): void {
		const section = this.listEl.createDiv({ cls: `touchbase-section touchbase-section-${id}`, attr: { "data-section": id } });
		const collapsed = this.collapsed.has(id);
		const head = section.createDiv({ cls: "touchbase-section-header", attr: { role: "button", "aria-expanded": String(!collapsed), tabindex: "0" } });
		const chevron = head.createSpan({ cls: "touchbase-chevron" });
		setIcon(chevron, collapsed ? "chevron-right" : "chevron-down");
		head.createSpan({ cls: "touchbase-section-title", text: title });
		head.createSpan({ cls: "touchbase-section-count", text: String(count) });
		const toggle = (): void => {
			if (this.collapsed.has(id)) this.collapsed.delete(id);
			else this.collapsed.add(id);
			this.refresh(true);
		};
		head.addEventListener("click", toggle);
		head.addEventListener("keydown", (event) => {
			if (event.key === "Enter" || event.key === " ") {
				event.preventDefault();
				toggle();
			}
		});
		if (!collapsed) fill(section.createDiv({ cls: "touchbase-section-body" }));
	}

	private drawRows(bucket: Bucket, body: HTMLElement, rows: DueEntry[], today: string): void {
		const limit = this.shown.get(bucket) ?? ROWS_PER_PAGE;
		for (const entry of rows.slice(0, limit)) this.drawRow(body, entry, today);
		if (rows.length > limit) {
			const more = body.createEl("button", { cls: "touchbase-more", text: `Show ${Math.min(ROWS_PER_PAGE, rows.length - limit)} more of ${rows.length - limit}` });
			more.addEventListener("click", () => {
				this.shown.set(bucket, limit + ROWS_PER_PAGE);
				this.refresh(true);
			});
		}
	}

	private drawRow(body: HTMLElement, entry: DueEntry, today: string): void {
		drawProspectRow(body, entry, today, { app: this.app, ...this.ports, settings: () => this.ports.settings() });
	}

	private drawProblems(body: HTMLElement, problems: Problem[]): void {
		// Paged as the rows are: a vault can have hundreds, and drawing them all held the main thread.
		const limit = this.shown.get("problems") ?? ROWS_PER_PAGE;
		for (const problem of problems.slice(0, limit)) {
			const row = body.createDiv({ cls: "touchbase-row touchbase-problem", attr: { "data-path": problem.path } });
			const link = row.createEl("a", { cls: "touchbase-name", text: problem.path, attr: { href: "#" } });
			link.addEventListener("click", (event) => {
				event.preventDefault();
				this.ports.actions.openAt(problem.path, problem.line);
			});
			row.createDiv({ cls: "touchbase-problem-message", text: `${problem.line !== null ? `Line ${problem.line}: ` : ""}${problem.message}` });
		}
		if (problems.length > limit) {
			const more = body.createEl("button", { cls: "touchbase-more", text: `Show ${Math.min(ROWS_PER_PAGE, problems.length - limit)} more of ${problems.length - limit}` });
			more.addEventListener("click", () => {
				this.shown.set("problems", limit + ROWS_PER_PAGE);
				this.refresh(true);
			});
		}
	}

	private matches(entry: DueEntry): boolean {
		if (this.filter === "") return true;
		const p = entry.prospect;
		const haystack = [p.name, p.company, p.contact, entry.next?.channel, p.channel, entry.next?.text, entry.next?.objective, entry.lastTouch?.summary]
			.filter((s): s is string => typeof s === "string")
			.join(" ")
			.toLowerCase();
		return this.filter.split(/\s+/).every((word) => haystack.includes(word));
	}
}
