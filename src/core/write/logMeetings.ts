/**
 * Meetings from a calendar file, written into one prospect note (README, "Meetings from your
 * calendar"). Each event's line carries its key in an Obsidian comment (`%% event:KEY %%`), which
 * the reader never shows: a second run finds the line and changes nothing, a moved event moves it.
 */
import { computeDue, isScheduled } from "../rules/due";
import type { ClockTime, IsoDay } from "../text/dates";
import { insertUnderHeading, moveTouchDate, setCheckbox, type EditResult } from "../text/edits";
import { lineSpans } from "../text/scan";
import { letterRunsOf } from "../text/unicode";
import { ordinal, renderLine } from "../text/template";
import type { ProspectNote, Touch } from "../read/note";
import type { SequenceEnd, TouchbaseSettings } from "../settings/settings";
import { endedTouches, endsOfTouch, nextStepLines, sequenceSlugsOf } from "./endSequences";
import { prospectOf, prospectValues } from "./editTarget";
import { keepContactHistory } from "./keepContactHistory";
import { setMirrors } from "./mirrors";
import { ParsedNote } from "./parsedNote";

// A calendar's meetings are few per note, and each step below works on the text the last one
// left: these read the note again per step, where the other commands share one model.

/** The note's prospect, or why it cannot be edited. */
function prospectFor(text: string, path: string, settings: TouchbaseSettings): ProspectNote | { error: string } {
	const found = prospectOf(ParsedNote.read(path, text, settings));
	return "error" in found ? { error: found.error } : found;
}

/** Cancels (`[-]`) the touches the ends stop, on the text. */
function cancelEndedTouches(
	text: string,
	touches: readonly Touch[],
	day: IsoDay,
	ends: readonly SequenceEnd[],
	settings: TouchbaseSettings,
	keep: ReadonlySet<number>,
): EditResult & { cancelled?: number } {
	let body = text;
	let cancelled = 0;
	for (const touch of endedTouches(touches, day, ends, settings, keep)) {
		const result = setCheckbox(body, touch.line, "-", settings.channels);
		if (!result.ok) return result;
		body = result.text;
		cancelled++;
	}
	return { ok: true, text: body, cancelled };
}

/** One occurrence of a calendar event, in local time (read by core/import/calendarEvents.ts). */
export interface MeetingEvent {
	/** The event's UID, with the occurrence's original start for a recurring one: kept with its line. */
	key: string;
	title: string;
	/** Local day and time of its start; `time` null for an all-day event. */
	date: IsoDay;
	time: ClockTime | null;
	/** Attendees' and organizer's addresses, lower case. */
	emails: string[];
	/** `STATUS:CANCELLED`. */
	cancelled: boolean;
}

/** Now, as far as meetings go: an event that began by then is done. `time` null: the whole day is past. */
export interface MeetingNow {
	today: IsoDay;
	time: ClockTime | null;
}

/** Whether an event has begun by `now`: a done touch; else a scheduled one. An all-day event of today has. */
export function hasBegun(event: Pick<MeetingEvent, "date" | "time">, now: MeetingNow): boolean {
	if (event.date !== now.today) return event.date < now.today;
	return now.time === null || event.time === null || event.time <= now.time;
}

/** Title words that say which channel a meeting was on (README, "Meetings from your calendar"). */
const TITLE_CHANNELS: [RegExp, string[]][] = [
	[/^(?:call|phone|ring)$/, ["call", "phone"]],
	[/^(?:coffee|drinks)$/, ["coffee"]],
	[/^(?:lunch|dinner|breakfast|brunch)$/, ["lunch"]],
	[/^(?:video|zoom|teams|hangout|webex|videocall)$/, ["video"]],
	[/^(?:visit|tour|site)$/, ["visit"]],
	[/^(?:consult|consultation)$/, ["consult"]],
	[/^demo$/, ["demo", "meeting"]],
];

/** The channel of a meeting from its title's words: call, coffee, lunch, video, visit, consult … else `meeting`. */
export function meetingChannel(title: string, settings: TouchbaseSettings): string {
	for (const word of letterRunsOf(title.toLowerCase())) {
		for (const [pattern, channels] of TITLE_CHANNELS) {
			if (!pattern.test(word)) continue;
			const channel = channels.find((c) => settings.channels.includes(c));
			if (channel) return channel;
		}
	}
	return settings.channels.includes("meeting") ? "meeting" : settings.defaultChannel;
}

/** The comment that keeps an event's key with its line. */
export function eventMark(key: string): string {
	return `%% event:${key} %%`;
}

/**
 * An event title as a touch's words: one line, no comment markers, and none of the clauses a
 * touch line reads (`next:`, `outcome:`, `→`), so a title never becomes a promise or an answer.
 */
export function titleAsSummary(title: string): string {
	const flat = title
		.replace(/%%/g, "%")
		.replace(/<!--|-->/g, "")
		.replace(/\u2192|->/g, "-")
		.replace(/\b(next|outcome|objective)\s*::?/gi, "$1 -")
		.replace(/#(sequence|objective)\//gi, "$1/")
		.replace(/\s+/g, " ")
		.trim();
	return flat || "meeting";
}

export type MeetingAction = "logged" | "scheduled" | "moved" | "done" | "cancelled" | "unchanged";

export interface MeetingResult {
	event: MeetingEvent;
	action: MeetingAction;
}

export interface MeetingsEdit {
	results: MeetingResult[];
	/** Open sequence touches the meetings ended (README, "Sequences"). */
	sequenceCancelled: number;
}

/** The 1-based line holding `key`'s mark, or 0. */
function markedLine(text: string, key: string): number {
	const mark = eventMark(key);
	if (!text.includes(mark)) return 0;
	const spans = lineSpans(text);
	for (let i = 0; i < spans.length; i++) if (text.slice(spans[i].start, spans[i].end).includes(mark)) return i + 1;
	return 0;
}

/**
 * The sequence touches a meeting on `day` leaves alone: those of a sequence whose first line is
 * after that day (started after the meeting, so not ended by it). A meeting from weeks ago,
 * logged now from the calendar, does not end a plan made since.
 */
function startedAfter(touches: readonly Touch[], day: IsoDay): Set<number> {
	const firstDay = new Map<string, IsoDay>();
	for (const t of touches) {
		for (const slug of sequenceSlugsOf(t.raw)) {
			const seen = firstDay.get(slug);
			if (seen === undefined || t.date < seen) firstDay.set(slug, t.date);
		}
	}
	const keep = new Set<number>();
	for (const t of touches) {
		const slugs = sequenceSlugsOf(t.raw);
		if (slugs.length > 0 && slugs.every((slug) => (firstDay.get(slug) ?? "") > day)) keep.add(t.line);
	}
	return keep;
}

/** Ends the sequences a meeting on `day` ends, leaving `done` (the line it checked off) and later plans. */
function endSequencesByMeeting(
	text: string,
	prospect: ProspectNote,
	channel: string,
	day: IsoDay,
	done: ReadonlySet<number>,
	settings: TouchbaseSettings,
): EditResult & { cancelled?: number; ends?: SequenceEnd[] } {
	const ends = endsOfTouch(channel, null, settings);
	if (ends.length === 0) return { ok: true, text, cancelled: 0, ends };
	const keep = startedAfter(prospect.touches, day);
	for (const line of done) keep.add(line);
	const own = prospect.touches.filter((t) => t.source === undefined && t.line > 0);
	return { ...cancelEndedTouches(text, own, day, ends, settings, keep), ends };
}

/** A past event not yet in the note: a done touch, as Log a touch writes it (its open touch checked off, sequences ended). */
function logPast(text: string, path: string, event: MeetingEvent, settings: TouchbaseSettings): EditResult & { cancelled?: number } {
	const prospect = prospectFor(text, path, settings);
	if ("error" in prospect) return { ok: false, error: prospect.error };
	const channel = meetingChannel(event.title, settings);
	const line = renderLine(
		settings.templates.touch,
		{
			...prospectValues(prospect, path),
			date: event.date,
			time: event.time,
			channel,
			summary: `${titleAsSummary(event.title)} ${eventMark(event.key)}`,
			outcome: null,
			next: null,
			objective: null,
			touch: ordinal(computeDue(prospect, event.date, settings).doneCount + 1),
		},
		prospect.frontmatter,
	);
	let body = text;
	// The open touch it fulfils, as Log a touch picks it: due by that day, the same channel first.
	const open = prospect.touches
		.filter((t) => t.source === undefined && t.line > 0 && isScheduled(t, event.date) && t.date <= event.date && !t.raw.includes("%% event:"))
		.sort((a, b) => Number(b.channel === channel) - Number(a.channel === channel) || a.date.localeCompare(b.date) || a.line - b.line);
	const fulfilled = new Set<number>();
	if (open.length > 0) {
		const checked = setCheckbox(body, open[0].line, "x", settings.channels, event.date);
		if (!checked.ok) return checked;
		body = checked.text;
		fulfilled.add(open[0].line);
	}
	const ended = endSequencesByMeeting(body, prospect, channel, event.date, fulfilled, settings);
	if (!ended.ok) return ended;
	body = ended.text;
	const steps = open.length > 0 ? nextStepLines(prospect, open[0], event.date, ended.ends ?? [], settings) : [];
	return { ok: true, text: insertUnderHeading(body, settings.followUpHeading, [line, ...steps.map((s) => s.line)]), cancelled: ended.cancelled ?? 0 };
}

/** A future event not yet in the note: an open touch line in the scheduled-line template. */
function schedule(text: string, path: string, event: MeetingEvent, settings: TouchbaseSettings): EditResult {
	const prospect = prospectFor(text, path, settings);
	if ("error" in prospect) return { ok: false, error: prospect.error };
	const line = renderLine(
		settings.templates.scheduled,
		{
			...prospectValues(prospect, path),
			date: event.date,
			time: event.time,
			channel: meetingChannel(event.title, settings),
			summary: `${titleAsSummary(event.title)} ${eventMark(event.key)}`,
			objective: null,
		},
		prospect.frontmatter,
	);
	return { ok: true, text: insertUnderHeading(text, settings.followUpHeading, [line]) };
}

/**
 * An event whose line is already in the note: moved when the event moved, checked off when it
 * has begun since, cancelled when it was called off while still open; else left as it is (the
 * user may have added to the line).
 */
function update(
	text: string,
	path: string,
	line: number,
	event: MeetingEvent,
	now: MeetingNow,
	settings: TouchbaseSettings,
): EditResult & { action?: MeetingAction; cancelled?: number } {
	const begun = hasBegun(event, now);
	const prospect = prospectFor(text, path, settings);
	if ("error" in prospect) return { ok: false, error: prospect.error };
	const touch = prospect.touches.find((t) => t.source === undefined && t.line === line);
	// A line no longer read as a touch (changed by hand): left alone.
	if (!touch) return { ok: true, text, action: "unchanged" };
	if (event.cancelled) {
		if (isScheduled(touch, now.today)) {
			const cancelled = setCheckbox(text, line, "-", settings.channels);
			return cancelled.ok ? { ...cancelled, action: "cancelled" } : cancelled;
		}
		return { ok: true, text, action: "unchanged" };
	}
	let body = text;
	let action: MeetingAction = "unchanged";
	if (touch.date !== event.date || touch.time !== event.time) {
		const moved = moveTouchDate(body, line, event.date, event.time, settings.channels);
		if (!moved.ok) return moved;
		body = moved.text;
		action = "moved";
	}
	const isOpen = touch.check === "open" || touch.check === "none";
	if (begun && touch.check === "open") {
		const checked = setCheckbox(body, line, "x", settings.channels, event.date);
		if (!checked.ok) return checked;
		const ended = endSequencesByMeeting(checked.text, prospect, touch.channel ?? meetingChannel(event.title, settings), event.date, new Set([line]), settings);
		if (!ended.ok) return ended;
		return { ok: true, text: ended.text, action: action === "moved" ? "moved" : "done", cancelled: ended.cancelled ?? 0 };
	}
	if (!begun && !isOpen) {
		// A meeting that was done and is now in the future again: open once more.
		const reopened = setCheckbox(body, line, " ", settings.channels);
		if (!reopened.ok) return reopened;
		body = reopened.text;
		action = "moved";
	}
	return { ok: true, text: body, action };
}

/**
 * Writes the meetings matched to one prospect into its note: the whole new text, frontmatter
 * mirrors included (one write). Lines already there are found by their mark; new past events
 * become done touches, new future ones scheduled lines, cancelled ones are skipped. Refuses a
 * note whose frontmatter is broken or that is not a prospect.
 */
export function logMeetings(
	text: string,
	path: string,
	events: readonly MeetingEvent[],
	now: MeetingNow,
	settings: TouchbaseSettings,
): EditResult & Partial<MeetingsEdit> {
	const first = prospectFor(text, path, settings);
	if ("error" in first) return { ok: false, error: first.error };
	const kept = ParsedNote.read(path, text, settings);
	keepContactHistory(kept, now.today);
	let body = kept.text;
	const results: MeetingResult[] = [];
	let sequenceCancelled = 0;
	const inOrder = [...events].sort((a, b) => a.date.localeCompare(b.date) || (a.time ?? "").localeCompare(b.time ?? "") || a.key.localeCompare(b.key));
	// Lines already written first, so a new meeting never checks off another meeting's line.
	const known = inOrder.filter((e) => markedLine(body, e.key) > 0);
	const fresh = inOrder.filter((e) => markedLine(body, e.key) === 0);
	for (const event of known) {
		const result = update(body, path, markedLine(body, event.key), event, now, settings);
		if (!result.ok) return result;
		body = result.text;
		sequenceCancelled += result.cancelled ?? 0;
		results.push({ event, action: result.action ?? "unchanged" });
	}
	for (const event of fresh) {
		if (event.cancelled) continue;
		const begun = hasBegun(event, now);
		const result: EditResult & { cancelled?: number } = begun ? logPast(body, path, event, settings) : schedule(body, path, event, settings);
		if (!result.ok) return result;
		body = result.text;
		sequenceCancelled += result.cancelled ?? 0;
		results.push({ event, action: begun ? "logged" : "scheduled" });
	}
	if (results.every((r) => r.action === "unchanged")) return { ok: true, text, results, sequenceCancelled: 0 };
	const mirrored = ParsedNote.read(path, body, settings);
	const refused = setMirrors(mirrored, now.today);
	return refused ?? { ok: true, text: mirrored.text, results, sequenceCancelled };
}
