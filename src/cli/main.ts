import { existsSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { basename, dirname, join, relative, resolve, sep } from "node:path";
import { parseArgs } from "node:util";
import { isClockTime, isIsoDay, localToday } from "../core/dates";
import { buildIcs } from "../core/ics";
import { logTouch } from "../core/logTouch";
import { computeDue } from "../core/due";
import { inProspectFolder, readNote } from "../core/note";
import { dueJson } from "../core/report";
import { migrateSettings, type TouchbaseSettings } from "../core/settings";
import { ProspectIndex, type DueReport } from "../core/vaultIndex";
import type { Outcome } from "../core/clauses";
import { computeStats } from "../core/stats";
import { formatDueTable, formatStats } from "./format";
import { forEachVaultFile } from "./vaultFiles";

const USAGE = `Usage:
  touchbase due VAULT [--today YYYY-MM-DD] [--days N] [--json]
  touchbase stats VAULT [--today YYYY-MM-DD] [--json]
  touchbase log NOTE.md --channel C --summary S [--next WHEN] [--date YYYY-MM-DD] [--time HH:mm]
                        [--outcome yes|no|"next step"] [--objective NAME]
  touchbase ics VAULT [--today YYYY-MM-DD] > follow-ups.ics`;

class UsageError extends Error {}

declare const TOUCHBASE_VERSION: string | undefined;
// Set by the build from package.json.
const VERSION = typeof TOUCHBASE_VERSION === "string" ? TOUCHBASE_VERSION : "dev";

export interface Io {
	out: (text: string) => void;
	err: (text: string) => void;
	now: () => Date;
}

const OPTIONS = {
	today: { type: "string" },
	days: { type: "string" },
	json: { type: "boolean" },
	channel: { type: "string" },
	summary: { type: "string" },
	next: { type: "string" },
	date: { type: "string" },
	time: { type: "string" },
	outcome: { type: "string" },
	objective: { type: "string" },
	help: { type: "boolean", short: "h" },
	version: { type: "boolean", short: "v" },
} as const;

const ALLOWED: Record<string, readonly string[]> = {
	due: ["today", "days", "json"],
	stats: ["today", "json"],
	ics: ["today"],
	log: ["channel", "summary", "next", "date", "time", "outcome", "objective", "today"],
};

/** Settings the plugin stored in this vault, so the CLI reads notes the way the plugin does. */
function vaultSettings(vault: string): TouchbaseSettings {
	const file = join(vault, ".obsidian", "plugins", "touchbase", "data.json");
	try {
		return migrateSettings(JSON.parse(readFileSync(file, "utf8")));
	} catch {
		return migrateSettings(undefined);
	}
}

function dayOption(value: string | undefined, name: string, fallback: string): string {
	if (value === undefined) return fallback;
	if (!isIsoDay(value)) throw new UsageError(`--${name} must be a real date as YYYY-MM-DD, not "${value}"`);
	return value;
}

function vaultArg(positionals: string[]): string {
	if (positionals.length !== 1) throw new UsageError(positionals.length === 0 ? "missing VAULT folder" : `unexpected argument "${positionals[1]}"`);
	const vault = positionals[0];
	if (!existsSync(vault)) throw new UsageError(`vault folder not found: ${vault}`);
	if (!statSync(vault).isDirectory()) throw new UsageError(`not a folder: ${vault} (give the vault's folder)`);
	return vault;
}

function buildReport(vault: string, today: string, settings: TouchbaseSettings): DueReport {
	const index = new ProspectIndex(settings);
	const unreadable: DueReport["problems"] = [];
	forEachVaultFile(vault, (file) => {
		if (file.text !== null) index.update(file.path, file.text);
		else unreadable.push({ path: file.path, line: null, message: file.error ?? "cannot be read" });
	});
	const report = index.report(today);
	report.problems.push(...unreadable);
	return report;
}

/**
 * The vault a note belongs to: the folder above it holding `.obsidian`. Without one, the folder
 * above a configured prospect folder on the note's path (`…/Prospects/Acme.md`), so the folder
 * rule still applies; else the note's own folder.
 */
function findVaultRoot(note: string): { vault: string; settings: TouchbaseSettings } {
	const file = resolve(note);
	for (let dir = dirname(file); ; ) {
		if (existsSync(join(dir, ".obsidian"))) return { vault: dir, settings: vaultSettings(dir) };
		const parent = dirname(dir);
		if (parent === dir) break;
		dir = parent;
	}
	const settings = vaultSettings(dirname(file));
	for (let dir = dirname(file); ; ) {
		if (inProspectFolder(relative(dir, file).split(sep).join("/"), settings)) return { vault: dir, settings };
		const parent = dirname(dir);
		if (parent === dir) break;
		dir = parent;
	}
	return { vault: dirname(file), settings };
}

const OUTCOMES: Record<string, Outcome> = { yes: "yes", won: "yes", no: "no", lost: "no", "next step": "next step", next: "next step" };

export function run(argv: string[], io: Io): number {
	try {
		const { values, positionals } = parseArgs({ args: argv, options: OPTIONS, allowPositionals: true, strict: true });
		const [command, ...rest] = positionals;
		if (values.version) {
			io.out(`touchbase ${VERSION}\n`);
			return 0;
		}
		if (values.help || command === "help") {
			io.out(`${USAGE}\n`);
			return 0;
		}
		if (!command) throw new UsageError("missing command (due, stats, log or ics)");
		const allowed = ALLOWED[command];
		if (!allowed) throw new UsageError(`unknown command "${command}" (due, stats, log or ics)`);
		for (const [name, value] of Object.entries(values)) {
			if (value !== undefined && !allowed.includes(name)) throw new UsageError(`--${name} does not go with ${command}`);
		}
		const today = dayOption(values.today, "today", localToday(io.now()));

		if (command === "log") return runLog(rest, values, today, io);

		const vault = vaultArg(rest);
		const settings = vaultSettings(vault);
		if (values.days !== undefined) {
			if (!/^\d{1,3}$/.test(values.days)) throw new UsageError(`--days must be a whole number of days, not "${values.days}"`);
			settings.upcomingDays = Number(values.days);
		}
		const report = buildReport(vault, today, settings);
		if (command === "ics") {
			io.out(buildIcs(report, { vaultName: basename(resolve(vault)) }));
		} else if (command === "stats") {
			const totals = { prospects: report.entries.length, touches: report.entries.reduce((sum, e) => sum + e.doneCount, 0) };
			const stats = computeStats(report.entries, today);
			const { today: day, ...figures } = stats;
			io.out(values.json ? `${JSON.stringify({ today: day, ...totals, counts: dueJson(report).counts, ...figures }, null, 2)}\n` : formatStats(stats, totals));
		} else if (values.json) {
			io.out(`${JSON.stringify(dueJson(report), null, 2)}\n`);
		} else {
			io.out(formatDueTable(report, vault));
		}
		return 0;
	} catch (error) {
		const message = error instanceof Error ? error.message : String(error);
		if (error instanceof UsageError || (error as { code?: string }).code?.startsWith("ERR_PARSE_ARGS")) {
			// Node's parseArgs adds advice about `--` that does not apply here: keep the first sentence.
			io.err(`touchbase: ${message.split("\n")[0].replace(/\. To specify a positional argument.*$/, "")}\n`);
			return 2;
		}
		io.err(`touchbase: ${message}\n`);
		return 1;
	}
}

function runLog(rest: string[], values: Record<string, string | boolean | undefined>, today: string, io: Io): number {
	if (rest.length !== 1) throw new UsageError(rest.length === 0 ? "missing NOTE.md" : `unexpected argument "${rest[1]}"`);
	const note = rest[0];
	if (!note.toLowerCase().endsWith(".md")) throw new UsageError(`not a markdown note: ${note}`);
	if (!existsSync(note) || !statSync(note).isFile()) throw new UsageError(`note not found: ${note}`);
	const channel = values.channel;
	const summary = values.summary;
	if (typeof channel !== "string" || channel.trim() === "") throw new UsageError("--channel is required");
	if (typeof summary !== "string" || summary.trim() === "") throw new UsageError("--summary is required");
	const date = dayOption(values.date as string | undefined, "date", today);
	if (date > today) throw new UsageError(`--date ${date} is in the future: log touches that happened (schedule the others)`);
	const time = values.time as string | undefined;
	if (time !== undefined && !isClockTime(time)) throw new UsageError(`--time must be HH:mm, not "${time}"`);
	const outcomeText = values.outcome as string | undefined;
	const outcome = outcomeText === undefined ? null : OUTCOMES[outcomeText.trim().toLowerCase()];
	if (outcome === undefined) throw new UsageError(`--outcome must be yes, no or "next step", not "${outcomeText}"`);

	const { vault, settings } = findVaultRoot(note);
	const path = relative(vault, resolve(note)).split(sep).join("/");
	let before: string;
	try {
		before = new TextDecoder("utf-8", { fatal: true, ignoreBOM: true }).decode(readFileSync(note));
	} catch {
		io.err(`touchbase: ${note} was not changed: it is not UTF-8 text\n`);
		return 1;
	}
	const result = logTouch(
		before,
		path,
		{
			date,
			time: time ?? null,
			channel: channel.trim(),
			summary,
			outcome,
			next: (values.next as string | undefined) ?? null,
			objective: (values.objective as string | undefined) ?? null,
		},
		settings,
		today,
	);
	if (!result.ok) {
		io.err(`touchbase: ${note} was not changed: ${result.error}\n`);
		return 1;
	}
	writeFileSync(note, result.text, "utf8");
	io.out(`${result.line}\n`);
	const read = readNote(path, result.text, settings);
	if (!read.prospect) {
		io.err(`touchbase: warning: ${note} is not a prospect note, so this touch will not show in due (put it in ${settings.prospectFolders.join(", ") || "a prospect folder"} or add type: prospect)\n`);
	} else {
		if (!settings.channels.includes(channel.trim().toLowerCase())) {
			io.err(`touchbase: warning: "${channel}" is not in the channel list (${settings.channels.join(", ")}), so it is read as text\n`);
		}
		const next = computeDue(read.prospect, today, settings).next;
		io.out(next ? `Next follow-up: ${next.date}${next.time ? ` ${next.time}` : ""}${next.suggested ? " (suggested by the cadence)" : ""}\n` : "No next step: give one with --next\n");
	}
	return 0;
}
