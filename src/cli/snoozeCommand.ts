// `touchbase snooze NOTE.md --to WHEN` (README, "The command line"): the note's due touch moved
// to a later day, as the plugin's Snooze does (core/write/snoozeTouch.ts), written whole or not
// at all (noteFile.ts).
import { UsageError } from "../core/show/cliText";
import { isClockTime, isIsoDay, type IsoDay } from "../core/text/dates";
import { parseNaturalDate } from "../core/text/nextClause";
import type { Touch } from "../core/read/note";
import type { TouchbaseSettings } from "../core/settings/settings";
import { snoozeDue } from "../core/write/snoozeTouch";
import { checkNoteArg, editNote, type VaultRootOf } from "./noteFile";

interface SnoozeIo {
	out: (text: string) => void;
	err: (text: string) => void;
}

export interface SnoozeOptions {
	to?: string;
	time?: string;
}

/** The day `--to` names: YYYY-MM-DD, or plain English read from today ("in 3 days", "monday"). */
export function snoozeDay(when: string, today: IsoDay, settings: TouchbaseSettings): IsoDay {
	const text = when.trim();
	if (isIsoDay(text)) return text;
	const found = parseNaturalDate(text, today, settings.dateLocale);
	if (found === null || text.slice(found.length).trim() !== "") throw new UsageError(`--to must be a date (YYYY-MM-DD) or a day in plain English such as "in 3 days" or "monday", not "${when}"`);
	return found.date;
}

/** Runs `snooze`; the exit status: 0 moved, 1 when the note could not be changed. */
export function runSnooze(
	rest: string[],
	options: SnoozeOptions,
	today: IsoDay,
	io: SnoozeIo,
	rootOf: VaultRootOf,
	linkedTouches: (vault: string, path: string, settings: TouchbaseSettings) => Touch[],
): number {
	if (rest.length !== 1) throw new UsageError(rest.length === 0 ? "missing NOTE.md" : `unexpected argument "${rest[1]}"`);
	const note = rest[0];
	checkNoteArg(note);
	if (options.to === undefined || options.to.trim() === "") throw new UsageError('missing --to WHEN (a date, or "in 3 days", "monday" …)');
	const time = options.time;
	if (time !== undefined && !isClockTime(time)) throw new UsageError(`--time must be HH:mm, not "${time}"`);
	const edited = editNote(note, io.err, rootOf, ({ vault, settings, path, before }) => {
		const to = snoozeDay(options.to!, today, settings);
		const result = snoozeDue(before, path, to, time, settings, today, linkedTouches(vault, path, settings));
		return { text: result.ok ? result.text : null, value: { result, to } };
	});
	if (edited === null) return 1;
	const { result, to } = edited.value;
	if (!result.ok) {
		io.err(`touchbase: ${note} was not changed: ${result.error}\n`);
		return 1;
	}
	io.out(`snoozed: ${result.name}, from ${result.from} to ${to}${time ? ` ${time}` : ""}\n`);
	return 0;
}
