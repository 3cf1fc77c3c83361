/**
 * Interaction notes (README, "Bringing your existing notes"): one note per call or meeting
 * (`Interactions/2026-09-20 Call with Jane Doe.md`) whose frontmatter names the people it was
 * with. Each is a done touch of every prospect it links to, on its date.
 */
import { wikilinksIn } from "../text/wikilink";
import { isIsoDay, type IsoDay } from "../text/dates";
import { Fields, readDateValue, readText } from "../text/frontmatter";
import { channelIn } from "./forms";
import { noteName } from "../text/noteName";
import type { TouchbaseSettings } from "../settings/settings";

export interface Interaction {
	date: IsoDay;
	channel: string;
	/** What it was about: the note's name. */
	summary: string;
	/** The people it links to, as link targets in lower case (`jane doe`, `people/jane doe`). */
	links: string[];
}

const NAME_DATE = /^(?:.*?[\s_-])?(\d{4})-?(\d{2})-?(\d{2})(?=$|[\s_.-])/;

/** The link target a name or path is known by: lower case, no `.md`. */
export function linkTarget(name: string): string {
	return name.trim().replace(/\.md$/i, "").toLowerCase();
}

/** The people a frontmatter value names: wikilinks, or plain names. */
function peopleIn(value: unknown): string[] {
	const items = Array.isArray(value) ? value : [value];
	const out: string[] = [];
	for (const item of items) {
		const text = readText(item);
		if (text === null) continue;
		const links = wikilinksIn(text).map((link) => link.target).filter((target) => target !== "");
		if (links.length > 0) out.push(...links);
		else out.push(...text.split(/\s*[,;]\s*/).filter((name) => name !== ""));
	}
	return out.map(linkTarget).filter((name) => name !== "" && name !== "you" && name !== "me");
}

/** The interaction a note records, or null when it is none. `data` is its parsed frontmatter. */
export function readInteraction(path: string, data: Record<string, unknown>, settings: TouchbaseSettings): Interaction | null {
	if (!settings.readForms.interactions) return null;
	const fields = new Fields(data);
	const links = settings.peopleKeys.flatMap((key) => peopleIn(fields.find([key])?.value));
	if (links.length === 0) return null;
	const name = noteName(path);
	let date: IsoDay | null = null;
	const inName = NAME_DATE.exec(name);
	if (inName) {
		const day = `${inName[1]}-${inName[2]}-${inName[3]}`;
		if (isIsoDay(day)) date = day;
	}
	const type = readText(fields.find(["type", "interaction_type", "kind", "channel"])?.value) ?? "";
	// `created` alone dates any note (a person note naming its company): only a note that says
	// it is a call or meeting, by its name or type, is dated by it.
	const saysContact = /\b(?:interaction|meeting|call|1:1|one-on-one|sync|demo|visit|lunch|coffee)\b/i.test(`${name} ${type}`);
	for (const key of saysContact ? ["date", "created"] : ["date"]) {
		if (date !== null) break;
		const v = readDateValue(fields.find([key])?.value);
		if (v.kind === "date") date = v.date;
	}
	if (date === null) return null;
	const channel = channelIn(type, settings) ?? channelIn(name, settings) ?? (/\bcall\b/i.test(name) ? "call" : "meeting");
	return { date, channel, summary: name, links: [...new Set(links)] };
}
