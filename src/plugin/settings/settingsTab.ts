import { Platform, PluginSettingTab, Setting, debounce, requireApiVersion, type App, type Plugin, type SettingDefinitionItem } from "obsidian";
import { parseCadence } from "../../core/text/cadence";
import { DEFAULT_SETTINGS, type FrontmatterKeys, type Templates, type TouchbaseSettings } from "../../core/settings/settings";
import type { SettingsStore } from "../ports";
import { controlValue, KEY_FIELDS, setControlValueIn, settingDefinitions } from "./settingDefinitions";
import { sequenceSettings } from "./sequenceSettings";


const TEMPLATE_INFO: Record<keyof Templates, { name: string; desc: string }> = {
	touch: { name: "Touch line", desc: "Log a touch. Placeholders: date, time, channel, summary, outcome, next, objective, touch (5th), prospect, company, contact, fm.KEY." },
	scheduled: { name: "Scheduled line", desc: "Schedule next follow-up and sequences. Placeholders: date, time, channel, summary, objective, sequence, prospect, company, contact, fm.KEY." },
	draft: { name: "Draft email", desc: "Draft follow-up email. Placeholders: date, contact, recap, gift (something of value), next, prospect, company, fm.KEY." },
	prospect: { name: "New prospect note", desc: "New prospect. Placeholders: prospect, company, contact, date." },
};

const list = (text: string): string[] => text.split(",").map((s) => s.trim()).filter((s) => s !== "");

/** Settings: where prospects live, how notes are read, and what the commands write. */
export class TouchbaseSettingTab extends PluginSettingTab {
	private draft: TouchbaseSettings = DEFAULT_SETTINGS;
	// Typing in a field should not re-index the vault on every key stroke.
	private readonly save = debounce(() => void this.store.saveSettings(this.draft), 800, true);

	constructor(
		app: App,
		plugin: Plugin,
		private readonly store: SettingsStore,
	) {
		super(app, plugin);
	}

	hide(): void {
		this.save.run();
	}

	/**
	 * Obsidian 1.13 and later: the settings declared (settingDefinitions.ts), searchable from
	 * Obsidian's settings search. Below 1.13 Obsidian never asks, and display() draws the tab.
	 */
	getSettingDefinitions(): SettingDefinitionItem[] {
		this.draft = structuredClone(this.store.settings());
		return settingDefinitions(this.draft, {
			draft: () => this.draft,
			changed: () => {
				this.save();
				this.save.run();
				// The structure changed (a sequence or step added, moved or deleted): declare it again.
				if (requireApiVersion("1.13.0")) this.update();
			},
			save: () => this.save(),
		});
	}

	getControlValue(key: string): unknown {
		return controlValue(this.draft, key);
	}

	setControlValue(key: string, value: unknown): void {
		setControlValueIn(this.draft, key, value);
		this.save();
	}

	/** The tab below Obsidian 1.13 (the fallback: 1.13 draws getSettingDefinitions instead). */
	display(): void {
		this.draw();
	}

	private draw(): void {
		this.draft = structuredClone(this.store.settings());
		const s = this.draft;
		const el = this.containerEl;
		el.empty();
		const text = (name: string, desc: string, value: string, set: (v: string) => void, placeholder = ""): Setting =>
			new Setting(el)
				.setName(name)
				.setDesc(desc)
				.addText((t) =>
					t
						.setPlaceholder(placeholder)
						.setValue(value)
						.onChange((v) => {
							set(v);
							this.save();
						}),
				);

		new Setting(el).setName("Prospect notes").setHeading();
		text("Prospect folders", "Every note in these folders (comma separated, sub-folders included) is a prospect. Empty: off.", s.prospectFolders.join(", "), (v) => (s.prospectFolders = list(v)), "Prospects");
		text("Prospect tag", "Notes with this tag are prospects (without #). Empty: off.", s.prospectTag, (v) => (s.prospectTag = v.trim().replace(/^#/, "")), "prospect");
		text("Type key", "Notes whose frontmatter has this key set to the value below are prospects. Empty: off.", s.typeKey, (v) => (s.typeKey = v.trim()), "type");
		text("Type value", "", s.typeValue, (v) => (s.typeValue = v.trim() || "prospect"), "prospect");
		text("Me", "Your name (or a link to your note) as the owner key gives it in a shared vault. When set, the status bar, the digest and the reminders count only your prospects, and the view can show only yours. Empty: everyone's.", s.me, (v) => (s.me = v.trim()), "Jane Doe");

		new Setting(el).setName("Follow-ups").setHeading();
		text("Follow-up heading", "Logged and scheduled touches go under this heading (created at the end of the note if missing).", s.followUpHeading, (v) => (s.followUpHeading = v.trim() || DEFAULT_SETTINGS.followUpHeading));
		text("Drafts heading", "Drafted emails go under this heading.", s.draftsHeading, (v) => (s.draftsHeading = v.trim() || DEFAULT_SETTINGS.draftsHeading));
		text("Channels", "Words read as a channel after a touch's date (comma separated).", s.channels.join(", "), (v) => (s.channels = list(v).map((c) => c.toLowerCase())));
		text("Default channel", "Used when a prospect has no preferred channel.", s.defaultChannel, (v) => (s.defaultChannel = v.trim().toLowerCase()));
		text("Meeting channels", "Logging a touch on one of these ends a sequence, as a booked meeting does (comma separated).", s.meetingChannels.join(", "), (v) => (s.meetingChannels = list(v).map((c) => c.toLowerCase())));
		const cadence = text("Default cadence", "Steps after each touch, such as 3d, 1w, 2w, 1mo (d, w, mo, y). The last step repeats. none: no suggestions.", s.cadence, (v) => {
			const ok = !("error" in parseCadence(v));
			cadence.descEl.toggleClass("touchbase-preview-error", !ok);
			if (ok) s.cadence = v.trim();
		});
		new Setting(el)
			.setName("Skip weekends")
			.setDesc("A suggested date on a weekend moves to the next working day.")
			.addToggle((t) =>
				t.setValue(s.skipWeekends).onChange((v) => {
					s.skipWeekends = v;
					this.save();
				}),
			);
		new Setting(el)
			.setName("Upcoming window")
			.setDesc("Days ahead that count as upcoming.")
			.addText((t) =>
				t.setValue(String(s.upcomingDays)).onChange((v) => {
					const n = Number(v);
					if (Number.isInteger(n) && n >= 0 && n <= 366) {
						s.upcomingDays = n;
						this.save();
					}
				}),
			);
		for (const [status, name] of [["lead", "Going cold: leads"], ["active", "Going cold: active prospects"]] as const) {
			new Setting(el)
				.setName(name)
				.setDesc(`Days without a touch after which ${status === "lead" ? "a lead" : "an active prospect"} is marked going cold, whatever its next date. 0 turns it off.`)
				.addText((t) =>
					t.setValue(String(s.coldDays[status])).onChange((v) => {
						const n = Number(v);
						if (Number.isInteger(n) && n >= 0 && n <= 366) {
							s.coldDays = { ...s.coldDays, [status]: n };
							this.save();
						}
					}),
				);
		}
		new Setting(el)
			.setName("Date format")
			.setDesc("How to read dates such as 3/4.")
			.addDropdown((d) =>
				d
					.addOptions({ en: "Month first (3/4 is March 4)", "en-GB": "Day first (3/4 is 3 April)" })
					.setValue(s.dateLocale)
					.onChange((v) => {
						s.dateLocale = v === "en-GB" ? "en-GB" : "en";
						this.save();
					}),
			);

		sequenceSettings(el, s, () => this.save(), () => {
			this.save();
			this.save.run();
		});

		new Setting(el).setName("Calendar").setHeading();
		text("Calendar file", "Where the calendar export (.ics) is written in the vault.", s.calendarPath, (v) => (s.calendarPath = v.trim() || DEFAULT_SETTINGS.calendarPath), DEFAULT_SETTINGS.calendarPath);
		new Setting(el)
			.setName("Keep a calendar file")
			.setDesc("Rewrite the calendar file, an alarm on every follow-up, whenever your follow-ups change (only when its bytes change): subscribe to it from your phone through your sync.")
			.addToggle((t) =>
				t.setValue(s.calendarKeepCurrent).onChange((v) => {
					s.calendarKeepCurrent = v;
					this.save();
				}),
			);

		new Setting(el).setName("Reminders").setHeading();
		new Setting(el)
			.setName("Reminders")
			.setDesc("A morning digest of what is due, and a notice at the minute of each timed touch (a touch line with a time).")
			.addToggle((t) =>
				t.setValue(s.reminders).onChange((v) => {
					s.reminders = v;
					this.save();
				}),
			);
		text(
			"Digest time",
			"When the morning digest shows if Obsidian is already open (24-hour HH:mm). Opening Obsidian later in the day shows it at once.",
			s.digestTime,
			(v) => (s.digestTime = /^\d{1,2}:\d{2}$/.test(v.trim()) ? v.trim() : DEFAULT_SETTINGS.digestTime),
			DEFAULT_SETTINGS.digestTime,
		);
		if (Platform.isDesktopApp) {
			new Setting(el)
				.setName("Desktop notifications")
				.setDesc("Also show a timed touch as a system notification, outside Obsidian.")
				.addToggle((t) =>
					t.setValue(s.systemNotifications).onChange((v) => {
						s.systemNotifications = v;
						if (v && typeof Notification !== "undefined" && Notification.permission === "default") void Notification.requestPermission();
						this.save();
					}),
				);
		}

		new Setting(el).setName("Frontmatter keys").setHeading();
		el.createEl("p", { cls: "setting-item-description", text: "Names are read loosely (case, spaces, dashes and underscores do not matter) and written exactly as given here." });
		for (const key of Object.keys(KEY_FIELDS) as (keyof FrontmatterKeys)[]) {
			text(KEY_FIELDS[key], "", s.keys[key], (v) => (s.keys[key] = v.trim() || DEFAULT_SETTINGS.keys[key]), DEFAULT_SETTINGS.keys[key]);
		}
		text("Also read as next follow-up", "Other key names (comma separated).", s.synonyms.nextFollowUp.join(", "), (v) => (s.synonyms.nextFollowUp = list(v)));
		text("Also read as last touch", "Other key names (comma separated).", s.synonyms.lastTouch.join(", "), (v) => (s.synonyms.lastTouch = list(v)));

		new Setting(el).setName("Templates").setHeading();
		el.createEl("p", {
			cls: "setting-item-description",
			text: "{{name}} is replaced by its value; {{#name}}…{{/name}} is kept only when name has a value. Templates are filled in, never run.",
		});
		for (const key of Object.keys(TEMPLATE_INFO) as (keyof Templates)[]) {
			new Setting(el)
				.setName(TEMPLATE_INFO[key].name)
				.setDesc(TEMPLATE_INFO[key].desc)
				.setClass("touchbase-template-setting")
				.addTextArea((t) => {
					t.setValue(s.templates[key]).onChange((v) => {
						s.templates[key] = v.trim() === "" ? DEFAULT_SETTINGS.templates[key] : v;
						this.save();
					});
					t.inputEl.rows = key === "touch" || key === "scheduled" ? 2 : 8;
				})
				.addExtraButton((b) =>
					b
						.setIcon("rotate-ccw")
						.setTooltip("Restore the default")
						.onClick(() => {
							s.templates[key] = DEFAULT_SETTINGS.templates[key];
							// Save now: display() starts again from the saved settings.
							this.save();
							this.save.run();
							this.draw();
						}),
				);
		}
	}
}
