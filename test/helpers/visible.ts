// What a due report shows (the view's rows, `due --json`, stats, reminders, the calendar), without
// what the index's compact record leaves out (docs/performance.md, "The compact index"): a
// restart from the persisted index must show exactly what a fresh read shows.
import { buildIcs } from "../../src/core/show/ics";
import { dueJson } from "../../src/core/show/dueJson";
import { computeStats } from "../../src/core/rules/stats";
import { timedTouches } from "../../src/core/rules/reminderSchedule";
import type { DueReport } from "../../src/core/rules/dueReport";

/** A dated value without the cues and the year's source behind it: `explain` reads those from the note again. */
function dateOnly<T extends { cues?: string[]; year?: string }>(value: T): Omit<T, "cues" | "year"> {
	const { cues: _cues, year: _year, ...rest } = value;
	return rest;
}

export function visible(report: DueReport): unknown {
	return {
		json: dueJson(report),
		stats: computeStats(report.entries, report.today),
		reminders: timedTouches(report.entries),
		ics: buildIcs(report),
		rows: report.entries.map((e) => ({ ...e, prospect: { ...e.prospect, nextFollowUp: e.prospect.nextFollowUp.map(dateOnly), lastContact: e.prospect.lastContact === null ? null : dateOnly(e.prospect.lastContact), touches: e.prospect.touches.map((t) => [t.date, t.time, t.check, t.channel, t.outcome, t.objective, t.next, t.line, t.from, t.source, t.parsed.tasks]), unused: undefined } })),
		problems: report.problems,
	};
}
