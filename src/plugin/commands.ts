import { Notice, type TFile } from "obsidian";
import { exportCalendar } from "./calendarExport";
import type TouchbasePlugin from "./main";
import type { ProspectActions } from "./prospectActions";

type NoteCommand = (actions: ProspectActions, file: TFile) => void;

const NOTE_COMMANDS: { id: string; name: string; run: NoteCommand }[] = [
	{ id: "log-touch", name: "Log a touch", run: (a, f) => a.log(f) },
	{ id: "schedule-follow-up", name: "Schedule next follow-up", run: (a, f) => a.schedule(f) },
	{ id: "snooze", name: "Snooze", run: (a, f) => a.snooze(f) },
	{ id: "draft-follow-up-email", name: "Draft follow-up email", run: (a, f) => a.draft(f) },
	{ id: "start-sequence", name: "Start a sequence", run: (a, f) => a.startSequence(f) },
	{ id: "mark-won", name: "Mark won", run: (a, f) => a.close(f, "won") },
	{ id: "mark-lost", name: "Mark lost", run: (a, f) => a.close(f, "lost") },
];

/** Every command, in one place. Ids carry no plugin id; no default hotkeys. */
export function registerCommands(plugin: TouchbasePlugin): void {
	for (const command of NOTE_COMMANDS) {
		plugin.addCommand({
			id: command.id,
			name: command.name,
			// Runs on the active note; the action itself says when that note is not a prospect.
			callback: () => {
				const found = plugin.actions.activeProspect();
				if (found) command.run(plugin.actions, found.file);
			},
		});
	}
	plugin.addCommand({ id: "new-prospect", name: "New prospect", callback: () => plugin.actions.newProspect() });
	plugin.addCommand({ id: "open-follow-ups", name: "Open follow-ups view", callback: () => void plugin.openView() });
	plugin.addCommand({
		id: "export-calendar",
		name: "Export follow-ups to calendar",
		callback: () => void exportCalendar(plugin.app, plugin.index, plugin.settings),
	});
	plugin.addCommand({
		id: "pause-reminders",
		name: "Pause reminders until tomorrow",
		callback: async () => {
			const until = await plugin.reminders.pauseUntilTomorrow();
			new Notice(`Touchbase: reminders paused until ${until}.`);
		},
	});
}
