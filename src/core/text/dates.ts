import {
	addDays,
	addMonths,
	addWeeks,
	addYears,
	differenceInCalendarDays,
	formatISO,
	lightFormat,
	isValid,
	nextMonday,
	isWeekend,
} from "date-fns";
import { memo } from "./memo";

/** A calendar day written `YYYY-MM-DD`. Strings keep days free of time zones. */
export type IsoDay = string;
/** A wall-clock time written `HH:mm`. */
export type ClockTime = string;

const ISO_DAY = /^(\d{4})-(\d{2})-(\d{2})$/;
const CLOCK = /^([01]\d|2[0-3]):([0-5]\d)$/;

/** Local midnight of an ISO day, or null when the day does not exist (2026-02-30). */
export function dayToDate(day: string): Date | null {
	const m = ISO_DAY.exec(day);
	if (!m) return null;
	// The day's own numbers at local midnight (setFullYear: years below 100 stay themselves); a
	// day that does not exist rolls over, and then does not read back as itself.
	const d = new Date(2000, 0, 1);
	d.setFullYear(Number(m[1]), Number(m[2]) - 1, Number(m[3]));
	return isValid(d) && d.getFullYear() > 0 && formatDay(d) === day ? d : null;
}

/** Whether a string is a real day as YYYY-MM-DD. A vault repeats the same few thousand days. */
export const isIsoDay: (value: string) => boolean = memo(50_000, (value: string) => dayToDate(value) !== null);

export function isClockTime(value: string): boolean {
	return CLOCK.test(value);
}

export function formatDay(date: Date): IsoDay {
	// formatISO builds the string directly; `format` interprets a pattern on every call.
	return formatISO(date, { representation: "date" });
}

export function formatClock(date: Date): ClockTime {
	return lightFormat(date, "HH:mm");
}

/** Today's local calendar date. */
export function localToday(now: Date = new Date()): IsoDay {
	return formatDay(now);
}

// Due lists ask these of the same few hundred days for every prospect: kept, they cost a lookup
// instead of parsing and formatting Dates (most of a warm run's arithmetic).

const daysAdded = memo(50_000, (key: string): IsoDay => {
	const at = key.indexOf("|");
	return formatDay(addDays(mustDay(key.slice(0, at)), Number(key.slice(at + 1))));
});

export function addDaysToDay(day: IsoDay, days: number): IsoDay {
	return daysAdded(`${day}|${days}`);
}

/** Local midnight of 1970-01-01: days are counted from it, so their differences are calendar days. */
const EPOCH_DAY = new Date(1970, 0, 1);
const dayNumber = memo(50_000, (day: IsoDay): number => differenceInCalendarDays(mustDay(day), EPOCH_DAY));

export function daysBetween(from: IsoDay, to: IsoDay): number {
	return dayNumber(to) - dayNumber(from);
}

export type IntervalUnit = "d" | "w" | "mo" | "y";
export interface Interval {
	amount: number;
	unit: IntervalUnit;
}

export function addInterval(day: IsoDay, interval: Interval): IsoDay {
	return intervalsAdded(`${day}|${interval.amount}|${interval.unit}`);
}

const intervalsAdded = memo(50_000, (key: string): IsoDay => {
	const [day, amount, unit] = key.split("|");
	return addIntervalNow(day, { amount: Number(amount), unit: unit as IntervalUnit });
});

function addIntervalNow(day: IsoDay, interval: Interval): IsoDay {
	const d = mustDay(day);
	switch (interval.unit) {
		case "d":
			return formatDay(addDays(d, interval.amount));
		case "w":
			return formatDay(addWeeks(d, interval.amount));
		case "mo":
			return formatDay(addMonths(d, interval.amount));
		case "y":
			return formatDay(addYears(d, interval.amount));
	}
}

/** Saturday and Sunday move to the Monday after. */
export const skipWeekend: (day: IsoDay) => IsoDay = memo(50_000, (day: IsoDay): IsoDay => {
	const d = mustDay(day);
	return isWeekend(d) ? formatDay(nextMonday(d)) : day;
});

/** Local noon of a day: a safe reference instant for natural-language parsing across DST. */
export function dayNoon(day: IsoDay): Date {
	const d = mustDay(day);
	d.setHours(12, 0, 0, 0);
	return d;
}

// English names whatever the machine's language, as date-fns's default locale gave them.
const WEEKDAY = new Intl.DateTimeFormat("en-US", { weekday: "long" });

export function weekdayName(day: IsoDay): string {
	return WEEKDAY.format(mustDay(day));
}

function mustDay(day: IsoDay): Date {
	const d = dayToDate(day);
	if (!d) throw new RangeError(`not a calendar day: ${day}`);
	return d;
}

/** Compare two (day, time) pairs; a missing time sorts before any time of the same day. */
export function compareDayTime(
	a: { date: IsoDay; time: ClockTime | null },
	b: { date: IsoDay; time: ClockTime | null },
): number {
	if (a.date !== b.date) return a.date < b.date ? -1 : 1;
	const at = a.time ?? "";
	const bt = b.time ?? "";
	return at === bt ? 0 : at < bt ? -1 : 1;
}
