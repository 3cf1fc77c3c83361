import { describe, expect, it } from "vitest";
import { compareEntries, computeDue } from "../../../src/core/rules/due";
import { readNote } from "../../../src/core/read/note";
import { DEFAULT_SETTINGS } from "../../../src/core/settings/settings";
import { note, settingsWith } from "../../helpers/noteBuilder";

const TODAY = "2026-11-23"; // a Monday

describe("touch line state (README: Touch lines)", () => {
	it("counts lines without a checkbox as done up to today, scheduled after", () => {
		const due = note().line("- 2026-11-20 call: a", "- 2026-11-23 email: b", "- 2026-11-25 call: c").due(TODAY);
		expect(due.doneCount).toBe(2);
		expect(due.next).toMatchObject({ date: "2026-11-25", source: "scheduled", suggested: false });
	});

	it("treats [ ] as scheduled whatever its date, [x]/[X] as done, [-] as ignored", () => {
		const due = note().line("- [ ] 2026-11-01 call: late", "- [x] 2026-11-10 call: a", "- [X] 2026-11-11 call: b", "- [-] 2026-10-01 call: cancelled").due(TODAY);
		expect(due.doneCount).toBe(2);
		expect(due.next).toMatchObject({ date: "2026-11-01" });
		expect(due.bucket).toBe("overdue");
	});

	it("does not count a cancelled line as a touch or a candidate", () => {
		const due = note().fm("cadence: none").line("- [-] 2026-11-30 call: cancelled").due(TODAY);
		expect(due.doneCount).toBe(0);
		expect(due.bucket).toBe("no-next-step");
	});
});

describe("counting touches", () => {
	it("counts a checked-off scheduled touch and the line logged for it once", () => {
		const due = note().line("- [x] 2026-11-20 14:30 call: planned call", "- 2026-11-20 call: talked prices → next: 2026-11-27").due(TODAY);
		expect(due.doneCount).toBe(1);
		expect(due.next?.date).toBe("2026-11-27");
	});

	it("still counts two touches on different channels or days", () => {
		expect(note().line("- [x] 2026-11-20 call: a", "- 2026-11-20 email: b").due(TODAY).doneCount).toBe(2);
		expect(note().line("- [x] 2026-11-19 call: a", "- 2026-11-20 call: b").due(TODAY).doneCount).toBe(2);
	});

	it("takes a line written after a timed one on the same day as the latest touch", () => {
		const due = note().line("- [x] 2026-11-20 14:30 call: planned → next: 2026-11-21", "- 2026-11-20 call: logged → next: 2026-11-28").due(TODAY);
		expect(due.next?.date).toBe("2026-11-28");
		expect(due.lastTouch?.summary).toBe("logged");
	});
});

describe("the next touch (README: What is due)", () => {
	it("is the earliest of open scheduled touches, the latest done touch's next:, and a later next_follow_up", () => {
		const due = note()
			.fm("next_follow_up: 2026-11-28")
			.line("- 2026-11-20 call: hi → next: in 5 days email", "- [ ] 2026-11-27 call: check")
			.due(TODAY);
		expect(due.next).toMatchObject({ date: "2026-11-25", source: "promised", channel: "email" });
	});

	it("uses the next: of the latest done touch only (by date, then time, then line order)", () => {
		const due = note()
			.line("- 2026-11-21 call: later line → next: 2026-11-24", "- 2026-11-20 call: earlier → next: 2026-11-22")
			.due(TODAY);
		expect(due.next?.date).toBe("2026-11-24");
		const sameDay = note()
			.line("- 2026-11-21 14:00 call: afternoon → next: 2026-11-30", "- 2026-11-21 09:00 call: morning → next: 2026-11-24")
			.due(TODAY);
		expect(sameDay.next?.date).toBe("2026-11-30");
		const byOrder = note().line("- 2026-11-21 call: first → next: 2026-11-24", "- 2026-11-21 call: second → next: 2026-11-29").due(TODAY);
		expect(byOrder.next?.date).toBe("2026-11-29");
	});

	it("reads next: relative to the line's own date, forever", () => {
		const due = note().line("- 2026-11-20 consult: quote → next: in 3 days").due("2027-06-01");
		expect(due.next?.date).toBe("2026-11-23");
		expect(due.bucket).toBe("overdue");
	});

	it("takes a bare weekday as the next such day strictly after the line's date", () => {
		expect(note().line("- 2026-11-20 call: hi → next: friday").due(TODAY).next?.date).toBe("2026-11-27"); // 11-20 is a Friday
		expect(note().line("- 2026-11-23 call: hi → next: friday").due(TODAY).next?.date).toBe("2026-11-27");
		expect(note().line("- 2026-11-23 call: hi → next: monday").due(TODAY).next?.date).toBe("2026-11-30");
	});

	it("ignores a next_follow_up not after the latest done touch", () => {
		const due = note().fm("next_follow_up: 2026-11-20").line("- 2026-11-21 call: hi").due(TODAY);
		expect(due.next).toMatchObject({ date: "2026-11-24", suggested: true, source: "cadence" });
		const sameDay = note().fm("next_follow_up: 2026-11-21").line("- 2026-11-21 call: hi").due(TODAY);
		expect(sameDay.next?.suggested).toBe(true);
	});

	it("uses next_follow_up when there is no done touch", () => {
		expect(note().fm("next_follow_up: 2026-11-30").due(TODAY).next).toMatchObject({ date: "2026-11-30", source: "next_follow_up" });
	});

	it("counts a last-contact date as one done touch on that date, unless a touch stands for that day", () => {
		const due = note().fm("last_contacted: 2026-11-22").line("- 2026-11-10 call: hi → next: 2026-11-12").due(TODAY);
		expect(due.doneCount).toBe(2);
		expect(due.lastTouch?.date).toBe("2026-11-22");
		// The old line's promise is no longer the latest done touch's.
		expect(due.next).toMatchObject({ date: "2026-11-29", suggested: true }); // + 1w (step 2)
		// An earlier contact on a day no line stands for is a touch too: history is never lost.
		const earlier = note().fm("last_contact: 2026-11-01").line("- 2026-11-10 call: hi").due(TODAY);
		expect(earlier.doneCount).toBe(2);
		expect(earlier.lastTouch?.date).toBe("2026-11-10");
		const same = note().fm("last_contact: 2026-11-10").line("- 2026-11-10 call: hi").due(TODAY);
		expect(same.doneCount).toBe(1);
	});

	it("keeps a scheduled touch's time", () => {
		const due = note().line("- [ ] 2026-11-23 15:00 video: demo", "- [ ] 2026-11-23 09:30 call: prep").due(TODAY);
		expect(due.next).toMatchObject({ date: "2026-11-23", time: "09:30", channel: "call", text: "prep" });
		expect(due.bucket).toBe("today");
	});

	it("falls back to the preferred channel", () => {
		expect(note().fm("channel: linkedin").line("- [ ] 2026-11-25 check in").due(TODAY).next?.channel).toBe("linkedin");
	});
});

describe("cadence (README: What is due)", () => {
	const withTouches = (n: number): string[] => Array.from({ length: n }, (_, i) => `- 2026-10-${String(i + 1).padStart(2, "0")} call: t${i + 1}`);

	it("suggests the latest done touch plus step min(n, len), the last step repeating", () => {
		const expected = ["2026-10-04", "2026-10-09", "2026-10-17", "2026-11-04", "2026-11-05", "2026-11-06"];
		for (let n = 1; n <= 6; n++) {
			const due = note().line(...withTouches(n)).due(TODAY);
			expect(due.next, `n=${n}`).toMatchObject({ date: expected[n - 1], suggested: true, source: "cadence" });
		}
	});

	it("suggests `created` when there is no done touch", () => {
		expect(note().fm("created: 2026-11-20").due(TODAY).next).toMatchObject({ date: "2026-11-20", suggested: true, source: "created" });
	});

	it("has no next step with neither touches nor created", () => {
		expect(note().line("Just some notes.").due(TODAY).bucket).toBe("no-next-step");
	});

	it("uses the note's own cadence, and none turns suggestions off", () => {
		expect(note().fm("cadence: 2d").line("- 2026-11-20 call: a").due(TODAY).next?.date).toBe("2026-11-22");
		expect(note().fm("cadence: 1w, 1mo").line("- 2026-10-01 call: a", "- 2026-10-02 call: b", "- 2026-10-03 call: c").due(TODAY).next?.date).toBe("2026-11-03");
		const none = note().fm("cadence: none").line("- 2026-11-20 call: a").due(TODAY);
		expect(none.bucket).toBe("no-next-step");
		expect(none.next).toBeNull();
	});

	it("uses the default cadence from settings", () => {
		const settings = settingsWith({ cadence: "10d" });
		expect(note().line("- 2026-11-20 call: a").due(TODAY, settings).next?.date).toBe("2026-11-30");
	});

	it("moves a suggestion off the weekend when asked", () => {
		const settings = settingsWith({ skipWeekends: true, cadence: "1d" });
		// Friday + 1 day = Saturday → Monday.
		expect(note().line("- 2026-11-20 call: a").due(TODAY, settings).next?.date).toBe("2026-11-23");
		expect(note().line("- 2026-11-21 call: a").due(TODAY, settingsWith({ cadence: "1d" })).next?.date).toBe("2026-11-22"); // Sunday, left alone when off
	});

	it("never shifts an explicit date for weekends", () => {
		const settings = settingsWith({ skipWeekends: true });
		expect(note().line("- [ ] 2026-11-28 call: saturday").due(TODAY, settings).next?.date).toBe("2026-11-28");
	});
});

describe("buckets (README: What is due)", () => {
	const on = (date: string, days?: number) =>
		note().line(`- [ ] ${date} call: x`).due(TODAY, days === undefined ? DEFAULT_SETTINGS : settingsWith({ upcomingDays: days })).bucket;

	it("sorts by today's calendar date", () => {
		expect(on("2026-11-22")).toBe("overdue");
		expect(on("2026-11-23")).toBe("today");
		expect(on("2026-11-24")).toBe("upcoming");
		expect(on("2026-11-30")).toBe("upcoming");
		expect(on("2026-12-01")).toBe("later");
		expect(on("2026-12-01", 8)).toBe("upcoming");
		expect(on("2026-11-24", 0)).toBe("later");
	});

	it("closes won and lost prospects with no open line, whatever else they promise (more in closedDue.test.ts)", () => {
		for (const status of ["won", "lost", "Won"]) {
			const due = note().fm(`status: ${status}`, "next_follow_up: 2026-11-20").line("- [-] 2026-11-01 call: x", "- 2026-11-02 call: y → next: 2026-11-10").due(TODAY);
			expect(due.bucket, status).toBe("closed");
			expect(due.next).toBeNull();
		}
	});

	it("pauses until paused_until, then treats the prospect as active", () => {
		const paused = note().fm("status: paused", "paused_until: 2026-12-01").line("- [ ] 2026-11-20 call: x");
		expect(paused.due(TODAY).bucket).toBe("paused");
		expect(paused.due("2026-11-30").bucket).toBe("paused");
		expect(paused.due("2026-12-01")).toMatchObject({ bucket: "overdue", effectiveStatus: "active" });
		expect(note().fm("status: paused").due(TODAY).bucket).toBe("paused");
	});

	it("keeps leads open", () => {
		expect(note().fm("status: lead").line("- [ ] 2026-11-23 call: x").due(TODAY).bucket).toBe("today");
	});

	it("orders within a bucket by date, time, value (largest first), then name", () => {
		const make = (name: string, line: string, value?: number) => {
			const text = note().fm(...(value !== undefined ? [`value: ${value}`] : [])).line(line).text();
			return computeDue(readNote(`Prospects/${name}.md`, text, DEFAULT_SETTINGS).prospect!, TODAY, DEFAULT_SETTINGS);
		};
		const entries = [
			make("Zed", "- [ ] 2026-11-20 call: x", 100),
			make("Bee", "- [ ] 2026-11-20 call: x", 100),
			make("Big", "- [ ] 2026-11-20 call: x", 5000),
			make("Timed", "- [ ] 2026-11-19 09:00 call: x"),
			make("Early", "- [ ] 2026-11-19 call: x"),
			make("Soon", "- [ ] 2026-11-25 call: x"),
		].sort(compareEntries);
		expect(entries.map((e) => e.prospect.name)).toEqual(["Early", "Timed", "Big", "Bee", "Zed", "Soon"]);
	});
});

describe("time zones", () => {
	it("gives the same answer for a YAML date in every zone (run under UTC, Los Angeles and Auckland)", () => {
		const due = note().fm("next_follow_up: 2026-01-10").due("2026-01-10");
		expect(due).toMatchObject({ bucket: "today", days: 0 });
		expect(due.next?.date).toBe("2026-01-10");
	});

	it("counts days across a DST change as calendar days", () => {
		// US DST ends 2026-11-01; NZ DST starts 2026-09-27.
		expect(note().line("- [ ] 2026-10-31 call: x").due("2026-11-02").days).toBe(-2);
		expect(note().line("- [ ] 2026-09-26 call: x").due("2026-09-28").days).toBe(-2);
		expect(note().line("- 2026-10-30 call: x → next: in 3 days").due("2026-11-02").next?.date).toBe("2026-11-02");
	});
});

describe("ties on the same day", () => {
	it("prefer a touch line, with its time and text, to a bare next_follow_up", () => {
		const due = note().fm("next_follow_up: 2026-11-26").line("- 2026-11-20 call: a", "- [ ] 2026-11-26 10:00 call: check on co-owner").due(TODAY);
		expect(due.next).toMatchObject({ date: "2026-11-26", time: "10:00", source: "scheduled", text: "check on co-owner" });
	});
});

describe("which touch is the last (README: What is due)", () => {
	const last = (...lines: string[]) => note().line(...lines).due("2026-11-23").lastTouch;

	it("is the latest by date, then by time when both have one, then the later line", () => {
		expect(last("- 2026-11-21 call: newer", "- 2026-11-20 email: older")).toMatchObject({ date: "2026-11-21", summary: "newer" });
		expect(last("- 2026-11-20 15:00 call: afternoon", "- 2026-11-20 09:00 email: morning")).toMatchObject({ time: "15:00", summary: "afternoon" });
		expect(last("- 2026-11-20 09:00 call: morning", "- 2026-11-20 15:00 email: afternoon")).toMatchObject({ time: "15:00", summary: "afternoon" });
		expect(last("- 2026-11-20 15:00 call: timed", "- 2026-11-20 email: logged after")).toMatchObject({ summary: "logged after" });
		expect(last("- 2026-11-20 email: logged first", "- 2026-11-20 15:00 call: timed")).toMatchObject({ summary: "timed" });
		expect(last("- 2026-11-20 14:00 call: one", "- 2026-11-20 14:00 email: two")).toMatchObject({ summary: "two", channel: "email" });
	});

	it("promises the next: of that touch, with its words or none", () => {
		const e = note().line("- 2026-11-20 15:00 call: a → next: 2026-11-30 email send the deck", "- 2026-11-20 09:00 call: b → next: 2026-11-25").due("2026-11-23");
		expect(e.next).toMatchObject({ date: "2026-11-30", source: "promised", channel: "email", text: "send the deck" });
		expect(note().line("- 2026-11-20 call: a → next: 2026-11-30").due("2026-11-23").next).toMatchObject({ date: "2026-11-30", text: null, suggested: false });
	});
});

describe("a last-contact key (README: Notes you already have)", () => {
	it("is one more touch on its day, and the last one when it is later than every touch line", () => {
		const e = note().fm("last_contacted: 2026-11-22").line("- 2026-11-20 call: hi").due("2026-11-23");
		expect(e.doneCount).toBe(2);
		expect(e.lastTouch).toEqual({ date: "2026-11-22", time: null, summary: null, channel: null });
	});

	it("counts today's contact, not one still to come", () => {
		expect(note().fm("last_contacted: 2026-11-23").due("2026-11-23")).toMatchObject({ doneCount: 1, lastTouch: { date: "2026-11-23" } });
		expect(note().fm("last_contacted: 2026-11-24", "created: 2026-11-01").due("2026-11-23")).toMatchObject({ doneCount: 0, lastTouch: null });
	});

	it("is the same contact as a touch line of its day: counted once, the line's words kept", () => {
		const e = note().fm("last_contacted: 2026-11-20").line("- 2026-11-20 call: hi").due("2026-11-23");
		expect(e.doneCount).toBe(1);
		expect(e.lastTouch).toMatchObject({ date: "2026-11-20", summary: "hi", channel: "call" });
	});

	it("counts an older contact too, without making it the last", () => {
		const e = note().fm("last_contacted: 2026-11-01").line("- 2026-11-20 call: hi").due("2026-11-23");
		expect(e.doneCount).toBe(2);
		expect(e.lastTouch).toMatchObject({ date: "2026-11-20", summary: "hi" });
	});

	it("makes an older touch's next: no longer the promise: the cadence goes from the later contact", () => {
		const e = note().fm("last_contacted: 2026-11-21").line("- 2026-11-20 call: hi → next: 2026-11-30").due("2026-11-23");
		// Two touches: the second step of 3d, 1w, 2w, 1mo after 2026-11-21.
		expect(e.next).toMatchObject({ date: "2026-11-28", suggested: true, source: "cadence" });
	});
});

describe("a checked-off line and the touch logged for it (README: Commands, Log a touch)", () => {
	const count = (...lines: string[]) => note().line(...lines).due("2026-11-23").doneCount;

	it("are one touch when they share day and channel, two otherwise", () => {
		expect(count("- [x] 2026-11-20 call: the promise", "- 2026-11-20 call: done")).toBe(1);
		expect(count("- 2026-11-20 call: done", "- [x] 2026-11-20 call: the promise")).toBe(1);
		expect(count("- [x] 2026-11-20 call: the promise", "- 2026-11-20 email: done")).toBe(2);
		expect(count("- [x] 2026-11-20 call: the promise", "- 2026-11-21 call: done")).toBe(2);
		expect(count("- [x] 2026-11-20 the promise", "- 2026-11-20 done")).toBe(2);
		expect(count("- [x] 2026-11-20 call: one", "- [x] 2026-11-20 call: two")).toBe(1);
	});
});

describe("a pause (README: What is due)", () => {
	it("lasts until paused_until, and the prospect is due again on that day", () => {
		const paused = (until: string | null) => note().fm("status: paused", ...(until ? [`paused_until: ${until}`] : [])).line("- [ ] 2026-11-20 call: hi").due("2026-11-23");
		expect(paused(null)).toMatchObject({ bucket: "paused", effectiveStatus: "paused" });
		expect(paused("2026-11-24")).toMatchObject({ bucket: "paused", effectiveStatus: "paused" });
		expect(paused("2026-11-23")).toMatchObject({ bucket: "overdue", effectiveStatus: "active" });
		expect(paused("2026-11-01")).toMatchObject({ bucket: "overdue", effectiveStatus: "active" });
		expect(note().fm("status: active", "paused_until: 2026-12-01").line("- [ ] 2026-11-20 call: hi").due("2026-11-23")).toMatchObject({ bucket: "overdue", effectiveStatus: "active" });
		// A pause that ended long ago does not reopen a won prospect.
		expect(note().fm("status: won", "paused_until: 2026-11-01").due("2026-11-23")).toMatchObject({ bucket: "closed", effectiveStatus: "won" });
	});
});

describe("the earliest of the candidates (README: What is due)", () => {
	it("takes the earliest day, whichever rule gives it", () => {
		const base = note().fm("next_follow_up: 2026-11-26").line("- 2026-11-20 call: a → next: 2026-11-28", "- [ ] 2026-11-27 email: b");
		expect(base.due("2026-11-23").next).toMatchObject({ date: "2026-11-26", source: "next_follow_up" });
		const early = note().fm("next_follow_up: 2026-11-29").line("- 2026-11-20 call: a → next: 2026-11-28", "- [ ] 2026-11-25 email: b");
		expect(early.due("2026-11-23").next).toMatchObject({ date: "2026-11-25", source: "scheduled", channel: "email" });
		const promised = note().fm("next_follow_up: 2026-11-29").line("- [ ] 2026-11-27 email: b", "- 2026-11-20 call: a → next: 2026-11-24");
		expect(promised.due("2026-11-23").next).toMatchObject({ date: "2026-11-24", source: "promised" });
	});

	it("prefers a touch line to a bare next_follow_up of the same day, and a timed next_follow_up keeps its place", () => {
		for (const order of [["- [ ] 2026-11-25 email: b"], ["- 2026-11-20 call: a → next: 2026-11-25 email"]]) {
			expect(note().fm("next_follow_up: 2026-11-25").line(...order).due("2026-11-23").next, order[0]).toMatchObject({ date: "2026-11-25", channel: "email" });
		}
		expect(note().fm("next_follow_up: 2026-11-25 09:00").line("- [ ] 2026-11-25 15:00 email: b").due("2026-11-23").next).toMatchObject({ time: "09:00", source: "next_follow_up" });
	});
});

describe("a cadence the settings cannot read", () => {
	it("suggests a week after the last touch", () => {
		expect(note().line("- 2026-11-20 call: hi").due("2026-11-23", settingsWith({ cadence: "whenever" })).next).toMatchObject({ date: "2026-11-27", suggested: true });
	});
});
