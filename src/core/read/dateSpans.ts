/**
 * Dates as people write them in a line (README, "Bringing your existing notes"): ISO, with or
 * without brackets (`[2026-03-02]`, `(2026-06-25)`, `2026/03/02`), written out (`January 23,
 * 2026`, `Wed Jan 29`, `2 Feb`), numeric (`3/4`, `3/4/26`, `24/01/2026`, in the order the
 * date-format setting gives), and lists (`Jan 18 & Jan 20, 2026`: both in 2026). Spans are found
 * by cheap patterns first; chrono reads only the span, and its answers are kept. Written-out
 * dates of the other languages the settings name are read by chrono's parsers of each.
 */
import { wikilinkSpans } from "../text/wikilink";
import { isIsoDay, type IsoDay } from "../text/dates";
import { findWrittenDate, readNumericDate } from "../text/nextClause";
import { foreignDatesIn } from "../text/foreignDates";

export interface DateSpan {
	index: number;
	length: number;
	/** The whole day, when the span (or the line) gives its year. */
	date: IsoDay | null;
	/** Month and day of a date without a year of its own. */
	month: number;
	day: number;
	/** Where the year came from, when `date` is set: the span itself or another date of its line. */
	year: "written" | "line" | null;
	/** Why the span is no date (`24/01/2026` read month first). */
	problem: string | null;
}

const pad = (n: number): string => String(n).padStart(2, "0");

function iso(year: number, month: number, day: number): IsoDay | null {
	const date = `${String(year).padStart(4, "0")}-${pad(month)}-${pad(day)}`;
	return isIsoDay(date) ? date : null;
}

/** `3/4`, `3/4/26`, `24/01/2026` (group 2) and `2026/03/02` (group 3), not part of a longer run. */
const NUMERIC = /(^|[^\d/.,:-])(?:(\d{1,2}\/\d{1,2}(?:\/(?:\d{4}|\d{2}))?)|(\d{4}\/\d{1,2}\/\d{1,2}))(?![\d/]|[.,]\d)/g;
/** What may stand before a `3/4` without a year: the start of the text, markup, or on/by/since. */
const SHORT_BEFORE = /(?:^[\s>*_[(#|-]*|\b(?:on|by|since|before|from|until|date|dated)[\s:]*|[:(|]\s*)$/i;

/**
 * Every date written in `text`, in order. A numeric date impossible in the chosen order is
 * returned with a problem. A date without a year takes the year of a full date on the same line.
 */
export function datesIn(text: string, locale: "en" | "en-GB", languages: readonly string[] = []): DateSpan[] {
	const out: DateSpan[] = [];
	// ISO and written-out dates, one after the other.
	for (let from = 0; from < text.length; ) {
		const found = findWrittenDate(text.slice(from), locale);
		if (found === null) break;
		const index = from + found.index;
		if ("problem" in found) {
			out.push({ index, length: found.length, date: null, month: 0, day: 0, year: null, problem: found.problem });
		} else if ("date" in found) {
			out.push({ index, length: found.length, date: found.date, month: Number(found.date.slice(5, 7)), day: Number(found.date.slice(8, 10)), year: "written", problem: null });
		} else out.push({ index, length: found.length, date: null, month: found.month, day: found.day, year: null, problem: null });
		from = index + Math.max(1, found.length);
	}
	if (text.includes("/")) out.push(...numericIn(text, locale, out));
	// `22 de abril de 2026`, `3. März 2026`: the notes' other languages, where no date was read
	// (README, "Notes in other languages").
	for (const d of foreignDatesIn(text, languages)) {
		if (out.some((o) => d.index < o.index + o.length && o.index < d.index + d.length)) continue;
		out.push({ index: d.index, length: d.length, date: d.date, month: d.month, day: d.day, year: d.date !== null ? "written" : null, problem: null });
	}
	out.sort((a, b) => a.index - b.index);
	// `[[Interaction - 2026-02-04 Sarah Chen]]` names another note, whose date is its own;
	// `[[2026-02-04]]` (a daily note) is the line's date.
	if (text.includes("[[")) {
		const inLinks = wikilinkSpans(text).filter((link) => !/^\s*\d{4}-\d{2}-\d{2}\s*$/.test(link.target));
		const kept = out.filter((d) => !inLinks.some((link) => d.index >= link.start && d.index < link.end));
		out.length = 0;
		out.push(...kept);
	}
	// `Jan 18 & Jan 20, 2026`: a month-day takes the year of the line's full date.
	const full = out.find((d) => d.date !== null && d.year === "written");
	if (full?.date) {
		const year = Number(full.date.slice(0, 4));
		for (const d of out) {
			if (d.date !== null || d.problem !== null) continue;
			d.date = iso(year, d.month, d.day);
			if (d.date !== null) d.year = "line";
		}
	}
	return out;
}

function numericIn(text: string, locale: "en" | "en-GB", taken: readonly DateSpan[]): DateSpan[] {
	const out: DateSpan[] = [];
	NUMERIC.lastIndex = 0;
	for (let m = NUMERIC.exec(text); m !== null; m = NUMERIC.exec(text)) {
		const span = m[2] ?? m[3];
		const index = m.index + m[1].length;
		if (taken.some((d) => index < d.index + d.length && d.index < index + span.length)) continue;
		if (m[3] !== undefined) {
			const [y, mo, d] = span.split("/").map(Number);
			const date = iso(y, mo, d);
			out.push({ index, length: span.length, date, month: mo, day: d, year: date ? "written" : null, problem: date ? null : `${span} is not a real date` });
			continue;
		}
		const parts = span.split("/");
		// `3/4` alone is too often something else (a score, a fraction): only where a date stands.
		if (parts.length === 2 && !SHORT_BEFORE.test(text.slice(0, index))) continue;
		const [first, second] = parts.map(Number);
		const [month, day] = locale === "en-GB" ? [second, first] : [first, second];
		if (month < 1 || month > 12 || day < 1 || day > 31) {
			// A 2-part `24/7` is no date; a 3-part one in the wrong order is a problem.
			if (parts.length === 3) out.push({ index, length: span.length, date: null, month: 0, day: 0, year: null, problem: `${span} is not a date read ${locale === "en-GB" ? "day first" : "month first"} (the date format setting)` });
			continue;
		}
		const read = readNumericDate(`${locale}\n${span}`);
		if (read === null || read.month !== month || read.day !== day) {
			// `2/30/2026`: a whole date in the right order on a day its month does not have.
			if (parts.length === 3) out.push({ index, length: span.length, date: null, month, day, year: null, problem: `${span} is not a real date` });
			continue;
		}
		const date = read.year !== null ? iso(read.year, month, day) : null;
		if (read.year !== null && date === null) {
			out.push({ index, length: span.length, date: null, month, day, year: null, problem: `${span} is not a real date` });
			continue;
		}
		out.push({ index, length: span.length, date, month, day, year: date ? "written" : null, problem: null });
	}
	return out;
}

/** Whether a text may hold a date at all: a cheap test before `datesIn`. */
export function mayHoldDate(text: string): boolean {
	return /\d/.test(text);
}
