// What `touchbase due` and `touchbase stats` print as text: pure, so the Node command line and the
// plugin's Obsidian CLI handlers print the same bytes.
import { BUCKETS, type DueEntry } from "../rules/due";
import { BUCKET_TITLES as LABELS, brokenBecause, count, percent, relativeDay, weeklySummary } from "./describe";
import { PERSISTENT_TOUCH, type Stats } from "../rules/stats";
import { ordinal } from "../text/template";
import type { DueReport } from "../rules/dueReport";
import { clipTo, displayWidth, fitTo, wrapJoined } from "./width";

function clip(text: string, width: number): string {
	const chars = [...text];
	return chars.length <= width ? text.padEnd(width) : `${chars.slice(0, width - 1).join("")}…`;
}

/** How `due` is drawn: the terminal's width, and colour (README, "The command line"). */
export interface TableOptions {
	/** Columns every line fits in; 80 when not given. */
	width?: number;
	/** Colours a piece of text (a terminal's styles); absent: plain text. */
	paint?: Paint;
	/** What emptied the list, when a filter did: said instead of "No prospects found". */
	emptiedBy?: string | null;
}

export type Style = "bold" | "dim" | "red" | "yellow" | "green" | "cyan";
export type Paint = (style: Style, text: string) => string;

const plain: Paint = (_style, text) => text;

interface RowCells {
	entry: DueEntry;
	cells: [string, string, string, string, string, string];
	/** The going-cold mark, or "": shown after the summary, never cut. */
	cold: string;
}

function cellsOf(e: DueEntry, withDate: boolean): RowCells {
	const next = e.next;
	const when = next ? `${next.date}${next.time ? ` ${next.time}` : ""}` : "—";
	// Without the date column, the relative day carries the time ("today 14:30") and the dash.
	const day = next && e.days !== null ? relativeDay(e.days, withDate ? null : next.time) : withDate ? "" : "—";
	const rel = `${day}${next?.suggested ? " (suggested)" : ""}`;
	// One line per prospect: a summary's line breaks and tabs are spaces here.
	const what = (next?.text ?? next?.objective ?? (e.lastTouch?.summary ? `last: ${e.lastTouch.summary}` : "")).replace(/\s+/g, " ");
	// A won or lost prospect due on an open line (a referral ask) is marked with its status.
	const closed = e.effectiveStatus === "won" || e.effectiveStatus === "lost";
	const touch = closed ? e.effectiveStatus : e.bucket === "closed" || e.bucket === "paused" ? "" : `${ordinal(e.doneCount + 1)} touch`;
	const cold = e.cold ? `[going cold: ${e.daysSinceTouch === null ? "never touched" : `${count(e.daysSinceTouch, "day", "days")} since the last touch`}]` : "";
	return { entry: e, cells: [when, e.prospect.name.replace(/\s+/g, " "), next?.channel ?? "", rel, touch, what], cold };
}

// Columns: when, name, channel, relative day, touch, what. Each is as wide as its widest cell, up
// to its cap; below DATE_COLUMN_MIN columns the date column goes (the relative day says when);
// narrow terminals then take columns in from the name and the relative day first, down to their
// floor; what is left is the summary's, cut with "…".
const CAPS = [16, 24, 9, 26, 10];
const FLOORS = [0, 12, 4, 12, 6];
const SHRINK_ORDER = [1, 3, 2, 4];
const MIN_WHAT = 16;
const DATE_COLUMN_MIN = 100;

/** Columns taken before the summary: two of indent, each column and the space after it. */
function usedBy(widths: readonly number[]): number {
	return 2 + widths.reduce((sum, w) => sum + (w > 0 ? w + 1 : 0), 0);
}

function columnWidths(rows: readonly RowCells[], width: number): number[] {
	const widths = CAPS.map((cap, i) => Math.min(cap, Math.max(0, ...rows.map((r) => displayWidth(r.cells[i])))));
	if (width < DATE_COLUMN_MIN) widths[0] = 0;
	const fixed = (): number => usedBy(widths);
	for (const floor of [MIN_WHAT, 0]) {
		for (const i of SHRINK_ORDER) {
			const over = fixed() + floor - width;
			if (over <= 0) break;
			widths[i] = Math.max(Math.min(widths[i], FLOORS[i]), widths[i] - over);
		}
	}
	return widths;
}

function rowText(row: RowCells, widths: readonly number[], width: number, paint: Paint): string {
	const [when, name, channel, rel, touch, what] = row.cells;
	const parts = [when, name, channel, rel, touch].map((c, i) => (widths[i] > 0 ? `${fitTo(c, widths[i])} ` : ""));
	// The going-cold mark is never cut: the summary gives way to it.
	const tail = row.cold === "" ? "" : ` ${row.cold}`;
	const summary = clipTo(what, Math.max(0, width - usedBy(widths) - displayWidth(tail)));
	const line = clipTo(`  ${parts.join("")}${summary}`.trimEnd() + tail, width);
	if (paint === plain) return line;
	// Colour goes on after the line is measured and cut: escape codes take no columns.
	const e = row.entry;
	const colour: Style | null = e.bucket === "overdue" ? "red" : e.bucket === "today" ? "yellow" : null;
	// The date, or without it the name: what the eye looks for first.
	const first = widths[0] > 0 ? 0 : 1;
	const head = line.slice(0, usedBy(widths.slice(0, first + 1)));
	const rest = line.slice(head.length);
	const dated = colour ? paint(colour, head) : head;
	return e.next?.suggested ? `${dated}${paint("dim", rest)}` : `${dated}${rest}`;
}

/** The readable `due` table: counts first, then one section per non-empty bucket. */
export function formatDueTable(report: DueReport, vault: string, options: TableOptions = {}): string {
	const width = Math.max(20, options.width ?? 80);
	const paint = options.paint ?? plain;
	const lines = [clipTo(`Touchbase: follow-ups due on ${report.today} in ${vault}`, width)];
	const counts = BUCKETS.map((b) => `${LABELS[b].toLowerCase()} ${report.counts[b]}`);
	counts.push(`problems ${report.problems.length}`);
	lines.push(...wrapJoined(counts, " · ", width));
	const cold = report.entries.filter((e) => e.cold).length;
	if (cold > 0) lines.push(clipTo(`going cold: ${cold} (no touch for longer than their status allows)`, width));
	lines.push("");
	const rows = report.entries.map((e) => cellsOf(e, width >= DATE_COLUMN_MIN));
	const widths = columnWidths(rows, width);
	for (const bucket of BUCKETS) {
		const inBucket = rows.filter((r) => r.entry.bucket === bucket);
		if (inBucket.length === 0) continue;
		lines.push(paint("bold", `${LABELS[bucket]} (${inBucket.length})`));
		for (const r of inBucket) lines.push(rowText(r, widths, width, paint));
		lines.push("");
	}
	if (report.problems.length > 0) {
		lines.push(paint("bold", paint("red", `Problems (${report.problems.length})`)));
		for (const p of report.problems) lines.push(clipTo(`  ${p.path}${p.line !== null ? `:${p.line}` : ""}  ${p.message.replace(/\s+/g, " ")}`, width));
		lines.push("");
	}
	if (report.entries.length === 0) {
		const empty = options.emptiedBy ?? "No prospects found. Put notes in Prospects/ or give them `type: prospect`.";
		lines.push(...wrapJoined(empty.split(" "), " ", width), "");
	}
	return lines.join("\n");
}

/** The readable `stats` report: the same figures as `--json`, one section each. */
export function formatStats(stats: Stats, totals: { prospects: number; touches: number }): string {
	const lines = [`Touchbase stats on ${stats.today}`, weeklySummary(stats.week), ""];
	lines.push(`Prospects ${totals.prospects} · done touches ${totals.touches}`, "");

	const { close } = stats;
	lines.push("Touches to close");
	lines.push(`  ${"touches".padEnd(8)}${close.won.map((b) => b.label.padStart(4)).join("")}`);
	lines.push(`  ${"won".padEnd(8)}${close.won.map((b) => String(b.count).padStart(4)).join("")}`);
	lines.push(`  ${"lost".padEnd(8)}${close.lost.map((b) => String(b.count).padStart(4)).join("")}`);
	lines.push(`  Wins at the ${ordinal(PERSISTENT_TOUCH)} touch or later: ${close.persistentWins} of ${close.wins} (${percent(close.persistentWinShare)})`, "");

	lines.push(`Stopped too early: fewer than ${PERSISTENT_TOUCH} touches (${stats.stoppedEarly.length})`);
	for (const p of stats.stoppedEarly) lines.push(`  ${clip(p.name, 24)} ${clip(p.status, 7)} ${clip(count(p.touches, "touch", "touches"), 11)} ${p.path}`);
	if (stats.stoppedEarly.length === 0) lines.push("  none");
	lines.push("");

	const { promises } = stats;
	lines.push(`Promises kept: ${promises.kept} of ${promises.done} (${percent(promises.keptShare)})`);
	for (const b of promises.broken) {
		const promised = `${b.promised.channel ?? "touch"} promised ${b.promised.date}`;
		const done = `${b.done.channel ?? "touch"} on ${b.done.date}`;
		lines.push(`  ${clip(b.name, 24)} ${promised}, ${done}: ${brokenBecause(b)}  ${b.path}:${b.line}`);
	}
	lines.push("");

	lines.push("Channels");
	lines.push(`  ${"channel".padEnd(12)}${"touches".padStart(8)}${"answers".padStart(9)}${"rate".padStart(7)}`);
	for (const c of stats.channels) lines.push(`  ${clip(c.channel, 12)}${String(c.touches).padStart(8)}${String(c.answers).padStart(9)}${percent(c.answerRate).padStart(7)}`);
	lines.push("");

	lines.push(`Touches per week (${stats.weeks.length} weeks)`);
	const most = Math.max(1, ...stats.weeks.map((w) => w.touches));
	for (const w of stats.weeks) lines.push(`  ${w.start} ${String(w.touches).padStart(4)} ${"#".repeat(Math.round((w.touches / most) * 30))}`);
	lines.push("");

	const { open, dueThisWeek } = stats.pipeline;
	lines.push("Pipeline");
	lines.push(`  open: ${open.lead} lead, ${open.active} active, ${open.paused} paused; going cold: ${stats.pipeline.cold}`);
	const unvalued = dueThisWeek.withoutValue > 0 ? ` (${dueThisWeek.withoutValue} without a value)` : "";
	lines.push(`  due by ${stats.week.end}: ${count(dueThisWeek.prospects, "prospect", "prospects")}, value ${dueThisWeek.value.toLocaleString("en-US")}${unvalued}`, "");
	return lines.join("\n");
}
