import { beforeEach, describe, expect, it } from "vitest";
import { computeDue } from "../../../src/core/rules/due";
import { readNote } from "../../../src/core/read/note";
import {
	digestDue,
	digestText,
	emptyReminderState,
	instantOf,
	markFired,
	migrateReminderState,
	reminderDetail,
	remindersDue,
	reminderTitle,
	timedTouches,
	type ReminderState,
} from "../../../src/core/rules/reminderSchedule";
import { DEFAULT_SETTINGS } from "../../../src/core/settings/settings";

const TODAY = "2026-11-23";

function entries(notes: Record<string, string>) {
	return Object.entries(notes).map(([path, text]) => computeDue(readNote(path, text, DEFAULT_SETTINGS).prospect!, TODAY, DEFAULT_SETTINGS));
}

const NOTES = {
	"Prospects/Acme.md": "---\ncompany: Acme Roofing\n---\n- [ ] 2026-11-23 14:30 call: walk through the quote #objective/close\n- [ ] 2026-11-23 email: no time, no reminder\n- [x] 2026-11-23 09:00 call: done already\n- 2026-11-23 10:00 call: logged, not scheduled\n- [ ] 2026-11-24 08:15 email: tomorrow's\n",
	"Prospects/Won.md": "---\nstatus: won\n---\n- [-] 2026-11-23 14:30 call: cancelled, never\n- [ ] 2026-11-23 16:00 call: ask for a referral\n",
	"Prospects/Paused.md": "---\nstatus: paused\n---\n- [ ] 2026-11-23 14:30 call: paused, never\n",
	"Prospects/Resumed.md": "---\nstatus: paused\npaused_until: 2026-11-20\n---\n- [ ] 2026-11-23 15:00 call: the pause is over\n",
};

const at = (time: string, day = TODAY): Date => new Date(instantOf(day, time));
const state = (over: Partial<ReminderState> = {}): ReminderState => ({ ...emptyReminderState(), lastCheck: at("08:00").getTime(), ...over });

describe("timed touches", () => {
	it("are the open touch lines with a time, of prospects not paused (a won one's open line too)", () => {
		const touches = timedTouches(entries(NOTES));
		expect(touches.map((t) => [t.path, t.date, t.time, t.channel, t.objective, t.text])).toEqual([
			["Prospects/Acme.md", "2026-11-23", "14:30", "call", "close", "walk through the quote"],
			["Prospects/Acme.md", "2026-11-24", "08:15", "email", null, "tomorrow's"],
			["Prospects/Won.md", "2026-11-23", "16:00", "call", null, "ask for a referral"],
			["Prospects/Resumed.md", "2026-11-23", "15:00", "call", null, "the pause is over"],
		]);
		expect(touches[0].line).toBe(4);
		expect(reminderTitle(touches[0], false)).toBe("Call Acme (Acme Roofing) at 14:30");
		expect(reminderTitle(touches[0], true)).toBe("Call Acme (Acme Roofing) was due at 14:30");
		expect(reminderDetail(touches[0])).toBe("Objective: close · walk through the quote");
	});
});

describe("which reminders fire", () => {
	let touches: ReturnType<typeof timedTouches>;
	beforeEach(() => {
		touches = timedTouches(entries(NOTES));
	});

	it("a touch fires once its minute came since the last look, not before", () => {
		expect(remindersDue(touches, state({ lastCheck: at("14:29").getTime() }), new Date(at("14:30").getTime() - 1), TODAY)).toEqual([]);
		const due = remindersDue(touches, state({ lastCheck: at("14:29").getTime() }), new Date(at("14:30").getTime() + 10_000), TODAY);
		expect(due.map((d) => [d.touch.time, d.late])).toEqual([["14:30", false]]);
		expect(remindersDue(touches, state({ lastCheck: at("14:30").getTime() + 10_000 }), at("15:00"), TODAY).map((d) => d.touch.path)).toEqual(["Prospects/Resumed.md"]);
	});

	it("not twice: a fired key is remembered", () => {
		const now = new Date(at("14:30").getTime() + 10_000);
		const first = remindersDue(touches, state({ lastCheck: at("14:29").getTime() }), now, TODAY);
		const after = markFired(state({ lastCheck: at("14:29").getTime() }), first, TODAY);
		expect(remindersDue(touches, after, now, TODAY)).toEqual([]);
	});

	it("after a sleep over its minute, once, marked late", () => {
		const due = remindersDue(touches, state({ lastCheck: at("13:00").getTime() }), at("15:10"), TODAY);
		expect(due.map((d) => [d.touch.time, d.late])).toEqual([["14:30", true], ["15:00", true]]);
		expect(remindersDue(touches, markFired(state({ lastCheck: at("13:00").getTime() }), due, TODAY), at("15:11"), TODAY)).toEqual([]);
	});

	it("never on the first look, nor for another day's touch, nor while paused", () => {
		expect(remindersDue(touches, { ...state(), lastCheck: null }, at("15:00"), TODAY)).toEqual([]);
		expect(remindersDue(touches, state({ lastCheck: at("08:00", "2026-11-20").getTime() }), at("09:00", "2026-11-24"), "2026-11-24").map((d) => d.touch.time)).toEqual(["08:15"]);
		expect(remindersDue(touches, state({ pausedUntil: "2026-11-24" }), at("15:00"), TODAY)).toEqual([]);
	});

	it("forgets fired keys after three days", () => {
		const old = { ...state(), fired: [{ key: "a", date: "2026-11-19" }, { key: "b", date: "2026-11-20" }] };
		expect(markFired(old, [], TODAY).fired.map((f) => f.key)).toEqual(["b"]);
	});
});

describe("the morning digest", () => {
	it("shows at once on the first day's start, else at the digest time, once a day, never while paused", () => {
		const s = emptyReminderState();
		expect(digestDue(s, TODAY, "07:00", TODAY, "09:00")).toBe(true);
		expect(digestDue(s, TODAY, "07:00", "2026-11-22", "09:00")).toBe(false);
		expect(digestDue(s, TODAY, "09:00", "2026-11-22", "09:00")).toBe(true);
		expect(digestDue({ ...s, lastDigestDay: TODAY }, TODAY, "10:00", TODAY, "09:00")).toBe(false);
		expect(digestDue({ ...s, pausedUntil: "2026-11-24" }, TODAY, "10:00", TODAY, "09:00")).toBe(false);
		expect(digestDue({ ...s, pausedUntil: "2026-11-24" }, "2026-11-24", "10:00", TODAY, "09:00")).toBe(true);
	});

	it("says what is due today and overdue, in the issue's words", () => {
		expect(digestText({ today: 3, overdue: 2 })).toBe("Touchbase: 3 follow-ups due today, 2 overdue");
		expect(digestText({ today: 1, overdue: 0 })).toBe("Touchbase: 1 follow-up due today");
		expect(digestText({ today: 0, overdue: 4 })).toBe("Touchbase: 0 follow-ups due today, 4 overdue");
		expect(digestText({ today: 0, overdue: 0 })).toBeNull();
	});
});

describe("stored state", () => {
	it("turns anything stored into a valid state", () => {
		for (const raw of [undefined, null, 3, "x", [], { fired: "x", lastCheck: "now", lastDigestDay: "2026-02-30" }]) {
			expect(migrateReminderState(raw)).toEqual(emptyReminderState());
		}
		expect(migrateReminderState({ lastDigestDay: TODAY, pausedUntil: "2026-11-24", lastCheck: 5, fired: [{ key: "k", date: TODAY }, { key: 1 }, null] })).toEqual({
			lastDigestDay: TODAY,
			pausedUntil: "2026-11-24",
			lastCheck: 5,
			fired: [{ key: "k", date: TODAY }],
		});
	});
});

describe("the reminders' memory, read back whatever was stored", () => {
	it("keeps what is valid and drops the rest, item by item", () => {
		expect(
			migrateReminderState({
				lastDigestDay: "2026-11-22",
				pausedUntil: "2026-02-30",
				lastCheck: 1_700_000_000_000,
				fired: [{ key: "a", date: "2026-11-22" }, null, "b", { key: 3, date: "2026-11-22" }, { key: "c", date: "soon" }, { key: "d", date: "2026-11-21" }],
			}),
		).toEqual({ lastDigestDay: "2026-11-22", pausedUntil: null, lastCheck: 1_700_000_000_000, fired: [{ key: "a", date: "2026-11-22" }, { key: "d", date: "2026-11-21" }] });
		for (const lastCheck of [0, -5, Number.NaN, Number.POSITIVE_INFINITY, "1700000000000"]) expect(migrateReminderState({ lastCheck }).lastCheck, String(lastCheck)).toBeNull();
		expect(migrateReminderState({ lastDigestDay: 20261122, fired: { key: "a", date: "2026-11-22" } })).toEqual(emptyReminderState());
	});
});

describe("timed reminders, one by one", () => {
	const timed = (text: string, path = "Prospects/Dana.md") => timedTouches(entries({ [path]: text }));

	it("fire for open lines only, keyed by the note and the line as written (spaces around it aside)", () => {
		const touches = timed("- [ ] 2026-11-23 14:30 call: a  \n- 2026-11-24 15:00 call: planned, no checkbox\n- [-] 2026-11-23 16:00 call: cancelled\n");
		expect(touches.map((t) => [t.key, t.raw])).toEqual([["Prospects/Dana.md|- [ ] 2026-11-23 14:30 call: a", "- [ ] 2026-11-23 14:30 call: a  "]]);
	});

	it("come due when their minute came after the last look, late after a minute and a half, in time order then by name", () => {
		const touches = [
			...timed("- [ ] 2026-11-23 14:30 call: b", "Prospects/Zed.md"),
			...timed("- [ ] 2026-11-23 14:30 call: a", "Prospects/Amy.md"),
			...timed("- [ ] 2026-11-23 14:00 call: first", "Prospects/Moe.md"),
		];
		const look = (lastCheck: string, now: number) => remindersDue(touches, state({ lastCheck: at(lastCheck).getTime() }), new Date(now), TODAY);
		expect(look("14:30", at("14:31").getTime()).map((d) => d.touch.name)).toEqual([]);
		expect(look("13:59", at("14:30").getTime() + 90_000).map((d) => [d.touch.name, d.late])).toEqual([
			["Moe", true],
			["Amy", false],
			["Zed", false],
		]);
		expect(look("14:29", at("14:30").getTime() + 90_001).map((d) => d.late)).toEqual([true, true]);
	});

	it("stay quiet while paused, until the day the pause ends", () => {
		const touches = timed("- [ ] 2026-11-23 14:30 call: a");
		const now = new Date(at("14:31").getTime());
		expect(remindersDue(touches, state({ pausedUntil: "2026-11-24" }), now, TODAY)).toEqual([]);
		expect(remindersDue(touches, state({ pausedUntil: TODAY }), now, TODAY)).toHaveLength(1);
		expect(remindersDue(touches, state({ pausedUntil: "2026-11-01" }), now, TODAY)).toHaveLength(1);
	});

	it("name the channel and who, the company only when it says more than the name", () => {
		const [same] = timed("---\ncompany: Dana\n---\n- [ ] 2026-11-23 14:30 text: a");
		expect(reminderTitle(same, false)).toBe("Text Dana at 14:30");
		const [none] = timed("- [ ] 2026-11-23 14:30 the roof quote");
		expect(reminderTitle(none, true)).toBe("Follow up with Dana was due at 14:30");
		expect(reminderDetail(none)).toBe("the roof quote");
		// A line's words give its channel when it names none (README, "Bringing your existing notes").
		const [met] = timed("- [ ] 2026-11-23 14:30 met at the fair");
		expect(reminderTitle(met, true)).toBe("Meeting Dana was due at 14:30");
		const [bare] = timed("- [ ] 2026-11-23 14:30 call #objective/close");
		expect(reminderDetail(bare)).toBe("Objective: close");
	});
});
