import { BasesView, requireApiVersion, setIcon, type App, type Plugin, type QueryController } from "obsidian";
import { channelToVary } from "../../core/rules/channelVariety";
import { localToday } from "../../core/text/dates";
import { BUCKET_TITLES } from "../../core/show/describe";
import { BUCKETS, type DueEntry } from "../../core/rules/due";
import type { Problem } from "../../core/read/note";
import type { IndexSource, NoteActions, SettingsSource } from "../ports";
import { drawProspectRow } from "./prospectRow";
import type { ReachTracker } from "../actions/reachOut";

/** The view type a `.base` file names in `views: - type: touchbase-follow-ups`. */
export const BASES_VIEW_TYPE = "touchbase-follow-ups";

/** What the Follow-ups Bases view reads and does: the sidebar's index, settings and row actions. */
export interface BoardPorts extends SettingsSource {
	readonly app: App;
	readonly index: Pick<IndexSource, "ready" | "report" | "onChange">;
	readonly actions: NoteActions;
	readonly reach?: ReachTracker;
}

/** Sections that start folded, as in the sidebar. */
const FOLDED = new Set(["later", "paused", "closed"]);

interface DrawnSection {
	el: HTMLElement;
	countEl: HTMLElement;
	bodyEl: HTMLElement;
}

/**
 * The buckets of the notes a base selects (README, "Bases"), drawn as the sidebar draws them, and
 * drawn again only where they changed: a row whose content is the same keeps its element; a
 * changed one is drawn anew; rows move between sections and within them without being redrawn.
 */
export class FollowUpsBoard {
	private readonly rootEl: HTMLElement;
	private readonly headerEl: HTMLElement;
	private readonly listEl: HTMLElement;
	private readonly footEl: HTMLElement;
	private readonly sections = new Map<string, DrawnSection>();
	private readonly rows = new Map<string, { el: HTMLElement; key: string }>();
	private readonly folded = new Set(FOLDED);
	private headerKey: string | null = null;
	private problemsKey: string | null = null;
	/** How many rows the last render drew anew (the others were kept as they were). */
	drawnRows = 0;

	constructor(
		containerEl: HTMLElement,
		private readonly ports: BoardPorts,
	) {
		this.rootEl = containerEl.createDiv({ cls: "touchbase-view touchbase-board" });
		this.headerEl = this.rootEl.createDiv({ cls: "touchbase-header" });
		this.listEl = this.rootEl.createDiv({ cls: "touchbase-list" });
		this.footEl = this.rootEl.createDiv({ cls: "touchbase-board-foot" });
	}

	/** Draws the buckets of the notes at `paths` (the base's rows) for today. */
	render(paths: ReadonlySet<string>): void {
		this.drawnRows = 0;
		if (!this.ports.index.ready) {
			this.reset();
			this.listEl.createDiv({ cls: "touchbase-empty", text: "Reading your prospect notes…" });
			return;
		}
		const report = this.ports.index.report(localToday());
		const entries = report.entries.filter((e) => paths.has(e.prospect.path));
		const problems = report.problems.filter((p) => paths.has(p.path));
		const known = new Set([...entries.map((e) => e.prospect.path), ...problems.map((p) => p.path)]);
		const others = [...paths].filter((p) => !known.has(p)).length;
		this.listEl.querySelector(":scope > .touchbase-empty")?.remove();

		this.drawHeader(entries, problems.length);
		const seen = new Set<string>();
		let before: Element | null = this.listEl.firstElementChild;
		for (const bucket of BUCKETS) {
			const rows = entries.filter((e) => e.bucket === bucket);
			if (rows.length === 0) continue;
			const section = this.section(bucket, BUCKET_TITLES[bucket]);
			if (section.el !== before) this.listEl.insertBefore(section.el, before);
			before = section.el.nextElementSibling;
			section.countEl.setText(String(rows.length));
			this.placeRows(section.bodyEl, rows, report.today, seen);
		}
		for (const [path, row] of this.rows) {
			if (seen.has(path)) continue;
			row.el.remove();
			this.rows.delete(path);
		}
		this.drawProblems(problems);
		for (const [id, section] of this.sections) {
			if (id === "problems" ? problems.length === 0 : !entries.some((e) => e.bucket === id)) {
				section.el.remove();
				this.sections.delete(id);
			}
		}
		if (entries.length === 0 && problems.length === 0) {
			this.listEl.createDiv({ cls: "touchbase-empty", text: paths.size === 0 ? "This base selects no notes." : "None of the notes this base selects is a prospect." });
		}
		this.footEl.setText(others > 0 && known.size > 0 ? `${others} ${others === 1 ? "note" : "notes"} in this base ${others === 1 ? "is" : "are"} not a prospect.` : "");
	}

	/** Empties the board (the view closed, or the index is being read again). */
	reset(): void {
		this.headerEl.empty();
		this.listEl.empty();
		this.footEl.empty();
		this.sections.clear();
		this.rows.clear();
		this.headerKey = null;
		this.problemsKey = null;
	}

	private drawHeader(entries: DueEntry[], problems: number): void {
		const count = (bucket: string): number => entries.filter((e) => e.bucket === bucket).length;
		const chips: [string, string, number][] = [
			["overdue", "overdue", count("overdue")],
			["today", "today", count("today")],
			["upcoming", "upcoming", count("upcoming")],
			["no-next-step", "no next step", count("no-next-step")],
		];
		if (problems > 0) chips.push(["problems", problems === 1 ? "problem" : "problems", problems]);
		const key = JSON.stringify(chips);
		if (key === this.headerKey) return;
		this.headerKey = key;
		this.headerEl.empty();
		const counts = this.headerEl.createDiv({ cls: "touchbase-counts" });
		for (const [bucket, label, n] of chips) {
			const el = counts.createSpan({ cls: `touchbase-count touchbase-count-${bucket}`, attr: { "data-bucket": bucket } });
			el.createSpan({ cls: "touchbase-count-number", text: String(n) });
			el.createSpan({ cls: "touchbase-count-label", text: ` ${label}` });
		}
	}

	private section(id: string, title: string): DrawnSection {
		const drawn = this.sections.get(id);
		if (drawn) return drawn;
		const el = createDiv({ cls: `touchbase-section touchbase-section-${id}`, attr: { "data-section": id } });
		const head = el.createDiv({ cls: "touchbase-section-header", attr: { role: "button", tabindex: "0" } });
		const chevron = head.createSpan({ cls: "touchbase-chevron" });
		head.createSpan({ cls: "touchbase-section-title", text: title });
		const countEl = head.createSpan({ cls: "touchbase-section-count" });
		const bodyEl = el.createDiv({ cls: "touchbase-section-body" });
		const show = (): void => {
			const folded = this.folded.has(id);
			el.toggleClass("is-collapsed", folded);
			head.setAttr("aria-expanded", String(!folded));
			setIcon(chevron, folded ? "chevron-right" : "chevron-down");
		};
		const toggle = (): void => {
			if (this.folded.has(id)) this.folded.delete(id);
			else this.folded.add(id);
			show();
		};
		head.addEventListener("click", toggle);
		head.addEventListener("keydown", (event) => {
			if (event.key === "Enter" || event.key === " ") {
				event.preventDefault();
				toggle();
			}
		});
		show();
		const section = { el, countEl, bodyEl };
		this.sections.set(id, section);
		return section;
	}

	/** Puts `entries`' rows in `body` in order, drawing only those that are new or changed. */
	private placeRows(body: HTMLElement, entries: DueEntry[], today: string, seen: Set<string>): void {
		let before: Element | null = body.firstElementChild;
		for (const entry of entries) {
			const path = entry.prospect.path;
			seen.add(path);
			const key = this.rowKey(entry, today);
			let row = this.rows.get(path);
			if (!row || row.key !== key) {
				row?.el.remove();
				const el = drawProspectRow(body, entry, today, this.ports);
				row = { el, key };
				this.rows.set(path, row);
				this.drawnRows++;
			}
			if (row.el !== before) body.insertBefore(row.el, before);
			before = row.el.nextElementSibling;
		}
	}

	/** Everything a row shows: the same key, the same row. */
	private rowKey(entry: DueEntry, today: string): string {
		const p = entry.prospect;
		const n = entry.next;
		const vary = entry.bucket === "closed" ? null : channelToVary(p, today, this.ports.settings());
		return JSON.stringify([
			entry.bucket,
			entry.effectiveStatus,
			entry.days,
			entry.doneCount,
			p.name,
			p.company,
			p.channel,
			p.email,
			p.phone,
			n && [n.date, n.time, n.channel, n.text, n.objective, n.suggested, n.line, n.source],
			entry.lastTouch?.summary ?? null,
			vary && [vary.channel, vary.instead],
		]);
	}

	private drawProblems(problems: Problem[]): void {
		const key = JSON.stringify(problems.map((p) => [p.path, p.line, p.message]));
		if (problems.length === 0 || key === this.problemsKey) {
			if (problems.length === 0) this.problemsKey = null;
			return;
		}
		this.problemsKey = key;
		const section = this.section("problems", "Problems");
		this.listEl.appendChild(section.el);
		section.countEl.setText(String(problems.length));
		section.bodyEl.empty();
		for (const problem of problems) {
			const row = section.bodyEl.createDiv({ cls: "touchbase-row touchbase-problem", attr: { "data-path": problem.path } });
			const link = row.createEl("a", { cls: "touchbase-name", text: problem.path, attr: { href: "#" } });
			link.addEventListener("click", (event) => {
				event.preventDefault();
				this.ports.actions.openAt(problem.path, problem.line);
			});
			row.createDiv({ cls: "touchbase-problem-message", text: `${problem.line !== null ? `Line ${problem.line}: ` : ""}${problem.message}` });
		}
	}
}

/**
 * The "Follow-ups" view type for Bases (Obsidian 1.10 and later; nothing on older versions): the
 * notes a base selects, in Touchbase's buckets, from the sidebar's own index. Returns whether it was
 * registered (false also when Bases is off in the vault).
 */
export function registerFollowUpsBasesView(plugin: Pick<Plugin, "registerBasesView">, ports: BoardPorts): boolean {
	// The class is made here, not at load: on Obsidian before 1.10 there is no BasesView to extend.
	if (requireApiVersion("1.10.0")) {
		class FollowUpsBasesView extends BasesView {
			type = BASES_VIEW_TYPE;
			private readonly board: FollowUpsBoard;

			constructor(controller: QueryController, containerEl: HTMLElement) {
				super(controller);
				this.board = new FollowUpsBoard(containerEl, ports);
			}

			onload(): void {
				this.register(ports.index.onChange(() => this.draw()));
				// The buckets change when the day does, even if no note did.
				this.registerInterval(window.setInterval(() => this.draw(), 60_000));
			}

			onunload(): void {
				this.board.reset();
			}

			onDataUpdated(): void {
				this.draw();
			}

			private draw(): void {
				this.board.render(new Set(this.data.data.map((entry) => entry.file.path)));
			}
		}
		return plugin.registerBasesView(BASES_VIEW_TYPE, {
			name: "Follow-ups",
			icon: "calendar-clock",
			factory: (controller, containerEl) => new FollowUpsBasesView(controller, containerEl),
		});
	}
	return false;
}
