// A date inside a label that has other words (README, "Bringing your existing notes": every dated
// line is judged): `**Call on 2026-01-19**: went well` is judged as the whole line, never dropped
// in silence.
import { describe, expect, it } from "vitest";
import { readNote } from "../../../src/core/read/note";
import { summaryWithout } from "../../../src/core/read/lineJudge";
import { migrateSettings } from "../../../src/core/settings/settings";

function read(lines: string[]) {
	const text = ["---", "tags: [prospect]", "---", ...lines, ""].join("\n");
	const note = readNote("Prospects/P.md", text, migrateSettings(undefined));
	return { touches: note.prospect!.touches.map((t) => [t.line, t.date, t.channel, t.summary]), unused: (note.prospect!.unused ?? []).map((u) => [u.line, u.reason]) };
}

describe("a date inside a label with words", () => {
	it("is judged as the whole line: a contact by its words, in a log section or not", () => {
		expect(read(["## Log", "- **Call on 2026-01-19**: went well", "- **2026-01-20 call**: Dana", "**Demo 2026-01-21**: they liked it"]).touches).toEqual([
			[5, "2026-01-19", "call", "Call: went well"],
			[6, "2026-01-20", "call", "call: Dana"],
			[7, "2026-01-21", null, "Demo: they liked it"],
		]);
		expect(read(["## About", "- **Emailed on 2026-01-19**: the deck"]).touches).toEqual([[5, "2026-01-19", "email", "Emailed: the deck"]]);
	});

	it("is no contact when its words say so, and says why", () => {
		expect(read(["## Log", "- **Birthday 2026-01-22**: cake"])).toEqual({ touches: [], unused: [[5, '"Birthday": not a contact']] });
	});

	it("a label that is only a date still gives its value's words", () => {
		expect(read(["## Log", "- **2026-01-19**: call with Dana"]).touches).toEqual([[5, "2026-01-19", "call", "call with Dana"]]);
	});
});

describe("a summary without its date", () => {
	it.each([
		["Contract dated 2026-08-30: signed", "2026-08-30", "Contract: signed"],
		["Call on 2026-01-19: went well", "2026-01-19", "Call: went well"],
		["2026-01-19 call: pricing", "2026-01-19", "call: pricing"],
	])("%j gives %j", (text, date, summary) => {
		expect(summaryWithout(text, text.indexOf(date), date.length)).toBe(summary);
	});
});
