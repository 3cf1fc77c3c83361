import { type ClockTime, type IsoDay, isIsoDay } from "./dates";
import { computeDue, isScheduled } from "./due";
import { insertUnderHeading, setCheckbox, type EditResult } from "./edits";
import { withMirrors } from "./mirrors";
import { parseNextStep } from "./nextClause";
import { readFrontmatter } from "./frontmatter";
import { readNote, type Touch } from "./note";
import { prospectValues } from "./editTarget";
import type { TouchbaseSettings } from "./settings";
import { ordinal, renderLine } from "./template";
import type { Outcome } from "./clauses";
import { cancelSequenceTouches } from "./sequences";

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
 * touch it fulfils checked off. An answer (`outcome: yes` or `no`) ends every sequence: the
 * other open touches tagged `#sequence/…` are cancelled (`[-]`, kept in the note). Frontmatter
 * is `logTouch`'s part, below.
 */
export function logTouchBody(
	text: string,
	path: string,
	input: LogInput,
	settings: TouchbaseSettings,
): EditResult & { line?: string; cancelled?: number } {
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
	if (prospect && (input.outcome === "yes" || input.outcome === "no")) {
		const result = cancelSequenceTouches(body, prospect.touches, input.date, settings.channels, fulfilled);
		if (!result.ok) return result;
		body = result.text;
		cancelled = result.cancelled ?? 0;
	}
	return { ok: true, text: insertUnderHeading(body, settings.followUpHeading, [line]), line, cancelled };
}

/** Log a touch on a whole note's text, frontmatter mirrors included: one write, in the plugin and the CLI. */
export function logTouch(
	text: string,
	path: string,
	input: LogInput,
	settings: TouchbaseSettings,
	today: IsoDay,
): EditResult & { line?: string; cancelled?: number } {
	return withMirrors(logTouchBody(text, path, input, settings), path, settings, today);
}
