// A won or lost prospect is due on its open touch lines, and only on them (README, "What is due"):
// the referral ask Mark won / Mark lost offers reminds. `npm test` runs this file in UTC,
// America/Los_Angeles and Pacific/Auckland.
import { beforeEach, describe, expect, it } from "vitest";
import { computeDue } from "../../../src/core/rules/due";
import { localToday } from "../../../src/core/text/dates";
import { readNote } from "../../../src/core/read/note";
import { timedTouches } from "../../../src/core/rules/reminderSchedule";
import { DEFAULT_SETTINGS } from "../../../src/core/settings/settings";
import { computeStats, weekFigures } from "../../../src/core/rules/stats";
import { ProspectIndex } from "../../../src/core/index/prospectIndex";
import type { DueReport } from "../../../src/core/rules/dueReport";
import { digestText } from "../../../src/core/rules/reminderSchedule";
import { note } from "../../helpers/noteBuilder";

const ISSUE_NOTE = "---\nstatus: won\n---\n## Follow-ups\n- 2026-11-20 meeting: signed (outcome: won)\n- [ ] 2026-12-01 call: ask for a referral\n";

function due(text: string, today: string, path = "Prospects/Won.md") {
	return computeDue(readNote(path, text, DEFAULT_SETTINGS).prospect!, today, DEFAULT_SETTINGS);
}

describe("a closed prospect with an open touch line", () => {
	it("is due on the line's date, in that date's bucket, marked won (the issue's note on 2026-12-02)", () => {
		expect(due(ISSUE_NOTE, "2026-12-02")).toMatchObject({ bucket: "overdue", days: -1, effectiveStatus: "won", next: { date: "2026-12-01", source: "scheduled", suggested: false, channel: "call", text: "ask for a referral" } });
		expect(due(ISSUE_NOTE, "2026-12-01")).toMatchObject({ bucket: "today", days: 0 });
		expect(due(ISSUE_NOTE, "2026-11-28")).toMatchObject({ bucket: "upcoming", days: 3 });
		expect(due(ISSUE_NOTE, "2026-11-21")).toMatchObject({ bucket: "later", days: 10 });
	});

	it("is lost just the same, and keeps its time", () => {
		const lost = "---\nstatus: lost\n---\n- [ ] 2026-12-01 09:30 email: ask for a referral\n";
		expect(due(lost, "2026-12-01")).toMatchObject({ bucket: "today", effectiveStatus: "lost", next: { time: "09:30", channel: "email" } });
	});

	it("takes the earliest open line, a future line without a checkbox included, never a cancelled or done one", () => {
		const text = note()
			.fm("status: won")
			.line("- [-] 2026-11-25 call: cancelled", "- [x] 2026-11-26 call: done", "- 2026-12-09 visit: onboarding", "- [ ] 2026-12-03 email: invoice")
			.text();
		expect(due(text, "2026-11-27").next).toMatchObject({ date: "2026-12-03", channel: "email" });
		expect(due(text, "2026-12-05").next).toMatchObject({ date: "2026-12-03" });
	});

	it("never gets a cadence suggestion, a promised next: or next_follow_up; without an open line it is closed", () => {
		const text = note()
			.fm("status: won", "next_follow_up: 2026-12-20", "cadence: 1d")
			.line("- 2026-11-20 call: signed → next: 2026-11-30 email")
			.text();
		for (const today of ["2026-11-21", "2026-11-30", "2026-12-21"]) expect(due(text, today)).toMatchObject({ bucket: "closed", next: null, days: null });
		// Its last line done, it is closed again: never "no next step".
		const asked = note().fm("status: won", "cadence: none").line("- [x] 2026-12-01 call: asked for a referral").text();
		expect(due(asked, "2026-12-02").bucket).toBe("closed");
	});

	it("moves from today to overdue at local midnight", () => {
		const before = localToday(new Date(2026, 11, 1, 23, 59, 59));
		const after = localToday(new Date(2026, 11, 2, 0, 0, 1));
		expect([before, after]).toEqual(["2026-12-01", "2026-12-02"]);
		expect(due(ISSUE_NOTE, before).bucket).toBe("today");
		expect(due(ISSUE_NOTE, after).bucket).toBe("overdue");
	});
});

describe("closed prospects in the report, the reminders and the stats", () => {
	const notes: Record<string, string> = {
		"Prospects/Won ask.md": "---\nstatus: won\nvalue: 9000\n---\n- 2026-11-10 meeting: signed (outcome: won)\n- [ ] 2026-11-23 15:00 call: ask for a referral\n",
		"Prospects/Won done.md": "---\nstatus: won\nvalue: 5000\n---\n- 2026-11-10 meeting: signed (outcome: won)\n- [-] 2026-11-24 call: cancelled\n",
		"Prospects/Lost ask.md": "---\nstatus: lost\n---\n- 2026-11-02 call: no (outcome: lost)\n- [ ] 2026-11-20 email: ask for a referral\n",
		"Prospects/Open.md": "---\nstatus: active\nvalue: 1000\n---\n- 2026-11-20 call: hi\n- [ ] 2026-11-23 call: again\n",
	};
	let report: DueReport;
	beforeEach(() => {
		const index = new ProspectIndex(DEFAULT_SETTINGS);
		for (const [path, text] of Object.entries(notes)) index.update(path, text);
		report = index.report("2026-11-23");
	});

	it("counts them in their buckets: the header and the digest", () => {
		expect(report.counts).toMatchObject({ overdue: 1, today: 2, closed: 1, "no-next-step": 0 });
		expect(report.entries.filter((e) => e.bucket === "today").map((e) => [e.prospect.name, e.effectiveStatus])).toEqual([
			["Open", "active"],
			["Won ask", "won"],
		]);
		expect(digestText(report.counts)).toBe("Touchbase: 2 follow-ups due today, 1 overdue");
	});

	it("reminds of a timed open line of a won prospect", () => {
		expect(timedTouches(report.entries).map((t) => [t.name, t.time])).toEqual([["Won ask", "15:00"]]);
	});

	it("counts a closed prospect's open line as a promise at risk, but never in the pipeline", () => {
		expect(weekFigures(report.entries, "2026-11-23").promisesAtRisk).toBe(3);
		const stats = computeStats(report.entries, "2026-11-23");
		expect(stats.pipeline.dueThisWeek).toEqual({ prospects: 1, value: 1000, withoutValue: 0 });
		expect(stats.close).toMatchObject({ wins: 2, losses: 1 });
		// Lost with one touch: stopped too early, whatever its open line.
		expect(stats.stoppedEarly.map((p) => p.name)).toEqual(["Lost ask"]);
	});
});
