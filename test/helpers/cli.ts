// Two ways to run the command line: in this process through `run(argv, io)` (fast: most tests),
// or as the built `dist/cli.js` in its own process (for what only a real process shows: the exit
// status the wrapper sets, the build's version, output through a pipe, another TZ or user).
import { spawnSync } from "node:child_process";
import { resolve } from "node:path";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { run, type Io } from "../../src/cli/runCli";

export { copyVault, EXAMPLE_VAULT, FIXTURES, tempDir } from "./files";

/** The built CLI users run; test/setup/build.ts builds it before the suite. */
export const CLI_BUILD = resolve(__dirname, "../../dist/cli.js");

export interface CliResult {
	status: number | null;
	stdout: string;
	stderr: string;
}

const COMMANDS = new Set(["due", "stats", "ics", "log", "explain", "status", "snooze"]);

/**
 * Runs the CLI in this process: `run(args, io)` with its output collected, `status` the code it
 * returns (the exit status the process wrapper sets). `now` is the clock (by default the real
 * one; it only matters without `--today`). With `cwd`, the VAULT or NOTE, which must come right
 * after the command, is resolved from `cwd`, and messages show it as an absolute path (the
 * working folder is left alone: process.chdir throws in a worker thread, as under vitest's
 * threads pool). For output exactly as from a relative path, use `touchbase(args, { cwd })`.
 */
export function runCli(args: string[], options: { cwd?: string; now?: Date } & Pick<Io, "cacheDir" | "workers" | "threadMinNotes" | "keepTouchesRead" | "columns" | "colour" | "fileClock"> = {}): CliResult {
	let stdout = "";
	let stderr = "";
	const status = run(options.cwd === undefined ? args : fromFolder(args, options.cwd), {
		out: (text) => {
			stdout += text;
		},
		err: (text) => {
			stderr += text;
		},
		now: () => (options.now ? new Date(options.now) : new Date()),
		// No persisted index unless the test gives a folder for it (never the user's ~/.cache).
		cacheDir: options.cacheDir,
		workers: options.workers,
		threadMinNotes: options.threadMinNotes,
		keepTouchesRead: options.keepTouchesRead,
		// The current folder a note's vault is looked for in (runCli.ts findVaultRoot).
		cwd: options.cwd,
		// Not a terminal: 80 columns and no colour, unless the test says otherwise.
		columns: options.columns,
		colour: options.colour,
		fileClock: options.fileClock,
	});
	return { status, stdout, stderr };
}

function fromFolder(args: string[], cwd: string): string[] {
	const [command, operand, ...rest] = args;
	if (!COMMANDS.has(command) || operand === undefined || operand.startsWith("-")) {
		throw new Error(`runCli with cwd needs the VAULT or NOTE right after the command, not ${JSON.stringify(args)}`);
	}
	return [command, resolve(cwd, operand), ...rest];
}

/** Runs the built `touchbase` as its own process, as a user would. */
export function touchbase(args: string[], options: { cwd?: string; tz?: string; env?: Record<string, string> } = {}): CliResult {
	// The width and colour come from the test alone, never from the terminal the tests run in.
	const env: NodeJS.ProcessEnv = { ...process.env };
	for (const name of ["COLUMNS", "NO_COLOR", "FORCE_COLOR"]) delete env[name];
	const result = spawnSync(process.execPath, [CLI_BUILD, ...args], {
		cwd: options.cwd,
		encoding: "utf8",
		// The persisted index goes to a folder of this test run, never the user's ~/.cache.
		env: { ...env, XDG_CACHE_HOME: processCacheHome(), ...(options.tz ? { TZ: options.tz } : {}), ...options.env },
	});
	return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

let cacheHome: string | null = null;
/** One cache home per test file's process, under the system's temporary folder. */
function processCacheHome(): string {
	cacheHome ??= mkdtempSync(join(tmpdir(), "touchbase-cache-"));
	return cacheHome;
}

/** `touchbase due VAULT --today TODAY --json`, run in this process, parsed. */
export function dueJson(vault: string, today: string, extra: string[] = []): DueJsonOut {
	const r = runCli(["due", vault, "--today", today, "--json", ...extra]);
	if (r.status !== 0) throw new Error(`touchbase due failed (${r.status}): ${r.stderr}`);
	return JSON.parse(r.stdout) as DueJsonOut;
}

export interface DueJsonOut {
	today: string;
	counts: Record<string, number>;
	prospects: Record<string, unknown>[];
	problems: { path: string; line: number | null; message: string }[];
}
