// core/settings, step 2 (docs/architecture.md): the settings, their defaults and their migration.
import { isOneWord } from "../text/unicode";
import { LANGUAGES } from "../text/languages";

/** Everything the core needs to know about a user's vault conventions. Passed in, never global. */
export interface TouchbaseSettings {
	/** Folders whose notes (recursively) are prospects. Empty: folder rule off. */
	prospectFolders: string[];
	/** Tag that marks a prospect (without `#`). Empty: tag rule off. */
	prospectTag: string;
	/** Frontmatter key and value that mark a prospect (`type: prospect`). Empty key: rule off. */
	typeKey: string;
	typeValue: string;
	/** Canonical frontmatter key names; the commands write these. */
	keys: FrontmatterKeys;
	/** Other names read as the same key (matched loosely). */
	synonyms: { nextFollowUp: string[]; lastTouch: string[]; nextAction: string[]; cadence: string[] };
	/**
	 * Words that make a dated line of a note a contact with the prospect, besides the channels
	 * (README, "Bringing your existing notes").
	 */
	contactWords: string[];
	/**
	 * Words of the section headings whose dated lines are contacts even without a contact word
	 * (`## Log`, `## Interactions`); a heading that also says next or upcoming holds next steps
	 * (README, "Bringing your existing notes").
	 */
	logSections: string[];
	/** Words that make a dated line no contact (`birthday`, `invoice`, `deadline`). */
	notContactWords: string[];
	/**
	 * The languages besides English whose words and written-out dates are read (README, "Notes in
	 * other languages"): codes of `LANGUAGES`; empty reads English only.
	 */
	languages: string[];
	/** Which of the forms people already write are read (README, "Bringing your existing notes"). */
	readForms: ReadForms;
	/** Frontmatter keys of an interaction note that name the people it was with. */
	peopleKeys: string[];
	/** Folders of templates, besides those Obsidian's Templates and Templater settings name: never prospects. */
	templateFolders: string[];
	channels: string[];
	defaultChannel: string;
	/** Cadence such as `3d, 1w, 2w, 1mo`. */
	cadence: string;
	skipWeekends: boolean;
	upcomingDays: number;
	/** `en` reads 3/4 as March 4; `en-GB` as 3 April. */
	dateLocale: "en" | "en-GB";
	followUpHeading: string;
	draftsHeading: string;
	templates: Templates;
	/** Named follow-up plans, in the order the settings list them. */
	sequences: Sequence[];
	/** Vault path of the calendar (`.ics`) export. */
	calendarPath: string;
	/** Rewrite the calendar file whenever the follow-ups change. */
	calendarKeepCurrent: boolean;
	/** The morning digest and the notices of timed touches. */
	reminders: boolean;
	/** When the morning digest shows if Obsidian is already open (`HH:mm`, local time). */
	digestTime: string;
	/** Also a desktop system notification for a timed touch, where the platform offers one. */
	systemNotifications: boolean;
	/** Channels that count as a meeting: logging a touch on one ends a sequence (README, "Sequences"). */
	meetingChannels: string[];
	/**
	 * Who "me" is in a shared vault: a name or a wikilink, matched loosely against each note's
	 * `owner`. Empty: no owner filter anywhere (README, "Team vaults").
	 */
	me: string;
	/**
	 * Days without a touch after which an open prospect is going cold, per status; 0 turns it
	 * off for that status (README, "Going cold").
	 */
	coldDays: { lead: number; active: number };
	/**
	 * Notes larger than this many megabytes are not read: listed under problems instead
	 * (docs/reliability.md). A guard against a huge file or a link to a device, not a limit on notes.
	 */
	maxNoteMB: number;
}

export type SequenceUnit = "days" | "business days";

/**
 * One step of a sequence: a touch `offset` days (or business days) after the start, or, with
 * `after: "previous"`, after the day the step before it was done (README, "Sequences").
 */
export interface SequenceStep {
	offset: number;
	unit: SequenceUnit;
	/** Absent: from the day the sequence starts. `previous`: from the day the step before was done. */
	after?: "previous";
	channel: string;
	/** Why this touch, in words ("thank you"); may be empty. */
	objective: string;
}

/** What ends a sequence: an answer (yes or no), a touch on a meeting channel, or a status. */
export type SequenceEnd = "answer" | "meeting" | "won" | "lost" | "paused";
export const SEQUENCE_ENDS: readonly SequenceEnd[] = ["answer", "meeting", "won", "lost", "paused"];

export interface Sequence {
	name: string;
	steps: SequenceStep[];
	/** What ends it; absent: all of SEQUENCE_ENDS. */
	endsOn?: SequenceEnd[];
}

export const DEFAULT_MEETING_CHANNELS: readonly string[] = ["meeting", "consult", "coffee", "lunch", "visit", "video"];

/** Longest offset a step may have: ten years. */
export const MAX_SEQUENCE_OFFSET = 3650;

export const DEFAULT_SEQUENCES: Sequence[] = [
	{
		name: "Trade-show lead",
		steps: [
			{ offset: 0, unit: "days", channel: "email", objective: "thank you" },
			{ offset: 2, unit: "business days", channel: "call", objective: "check fit" },
			{ offset: 7, unit: "days", channel: "email", objective: "case study" },
			{ offset: 14, unit: "days", channel: "call", objective: "touch base" },
			{ offset: 30, unit: "days", channel: "letter", objective: "stay in touch" },
		],
	},
	{
		name: "Referral",
		steps: [
			{ offset: 0, unit: "business days", channel: "call", objective: "introduce yourself" },
			{ offset: 1, unit: "business days", channel: "email", objective: "recap" },
			{ offset: 5, unit: "business days", channel: "call", objective: "check fit" },
			{ offset: 10, unit: "business days", channel: "coffee", objective: "meet in person" },
		],
	},
];

export interface ReadForms {
	/** `- **Call 1:** 2026-02-18`, `Last sync: 2026-05-12`, `Next check-in: 2026-05-20`. */
	labels: boolean;
	/** `### 2026-01-05 — Call with Dana`. */
	headings: boolean;
	/** Tables with a Date column and a channel or notes column. */
	tables: boolean;
	/** `- [x] Discovery call -- 2026-03-05`. */
	tasks: boolean;
	/** A call or meeting note that links to the prospect. */
	interactions: boolean;
}

export const CONTACT_WORDS: readonly string[] = [
	"contact", "contacted", "meeting", "met", "meet", "zoom", "teams", "sync", "check-in", "catch-up",
	"demo", "discovery", "intro", "introduction", "follow-up", "touch base", "spoke", "talked", "chat",
	"interview", "pitch", "reached out", "dm", "message", "e-mail", "mail",
];

/** Section headings whose dated lines are contacts (README, "Bringing your existing notes"). */
export const LOG_SECTIONS: readonly string[] = [
	"log", "contact log", "interactions", "interaction log", "history", "contact history", "timeline", "meetings",
	"touchpoints", "touches", "follow-ups", "follow ups", "followups", "last contact", "next steps", "next step",
	"activity", "activity log", "communication", "communications", "correspondence", "conversations", "calls",
	"call log", "meeting log", "meeting notes", "notes from calls", "outreach", "engagement",
	// Where the first contact is written down: `## How we met` then `- Welcome day, 16 June 2026`.
	"how we met", "first met", "first contact", "first meeting",
	// A pasted thread is its contacts: `# Email Thread: Dana Lee` then `**Date:** Jan 6, 2025`, `## Text messages`.
	"email thread", "text thread", "emails", "text messages", "texts",
];

/** Words that make a dated line no contact, whatever else it says (README, "Bringing your existing notes"). */
export const NOT_CONTACT_WORDS: readonly string[] = [
	"mentioned in", "mentioned as", "mentioned by", "was mentioned", "(mentioned)", "(per", "draft", "drafted", "cancel", "canceled", "cancelled", "renew", "renews", "renewal", "expires",
	"expired", "expiry", "deadline", "due", "birthday", "born", "anniversary", "invoice", "invoiced", "reminder to self",
	"note to self", "created", "last updated", "modified", "published", "released", "founded", "expected close",
	"close date", "closing date", "paid", "payment", "start date", "end date", "launch", "go-live", "hired",
	"promoted", "no-show", "no show", "vacation", "holiday", "out of office", "ooo",
	// Someone's availability or absence ("unavailable the week of Dec 23-27") is no contact.
	"unavailable", "not available", "on leave", "pto", "out sick",
	// A fact checked on a day ("LinkedIn verified Oct 28") is research, not a contact.
	"verified", "web search",
	// Getting ready for a meeting ("1:1 prep", "talking points") is not the meeting.
	"prep", "preparation", "talking points",
	// What they did with the product, not with you ("2026-03-27: started testing, tried the email workflow").
	"signed up", "started testing", "started using", "started a trial", "started the trial",
	// A lead set aside on a day ("Parked 27 Apr, 3 chases, no reply") is a status, not a contact.
	"parked",
];

export interface FrontmatterKeys {
	status: string;
	pausedUntil: string;
	company: string;
	contact: string;
	channel: string;
	cadence: string;
	created: string;
	nextFollowUp: string;
	lastTouch: string;
	touches: string;
	value: string;
	/** The sequence a prospect is in (written by Start a sequence). */
	sequence: string;
	/** Who the prospect belongs to in a shared vault: a name or a wikilink. */
	owner: string;
	/** Where the lead came from (written by Import leads). */
	source: string;
	email: string;
	phone: string;
	/** The contact's job title (written by Import leads). */
	role: string;
}

export interface Templates {
	touch: string;
	scheduled: string;
	draft: string;
	prospect: string;
}

export const DEFAULT_TEMPLATES: Templates = {
	touch:
		"- {{date}}{{#time}} {{time}}{{/time}} {{channel}}: {{summary}}{{#outcome}} (outcome: {{outcome}}){{/outcome}}{{#next}} → next: {{next}}{{/next}}",
	scheduled:
		"- [ ] {{date}}{{#time}} {{time}}{{/time}} {{channel}}: {{summary}}{{#objective}} #objective/{{objective}}{{/objective}}",
	draft: [
		"### {{date}} follow-up to {{contact}}",
		"Hi {{contact}},",
		"",
		"Thank you for your time today. To recap what we discussed: {{recap}}",
		"{{#gift}}",
		"I thought this might help: {{gift}}",
		"{{/gift}}{{#next}}",
		"Next step: {{next}}",
		"{{/next}}",
	].join("\n"),
	prospect: [
		"---",
		"type: prospect",
		"status: lead",
		"company: {{company}}",
		"contact: {{contact}}",
		"source:",
		"channel:",
		"created: {{date}}",
		"---",
		"## Follow-ups",
		"",
	].join("\n"),
};

export const DEFAULT_SETTINGS: TouchbaseSettings = {
	prospectFolders: ["Prospects"],
	prospectTag: "prospect",
	typeKey: "type",
	typeValue: "prospect",
	keys: {
		status: "status",
		pausedUntil: "paused_until",
		company: "company",
		contact: "contact",
		channel: "channel",
		cadence: "cadence",
		created: "created",
		nextFollowUp: "next_follow_up",
		lastTouch: "last_touch",
		touches: "touches",
		value: "value",
		sequence: "sequence",
		owner: "owner",
		source: "source",
		email: "email",
		phone: "phone",
		role: "role",
	},
	synonyms: {
		// The same keys in other languages (README, "Notes in other languages").
		nextFollowUp: ["next_contact", "next_action_date", "follow_up", "follow_up_date", "next_touch", "proximo_contacto", "data_proxima_interacao", "proximo_contato", "prochain_contact", "naechster_kontakt", "nächster_kontakt", "prossimo_contatto", "volgend_contact"],
		// `next_step_at: 2026-05-27T13:00:00Z` (an outreach tool's cadence): a date there is the next step.
		nextAction: ["next_action", "next_step", "next_step_at"],
		lastTouch: ["last_contact", "last_contacted", "last_chat", "last_seen", "last_spoke", "last_interaction", "last_meeting", "prm-last-contacted", "ultimo_contacto", "data_contato", "ultimo_contato", "dernier_contact", "letzter_kontakt", "ultimo_contatto", "laatste_contact"],
		cadence: ["outreach", "frequency", "contact_frequency", "keep_in_touch", "follow_up_cadence"],
	},
	contactWords: [...CONTACT_WORDS],
	logSections: [...LOG_SECTIONS],
	notContactWords: [...NOT_CONTACT_WORDS],
	languages: [...LANGUAGES],
	readForms: { labels: true, headings: true, tables: true, tasks: true, interactions: true },
	// Who a meeting was with: also a 1:1's `manager` and `directReport` (README, "Bringing your existing notes").
	peopleKeys: ["contact", "contacts", "people", "person", "attendees", "participants", "invitees", "guests", "attendee_ids", "with", "client", "prospect", "company", "manager", "directReport"],
	templateFolders: ["Templates"],
	channels: [
		"call",
		"phone",
		"voicemail",
		"email",
		"text",
		"sms",
		"meeting",
		"consult",
		"video",
		"coffee",
		"lunch",
		"visit",
		"letter",
		"card",
		"gift",
		"linkedin",
		"social",
		"event",
	],
	defaultChannel: "email",
	cadence: "3d, 1w, 2w, 1mo",
	skipWeekends: false,
	upcomingDays: 7,
	dateLocale: "en",
	followUpHeading: "## Follow-ups",
	draftsHeading: "## Drafts",
	templates: DEFAULT_TEMPLATES,
	sequences: DEFAULT_SEQUENCES,
	calendarPath: "Touchbase/follow-ups.ics",
	calendarKeepCurrent: false,
	reminders: true,
	digestTime: "09:00",
	systemNotifications: false,
	meetingChannels: [...DEFAULT_MEETING_CHANNELS],
	me: "",
	coldDays: { lead: 14, active: 21 },
	maxNoteMB: 10,
};

type Raw = Record<string, unknown>;

function isRecord(value: unknown): value is Raw {
	return typeof value === "object" && value !== null && !Array.isArray(value);
}

function str(value: unknown, fallback: string, allowEmpty = false): string {
	if (typeof value !== "string") return fallback;
	const trimmed = value.trim();
	return trimmed === "" && !allowEmpty ? fallback : trimmed;
}

function strList(value: unknown, fallback: string[]): string[] {
	const items = Array.isArray(value)
		? value
		: typeof value === "string"
			? value.split(",")
			: null;
	if (!items) return [...fallback];
	return items
		.filter((v): v is string => typeof v === "string")
		.map((v) => v.trim())
		.filter((v) => v !== "");
}

function bool(value: unknown, fallback: boolean): boolean {
	return typeof value === "boolean" ? value : fallback;
}

function int(value: unknown, fallback: number, min: number, max: number): number {
	const n = typeof value === "string" ? Number(value) : value;
	if (typeof n !== "number" || !Number.isFinite(n)) return fallback;
	return Math.min(max, Math.max(min, Math.round(n)));
}

function keysFrom(raw: unknown): FrontmatterKeys {
	const source = isRecord(raw) ? raw : {};
	const out = { ...DEFAULT_SETTINGS.keys };
	for (const name of Object.keys(out) as (keyof FrontmatterKeys)[]) {
		out[name] = str(source[name], out[name]);
	}
	return out;
}

function templatesFrom(raw: unknown): Templates {
	const source = isRecord(raw) ? raw : {};
	const out = { ...DEFAULT_TEMPLATES };
	for (const name of Object.keys(out) as (keyof Templates)[]) {
		const value = source[name];
		if (typeof value === "string" && value.trim() !== "") out[name] = value;
	}
	return out;
}

const UNITS: Record<string, SequenceUnit> = {
	d: "days",
	day: "days",
	days: "days",
	bd: "business days",
	businessday: "business days",
	businessdays: "business days",
};

/** `after: "previous"` as stored, or a unit written `business days after previous`. */
function afterPrevious(raw: Raw): boolean {
	const after = typeof raw.after === "string" ? raw.after.trim().toLowerCase() : "";
	return after === "previous" || (typeof raw.unit === "string" && /\bafter\b.*\bprevious\b/i.test(raw.unit));
}

/** A step as stored, or null when it cannot be one (it is then dropped). */
function stepFrom(raw: unknown): SequenceStep | null {
	if (!isRecord(raw)) return null;
	const offset = typeof raw.offset === "string" && raw.offset.trim() !== "" ? Number(raw.offset) : raw.offset;
	if (typeof offset !== "number" || !Number.isInteger(offset) || offset < 0 || offset > MAX_SEQUENCE_OFFSET) return null;
	const unit = raw.unit === undefined ? "days" : typeof raw.unit === "string" ? UNITS[raw.unit.toLowerCase().replace(/\bafter\b.*$/, "").replace(/[^a-z]/g, "")] : undefined;
	if (unit === undefined) return null;
	// A channel is one word: it is written right after the date, where the touch line reads it.
	const channel = typeof raw.channel === "string" ? raw.channel.trim().toLowerCase() : "";
	if (!isOneWord(channel)) return null;
	const objective = raw.objective === undefined || raw.objective === null ? "" : typeof raw.objective === "string" ? raw.objective.replace(/\s+/g, " ").trim() : null;
	if (objective === null) return null;
	return afterPrevious(raw) ? { offset, unit, after: "previous", channel, objective } : { offset, unit, channel, objective };
}

/** What ends a sequence, as stored: a list of known ends (unknown ones dropped); absent or not a list: all. */
function endsFrom(raw: unknown): SequenceEnd[] | undefined {
	if (!Array.isArray(raw)) return undefined;
	const ends = raw.filter((e): e is SequenceEnd => typeof e === "string" && (SEQUENCE_ENDS as readonly string[]).includes(e));
	return SEQUENCE_ENDS.filter((e) => ends.includes(e));
}

/**
 * Sequences as stored: the defaults when there are none stored (or they are not a list), else
 * every sequence that is an object, with its good steps (bad steps are dropped, one by one).
 */
function sequencesFrom(raw: unknown): Sequence[] {
	if (!Array.isArray(raw)) return DEFAULT_SEQUENCES.map((q) => ({ name: q.name, steps: q.steps.map((step) => ({ ...step })) }));
	const out: Sequence[] = [];
	for (const item of raw) {
		if (!isRecord(item)) continue;
		const name = typeof item.name === "string" ? item.name.replace(/\s+/g, " ").trim() : "";
		const steps = Array.isArray(item.steps) ? item.steps.map(stepFrom).filter((s): s is SequenceStep => s !== null) : [];
		const endsOn = endsFrom(item.endsOn);
		out.push(endsOn ? { name: name || `Sequence ${out.length + 1}`, steps, endsOn } : { name: name || `Sequence ${out.length + 1}`, steps });
	}
	return out;
}

function readFormsFrom(value: unknown): ReadForms {
	const stored = isRecord(value) ? value : {};
	const out = { ...DEFAULT_SETTINGS.readForms };
	for (const name of Object.keys(out) as (keyof ReadForms)[]) out[name] = bool(stored[name], out[name]);
	return out;
}

/** A time of day as `HH:mm` (`9:00` is read as `09:00`), else the default. */
function clockFrom(value: unknown, fallback: string): string {
	if (typeof value !== "string") return fallback;
	const m = /^\s*(\d{1,2}):(\d{2})\s*$/.exec(value);
	if (!m || Number(m[1]) > 23 || Number(m[2]) > 59) return fallback;
	return `${m[1].padStart(2, "0")}:${m[2]}`;
}

/** Days before going cold, per status: whole days from 0 (off) to ten years; each bad value its default. */
function coldDaysFrom(value: unknown): TouchbaseSettings["coldDays"] {
	const stored = isRecord(value) ? value : {};
	const d = DEFAULT_SETTINGS.coldDays;
	return { lead: int(stored.lead, d.lead, 0, 3650), active: int(stored.active, d.active, 0, 3650) };
}

/**
 * The languages read: known codes only, in the order of `LANGUAGES`. Settings saved before the
 * setting existed read all of them, as a new vault does; `en` (always read) may be written.
 */
function languagesFrom(value: unknown): string[] {
	if (!Array.isArray(value)) return [...LANGUAGES];
	const chosen = value.filter((v): v is string => typeof v === "string").map((v) => v.trim().toLowerCase());
	return LANGUAGES.filter((language) => chosen.includes(language));
}

/** A vault path for the calendar file: `/` separators, no leading slash. */
function vaultPath(value: unknown, fallback: string): string {
	const path = str(value, fallback).replace(/\\/g, "/").replace(/\/{2,}/g, "/").replace(/^\/+/, "");
	return path === "" ? fallback : path;
}

/**
 * Turns anything stored (missing, partial, from an older version, corrupt) into valid settings.
 * Unknown keys are dropped; each bad value falls back to its default on its own.
 */
export function migrateSettings(raw: unknown): TouchbaseSettings {
	const data = isRecord(raw) ? raw : {};
	const d = DEFAULT_SETTINGS;
	const synonyms = isRecord(data.synonyms) ? data.synonyms : {};
	// 0.0.x stored a single folder as `prospectFolder`.
	const folders = data.prospectFolders ?? data.prospectFolder;
	const channels = strList(data.channels, d.channels).map((c) => c.toLowerCase());
	return {
		prospectFolders: strList(folders, d.prospectFolders).map((f) => f.replace(/^\/+|\/+$/g, "")),
		prospectTag: str(data.prospectTag, d.prospectTag, true).replace(/^#/, ""),
		typeKey: str(data.typeKey, d.typeKey, true),
		typeValue: str(data.typeValue, d.typeValue),
		keys: keysFrom(data.keys),
		synonyms: {
			nextFollowUp: strList(synonyms.nextFollowUp, d.synonyms.nextFollowUp),
			nextAction: strList(synonyms.nextAction, d.synonyms.nextAction),
			lastTouch: strList(synonyms.lastTouch, d.synonyms.lastTouch),
			cadence: strList(synonyms.cadence, d.synonyms.cadence),
		},
		contactWords: strList(data.contactWords, d.contactWords).map((w) => w.toLowerCase()),
		// Settings saved before these lists existed get the defaults (strList's fallback).
		logSections: strList(data.logSections, d.logSections).map((w) => w.toLowerCase()),
		notContactWords: strList(data.notContactWords, d.notContactWords).map((w) => w.toLowerCase()),
		languages: languagesFrom(data.languages),
		readForms: readFormsFrom(data.readForms),
		peopleKeys: strList(data.peopleKeys, d.peopleKeys),
		templateFolders: strList(data.templateFolders, d.templateFolders).map((f) => f.replace(/^\/+|\/+$/g, "")),
		channels: channels.length > 0 ? channels : [...d.channels],
		defaultChannel: str(data.defaultChannel, d.defaultChannel).toLowerCase(),
		cadence: str(data.cadence, d.cadence),
		skipWeekends: bool(data.skipWeekends, d.skipWeekends),
		upcomingDays: int(data.upcomingDays, d.upcomingDays, 0, 366),
		dateLocale: data.dateLocale === "en-GB" ? "en-GB" : "en",
		followUpHeading: str(data.followUpHeading, d.followUpHeading),
		draftsHeading: str(data.draftsHeading, d.draftsHeading),
		templates: templatesFrom(data.templates),
		sequences: sequencesFrom(data.sequences),
		calendarPath: vaultPath(data.calendarPath, d.calendarPath),
		calendarKeepCurrent: bool(data.calendarKeepCurrent, d.calendarKeepCurrent),
		reminders: bool(data.reminders, d.reminders),
		digestTime: clockFrom(data.digestTime, d.digestTime),
		systemNotifications: bool(data.systemNotifications, d.systemNotifications),
		meetingChannels: strList(data.meetingChannels, d.meetingChannels).map((c) => c.toLowerCase()),
		me: str(data.me, d.me, true),
		coldDays: coldDaysFrom(data.coldDays),
		maxNoteMB: int(data.maxNoteMB, d.maxNoteMB, 1, 1024),
	};
}

/** The size cap of a note in bytes (`maxNoteMB`). */
export function maxNoteBytes(settings: Pick<TouchbaseSettings, "maxNoteMB">): number {
	return settings.maxNoteMB * 1024 * 1024;
}

/** `10 MB` for 10485760: how a size is shown in a problem. */
export function sizeText(bytes: number): string {
	return bytes >= 1 << 20 ? `${Math.round((bytes / (1 << 20)) * 10) / 10} MB` : bytes >= 1024 ? `${Math.round(bytes / 1024)} KB` : `${bytes} bytes`;
}

/** The problem of a note over the size cap (README, "Reliability"): the same words in the CLI and the plugin. */
export function tooLargeMessage(size: number, cap: number): string {
	return `is larger than ${sizeText(cap)} (${sizeText(size)}): not read (the limit is the maxNoteMB setting)`;
}

