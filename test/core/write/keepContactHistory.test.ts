// `log` and every command keep history (README, "Bringing your existing notes"): the contact a
// last-contact key holds is written down before the key moves on.
import { describe, expect, it } from "vitest";
import { logTouch, type LogInput } from "../../../src/core/write/logTouch";
import { closeProspect } from "../../../src/core/write/closeProspect";
import { scheduleTouch } from "../../../src/core/write/scheduleTouch";
import { computeDue } from "../../../src/core/rules/due";
import { readNote } from "../../../src/core/read/note";
import { DEFAULT_SETTINGS } from "../../../src/core/settings/settings";

const S = DEFAULT_SETTINGS;
const PATH = "Prospects/Dana Whitfield.md";
const TODAY = "2026-11-23";
const INPUT: LogInput = { date: TODAY, time: null, channel: "call", summary: "walked through the quote", outcome: null, next: "2026-12-01", objective: null };

const count = (text: string): number => computeDue(readNote(PATH, text, S).prospect!, TODAY, S).doneCount;
const dates = (text: string): string[] => [...new Set(text.match(/\d{4}-\d{2}-\d{2}/g) ?? [])].sort();
/** The lines of `after` that `before` does not have. */
const added = (before: string, after: string): string[] => after.split("\n").filter((line) => !before.split("\n").includes(line));

describe.each(["last_contacted", "lastContact", "last-contact", "Last contacted", "last_spoke", "last_interaction", "last_meeting", "prm-last-contacted"])("log on a note with %s", (key) => {
	const before = `---\ncompany: Harbor Roofing\n${key}: 2026-11-10\nnext_contact: 2026-11-20\ncreated: 2026-10-01\n---\n# Dana Whitfield\n\nMet at the chamber mixer.\n`;

	it("writes the old contact down, then updates the keys in place: count + 1, every old date kept", () => {
		const out = logTouch(before, PATH, INPUT, S, TODAY);
		if (!out.ok) throw new Error(out.error);
		expect(count(before)).toBe(1);
		expect(count(out.text)).toBe(2);
		for (const date of dates(before)) expect(out.text, date).toContain(date);
		expect(added(before, out.text)).toEqual([
			`${key}: 2026-11-23`,
			"next_contact: 2026-12-01",
			"touches: 2",
			"## Follow-ups",
			`- 2026-11-10 last contact (from ${key}) → next: 2026-11-20`,
			"- 2026-11-23 call: walked through the quote → next: 2026-12-01",
		]);
		// No second, canonical key beside the note's own.
		expect(out.text).not.toContain("last_touch:");
		expect(out.text).not.toContain("next_follow_up:");
	});

	it("writes it once: a second log adds only its own line", () => {
		const first = logTouch(before, PATH, INPUT, S, TODAY);
		if (!first.ok) throw new Error(first.error);
		const second = logTouch(first.text, PATH, { ...INPUT, channel: "email", summary: "sent the recap", next: null }, S, TODAY);
		if (!second.ok) throw new Error(second.error);
		expect(count(second.text)).toBe(3);
		expect(added(first.text, second.text)).toEqual(["touches: 3", "- 2026-11-23 email: sent the recap"]);
		// An empty next step never wipes a pending one.
		expect(second.text).toContain("next_contact: 2026-12-01");
	});
});

describe("history in the other commands", () => {
	const before = "---\nlastContact: 2026-11-10\n---\n## Follow-ups\n";

	it("schedule and close keep the old contact too", () => {
		for (const out of [
			scheduleTouch(before, PATH, { date: "2026-12-02", time: null, channel: "call", summary: "check in", objective: null }, S, TODAY),
			closeProspect(before, PATH, "won", "call", S, TODAY),
		]) {
			if (!out.ok) throw new Error(out.error);
			expect(out.text).toContain("- 2026-11-10 last contact (from lastContact)");
			expect(out.text).toContain("2026-11-10");
			expect(count(out.text)).toBeGreaterThanOrEqual(1);
		}
	});

	it("never rolls the last contact back, for a touch logged in the past", () => {
		const out = logTouch(before, PATH, { ...INPUT, date: "2026-11-01", next: null }, S, TODAY);
		if (!out.ok) throw new Error(out.error);
		expect(out.text).toContain("lastContact: 2026-11-10");
		expect(count(out.text)).toBe(2);
	});

	it("writes nothing extra when a touch line already stands for the key's day", () => {
		const kept = "---\nlast_contacted: 2026-11-10\n---\n## Follow-ups\n- 2026-11-10 call: intro\n";
		const out = logTouch(kept, PATH, INPUT, S, TODAY);
		if (!out.ok) throw new Error(out.error);
		expect(out.text).not.toContain("last contact (from");
		expect(count(out.text)).toBe(2);
	});
});
