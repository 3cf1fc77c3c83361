// @vitest-environment happy-dom
// The fake's behaviour the plugin's tests rely on: a vault over real bytes, metadata delivered
// later, Obsidian's component lifecycle, and tabs, views and API versions as Obsidian has them.
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it, vi } from "vitest";
import { openVault } from "./harness";
import {
	BasesView,
	Component,
	createEl,
	debounce,
	getSetting,
	isLoaded,
	ItemView,
	loadPlugin,
	openBase,
	openSettingTab,
	Plugin,
	PluginSettingTab,
	readPluginData,
	runCommand,
	setApiVersion,
	TFile,
	typeText,
	unloadPlugin,
	type App,
	type QueryController,
} from "./obsidian";

const fileOf = (app: App, path: string): TFile => app.vault.getFileByPath(path)!;

describe("the vault", () => {
	it("scans the folder, skipping dot-folders", () => {
		const { app } = openVault({ "Prospects/Acme.md": "# Acme\n", "logo.png": "png", ".obsidian/app.json": "{}" });
		expect(app.vault.getFiles().map((f) => f.path).sort()).toEqual(["Prospects/Acme.md", "logo.png"]);
		expect(app.vault.getMarkdownFiles().map((f) => f.path)).toEqual(["Prospects/Acme.md"]);
		const acme = fileOf(app, "Prospects/Acme.md");
		expect([acme.name, acme.basename, acme.extension, acme.parent?.path, acme.stat.size]).toEqual(["Acme.md", "Acme", "md", "Prospects", 7]);
	});

	it("process reads the bytes on disk and writes before it returns, only when the text changed", async () => {
		const { dir, app } = openVault({ "Note.md": "a\r\n" });
		const file = fileOf(app, "Note.md");
		const modify = vi.fn();
		app.vault.on("modify", modify);
		writeFileSync(join(dir, "Note.md"), "x\r\n"); // another program: process sees its bytes
		const first = app.vault.process(file, (text) => `${text}1\r\n`);
		const second = app.vault.process(file, (text) => `${text}2\r\n`);
		expect(readFileSync(join(dir, "Note.md"), "utf8")).toBe("x\r\n1\r\n2\r\n");
		await expect(first).resolves.toBe("x\r\n1\r\n");
		await expect(second).resolves.toBe("x\r\n1\r\n2\r\n");
		await app.vault.process(file, (text) => text);
		await expect(app.vault.process(file, () => undefined as unknown as string)).rejects.toThrow(TypeError);
		expect(modify).toHaveBeenCalledTimes(2);
		expect(file.stat.size).toBe(9);
	});

	it("create fails on a missing folder or an existing file; the tree and events follow every change", async () => {
		const { dir, app } = openVault({ "A.md": "a" });
		const events: string[] = [];
		for (const name of ["create", "modify", "delete"]) app.vault.on(name, (f: TFile) => events.push(`${name} ${f.path}`));
		app.vault.on("rename", (f: TFile, old: string) => events.push(`rename ${old} ${f.path}`));
		await expect(app.vault.create("C/B.md", "b")).rejects.toThrow(/ENOENT/);
		await expect(app.vault.create("A.md", "b")).rejects.toThrow(/exists/);
		await app.vault.createFolder("C/D");
		await app.vault.create("C/D/B.md", "b");
		app.vault.externalWrite("A.md", "changed");
		app.vault.externalWrite("E/F.md", "new");
		app.vault.externalRename("A.md", "C/A.md");
		await app.fileManager.trashFile(app.vault.getAbstractFileByPath("C")!);
		app.vault.externalDelete("E/F.md");
		expect(events).toEqual(["create C", "create C/D", "create C/D/B.md", "modify A.md", "create E", "create E/F.md", "rename A.md C/A.md", "delete C/D/B.md", "delete C/D", "delete C/A.md", "delete C", "delete E/F.md"]);
		expect(app.vault.getFiles().map((f) => f.path)).toEqual([]);
		expect([existsSync(join(dir, "C")), existsSync(join(dir, "E/F.md"))]).toEqual([false, false]);
	});
});

describe("the metadata cache", () => {
	it("reads frontmatter (dates stay strings; broken YAML: a position, no data) and the inline tags outside code", () => {
		const note = "---\nstatus: active\nnext: 2026-11-19\n---\n# Acme\nMet them #lead/warm, not #123 or `#code`.\n```\n#fenced\n```\n";
		const { app } = openVault({ "P/Acme.md": note, "Bad.md": "---\nstatus: [active\n---\n" });
		const cache = app.metadataCache.getFileCache(fileOf(app, "P/Acme.md"))!;
		expect(cache.frontmatter).toEqual({ status: "active", next: "2026-11-19" });
		expect(cache.tags?.map((t) => t.tag)).toEqual(["#lead/warm"]);
		const bad = app.metadataCache.getFileCache(fileOf(app, "Bad.md"))!;
		expect([bad.frontmatterPosition?.end.line, bad.frontmatter]).toEqual([2, undefined]);
		expect(app.metadataCache.getFirstLinkpathDest("acme", "")?.path).toBe("P/Acme.md");
	});

	it("parses a change later, as Obsidian does: `changed` comes at settle(), under fake timers too", async () => {
		const { app } = openVault({ "A.md": "old" });
		const file = fileOf(app, "A.md");
		const changed = vi.fn();
		app.metadataCache.on("changed", changed);
		vi.useFakeTimers();
		try {
			await app.vault.modify(file, "new #tag");
			await Promise.resolve();
			expect(changed).not.toHaveBeenCalled();
			expect(app.metadataCache.getFileCache(file)?.tags).toBeUndefined();
			await app.settle();
		} finally {
			vi.useRealTimers();
		}
		expect(changed).toHaveBeenCalledExactlyOnceWith(file, "new #tag", expect.objectContaining({ tags: [expect.objectContaining({ tag: "#tag" })] }));
	});
});

describe("Component", () => {
	it("loads children after itself; unloads them first, then what was registered, last first, then onunload", () => {
		const order: string[] = [];
		class Logged extends Component {
			constructor(readonly name: string) {
				super();
			}
			onload(): void {
				order.push(`load ${this.name}`);
				this.register(() => order.push(`release ${this.name}`));
			}
			onunload(): void {
				order.push(`onunload ${this.name}`);
			}
		}
		const { app } = openVault();
		const parent = new Logged("parent");
		parent.addChild(new Logged("early"));
		parent.load();
		const late = parent.addChild(new Logged("late"));
		parent.registerEvent(app.vault.on("modify", () => order.push("modify")));
		const clear = vi.spyOn(window, "clearInterval");
		const id = parent.registerInterval(window.setInterval(() => undefined, 60_000));
		expect(order).toEqual(["load parent", "load early", "load late"]);
		parent.unload();
		expect(order.slice(3)).toEqual(["release late", "onunload late", "release early", "onunload early", "release parent", "onunload parent"]);
		expect([isLoaded(late), app.vault.listenerCount("modify")]).toEqual([false, 0]);
		expect(clear).toHaveBeenCalledWith(id);
	});
});

describe("the DOM", () => {
	it("puts text in as text, never as HTML; toggle and a collapsed sidebar hide", async () => {
		const name = "<img src=x onerror=alert(1)>";
		const el = createEl("p", { text: name, cls: ["a", "b"], attr: { "data-x": 1 } });
		expect([el.textContent, el.querySelector("img"), el.className, el.getAttribute("data-x")]).toEqual([name, null, "a b", "1"]);
		const { app } = openVault();
		await loadPlugin(DemoPlugin, app);
		await runCommand(app, "open-demo");
		const view = app.workspace.getLeavesOfType(VIEW)[0].view as DemoView;
		expect(view.contentEl.isShown()).toBe(true);
		app.workspace.rightSplit.collapse();
		expect(view.contentEl.isShown()).toBe(false);
	});
});

const VIEW = "demo-view";
class DemoView extends ItemView {
	closed = false;
	getViewType(): string {
		return VIEW;
	}
	async onClose(): Promise<void> {
		this.closed = true;
	}
}

class CountView extends BasesView {
	type = "count";
	constructor(
		controller: QueryController,
		readonly el: HTMLElement,
	) {
		super(controller);
	}
	onDataUpdated(): void {
		this.el.setText(this.data.data.map((e) => e.file.path).join(","));
	}
}

class DemoPlugin extends Plugin {
	settings = { greeting: "hello" };
	onload(): void {
		this.registerView(VIEW, (leaf) => new DemoView(leaf));
		this.addCommand({ id: "open-demo", name: "Open demo", callback: () => this.app.workspace.getRightLeaf(false).setViewState({ type: VIEW }) });
		this.addSettingTab(new DemoTab(this.app, this));
		this.registerBasesView("count", { name: "Count", icon: "hash", factory: (c, el) => new CountView(c, el) });
	}
}

class DemoTab extends PluginSettingTab {
	plugin!: DemoPlugin;
	display(): void {
		this.containerEl.setText("Drawn by display()");
	}
	getSettingDefinitions() {
		return [{ type: "group" as const, heading: "Demo", items: [{ name: "Greeting", control: { type: "text" as const, key: "greeting", validate: (v: string) => (v.trim() === "" ? "Say something" : undefined) } }] }];
	}
	getControlValue(key: string): unknown {
		return (this.plugin.settings as Record<string, unknown>)[key];
	}
	async setControlValue(key: string, value: unknown): Promise<void> {
		this.plugin.settings = { ...this.plugin.settings, [key]: value };
		await this.plugin.saveData(this.plugin.settings);
	}
}

describe("plugins, views, settings and versions", () => {
	it("registers the view, commands and tab; unloading closes and removes them", async () => {
		const { app } = openVault();
		const plugin = await loadPlugin(DemoPlugin, app);
		expect(Object.keys(app.commands.commands)).toEqual(["touchbase:open-demo"]);
		await runCommand(app, "open-demo");
		const [leaf] = app.workspace.getLeavesOfType(VIEW);
		const view = leaf.view as DemoView;
		await unloadPlugin(plugin);
		expect([view.closed, app.workspace.getLeavesOfType(VIEW), app.commands.commands, app.setting.pluginTabs]).toEqual([true, [], {}, []]);
	});

	it("draws setting definitions a test types into: a value is set only when it is valid", async () => {
		const { app } = openVault();
		await loadPlugin(DemoPlugin, app);
		const tab = await openSettingTab(app);
		const row = getSetting(tab.containerEl, "Greeting");
		typeText(row.querySelector("input"), "  ");
		await app.settle();
		expect([row.querySelector(".setting-item-error")?.textContent, readPluginData(app)]).toEqual(["Say something", null]);
		typeText(row.querySelector("input"), "hi");
		await app.settle();
		expect([row.querySelector(".setting-item-error"), readPluginData(app)]).toEqual([null, { greeting: "hi" }]);
	});

	it("plays an older Obsidian: no Bases below 1.10, tabs drawn by display() below 1.13", async () => {
		setApiVersion("1.9.0");
		const { app } = openVault();
		await expect(loadPlugin(DemoPlugin, app)).rejects.toThrow(/registerBasesView is not a function/);
		setApiVersion("1.12.2");
		const tab = await openSettingTab(app);
		expect(tab.containerEl.textContent).toBe("Drawn by display()");
	});

	it("shows a Bases view over the files selected, and again after a change", async () => {
		const { app } = openVault({ "A.md": "a", "B.md": "b" });
		await loadPlugin(DemoPlugin, app);
		const base = openBase(app, "count", { select: (f) => f.path !== "B.md" });
		expect(base.containerEl.textContent).toBe("A.md");
		app.vault.externalWrite("C.md", "c");
		await app.settle();
		expect(base.containerEl.textContent).toBe("A.md,C.md");
		base.controller.setSelection(() => true);
		await app.settle();
		expect(base.containerEl.textContent).toBe("A.md,B.md,C.md");
	});
});

it("debounce: after the first call of a burst, or the last with resetTimer; cancel and run", () => {
	vi.useFakeTimers();
	try {
		const cb = vi.fn((n: number) => n * 2);
		const d = debounce(cb, 100, true);
		d(1);
		vi.advanceTimersByTime(60);
		d(2);
		vi.advanceTimersByTime(60);
		expect(cb).not.toHaveBeenCalled();
		vi.advanceTimersByTime(40);
		expect(cb).toHaveBeenCalledExactlyOnceWith(2);
		d(3);
		expect(d.run()).toBe(6);
		d(4).cancel();
		vi.advanceTimersByTime(200);
		expect(cb).toHaveBeenCalledTimes(2);
	} finally {
		vi.useRealTimers();
	}
});
