import type { IsoDay } from "../text/dates";
import { computeDue } from "../rules/due";
import type { FrontmatterValue } from "../text/edits";
import { normalizeKey, readDateValue } from "../text/frontmatter";
import type { TouchbaseSettings } from "../settings/settings";
import { ParsedNote, type Refusal } from "./parsedNote";

/**
 * The frontmatter mirrors (`last_touch`, `touches`, the next-follow-up key) as a note now stands
 * (README, "Logging a touch"). A key the note already has for the last contact or the next
 * follow-up (`last_contacted`, `nextFollowUp`, `next_contact` …) is the one written, in place;
 * the canonical key is added only when the note has none. No key the user wrote is ever removed:
 * `touches` is the count the due list shows (interaction notes included, when the model was given
 * them); the last contact never rolls back; the next-follow-up key gets the date the due list
 * shows next: a new promise or scheduled line first, else a date the key holds that is still
 * ahead (kept), else the cadence's suggestion; with none of these it stays as it was.
 */
export function mirrorKeysOf(note: ParsedNote, today: IsoDay): [string, FrontmatterValue][] {
	const prospect = note.prospect;
	if (!prospect) return [];
	const settings = note.settings;
	// The old next-follow-up keys are what we are rewriting: they must not vote for themselves. A
	// field in the body (`[next:: …]`, a label line) is not rewritten, so it still counts.
	const bodyLine = note.block?.bodyLine ?? 0;
	const inline = prospect.nextFollowUp.filter((f) => f.line !== null && f.line > bodyLine);
	const due = computeDue({ ...prospect, nextFollowUp: inline }, today, settings);
	const k = settings.keys;
	const lastNames = new Set([k.lastTouch, ...settings.synonyms.lastTouch].map(normalizeKey));
	const nextNames = new Set([k.nextFollowUp, ...settings.synonyms.nextFollowUp].map(normalizeKey));
	const actions = new Set(settings.synonyms.nextAction.map(normalizeKey));
	const lastKeys: { key: string; date: IsoDay | null }[] = [];
	const nextKeys: { key: string; date: IsoDay | null }[] = [];
	const seen = new Set<string>();
	for (const [key, value] of Object.entries(prospect.frontmatter)) {
		const norm = normalizeKey(key);
		if (seen.has(norm)) continue;
		seen.add(norm);
		const read = readDateValue(value);
		const date = read.kind === "date" ? read.date : null;
		if (lastNames.has(norm)) lastKeys.push({ key, date });
		else if (nextNames.has(norm) || (actions.has(norm) && date !== null)) nextKeys.push({ key, date });
	}
	// Never rolls back: a later date the note already holds stays.
	const held = lastKeys.reduce<IsoDay | null>((max, l) => (l.date !== null && l.date <= today && (max === null || l.date > max) ? l.date : max), null);
	const computed = due.lastTouch?.date ?? null;
	const lastTouch = held !== null && (computed === null || held > computed) ? held : computed;
	const out: [string, FrontmatterValue][] = [];
	if (lastTouch !== null) {
		if (lastKeys.length === 0) out.push([k.lastTouch, lastTouch]);
		else for (const l of lastKeys) out.push([l.key, lastTouch]);
	}
	out.push([k.touches, due.doneCount]);
	const explicit = due.next && !due.next.suggested ? due.next.date : null;
	const suggested = due.next?.suggested ? due.next.date : null;
	// A date the key holds that is still ahead of the last contact is pending: the due list
	// shows it, so an empty next step keeps it.
	const pending = (date: IsoDay | null): boolean => date !== null && (lastTouch === null || date > lastTouch);
	if (nextKeys.length === 0) {
		if (explicit !== null) out.push([k.nextFollowUp, explicit]);
	} else {
		for (const n of nextKeys) {
			if (explicit !== null) out.push([n.key, explicit]);
			else if (!pending(n.date) && suggested !== null) out.push([n.key, suggested]);
		}
	}
	return out;
}

/** `mirrorKeysOf` for a note's text. */
export function mirrorKeys(text: string, path: string, settings: TouchbaseSettings, today: IsoDay): [string, FrontmatterValue][] {
	return mirrorKeysOf(ParsedNote.read(path, text, settings), today);
}

/**
 * Brings the frontmatter in line with a body edit: `keys` first (a status, say), then the
 * mirrors as the edited note stands.
 */
export function setMirrors(note: ParsedNote, today: IsoDay, keys: [string, FrontmatterValue][] = []): Refusal | null {
	return note.setKeys(keys) ?? note.setKeys(mirrorKeysOf(note, today));
}
