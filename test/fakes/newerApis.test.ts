// @vitest-environment happy-dom
// The fake's models of Obsidian's newer APIs, as obsidian.d.ts 1.13.1 types them: the Obsidian CLI
// (registerCliHandler, 1.12.2), Bases (registerBasesView, BasesView, QueryController, 1.10), and
// older versions through setApiVersion.
import type { CliData } from "obsidian";
import { describe, expect, it } from "vitest";
import { openVault } from "./harness";
import {
	BasesView,
	ListValue,
	loadPlugin,
	NullValue,
	NumberValue,
	openBase,
	openSettingTab,
	parsePropertyId,
	Plugin,
	PluginSettingTab,
	requireApiVersion,
	runCliHandler,
	setApiVersion,
	StringValue,
	type QueryController,
} from "./obsidian";

class CliPlugin extends Plugin {
	onload(): void {
		this.registerCliHandler("demo", "Says hello", { name: { value: "<name>", description: "Who", required: true } }, (params: CliData) => `hello ${params.name}\n`);
	}
}

class CountView extends BasesView {
	type = "count";
	updates = 0;
	constructor(controller: QueryController, readonly el: HTMLElement) {
		super(controller);
	}
	onDataUpdated(): void {
		this.updates++;
		this.el.setText(this.data.data.map((e) => e.file.path).join(","));
	}
}

class BasesPlugin extends Plugin {
	registered = false;
	onload(): void {
		this.registered = this.registerBasesView("count", { name: "Count", icon: "hash", factory: (c, el) => new CountView(c, el) });
	}
}

describe("registerCliHandler", () => {
	it("registers a command that runCliHandler runs with key=value params; unloading removes it", async () => {
		const { app } = openVault();
		const plugin = await loadPlugin(CliPlugin, app);
		expect(app.cliHandlers.demo).toMatchObject({ description: "Says hello", pluginId: plugin.manifest.id });
		expect(await runCliHandler(app, "demo", { name: "Dana" })).toBe("hello Dana\n");
		await expect(runCliHandler(app, "demo")).rejects.toThrow(/needs name=/);
		await expect(runCliHandler(app, "nope")).rejects.toThrow(/No CLI command "nope"/);
		plugin.unload();
		expect(app.cliHandlers).toEqual({});
	});

	it("throws for a command id registered twice, as Obsidian documents", async () => {
		const { app } = openVault();
		const plugin = await loadPlugin(CliPlugin, app);
		expect(() => plugin.registerCliHandler("demo", "again", null, () => "")).toThrow(/already registered/);
	});
});

describe("Bases", () => {
	it("parses property ids and wraps values", () => {
		expect(parsePropertyId("note.next_follow_up")).toEqual({ type: "note", name: "next_follow_up" });
		expect(parsePropertyId("file.name")).toEqual({ type: "file", name: "name" });
		expect(new ListValue(["a", 2]).toString()).toBe("a, 2");
		expect(NullValue.value.isTruthy()).toBe(false);
		expect(new NumberValue(0).isTruthy()).toBe(false);
		expect(new StringValue("x").equals(new StringValue("x"))).toBe(true);
	});

	it("a registered view gets the query's entries, grouped, and new ones after an edit", async () => {
		const { app } = openVault({ "A.md": "---\nstatus: lead\n---\n", "B.md": "---\nstatus: won\n---\n", "C.md": "---\nstatus: lead\n---\n" });
		const plugin = await loadPlugin(BasesPlugin, app);
		expect(plugin.registered).toBe(true);
		const base = openBase(app, "count", { select: (f) => f.path !== "C.md", view: { groupBy: { property: "status" }, order: ["file.name", "note.status"] } });
		const view = base.view as CountView;
		expect(view.updates).toBe(1);
		expect(base.containerEl.textContent).toBe("A.md,B.md");
		expect(view.data.groupedData.map((g) => [g.key?.toString(), g.entries.length])).toEqual([["lead", 1], ["won", 1]]);
		expect(view.data.properties).toEqual(["file.name", "note.status"]);
		expect(view.config.getOrder()).toEqual(["file.name", "note.status"]);
		expect(view.data.data[0].getValue("note.status")?.toString()).toBe("lead");
		expect(view.data.data[0].getValue("file.name")?.toString()).toBe("A.md");
		const first = view.data.data[0];
		await app.vault.modify(app.vault.getFileByPath("A.md")!, "---\nstatus: won\n---\n");
		await app.settle();
		expect(view.updates).toBe(2);
		expect(view.data.data[0]).not.toBe(first);
		expect(view.data.groupedData.map((g) => [g.key?.toString(), g.entries.length])).toEqual([["won", 2]]);
		base.close();
		plugin.unload();
		expect(app.basesViews).toEqual({});
	});

	it("returns false when Bases is off, and registers nothing", async () => {
		const { app } = openVault();
		app.basesEnabled = false;
		const plugin = await loadPlugin(BasesPlugin, app);
		expect(plugin.registered).toBe(false);
		expect(() => openBase(app, "count")).toThrow(/No Bases view type "count"/);
	});
});

describe("setApiVersion", () => {
	class Tab extends PluginSettingTab {
		getSettingDefinitions() {
			return [{ name: "Declared", control: { type: "toggle" as const, key: "on" } }];
		}
		display(): void {
			this.containerEl.createDiv({ cls: "setting-item-name", text: "Drawn" });
		}
	}
	class TabPlugin extends Plugin {
		onload(): void {
			this.addSettingTab(new Tab(this.app, this));
		}
	}

	it("plays an older Obsidian: newer methods are missing, tabs are drawn by display()", async () => {
		setApiVersion("1.9.0");
		expect(requireApiVersion("1.9.0")).toBe(true);
		expect(requireApiVersion("1.10.0")).toBe(false);
		const { app } = openVault();
		const plugin = await loadPlugin(TabPlugin, app);
		expect(() => plugin.registerBasesView("x", { name: "X", icon: "x", factory: () => null as never })).toThrow(TypeError);
		expect(() => plugin.registerCliHandler("x", "x", null, () => "")).toThrow(TypeError);
		const tab = await openSettingTab(app);
		expect(tab.containerEl.textContent).toBe("Drawn");
	});

	it("is 1.13.1 again in the next test (resetFakes)", async () => {
		expect(requireApiVersion("1.13.1")).toBe(true);
		const { app } = openVault();
		await loadPlugin(TabPlugin, app);
		const tab = await openSettingTab(app);
		expect(tab.containerEl.textContent).toContain("Declared");
	});
});
