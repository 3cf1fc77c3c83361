import { Notice, type App, type Plugin, type TFile } from "obsidian";
import { exportCalendar } from "./actions/calendarExport";
import { importLeads } from "./actions/importLeadsCommand";
import { logMeetingsFromCalendar } from "./actions/logMeetingsCommand";
import { workThroughFollowUps } from "./actions/workQueue";
import type { CommandActions, DueSource, NoteActions, SettingsSource, ViewOpener } from "./ports";
import type { Reminders } from "./services/reminders";

/** What the commands need besides the plugin's `addCommand`. */
export interface CommandPorts extends SettingsSource, ViewOpener {
	readonly app: App;
	readonly index: DueSource;
	readonly actions: CommandActions & NoteActions;
	readonly reminders: Pick<Reminders, "pauseUntilTomorrow">;
}

type NoteCommand = (actions: CommandActions, file: TFile) => void;

/** The commands on the active note: they run only when it is a prospect. */
const NOTE_COMMANDS: readonly { id: string; name: string; run: NoteCommand }[] = [
	{ id: "log-touch", name: "Log a touch", run: (a, f) => a.log(f) },
	{ id: "schedule-follow-up", name: "Schedule next follow-up", run: (a, f) => a.schedule(f) },
	{ id: "snooze", name: "Snooze", run: (a, f) => a.snooze(f) },
	{ id: "draft-follow-up-email", name: "Draft follow-up email", run: (a, f) => a.draft(f) },
	{ id: "start-sequence", name: "Start a sequence", run: (a, f) => a.startSequence(f) },
	{ id: "mark-won", name: "Mark won", run: (a, f) => a.close(f, "won") },
	{ id: "mark-lost", name: "Mark lost", run: (a, f) => a.close(f, "lost") },
	{ id: "explain-prospect", name: "Explain this prospect", run: (a, f) => a.explain(f) },
];

/** The other commands. */
const OTHER_COMMANDS: readonly { id: string; name: string; run: (ports: CommandPorts) => unknown }[] = [
	{ id: "new-prospect", name: "New prospect", run: (p) => p.actions.newProspect() },
	{ id: "import-leads", name: "Import leads", run: (p) => importLeads({ app: p.app, index: p.index, settings: () => p.settings() }) },
	{ id: "log-meetings", name: "Log meetings from a calendar file", run: (p) => logMeetingsFromCalendar({ app: p.app, index: p.index, settings: () => p.settings() }) },
	{ id: "open-follow-ups", name: "Open follow-ups view", run: (p) => void p.openView() },
	{ id: "work-follow-ups", name: "Work through today's follow-ups", run: (p) => workThroughFollowUps({ app: p.app, index: p.index, actions: p.actions }) },
	{ id: "export-calendar", name: "Export follow-ups to calendar", run: (p) => void exportCalendar(p.app, p.index, p.settings()) },
	{
		id: "pause-reminders",
		name: "Pause reminders until tomorrow",
		run: async (p) => {
			const until = await p.reminders.pauseUntilTomorrow();
			new Notice(`Touchbase: reminders paused until ${until}.`);
		},
	},
];

/** Every command's id (without the plugin id), as registered. */
export const COMMAND_IDS: readonly string[] = [...NOTE_COMMANDS, ...OTHER_COMMANDS].map((command) => command.id);

/** Every command, in one place. Ids carry no plugin id; no default hotkeys. */
export function registerCommands(plugin: Pick<Plugin, "addCommand">, ports: CommandPorts): void {
	for (const command of NOTE_COMMANDS) {
		plugin.addCommand({
			id: command.id,
			name: command.name,
			// Runs on the active note; the action itself says when that note is not a prospect.
			callback: () => {
				const found = ports.actions.activeProspect();
				if (found) command.run(ports.actions, found.file);
			},
		});
	}
	for (const command of OTHER_COMMANDS) plugin.addCommand({ id: command.id, name: command.name, callback: () => command.run(ports) });
}
