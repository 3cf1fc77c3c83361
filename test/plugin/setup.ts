import { cpSync, readFileSync } from "node:fs";
import { join } from "node:path";
import TouchbasePlugin from "../../src/plugin/main";
import { makeVaultDir } from "../fakes/harness";
import { localToday } from "../../src/core/dates";
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
