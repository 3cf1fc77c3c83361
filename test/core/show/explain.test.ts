import { describe, expect, it } from "vitest";
import { explainNote, explainProspect, sourcesLine } from "../../../src/core/show/explain";
import { DEFAULT_SETTINGS } from "../../../src/core/settings/settings";
import { ProspectIndex } from "../../../src/core/index/prospectIndex";

const TODAY = "2026-11-28";
const NOTE = [
	"---",
	"last_contacted: 2026-10-01",
	"created: 2026-09-01",
	"birthday: 1980-05-04",
	"---",
	"## Log",
	"- 2026-10-20 call: walked through the quote",
	"- **Demo:** 2026-11-02 (went well)",
	"Deadline: 2026-12-15",
	"| Date | Type | Notes |",
	"|---|---|---|",
	"| 2026-11-10 | Email | sent the proposal |",
	"### 2026-11-12 — Call with Dana",
	"- [x] Discovery call -- 2026-11-14",
	"**Next Action:** follow up Wed Dec 2",
	"We met on 2026-08-30 at the fair.",
	"",
].join("\n");

function vault(): ProspectIndex {
	const index = new ProspectIndex(DEFAULT_SETTINGS);
	index.update("Prospects/Dana.md", NOTE);
	index.update("Interactions/2026-11-20 Call with Dana.md", "---\ncontact: \"[[Dana]]\"\n---\nNotes\n");
	return index;
}

describe("explain", () => {
	it("lists every date taken, with its rule and what it became, and every dated line not used, with why", () => {
		const report = vault().report(TODAY);
		const text = explainProspect(report.entries[0], DEFAULT_SETTINGS, TODAY).join("\n");
		expect(text).toContain("2026-10-20  touch line, line 7 → done touch (call)");
		expect(text).toContain("2026-11-02  label line, line 8 → done touch");
		expect(text).toContain("2026-11-10  table row, line 12 → done touch (email)");
		expect(text).toContain("2026-11-12  dated heading, line 13 → done touch (call)");
		expect(text).toContain("2026-11-14  dated task, line 14 → done touch (call)");
		expect(text).toContain("2026-11-20  interaction note Interactions/2026-11-20 Call with Dana.md → done touch (call)");
		expect(text).toContain("2026-10-01  frontmatter key last_contacted (line 2) → one touch on that day");
		expect(text).toContain("2026-12-02  label line, line 15 → a next step");
		expect(text).toContain("Due: 2026-12-02 (next_follow_up, line 15)");
		expect(text).toMatch(/line 9: Deadline: 2026-12-15 {2}\("Deadline": not a contact/);
		// "We met" is a contact verb: a sentence that says so is a contact.
		expect(text).toContain("2026-08-30  sentence, line 16 → done touch (meeting): We met at the fair");
		expect(text).toContain("birthday: 1980-05-04  (not a contact or next-step key)");
		expect(text).toContain("created: 2026-09-01  (the note's creation");
		expect(report.entries[0].doneCount).toBe(8);
	});

	it("says where the touches came from, in one line", () => {
		expect(sourcesLine(vault().report(TODAY))).toBe(
			"from: 1 touch line, 1 frontmatter key, 1 label line, 1 sentence, 1 heading, 1 table row, 1 task, 1 interaction note",
		);
		expect(sourcesLine(new ProspectIndex(DEFAULT_SETTINGS).report(TODAY))).toBe("from: no touches yet");
	});
});

describe("explain tells everything about the note", () => {
	const TEXT = [
		"---",
		"status: maybe",
		"cadence: every blue moon",
		"next_follow_up: 2026-02-30",
		"company: Acme",
		"birthday: 1980-05-04",
		"---",
		"- 2026-11-20 call: quote sent → next: in 3 days email",
		"- 2026-11-24 email: no answer → next: someday soon",
		"- [ ] 2026-12-01 call: check on the quote",
		"",
	].join("\n");

	it("names the vault first, then every problem due lists, each promise and each key with its line", () => {
		const index = new ProspectIndex(DEFAULT_SETTINGS);
		index.update("Prospects/Acme.md", TEXT);
		const report = index.report(TODAY);
		const problems = report.problems.filter((p) => p.path === "Prospects/Acme.md");
		expect(problems.length).toBeGreaterThanOrEqual(3);
		const lines = explainNote({ entry: report.entries[0], settings: DEFAULT_SETTINGS, today: TODAY, vault: "/home/me/Vault", text: TEXT, problems });
		expect(lines[0]).toBe("Vault: /home/me/Vault");
		const text = lines.join("\n");
		// Every problem of due, with its line.
		for (const p of problems) expect(text).toContain(`  line ${p.line}: ${p.message}`);
		expect(text).toContain(`Problems (${problems.length}):`);
		// Each promise with its line: the next: steps, the scheduled line (the one due).
		expect(text).toContain("  line 8: 2026-11-23 email, promised by next: on the touch of 2026-11-20 → a later touch came: done");
		expect(text).toContain("  line 10: 2026-12-01 call, scheduled → due");
		expect(text).toContain("Due: 2026-12-01 (scheduled, line 10)");
		// Each key it read, with its line; a key it does not read is not listed.
		expect(text).toContain("Keys used:\n  line 2: status: maybe\n  line 3: cadence: every blue moon\n  line 4: next_follow_up: 2026-02-30\n  line 5: company: Acme\n");
		expect(text).not.toContain("line 6: birthday");
	});

	it("says so when there is no problem and no frontmatter", () => {
		const index = new ProspectIndex(DEFAULT_SETTINGS);
		index.update("Prospects/B.md", "- 2026-11-20 call: hi\n");
		const report = index.report(TODAY);
		const text = explainNote({ entry: report.entries[0], settings: DEFAULT_SETTINGS, today: TODAY, vault: "V", text: "- 2026-11-20 call: hi\n", problems: [] }).join("\n");
		expect(text).toContain("Problems: none");
		expect(text).toContain("Keys used: none (no frontmatter)");
	});
});

describe("explain shows the judgement", () => {
	it("gives each dated line's cues and its year's source, and why a line is not used", () => {
		const index = new ProspectIndex(DEFAULT_SETTINGS);
		index.update("Prospects/Ada.md", "---\ncreated: 2026-01-05\n---\n## Log\n- Feb 20 — intro call via Tom\n- 2026-01-10 — call with Ada\n- Birthday: March 4\nFollow up with Ada by Mar 20, 2026.\n");
		const text = explainProspect(index.report(TODAY).entries[0], DEFAULT_SETTINGS, TODAY).join("\n");
		expect(text).toContain('2026-02-20  dated list item, line 5 → done touch (call): intro call via Tom  [cues: word "intro", section "Log"; year from the nearest full date (line 6)]');
		expect(text).toContain('2026-03-20  sentence, line 8 → a next step  [cues: word "Follow up", section "Log", time "by DATE"]');
		expect(text).toContain('line 7: - Birthday: March 4  ("Birthday": not a contact)  [cues: section "Log"]');
		// A plan word shows as the cue that made a line a next step (README, "Plans written in prose").
		const plan = new ProspectIndex(DEFAULT_SETTINGS);
		plan.update("Prospects/Cy.md", "## Log\n- 2026-11-02 — call with Cy\n- Face-to-face meeting w/c 7 Dec 2026\n- Audit w/c 14 Dec 2026\n");
		const planned = explainProspect(plan.report(TODAY).entries[0], DEFAULT_SETTINGS, TODAY).join("\n");
		expect(planned).toContain('2026-12-07  dated list item, line 3 → a next step  [cues: word "meeting", section "Log", time plan "w/c"]');
		expect(planned).toContain('line 4: - Audit w/c 14 Dec 2026  (a plan that names no contact (call, meeting …))  [cues: section "Log", plan "w/c"]');
		// A plain bullet with no cue at all, outside a log section: said so.
		const other = new ProspectIndex(DEFAULT_SETTINGS);
		other.update("Prospects/Bo.md", "## Notes\n- 2026-03-02 — Bo, about the roof\n- Mar 3, 2026 the roof\n");
		expect(explainProspect(other.report(TODAY).entries[0], DEFAULT_SETTINGS, TODAY).join("\n")).toContain("line 3: - Mar 3, 2026 the roof  (a dated list item that names no contact (call, meeting …))");
	});
});
