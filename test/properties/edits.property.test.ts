import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { insertUnderHeading, moveTouchDate, setCheckbox, setFrontmatterKeys } from "../../src/core/text/edits";
import { findFrontmatter } from "../../src/core/text/scan";
import { logTouchBody } from "../../src/core/write/logTouch";
import { readNote } from "../../src/core/read/note";
import { DEFAULT_SETTINGS } from "../../src/core/settings/settings";
import { markdownish, noteText, RUNS, SEED } from "./arbitraries";

const CHANNELS = DEFAULT_SETTINGS.channels;

/**
 * The texts X such that `after` is `before` with X inserted at one place (there may be several
 * places when X repeats the text around it). Empty when more than one insertion changed it.
 */
function insertions(before: string, after: string): string[] {
	const extra = after.length - before.length;
	if (extra < 0) return [];
	let p = 0;
	while (p < before.length && before[p] === after[p]) p++;
	let q = 0;
	while (q < before.length && before[before.length - 1 - q] === after[after.length - 1 - q]) q++;
	const out: string[] = [];
	for (let k = Math.max(0, before.length - q); k <= Math.min(p, before.length); k++) out.push(after.slice(k, k + extra));
	return out;
}

/** A note's lines with their endings, so "only line k changed" can be checked byte for byte. */
function linesWithEndings(text: string): string[] {
	return text.match(/[^\n]*\n|[^\n]+$/g) ?? [];
}

const touchLine = fc.tuple(
	fc.constantFrom("- ", "* ", "1. ", "  - ", "\t+ "),
	fc.constantFrom("", "[ ] ", "[x] "),
	fc.constantFrom("2026-11-20", "[[2026-11-21]]", "**2026-11-22**"),
	fc.constantFrom("", " 09:15"),
	fc.constantFrom(" call: a", " email check", " said hi → next: friday", ""),
).map((parts) => parts.join(""));

/** A note with one touch line placed among arbitrary lines; returns the text and its 1-based line. */
const noteWithTouch = fc
	.tuple(fc.array(markdownish.map((l) => l.replace(/[\r\n]/g, " ")), { maxLength: 12 }), touchLine, fc.nat(), fc.constantFrom("\n", "\r\n"), fc.boolean(), fc.boolean())
	.map(([lines, touch, at, eol, finalNewline, bom]) => {
		// Lines that could open a fence or a comment would hide the touch; keep them plain here.
		const safe = lines.map((l) => l.replace(/```|~~~|<!--|%%|^---|^\.\.\./g, "_"));
		const index = safe.length === 0 ? 0 : at % (safe.length + 1);
		safe.splice(index, 0, touch);
		return { text: `${bom ? "\uFEFF" : ""}${safe.join(eol)}${finalNewline ? eol : ""}`, line: index + 1, eol, finalNewline };
	});

describe("every edit changes only its own lines", () => {
	it("insertUnderHeading inserts one block and keeps every other byte", () => {
		fc.assert(
			fc.property(noteText, fc.constantFrom("## Follow-ups", "## Drafts", "### Log"), (text, heading) => {
				const out = insertUnderHeading(text, heading, ["- 2026-11-23 call: inserted"]);
				// The note's own line ending: its first (CRLF, LF, or a CR alone), LF when it has none.
				const eol = /\r\n|\r|\n/.exec(text)?.[0] ?? "\n";
				// One block of whole lines (the heading too, when it was missing), in the note's own
				// line endings, and nothing else.
				const added = insertions(text, out).find(
					(x) =>
						x.includes("- 2026-11-23 call: inserted") &&
						x.replace(/\r\n|\r|\n/g, "").replace("- 2026-11-23 call: inserted", "").replace(heading, "") === "" &&
						(x.match(/\r\n|\r|\n/g) ?? []).every((b) => b === eol),
				);
				expect(added, JSON.stringify(out)).toBeDefined();
				// A missing final line ending stays missing, an existing one stays.
				if (text !== "" && text !== "\uFEFF") expect(/[\r\n]$/.test(out)).toBe(/[\r\n]$/.test(text));
				expect(out.charCodeAt(0) === 0xfeff).toBe(text.charCodeAt(0) === 0xfeff);
			}),
			{ seed: SEED, numRuns: RUNS * 2 },
		);
	});

	it("setCheckbox and moveTouchDate change that one line and no other byte", () => {
		fc.assert(
			fc.property(noteWithTouch, fc.constantFrom("x", "-", " "), fc.constantFrom(null, "08:00", undefined), (note, mark, time) => {
				const before = linesWithEndings(note.text);
				for (const out of [setCheckbox(note.text, note.line, mark, CHANNELS), moveTouchDate(note.text, note.line, "2027-01-04", time, CHANNELS)]) {
					expect(out.ok).toBe(true);
					if (!out.ok) continue;
					const after = linesWithEndings(out.text);
					expect(after).toHaveLength(before.length);
					after.forEach((l, i) => {
						if (i !== note.line - 1) expect(l).toBe(before[i]);
					});
					// The edited line keeps its own line ending.
					const ending = (l: string) => /\r?\n$/.exec(l)?.[0] ?? "";
					expect(ending(after[note.line - 1])).toBe(ending(before[note.line - 1]));
				}
			}),
			{ seed: SEED, numRuns: RUNS * 2 },
		);
	});

	it("setFrontmatterKeys leaves the body byte for byte, and reads back what it wrote", () => {
		fc.assert(
			fc.property(noteText, fc.constantFrom("2026-12-01", 5, "call back", null), (text, value) => {
				const out = setFrontmatterKeys(text, [["next_follow_up", value]]);
				if (!out.ok) return; // the note's own YAML is broken: refused, nothing written
				const bodyOf = (t: string) => {
					const block = findFrontmatter(t);
					return block ? t.slice(block.end) : t.replace(/^\uFEFF/, "");
				};
				expect(bodyOf(out.text)).toBe(bodyOf(text));
				expect(out.text.charCodeAt(0) === 0xfeff).toBe(text.charCodeAt(0) === 0xfeff);
			}),
			{ seed: SEED, numRuns: RUNS * 2 },
		);
	});
});

const word = fc.constantFrom("quote", "roof", "Dana", "budget", "March", "deck", "#2", "café", "漢字", "$8,000", "50%", "a/b");
const summary = fc.array(word, { minLength: 1, maxLength: 6 }).map((w) => w.join(" "));

describe("a touch logged through the template reads back the same", () => {
	it("date, channel, summary, outcome and next step", () => {
		fc.assert(
			fc.property(
				fc.date({ min: new Date(2020, 0, 1), max: new Date(2030, 11, 31), noInvalidDate: true }),
				fc.constantFrom(...CHANNELS),
				summary,
				fc.constantFrom(null, "yes", "no", "next step"),
				fc.option(fc.tuple(fc.integer({ min: 1, max: 60 }), fc.constantFrom("", " call", " email")), { nil: null }),
				// A note holding NUL or U+FFFD is not text (README, "Problems"): it is not read back.
				noteText.filter((t) => !t.includes("\u0000") && !t.includes("\uFFFD")),
				(when, channel, words, outcome, next, existing) => {
					const date = `${when.getFullYear()}-${String(when.getMonth() + 1).padStart(2, "0")}-${String(when.getDate()).padStart(2, "0")}`;
					const nextText = next ? `in ${next[0]} days${next[1]}` : null;
					const out = logTouchBody(existing, "Prospects/X.md", { date, time: null, channel, summary: words, outcome: outcome, next: nextText, objective: null }, DEFAULT_SETTINGS);
					if (!out.ok) {
						expect(out.error).toMatch(/frontmatter/);
						return;
					}
					const touch = readNote("Prospects/X.md", out.text, DEFAULT_SETTINGS).prospect!.touches.find((t) => t.raw === out.line);
					expect(touch).toBeDefined();
					expect(touch).toMatchObject({ date, channel, summary: words, outcome });
					if (next) {
						const expected = new Date(when.getFullYear(), when.getMonth(), when.getDate() + next[0]);
						const day = `${expected.getFullYear()}-${String(expected.getMonth() + 1).padStart(2, "0")}-${String(expected.getDate()).padStart(2, "0")}`;
						expect(touch!.next).toMatchObject({ date: day, channel: next[1] ? next[1].trim() : null });
					} else {
						expect(touch!.next).toBeNull();
					}
				},
			),
			{ seed: SEED, numRuns: RUNS },
		);
	});
});
