// Obsidian's Plugin: what the plugin registers goes into the App's registries and out on unload.
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import type { Command, PluginManifest } from "obsidian";
import type { App, CliRegistration } from "./app";
import type { BasesViewRegistration } from "./bases";
import { Component } from "./component";
import type { PluginSettingTab } from "./settings";
import { requireApiFor, requireApiVersion, setIcon } from "./util";
import type { ViewCreator } from "./workspace";

export abstract class Plugin extends Component {
	app: App;
	manifest: PluginManifest;

	constructor(app: App, manifest: PluginManifest) {
		super();
		this.app = app;
		this.manifest = manifest;
	}

	addRibbonIcon(icon: string, title: string, callback: (evt: MouseEvent) => unknown): HTMLElement {
		const el = this.app.ribbonEl.createDiv({ cls: "side-dock-ribbon-action clickable-icon", attr: { "aria-label": title } });
		setIcon(el, icon);
		el.addEventListener("click", (evt) => this.app.queue.track(callback(evt), `ribbon icon "${title}"`));
		this.register(() => el.detach());
		return el;
	}

	addStatusBarItem(): HTMLElement {
		const el = this.app.statusBarEl.createDiv(`status-bar-item plugin-${this.manifest.id}`);
		this.register(() => el.detach());
		return el;
	}

	/** Prefixes the id with `<plugin id>:` and the name with `<plugin name>: `, as Obsidian does. */
	addCommand(command: Command): Command {
		command.id = `${this.manifest.id}:${command.id}`;
		command.name = `${this.manifest.name}: ${command.name}`;
		this.app.commands.commands[command.id] = command;
		this.register(() => delete this.app.commands.commands[command.id]);
		return command;
	}

	addSettingTab(tab: PluginSettingTab): void {
		const tabs = this.app.setting.pluginTabs;
		tabs.push(tab);
		// update() and the definitions came with 1.13.0.
		if (requireApiVersion("1.13.0")) tab.update();
		this.register(() => {
			tab.hide();
			tabs.splice(tabs.indexOf(tab), 1);
		});
	}

	/** Unloading the plugin closes its leaves and unregisters the type. */
	registerView(type: string, creator: ViewCreator): void {
		const { workspace } = this.app;
		if (workspace.viewCreators.has(type)) throw new Error(`A view of type "${type}" is already registered`);
		workspace.viewCreators.set(type, creator);
		this.register(() => {
			workspace.detachLeavesOfType(type);
			workspace.viewCreators.delete(type);
		});
	}

	/** Since 1.10.0. False when Bases is off in the vault (`app.basesEnabled`). */
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
		if (this.app.cliHandlers[command]) throw new Error(`The CLI command "${command}" is already registered`);
		this.app.cliHandlers[command] = { description, flags, handler, pluginId: this.manifest.id };
		this.register(() => delete this.app.cliHandlers[command]);
	}

	/** `data.json` in the plugin's folder, parsed; null when there is none. */
	async loadData(): Promise<unknown> {
		const path = this.app.vault.diskPath(`${this.manifest.dir}/data.json`);
		return existsSync(path) ? (JSON.parse(readFileSync(path, "utf8")) as unknown) : null;
	}

	async saveData(data: unknown): Promise<void> {
		const dir = this.app.vault.diskPath(this.manifest.dir!);
		mkdirSync(dir, { recursive: true });
		writeFileSync(`${dir}/data.json`, JSON.stringify(data, null, 2));
	}
}
