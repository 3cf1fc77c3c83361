// What each part of the plugin needs from the rest, as small interfaces. main.ts wires them from
// the plugin's members; no other file of the plugin knows the plugin class (lint keeps it so).
import type { ReminderState } from "../core/reminders";
import type { TouchbaseSettings } from "../core/settings";
import type { Stats } from "../core/stats";
import type { DueReport } from "../core/vaultIndex";
import type { ProspectActions } from "./prospectActions";

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

/** What a row of the view or a reminder does to its note. */
export type NoteActions = Pick<ProspectActions, "openAt" | "log" | "snooze" | "applySnooze">;

/** What the commands do to the active note, and New prospect. */
export type CommandActions = Pick<ProspectActions, "activeProspect" | "log" | "schedule" | "snooze" | "draft" | "startSequence" | "close" | "newProspect" | "explain">;
