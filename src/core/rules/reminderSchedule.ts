import { setHours, setMinutes } from "date-fns";
import { addDaysToDay, dayToDate, isClockTime, isIsoDay, type ClockTime, type IsoDay } from "../text/dates";
import { KEPT, type DueEntry } from "./due";
import type { Touch } from "../read/note";

/** A prospect's touches that may be open timed ones: all of them, or those its kept row lists. */
export function openTimed(entry: DueEntry): readonly Touch[] {
	return entry[KEPT]?.timed ?? entry.prospect.touches;
}

/** A reminder counts as late when it fires more than this after its minute (the computer slept, or Obsidian was closed). */
export const LATE_AFTER_MS = 90_000;
/** Fired reminders are remembered this many days, then forgotten. */
const KEEP_FIRED_DAYS = 3;

/** An open touch line with a time: it raises a notice at that minute. */
export interface TimedTouch {
	/** Identifies the touch as written: editing its line (its time) makes it a new reminder. */
	key: string;
	path: string;
	name: string;
	company: string | null;
	line: number;
	raw: string;
	date: IsoDay;
	time: ClockTime;
	channel: string | null;
	objective: string | null;
	text: string;
}

/** What the reminders remember between runs, kept in the plugin's data beside the settings. */
export interface ReminderState {
	/** The day the morning digest was last shown. */
	lastDigestDay: IsoDay | null;
	/** Until this day (exclusive), no reminder fires. */
	pausedUntil: IsoDay | null;
	/** Keys of the timed touches already announced, with their day (to forget them later). */
	fired: { key: string; date: IsoDay }[];
	/** When reminders were last looked at (ms since 1970): what came due since fires, late if need be. */
	lastCheck: number | null;
}

export function emptyReminderState(): ReminderState {
	return { lastDigestDay: null, pausedUntil: null, fired: [], lastCheck: null };
}

/** Any stored value (old, partial, corrupt) as a valid state. */
export function migrateReminderState(raw: unknown): ReminderState {
	const state = emptyReminderState();
	if (typeof raw !== "object" || raw === null || Array.isArray(raw)) return state;
	const data = raw as Record<string, unknown>;
	const day = (value: unknown): IsoDay | null => (typeof value === "string" && isIsoDay(value) ? value : null);
	state.lastDigestDay = day(data.lastDigestDay);
	state.pausedUntil = day(data.pausedUntil);
	if (typeof data.lastCheck === "number" && Number.isFinite(data.lastCheck) && data.lastCheck > 0) state.lastCheck = data.lastCheck;
	if (Array.isArray(data.fired)) {
		for (const item of data.fired as unknown[]) {
			if (typeof item !== "object" || item === null) continue;
			const { key, date } = item as Record<string, unknown>;
			if (typeof key === "string" && day(date) !== null) state.fired.push({ key, date: date as IsoDay });
		}
	}
	return state;
}

/** The instant of a local day and time, in ms since 1970. */
export function instantOf(date: IsoDay, time: ClockTime): number {
	const [hours, minutes] = time.split(":").map(Number);
	return setMinutes(setHours(dayToDate(date)!, hours), minutes).getTime();
}

/**
 * Open timed touch lines, never of a paused prospect. A won or lost prospect's open lines (a
 * referral ask) are due like any other (README, "What is due"), so they remind too.
 */
export function timedTouches(entries: readonly DueEntry[]): TimedTouch[] {
	const out: TimedTouch[] = [];
	for (const entry of entries) {
		if (entry.effectiveStatus === "paused") continue;
		const p = entry.prospect;
		for (const touch of openTimed(entry)) {
			if (touch.check !== "open" || touch.time === null || !isClockTime(touch.time)) continue;
			out.push({
				key: `${p.path}|${touch.raw.trim()}`,
				path: p.path,
				name: p.name,
				company: p.company,
				line: touch.line,
				raw: touch.raw,
				date: touch.date,
				time: touch.time,
				channel: touch.channel,
				objective: touch.objective,
				text: touch.summary,
			});
		}
	}
	return out;
}

export interface DueReminder {
	touch: TimedTouch;
	/** It fires after its minute had passed by more than LATE_AFTER_MS. */
	late: boolean;
}

/**
 * The timed touches to announce at `now`: their minute came since the last look, they were not
 * announced before, and they are today's (a missed reminder from another day is an overdue
 * touch: the digest and the view show it). Nothing fires while reminders are paused.
 */
export function remindersDue(touches: readonly TimedTouch[], state: ReminderState, now: Date, today: IsoDay): DueReminder[] {
	if (isPaused(state, today) || state.lastCheck === null) return [];
	const fired = new Set(state.fired.map((f) => f.key));
	const due: DueReminder[] = [];
	const seen = new Set<string>();
	for (const touch of touches) {
		if (touch.date !== today || fired.has(touch.key) || seen.has(touch.key)) continue;
		const at = instantOf(touch.date, touch.time);
		if (at > now.getTime() || at <= state.lastCheck) continue;
		seen.add(touch.key);
		due.push({ touch, late: now.getTime() - at > LATE_AFTER_MS });
	}
	return due.sort((a, b) => a.touch.time.localeCompare(b.touch.time) || a.touch.name.localeCompare(b.touch.name));
}

/** Remembers that these reminders fired, and forgets those of days long gone. */
export function markFired(state: ReminderState, fired: readonly DueReminder[], today: IsoDay): ReminderState {
	const keepFrom = addDaysToDay(today, -KEEP_FIRED_DAYS);
	const kept = state.fired.filter((f) => f.date >= keepFrom);
	for (const r of fired) kept.push({ key: r.touch.key, date: r.touch.date });
	return { ...state, fired: kept };
}

export function isPaused(state: ReminderState, today: IsoDay): boolean {
	return state.pausedUntil !== null && today < state.pausedUntil;
}

/**
 * Whether the morning digest shows now: once a day, never while paused. The first time
 * Obsidian is open on a day, it shows at once; if Obsidian was already open when the day began,
 * it waits for the digest time.
 */
export function digestDue(state: ReminderState, today: IsoDay, clock: ClockTime, openedOn: IsoDay, digestTime: ClockTime): boolean {
	if (isPaused(state, today) || state.lastDigestDay === today) return false;
	return openedOn === today || clock >= digestTime;
}

/** "Touchbase: 3 follow-ups due today, 2 overdue", or null when nothing is due or overdue. */
export function digestText(counts: { today: number; overdue: number }): string | null {
	if (counts.today === 0 && counts.overdue === 0) return null;
	const due = `${counts.today} follow-up${counts.today === 1 ? "" : "s"} due today`;
	return counts.overdue > 0 ? `Touchbase: ${due}, ${counts.overdue} overdue` : `Touchbase: ${due}`;
}

/** The reminder's first line: "Call Dana Whitfield (Acme Roofing) at 14:30". */
export function reminderTitle(touch: TimedTouch, late: boolean): string {
	const channel = touch.channel ? `${touch.channel[0].toUpperCase()}${touch.channel.slice(1)}` : "Follow up with";
	const who = touch.company && touch.company !== touch.name ? `${touch.name} (${touch.company})` : touch.name;
	return `${channel} ${who} ${late ? `was due at ${touch.time}` : `at ${touch.time}`}`;
}

/** The reminder's detail: the objective, then what the touch is about. */
export function reminderDetail(touch: TimedTouch): string {
	return [touch.objective ? `Objective: ${touch.objective}` : null, touch.text || null].filter((s) => s !== null).join(" · ");
}
