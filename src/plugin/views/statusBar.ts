import type { DueReport } from "../../core/rules/dueReport";

/** "3 due · 2 overdue": what needs doing today, overdue included. */
export function statusText(report: DueReport): string {
	const due = report.counts.today + report.counts.overdue;
	const parts = [`${due} due`];
	if (report.counts.overdue > 0) parts.push(`${report.counts.overdue} overdue`);
	return parts.join(" · ");
}

export function drawStatus(el: HTMLElement, report: DueReport): void {
	el.setText(statusText(report));
	el.setAttr("aria-label", "Open follow-ups");
	el.toggleClass("touchbase-status-overdue", report.counts.overdue > 0);
}
