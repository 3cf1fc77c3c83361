// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { DEFAULT_SETTINGS } from "../../../src/core/settings/settings";
import TouchbasePlugin from "../../../src/plugin/main";
import { openVault } from "../../fakes/harness";
import { click, getSetting, loadPlugin, openSettingTab, readPluginData, selectOption, setApiVersion, typeText } from "../../fakes/obsidian";
import { DEMO_DAY } from "../setup";

beforeEach(() => {
	vi.useFakeTimers({ toFake: ["Date"] });
	vi.setSystemTime(DEMO_DAY);
	// The tab drawn by display(), as Obsidian before 1.13 shows it; settingDefinitions.test.ts tests 1.13's.
	setApiVersion("1.12.2");
});
afterEach(() => {
	vi.useRealTimers();
});

async function setup() {
	const { app } = openVault({
		"Prospects/A.md": "- [ ] 2026-11-20 call: x\n",
		"CRM/B.md": "- [ ] 2026-11-21 call: y\n",
	});
	const plugin = await loadPlugin(TouchbasePlugin, app);
	await app.settle();
	const tab = await openSettingTab(app);
	return { app, plugin, tab };
}

describe("the settings tab", () => {
	it("shows every group of settings, in sentence case", async () => {
		const { tab } = await setup();
		const names = Array.from(tab.containerEl.querySelectorAll(".setting-item-name"), (el) => el.textContent ?? "").filter((n) => n !== "");
		for (const name of ["Prospect notes", "Prospect folders", "Prospect tag", "Type key", "Follow-up heading", "Drafts heading", "Channels", "Default channel", "Default cadence", "Skip weekends", "Upcoming window", "Date format", "Frontmatter keys", "Next follow-up", "Templates", "Touch line", "Scheduled line", "Draft email", "New prospect note", "Sequences", "Name", "Step 1", "Calendar", "Calendar file", "Keep a calendar file", "Sequence", "Reminders", "Digest time", "Desktop notifications"]) {
			expect(names).toContain(name);
		}
		for (const name of names) expect(name, name).toMatch(/^[A-Z][^A-Z]*$/);
	});

	it("saves the reminders' settings, and keeps the reminders' state beside them", async () => {
		const { app, plugin, tab } = await setup();
		typeText(getSetting(tab.containerEl, "Digest time").querySelector("input"), "7:45");
		click(getSetting(tab.containerEl, "Desktop notifications").querySelector(".checkbox-container"));
		tab.hide();
		await vi.waitFor(() => expect(plugin.settings.digestTime).toBe("07:45"));
		expect(plugin.settings.systemNotifications).toBe(true);
		const data = readPluginData(app) as { digestTime: string; systemNotifications: boolean; reminderState: { lastDigestDay: string | null } };
		expect(data).toMatchObject({ digestTime: "07:45", systemNotifications: true, reminders: true });
		// The digest shown when the plugin started is still remembered after the settings were saved.
		expect(data.reminderState.lastDigestDay).toBe("2026-11-23");
		typeText(getSetting(tab.containerEl, "Digest time").querySelector("input"), "at nine");
		tab.hide();
		await vi.waitFor(() => expect(plugin.settings.digestTime).toBe("09:00"));
		await app.settle();
	});

	it("saves a changed folder list and re-indexes with it", async () => {
		const { app, plugin, tab } = await setup();
		expect(plugin.index.report().entries).toHaveLength(1);
		typeText(getSetting(tab.containerEl, "Prospect folders").querySelector("input"), "Prospects, CRM");
		tab.hide(); // closing the tab saves at once
		await vi.waitFor(() => expect(plugin.index.report().entries).toHaveLength(2));
		expect(readPluginData(app)).toMatchObject({ prospectFolders: ["Prospects", "CRM"] });
		await app.settle();
	});

	it("ignores a cadence it cannot read, and keeps the last good one", async () => {
		const { app, plugin, tab } = await setup();
		typeText(getSetting(tab.containerEl, "Default cadence").querySelector("input"), "every so often");
		expect(getSetting(tab.containerEl, "Default cadence").querySelector(".touchbase-preview-error, .setting-item-description.touchbase-preview-error")).not.toBeNull();
		typeText(getSetting(tab.containerEl, "Upcoming window").querySelector("input"), "14");
		selectOption(getSetting(tab.containerEl, "Date format").querySelector("select"), "en-GB");
		tab.hide();
		await vi.waitFor(() => expect(plugin.settings.upcomingDays).toBe(14));
		expect(plugin.settings.cadence).toBe(DEFAULT_SETTINGS.cadence);
		expect(plugin.settings.dateLocale).toBe("en-GB");
		await app.settle();
	});

	it("restores a template's default", async () => {
		const { plugin, tab } = await setup();
		const touch = getSetting(tab.containerEl, "Touch line");
		typeText(touch.querySelector("textarea"), "- {{date}} {{summary}}");
		tab.hide();
		await vi.waitFor(() => expect(plugin.settings.templates.touch).toBe("- {{date}} {{summary}}"));
		click(getSetting(tab.containerEl, "Touch line").querySelector<HTMLElement>(".clickable-icon, .extra-setting-button"));
		tab.hide();
		await vi.waitFor(() => expect(plugin.settings.templates.touch).toBe(DEFAULT_SETTINGS.templates.touch));
	});

	it("saves the calendar file and the keep-current switch", async () => {
		const { app, plugin, tab } = await setup();
		expect(getSetting(tab.containerEl, "Calendar").classList.contains("setting-item-heading")).toBe(true);
		const path = getSetting(tab.containerEl, "Calendar file").querySelector("input")!;
		expect(path.value).toBe("Touchbase/follow-ups.ics");
		typeText(path, "Sales/calendar.ics");
		const toggle = getSetting(tab.containerEl, "Keep a calendar file").querySelector<HTMLElement>(".checkbox-container")!;
		expect(toggle.classList.contains("is-enabled")).toBe(false);
		click(toggle);
		tab.hide();
		await vi.waitFor(() => expect(plugin.settings).toMatchObject({ calendarPath: "Sales/calendar.ics", calendarKeepCurrent: true }));
		expect(readPluginData(app)).toMatchObject({ calendarPath: "Sales/calendar.ics", calendarKeepCurrent: true });
		await app.settle();
	});
});
