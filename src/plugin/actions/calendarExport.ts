import { Notice, TFile, debounce, normalizePath, type App } from "obsidian";
import { buildIcs } from "../../core/show/ics";
import type { DueSource } from "../ports";
import type { TouchbaseSettings } from "../../core/settings/settings";

/**
 * Writes the follow-ups as an .ics file in the vault, the same file `touchbase ics` prints.
 * Returns the number of events written, or null when the file could not be written.
 */
export async function exportCalendar(app: App, index: DueSource, settings: TouchbaseSettings, quiet = false): Promise<number | null> {
	const path = normalizePath(settings.calendarPath || "Touchbase/follow-ups.ics");
	const text = buildIcs(index.report(), { vaultName: app.vault.getName(), digestTime: settings.digestTime });
	const events = text.split("BEGIN:VEVENT").length - 1;
	try {
		const existing = app.vault.getAbstractFileByPath(path);
		if (existing instanceof TFile) {
			// Unchanged bytes are not written again: a synced folder and a subscribed calendar see no change.
			if ((await app.vault.read(existing)) !== text) await app.vault.process(existing, () => text);
		} else if (existing) {
			throw new Error(`${path} is a folder`);
		} else {
			const folder = path.includes("/") ? path.slice(0, path.lastIndexOf("/")) : "";
			if (folder && !app.vault.getAbstractFileByPath(folder)) await app.vault.createFolder(folder);
			await app.vault.create(path, text);
		}
	} catch (error) {
		new Notice(`Touchbase: could not write ${path}: ${error instanceof Error ? error.message : String(error)}`);
		return null;
	}
	if (!quiet) new Notice(`Touchbase: ${events} follow-up${events === 1 ? "" : "s"} written to ${path}.`);
	return events;
}

/** Re-exports after changes when "Keep a calendar file" is on. Returns the listener to release. */
export function keepCalendarCurrent(app: App, index: DueSource, settings: () => TouchbaseSettings): () => void {
	const run = debounce(
		() => {
			if (settings().calendarKeepCurrent && index.ready) void exportCalendar(app, index, settings(), true);
		},
		2000,
		true,
	);
	const release = index.onChange(() => run());
	return () => {
		run.cancel();
		release();
	};
}
