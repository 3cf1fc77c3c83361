import { type ClockTime, type IsoDay, isIsoDay } from "./dates";
import { computeDue, isScheduled } from "./due";
import { insertUnderHeading, setCheckbox, setFrontmatterKeys, type EditResult, type FrontmatterValue } from "./edits";
import { parseNextStep } from "./nextClause";
import { normalizeKey, readDateValue, readFrontmatter } from "./frontmatter";
import { readNote, type ProspectNote, type Touch } from "./note";
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

/** Placeholder values shared by every template that speaks of one prospect. */
export function prospectValues(prospect: ProspectNote | null, path: string): Record<string, string | null> {
	return {
		prospect: prospect?.name ?? path.replace(/^.*\//, "").replace(/\.md$/i, ""),
		company: prospect?.company ?? null,
		contact: prospect?.contact ?? null,
	};
}

/** The frontmatter mirrors (`last_touch`, `touches`, `next_follow_up`) as a note now stands. */
export function mirrorKeys(text: string, path: string, settings: TouchbaseSettings, today: IsoDay): [string, FrontmatterValue][] {
	const prospect = readNote(path, text, settings).prospect;
	if (!prospect) return [];
	// The old next_follow_up (and its synonyms) is what we are rewriting: it must not vote for
	// itself. A Dataview field in the body (`[next:: …]`) is not rewritten, so it still counts.
	const bodyLine = readFrontmatter(text).block?.bodyLine ?? 0;
	const inline = prospect.nextFollowUp.filter((f) => f.line !== null && f.line > bodyLine);
	const due = computeDue({ ...prospect, nextFollowUp: inline }, today, settings);
	const k = settings.keys;
	const out: [string, FrontmatterValue][] = [
		[k.lastTouch, due.lastTouch?.date ?? null],
		[k.touches, due.doneCount],
	];
	const explicit = due.next && !due.next.suggested ? due.next.date : null;
	if (explicit !== null || prospect.nextFollowUp.length > 0) out.push([k.nextFollowUp, explicit]);
	// A synonym the note already uses (`next_contact`, `last_contacted`, or `next_action` holding
	// a date) is the same key by another name: left alone, it would keep its old date, and an old
	// next date would still count as a next follow-up.
	const lastTouch = out[0][1];
	const canonical = new Set([normalizeKey(k.nextFollowUp), normalizeKey(k.lastTouch)]);
	const nextSynonyms = new Set(settings.synonyms.nextFollowUp.map(normalizeKey));
	const lastSynonyms = new Set(settings.synonyms.lastTouch.map(normalizeKey));
	const actions = new Set(settings.synonyms.nextAction.map(normalizeKey));
	const seen = new Set<string>();
	for (const [key, value] of Object.entries(prospect.frontmatter)) {
		const norm = normalizeKey(key);
		if (canonical.has(norm) || seen.has(norm)) continue;
		seen.add(norm);
		if (nextSynonyms.has(norm) || (actions.has(norm) && readDateValue(value).kind === "date")) out.push([key, explicit]);
		else if (lastSynonyms.has(norm)) out.push([key, lastTouch]);
	}
	return out;
}

/**
 * The body edits of Log a touch: the rendered line under the follow-up heading, and the open
 * touch it fulfils checked off. An answer (`outcome: yes` or `no`) ends every sequence: the
 * other open touches tagged `#sequence/…` are cancelled (`[-]`, kept in the note). Frontmatter
 * is left to the caller (the plugin mirrors it in a second `Vault.process`); `logTouch` below
 * does both for the CLI.
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

/** Log a touch on a whole note's text, frontmatter mirrors included (the CLI's `log`). */
export function logTouch(
	text: string,
	path: string,
	input: LogInput,
	settings: TouchbaseSettings,
	today: IsoDay,
): EditResult & { line?: string; cancelled?: number } {
	const body = logTouchBody(text, path, input, settings);
	if (!body.ok) return body;
	const mirrored = setFrontmatterKeys(body.text, mirrorKeys(body.text, path, settings, today));
	return mirrored.ok ? { ...mirrored, line: body.line, cancelled: body.cancelled } : mirrored;
}
