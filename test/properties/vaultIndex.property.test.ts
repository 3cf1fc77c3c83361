import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { readNote, type NoteRead } from "../../src/core/read/note";
import { migrateSettings } from "../../src/core/settings/settings";
import { ProspectIndex } from "../../src/core/index/prospectIndex";
import { reportAgain } from "../helpers/oracles";
import { RUNS, SEED } from "./arbitraries";

// The index keeps its due list sorted from report to report and moves only the notes that changed.
// Its answer must be exactly that of computing and sorting everything again.

const PATHS = ["Prospects/A.md", "Prospects/B.md", "Prospects/a.md", "Prospects/é.md", "Prospects/e\u0301.md", "Leads/C.md", "Prospects/Z/D.md", "Notes/x.md"];

const noteText = fc.oneof(
	{ weight: 1, arbitrary: fc.constant("---\nbad: [\n---\n") },
	{
		weight: 6,
		arbitrary: fc
			.record({
				status: fc.constantFrom("active", "paused", "won", "lead", "weird", ""),
				value: fc.constantFrom("1000", "2000", "", "x"),
				created: fc.constantFrom("2026-11-01", "2026-11-20", "2026-02-30"),
				extra: fc.constantFrom("type: prospect", "", "cadence: none"),
				touches: fc.array(
					fc.tuple(
						fc.constantFrom("", "[ ] ", "[x] "),
						fc.constantFrom("2026-11-20", "2026-11-23", "2026-11-25", "2026-02-30", "2026-12-01"),
						fc.constantFrom("call", "email"),
						fc.constantFrom("", " next: tomorrow", " next: bogus words", " → next: 2026-11-30"),
					),
					{ maxLength: 3 },
				),
			})
			.map(({ status, value, created, extra, touches }) =>
				[
					"---",
					`status: ${status}`,
					`value: ${value}`,
					`created: ${created}`,
					extra,
					"---",
					...touches.map(([box, day, channel, next]) => `- ${box}${day} ${channel}: x${next}`),
				].join("\n"),
			),
	},
);

type Step =
	| { kind: "update"; path: string; text: string }
	| { kind: "remove"; path: string }
	| { kind: "clear" }
	| { kind: "upcomingDays"; days: number }
	| { kind: "report"; today: string };

const step: fc.Arbitrary<Step> = fc.oneof(
	{ weight: 10, arbitrary: fc.record({ kind: fc.constant("update" as const), path: fc.constantFrom(...PATHS), text: noteText }) },
	{ weight: 3, arbitrary: fc.record({ kind: fc.constant("remove" as const), path: fc.constantFrom(...PATHS) }) },
	{ weight: 1, arbitrary: fc.constant({ kind: "clear" as const }) },
	{ weight: 1, arbitrary: fc.record({ kind: fc.constant("upcomingDays" as const), days: fc.constantFrom(3, 7, 30) }) },
	{ weight: 5, arbitrary: fc.record({ kind: fc.constant("report" as const), today: fc.constantFrom("2026-11-23", "2026-11-24") }) },
);

describe("the index's due list, kept up to date note by note", () => {
	it("equals sorting everything again, after any series of edits, removals, clears and settings changes", () => {
		fc.assert(
			fc.property(fc.array(step, { minLength: 1, maxLength: 40 }), (steps) => {
				const settings = migrateSettings(undefined);
				const index = new ProspectIndex(settings);
				const notes = new Map<string, NoteRead>();
				for (const s of steps) {
					if (s.kind === "update") {
						index.update(s.path, s.text);
						const read = readNote(s.path, s.text, settings);
						if (read.prospect === null && read.problems.length === 0) notes.delete(s.path);
						else notes.set(s.path, read);
					} else if (s.kind === "remove") {
						index.remove(s.path);
						notes.delete(s.path);
					} else if (s.kind === "clear") {
						index.clear();
						notes.clear();
					} else if (s.kind === "upcomingDays") {
						// Changed in place, as a settings tab does before it saves.
						settings.upcomingDays = s.days;
					} else {
						expect(JSON.stringify(index.report(s.today))).toBe(JSON.stringify(reportAgain(notes, s.today, settings)));
					}
				}
				expect(JSON.stringify(index.report("2026-11-23"))).toBe(JSON.stringify(reportAgain(notes, "2026-11-23", settings)));
			}),
			{ seed: SEED, numRuns: RUNS * 2 },
		);
	});
});
