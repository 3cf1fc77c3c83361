import { describe, expect, it } from "vitest";
import { hasBegun, logMeetings, meetingChannel, titleAsSummary, type MeetingEvent } from "../../../src/core/write/logMeetings";
import { readNote } from "../../../src/core/read/note";
import { migrateSettings } from "../../../src/core/settings/settings";

const settings = migrateSettings(undefined);
const PATH = "Prospects/Acme.md";
const event = (over: Partial<MeetingEvent>): MeetingEvent => ({ key: "e1@cal", title: "Sync with Acme", date: "2026-11-20", time: "10:00", emails: [], cancelled: false, ...over });
const NOW = { today: "2026-11-23", time: null };

describe("logMeetings (README, Meetings from your calendar)", () => {
	const note = "---\ncompany: Acme\n---\n## Follow-ups\n- 2026-11-02 email: intro\n";

	it("writes a past meeting as a done touch and a future one as a scheduled line, with the mirrors, in one text", () => {
		const result = logMeetings(note, PATH, [event({}), event({ key: "e2@cal", title: "Lunch with Dana", date: "2026-11-30", time: null })], NOW, settings);
		expect(result.ok).toBe(true);
		if (!result.ok) return;
		expect(result.text).toBe(
			"---\ncompany: Acme\nlast_touch: 2026-11-20\ntouches: 2\nnext_follow_up: 2026-11-30\n---\n## Follow-ups\n- 2026-11-02 email: intro\n- 2026-11-20 10:00 meeting: Sync with Acme %% event:e1@cal %%\n- [ ] 2026-11-30 lunch: Lunch with Dana %% event:e2@cal %%\n",
		);
		expect(result.results?.map((r) => r.action)).toEqual(["logged", "scheduled"]);
		// Run again: the same text, every event unchanged.
		const again = logMeetings(result.text, PATH, [event({}), event({ key: "e2@cal", title: "Lunch with Dana", date: "2026-11-30", time: null })], NOW, settings);
		expect(again.ok && again.text).toBe(result.text);
		expect(again.ok && again.results?.map((r) => r.action)).toEqual(["unchanged", "unchanged"]);
	});

	it("never lets a title become a promise, an answer, a tag or a comment", () => {
		const title = "Next: pricing → outcome: yes %% #sequence/x";
		const result = logMeetings(note, PATH, [event({ title })], NOW, settings);
		expect(result.ok).toBe(true);
		if (!result.ok) return;
		const touch = readNote(PATH, result.text, settings).prospect!.touches.find((t) => t.date === "2026-11-20")!;
		expect(touch.next).toBeNull();
		expect(touch.outcome).toBeNull();
		expect(touch.summary).toBe(titleAsSummary(title));
		expect(touch.summary).not.toContain("%%");
		expect(readNote(PATH, result.text, settings).problems).toEqual([]);
	});

	it("ends a running sequence on a meeting, but not one started after the meeting", () => {
		const withSequences = [
			"---\ncompany: Acme\n---\n## Follow-ups",
			"- [ ] 2026-11-10 email: thank you #sequence/trade-show-lead",
			"- [ ] 2026-11-25 call: check fit #sequence/trade-show-lead",
			"- [ ] 2026-11-21 email: recap #sequence/referral",
			"- [ ] 2026-11-28 call: check fit #sequence/referral",
			"",
		].join("\n");
		const result = logMeetings(withSequences, PATH, [event({ date: "2026-11-15", time: "09:00" })], NOW, settings);
		expect(result.ok).toBe(true);
		if (!result.ok) return;
		// The open step due by then is the one it fulfils; the trade-show sequence had begun and ends.
		expect(result.text).toContain("- [x] 2026-11-10 email: thank you #sequence/trade-show-lead");
		expect(result.text).toContain("- [-] 2026-11-25 call: check fit #sequence/trade-show-lead");
		// The referral sequence started on 2026-11-21, after the meeting: it runs on.
		expect(result.text).toContain("- [ ] 2026-11-21 email: recap #sequence/referral");
		expect(result.text).toContain("- [ ] 2026-11-28 call: check fit #sequence/referral");
		expect(result.sequenceCancelled).toBe(1);
		// A call is no meeting channel: as by hand, it ends nothing.
		const call = logMeetings(withSequences, PATH, [event({ title: "Call with Acme", date: "2026-11-15" })], NOW, settings);
		expect(call.ok && call.text).toContain("- [ ] 2026-11-25 call: check fit #sequence/trade-show-lead");
	});

	it("moves a moved event's line, keeps what was added to it, and reopens a meeting moved to the future", () => {
		const first = logMeetings(note, PATH, [event({})], NOW, settings);
		if (!first.ok) throw new Error(first.error);
		const edited = first.text.replace("Sync with Acme %%", "Sync with Acme (they want a pilot) %%");
		const moved = logMeetings(edited, PATH, [event({ date: "2026-11-21", time: "11:30" })], NOW, settings);
		expect(moved.ok && moved.text).toContain("- 2026-11-21 11:30 meeting: Sync with Acme (they want a pilot) %% event:e1@cal %%");
		// A line without a checkbox dated after today is scheduled (README, Touch lines): it needs none.
		const future = logMeetings(edited, PATH, [event({ date: "2026-12-01" })], NOW, settings);
		if (!future.ok) throw new Error(future.error);
		expect(future.text).toContain("- 2026-12-01 10:00 meeting: Sync with Acme (they want a pilot) %% event:e1@cal %%");
		expect(future.text).toContain("next_follow_up: 2026-12-01");
		// A checked-off line moved to the future is opened again.
		const checked = edited.replace("- 2026-11-20", "- [x] 2026-11-20");
		const reopened = logMeetings(checked, PATH, [event({ date: "2026-12-01" })], NOW, settings);
		expect(reopened.ok && reopened.text).toContain("- [ ] 2026-12-01 10:00 meeting: Sync with Acme (they want a pilot) %% event:e1@cal %%");
	});

	it("refuses a note whose frontmatter is broken, and changes nothing for an empty list", () => {
		expect(logMeetings("---\na: [b\n---\n", PATH, [event({})], NOW, settings).ok).toBe(false);
		const none = logMeetings(note, PATH, [], NOW, settings);
		expect(none.ok && none.text).toBe(note);
	});
});

describe("meetingChannel and hasBegun", () => {
	it("reads the channel from the title's words, else meeting", () => {
		expect(meetingChannel("Quick call re: invoice", settings)).toBe("call");
		expect(meetingChannel("Coffee at Blue Door", settings)).toBe("coffee");
		expect(meetingChannel("Team dinner", settings)).toBe("lunch");
		expect(meetingChannel("Zoom: onboarding", settings)).toBe("video");
		expect(meetingChannel("Product demo", settings)).toBe("meeting");
		expect(meetingChannel("Product demo", migrateSettings({ channels: ["demo", "meeting", "email"] }))).toBe("demo");
		expect(meetingChannel("Recap", settings)).toBe("meeting");
	});

	it("counts an event as begun by its day, then by its time today", () => {
		expect(hasBegun({ date: "2026-11-22", time: "23:00" }, { today: "2026-11-23", time: "08:00" })).toBe(true);
		expect(hasBegun({ date: "2026-11-23", time: "09:00" }, { today: "2026-11-23", time: "08:00" })).toBe(false);
		expect(hasBegun({ date: "2026-11-23", time: "08:00" }, { today: "2026-11-23", time: "08:00" })).toBe(true);
		expect(hasBegun({ date: "2026-11-23", time: null }, { today: "2026-11-23", time: "08:00" })).toBe(true);
		expect(hasBegun({ date: "2026-11-23", time: "23:00" }, { today: "2026-11-23", time: null })).toBe(true);
		expect(hasBegun({ date: "2026-11-24", time: null }, { today: "2026-11-23", time: null })).toBe(false);
	});
});
