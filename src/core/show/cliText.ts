// core/show, step 7 (docs/architecture.md): what people see. CLI text and tables, JSON, explain, the calendar.
/**
 * What the command lines print, for both of them: the Node `touchbase` (src/cli/runCli.ts) and the
 * plugin's handlers for the official Obsidian CLI (src/plugin/actions/cliHandlers.ts). One place, so
 * `touchbase due VAULT` and `obsidian touchbase` print the same bytes for the same vault and day.
 */
import type { Outcome } from "../text/clauses";
import { isClockTime, isIsoDay, type IsoDay } from "../text/dates";
import { computeDue, type DueEntry } from "../rules/due";
import { sourcesLine } from "./explain";
import { formatDueTable, formatStats, type TableOptions } from "./tableText";
import { wrapJoined } from "./width";
import type { LogInput } from "../write/logTouch";
import type { ProspectNote } from "../read/note";
import { dueJson } from "./dueJson";
import type { TouchbaseSettings } from "../settings/settings";
import { computeStats } from "../rules/stats";
import type { DueReport } from "../rules/dueReport";

/** A mistake in how a command was called: the message is one line, without the `touchbase: ` prefix. */
export class UsageError extends Error {}

/** `due`: the table (`vault` as the user named it), or the JSON object. */
export function dueText(report: DueReport, vault: string, json: boolean, options: TableOptions = {}): string {
	if (json) return `${JSON.stringify(dueJson(report), null, 2)}\n`;
	// "from: 40 touch lines, 12 frontmatter keys, …", wrapped under its first part.
	const sources = wrapJoined(sourcesLine(report).split(", "), ", ", options.width ?? 80, "      ");
	return `${formatDueTable(report, vault, options)}${sources.join("\n")}\n`;
}

/** `stats`: the figures of the Stats tab as a table, or as one JSON object. */
export function statsText(report: DueReport, json: boolean): string {
	const today = report.today;
	const totals = { prospects: report.entries.length, touches: report.entries.reduce((sum, e) => sum + e.doneCount, 0) };
	const stats = computeStats(report.entries, today);
	if (!json) return formatStats(stats, totals);
	const { today: day, ...figures } = stats;
	return `${JSON.stringify({ today: day, ...totals, counts: dueJson(report).counts, ...figures }, null, 2)}\n`;
}

/** `--days N` / `days=N`: the upcoming window, 0 to 999 days. */
export function daysOption(value: string): number {
	if (!/^\d{1,3}$/.test(value)) throw new UsageError(`--days must be a whole number of days, not "${value}"`);
	return Number(value);
}

/** `--today`, `--date`: a real calendar day, or the fallback when not given. */
export function dayOption(value: string | undefined, name: string, fallback: IsoDay): IsoDay {
	if (value === undefined) return fallback;
	if (!isIsoDay(value)) throw new UsageError(`--${name} must be a real date as YYYY-MM-DD, not "${value}"`);
	return value;
}

const OUTCOMES: Record<string, Outcome> = { yes: "yes", won: "yes", no: "no", lost: "no", "next step": "next step", next: "next step" };

/** The options of `log`, as given (a flag without a value is `true`). */
export interface LogOptions {
	channel?: string | boolean;
	summary?: string | boolean;
	next?: string | boolean;
	date?: string | boolean;
	time?: string | boolean;
	outcome?: string | boolean;
	objective?: string | boolean;
}

const given = (value: string | boolean | undefined): string | undefined => (typeof value === "string" ? value : undefined);

/** The touch `log` writes, from its options; a UsageError says what is wrong, in the same order for both command lines. */
export function logInputFrom(options: LogOptions, today: IsoDay): LogInput {
	const channel = given(options.channel);
	const summary = given(options.summary);
	if (channel === undefined || channel.trim() === "") throw new UsageError("--channel is required");
	if (summary === undefined || summary.trim() === "") throw new UsageError("--summary is required");
	const date = dayOption(given(options.date), "date", today);
	if (date > today) throw new UsageError(`--date ${date} is in the future: log touches that happened (schedule the others)`);
	const time = given(options.time);
	if (time !== undefined && !isClockTime(time)) throw new UsageError(`--time must be HH:mm, not "${time}"`);
	const outcomeText = given(options.outcome);
	const outcome = outcomeText === undefined ? null : OUTCOMES[outcomeText.trim().toLowerCase()];
	if (outcome === undefined) throw new UsageError(`--outcome must be yes, no or "next step", not "${outcomeText}"`);
	return { date, time: time ?? null, channel: channel.trim(), summary, outcome, next: given(options.next) ?? null, objective: given(options.objective) ?? null };
}

/** One piece of what `log` prints: `out` is the answer, `err` a warning beside it. */
export interface Printed {
	stream: "out" | "err";
	text: string;
}

/**
 * What `log` prints after it wrote the touch `line` to `note` (as the user named it): the line,
 * then the next follow-up; a warning when the note is not a prospect or the channel is no channel word.
 * `entry`, when given, is the note's due entry read with its vault.
 */
export function loggedText(line: string, note: string, prospect: ProspectNote | null, channel: string, settings: TouchbaseSettings, today: IsoDay, entry?: DueEntry): Printed[] {
	const printed: Printed[] = [{ stream: "out", text: `${line}\n` }];
	if (!prospect) {
		const where = settings.prospectFolders.join(", ") || "a prospect folder";
		printed.push({ stream: "err", text: `touchbase: warning: ${note} is not a prospect note, so this touch will not show in due (put it in ${where} or add type: prospect)\n` });
		return printed;
	}
	if (!settings.channels.includes(channel.trim().toLowerCase())) {
		printed.push({ stream: "err", text: `touchbase: warning: "${channel}" is not in the channel list (${settings.channels.join(", ")}), so it is read as text\n` });
	}
	// The vault's own entry when the caller read it (interaction notes included), as `due` shows it.
	const next = (entry ?? computeDue(prospect, today, settings)).next;
	printed.push({
		stream: "out",
		text: next ? `Next follow-up: ${next.date}${next.time ? ` ${next.time}` : ""}${next.suggested ? " (suggested by the cadence)" : ""}\n` : "No next step: give one with --next\n",
	});
	return printed;
}
