import { describe, expect, it } from "vitest";
import { closeBody } from "../../../src/core/write/closeProspect";
import { draftBody } from "../../../src/core/write/draftFollowUp";
import { newProspectText, prospectFileName } from "../../../src/core/write/newProspect";
import { scheduleTouchBody } from "../../../src/core/write/scheduleTouch";
import { snoozeBody, type DueTarget } from "../../../src/core/write/snoozeTouch";
import { computeDue } from "../../../src/core/rules/due";
import { readFrontmatter } from "../../../src/core/text/frontmatter";
import { readNote } from "../../../src/core/read/note";
import { DEFAULT_SETTINGS } from "../../../src/core/settings/settings";

const PATH = "Prospects/Acme.md";
const S = DEFAULT_SETTINGS;
const TODAY = "2026-11-23";

function ok(result: { ok: boolean; text?: string; error?: string }): string {
	if (!result.ok) throw new Error(result.error);
	return result.text!;
}

function dueOf(text: string, today = TODAY) {
	return computeDue(readNote(PATH, text, S).prospect!, today, S);
}

function targetOf(text: string, today = TODAY): DueTarget {
	const due = dueOf(text, today);
	const p = readNote(PATH, text, S).prospect!;
	const line = due.next!.line;
	return { source: due.next!.source, line, raw: p.touches.find((t) => t.line === line)?.raw ?? null, channel: due.next!.channel, text: due.next!.text };
}

describe("scheduleTouchBody", () => {
	it("appends an open touch line under the follow-up heading, objective as a tag", () => {
		const text = "# Acme\n## Follow-ups\n- 2026-11-20 call: intro\n\n## Notes\nprose\n";
		const out = ok(scheduleTouchBody(text, PATH, { date: "2026-11-27", time: "10:00", channel: "Call", summary: "check on the quote", objective: "check on quote" }, S));
		expect(out).toBe("# Acme\n## Follow-ups\n- 2026-11-20 call: intro\n- [ ] 2026-11-27 10:00 call: check on the quote #objective/check-on-quote\n\n## Notes\nprose\n");
		expect(dueOf(out).next).toMatchObject({ date: "2026-11-27", time: "10:00", source: "scheduled", objective: "check-on-quote" });
	});

	it("refuses a note with broken frontmatter, or one that is not a prospect", () => {
		expect(scheduleTouchBody("---\na: [\n---\n", PATH, { date: "2026-11-27", time: null, channel: "call", summary: "x", objective: null }, S)).toMatchObject({ ok: false, error: expect.stringContaining("frontmatter") });
		expect(scheduleTouchBody("text\n", "Notes/X.md", { date: "2026-11-27", time: null, channel: "call", summary: "x", objective: null }, S)).toMatchObject({ ok: false, error: expect.stringContaining("not a prospect") });
	});
});

describe("snoozeBody", () => {
	it("moves a scheduled line's date and nothing else", () => {
		const text = "## Follow-ups\r\n- [ ] [[2026-11-20]] 09:30 call: check\r\n- 2026-11-10 call: intro\r\n";
		const out = ok(snoozeBody(text, PATH, targetOf(text), "2026-11-26", undefined, S));
		expect(out).toBe("## Follow-ups\r\n- [ ] [[2026-11-26]] 09:30 call: check\r\n- 2026-11-10 call: intro\r\n");
		expect(dueOf(out).next?.date).toBe("2026-11-26");
	});

	it("moves the date of a promised next step inside its clause", () => {
		const text = "- 2026-11-17 consult: quote → next: in 2 days email (outcome: next step)\n";
		const out = ok(snoozeBody(text, PATH, targetOf(text), "2026-11-25", undefined, S));
		expect(out).toBe("- 2026-11-17 consult: quote → next: 2026-11-25 email (outcome: next step)\n");
		expect(dueOf(out).next).toMatchObject({ date: "2026-11-25", channel: "email" });
	});

	it("turns a cadence suggestion into a scheduled touch, beside the note's contacts", () => {
		const text = "- 2026-11-17 call: intro\n";
		expect(dueOf(text).next?.suggested).toBe(true);
		const out = ok(snoozeBody(text, PATH, targetOf(text), "2026-11-26", undefined, S));
		expect(out).toBe("- 2026-11-17 call: intro\n- [ ] 2026-11-26 email: follow up\n");
		expect(dueOf(out).next).toMatchObject({ date: "2026-11-26", suggested: false });
	});

	it("leaves the body alone for a next_follow_up (the frontmatter is the caller's)", () => {
		const text = "---\nnext_follow_up: 2026-11-20\n---\n";
		expect(ok(snoozeBody(text, PATH, targetOf(text), "2026-11-26", undefined, S))).toBe(text);
	});

	it("finds a line that moved, and refuses when it is gone or ambiguous", () => {
		const text = "- [ ] 2026-11-20 call: check\n";
		const target = targetOf(text);
		const moved = "intro line\n- [ ] 2026-11-20 call: check\n";
		expect(ok(snoozeBody(moved, PATH, target, "2026-11-26", undefined, S))).toBe("intro line\n- [ ] 2026-11-26 call: check\n");
		expect(snoozeBody("- [ ] 2026-11-21 call: check\n", PATH, target, "2026-11-26", undefined, S)).toMatchObject({ ok: false, error: expect.stringContaining("no longer") });
		const twice = "x\n- [ ] 2026-11-20 call: check\n- [ ] 2026-11-20 call: check\n";
		expect(snoozeBody(twice, PATH, target, "2026-11-26", undefined, S)).toMatchObject({ ok: false, error: expect.stringContaining("more than once") });
	});
});

describe("draftBody", () => {
	it("adds the draft under Drafts and schedules sending it at the first cadence step", () => {
		const text = "---\ncontact: Dana\n---\n## Follow-ups\n- 2026-11-23 consult: roof quote\n";
		const result = draftBody(text, PATH, { recap: "a new roof before March", gift: "our maintenance checklist", ask: "a call on Friday" }, S, TODAY);
		const out = ok(result);
		expect(out).toContain("## Drafts\n### 2026-11-23 follow-up to Dana\nHi Dana,\n");
		expect(out).toContain("To recap what we discussed: a new roof before March");
		expect(out).toContain("I thought this might help: our maintenance checklist");
		expect(out).toContain("Next step: a call on Friday");
		expect(out).toContain("- [ ] 2026-11-26 email: send drafted follow-up #objective/send-draft\n");
		expect(out.startsWith("---\ncontact: Dana\n---\n## Follow-ups\n- 2026-11-23 consult: roof quote\n- [ ] 2026-11-26")).toBe(true);
	});

	it("leaves out the optional parts that are empty", () => {
		const out = ok(draftBody("---\ncontact: Dana\n---\n", PATH, { recap: "r", gift: "", ask: "" }, S, TODAY));
		expect(out).not.toContain("might help");
		expect(out).not.toContain("Next step:");
	});
});

describe("closeBody", () => {
	it("cancels the open touches, keeps them, and logs the closing touch", () => {
		const text = "## Follow-ups\n- 2026-11-10 call: intro\n- [ ] 2026-11-25 call: check\n- 2026-12-01 email: future, no box\n";
		const result = closeBody(text, PATH, "won", TODAY, "call", S);
		expect(result).toMatchObject({ ok: true, cancelled: 2 });
		expect(ok(result)).toBe("## Follow-ups\n- 2026-11-10 call: intro\n- [-] 2026-11-25 call: check\n- [-] 2026-12-01 email: future, no box\n- 2026-11-23 call: won (outcome: yes)\n");
	});
});

describe("new prospects", () => {
	it("fills the template, and quotes values that would break the YAML", () => {
		const plain = newProspectText({ name: "Acme", company: "Acme Roofing", contact: "Dana" }, S, TODAY);
		expect(plain).toContain("company: Acme Roofing\ncontact: Dana\n");
		expect(plain).toContain("created: 2026-11-23\n");
		const tricky = newProspectText({ name: "Acme", company: "Acme: Roofing & Sons", contact: "[Dana]" }, S, TODAY);
		const fm = readFrontmatter(tricky);
		expect(fm.ok && fm.data).toMatchObject({ company: "Acme: Roofing & Sons", contact: "[Dana]", type: "prospect" });
		expect(readNote("Prospects/Acme.md", plain, S).prospect?.status).toBe("lead");
	});

	it("makes a safe file name", () => {
		expect(prospectFileName("Acme / Roofing: #1?")).toBe("Acme Roofing 1");
		expect(prospectFileName("  ")).toBe("");
	});
});
