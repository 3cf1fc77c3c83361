// What each part of the plugin needs from the rest, as small interfaces. main.ts wires them from
// the plugin's members; no other file of the plugin knows the plugin class (lint keeps it so).
import type { ReminderState } from "../core/rules/reminderSchedule";
import type { TouchbaseSettings } from "../core/settings/settings";
import type { Stats } from "../core/rules/stats";
import type { DueReport } from "../core/rules/dueReport";
import type { TFile } from "obsidian";
import type { NoteRead, ProspectNote } from "../core/read/note";
import type { DueTarget } from "../core/write/snoozeTouch";
import type { ClockTime, IsoDay } from "../core/text/dates";

/** The settings in force (they change: read them at each use). */
export interface SettingsSource {
	settings(): TouchbaseSettings;
}

/** The settings in force, and the way to change them: saved, and the index re-read with them. */
export interface SettingsStore extends SettingsSource {
	saveSettings(next: TouchbaseSettings): Promise<void>;
}

/** Where the reminders keep what they showed, so a restart never repeats a reminder. */
export interface ReminderStateStore {
	saveReminderState(state: ReminderState): Promise<void>;
}

/** Opens the follow-ups view, or shows it when it is open. */
export interface ViewOpener {
	openView(): Promise<void>;
}

/** The live index's due list, and word of each change. */
export interface DueSource {
	/** False until the first reading of the vault is done. */
	readonly ready: boolean;
	/** While the first reading runs: notes read and to read (the view shows it). */
	readonly progress?: { done: number; total: number } | null;
	report(today?: string): DueReport;
	/** Calls `listener` after changes; returns the function that stops it. */
	onChange(listener: () => void): () => void;
}

/** The live index as the view reads it: the due list, this week's line and the Stats tab. */
export interface IndexSource extends DueSource {
	/** Grows with every change: what was drawn for an older revision is out of date. */
	readonly revision: number;
	week(today?: string): Stats["week"];
	stats(today?: string): Stats;
}

/** The reads the note commands look up: a note's read by path, and the due list. */
export interface ReadSource {
	get(path: string): NoteRead | undefined;
	report(today?: string): DueReport;
}

/** What a row of the view or a reminder does to its note. */
export interface NoteActions {
	/** Opens the note, at its line when one is given. */
	openAt(path: string, line: number | null): void;
	/** Opens the log modal for the note, with the channel filled in when one is given; `done` after the touch is written. */
	log(file: TFile, channel?: string, done?: () => void): void;
	/** Opens the snooze modal for the note; `done` after the touch moved. */
	snooze(file: TFile, done?: () => void): void;
	/** Moves the note's due touch to `date`, in one write; false when nothing changed. */
	applySnooze(file: TFile, target: DueTarget, date: IsoDay, time?: ClockTime): Promise<boolean>;
}

/** What the commands do to the active note, and New prospect. */
export interface CommandActions {
	/** The active note if it is a readable prospect; otherwise says why not and returns null. */
	activeProspect(): { file: TFile; prospect: ProspectNote } | null;
	log(file: TFile, channel?: string, done?: () => void): void;
	schedule(file: TFile): void;
	snooze(file: TFile, done?: () => void): void;
	draft(file: TFile): void;
	startSequence(file: TFile): void;
	close(file: TFile, outcome: "won" | "lost"): void;
	newProspect(): void;
	explain(file: TFile): void;
}
