// The App: a vault over a real folder, its metadata cache, file manager and workspace, and the
// registries Obsidian keeps for plugins (commands, setting tabs, CLI handlers, Bases views).
import type { Command } from "obsidian";
import type { BasesViewRegistration } from "./bases";
import { createDiv } from "./dom";
import { EventQueue } from "./events";
import { FileManager, MetadataCache } from "./metadata";
import type { Plugin } from "./plugin";
import type { PluginSettingTab } from "./settings";
import { Vault } from "./vault";
import { Workspace } from "./workspace";

/** What `registerCliHandler` registered for one command id. */
export interface CliRegistration {
	description: string;
	flags: Record<string, { value?: string; description: string; required?: boolean }> | null;
	handler: (params: Record<string, string>) => string | Promise<string>;
	pluginId: string;
}

/** Apps made since the last `resetFakes()` (which closes their queues). */
export const liveApps = new Set<App>();

export class App {
	readonly queue = new EventQueue();
	readonly vault: Vault;
	readonly metadataCache: MetadataCache;
	readonly fileManager: FileManager;
	readonly workspace: Workspace;
	/** Obsidian's `app.commands`, by full id (`plugin:command`). */
	readonly commands: { commands: Record<string, Command> } = { commands: {} };
	/** Obsidian's `app.setting`, reduced to the plugins' tabs. */
	readonly setting: { pluginTabs: PluginSettingTab[] } = { pluginTabs: [] };
	readonly plugins = {
		plugins: {} as Record<string, Plugin>,
		getPlugin(id: string): Plugin | null {
			return this.plugins[id] ?? null;
		},
	};
	/** Fake-only: what `registerCliHandler` and `registerBasesView` registered; whether Bases is on. */
	readonly cliHandlers: Record<string, CliRegistration> = {};
	readonly basesViews: Record<string, BasesViewRegistration> = {};
	basesEnabled = true;
	#ribbonEl: HTMLElement | null = null;
	#statusBarEl: HTMLElement | null = null;

	/** An app over the vault folder `vaultPath` (dot-folders skipped). */
	constructor(vaultPath: string) {
		this.vault = new Vault(vaultPath, this.queue);
		this.metadataCache = new MetadataCache(this.vault);
		this.fileManager = new FileManager(this.vault);
		this.workspace = new Workspace(this);
		liveApps.add(this);
	}

	/** Fake-only: the ribbon's and the status bar's elements. */
	get ribbonEl(): HTMLElement {
		return (this.#ribbonEl ??= document.body.appendChild(createDiv("side-dock-ribbon")));
	}

	get statusBarEl(): HTMLElement {
		return (this.#statusBarEl ??= document.body.appendChild(createDiv("status-bar")));
	}

	/** Test helper: delivers what Obsidian does later and lets the listeners' own work finish. Await it after every action. */
	settle(): Promise<void> {
		return this.queue.settle();
	}
}
