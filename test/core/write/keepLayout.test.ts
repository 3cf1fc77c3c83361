// Writes keep the user's layout and keys (README, "Logging a touch"): a new touch goes into the
// note's own history section, in that section's order, and no key the user wrote is removed.
// Each case gives the note's bytes before and after, whole.
import { describe, expect, it } from "vitest";
import { computeDue } from "../../../src/core/rules/due";
import { readNote } from "../../../src/core/read/note";
import { DEFAULT_SETTINGS } from "../../../src/core/settings/settings";
import { closeProspect } from "../../../src/core/write/closeProspect";
import { logTouch, type LogInput } from "../../../src/core/write/logTouch";
import { scheduleTouch } from "../../../src/core/write/scheduleTouch";
import { setStatus } from "../../../src/core/write/setStatus";
import { startSequence } from "../../../src/core/write/startSequence";

const S = DEFAULT_SETTINGS;
const PATH = "Prospects/Bright Smile Dental.md";
const TODAY = "2026-11-23";
const LOG: LogInput = { date: TODAY, time: null, channel: "call", summary: "walked through the quote", outcome: null, next: null, objective: null };

function logged(text: string, input: Partial<LogInput> = {}): string {
	const out = logTouch(text, PATH, { ...LOG, ...input }, S, TODAY);
	if (!out.ok) throw new Error(out.error);
	return out.text;
}

const due = (text: string) => computeDue(readNote(PATH, text, S).prospect!, TODAY, S);

/** Every spelling the next follow-up is read under (README, "Notes you already have"). */
const NEXT_KEYS = ["next_follow_up", "nextFollowUp", "next-follow-up", "Next follow up", "next_contact", "follow_up_date", "next_touch"];

describe.each(NEXT_KEYS)("a note whose next follow-up is `%s`", (key) => {
	const oldest = `---\nstatus: active\n${key}: 2026-11-20\n---\n# Bright Smile Dental\n\n## Log\n- 2026-11-10 email: sent the intro\n- 2026-11-17 call: left a voicemail\n\n## Notes\nTwo dentists, one office.\n`;
	const newest = `---\nstatus: active\n${key}: 2026-11-20\n---\n# Bright Smile Dental\n\n## Interactions\n- 2026-11-17 call: left a voicemail\n- 2026-11-10 email: sent the intro\n\n## Notes\nTwo dentists, one office.\n`;

	it("oldest first: the touch goes after the last contact; the key gets the cadence's date, never removed", () => {
		// Three done touches: the third cadence step (2w) after today.
		expect(logged(oldest)).toBe(
			`---\nstatus: active\n${key}: 2026-12-07\nlast_touch: 2026-11-23\ntouches: 3\n---\n# Bright Smile Dental\n\n## Log\n- 2026-11-10 email: sent the intro\n- 2026-11-17 call: left a voicemail\n- 2026-11-23 call: walked through the quote\n\n## Notes\nTwo dentists, one office.\n`,
		);
	});

	it("newest first: the touch goes at the top of the section; a promised next step is the key's date", () => {
		const out = logged(newest, { next: "2026-12-01" });
		expect(out).toBe(
			`---\nstatus: active\n${key}: 2026-12-01\nlast_touch: 2026-11-23\ntouches: 3\n---\n# Bright Smile Dental\n\n## Interactions\n- 2026-11-23 call: walked through the quote → next: 2026-12-01\n- 2026-11-17 call: left a voicemail\n- 2026-11-10 email: sent the intro\n\n## Notes\nTwo dentists, one office.\n`,
		);
		expect(due(out).next?.date).toBe("2026-12-01");
	});

	it("the key keeps a date still ahead when the touch promises nothing", () => {
		const ahead = oldest.replace(`${key}: 2026-11-20`, `${key}: 2026-12-10`);
		expect(logged(ahead)).toContain(`\n${key}: 2026-12-10\n`);
		expect(due(logged(ahead)).next?.date).toBe("2026-12-10");
	});
});

describe("where a touch goes", () => {
	it("a history heading with no contact yet takes it (Timeline, Contact log …)", () => {
		for (const heading of ["## Timeline", "## Contact log", "### History", "## Follow-ups"]) {
			const before = `# Acme\n\n${heading}\n\n## Notes\nx\n`;
			expect(logged(before), heading).toBe(`---\nlast_touch: 2026-11-23\ntouches: 1\n---\n# Acme\n\n${heading}\n- 2026-11-23 call: walked through the quote\n\n## Notes\nx\n`);
		}
	});

	it("only a note with no history gets the heading of the settings, at its end", () => {
		expect(logged("# Acme\n\nMet at the expo.\n")).toBe("---\nlast_touch: 2026-11-23\ntouches: 1\n---\n# Acme\n\nMet at the expo.\n\n## Follow-ups\n- 2026-11-23 call: walked through the quote\n");
	});

	it("a section of dated headings gets the plain touch line after its last contact", () => {
		const before = "## Meetings\n### 2026-11-10 — Call with Dana\nShe wants a quote.\n### 2026-11-17 — Call with Dana\nQuote sent.\n\n## Notes\nx\n";
		expect(logged(before)).toContain("### 2026-11-17 — Call with Dana\nQuote sent.\n- 2026-11-23 call: walked through the quote\n\n## Notes\n");
	});

	it("a table history keeps its table whole: the line goes after it, or above it when the newest row is first, a blank line between", () => {
		const table = "## Log\n| Date | Type | Notes |\n|---|---|---|\n| 2026-11-17 | Call | voicemail |\n| 2026-11-10 | Email | intro |\n\n## Notes\nx\n";
		expect(logged(table)).toContain("## Log\n- 2026-11-23 call: walked through the quote\n\n| Date | Type | Notes |\n");
		const ascending = "## Log\n| Date | Type | Notes |\n|---|---|---|\n| 2026-11-10 | Email | intro |\n| 2026-11-17 | Call | voicemail |\n\n## Notes\nx\n";
		expect(logged(ascending)).toContain("| 2026-11-17 | Call | voicemail |\n\n- 2026-11-23 call: walked through the quote\n\n## Notes\n");
	});

	it("a task list is no history: the contacts' own section takes the line", () => {
		const before = "## Tasks\n- [ ] Call Priya 📅 2026-11-25\n- [x] Send the deck 📅 2026-11-16 ✅ 2026-11-16\n\n## Calls\n- 2026-11-19 consult: class booking\n";
		expect(logged(before)).toContain("## Calls\n- 2026-11-19 consult: class booking\n- 2026-11-23 call: walked through the quote\n");
	});

	it("a scheduled line and a sequence's lines go into the history too, in its order", () => {
		const newest = "## Log\n- 2026-11-17 call: voicemail\n- 2026-11-10 email: intro\n";
		const scheduled = scheduleTouch(newest, PATH, { date: "2026-11-27", time: null, channel: "call", summary: "check in", objective: null }, S, TODAY);
		expect(scheduled.ok && scheduled.text).toContain("## Log\n- [ ] 2026-11-27 call: check in\n- 2026-11-17 call: voicemail\n");
		const started = startSequence(newest, PATH, S.sequences[0], TODAY, S, TODAY);
		if (!started.ok) throw new Error(started.error);
		const lines = started.text.split("\n").filter((l) => l.startsWith("- [ ]"));
		// Newest first, as the section is.
		expect(lines.map((l) => l.slice(6, 16))).toEqual([...lines.map((l) => l.slice(6, 16))].sort().reverse());
		expect(started.text.indexOf("- [ ]")).toBeLessThan(started.text.indexOf("- 2026-11-17"));
	});
});

describe("keys the user wrote", () => {
	it("keep their spelling when a command sets them (Status, Next Contact)", () => {
		const before = "---\nStatus: active\nNext Contact: 2026-11-20\n---\n## Log\n- 2026-11-17 call: voicemail\n";
		const won = closeProspect(before, PATH, "won", "call", S, TODAY);
		if (!won.ok) throw new Error(won.error);
		expect(won.text.split("\n---\n")[0]).toBe("---\nStatus: won\nNext Contact: 2026-11-20\nlast_touch: 2026-11-23\ntouches: 2");
	});

	it("`status` sets the status, cancels what it ends, and brings touches and dates in line: nothing is removed", () => {
		const before = "---\nstatus: active\nnextFollowUp: 2026-11-30\nlast_touch: 2026-11-17\ntouches: 1\n---\n## Log\n- 2026-11-17 call: voicemail\n- [ ] 2026-11-25 email: thank you #sequence/trade-show-lead\n";
		const out = setStatus(before, PATH, "paused", S, TODAY);
		if (!out.ok) throw new Error(out.error);
		expect(out.text).toBe("---\nstatus: paused\nnextFollowUp: 2026-11-30\nlast_touch: 2026-11-17\ntouches: 1\n---\n## Log\n- 2026-11-17 call: voicemail\n- [-] 2026-11-25 email: thank you #sequence/trade-show-lead\n");
	});

	it("`touches:` counts the touches interaction notes give the prospect, each day once", () => {
		const before = "---\ntouches: 1\n---\n## Log\n- 2026-11-17 call: voicemail\n";
		const meeting = { ...readNote(PATH, "- 2026-11-19 meeting: demo\n", S).prospect!.touches[0], line: 0, raw: "", from: "interaction" as const, source: "Meetings/2026-11-19 Demo.md" };
		const sameDay = { ...meeting, date: "2026-11-23", source: "Meetings/2026-11-23 Call.md" };
		const out = logTouch(before, PATH, LOG, S, TODAY, [meeting, sameDay]);
		if (!out.ok) throw new Error(out.error);
		// 11-17, 11-19 (the meeting note), 11-23 (the touch and the call note: one day, one touch).
		expect(out.text).toContain("touches: 3\n");
	});
});
