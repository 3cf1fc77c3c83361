/**
 * Interaction notes (README, "Bringing your existing notes"): one note per call or meeting
 * (`Interactions/2026-09-20 Call with Jane Doe.md`) whose frontmatter names the people it was
 * with. Each is a done touch of every prospect it links to, on its date.
 */
import { isIsoDay, type IsoDay } from "../text/dates";
import { Fields, readDateValue, readText } from "../text/frontmatter";
import { channelIn } from "./forms";
import { noteName } from "../text/noteName";
import type { TouchbaseSettings } from "../settings/settings";
import { linkKey, peopleNamed, PLAIN } from "./links";

export interface Interaction {
	date: IsoDay;
	channel: string;
	/** What it was about: the note's name. */
	summary: string;
	/** The people it links to, as link targets in lower case (`jane doe`, `people/jane doe`). */
	links: string[];
}

const NAME_DATE = /^(?:.*?[\s_-])?(\d{4})-?(\d{2})-?(\d{2})(?=$|[\s_.-])/;

/** The date a note's name or title gives (`2026-01-20 - Acme beta feedback`, `call-prep-lexia-2026-02-26`), if any. */
export function dateInName(name: string): IsoDay | null {
	const m = NAME_DATE.exec(name);
	if (!m) return null;
	const day = `${m[1]}-${m[2]}-${m[3]}`;
	return isIsoDay(day) ? day : null;
}

/** A date that opens or closes a title (`2026-01-20 - Acme beta feedback`, `Acme sync 2026-01-20`): the meeting's day. */
function dateInTitle(title: string): IsoDay | null {
	const m = /^\W*(\d{4}-\d{2}-\d{2})(?!\d)|(?<!\d)(\d{4}-\d{2}-\d{2})\W*$/.exec(title.trim());
	const day = m?.[1] ?? m?.[2];
	return day !== undefined && isIsoDay(day) ? day : null;
}

/** The day of the folder a note sits in, when the folder is named by one (`Meetings/2026-01-20/…`). */
function dayFolder(path: string): IsoDay | null {
	const parts = path.split("/");
	const folder = parts.length >= 2 ? parts[parts.length - 2] : "";
	return /^\d{4}-\d{2}-\d{2}$/.test(folder) && isIsoDay(folder) ? folder : null;
}

/** The link target a name or path is known by (links.ts). */
export function linkTarget(name: string): string {
	return linkKey(name);
}

/** The people a frontmatter value names: wikilinks, or plain names. */
function peopleIn(value: unknown): string[] {
	const items = Array.isArray(value) ? value : [value];
	const out: string[] = [];
	for (const item of items) {
		// `attendees: [[Ada Okafor]]` unquoted is YAML for a list in a list: a wikilink all the same.
		if (Array.isArray(item)) {
			for (const inner of item.flat(3)) if (typeof inner === "string") out.push(...peopleNamed(`[[${inner}]]`));
			continue;
		}
		const text = readText(item);
		if (text !== null) out.push(...peopleNamed(text));
	}
	return out;
}

/** How far into a note its `Attendees:` line or the links naming who it was with may stand. */
const HEAD_LINES = 15;
const ATTENDEES = /^[\s>*+-]*(?:\*\*|__)?(?:attendees|participants|people|with|present)(?:\*\*|__)?\s*:(?:\*\*|__)?\s*(.+)$/i;
const ATTENDEES_ANYWHERE = /^[\s>*+-]*(?:\*\*|__)?(?:attendees|participants)(?:\*\*|__)?\s*:/im;
const BODY_DATE = /^[\s>*+-]*(?:\*\*|__)?date(?:\*\*|__)?\s*:(?:\*\*|__)?\s*(\d{4}-\d{2}-\d{2})/i;
/** What says a note records a call or meeting, in its name, type or first heading. */
const SAYS_CONTACT = /\b(?:interaction|meeting|meet|call|1:1|1-1|one-on-one|sync|demo|visit|lunch|coffee|catch[- ]?up|check[- ]?in|intro|discovery|qbr|kickoff|review|standup|wrap|summary|notes?)\b/i;

/** A note the owner writes alone (`Weekly Reflection`, `Journal`, `voice memo`): the people it names were not there. */
const SOLO = /\b(?:reflections?|journal|diary|voice[- ]?(?:memo|note))\b/i;

/** How far into a note an `## Attendees` heading may stand. */
const ATTENDEES_HEADING_LINES = 40;
const ATTENDEES_HEADING = /^#{1,6}\s+(?:\p{Extended_Pictographic}\S*\s*)?(?:attendees|participants|people present|present|who was there)\s*:?\s*$/iu;
const LIST_ITEM = /^\s*(?:[-*+]|\d{1,3}[.)])\s+(?:\[.\]\s+)?(.+)$/;

/**
 * The people listed under an `## Attendees` heading: each item's wikilinks, else the name before
 * its role (`- Jane Doe - Head of Architecture`, `- Bob Li (CFO)`), as plain names.
 */
function attendeesUnderHeading(lines: readonly string[]): string[] {
	// Only a heading can be one: other lines are not trimmed and tested.
	const start = lines.findIndex((line) => line.includes("#") && ATTENDEES_HEADING.test(line.trim()));
	if (start < 0) return [];
	const out: string[] = [];
	for (const line of lines.slice(start + 1)) {
		if (/^#{1,6}\s/.test(line)) break;
		const item = LIST_ITEM.exec(line);
		if (!item) continue;
		const text = item[1];
		out.push(...(text.includes("[[") ? peopleNamed(text) : peopleNamed(text.split(/\s[-\u2014\u2013:]\s|\s*\(/)[0])));
	}
	return out;
}

/**
 * The people and date the first lines of a note's body give: an `Attendees:` line (any note), or
 * the wikilinks of its first lines (only a note whose name or heading says it is a meeting).
 */
function readBodyHead(body: string, saysMeeting: boolean): { people: string[]; date: IsoDay | null } {
	const all = body.split("\n", ATTENDEES_HEADING_LINES + 5).slice(0, ATTENDEES_HEADING_LINES);
	const lines = all.slice(0, HEAD_LINES);
	const people: string[] = [];
	let date: IsoDay | null = null;
	for (const line of lines) {
		const a = ATTENDEES.exec(line);
		if (a) people.push(...peopleNamed(a[1]));
		const d = BODY_DATE.exec(line);
		if (d && date === null && isIsoDay(d[1])) date = d[1];
	}
	if (people.length === 0) people.push(...attendeesUnderHeading(all));
	if (people.length === 0 && saysMeeting) {
		// The first lines: the title and the two lines under it (`With [[Ada Okafor]], 30 min`).
		for (const line of lines.filter((l) => l.trim() !== "").slice(0, 3)) if (line.includes("[[")) people.push(...peopleNamed(line));
	}
	return { people, date };
}

/** Words of a title that never start or end a person's name. */
const TITLE_GLUE = /^(?:on|with|and|the|a|an|of|for|to|re|about|at|in|by|vs|summary|notes?|meeting|call|sync|1:1|1-1)$/i;

/**
 * The names a meeting note's title may give (`Ankur on FTE devs`, `Call with Dana Lee`): every run
 * of one to three words not starting or ending with a glue word, as plain names (links.ts). Only
 * one that is a prospect's name, alias or file name reaches a prospect.
 */
function namesInTitle(title: string): string[] {
	const out = new Set<string>();
	for (const line of title.split("\n")) {
		const words = line.replace(/\d{4}-?\d{2}-?\d{2}/g, " ").split(/[^\p{L}\p{N}'.]+/u).filter((w) => w !== "").slice(0, 12);
		// Whether each word may not start or end a name: asked once per word, not once per run.
		const edge = words.map((w) => TITLE_GLUE.test(w) || SAYS_CONTACT.test(w));
		for (let i = 0; i < words.length; i++) {
			for (let n = 1; n <= 3 && i + n <= words.length; n++) {
				if (edge[i] || edge[i + n - 1]) continue;
				out.add(PLAIN + linkKey(words.slice(i, i + n).join(" ")));
			}
		}
	}
	return [...out];
}

/**
 * The interaction a note records, or null when it is none. `data` is its parsed frontmatter;
 * `body` the text after it, whose first lines may name the people (`Attendees:`).
 */
export function readInteraction(path: string, data: Record<string, unknown>, settings: TouchbaseSettings, body = ""): Interaction | null {
	if (!settings.readForms.interactions) return null;
	const fields = new Fields(data);
	const name = noteName(path);
	const type = readText(fields.find(["type", "interaction_type", "kind", "channel"])?.value) ?? "";
	const title = readText(fields.find(["title"])?.value) ?? /^#\s+(.+)$/m.exec(body.slice(0, 2000))?.[1] ?? "";
	if (SOLO.test(`${name.replace(/[_-]+/g, " ")} ${title}`)) return null;
	// `created` alone dates any note (a person note naming its company): only a note that says
	// it is a call or meeting, by its name, type or title, is dated by it.
	const saysContact = SAYS_CONTACT.test(`${name.replace(/[_-]+/g, " ")} ${type} ${title}`);
	let links = settings.peopleKeys.flatMap((key) => peopleIn(fields.find([key])?.value));
	const head = body !== "" ? readBodyHead(body, saysContact) : { people: [], date: null };
	if (links.length === 0) links = head.people;
	// `# Ankur on FTE devs - Summary`: a meeting note names who it was with in its title.
	const named = settings.peopleKeys.some((key) => fields.find([key]) !== null) || head.people.length > 0 || ATTENDEES_ANYWHERE.test(body.slice(0, 2000));
	if (links.length === 0 && saysContact && !named) links = namesInTitle(`${title}\n${name.replace(/[_]+/g, " ")}`);
	if (links.length === 0) return null;
	let date: IsoDay | null = dateInName(name);
	for (const key of saysContact ? ["date", "created"] : ["date"]) {
		if (date !== null) break;
		const v = readDateValue(fields.find([key])?.value);
		if (v.kind === "date") date = v.date;
	}
	date ??= head.date;
	// `# 2026-01-20 - Acme Corp Beta Feedback`, `Meetings/2026-01-20/acme-beta-feedback.md`: the
	// title's date, then the day folder the note sits in.
	date ??= dateInTitle(title) ?? dayFolder(path);
	if (date === null) return null;
	const words = `${type} ${name.replace(/[_-]+/g, " ")} ${title}`;
	const channel = channelIn(type, settings) ?? channelIn(name.replace(/[_-]+/g, " "), settings) ?? channelIn(title, settings) ?? (/\bcall\b/i.test(words) ? "call" : "meeting");
	return { date, channel, summary: name, links: [...new Set(links)] };
}
