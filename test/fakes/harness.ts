// Vitest glue: temporary vault folders, and a clean fake after each test of the importing file.
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
		mkdirSync(dirname(join(dir, path)), { recursive: true });
		writeFileSync(join(dir, path), data);
	}
	return dir;
}

/** A temporary vault holding `files` and an App over it. */
export function openVault(files: Record<string, string | Uint8Array> = {}): { dir: string; app: App } {
	const dir = makeVaultDir(files);
	return { dir, app: new App(dir) };
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
