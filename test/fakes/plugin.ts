// Obsidian's Plugin: commands, ribbon and status bar items, setting tabs, views, data.json.
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import type { Command, PluginManifest } from "obsidian";
import type { App } from "./app";
import { Component } from "./component";
import { requireDom } from "./dom";
import type { PluginSettingTab } from "./settings";
import type { BasesViewRegistration } from "./bases";
import type { CliRegistration } from "./app";
import { requireApiFor, requireApiVersion, setIcon, setTooltip } from "./util";
import type { ViewCreator } from "./workspace";

export type { Command, PluginManifest };

export type MarkdownPostProcessor = ((el: HTMLElement, ctx: unknown) => Promise<unknown> | void) & { sortOrder?: number };

/** Vault path of a plugin's folder: `manifest.dir`, else `.obsidian/plugins/<id>`. */
export function pluginDirOf(app: App, manifest: PluginManifest): string {
	return manifest.dir ?? `${app.vault.configDir}/plugins/${manifest.id}`;
}

function removeFrom<T>(list: T[], item: T): void {
	const i = list.indexOf(item);
	if (i >= 0) list.splice(i, 1);
}

export abstract class Plugin extends Component {
	app: App;
	manifest: PluginManifest;
	settings?: unknown;

	constructor(app: App, manifest: PluginManifest) {
		super();
		this.app = app;
		this.manifest = manifest;
	}

	addRibbonIcon(icon: string, title: string, callback: (evt: MouseEvent) => unknown): HTMLElement {
		requireDom("addRibbonIcon");
		const el = this.app.ribbonEl.createDiv({ cls: "side-dock-ribbon-action clickable-icon", attr: { "aria-label": title } });
		setIcon(el, icon);
		setTooltip(el, title);
		el.addEventListener("click", (evt) => this.app.queue.track(callback(evt), `ribbon icon "${title}"`));
		const entry = { icon, title, callback, el, pluginId: this.manifest.id };
		this.app.ribbonItems.push(entry);
		this.register(() => {
			el.detach();
			removeFrom(this.app.ribbonItems, entry);
		});
		return el;
	}

	addStatusBarItem(): HTMLElement {
		requireDom("addStatusBarItem");
		const el = this.app.statusBarEl.createDiv(`status-bar-item plugin-${this.manifest.id}`);
		this.register(() => el.detach());
		return el;
	}

	/** Like Obsidian, prefixes the command's id with `<plugin id>:` and its name with `<plugin name>: `. */
	addCommand(command: Command): Command {
		command.id = `${this.manifest.id}:${command.id}`;
		command.name = `${this.manifest.name}: ${command.name}`;
		this.app.commands.addCommand(command);
		this.register(() => this.app.commands.removeCommand(command.id));
		return command;
	}

	removeCommand(commandId: string): void {
		this.app.commands.removeCommand(`${this.manifest.id}:${commandId}`);
	}

	addSettingTab(settingTab: PluginSettingTab): void {
		this.app.setting.pluginTabs.push(settingTab);
		// update() and the definitions came with 1.13.0.
		if (requireApiVersion("1.13.0")) settingTab.update();
		this.register(() => {
			settingTab.hide();
			removeFrom(this.app.setting.pluginTabs, settingTab);
		});
	}

	/** Registers the view type; unloading the plugin closes its leaves and unregisters it. */
	registerView(type: string, viewCreator: ViewCreator): void {
		this.app.workspace.registerViewType(type, viewCreator);
		this.register(() => {
			this.app.workspace.detachLeavesOfType(type);
			this.app.workspace.unregisterViewType(type);
		});
	}

	registerExtensions(extensions: string[], viewType: string): void {
		for (const ext of extensions) this.app.extensions[ext] = viewType;
		this.register(() => {
			for (const ext of extensions) delete this.app.extensions[ext];
		});
	}

	registerHoverLinkSource(_id: string, _info: unknown): void {}

	registerMarkdownPostProcessor(postProcessor: MarkdownPostProcessor, sortOrder?: number): MarkdownPostProcessor {
		if (sortOrder !== undefined) postProcessor.sortOrder = sortOrder;
		this.app.markdownPostProcessors.push(postProcessor);
		this.register(() => removeFrom(this.app.markdownPostProcessors, postProcessor));
		return postProcessor;
	}

	registerMarkdownCodeBlockProcessor(language: string, handler: (source: string, el: HTMLElement, ctx: unknown) => Promise<unknown> | void, sortOrder?: number): MarkdownPostProcessor {
		this.app.codeBlockProcessors[language] = handler;
		this.register(() => delete this.app.codeBlockProcessors[language]);
		const pp: MarkdownPostProcessor = () => undefined;
		if (sortOrder !== undefined) pp.sortOrder = sortOrder;
		return pp;
	}

	registerEditorExtension(extension: unknown): void {
		this.app.editorExtensions.push(extension);
		this.register(() => removeFrom(this.app.editorExtensions, extension));
	}

	registerObsidianProtocolHandler(action: string, handler: (params: Record<string, string>) => unknown): void {
		this.app.protocolHandlers[action] = handler;
		this.register(() => delete this.app.protocolHandlers[action]);
	}

	registerEditorSuggest(editorSuggest: unknown): void {
		this.app.editorSuggests.push(editorSuggest);
		this.register(() => removeFrom(this.app.editorSuggests, editorSuggest));
	}

	/** Since 1.10.0. False when Bases is off in the vault (`app.basesEnabled`); unloading unregisters it. */
	registerBasesView(viewId: string, registration: BasesViewRegistration): boolean {
		requireApiFor("registerBasesView", "1.10.0");
		if (!this.app.basesEnabled) return false;
		if (this.app.basesViews[viewId]) throw new Error(`A Bases view type "${viewId}" is already registered`);
		this.app.basesViews[viewId] = registration;
		this.register(() => delete this.app.basesViews[viewId]);
		return true;
	}

	/** Since 1.12.2. Command ids are global: registering one twice throws, as Obsidian documents. */
	registerCliHandler(command: string, description: string, flags: CliRegistration["flags"], handler: CliRegistration["handler"]): void {
		requireApiFor("registerCliHandler", "1.12.2");
		if (!/^[A-Za-z0-9:_-]+$/.test(command)) throw new Error(`CLI command ids are letters and digits without spaces, not "${command}"`);
		if (this.app.cliHandlers[command]) throw new Error(`The CLI command "${command}" is already registered`);
		this.app.cliHandlers[command] = { description, flags, handler, pluginId: this.manifest.id };
		this.register(() => delete this.app.cliHandlers[command]);
	}

	/** `data.json` in the plugin folder, parsed; null when there is none. */
	async loadData(): Promise<unknown> {
		const disk = this.app.vault.diskPath(`${pluginDirOf(this.app, this.manifest)}/data.json`);
		if (!existsSync(disk)) return null;
		return JSON.parse(readFileSync(disk, "utf8")) as unknown;
	}

	/** Writes `data.json` in the plugin folder, indented by two spaces as Obsidian does. */
	async saveData(data: unknown): Promise<void> {
		const dir = this.app.vault.diskPath(pluginDirOf(this.app, this.manifest));
		mkdirSync(dir, { recursive: true });
		writeFileSync(`${dir}/data.json`, JSON.stringify(data, null, 2));
	}

	onUserEnable(): void {}
}
