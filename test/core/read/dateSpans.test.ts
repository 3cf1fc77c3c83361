// Dates as people write them in a line (README, "Bringing your existing notes": "Dates as people
// write them"), through `datesIn`: where each date stands, its day, where its year came from, and
// the problem of a date impossible in the chosen order.
import { describe, expect, it } from "vitest";
import { datesIn, mayHoldDate } from "../../../src/core/read/dateSpans";

const spans = (text: string, locale: "en" | "en-GB" = "en") => datesIn(text, locale).map((d) => [text.slice(d.index, d.index + d.length), d.date, d.year, d.problem]);
const days = (text: string, locale: "en" | "en-GB" = "en") => datesIn(text, locale).map((d) => [d.date ?? `${d.month}/${d.day}`, d.problem]);

describe("a date written in a line", () => {
	it("is found as ISO, with or without brackets, or with slashes, where it stands", () => {
		expect(spans("- 2026-03-02 call")).toEqual([["2026-03-02", "2026-03-02", "written", null]]);
		expect(spans("[2026-03-02] call")).toEqual([["2026-03-02", "2026-03-02", "written", null]]);
		expect(spans("met (2026-06-25)")).toEqual([["2026-06-25", "2026-06-25", "written", null]]);
		expect(spans("2026/03/02 call")).toEqual([["2026/03/02", "2026-03-02", "written", null]]);
	});

	it("is found written out, with its month and day when it has no year", () => {
		expect(spans("January 23, 2026")).toEqual([["January 23, 2026", "2026-01-23", "written", null]]);
		const wed = datesIn("Wed Jan 29", "en");
		expect(wed.map((d) => [d.date, d.month, d.day, d.year, d.problem])).toEqual([[null, 1, 29, null, null]]);
	});

	it("gives a month-day the year of a full date on its line, before or after it", () => {
		expect(spans("Jan 18 & Jan 20, 2026")).toEqual([
			["Jan 18", "2026-01-18", "line", null],
			["Jan 20, 2026", "2026-01-20", "written", null],
		]);
		expect(spans("2026-03-02, then Mar 5")).toEqual([
			["2026-03-02", "2026-03-02", "written", null],
			["Mar 5", "2026-03-05", "line", null],
		]);
		expect(spans("Mar 5 then 3/9/2026")).toEqual([
			["Mar 5", "2026-03-05", "line", null],
			["3/9/2026", "2026-03-09", "written", null],
		]);
	});

	it("reads numeric dates month first, or day first with the date format setting", () => {
		expect(days("3/4 call")).toEqual([["3/4", null]]);
		expect(days("3/4 call", "en-GB")).toEqual([["4/3", null]]);
		expect(spans("3/4/26 call")).toEqual([["3/4/26", "2026-03-04", "written", null]]);
		expect(spans("24/01/2026 call", "en-GB")).toEqual([["24/01/2026", "2026-01-24", "written", null]]);
		expect(spans("- 3/4/2026 and 4/5/2026")).toEqual([
			["3/4/2026", "2026-03-04", "written", null],
			["4/5/2026", "2026-04-05", "written", null],
		]);
	});

	it("lists a date impossible in the chosen order as a problem, never read the other way round", () => {
		expect(spans("24/01/2026 call")).toEqual([["24/01/2026", null, null, "24/01/2026 is not a date read month first (the date format setting)"]]);
		expect(spans("- 13/14/2026 x")).toEqual([["13/14/2026", null, null, "13/14/2026 is not a date read month first (the date format setting)"]]);
		expect(spans("01/24/2026 call", "en-GB")).toEqual([["01/24/2026", null, null, "01/24/2026 is not a date read day first (the date format setting)"]]);
		expect(spans("2026/02/30")).toEqual([["2026/02/30", null, null, "2026/02/30 is not a real date"]]);
	});

	it("counts a bare 3/4 only where a date stands: the start, after on or by, a label or a cell", () => {
		for (const text of ["3/4 call", "on 3/4", "by 3/4", "date: 3/4", "| 3/4 |", "- 3/4 call"]) expect(days(text), text).toEqual([["3/4", null]]);
		for (const text of ["open 24/7", "scored 9/10", "3/4.5", "x 1/2/2026/3", "12/2026", "0/4 x", "took 3/4 of it"]) expect(days(text), text).toEqual([]);
	});

	it("leaves out a date inside a link to another note, but not a link to a daily note", () => {
		expect(spans("see [[Interaction - 2026-02-04 Sarah Chen]]")).toEqual([]);
		expect(spans("[[2026-02-04]] call")).toEqual([["2026-02-04", "2026-02-04", "written", null]]);
		expect(spans("[[Call 2026-02-04]] on 2026-02-05")).toEqual([["2026-02-05", "2026-02-05", "written", null]]);
	});

	it("may be in a text only when it holds a digit", () => {
		expect(mayHoldDate("no date here")).toBe(false);
		expect(mayHoldDate("Jan 1")).toBe(true);
	});

	it("keeps each date's own year, month and day, in the order they are written", () => {
		expect(datesIn("- 2026-03-02 call", "en").map((d) => [d.month, d.day])).toEqual([[3, 2]]);
		expect(spans("- 3/4/2026 and 2026-04-05")).toEqual([
			["3/4/2026", "2026-03-04", "written", null],
			["2026-04-05", "2026-04-05", "written", null],
		]);
		expect(spans("Dec 30, 2025 and 2026-01-02")).toEqual([
			["Dec 30, 2025", "2025-12-30", "written", null],
			["2026-01-02", "2026-01-02", "written", null],
		]);
		expect(spans("[[2026-02-04 Call with Ada]] on 2026-02-05")).toEqual([["2026-02-05", "2026-02-05", "written", null]]);
	});

	it("takes months 1 to 12 and days 1 to 31; a two-part 24/7 is no date and no problem", () => {
		expect(spans("- 12/31/2026 x")).toEqual([["12/31/2026", "2026-12-31", "written", null]]);
		expect(spans("- 1/1/2026 x")).toEqual([["1/1/2026", "2026-01-01", "written", null]]);
		expect(spans("- 1/32/2026 x")).toEqual([["1/32/2026", null, null, "1/32/2026 is not a date read month first (the date format setting)"]]);
		expect(spans("- 0/12/2026 x")).toEqual([["0/12/2026", null, null, "0/12/2026 is not a date read month first (the date format setting)"]]);
		expect(spans("on 24/7")).toEqual([]);
		expect(spans("on 13/5")).toEqual([]);
	});
});

describe("where a date stands, more closely", () => {
	it.each([
		["since 3/4", true],
		["before 3/4", true],
		["from 3/4", true],
		["until 3/4", true],
		["dated 3/4", true],
		["Date 3/4", true],
		["(3/4)", true],
		["# 3/4", true],
		["> 3/4", true],
		["_3/4_", true],
		["x: 3/4", true],
		["x | 3/4", true],
		["on 03/04", true],
		["only 3/4", false],
		["bonus 3/4", false],
		["x 3/4", false],
	])("a bare month/day after %j is a date: %s", (text, isDate) => {
		expect(days(text)).toEqual(isDate ? [["3/4", null]] : []);
	});

	it.each([
		// A numeric date runs no further than its digits: no decimal, no fourth part, no fifth digit.
		["3/4/2026.5", []],
		["3/4/2026,5", []],
		["1/2/3/4", []],
		["3/4/20261", []],
		["v1.3/4/2026", []],
		["x 3/4/2026.", [["3/4/2026", "2026-03-04", "written", null]]],
		["x 3/4/2026, then", [["3/4/2026", "2026-03-04", "written", null]]],
	])("%j gives %j", (text, expected) => {
		expect(spans(text)).toEqual(expected);
	});

	it("counts a date right after a link, and in a daily note's link written with spaces", () => {
		expect(spans("See [[Dana]]Jan 5, 2026")).toEqual([["Jan 5, 2026", "2026-01-05", "written", null]]);
		expect(spans("[[ 2026-02-04 ]] call")).toEqual([["2026-02-04", "2026-02-04", "written", null]]);
		expect(spans("[[Notes 2026-02-04]] and [[2026-02-05]]")).toEqual([["2026-02-05", "2026-02-05", "written", null]]);
	});

	it("gives a month-day the year of a numeric or written full date on its line, but not of a date in a link", () => {
		expect(spans("3/4 & 3/5/2026")).toEqual([
			["3/4", "2026-03-04", "line", null],
			["3/5/2026", "2026-03-05", "written", null],
		]);
		expect(spans("by 3/4 or 2026-03-09")).toEqual([
			["3/4", "2026-03-04", "line", null],
			["2026-03-09", "2026-03-09", "written", null],
		]);
		expect(spans("Mar 3, see [[Call 2026-02-04]]")).toEqual([["Mar 3", null, null, null]]);
		expect(datesIn("Mar 3, see [[Call 2026-02-04]]", "en").map((d) => [d.month, d.day])).toEqual([[3, 3]]);
	});
});

describe("round 8 (test/fixtures/real/SOURCES.md): a Nordic date written out", () => {
	const days = (text: string) => datesIn(text, "en").map((d) => d.date);

	it("is not read: dates are chrono's `en` (or `en-GB`), and a date by hand is never guessed", () => {
		expect(days("### Samtale #1 \u2014 9. mars 2026")).toEqual([]);
		expect(days("M\u00f8te 12. desember 2025")).toEqual([]);
		// Control: the English date beside it is read.
		expect(days("Call on 9 March 2026")).toEqual(["2026-03-09"]);
	});
});
