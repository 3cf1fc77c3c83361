import { casual, GB } from "chrono-node/en";
import { dayNoon, formatDay, isIsoDay, type ClockTime, type IsoDay } from "./dates";

export interface NextStep {
	date: IsoDay;
	time: ClockTime | null;
	channel: string | null;
	text: string;
}

export type NextParse = { ok: NextStep } | { error: string };

const ISO_START = /^(?:\[\[)?(\d{4}-\d{2}-\d{2})(?:(?:\|[^\]]*)?\]\])?(?:\s+([01]\d|2[0-3]):([0-5]\d))?(?=\s|$)/;

/**
 * Reads the WHEN [channel] [text] of a `next:` clause, relative to `baseDay` (the touch's own
 * date), so "in 3 days" keeps meaning the same day forever. The result is after `baseDay`.
 */
export function parseNextStep(
	clause: string,
	baseDay: IsoDay,
	channels: readonly string[],
	locale: "en" | "en-GB" = "en",
): NextParse {
	const text = clause.trim();
	if (text === "") return { error: "next: has no date" };
	const iso = ISO_START.exec(text);
	if (iso) {
		if (!isIsoDay(iso[1])) return { error: `next: ${iso[1]} is not a real date` };
		const time = iso[2] ? `${iso[2]}:${iso[3]}` : null;
		return finish(iso[1], time, text.slice(iso[0].length), baseDay, channels);
	}
	return parseNatural(text, baseDay, channels, locale);
}

export interface NaturalDate {
	date: IsoDay;
	time: ClockTime | null;
	/** How many characters of the input the date used. */
	length: number;
}

/**
 * Natural-language date at the start of `text` ("in 2 weeks", "friday", "Dec 1"), strictly
 * after `baseDay`: a bare weekday naming `baseDay`'s own weekday means a week later.
 */
export function parseNaturalDate(
	text: string,
	baseDay: IsoDay,
	locale: "en" | "en-GB" = "en",
): NaturalDate | null {
	const parser = locale === "en-GB" ? GB : casual;
	const reference = dayNoon(baseDay);
	let results = parser.parse(text, reference, { forwardDate: true });
	let offset = 0;
	// chrono reads "in 2 weeks" but not always a bare "2 weeks".
	if (results.length === 0 || results[0].index > 0) {
		const retry = parser.parse(`in ${text}`, reference, { forwardDate: true });
		if (retry.length > 0 && retry[0].index === 0) {
			results = retry;
			offset = 3;
		}
	}
	const first = results[0];
	if (!first || first.index !== 0) return null;
	const start = first.start;
	const year = start.get("year");
	const month = start.get("month");
	const dayOfMonth = start.get("day");
	if (year === null || month === null || dayOfMonth === null) return null;
	const found = new Date(year, month - 1, dayOfMonth, 12);
	let date = formatDay(found);
	const bareWeekday = start.isCertain("weekday") && !start.isCertain("day");
	if (bareWeekday && date <= baseDay) {
		found.setDate(found.getDate() + 7);
		date = formatDay(found);
	}
	const time = start.isCertain("hour")
		? `${String(start.get("hour")).padStart(2, "0")}:${String(start.get("minute") ?? 0).padStart(2, "0")}`
		: null;
	return { date, time, length: Math.max(0, first.text.length - offset) };
}

function parseNatural(
	text: string,
	baseDay: IsoDay,
	channels: readonly string[],
	locale: "en" | "en-GB",
): NextParse {
	const found = parseNaturalDate(text, baseDay, locale);
	if (!found) return { error: `next: cannot read a date in "${text}"` };
	return finish(found.date, found.time, text.slice(found.length), baseDay, channels);
}

function finish(
	date: IsoDay,
	time: ClockTime | null,
	rest: string,
	baseDay: IsoDay,
	channels: readonly string[],
): NextParse {
	if (date <= baseDay) {
		return { error: `next: ${date} is not after the touch's own date ${baseDay}` };
	}
	const { channel, text } = splitChannel(rest, channels);
	return { ok: { date, time, channel, text } };
}

/** Splits a leading channel word (with an optional colon) off `text`. */
export function splitChannel(
	text: string,
	channels: readonly string[],
): { channel: string | null; word: string | null; colon: boolean; text: string } {
	const m = /^\s*([A-Za-z]+)(:?)(?=\s|$)/.exec(text);
	if (m && channels.includes(m[1].toLowerCase())) {
		return { channel: m[1].toLowerCase(), word: m[1], colon: m[2] === ":", text: text.slice(m[0].length).trim() };
	}
	return { channel: null, word: null, colon: false, text: text.trim() };
}
