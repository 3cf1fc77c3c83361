import type { IsoDay } from "../text/dates";
import { isDone } from "../rules/due";
import { lineAt } from "../text/edits";
import { keyOfLine } from "../text/frontmatter";
import type { ParsedNote } from "./parsedNote";
import { insertTouchLines } from "./insertTouchLines";

/**
 * Before a command rewrites a note's last-contact key, the contact it holds is written down
 * (README, "Bringing your existing notes"): when the key (`last_contacted`, `lastContact` …)
 * holds a past date that no touch stands for, a touch line of that day goes under the follow-up
 * heading, marked as taken from the key and carrying the note's next follow-up of that time as
 * its `next:`. So the count never goes down and no date the note held is lost. Returns the line
 * written, or null.
 */
export function keepContactHistory(note: ParsedNote, today: IsoDay): string | null {
	const prospect = note.prospect;
	const contact = prospect?.lastContact ?? null;
	if (!prospect || contact === null || contact.line === null || contact.date > today) return null;
	if (prospect.touches.some((t) => t.date === contact.date && isDone(t, today))) return null;
	const key = keyOfLine(lineAt(note.text, contact.line) ?? "") ?? note.settings.keys.lastTouch;
	const bodyLine = note.block?.bodyLine ?? 0;
	// The promise of that time: a next follow-up key of the frontmatter later than the contact.
	const promised = prospect.nextFollowUp
		.filter((n) => n.line !== null && n.line <= bodyLine && n.date > contact.date)
		.reduce<IsoDay | null>((min, n) => (min === null || n.date < min ? n.date : min), null);
	const line = `- ${contact.date}${contact.time ? ` ${contact.time}` : ""} last contact (from ${key})${promised ? ` → next: ${promised}` : ""}`;
	insertTouchLines(note, [line]);
	return line;
}
