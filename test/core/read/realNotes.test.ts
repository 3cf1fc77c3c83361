// The corpus of real notes gathered from public vaults (test/fixtures/real/SOURCES.md), read as a
// new user's vault would be, against the answer worked out by hand before the code
// (test/fixtures/real/answers.json).
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative, sep } from "node:path";
import { beforeEach, describe, expect, it } from "vitest";
import { DEFAULT_SETTINGS } from "../../../src/core/settings/settings";
import { ProspectIndex } from "../../../src/core/index/prospectIndex";
import type { DueReport } from "../../../src/core/rules/dueReport";
import type { DueEntry } from "../../../src/core/rules/due";
import { FIXTURES } from "../../helpers/files";

/** A touch as worked out by hand: `from` names the form ("frontmatter" for a last-contact key). */
interface TouchAnswer {
	date: string;
	from: string;
	line: number | null;
	channel?: string | null;
	/** The interaction note it comes from. */
	source?: string;
}

interface Answer {
	kind: "prospect" | "interaction" | "template" | "other";
	touches?: TouchAnswer[];
	lastContact?: string | null;
	next?: string | null;
	problems?: string[];
	prospect?: string | null;
	prospects?: string[];
	date?: string | null;
	channel?: string;
}

const ROOT = join(FIXTURES, "real");
const VAULT = join(ROOT, "vault");
const answers = JSON.parse(readFileSync(join(ROOT, "answers.json"), "utf8")) as { today: string; notes: Record<string, Answer> };

function files(dir: string): string[] {
	return readdirSync(dir).flatMap((name) => {
		const full = join(dir, name);
		return statSync(full).isDirectory() ? files(full) : name.endsWith(".md") ? [relative(VAULT, full).split(sep).join("/")] : [];
	});
}

const texts = new Map(files(VAULT).map((path) => [path, readFileSync(join(VAULT, path), "utf8")]));
// Read in each test (not once for the file): mutation runs see which test reads what (docs/testing.md).
let report: DueReport;
beforeEach(() => {
	const index = new ProspectIndex(DEFAULT_SETTINGS);
	for (const [path, text] of texts) index.update(path, text);
	report = index.report(answers.today);
});
const entry = (path: string) => report.entries.find((e) => e.prospect.path === path);

/** What the product read for `want`, in the answer's terms, keeping only what the answer gives. */
function readAs(e: DueEntry, want: TouchAnswer): Partial<TouchAnswer>[] {
	const keep = (got: TouchAnswer): Partial<TouchAnswer> =>
		Object.fromEntries(Object.entries(got).filter(([key]) => key in want && !(key === "line" && want.line === null && got.from === "frontmatter")));
	const p = e.prospect;
	// A key's touch (`met_date`) is the answers' `frontmatter`, as a last-contact key's.
	const touches = p.touches
		.filter((t) => t.date === want.date)
		.map((t) => keep({ date: t.date, from: t.from === "key" ? "frontmatter" : (t.from ?? "line"), line: t.source ? null : t.line, channel: t.channel, ...(t.source ? { source: t.source } : {}) }));
	// A last-contact key on a day no touch stands for is a touch of its own (README, "Notes you already have").
	if (p.lastContact?.date === want.date && touches.length === 0) touches.push(keep({ date: want.date, from: "frontmatter", line: p.lastContact.line, channel: null }));
	return touches;
}

describe("real notes from public vaults", () => {
	it("has an answer for every note, and at least 40 notes", () => {
		expect(Object.keys(answers.notes).sort()).toEqual(files(VAULT).sort());
		expect(files(VAULT).length).toBeGreaterThanOrEqual(40);
	});

	const byKind = (kind: Answer["kind"]) => Object.entries(answers.notes).filter(([, a]) => a.kind === kind);

	it.each(byKind("prospect"))("%s: its touches, last contact and next step", (path, answer) => {
		const e = entry(path);
		expect(e, "read as a prospect").toBeDefined();
		const done = e!.prospect.touches.filter((t) => t.date <= answers.today && t.check !== "cancelled" && t.check !== "open");
		const days = [...new Set([...done.map((t) => t.date), ...(e!.lastTouch ? [e!.lastTouch.date] : [])])].sort();
		expect(days).toEqual(answer.touches!.map((t) => t.date).sort());
		expect(e!.doneCount).toBe(answer.touches!.length);
		// Each touch from where the answer says: its form, line, channel and source note.
		for (const want of answer.touches!) expect(readAs(e!, want), want.date).toEqual([want]);
		expect(e!.lastTouch?.date ?? null).toBe(answer.lastContact);
		expect(e!.next && !e!.next.suggested ? e!.next.date : null).toBe(answer.next);
		const problems = report.problems.filter((p) => p.path === path).map((p) => p.message.split(":")[0]);
		expect([...new Set(problems)]).toEqual(answer.problems ?? []);
	});

	it.each(byKind("interaction"))("%s: a touch of the people it links to", (path, answer) => {
		const people = answer.prospects ?? (answer.prospect ? [answer.prospect] : []);
		for (const person of people) {
			const e = entry(person);
			expect(e, person).toBeDefined();
			const want = answers.notes[person].touches?.find((t) => t.date === answer.date);
			expect(want, `${person}'s answer has a touch on ${answer.date}`).toBeDefined();
			const fromHere = e!.prospect.touches.filter((t) => t.source === path);
			if (want!.from === "interaction") {
				// Its own touch: on its date, by its channel.
				expect(fromHere.map((t) => ({ date: t.date, channel: t.channel }))).toEqual([{ date: answer.date, channel: answer.channel ?? "meeting" }]);
			} else {
				// The same day as a touch of another form: one contact, counted once, not from here.
				expect(fromHere).toEqual([]);
			}
		}
		expect(entry(path)).toBeUndefined();
	});

	it.each([...byKind("template"), ...byKind("other")])("%s: never a prospect, never a problem", (path) => {
		expect(entry(path)).toBeUndefined();
		expect(report.problems.filter((p) => p.path === path)).toEqual([]);
	});
});
