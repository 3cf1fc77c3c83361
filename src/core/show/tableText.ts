// What `touchbase due` and `touchbase stats` print as text: pure, so the Node command line and the
// plugin's Obsidian CLI handlers print the same bytes.
import { BUCKETS, type DueEntry } from "../rules/due";
import { BUCKET_TITLES as LABELS, brokenBecause, count, percent, relativeDay, weeklySummary } from "./describe";
import { PERSISTENT_TOUCH, type Stats } from "../rules/stats";
import { ordinal } from "../text/template";
import type { DueReport } from "../rules/dueReport";

function clip(text: string, width: number): string {
	const chars = [...text];
	return chars.length <= width ? text.padEnd(width) : `${chars.slice(0, width - 1).join("")}…`;
}

function row(e: DueEntry): string {
	const next = e.next;
	const when = next ? `${next.date}${next.time ? ` ${next.time}` : ""}` : "—";
	const rel = next && e.days !== null ? `${relativeDay(e.days)}${next.suggested ? " (suggested)" : ""}` : "";
	const what = next?.text ?? next?.objective ?? (e.lastTouch?.summary ? `last: ${e.lastTouch.summary}` : "");
	// A won or lost prospect due on an open line (a referral ask) is marked with its status.
	const closed = e.effectiveStatus === "won" || e.effectiveStatus === "lost";
	const touch = closed ? e.effectiveStatus : e.bucket === "closed" || e.bucket === "paused" ? "" : `${ordinal(e.doneCount + 1)} touch`;
	const cold = e.cold ? `  [going cold: ${e.daysSinceTouch === null ? "never touched" : `${count(e.daysSinceTouch, "day", "days")} since the last touch`}]` : "";
	return `  ${clip(when, 16)} ${clip(e.prospect.name, 24)} ${clip(next?.channel ?? "", 9)} ${clip(rel, 26)} ${clip(touch, 10)} ${what}${cold}`.trimEnd();
}

/** The readable `due` table: counts first, then one section per non-empty bucket. */
export function formatDueTable(report: DueReport, vault: string): string {
	const lines = [`Touchbase: follow-ups due on ${report.today} in ${vault}`];
	const counts = BUCKETS.map((b) => `${LABELS[b].toLowerCase()} ${report.counts[b]}`);
	counts.push(`problems ${report.problems.length}`);
	lines.push(counts.join(" · "));
	const cold = report.entries.filter((e) => e.cold).length;
	if (cold > 0) lines.push(`going cold: ${cold} (no touch for longer than their status allows)`);
	lines.push("");
	for (const bucket of BUCKETS) {
		const entries = report.entries.filter((e) => e.bucket === bucket);
		if (entries.length === 0) continue;
		lines.push(`${LABELS[bucket]} (${entries.length})`);
		for (const e of entries) lines.push(row(e));
		lines.push("");
	}
	if (report.problems.length > 0) {
		lines.push(`Problems (${report.problems.length})`);
		for (const p of report.problems) lines.push(`  ${p.path}${p.line !== null ? `:${p.line}` : ""}  ${p.message}`);
		lines.push("");
	}
	if (report.entries.length === 0) lines.push("No prospects found. Put notes in Prospects/ or give them `type: prospect`.", "");
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
