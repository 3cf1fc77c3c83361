// core/rules, step 4 (docs/architecture.md): what the model means on a day. Due, buckets, stats, reminders.
import { cadenceSuggestion, parseCadence, type Cadence } from "../text/cadence";
import { compareDayTime, daysBetween, type ClockTime, type IsoDay } from "../text/dates";
import type { ProspectNote, Status, Touch } from "../read/note";
import type { TouchbaseSettings } from "../settings/settings";
import { memo } from "../text/memo";
import { goingCold } from "./goingCold";

export const BUCKETS = ["overdue", "today", "upcoming", "later", "no-next-step", "paused", "closed"] as const;
export type Bucket = (typeof BUCKETS)[number];

export type DueSource = "scheduled" | "promised" | "next_follow_up" | "cadence" | "created";

export interface NextTouch {
	date: IsoDay;
	time: ClockTime | null;
	/** True when only the cadence (or `created`) suggests it: nobody promised it. */
	suggested: boolean;
	source: DueSource;
	channel: string | null;
	/** The scheduled touch's text, or the promised next step's. */
	text: string | null;
	objective: string | null;
	/** 1-based line of the touch line it comes from, if any. */
	line: number | null;
}

export interface DueEntry {
	/** Not enumerable: never shown, never compared. */
	[KEPT]?: Kept;
	prospect: ProspectNote;
	bucket: Bucket;
	next: NextTouch | null;
	/** Done touches, including a later last-contact date from frontmatter. */
	doneCount: number;
	lastTouch: { date: IsoDay; time: ClockTime | null; summary: string | null; channel: string | null } | null;
	/** Calendar days from today to the next touch (negative: overdue). */
	days: number | null;
	/** Whether the prospect is closed, paused or still open. */
	effectiveStatus: Status;
	/** Going cold: no touch for longer than its status allows (README, "Going cold"). */
	cold: boolean;
	/** Calendar days since the last done touch; null with none. */
	daysSinceTouch: number | null;
}

/**
 * What a due entry taken from the persisted index's row brings besides (docs/performance.md,
 * "Restart"), so that the view's week line and the reminders need not decode the prospect's
 * touches: this week's done touches and answers on `day`, and its open timed touch lines.
 */
export const KEPT = Symbol("kept");
export interface Kept {
	day: IsoDay;
	touches: number;
	answers: number;
	timed: Touch[];
}

/** Whether a touch line counts as done today. A line without a checkbox is done once its day came. */
export function isDone(touch: Touch, today: IsoDay): boolean {
	return touch.check === "done" || (touch.check === "none" && touch.date <= today);
}

export function isScheduled(touch: Touch, today: IsoDay): boolean {
	return touch.check === "open" || (touch.check === "none" && touch.date > today);
}

/**
 * Whether `b` is a later touch than `a`: by date, then time when both have one, then line
 * order. A line logged after a timed one on the same day is the later touch.
 */
function isLater(b: Touch, a: Touch): boolean {
	if (a.date !== b.date) return b.date > a.date;
	if (a.time !== null && b.time !== null && a.time !== b.time) return b.time > a.time;
	return b.line > a.line;
}

/**
 * Done touches, each once: a checked-off scheduled line (`[x]`) and a logged line of the same day
 * and channel are one touch told twice (Log a touch writes both); the logged line stands for it.
 */
export function distinctDone(done: readonly Touch[]): Touch[] {
	return done.filter(
		(t) =>
			!(
				t.check === "done" &&
				t.channel !== null &&
				done.some((o) => o !== t && o.date === t.date && o.channel === t.channel && (o.check !== "done" || o.line > t.line))
			),
	);
}

export function countDone(done: readonly Touch[]): number {
	return distinctDone(done).length;
}

export function resolveCadence(prospect: ProspectNote, settings: TouchbaseSettings): Cadence {
	if (prospect.cadence) return prospect.cadence;
	return defaultCadence(settings.cadence);
}

/** The settings' cadence is the same for every prospect: read once per text. */
const defaultCadence = memo(100, (text: string): Cadence => {
	const parsed = parseCadence(text);
	return "error" in parsed ? { kind: "steps", steps: [{ amount: 1, unit: "w" }] } : parsed;
});

/** Where one prospect stands on `today` (README, "What is due"). */
export function computeDue(prospect: ProspectNote, today: IsoDay, settings: TouchbaseSettings): DueEntry {
	const done = prospect.touches.filter((t) => isDone(t, today));
	const latestLine = done.reduce<Touch | null>((latest, t) => (latest === null || isLater(t, latest) ? t : latest), null);
	let doneCount = countDone(done);
	let lastTouch: DueEntry["lastTouch"] = latestLine
		? { date: latestLine.date, time: latestLine.time, summary: latestLine.summary || null, channel: latestLine.channel }
		: null;
	// A last-contact date on a day no done touch stands for is one more touch, on that day
	// (README, "Bringing your existing notes"): an older contact counts too, never lost.
	const contact = prospect.lastContact;
	if (contact && contact.date <= today && !done.some((t) => t.date === contact.date)) {
		doneCount += 1;
		if (lastTouch === null || contact.date > lastTouch.date) lastTouch = { date: contact.date, time: contact.time, summary: null, channel: null };
	}

	let status = prospect.status;
	if (status === "paused" && prospect.pausedUntil !== null && prospect.pausedUntil <= today) status = "active";

	const entry = (bucket: Bucket, next: NextTouch | null): DueEntry => ({
		prospect,
		bucket,
		next,
		doneCount,
		lastTouch,
		days: next ? daysBetween(today, next.date) : null,
		effectiveStatus: status,
		...goingCold(status, lastTouch?.date ?? null, prospect.created, today, settings),
	});
	if (status === "paused") return entry("paused", null);
	// A won or lost prospect is due only on its open touch lines (a referral ask, an onboarding
	// call): never a promised `next:`, a `next_follow_up` or the cadence; with none, it is closed.
	const closed = status === "won" || status === "lost";

	const candidates: NextTouch[] = [];
	for (const t of prospect.touches) {
		if (!isScheduled(t, today)) continue;
		candidates.push({
			date: t.date,
			time: t.time,
			suggested: false,
			source: "scheduled",
			channel: t.channel,
			text: t.summary || t.objective,
			objective: t.objective,
			line: t.line,
		});
	}
	if (closed) {
		candidates.sort(compareDayTime);
		return candidates.length === 0 ? entry("closed", null) : entry(bucketOf(today, candidates[0].date, settings), withChannel(candidates[0], prospect));
	}
	if (latestLine?.next && (lastTouch === null || lastTouch.date === latestLine.date)) {
		const n = latestLine.next;
		candidates.push({
			date: n.date,
			time: n.time,
			suggested: false,
			source: "promised",
			channel: n.channel,
			text: n.text || null,
			objective: latestLine.objective,
			line: latestLine.line,
		});
	}
	for (const f of prospect.nextFollowUp) {
		if (lastTouch === null || f.date > lastTouch.date) {
			candidates.push({
				date: f.date,
				time: f.time,
				suggested: false,
				source: "next_follow_up",
				channel: null,
				text: null,
				objective: null,
				line: f.line,
			});
		}
	}
	// On the same day a touch line beats a bare date (a next_follow_up, often our own mirror of
	// that very line): the line knows the time, the channel and what the touch is about.
	const bare = (c: NextTouch): number => (c.source === "next_follow_up" && c.time === null ? 1 : 0);
	candidates.sort((a, b) => (a.date !== b.date ? (a.date < b.date ? -1 : 1) : bare(a) - bare(b) || compareDayTime(a, b)));
	let next: NextTouch | null = candidates[0] ?? null;

	if (next === null) {
		const cadence = resolveCadence(prospect, settings);
		const suggestion =
			lastTouch !== null
				? cadenceSuggestion(cadence, doneCount, lastTouch.date, settings.skipWeekends)
				: cadence.kind === "steps"
					? prospect.created
					: null;
		if (suggestion !== null) {
			next = {
				date: suggestion,
				time: null,
				suggested: true,
				source: lastTouch !== null ? "cadence" : "created",
				channel: null,
				text: null,
				objective: null,
				line: null,
			};
		}
	}
	if (next === null) return entry("no-next-step", null);
	return entry(bucketOf(today, next.date, settings), withChannel(next, prospect));
}

function withChannel(next: NextTouch, prospect: ProspectNote): NextTouch {
	return next.channel === null ? { ...next, channel: prospect.channel } : next;
}

/** The bucket of a touch due on `date`. */
function bucketOf(today: IsoDay, date: IsoDay, settings: TouchbaseSettings): Bucket {
	const days = daysBetween(today, date);
	return days < 0 ? "overdue" : days === 0 ? "today" : days <= settings.upcomingDays ? "upcoming" : "later";
}

const BUCKET_ORDER = Object.fromEntries(BUCKETS.map((bucket, i) => [bucket, i])) as Record<Bucket, number>;

/** Order within a bucket: date, time, deal value (largest first), name. */
export function compareEntries(a: DueEntry, b: DueEntry): number {
	const bucketOrder = BUCKET_ORDER[a.bucket] - BUCKET_ORDER[b.bucket];
	if (bucketOrder !== 0) return bucketOrder;
	if (a.next && b.next) {
		const byDate = compareDayTime(a.next, b.next);
		if (byDate !== 0) return byDate;
	}
	const byValue = (b.prospect.value ?? 0) - (a.prospect.value ?? 0);
	if (byValue !== 0) return byValue;
	return a.prospect.name.localeCompare(b.prospect.name) || a.prospect.path.localeCompare(b.prospect.path);
}
