/**
 * The forms people already write their follow-ups in, besides Touchbase's own touch lines
 * (README, "Bringing your existing notes"): label lines and bold-label bullets, dated headings,
 * tables with a date column, and dated tasks. Each is read only when it names a contact word
 * (a channel or a word such as call, meeting, sync, demo), so a birthday, a deadline or an
 * expected-close date is never a touch. Dates are ISO or written out (chrono reads those); a
 * month and day without a year take the year the note makes certain, or are a problem.
 */
import type { IsoDay } from "../text/dates";
import { memo } from "../text/memo";
import { dayWithYear, findWrittenDate, looksDated, type WrittenDate } from "../text/nextClause";
import { headingOf, isDelimiterRow, tableCells } from "../text/scan";
import type { TouchbaseSettings } from "../settings/settings";
import { letterRunsOf } from "../text/unicode";

/** Where a touch or a next step was read from (a touch line is written in one of the `TouchForm`s of core/text/touchLine.ts). */
export type FormKind = "line" | "key" | "label" | "heading" | "table" | "task" | "interaction";

/** A touch or next step read from one of the forms. */
export interface FormFinding {
	kind: "touch" | "next";
	form: FormKind;
	line: number;
	date: IsoDay;
	channel: string | null;
	summary: string;
}

/** A dated line seen and not used, with the reason: for `touchbase explain`. */
export interface UnusedDate {
	line: number;
	text: string;
	reason: string;
}

export interface FormsRead {
	found: FormFinding[];
	unused: UnusedDate[];
	/** Lines whose month-day date has no year the note makes certain. */
	yearless: number[];
	/** Lines of a contact dated by month only (`2026-02`, `February 2026`). */
	dayless: number[];
}

export interface BodyLine {
	/** 1-based. */
	line: number;
	/** Visible markdown of the line (comments removed). */
	text: string;
	/** Whether the line was already read as a touch line. */
	touchLine: boolean;
}

const escape = (word: string): string => word.replace(/[.*+?^${}()|[\]\\]/g, "\\$&").replace(/[- ]/g, "[- ]?");

/** One pattern for the contact words and channels of a set of settings, built once per set. */
const contactPattern = memo(8, (words: string): RegExp => {
	const alternatives = words
		.split("\n")
		.filter((w) => w !== "")
		.sort((a, b) => b.length - a.length)
		.map(escape);
	return new RegExp(`(?:^|[^\\p{L}])(${alternatives.join("|")})s?(?![\\p{L}])`, "iu");
});

function contactWordsOf(settings: TouchbaseSettings): RegExp {
	return contactPattern([...settings.contactWords, ...settings.channels, "call", "email"].join("\n"));
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
const NEXT_LABEL = /^next\b|^follow[- ]?up (?:by|on|date)\b/i;
const ACTION_LABEL = /^next (?:action|step|steps)$/i;
const DATE_HEADER = /^(?:date|when|day|contacted|contact date|last contact)$/i;
const KIND_HEADER = /^(?:type|channel|how|medium|via|method|kind)$/i;
const NOTES_HEADER = /^(?:notes?|summary|subject|topic|topics|details|what|description|outcome|discussion)$/i;
const NEXT_HEADER = /^(?:next|next step|next steps|follow[- ]?up(?: by| on| date)?|next (?:contact|touch|follow[- ]?up))$/i;
const MONTH_ONLY = /^\d{4}-\d{2}$|^(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.? \d{4}$/i;
/** The Tasks plugin's 📅 ⏳ ✅ 🛫 ➕, written in ASCII as main.js is (see esbuild.config.mjs). */
const TASKS_EMOJI = /\u{1F4C5}|\u23F3|\u2705|\u{1F6EB}|\u2795/u;

/** What reading the forms keeps from line to line. */
interface State {
	/** The latest full date written so far: what gives a month-day date its year. */
	lastFullDate: IsoDay | null;
	table: { date: number; kind: number; notes: number; next: number; inBody: boolean } | null;
}

/**
 * Reads the forms of a prospect note's body. `lines` are its live lines in order; `created` is the
 * note's creation date, the year of last resort for a month-day date.
 */
export function readForms(lines: readonly BodyLine[], created: IsoDay | null, settings: TouchbaseSettings): FormsRead {
	const out: FormsRead = { found: [], unused: [], yearless: [], dayless: [] };
	const contact = contactWordsOf(settings);
	const forms = settings.readForms;
	const state: State = { lastFullDate: null, table: null };
	const locale = settings.dateLocale;

	/** A date in `text`, with a month-day date given its year; null (and noted) when it has none. */
	const dateIn = (text: string, line: number): { date: IsoDay; at: WrittenDate } | null => {
		const found = findWrittenDate(text, locale);
		if (found === null) return null;
		if ("date" in found) return { date: found.date, at: found };
		const base = state.lastFullDate ?? created;
		const date = base !== null ? dayWithYear(found.month, found.day, base) : null;
		if (date === null) {
			out.yearless.push(line);
			out.unused.push({ line, text, reason: "date without a year: no full date before it and no created date" });
			return null;
		}
		return { date, at: found };
	};
	const note = (finding: FormFinding): void => {
		out.found.push(finding);
	};

	let previous = -1;
	for (const { line, text, touchLine } of lines) {
		const cells = tableCells(text);
		// A table ends at the first line that is not a row (lines without a digit are not given).
		if (cells === null || line !== previous + 1) state.table = null;
		previous = line;
		if (touchLine) {
			rememberFullDate(text, state, locale);
			continue;
		}
		if (cells !== null) {
			readTableRow(cells, line, text, state, settings, forms.tables, dateIn, note, out);
			continue;
		}
		const heading = headingOf(text);
		if (heading !== null) {
			if (forms.headings) {
				const dated = dateIn(text, line);
				if (dated !== null) {
					if (contact.test(text)) {
						note({ kind: "touch", form: "heading", line, date: dated.date, channel: channelIn(text, settings), summary: summaryOf(text.replace(/^#+\s*/, ""), dated.at) });
					} else out.unused.push({ line, text, reason: "a dated heading that names no contact (call, meeting …)" });
				}
			}
			rememberFullDate(text, state, locale);
			continue;
		}
		const item = LIST_PREFIX.exec(text);
		let rest = item ? text.slice(item[0].length) : text.trim();
		const box = CHECKBOX.exec(rest);
		if (box) {
			rest = rest.slice(box[0].length);
			if (forms.tasks && !TASKS_EMOJI.test(rest)) {
				const dated = dateIn(rest, line);
				if (dated !== null) {
					const mark = box[1];
					if (!contact.test(rest)) out.unused.push({ line, text, reason: "a dated task that names no contact (call, meeting …)" });
					else if (mark === "x" || mark === "X") note({ kind: "touch", form: "task", line, date: dated.date, channel: channelIn(rest, settings), summary: summaryOf(rest, dated.at) });
					else if (mark === " ") note({ kind: "next", form: "task", line, date: dated.date, channel: channelIn(rest, settings), summary: summaryOf(rest, dated.at) });
					else out.unused.push({ line, text, reason: "a cancelled task" });
				}
			}
			rememberFullDate(text, state, locale);
			continue;
		}
		const label = LABEL.exec(rest);
		if (label && forms.labels) readLabel(label[1].trim(), label[2], line, text, settings, contact, dateIn, note, out);
		else if (looksDated(text)) {
			out.unused.push({ line, text, reason: "a date in prose: not a label, heading, table row, task or touch line" });
		}
		rememberFullDate(text, state, locale);
	}
	return out;
}

function rememberFullDate(text: string, state: State, locale: "en" | "en-GB"): void {
	// Only a year can make a later month-day certain: without four digits, nothing to remember.
	if (!/\d{4}/.test(text)) return;
	const found = findWrittenDate(text, locale);
	if (found !== null && "date" in found) state.lastFullDate = found.date;
}

/** The words of a line around its date, without markdown emphasis and separators. */
function summaryOf(text: string, at: WrittenDate): string {
	const without = `${text.slice(0, at.index)} ${text.slice(at.index + at.length)}`;
	return without
		.replace(/\*\*|__|[*_`]/g, "")
		// \u2014 and \u2013: the em and en dashes.
		.replace(/^[\s:\u2014\u2013-]+|[\s:\u2014\u2013.-]+$/g, "")
		.replace(/\s[\u2014\u2013-]{1,2}\s/g, " ")
		.replace(/\s+/g, " ")
		.trim();
}

type DateIn = (text: string, line: number) => { date: IsoDay; at: WrittenDate } | null;

function readLabel(
	label: string,
	value: string,
	line: number,
	text: string,
	settings: TouchbaseSettings,
	contact: RegExp,
	dateIn: DateIn,
	note: (f: FormFinding) => void,
	out: FormsRead,
): void {
	// `- **2026-01-19:** Zoom meeting`: the label is the date.
	const labelDate = findWrittenDate(label, settings.dateLocale);
	if (labelDate !== null && labelDate.index === 0 && labelDate.length >= label.length - 1) {
		const dated = dateIn(label, line);
		if (dated === null) return;
		if (contact.test(value)) note({ kind: "touch", form: "label", line, date: dated.date, channel: channelIn(value, settings), summary: value.replace(/\*\*|__/g, "").trim() });
		else out.unused.push({ line, text, reason: "a dated label whose text names no contact (call, meeting …)" });
		return;
	}
	const dated = dateIn(value, line);
	if (dated === null) return;
	if (NEXT_LABEL.test(label)) {
		if (contact.test(label) || contact.test(value) || ACTION_LABEL.test(label)) {
			note({ kind: "next", form: "label", line, date: dated.date, channel: channelIn(`${label} ${value}`, settings), summary: summaryOf(value, dated.at) || label });
		} else out.unused.push({ line, text, reason: `"${label}" names no contact (call, meeting …)` });
		return;
	}
	if (contact.test(label)) {
		note({ kind: "touch", form: "label", line, date: dated.date, channel: channelIn(label, settings), summary: summaryOf(`${label} ${value}`, { ...dated.at, index: dated.at.index + label.length + 1 }) || label });
		return;
	}
	out.unused.push({ line, text, reason: `"${label}" names no contact (call, meeting …): a ${label.toLowerCase()} date is not a touch` });
}

function readTableRow(
	cells: string[],
	line: number,
	text: string,
	state: State,
	settings: TouchbaseSettings,
	enabled: boolean,
	dateIn: DateIn,
	note: (f: FormFinding) => void,
	out: FormsRead,
): void {
	const table = state.table;
	if (table === null) {
		// A header row: a date column, and a channel or notes column.
		const find = (pattern: RegExp): number => cells.findIndex((c) => pattern.test(c.replace(/\*\*|__/g, "").trim()));
		const date = find(DATE_HEADER);
		const kind = find(KIND_HEADER);
		const notes = find(NOTES_HEADER);
		state.table = date >= 0 && (kind >= 0 || notes >= 0) ? { date, kind, notes, next: find(NEXT_HEADER), inBody: false } : { date: -1, kind: -1, notes: -1, next: -1, inBody: false };
		return;
	}
	if (!table.inBody) {
		table.inBody = true;
		if (isDelimiterRow(cells)) return;
	}
	if (table.date < 0 || !enabled) return;
	const dateCell = cells[table.date] ?? "";
	if (MONTH_ONLY.test(dateCell.trim())) {
		out.dayless.push(line);
		out.unused.push({ line, text, reason: "date without a day" });
		return;
	}
	const dated = dateIn(dateCell, line);
	if (dated !== null) {
		state.lastFullDate = dated.date;
		const kind = table.kind >= 0 ? (cells[table.kind] ?? "") : "";
		const summary = table.notes >= 0 ? (cells[table.notes] ?? "") : "";
		note({ kind: "touch", form: "table", line, date: dated.date, channel: channelIn(kind, settings) ?? channelIn(summary, settings), summary: summary || kind });
	}
	if (table.next >= 0) {
		const next = dateIn(cells[table.next] ?? "", line);
		if (next !== null) note({ kind: "next", form: "table", line, date: next.date, channel: channelIn(cells[table.next] ?? "", settings), summary: "" });
	}
}
