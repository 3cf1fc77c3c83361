import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { migrateSettings } from "../../src/core/settings/settings";
import { ProspectIndex } from "../../src/core/index/prospectIndex";
import type { DueReport } from "../../src/core/rules/dueReport";
import { BUCKET_ORDER, compareAnswers, dueAnswer, noteTextOf, type EntryAnswer, type NoteSpec, type ProblemAnswer } from "../helpers/oracles";
import { RUNS, SEED } from "./arbitraries";

// The index keeps its due list sorted from report to report and moves only the notes that changed.
// After any series of edits its answer must be the README's ("What is due"), worked out by a small
// reference from the parts each note was written from (test/helpers/oracles.ts), not by the product.

const PATHS = ["Prospects/A.md", "Prospects/B.md", "Prospects/a.md", "Prospects/é.md", "Prospects/e\u0301.md", "Leads/C.md", "Prospects/Z/D.md", "Notes/x.md"];

const noteSpec: fc.Arbitrary<NoteSpec> = fc.oneof(
	{ weight: 1, arbitrary: fc.constant<NoteSpec>({ broken: true, status: "", value: "", created: "", extra: "", touches: [] }) },
	{
		weight: 6,
		arbitrary: fc.record({
			status: fc.constantFrom("active", "paused", "won", "lead", "weird", ""),
			value: fc.constantFrom("1000", "2000", "", "x"),
			created: fc.constantFrom("2026-11-01", "2026-11-20", "2026-02-30"),
			extra: fc.constantFrom("type: prospect", "", "cadence: none"),
			touches: fc.array(
				fc.record({
					box: fc.constantFrom("", "[ ] ", "[x] "),
					day: fc.constantFrom("2026-11-20", "2026-11-23", "2026-11-25", "2026-02-30", "2026-12-01"),
					channel: fc.constantFrom("call", "email"),
					next: fc.constantFrom("", " next: tomorrow", " next: bogus words", " → next: 2026-11-30"),
				}),
				{ maxLength: 3 },
			),
		}),
	},
);

type Step =
	| { kind: "update"; path: string; spec: NoteSpec }
	| { kind: "remove"; path: string }
	| { kind: "clear" }
	| { kind: "upcomingDays"; days: number }
	| { kind: "report"; today: string };

const step: fc.Arbitrary<Step> = fc.oneof(
	{ weight: 10, arbitrary: fc.record({ kind: fc.constant("update" as const), path: fc.constantFrom(...PATHS), spec: noteSpec }) },
	{ weight: 3, arbitrary: fc.record({ kind: fc.constant("remove" as const), path: fc.constantFrom(...PATHS) }) },
	{ weight: 1, arbitrary: fc.constant({ kind: "clear" as const }) },
	{ weight: 1, arbitrary: fc.record({ kind: fc.constant("upcomingDays" as const), days: fc.constantFrom(3, 7, 30) }) },
	{ weight: 5, arbitrary: fc.record({ kind: fc.constant("report" as const), today: fc.constantFrom("2026-11-23", "2026-11-24") }) },
);

const byPath = <T extends { path: string }>(list: T[]): T[] => [...list].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));

/** The report and the reference's answer agree: the same entries, counts, order and problems. */
function expectAnswer(report: DueReport, notes: Map<string, NoteSpec>, today: string, upcomingDays: number): void {
	const entries: EntryAnswer[] = [];
	const problems: ProblemAnswer[] = [];
	for (const [path, spec] of notes) {
		const answer = dueAnswer(path, spec, today, upcomingDays);
		if (answer.entry) entries.push(answer.entry);
		problems.push(...answer.problems);
	}
	const got = report.entries.map((e) => ({
		path: e.prospect.path,
		bucket: e.bucket,
		next: e.next ? { date: e.next.date, time: e.next.time, suggested: e.next.suggested } : null,
		doneCount: e.doneCount,
		lastTouch: e.lastTouch?.date ?? null,
	}));
	const strip = ({ path, bucket, next, doneCount, lastTouch }: EntryAnswer) => ({ path, bucket, next, doneCount, lastTouch });
	expect(byPath(got)).toEqual(byPath(entries.map(strip)));
	expect(report.counts).toEqual(Object.fromEntries(BUCKET_ORDER.map((b) => [b, entries.filter((e) => e.bucket === b).length])));
	// In the README's order; entries the README cannot tell apart may come either way.
	const answerOf = new Map(entries.map((e) => [e.path, e]));
	for (let i = 1; i < got.length; i++) {
		expect(compareAnswers(answerOf.get(got[i - 1].path)!, answerOf.get(got[i].path)!), `${got[i - 1].path} before ${got[i].path}`).toBeLessThanOrEqual(0);
	}
	const gotProblems = report.problems.map((p) => {
		const about = problems.find((q) => q.path === p.path && q.line === p.line && p.message.includes(q.about))?.about ?? p.message;
		return { path: p.path, line: p.line ?? 0, about };
	});
	const key = (p: ProblemAnswer) => `${p.path}:${p.line}:${p.about}`;
	expect(gotProblems.map(key).sort()).toEqual(problems.map(key).sort());
}

describe("the index's due list, kept up to date note by note", () => {
	it("is the README's answer, after any series of edits, removals, clears and settings changes", () => {
		fc.assert(
			fc.property(fc.array(step, { minLength: 1, maxLength: 40 }), (steps) => {
				const settings = migrateSettings(undefined);
				const index = new ProspectIndex(settings);
				const notes = new Map<string, NoteSpec>();
				for (const s of steps) {
					if (s.kind === "update") {
						index.update(s.path, noteTextOf(s.spec));
						notes.set(s.path, s.spec);
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
						expectAnswer(index.report(s.today), notes, s.today, settings.upcomingDays);
					}
				}
				expectAnswer(index.report("2026-11-23"), notes, "2026-11-23", settings.upcomingDays);
			}),
			{ seed: SEED, numRuns: RUNS * 2 },
		);
	});
});
