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
const DATE_TOKEN =
	/^(?:(\d{4}-\d{2}-\d{2})|\[\[(\d{4}-\d{2}-\d{2})(?:\|([^\]]*))?\]\]|\*\*(\d{4}-\d{2}-\d{2})\*\*)(?=\s|$)/;
const TIME_TOKEN = /^\s+(\d{2}:\d{2})(?=\s|$)/;
// The Tasks plugin's 📅, ⏳ and ✅, written in ASCII as main.js is (see esbuild.config.mjs).
const TASKS_DATE = /(\u{1F4C5}|\u23F3|\u2705)\uFE0F?\s*(\d{4}-\d{2}-\d{2})/gu;
/** A Tasks date with the space before it, so removing it leaves single spaces. */
const TASKS_DATE_WITH_SPACE = /[ \t]*(?:\u{1F4C5}|\u23F3|\u2705)\uFE0F?\s*\d{4}-\d{2}-\d{2}/gu;

export function checkState(checkbox: string | null): CheckState {
	if (checkbox === null) return "none";
	if (checkbox === "x" || checkbox === "X") return "done";
	if (checkbox === "-") return "cancelled";
	return "open";
}

/** Reads one line. `none`: not a touch line; `problem`: looks like one but its date is impossible. */
export function deserializeTouch(line: string, channels: readonly string[]): TouchParse {
	const item = ITEM.exec(line);
	if (!item) return { kind: "none" };
	const rest = line.slice(item[0].length);
	const token = DATE_TOKEN.exec(rest);
	if (!token) return item[3] !== undefined ? deserializeTasksLine(item, rest, channels) : { kind: "none" };
	const date = token[1] ?? token[2] ?? token[4];
	if (!isIsoDay(date)) return { kind: "problem", message: `${date} is not a real date` };
	let after = rest.slice(token[0].length);
	let time: ClockTime | null = null;
	const timeMatch = TIME_TOKEN.exec(after);
	if (timeMatch && isClockTime(timeMatch[1])) {
		time = timeMatch[1];
		after = after.slice(timeMatch[0].length);
	}
	const channel = splitChannel(after, channels);
	return {
		kind: "touch",
		touch: {
			indent: item[1],
			bullet: item[2],
			checkbox: item[3] ?? null,
			date,
			dateForm: token[1] ? "plain" : token[2] ? "wikilink" : "bold",
			alias: token[3] ?? null,
			time,
			channel: channel.channel,
			channelWord: channel.word,
			channelColon: channel.colon,
			text: channel.text,
			tasks: null,
		},
	};
}

function deserializeTasksLine(item: RegExpExecArray, rest: string, channels: readonly string[]): TouchParse {
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
	const date = checkState(item[3]) === "done" && done ? done : (planned ?? done);
	if (!date) return { kind: "none" };
	const channel = splitChannel(rest.replace(TASKS_DATE_WITH_SPACE, "").trim(), channels);
	return {
		kind: "touch",
		touch: {
			indent: item[1],
			bullet: item[2],
			checkbox: item[3],
			date,
			dateForm: "tasks",
			alias: null,
			time: null,
			channel: channel.channel,
			channelWord: channel.word,
			channelColon: channel.colon,
			text: channel.text,
			tasks: { due, scheduled, done },
		},
	};
}

/** Writes a touch line back in the grammar's canonical spacing. */
export function serializeTouch(touch: TouchLine): string {
	const head = `${touch.indent}${touch.bullet} ${touch.checkbox !== null ? `[${touch.checkbox}] ` : ""}`;
	if (touch.dateForm === "tasks") {
		const parts = [touch.channelWord ? `${touch.channelWord}${touch.channelColon ? ":" : ""}` : "", touch.text];
		if (touch.tasks?.scheduled) parts.push(`⏳ ${touch.tasks.scheduled}`);
		if (touch.tasks?.due) parts.push(`📅 ${touch.tasks.due}`);
		if (touch.tasks?.done) parts.push(`✅ ${touch.tasks.done}`);
		return head + parts.filter((p) => p !== "").join(" ");
	}
	const date =
		touch.dateForm === "wikilink"
			? `[[${touch.date}${touch.alias !== null ? `|${touch.alias}` : ""}]]`
			: touch.dateForm === "bold"
				? `**${touch.date}**`
				: touch.date;
	const parts = [date];
	if (touch.time) parts.push(touch.time);
	if (touch.channelWord) parts.push(`${touch.channelWord}${touch.channelColon ? ":" : ""}`);
	if (touch.text) parts.push(touch.text);
	return head + parts.join(" ");
}
