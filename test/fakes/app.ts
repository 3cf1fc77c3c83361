// The App: a vault over a real folder, its metadata cache, file manager and workspace, plus the
// registries Obsidian keeps for plugins (commands, setting tabs, ribbon icons ...).
import type { Command, MarkdownView as ObsMarkdownView } from "obsidian";
import { createDiv, requireDom } from "./dom";
import { EventQueue } from "./events";
import { FileManager, MetadataCache } from "./metadata";
import type { MarkdownPostProcessor, Plugin } from "./plugin";
import type { BasesViewRegistration } from "./bases";
import type { PluginSettingTab } from "./settings";
import { Keymap, Scope } from "./ui";
import { Vault } from "./vault";
import { MarkdownView, Workspace } from "./workspace";

/** Obsidian's (undocumented) `app.commands`. */
export class Commands {
	readonly commands: Record<string, Command> = {};
	readonly #app: App;

	constructor(app: App) {
		this.#app = app;
	}

	addCommand(command: Command): void {
		this.commands[command.id] = command;
	}

	removeCommand(id: string): void {
		delete this.commands[id];
	}

	listCommands(): Command[] {
		return Object.values(this.commands);
	}

	/** Finds by full id (`plugin:command`), or by the part after the colon when that is unambiguous. */
	findCommand(id: string): Command | undefined {
		if (this.commands[id]) return this.commands[id];
		const matches = Object.values(this.commands).filter((c) => c.id.endsWith(`:${id}`));
		return matches.length === 1 ? matches[0] : undefined;
	}

	/**
	 * Whether the command can run now, as the palette decides: `checkCallback(true)`, or for editor
	 * commands an active Markdown view (and `editorCheckCallback(true, ...)`).
	 */
	isAvailable(command: Command): boolean {
		if (command.editorCallback || command.editorCheckCallback) {
			const view = this.#app.workspace.getActiveViewOfType(MarkdownView);
			if (!view) return false;
			if (command.editorCheckCallback) return !!command.editorCheckCallback(true, view.editor, view as unknown as ObsMarkdownView);
			return true;
		}
		if (command.checkCallback) return !!command.checkCallback(true);
		return !!command.callback;
	}

	/** Runs the command like Obsidian; false when it is unknown or not available now. */
	executeCommandById(id: string): boolean {
		const command = this.findCommand(id);
		return command ? this.executeCommand(command) : false;
	}

	executeCommand(command: Command): boolean {
		if (!this.isAvailable(command)) return false;
		const where = `command "${command.id}"`;
		const view = this.#app.workspace.getActiveViewOfType(MarkdownView);
		if (command.editorCheckCallback && view) {
			this.#app.queue.track(command.editorCheckCallback(false, view.editor, view as unknown as ObsMarkdownView), where);
		} else if (command.editorCallback && view) {
			this.#app.queue.track(command.editorCallback(view.editor, view as unknown as ObsMarkdownView), where);
		} else if (command.checkCallback) {
			this.#app.queue.track(command.checkCallback(false), where);
		} else if (command.callback) {
			this.#app.queue.track(command.callback(), where);
		}
		return true;
	}
}

/** What `registerCliHandler` registered for one command id. */
export interface CliRegistration {
	description: string;
	flags: Record<string, { value?: string; description: string; required?: boolean }> | null;
	handler: (params: Record<string, string>) => string | Promise<string>;
	pluginId: string;
}

export interface RibbonItem {
	icon: string;
	title: string;
	callback: (evt: MouseEvent) => unknown;
	el: HTMLElement;
	pluginId: string;
}

/** Apps created since the last `resetFakes()` (which closes their event queues). */
export const liveApps = new Set<App>();

export class App {
	readonly queue: EventQueue;
	vault: Vault;
	metadataCache: MetadataCache;
	fileManager: FileManager;
	workspace: Workspace;
	keymap = new Keymap();
	scope = new Scope();
	lastEvent: MouseEvent | KeyboardEvent | null = null;

	// Registries (fake-only names unless noted).
	/** Obsidian's `app.commands`. */
	readonly commands: Commands;
	/** Obsidian's `app.setting`, reduced to the plugin tabs. */
	readonly setting: { pluginTabs: PluginSettingTab[] } = { pluginTabs: [] };
	/** Obsidian's `app.plugins`, reduced: the plugins loaded by `loadPlugin`. */
	readonly plugins: { plugins: Record<string, Plugin>; getPlugin(id: string): Plugin | null } = {
		plugins: {},
		getPlugin(id: string): Plugin | null {
			return this.plugins[id] ?? null;
		},
	};
	readonly ribbonItems: RibbonItem[] = [];
	readonly markdownPostProcessors: MarkdownPostProcessor[] = [];
	readonly codeBlockProcessors: Record<string, (source: string, el: HTMLElement, ctx: unknown) => unknown> = {};
	readonly protocolHandlers: Record<string, (params: Record<string, string>) => unknown> = {};
	/** Obsidian CLI commands registered with `registerCliHandler` (run them with `runCliHandler`). */
	readonly cliHandlers: Record<string, CliRegistration> = {};
	/** Bases view types registered with `registerBasesView` (show one with `openBase`). */
	readonly basesViews: Record<string, BasesViewRegistration> = {};
	/** Whether the Bases core plugin is on (`registerBasesView` returns false when it is not). */
	basesEnabled = true;
	readonly editorExtensions: unknown[] = [];
	readonly editorSuggests: unknown[] = [];
	readonly extensions: Record<string, string> = {};
	/** What `SettingTab.getControlValue` reads by default (Obsidian: the vault config). */
	readonly config: Record<string, unknown> = {};
	readonly #localStorage = new Map<string, unknown>();
	#ribbonEl: HTMLElement | null = null;
	#statusBarEl: HTMLElement | null = null;

	/** An app over the vault folder `vaultPath` (scanned now; dot-folders skipped). */
	constructor(vaultPath: string, options: { configDir?: string } = {}) {
		this.queue = new EventQueue();
		this.vault = new Vault(vaultPath, { configDir: options.configDir, queue: this.queue });
		this.metadataCache = new MetadataCache(this.vault, this.queue);
		this.fileManager = new FileManager(this.vault, this.metadataCache);
		this.workspace = new Workspace(this);
		this.commands = new Commands(this);
		liveApps.add(this);
	}

	/** Fake-only: the left ribbon's element (ribbon icons go here). */
	get ribbonEl(): HTMLElement {
		requireDom("The ribbon");
		this.#ribbonEl ??= document.body.createDiv("side-dock-ribbon");
		return this.#ribbonEl;
	}

	/** Fake-only: the status bar's element. */
	get statusBarEl(): HTMLElement {
		requireDom("The status bar");
		this.#statusBarEl ??= document.body.appendChild(createDiv("status-bar"));
		return this.#statusBarEl;
	}

	isDarkMode(): boolean {
		return false;
	}

	loadLocalStorage(key: string): unknown {
		return this.#localStorage.has(key) ? this.#localStorage.get(key) : null;
	}

	saveLocalStorage(key: string, data: unknown): void {
		if (data === null || data === undefined) this.#localStorage.delete(key);
		else this.#localStorage.set(key, data);
	}

	/**
	 * Test helper: delivers what Obsidian does "later" (metadata `changed`/`resolved`/`deleted`, view
	 * closing ...) and lets the listeners' own async work finish. Await it after every action.
	 */
	settle(): Promise<void> {
		return this.queue.settle();
	}
}
