// @vitest-environment happy-dom
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it, vi } from "vitest";
import { makeVaultDir, openVault } from "./harness";
import {
	AbstractInputSuggest,
	App,
	ButtonComponent,
	childComponents,
	click,
	clickMenuItem,
	Component,
	createEl,
	debounce,
	DropdownComponent,
	ExtraButtonComponent,
	FuzzySuggestModal,
	getAllTags,
	getSetting,
	isLoaded,
	ItemView,
	lastMenu,
	lastModal,
	loadPlugin,
	MarkdownView,
	Menu,
	Modal,
	normalizePath,
	Notice,
	notices,
	openModals,
	openSettingTab,
	Plugin,
	PluginSettingTab,
	presetPluginData,
	readPluginData,
	registeredCount,
	runCommand,
	selectOption,
	Setting,
	TextAreaComponent,
	TextComponent,
	TFile,
	TFolder,
	ToggleComponent,
	typeText,
	unloadPlugin,
	type WorkspaceLeaf,
} from "./obsidian";

function fileOf(app: App, path: string): TFile {
	const file = app.vault.getFileByPath(path);
	if (!file) throw new Error(`no file ${path}`);
	return file;
}

describe("Vault over a real folder", () => {
	it("scans the folder, skipping dot-folders, and builds the tree", () => {
		const { app } = openVault({ "Prospects/Acme.md": "# Acme\n", "Inbox.md": "hi", ".obsidian/app.json": "{}", "Prospects/logo.png": "png" });
		expect(app.vault.getFiles().map((f) => f.path).sort()).toEqual(["Inbox.md", "Prospects/Acme.md", "Prospects/logo.png"]);
		expect(app.vault.getMarkdownFiles().map((f) => f.path).sort()).toEqual(["Inbox.md", "Prospects/Acme.md"]);
		const acme = fileOf(app, "Prospects/Acme.md");
		expect(acme).toBeInstanceOf(TFile);
		expect([acme.name, acme.basename, acme.extension, acme.parent?.path]).toEqual(["Acme.md", "Acme", "md", "Prospects"]);
		expect(acme.stat.size).toBe(7);
		const folder = app.vault.getFolderByPath("Prospects");
		expect(folder).toBeInstanceOf(TFolder);
		expect(folder?.children.map((c) => c.name).sort()).toEqual(["Acme.md", "logo.png"]);
		expect(app.vault.getRoot().isRoot()).toBe(true);
		expect(app.vault.getAbstractFileByPath("/")).toBe(app.vault.getRoot());
		expect(app.vault.getAbstractFileByPath(".obsidian/app.json")).toBeNull();
		expect(app.vault.configDir).toBe(".obsidian");
	});

	it("process is atomic: it reads the bytes on disk and writes before returning control", async () => {
		const { dir, app } = openVault({ "Note.md": "a\r\nb\r\n" });
		const file = fileOf(app, "Note.md");
		// Another program changed the file: process must see its bytes, not a stale copy.
		writeFileSync(join(dir, "Note.md"), "x\r\n");
		let ranInsideTheCall = false;
		const first = app.vault.process(file, (text) => {
			ranInsideTheCall = true;
			return `${text}1\r\n`;
		});
		expect(ranInsideTheCall).toBe(true);
		expect(readFileSync(join(dir, "Note.md"), "utf8")).toBe("x\r\n1\r\n");
		// A second edit started before the first is awaited still builds on it: nothing is lost.
		const second = app.vault.process(file, (text) => `${text}2\r\n`);
		await expect(first).resolves.toBe("x\r\n1\r\n");
		await expect(second).resolves.toBe("x\r\n1\r\n2\r\n");
		expect(readFileSync(join(dir, "Note.md"))).toEqual(Buffer.from("x\r\n1\r\n2\r\n"));
		expect(file.stat.size).toBe(9);
	});

	it("process rejects and writes nothing when the callback throws or returns a non-string", async () => {
		const { dir, app } = openVault({ "Note.md": "keep" });
		const file = fileOf(app, "Note.md");
		const modify = vi.fn();
		app.vault.on("modify", modify);
		await expect(
			app.vault.process(file, () => {
				throw new Error("refused");
			}),
		).rejects.toThrow("refused");
		await expect(app.vault.process(file, () => undefined as unknown as string)).rejects.toThrow(TypeError);
		expect(readFileSync(join(dir, "Note.md"), "utf8")).toBe("keep");
		expect(modify).not.toHaveBeenCalled();
	});

	it("create, createFolder, rename and delete keep disk, tree and events in step", async () => {
		const { dir, app } = openVault({ "A.md": "a" });
		const events: string[] = [];
		app.vault.on("create", (f) => events.push(`create ${f.path}`));
		app.vault.on("modify", (f) => events.push(`modify ${f.path}`));
		app.vault.on("delete", (f) => events.push(`delete ${f.path}`));
		app.vault.on("rename", (f, old) => events.push(`rename ${old} -> ${f.path}`));

		await expect(app.vault.create("Clients/B.md", "b")).rejects.toThrow(/ENOENT/);
		await app.vault.createFolder("Clients/2026");
		const b = await app.vault.create("Clients/2026/B.md", "b");
		await expect(app.vault.create("Clients/2026/B.md", "again")).rejects.toThrow("File already exists.");
		expect(readFileSync(join(dir, "Clients/2026/B.md"), "utf8")).toBe("b");
		await app.vault.modify(b, "bb");
		await app.vault.rename(app.vault.getFolderByPath("Clients")!, "Archive");
		expect(b.path).toBe("Archive/2026/B.md");
		expect(readFileSync(join(dir, "Archive/2026/B.md"), "utf8")).toBe("bb");
		expect(app.vault.getAbstractFileByPath("Clients")).toBeNull();
		await app.fileManager.trashFile(b);
		expect(app.vault.getFileByPath("Archive/2026/B.md")).toBeNull();
		expect(app.vault.trashed).toEqual(["Archive/2026/B.md"]);

		expect(events).toEqual([
			"create Clients",
			"create Clients/2026",
			"create Clients/2026/B.md",
			"modify Clients/2026/B.md",
			"rename Clients -> Archive",
			"rename Clients/2026 -> Archive/2026",
			"rename Clients/2026/B.md -> Archive/2026/B.md",
			"delete Archive/2026/B.md",
		]);
	});

	it("externalWrite and externalDelete simulate other programs and fire the same events", async () => {
		const { dir, app } = openVault({ "A.md": "a" });
		const seen: string[] = [];
		app.vault.on("create", (f) => seen.push(`create ${f.path}`));
		app.vault.on("modify", (f) => seen.push(`modify ${f.path}`));
		app.vault.on("delete", (f) => seen.push(`delete ${f.path}`));
		app.metadataCache.on("changed", (f, data) => seen.push(`changed ${f.path} ${JSON.stringify(data)}`));
		app.metadataCache.on("deleted", (f) => seen.push(`deleted ${f.path}`));

		app.vault.externalWrite("Synced/New.md", "#prospect");
		app.vault.externalWrite("A.md", "changed elsewhere");
		app.vault.externalDelete("A.md");
		expect(readFileSync(join(dir, "Synced/New.md"), "utf8")).toBe("#prospect");
		expect(seen).toEqual(["create Synced", "create Synced/New.md", "modify A.md", "delete A.md"]);
		await app.settle();
		expect(seen.slice(4)).toEqual(["deleted A.md", 'changed Synced/New.md "#prospect"']);
	});

	it("syncFromDisk notices files changed with fs directly", () => {
		const { dir, app } = openVault({ "A.md": "a" });
		const created = vi.fn();
		app.vault.on("create", created);
		writeFileSync(join(dir, "B.md"), "b");
		app.vault.syncFromDisk();
		expect(app.vault.getFileByPath("B.md")).not.toBeNull();
		expect(created).toHaveBeenCalledTimes(1);
	});
});

describe("MetadataCache", () => {
	const NOTE = [
		"---",
		"status: active",
		"next_follow_up: 2026-11-19",
		"tags: [prospect, hot]",
		"---",
		"# Harbor Roofing",
		"Met at the mixer #lead/warm, not #123.",
		"```",
		"#not-a-tag in code",
		"```",
		"## Follow-ups",
		"- 2026-11-10 call: quote → [[Pricing]]",
		"    - [x] 2026-11-12 email: sent `#nope`",
		"- [ ] 2026-11-27 call",
		"",
	].join("\n");

	it("parses frontmatter (dates stay strings), tags outside code, headings, lists and links", () => {
		const { app } = openVault({ "Prospects/Harbor.md": NOTE, "Pricing.md": "" });
		const file = fileOf(app, "Prospects/Harbor.md");
		const cache = app.metadataCache.getFileCache(file)!;
		expect(cache.frontmatter).toEqual({ status: "active", next_follow_up: "2026-11-19", tags: ["prospect", "hot"] });
		expect(cache.frontmatterPosition?.end.line).toBe(4);
		expect(cache.tags?.map((t) => t.tag)).toEqual(["#lead/warm"]);
		expect(cache.tags?.[0].position.start).toEqual({ line: 6, col: 17, offset: NOTE.indexOf("#lead") });
		expect(cache.headings?.map((h) => [h.level, h.heading])).toEqual([
			[1, "Harbor Roofing"],
			[2, "Follow-ups"],
		]);
		expect(cache.listItems?.map((l) => [l.position.start.line, l.parent, l.task])).toEqual([
			[11, -11, undefined],
			[12, 11, "x"],
			[13, -11, " "],
		]);
		expect(cache.links?.map((l) => l.link)).toEqual(["Pricing"]);
		expect(getAllTags(cache)).toEqual(["#prospect", "#hot", "#lead/warm"]);
		expect(app.metadataCache.getFirstLinkpathDest("Pricing", file.path)?.path).toBe("Pricing.md");
		expect(app.metadataCache.getFirstLinkpathDest("Harbor", "Pricing.md")?.path).toBe("Prospects/Harbor.md");
		expect(app.metadataCache.resolvedLinks["Prospects/Harbor.md"]).toEqual({ "Pricing.md": 1 });
	});

	it("broken YAML gives frontmatterPosition but no frontmatter", () => {
		const { app } = openVault({ "Bad.md": "---\nstatus: [active\n---\nbody\n" });
		const cache = app.metadataCache.getFileCache(fileOf(app, "Bad.md"))!;
		expect(cache.frontmatterPosition).toBeDefined();
		expect(cache.frontmatter).toBeUndefined();
	});

	it("fires changed (file, data, cache) after a write, asynchronously, then resolved", async () => {
		const { app } = openVault({ "A.md": "old" });
		const file = fileOf(app, "A.md");
		const calls: unknown[][] = [];
		app.metadataCache.on("changed", (f, data, cache) => calls.push(["changed", f, data, cache.tags?.map((t) => t.tag)]));
		app.metadataCache.on("resolved", () => calls.push(["resolved"]));
		await app.vault.modify(file, "new #tag");
		expect(calls).toEqual([]);
		// Until then the cache is the old parse, as in Obsidian.
		expect(app.metadataCache.getFileCache(file)?.tags).toBeUndefined();
		await app.settle();
		expect(calls).toEqual([["changed", file, "new #tag", ["#tag"]], ["resolved"]]);
		expect(app.metadataCache.getFileCache(file)?.tags?.[0].tag).toBe("#tag");
	});
});

describe("FileManager.processFrontMatter", () => {
	it("rewrites the YAML block, keeping CRLF line endings and the body byte for byte", async () => {
		const body = "## Follow-ups\r\n- 2026-11-10 call: hi\r\n";
		const { dir, app } = openVault({ "P.md": `---\r\nstatus: lead\r\ncompany: Acme\r\n---\r\n${body}` });
		await app.fileManager.processFrontMatter(fileOf(app, "P.md"), (fm) => {
			fm.status = "active";
			fm.next_follow_up = "2026-11-19";
			delete fm.company;
		});
		expect(readFileSync(join(dir, "P.md"), "utf8")).toBe(`---\r\nstatus: active\r\nnext_follow_up: 2026-11-19\r\n---\r\n${body}`);
	});

	it("creates a block when there is none", async () => {
		const { dir, app } = openVault({ "P.md": "body\n" });
		await app.fileManager.processFrontMatter(fileOf(app, "P.md"), (fm) => {
			fm.tags = ["prospect"];
		});
		expect(readFileSync(join(dir, "P.md"), "utf8")).toBe("---\ntags:\n  - prospect\n---\nbody\n");
	});

	it("throws on broken YAML and leaves the file alone", async () => {
		const text = "---\nstatus: [lead\n---\nbody\n";
		const { dir, app } = openVault({ "P.md": text });
		const fn = vi.fn();
		await expect(app.fileManager.processFrontMatter(fileOf(app, "P.md"), fn)).rejects.toThrow();
		expect(fn).not.toHaveBeenCalled();
		expect(readFileSync(join(dir, "P.md"), "utf8")).toBe(text);
	});
});

describe("Component", () => {
	it("releases events, intervals, DOM listeners and callbacks on unload", async () => {
		const { app } = openVault({ "A.md": "a" });
		const component = new Component();
		const onModify = vi.fn();
		const onChanged = vi.fn();
		const onClick = vi.fn();
		const cleanup = vi.fn();
		const clearSpy = vi.spyOn(window, "clearInterval");
		const button = document.body.createEl("button");
		component.load();
		component.registerEvent(app.vault.on("modify", onModify));
		component.registerEvent(app.metadataCache.on("changed", onChanged));
		component.registerEvent(app.workspace.on("file-open", () => undefined));
		component.registerDomEvent(button, "click", onClick);
		const id = component.registerInterval(window.setInterval(() => undefined, 60_000));
		component.register(cleanup);
		expect(registeredCount(component)).toBe(6);

		await app.vault.modify(fileOf(app, "A.md"), "b");
		await app.settle();
		button.click();
		expect([onModify.mock.calls.length, onChanged.mock.calls.length, onClick.mock.calls.length]).toEqual([1, 1, 1]);

		component.unload();
		expect(isLoaded(component)).toBe(false);
		expect(app.vault.listenerCount()).toBe(0);
		expect(app.metadataCache.listenerCount()).toBe(0);
		expect(app.workspace.listenerCount("file-open")).toBe(0);
		expect(clearSpy).toHaveBeenCalledWith(id);
		expect(cleanup).toHaveBeenCalledTimes(1);
		await app.vault.modify(fileOf(app, "A.md"), "c");
		await app.settle();
		button.click();
		expect([onModify.mock.calls.length, onChanged.mock.calls.length, onClick.mock.calls.length]).toEqual([1, 1, 1]);
		clearSpy.mockRestore();
	});

	it("loads and unloads children with the parent", () => {
		const parent = new Component();
		const child = parent.addChild(new Component());
		expect(isLoaded(child)).toBe(false);
		parent.load();
		expect(isLoaded(child)).toBe(true);
		parent.unload();
		expect(isLoaded(child)).toBe(false);
	});

	it("loads a child added to a loaded parent at once (as in a plugin's onload), and unloads in Obsidian's order", () => {
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
		const parent = new Logged("parent");
		const early = parent.addChild(new Logged("early"));
		parent.load();
		const late = parent.addChild(new Logged("late"));
		expect(isLoaded(late)).toBe(true);
		parent.register(() => order.push("release parent 2"));
		expect(order).toEqual(["load parent", "load early", "load late"]);
		order.length = 0;
		parent.unload();
		// Children first, then the parent's callbacks, both last first, then onunload.
		expect(order).toEqual(["release late", "onunload late", "release early", "onunload early", "release parent 2", "release parent", "onunload parent"]);
		expect(isLoaded(early)).toBe(false);
		expect(childComponents(parent)).toEqual([]);

		const removed = new Component();
		parent.load();
		parent.addChild(removed);
		expect(parent.removeChild(removed)).toBe(removed);
		expect(isLoaded(removed)).toBe(false);
		expect(childComponents(parent)).toEqual([]);
	});
});

describe("DOM helpers", () => {
	it("createEl sets text as text, never as HTML", () => {
		const name = "<img src=x onerror=alert(1)>";
		const parent = createEl("section");
		const el = parent.createEl("p", { text: name, cls: ["a", "b"], attr: { "data-x": 1, hidden: null } });
		expect(el.textContent).toBe(name);
		expect(el.querySelector("img")).toBeNull();
		expect(parent.querySelector("img")).toBeNull();
		expect(el.className).toBe("a b");
		expect(el.getAttribute("data-x")).toBe("1");
		el.setText(name);
		expect(el.childElementCount).toBe(0);
		expect(parent.createDiv({ text: name, prepend: true })).toBe(parent.firstChild);
	});

	it("has Obsidian's element helpers", () => {
		const el = document.body.createDiv("x");
		el.addClass("y", "z");
		el.toggleClass("z", false);
		expect(el.hasClass("y") && !el.hasClass("z")).toBe(true);
		el.createSpan({ text: "one" });
		el.appendText(" two");
		expect(el.getText()).toBe("one two");
		expect(el.isShown()).toBe(true);
		el.hide();
		expect(el.isShown()).toBe(false);
		el.show();
		el.empty();
		expect(el.childNodes.length).toBe(0);
		el.detach();
		expect(el.isConnected).toBe(false);
		expect(createFragment((f) => f.createSpan({ text: "in a fragment" })).textContent).toBe("in a fragment");
		expect(activeDocument).toBe(document);
	});
});

describe("Notice, Modal and Menu registries", () => {
	it("records every notice message", () => {
		const notice = new Notice("Saved");
		notice.setMessage("Saved twice");
		expect(notices).toEqual(["Saved", "Saved twice"]);
		expect(notice.noticeEl.textContent).toBe("Saved twice");
		notice.hide();
		expect(notice.hidden).toBe(true);
	});

	it("keeps the open modals so a test can find and drive them", () => {
		const { app } = openVault();
		const closed = vi.fn();
		class NameModal extends Modal {
			name = "";
			onOpen(): void {
				this.setTitle("Name");
				new Setting(this.contentEl).setName("Name").addText((t) => t.onChange((v) => (this.name = v)));
				new Setting(this.contentEl).addButton((b) => b.setButtonText("Save").onClick(() => this.close()));
			}
			onClose(): void {
				closed(this.name);
			}
		}
		new NameModal(app).open();
		const modal = lastModal(NameModal);
		expect(modal).toBeDefined();
		expect(openModals).toEqual([modal]);
		expect(modal!.titleEl.textContent).toBe("Name");
		typeText(getSetting(modal!.contentEl, "Name").querySelector("input"), "Dana");
		click(modal!.contentEl.querySelector("button"));
		expect(openModals).toEqual([]);
		expect(closed).toHaveBeenCalledWith("Dana");
		expect(modal!.containerEl.isConnected).toBe(false);
	});

	it("keeps the last menu shown so a test can click an item by title", async () => {
		const snoozed = vi.fn();
		new Menu()
			.addItem((item) => item.setTitle("Snooze 1 day").setIcon("alarm-clock").onClick(() => snoozed(1)))
			.addSeparator()
			.addItem((item) => item.setTitle("Snooze 1 week").onClick(() => snoozed(7)))
			.showAtMouseEvent(new MouseEvent("click", { clientX: 5, clientY: 6 }));
		expect(lastMenu()?.titles()).toEqual(["Snooze 1 day", "Snooze 1 week"]);
		expect(lastMenu()?.position).toEqual({ x: 5, y: 6 });
		await clickMenuItem("Snooze 1 week");
		expect(snoozed).toHaveBeenCalledWith(7);
		expect(lastMenu()?.shown).toBe(false);
		await expect(clickMenuItem("Nope")).rejects.toThrow(/No menu item "Nope".*"Snooze 1 day"/);
	});
});

describe("Suggesters", () => {
	it("FuzzySuggestModal filters as the query is typed and chooses an item", async () => {
		const { app } = openVault();
		const chosen = vi.fn();
		class ChannelModal extends FuzzySuggestModal<string> {
			getItems(): string[] {
				return ["call", "email", "linkedin"];
			}
			getItemText(item: string): string {
				return item;
			}
			onChooseItem(item: string): void {
				chosen(item);
			}
		}
		const modal = new ChannelModal(app);
		modal.open();
		await app.settle();
		expect(modal.resultContainerEl.findAll(".suggestion-item").map((el) => el.textContent)).toEqual(["call", "email", "linkedin"]);
		expect((await modal.typeQuery("em")).map((m) => m.item)).toEqual(["email"]);
		modal.choose(0);
		expect(chosen).toHaveBeenCalledWith("email");
		expect(modal.isOpen).toBe(false);
	});

	it("AbstractInputSuggest suggests on input and reports the selection", async () => {
		const { app } = openVault({ "Prospects/Acme.md": "", "Prospects/Harbor.md": "", "Inbox.md": "" });
		const input = document.body.createEl("input");
		class NoteSuggest extends AbstractInputSuggest<string> {
			protected getSuggestions(query: string): string[] {
				return app.vault
					.getMarkdownFiles()
					.map((f) => f.path)
					.filter((p) => p.toLowerCase().includes(query.toLowerCase()))
					.sort();
			}
			renderSuggestion(value: string, el: HTMLElement): void {
				el.setText(value);
			}
		}
		const picked = vi.fn();
		new NoteSuggest(app, input).onSelect(picked);
		typeText(input, "prosp");
		await app.settle();
		const items = document.querySelectorAll<HTMLElement>(".suggestion-container .suggestion-item");
		expect(Array.from(items, (el) => el.textContent)).toEqual(["Prospects/Acme.md", "Prospects/Harbor.md"]);
		click(items[1]);
		expect(picked.mock.calls[0][0]).toBe("Prospects/Harbor.md");
	});
});

describe("Setting components", () => {
	it("fire onChange when a test types, clicks or picks, not on setValue", () => {
		const container = document.body.createDiv();
		const changes: unknown[] = [];
		let text!: TextComponent;
		let area!: TextAreaComponent;
		let toggle!: ToggleComponent;
		let dropdown!: DropdownComponent;
		let button!: ButtonComponent;
		let extra!: ExtraButtonComponent;
		const setting = new Setting(container)
			.setName("Channel")
			.setDesc("How to reach them")
			.addText((t) => (text = t.setPlaceholder("Type").setValue("call").onChange((v) => changes.push(["text", v]))))
			.addTextArea((t) => (area = t.onChange((v) => changes.push(["area", v]))))
			.addToggle((t) => (toggle = t.setValue(false).onChange((v) => changes.push(["toggle", v]))))
			.addDropdown((d) => (dropdown = d.addOptions({ call: "Call", email: "Email" }).setValue("call").onChange((v) => changes.push(["dropdown", v]))))
			.addButton((b) => (button = b.setButtonText("Go").setCta().onClick(() => changes.push(["button"]))))
			.addExtraButton((b) => (extra = b.setIcon("trash").setTooltip("Delete").onClick(() => changes.push(["extra"]))));
		expect(changes).toEqual([]);
		expect(getSetting(container, "Channel")).toBe(setting.settingEl);
		expect(setting.descEl.textContent).toBe("How to reach them");
		expect(text.inputEl.placeholder).toBe("Type");

		typeText(text.inputEl, "email");
		typeText(area.inputEl, "line 1\nline 2");
		click(toggle.toggleEl);
		selectOption(dropdown.selectEl, "email");
		click(button.buttonEl);
		click(extra.extraSettingsEl);
		expect(changes).toEqual([["text", "email"], ["area", "line 1\nline 2"], ["toggle", true], ["dropdown", "email"], ["button"], ["extra"]]);
		expect(toggle.getValue()).toBe(true);
		expect(button.buttonEl.hasClass("mod-cta")).toBe(true);
		expect(extra.extraSettingsEl.getAttribute("aria-label")).toBe("Delete");

		setting.setDisabled(true);
		click(button.buttonEl);
		click(toggle.toggleEl);
		expect(changes).toHaveLength(6);
	});
});

describe("Workspace and views", () => {
	const VIEW = "demo-view";
	class DemoView extends ItemView {
		closed = false;
		getViewType(): string {
			return VIEW;
		}
		getDisplayText(): string {
			return "Demo";
		}
		async onOpen(): Promise<void> {
			this.contentEl.createDiv({ cls: "demo", text: "Hello" });
		}
		async onClose(): Promise<void> {
			this.closed = true;
		}
	}

	class DemoPlugin extends Plugin {
		opened: string[] = [];
		async onload(): Promise<void> {
			this.settings = (await this.loadData()) ?? { greeting: "hi" };
			this.registerView(VIEW, (leaf) => new DemoView(leaf));
			this.addCommand({ id: "open-demo", name: "Open demo", callback: () => this.openDemo() });
			this.addCommand({ id: "needs-note", name: "Needs a note", checkCallback: (checking) => !!this.app.workspace.getActiveFile() && (checking || !!this.opened.push("checked")) });
			this.addCommand({ id: "insert", name: "Insert", editorCallback: (editor) => editor.replaceSelection("!") });
			this.addSettingTab(new DemoSettingTab(this.app, this));
		}
		async openDemo(): Promise<void> {
			const leaf = this.app.workspace.getRightLeaf(false)!;
			await leaf.setViewState({ type: VIEW, active: true });
			await this.app.workspace.revealLeaf(leaf);
			this.opened.push("demo");
		}
	}

	class DemoSettingTab extends PluginSettingTab {
		// Before 1.13 Obsidian calls display(); the fake, like 1.13, renders the definitions instead.
		display(): void {
			this.containerEl.setText("Needs Obsidian 1.13");
		}

		getSettingDefinitions() {
			return [{ name: "Greeting", desc: "What to say", control: { type: "text" as const, key: "greeting", validate: (v: string) => (v.trim() === "" ? "Say something" : undefined) } }];
		}
	}

	it("registerView + setViewState build the view (header and content), onOpen, and detach closes it", async () => {
		const { app } = openVault({ "A.md": "a" });
		const plugin = await loadPlugin(DemoPlugin, app);
		expect(await runCommand(app, "open-demo")).toBe(true);
		const [leaf] = app.workspace.getLeavesOfType(VIEW) as [WorkspaceLeaf];
		const view = leaf.view as DemoView;
		expect(view).toBeInstanceOf(DemoView);
		expect(view.containerEl.children[0].hasClass("view-header")).toBe(true);
		expect(view.containerEl.children[1]).toBe(view.contentEl);
		expect(document.querySelector(".demo")?.textContent).toBe("Hello");
		expect(view.contentEl.isShown()).toBe(true);
		expect(leaf.revealed).toBe(true);
		expect(app.workspace.activeLeaf).toBe(leaf);
		expect(plugin.opened).toEqual(["demo"]);

		await unloadPlugin(plugin);
		expect(view.closed).toBe(true);
		expect(app.workspace.getLeavesOfType(VIEW)).toEqual([]);
		expect(app.commands.listCommands()).toEqual([]);
	});

	it("runs commands: checkCallback and editorCallback need an active note", async () => {
		const { dir, app } = openVault({ "A.md": "ab" });
		const plugin = await loadPlugin(DemoPlugin, app);
		expect(await runCommand(app, "needs-note")).toBe(false);
		expect(await runCommand(app, "touchbase:insert")).toBe(false);
		const view = await app.workspace.setActiveFile(fileOf(app, "A.md"));
		expect(app.workspace.getActiveViewOfType(MarkdownView)).toBe(view);
		view.editor.setCursor(0, 1);
		expect(await runCommand(app, "insert")).toBe(true);
		expect(readFileSync(join(dir, "A.md"), "utf8")).toBe("a!b");
		expect(await runCommand(app, "needs-note")).toBe(true);
		expect(plugin.opened).toEqual(["checked"]);
		await expect(runCommand(app, "nope")).rejects.toThrow(/No command "nope"/);
	});

	it("keeps settings in data.json and renders setting definitions a test can type into", async () => {
		const { app } = openVault();
		presetPluginData(app, { greeting: "hello" });
		const plugin = await loadPlugin(DemoPlugin, app);
		expect(plugin.settings).toEqual({ greeting: "hello" });
		const tab = await openSettingTab(app);
		const row = getSetting(tab.containerEl, "Greeting");
		const input = row.querySelector("input")!;
		expect(input.value).toBe("hello");
		typeText(input, "   ");
		await app.settle();
		expect(row.querySelector(".setting-item-error")?.textContent).toBe("Say something");
		expect(readPluginData(app)).toEqual({ greeting: "hello" });
		typeText(input, "welcome");
		await app.settle();
		expect(row.querySelector(".setting-item-error")).toBeNull();
		expect(readPluginData(app)).toEqual({ greeting: "welcome" });
	});

	it("onLayoutReady waits for the layout; startup fires create for existing files first", async () => {
		const { app } = openVault({ "A.md": "a", "F/B.md": "b" });
		const order: string[] = [];
		class StartupPlugin extends Plugin {
			onload(): void {
				this.registerEvent(this.app.vault.on("create", (f) => order.push(`create ${f.path}`)));
				this.app.workspace.onLayoutReady(() => order.push("layout ready"));
			}
		}
		await loadPlugin(StartupPlugin, app, { startup: true });
		expect(order).toEqual(["create A.md", "create F", "create F/B.md", "layout ready"]);
		const late = vi.fn();
		app.workspace.onLayoutReady(late);
		expect(late).toHaveBeenCalledTimes(1);
	});
});

describe("Functions", () => {
	it("normalizePath", () => {
		expect(normalizePath("//Prospects\\Acme.md/")).toBe("Prospects/Acme.md");
		expect(normalizePath("")).toBe("/");
	});

	it("settle() delivers queued events under fake timers too", async () => {
		const { app } = openVault({ "A.md": "a" });
		vi.useFakeTimers();
		try {
			const changed = vi.fn();
			app.metadataCache.on("changed", changed);
			await app.vault.modify(fileOf(app, "A.md"), "b");
			await Promise.resolve();
			expect(changed).not.toHaveBeenCalled();
			await app.settle();
			expect(changed).toHaveBeenCalledTimes(1);
		} finally {
			vi.useRealTimers();
		}
	});

	it("debounce: cancel, run and resetTimer", () => {
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

	it("an App works on any folder, and makeVaultDir writes the files given", () => {
		const dir = makeVaultDir({ "a/b.md": "x" });
		expect(new App(dir).vault.getFileByPath("a/b.md")?.stat.size).toBe(1);
	});
});
