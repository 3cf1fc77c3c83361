import { BUCKETS, type DueEntry } from "../core/due";
import { BUCKET_TITLES as LABELS, relativeDay } from "../core/describe";
import { ordinal } from "../core/template";
import type { DueReport } from "../core/vaultIndex";

function clip(text: string, width: number): string {
	const chars = [...text];
	return chars.length <= width ? text.padEnd(width) : `${chars.slice(0, width - 1).join("")}…`;
}

function row(e: DueEntry): string {
	const next = e.next;
	const when = next ? `${next.date}${next.time ? ` ${next.time}` : ""}` : "—";
	const rel = next && e.days !== null ? `${relativeDay(e.days)}${next.suggested ? " (suggested)" : ""}` : "";
	const what = next?.text ?? next?.objective ?? (e.lastTouch?.summary ? `last: ${e.lastTouch.summary}` : "");
	const touch = e.bucket === "closed" || e.bucket === "paused" ? "" : `${ordinal(e.doneCount + 1)} touch`;
	return `  ${clip(when, 16)} ${clip(e.prospect.name, 24)} ${clip(next?.channel ?? "", 9)} ${clip(rel, 26)} ${clip(touch, 10)} ${what}`.trimEnd();
}

/** The readable `due` table: counts first, then one section per non-empty bucket. */
export function formatDueTable(report: DueReport, vault: string): string {
	const lines = [`Touchbase: follow-ups due on ${report.today} in ${vault}`];
	const counts = BUCKETS.map((b) => `${LABELS[b].toLowerCase()} ${report.counts[b]}`);
	counts.push(`problems ${report.problems.length}`);
	lines.push(counts.join(" · "), "");
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
