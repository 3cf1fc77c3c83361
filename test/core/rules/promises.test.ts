import { describe, expect, it } from "vitest";
import type { DueEntry } from "../../../src/core/rules/due";
import { computeStats, weekFigures } from "../../../src/core/rules/stats";
import { DEFAULT_SETTINGS, type TouchbaseSettings } from "../../../src/core/settings/settings";
import { note, settingsWith } from "../../helpers/noteBuilder";

// The Stats tab's figures on small notes (README, "Stats"); the hand-worked vault is in stats.test.ts.
// Monday 2026-11-23: this week runs to Sunday 2026-11-29.
const TODAY = "2026-11-23";
const entry = (name: string, fm: string[], lines: string[], settings: TouchbaseSettings = DEFAULT_SETTINGS): DueEntry =>
	note()
		.fm(...fm)
		.line(...lines)
		.due(TODAY, settings, `Prospects/${name}.md`);
// Lines count from the note's top: the frontmatter takes three.
const promises = (...lines: string[]) => computeStats([entry("A", ["status: active"], lines)], TODAY).promises;

describe("promises kept", () => {
	it("judges a next: step by the next touch in date order, whatever the order of the lines", () => {
		const p = promises("- 2026-11-20 call: b", "- 2026-11-10 call: a → next: 2026-11-15 call");
		expect(p.done).toBe(1);
		expect(p.broken).toMatchObject([{ line: 5, promised: { date: "2026-11-15", channel: "call" }, done: { date: "2026-11-20", channel: "call" }, late: true, otherChannel: false }]);
	});

	it("keeps a promise done on its day by its channel, or by any channel when it named none", () => {
		expect(promises("- 2026-11-10 call: a → next: 2026-11-15 email", "- 2026-11-15 email: b")).toMatchObject({ done: 1, kept: 1, broken: [] });
		expect(promises("- 2026-11-10 call: a → next: 2026-11-15", "- 2026-11-14 text: b")).toMatchObject({ done: 1, kept: 1, keptShare: 1 });
		expect(promises("- 2026-11-10 call: a → next: 2026-11-15 email", "- 2026-11-14 call: b")).toMatchObject({ done: 1, kept: 0, keptShare: 0, broken: [{ late: false, otherChannel: true }] });
		expect(promises("- 2026-11-10 call: a → next: 2026-11-15 email", "- 2026-11-16 call: b")).toMatchObject({ broken: [{ late: true, otherChannel: true }] });
	});

	it("judges a checked-off line by the touch logged for it: the same channel first, then the earliest promise", () => {
		const p = promises("- [x] 2026-11-10 email: send the deck", "- [x] 2026-11-12 call: call back", "- [x] 2026-11-11 call: first call", "- 2026-11-15 call: called");
		// The call logged on the 15th fulfils the earliest call promise (the 11th): late.
		expect(p.done).toBe(3);
		expect(p.broken).toEqual([
			{ path: "Prospects/A.md", name: "A", line: 6, promised: { date: "2026-11-11", channel: "call" }, done: { date: "2026-11-15", channel: "call", line: 7 }, late: true, otherChannel: false },
		]);
		// The other two, with no touch logged for them, were done on their own day, as written.
		expect(p.kept).toBe(2);
	});

	it("takes a touch logged on the promised day, or today, as done for it; a touch before it is not", () => {
		expect(promises("- [x] 2026-11-15 call: promise", "- 2026-11-15 email: on the day")).toMatchObject({ done: 1, broken: [{ done: { date: "2026-11-15", channel: "email" }, late: false, otherChannel: true }] });
		expect(promises("- [x] 2026-11-15 call: promise", `- ${TODAY} email: today`)).toMatchObject({ done: 1, broken: [{ done: { date: TODAY }, late: true }] });
		expect(promises("- [x] 2026-11-15 call: promise", "- 2026-11-14 email: before")).toMatchObject({ done: 1, kept: 1 });
	});

	it("judges logged touches in date order: the earlier one fulfils the promise", () => {
		const p = promises("- [x] 2026-11-10 call: promise", "- 2026-11-20 call: late one", "- 2026-11-12 call: first");
		expect(p.broken).toMatchObject([{ done: { date: "2026-11-12", line: 6 }, late: true }]);
		expect(p.done).toBe(1);
	});

	it("judges a checked-off Tasks line with no logged touch by its ✅ day against its 📅 day", () => {
		const p = promises("- [x] Call Omar about the renewal 📅 2026-11-10 ✅ 2026-11-12");
		expect(p).toMatchObject({ done: 1, kept: 0, broken: [{ promised: { date: "2026-11-10" }, done: { date: "2026-11-12" }, late: true }] });
		// The promise is the last day the line allows (its 📅 due date): done before it, but after its ⏳, it is kept.
		expect(promises("- [x] Call Omar about the renewal 📅 2026-11-10 ⏳ 2026-11-08 ✅ 2026-11-09")).toMatchObject({ done: 1, kept: 1, broken: [] });
		expect(promises("- [x] Call Omar about the renewal ⏳ 2026-11-08 ✅ 2026-11-09")).toMatchObject({ done: 1, kept: 0, broken: [{ promised: { date: "2026-11-08" } }] });
		expect(promises("- [x] Call Omar 📅 2026-11-10 ✅ 2026-11-10")).toMatchObject({ done: 1, kept: 1 });
	});

	it("counts a next: step that repeats a scheduled line's day and channel once (the line's)", () => {
		expect(promises("- 2026-11-10 email: a → next: 2026-11-15 call", "- [ ] 2026-11-15 call: b", "- 2026-11-16 call: c")).toMatchObject({ done: 0 });
		expect(promises("- 2026-11-10 email: a → next: 2026-11-15", "- [ ] 2026-11-15 b", "- 2026-11-16 call: c")).toMatchObject({ done: 0 });
		expect(promises("- 2026-11-10 email: a → next: 2026-11-15 email", "- [ ] 2026-11-15 call: b", "- 2026-11-16 call: c")).toMatchObject({ done: 1, broken: [{ late: true, otherChannel: true }] });
		expect(promises("- 2026-11-10 email: a → next: 2026-11-15 call", "- [ ] 2026-11-15 b", "- 2026-11-16 call: c")).toMatchObject({ done: 1 });
	});
});

describe("this week's line (README: the follow-ups view)", () => {
	it("counts promises due by Sunday, overdue ones and those of the later bucket included, never a suggestion", () => {
		const entries = [
			entry("Sunday", [], ["- [ ] 2026-11-29 call: x"]),
			entry("Monday after", [], ["- [ ] 2026-11-30 call: x"]),
			entry("Overdue", [], ["- [ ] 2026-11-01 call: x"]),
			entry("Suggested", ["created: 2026-11-24"], []),
			entry("Paused", ["status: paused"], ["- [ ] 2026-11-24 call: x"]),
		];
		expect(weekFigures(entries, TODAY).promisesAtRisk).toBe(2);
		const short = settingsWith({ upcomingDays: 2 });
		expect(weekFigures([entry("Saturday", [], ["- [ ] 2026-11-28 call: x"], short)], TODAY).promisesAtRisk).toBe(1);
	});

	it("counts this week's done touches and the answers among them", () => {
		const e = entry("A", [], ["- 2026-11-22 call: last week (outcome: yes)", "- 2026-11-23 call: a (outcome: no)", "- 2026-11-23 email: b"]);
		expect(weekFigures([e], TODAY)).toEqual({ start: "2026-11-23", end: "2026-11-29", touches: 2, answers: 1, promisesAtRisk: 0 });
	});
});

describe("the Stats tab's other figures", () => {
	const fiveTouches = ["- 2026-10-01 call: 1", "- 2026-10-02 call: 2", "- 2026-10-03 call: 3", "- 2026-10-04 call: 4", "- 2026-10-05 call: 5"];

	it("stops too early under five touches, lost or open with no next step; sorted by touches, then name", () => {
		const stats = computeStats(
			[
				entry("Five lost", ["status: lost"], fiveTouches),
				entry("Four lost", ["status: lost"], fiveTouches.slice(1)),
				entry("B silent", ["cadence: none"], ["- 2026-11-01 call: x"]),
				entry("A silent", ["cadence: none"], ["- 2026-11-01 call: x"]),
				entry("Zero", ["cadence: none"], []),
				entry("Open", [], ["- [ ] 2026-12-01 call: x"]),
			],
			TODAY,
		);
		expect(stats.stoppedEarly.map((r) => [r.name, r.touches])).toEqual([
			["Zero", 0],
			["A silent", 1],
			["B silent", 1],
			["Four lost", 4],
		]);
	});

	it("counts a win at the fifth touch as persistent", () => {
		const stats = computeStats([entry("Five", ["status: won"], fiveTouches), entry("Four", ["status: won"], fiveTouches.slice(1)), entry("Three", ["status: won"], fiveTouches.slice(2))], TODAY);
		expect(stats.close).toMatchObject({ wins: 3, persistentWins: 1 });
	});

	it("sums the open deals due by Sunday, those without a value apart", () => {
		const stats = computeStats(
			[
				entry("Valued", ["value: 1000"], ["- [ ] 2026-11-29 call: x"]),
				entry("Unvalued", [], ["- [ ] 2026-11-25 call: x"]),
				entry("Next week", ["value: 5000"], ["- [ ] 2026-11-30 call: x"]),
				entry("Won ask", ["status: won", "value: 7000"], ["- [ ] 2026-11-24 call: referral"]),
			],
			TODAY,
		);
		expect(stats.pipeline.dueThisWeek).toEqual({ prospects: 2, value: 1000, withoutValue: 1 });
	});

	it("lists touches without a channel as (none), and counts the first of the twelve weeks", () => {
		const stats = computeStats([entry("A", [], ["- 2026-09-07 about the roof", "- 2026-09-06 call: the day before"])], TODAY);
		expect(stats.channels).toEqual([
			{ channel: "(none)", touches: 1, answers: 0, answerRate: 0 },
			{ channel: "call", touches: 1, answers: 0, answerRate: 0 },
		]);
		expect(stats.weeks[0]).toEqual({ start: "2026-09-07", touches: 1, answers: 0 });
	});
});
