import type { IsoDay } from "./dates";
import { computeDue } from "./due";
import { setFrontmatterKeys, type EditResult, type FrontmatterValue } from "./edits";
import { normalizeKey, readDateValue, readFrontmatter } from "./frontmatter";
import { readNote } from "./note";
import type { TouchbaseSettings } from "./settings";

/** The frontmatter mirrors (`last_touch`, `touches`, `next_follow_up`) as a note now stands. */
export function mirrorKeys(text: string, path: string, settings: TouchbaseSettings, today: IsoDay): [string, FrontmatterValue][] {
	const prospect = readNote(path, text, settings).prospect;
	if (!prospect) return [];
	// The old next_follow_up (and its synonyms) is what we are rewriting: it must not vote for
	// itself. A Dataview field in the body (`[next:: …]`) is not rewritten, so it still counts.
	const bodyLine = readFrontmatter(text).block?.bodyLine ?? 0;
	const inline = prospect.nextFollowUp.filter((f) => f.line !== null && f.line > bodyLine);
	const due = computeDue({ ...prospect, nextFollowUp: inline }, today, settings);
	const k = settings.keys;
	const out: [string, FrontmatterValue][] = [
		[k.lastTouch, due.lastTouch?.date ?? null],
		[k.touches, due.doneCount],
	];
	const explicit = due.next && !due.next.suggested ? due.next.date : null;
	if (explicit !== null || prospect.nextFollowUp.length > 0) out.push([k.nextFollowUp, explicit]);
	// A synonym the note already uses (`next_contact`, `last_contacted`, or `next_action` holding
	// a date) is the same key by another name: left alone, it would keep its old date, and an old
	// next date would still count as a next follow-up.
	const lastTouch = out[0][1];
	const canonical = new Set([normalizeKey(k.nextFollowUp), normalizeKey(k.lastTouch)]);
	const nextSynonyms = new Set(settings.synonyms.nextFollowUp.map(normalizeKey));
	const lastSynonyms = new Set(settings.synonyms.lastTouch.map(normalizeKey));
	const actions = new Set(settings.synonyms.nextAction.map(normalizeKey));
	const seen = new Set<string>();
	for (const [key, value] of Object.entries(prospect.frontmatter)) {
		const norm = normalizeKey(key);
		if (canonical.has(norm) || seen.has(norm)) continue;
		seen.add(norm);
		if (nextSynonyms.has(norm) || (actions.has(norm) && readDateValue(value).kind === "date")) out.push([key, explicit]);
		else if (lastSynonyms.has(norm)) out.push([key, lastTouch]);
	}
	return out;
}

/**
 * A body edit's result with the frontmatter brought in line: `keys` first (a status, say), then
 * the mirrors as the edited note stands. One pure step, so a command writes the note once.
 */
export function withMirrors<R extends EditResult>(
	result: R,
	path: string,
	settings: TouchbaseSettings,
	today: IsoDay,
	keys: [string, FrontmatterValue][] = [],
): R | EditResult {
	if (!result.ok) return result;
	let text = result.text;
	if (keys.length > 0) {
		const set = setFrontmatterKeys(text, keys);
		if (!set.ok) return set;
		text = set.text;
	}
	const mirrored = setFrontmatterKeys(text, mirrorKeys(text, path, settings, today));
	return mirrored.ok ? { ...result, text: mirrored.text } : mirrored;
}
