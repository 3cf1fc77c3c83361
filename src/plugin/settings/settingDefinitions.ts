// The settings as Obsidian 1.13 declares them (getSettingDefinitions): one table of every setting,
// with the rule that keeps it valid, turned into groups, lists and pages. The settings tab's
// display() is the fallback below 1.13 (settingsTab.ts).
import { Platform, requireApiVersion, type SettingDefinitionItem, type SettingGroupItem } from "obsidian";
import { parseCadence } from "../../core/text/cadence";
import { sequenceMarker } from "../../core/write/sequences";
import { DEFAULT_SETTINGS, MAX_SEQUENCE_OFFSET, SEQUENCE_ENDS, type Sequence, type SequenceEnd, type SequenceStep, type TouchbaseSettings } from "../../core/settings/settings";
import { newStep, unusedName } from "./sequenceSettings";
import { isOneWord } from "../../core/text/unicode";

type Kind = "text" | "list" | "toggle" | "number" | "dropdown" | "textarea";

/** One setting: where it is kept (a dotted path into the settings), how it is edited, and its rule. */
export interface SettingField {
	/** `prospectTag`, `keys.status`, `templates.touch` …: the control's key. */
	key: string;
	group: string;
	name: string;
	desc?: string;
	kind: Kind;
	placeholder?: string;
	options?: Record<string, string>;
	rows?: number;
	/** The message shown under the field when the value would not be kept (the rules of migrateSettings). */
	validate?: (value: unknown) => string | void;
	visible?: () => boolean;
}

const notEmpty =
	(message: string) =>
	(value: unknown): string | void =>
		typeof value !== "string" || value.trim() === "" ? message : undefined;
const oneWord = (value: unknown): string | void => (typeof value !== "string" || !isOneWord(value.trim()) ? "One word, such as email or call." : undefined);

/** Frontmatter keys: their labels, in the order the settings show them. */
export const KEY_FIELDS: Record<keyof TouchbaseSettings["keys"], string> = {
	status: "Status",
	pausedUntil: "Paused until",
	company: "Company",
	contact: "Contact",
	channel: "Preferred channel",
	cadence: "Cadence",
	created: "Created",
	nextFollowUp: "Next follow-up",
	lastTouch: "Last touch",
	touches: "Touches",
	value: "Deal value",
	sequence: "Sequence",
	owner: "Owner",
	source: "Source",
	email: "Email",
	phone: "Phone",
	role: "Job title",
};

const TEMPLATE_FIELDS: Record<keyof TouchbaseSettings["templates"], { name: string; desc: string }> = {
	touch: { name: "Touch line", desc: "Log a touch. Placeholders: date, time, channel, summary, outcome, next, objective, touch (5th), prospect, company, contact, fm.KEY." },
	scheduled: { name: "Scheduled line", desc: "Schedule next follow-up and sequences. Placeholders: date, time, channel, summary, objective, sequence, prospect, company, contact, fm.KEY." },
	draft: { name: "Draft email", desc: "Draft follow-up email. Placeholders: date, contact, recap, gift (something of value), next, prospect, company, fm.KEY." },
	prospect: { name: "New prospect note", desc: "New prospect. Placeholders: prospect, company, contact, date." },
};

const READ_FORM_FIELDS: Record<keyof TouchbaseSettings["readForms"], { name: string; desc: string }> = {
	labels: { name: "Labelled dates", desc: "Lines such as Call 1: 2026-02-18, Last sync: 2026-05-12 or Next check-in: 2026-05-20." },
	headings: { name: "Dated headings", desc: "Headings such as ### 2026-01-05 — Call with Dana." },
	tables: { name: "Tables", desc: "Tables with a Date column and a channel or notes column." },
	tasks: { name: "Dated tasks", desc: "Tasks such as - [x] Discovery call -- 2026-03-05." },
	interactions: { name: "Meeting notes", desc: "A call or meeting note that links to the prospect." },
};

/** Every setting but the sequences (a list of their own), in the order the settings show them. */
export const SETTING_FIELDS: readonly SettingField[] = [
	{ group: "Prospect notes", key: "prospectFolders", kind: "list", name: "Prospect folders", desc: "Every note in these folders (comma separated, sub-folders included) is a prospect. Empty: off.", placeholder: "Prospects" },
	{ group: "Prospect notes", key: "prospectTag", kind: "text", name: "Prospect tag", desc: "Notes with this tag are prospects (without #). Empty: off.", placeholder: "prospect", validate: (v) => (typeof v === "string" && /\s/.test(v.trim()) ? "A tag has no spaces." : undefined) },
	{ group: "Prospect notes", key: "typeKey", kind: "text", name: "Type key", desc: "Notes whose frontmatter has this key set to the value below are prospects. Empty: off.", placeholder: "type" },
	{ group: "Prospect notes", key: "typeValue", kind: "text", name: "Type value", placeholder: "prospect", validate: notEmpty("Give the value, such as prospect.") },
	{ group: "Prospect notes", key: "me", kind: "text", name: "Me", desc: "Your name (or a link to your note) as the owner key gives it in a shared vault. When set, the status bar, the digest and the reminders count only your prospects. Empty: everyone's.", placeholder: "Jane Doe" },
	{ group: "Prospect notes", key: "templateFolders", kind: "list", name: "Template folders", desc: "Notes in these folders (comma separated) are templates, never prospects.", placeholder: "Templates" },

	{ group: "Follow-ups", key: "followUpHeading", kind: "text", name: "Follow-up heading", desc: "Logged and scheduled touches go under this heading (created at the end of the note if missing).", validate: notEmpty("A heading cannot be empty.") },
	{ group: "Follow-ups", key: "draftsHeading", kind: "text", name: "Drafts heading", desc: "Drafted emails go under this heading.", validate: notEmpty("A heading cannot be empty.") },
	{ group: "Follow-ups", key: "channels", kind: "list", name: "Channels", desc: "Words read as a channel after a touch's date (comma separated).", validate: (v) => (typeof v === "string" && v.split(",").every((c) => c.trim() === "") ? "Give at least one channel word." : undefined) },
	{ group: "Follow-ups", key: "defaultChannel", kind: "text", name: "Default channel", desc: "Used when a prospect has no preferred channel.", validate: oneWord },
	{ group: "Follow-ups", key: "meetingChannels", kind: "list", name: "Meeting channels", desc: "Channels that count as a meeting: a touch on one ends a sequence (comma separated)." },
	{
		group: "Follow-ups",
		key: "cadence",
		kind: "text",
		name: "Default cadence",
		desc: "Steps after each touch, such as 3d, 1w, 2w, 1mo (d, w, mo, y). The last step repeats. none: no suggestions.",
		validate: (v) => {
			const parsed = parseCadence(typeof v === "string" ? v : "");
			return "error" in parsed ? parsed.error : undefined;
		},
	},
	{ group: "Follow-ups", key: "skipWeekends", kind: "toggle", name: "Skip weekends", desc: "A suggested date on a weekend moves to the next working day." },
	{ group: "Follow-ups", key: "upcomingDays", kind: "number", name: "Upcoming window", desc: "Days ahead that count as upcoming.", validate: (v) => (typeof v === "number" && Number.isInteger(v) && v >= 0 && v <= 366 ? undefined : "A whole number of days from 0 to 366.") },
	{ group: "Follow-ups", key: "coldDays.lead", kind: "number", name: "Going cold: leads", desc: "Days without a touch after which a lead is marked going cold, whatever its next date. 0 turns it off.", validate: (v) => (typeof v === "number" && Number.isInteger(v) && v >= 0 && v <= 366 ? undefined : "A whole number of days from 0 to 366.") },
	{ group: "Follow-ups", key: "coldDays.active", kind: "number", name: "Going cold: active prospects", desc: "Days without a touch after which an active prospect is marked going cold, whatever its next date. 0 turns it off.", validate: (v) => (typeof v === "number" && Number.isInteger(v) && v >= 0 && v <= 366 ? undefined : "A whole number of days from 0 to 366.") },
	{ group: "Follow-ups", key: "dateLocale", kind: "dropdown", name: "Date format", desc: "How to read dates such as 3/4.", options: { en: "Month first (3/4 is March 4)", "en-GB": "Day first (3/4 is 3 April)" } },

	{ group: "Calendar", key: "calendarPath", kind: "text", name: "Calendar file", desc: "Where the calendar export (.ics) is written in the vault.", placeholder: DEFAULT_SETTINGS.calendarPath, validate: notEmpty("Give a path in the vault, such as Touchbase/follow-ups.ics.") },
	{ group: "Calendar", key: "calendarKeepCurrent", kind: "toggle", name: "Keep a calendar file", desc: "Rewrite the calendar file, an alarm on every follow-up, whenever your follow-ups change (only when its bytes change): subscribe to it from your phone through your sync." },

	{ group: "Reminders", key: "reminders", kind: "toggle", name: "Reminders", desc: "A morning digest of what is due, and a notice at the minute of each timed touch (a touch line with a time)." },
	{
		group: "Reminders",
		key: "digestTime",
		kind: "text",
		name: "Digest time",
		desc: "When the morning digest shows if Obsidian is already open (24-hour HH:mm). Opening Obsidian later in the day shows it at once.",
		placeholder: DEFAULT_SETTINGS.digestTime,
		validate: (v) => {
			const m = typeof v === "string" ? /^\s*(\d{1,2}):(\d{2})\s*$/.exec(v) : null;
			return !m || Number(m[1]) > 23 || Number(m[2]) > 59 ? "A time as HH:mm, such as 09:00." : undefined;
		},
	},
	{ group: "Reminders", key: "systemNotifications", kind: "toggle", name: "Desktop notifications", desc: "Also show a timed touch as a system notification, outside Obsidian.", visible: () => Platform.isDesktopApp },

	...(Object.keys(KEY_FIELDS) as (keyof TouchbaseSettings["keys"])[]).map(
		(key): SettingField => ({ group: "Frontmatter keys", key: `keys.${key}`, kind: "text", name: KEY_FIELDS[key], placeholder: DEFAULT_SETTINGS.keys[key], validate: notEmpty("A key name cannot be empty.") }),
	),
	{ group: "Frontmatter keys", key: "synonyms.nextFollowUp", kind: "list", name: "Also read as next follow-up", desc: "Other key names (comma separated)." },
	{ group: "Frontmatter keys", key: "synonyms.lastTouch", kind: "list", name: "Also read as last touch", desc: "Other key names (comma separated)." },
	{ group: "Frontmatter keys", key: "synonyms.nextAction", kind: "list", name: "Also read as next action", desc: "Other key names for the next step, read as next follow-up when they hold a date (comma separated)." },
	{ group: "Frontmatter keys", key: "synonyms.cadence", kind: "list", name: "Also read as cadence", desc: "Other key names (comma separated)." },

	{ group: "Reading existing notes", key: "contactWords", kind: "list", name: "Contact words", desc: "Words that make a dated line a contact with the prospect, besides the channels (comma separated)." },
	{ group: "Reading existing notes", key: "logSections", kind: "list", name: "Log sections", desc: "Headings whose dated lines are contacts without a contact word; one that also says next or upcoming holds next steps (comma separated)." },
	{ group: "Reading existing notes", key: "notContactWords", kind: "list", name: "Not-a-contact words", desc: "Words that make a dated line no contact, such as birthday, invoice or deadline (comma separated)." },
	{ group: "Reading existing notes", key: "languages", kind: "list", name: "Languages of your notes", desc: "Besides English, whose words and written-out dates are read: es, pt, fr, de, it, nl, sv, da, nb (da and nb words only). Leave empty for English only (comma separated)." },
	...(Object.keys(READ_FORM_FIELDS) as (keyof TouchbaseSettings["readForms"])[]).map(
		(key): SettingField => ({ group: "Reading existing notes", key: `readForms.${key}`, kind: "toggle", ...READ_FORM_FIELDS[key] }),
	),
	{ group: "Reading existing notes", key: "maxNoteMB", kind: "number", name: "Largest note read", desc: "In megabytes. A larger note is not read and is listed under problems.", validate: (v) => (typeof v === "number" && Number.isInteger(v) && v >= 1 && v <= 1024 ? undefined : "A whole number of megabytes from 1 to 1024.") },
	{ group: "Reading existing notes", key: "peopleKeys", kind: "list", name: "People keys", desc: "Frontmatter keys of a meeting note that name who it was with (comma separated)." },

	...(Object.keys(TEMPLATE_FIELDS) as (keyof TouchbaseSettings["templates"])[]).map(
		(key): SettingField => ({
			group: "Templates",
			key: `templates.${key}`,
			kind: "textarea",
			...TEMPLATE_FIELDS[key],
			rows: key === "touch" || key === "scheduled" ? 2 : 8,
			validate: notEmpty("A template cannot be empty: restore the default instead."),
		}),
	),
];

/** The value at a dotted path of the settings. */
export function valueAt(settings: TouchbaseSettings, key: string): unknown {
	let here: unknown = settings;
	for (const part of key.split(".")) here = typeof here === "object" && here !== null ? (here as Record<string, unknown>)[part] : undefined;
	return here;
}

function setValueAt(settings: TouchbaseSettings, key: string, value: unknown): void {
	const parts = key.split(".");
	let here = settings as unknown as Record<string, unknown>;
	for (const part of parts.slice(0, -1)) here = here[part] as Record<string, unknown>;
	here[parts[parts.length - 1]] = value;
}

const fieldByKey = new Map(SETTING_FIELDS.map((f) => [f.key, f]));

/** A control's value as its control shows it: a list as `a, b`. */
export function controlValue(settings: TouchbaseSettings, key: string): unknown {
	const step = /^sequences\.(\d+)\.(name|steps\.(\d+)\.(offset|unit|channel|objective))$/.exec(key);
	if (step) return valueAt(settings, key);
	const value = valueAt(settings, key);
	return fieldByKey.get(key)?.kind === "list" && Array.isArray(value) ? value.join(", ") : value;
}

/** Writes a control's value into `settings` (a draft), as the settings keep it. */
export function setControlValueIn(settings: TouchbaseSettings, key: string, value: unknown): void {
	const field = fieldByKey.get(key);
	if (field?.kind === "list") {
		const items = String(value)
			.split(",")
			.map((s) => s.trim())
			.filter((s) => s !== "");
		setValueAt(settings, key, key === "channels" || key === "meetingChannels" || key === "contactWords" || key === "logSections" || key === "notContactWords" || key === "languages" ? items.map((s) => s.toLowerCase()) : items);
	} else if (field?.kind === "text" && typeof value === "string") {
		setValueAt(settings, key, key === "prospectTag" ? value.trim().replace(/^#/, "") : key === "defaultChannel" ? value.trim().toLowerCase() : value.trim());
	} else if (/^sequences\.\d+\.name$/.test(key)) {
		setValueAt(settings, key, String(value).replace(/\s+/g, " ").trim());
	} else {
		setValueAt(settings, key, value);
	}
}

/** What the definitions do to the settings besides a control's value: structure changes, saved at once. */
export interface DefinitionActions {
	/** The tab's draft of the settings (changed in place). */
	draft(): TouchbaseSettings;
	/** Saves the draft now and draws the definitions again (a sequence or step added, moved or deleted). */
	changed(): void;
	/** Saves the draft soon (a value typed in a row drawn by hand). */
	save(): void;
}

const UNITS = { days: "days", "business days": "business days" };
const FROM = { start: "from the start", previous: "after the previous step" };
const END_LABELS: Record<SequenceEnd, string> = { answer: "An answer", meeting: "A meeting", won: "Won", lost: "Lost", paused: "Paused" };

function move<T>(list: T[], from: number, to: number): void {
	if (from < 0 || from >= list.length || to < 0 || to >= list.length || from === to) return;
	const [item] = list.splice(from, 1);
	list.splice(to, 0, item);
}

/** One sequence's page: its name, then its steps as a list (add, reorder, delete). */
function sequencePage(sequence: Sequence, i: number, actions: DefinitionActions): SettingDefinitionItem {
	const steps = (): SequenceStep[] => actions.draft().sequences[i]?.steps ?? [];
	const stepItems = sequence.steps.map(
		(step, j): SettingGroupItem => ({
			name: `Step ${j + 1}`,
			desc: `${step.offset} ${step.unit}, ${step.channel}${step.objective ? `: ${step.objective}` : ""}`,
			aliases: [sequence.name, step.channel, step.objective].filter((s) => s !== ""),
			render: (setting) => {
				const current = (): SequenceStep | undefined => steps()[j];
				setting.addText((t) => {
					t.inputEl.type = "number";
					t.inputEl.min = "0";
					t.inputEl.max = String(MAX_SEQUENCE_OFFSET);
					t.inputEl.setAttribute("aria-label", "Offset");
					t.setValue(String(step.offset)).onChange((v) => {
						const n = Number(v);
						const ok = v.trim() !== "" && Number.isInteger(n) && n >= 0 && n <= MAX_SEQUENCE_OFFSET;
						// Only 1.13 and later draw these definitions.
						if (requireApiVersion("1.13.0")) setting.setErrorMessage(ok ? null : `An offset is a whole number from 0 to ${MAX_SEQUENCE_OFFSET}.`);
						const s = current();
						if (ok && s) s.offset = n;
						if (ok) actions.save();
					});
				});
				setting.addDropdown((d) => {
					d.selectEl.setAttribute("aria-label", "Unit");
					d.addOptions(UNITS)
						.setValue(step.unit)
						.onChange((v) => {
							const s = current();
							if (s) s.unit = v === "business days" ? "business days" : "days";
							actions.save();
						});
				});
				// A step may count from the day the step before it was done.
				setting.addDropdown((d) => {
					d.selectEl.setAttribute("aria-label", "Counted from");
					d.addOptions(FROM)
						.setValue(step.after === "previous" && j > 0 ? "previous" : "start")
						.setDisabled(j === 0)
						.onChange((v) => {
							const s = current();
							if (s && v === "previous") s.after = "previous";
							else if (s) delete s.after;
							actions.save();
						});
				});
				setting.addDropdown((d) => {
					d.selectEl.setAttribute("aria-label", "Channel");
					const channels = actions.draft().channels;
					for (const channel of channels) d.addOption(channel, channel);
					if (!channels.includes(step.channel)) d.addOption(step.channel, step.channel);
					d.setValue(step.channel).onChange((v) => {
						const s = current();
						if (s) s.channel = v;
						actions.save();
					});
				});
				setting.addText((t) => {
					t.inputEl.setAttribute("aria-label", "Objective");
					t.setPlaceholder("Objective")
						.setValue(step.objective)
						.onChange((v) => {
							const s = current();
							if (s) s.objective = v;
							actions.save();
						});
				});
			},
		}),
	);
	return {
		type: "page",
		name: sequence.name,
		desc: `Tag: ${sequenceMarker(sequence.name)}`,
		displayValue: `${sequence.steps.length} ${sequence.steps.length === 1 ? "step" : "steps"}`,
		status: sequence.steps.length === 0 ? "warning" : null,
		items: [
			{
				type: "group",
				items: [
					{ name: "Name", desc: "The tag on its touches follows the name.", control: { type: "text", key: `sequences.${i}.name`, validate: notEmpty("A sequence needs a name.") } },
					{
						name: "Ends on",
						desc: "What cancels the open touches left.",
						aliases: Object.values(END_LABELS),
						render: (setting) => {
							for (const end of SEQUENCE_ENDS) {
								setting.controlEl.createSpan({ cls: "touchbase-sequence-end-label", text: END_LABELS[end] });
								setting.addToggle((t) => {
									t.toggleEl.setAttribute("aria-label", END_LABELS[end]);
									t.setValue((sequence.endsOn ?? SEQUENCE_ENDS).includes(end)).onChange((on) => {
										const kept = actions.draft().sequences[i];
										if (!kept) return;
										const now = new Set(kept.endsOn ?? SEQUENCE_ENDS);
										if (on) now.add(end);
										else now.delete(end);
										kept.endsOn = SEQUENCE_ENDS.filter((e) => now.has(e));
										actions.save();
									});
								});
							}
						},
					},
				],
			},
			{
				type: "list",
				heading: "Steps",
				emptyState: "No steps yet: this sequence cannot be started.",
				items: stepItems,
				onReorder: (from, to) => {
					move(steps(), from, to);
					actions.changed();
				},
				onDelete: (j) => {
					steps().splice(j, 1);
					actions.changed();
				},
				addItem: {
					name: "Add step",
					action: () => {
						const list = steps();
						list.push(newStep(actions.draft(), list[list.length - 1]));
						actions.changed();
					},
				},
			},
		],
	};
}

/** The settings, declared (Obsidian 1.13): a group per section, the sequences as a list of pages. */
export function settingDefinitions(settings: TouchbaseSettings, actions: DefinitionActions): SettingDefinitionItem[] {
	const groups = new Map<string, SettingGroupItem[]>();
	for (const field of SETTING_FIELDS) {
		const items = groups.get(field.group) ?? [];
		groups.set(field.group, items);
		const base = { key: field.key, validate: field.validate as never };
		const control =
			field.kind === "list" || field.kind === "text"
				? { type: "text" as const, placeholder: field.placeholder, ...base }
				: field.kind === "textarea"
					? { type: "textarea" as const, rows: field.rows, ...base }
					: field.kind === "number"
						? { type: "number" as const, min: 0, max: 366, ...base }
						: field.kind === "dropdown"
							? { type: "dropdown" as const, options: field.options ?? {}, ...base }
							: { type: "toggle" as const, ...base };
		items.push({ name: field.name, desc: field.desc, control, visible: field.visible });
	}
	const out: SettingDefinitionItem[] = [];
	for (const [heading, items] of groups) {
		out.push({ type: "group", heading, items });
		if (heading === "Follow-ups") {
			out.push({
				type: "list",
				heading: "Sequences",
				emptyState: "No sequences. Start a sequence writes one open touch per step, dated from the day you start it and tagged #sequence/name.",
				items: settings.sequences.map((sequence, i) => sequencePage(sequence, i, actions) as SettingGroupItem),
				onReorder: (from, to) => {
					move(actions.draft().sequences, from, to);
					actions.changed();
				},
				onDelete: (i) => {
					actions.draft().sequences.splice(i, 1);
					actions.changed();
				},
				addItem: {
					name: "Add sequence",
					action: () => {
						const sequences = actions.draft().sequences;
						sequences.push({ name: unusedName(sequences), steps: [newStep(actions.draft(), undefined)] });
						actions.changed();
					},
				},
			});
		}
	}
	return out;
}
