// Fault injection on the built CLI (docs/reliability.md): strace kills the process at its Nth
// call of one system call (`-e inject=SYSCALL:signal=KILL:when=N`), the way the issue that asked
// for crash safety found the cut-short notes.
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { CLI_BUILD } from "./cli";

/** Whether strace can trace a child here (it is installed, and ptrace is allowed). */
export function straceWorks(): boolean {
	const r = spawnSync("strace", ["-f", "-qq", "-o", "/dev/null", process.execPath, "-e", "0"], { encoding: "utf8" });
	return r.status === 0;
}

let cacheHome: string | null = null;
/** The `XDG_CACHE_HOME` of every run here: the CLI's index is in its `touchbase` folder. */
export function faultCacheHome(): string {
	cacheHome ??= mkdtempSync(join(tmpdir(), "touchbase-cache-"));
	return cacheHome;
}
function env(): NodeJS.ProcessEnv {
	return { ...process.env, XDG_CACHE_HOME: faultCacheHome(), TOUCHBASE_THREADS: "0" };
}

/** The system calls a kill is injected at: every step of a write, a rename, a link, a removal. */
export const KILL_POINTS = ["write", "fsync", "rename", "link", "unlink"] as const;

export interface CallCounts {
	counts: Record<(typeof KILL_POINTS)[number], number>;
	/** The file each `write` of the main thread went to, in order (1-based `when` = index + 1). */
	writes: string[];
}

/**
 * How many times the CLI's main thread makes each of `KILL_POINTS` for `args` (one traced run,
 * which also does the command: the caller restores what it changed).
 */
export function countCalls(args: string[]): CallCounts {
	const out = join(mkdtempSync(join(tmpdir(), "touchbase-strace-")), "trace");
	const r = spawnSync("strace", ["-f", "-qq", "-y", "-e", `trace=${KILL_POINTS.join(",")}`, "-o", out, process.execPath, CLI_BUILD, ...args], { encoding: "utf8", env: env() });
	if (r.status !== 0) throw new Error(`touchbase ${args.join(" ")} failed under strace: ${r.stderr}`);
	const lines = readFileSync(out, "utf8").split("\n");
	const main = lines[0].split(" ")[0];
	const counts = Object.fromEntries(KILL_POINTS.map((k) => [k, 0])) as CallCounts["counts"];
	const writes: string[] = [];
	for (const line of lines) {
		const m = /^(\d+) +(\w+)\((\d+<([^>]*)>)?/.exec(line);
		if (m === null || m[1] !== main || !(m[2] in counts)) continue;
		counts[m[2] as (typeof KILL_POINTS)[number]]++;
		if (m[2] === "write") writes.push(m[4] ?? "");
	}
	return { counts, writes };
}

/** Runs the CLI and kills it at its `n`th call of `syscall`; the exit status (null when killed). */
export function runKilledAt(args: string[], syscall: string, n: number): { status: number | null; stderr: string } {
	const r = spawnSync("strace", ["-f", "-qq", "-o", "/dev/null", "-e", `trace=${syscall}`, "-e", `inject=${syscall}:signal=KILL:when=${n}`, process.execPath, CLI_BUILD, ...args], { encoding: "utf8", env: env() });
	return { status: r.status, stderr: r.stderr };
}

/** Runs the CLI with its `n`th call of `syscall` failing with `errno` (a full disk: `write` and ENOSPC). */
export function runFailingAt(args: string[], syscall: string, n: number, errno: string): { status: number | null; stdout: string; stderr: string } {
	const r = spawnSync("strace", ["-f", "-qq", "-o", "/dev/null", "-e", `trace=${syscall}`, "-e", `inject=${syscall}:error=${errno}:when=${n}`, process.execPath, CLI_BUILD, ...args], { encoding: "utf8", env: env() });
	return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** Runs the CLI plainly, in its own process (the same environment as the fault runs). */
export function runPlain(args: string[]): { status: number | null; stdout: string; stderr: string } {
	const r = spawnSync(process.execPath, [CLI_BUILD, ...args], { encoding: "utf8", env: env() });
	return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** The `when` values to try for a call made `count` times: all of them, or first, last and a spread between. */
export function sample(count: number, most = 12): number[] {
	if (count <= most) return Array.from({ length: count }, (_, i) => i + 1);
	const picks = new Set<number>([1, count]);
	for (let i = 1; picks.size < most; i++) picks.add(1 + Math.round(((count - 1) * i) / (most - 1)));
	return [...picks].sort((a, b) => a - b);
}
