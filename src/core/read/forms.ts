/**
 * The dated lines of a prospect note besides Touchbase's own touch lines (README, "Bringing your
 * existing notes"): list items, label lines, headings, table rows, tasks and prose. Each line that
 * holds a date is judged (lineJudge.ts) a done contact, a next step, or no contact, from its
 * words, the section it sits in (sections.ts) and its time. Dates are found by dateSpans.ts; a
 * month and day without a year take the year the note makes certain, or are a problem.
 */
import { daysBetween, isIsoDay, type IsoDay } from "../text/dates";
import { dayWithYear } from "../text/nextClause";
import { headingOf, isDelimiterRow, tableCells } from "../text/scan";
import { wikilinkSpans } from "../text/wikilink";
import type { TouchbaseSettings } from "../settings/settings";
import { letterRunsOf } from "../text/unicode";
import { isForeignNextLabel, moreWord } from "../text/languages";
import { datesIn, mayHoldDate, type DateSpan } from "./dateSpans";
import { channelOf, judgeLine, summaryWithout, type LineKind } from "./lineJudge";
import { SectionStack, type Section } from "./sections";

/** Where a touch or a next step was read from (a touch line is written in one of the `TouchForm`s of core/text/touchLine.ts). */
export type FormKind = "line" | "key" | "label" | "list" | "prose" | "heading" | "table" | "task" | "interaction";

/** A touch or next step read from one of the forms. */
export interface FormFinding {
	kind: "touch" | "next";
	form: FormKind;
	line: number;
	date: IsoDay;
	channel: string | null;
	summary: string;
	/** The cues that decided it (`word "called"`, `section "Log"`). */
	cues?: string[];
	/** Where its year came from (`written`, `created` …). */
	year?: string;
}

/** A dated line seen and not used, with the reason: for `touchbase explain`. */
export interface UnusedDate {
	line: number;
	text: string;
	reason: string;
	/** The cues the judge saw. */
	cues?: string[];
	/** Where a month-day's year came from, when not written: an edit elsewhere may change it. */
	year?: string;
}

export interface FormsRead {
	found: FormFinding[];
	unused: UnusedDate[];
	/** Lines whose month-day date has no year the note makes certain. */
	yearless: number[];
	/** Lines of a contact dated by month only (`2026-02`, `February 2026`). */
	dayless: number[];
	/** Dates that are none in the chosen order, or not real days. */
	badDates: { line: number; message: string }[];
}

export interface BodyLine {
	/** 1-based. */
	line: number;
	/** Visible markdown of the line (comments removed). */
	text: string;
	/** Whether the line was already read as a touch line. */
	touchLine: boolean;
}

/** The channel a text names: the first channel word in it, else null. */
export function channelIn(text: string, settings: TouchbaseSettings): string | null {
	const words = letterRunsOf(text.toLowerCase());
	return words.find((w) => settings.channels.includes(w)) ?? null;
}

const LIST_PREFIX = /^[ \t]*(?:[-*+]|\d{1,9}[.)])[ \t]+/;
const CHECKBOX = /^\[(.)\][ \t]+/;
/** `**Label:** value`, `**Label**: value`, `Label: value` (not a URL, not a Dataview `::`). */
const LABEL = /^(?:\*\*|__)?([^:*_|/\\[\]()#`]{1,60}?)[ \t]*(?:\*\*|__)?[ \t]*:(?!:)(?:[ \t]*(?:\*\*|__))?[ \t]+(.+)$/;
/** A whole line in single-mark italics (`*…*`, `_…_`), not bold. */
const ITALIC_LINE = /^([*_])(?![*_\s])(.+?)(?<![*_\s])\1$/;
const DATE_HEADER = /^(?:date|when|day|contacted|contact date|last contact)$/i;
const KIND_HEADER = /^(?:type|channel|how|medium|via|method|kind)$/i;
const NOTES_HEADER = /^(?:notes?|summary|subject|topic|topics|details|what|description|outcome|discussion)$/i;
const NEXT_HEADER = /^(?:next|next step|next steps|follow[- ]?up(?: by| on| date)?|next (?:contact|touch|follow[- ]?up))$/i;
const MONTH_ONLY = /^\d{4}-\d{2}$|^(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.? \d{4}$/i;
/** The Tasks plugin's 📅 ⏳ ✅ 🛫 ➕, written in ASCII as main.js is (see esbuild.config.mjs). */
const TASKS_EMOJI = /\u{1F4C5}|\u23F3|\u2705|\u{1F6EB}|\u2795/u;

/** What reading the forms keeps from line to line. */
interface State {
	table: { date: number; kind: number; notes: number; next: number; inBody: boolean; pairs: boolean } | null;
	sections: SectionStack;
}

/** What else a note tells of its dates: the years of last resort, and the latest a done contact can be. */
export interface NoteDates {
	created: IsoDay | null;
	/** The day the file was created, when known. */
	fileCreated?: IsoDay | null;
	/** The day the file was last saved, when known: a done contact is never after it through a guessed year. */
	fileModified?: IsoDay | null;
	/** The date in the note's file name (`call-prep-lexia-2026-02-26.md`): the note's own day. */
	named?: IsoDay | null;
}

/** Where the year of a date came from (`touchbase explain`). */
export type YearSource = string;

/** Labels of the fields under a heading that name how a contact went (`- **Type**: call`). */
const KIND_LABEL = /^(?:type|channel|how|medium|via|method|kind|mode)$/i;
const NOTES_LABEL = /^(?:notes?|summary|subject|topic|topics|details|what|description|outcome|discussion|about)$/i;

/**
 * Judges the dated lines of a prospect note's body (README, "Bringing your existing notes").
 * `lines` are its live lines in order (touch lines marked); `dates` what else gives a month-day
 * date its year.
 */
export function readForms(lines: readonly BodyLine[], dates: NoteDates | IsoDay | null, settings: TouchbaseSettings): FormsRead {
	const known: NoteDates = typeof dates === "string" || dates === null ? { created: dates } : dates;
	const out: FormsRead = { found: [], unused: [], yearless: [], dayless: [], badDates: [] };
	const forms = settings.readForms;
	const state: State = { table: null, sections: new SectionStack() };
	const locale = settings.dateLocale;
	const languages = settings.languages;
	// Only a month-day without a year needs them: most notes have none.
	let fullDates: { line: number; date: IsoDay }[] | null = null;
	const fields = fieldsBySection(lines);

	/** A date's day, with the year a month-day date takes, and where that year came from. */
	const dayOf = (span: DateSpan, line: number, text: string): { date: IsoDay; year: YearSource } | null => {
		if (span.problem !== null) {
			out.badDates.push({ line, message: span.problem });
			out.unused.push({ line, text, reason: span.problem });
			return null;
		}
		if (span.date !== null) return { date: span.date, year: span.year === "line" ? "the full date on its line" : "written" };
		fullDates ??= fullDatesOf(lines, locale, languages);
		const near = nearest(fullDates, line);
		const guess =
			(near && { date: closestDay(span.month, span.day, near.date), year: `the nearest full date (line ${near.line})` }) ||
			(known.named && { date: closestDay(span.month, span.day, known.named), year: "the date in the file name" }) ||
			(known.created && { date: dayWithYear(span.month, span.day, known.created), year: "created" }) ||
			(known.fileCreated && { date: dayWithYear(span.month, span.day, known.fileCreated), year: "the file's creation" }) ||
			null;
		if (guess === null || guess.date === null) {
			out.yearless.push(line);
			out.unused.push({ line, text, reason: "date without a year: no full date in the note and no created date" });
			return null;
		}
		return { date: guess.date, year: guess.year };
	};

	let previous = -1;
	for (let i = 0; i < lines.length; i++) {
		const { line, text, touchLine } = lines[i];
		const cells = tableCells(text);
		// A table ends at the first line that is not a row.
		if (cells === null || line !== previous + 1) state.table = null;
		previous = line;
		const heading = headingOf(text);
		if (heading !== null) {
			if (forms.headings && mayHoldDate(text)) {
				const parent = state.sections.above(heading.level);
				const title = text.replace(/^#+\s*/, "");
				// `### 2026-03-10` then `- Mentioned in the Dr. C meeting`: the line under it says what it was.
				const under = lines[i + 1] !== undefined && headingOf(lines[i + 1].text) === null ? lines[i + 1].text : undefined;
				judgeDated({ kind: "heading", line, text, content: title, section: parent, enabled: true, under });
			}
			state.sections.enter(heading.level, text.replace(/^#+\s*/, "").replace(/\s+#+\s*$/, ""), line, settings);
			continue;
		}
		if (touchLine) continue;
		if (cells !== null) {
			readTableRow(cells, line, text, state, forms.tables, out, judgeDated, languages);
			continue;
		}
		if (!mayHoldDate(text)) continue;
		const item = LIST_PREFIX.exec(text);
		let rest = item ? text.slice(item[0].length) : text.trim();
		const box = CHECKBOX.exec(rest);
		const section = state.sections.withRole();
		if (box) {
			rest = rest.slice(box[0].length);
			if (forms.tasks && !TASKS_EMOJI.test(rest)) judgeDated({ kind: "task", line, text, content: rest, section, mark: box[1], enabled: true });
			continue;
		}
		let label = LABEL.exec(rest);
		// `*Last contact: 2024-09-30*`: a label in italics is the label (README, "Bringing your existing notes").
		const italic = label === null ? ITALIC_LINE.exec(rest) : null;
		if (italic !== null && (label = LABEL.exec(italic[2])) !== null) rest = italic[2];
		if (label && !/^https?$/i.test(label[1].trim())) {
			const name = label[1].replace(/\*\*|__/g, "").trim();
			judgeDated({ kind: "label", line, text, content: rest, label: name, value: label[2], section: section ?? recordOf(name), enabled: forms.labels });
			continue;
		}
		judgeDated({ kind: item ? "list" : "prose", line, text, content: rest, section, enabled: forms.labels });
	}
	return out;

	/** The fields of one call or meeting that a `Date` label sits among, as a log of one contact. */
	function recordOf(label: string): Section | null {
		if (!DATE_LABEL_ONLY.test(label)) return null;
		const here = state.sections.current();
		const record = fields.get(here?.line ?? 0)?.record;
		return record === undefined ? null : { title: `${here?.title ?? "the note's first lines"}, a record with "${record}"`, level: here?.level ?? 0, line: here?.line ?? 0, role: "log" };
	}

	/** Judges one line that may hold a date, and keeps what it finds. */
	function judgeDated(l: DatedLine): void {
		const { line, text, content } = l;
		// `- **2026-01-19:** Zoom meeting`: the label is the date, its text the words.
		const labelIsDate = l.label !== undefined && isOnlyDate(l.label, locale, languages);
		const where = l.label !== undefined && !labelIsDate && l.value !== undefined ? content.length - l.value.length : 0;
		const spans = datesIn(l.label !== undefined && !labelIsDate && l.value !== undefined ? l.value : content, locale, languages).map((s) => ({ ...s, index: s.index + where }));
		if (spans.length === 0) {
			// `**Call on 2026-01-19**: went well`: the date is in a label with words, so the line is
			// judged whole, as an entry of a list (README: every dated line is judged).
			if (l.label !== undefined && !labelIsDate && datesIn(l.label, locale, languages).length > 0) judgeDated({ ...l, kind: "list", label: undefined, value: undefined });
			// `- [[2026-04-12 - Sent Proposal - Jane Doe]]` in a log: the item is the dated note it
			// links, that day's contact; judged by the note's name (README, "Bringing your existing notes").
			const logged = l.kind === "list" && l.section?.role === "log" ? datedLinkOpening(content) : null;
			if (logged !== null) judgeDated({ ...l, content: logged, under: undefined });
			return;
		}
		const first = spans[0];
		// A Dataview field (`[next:: 2026-12-10]`) is read as a field, not judged.
		if (/::\s*$/.test(content.slice(0, first.index))) return;
		if (!l.enabled) return;
		const label = labelIsDate ? undefined : l.label;
		const words = label !== undefined ? content.slice(where) : content;
		const at = label !== undefined ? first.index - where : first.index;
		const verdict = judgeLine(
			{
				kind: l.kind,
				words: `${words.slice(0, at)} ${words.slice(at + first.length)}`,
				before: words.slice(0, at),
				label,
				mark: l.mark,
				atStart: /^[\s*_[(>-]*$/.test(content.slice(0, first.index)) || labelIsDate,
				section: l.section,
				under: l.under,
			},
			settings,
		);
		if (verdict.verdict === "none") {
			if (first.problem === null) out.unused.push({ line, text, reason: verdict.reason ?? "not a contact", cues: verdict.cues });
			else dayOf(first, line, text);
			return;
		}
		// `Jan 18 & Jan 20, 2026`: each date of a list is a contact of its own.
		const listed = [first];
		for (let i = 1; i < spans.length && verdict.verdict === "contact"; i++) {
			const between = content.slice(spans[i - 1].index + spans[i - 1].length, spans[i].index);
			if (!/^\s*(?:&|and|,|\+)\s*$/i.test(between)) break;
			listed.push(spans[i]);
		}
		const kindField = l.section ? fields.get(l.section.line) : undefined;
		const neutral = label !== undefined && DATE_LABEL_ONLY.test(label);
		// The summary leaves out the whole list (`Jan 18 & Jan 20, 2026`), not one date of it.
		const listEnd = listed[listed.length - 1].index + listed[listed.length - 1].length;
		for (const span of listed) {
			const day = dayOf(span, line, text);
			if (day === null) continue;
			let summary = summaryWithout(content, first.index, listEnd - first.index);
			if (neutral) summary = kindField?.notes ?? l.section?.title ?? summary;
			if (l.summary !== undefined) summary = l.summary;
			// Words first; else the section's title says how (`## Meeting history`, `## Calls`: plurals as one).
			// A bare dated heading (`### 2026-03-04`) says how by its first line (`- 2.5-hour lunch.`).
			const channel =
				(neutral ? channelOf(kindField?.kind ?? "", settings) : null) ??
				channelOf(label !== undefined ? `${label} ${content}` : content, settings) ??
				(l.under !== undefined ? channelOf(l.under, settings) : null) ??
				(l.section ? channelOf(l.section.title.replace(/(\p{L}{3,})s\b/gu, "$1"), settings) : null);
			if (verdict.verdict === "contact" && known.fileModified && day.year !== "written" && day.year !== "the full date on its line" && day.date > known.fileModified) {
				out.yearless.push(line);
				out.unused.push({ line, text, reason: `date without a year: ${day.date} (year from ${day.year}) would put a done contact after the note was last saved` });
				continue;
			}
			out.found.push({ kind: verdict.verdict === "next" ? "next" : "touch", form: FORM_OF[l.kind], line, date: day.date, channel, summary: summary || label || "", cues: verdict.cues, year: day.year });
		}
	}
}

const FORM_OF: Record<LineKind, FormKind> = { list: "list", heading: "heading", label: "label", table: "table", task: "task", prose: "prose" };
const DATE_LABEL_ONLY = /^(?:date|when|day|on|date of contact|contact date)$/i;

interface DatedLine {
	kind: LineKind;
	line: number;
	text: string;
	/** The line without its bullet and checkbox (a heading without its marks). */
	content: string;
	label?: string;
	value?: string;
	mark?: string;
	section: Section | null;
	enabled: boolean;
	/** The summary, when not the line's words (a table row's notes cell). */
	summary?: string;
	/** A heading's first line under it. */
	under?: string;
}

type Judge = (l: DatedLine) => void;

/** The name of the note a list item's opening link names, when that name opens with a full date (`[[Meetings/2026-04-12 Call]]`). */
function datedLinkOpening(content: string): string | null {
	if (!/^[\s*_]*\[\[/.test(content)) return null;
	const link = wikilinkSpans(content)[0];
	const name = link?.target.slice(link.target.lastIndexOf("/") + 1) ?? "";
	return /^\d{4}-\d{2}-\d{2}(?!\d)/.test(name) && !/^\s*\d{4}-\d{2}-\d{2}\s*$/.test(name) ? name : null;
}

/** Whether a text is a date and nothing more (`2026-01-19`, `Jan 19`). */
function isOnlyDate(text: string, locale: "en" | "en-GB", languages: readonly string[]): boolean {
	const spans = datesIn(text, locale, languages);
	if (spans.length === 0 || spans[0].index !== 0) return false;
	// `Jan 18 & Jan 20, 2026`: dates and what joins them.
	let rest = text;
	for (const span of [...spans].reverse()) rest = `${rest.slice(0, span.index)} ${rest.slice(span.index + span.length)}`;
	return /^[\s*_&,+-]*(?:and[\s*_&,+-]*)*$/i.test(rest);
}

/** The full dates (with a year) of a note's lines, by line: what gives a month-day date its year. */
function fullDatesOf(lines: readonly BodyLine[], locale: "en" | "en-GB", languages: readonly string[]): { line: number; date: IsoDay }[] {
	const out: { line: number; date: IsoDay }[] = [];
	for (const { line, text } of lines) {
		// Only a year can make a month-day certain: without four digits, nothing to look at.
		if (!/\d{4}/.test(text)) continue;
		const full = datesIn(text, locale, languages).find((d) => d.date !== null && d.year === "written");
		if (full?.date) out.push({ line, date: full.date });
	}
	return out;
}

/** The full date nearest a line (before it on a tie). */
function nearest(dates: readonly { line: number; date: IsoDay }[], line: number): { line: number; date: IsoDay } | null {
	let best: { line: number; date: IsoDay } | null = null;
	for (const d of dates) {
		if (d.line === line) continue;
		if (best === null || Math.abs(d.line - line) < Math.abs(best.line - line)) best = d;
	}
	return best;
}

/** The day of a month-day date in the year that puts it nearest `near` (within half a year). */
function closestDay(month: number, day: number, near: IsoDay): IsoDay | null {
	const pad = (n: number): string => String(n).padStart(2, "0");
	const year = Number(near.slice(0, 4));
	let best: IsoDay | null = null;
	let bestGap = Infinity;
	for (const y of [year - 1, year, year + 1]) {
		const date = `${String(y).padStart(4, "0")}-${pad(month)}-${pad(day)}`;
		if (!isIsoDay(date)) continue;
		const gap = Math.abs(daysBetween(near, date));
		if (gap < bestGap) {
			best = date;
			bestGap = gap;
		}
	}
	return best;
}

/**
 * Labels that make the fields of a heading (or of the note's top) the record of one call or
 * meeting: `**Date:** Feb 9, 2026` beside `**Outcome:** …` or `**Attendees:** …` is the day it
 * took place.
 */
const RECORD_LABEL = /^(?:outcome|result|attendees|participants|call type|meeting type|duration)$/i;

/** The type and notes fields under each heading (`## Last contact` then `- **Type**: call`); 0 is the note's top. */
function fieldsBySection(lines: readonly BodyLine[]): Map<number, { kind?: string; notes?: string; record?: string }> {
	const out = new Map<number, { kind?: string; notes?: string; record?: string }>();
	let heading = 0;
	for (const { line, text } of lines) {
		if (text.startsWith("#")) {
			heading = line;
			continue;
		}
		if (!text.includes(":")) continue;
		const item = LIST_PREFIX.exec(text);
		const m = LABEL.exec(item ? text.slice(item[0].length) : text.trim());
		if (!m) continue;
		const label = m[1].replace(/\*\*|__/g, "").trim();
		if (RECORD_LABEL.test(label)) out.set(heading, { ...out.get(heading), record: (out.get(heading)?.record ?? label) });
		if (heading === 0) continue;
		const entry = out.get(heading) ?? {};
		if (KIND_LABEL.test(label)) entry.kind ??= m[2].replace(/\*\*|__/g, "").trim();
		else if (NOTES_LABEL.test(label)) entry.notes ??= m[2].replace(/\*\*|__/g, "").trim();
		else continue;
		out.set(heading, entry);
	}
	return out;
}

function readTableRow(cells: string[], line: number, text: string, state: State, enabled: boolean, out: FormsRead, judge: Judge, languages: readonly string[]): void {
	const plain = (c: string): string => c.replace(/\*\*|__/g, "").trim();
	const table = state.table;
	const section = state.sections.withRole();
	if (table === null) {
		// A header row: a date column, and a channel or notes column; or two columns of key and value.
		// `| Fecha | Tipo | Notas |`: headers in the notes' other languages too (README, "Notes in other languages").
		const find = (pattern: RegExp, more: "date" | "kind" | "notes"): number => cells.findIndex((c) => pattern.test(plain(c)) || moreWord(more, plain(c), languages) !== null);
		const date = find(DATE_HEADER, "date");
		const kind = find(KIND_HEADER, "kind");
		const notes = find(NOTES_HEADER, "notes");
		const pairs = cells.length === 2 && date < 0;
		state.table = date >= 0 && (kind >= 0 || notes >= 0) ? { date, kind, notes, next: cells.findIndex((c) => NEXT_HEADER.test(plain(c)) || isForeignNextLabel(plain(c), languages)), inBody: false, pairs: false } : { date: -1, kind: -1, notes: -1, next: -1, inBody: false, pairs };
		// `| First meeting | March 3, 2026 |` as the header of a key/value table is a pair too.
		if (pairs && enabled && /\d/.test(cells[1])) judge({ kind: "label", line, text, content: `${plain(cells[0])}: ${cells[1]}`, label: plain(cells[0]), value: cells[1], section, enabled });
		return;
	}
	if (!table.inBody) {
		table.inBody = true;
		if (isDelimiterRow(cells)) return;
	}
	if (!enabled) return;
	if (table.pairs) {
		if (cells.length >= 2 && /\d/.test(cells[1])) judge({ kind: "label", line, text, content: `${plain(cells[0])}: ${cells[1]}`, label: plain(cells[0]), value: cells[1], section, enabled });
		return;
	}
	if (table.date < 0) return;
	const dateCell = cells[table.date] ?? "";
	if (MONTH_ONLY.test(dateCell.trim())) {
		out.dayless.push(line);
		out.unused.push({ line, text, reason: "date without a day" });
		return;
	}
	const kind = table.kind >= 0 ? plain(cells[table.kind] ?? "") : "";
	const notes = table.notes >= 0 ? plain(cells[table.notes] ?? "") : "";
	if (/\d/.test(dateCell)) {
		// A row of a table with a date column is a contact unless its words say otherwise.
		const content = `${plain(dateCell)} | ${kind}${notes && kind ? " | " : ""}${notes}`;
		judge({ kind: "table", line, text, content, section: section ?? { title: "a table with a date column", level: 0, line: 0, role: "log" }, enabled, summary: notes || kind });
	}
	if (table.next >= 0 && /\d/.test(cells[table.next] ?? "")) {
		const cell = cells[table.next] ?? "";
		judge({ kind: "table", line, text, content: `next: ${cell}`, section: { title: "a next column", level: 0, line: 0, role: "next" }, enabled, summary: "" });
	}
}
