// Each command parses its note once (docs/architecture.md, "From a command to the note"): one
// `readNote`, one YAML parse, and a model that follows the edits. The model must say what a
// fresh read of the edited text says, or the mirrors would be wrong.
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative } from "node:path";
import { beforeEach, describe, expect, it } from "vitest";
import { computeDue } from "../../../src/core/rules/due";
import { readNote, type ProspectNote } from "../../../src/core/read/note";
import { DEFAULT_SETTINGS, type TouchbaseSettings } from "../../../src/core/settings/settings";
import { parseCounts } from "../../../src/core/text/yaml";
import { closeOn, closeProspect } from "../../../src/core/write/closeProspect";
import { draftFollowUp, draftOn } from "../../../src/core/write/draftFollowUp";
import { endSequencesOnStatus } from "../../../src/core/write/endSequences";
import { keepContactHistory } from "../../../src/core/write/keepContactHistory";
import { logOn, logTouch, type LogInput } from "../../../src/core/write/logTouch";
import { setMirrors } from "../../../src/core/write/mirrors";
import { ParsedNote } from "../../../src/core/write/parsedNote";
import { scheduleReferralAsk } from "../../../src/core/write/scheduleReferralAsk";
import { scheduleOn, scheduleTouch } from "../../../src/core/write/scheduleTouch";
import { setStatus } from "../../../src/core/write/setStatus";
import { snoozeOn, snoozeTouch, type DueTarget } from "../../../src/core/write/snoozeTouch";
import { startSequence, startSequenceOn } from "../../../src/core/write/startSequence";

const S = DEFAULT_SETTINGS;
const TODAY = "2026-11-23";
const LOG: LogInput = { date: TODAY, time: null, channel: "call", summary: "walked through the quote", outcome: "yes", next: "in 3 days", objective: null };

function notesUnder(dir: string): string[] {
	return readdirSync(dir).flatMap((name) => {
		const path = join(dir, name);
		if (statSync(path).isDirectory()) return notesUnder(path);
		return name.endsWith(".md") ? [path] : [];
	});
}

/** Every prospect of the example vault and of the real-notes fixtures, with a path in the prospect folder. */
const NOTES: [string, string][] = [
	...notesUnder("examples/vault").map((p): [string, string] => [relative("examples/vault", p).split("\\").join("/"), readFileSync(p, "utf8")]),
	...notesUnder("test/fixtures/real").map((p): [string, string] => [`Prospects/${relative("test/fixtures/real", p).split("\\").join("/")}`, readFileSync(p, "utf8")]),
	["Prospects/Synonyms.md", "---\nlast_contacted: 2026-11-10\nnextFollowUp: 2026-11-20\n---\n## Log\n- **Call 1:** 2026-11-23 (left a voicemail)\n- [ ] 2026-11-21 call: check #sequence/trade-show-lead\n[next:: 2026-11-22]\n"],
	["Prospects/Bare.md", "- [ ] 2026-11-20 email: send the quote 📅 2026-11-20\n"],
	["Prospects/Crlf.md", "---\r\ncreated: 2026-11-01\r\n---\r\n# Acme\r\n- 2026-11-18 call: hello\r\n"],
];

/** What due and the mirrors read from a prospect. */
function standing(prospect: ProspectNote | null, settings: TouchbaseSettings): unknown {
	if (prospect === null) return null;
	const due = computeDue(prospect, TODAY, settings);
	return {
		touches: prospect.touches.map((t) => [t.line, t.date, t.time, t.check, t.channel, t.from ?? "line", t.next?.date ?? null]),
		next: prospect.nextFollowUp.map((n) => [n.line, n.date]),
		lastContact: prospect.lastContact,
		status: prospect.status,
		frontmatter: prospect.frontmatter,
		due: [due.bucket, due.next?.date ?? null, due.next?.suggested ?? null, due.doneCount, due.lastTouch?.date ?? null],
	};
}

function targetOf(prospect: ProspectNote): DueTarget {
	const next = computeDue(prospect, TODAY, S).next;
	const line = next?.line ?? null;
	return { source: next?.source ?? "cadence", line, raw: line !== null ? (prospect.touches.find((t) => t.line === line)?.raw ?? null) : null, channel: next?.channel ?? null, text: next?.text ?? null };
}

const STEPS: [string, (note: ParsedNote) => unknown][] = [
	["log", (note) => logOn(note, LOG)],
	["log on a meeting channel, no outcome", (note) => logOn(note, { ...LOG, channel: "meeting", outcome: null, next: null })],
	["schedule", (note) => scheduleOn(note, { date: "2026-11-27", time: "10:00", channel: "email", summary: "check in", objective: "check" })],
	["close", (note) => note.setKeys([[S.keys.status, "won"]]) ?? closeOn(note, "won", TODAY, "call")],
	["snooze", (note) => note.prospect && snoozeOn(note, targetOf(note.prospect), "2026-11-30", undefined)],
	["draft", (note) => draftOn(note, { recap: "a new roof", gift: "a checklist", ask: "a call" }, TODAY)],
	["start a sequence", (note) => startSequenceOn(note, S.sequences[0], TODAY)],
];

describe("the model a command changes says what a fresh read of its text says", () => {
	for (const [name, step] of STEPS) {
		it(name, () => {
			let checked = 0;
			for (const [path, text] of NOTES) {
				const note = ParsedNote.read(path, text, S);
				// A command refuses a note that is not a prospect (a template may become one once it holds a dated line).
				if (note.refusal() !== null) continue;
				keepContactHistory(note, TODAY);
				step(note);
				expect(standing(note.prospect, S), `${path} after the body`).toEqual(standing(readNote(path, note.text, S).prospect, S));
				setMirrors(note, TODAY);
				expect(standing(note.prospect, S), `${path} after the mirrors`).toEqual(standing(readNote(path, note.text, S).prospect, S));
				if (note.prospect) checked++;
			}
			expect(checked).toBeGreaterThan(15);
		});
	}
});

describe("each command parses its note once", () => {
	const text = NOTES.find(([path]) => path === "Prospects/Synonyms.md")![1];
	const path = "Prospects/Synonyms.md";
	// Read before each test, not once for the block: a mutation run then sees which test reads
	// what (docs/testing.md, "Mutation testing"); the count starts after it, in the test.
	let prospect: ProspectNote;
	beforeEach(() => {
		prospect = readNote(path, text, S).prospect!;
	});
	const commands: [string, () => { ok: boolean }][] = [
		["log", () => logTouch(text, path, LOG, S, TODAY)],
		["schedule", () => scheduleTouch(text, path, { date: "2026-11-27", time: null, channel: "call", summary: "x", objective: null }, S, TODAY)],
		["snooze a line", () => snoozeTouch(text, path, targetOf(prospect), "2026-11-30", undefined, S, TODAY)],
		["snooze a key", () => snoozeTouch("---\nnextFollowUp: 2026-11-25\n---\n- 2026-11-18 call: x\n", path, { source: "next_follow_up", line: 2, raw: null, channel: null, text: null }, "2026-11-30", undefined, S, TODAY)],
		["snooze a Dataview field", () => snoozeTouch("- 2026-11-18 call: x\n[next:: 2026-11-25]\n", path, { source: "next_follow_up", line: 2, raw: null, channel: null, text: null }, "2026-11-30", undefined, S, TODAY)],
		["draft", () => draftFollowUp(text, path, { recap: "r", gift: "g", ask: "a" }, S, TODAY)],
		["close", () => closeProspect(text, path, "won", "call", S, TODAY)],
		["referral ask", () => scheduleReferralAsk(text, path, "2026-12-07", S, TODAY)],
		["start a sequence", () => startSequence(text, path, S.sequences[0], TODAY, S, TODAY)],
		["status", () => setStatus(text, path, "paused", S, TODAY)],
		["sequences ended by a status", () => endSequencesOnStatus(text.replace("---\n", "---\nstatus: won\n"), path, S, TODAY)],
	];
	for (const [name, run] of commands) {
		it(name, () => {
			parseCounts.notes = 0;
			parseCounts.yaml = 0;
			const result = run();
			expect(result.ok).toBe(true);
			expect(parseCounts.notes).toBe(1);
			expect(parseCounts.yaml).toBeLessThanOrEqual(1);
		});
	}
});

describe("a month-day counted once with a line of the same day", () => {
	// `Sent proposal on Feb 10` below `**Last Contact**: 2026-02-10` is that day's contact, counted
	// once; the line a command writes (2026-11-23) is nearer, so a fresh read gives Feb 10 another
	// year: the command reads the note again (README, "Bringing your existing notes").
	const body = (sent: string) => `# Startup XYZ\n\n- **Stage**: prospect\n- **Last Contact**: 2026-02-10\n\n## Notes\nAI consulting. Sent proposal on ${sent}, awaiting response.\n`;
	const path = "Prospects/Startup XYZ.md";

	it("is read again after a command writes a date near it, and says what a fresh read says", () => {
		const note = ParsedNote.read(path, body("Feb 10"), S);
		parseCounts.notes = 0;
		logOn(note, LOG);
		expect(parseCounts.notes).toBe(1);
		expect(standing(note.prospect, S)).toEqual(standing(readNote(path, note.text, S).prospect, S));
	});

	it("with its year written, is not read again: nothing can move it", () => {
		const note = ParsedNote.read(path, body("2026-02-10"), S);
		parseCounts.notes = 0;
		logOn(note, LOG);
		expect(parseCounts.notes).toBe(0);
		expect(standing(note.prospect, S)).toEqual(standing(readNote(path, note.text, S).prospect, S));
	});
});
