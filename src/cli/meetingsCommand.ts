// `touchbase meetings VAULT CALENDAR.ics` (README, "Meetings from your calendar"): the calendar's
// events matched to prospects (core/import/meetings.ts), each note written once, all or nothing.
import { existsSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { UsageError } from "../core/show/cliText";
import type { ClockTime, IsoDay } from "../core/text/dates";
import { readCalendarEvents } from "../core/import/calendarEvents";
import { describeMeetings, matchMeetings, meetingWindow, planMeetings, type PlannedMeetingNote } from "../core/import/meetings";
import { readNote, type ProspectNote } from "../core/read/note";
import { maxNoteBytes, type TouchbaseSettings } from "../core/settings/settings";
import { forEachVaultFile } from "./vaultFiles";
import { writeFileAtomic, WriteFailed } from "./safeFile";

export interface MeetingsIo {
	out: (text: string) => void;
	err: (text: string) => void;
}

export interface MeetingsArgs {
	vault: string;
	file: string;
	today: IsoDay;
	/** The time of day now, or null when `--today` names the day (then all of it is past). */
	time: ClockTime | null;
	dryRun: boolean;
}

/** A calendar file larger than this is refused rather than read whole. */
const MAX_CALENDAR_BYTES = 64 * 1024 * 1024;

export interface MeetingsHooks {
	/** Called before each note is written (tests use it to make a write fail part-way). */
	beforeWrite?: (note: PlannedMeetingNote, index: number) => void;
}

/** Runs `meetings`; the exit status: 0 done (or nothing to do), 1 when nothing could be written. */
export function runMeetings(args: MeetingsArgs, settings: TouchbaseSettings, io: MeetingsIo, hooks: MeetingsHooks = {}): number {
	const { vault, file } = args;
	if (!existsSync(file) || !statSync(file).isFile()) throw new UsageError(`calendar file not found: ${file}`);
	if (statSync(file).size > MAX_CALENDAR_BYTES) throw new UsageError(`${file} is larger than 64 MB: not read`);
	let text: string;
	try {
		text = new TextDecoder("utf-8", { fatal: true }).decode(readFileSync(file));
	} catch {
		throw new UsageError(`${file} is not UTF-8 text`);
	}
	const window = meetingWindow(args.today);
	const read = readCalendarEvents(text, window);
	if (read.error) throw new UsageError(`${file}: ${read.error}`);

	const prospects: ProspectNote[] = [];
	forEachVaultFile(vault, maxNoteBytes(settings), (f) => {
		if (f.text === null) return;
		const note = readNote(f.path, f.text, settings);
		if (note.prospect) prospects.push(note.prospect);
	});
	const match = matchMeetings(read.events, prospects, settings);
	// The notes to edit are read again byte for byte: a byte-order mark kept, and a note that is not UTF-8 never written.
	const plan = planMeetings(match, (path) => exactText(join(vault, ...path.split("/"))), { today: args.today, time: args.time }, settings);
	if (!args.dryRun) {
		try {
			writeNotesAllOrNothing(vault, plan.notes, hooks);
		} catch (error) {
			io.err(`touchbase: no meeting was written: ${(error as Error).message}\n`);
			return 1;
		}
	}
	io.out(`${describeMeetings(plan, { events: read.events.length, outside: read.outside, window }, args.dryRun).join("\n")}\n`);
	return 0;
}

/** A note's text exactly as on disk (a byte-order mark kept), or null when it is not UTF-8 or cannot be read. */
function exactText(full: string): string | null {
	try {
		return new TextDecoder("utf-8", { fatal: true, ignoreBOM: true }).decode(readFileSync(full));
	} catch {
		return null;
	}
}

/** Writes `text` over `full` whole or not at all (safeFile.ts: temp file, flush, rename, mode kept). */
function replaceFile(full: string, text: string): void {
	try {
		writeFileAtomic(full, text);
	} catch (error) {
		if (error instanceof WriteFailed) throw Object.assign(new Error(error.message), { code: error.code });
		throw error;
	}
}

/**
 * Writes each note once, only while it still holds the text the plan was made from; on any
 * failure, puts back the notes already written and throws: the vault is as it was.
 */
export function writeNotesAllOrNothing(vault: string, notes: readonly PlannedMeetingNote[], hooks: MeetingsHooks = {}): void {
	const written: PlannedMeetingNote[] = [];
	const fullOf = (note: PlannedMeetingNote): string => join(vault, ...note.path.split("/"));
	try {
		notes.forEach((note, i) => {
			hooks.beforeWrite?.(note, i);
			const full = fullOf(note);
			if (exactText(full) !== note.before) throw new Error(`${note.path} changed while the calendar was read: run it again`);
			try {
				replaceFile(full, note.after);
			} catch (error) {
				throw new Error(`${note.path} could not be written (${(error as NodeJS.ErrnoException).code ?? String(error)})`);
			}
			written.push(note);
		});
	} catch (error) {
		for (const note of written.reverse()) {
			try {
				if (exactText(fullOf(note)) === note.after) replaceFile(fullOf(note), note.before);
			} catch {
				// Gone or unwritable since: nothing more can be put back.
			}
		}
		throw error;
	}
}
