import { describe, expect, it } from "vitest";
import {
	insertUnderHeading,
	lineEnding,
	moveTouchDate,
	setCheckbox,
	setFrontmatterKeys,
	type EditResult,
} from "../../../src/core/text/edits";
import { DEFAULT_SETTINGS } from "../../../src/core/settings/settings";

const CH = DEFAULT_SETTINGS.channels;
const H = "## Follow-ups";
const NEW = "- 2026-11-23 call: talked it through";

const crlf = (text: string): string => text.replace(/\n/g, "\r\n");

/**
 * `after` must be `before` with exactly `removed` characters at `at` replaced by `inserted`:
 * the bytes in front of the edit and behind it are compared one by one.
 */
function expectSplice(before: string, after: string, at: number, removed: number, inserted: string): void {
	expect(after.slice(0, at)).toBe(before.slice(0, at));
	expect(after.slice(at + inserted.length)).toBe(before.slice(at + removed));
	expect(after.slice(at, at + inserted.length)).toBe(inserted);
	expect(after.length).toBe(before.length - removed + inserted.length);
}

function ok(result: EditResult): string {
	if (!result.ok) throw new Error(`edit refused: ${result.error}`);
	return result.text;
}

function refused(result: EditResult): string {
	expect(result.ok).toBe(false);
	return result.ok ? "" : result.error;
}

describe("lineEnding", () => {
	it("is the first line ending the note uses", () => {
		expect(lineEnding("a\nb\r\n")).toBe("\n");
		expect(lineEnding("a\r\nb\n")).toBe("\r\n");
		expect(lineEnding("no newline")).toBe("\n");
		expect(lineEnding("")).toBe("\n");
		expect(lineEnding("\r\n")).toBe("\r\n");
	});
});

describe("insertUnderHeading", () => {
	const note = [
		"---",
		"company: Acme",
		"---",
		"# Acme",
		"",
		"## Follow-ups",
		"- 2026-11-20 call: first",
		"    - 2026-11-21 text: nested",
		"",
		"",
		"## Notes",
		"keep me",
		"",
	].join("\n");

	it("appends after the last non-blank line of the section, before the next heading", () => {
		const out = insertUnderHeading(note, H, [NEW]);
		expect(out).toBe(
			[
				"---",
				"company: Acme",
				"---",
				"# Acme",
				"",
				"## Follow-ups",
				"- 2026-11-20 call: first",
				"    - 2026-11-21 text: nested",
				NEW,
				"",
				"",
				"## Notes",
				"keep me",
				"",
			].join("\n"),
		);
		const at = note.indexOf("\n\n\n## Notes") + 1;
		expectSplice(note, out, at, 0, `${NEW}\n`);
	});

	it("keeps CRLF line endings, and writes the new lines with CRLF", () => {
		const before = crlf(note);
		const out = insertUnderHeading(before, H, [NEW, "- 2026-11-23 email: second"]);
		const inserted = `${NEW}\r\n- 2026-11-23 email: second\r\n`;
		expectSplice(before, out, before.indexOf("\r\n\r\n\r\n## Notes") + 2, 0, inserted);
		expect(out.replace(/\r\n/g, "")).not.toMatch(/[\r\n]/);
	});

	it("treats deeper sub-headings as part of the section", () => {
		const before = "## Follow-ups\n- 2026-11-01 call: a\n### Older\n- 2026-10-01 call: b\n#### Even older\nold text\n\n## Drafts\nd\n";
		const out = insertUnderHeading(before, H, [NEW]);
		expect(out).toBe(
			`## Follow-ups\n- 2026-11-01 call: a\n### Older\n- 2026-10-01 call: b\n#### Even older\nold text\n${NEW}\n\n## Drafts\nd\n`,
		);
	});

	it("stops at a heading of a higher level", () => {
		const before = "# Acme\n## Follow-ups\n- 2026-11-01 call: a\n# Appendix\ntext\n";
		expect(insertUnderHeading(before, H, [NEW])).toBe(`# Acme\n## Follow-ups\n- 2026-11-01 call: a\n${NEW}\n# Appendix\ntext\n`);
	});

	it("puts the line right under a heading whose section is empty", () => {
		const before = "## Follow-ups\n\n\n## Notes\n";
		expect(insertUnderHeading(before, H, [NEW])).toBe(`## Follow-ups\n${NEW}\n\n\n## Notes\n`);
	});

	it("matches the heading without regard to case or closing hashes", () => {
		const before = "## follow-ups ##\n- 2026-11-01 call: a\n";
		expect(insertUnderHeading(before, H, [NEW])).toBe(`## follow-ups ##\n- 2026-11-01 call: a\n${NEW}\n`);
	});

	it("keeps a missing final newline missing when the section ends the note", () => {
		const before = "# Acme\n\n## Follow-ups\n- 2026-11-01 call: a";
		expect(insertUnderHeading(before, H, [NEW])).toBe(`# Acme\n\n## Follow-ups\n- 2026-11-01 call: a\n${NEW}`);
		expect(insertUnderHeading(crlf(before), H, [NEW])).toBe(crlf(`# Acme\n\n## Follow-ups\n- 2026-11-01 call: a\n${NEW}`));
	});

	it("keeps a missing final newline missing when the section is in the middle", () => {
		const before = "## Follow-ups\n- 2026-11-01 call: a\n\n## Notes\nlast words";
		const out = insertUnderHeading(before, H, [NEW]);
		expect(out).toBe(`## Follow-ups\n- 2026-11-01 call: a\n${NEW}\n\n## Notes\nlast words`);
		expect(out.endsWith("last words")).toBe(true);
	});

	it("skips headings inside fenced code, but keeps the code in the section", () => {
		const before = "## Follow-ups\n- 2026-11-01 call: a\n```md\n## Notes\n```\n- 2026-11-02 call: b\n\n## Notes\nz\n";
		expect(insertUnderHeading(before, H, [NEW])).toBe(
			`## Follow-ups\n- 2026-11-01 call: a\n\`\`\`md\n## Notes\n\`\`\`\n- 2026-11-02 call: b\n${NEW}\n\n## Notes\nz\n`,
		);
	});

	it("does not take a heading inside a code fence: it creates one at the end", () => {
		const before = "# Template\n~~~\n## Follow-ups\n- 2026-11-01 call: example\n~~~\n";
		expect(insertUnderHeading(before, H, [NEW])).toBe(`${before}\n## Follow-ups\n${NEW}\n`);
	});

	it("does not take a heading inside an HTML or Obsidian comment", () => {
		const before = "# A\n<!-- template help:\n## Follow-ups\n- one line per touch -->\n%%\n## Follow-ups\n%%\nbody\n";
		expect(insertUnderHeading(before, H, [NEW])).toBe(`${before}\n## Follow-ups\n${NEW}\n`);
		const after = "<!-- a --> text\n## Follow-ups\n- 2026-11-01 call: a\n";
		expect(insertUnderHeading(after, H, [NEW])).toBe(`${after}${NEW}\n`);
	});

	it("does not take a line in the frontmatter for the heading", () => {
		const before = "---\ncompany: Acme\n## Follow-ups\n---\nbody\n";
		expect(insertUnderHeading(before, H, [NEW])).toBe(`${before}\n## Follow-ups\n${NEW}\n`);
	});

	it("reads a heading setting without `#` as a level-2 heading, and creates it as one", () => {
		expect(insertUnderHeading("# A\n## Follow-ups\n- 2026-11-01 call: a\n", "Follow-ups", [NEW])).toBe(`# A\n## Follow-ups\n- 2026-11-01 call: a\n${NEW}\n`);
		const created = insertUnderHeading("# A\n", "Follow-ups", [NEW]);
		expect(created).toBe(`# A\n\n## Follow-ups\n${NEW}\n`);
		expect(insertUnderHeading(created, "Follow-ups", ["- second"])).toBe(`# A\n\n## Follow-ups\n${NEW}\n- second\n`);
	});

	it("does not match a heading of another level", () => {
		const before = "### Follow-ups\n- 2026-11-01 call: a\n";
		expect(insertUnderHeading(before, H, [NEW])).toBe(`${before}\n## Follow-ups\n${NEW}\n`);
	});

	describe("creates a missing heading at the end of the note", () => {
		it("after a blank line", () => {
			expect(insertUnderHeading("# Acme\nbody\n", H, [NEW])).toBe(`# Acme\nbody\n\n## Follow-ups\n${NEW}\n`);
		});
		it("without doubling a blank line already there", () => {
			expect(insertUnderHeading("# Acme\n\n", H, [NEW])).toBe(`# Acme\n\n## Follow-ups\n${NEW}\n`);
		});
		it("keeping a missing final newline missing", () => {
			expect(insertUnderHeading("# Acme\nbody", H, [NEW])).toBe(`# Acme\nbody\n\n## Follow-ups\n${NEW}`);
		});
		it("in CRLF", () => {
			const before = "---\r\na: 1\r\n---\r\nbody\r\n";
			expect(insertUnderHeading(before, H, [NEW])).toBe(`${before}\r\n## Follow-ups\r\n${NEW}\r\n`);
		});
		it("in an empty note", () => {
			expect(insertUnderHeading("", H, [NEW])).toBe(`## Follow-ups\n${NEW}\n`);
		});
		it("in a note that is only a byte-order mark", () => {
			expect(insertUnderHeading("\uFEFF", H, [NEW])).toBe(`\uFEFF## Follow-ups\n${NEW}\n`);
		});
		it("after frontmatter that ends the note without a newline", () => {
			expect(insertUnderHeading("---\na: 1\n---", H, [NEW])).toBe(`---\na: 1\n---\n\n## Follow-ups\n${NEW}`);
		});
	});

	it("finds the heading on the first line after a byte-order mark", () => {
		const before = "\uFEFF## Follow-ups\n- 2026-11-01 call: a\n";
		expect(insertUnderHeading(before, H, [NEW])).toBe(`\uFEFF## Follow-ups\n- 2026-11-01 call: a\n${NEW}\n`);
	});

	it("sees a code fence on the first line after a byte-order mark", () => {
		const before = "\uFEFF```\n## Follow-ups\n```\n";
		expect(insertUnderHeading(before, H, [NEW])).toBe(`${before}\n## Follow-ups\n${NEW}\n`);
	});

	it("keeps a byte-order mark and frontmatter as they were", () => {
		const before = "\uFEFF---\r\ncompany: Acme\r\n---\r\n## Follow-ups\r\n- 2026-11-01 call: a\r\n";
		const out = insertUnderHeading(before, H, [NEW]);
		expect(out).toBe(`${before}${NEW}\r\n`);
		expect(out.charCodeAt(0)).toBe(0xfeff);
	});

	it("leaves mixed line endings around the edit alone", () => {
		const before = "# A\r\nintro\n## Follow-ups\r\n- 2026-11-01 call: a\n\r\n## Notes\nz";
		const out = insertUnderHeading(before, H, [NEW]);
		// The note's own ending is its first one (CRLF).
		expectSplice(before, out, before.indexOf("\n\r\n## Notes") + 1, 0, `${NEW}\r\n`);
	});
});

describe("setCheckbox", () => {
	const note = "## Follow-ups\n- 2026-11-20 call: a\n- [ ] 2026-11-27 call: check on the quote\n  1. [ ] 2026-11-28 email: b\n- buy milk\n- [ ] Call Priya 📅 2026-11-25\n";

	it("checks off an open touch, changing only its box", () => {
		const out = ok(setCheckbox(note, 3, "x", CH));
		expect(out).toBe(note.replace("- [ ] 2026-11-27", "- [x] 2026-11-27"));
		expectSplice(note, out, note.indexOf("[ ] 2026-11-27") + 1, 1, "x");
	});

	it("cancels and reopens", () => {
		const cancelled = ok(setCheckbox(note, 3, "-", CH));
		expect(cancelled).toBe(note.replace("- [ ] 2026-11-27", "- [-] 2026-11-27"));
		expect(ok(setCheckbox(cancelled, 3, " ", CH))).toBe(note);
	});

	it("works on numbered and indented items and Tasks lines", () => {
		expect(ok(setCheckbox(note, 4, "x", CH))).toBe(note.replace("1. [ ] 2026-11-28", "1. [x] 2026-11-28"));
		expect(ok(setCheckbox(note, 6, "x", CH))).toBe(note.replace("- [ ] Call Priya", "- [x] Call Priya"));
	});

	it("gives a box to a touch line without one", () => {
		const out = ok(setCheckbox(note, 2, "x", CH));
		expect(out).toBe(note.replace("- 2026-11-20 call", "- [x] 2026-11-20 call"));
		expectSplice(note, out, note.indexOf("2026-11-20"), 0, "[x] ");
	});

	it("refuses a line that is not a touch line", () => {
		expect(refused(setCheckbox(note, 1, "x", CH))).toMatch(/line 1 is not a touch line/);
		expect(refused(setCheckbox(note, 5, "x", CH))).toMatch(/not a touch line/);
	});

	it("refuses a line that is not in the note", () => {
		expect(refused(setCheckbox(note, 0, "x", CH))).toMatch(/not in the note/);
		expect(refused(setCheckbox(note, 8, "x", CH))).toMatch(/not in the note/);
		expect(refused(setCheckbox(note, 2.5, "x", CH))).toMatch(/not in the note/);
		expect(refused(setCheckbox("", 1, "x", CH))).toMatch(/not a touch line/);
	});

	it("keeps CRLF, a byte-order mark and a missing final newline", () => {
		const before = `\uFEFF${crlf("## Follow-ups\n- 2026-11-20 call: a\n- [ ] 2026-11-27 call: b")}`;
		const out = ok(setCheckbox(before, 3, "x", CH));
		expect(out).toBe(`\uFEFF${crlf("## Follow-ups\n- 2026-11-20 call: a\n- [x] 2026-11-27 call: b")}`);
		expect(ok(setCheckbox("\uFEFF- [ ] 2026-11-27 call: b\n", 1, "x", CH))).toBe("\uFEFF- [x] 2026-11-27 call: b\n");
		const out2 = ok(setCheckbox(before, 2, "x", CH));
		expect(out2).toBe(`\uFEFF${crlf("## Follow-ups\n- [x] 2026-11-20 call: a\n- [ ] 2026-11-27 call: b")}`);
	});
});

describe("moveTouchDate", () => {
	const move = (line: string, date: string, time?: string | null): string => ok(moveTouchDate(`# A\n${line}\ntail\n`, 2, date, time, CH));
	const expectLine = (out: string, line: string): void => expect(out).toBe(`# A\n${line}\ntail\n`);

	it("moves a plain date and keeps the rest of the line", () => {
		expectLine(move("- [ ] 2026-11-27 call: check on the quote #objective/close", "2026-11-30"), "- [ ] 2026-11-30 call: check on the quote #objective/close");
	});

	it("keeps the written form of the date", () => {
		expectLine(move("- [ ] [[2026-11-27]] call: x", "2026-11-30"), "- [ ] [[2026-11-30]] call: x");
		expectLine(move("- [ ] [[2026-11-27|Friday]] call: x", "2026-11-30"), "- [ ] [[2026-11-30|Friday]] call: x");
		expectLine(move("* [ ] **2026-11-27** call: x", "2026-11-30"), "* [ ] **2026-11-30** call: x");
		expectLine(move("  3) 2026-11-27 call: x", "2026-12-01"), "  3) 2026-12-01 call: x");
	});

	it("keeps, replaces, adds or removes the time", () => {
		expectLine(move("- [ ] 2026-11-27 14:30 call: x", "2026-11-30"), "- [ ] 2026-11-30 14:30 call: x");
		expectLine(move("- [ ] 2026-11-27 14:30 call: x", "2026-11-30", "09:15"), "- [ ] 2026-11-30 09:15 call: x");
		expectLine(move("- [ ] 2026-11-27 14:30 call: x", "2026-11-30", null), "- [ ] 2026-11-30 call: x");
		expectLine(move("- [ ] 2026-11-27 call: x", "2026-11-30", "09:15"), "- [ ] 2026-11-30 09:15 call: x");
		expectLine(move("- [ ] [[2026-11-27]] 14:30 call: x", "2026-11-30", null), "- [ ] [[2026-11-30]] call: x");
		expectLine(move("- [ ] **2026-11-27** call: x", "2026-11-30", "08:00"), "- [ ] **2026-11-30** 08:00 call: x");
	});

	it("moves the planned dates of a Tasks line and leaves its done date", () => {
		expectLine(move("- [ ] Call Priya about pricing 📅 2026-11-25", "2026-11-30"), "- [ ] Call Priya about pricing 📅 2026-11-30");
		expectLine(move("- [ ] Call Priya ⏳ 2026-11-24", "2026-11-30"), "- [ ] Call Priya ⏳ 2026-11-30");
		expectLine(move("- [ ] Call Priya ⏳ 2026-11-24 📅 2026-11-25", "2026-11-30"), "- [ ] Call Priya ⏳ 2026-11-30 📅 2026-11-30");
		expectLine(move("- [x] Call Priya 📅 2026-11-16 ✅ 2026-11-17", "2026-11-30"), "- [x] Call Priya 📅 2026-11-30 ✅ 2026-11-17");
	});

	it("refuses lines that are not touches, or not in the note", () => {
		const text = "# A\n- buy milk\n- [ ] Call Priya ✅ 2026-11-16\n";
		expect(refused(moveTouchDate(text, 1, "2026-11-30", undefined, CH))).toMatch(/not a touch line/);
		expect(refused(moveTouchDate(text, 2, "2026-11-30", undefined, CH))).toMatch(/not a touch line/);
		expect(refused(moveTouchDate(text, 3, "2026-11-30", undefined, CH))).toMatch(/no date to move/);
		expect(refused(moveTouchDate(text, 9, "2026-11-30", undefined, CH))).toMatch(/not in the note/);
	});

	it("keeps CRLF, a byte-order mark and a missing final newline", () => {
		const before = "\uFEFF# A\r\n- [ ] 2026-11-27 14:30 call: x\r\n- [ ] [[2026-11-28]] email: y";
		expect(ok(moveTouchDate(before, 2, "2026-12-01", null, CH))).toBe("\uFEFF# A\r\n- [ ] 2026-12-01 call: x\r\n- [ ] [[2026-11-28]] email: y");
		expect(ok(moveTouchDate(before, 3, "2026-12-01", undefined, CH))).toBe("\uFEFF# A\r\n- [ ] 2026-11-27 14:30 call: x\r\n- [ ] [[2026-12-01]] email: y");
	});
});

describe("setFrontmatterKeys", () => {
	const note = [
		"---",
		"company: Acme",
		"next_follow_up: 2026-11-19",
		"touches: 2",
		"value: 14500",
		"---",
		"# Acme",
		"- 2026-11-17 consult: x",
		"",
	].join("\n");

	it("updates a key in place", () => {
		const out = ok(setFrontmatterKeys(note, [["next_follow_up", "2026-11-30"]]));
		expect(out).toBe(note.replace("next_follow_up: 2026-11-19", "next_follow_up: 2026-11-30"));
		expectSplice(note, out, note.indexOf("2026-11-19"), 10, "2026-11-30");
	});

	it("writes numbers, booleans and strings that need quotes as YAML", () => {
		const out = ok(setFrontmatterKeys(note, [["touches", 3], ["company", "Acme: roofs, gutters"], ["value", "12"], ["vip", true]]));
		expect(out).toBe(
			["---", "company: 'Acme: roofs, gutters'", "next_follow_up: 2026-11-19", "touches: 3", "value: '12'", "vip: true", "---", "# Acme", "- 2026-11-17 consult: x", ""].join("\n"),
		);
	});

	it("rewrites a loosely named key on the same line, under the spelling the user gave it", () => {
		const before = "---\nCompany: Acme\nnextFollowUp: 2026-11-23\n\"Last contacted\": 2026-11-16\nvalue: 1\n---\nbody\n";
		const out = ok(setFrontmatterKeys(before, [["next_follow_up", "2026-11-30"], ["last_contacted", "2026-11-23"], ["company", "Acme Inc"]]));
		expect(out).toBe("---\nCompany: Acme Inc\nnextFollowUp: 2026-11-30\n\"Last contacted\": 2026-11-23\nvalue: 1\n---\nbody\n");
	});

	it("replaces a value that runs over several lines", () => {
		const before = "---\ntags:\n  - prospect\n  - roofing\nnext_follow_up:\n- 2026-11-19\n- 2026-11-20\nvalue: 1\n---\n";
		const out = ok(setFrontmatterKeys(before, [["tags", "prospect"], ["next_follow_up", "2026-11-30"]]));
		expect(out).toBe("---\ntags: prospect\nnext_follow_up: 2026-11-30\nvalue: 1\n---\n");
	});

	it("replaces a list of maps written at the key's own indentation", () => {
		const before = "---\nnext_follow_up:\n- date: 2026-11-19\n  with: Ann\n- date: 2026-11-20\ntouches: 1\n---\n";
		expect(ok(setFrontmatterKeys(before, [["next_follow_up", "2026-11-30"]]))).toBe("---\nnext_follow_up: 2026-11-30\ntouches: 1\n---\n");
	});

	it("replaces a nested map and a block scalar", () => {
		const before = "---\naddress:\n  city: Portland\n  zip: '04101'\nnotes: |\n  line: one\n  line two\nvalue: 1\n---\n";
		expect(ok(setFrontmatterKeys(before, [["address", "Portland"], ["notes", null]]))).toBe("---\naddress: Portland\nvalue: 1\n---\n");
	});

	it("adds new keys just before the closing fence", () => {
		const out = ok(setFrontmatterKeys(note, [["last_touch", "2026-11-23"], ["touches", 3]]));
		expect(out).toBe(
			["---", "company: Acme", "next_follow_up: 2026-11-19", "touches: 3", "value: 14500", "last_touch: 2026-11-23", "---", "# Acme", "- 2026-11-17 consult: x", ""].join("\n"),
		);
	});

	it("adds keys to an empty block and to a block closed by `...`", () => {
		expect(ok(setFrontmatterKeys("---\n---\nbody", [["touches", 1]]))).toBe("---\ntouches: 1\n---\nbody");
		expect(ok(setFrontmatterKeys("---\na: 1\n...\nbody\n", [["touches", 1]]))).toBe("---\na: 1\ntouches: 1\n...\nbody\n");
	});

	it("removes a key with null, and ignores null for a key that is not there", () => {
		expect(ok(setFrontmatterKeys(note, [["next_follow_up", null]]))).toBe(note.replace("next_follow_up: 2026-11-19\n", ""));
		expect(ok(setFrontmatterKeys(note, [["nextFollowUp", null], ["last_touch", null]]))).toBe(note.replace("next_follow_up: 2026-11-19\n", ""));
		expect(ok(setFrontmatterKeys(note, [["last_touch", null]]))).toBe(note);
	});

	it("keeps comment lines and blank lines", () => {
		const before = "---\n# imported from the CRM\ncompany: Acme # the parent company\nnext_follow_up: 2026-11-19\n# keep this comment\n\nvalue: 1\n---\n";
		expect(ok(setFrontmatterKeys(before, [["next_follow_up", "2026-11-30"]]))).toBe(
			"---\n# imported from the CRM\ncompany: Acme # the parent company\nnext_follow_up: 2026-11-30\n# keep this comment\n\nvalue: 1\n---\n",
		);
		expect(ok(setFrontmatterKeys(before, [["next_follow_up", null]]))).toBe(
			"---\n# imported from the CRM\ncompany: Acme # the parent company\n# keep this comment\n\nvalue: 1\n---\n",
		);
	});

	it("keeps CRLF, a byte-order mark and a missing final newline", () => {
		const before = "\uFEFF---\r\ncompany: Acme\r\ntouches: 2\r\n---";
		expect(ok(setFrontmatterKeys(before, [["touches", 3], ["last_touch", "2026-11-23"]]))).toBe(
			"\uFEFF---\r\ncompany: Acme\r\ntouches: 3\r\nlast_touch: 2026-11-23\r\n---",
		);
		const body = "\uFEFF---\r\ntouches: 2\r\n---\r\n# A\r\n- 2026-11-01 call: a";
		const out = ok(setFrontmatterKeys(body, [["touches", 3]]));
		expect(out).toBe("\uFEFF---\r\ntouches: 3\r\n---\r\n# A\r\n- 2026-11-01 call: a");
	});

	describe("creates a block when the note has none", () => {
		it("at the top", () => {
			expect(ok(setFrontmatterKeys("# Acme\n", [["last_touch", "2026-11-23"], ["touches", 1], ["next_follow_up", null]]))).toBe(
				"---\nlast_touch: 2026-11-23\ntouches: 1\n---\n# Acme\n",
			);
		});
		it("after a byte-order mark, in CRLF", () => {
			expect(ok(setFrontmatterKeys("\uFEFF# Acme\r\nbody", [["touches", 1]]))).toBe("\uFEFF---\r\ntouches: 1\r\n---\r\n# Acme\r\nbody");
		});
		it("in an empty note", () => {
			expect(ok(setFrontmatterKeys("", [["touches", 0]]))).toBe("---\ntouches: 0\n---\n");
		});
		it("not at all when every value is null", () => {
			expect(ok(setFrontmatterKeys("# Acme\n", [["next_follow_up", null]]))).toBe("# Acme\n");
		});
	});

	it("refuses malformed YAML and says where", () => {
		const before = "---\ncompany: Acme\ntags: [prospect, masonry\nvalue: 1\n---\nbody\n";
		expect(refused(setFrontmatterKeys(before, [["touches", 1]]))).toMatch(/line \d+/);
		expect(refused(setFrontmatterKeys("---\n- just\n- a list\n---\n", [["touches", 1]]))).toMatch(/frontmatter/);
	});
});

describe("setCheckbox on Tasks lines", () => {
	it("records the done date with ✅, as the Tasks plugin does", () => {
		const text = "- [ ] Call Omar 📅 2026-12-07\n";
		const out = setCheckbox(text, 1, "x", DEFAULT_SETTINGS.channels, "2026-12-06");
		expect(out).toEqual({ ok: true, text: "- [x] Call Omar 📅 2026-12-07 ✅ 2026-12-06\n" });
	});

	it("adds no ✅ to other lines, nor a second one", () => {
		expect(setCheckbox("- [ ] 2026-12-07 call: x\n", 1, "x", DEFAULT_SETTINGS.channels, "2026-12-06")).toEqual({ ok: true, text: "- [x] 2026-12-07 call: x\n" });
		expect(setCheckbox("- [ ] Call 📅 2026-12-07 ✅ 2026-12-01\n", 1, "x", DEFAULT_SETTINGS.channels, "2026-12-06")).toEqual({ ok: true, text: "- [x] Call 📅 2026-12-07 ✅ 2026-12-01\n" });
	});
});

describe("insertUnderHeading never writes into a block left open", () => {
	it("puts a new heading before a comment or fence that runs to the end", () => {
		expect(insertUnderHeading("intro\n%% draft notes\nmore", "## Follow-ups", ["- 2026-11-23 call: x"])).toBe(
			"intro\n## Follow-ups\n- 2026-11-23 call: x\n\n%% draft notes\nmore",
		);
		expect(insertUnderHeading("intro\r\n```\r\ncode\r\n", "## Follow-ups", ["- 2026-11-23 call: x"])).toBe(
			"intro\r\n## Follow-ups\r\n- 2026-11-23 call: x\r\n\r\n```\r\ncode\r\n",
		);
	});

	it("puts a line before an open comment inside its section", () => {
		expect(insertUnderHeading("## Follow-ups\n- 2026-11-20 call: a\n<!-- todo\n- 2026-11-21 call: hidden\n", "## Follow-ups", ["- 2026-11-23 call: x"])).toBe(
			"## Follow-ups\n- 2026-11-20 call: a\n- 2026-11-23 call: x\n<!-- todo\n- 2026-11-21 call: hidden\n",
		);
	});
});

describe("a note with CR-only line ends", () => {
	const note = "---\rcompany: Acme\r---\r# Acme\r\r## Follow-ups\r- 2026-11-20 call: hello\r";

	it("keeps CR line ends in every edit", () => {
		expect(lineEnding(note)).toBe("\r");
		expect(insertUnderHeading(note, "## Follow-ups", ["- 2026-11-23 email: sent"])).toBe(`${note}- 2026-11-23 email: sent\r`);
		expect(setFrontmatterKeys(note, [["touches", 2], ["company", "Acme Ltd"]])).toEqual({ ok: true, text: note.replace("company: Acme\r", "company: Acme Ltd\rtouches: 2\r") });
		expect(setCheckbox(note, 7, "x", CH)).toEqual({ ok: true, text: note.replace("- 2026-11-20", "- [x] 2026-11-20") });
	});
});

