import { isClockTime, isIsoDay, type ClockTime, type IsoDay } from "./dates";
import { splitChannel } from "./nextClause";

/** How a touch line's date was written, kept so edits write it back the same way. */
export type DateForm = "plain" | "wikilink" | "bold" | "tasks";

export type CheckState = "open" | "done" | "cancelled" | "none";

export interface TouchLine {
	indent: string;
	/** `-`, `*`, `+`, `1.` or `1)`. */
	bullet: string;
	/** The character between the brackets, or null when the item has no checkbox. */
	checkbox: string | null;
	date: IsoDay;
	dateForm: DateForm;
	/** Alias of a `[[date|alias]]` link. */
	alias: string | null;
	time: ClockTime | null;
	/** The channel, lower case, when the first word after the date is one. */
	channel: string | null;
	/** The channel word as written. */
	channelWord: string | null;
	/** Whether the channel word was followed by a colon. */
	channelColon: boolean;
	/** Everything after the date, time and channel, as written. */
	text: string;
	/** Tasks-plugin dates (`📅`, `⏳`, `✅`) found on the line. */
	tasks: { due: IsoDay | null; scheduled: IsoDay | null; done: IsoDay | null } | null;
}

export type TouchParse =
	| { kind: "touch"; touch: TouchLine }
	| { kind: "problem"; message: string }
	| { kind: "none" };

const ITEM = /^([ \t]*)([-*+]|\d{1,9}[.)]) (?:\[(.)\] )?/;
const TIME_TOKEN = /^\s+(\d{2}:\d{2})(?=\s|$)/;
// The Tasks plugin's 📅, ⏳ and ✅, written in ASCII as main.js is (see esbuild.config.mjs).
const TASKS_DATE = /(\u{1F4C5}|\u23F3|\u2705)\uFE0F?\s*(\d{4}-\d{2}-\d{2})/gu;
const TASKS_SIGN = /\u{1F4C5}|\u23F3|\u2705/u;
/** A Tasks date with the space before it, so removing it leaves single spaces. */
const TASKS_DATE_WITH_SPACE = /[ \t]*(?:\u{1F4C5}|\u23F3|\u2705)\uFE0F?\s*\d{4}-\d{2}-\d{2}/gu;

/** A list item's start: indent, bullet, and the checkbox's character when it has one. */
export interface ListItemStart {
	indent: string;
	bullet: string;
	checkbox: string | null;
}

/**
 * One way a touch line is written (README, "Touch lines"): how to read one and how to write one
 * back, as obsidian-tasks' `TaskSerializer` does for its formats. Adding a form is adding one of
 * these to `TOUCH_FORMS` (docs/architecture.md, "Add a touch form").
 */
export interface TouchForm {
	readonly name: DateForm;
	/**
	 * Reads the rest of a list item (after its bullet and checkbox): the touch, a problem (it is
	 * this form, but its date is impossible), or null when the line is not in this form.
	 */
	read(rest: string, item: ListItemStart, channels: readonly string[]): TouchParse | null;
	/** Writes a touch of this form back, in the grammar's canonical spacing. */
	write(touch: TouchLine): string;
}

/** The head every form writes: indent, bullet, checkbox. */
function head(touch: TouchLine): string {
	return `${touch.indent}${touch.bullet} ${touch.checkbox !== null ? `[${touch.checkbox}] ` : ""}`;
}

/** A touch read by a form: the list item's head, its channel split from its text, and what the form found. */
function touchRead(
	item: ListItemStart,
	channel: ReturnType<typeof splitChannel>,
	found: Pick<TouchLine, "date" | "dateForm" | "alias" | "time" | "tasks">,
): TouchParse {
	return {
		kind: "touch",
		// Keys in TouchLine's order: the index packs a touch only when its keys come in that order.
		touch: {
			indent: item.indent,
			bullet: item.bullet,
			checkbox: item.checkbox,
			date: found.date,
			dateForm: found.dateForm,
			alias: found.alias,
			time: found.time,
			channel: channel.channel,
			channelWord: channel.word,
			channelColon: channel.colon,
			text: channel.text,
			tasks: found.tasks,
		},
	};
}

/** A form whose date leads the line (`2026-11-20`, `[[2026-11-20|alias]]`, `**2026-11-20**`), then a time and a channel. */
function leadingDateForm(name: DateForm, token: RegExp, dateText: (touch: TouchLine) => string): TouchForm {
	return {
		name,
		read(rest, item, channels) {
			const m = token.exec(rest);
			if (!m) return null;
			const date = m[1];
			if (!isIsoDay(date)) return { kind: "problem", message: `${date} is not a real date` };
			let after = rest.slice(m[0].length);
			let time: ClockTime | null = null;
			const timeMatch = TIME_TOKEN.exec(after);
			if (timeMatch && isClockTime(timeMatch[1])) {
				time = timeMatch[1];
				after = after.slice(timeMatch[0].length);
			}
			return touchRead(item, splitChannel(after, channels), { date, dateForm: name, alias: m[2] ?? null, time, tasks: null });
		},
		write(touch) {
			const parts = [dateText(touch)];
			if (touch.time) parts.push(touch.time);
			if (touch.channelWord) parts.push(`${touch.channelWord}${touch.channelColon ? ":" : ""}`);
			if (touch.text) parts.push(touch.text);
			return head(touch) + parts.join(" ");
		},
	};
}

/** A Tasks-plugin line: a task with `📅`/`⏳` (planned) or `✅` (done) dates anywhere on it. */
const TASKS_FORM: TouchForm = {
	name: "tasks",
	read(rest, item, channels) {
		if (item.checkbox === null) return null;
		// No Tasks sign, no Tasks date: the pattern is not run (most tasks are other list items).
		if (!TASKS_SIGN.test(rest)) return { kind: "none" };
		const found: Record<string, IsoDay> = {};
		for (const m of rest.matchAll(TASKS_DATE)) {
			if (!isIsoDay(m[2])) return { kind: "problem", message: `${m[1]} ${m[2]} is not a real date` };
			found[m[1]] ??= m[2];
		}
		const due = found["📅"] ?? null;
		const scheduled = found["⏳"] ?? null;
		const done = found["✅"] ?? null;
		// The earliest of the planned dates: the touch is due as soon as either says so.
		const planned = [due, scheduled].filter((d): d is IsoDay => d !== null).sort()[0];
		const date = checkState(item.checkbox) === "done" && done ? done : (planned ?? done);
		if (!date) return { kind: "none" };
		const channel = splitChannel(rest.replace(TASKS_DATE_WITH_SPACE, "").trim(), channels);
		return touchRead(item, channel, { date, dateForm: "tasks", alias: null, time: null, tasks: { due, scheduled, done } });
	},
	write(touch) {
		const parts = [touch.channelWord ? `${touch.channelWord}${touch.channelColon ? ":" : ""}` : "", touch.text];
		if (touch.tasks?.scheduled) parts.push(`⏳ ${touch.tasks.scheduled}`);
		if (touch.tasks?.due) parts.push(`📅 ${touch.tasks.due}`);
		if (touch.tasks?.done) parts.push(`✅ ${touch.tasks.done}`);
		return head(touch) + parts.filter((p) => p !== "").join(" ");
	},
};

/** The touch-line forms, in the order a line is tried: the first that reads it, reads it. */
export const TOUCH_FORMS: readonly TouchForm[] = [
	leadingDateForm("plain", /^(\d{4}-\d{2}-\d{2})(?=\s|$)/, (t) => t.date),
	leadingDateForm("wikilink", /^\[\[(\d{4}-\d{2}-\d{2})(?:\|([^\]]*))?\]\](?=\s|$)/, (t) => `[[${t.date}${t.alias !== null ? `|${t.alias}` : ""}]]`),
	leadingDateForm("bold", /^\*\*(\d{4}-\d{2}-\d{2})\*\*(?=\s|$)/, (t) => `**${t.date}**`),
	TASKS_FORM,
];

export function checkState(checkbox: string | null): CheckState {
	if (checkbox === null) return "none";
	if (checkbox === "x" || checkbox === "X") return "done";
	if (checkbox === "-") return "cancelled";
	return "open";
}

/** Reads one line. `none`: not a touch line; `problem`: looks like one but its date is impossible. */
export function deserializeTouch(line: string, channels: readonly string[]): TouchParse {
	const m = ITEM.exec(line);
	if (!m) return { kind: "none" };
	const item: ListItemStart = { indent: m[1], bullet: m[2], checkbox: m[3] ?? null };
	const rest = line.slice(m[0].length);
	for (const form of TOUCH_FORMS) {
		const read = form.read(rest, item, channels);
		if (read !== null) return read;
	}
	return { kind: "none" };
}

/** Writes a touch line back in its own form, in the grammar's canonical spacing. */
export function serializeTouch(touch: TouchLine): string {
	const form = TOUCH_FORMS.find((f) => f.name === touch.dateForm) ?? TOUCH_FORMS[0];
	return form.write(touch);
}
