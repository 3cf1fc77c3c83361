import { cpSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { vi } from "vitest";
import TouchbasePlugin from "../../src/plugin/main";
import { makeVaultDir } from "../fakes/harness";
import { localToday } from "../../src/core/text/dates";
import { App, loadPlugin, presetPluginData, type TFile } from "../fakes/obsidian";
import { EXAMPLE_VAULT } from "../helpers/cli";

/** The example vault's "today": the demo and its hand-worked answer are written for it. */
export const DEMO_DAY = new Date(2026, 10, 23, 10, 0, 0);

/** A copy of the example vault in a temporary folder, the plugin loaded into a fake app over it. */
export async function demoPlugin(options: { startup?: boolean; extra?: Record<string, string>; digest?: boolean } = {}): Promise<{ dir: string; app: App; plugin: TouchbasePlugin }> {
	const dir = makeVaultDir(options.extra ?? {});
	cpSync(EXAMPLE_VAULT, dir, { recursive: true });
	const app = new App(dir);
	// Today's morning digest was already shown (unless asked for): the tests that count notices
	// see only the ones their command raised. test/plugin/reminders.test.ts tests the digest.
	if (!options.digest) presetPluginData(app, { reminderState: { lastDigestDay: localToday() } });
	const plugin = await loadPlugin(TouchbasePlugin, app, { startup: options.startup });
	await app.settle();
	return { dir, app, plugin };
}

export function bytes(dir: string, path: string): string {
	return readFileSync(join(dir, ...path.split("/")), "utf8");
}

export function file(app: App, path: string): TFile {
	const found = app.vault.getFileByPath(path);
	if (!found) throw new Error(`no file ${path}`);
	return found;
}

/**
 * Counts, per note, the `Vault.process` calls and the writes that reach the disk from now on,
 * and every other way of writing a note: each command must change a note in exactly one call.
 */
export function watchWrites(app: App): (path: string) => { process: number; writes: number; other: number } {
	const process = vi.spyOn(app.vault, "process");
	const writes = vi.spyOn(app.vault, "writeText");
	// The fake has no processFrontMatter: plugin code that called it would fail outright.
	const others = [vi.spyOn(app.vault, "modify"), vi.spyOn(app.vault, "append")];
	const count = (calls: unknown[][], path: string): number => calls.filter(([f]) => (f as { path: string }).path === path).length;
	return (path) => ({
		process: count(process.mock.calls, path),
		writes: count(writes.mock.calls, path),
		other: others.reduce((sum, spy) => sum + count(spy.mock.calls, path), 0),
	});
}
