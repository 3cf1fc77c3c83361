import { describe, expect, it } from "vitest";
import { parseClauses } from "../../../src/core/text/clauses";

describe("parseClauses: next:", () => {
	it("reads the spec's example and keeps the summary before it", () => {
		expect(parseClauses("roof inspection quote; needs it before March → next: in 2 days email")).toEqual({
			summary: "roof inspection quote; needs it before March",
			next: "in 2 days email",
			outcome: null,
			objective: null,
		});
	});

	it.each([
		["→ next: friday call", "→"],
		["-> next: friday call", "->"],
		["next: friday call", "no arrow"],
		["→next: friday call", "arrow without space"],
		["->next:friday call", "nothing between"],
		["Next: friday call", "capitalised"],
		["NEXT: friday call", "upper case"],
	])("reads %s (%s)", (clause) => {
		const c = parseClauses(`sent the agenda ${clause}`);
		expect(c.next).toBe("friday call");
		expect(c.summary).toBe("sent the agenda");
	});

	it("keeps the whole WHEN channel text, trimmed", () => {
		expect(parseClauses("intro → next:   2026-12-09 call   confirm the date  ").next).toBe("2026-12-09 call   confirm the date");
	});

	it("stops the clause at a semicolon and keeps what follows in the summary", () => {
		const c = parseClauses("intro → next: friday; she is away until then");
		expect(c.next).toBe("friday");
		expect(c.summary).toContain("intro");
		expect(c.summary).toContain("she is away until then");
		expect(c.summary).not.toContain("next");
	});

	it("reads a clause in brackets and drops the brackets", () => {
		const c = parseClauses("called (next: tuesday) and left a message");
		expect(c.next).toBe("tuesday");
		expect(c.summary).toBe("called and left a message");
	});

	it("gives an empty next for a clause with nothing after it (a problem for the caller)", () => {
		expect(parseClauses("intro → next:").next).toBe("");
	});

	it("has no next without the clause", () => {
		const c = parseClauses("roof quote, next week maybe");
		expect(c.next).toBeNull();
		expect(c.summary).toBe("roof quote, next week maybe");
	});

	it("needs next: to be a word of its own", () => {
		expect(parseClauses("annex: the contract").next).toBeNull();
		expect(parseClauses("connext: 2026-12-01").next).toBeNull();
	});

	it("does not read the Dataview field next:: as a clause", () => {
		const c = parseClauses("intro [next:: 2026-12-01]");
		expect(c.next).toBeNull();
		expect(c.summary).toContain("next:: 2026-12-01");
		expect(parseClauses("next:: 2026-12-01").next).toBeNull();
	});

	it("reads a real next: clause next to a Dataview field", () => {
		expect(parseClauses("intro → next: friday [due:: 2026-12-01]").next).toBe("friday");
	});
});

describe("parseClauses: outcome", () => {
	it.each([
		["yes", "yes"],
		["no", "no"],
		["next step", "next step"],
		["won", "yes"],
		["lost", "no"],
		["YES", "yes"],
		["Next Step", "next step"],
		["Won", "yes"],
	] as const)("outcome: %s is %s", (written, outcome) => {
		expect(parseClauses(`signed the contract (outcome: ${written})`)).toEqual({
			summary: "signed the contract",
			next: null,
			outcome,
			objective: null,
		});
	});

	it("reads the outcome without brackets", () => {
		const c = parseClauses("asked for a call outcome: no");
		expect(c.outcome).toBe("no");
		expect(c.summary).toBe("asked for a call");
	});

	it("reads 'next step' written with more than one space", () => {
		expect(parseClauses("quote sent (outcome: next  step)").outcome).toBe("next step");
	});

	it("leaves an unknown outcome value in the text", () => {
		const c = parseClauses("talked (outcome: maybe)");
		expect(c.outcome).toBeNull();
		expect(c.summary).toContain("outcome: maybe");
	});

	it("does not read a value that only starts like an outcome", () => {
		expect(parseClauses("talked (outcome: nope)").outcome).toBeNull();
		expect(parseClauses("talked (outcome: yesterday)").outcome).toBeNull();
	});

	it("does not take 'outcome: next step' for a next: clause", () => {
		const c = parseClauses("sent quote #2 (outcome: next step)");
		expect(c.outcome).toBe("next step");
		expect(c.next).toBeNull();
		expect(c.summary).toBe("sent quote #2");
	});

	it("reads the outcome and the next step together, in either order", () => {
		expect(parseClauses("demo (outcome: yes) → next: 2026-12-09 call")).toEqual({
			summary: "demo",
			next: "2026-12-09 call",
			outcome: "yes",
			objective: null,
		});
		const c = parseClauses("demo → next: 2026-12-09 call (outcome: next step)");
		expect(c.next).toBe("2026-12-09 call");
		expect(c.outcome).toBe("next step");
		expect(c.summary).toBe("demo");
	});
});

describe("parseClauses: objective", () => {
	it("reads #objective/NAME", () => {
		const c = parseClauses("check on the quote #objective/check-on-quote");
		expect(c.objective).toBe("check-on-quote");
		expect(c.summary).toBe("check on the quote");
	});

	it("reads the tag case-insensitively and keeps the name as written", () => {
		expect(parseClauses("hi #Objective/Close").objective).toBe("Close");
	});

	it("reads objective: NAME, with spaces in the name", () => {
		const c = parseClauses("sent a case study; objective: share value");
		expect(c.objective).toBe("share value");
		expect(c.summary).toBe("sent a case study");
	});

	it("reads objective: NAME in brackets", () => {
		const c = parseClauses("coffee (objective: touch base) went well");
		expect(c.objective).toBe("touch base");
		expect(c.summary).toBe("coffee went well");
	});

	it("stops objective: at a following next: clause", () => {
		expect(parseClauses("check on quote; objective: close → next: friday call")).toEqual({
			summary: "check on quote",
			next: "friday call",
			outcome: null,
			objective: "close",
		});
		const c = parseClauses("objective: thank you -> next: in 2 weeks");
		expect(c.objective).toBe("thank you");
		expect(c.next).toBe("in 2 weeks");
	});

	it("stops objective: at a following outcome: clause", () => {
		const c = parseClauses("objective: close outcome: won");
		expect(c.objective).toBe("close");
		expect(c.outcome).toBe("yes");
	});

	it("does not read the Dataview field objective:: as a clause", () => {
		expect(parseClauses("hi [objective:: close]").objective).toBeNull();
	});

	it("takes the tag over the field when both are there", () => {
		expect(parseClauses("hi #objective/close objective: other").objective).toBe("close");
	});

	it("ignores other tags", () => {
		const c = parseClauses("hi #sales #objectives");
		expect(c.objective).toBeNull();
		expect(c.summary).toBe("hi #sales #objectives");
	});
});

describe("parseClauses: all clauses and the summary", () => {
	it("reads every clause from one line", () => {
		expect(parseClauses("walked through the numbers #objective/close (outcome: next step) → next: Dec 1 call send contract")).toEqual({
			summary: "walked through the numbers",
			next: "Dec 1 call send contract",
			outcome: "next step",
			objective: "close",
		});
	});

	it("keeps a text without clauses as it is, spaces collapsed", () => {
		expect(parseClauses("  met   the owner  ")).toEqual({ summary: "met the owner", next: null, outcome: null, objective: null });
	});

	it("gives an empty summary when the text is only clauses", () => {
		expect(parseClauses("→ next: friday").summary).toBe("");
		expect(parseClauses("(outcome: yes)").summary).toBe("");
		expect(parseClauses("").summary).toBe("");
	});

	it("drops a dangling arrow and separators left by removed clauses", () => {
		expect(parseClauses("intro; (outcome: yes) →").summary).toBe("intro");
		expect(parseClauses("(outcome: no); not interested").summary).toBe("not interested");
	});

	it("keeps a # that is not an objective tag in the summary", () => {
		expect(parseClauses("sent quote #2").summary).toBe("sent quote #2");
	});
});
