import { startOfWeek } from "date-fns";
import { addDaysToDay, daysBetween, dayToDate, formatDay, type IsoDay } from "../text/dates";
import { distinctDone, isDone, KEPT, type DueEntry } from "./due";
import type { ProspectNote, Status, Touch } from "../read/note";

/** "85% of sales are made after the 5th follow-up": the touch that counts as persistence. */
export const PERSISTENT_TOUCH = 5;
/** How many weeks the touches-per-week chart covers, this one included. */
export const STATS_WEEKS = 12;
/** Histogram bins: 0 to 9 touches, then 10 or more. */
const HISTOGRAM_TOP = 10;

export interface ProspectRef {
	path: string;
	name: string;
	status: Status;
	/** Done touches, as the follow-ups view counts them. */
	touches: number;
}

export interface HistogramBin {
	/** "0" … "9", then "10+". */
	label: string;
	count: number;
}

export interface BrokenPromise {
	path: string;
	name: string;
	/** 1-based line of the promise: the scheduled line, or the touch whose `next:` promised it. */
	line: number;
	promised: { date: IsoDay; channel: string | null };
	done: { date: IsoDay; channel: string | null; line: number };
	late: boolean;
	otherChannel: boolean;
}

export interface ChannelFigures {
	channel: string;
	touches: number;
	answers: number;
	/** answers / touches, or null without touches. */
	answerRate: number | null;
}

export interface WeekFigures {
	/** The Monday the week starts on. */
	start: IsoDay;
	touches: number;
	answers: number;
}

export interface Stats {
	today: IsoDay;
	/** The current week, Monday to Sunday, as far as today. */
	week: { start: IsoDay; end: IsoDay; touches: number; answers: number; promisesAtRisk: number };
	close: {
		won: HistogramBin[];
		lost: HistogramBin[];
		wins: number;
		losses: number;
		/** Wins that came at the 5th touch or later. */
		persistentWins: number;
		/** persistentWins / wins, or null without wins. */
		persistentWinShare: number | null;
	};
	/** Lost prospects, and open ones without a next step, that had fewer than five touches. */
	stoppedEarly: ProspectRef[];
	promises: {
		/** Promises (scheduled lines and `next:` steps) with a touch done for them. */
		done: number;
		/** Done on or before the promised day, by the promised channel. */
		kept: number;
		keptShare: number | null;
		broken: BrokenPromise[];
	};
	channels: ChannelFigures[];
	/** Oldest first; the last is this week. */
	weeks: WeekFigures[];
	pipeline: {
		open: { lead: number; active: number; paused: number };
		/** Open prospects due by the end of this week (overdue ones too), and the sum of their `value`. */
		dueThisWeek: { prospects: number; value: number; withoutValue: number };
		/** Open prospects going cold, whatever their next date (README, "Going cold"). */
		cold: number;
	};
}

/** A touch where the prospect answered: any outcome (yes, no, next step). */
export function isAnswer(touch: Touch): boolean {
	return touch.outcome !== null;
}

function weekStart(day: IsoDay): IsoDay {
	return formatDay(startOfWeek(dayToDate(day)!, { weekStartsOn: 1 }));
}

function histogram(counts: number[]): HistogramBin[] {
	const bins: HistogramBin[] = [];
	for (let n = 0; n <= HISTOGRAM_TOP; n++) bins.push({ label: n === HISTOGRAM_TOP ? `${n}+` : String(n), count: 0 });
	for (const n of counts) bins[Math.min(n, HISTOGRAM_TOP)].count++;
	return bins;
}

function ref(entry: DueEntry): ProspectRef {
	return { path: entry.prospect.path, name: entry.prospect.name, status: entry.effectiveStatus, touches: entry.doneCount };
}

const OPEN_BUCKETS = new Set(["overdue", "today", "upcoming", "later"]);

/**
 * The day a scheduled line was promised for: its own date, or for a Tasks line the last day it
 * allows (its 📅 due date, else its ⏳ scheduled date): done on or before it, the promise is kept.
 */
function promisedDay(touch: Touch): IsoDay {
	const tasks = touch.parsed.tasks;
	if (!tasks) return touch.date;
	const days = [tasks.due, tasks.scheduled].filter((d): d is IsoDay => d !== null);
	return days.length > 0 ? days.sort()[days.length - 1] : touch.date;
}

/**
 * Promises and the touches done for them. A checked-off scheduled line was fulfilled by a logged
 * touch on or after its day, chosen as Log a touch chooses it (same channel first, then the
 * earliest). A `next:` step was fulfilled by the first touch after the one that promised it.
 */
function promisesOf(prospect: ProspectNote, today: IsoDay): { done: number; kept: number; broken: BrokenPromise[] } {
	const done = distinctDone(prospect.touches.filter((t) => isDone(t, today))).sort((a, b) => a.date.localeCompare(b.date) || a.line - b.line);
	let count = 0;
	let kept = 0;
	const broken: BrokenPromise[] = [];
	const judge = (line: number, promised: { date: IsoDay; channel: string | null }, by: { date: IsoDay; channel: string | null; line: number }): void => {
		count++;
		const late = by.date > promised.date;
		const otherChannel = promised.channel !== null && by.channel !== promised.channel;
		if (!late && !otherChannel) kept++;
		else broken.push({ path: prospect.path, name: prospect.name, line, promised, done: by, late, otherChannel });
	};

	// Checked-off scheduled lines: the logged touches, in order, each fulfils one.
	const waiting = new Set(prospect.touches.filter((t) => t.check === "done"));
	const logged = prospect.touches.filter((t) => t.check === "none" && t.date <= today).sort((a, b) => a.date.localeCompare(b.date) || a.line - b.line);
	for (const touch of logged) {
		// A Tasks line checked off (✅) before this touch was done by itself, not by this touch.
		const candidates = [...waiting].filter((s) => promisedDay(s) <= touch.date && !(s.parsed.tasks?.done && s.parsed.tasks.done < touch.date));
		if (candidates.length === 0) continue;
		candidates.sort((a, b) => Number(b.channel === touch.channel) - Number(a.channel === touch.channel) || promisedDay(a).localeCompare(promisedDay(b)) || a.line - b.line);
		const fulfilled = candidates[0];
		waiting.delete(fulfilled);
		judge(fulfilled.line, { date: promisedDay(fulfilled), channel: fulfilled.channel }, { date: touch.date, channel: touch.channel, line: touch.line });
	}
	// Checked off with no logged touch for it: done on its ✅ day, or on its own day, as written.
	for (const s of waiting) {
		judge(s.line, { date: promisedDay(s), channel: s.channel }, { date: s.parsed.tasks?.done ?? s.date, channel: s.channel, line: s.line });
	}

	// Promised next steps, unless a scheduled line already says the same.
	const scheduled = new Set(prospect.touches.filter((t) => t.check !== "none").map((t) => `${promisedDay(t)}|${t.channel ?? ""}`));
	for (let i = 0; i < done.length; i++) {
		const next = done[i].next;
		if (next === null || scheduled.has(`${next.date}|${next.channel ?? ""}`)) continue;
		const by = done[i + 1];
		if (by === undefined) continue;
		judge(done[i].line, { date: next.date, channel: next.channel }, { date: by.date, channel: by.channel, line: by.line });
	}
	return { done: count, kept, broken };
}

/** Done touches, each once, from `from` on (an echo is always of the same day, so cutting by day first changes nothing). */
function doneSince(prospect: ProspectNote, from: IsoDay, today: IsoDay): Touch[] {
	return distinctDone(prospect.touches.filter((t) => t.date >= from && isDone(t, today)));
}

/**
 * This week's line (Monday to Sunday): touches done and answers got since Monday, and promises at
 * risk (open prospects whose due touch was promised, not suggested, and falls by Sunday, overdue
 * ones included). Cheap enough for the view's header on every redraw.
 */
export function weekFigures(entries: readonly DueEntry[], today: IsoDay): Stats["week"] {
	const start = weekStart(today);
	const week = { start, end: addDaysToDay(start, 6), touches: 0, answers: 0, promisesAtRisk: 0 };
	for (const entry of entries) {
		if (OPEN_BUCKETS.has(entry.bucket) && entry.next !== null && !entry.next.suggested && entry.next.date <= week.end) week.promisesAtRisk++;
		const [touches, answers] = weekTouches(entry, today, start);
		week.touches += touches;
		week.answers += answers;
	}
	return week;
}

/** One prospect's touches done and answers got this week (Monday to Sunday). */
export function weekTouches(entry: DueEntry, today: IsoDay, start: IsoDay = weekStart(today)): [number, number] {
	const kept = entry[KEPT];
	if (kept?.day === today) return [kept.touches, kept.answers];
	const end = addDaysToDay(start, 6);
	let touches = 0;
	let answers = 0;
	for (const touch of doneSince(entry.prospect, start, today)) {
		// A touch checked off ahead of its day counts on its day, in its own week.
		if (touch.date > end) continue;
		touches++;
		if (isAnswer(touch)) answers++;
	}
	return [touches, answers];
}

/**
 * The figures of the Stats tab and `touchbase stats`, over every prospect, closed ones included,
 * from the due entries the index already computed for `today`.
 */
export function computeStats(entries: readonly DueEntry[], today: IsoDay): Stats {
	const week = weekFigures(entries, today);
	const firstWeek = addDaysToDay(week.start, -7 * (STATS_WEEKS - 1));
	const weeks: WeekFigures[] = [];
	for (let i = 0; i < STATS_WEEKS; i++) weeks.push({ start: addDaysToDay(firstWeek, 7 * i), touches: 0, answers: 0 });

	const wonTouches: number[] = [];
	const lostTouches: number[] = [];
	const stoppedEarly: ProspectRef[] = [];
	const channels = new Map<string, ChannelFigures>();
	const promises = { done: 0, kept: 0, broken: [] as BrokenPromise[] };
	const open = { lead: 0, active: 0, paused: 0 };
	const dueThisWeek = { prospects: 0, value: 0, withoutValue: 0 };
	let cold = 0;

	for (const entry of entries) {
		const prospect = entry.prospect;
		const status = entry.effectiveStatus;
		if (status === "won") wonTouches.push(entry.doneCount);
		else if (status === "lost") lostTouches.push(entry.doneCount);
		else open[status]++;
		if (entry.cold) cold++;
		if (entry.doneCount < PERSISTENT_TOUCH && (status === "lost" || entry.bucket === "no-next-step")) stoppedEarly.push(ref(entry));

		// The pipeline is open deals: a won or lost prospect due on a line (a referral ask) is not one.
		if (status !== "won" && status !== "lost" && OPEN_BUCKETS.has(entry.bucket) && entry.next !== null && entry.next.date <= week.end) {
			dueThisWeek.prospects++;
			if (prospect.value === null) dueThisWeek.withoutValue++;
			else dueThisWeek.value += prospect.value;
		}

		for (const touch of doneSince(prospect, "0000-00-00", today)) {
			const channel = touch.channel ?? "(none)";
			const figures = channels.get(channel) ?? { channel, touches: 0, answers: 0, answerRate: null };
			figures.touches++;
			if (isAnswer(touch)) figures.answers++;
			channels.set(channel, figures);
			// A touch checked off ahead of its day counts on its day: after this week it has no bar yet.
			const bar = touch.date >= firstWeek ? weeks[Math.floor(daysBetween(firstWeek, touch.date) / 7)] : undefined;
			if (bar) {
				bar.touches++;
				if (isAnswer(touch)) bar.answers++;
			}
		}

		const kept = promisesOf(prospect, today);
		promises.done += kept.done;
		promises.kept += kept.kept;
		promises.broken.push(...kept.broken);
	}

	for (const figures of channels.values()) figures.answerRate = figures.touches > 0 ? figures.answers / figures.touches : null;
	const wins = wonTouches.length;
	const persistentWins = wonTouches.filter((n) => n >= PERSISTENT_TOUCH).length;
	return {
		today,
		week,
		close: {
			won: histogram(wonTouches),
			lost: histogram(lostTouches),
			wins,
			losses: lostTouches.length,
			persistentWins,
			persistentWinShare: wins > 0 ? persistentWins / wins : null,
		},
		stoppedEarly: stoppedEarly.sort((a, b) => a.touches - b.touches || a.name.localeCompare(b.name) || a.path.localeCompare(b.path)),
		promises: {
			done: promises.done,
			kept: promises.kept,
			keptShare: promises.done > 0 ? promises.kept / promises.done : null,
			broken: promises.broken.sort((a, b) => b.done.date.localeCompare(a.done.date) || a.name.localeCompare(b.name) || a.line - b.line),
		},
		channels: [...channels.values()].sort((a, b) => b.touches - a.touches || a.channel.localeCompare(b.channel)),
		weeks,
		pipeline: { open, dueThisWeek, cold },
	};
}
