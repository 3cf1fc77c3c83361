// A date written as a date but on no real day (README, "Bringing your existing notes": "a date
// impossible in the chosen order is a problem, not a guess"): it is said, never dropped in
// silence, and the other dates of its line are still read.
import { describe, expect, it } from "vitest";
import { datesIn } from "../../../src/core/read/dateSpans";
import { readNote } from "../../../src/core/read/note";
import { migrateSettings } from "../../../src/core/settings/settings";

const spans = (text: string, locale: "en" | "en-GB" = "en") => datesIn(text, locale).map((d) => [text.slice(d.index, d.index + d.length), d.date, d.problem]);

function read(body: string[]) {
	const text = ["---", "tags: [prospect]", "---", "## Log", ...body, ""].join("\n");
	const note = readNote("Prospects/P.md", text, migrateSettings(undefined));
	return { problems: note.problems.map((p) => [p.line, p.message]), touches: note.prospect!.touches.map((t) => [t.line, t.date, t.summary]) };
}

describe("a date on no real day", () => {
	it.each([
		["2/30/2026 call with Ada", "en", "2/30/2026"],
		["4/31/26 call", "en", "4/31/26"],
		["31/04/2026 call", "en-GB", "31/04/2026"],
		["Feb 30 call", "en", "Feb 30"],
		["April 31, 2026 call", "en", "April 31, 2026"],
		["30th February 2026 call", "en", "30th February 2026"],
		["Feb 29, 2026 call", "en", "Feb 29, 2026"],
		["2026-02-30 call", "en", "2026-02-30"],
	] as const)("%s is a problem, not a date", (text, locale, span) => {
		expect(spans(text, locale)).toEqual([[span, null, `${span} is not a real date`]]);
	});

	it.each([
		// Real days of the same shapes: read as dates.
		["2/28/2026 call", "2/28/2026", "2026-02-28"],
		["Feb 29, 2028 call", "Feb 29, 2028", "2028-02-29"],
		["April 30, 2026 call", "April 30, 2026", "2026-04-30"],
	] as const)("%s is a date", (text, span, date) => {
		expect(spans(text)).toEqual([[span, date, null]]);
	});

	it("a number past any month's days after a month name is no date and no problem", () => {
		expect(spans("May 40 people came")).toEqual([]);
		expect(spans("around Mar 99")).toEqual([]);
	});

	it("does not hide the other dates of its line, and the summary leaves out the whole list", () => {
		expect(spans("Feb 30 & 2026-03-01 call")).toEqual([
			["Feb 30", null, "Feb 30 is not a real date"],
			["2026-03-01", "2026-03-01", null],
		]);
		expect(read(["- Feb 30 & 2026-03-01 call with Ada", "- Jan 18 & Jan 20, 2026 coffee with Ada"])).toEqual({
			problems: [[5, "Feb 30 is not a real date: that date is not used"]],
			touches: [
				[5, "2026-03-01", "call with Ada"],
				[6, "2026-01-18", "coffee with Ada"],
				[6, "2026-01-20", "coffee with Ada"],
			],
		});
	});

	it("in a log section, is reported on its line and gives no contact", () => {
		expect(read(["- 2/30/2026 call with Ada", "- April 31, 2026 emailed Bo", "- 2026-01-05 email: hello"])).toEqual({
			problems: [
				[5, "2/30/2026 is not a real date: this line is not used"],
				[6, "April 31, 2026 is not a real date: this line is not used"],
			],
			touches: [[7, "2026-01-05", "hello"]],
		});
	});
});
