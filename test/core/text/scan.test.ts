import { describe, expect, it } from "vitest";
import { BlockScanner, bomLength, findFrontmatter, headingOf, isDelimiterRow, isListItem, lineSpans, splitLines, tableCells } from "../../../src/core/text/scan";

/** What the scanner makes of each line: its visible text, or null, and whether it is live. */
function scan(lines: string[]): [string | null, boolean][] {
	const scanner = new BlockScanner();
	return lines.map((line) => [scanner.read(line), scanner.live]);
}

describe("the line scanner", () => {
	it("hides fenced code, fences and comments, and keeps the text around a comment", () => {
		expect(
			scan(["a", "```js", "- 2026-01-01 call", "```", "b <!-- c", "- hidden -->after", "x %%note%% y", "~~~~", "```", "~~~~", "z"]),
		).toEqual([
			["a", true],
			[null, false],
			[null, false],
			[null, false],
			["b ", true],
			["after", false],
			["x  y", true],
			[null, false],
			[null, false],
			[null, false],
			["z", true],
		]);
	});

	it("hides a fence inside a blockquote or callout (`> ```yaml`) as code, up to its closing fence or the blockquote's end", () => {
		// Cue: an example of frontmatter in a tip callout is not the note's data.
		expect(scan(["> [!tip] Add", "> ```yaml", "> last-contact: 2026-04-15", "> ```", "> after", "z"]).map(([text]) => text)).toEqual(["> [!tip] Add", null, null, null, "> after", "z"]);
		// An unclosed fence in a blockquote ends with it: the next line outside is live.
		expect(scan(["> ```", "> code", "- 2026-04-15 call"]).map(([text]) => text)).toEqual([null, null, "- 2026-04-15 call"]);
		// Control: a blockquote without a fence is read as it is.
		expect(scan(["> last-contact: 2026-04-15", "> - 2026-04-16 call"]).map(([text]) => text)).toEqual(["> last-contact: 2026-04-15", "> - 2026-04-16 call"]);
	});

	it("says whether a fence or comment is still open", () => {
		const scanner = new BlockScanner();
		scanner.read("%% start");
		expect(scanner.open).toBe(true);
		scanner.read("end %%");
		expect(scanner.open).toBe(false);
	});

	it("finds frontmatter as Obsidian does, after a byte-order mark too", () => {
		expect(findFrontmatter("---\na: 1\n---\nbody")).toEqual({ bodyLine: 3, end: 13 });
		expect(findFrontmatter("\uFEFF---\na: 1\n...\n")).toEqual({ bodyLine: 3, end: 14 });
		expect(findFrontmatter("---\na: 1\n")).toBeNull();
		expect(bomLength("\uFEFFx")).toBe(1);
		expect(splitLines("\uFEFFa\r\nb")).toEqual(["a\r", "b"]);
		expect(lineSpans("\uFEFFa\r\nb")).toEqual([
			{ start: 1, end: 2, next: 4, terminated: true },
			{ start: 4, end: 5, next: 5, terminated: false },
		]);
	});

	it("knows list items, headings and table rows", () => {
		expect(["- a", "  * b", "3. c", "4) d", "-a", "10000000000. e"].map(isListItem)).toEqual([true, true, true, true, false, false]);
		expect(headingOf("### 2026-01-05 — Call with Dana ##")).toEqual({ level: 3, title: "2026-01-05 — call with dana" });
		expect(headingOf("#tag")).toBeNull();
		expect(tableCells("| Date | Channel \\| type | Notes |")).toEqual(["Date", "Channel \\| type", "Notes"]);
		expect(tableCells("no table")).toBeNull();
		expect(isDelimiterRow(tableCells("|---|:--:|--:|")!)).toBe(true);
		expect(isDelimiterRow(["2026-01-01", "call"])).toBe(false);
	});
});

describe("CR-only line ends", () => {
	it("a lone CR ends a line, as LF and CRLF do, mixed or not", () => {
		const text = "---\rkey: 1\r---\ra\r\nb\nc\rd";
		expect(lineSpans(text).map((s) => text.slice(s.start, s.end))).toEqual(["---", "key: 1", "---", "a", "b", "c", "d"]);
		expect(lineSpans(text).map((s) => s.next - s.end)).toEqual([1, 1, 1, 2, 1, 1, 0]);
		expect(splitLines(text)).toEqual(["---", "key: 1", "---", "a\r", "b", "c", "d"]);
		expect(findFrontmatter(text)).toEqual({ bodyLine: 3, end: 15 });
		// LF and CRLF notes are split as before.
		expect(splitLines("a\r\nb\nc")).toEqual(["a\r", "b", "c"]);
		expect(lineSpans("x\r").map((s) => [s.end, s.next])).toEqual([[1, 2]]);
	});
});

