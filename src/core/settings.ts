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
	synonyms: { nextFollowUp: string[]; lastTouch: string[]; nextAction: string[] };
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
}

export interface FrontmatterKeys {
	status: string;
	pausedUntil: string;
	company: string;
	contact: string;
	email: string;
	phone: string;
	source: string;
	channel: string;
	cadence: string;
	created: string;
	nextFollowUp: string;
	lastTouch: string;
	touches: string;
	value: string;
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
		email: "email",
		phone: "phone",
		source: "source",
		channel: "channel",
		cadence: "cadence",
		created: "created",
		nextFollowUp: "next_follow_up",
		lastTouch: "last_touch",
		touches: "touches",
		value: "value",
	},
	synonyms: {
		nextFollowUp: ["next_contact", "next_action_date", "follow_up", "follow_up_date"],
		nextAction: ["next_action"],
		lastTouch: ["last_contact", "last_contacted", "last_chat", "last_seen"],
	},
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
		},
		channels: channels.length > 0 ? channels : [...d.channels],
		defaultChannel: str(data.defaultChannel, d.defaultChannel).toLowerCase(),
		cadence: str(data.cadence, d.cadence),
		skipWeekends: bool(data.skipWeekends, d.skipWeekends),
		upcomingDays: int(data.upcomingDays, d.upcomingDays, 0, 366),
		dateLocale: data.dateLocale === "en-GB" ? "en-GB" : "en",
		followUpHeading: str(data.followUpHeading, d.followUpHeading),
		draftsHeading: str(data.draftsHeading, d.draftsHeading),
		templates: templatesFrom(data.templates),
	};
}
