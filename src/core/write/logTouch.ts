import { type ClockTime, type IsoDay, isIsoDay } from "../text/dates";
import { computeDue, isScheduled } from "../rules/due";
import type { EditResult } from "../text/edits";
import { parseNextStep } from "../text/nextClause";
import type { ProspectNote, Touch } from "../read/note";
import { prospectValues } from "./editTarget";
import type { TouchbaseSettings } from "../settings/settings";
import { ordinal, renderLine } from "../text/template";
import type { Outcome } from "../text/clauses";
import { cancelEndedTouches, endsOfTouch, nextStepLines } from "./endSequences";
import type { SequenceEnd } from "../settings/settings";
import type { ParsedNote } from "./parsedNote";
import { performBody, performCommand, type BodyResult } from "./performCommand";
import { insertTouchLines } from "./insertTouchLines";

export interface LogInput {
	date: IsoDay;
	time: ClockTime | null;
	channel: string;
	summary: string;
	outcome: Outcome | null;
	/** The next step as typed: "in 2 days email", "2026-12-01 call", or empty. */
	next: string | null;
	objective: string | null;
}

/**
 * Log a touch, on the model: the rendered line under the follow-up heading, and the open touch
 * it fulfils checked off. An answer (`outcome: yes` or `no`) or a touch on a meeting channel ends
 * the sequences that end on it: their other open touches tagged `#sequence/…` are cancelled
 * (`[-]`, kept in the note). When the touch checked off is a sequence step and the next step
 * waits for it ("after the previous step"), that step's line is written, dated from this touch.
 * Frontmatter is `logTouch`'s part, below. A note that is no prospect gets its line all the same.
 */
export function logOn(note: ParsedNote, input: LogInput): BodyResult<LogExtras> {
	if (!isIsoDay(input.date)) return { ok: false, error: `${input.date} is not a date` };
	const fm = note.frontmatter;
	if (!fm.ok) return { ok: false, error: `line ${fm.line}: ${fm.message}` };
	const settings = note.settings;
	const prospect = note.prospect;
	let nextText: string | null = null;
	if (input.next !== null && input.next.trim() !== "") {
		const parsed = parseNextStep(input.next, input.date, settings.channels, settings.dateLocale);
		if ("error" in parsed) return { ok: false, error: parsed.error };
		const n = parsed.ok;
		nextText = [n.date, n.time, n.channel, n.text].filter((p) => p).join(" ");
	}
	const doneBefore = prospect ? computeDue(prospect, input.date, settings).doneCount : 0;
	const line = renderLine(settings.templates.touch, {
		...prospectValues(prospect, note.path),
		date: input.date,
		time: input.time,
		channel: input.channel.toLowerCase(),
		summary: input.summary.trim(),
		outcome: input.outcome,
		next: nextText,
		objective: input.objective,
		touch: ordinal(doneBefore + 1),
	}, prospect?.frontmatter ?? null);

	// The open touch this one fulfils: due by now, the same channel first, then the earliest.
	const channel = input.channel.toLowerCase();
	const sameChannelFirst = (a: Touch, b: Touch): number =>
		Number(b.channel === channel) - Number(a.channel === channel) || a.date.localeCompare(b.date) || a.line - b.line;
	const open = (prospect?.touches ?? [])
		.filter((t) => isScheduled(t, input.date) && t.date <= input.date)
		.sort(sameChannelFirst);
	const fulfilled = new Set<number>();
	if (open.length > 0) {
		const failed = note.setCheckbox(open[0].line, "x", input.date);
		if (failed) return failed;
		fulfilled.add(open[0].line);
	}
	let cancelled = 0;
	const ends = endsOfTouch(input.channel, input.outcome, settings);
	if (prospect && ends.length > 0) {
		const result = cancelEndedTouches(note, prospect.touches, input.date, ends, fulfilled);
		if (!result.ok) return result;
		cancelled = result.cancelled;
	}
	const done = prospect && open.length > 0 ? open[0] : null;
	const steps = prospect && done ? nextStepLines(prospect, done, input.date, ends, settings) : [];
	insertTouchLines(note, [line, ...steps.map((s) => s.line)]);
	return {
		ok: true,
		line,
		cancelled,
		endedBy: cancelled > 0 ? ends : [],
		steps: steps.map(({ date, sequence }) => ({ date, sequence })),
	};
}

/** The body of Log a touch on a note's text: no history, no mirrors. */
export function logTouchBody(text: string, path: string, input: LogInput, settings: TouchbaseSettings): EditResult & LogExtras {
	return performBody(text, path, settings, (note) => logOn(note, input));
}

/** What Log a touch did beside its line: sequence touches cancelled (and why), waiting steps written. */
export interface LogExtras {
	line?: string;
	cancelled?: number;
	/** What ended the sequences when `cancelled` > 0: an answer, a meeting, or both. */
	endedBy?: SequenceEnd[];
	/** The steps written because the step before was done. */
	steps?: { date: IsoDay; sequence: string }[];
	/** The prospect as the note now stands (null: the note is no prospect), read with the rest. */
	prospect?: ProspectNote | null;
}

/** Log a touch on a whole note's text, frontmatter mirrors included: one write, in the plugin and the CLI. */
export function logTouch(
	text: string,
	path: string,
	input: LogInput,
	settings: TouchbaseSettings,
	today: IsoDay,
	linked: readonly Touch[] = [],
): EditResult & LogExtras {
	let prospect: ProspectNote | null = null;
	const result = performCommand(text, path, settings, today, (note) => logOn(note, input), { linked, written: (note) => (prospect = note.prospect) });
	return result.ok ? { ...result, prospect } : result;
}
