import { Notice, Plugin } from "obsidian";
import { localToday } from "../core/text/dates";
import { reportFor } from "../core/rules/ownerReport";
import type { ReminderState } from "../core/rules/reminderSchedule";
import { migrateSettings, type TouchbaseSettings } from "../core/settings/settings";
import { registerFollowUpsBasesView } from "./views/basesView";
import { keepCalendarCurrent } from "./actions/calendarExport";
import { registerCliHandlers } from "./actions/cliHandlers";
import { registerCommands } from "./registerCommands";
import { FollowUpsView, VIEW_TYPE_FOLLOW_UPS } from "./views/followUpsView";
import { LiveIndex } from "./index/liveIndex";
import type { SettingsStore } from "./ports";
import { ProspectActions } from "./actions/prospectActions";
import { ReachOut } from "./actions/reachOut";
import { Reminders } from "./services/reminders";
import { SequenceEnds } from "./services/sequenceEnds";
import { TouchbaseSettingTab } from "./settings/settingsTab";
import { drawStatus } from "./views/statusBar";

/**
 * The plugin: it owns the settings, the live index, the actions and the reminders, and hands each
 * part only what it needs (see ports.ts). The index and the reminders are child components: they
 * load with the plugin and unload with it.
 */
export default class TouchbasePlugin extends Plugin {
	settings!: TouchbaseSettings;
	index!: LiveIndex;
	actions!: ProspectActions;
	reminders!: Reminders;

	async onload(): Promise<void> {
		const stored = await this.loadStored();
		this.settings = stored.settings;
		// What the parts get from the plugin: never the plugin itself (see ports.ts).
		const { app } = this;
		const settings = (): TouchbaseSettings => this.settings;
		const openView = (): Promise<void> => this.openView();
		// The persisted index: a cache in the plugin's own folder (see readCacheStore.ts), never a note.
		const cachePath = `${this.manifest.dir ?? `${app.vault.configDir}/plugins/${this.manifest.id}`}/index-cache.json`;
		const index = (this.index = new LiveIndex(app, this.settings, cachePath));
		const actions = (this.actions = new ProspectActions(app, settings, index));
		const saveReminderState = (state: ReminderState): Promise<void> => this.saveReminderState(state);
		const reminders = (this.reminders = new Reminders({ app, index, actions, settings, openView, saveReminderState }, stored.reminderState));

		// Email and Call on a row: Log a touch opens when the user comes back (README, "The follow-ups view").
		const reach = this.addChild(new ReachOut(app, actions));
		this.registerView(VIEW_TYPE_FOLLOW_UPS, (leaf) => new FollowUpsView(leaf, { index, actions, settings, reach }));
		// The same rows in a base (Obsidian 1.10 and later): README, "Bases".
		registerFollowUpsBasesView(this, { app, index, actions, settings, reach });
		registerCommands(this, { app, index, actions, reminders, settings, openView });
		this.addRibbonIcon("calendar-clock", "Open follow-ups", () => void openView());
		const store: SettingsStore = { settings, saveSettings: (next) => this.saveSettings(next) };
		// Obsidian 1.13 reads a tab's setting definitions as it is added: that waits for the layout,
		// before which the settings cannot be opened (at once when the plugin is enabled later).
		let loaded = true;
		this.register(() => (loaded = false));
		app.workspace.onLayoutReady(() => {
			if (loaded) this.addSettingTab(new TouchbaseSettingTab(app, this, store));
		});
		// The official Obsidian CLI came with 1.12.2: `obsidian touchbase`, `touchbase:stats`, `:ics`, `:log`.
		registerCliHandlers(this, { app, index, settings });

		const status = this.addStatusBarItem();
		status.addClass("mod-clickable", "touchbase-status");
		this.registerDomEvent(status, "click", () => void this.openView());
		const drawStatusBar = (): void => {
			// With "Me" set, the count is of my prospects only (README, "Team vaults").
			if (this.index.ready) drawStatus(status, reportFor(this.index.report(localToday()), this.settings.me));
		};
		this.register(this.index.onChange(drawStatusBar));
		this.registerInterval(window.setInterval(drawStatusBar, 60_000));

		this.register(keepCalendarCurrent(app, index, settings));

		// Loaded now (the plugin is loaded), unloaded with the plugin. The index reads the vault once the layout is ready.
		this.addChild(index);
		this.addChild(reminders);
		// A status set by hand ends sequences, as Mark won does (README, "Sequences").
		this.addChild(new SequenceEnds({ app, index, settings }));
	}

	/** The settings (anything stored becomes valid) and the reminders' state as stored, from the plugin's data. */
	private async loadStored(): Promise<{ settings: TouchbaseSettings; reminderState: unknown }> {
		let raw: unknown;
		try {
			raw = await this.loadData();
		} catch {
			new Notice("Touchbase: the settings file could not be read; the defaults are used.");
		}
		if (raw !== null && raw !== undefined && (typeof raw !== "object" || Array.isArray(raw))) {
			new Notice("Touchbase: the stored settings were damaged; the defaults are used.");
		}
		// The reminders read their state from this when they first need it (reminders.ts).
		const reminderState = (raw as { reminderState?: unknown } | null)?.reminderState;
		return { settings: migrateSettings(raw), reminderState };
	}

	/**
	 * data.json changed on disk, not through this plugin: another device's settings arrived through
	 * Sync. Read them as at start, and the vault again with them.
	 */
	async onExternalSettingsChange(): Promise<void> {
		const { settings } = await this.loadStored();
		this.settings = settings;
		this.index.setSettings(settings);
		if (this.index.ready) await this.index.rebuild();
	}

	async saveSettings(next: TouchbaseSettings): Promise<void> {
		this.settings = migrateSettings(next);
		this.index.setSettings(this.settings);
		await this.saveData({ ...this.settings, reminderState: this.reminders.current });
		if (this.index.ready) await this.index.rebuild();
	}

	async saveReminderState(state: ReminderState): Promise<void> {
		await this.saveData({ ...this.settings, reminderState: state });
	}

	async openView(): Promise<void> {
		const { workspace } = this.app;
		let leaf = workspace.getLeavesOfType(VIEW_TYPE_FOLLOW_UPS)[0];
		if (!leaf) {
			const right = workspace.getRightLeaf(false);
			if (!right) return;
			await right.setViewState({ type: VIEW_TYPE_FOLLOW_UPS, active: true });
			leaf = right;
		}
		await workspace.revealLeaf(leaf);
	}
}
