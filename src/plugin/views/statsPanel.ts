import { brokenBecause, count, percent } from "../../core/show/describe";
import { PERSISTENT_TOUCH, type Stats } from "../../core/rules/stats";
import { ordinal } from "../../core/text/template";
import { drawBarChart } from "./barChart";

/** Opens a note, at a line when there is one. */
export type OpenNote = (path: string, line: number | null) => void;

/** The Stats tab: is the follow-up working? Every list links to its notes. */
export function drawStatsPanel(parent: HTMLElement, stats: Stats, open: OpenNote): void {
	const panel = parent.createDiv({ cls: "touchbase-stats" });

	const close = section(panel, "close", "Touches to close");
	const { wins, losses, persistentWins, persistentWinShare } = stats.close;
	close.createDiv({
		cls: "touchbase-stats-headline",
		text: wins > 0 ? `${persistentWins} of ${count(wins, "win", "wins")} came at the ${ordinal(PERSISTENT_TOUCH)} touch or later (${percent(persistentWinShare)}).` : "No won prospects yet.",
	});
	close.createDiv({ cls: "touchbase-stats-caption", text: `Won (${wins}): done touches when closed` });
	drawBarChart(close, "Won prospects by touches", stats.close.won.map((b) => ({ label: b.label, value: b.count }))).addClass("is-won");
	close.createDiv({ cls: "touchbase-stats-caption", text: `Lost (${losses}): done touches when closed` });
	drawBarChart(close, "Lost prospects by touches", stats.close.lost.map((b) => ({ label: b.label, value: b.count }))).addClass("is-lost");

	const early = section(panel, "stopped-early", `Stopped too early (${stats.stoppedEarly.length})`);
	early.createDiv({ cls: "touchbase-stats-caption", text: `Lost, or open with no next step, after fewer than ${PERSISTENT_TOUCH} touches.` });
	if (stats.stoppedEarly.length === 0) early.createDiv({ cls: "touchbase-empty", text: "None: nobody was given up on early." });
	for (const p of stats.stoppedEarly) {
		const row = early.createDiv({ cls: "touchbase-stats-item", attr: { "data-path": p.path } });
		link(row, p.name, p.path, null, open);
		row.createSpan({ cls: "touchbase-stats-detail", text: `${count(p.touches, "touch", "touches")} · ${p.status === "lost" ? "lost" : "no next step"}` });
	}

	const promises = section(panel, "promises", "Promises kept");
	const { kept, done, keptShare, broken } = stats.promises;
	promises.createDiv({
		cls: "touchbase-stats-headline",
		text: done > 0 ? `${kept} of ${done} done on time, by the promised channel (${percent(keptShare)}).` : "No promised touch done yet.",
	});
	for (const b of broken) {
		const row = promises.createDiv({ cls: "touchbase-stats-item", attr: { "data-path": b.path } });
		link(row, b.name, b.path, b.line, open);
		const promised = `${b.promised.channel ?? "touch"} promised ${b.promised.date}`;
		row.createSpan({ cls: "touchbase-stats-detail", text: `${promised}, ${b.done.channel ?? "touch"} on ${b.done.date}: ${brokenBecause(b)}` });
	}

	const channels = section(panel, "channels", "Channels");
	if (stats.channels.length === 0) channels.createDiv({ cls: "touchbase-empty", text: "No touches yet." });
	else {
		drawBarChart(
			channels,
			"Touches by channel",
			stats.channels.map((c) => ({ label: c.channel, value: c.touches })),
		);
		for (const c of stats.channels) {
			channels.createDiv({
				cls: "touchbase-stats-item touchbase-stats-channel",
				text: `${c.channel}: ${count(c.touches, "touch", "touches")}, ${count(c.answers, "answer", "answers")} (${percent(c.answerRate)})`,
			});
		}
	}

	const weeks = section(panel, "weeks", `Touches per week (${stats.weeks.length} weeks)`);
	drawBarChart(
		weeks,
		"Touches per week",
		stats.weeks.map((w) => ({ label: w.start.slice(5).replace("-", "/"), value: w.touches })),
	);

	const pipeline = section(panel, "pipeline", "Pipeline");
	const { open: byStatus, dueThisWeek } = stats.pipeline;
	drawBarChart(pipeline, "Open prospects by status", [
		{ label: "lead", value: byStatus.lead },
		{ label: "active", value: byStatus.active },
		{ label: "paused", value: byStatus.paused },
	]);
	const unvalued = dueThisWeek.withoutValue > 0 ? ` (${dueThisWeek.withoutValue} without a value)` : "";
	pipeline.createDiv({
		cls: "touchbase-stats-headline",
		text: `Due by ${stats.week.end}: ${count(dueThisWeek.prospects, "prospect", "prospects")}, worth ${dueThisWeek.value.toLocaleString("en-US")}${unvalued}.`,
	});
	pipeline.createDiv({ cls: "touchbase-stats-headline", text: `Going cold: ${count(stats.pipeline.cold, "prospect", "prospects")} with no touch for longer than their status allows.` });
}

function section(parent: HTMLElement, id: string, title: string): HTMLElement {
	const el = parent.createDiv({ cls: "touchbase-stats-section", attr: { "data-stats": id } });
	el.createDiv({ cls: "touchbase-section-header touchbase-stats-title", text: title });
	return el;
}

function link(parent: HTMLElement, text: string, path: string, line: number | null, open: OpenNote): void {
	const a = parent.createEl("a", { cls: "touchbase-name", text, attr: { href: "#", title: path } });
	a.addEventListener("click", (event) => {
		event.preventDefault();
		open(path, line);
	});
}
