// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { dueJson as coreDueJson } from "../../src/core/show/dueJson";
import { localToday } from "../../src/core/text/dates";
import { DEFAULT_SETTINGS } from "../../src/core/settings/settings";
import { COMMAND_IDS } from "../../src/plugin/registerCommands";
import { VIEW_TYPE_FOLLOW_UPS } from "../../src/plugin/views/followUpsView";
import { LiveIndex } from "../../src/plugin/index/liveIndex";
import TouchbasePlugin from "../../src/plugin/main";
import { openVault } from "../fakes/harness";
import { asObsidianApp, childComponents, isLoaded, loadPlugin, notices, presetPluginData, readPluginData, registeredCount, unloadPlugin } from "../fakes/obsidian";
import { dueJson, EXAMPLE_VAULT } from "../helpers/cli";
import { DEMO_DAY, demoPlugin } from "./setup";

beforeEach(() => {
	vi.useFakeTimers({ toFake: ["Date"] });
	vi.setSystemTime(DEMO_DAY);
});
afterEach(() => {
	vi.useRealTimers();
});

describe("loading", () => {
	it("registers its commands (ids without the plugin id, no hotkeys), view, ribbon icon and settings tab", async () => {
		const { app } = await demoPlugin();
		// The ids come from the command table; a few written out here, so the table cannot lose them unseen.
		expect(COMMAND_IDS).toEqual(expect.arrayContaining(["start-sequence", "log-touch", "open-follow-ups", "new-prospect"]));
		expect(new Set(COMMAND_IDS).size).toBe(COMMAND_IDS.length);
		for (const id of COMMAND_IDS) expect(id).toMatch(/^[a-z]+(-[a-z]+)*$/); // no plugin id in it
		const ids = Object.keys(app.commands.commands).sort();
		expect(ids).toEqual(COMMAND_IDS.map((id) => `touchbase:${id}`).sort());
		for (const command of Object.values(app.commands.commands)) {
			expect(command.hotkeys ?? []).toEqual([]);
			expect(command.name).toMatch(/^Touchbase: [A-Z][a-z' -]*$/); // sentence case
		}
	});

	it("indexes only once the layout is ready, never during onload", async () => {
		const { plugin } = await demoPlugin({ startup: true });
		expect(plugin.index.ready).toBe(true);
		const { app } = openVault({ "Prospects/A.md": "- [ ] 2026-11-20 call: x\n" });
		const late = await loadPlugin(TouchbasePlugin, app, { startup: true });
		// loadPlugin with startup replays Obsidian's start, layout last: the index waited for it.
		expect(late.index.ready).toBe(true);
		expect(late.index.report().counts.overdue).toBe(1);
	});

	it("gives exactly the CLI's answer for the example vault", async () => {
		const { plugin } = await demoPlugin();
		const fromPlugin = coreDueJson(plugin.index.report(localToday()));
		const fromCli = dueJson(EXAMPLE_VAULT, "2026-11-23");
		expect(fromPlugin).toEqual(fromCli);
	});

	it("reads only notes that may be prospects", async () => {
		const { app } = openVault({
			"Prospects/A.md": "- [ ] 2026-11-20 call: x\n",
			"Clients/B.md": "---\ntype: prospect\n---\n",
			"Notes/Tagged.md": "Met them #prospect\n",
			...Object.fromEntries(Array.from({ length: 30 }, (_, i) => [`Journal/Day ${i}.md`, `- 2026-11-${String(i % 28 + 1).padStart(2, "0")} call: not a prospect\n`])),
		});
		const read = vi.spyOn(app.vault, "cachedRead");
		const plugin = await loadPlugin(TouchbasePlugin, app);
		await app.settle();
		const paths = read.mock.calls.map(([f]) => f.path).sort();
		expect(paths).toEqual(["Clients/B.md", "Notes/Tagged.md", "Prospects/A.md"]);
		expect(plugin.index.report().entries).toHaveLength(3);
	});
});

describe("settings", () => {
	it.each([
		["corrupt", "not json at all"],
		["a list", [1, 2, 3]],
		["wrong types", { upcomingDays: "soon", channels: 7, keys: null, templates: { touch: 5 } }],
	])("load %s data.json as valid settings", async (_what, data) => {
		const { app } = openVault({});
		presetPluginData(app, data);
		const plugin = await loadPlugin(TouchbasePlugin, app);
		expect(plugin.settings.upcomingDays).toBe(7);
		expect(plugin.settings.channels).toContain("call");
	});

	it("tells the user when the stored settings were damaged", async () => {
		const { app } = openVault({});
		presetPluginData(app, [1, 2, 3]);
		await loadPlugin(TouchbasePlugin, app);
		expect(notices.some((n) => n.includes("settings"))).toBe(true);
	});

	it("keeps valid old settings and saves migrated ones", async () => {
		const { app } = openVault({ "CRM/A.md": "- [ ] 2026-11-20 call: x\n" });
		presetPluginData(app, { prospectFolder: "CRM", upcomingDays: 3 });
		const plugin = await loadPlugin(TouchbasePlugin, app);
		await app.settle();
		expect(plugin.settings.prospectFolders).toEqual(["CRM"]);
		expect(plugin.index.report().counts.overdue).toBe(1);
		await plugin.saveSettings({ ...plugin.settings, upcomingDays: 10 });
		expect(readPluginData(app)).toMatchObject({ prospectFolders: ["CRM"], upcomingDays: 10 });
	});
});

describe("the live index", () => {
	it("follows edits, renames in and out of the folder, deletes and new prospects", async () => {
		const { app, plugin } = await demoPlugin();
		const counts = () => plugin.index.report().counts;
		expect(counts().overdue).toBe(3);
		const revision = plugin.index.revision;

		app.vault.externalWrite("Prospects/Harbor Roofing.md", "---\nstatus: won\n---\n");
		await app.settle();
		expect(plugin.index.revision).toBeGreaterThan(revision);
		// Tidewater Marina (won) is upcoming on its open line, so closed: Fairview and now Harbor.
		expect(counts()).toMatchObject({ overdue: 2, closed: 2 });

		await app.vault.createFolder("Archive");
		app.vault.externalRename("Prospects/Bluebird Event Rentals.md", "Archive/Bluebird Event Rentals.md");
		await app.settle();
		expect(counts().overdue).toBe(1);

		app.vault.externalRename("Archive/Bluebird Event Rentals.md", "Prospects/Bluebird.md");
		await app.settle();
		expect(counts().overdue).toBe(2);
		expect(plugin.index.report().entries.some((e) => e.prospect.path === "Prospects/Bluebird.md")).toBe(true);

		app.vault.externalDelete("Prospects/Bluebird.md");
		await app.settle();
		expect(counts().overdue).toBe(1);

		app.vault.externalWrite("Notes/New lead.md", "---\ntype: prospect\n---\n- [ ] 2026-11-23 call: first call\n");
		await app.settle();
		expect(counts().today).toBe(3);

		app.vault.externalWrite("Notes/New lead.md", "---\ntype: note\n---\n- [ ] 2026-11-23 call: first call\n");
		await app.settle();
		expect(counts().today).toBe(2);
	});

	it("re-reads a changed note alone", async () => {
		const { app, plugin } = await demoPlugin();
		const read = vi.spyOn(app.vault, "cachedRead");
		app.vault.externalWrite("Prospects/Harbor Roofing.md", "- [ ] 2026-11-30 call: x\n");
		await app.settle();
		expect(read.mock.calls.length).toBeLessThanOrEqual(1);
		expect(plugin.index.report().entries.find((e) => e.prospect.name === "Harbor Roofing")?.bucket).toBe("upcoming");
	});

	it("releases its listeners on unload", async () => {
		const { app, plugin } = await demoPlugin();
		expect(app.vault.listenerCount("rename")).toBeGreaterThan(0);
		await unloadPlugin(plugin);
		expect(app.vault.listenerCount("rename")).toBe(0);
		expect(app.vault.listenerCount("delete")).toBe(0);
		expect(app.metadataCache.listenerCount("changed")).toBe(0);
	});

	it("is a child component of the plugin, as are the reminders: loaded with it, unloaded with it", async () => {
		const { app, plugin } = await demoPlugin();
		// Among others (the Email/Call tracker, sequence ends …): the index and the reminders.
		expect(childComponents(plugin)).toEqual(expect.arrayContaining([plugin.index, plugin.reminders]));
		expect([isLoaded(plugin.index), isLoaded(plugin.reminders)]).toEqual([true, true]);
		expect(registeredCount(plugin.index)).toBeGreaterThan(0);
		expect(registeredCount(plugin.reminders)).toBeGreaterThan(0);
		await unloadPlugin(plugin);
		expect([isLoaded(plugin.index), isLoaded(plugin.reminders)]).toEqual([false, false]);
		expect([registeredCount(plugin.index), registeredCount(plugin.reminders)]).toEqual([0, 0]);
		// The index's listeners went with it.
		expect(app.vault.listenerCount("rename")).toBe(0);
	});

	it("does not start when unloaded before the layout is ready", async () => {
		const { app } = openVault({ "Prospects/A.md": "- [ ] 2026-11-20 call: x\n" });
		const index = new LiveIndex(asObsidianApp(app), DEFAULT_SETTINGS);
		index.load();
		index.unload();
		app.workspace.triggerLayoutReady();
		await app.settle();
		expect(index.ready).toBe(false);
		expect(app.vault.listenerCount("rename")).toBe(0);
		expect(app.metadataCache.listenerCount("changed")).toBe(0);
	});

	it("leaves the view's leaves to Obsidian: its own unload code detaches none", async () => {
		const { app, plugin } = await demoPlugin();
		await plugin.openView();
		expect(app.workspace.getLeavesOfType(VIEW_TYPE_FOLLOW_UPS)).toHaveLength(1);
		const detach = vi.spyOn(app.workspace, "detachLeavesOfType");
		plugin.onunload();
		expect(detach).not.toHaveBeenCalled();
		expect(app.workspace.getLeavesOfType(VIEW_TYPE_FOLLOW_UPS)).toHaveLength(1);
	});
});
