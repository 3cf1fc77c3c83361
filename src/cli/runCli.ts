import { existsSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { basename, dirname, join, relative, resolve, sep } from "node:path";
import { parseArgs } from "node:util";
import { localToday } from "../core/text/dates";
import { buildIcs } from "../core/show/ics";
import { logTouch } from "../core/write/logTouch";
import { dayOption, daysOption, dueText, logInputFrom, loggedText, statsText, UsageError } from "../core/show/cliText";
import { explainProspect } from "../core/show/explain";
import { inProspectFolder, isTemplate, PARSER_VERSION, readNote } from "../core/read/note";
import { migrateSettings, type TouchbaseSettings } from "../core/settings/settings";
import type { DueReport } from "../core/rules/dueReport";
import { readVault } from "./readVault";
import { runStatus } from "./statusCommand";
import { endedBecause } from "../core/write/endSequences";
import { runImport } from "./importCommand";
import { checkNoteArg, readNoteForEdit } from "./noteFile";
import { reportFor } from "../core/rules/ownerReport";
import { statsByOwnerText } from "../core/show/ownerStats";

const USAGE = `Usage:
  touchbase due VAULT [--today YYYY-MM-DD] [--days N] [--json] [--no-cache]
  touchbase stats VAULT [--today YYYY-MM-DD] [--json] [--no-cache]
  touchbase log NOTE.md --channel C --summary S [--next WHEN] [--date YYYY-MM-DD] [--time HH:mm]
                        [--outcome yes|no|"next step"] [--objective NAME]
  touchbase ics VAULT [--today YYYY-MM-DD] [--no-cache] > follow-ups.ics
  touchbase status NOTE.md lead|active|paused|won|lost [--today YYYY-MM-DD]
  touchbase explain NOTE.md [--today YYYY-MM-DD]
  touchbase import VAULT LEADS.csv|LEADS.vcf [--sequence NAME] [--source TEXT] [--owner NAME] [--dry-run]

due, stats and ics take --owner NAME: only the prospects whose owner is NAME. stats --by-owner
gives the figures of each owner.

Notes read once are kept in $XDG_CACHE_HOME/touchbase (else ~/.cache/touchbase) and read
again only when they change; --no-cache reads every note and keeps nothing.`;

declare const TOUCHBASE_VERSION: string | undefined;
// Set by the build from package.json.
const VERSION = typeof TOUCHBASE_VERSION === "string" ? TOUCHBASE_VERSION : "dev";

export interface Io {
	out: (text: string) => void;
	err: (text: string) => void;
	now: () => Date;
	/**
	 * The persisted index's folder (index.ts: `$XDG_CACHE_HOME/touchbase` or `~/.cache/touchbase`).
	 * Absent or null: no cache, as with `--no-cache`.
	 */
	cacheDir?: string | null;
	/** Parse threads: the built CLI file they run and how many (index.ts: one per core, up to 4). */
	workers?: { script: string; count: number } | null;
	/** Fewer notes to read than this stay on the main thread (readVault.ts THREAD_MIN_NOTES). */
	threadMinNotes?: number;
}

const OPTIONS = {
	today: { type: "string" },
	days: { type: "string" },
	json: { type: "boolean" },
	"no-cache": { type: "boolean" },
	channel: { type: "string" },
	summary: { type: "string" },
	next: { type: "string" },
	date: { type: "string" },
	time: { type: "string" },
	outcome: { type: "string" },
	objective: { type: "string" },
	owner: { type: "string" },
	"by-owner": { type: "boolean" },
	sequence: { type: "string" },
	source: { type: "string" },
	"dry-run": { type: "boolean" },
	help: { type: "boolean", short: "h" },
	version: { type: "boolean", short: "v" },
} as const;

const ALLOWED: Record<string, readonly string[]> = {
	due: ["today", "days", "json", "no-cache", "owner"],
	stats: ["today", "json", "no-cache", "owner", "by-owner"],
	ics: ["today", "no-cache", "owner"],
	import: ["today", "sequence", "source", "owner", "dry-run"],
	log: ["channel", "summary", "next", "date", "time", "outcome", "objective", "today"],
	status: ["today"],
	explain: ["today", "no-cache"],
};

const COMMANDS = Object.keys(ALLOWED).join(", ");

/**
 * Settings the plugin stored in this vault, so the CLI reads notes the way the plugin does, with
 * the template folders Obsidian's Templates and Templater settings name (never prospects).
 */
function vaultSettings(vault: string): TouchbaseSettings {
	const readJson = (...path: string[]): unknown => {
		try {
			return JSON.parse(readFileSync(join(vault, ".obsidian", ...path), "utf8"));
		} catch {
			return undefined;
		}
	};
	const settings = migrateSettings(readJson("plugins", "touchbase", "data.json"));
	const templates = readJson("templates.json") as { folder?: unknown } | undefined;
	const templater = readJson("plugins", "templater-obsidian", "data.json") as { templates_folder?: unknown } | undefined;
	for (const folder of [templates?.folder, templater?.templates_folder]) {
		const clean = typeof folder === "string" ? folder.replace(/^\/+|\/+$/g, "") : "";
		if (clean !== "" && !settings.templateFolders.includes(clean)) settings.templateFolders.push(clean);
	}
	return settings;
}

function vaultArg(positionals: string[]): string {
	if (positionals.length !== 1) throw new UsageError(positionals.length === 0 ? "missing VAULT folder" : `unexpected argument "${positionals[1]}"`);
	const vault = positionals[0];
	if (!existsSync(vault)) throw new UsageError(`vault folder not found: ${vault}`);
	if (!statSync(vault).isDirectory()) throw new UsageError(`not a folder: ${vault} (give the vault's folder)`);
	return vault;
}

function buildReport(vault: string, today: string, settings: TouchbaseSettings, io: Io, noCache: boolean): DueReport {
	return readReport(vault, today, settings, io, noCache).report;
}

/** The report, or the answer kept for `answerKey` when no note changed since it was printed. */
function readReport(vault: string, today: string, settings: TouchbaseSettings, io: Io, noCache: boolean, answerKey?: string): { report: DueReport; answer?: string; keepAnswer: (text: string) => void } {
	const { index, unreadable, answer, keepAnswer } = readVault(vault, settings, {
		cacheDir: noCache ? null : (io.cacheDir ?? null),
		workers: io.workers ?? null,
		threadMinNotes: io.threadMinNotes,
		warn: (line) => io.err(`touchbase: ${line}\n`),
		answerKey,
	});
	const report = index.report(today);
	report.problems.push(...unreadable);
	return { report, answer, keepAnswer };
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
		if (!command) throw new UsageError(`missing command (${COMMANDS})`);
		const allowed = ALLOWED[command];
		if (!allowed) throw new UsageError(`unknown command "${command}" (${COMMANDS})`);
		for (const [name, value] of Object.entries(values)) {
			if (value !== undefined && !allowed.includes(name)) throw new UsageError(`--${name} does not go with ${command}`);
		}
		const today = dayOption(values.today, "today", localToday(io.now()));

		if (command === "log") return runLog(rest, values, today, io);
		if (command === "status") return runStatus(rest, today, io, findVaultRoot);
		if (command === "explain") return runExplain(rest, today, io, values["no-cache"] === true);
		if (command === "import") {
			if (rest.length !== 2) throw new UsageError(rest.length === 0 ? "missing VAULT folder" : rest.length === 1 ? "missing the lead file (.csv or .vcf)" : `unexpected argument "${rest[2]}"`);
			const vault = vaultArg(rest.slice(0, 1));
			const args = { vault, file: rest[1], today, sequence: values.sequence, source: values.source, owner: values.owner, dryRun: values["dry-run"] === true };
			return runImport(args, vaultSettings(vault), io);
		}

		const vault = vaultArg(rest);
		const settings = vaultSettings(vault);
		if (values.days !== undefined) settings.upcomingDays = daysOption(values.days);
		// The question this run answers: the same one, on a vault where no note changed, has the same answer.
		// A build that reads notes otherwise (PARSER_VERSION) asks another question, whatever its version.
		const question = JSON.stringify([VERSION, PARSER_VERSION, command, vault, today, Object.entries(values).filter(([name]) => name !== "no-cache").sort(), settings]);
		const read = readReport(vault, today, settings, io, values["no-cache"] === true, question);
		if (read.answer !== undefined) {
			io.out(read.answer);
			return 0;
		}
		const report = reportFor(read.report, values.owner ?? "");
		let text: string;
		if (command === "ics") {
			text = buildIcs(report, { vaultName: basename(resolve(vault)) });
		} else if (command === "stats") {
			text = values["by-owner"] === true ? statsByOwnerText(report, values.json === true) : statsText(report, values.json === true);
		} else {
			text = dueText(report, vault, values.json === true);
		}
		io.out(text);
		read.keepAnswer(text);
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

/** `explain NOTE.md`: every date taken from the note, and every dated line not used, with why. */
function runExplain(rest: string[], today: string, io: Io, noCache: boolean): number {
	if (rest.length !== 1) throw new UsageError(rest.length === 0 ? "missing NOTE.md" : `unexpected argument "${rest[1]}"`);
	const note = rest[0];
	checkNoteArg(note);
	const { vault, settings } = findVaultRoot(note);
	const path = relative(vault, resolve(note)).split(sep).join("/");
	const report = buildReport(vault, today, settings, io, noCache);
	const entry = report.entries.find((e) => e.prospect.path === path);
	if (!entry) {
		const problem = report.problems.find((p) => p.path === path);
		const why = problem
			? `it cannot be read: ${problem.line !== null ? `line ${problem.line}: ` : ""}${problem.message}`
			: isTemplate(path, readFileSync(note, "utf8"), settings)
				? "it is a template (in a template folder, named as one, or with unfilled placeholders)"
				: `it is not a prospect note (put it in ${settings.prospectFolders.join(", ") || "a prospect folder"}, or add type: prospect)`;
		io.out(`${path}: ${why}\n`);
		return 1;
	}
	io.out(`${explainProspect(entry, settings, today).join("\n")}\n`);
	return 0;
}

function runLog(rest: string[], values: Record<string, string | boolean | undefined>, today: string, io: Io): number {
	if (rest.length !== 1) throw new UsageError(rest.length === 0 ? "missing NOTE.md" : `unexpected argument "${rest[1]}"`);
	const note = rest[0];
	checkNoteArg(note);
	const input = logInputFrom(values, today);
	const read = readNoteForEdit(note, io.err, findVaultRoot);
	if (read === null) return 1;
	const { settings, path, before } = read;
	const result = logTouch(before, path, input, settings, today);
	if (!result.ok) {
		io.err(`touchbase: ${note} was not changed: ${result.error}\n`);
		return 1;
	}
	writeFileSync(note, result.text, "utf8");
	for (const printed of loggedText(result.line ?? "", note, readNote(path, result.text, settings), values.channel as string, settings, today)) io[printed.stream](printed.text);
	// What the touch did to sequences (README, "Sequences"): touches cancelled, a waiting step written.
	const cancelled = result.cancelled ?? 0;
	if (cancelled > 0) io.out(`${endedBecause(result.endedBy ?? [])}: ${cancelled} open sequence touch${cancelled === 1 ? " was" : "es were"} cancelled\n`);
	for (const step of result.steps ?? []) io.out(`Next step of ${step.sequence} scheduled for ${step.date}\n`);
	return 0;
}
