import { spawnSync } from "node:child_process";
import { cpSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { afterEach } from "vitest";

const CLI = resolve(__dirname, "../../dist/cli.js");

export interface CliResult {
	status: number | null;
	stdout: string;
	stderr: string;
}

/** Runs the built `touchbase` as its own process, as a user would. */
export function touchbase(args: string[], options: { cwd?: string; tz?: string } = {}): CliResult {
	const result = spawnSync(process.execPath, [CLI, ...args], {
		cwd: options.cwd,
		encoding: "utf8",
		env: { ...process.env, ...(options.tz ? { TZ: options.tz } : {}) },
	});
	return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

export function dueJson(vault: string, today: string, extra: string[] = []): DueJsonOut {
	const r = touchbase(["due", vault, "--today", today, "--json", ...extra]);
	if (r.status !== 0) throw new Error(`touchbase due failed (${r.status}): ${r.stderr}`);
	return JSON.parse(r.stdout) as DueJsonOut;
}

export interface DueJsonOut {
	today: string;
	counts: Record<string, number>;
	prospects: Record<string, unknown>[];
	problems: { path: string; line: number | null; message: string }[];
}

const temps: string[] = [];
afterEach(() => {
	while (temps.length > 0) rmSync(temps.pop()!, { recursive: true, force: true });
});

/** A fresh temporary folder, removed after the test. */
export function tempDir(): string {
	const dir = mkdtempSync(join(tmpdir(), "touchbase-"));
	temps.push(dir);
	return dir;
}

/** A copy of a fixture vault in a temporary folder. */
export function copyVault(from: string): string {
	const dir = tempDir();
	cpSync(from, dir, { recursive: true });
	return dir;
}

export const FIXTURES = resolve(__dirname, "../fixtures");
export const EXAMPLE_VAULT = resolve(__dirname, "../../examples/vault");
