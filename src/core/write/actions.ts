import { cadenceSuggestion } from "../text/cadence";
import type { Outcome } from "../text/clauses";
import { addDaysToDay, type ClockTime, type IsoDay } from "../text/dates";
import { isScheduled, resolveCadence, type NextTouch } from "../rules/due";
import { insertUnderHeading, lineAt, locateLine, moveTouchDate, replaceLine, setCheckbox, type EditResult } from "../text/edits";
import { readFrontmatter } from "../text/frontmatter";
import { prospectFor, prospectValues } from "./editTarget";
import { parseNaturalDate } from "../text/nextClause";
import { endsOn, sequenceSlugsOf } from "./endSequences";
import type { TouchbaseSettings } from "../settings/settings";
import { ordinal, renderLine, renderTemplate } from "../text/template";
import { safeFileName } from "../text/noteName";

export interface ScheduleInput {
	date: IsoDay;
	time: ClockTime | null;
	channel: string;
	summary: string;
	objective: string | null;
}

/** Schedule next follow-up: an open touch line under the follow-up heading. */
export function scheduleTouchBody(text: string, path: string, input: ScheduleInput, settings: TouchbaseSettings): EditResult & { line?: string } {
	const prospect = prospectFor(text, path, settings);
	if ("error" in prospect) return { ok: false, error: prospect.error };
	const line = renderLine(
		settings.templates.scheduled,
		{
			...prospectValues(prospect, path),
			date: input.date,
			time: input.time,
			channel: input.channel.toLowerCase(),
			summary: input.summary.trim(),
			objective: input.objective?.trim().replace(/\s+/g, "-") || null,
		},
		prospect.frontmatter,
	);
	return { ok: true, text: insertUnderHeading(text, settings.followUpHeading, [line]), line };
}

/** What the view or a command saw as the due touch, so a later edit can find it again. */
export interface DueTarget {
	source: NextTouch["source"];
	/** 1-based line of the touch line, when there is one. */
	line: number | null;
	/** That line's text when it was seen. */
	raw: string | null;
	channel: string | null;
	text: string | null;
}

/**
 * Snooze: moves the due touch to `date`, never deleting it. A scheduled line gets the new date;
 * a promised `next:` gets the new date in its clause; a suggestion becomes a scheduled line.
 * A due date that came from `next_follow_up` only needs the frontmatter (the caller's part).
 */
export function snoozeBody(
	text: string,
	path: string,
	target: DueTarget,
	date: IsoDay,
	time: ClockTime | null | undefined,
	settings: TouchbaseSettings,
): EditResult {
	const prospect = prospectFor(text, path, settings);
	if ("error" in prospect) return { ok: false, error: prospect.error };
	if (target.source === "next_follow_up") return { ok: true, text };
	if (target.source === "cadence" || target.source === "created") {
		const scheduled = scheduleTouchBody(
			text,
			path,
			{ date, time: time ?? null, channel: target.channel ?? prospect.channel ?? settings.defaultChannel, summary: "follow up", objective: null },
			settings,
		);
		return scheduled.ok ? { ok: true, text: scheduled.text } : scheduled;
	}
	if (target.line === null || target.raw === null) return { ok: false, error: "the touch has no line to move" };
	const line = locateLine(text, target.line, target.raw);
	if (typeof line !== "number") return { ok: false, error: line.error };
	if (target.source === "scheduled") return moveTouchDate(text, line, date, time, settings.channels);
	const touch = prospect.touches.find((t) => t.line === line);
	const content = lineAt(text, line);
	if (!touch || content === null) return { ok: false, error: "the touch line is no longer in the note" };
	const moved = moveNextWhen(content, touch.date, date, settings);
	if (moved === null) return { ok: false, error: "the touch's next: date could not be found" };
	return replaceLine(text, line, moved);
}

/** Replaces the WHEN of a line's `next:` clause with an ISO date, keeping the rest. */
function moveNextWhen(content: string, baseDay: IsoDay, date: IsoDay, settings: TouchbaseSettings): string | null {
	const m = /\bnext:(?!:)[ \t]*/i.exec(content);
	if (!m) return null;
	const start = m.index + m[0].length;
	const rest = content.slice(start);
	const iso = /^(?:\[\[)?\d{4}-\d{2}-\d{2}(?:\]\])?(?:\s+\d{2}:\d{2}(?=\s|$))?/.exec(rest);
	const length = iso ? iso[0].length : (parseNaturalDate(rest, baseDay, settings.dateLocale)?.length ?? 0);
	if (length === 0) return null;
	return content.slice(0, start) + date + rest.slice(length);
}

export interface DraftInput {
	recap: string;
	/** One thing of value for them: a link, an idea, a case study. */
	gift: string;
	/** The clear next step to propose. */
	ask: string;
}

/**
 * Draft follow-up email: the templated draft under the drafts heading, and an open
 * "send drafted follow-up" touch at the first cadence step.
 */
export function draftBody(text: string, path: string, input: DraftInput, settings: TouchbaseSettings, today: IsoDay): EditResult & { sendOn?: IsoDay } {
	const prospect = prospectFor(text, path, settings);
	if ("error" in prospect) return { ok: false, error: prospect.error };
	const cadence = resolveCadence(prospect, settings);
	const sendOn = cadenceSuggestion(cadence, 1, today, settings.skipWeekends) ?? addDaysToDay(today, 1);
	const draft = renderTemplate(
		settings.templates.draft,
		{
			...prospectValues(prospect, path),
			contact: prospect.contact ?? prospect.name,
			date: today,
			summary: input.recap.trim(),
			recap: input.recap.trim(),
			gift: input.gift.trim(),
			next: input.ask.trim(),
		},
		prospect.frontmatter,
	);
	const withDraft = insertUnderHeading(text, settings.draftsHeading, draft.split(/\r?\n/));
	const scheduled = scheduleTouchBody(
		withDraft,
		path,
		{ date: sendOn, time: null, channel: "email", summary: "send drafted follow-up", objective: "send-draft" },
		settings,
	);
	return scheduled.ok ? { ok: true, text: scheduled.text, sendOn } : scheduled;
}

/**
 * Mark won / Mark lost: cancels every open touch (`[-]`, kept in the note) and logs the closing
 * touch. The caller sets `status`. A sequence that does not end on this status (its `endsOn`)
 * keeps its open touches: they stay due, as any open line of a closed note does.
 */
export function closeBody(
	text: string,
	path: string,
	outcome: "won" | "lost",
	today: IsoDay,
	channel: string,
	settings: TouchbaseSettings,
): EditResult & { cancelled?: number } {
	const prospect = prospectFor(text, path, settings);
	if ("error" in prospect) return { ok: false, error: prospect.error };
	let body = text;
	let cancelled = 0;
	for (const touch of prospect.touches) {
		if (!isScheduled(touch, today)) continue;
		const slugs = sequenceSlugsOf(touch.raw);
		if (slugs.length > 0 && !slugs.some((slug) => endsOn(slug, outcome, settings))) continue;
		const result = setCheckbox(body, touch.line, "-", settings.channels);
		if (!result.ok) return result;
		body = result.text;
		cancelled++;
	}
	const done = prospect.touches.filter((t) => !isScheduled(t, today) && t.check !== "cancelled").length;
	const result: Outcome = outcome === "won" ? "yes" : "no";
	const line = renderLine(
		settings.templates.touch,
		{
			...prospectValues(prospect, path),
			date: today,
			channel,
			summary: outcome === "won" ? "won" : "lost",
			outcome: result,
			touch: ordinal(done + 1),
		},
		prospect.frontmatter,
	);
	return { ok: true, text: insertUnderHeading(body, settings.followUpHeading, [line]), cancelled };
}

export interface NewProspectInput {
	name: string;
	company: string;
	contact: string;
}

/** A safe file name for a prospect (`safeFileName`). */
export function prospectFileName(name: string): string {
	return safeFileName(name);
}

/**
 * The new note's text from the prospect template. Values that would break the YAML (a colon,
 * a quote, a leading `[`) are written quoted.
 */
export function newProspectText(input: NewProspectInput, settings: TouchbaseSettings, today: IsoDay): string {
	const values = { prospect: input.name.trim(), company: input.company.trim(), contact: input.contact.trim(), date: today };
	const plain = renderTemplate(settings.templates.prospect, values);
	if (readFrontmatter(plain).ok) return plain;
	const quoted = Object.fromEntries(Object.entries(values).map(([k, v]) => [k, v === "" ? "" : JSON.stringify(v)]));
	return renderTemplate(settings.templates.prospect, quoted);
}
