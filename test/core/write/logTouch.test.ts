import { describe, expect, it } from "vitest";
import { computeDue } from "../../../src/core/rules/due";
import { logTouch, logTouchBody, type LogInput } from "../../../src/core/write/logTouch";
import { mirrorKeys } from "../../../src/core/write/mirrors";
import { readNote } from "../../../src/core/read/note";
import { migrateSettings } from "../../../src/core/settings/settings";

const settings = migrateSettings(undefined);
const PATH = "Prospects/Acme Roofing.md";
const TODAY = "2026-11-23";

const input = (over: Partial<LogInput> = {}): LogInput => ({
	date: TODAY,
	time: null,
	channel: "call",
	summary: "walked through quote #2",
	outcome: null,
	next: null,
	objective: null,
	...over,
});

function logged(text: string, over: Partial<LogInput> = {}, today = TODAY): { text: string; line: string } {
	const result = logTouch(text, PATH, input(over), settings, today);
	if (!result.ok) throw new Error(`log refused: ${result.error}`);
	return { text: result.text, line: result.line ?? "" };
}

const due = (text: string, today = TODAY) => {
	const prospect = readNote(PATH, text, settings).prospect;
	if (!prospect) throw new Error("not a prospect");
	return computeDue(prospect, today, settings);
};

const NOTE = [
	"---",
	"company: Acme Roofing",
	"channel: call",
	"next_follow_up: 2026-11-20",
	"touches: 1",
	"value: 9000",
	"---",
	"# Acme Roofing",
	"",
	"## Follow-ups",
	"- 2026-11-17 consult: roof quote → next: in 3 days call",
	"- [ ] 2026-11-20 call: check on the quote",
	"- [ ] 2026-12-01 email: send the case study",
	"",
	"## Notes",
	"Mike prefers mornings.",
	"",
].join("\n");

describe("logTouch", () => {
	it("appends the templated line, checks off the open touch it fulfils, and mirrors the frontmatter", () => {
		const out = logged(NOTE, { outcome: "next step", next: "in 2 days email the revised quote" });
		expect(out.line).toBe("- 2026-11-23 call: walked through quote #2 (outcome: next step) → next: 2026-11-25 email the revised quote");
		expect(out.text).toBe(
			[
				"---",
				"company: Acme Roofing",
				"channel: call",
				"next_follow_up: 2026-11-25",
				"touches: 3",
				"value: 9000",
				"last_touch: 2026-11-23",
				"---",
				"# Acme Roofing",
				"",
				"## Follow-ups",
				"- 2026-11-17 consult: roof quote → next: in 3 days call",
				"- [x] 2026-11-20 call: check on the quote",
				"- [ ] 2026-12-01 email: send the case study",
				out.line,
				"",
				"## Notes",
				"Mike prefers mornings.",
				"",
			].join("\n"),
		);
		const after = due(out.text);
		expect(after.next).toMatchObject({ date: "2026-11-25", suggested: false, channel: "email" });
		expect(after.lastTouch?.date).toBe("2026-11-23");
	});

	it("writes the time, the objective-free summary on one line, and the outcome", () => {
		const out = logged(NOTE, { time: "14:30", summary: "  said yes\non the phone ", outcome: "yes", channel: "Phone" });
		expect(out.line).toBe("- 2026-11-23 14:30 phone: said yes on the phone (outcome: yes)");
	});

	it("resolves a natural-language next step relative to the touch's own date, not today", () => {
		const out = logged(NOTE, { date: "2026-11-20", next: "in 3 days" }, TODAY);
		expect(out.line).toBe("- 2026-11-20 call: walked through quote #2 → next: 2026-11-23");
		// 2026-11-20 is a Friday: a bare weekday is the next one strictly after it.
		expect(logged(NOTE, { date: "2026-11-20", next: "friday call" }).line).toMatch(/→ next: 2026-11-27 call$/);
		expect(logged(NOTE, { date: "2026-11-18", next: "tomorrow" }).line).toMatch(/→ next: 2026-11-19$/);
	});

	it("checks off only an open touch that is due by the touch's date, the same channel first", () => {
		const note = "---\nchannel: call\n---\n## Follow-ups\n- [ ] 2026-11-18 email: send pricing\n- [ ] 2026-11-21 call: check in\n- [ ] 2026-11-30 call: later\n";
		const call = logged(note, { channel: "call" }).text;
		expect(call).toContain("- [ ] 2026-11-18 email: send pricing\n- [x] 2026-11-21 call: check in\n- [ ] 2026-11-30 call: later\n");
		const email = logged(note, { channel: "email" }).text;
		expect(email).toContain("- [x] 2026-11-18 email: send pricing\n- [ ] 2026-11-21 call: check in\n- [ ] 2026-11-30 call: later\n");
		const text = logged(note, { channel: "text" }).text;
		expect(text).toContain("- [x] 2026-11-18 email: send pricing\n- [ ] 2026-11-21 call: check in\n");
		const early = logged(note, { channel: "call", date: "2026-11-17" }).text;
		expect(early).toContain("- [ ] 2026-11-18 email: send pricing\n- [ ] 2026-11-21 call: check in\n- [ ] 2026-11-30 call: later\n");
	});

	it("does not check off an open touch inside a comment or a code block", () => {
		const note = "## Follow-ups\n<!--\n- [ ] 2026-11-14 call: old\n-->\n```\n- [ ] 2026-11-15 call: example\n```\n- 2026-11-10 call: hi\n";
		const out = logTouch(note, PATH, input(), settings, TODAY);
		expect(out.ok && out.text).toBe(
			"---\nlast_touch: 2026-11-23\ntouches: 2\n---\n## Follow-ups\n<!--\n- [ ] 2026-11-14 call: old\n-->\n```\n- [ ] 2026-11-15 call: example\n```\n- 2026-11-10 call: hi\n- 2026-11-23 call: walked through quote #2\n",
		);
	});

	it("creates the follow-up heading at the end when the note has none", () => {
		const note = "---\ntype: prospect\n---\n# Acme\n\nMet at the mixer.";
		const out = logTouch(note, "Clients/Acme.md", input({ next: "2026-12-01" }), settings, TODAY);
		expect(out.ok && out.text).toBe(
			"---\ntype: prospect\nlast_touch: 2026-11-23\ntouches: 1\nnext_follow_up: 2026-12-01\n---\n# Acme\n\nMet at the mixer.\n\n## Follow-ups\n- 2026-11-23 call: walked through quote #2 → next: 2026-12-01",
		);
	});

	it("keeps CRLF and a byte-order mark, and changes nothing but its own lines", () => {
		const before = `\uFEFF${NOTE.replace(/\n/g, "\r\n")}`;
		const out = logged(before, { next: "2026-11-30" });
		const expected = `\uFEFF${logged(NOTE, { next: "2026-11-30" }).text.replace(/\n/g, "\r\n")}`;
		expect(out.text).toBe(expected);
	});

	it("gives a stale next_follow_up the cadence's date when nothing explicit follows, never removing the key", () => {
		const note = "---\nnext_follow_up: 2026-11-20\n---\n## Follow-ups\n- 2026-11-17 consult: quote\n";
		const out = logged(note);
		// Two done touches: the second cadence step (1w), the date the due list showed.
		const body = logTouchBody(note, PATH, input(), settings);
		if (!body.ok) throw new Error(body.error);
		expect(due(body.text).next).toMatchObject({ date: "2026-11-30", suggested: true });
		expect(out.text).toBe("---\nnext_follow_up: 2026-11-30\nlast_touch: 2026-11-23\ntouches: 2\n---\n## Follow-ups\n- 2026-11-17 consult: quote\n- 2026-11-23 call: walked through quote #2\n");
		expect(due(out.text).next).toMatchObject({ date: "2026-11-30" });
	});

	it("keeps the promised next step when the touch it fulfils had a time and the log has none, counting the call once", () => {
		const note = "---\nchannel: call\n---\n## Follow-ups\n- [x] 2026-11-18 14:30 email: sent quote #2\n- [ ] 2026-11-23 14:30 call: walk through quote #2\n";
		const out = logged(note, { next: "in 3 days" });
		expect(out.text).toBe(
			"---\nchannel: call\nlast_touch: 2026-11-23\ntouches: 2\nnext_follow_up: 2026-11-26\n---\n## Follow-ups\n- [x] 2026-11-18 14:30 email: sent quote #2\n- [x] 2026-11-23 14:30 call: walk through quote #2\n- 2026-11-23 call: walked through quote #2 → next: 2026-11-26\n",
		);
		expect(due(out.text).next).toMatchObject({ date: "2026-11-26", suggested: false });
	});

	it("does not let the next step of a touch logged in the past override a later touch", () => {
		const note = "---\nchannel: call\n---\n## Follow-ups\n- 2026-11-20 call: checked in\n";
		const out = logged(note, { date: "2026-11-10", next: "in 3 days" });
		expect(out.text).toBe(
			"---\nchannel: call\nlast_touch: 2026-11-20\ntouches: 2\n---\n## Follow-ups\n- 2026-11-20 call: checked in\n- 2026-11-10 call: walked through quote #2 → next: 2026-11-13\n",
		);
	});

	it("mirrors the earliest open scheduled touch as next_follow_up", () => {
		const out = logged(NOTE);
		expect(out.text).toContain("next_follow_up: 2026-12-01\n");
	});

	it("updates the note's own keys in place, adds no canonical key beside them, and writes the old contact down first", () => {
		const note = "---\nCompany: Bright Smile\nnextFollowUp: 2026-11-23\nLast contacted: 2026-11-16\n---\n# Bright Smile\n";
		expect(due(note).doneCount).toBe(1);
		const out = logged(note, { next: "in 1 week" });
		expect(out.text).toBe(
			"---\nCompany: Bright Smile\nnextFollowUp: 2026-11-30\nLast contacted: 2026-11-23\ntouches: 2\n---\n# Bright Smile\n\n## Follow-ups\n- 2026-11-16 last contact (from Last contacted) → next: 2026-11-23\n- 2026-11-23 call: walked through quote #2 → next: 2026-11-30\n",
		);
		expect(due(out.text).doneCount).toBe(2);
	});

	it("keeps a next_follow_up synonym in sync, so the old date cannot win over the new one", () => {
		const note = "---\ntags: [prospect]\nnext_contact: 2026-12-04\n---\n## Follow-ups\n- 2026-11-20 lunch: talked galleries\n";
		const out = logged(note, { next: "2026-12-20" });
		expect(out.text).toBe(
			"---\ntags: [prospect]\nnext_contact: 2026-12-20\nlast_touch: 2026-11-23\ntouches: 2\n---\n## Follow-ups\n- 2026-11-20 lunch: talked galleries\n- 2026-11-23 call: walked through quote #2 → next: 2026-12-20\n",
		);
		expect(due(out.text).next?.date).toBe("2026-12-20");
	});

	describe("refuses, changing nothing", () => {
		it("a note with broken frontmatter", () => {
			const note = "---\ncompany: Quarry\ntags: [prospect, masonry\n---\n## Follow-ups\n";
			const out = logTouch(note, PATH, input(), settings, TODAY);
			expect(out.ok).toBe(false);
			expect(!out.ok && out.error).toMatch(/^line \d+: malformed frontmatter/);
			expect(logTouchBody(note, PATH, input(), settings).ok).toBe(false);
		});
		it("a next step that cannot be read, or is not after the touch", () => {
			expect(logTouch(NOTE, PATH, input({ next: "whenever suits" }), settings, TODAY)).toMatchObject({ ok: false });
			expect(logTouch(NOTE, PATH, input({ next: "2026-11-23" }), settings, TODAY)).toMatchObject({ ok: false });
			expect(logTouch(NOTE, PATH, input({ next: "2026-02-30" }), settings, TODAY)).toMatchObject({ ok: false });
		});
		it("a date that does not exist", () => {
			expect(logTouch(NOTE, PATH, input({ date: "2026-02-30" }), settings, TODAY)).toMatchObject({ ok: false });
		});
	});
});

describe("logTouchBody", () => {
	it("leaves the frontmatter to the caller", () => {
		const out = logTouchBody(NOTE, PATH, input(), settings);
		expect(out.ok && out.text).toBe(
			NOTE.replace("- [ ] 2026-11-20", "- [x] 2026-11-20").replace(
				"- [ ] 2026-12-01 email: send the case study\n",
				"- [ ] 2026-12-01 email: send the case study\n- 2026-11-23 call: walked through quote #2\n",
			),
		);
	});

	it("fills {{touch}} and {{fm.KEY}} in a custom template", () => {
		const custom = { ...settings, templates: { ...settings.templates, touch: "- {{date}} {{channel}}: {{summary}} ({{touch}} touch, {{fm.value}})" } };
		const out = logTouchBody(NOTE, PATH, input(), custom);
		expect(out.line).toBe("- 2026-11-23 call: walked through quote #2 (2nd touch, 9000)");
	});
});

describe("mirrorKeys", () => {
	it("gives last_touch, touches and next_follow_up as the note stands", () => {
		expect(mirrorKeys(NOTE, PATH, settings, TODAY)).toEqual([
			["last_touch", "2026-11-17"],
			["touches", 1],
			["next_follow_up", "2026-11-20"],
		]);
	});

	it("does not let the old next_follow_up vote for itself, and keeps it while it is still pending", () => {
		// Stale (before the last touch): it takes the date the due list shows, the cadence's.
		const stale = "---\nnext_follow_up: 2026-11-10\n---\n- 2026-11-17 consult: quote\n";
		expect(mirrorKeys(stale, PATH, settings, TODAY)).toEqual([
			["last_touch", "2026-11-17"],
			["touches", 1],
			["next_follow_up", "2026-11-20"],
		]);
		// An empty next step never wipes a pending one.
		const pending = "---\nnext_follow_up: 2026-12-10\n---\n- 2026-11-17 consult: quote\n";
		expect(mirrorKeys(pending, PATH, settings, TODAY)).toEqual([
			["last_touch", "2026-11-17"],
			["touches", 1],
		]);
	});

	it("leaves next_follow_up out when there is none and the note never had one", () => {
		expect(mirrorKeys("- 2026-11-17 consult: quote\n", PATH, settings, TODAY)).toEqual([
			["last_touch", "2026-11-17"],
			["touches", 1],
		]);
	});

	it("includes the synonyms the note uses, and next_action only when it holds a date", () => {
		const note = "---\nNext contact: 2026-12-04\nnext_action: send the proposal\nfollowUpDate: 2026-12-06\nlastContacted: 2026-11-02\n---\n- 2026-11-17 consult: quote\n- [ ] 2026-11-28 call: check in\n";
		// The note's own keys, in place; no canonical key beside them. lastContacted's 11-02 is
		// another day's contact: it counts.
		expect(mirrorKeys(note, PATH, settings, TODAY)).toEqual([
			["lastContacted", "2026-11-17"],
			["touches", 2],
			["Next contact", "2026-11-28"],
			["followUpDate", "2026-11-28"],
		]);
		const dated = "---\nnext_action: 2026-11-10\n---\n- 2026-11-17 consult: quote\n";
		expect(mirrorKeys(dated, PATH, settings, TODAY)).toEqual([
			["last_touch", "2026-11-17"],
			["touches", 1],
			["next_action", "2026-11-20"],
		]);
	});

	it("lets a Dataview next field in the body count, as the due list does", () => {
		const note = "---\nnext_follow_up: 2026-12-10\n---\n- 2026-11-20 call: partners meet Wednesday\n\nReconnect after that [next:: 2026-11-26].\n";
		expect(mirrorKeys(note, PATH, settings, TODAY)).toEqual([
			["last_touch", "2026-11-20"],
			["touches", 1],
			["next_follow_up", "2026-11-26"],
		]);
	});

	it("is empty for a note that is not a prospect", () => {
		expect(mirrorKeys("- 2026-11-17 consult: quote\n", "Notes/Daily.md", settings, TODAY)).toEqual([]);
	});
});
