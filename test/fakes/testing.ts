// Helpers for tests: load a plugin into an App, run its commands, open its settings, preset or read
// its data.json, and reset the global registries between tests.
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { resolve } from "node:path";
import type { App as ObsApp, PluginManifest } from "obsidian";
import { liveApps, type App } from "./app";
import { closeOpenBases } from "./bases";
import { whenLoaded } from "./component";
import { hasDom } from "./dom";
import { Plugin } from "./plugin";
import type { PluginSettingTab } from "./settings";
import { noticeLog, notices, openModals, shownMenus } from "./ui";
import { DEFAULT_API_VERSION, setApiVersion } from "./util";
import { TFile, TFolder } from "./vault";

/** The project's manifest.json (or a stand-in), with `overrides` applied. */
export function makeManifest(overrides: Partial<PluginManifest> = {}): PluginManifest {
	const path = resolve(__dirname, "../../manifest.json");
	const base: PluginManifest = existsSync(path)
		? (JSON.parse(readFileSync(path, "utf8")) as PluginManifest)
		: { id: "test-plugin", name: "Test plugin", author: "Tests", version: "0.0.0", minAppVersion: "0.15.0", description: "A plugin under test" };
	return { ...base, ...overrides };
}

/** The app typed as obsidian.d.ts's App, to hand to plugin code (modals, views ...) in a test. */
export function asObsidianApp(app: App): ObsApp {
	return app as unknown as ObsApp;
}

/** The fake App behind an app that plugin code holds (for its test helpers). */
export function asFakeApp(app: ObsApp): App {
	return app as unknown as App;
}

const loadedPlugins = new Set<Plugin>();

export interface LoadPluginOptions {
	manifest?: Partial<PluginManifest>;
	/**
	 * false (default): the user enables the plugin in a running app: the layout is ready before
	 * `onload`. true: Obsidian starts with the plugin enabled: `onload` runs before the layout is ready,
	 * then the vault fires `create` for every existing file and folder, then the layout becomes ready
	 * and the metadata cache fires `resolved`.
	 */
	startup?: boolean;
}

/**
 * Constructs the plugin (the class as the plugin's code exports it, or a fake-typed test class), loads it, awaits an async
 * `onload` and settles the app. Creates the plugin folder, as an installed plugin has one.
 */
export async function loadPlugin<P>(PluginClass: new (app: never, manifest: PluginManifest) => P, app: App, options: LoadPluginOptions = {}): Promise<P> {
	const manifest = makeManifest(options.manifest);
	manifest.dir ??= `${app.vault.configDir}/plugins/${manifest.id}`;
	const dir = app.vault.diskPath(manifest.dir);
	mkdirSync(dir, { recursive: true });
	if (!existsSync(`${dir}/manifest.json`)) writeFileSync(`${dir}/manifest.json`, JSON.stringify(manifest, null, "\t"));
	if (!options.startup) app.workspace.triggerLayoutReady();
	// The class may be typed against obsidian.d.ts (plugin code) or against the fake (tests).
	const plugin = new PluginClass(app as never, manifest);
	if (!(plugin instanceof Plugin)) throw new Error("loadPlugin: the class does not extend Plugin");
	app.plugins.plugins[manifest.id] = plugin;
	loadedPlugins.add(plugin);
	plugin.load();
	await whenLoaded(plugin);
	if (options.startup) {
		for (const file of app.vault.getAllLoadedFiles()) {
			if (file instanceof TFolder && file.isRoot()) continue;
			if (file instanceof TFile || file instanceof TFolder) app.vault.trigger("create", file);
		}
		app.workspace.triggerLayoutReady();
		app.metadataCache.trigger("resolved");
	}
	await app.settle();
	return plugin;
}

/** Unloads the plugin (as disabling it does) and settles the app. */
export async function unloadPlugin(plugin: { unload(): void }): Promise<void> {
	plugin.unload();
	if (plugin instanceof Plugin) {
		loadedPlugins.delete(plugin);
		delete plugin.app.plugins.plugins[plugin.manifest.id];
		await plugin.app.settle();
	}
}

/**
 * Runs a command as the palette would (`id` with or without the `plugin:` prefix), then settles the
 * app. Resolves false when the command is not available now; throws for an unknown id.
 */
export async function runCommand(app: App, id: string): Promise<boolean> {
	const command = app.commands.findCommand(id);
	if (!command) {
		const ids = Object.keys(app.commands.commands);
		throw new Error(`No command "${id}" (have: ${ids.map((i) => `"${i}"`).join(", ") || "none"})`);
	}
	const ran = app.commands.executeCommand(command);
	await app.settle();
	return ran;
}

/** Whether the command would show in the palette now. */
export function isCommandAvailable(app: App, id: string): boolean {
	const command = app.commands.findCommand(id);
	return command ? app.commands.isAvailable(command) : false;
}

/** Shows the plugin's setting tab (the only or last one when no id is given) and settles. */
export async function openSettingTab(app: App, pluginId?: string): Promise<PluginSettingTab> {
	const tabs = app.setting.pluginTabs.filter((t) => pluginId === undefined || t.plugin.manifest.id === pluginId);
	const tab = tabs[tabs.length - 1];
	if (!tab) throw new Error(`No setting tab${pluginId ? ` for "${pluginId}"` : ""} was added`);
	tab.show();
	await app.settle();
	return tab;
}

/**
 * Runs an Obsidian CLI command as `obsidian COMMAND key=value flag` would: `params` are the
 * key=value pairs (a bare flag is `"true"`). Throws for an unknown command or a missing required
 * flag (the Obsidian CLI refuses those before any plugin runs). Settles the app after.
 */
export async function runCliHandler(app: App, command: string, params: Record<string, string> = {}): Promise<string> {
	const registered = app.cliHandlers[command];
	if (!registered) throw new Error(`No CLI command "${command}" (have: ${Object.keys(app.cliHandlers).join(", ") || "none"})`);
	for (const [name, flag] of Object.entries(registered.flags ?? {})) {
		if (flag.required && !(name in params)) throw new Error(`The CLI command "${command}" needs ${name}=`);
	}
	const out = await registered.handler({ ...params });
	await app.settle();
	return out;
}

/**
 * Writes a plugin's data.json as another device does through Sync, then calls the plugin's
 * `onExternalSettingsChange` (Obsidian 1.5.7 and later: it watches the file) and settles.
 */
export async function changePluginDataExternally(app: App, data: unknown, pluginId = makeManifest().id): Promise<void> {
	presetPluginData(app, data, pluginId);
	const plugin: (Plugin & { onExternalSettingsChange?: () => unknown }) | null = app.plugins.getPlugin(pluginId);
	if (plugin?.onExternalSettingsChange) app.queue.track(plugin.onExternalSettingsChange(), "onExternalSettingsChange");
	await app.settle();
}

/** Absolute path of a plugin's data.json in the test vault. */
export function pluginDataPath(app: App, pluginId = makeManifest().id): string {
	return app.vault.diskPath(`${app.vault.configDir}/plugins/${pluginId}/data.json`);
}

/** Writes a plugin's data.json before the plugin loads (as settings saved earlier). */
export function presetPluginData(app: App, data: unknown, pluginId = makeManifest().id): void {
	const path = pluginDataPath(app, pluginId);
	mkdirSync(resolve(path, ".."), { recursive: true });
	writeFileSync(path, JSON.stringify(data, null, 2));
}

/** A plugin's data.json, parsed (null when there is none). */
export function readPluginData(app: App, pluginId = makeManifest().id): unknown {
	const path = pluginDataPath(app, pluginId);
	return existsSync(path) ? (JSON.parse(readFileSync(path, "utf8")) as unknown) : null;
}

/**
 * Puts the shared fake state back: unloads plugins loaded by `loadPlugin`, closes modals and menus,
 * forgets notices, empties the document body, and stops the event queues of the apps created so far
 * (nothing queued reaches a vault folder that is gone). Listener errors stay in `eventErrors`.
 */
export function resetFakes(): void {
	for (const plugin of [...loadedPlugins]) plugin.unload();
	loadedPlugins.clear();
	closeOpenBases();
	setApiVersion(DEFAULT_API_VERSION);
	for (const app of liveApps) app.queue.close();
	liveApps.clear();
	for (const modal of [...openModals].reverse()) modal.close();
	openModals.length = 0;
	for (const menu of shownMenus) menu.hide();
	shownMenus.length = 0;
	notices.length = 0;
	noticeLog.length = 0;
	if (hasDom()) document.body.replaceChildren();
}
