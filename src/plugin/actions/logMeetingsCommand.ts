import { Notice, type App, type TFile } from "obsidian";
import { formatClock, localToday } from "../../core/text/dates";
import { readCalendarEvents } from "../../core/import/calendarEvents";
import { describeMeetings, matchMeetings, meetingWindow, planMeetings, type MeetingPlan } from "../../core/import/meetings";
import { logMeetings, type MeetingNow } from "../../core/write/logMeetings";
import type { DueSource, SettingsSource } from "../ports";
import { MeetingsModal } from "../modals/meetingsModal";
import { fileAt } from "./noteEdits";

/** What Log meetings from a calendar file needs: the vault, the prospects, the settings. */
export interface MeetingsPorts extends SettingsSource {
	readonly app: App;
	readonly index: DueSource;
	/** Now, for the tests; the clock by default. */
	readonly now?: () => Date;
}

type Planned = { plan: MeetingPlan; lines: (dryRun: boolean) => string[]; now: MeetingNow } | { error: string };

/** Reads the calendar file (ical.js is loaded on this first use), matches its events, plans each note. */
export async function planCalendar(ports: MeetingsPorts, file: TFile): Promise<Planned> {
	const { app } = ports;
	const clock = ports.now?.() ?? new Date();
	const today = localToday(clock);
	const now: MeetingNow = { today, time: formatClock(clock) };
	const settings = ports.settings();
	const window = meetingWindow(today);
	const read = readCalendarEvents(await app.vault.read(file), window);
	if (read.error) return { error: `${file.path}: ${read.error}` };
	const match = matchMeetings(read.events, ports.index.report(today).entries.map((e) => e.prospect), settings);
	const texts = new Map<string, string>();
	for (const path of match.byPath.keys()) {
		const note = fileAt(app, path);
		if (note) texts.set(path, await app.vault.read(note));
	}
	const plan = planMeetings(match, (path) => texts.get(path) ?? null, now, settings);
	return { plan, now, lines: (dryRun) => describeMeetings(plan, { events: read.events.length, outside: read.outside, window }, dryRun) };
}

/**
 * Writes the plan: one `Vault.process` per note, each computed again on the note as it is at
 * that moment. All or nothing: when one fails, those already written are put back.
 */
export async function writeMeetings(app: App, plan: MeetingPlan, now: MeetingNow, settings: ReturnType<MeetingsPorts["settings"]>): Promise<{ ok: true } | { ok: false; error: string }> {
	const written: { file: TFile; before: string; after: string }[] = [];
	let error: string | null = null;
	for (const note of plan.notes) {
		const file = fileAt(app, note.path);
		if (!file) {
			error = `${note.path} is no longer in the vault`;
			break;
		}
		let before: string | null = null;
		try {
			const after = await app.vault.process(file, (data) => {
				const result = logMeetings(data, note.path, plan.match.byPath.get(note.path) ?? [], now, settings);
				if (!result.ok) {
					error = `${note.path} was not changed: ${result.error}`;
					return data;
				}
				before = data;
				return result.text;
			});
			if (error !== null) break;
			if (before !== null) written.push({ file, before, after });
		} catch (e) {
			error = `${note.path} could not be written (${e instanceof Error ? e.message : String(e)})`;
			break;
		}
	}
	if (error === null) return { ok: true };
	for (const { file, before, after } of written.reverse()) {
		try {
			await app.vault.process(file, (data) => (data === after ? before : data));
		} catch {
			// Gone or locked since: nothing more can be put back.
		}
	}
	return { ok: false, error };
}

/** Log meetings from a calendar file: pick an .ics of the vault, preview, then log. */
export function logMeetingsFromCalendar(ports: MeetingsPorts): void {
	const files = ports.app.vault.getFiles().filter((f) => f.extension.toLowerCase() === "ics");
	if (files.length === 0) {
		new Notice("Touchbase: no .ics file in the vault. Export your calendar (Google Calendar, Outlook, Apple Calendar) into the vault first.");
		return;
	}
	new MeetingsModal(ports.app, {
		files,
		preview: async (file) => {
			const planned = await planCalendar(ports, file);
			return "error" in planned ? [planned.error] : planned.lines(true);
		},
		run: async (file) => {
			// Planned again at the moment of writing: the notes may have changed since the preview.
			const planned = await planCalendar(ports, file);
			if ("error" in planned) {
				new Notice(`Touchbase: ${planned.error}`);
				return false;
			}
			const result = await writeMeetings(ports.app, planned.plan, planned.now, ports.settings());
			if (!result.ok) {
				new Notice(`Touchbase: no meeting was written: ${result.error}`);
				return false;
			}
			const changed = planned.plan.notes.reduce((n, note) => n + note.results.length, 0);
			const left = planned.plan.match.unmatched.length + planned.plan.match.ambiguous.length;
			new Notice(`Touchbase: ${changed} meeting${changed === 1 ? "" : "s"} written to ${planned.plan.notes.length} note${planned.plan.notes.length === 1 ? "" : "s"}${left > 0 ? `; ${left} not matched to one prospect (listed in the preview)` : ""}.`);
			return true;
		},
	}).open();
}
