// Test helpers: load a plugin into an App, run its commands, show its settings, preset or read its
// data.json, and put the shared state back between tests.
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, resolve } from "node:path";
import type { App as ObsApp, PluginManifest } from "obsidian";
import { liveApps, type App } from "./app";
import { openBases } from "./bases";
import { whenLoaded } from "./component";
import { Plugin } from "./plugin";
import type { PluginSettingTab } from "./settings";
import { noticeLog, notices, openModals, shownMenus } from "./ui";
import { DEFAULT_API_VERSION, setApiVersion } from "./util";
import { TFile, TFolder } from "./vault";

/** The project's manifest.json, with `overrides`. */
export function makeManifest(overrides: Partial<PluginManifest> = {}): PluginManifest {
	return { ...(JSON.parse(readFileSync(resolve(__dirname, "../../manifest.json"), "utf8")) as PluginManifest), ...overrides };
}

/** The app typed as obsidian.d.ts's App, to hand to plugin code in a test. */
export const asObsidianApp = (app: App): ObsApp => app as unknown as ObsApp;

const loadedPlugins = new Set<Plugin>();

/**
 * Constructs the plugin (the class from the plugin's code or from the built main.js), loads it,
 * awaits its onload and settles, its folder made as an installed plugin has one. `startup: false`
 * (default): enabled in a running app, the layout is ready first. `startup: true`: Obsidian
 * starts with it: onload, then `create` for every file and folder, then the layout, then `resolved`.
 */
export async function loadPlugin<P>(PluginClass: new (app: never, manifest: PluginManifest) => P, app: App, options: { startup?: boolean } = {}): Promise<P> {
	const manifest = makeManifest();
	manifest.dir = `${app.vault.configDir}/plugins/${manifest.id}`;
	mkdirSync(app.vault.diskPath(manifest.dir), { recursive: true });
	if (!options.startup) app.workspace.triggerLayoutReady();
	const plugin = new PluginClass(app as never, manifest);
	if (!(plugin instanceof Plugin)) throw new Error("loadPlugin: the class does not extend Plugin");
	app.plugins.plugins[manifest.id] = plugin;
	loadedPlugins.add(plugin);
	plugin.load();
	await whenLoaded(plugin);
	if (options.startup) {
		for (const file of app.vault.getAllLoadedFiles()) if (file instanceof TFile || (file instanceof TFolder && !file.isRoot())) app.vault.trigger("create", file);
		app.workspace.triggerLayoutReady();
		app.metadataCache.trigger("resolved");
	}
	await app.settle();
	return plugin;
}

/** Unloads the plugin, as disabling it does, and settles. */
export async function unloadPlugin(plugin: Plugin | { unload(): void }): Promise<void> {
	plugin.unload();
	if (!(plugin instanceof Plugin)) return;
	loadedPlugins.delete(plugin);
	delete plugin.app.plugins.plugins[plugin.manifest.id];
	await plugin.app.settle();
}

/** Runs a command as the palette does (`id` with or without `plugin:`), then settles. Throws for an unknown id. */
export async function runCommand(app: App, id: string): Promise<void> {
	const command = app.commands.commands[id] ?? Object.values(app.commands.commands).find((c) => c.id.endsWith(`:${id}`));
	if (!command?.callback) throw new Error(`No command "${id}" (have: ${Object.keys(app.commands.commands).join(", ") || "none"})`);
	app.queue.track(command.callback(), `command "${command.id}"`);
	await app.settle();
}

/** Shows the plugin's setting tab (the last added) and settles. */
export async function openSettingTab(app: App): Promise<PluginSettingTab> {
	const tab = app.setting.pluginTabs.at(-1);
	if (!tab) throw new Error("No setting tab was added");
	tab.show();
	await app.settle();
	return tab;
}

/** Runs an Obsidian CLI command as `obsidian COMMAND key=value` would (a bare flag is `"true"`), then settles. */
export async function runCliHandler(app: App, command: string, params: Record<string, string> = {}): Promise<string> {
	const registered = app.cliHandlers[command];
	if (!registered) throw new Error(`No CLI command "${command}" (have: ${Object.keys(app.cliHandlers).join(", ") || "none"})`);
	const out = await registered.handler({ ...params });
	await app.settle();
	return out;
}

const dataPath = (app: App): string => app.vault.diskPath(`${app.vault.configDir}/plugins/${makeManifest().id}/data.json`);

/** Writes the plugin's data.json, as settings saved before. */
export function presetPluginData(app: App, data: unknown): void {
	mkdirSync(dirname(dataPath(app)), { recursive: true });
	writeFileSync(dataPath(app), JSON.stringify(data, null, 2));
}

/** The plugin's data.json, parsed (null when there is none). */
export function readPluginData(app: App): unknown {
	return existsSync(dataPath(app)) ? (JSON.parse(readFileSync(dataPath(app), "utf8")) as unknown) : null;
}

/** Writes data.json as Sync does from another device, then calls the plugin's `onExternalSettingsChange`, and settles. */
export async function changePluginDataExternally(app: App, data: unknown): Promise<void> {
	presetPluginData(app, data);
	const plugin = app.plugins.getPlugin(makeManifest().id) as { onExternalSettingsChange?: () => unknown } | null;
	app.queue.track(plugin?.onExternalSettingsChange?.(), "onExternalSettingsChange");
	await app.settle();
}

/** Unloads the plugins loaded, closes bases, modals and menus, forgets notices, empties the body, stops the old apps' queues. */
export function resetFakes(): void {
	for (const plugin of loadedPlugins) plugin.unload();
	loadedPlugins.clear();
	for (const base of [...openBases]) base.close();
	setApiVersion(DEFAULT_API_VERSION);
	for (const app of liveApps) app.queue.close();
	liveApps.clear();
	for (const modal of [...openModals].reverse()) modal.close();
	shownMenus.length = notices.length = noticeLog.length = 0;
	document.body.replaceChildren();
}
