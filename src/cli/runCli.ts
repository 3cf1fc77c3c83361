import { existsSync, readFileSync, statSync } from "node:fs";
import { basename, dirname, isAbsolute, join, relative, resolve, sep } from "node:path";
import { parseArgs } from "node:util";
import { formatClock, localToday } from "../core/text/dates";
import { buildIcs } from "../core/show/ics";
import { logTouch } from "../core/write/logTouch";
import { dayOption, daysOption, dueText, logInputFrom, loggedText, statsText, UsageError } from "../core/show/cliText";
import { explainNote, explainVault } from "../core/show/explain";
import { inProspectFolder, isTemplate, PARSER_VERSION, readNote, type Touch } from "../core/read/note";
import { migrateSettings, type TouchbaseSettings } from "../core/settings/settings";
import type { DueReport } from "../core/rules/dueReport";
import { readVault, timesOf } from "./readVault";
import { collectNow } from "./heapGrowth";
import { runStatus } from "./statusCommand";
import { runSnooze } from "./snoozeCommand";
import { endedBecause } from "../core/write/endSequences";
import { runImport } from "./importCommand";
import { runMeetings } from "./meetingsCommand";
import { checkNoteArg, editNote, type VaultRootOf } from "./noteFile";
import { recoverImport } from "./importJournal";
import { readRegularFile } from "./safeFile";

/** The largest settings file read from a vault's `.obsidian` folder. */
const SETTINGS_FILE_CAP = 10 * 1024 * 1024;
import { reportFor } from "../core/rules/ownerReport";
import { statsByOwnerText } from "../core/show/ownerStats";
import type { TableOptions } from "../core/show/tableText";
import { terminalPaint } from "./terminal";

const USAGE = `Usage:
  touchbase due VAULT [--today YYYY-MM-DD] [--days N] [--owner NAME] [--json] [--no-cache]
  touchbase stats VAULT [--today YYYY-MM-DD] [--owner NAME] [--by-owner] [--json] [--no-cache]
  touchbase log NOTE.md --channel C --summary S [--next WHEN] [--date YYYY-MM-DD] [--time HH:mm]
                        [--outcome yes|no|"next step"] [--objective NAME] [--vault DIR]
  touchbase ics VAULT [--today YYYY-MM-DD] [--owner NAME] [--no-cache] > follow-ups.ics
  touchbase status NOTE.md lead|active|paused|won|lost [--today YYYY-MM-DD] [--vault DIR]
  touchbase snooze NOTE.md --to WHEN [--time HH:mm] [--today YYYY-MM-DD] [--vault DIR]
  touchbase explain NOTE.md [--today YYYY-MM-DD] [--vault DIR]
  touchbase import VAULT LEADS.csv|LEADS.vcf [--sequence NAME] [--source TEXT] [--owner NAME] [--dry-run]
  touchbase meetings VAULT CALENDAR.ics [--today YYYY-MM-DD] [--dry-run]
  touchbase help COMMAND      (or COMMAND --help): what one command does, with an example

Notes read once are kept in $XDG_CACHE_HOME/touchbase (else ~/.cache/touchbase) and read
again only when they change; --no-cache reads every note and keeps nothing.`;

const TODAY_OPTION = "--today YYYY-MM-DD   the day to answer for (default: today)";
const VAULT_OPTION = "--vault DIR          the vault the note belongs to (default: the folder above it with\n                       .obsidian, else above its prospect folder, else the current folder)";
const NO_CACHE_OPTION = "--no-cache           read every note again, keep nothing";
const OWNER_OPTION = "--owner NAME         only the prospects whose owner is NAME";

/** `touchbase help COMMAND`: what it does, how to call it, an example, its options. */
const HELP: Record<string, { what: string; usage: string; example: string; options: string[] }> = {
	due: {
		what: "Lists what is due: the counts per bucket, then one section per bucket (overdue, today,\nupcoming, later, no next step, paused, closed) and the notes it could not read.",
		usage: "touchbase due VAULT [options]",
		example: "touchbase due ~/Notes --days 14",
		options: [TODAY_OPTION, "--days N             the upcoming window, in days (default 7)", OWNER_OPTION, "--json               one JSON object instead of the table", NO_CACHE_OPTION],
	},
	stats: {
		what: "Prints the figures of the Stats tab: this week, touches to close, stopped too early,\npromises kept, channels, touches per week and the pipeline.",
		usage: "touchbase stats VAULT [options]",
		example: "touchbase stats ~/Notes --by-owner",
		options: [TODAY_OPTION, OWNER_OPTION, "--by-owner           one line of figures per owner", "--json               one JSON object instead of the table", NO_CACHE_OPTION],
	},
	log: {
		what: "Writes a touch into the note's history and updates its frontmatter; prints the line and\nthe next follow-up.",
		usage: "touchbase log NOTE.md --channel C --summary S [options]",
		example: 'touchbase log "Prospects/Harbor Roofing.md" --channel call --summary "sent the quote" --next "in 3 days email"',
		options: [
			"--channel C          call, email, text, meeting … (required)",
			"--summary S          what happened (required)",
			"--next WHEN          the next step: a date or plain English, read from the touch's date",
			"--date YYYY-MM-DD    the day of the touch (default: today; never in the future)",
			"--time HH:mm         its time",
			'--outcome O          yes, no or "next step"',
			"--objective NAME     why this touch",
			TODAY_OPTION,
			VAULT_OPTION,
		],
	},
	ics: {
		what: "Writes a calendar (iCalendar) with one event per open or suggested touch.",
		usage: "touchbase ics VAULT [options] > follow-ups.ics",
		example: "touchbase ics ~/Notes > ~/follow-ups.ics",
		options: [TODAY_OPTION, OWNER_OPTION, NO_CACHE_OPTION],
	},
	status: {
		what: "Sets the note's status; won, lost and paused also cancel the open touches of the\nsequences that end on it.",
		usage: "touchbase status NOTE.md lead|active|paused|won|lost [options]",
		example: 'touchbase status "Prospects/Harbor Roofing.md" won',
		options: [TODAY_OPTION, VAULT_OPTION],
	},
	snooze: {
		what: "Moves the note's due touch to a later day, as Snooze in Obsidian does: a scheduled line gets\nthe new date, a next: step its new date, a suggestion becomes a scheduled line, a\nnext-follow-up key its new value.",
		usage: "touchbase snooze NOTE.md --to WHEN [options]",
		example: 'touchbase snooze "Prospects/Harbor Roofing.md" --to "next monday"',
		options: ["--to WHEN            the new day: YYYY-MM-DD or plain English, read from today (required)", "--time HH:mm         its time", TODAY_OPTION, VAULT_OPTION],
	},
	explain: {
		what: "Says why: the vault, every date taken from the note with the rule that read it, the\npromises and keys with their lines, the dated lines not used, and the note's problems.",
		usage: "touchbase explain NOTE.md [options]",
		example: "touchbase explain People/Dana.md --vault ~/Notes",
		options: [TODAY_OPTION, VAULT_OPTION, NO_CACHE_OPTION],
	},
	import: {
		what: "Creates one prospect note per lead of a CSV (a name or an email column) or vCard file,\nall or nothing; leads already in the vault are left alone.",
		usage: "touchbase import VAULT LEADS.csv|LEADS.vcf [options]",
		example: 'touchbase import ~/Notes leads.csv --sequence "Trade-show lead" --dry-run',
		options: [
			"--sequence NAME      start this sequence on each new note",
			"--source TEXT        where the leads came from",
			"--owner NAME         the new prospects' owner (an owner column wins)",
			"--dry-run            say what it would do, write nothing",
			TODAY_OPTION,
		],
	},
	meetings: {
		what: "Logs the calendar's meetings with prospects: a past event becomes a done touch, a future one\na scheduled touch; matched by an attendee's email or a name in the title. Running it again\nchanges nothing; events matching no prospect, or two, are listed, never written.",
		usage: "touchbase meetings VAULT CALENDAR.ics [options]",
		example: "touchbase meetings ~/Notes ~/Downloads/calendar.ics --dry-run",
		options: ["--dry-run            say what it would log, write nothing", TODAY_OPTION],
	},
};

function helpText(command: string): string {
	const h = HELP[command];
	return [`Usage: ${h.usage}`, "", h.what, "", "Example:", `  ${h.example}`, "", "Options:", ...h.options.map((o) => `  ${o}`), ""].join("\n");
}

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
	/** Prospects read whose touches stay in memory (readVault.ts KEEP_TOUCHES_READ). */
	keepTouchesRead?: number;
	/** The current folder, where a note's vault is looked for (index.ts: the process's). */
	cwd?: string;
	/** Columns `due` fits in (index.ts: COLUMNS, else the terminal's); 80 when absent. */
	columns?: number;
	/** Whether to colour the output (index.ts: a terminal, NO_COLOR, FORCE_COLOR). */
	colour?: boolean;
	/**
	 * The clock file times are compared with to decide whether a read may be kept (Date.now).
	 * Tests set it later, as if the notes had been written long ago: a change time cannot be put back.
	 */
	fileClock?: () => number;
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
	vault: { type: "string" },
	to: { type: "string" },
	help: { type: "boolean", short: "h" },
	version: { type: "boolean", short: "v" },
} as const;

const ALLOWED: Record<string, readonly string[]> = {
	due: ["today", "days", "json", "no-cache", "owner"],
	stats: ["today", "json", "no-cache", "owner", "by-owner"],
	ics: ["today", "no-cache", "owner"],
	import: ["today", "sequence", "source", "owner", "dry-run"],
	meetings: ["today", "dry-run"],
	log: ["channel", "summary", "next", "date", "time", "outcome", "objective", "today", "vault", "no-cache"],
	status: ["today", "vault"],
	snooze: ["to", "time", "today", "vault"],
	explain: ["today", "no-cache", "vault"],
};

const COMMANDS = Object.keys(ALLOWED).join(", ");

/**
 * Settings the plugin stored in this vault, so the CLI reads notes the way the plugin does, with
 * the template folders Obsidian's Templates and Templater settings name (never prospects).
 */
function vaultSettings(vault: string): TouchbaseSettings {
	const readJson = (...path: string[]): unknown => {
		try {
			// A regular file only (a FIFO would hang the run), and never a huge one.
			return JSON.parse(readRegularFile(join(vault, ".obsidian", ...path), SETTINGS_FILE_CAP).bytes.toString("utf8"));
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

function buildReport(vault: string, today: string, settings: TouchbaseSettings, io: Io, noCache: boolean, keepIndexAsIs = false): DueReport {
	return readReport(vault, today, settings, io, noCache, undefined, keepIndexAsIs).report;
}

/** The report, or the answer kept for `answerKey` when no note changed since it was printed. */
function readReport(
	vault: string,
	today: string,
	settings: TouchbaseSettings,
	io: Io,
	noCache: boolean,
	answerKey?: string,
	keepIndexAsIs = false,
	patchable = false,
): { report: DueReport; answer?: string; keepAnswer: (text: string) => void } {
	const { index, unreadable, answer, keepAnswer } = readVault(vault, settings, {
		cacheDir: noCache ? null : (io.cacheDir ?? null),
		workers: io.workers ?? null,
		threadMinNotes: io.threadMinNotes,
		keepTouchesRead: io.keepTouchesRead,
		fileClock: io.fileClock,
		warn: (line) => io.err(`touchbase: ${line}\n`),
		today,
		answerKey,
		keepIndexAsIs,
		patchable,
	});
	const report = index.report(today);
	report.problems.push(...unreadable);
	return { report, answer, keepAnswer };
}

/**
 * The touches interaction notes give a prospect, as `due` counts them (README, "Interaction notes
 * count"), so the `touches:` a command writes is the count `due` shows. Read through the vault's
 * index (kept between runs, so a vault read before costs one stat per note).
 */
function linkedTouches(vault: string, path: string, today: string, settings: TouchbaseSettings, io: Io): Touch[] {
	if (!settings.readForms.interactions) return [];
	// The index is read, never written, by a command that edits a note (readVault.ts keepIndexAsIs).
	const entry = buildReport(vault, today, settings, io, false, true).entries.find((e) => e.prospect.path === path);
	return entry?.prospect.touches.filter((t) => t.source !== undefined) ?? [];
}

/**
 * The vault a note belongs to, as Obsidian sees it (README, "The command line"): `--vault DIR`
 * when given; else the nearest folder above the note holding `.obsidian`; else the folder above
 * a prospect folder on the note's path (`…/Prospects/Acme.md`), so the folder rule applies; else
 * the current folder when the note is inside it; else the note's own folder.
 */
export function findVaultRoot(note: string, cwd: string, given?: string): { vault: string; settings: TouchbaseSettings } {
	const file = resolve(cwd, note);
	const inside = (dir: string): boolean => {
		const rel = relative(dir, file);
		return rel !== "" && !rel.startsWith("..") && !isAbsolute(rel);
	};
	if (given !== undefined) {
		const vault = resolve(cwd, given);
		if (!existsSync(vault) || !statSync(vault).isDirectory()) throw new UsageError(`--vault folder not found: ${given}`);
		if (!inside(vault)) throw new UsageError(`${note} is not inside the vault ${given}`);
		return { vault, settings: vaultSettings(vault) };
	}
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
	const here = resolve(cwd);
	if (inside(here)) return { vault: here, settings: vaultSettings(here) };
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
		if (command === "help" || values.help) {
			const about = command === "help" ? rest[0] : command;
			if (about !== undefined && !HELP[about]) throw new UsageError(`unknown command "${about}" (${COMMANDS})`);
			io.out(about !== undefined ? helpText(about) : `${USAGE}\n`);
			return 0;
		}
		if (!command) throw new UsageError(`missing command (${COMMANDS})`);
		const allowed = ALLOWED[command];
		if (!allowed) throw new UsageError(`unknown command "${command}" (${COMMANDS})`);
		for (const [name, value] of Object.entries(values)) {
			if (value !== undefined && !allowed.includes(name)) throw new UsageError(`--${name} does not go with ${command}`);
		}
		const today = dayOption(values.today, "today", localToday(io.now()));

		const cwd = io.cwd ?? process.cwd();
		// Before anything reads the vault: an import killed part-way is finished or rolled back.
		const recover = (vault: string): void => recoverImport(vault, (line) => io.err(`touchbase: ${line}\n`));
		const rootOf = (note: string): { vault: string; settings: TouchbaseSettings } => {
			const found = findVaultRoot(note, cwd, values.vault);
			recover(found.vault);
			return found;
		};
		if (command === "log") return runLog(rest, values, today, io, rootOf);
		if (command === "status") return runStatus(rest, today, io, rootOf, (vault, path, settings) => linkedTouches(vault, path, today, settings, io));
		if (command === "snooze") return runSnooze(rest, { to: values.to, time: values.time }, today, io, rootOf, (vault, path, settings) => linkedTouches(vault, path, today, settings, io));
		if (command === "explain") return runExplain(rest, today, io, values["no-cache"] === true, rootOf);
		if (command === "import") {
			if (rest.length !== 2) throw new UsageError(rest.length === 0 ? "missing VAULT folder" : rest.length === 1 ? "missing the lead file (.csv or .vcf)" : `unexpected argument "${rest[2]}"`);
			const vault = vaultArg(rest.slice(0, 1));
			recover(vault);
			const args = { vault, file: rest[1], today, sequence: values.sequence, source: values.source, owner: values.owner, dryRun: values["dry-run"] === true };
			return runImport(args, vaultSettings(vault), io);
		}
		if (command === "meetings") {
			if (rest.length !== 2) throw new UsageError(rest.length === 0 ? "missing VAULT folder" : rest.length === 1 ? "missing the calendar file (.ics)" : `unexpected argument "${rest[2]}"`);
			const vault = vaultArg(rest.slice(0, 1));
			// --today names a day: all of it counts as past. Without it, now is the clock's.
			const time = values.today === undefined ? formatClock(io.now()) : null;
			return runMeetings({ vault, file: rest[1], today, time, dryRun: values["dry-run"] === true }, vaultSettings(vault), io);
		}

		const vault = vaultArg(rest);
		recover(vault);
		const settings = vaultSettings(vault);
		if (values.days !== undefined) settings.upcomingDays = daysOption(values.days);
		// The question this run answers: the same one, on a vault where no note changed, has the same answer.
		const table: TableOptions = { width: io.columns ?? 80, paint: io.colour === true ? terminalPaint() : undefined };
		// A build that reads notes otherwise (PARSER_VERSION) asks another question, whatever its version.
		const question = JSON.stringify([VERSION, PARSER_VERSION, command, vault, today, Object.entries(values).filter(([name]) => name !== "no-cache").sort(), settings, table.width, table.paint !== undefined]);
		// `due --json` of every prospect can be mended after a few notes change (answerPatch.ts).
		const patchable = command === "due" && values.json === true && values.owner === undefined;
		const read = readReport(vault, today, settings, io, values["no-cache"] === true, question, false, patchable);
		if (read.answer !== undefined) {
			io.out(read.answer);
			return 0;
		}
		const keepAnswer = read.keepAnswer;
		// What only the index needed is garbage now, and the report is what is left of it once its text
		// is made: both are collected before more is made (peak memory, docs/performance.md).
		collectNow();
		const text = reportText(command, values, read, vault, settings, table);
		collectNow();
		io.out(text);
		keepAnswer(text);
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

/** The text of `due`, `stats` or `ics` for the report read (taken out of `read`: see run). */
function reportText(command: string, values: { owner?: string; json?: boolean; "by-owner"?: boolean }, read: { report: DueReport | null }, vault: string, settings: TouchbaseSettings, table: TableOptions): string {
	const full = read.report!;
	read.report = null;
	const report = reportFor(full, values.owner ?? "");
	// An empty list says which filter emptied it (README, "The command line").
	if (values.owner !== undefined && report.entries.length === 0 && full.entries.length > 0) {
		const n = full.entries.length;
		table.emptiedBy = `No prospect is owned by "${values.owner}" (the vault has ${n} prospect${n === 1 ? "" : "s"}: leave out --owner to see them all, or check the owner's name).`;
	}
	if (command === "ics") return buildIcs(report, { vaultName: basename(resolve(vault)), digestTime: settings.digestTime });
	if (command === "stats") return values["by-owner"] === true ? statsByOwnerText(report, values.json === true) : statsText(report, values.json === true);
	return dueText(report, vault, values.json === true, table);
}

/** `explain NOTE.md`: every date taken from the note, and every dated line not used, with why. */
function runExplain(rest: string[], today: string, io: Io, noCache: boolean, rootOf: VaultRootOf): number {
	if (rest.length !== 1) throw new UsageError(rest.length === 0 ? "missing NOTE.md" : `unexpected argument "${rest[1]}"`);
	const note = rest[0];
	checkNoteArg(note);
	const { vault, settings } = rootOf(note);
	const path = relative(vault, resolve(note)).split(sep).join("/");
	const report = buildReport(vault, today, settings, io, noCache, true);
	const entry = report.entries.find((e) => e.prospect.path === path);
	if (!entry) {
		const problem = report.problems.find((p) => p.path === path);
		const why = problem
			? `it cannot be read: ${problem.line !== null ? `line ${problem.line}: ` : ""}${problem.message}`
			: isTemplate(path, readFileSync(note, "utf8"), settings)
				? "it is a template (in a template folder, named as one, or with unfilled placeholders)"
				: `it is not a prospect note (put it in ${settings.prospectFolders.join(", ") || "a prospect folder"}, or add type: prospect)`;
		io.out(`${explainVault(vault)}\n${path}: ${why}\n`);
		return 1;
	}
	const text = readFileSync(note, "utf8");
	const problems = report.problems.filter((p) => p.path === path);
	// The index keeps a compact record: the note is read whole here (docs/performance.md).
	const prospect = readNote(path, text, settings, { file: timesOf(statSync(note)) }).prospect;
	io.out(`${explainNote({ entry, settings, today, vault, text, problems, prospect }).join("\n")}\n`);
	return 0;
}

function runLog(rest: string[], values: Record<string, string | boolean | undefined>, today: string, io: Io, rootOf: VaultRootOf): number {
	if (rest.length !== 1) throw new UsageError(rest.length === 0 ? "missing NOTE.md" : `unexpected argument "${rest[1]}"`);
	const note = rest[0];
	checkNoteArg(note);
	const input = logInputFrom(values, today);
	const edited = editNote(note, io.err, rootOf, ({ vault, settings, path, before }) => {
		const result = logTouch(before, path, input, settings, today, linkedTouches(vault, path, today, settings, io));
		return { text: result.ok ? result.text : null, value: { result, settings } };
	});
	if (edited === null) return 1;
	const { result, settings } = edited.value;
	if (!result.ok) {
		io.err(`touchbase: ${note} was not changed: ${result.error}\n`);
		return 1;
	}
	// The model after the write holds the vault's interaction notes too (linked above): the next
	// follow-up as `due` and `explain` see it, with no second read.
	for (const printed of loggedText(result.line ?? "", note, result.prospect ?? null, values.channel as string, settings, today)) io[printed.stream](printed.text);
	// What the touch did to sequences (README, "Sequences"): touches cancelled, a waiting step written.
	const cancelled = result.cancelled ?? 0;
	if (cancelled > 0) io.out(`${endedBecause(result.endedBy ?? [])}: ${cancelled} open sequence touch${cancelled === 1 ? " was" : "es were"} cancelled\n`);
	for (const step of result.steps ?? []) io.out(`Next step of ${step.sequence} scheduled for ${step.date}\n`);
	return 0;
}
