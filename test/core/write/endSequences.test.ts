// What ends a sequence (an answer, a meeting, a status), chosen per sequence, and a step dated
// after the previous one (README, "Sequences").
import { describe, expect, it } from "vitest";
import { closeProspect } from "../../../src/core/write/closeProspect";
import { logTouch, type LogInput } from "../../../src/core/write/logTouch";
import { readNote } from "../../../src/core/read/note";
import { endSequencesOnStatus, nextStepLines, touchesEndedByStatus } from "../../../src/core/write/endSequences";
import { setStatus } from "../../../src/core/write/setStatus";
import { planSequence } from "../../../src/core/write/sequences";
import { startSequenceBody } from "../../../src/core/write/startSequence";
import { DEFAULT_SETTINGS, migrateSettings, type Sequence, type TouchbaseSettings } from "../../../src/core/settings/settings";

const PATH = "Prospects/Acme.md";
const MONDAY = "2026-11-23";

/** A note with a running trade-show sequence (and a line of its own), started on Monday. */
function started(settings: TouchbaseSettings = DEFAULT_SETTINGS, sequence: Sequence = settings.sequences[0]): string {
	const base = "---\nstatus: active\n---\n## Follow-ups\n- 2026-11-19 consult: needs\n- [ ] 2026-12-02 call: my own line\n";
	const result = startSequenceBody(base, PATH, sequence, MONDAY, settings);
	if (!result.ok) throw new Error(result.error);
	return result.text;
}

function log(text: string, input: Partial<LogInput>, settings: TouchbaseSettings = DEFAULT_SETTINGS) {
	const result = logTouch(text, PATH, { date: MONDAY, time: null, channel: "email", summary: "x", outcome: null, next: null, objective: null, ...input }, settings, MONDAY);
	if (!result.ok) throw new Error(result.error);
	return result;
}

function withSequences(...sequences: Sequence[]): TouchbaseSettings {
	return migrateSettings({ sequences });
}

const open = (text: string): string[] => text.split("\n").filter((l) => l.startsWith("- [ ]"));
const cancelled = (text: string): string[] => text.split("\n").filter((l) => l.startsWith("- [-]"));

describe("a meeting ends a sequence", () => {
	it("a touch logged on a meeting channel cancels the sequence's open touches ([-], kept) and says why", () => {
		const before = started();
		const result = log(before, { channel: "coffee", summary: "met at the bakery" });
		expect(result.cancelled).toBe(4);
		expect(result.endedBy).toEqual(["meeting"]);
		// The first step (due today) is checked off by the touch; the others are cancelled; my own line stays open.
		expect(open(result.text)).toEqual(["- [ ] 2026-12-02 call: my own line"]);
		expect(cancelled(result.text)).toHaveLength(4);
		expect(result.text).toContain("- [x] 2026-11-23 email: thank you");
	});

	it("each meeting channel counts, and the list is a setting", () => {
		for (const channel of ["meeting", "consult", "coffee", "lunch", "visit", "video"]) expect(log(started(), { channel }).cancelled, channel).toBe(4);
		expect(log(started(), { channel: "call" }).cancelled).toBe(0);
		const settings = migrateSettings({ meetingChannels: ["call"] });
		expect(log(started(settings), { channel: "call" }, settings).cancelled).toBe(4);
		expect(log(started(settings), { channel: "coffee" }, settings).cancelled).toBe(0);
	});

	it("an answer still ends it; next step does not", () => {
		expect(log(started(), { outcome: "no" })).toMatchObject({ cancelled: 4, endedBy: ["answer"] });
		expect(log(started(), { outcome: "next step" }).cancelled).toBe(0);
	});
});

describe("each sequence chooses what ends it", () => {
	const trade = { ...DEFAULT_SETTINGS.sequences[0], endsOn: ["answer" as const] };
	const settings = withSequences(trade);

	it("a sequence that does not end on a meeting keeps running after one", () => {
		const before = started(settings);
		expect(log(before, { channel: "coffee" }, settings).cancelled).toBe(0);
		expect(log(before, { outcome: "yes" }, settings).cancelled).toBe(4);
	});

	it("a tag the settings do not know (a deleted sequence, a tag by hand) ends on everything", () => {
		const text = "---\nstatus: active\n---\n- [ ] 2026-11-30 call: mine #sequence/gone\n";
		expect(log(text, { channel: "coffee" }, settings).cancelled).toBe(1);
	});

	it("is read from the stored settings: unknown ends dropped, an absent list means all", () => {
		const read = migrateSettings({ sequences: [{ name: "A", steps: [], endsOn: ["meeting", "bogus", "won"] }, { name: "B", steps: [] }], meetingChannels: "Meeting, Zoom" });
		expect(read.sequences.map((s) => s.endsOn)).toEqual([["meeting", "won"], undefined]);
		expect(read.meetingChannels).toEqual(["meeting", "zoom"]);
		expect(migrateSettings({}).meetingChannels).toEqual(["meeting", "consult", "coffee", "lunch", "visit", "video"]);
	});
});

describe("a status ends a sequence", () => {
	it("won, lost or paused set by hand: one edit cancels the open sequence touches; a second changes nothing", () => {
		for (const status of ["won", "lost", "paused"]) {
			const byHand = started().replace("status: active", `status: ${status}`);
			expect(touchesEndedByStatus(readNote(PATH, byHand, DEFAULT_SETTINGS).prospect!, MONDAY, DEFAULT_SETTINGS)).toBe(5);
			const first = endSequencesOnStatus(byHand, PATH, DEFAULT_SETTINGS, MONDAY);
			if (!first.ok) throw new Error(first.error);
			expect(first.cancelled, status).toBe(5);
			expect(first.end).toBe(status);
			expect(open(first.text)).toEqual(["- [ ] 2026-12-02 call: my own line"]);
			// Idempotent: the same edit seen again (a synced copy, a second device) writes the same bytes.
			const again = endSequencesOnStatus(first.text, PATH, DEFAULT_SETTINGS, MONDAY);
			expect(again).toMatchObject({ ok: true, cancelled: 0, text: first.text });
			expect(touchesEndedByStatus(readNote(PATH, first.text, DEFAULT_SETTINGS).prospect!, MONDAY, DEFAULT_SETTINGS)).toBe(0);
		}
	});

	it("an open status, a pause already over, or a sequence that does not end on it: nothing", () => {
		expect(endSequencesOnStatus(started().replace("status: active", "status: lead"), PATH, DEFAULT_SETTINGS, MONDAY)).toMatchObject({ ok: true, cancelled: 0 });
		const over = started().replace("status: active", "status: paused\npaused_until: 2026-11-20");
		expect(endSequencesOnStatus(over, PATH, DEFAULT_SETTINGS, MONDAY)).toMatchObject({ ok: true, cancelled: 0 });
		const settings = withSequences({ ...DEFAULT_SETTINGS.sequences[0], endsOn: ["won", "lost"] });
		expect(endSequencesOnStatus(started(settings).replace("status: active", "status: paused"), PATH, settings, MONDAY)).toMatchObject({ ok: true, cancelled: 0 });
	});

	it("refuses a note it cannot read, writing nothing", () => {
		const broken = started().replace("status: active", "status: won\ncompany: [oops");
		expect(endSequencesOnStatus(broken, PATH, DEFAULT_SETTINGS, MONDAY).ok).toBe(false);
	});

	it("touchbase status: sets the status and ends the sequence in one text; the same status again changes nothing", () => {
		const result = setStatus(started(), PATH, "Paused", DEFAULT_SETTINGS, MONDAY);
		if (!result.ok) throw new Error(result.error);
		expect(result).toMatchObject({ cancelled: 5, changed: true });
		expect(result.text).toContain("status: paused\n");
		expect(setStatus(result.text, PATH, "paused", DEFAULT_SETTINGS, MONDAY)).toMatchObject({ ok: true, changed: false, text: result.text });
		expect(setStatus(started(), PATH, "maybe", DEFAULT_SETTINGS, MONDAY).ok).toBe(false);
	});

	it("Mark won keeps the open touches of a sequence that does not end on won, and cancels the rest", () => {
		const settings = withSequences({ ...DEFAULT_SETTINGS.sequences[0], endsOn: ["answer", "lost"] });
		const result = closeProspect(started(settings), PATH, "won", "call", settings, MONDAY);
		if (!result.ok) throw new Error(result.error);
		expect(result.cancelled).toBe(1);
		expect(cancelled(result.text)).toEqual(["- [-] 2026-12-02 call: my own line"]);
		expect(open(result.text)).toHaveLength(5);
	});
});

describe("a step dated after the previous step", () => {
	const chained: Sequence = {
		name: "Chained",
		steps: [
			{ offset: 0, unit: "days", channel: "email", objective: "intro" },
			{ offset: 3, unit: "business days", after: "previous", channel: "call", objective: "check fit" },
			{ offset: 14, unit: "days", channel: "email", objective: "case study" },
		],
	};
	const settings = withSequences(chained);

	it("is stored as after: previous (or a unit written 'business days after previous'), never on the first step", () => {
		expect(settings.sequences[0].steps.map((s) => s.after)).toEqual([undefined, "previous", undefined]);
		const read = migrateSettings({ sequences: [{ name: "X", steps: [{ offset: 2, unit: "business days after previous", channel: "call" }] }] });
		expect(read.sequences[0].steps[0]).toEqual({ offset: 2, unit: "business days", after: "previous", channel: "call", objective: "" });
		// A first step that says "after previous" is dated from the start.
		expect(planSequence(read.sequences[0], MONDAY)!.map((p) => p.date)).toEqual(["2026-11-25"]);
	});

	it("is not written when the sequence starts: it waits for the step before it", () => {
		expect(planSequence(chained, MONDAY)!.map((p) => [p.date, p.step.objective])).toEqual([
			["2026-11-23", "intro"],
			["2026-12-07", "case study"],
		]);
		const text = started(settings, settings.sequences[0]);
		expect(open(text)).toEqual([
			"- [ ] 2026-12-02 call: my own line",
			"- [ ] 2026-11-23 email: intro #objective/intro #sequence/chained",
			"- [ ] 2026-12-07 email: case study #objective/case-study #sequence/chained",
		]);
	});

	it("is written when the step before is logged, dated from that day; a second log does not write it again", () => {
		const text = started(settings, settings.sequences[0]);
		// The intro email, done on Wednesday (two days late): the call is 3 business days after, Monday.
		const result = logTouch(text, PATH, { date: "2026-11-25", time: null, channel: "email", summary: "sent the intro", outcome: null, next: null, objective: null }, settings, "2026-11-25");
		if (!result.ok) throw new Error(result.error);
		expect(result.steps).toEqual([{ date: "2026-11-30", sequence: "Chained" }]);
		expect(result.text).toContain("- [x] 2026-11-23 email: intro #objective/intro #sequence/chained");
		expect(result.text).toContain("- 2026-11-25 email: sent the intro\n- [ ] 2026-11-30 call: check fit #objective/check-fit #sequence/chained\n");
		const prospect = readNote(PATH, result.text, settings).prospect!;
		const intro = prospect.touches.find((t) => t.raw.includes("email: intro"))!;
		expect(nextStepLines(prospect, intro, "2026-11-26", [], settings)).toEqual([]);
	});

	it("is not written when the touch that completes the step before also ends the sequence", () => {
		const text = started(settings, settings.sequences[0]);
		const result = logTouch(text, PATH, { date: MONDAY, time: null, channel: "email", summary: "they said no", outcome: "no", next: null, objective: null }, settings, MONDAY);
		if (!result.ok) throw new Error(result.error);
		expect(result.steps).toEqual([]);
		expect(result.cancelled).toBe(1);
		expect(result.text).not.toContain("check fit");
	});
});
