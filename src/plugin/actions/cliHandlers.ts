import { normalizePath, requireApiVersion, TFile, type App, type CliData, type CliFlags, type Plugin } from "obsidian";
import { dayOption, daysOption, dueText, logInputFrom, loggedText, statsText, UsageError } from "../../core/show/cliText";
import { localToday, type IsoDay } from "../../core/text/dates";
import { buildIcs } from "../../core/show/ics";
import { logTouch } from "../../core/write/logTouch";
import type { NoteRead, ProspectNote } from "../../core/read/note";
import { ProspectIndex } from "../../core/index/prospectIndex";
import { type DueReport } from "../../core/rules/dueReport";
import { applyEdit } from "./noteEdits";
import type { DueSource, SettingsSource } from "../ports";

/** The live index as the handlers read it: whether it is ready, and each note's read. */
export interface CliIndex extends DueSource {
	get(path: string): NoteRead | undefined;
}

/** What the Obsidian CLI handlers need. */
export interface CliPorts extends SettingsSource {
	readonly app: App;
	readonly index: CliIndex;
}

/** The handlers' command ids, as `obsidian help` lists them (the plugin's id, then `:action`). */
export const CLI_COMMANDS = ["touchbase", "touchbase:stats", "touchbase:ics", "touchbase:log"] as const;

const TODAY: CliFlags = { today: { value: "<YYYY-MM-DD>", description: "The day to answer for (default: today)" } };
const FORMAT: CliFlags = { format: { value: "text|json", description: "text (default) or json, as touchbase --json prints it" } };

const LOG_FLAGS: CliFlags = {
	file: { value: "<name>", description: "The prospect note, by name as a link finds it" },
	path: { value: "<path>", description: "The prospect note, by its path in the vault" },
	channel: { value: "<channel>", description: "How you reached them: call, email, text …" },
	summary: { value: "<text>", description: "What was said" },
	next: { value: "<when>", description: 'The next step in plain English, read from the touch\'s date ("in 2 days email")' },
	date: { value: "<YYYY-MM-DD>", description: "When the touch happened (default: today)" },
	time: { value: "<HH:mm>", description: "At what time" },
	outcome: { value: "yes|no|next step", description: "What they answered" },
	objective: { value: "<name>", description: "Why this touch" },
	...TODAY,
};

/** A flag's value as given: `'true'` is what the Obsidian CLI passes for a flag without a value. */
function param(params: CliData, name: string): string | undefined {
	return Object.prototype.hasOwnProperty.call(params, name) ? params[name] : undefined;
}

function formatIsJson(params: CliData): boolean {
	const format = param(params, "format");
	if (format === undefined || format === "text") return false;
	if (format === "json") return true;
	throw new UsageError(`format must be text or json, not "${format}"`);
}

/** The Node CLI's walk order (each folder's entries sorted by name, folders entered in place), so ties sort alike. */
function walkOrder(a: string, b: string): number {
	const x = a.split("/");
	const y = b.split("/");
	for (let i = 0; i < Math.min(x.length, y.length); i++) if (x[i] !== y[i]) return x[i] < y[i] ? -1 : 1;
	return x.length - y.length;
}

/**
 * The due report as `touchbase due VAULT` computes it, from the live index's reads (nothing is
 * read again): the notes in the Node CLI's order, and `days` as its `--days`.
 */
export function cliReport(ports: CliPorts, today: IsoDay, days?: number): DueReport {
	const settings = days === undefined ? ports.settings() : { ...ports.settings(), upcomingDays: days };
	const index = new ProspectIndex(settings);
	const paths = ports.app.vault
		.getMarkdownFiles()
		.map((file) => file.path)
		.sort(walkOrder);
	for (const path of paths) {
		const read = ports.index.get(path);
		if (read) index.put(path, read);
	}
	return index.report(today);
}

/** Resolves once the live index has read the vault (at once when it has). */
function whenReady(index: DueSource): Promise<void> {
	if (index.ready) return Promise.resolve();
	return new Promise((resolve) => {
		const stop = index.onChange(() => {
			if (!index.ready) return;
			stop();
			resolve();
		});
	});
}

/** Runs one handler: a usage mistake or a failure is answered as the Node CLI prints it on stderr. */
function answer(ports: CliPorts, run: (params: CliData, today: IsoDay) => string | Promise<string>): (params: CliData) => Promise<string> {
	return async (params) => {
		try {
			const today = dayOption(param(params, "today"), "today", localToday());
			await whenReady(ports.index);
			return await run(params, today);
		} catch (error) {
			const message = error instanceof Error ? error.message : String(error);
			return `touchbase: ${message}\n`;
		}
	};
}

/** The note `file=` (by name, as a link finds it) or `path=` (by path) names. */
function noteOf(app: App, params: CliData): TFile {
	const path = param(params, "path");
	const name = param(params, "file");
	if (path === undefined && name === undefined) throw new UsageError("give the note with file=NAME or path=PATH");
	const given = path ?? name ?? "";
	const found = path !== undefined ? app.vault.getAbstractFileByPath(normalizePath(path)) : app.metadataCache.getFirstLinkpathDest(given.replace(/\.md$/i, ""), "");
	if (!(found instanceof TFile)) throw new UsageError(`note not found: ${given}`);
	if (found.extension.toLowerCase() !== "md") throw new UsageError(`not a markdown note: ${given}`);
	return found;
}

/**
 * `touchbase:log`: the touch written through the plugin's own edit path (one `Vault.process`),
 * answered as `touchbase log` answers.
 */
async function logHandler(ports: CliPorts, params: CliData, today: IsoDay): Promise<string> {
	const file = noteOf(ports.app, params);
	const input = logInputFrom(params, today);
	const settings = ports.settings();
	let line = "";
	let prospect: ProspectNote | null = null;
	const result = await applyEdit(ports.app, file, (text) => {
		// With the touches interaction notes give it, so `touches:` and the next follow-up are what `due` shows.
		const linked = ports.index.report(today).entries.find((e) => e.prospect.path === file.path)?.prospect.touches.filter((t) => t.source !== undefined) ?? [];
		const logged = logTouch(text, file.path, input, settings, today, linked);
		if (logged.ok) {
			line = logged.line ?? "";
			prospect = logged.prospect ?? null;
		}
		return logged;
	});
	if (!result.ok) return `touchbase: ${file.path} was not changed: ${result.error}\n`;
	// The model after the write holds the interaction notes' touches: the next follow-up as `due` sees it.
	const printed = loggedText(line, file.path, prospect, param(params, "channel") ?? "", settings, today);
	return printed.map((p) => p.text).join("");
}

/**
 * The official Obsidian CLI's `touchbase` commands (Obsidian 1.12.2 and later; nothing on older
 * versions). Each answers exactly as the Node CLI's command of the same name, for the same
 * vault and day: `obsidian touchbase` is `touchbase due VAULT`.
 */
export function registerCliHandlers(plugin: Pick<Plugin, "registerCliHandler">, ports: CliPorts): void {
	const vaultName = (): string => ports.app.vault.getName();
	// Lint sees the guard here; main.ts calls this on every version.
	if (requireApiVersion("1.12.2")) {
		plugin.registerCliHandler(
			"touchbase",
			"Follow-ups due: counts and one section per bucket (touchbase due)",
			{ ...TODAY, days: { value: "<n>", description: "Days ahead that count as upcoming" }, ...FORMAT },
			answer(ports, (params, today) => {
				const days = param(params, "days");
				return dueText(cliReport(ports, today, days === undefined ? undefined : daysOption(days)), vaultName(), formatIsJson(params));
			}),
		);
		plugin.registerCliHandler(
			"touchbase:stats",
			"Touches to close, promises kept, channels, weeks and pipeline (touchbase stats)",
			{ ...TODAY, ...FORMAT },
			answer(ports, (params, today) => statsText(cliReport(ports, today), formatIsJson(params))),
		);
		plugin.registerCliHandler(
			"touchbase:ics",
			"The follow-ups as an iCalendar file (touchbase ics)",
			TODAY,
			answer(ports, (_params, today) => buildIcs(cliReport(ports, today), { vaultName: vaultName(), digestTime: ports.settings().digestTime })),
		);
		plugin.registerCliHandler(
			"touchbase:log",
			"Log a touch on a prospect note (touchbase log)",
			LOG_FLAGS,
			answer(ports, (params, today) => logHandler(ports, params, today)),
		);
	}
}
