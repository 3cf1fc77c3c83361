import { ItemView, Menu, setIcon, type WorkspaceLeaf } from "obsidian";
import { localToday } from "../core/dates";
import { BUCKET_TITLES as TITLES, relativeDay, weeklySummary } from "../core/describe";
import { BUCKETS, type Bucket, type DueEntry } from "../core/due";
import type { Problem } from "../core/note";
import { ordinal } from "../core/template";
import type { DueReport } from "../core/vaultIndex";
import { channelToVary } from "../core/channels";
import { dueTargetOf } from "./prospectActions";
import { fileAt } from "./noteEdits";
import type { IndexSource, NoteActions, SettingsSource } from "./ports";
import { SNOOZE_CHOICES, snoozeTarget } from "./modals/snoozeModal";
import { drawStatsPanel } from "./statsPanel";

export const VIEW_TYPE_FOLLOW_UPS = "touchbase-follow-ups";

/** Rows drawn per section before a "Show more" button: long lists stay quick to draw. */
export const ROWS_PER_PAGE = 25;

/** What the view reads and does: the index, the settings, a row's actions. */
export interface FollowUpsViewPorts extends SettingsSource {
	readonly index: IndexSource;
	readonly actions: NoteActions;
}

/** The follow-ups sidebar: counts, one collapsible section per bucket, actions per row. */
export class FollowUpsView extends ItemView {
	private filter = "";
	private readonly collapsed = new Set<string>(["later", "paused", "closed"]);
	private readonly shown = new Map<string, number>();
	private drawnKey = "";
	private tab: "follow-ups" | "stats" = "follow-ups";
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
		const key = `${this.ports.index.revision}|${today}|${this.tab}|${this.filter}|${[...this.collapsed].join(",")}|${[...this.shown].join(",")}|${this.ports.index.ready}`;
		if (!force && key === this.drawnKey) return;
		this.drawnKey = key;
		this.draw(this.ports.index.report(today));
	}

	/** Shows the follow-ups list or the Stats tab. */
	showTab(tab: "follow-ups" | "stats"): void {
		this.tab = tab;
		this.refresh(true);
	}

	private draw(report: DueReport): void {
		this.drawHeader(report);
		for (const button of Array.from(this.tabsEl.children)) {
			const selected = (button as HTMLElement).dataset.tab === this.tab;
			button.toggleClass("is-active", selected);
			button.setAttr("aria-selected", String(selected));
		}
		this.searchEl.toggle(this.tab === "follow-ups");
		this.listEl.empty();
		if (!this.ports.index.ready) {
			this.listEl.createDiv({ cls: "touchbase-empty", text: "Reading your prospect notes…" });
			return;
		}
		if (this.tab === "stats") {
			drawStatsPanel(this.listEl, this.ports.index.stats(report.today), (path, line) => this.ports.actions.openAt(path, line));
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
		if (this.ports.index.ready) this.headerEl.createDiv({ cls: "touchbase-week", text: weeklySummary(this.ports.index.week(report.today)) });
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
		const p = entry.prospect;
		const next = entry.next;
		const row = body.createDiv({ cls: "touchbase-row", attr: { "data-path": p.path } });
		if (next?.suggested) row.addClass("is-suggested");

		const top = row.createDiv({ cls: "touchbase-row-top" });
		const name = top.createEl("a", { cls: "touchbase-name", text: p.name, attr: { href: "#", title: p.path } });
		name.addEventListener("click", (event) => {
			event.preventDefault();
			this.ports.actions.openAt(p.path, next?.line ?? null);
		});
		if (p.company && p.company !== p.name) top.createSpan({ cls: "touchbase-company", text: p.company });

		const actions = top.createDiv({ cls: "touchbase-row-actions" });
		if (entry.bucket !== "closed") {
			const log = actions.createEl("button", { cls: "clickable-icon touchbase-action-log", attr: { "aria-label": "Log a touch" } });
			setIcon(log, "message-square-plus");
			log.addEventListener("click", () => {
				const file = fileAt(this.app, p.path);
				if (file) this.ports.actions.log(file);
			});
		}
		if (next) {
			const snooze = actions.createEl("button", { cls: "clickable-icon touchbase-action-snooze", attr: { "aria-label": "Snooze" } });
			setIcon(snooze, "alarm-clock");
			snooze.addEventListener("click", (event) => this.snoozeMenu(event, entry, today));
		}

		const meta = row.createDiv({ cls: "touchbase-row-meta" });
		if (next && entry.days !== null) {
			const when = meta.createSpan({ cls: `touchbase-when touchbase-when-${entry.bucket}`, text: relativeDay(entry.days, next.time) });
			if (next.suggested) when.setAttr("title", "Suggested by the cadence: nobody promised this date");
		}
		const channel = next?.channel ?? p.channel;
		if (channel) meta.createSpan({ cls: "touchbase-channel", text: channel });
		if (entry.bucket !== "closed" && entry.bucket !== "paused") meta.createSpan({ cls: "touchbase-ordinal", text: `${ordinal(entry.doneCount + 1)} touch` });
		if (next?.suggested) meta.createSpan({ cls: "touchbase-suggested", text: "suggested" });

		const what = next?.text ?? next?.objective;
		if (what) row.createDiv({ cls: "touchbase-next", text: what });
		const vary = entry.bucket === "closed" ? null : channelToVary(p, today, this.ports.settings());
		if (vary) row.createDiv({ cls: "touchbase-vary", text: `3 ${vary.instead} touches, no answer: try ${vary.channel}` });
		if (entry.lastTouch?.summary) row.createDiv({ cls: "touchbase-last", text: `Last: ${entry.lastTouch.summary}` });
	}

	private snoozeMenu(event: MouseEvent, entry: DueEntry, today: string): void {
		const file = fileAt(this.app, entry.prospect.path);
		const next = entry.next;
		if (!file || !next) return;
		const menu = new Menu();
		for (const choice of SNOOZE_CHOICES) {
			menu.addItem((item) =>
				item
					.setTitle(`Snooze ${choice.label}`)
					.setIcon("alarm-clock")
					.onClick(() => void this.ports.actions.applySnooze(file, dueTargetOf(entry), snoozeTarget(next.date, today, choice.days))),
			);
		}
		menu.addItem((item) =>
			item
				.setTitle("Snooze to a date…")
				.setIcon("calendar")
				.onClick(() => this.ports.actions.snooze(file)),
		);
		menu.showAtMouseEvent(event);
	}

	private drawProblems(body: HTMLElement, problems: Problem[]): void {
		for (const problem of problems) {
			const row = body.createDiv({ cls: "touchbase-row touchbase-problem", attr: { "data-path": problem.path } });
			const link = row.createEl("a", { cls: "touchbase-name", text: problem.path, attr: { href: "#" } });
			link.addEventListener("click", (event) => {
				event.preventDefault();
				this.ports.actions.openAt(problem.path, problem.line);
			});
			row.createDiv({ cls: "touchbase-problem-message", text: `${problem.line !== null ? `Line ${problem.line}: ` : ""}${problem.message}` });
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
