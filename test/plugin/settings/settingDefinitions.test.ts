// @vitest-environment happy-dom
// Settings the 1.13 way (README, "Settings"): getSettingDefinitions declares every setting the old
// tab had, each saves, each bad value gets the message of the rule migrateSettings applies; the
// display() tab stays for Obsidian below 1.13; data.json changed by Sync is read again.
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { DEFAULT_SETTINGS, migrateSettings, type TouchbaseSettings } from "../../../src/core/settings/settings";
import TouchbasePlugin from "../../../src/plugin/main";
import { SETTING_FIELDS, valueAt } from "../../../src/plugin/settings/settingDefinitions";
import type { TouchbaseSettingTab } from "../../../src/plugin/settings/settingsTab";
import { openVault } from "../../fakes/harness";
import {
	changePluginDataExternally,
	click,
	getSetting,
	loadPlugin,
	openSettingTab,
	readPluginData,
	selectOption,
	setApiVersion,
	typeText,
	type App,
	type PluginSettingTab,
} from "../../fakes/obsidian";
import type { SettingDefinitionList, SettingDefinitionPage } from "obsidian";
import { DEMO_DAY } from "../setup";

beforeEach(() => {
	vi.useFakeTimers({ toFake: ["Date"] });
	vi.setSystemTime(DEMO_DAY);
});
afterEach(() => {
	vi.useRealTimers();
});

async function setup(apiVersion?: string): Promise<{ app: App; plugin: TouchbasePlugin; tab: PluginSettingTab }> {
	if (apiVersion) setApiVersion(apiVersion);
	const { app } = openVault({ "Prospects/A.md": "- [ ] 2026-11-20 call: x\n", "CRM/B.md": "- [ ] 2026-11-21 call: y\n" });
	const plugin = await loadPlugin(TouchbasePlugin, app);
	const tab = await openSettingTab(app);
	return { app, plugin, tab };
}

/** The setting row named `name` (not a group's heading of the same name). */
const row = (root: HTMLElement, name: string): HTMLElement => {
	const found = Array.from(root.querySelectorAll<HTMLElement>(".setting-item:not(.setting-item-heading)")).find((el) => el.querySelector(".setting-item-name")?.textContent === name);
	if (!found) return getSetting(root, name);
	return found;
};
const names = (root: HTMLElement): string[] => Array.from(root.querySelectorAll(".setting-item-name"), (el) => el.textContent ?? "").filter((n) => n !== "");

/** Every leaf of the settings as a dotted path (the sequences are one: a list of their own). */
function leafPaths(value: unknown, prefix = ""): string[] {
	if (prefix === "sequences") return [prefix];
	if (typeof value === "object" && value !== null && !Array.isArray(value)) return Object.entries(value).flatMap(([k, v]) => leafPaths(v, prefix ? `${prefix}.${k}` : k));
	return [prefix];
}

function sequencesList(tab: PluginSettingTab): SettingDefinitionList {
	return tab.settingItems.find((i): i is SettingDefinitionList => "type" in i && i.type === "list" && i.heading === "Sequences")!;
}

/** A value a user could type for the field, different from the default and kept by migrateSettings. */
function newValue(key: string, kind: string): { typed: string | boolean; stored: unknown } {
	const special: Record<string, { typed: string; stored: unknown }> = {
		digestTime: { typed: "7:30", stored: "07:30" },
		cadence: { typed: "2d, 1w", stored: "2d, 1w" },
		upcomingDays: { typed: "12", stored: 12 },
		"coldDays.lead": { typed: "10", stored: 10 },
		"coldDays.active": { typed: "30", stored: 30 },
		maxNoteMB: { typed: "25", stored: 25 },
		dateLocale: { typed: "en-GB", stored: "en-GB" },
		prospectTag: { typed: "#lead", stored: "lead" },
		defaultChannel: { typed: "Call", stored: "call" },
		// Known codes only, in their own order (README, "Notes in other languages").
		languages: { typed: "FR, xx, de", stored: ["fr", "de"] },
	};
	if (special[key]) return special[key];
	if (kind === "toggle") return { typed: true, stored: !(valueAt(DEFAULT_SETTINGS, key) as boolean) };
	if (kind === "list") return { typed: "Alpha, beta", stored: ["channels", "meetingChannels", "contactWords", "logSections", "notContactWords"].includes(key) ? ["alpha", "beta"] : ["Alpha", "beta"] };
	if (kind === "textarea") return { typed: "- {{date}} custom {{summary}}", stored: "- {{date}} custom {{summary}}" };
	return { typed: "custom_name", stored: "custom_name" };
}

describe("the settings, declared for Obsidian 1.13", () => {
	it("fixes the lint warnings: the tab declares definitions, in groups, searchable", async () => {
		const { tab } = await setup();
		expect(tab.settingItems.length).toBeGreaterThan(0);
		const headings = tab.settingItems.map((i) => ("heading" in i ? i.heading : null));
		expect(headings).toEqual(["Prospect notes", "Follow-ups", "Sequences", "Calendar", "Reminders", "Frontmatter keys", "Reading existing notes", "Templates"]);
		for (const name of names(tab.containerEl)) expect(name, name).toMatch(/^[A-Z][^A-Z]*$/);
	});

	it("has a definition for every setting there is (grep DEFAULT_SETTINGS)", () => {
		const declared = new Set([...SETTING_FIELDS.map((f) => f.key), "sequences"]);
		for (const path of leafPaths(DEFAULT_SETTINGS)) expect(declared.has(path), `no definition for ${path}`).toBe(true);
		for (const key of declared) expect(valueAt(DEFAULT_SETTINGS, key), `${key} is no setting`).not.toBeUndefined();
	});

	it("shows every setting the old tab had", async () => {
		const old = await setup("1.12.2");
		const oldNames = new Set(names(old.tab.containerEl));
		setApiVersion("1.13.1");
		const { tab } = await setup();
		const shown = new Set(names(tab.containerEl));
		// The sequences moved to a page each: their name and steps are there.
		tab.openPage("Trade-show lead");
		for (const n of names(tab.containerEl)) shown.add(n);
		for (const name of oldNames) expect(shown.has(name), `"${name}" is missing`).toBe(true);
	});

	it("saves every setting, as the settings keep it", async () => {
		const { app, plugin, tab } = await setup();
		const expected: TouchbaseSettings = structuredClone(plugin.settings);
		const set = (path: string, value: unknown): void => {
			const parts = path.split(".");
			let here = expected as unknown as Record<string, unknown>;
			for (const p of parts.slice(0, -1)) here = here[p] as Record<string, unknown>;
			here[parts[parts.length - 1]] = value;
		};
		for (const field of SETTING_FIELDS) {
			if (field.visible && !field.visible()) continue;
			const el = row(tab.containerEl, field.name);
			const { typed, stored } = newValue(field.key, field.kind);
			if (field.kind === "toggle") click(el.querySelector(".checkbox-container"));
			else if (field.kind === "dropdown") selectOption(el.querySelector("select"), typed as string);
			else typeText(el.querySelector(field.kind === "textarea" ? "textarea" : "input"), typed as string);
			set(field.key, stored);
		}
		await app.settle();
		tab.hide();
		await vi.waitFor(() => expect(plugin.settings).toEqual(expected));
		const data = readPluginData(app) as Record<string, unknown>;
		expect(migrateSettings(data)).toEqual(expected);
	});

	it("says why a value is not kept, with migrateSettings's rules, and keeps the last good one", async () => {
		const { app, plugin, tab } = await setup();
		const bad: [string, string, RegExp][] = [
			["Default cadence", "every so often", /./],
			["Upcoming window", "999", /^A whole number of days from 0 to 366\.$/],
			["Digest time", "25:00", /^A time as HH:mm/],
			["Follow-up heading", "  ", /^A heading cannot be empty\.$/],
			["Default channel", "carrier pigeon", /^One word/],
			["Status", "", /^A key name cannot be empty\.$/],
			["Calendar file", "", /^Give a path/],
			["Channels", " , ", /^Give at least one channel word\.$/],
		];
		for (const [name, value, message] of bad) {
			const el = row(tab.containerEl, name);
			typeText(el.querySelector("input"), value);
			await app.settle();
			expect(el.querySelector(".setting-item-error")?.textContent, name).toMatch(message);
		}
		tab.hide();
		await app.settle();
		expect(plugin.settings).toEqual(migrateSettings(undefined));
		// What the fields refused, migrateSettings would not keep either (a bad cadence is read as the default, with a problem).
		const stored = migrateSettings({ upcomingDays: 999, digestTime: "25:00", followUpHeading: "  ", calendarPath: "", keys: { status: "" }, channels: " , " });
		expect(stored.upcomingDays).toBe(366);
		expect([stored.digestTime, stored.followUpHeading, stored.calendarPath, stored.keys.status, stored.channels]).toEqual([
			DEFAULT_SETTINGS.digestTime,
			DEFAULT_SETTINGS.followUpHeading,
			DEFAULT_SETTINGS.calendarPath,
			DEFAULT_SETTINGS.keys.status,
			DEFAULT_SETTINGS.channels,
		]);
	});

	it("lists the sequences, each a page with its steps as a list: add, reorder, delete", async () => {
		const { app, plugin, tab } = await setup();
		const list = sequencesList(tab);
		expect(list.items?.map((i) => i.name)).toEqual(["Trade-show lead", "Referral"]);
		expect((list.items?.[0] as SettingDefinitionPage).displayValue).toBe("5 steps");

		list.addItem!.action(createDiv());
		await vi.waitFor(() => expect(plugin.settings.sequences.map((s) => s.name)).toEqual(["Trade-show lead", "Referral", "New sequence"]));
		sequencesList(tab).onReorder!(2, 0);
		await vi.waitFor(() => expect(plugin.settings.sequences.map((s) => s.name)).toEqual(["New sequence", "Trade-show lead", "Referral"]));
		sequencesList(tab).onDelete!(0);
		await vi.waitFor(() => expect(plugin.settings.sequences.map((s) => s.name)).toEqual(["Trade-show lead", "Referral"]));

		tab.openPage("Referral");
		typeText(getSetting(tab.containerEl, "Name").querySelector("input"), "Warm intro");
		const step = getSetting(tab.containerEl, "Step 2");
		typeText(step.querySelector('input[aria-label="Offset"]'), "3");
		selectOption(step.querySelector('select[aria-label="Channel"]'), "text");
		const page = (sequencesList(tab).items?.[1] as SettingDefinitionPage).items!;
		const steps = page.find((i): i is SettingDefinitionList => "type" in i && i.type === "list")!;
		steps.addItem!.action(createDiv());
		await app.settle();
		tab.hide();
		await vi.waitFor(() => expect(plugin.settings.sequences[1].name).toBe("Warm intro"));
		expect(plugin.settings.sequences[1].steps[1]).toMatchObject({ offset: 3, channel: "text" });
		expect(plugin.settings.sequences[1].steps).toHaveLength(5);
		expect((readPluginData(app) as TouchbaseSettings).sequences[1].name).toBe("Warm intro");
	});

	it("keeps display() as the tab for Obsidian before 1.13", async () => {
		const { tab } = await setup("1.12.2");
		expect(tab.settingItems).toEqual([]);
		expect(names(tab.containerEl)).toEqual(expect.arrayContaining(["Prospect folders", "Sequences", "Step 1", "Templates"]));
		expect((tab as unknown as TouchbaseSettingTab).getSettingDefinitions().length).toBeGreaterThan(0);
	});
});

describe("settings changed on another device", () => {
	it("reads data.json again, and the vault with the new settings", async () => {
		const { app, plugin } = await setup();
		expect(plugin.index.report().entries.map((e) => e.prospect.path)).toEqual(["Prospects/A.md"]);
		await changePluginDataExternally(app, { ...plugin.settings, prospectFolders: ["Prospects", "CRM"], cadence: "5d" });
		expect(plugin.settings.prospectFolders).toEqual(["Prospects", "CRM"]);
		expect(plugin.settings.cadence).toBe("5d");
		expect(plugin.index.report().entries.map((e) => e.prospect.path).sort()).toEqual(["CRM/B.md", "Prospects/A.md"]);
	});

	it("takes a damaged file as the defaults, with a notice, and carries on", async () => {
		const { app, plugin } = await setup();
		await changePluginDataExternally(app, ["not", "settings"]);
		expect(plugin.settings).toEqual(migrateSettings(undefined));
	});
});
