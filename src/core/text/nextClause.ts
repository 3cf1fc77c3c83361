import type { Chrono } from "chrono-node/en";
import { memo } from "./memo";
import { addDaysToDay, addInterval, dayNoon, daysBetween, formatDay, isIsoDay, type ClockTime, type IsoDay } from "./dates";

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
	const found = naturalDates(`${locale}\n${baseDay}\n${text}`);
	return found === null ? null : { ...found };
}

/** Dates already read: re-reading a note (on every edit, in the plugin) asks chrono the same again. */
const naturalDates = memo(20_000, (key: string): NaturalDate | null => {
	const [locale, baseDay, ...rest] = key.split("\n");
	return readByPhrase(rest.join("\n"), baseDay, locale as "en" | "en-GB");
});

// ---- chrono's answers kept by phrase ----
//
// Most natural-language `next:` dates are a few phrases ("tomorrow", "in 3 days", "2 weeks",
// "friday") whose answer is the reference day moved by a fixed number of days: by the phrase
// alone, or, for a bare weekday, by the phrase and the reference's weekday. chrono is asked once
// per phrase (and weekday); its answer, as a number of days, is kept and added to later days.
// A month and day ("Mar 12") is kept as the day chrono gave, for the year of references it holds for
// (in `en` it is not asked at all: `monthDayAnswer`).
// `test/core/text/phraseMemo.property.test.ts` checks the kept answers against chrono on every
// phrase of the bench vault and more, over every day of a year, in three time zones.

// The words of the phrases, written once: the patterns and the joining words below share them.
const MONTH_WORDS = "jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec|january|february|march|april|june|july|august|september|october|november|december";
const WEEKDAY_WORDS = "mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun|monday|tuesday|wednesday|thursday|friday|saturday|sunday";
const NUMBER_WORDS = "one|two|three|four|five|six|seven|eight|nine|ten";
/** A phrase whose answer is a fixed number of days from the reference. */
const FIXED_PHRASE = new RegExp(`^(?:tomorrow|in (?:\\d{1,3}|a|an|${NUMBER_WORDS}) (?:days?|weeks?)|\\d{1,3} (?:days?|weeks?))(?=\\s|$)`, "i");
/**
 * A month and day without a year ("Mar 12"): chrono's answer is the first such day on or after
 * the reference, so one answer holds for every reference from the day after the same date a year
 * earlier up to that answer.
 */
const MONTH_DAY_PHRASE = new RegExp(`^(?:${MONTH_WORDS}) (?:[1-9]|[12]\\d|3[01])(?=\\s|$)`, "i");
/** A bare weekday: its answer depends on the reference's weekday too. */
const WEEKDAY_PHRASE = new RegExp(`^(?:${WEEKDAY_WORDS})(?=\\s|$)`, "i");
/**
 * What may follow a kept phrase: nothing, or one space and a word of letters (a channel, the
 * text) that chrono cannot join to the date (chrono's match may take in a second space). Words it may join (connectors, times of day, dates, units, numbers)
 * send the text to chrono whole.
 */
const PLAIN_NEXT_WORD = /^ ([a-z]+):?(?=\s|$)/i;
const JOINING_WORDS = new Set(
	(
		"a an at on of t by in to from after before until till through thru this next last past coming following ago later earlier " +
		"henceforth forward out and or the noon midday midnight morning afternoon evening night tonight tonite am pm o oclock " +
		"day days week weeks month months year years hour hours minute minutes mins sec second seconds weekend weekday " +
		"today tomorrow tmr yesterday now eleven twelve first second third fourth fifth half quarter few several couple within around about approximately est edt pst pdt utc gmt z"
	)
		.split(" ")
		.concat(`${WEEKDAY_WORDS}|${MONTH_WORDS}|${NUMBER_WORDS}`.split("|")),
);

/** Kept answers: days after the reference, by locale, phrase (and weekday). */
const phraseOffsets = new Map<string, number>();
/** Kept answers of month-day phrases: the days chrono gave, by locale and phrase. */
const monthDayAnswers = new Map<string, IsoDay[]>();
const PHRASE_LIMIT = 2_000;

/** The key of a phrase whose answer can be kept, with its length; null for any other text. */
function keptPhrase(text: string, baseDay: IsoDay, locale: string): { key: string; length: number; monthDay: boolean } | null {
	const days = FIXED_PHRASE.exec(text);
	const monthDay = days === null ? MONTH_DAY_PHRASE.exec(text) : null;
	const fixed = days ?? monthDay ?? WEEKDAY_PHRASE.exec(text);
	if (fixed === null) return null;
	const rest = text.slice(fixed[0].length);
	if (rest !== "") {
		const next = PLAIN_NEXT_WORD.exec(rest);
		if (next === null || JOINING_WORDS.has(next[1].toLowerCase())) return null;
	}
	const phrase = fixed[0].toLowerCase();
	// The weekday of the reference, as a number of days since a Thursday (1970-01-01) modulo 7.
	const weekday = days !== null || monthDay !== null ? "" : `\n${(((daysBetween("1970-01-01", baseDay) % 7) + 7) % 7)}`;
	return { key: `${locale}\n${phrase}${weekday}`, length: fixed[0].length, monthDay: monthDay !== null };
}

function readByPhrase(text: string, baseDay: IsoDay, locale: "en" | "en-GB"): NaturalDate | null {
	const phrase = keptPhrase(text, baseDay, locale);
	if (phrase === null) return readWindowed(text, baseDay, locale);
	if (phrase.monthDay) return readMonthDay(text, baseDay, locale, phrase);
	const offset = phraseOffsets.get(phrase.key);
	if (offset !== undefined) return { date: addDaysToDay(baseDay, offset), time: null, length: phrase.length };
	const found = readWindowed(text, baseDay, locale);
	// Kept only when chrono read exactly the phrase, as a day without a time.
	if (found !== null && found.time === null && found.length === phrase.length && phraseOffsets.size < PHRASE_LIMIT) {
		phraseOffsets.set(phrase.key, daysBetween(baseDay, found.date));
	}
	return found;
}

/** A year before a day (Feb 29 has none: never kept). */
function yearBefore(day: IsoDay): IsoDay {
	return addInterval(day, { amount: -1, unit: "y" });
}

/** A month's number by the first three letters of its name. */
const MONTH_NUMBERS = new Map("jan feb mar apr may jun jul aug sep oct nov dec".split(" ").map((word, i) => [word, i + 1]));

/**
 * chrono's answer to a month and day in `en`, without asking it: the first such day on or after
 * the reference (`dayWithYear`). `phraseMemo.property.test.ts` checks this on every month word and
 * day against chrono, across a year, in three time zones. Not for `en-GB`, which reads `Jan 10` as
 * January 2010, nor for a day some year lacks (`Feb 29`, `Apr 31`): those ask chrono.
 */
function monthDayAnswer(phrase: string, baseDay: IsoDay): IsoDay | null {
	const space = phrase.lastIndexOf(" ");
	const month = MONTH_NUMBERS.get(phrase.slice(0, 3));
	const day = Number(phrase.slice(space + 1));
	if (month === undefined || !isIsoDay(`2001-${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")}`)) return null;
	return dayWithYear(month, day, baseDay);
}

function readMonthDay(text: string, baseDay: IsoDay, locale: "en" | "en-GB", phrase: { key: string; length: number }): NaturalDate | null {
	if (locale === "en") {
		const date = monthDayAnswer(phrase.key.slice(phrase.key.indexOf("\n") + 1), baseDay);
		if (date !== null) return { date, time: null, length: phrase.length };
	}
	const answers = monthDayAnswers.get(phrase.key);
	if (answers !== undefined) {
		for (const date of answers) if (yearBefore(date) < baseDay && baseDay <= date) return { date, time: null, length: phrase.length };
	}
	const found = readWindowed(text, baseDay, locale);
	// Kept only when chrono read exactly the phrase, as a day without a time, on or after the reference.
	if (found !== null && found.time === null && found.length === phrase.length && found.date >= baseDay && !found.date.endsWith("-02-29") && phraseOffsets.size + monthDayAnswers.size < PHRASE_LIMIT) {
		const list = answers ?? [];
		if (list.length < 8) list.push(found.date);
		monthDayAnswers.set(phrase.key, list);
	}
	return found;
}

/** How many phrase answers are kept (tests: the kept answers are used at all). */
export function keptPhraseCount(): number {
	return phraseOffsets.size + monthDayAnswers.size;
}

/** Whitespace-separated words chrono is first shown, and how many must follow its match. */
const WINDOW_WORDS = 8;
const WINDOW_SLACK = 3;

/**
 * chrono's time grows with the text, and a `next:` clause runs on into what to do. The date is at
 * the start, so chrono reads the first few words first; its answer stands when at least three
 * whole words follow the date inside that window (nothing further can join a date across them),
 * otherwise it reads the whole text.
 */
function readWindowed(text: string, baseDay: IsoDay, locale: "en" | "en-GB"): NaturalDate | null {
	const words = /\S+/g;
	const starts: number[] = [];
	let end = text.length;
	for (let m = words.exec(text); m !== null; m = words.exec(text)) {
		starts.push(m.index);
		if (starts.length === WINDOW_WORDS) {
			end = m.index + m[0].length;
			break;
		}
	}
	if (end < text.length) {
		const found = readWithChrono(text.slice(0, end), baseDay, locale);
		if (found !== null && found.length <= starts[WINDOW_WORDS - WINDOW_SLACK] - 1 && /\s/.test(text[found.length] ?? " ")) return found;
	}
	return readWithChrono(text, baseDay, locale);
}

function readWithChrono(text: string, baseDay: IsoDay, locale: "en" | "en-GB"): NaturalDate | null {
	const reference = dayNoon(baseDay);
	let results = chronoFor(locale, text).parse(text, reference, { forwardDate: true });
	let offset = 0;
	// chrono reads "in 2 weeks" but not always a bare "2 weeks".
	if (results.length === 0 || results[0].index > 0) {
		const retry = chronoFor(locale, `in ${text}`).parse(`in ${text}`, reference, { forwardDate: true });
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

// ---- chrono without the parsers a text cannot wake ----
//
// Two of chrono's English parsers ("3 days ago", "2 weeks later") have patterns so large that V8
// takes about 250 ms to compile them, the second time they run: every process that reads a
// natural-language date not handled below paid it. Each needs one of a few words in the text
// (`ago`, `later` ...): a parser whose pattern cannot match adds no result, so for a text without
// those words chrono without them gives exactly the same answer.

/** Words the gated parsers' patterns require, and how to tell those parsers by their pattern. */
const GATES: { marker: string; words: string[] }[] = [
	"(?:ago|before|earlier)",
	"(?:later|after|from now|henceforth|forward|out)",
].map((marker) => ({ marker, words: marker.slice(3, -1).split("|") }));
/**
 * What any match of a gated pattern holds: one of the words, right after a space or the last
 * letter of a time unit (`3 days ago`, `2w later`). Case-insensitive without the `u` flag, as
 * chrono's patterns are.
 */
const GATE = new RegExp(`(?:\\s|[cdehkmnorswy])(?:${GATES.flatMap((gate) => gate.words).join("|")})`, "i");

let lightParsers: { en: Chrono; "en-GB": Chrono } | null = null;

function isGated(parser: Chrono["parsers"][number]): boolean {
	const inner = (parser as { innerPattern?: (context?: unknown) => RegExp }).innerPattern;
	if (typeof inner !== "function") return false;
	try {
		const source = inner.call(parser).source;
		return GATES.some((gate) => source.includes(gate.marker));
	} catch {
		return false;
	}
}

function lighter(chrono: Chrono): Chrono {
	const copy = chrono.clone();
	copy.parsers = copy.parsers.filter((parser) => !isGated(parser));
	return copy;
}

let chrono: { casual: Chrono; GB: Chrono } | null = null;

/**
 * chrono, loaded the first time a date needs it: most notes never do, and building its parsers
 * is a good part of the plugin's load time.
 */
function loadChrono(): { casual: Chrono; GB: Chrono } {
	// eslint-disable-next-line no-undef, @typescript-eslint/no-require-imports -- the bundle's own require: loaded on first use, bundled all the same
	chrono ??= require("chrono-node/en") as { casual: Chrono; GB: Chrono };
	return chrono;
}

/** The chrono to read `input` with. */
function chronoFor(locale: "en" | "en-GB", input: string): Chrono {
	const { casual, GB } = loadChrono();
	if (GATE.test(input)) return locale === "en-GB" ? GB : casual;
	lightParsers ??= { en: lighter(casual), "en-GB": lighter(GB) };
	return lightParsers[locale];
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

const CHANNEL_WORD = /^\s*([A-Za-z]+)(:?)(?=\s|$)/;

/** Splits a leading channel word (with an optional colon) off `text`. */
export function splitChannel(
	text: string,
	channels: readonly string[],
): { channel: string | null; word: string | null; colon: boolean; text: string } {
	const m = CHANNEL_WORD.exec(text);
	if (m && channels.includes(m[1].toLowerCase())) {
		return { channel: m[1].toLowerCase(), word: m[1], colon: m[2] === ":", text: text.slice(m[0].length).trim() };
	}
	return { channel: null, word: null, colon: false, text: text.trim() };
}

// ---- dates written out in a note's own lines ----

/** A date as written in a note: a whole day, or a month and day whose year the note must give. */
export type WrittenDate =
	| { date: IsoDay; index: number; length: number }
	| { month: number; day: number; index: number; length: number }
	/** Written as a date, but no real day: `2026-02-30`, `Feb 30`, `April 31, 2026`. */
	| { problem: string; index: number; length: number };

const ISO_IN_TEXT = /(^|[^\d-])(\d{4}-\d{2}-\d{2})(?![\d-])/;
const MONTHS = "jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?";
let writtenInText: RegExp | null = null;
/**
 * A month name and a day, with an optional weekday before and year after: what chrono is shown.
 * Built on first use: with `u` and `\p{L}` it takes a while, and loading the plugin need not wait.
 */
function writtenInTextPattern(): RegExp {
	writtenInText ??= new RegExp(
		`(^|[^\\p{L}\\d])((?:(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*\\.?,?\\s+)?(?:(?:${MONTHS})\\.?\\s+\\d{1,2}(?:st|nd|rd|th)?(?:,?\\s+\\d{4})?|\\d{1,2}(?:st|nd|rd|th)?\\s+(?:${MONTHS})\\.?(?:,?\\s+\\d{4})?))(?![\\p{L}\\d])`,
		"iu",
	);
	return writtenInText;
}
const MONTH_HINT = new RegExp(MONTH_WORDS.split("|", 13).join("|"), "i");
/** Reference for month-day dates: its year is never used, only whether chrono was certain of one. */
const FIXED_REFERENCE = new Date(2001, 5, 15, 12);

/**
 * The first date written in `text`: ISO (`2026-01-19`), or written out (`January 23, 2026`,
 * `Wed Jan 29`, `2 Feb 2026`), read by chrono. A date without a year comes back as month and day.
 * A month name reads the same in either date order: `_locale` is kept for the callers.
 */
export function findWrittenDate(text: string, _locale: "en" | "en-GB" = "en"): WrittenDate | null {
	const iso = ISO_IN_TEXT.exec(text);
	// The full pattern is slow on long prose: most lines name no month at all.
	const written = MONTH_HINT.test(text) ? writtenInTextPattern().exec(text) : null;
	// Group 1 is what stands before the date (no lookbehind: iOS before 16.4 has none).
	const isoAt = iso ? iso.index + iso[1].length : -1;
	const writtenAt = written ? written.index + written[1].length : -1;
	if (iso && (!written || isoAt <= writtenAt)) {
		if (isIsoDay(iso[2])) return { date: iso[2], index: isoAt, length: iso[2].length };
		return { problem: `${iso[2]} is not a real date`, index: isoAt, length: iso[2].length };
	}
	if (!written) return null;
	// A month name leaves no order to choose, and chrono's en.GB reads `Feb 20` as February 2020.
	const found = writtenDates(`en\n${written[2]}`);
	if (found !== null) return { ...found, index: writtenAt, length: written[2].length };
	return impossibleDay(written[2]) ? { problem: `${written[2]} is not a real date`, index: writtenAt, length: written[2].length } : null;
}

/** The day number of a written-out date (`Feb 30`, `30th April 2026`): the one- or two-digit number. */
const DAY_NUMBER = /(^|\D)(\d{1,2})(?!\d)/;

/**
 * Whether a written-out date chrono refused names a day its month does not have (`Feb 30`,
 * `April 31, 2026`): the same words on the 1st read as a date, and the day could be one (≤ 31).
 * Anything else chrono refuses is no date at all, and says nothing.
 */
function impossibleDay(text: string): boolean {
	const day = DAY_NUMBER.exec(text);
	if (day === null || Number(day[2]) > 31) return false;
	return writtenDates(`en\n${text.replace(DAY_NUMBER, (_all, before: string) => `${before}1`)}`) !== null;
}

/** Whether a text holds something written as a date, without asking chrono what it is. */
export function looksDated(text: string): boolean {
	return ISO_IN_TEXT.test(text) || (MONTH_HINT.test(text) && writtenInTextPattern().test(text));
}

/** chrono's reading of one written-out date: notes repeat the same few, and chrono is the cost. */
const writtenDates = memo(20_000, (key: string): { date: IsoDay } | { month: number; day: number } | null => {
	const [locale, text] = key.split("\n");
	const result = chronoFor(locale as "en" | "en-GB", text).parse(text, FIXED_REFERENCE)[0];
	if (!result) return null;
	const start = result.start;
	const month = start.get("month");
	const day = start.get("day");
	if (month === null || day === null || !start.isCertain("month") || !start.isCertain("day")) return null;
	if (!start.isCertain("year")) return { month, day };
	const year = start.get("year");
	if (year === null) return null;
	const date = `${String(year).padStart(4, "0")}-${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")}`;
	return isIsoDay(date) ? { date } : null;
});

/**
 * The day of a month-day date, from a full date the note gives before it: the first such day on
 * or after `after`, so notes written in order read Jan 19 after a December date as next January.
 */
export function dayWithYear(month: number, day: number, after: IsoDay): IsoDay | null {
	const pad = (n: number): string => String(n).padStart(2, "0");
	const year = Number(after.slice(0, 4));
	for (const y of [year, year + 1]) {
		const date = `${String(y).padStart(4, "0")}-${pad(month)}-${pad(day)}`;
		if (isIsoDay(date) && date >= after) return date;
	}
	return null;
}

/**
 * A numeric date (`3/4`, `3/4/26`, `24/01/2026`) read by chrono's `en` (month first) or `en.GB`
 * (day first) parser; null when chrono reads no whole day. The caller checks the order first: a
 * date impossible in the chosen order is a problem, never read the other way round.
 */
export const readNumericDate = memo(5_000, (key: string): { year: number | null; month: number; day: number } | null => {
	const [locale, text] = key.split("\n");
	const result = chronoFor(locale as "en" | "en-GB", text).parse(text, FIXED_REFERENCE)[0];
	if (!result || result.index !== 0 || result.text.trim() !== text) return null;
	const month = result.start.get("month");
	const day = result.start.get("day");
	if (month === null || day === null) return null;
	return { year: result.start.isCertain("year") ? result.start.get("year") : null, month, day };
});
