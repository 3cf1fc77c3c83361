// @vitest-environment happy-dom
// minAppVersion stays 1.7.2: what came later (Bases 1.10, the Obsidian CLI 1.12.2, declared
// settings 1.13) is used only behind requireApiVersion. On an older Obsidian everything else works.
import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import * as obsidian from "obsidian";
import { cpSync } from "node:fs";
import { makeVaultDir } from "../fakes/harness";
import { App, getSetting, loadPlugin, openSettingTab, runCommand, setApiVersion, typeText } from "../fakes/obsidian";
import { loadBuiltPlugin } from "../helpers/bundle";
import { EXAMPLE_VAULT } from "../helpers/cli";
import { DEMO_DAY, demoPlugin } from "./setup";

beforeEach(() => {
	vi.useFakeTimers({ toFake: ["Date"] });
	vi.setSystemTime(DEMO_DAY);
});
afterEach(() => {
	vi.useRealTimers();
});

const manifest = JSON.parse(readFileSync(resolve(__dirname, "../../manifest.json"), "utf8")) as { minAppVersion: string };

describe("on Obsidian 1.9", () => {
	it("the manifest still says 1.7.2", () => {
		expect(manifest.minAppVersion).toBe("1.7.2");
	});

	it("loads without Bases, the Obsidian CLI or declared settings, and the rest works", async () => {
		setApiVersion("1.9.0");
		const { app, plugin } = await demoPlugin();
		expect(app.cliHandlers).toEqual({});
		expect(app.basesViews).toEqual({});
		expect(plugin.index.ready).toBe(true);
		// The view, a command, the settings tab drawn by display().
		await runCommand(app, "open-follow-ups");
		const view = app.workspace.getLeavesOfType("touchbase-follow-ups")[0].view as unknown as { contentEl: HTMLElement };
		expect(view.contentEl.querySelectorAll(".touchbase-row").length).toBeGreaterThan(5);
		const tab = await openSettingTab(app);
		expect(tab.settingItems).toEqual([]);
		typeText(getSetting(tab.containerEl, "Upcoming window").querySelector("input"), "10");
		tab.hide();
		await vi.waitFor(() => expect(plugin.settings.upcomingDays).toBe(10));
	});

	it("the built main.js loads where obsidian has no BasesView and no registerCliHandler", async () => {
		setApiVersion("1.9.0");
		// obsidian as 1.9 exports it: no BasesView class, no QueryController.
		const old: Record<string, unknown> = { ...obsidian };
		delete old.BasesView;
		delete old.QueryController;
		const PluginClass = loadBuiltPlugin(old).PluginClass as never;
		const dir = makeVaultDir();
		cpSync(EXAMPLE_VAULT, dir, { recursive: true });
		const app = new App(dir);
		const plugin = await loadPlugin<{ index: { ready: boolean } }>(PluginClass, app);
		expect(plugin.index.ready).toBe(true);
		expect(app.basesViews).toEqual({});
		expect(app.cliHandlers).toEqual({});
		await runCommand(app, "open-follow-ups");
		expect(app.workspace.getLeavesOfType("touchbase-follow-ups")).toHaveLength(1);
	});
});
