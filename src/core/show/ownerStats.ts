// `touchbase stats --by-owner` (README, "Team vaults"): the figures of each owner side by side.
import { percent } from "./describe";
import type { DueEntry } from "../rules/due";
import { entriesByOwner } from "../rules/ownerReport";
import { computeStats } from "../rules/stats";
import type { DueReport } from "../rules/dueReport";

/** One owner's line of figures. */
export interface OwnerFigures {
	/** The owner's name as the first note wrote it; "" for prospects with no owner. */
	owner: string;
	prospects: number;
	overdue: number;
	dueToday: number;
	/** Done touches, as the view counts them. */
	touches: number;
	/** Done touches this week. */
	touchesThisWeek: number;
	wins: number;
	losses: number;
	/** Share of the promises done on time by the promised channel, or null without any. */
	promisesKept: number | null;
}

function figures(owner: string, entries: DueEntry[], today: string): OwnerFigures {
	const stats = computeStats(entries, today);
	return {
		owner,
		prospects: entries.length,
		overdue: entries.filter((e) => e.bucket === "overdue").length,
		dueToday: entries.filter((e) => e.bucket === "today").length,
		touches: entries.reduce((sum, e) => sum + e.doneCount, 0),
		touchesThisWeek: stats.week.touches,
		wins: stats.close.wins,
		losses: stats.close.losses,
		promisesKept: stats.promises.keptShare,
	};
}

/** Each owner's figures, by name, prospects without an owner last. */
export function statsByOwner(report: DueReport): OwnerFigures[] {
	return entriesByOwner(report.entries).map((group) => figures(group.owner, group.entries, report.today));
}

/** The `stats --by-owner` table, or its JSON. */
export function statsByOwnerText(report: DueReport, json: boolean): string {
	const rows = statsByOwner(report);
	if (json) return `${JSON.stringify({ today: report.today, owners: rows }, null, 2)}\n`;
	const head = ["Owner", "Prospects", "Overdue", "Today", "Touches", "This week", "Won", "Lost", "Promises kept"];
	const cells = rows.map((r) => [r.owner || "(no owner)", r.prospects, r.overdue, r.dueToday, r.touches, r.touchesThisWeek, r.wins, r.losses, percent(r.promisesKept)].map(String));
	const widths = head.map((h, i) => Math.max(h.length, ...cells.map((c) => [...c[i]].length)));
	const line = (c: string[]): string => c.map((text, i) => (i === 0 ? text.padEnd(widths[i]) : text.padStart(widths[i]))).join("  ").trimEnd();
	const lines = [`Touchbase stats by owner on ${report.today}`, "", line(head), ...cells.map(line)];
	if (rows.length === 0) lines.push("No prospects found.");
	return `${lines.join("\n")}\n`;
}
