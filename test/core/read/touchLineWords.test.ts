import { describe, expect, it } from "vitest";
import { note } from "../../helpers/noteBuilder";

// README, "Touch lines": a dated entry that names no channel and whose first words say it is no
// contact is not a touch; a channel or a contact word keeps it one.
const read = (...lines: string[]) => note().line("## Log", ...lines).read("Prospects/Dana Lee.md").prospect!;
const days = (...lines: string[]) => read(...lines).touches.map((t) => t.date);

describe("a touch line's words (issue 26)", () => {
	it("does not count an activity log's dated entry that says it is no contact", () => {
		expect(days("- 2026-06-13 — created. Strong fit, not yet applied")).toEqual([]);
		expect(days("- 2025-10-22 — Mentioned in the Q3 review")).toEqual([]);
		expect(days("- 2026-12-01 renewal of the support plan")).toEqual([]);
		expect(days("- **2026-03-02** — Birthday")).toEqual([]);
	});

	it("keeps the line for explain, with the word that decided it", () => {
		const unused = read("- 2026-06-13 — created. Strong fit").unused ?? [];
		expect(unused.map((u) => [u.line, u.cues?.[0]])).toEqual([[2, 'not-a-contact word "created"']]);
	});

	it("keeps a touch that names a channel or a contact word, whatever else it says", () => {
		expect(days("- 2026-06-13 email: draft of the proposal")).toEqual(["2026-06-13"]);
		expect(days("- 2026-06-14 — emailed the invoice")).toEqual(["2026-06-14"]);
		expect(days("- 2026-06-15 — called her, she mentioned the renewal")).toEqual(["2026-06-15"]);
		expect(days("- 2026-06-16 — met at the mixer")).toEqual(["2026-06-16"]);
		// No word either way: a touch line by its shape, as before.
		expect(days("- 2026-06-17 — pricing questions")).toEqual(["2026-06-17"]);
	});

	it("does not count the owner's own work an activity log records, when the line names no contact", () => {
		expect(days("- 2026-05-07, Proposal generated → outputs/proposals/acme.md")).toEqual([]);
		expect(days("- 2026-08-20 (Rupika): found, added to pipeline.")).toEqual([]);
		expect(days("- 2026-05-15, Reminder logic merged to staging.")).toEqual([]);
		expect(days("- 2026-05-09 Captured from the web form")).toEqual([]);
		expect(days("- 2026-05-08 Stage → Qualified")).toEqual([]);
		expect(read("- 2026-05-07, Proposal generated").unused?.[0]?.cues?.[0]).toBe('own-work word "generated"');
	});

	it("keeps a line where a contact word stands beside the own-work word, or where no word says either", () => {
		expect(days("- 2026-05-10 — called Dana, added to pipeline")).toEqual(["2026-05-10"]);
		expect(days("- 2026-05-12 — proposal sent, follow-up generated")).toEqual(["2026-05-12"]);
		expect(days("- 2026-01-31 — User research synthesis")).toEqual(["2026-01-31"]);
		expect(days("- 2026-05-13 email: deck generated and sent")).toEqual(["2026-05-13"]);
	});

	it("reads the same words on a log section's other dated lines", () => {
		const lines = (line: string) => note().line("## Log", line).read("Prospects/Dana Lee.md").prospect!.touches.map((t) => t.date);
		expect(lines("- Lead scored on 2026-05-08")).toEqual([]);
		expect(lines("- Met Dana on 2026-05-08")).toEqual(["2026-05-08"]);
	});
});

