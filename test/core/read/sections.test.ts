// The place of a dated line (README, "Bringing your existing notes", "Place"): the role a heading
// gives the lines under it, from the log-section words, matched at the start or end of the
// heading, and the headings above a line.
import { describe, expect, it } from "vitest";
import { migrateSettings } from "../../../src/core/settings/settings";
import { SectionStack, sectionRole, titleWords } from "../../../src/core/read/sections";

describe("a heading's title as words", () => {
	it.each([
		["Log", "log"],
		["📞 Call Log", "call log"],
		["1. Contact History", "contact history"],
		["**Meetings** (2026)", "meetings"],
		["Q3 calls", "q3 calls"],
		["Calls/Meetings", "calls meetings"],
		["  Dana's   follow-ups!  ", "dana's follow-ups"],
		["[[Log]] of calls", "log of calls"],
		["[[People/Dana|Dana]]: timeline", "dana timeline"],
		["🗓️ 2026", ""],
	])("%s reads as %j", (title, words) => {
		expect(titleWords(title)).toBe(words);
	});
});

describe("the role of a heading", () => {
	it.each([
		// A log-section word: the whole title, its start or its end.
		["Log", "log"],
		["## Contact log", "log"],
		["Log of calls", "log"],
		["Recent conversations", "log"],
		["1. Interactions", "log"],
		["📞 Call Log", "log"],
		["Follow-ups", "log"],
		["Follow ups", "log"],
		["Followups", "log"],
		["Last contact", "log"],
		// Only at a word's edge, and only at the start or end.
		["Catalog", null],
		["Blog posts", null],
		["Our history with them", null],
		["Notes", null],
		["", null],
		["🗓️ 2026", null],
		// A log section that also says next, upcoming, planned, scheduled or to do holds next steps.
		["Next steps", "next"],
		["Upcoming calls", "next"],
		["Planned meetings", "next"],
		["Scheduled calls", "next"],
		["Calls to do", "next"],
		["Todo calls", "next"],
		["To-do calls", "next"],
		// Their tasks: no contact of yours, whatever else the title says.
		["Things they owe me", "theirs"],
		["Their tasks", "theirs"],
		["Their action items", "theirs"],
		["Their to-dos", "theirs"],
		["Their todo", "theirs"],
		["Their commitments", "theirs"],
		["Waiting on", "theirs"],
		["Waiting for Dana", "theirs"],
		["Calls: waiting on them", "theirs"],
		["Sources", "sources"],
		["Citations", "sources"],
		// A lead's single `## Source` (how they came) is not a list of citations.
		["Source", null],
	])("%j is %j", (title, role) => {
		expect(sectionRole(title, migrateSettings(undefined))).toBe(role);
	});

	it("takes the log-section words from the settings, a space or a hyphen alike, and no other", () => {
		const settings = migrateSettings({ logSections: ["Sales journal", "", "deal-room"] });
		expect(sectionRole("Sales journal", settings)).toBe("log");
		expect(sectionRole("Sales-journal", settings)).toBe("log");
		expect(sectionRole("Salesjournal", settings)).toBe("log");
		expect(sectionRole("Deal room", settings)).toBe("log");
		expect(sectionRole("Upcoming in the deal room", settings)).toBe("next");
		expect(sectionRole("Log", settings)).toBeNull();
		expect(sectionRole("Journal", settings)).toBeNull();
		// An empty word in the list matches nothing.
		expect(sectionRole("Notes", settings)).toBeNull();
	});

	it("makes no heading a log section when the list is empty", () => {
		const settings = migrateSettings({ logSections: [] });
		expect(sectionRole("Log", settings)).toBeNull();
		expect(sectionRole("Notes", settings)).toBeNull();
		expect(sectionRole("Waiting on", settings)).toBe("theirs");
	});

	it("reads a log-section word with a pattern character as written, never as a pattern", () => {
		const settings = migrateSettings({ logSections: ["a.b", "x+"] });
		expect(sectionRole("axb", settings)).toBeNull();
		expect(sectionRole("xxx", settings)).toBeNull();
	});
});

describe("the headings above a line", () => {
	it("is empty before the first heading", () => {
		const stack = new SectionStack();
		expect(stack.current()).toBeNull();
		expect(stack.withRole()).toBeNull();
	});

	it("keeps the heading's title without emphasis, its level, its line and its role", () => {
		const stack = new SectionStack();
		stack.enter(2, " **Contact** _log_ `2026` ", 4, migrateSettings(undefined));
		expect(stack.current()).toEqual({ title: "Contact log 2026", level: 2, line: 4, role: "log" });
		stack.enter(3, "__Notes__", 5, migrateSettings(undefined));
		expect(stack.current()).toEqual({ title: "Notes", level: 3, line: 5, role: null });
	});

	it("gives the innermost heading, and the innermost one with a role: a dated heading under ## Log is in the log", () => {
		const settings = migrateSettings(undefined);
		const stack = new SectionStack();
		stack.enter(2, "Log", 1, settings);
		stack.enter(3, "2026-01-05", 2, settings);
		stack.enter(4, "Details", 3, settings);
		expect(stack.current()?.line).toBe(3);
		expect(stack.withRole()?.line).toBe(1);
		// A heading of a level above the innermost one: the heading under the log is left.
		stack.enter(3, "Next steps", 4, settings);
		expect(stack.current()?.line).toBe(4);
		expect(stack.withRole()?.line).toBe(4);
		stack.enter(3, "Attachments", 5, settings);
		expect(stack.withRole()?.line).toBe(1);
	});

	it("ends a section at the next heading of its level or above", () => {
		const settings = migrateSettings(undefined);
		const same = new SectionStack();
		same.enter(2, "Log", 1, settings);
		same.enter(2, "Company", 2, settings);
		expect(same.current()?.line).toBe(2);
		expect(same.withRole()).toBeNull();
		const above = new SectionStack();
		above.enter(2, "Log", 1, settings);
		above.enter(3, "Calls", 2, settings);
		above.enter(1, "Dana", 3, settings);
		expect(above.withRole()).toBeNull();
		expect(above.current()?.line).toBe(3);
	});
});
