/**
 * Meetings from a calendar file, matched to prospects and planned note by note (README,
 * "Meetings from your calendar"). The CLI and the plugin both write the plan: one write per
 * note, all or nothing.
 */
import { addDaysToDay, type IsoDay } from "../text/dates";
import { normalizeKey } from "../text/frontmatter";
import { lettersAndDigitsOf } from "../text/unicode";
import type { ProspectNote } from "../read/note";
import type { TouchbaseSettings } from "../settings/settings";
import { logMeetings, type MeetingAction, type MeetingEvent, type MeetingNow, type MeetingResult } from "../write/logMeetings";
import type { CalendarWindow } from "./calendarEvents";

/** The default window: the last 90 days and the next 30 (README, "Meetings from your calendar"). */
export function meetingWindow(today: IsoDay, back = 90, ahead = 30): CalendarWindow {
	return { from: addDaysToDay(today, -back), to: addDaysToDay(today, ahead) };
}

const ADDRESS = /[^\s@<>()[\]\\,;:"']+@[^\s@<>()[\]\\,;:"']+\.[^\s@<>()[\]\\,;:"']+/g;

/** Every address the note's email keys hold (`email`, `work_email`, `E-mail` …), lower case. */
export function prospectEmails(prospect: ProspectNote, settings: TouchbaseSettings): string[] {
	const out = new Set<string>();
	const add = (value: unknown): void => {
		if (typeof value === "string") for (const m of value.matchAll(ADDRESS)) out.add(m[0].replace(/^mailto:/i, "").replace(/[.]+$/, "").toLowerCase());
		else if (Array.isArray(value)) value.forEach(add);
	};
	add(prospect.email);
	const own = normalizeKey(settings.keys.email);
	for (const [key, value] of Object.entries(prospect.frontmatter)) {
		const norm = normalizeKey(key);
		if (norm === own || norm.includes("email")) add(value);
	}
	return [...out];
}

/** Words of a name as matched in a title: letters and digits, lower case. */
function words(text: string): string[] {
	return text
		.normalize("NFKC")
		.toLowerCase()
		.split(/[\s\-\u2013\u2014_/|,.;:!?()[\]{}"\u201c\u201d'\u2019&+@#]+/u)
		.map(lettersAndDigitsOf)
		.filter((w) => w !== "");
}

/** Whether `needle`'s words stand in `hay`'s, in a row. */
function containsRun(hay: readonly string[], needle: readonly string[]): boolean {
	outer: for (let i = 0; i + needle.length <= hay.length; i++) {
		for (let j = 0; j < needle.length; j++) if (hay[i + j] !== needle[j]) continue outer;
		return true;
	}
	return false;
}

/** The names a title may name a prospect by: the note's name, its contact and its company, long enough to mean something. */
function namesOf(prospect: ProspectNote, settings: TouchbaseSettings): string[][] {
	const out: string[][] = [];
	const channels = new Set([...settings.channels, "meeting", "demo", "sync", "intro", "call"]);
	for (const name of [prospect.name, prospect.contact, prospect.company]) {
		if (!name) continue;
		const w = words(name.replace(/^\[\[|\]\]$/g, "").replace(/\|.*$/, ""));
		// One short word, or only channel words, would match every other title.
		if (w.length === 0 || w.join("").length < 3 || w.every((x) => channels.has(x))) continue;
		if (!out.some((o) => o.join(" ") === w.join(" "))) out.push(w);
	}
	return out;
}

export interface MeetingMatch {
	/** The events of each prospect note, by path. */
	byPath: Map<string, MeetingEvent[]>;
	/** Events no prospect matches: listed, never written. */
	unmatched: MeetingEvent[];
	/** Events that match two prospects or more: listed with them, never guessed. */
	ambiguous: { event: MeetingEvent; paths: string[] }[];
}

/**
 * Each event to the prospect an attendee's address belongs to, else the prospect whose name,
 * contact or company its title names. Two or more prospects by the same rule: ambiguous.
 */
export function matchMeetings(events: readonly MeetingEvent[], prospects: readonly ProspectNote[], settings: TouchbaseSettings): MeetingMatch {
	const byEmail = new Map<string, Set<string>>();
	const names: { path: string; names: string[][] }[] = [];
	for (const p of prospects) {
		for (const email of prospectEmails(p, settings)) {
			const set = byEmail.get(email) ?? new Set<string>();
			set.add(p.path);
			byEmail.set(email, set);
		}
		names.push({ path: p.path, names: namesOf(p, settings) });
	}
	const out: MeetingMatch = { byPath: new Map(), unmatched: [], ambiguous: [] };
	for (const event of events) {
		let paths = new Set<string>();
		for (const email of event.emails) for (const path of byEmail.get(email) ?? []) paths.add(path);
		if (paths.size === 0) {
			const title = words(event.title);
			paths = new Set(names.filter((n) => n.names.some((name) => containsRun(title, name))).map((n) => n.path));
		}
		if (paths.size === 0) {
			if (!event.cancelled) out.unmatched.push(event);
		} else if (paths.size > 1) {
			if (!event.cancelled) out.ambiguous.push({ event, paths: [...paths].sort() });
		} else {
			const [path] = paths;
			const list = out.byPath.get(path) ?? [];
			list.push(event);
			out.byPath.set(path, list);
		}
	}
	return out;
}

export interface PlannedMeetingNote {
	path: string;
	before: string;
	after: string;
	results: MeetingResult[];
	sequenceCancelled: number;
}

export interface MeetingPlan {
	/** Notes whose text changes, each written once. */
	notes: PlannedMeetingNote[];
	/** Events already in their notes as they are. */
	unchanged: MeetingResult[];
	/** Notes that refuse the edit (broken frontmatter): their events are not written. */
	refused: { path: string; error: string; events: MeetingEvent[] }[];
	match: MeetingMatch;
}

/** The new text of every matched note. `textOf` gives a note's current text (null: unreadable). */
export function planMeetings(match: MeetingMatch, textOf: (path: string) => string | null, now: MeetingNow, settings: TouchbaseSettings): MeetingPlan {
	const plan: MeetingPlan = { notes: [], unchanged: [], refused: [], match };
	for (const [path, events] of [...match.byPath].sort(([a], [b]) => a.localeCompare(b))) {
		const before = textOf(path);
		if (before === null) {
			plan.refused.push({ path, error: "it cannot be read as UTF-8 text", events });
			continue;
		}
		const result = logMeetings(before, path, events, now, settings);
		if (!result.ok) {
			plan.refused.push({ path, error: result.error, events });
			continue;
		}
		const results = result.results ?? [];
		plan.unchanged.push(...results.filter((r) => r.action === "unchanged"));
		if (result.text !== before) plan.notes.push({ path, before, after: result.text, results: results.filter((r) => r.action !== "unchanged"), sequenceCancelled: result.sequenceCancelled ?? 0 });
	}
	return plan;
}

const VERBS: Record<Exclude<MeetingAction, "unchanged">, [string, string]> = {
	logged: ["logged", "would log"],
	scheduled: ["scheduled", "would schedule"],
	moved: ["moved", "would move"],
	done: ["checked off", "would check off"],
	cancelled: ["cancelled", "would cancel"],
};

function when(event: MeetingEvent): string {
	return `${event.date}${event.time ? ` ${event.time}` : ""}`;
}

function named(path: string): string {
	return path.replace(/^.*\//, "").replace(/\.md$/i, "");
}

/** What a run did (or, with `dryRun`, would do), line by line: the CLI prints it, the plugin shows it. */
export function describeMeetings(plan: MeetingPlan, read: { events: number; outside: number; window: CalendarWindow }, dryRun: boolean): string[] {
	const lines: string[] = [];
	const cancelled = [...plan.match.byPath.values()].flat().filter((e) => e.cancelled).length;
	lines.push(`${read.events} event${read.events === 1 ? "" : "s"} from ${read.window.from} to ${read.window.to}${read.outside > 0 ? ` (${read.outside} outside left out)` : ""}`);
	for (const note of plan.notes) {
		for (const r of note.results) lines.push(`  ${VERBS[r.action as Exclude<MeetingAction, "unchanged">][dryRun ? 1 : 0]}: ${named(note.path)}: ${when(r.event)} ${r.event.title || "(no title)"}`);
		if (note.sequenceCancelled > 0) lines.push(`  ${named(note.path)}: a meeting ends the sequence: ${note.sequenceCancelled} open sequence touch${note.sequenceCancelled === 1 ? "" : "es"} ${dryRun ? "would be" : note.sequenceCancelled === 1 ? "was" : "were"} cancelled`);
	}
	const changed = plan.notes.reduce((n, note) => n + note.results.length, 0);
	lines.push(`${dryRun ? "Would change" : "Changed"}: ${changed} meeting${changed === 1 ? "" : "s"} in ${plan.notes.length} note${plan.notes.length === 1 ? "" : "s"}; already in their notes: ${plan.unchanged.length}${cancelled > 0 ? `; cancelled: ${cancelled}` : ""}`);
	if (plan.match.ambiguous.length > 0) {
		lines.push(`Matching two prospects or more (not written): ${plan.match.ambiguous.length}`);
		for (const a of plan.match.ambiguous) lines.push(`  ${when(a.event)} ${a.event.title || "(no title)"}: ${a.paths.map(named).join(", ")}`);
	}
	if (plan.match.unmatched.length > 0) {
		lines.push(`No prospect (not written): ${plan.match.unmatched.length}`);
		for (const e of plan.match.unmatched) lines.push(`  ${when(e)} ${e.title || "(no title)"}`);
	}
	for (const r of plan.refused) lines.push(`Not written to ${r.path}: ${r.error}`);
	return lines;
}
