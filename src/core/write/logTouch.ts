import { type ClockTime, type IsoDay, isIsoDay } from "../text/dates";
import { computeDue, isScheduled } from "../rules/due";
import { insertUnderHeading, setCheckbox, type EditResult } from "../text/edits";
import { keepContactHistory } from "./history";
import { withMirrors } from "./mirrors";
import { parseNextStep } from "../text/nextClause";
import { readFrontmatter } from "../text/frontmatter";
import { readNote, type Touch } from "../read/note";
import { prospectValues } from "./editTarget";
import type { TouchbaseSettings } from "../settings/settings";
import { ordinal, renderLine } from "../text/template";
import type { Outcome } from "../text/clauses";
import { cancelEndedTouches, endsOfTouch, nextStepLines } from "./endSequences";
import type { SequenceEnd } from "../settings/settings";

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
 * The body edits of Log a touch: the rendered line under the follow-up heading, and the open
 * touch it fulfils checked off. An answer (`outcome: yes` or `no`) or a touch on a meeting
 * channel ends the sequences that end on it: their other open touches tagged `#sequence/…` are
 * cancelled (`[-]`, kept in the note). When the touch checked off is a sequence step and the
 * next step waits for it ("after the previous step"), that step's line is written, dated from
 * this touch. Frontmatter is `logTouch`'s part, below.
 */
export function logTouchBody(
	text: string,
	path: string,
	input: LogInput,
	settings: TouchbaseSettings,
): EditResult & LogExtras {
	if (!isIsoDay(input.date)) return { ok: false, error: `${input.date} is not a date` };
	const fm = readFrontmatter(text);
	if (!fm.ok) return { ok: false, error: `line ${fm.line}: ${fm.message}` };
	const prospect = readNote(path, text, settings).prospect;
	let nextText: string | null = null;
	if (input.next !== null && input.next.trim() !== "") {
		const parsed = parseNextStep(input.next, input.date, settings.channels, settings.dateLocale);
		if ("error" in parsed) return { ok: false, error: parsed.error };
		const n = parsed.ok;
		nextText = [n.date, n.time, n.channel, n.text].filter((p) => p).join(" ");
	}
	const doneBefore = prospect ? computeDue(prospect, input.date, settings).doneCount : 0;
	const line = renderLine(settings.templates.touch, {
		...prospectValues(prospect, path),
		date: input.date,
		time: input.time,
		channel: input.channel.toLowerCase(),
		summary: input.summary.trim(),
		outcome: input.outcome,
		next: nextText,
		objective: input.objective,
		touch: ordinal(doneBefore + 1),
	}, prospect?.frontmatter ?? null);

	let body = text;
	// The open touch this one fulfils: due by now, the same channel first, then the earliest.
	const channel = input.channel.toLowerCase();
	const sameChannelFirst = (a: Touch, b: Touch): number =>
		Number(b.channel === channel) - Number(a.channel === channel) || a.date.localeCompare(b.date) || a.line - b.line;
	const open = (prospect?.touches ?? [])
		.filter((t) => isScheduled(t, input.date) && t.date <= input.date)
		.sort(sameChannelFirst);
	const fulfilled = new Set<number>();
	if (open.length > 0) {
		const checked = setCheckbox(body, open[0].line, "x", settings.channels, input.date);
		if (!checked.ok) return checked;
		body = checked.text;
		fulfilled.add(open[0].line);
	}
	let cancelled = 0;
	const ends = endsOfTouch(input.channel, input.outcome, settings);
	if (prospect && ends.length > 0) {
		const result = cancelEndedTouches(body, prospect.touches, input.date, ends, settings, fulfilled);
		if (!result.ok) return result;
		body = result.text;
		cancelled = result.cancelled ?? 0;
	}
	const done = prospect && open.length > 0 ? open[0] : null;
	const steps = prospect && done ? nextStepLines(prospect, done, input.date, ends, settings) : [];
	const lines = [line, ...steps.map((s) => s.line)];
	return {
		ok: true,
		text: insertUnderHeading(body, settings.followUpHeading, lines),
		line,
		cancelled,
		endedBy: cancelled > 0 ? ends : [],
		steps: steps.map(({ date, sequence }) => ({ date, sequence })),
	};
}

/** What Log a touch did beside its line: sequence touches cancelled (and why), waiting steps written. */
export interface LogExtras {
	line?: string;
	cancelled?: number;
	/** What ended the sequences when `cancelled` > 0: an answer, a meeting, or both. */
	endedBy?: SequenceEnd[];
	/** The steps written because the step before was done. */
	steps?: { date: IsoDay; sequence: string }[];
}

/** Log a touch on a whole note's text, frontmatter mirrors included: one write, in the plugin and the CLI. */
export function logTouch(
	text: string,
	path: string,
	input: LogInput,
	settings: TouchbaseSettings,
	today: IsoDay,
): EditResult & LogExtras {
	const kept = keepContactHistory(text, path, settings, today);
	return withMirrors(logTouchBody(kept.text, path, input, settings), path, settings, today);
}
