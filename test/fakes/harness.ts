// Vitest glue for tests of the plugin: temporary vault folders and a clean fake after each test.
// Importing this file registers an afterEach hook in the importing test file.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { afterEach } from "vitest";
import { App, resetFakes, takeEventErrors } from "./obsidian";

const dirs: string[] = [];

/** A new temporary vault folder holding `files` (vault path → text or bytes); removed after the test. */
export function makeVaultDir(files: Record<string, string | Uint8Array> = {}): string {
	const dir = mkdtempSync(join(tmpdir(), "touchbase-vault-"));
	dirs.push(dir);
	for (const [path, data] of Object.entries(files)) {
		const disk = join(dir, ...path.split("/"));
		mkdirSync(dirname(disk), { recursive: true });
		writeFileSync(disk, data);
	}
	return dir;
}

/** A temporary vault holding `files` and an App over it. */
export function openVault(files: Record<string, string | Uint8Array> = {}, options: { configDir?: string } = {}): { dir: string; app: App } {
	const dir = makeVaultDir(files);
	return { dir, app: new App(dir, options) };
}

afterEach(() => {
	resetFakes();
	while (dirs.length > 0) rmSync(dirs.pop()!, { recursive: true, force: true });
	const errors = takeEventErrors();
	if (errors.length > 0) {
		const first = errors[0] instanceof Error ? errors[0].message : String(errors[0]);
		throw new Error(`${errors.length} error(s) were thrown in event listeners or async callbacks (first: ${first}). Call takeEventErrors() in tests that expect them.`);
	}
});
