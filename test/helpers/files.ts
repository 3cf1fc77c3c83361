// Fixture paths and temporary folders for any test. Importing this file registers an afterEach
// hook in the importing test file that removes the folders its tests made.
import { cpSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { afterEach } from "vitest";

/** test/fixtures: the conformance and stats vaults. */
export const FIXTURES = resolve(__dirname, "../fixtures");
/** examples/vault, whose hand-worked answer is in examples/README.md. */
export const EXAMPLE_VAULT = resolve(__dirname, "../../examples/vault");

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

/** A copy of a fixture vault in a temporary folder, removed after the test. */
export function copyVault(from: string): string {
	const dir = tempDir();
	cpSync(from, dir, { recursive: true });
	return dir;
}
