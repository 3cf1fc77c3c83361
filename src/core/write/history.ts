import type { IsoDay } from "../text/dates";
import { isDone } from "../rules/due";
import { insertUnderHeading } from "../text/edits";
import { readFrontmatter } from "../text/frontmatter";
import { readNote } from "../read/note";
import type { TouchbaseSettings } from "../settings/settings";

/**
 * Before a command rewrites a note's last-contact key, the contact it holds is written down
 * (README, "Bringing your existing notes"): when the key (`last_contacted`, `lastContact` …)
 * holds a past date that no touch stands for, a touch line of that day goes under the follow-up
 * heading, marked as taken from the key and carrying the note's next follow-up of that time as
 * its `next:`. So the count never goes down and no date the note held is lost.
 */
export function keepContactHistory(text: string, path: string, settings: TouchbaseSettings, today: IsoDay): { text: string; kept: string | null } {
	const prospect = readNote(path, text, settings).prospect;
	const contact = prospect?.lastContact ?? null;
	if (!prospect || contact === null || contact.line === null || contact.date > today) return { text, kept: null };
	if (prospect.touches.some((t) => t.date === contact.date && isDone(t, today))) return { text, kept: null };
	const key = /^\s*(["']?)([^"':]+?)\1[ \t]*:/.exec(text.split("\n")[contact.line - 1] ?? "")?.[2] ?? settings.keys.lastTouch;
	const bodyLine = readFrontmatter(text).block?.bodyLine ?? 0;
	// The promise of that time: a next follow-up key of the frontmatter later than the contact.
	const promised = prospect.nextFollowUp
		.filter((n) => n.line !== null && n.line <= bodyLine && n.date > contact.date)
		.reduce<IsoDay | null>((min, n) => (min === null || n.date < min ? n.date : min), null);
	const line = `- ${contact.date}${contact.time ? ` ${contact.time}` : ""} last contact (from ${key})${promised ? ` → next: ${promised}` : ""}`;
	return { text: insertUnderHeading(text, settings.followUpHeading, [line]), kept: line };
}
