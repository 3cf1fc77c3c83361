import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { beforeEach, describe, expect, it } from "vitest";
import { computeDue, type DueEntry } from "../../../src/core/rules/due";
import { readNote } from "../../../src/core/read/note";
import { DEFAULT_SETTINGS } from "../../../src/core/settings/settings";
import { computeStats, weekFigures } from "../../../src/core/rules/stats";

// test/fixtures/stats: seven prospects whose figures on Monday 2026-11-23 are worked out by hand
// in test/fixtures/stats/README.md.
const DIR = join(__dirname, "../../fixtures/stats");
const TODAY = "2026-11-23";

/** The fixture's due entries on `today`, as the index gives them. */
function entries(today = TODAY): DueEntry[] {
	return readdirSync(join(DIR, "Prospects"))
		.sort()
		.map((name) => computeDue(readNote(`Prospects/${name}`, readFileSync(join(DIR, "Prospects", name), "utf8"), DEFAULT_SETTINGS).prospect!, today, DEFAULT_SETTINGS));
}

const bins = (counts: Record<string, number>) =>
	["0", "1", "2", "3", "4", "5", "6", "7", "8", "9", "10+"].map((label) => ({ label, count: counts[label] ?? 0 }));

describe("computeStats on the hand-worked vault", () => {
	// Worked out in each test (not once for the block): mutation runs see which test reads what.
	let stats: ReturnType<typeof computeStats>;
	beforeEach(() => {
		stats = computeStats(entries(), TODAY);
	});

	it("touches to close: a histogram for won and for lost, and the share of wins at the 5th touch or later", () => {
		expect(stats.close).toEqual({ won: bins({ "2": 1, "6": 1 }), lost: bins({ "3": 1 }), wins: 2, losses: 1, persistentWins: 1, persistentWinShare: 0.5 });
	});

	it("stopped too early: lost, or open with no next step, under five touches", () => {
		expect(stats.stoppedEarly).toEqual([
			{ path: "Prospects/Lost Three.md", name: "Lost Three", status: "lost", touches: 3 },
			{ path: "Prospects/Open Quiet.md", name: "Open Quiet", status: "active", touches: 3 },
		]);
	});

	it("promises kept: on or before the day, by the promised channel; the broken ones listed", () => {
		expect(stats.promises.done).toBe(4);
		expect(stats.promises.kept).toBe(2);
		expect(stats.promises.keptShare).toBe(0.5);
		expect(stats.promises.broken).toEqual([
			{ path: "Prospects/Open Quiet.md", name: "Open Quiet", line: 6, promised: { date: "2026-11-17", channel: "call" }, done: { date: "2026-11-18", channel: "email", line: 7 }, late: true, otherChannel: true },
			{ path: "Prospects/Lost Three.md", name: "Lost Three", line: 4, promised: { date: "2026-11-05", channel: "call" }, done: { date: "2026-11-09", channel: "email", line: 5 }, late: true, otherChannel: true },
		]);
	});

	it("channel mix and answer rate per channel", () => {
		expect(stats.channels).toEqual([
			{ channel: "call", touches: 10, answers: 1, answerRate: 0.1 },
			{ channel: "email", touches: 6, answers: 3, answerRate: 0.5 },
			{ channel: "meeting", touches: 1, answers: 1, answerRate: 1 },
			{ channel: "phone", touches: 1, answers: 1, answerRate: 1 },
		]);
	});

	it("touches and answers per week, twelve weeks from Monday 2026-09-07", () => {
		expect(stats.weeks.map((w) => [w.start, w.touches, w.answers])).toEqual([
			["2026-09-07", 1, 1],
			["2026-09-14", 0, 0],
			["2026-09-21", 0, 0],
			["2026-09-28", 1, 0],
			["2026-10-05", 1, 0],
			["2026-10-12", 1, 0],
			["2026-10-19", 1, 1],
			["2026-10-26", 1, 0],
			["2026-11-02", 4, 2],
			["2026-11-09", 3, 1],
			["2026-11-16", 3, 0],
			["2026-11-23", 1, 1],
		]);
	});

	it("pipeline: open prospects by status, and the value due this week", () => {
		expect(stats.pipeline).toEqual({ open: { lead: 1, active: 2, paused: 1 }, dueThisWeek: { prospects: 2, value: 2000, withoutValue: 0 }, cold: 0 });
	});

	it("this week: touches, answers and promises at risk", () => {
		expect(stats.week).toEqual({ start: "2026-11-23", end: "2026-11-29", touches: 1, answers: 1, promisesAtRisk: 2 });
	});

	it("the header's week line agrees with this week's bar of the chart", () => {
		for (const day of [TODAY, "2026-11-25", "2026-11-29"]) {
			const week = weekFigures(entries(day), day);
			const bar = computeStats(entries(day), day).weeks.at(-1)!;
			expect([week.start, week.touches, week.answers]).toEqual([bar.start, bar.touches, bar.answers]);
		}
	});

	it("a Sunday still belongs to the week that began on Monday", () => {
		const sunday = computeStats(entries("2026-11-29"), "2026-11-29");
		expect(sunday.week.start).toBe("2026-11-23");
		expect(sunday.weeks.at(-1)!.start).toBe("2026-11-23");
	});

	it("an empty vault has no shares, not NaN", () => {
		const empty = computeStats([], TODAY);
		expect(empty.close.persistentWinShare).toBeNull();
		expect(empty.promises.keptShare).toBeNull();
		expect(empty.channels).toEqual([]);
		expect(empty.weeks).toHaveLength(12);
	});
});

describe("promises done by Tasks lines, and touches checked off ahead of their day", () => {
	const statsOf = (text: string, today = TODAY) => {
		const prospect = readNote("Prospects/A.md", text, DEFAULT_SETTINGS).prospect!;
		return computeStats([computeDue(prospect, today, DEFAULT_SETTINGS)], today);
	};

	it("a Tasks line done (✅) on its day keeps its promise, whatever is logged after it", () => {
		const stats = statsOf("---\nstatus: active\n---\n- 2026-11-01 call: hi\n- [x] Call Omar about the renewal 📅 2026-11-10 ✅ 2026-11-10\n- 2026-11-15 email: later\n");
		expect(stats.promises).toMatchObject({ done: 1, kept: 1, broken: [] });
	});

	it("a Tasks line is promised for its 📅 due date: done after its ⏳ day but by the due date, kept", () => {
		expect(statsOf("---\nstatus: active\n---\n- [x] Call Omar ⏳ 2026-11-08 📅 2026-11-10 ✅ 2026-11-10\n").promises).toMatchObject({ done: 1, kept: 1 });
		const late = statsOf("---\nstatus: active\n---\n- [x] Call Omar 📅 2026-11-10 ✅ 2026-11-12\n").promises;
		expect(late).toMatchObject({ done: 1, kept: 0 });
		expect(late.broken[0]).toMatchObject({ promised: { date: "2026-11-10" }, done: { date: "2026-11-12" }, late: true });
	});

	it("a done touch dated after today counts on its own day, not this week, and does not crash", () => {
		const text = "---\nstatus: active\n---\n- 2026-11-20 call: hi\n- [x] 2026-12-01 call: booked ahead\n";
		const stats = statsOf(text);
		expect(stats.week.touches).toBe(0);
		expect(stats.weeks.reduce((sum, w) => sum + w.touches, 0)).toBe(1);
		expect(stats.channels).toEqual([{ channel: "call", touches: 2, answers: 0, answerRate: 0 }]);
		// On 2026-12-01 it is in that week's bar and the week line.
		const then = statsOf(text, "2026-12-01");
		expect(then.week.touches).toBe(1);
		expect(then.weeks.at(-1)).toMatchObject({ start: "2026-11-30", touches: 1 });
	});
});
