// The channel of a contact read from a section (README, "Bringing your existing notes"): the
// line's own words first, else the section's title when it names one (`## Meeting history`).
import { describe, expect, it } from "vitest";
import { readNote } from "../../../src/core/read/note";
import { migrateSettings } from "../../../src/core/settings/settings";

function channels(heading: string, lines: string[]) {
	const text = ["---", "tags: [prospect]", "---", heading, ...lines, ""].join("\n");
	return readNote("Prospects/P.md", text, migrateSettings(undefined)).prospect!.touches.map((t) => [t.date, t.channel]);
}

describe("a contact's channel from its section", () => {
	it.each([
		["## Meeting history", "meeting"],
		["## Calls", "call"],
		["### Email log", "email"],
		["## Phone calls", "phone"],
		["## Meetings", "meeting"],
	])("%s gives its channel to a line that names none", (heading, channel) => {
		expect(channels(heading, ["- 2026-01-09: Budget review - agreed on the Q1 scope"])).toEqual([["2026-01-09", channel]]);
	});

	it("the line's own words come first", () => {
		expect(channels("## Meeting history", ["- 2026-01-09: emailed the deck after the review"])).toEqual([["2026-01-09", "email"]]);
	});

	it("a log section that names no channel gives none", () => {
		expect(channels("## Interaction log", ["- 2026-01-09: Budget review - agreed on the Q1 scope"])).toEqual([["2026-01-09", null]]);
		expect(channels("## History", ["- 2026-01-09: Budget review - agreed on the Q1 scope"])).toEqual([["2026-01-09", null]]);
	});

	it("of two lines on one day, the one that says how the contact went is the contact", () => {
		const read = (lines: string[]) => {
			const text = ["---", "tags: [prospect]", "---", ...lines, ""].join("\n");
			const note = readNote("Prospects/P.md", text, migrateSettings(undefined));
			return { touches: note.prospect!.touches.map((t) => [t.line, t.date, t.channel]), unused: (note.prospect!.unused ?? []).map((u) => [u.line, u.reason]) };
		};
		const summaryFirst = ["## Relationship", "**Last contact**: 2026-01-15", "## Interaction history", "### 2026-01-15 - Call", "- Summary: pricing"];
		expect(read(summaryFirst)).toMatchObject({ touches: [[7, "2026-01-15", "call"]], unused: [[5, "the same day as line 7: one contact, counted once"]] });
		// Both say how: the first is kept.
		const bothSay = ["## Log", "- 2026-01-15 emailed the deck", "- 2026-01-15: call about pricing"];
		expect(read(bothSay).touches).toEqual([[5, "2026-01-15", "email"]]);
		// A touch line, the product's own format, is never set aside for another line.
		const touchLine = ["- 2026-01-15 budget chat", "## Calls", "- 2026-01-15: pricing"];
		expect(read(touchLine).touches).toEqual([[4, "2026-01-15", null]]);
	});
});
