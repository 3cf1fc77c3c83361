import type { IsoDay } from "../text/dates";
import type { EditResult } from "../text/edits";
import type { Sequence, TouchbaseSettings } from "../settings/settings";
import type { Touch } from "../read/note";
import { prospectOf } from "./editTarget";
import type { ParsedNote } from "./parsedNote";
import { performBody, performCommand, type BodyResult } from "./performCommand";
import { planSequence, stepLine, type PlannedTouch } from "./sequences";
import { insertTouchLines } from "./insertTouchLines";

/**
 * Start a sequence, on the model: under the follow-up heading, the open touch line of every step
 * (the scheduled-line template; the objective as `#objective/…`; the sequence's tag at the end
 * unless the template wrote it with `{{sequence}}`), dated from `start`; and `sequence: NAME` in
 * the frontmatter. Refuses a note whose frontmatter is broken or that is not a prospect.
 */
export function startSequenceOn(note: ParsedNote, sequence: Sequence, start: IsoDay): BodyResult<{ lines: string[]; planned: PlannedTouch[] }> {
	const prospect = prospectOf(note);
	if ("error" in prospect) return prospect;
	const settings = note.settings;
	if (sequence.steps.length === 0) return { ok: false, error: `the sequence "${sequence.name}" has no steps` };
	const planned = planSequence(sequence, start);
	if (planned === null) return { ok: false, error: `${start} is not a date` };
	const lines = planned.map(({ step, date }) => stepLine(prospect, sequence, step, date, settings));
	insertTouchLines(note, lines);
	return note.setKeys([[settings.keys.sequence, sequence.name]]) ?? { ok: true, lines, planned };
}

/** The body of Start a sequence on a note's text: no mirrors. */
export function startSequenceBody(
	text: string,
	path: string,
	sequence: Sequence,
	start: IsoDay,
	settings: TouchbaseSettings,
): EditResult & { lines?: string[]; planned?: PlannedTouch[] } {
	return performBody(text, path, settings, (note) => startSequenceOn(note, sequence, start));
}

/** Start a sequence on `start`: its lines, `sequence:`, and the mirrors. */
export function startSequence(
	text: string,
	path: string,
	sequence: Sequence,
	start: IsoDay,
	settings: TouchbaseSettings,
	today: IsoDay,
	linked: readonly Touch[] = [],
): EditResult & { planned?: PlannedTouch[] } {
	return performCommand(text, path, settings, today, (note) => startSequenceOn(note, sequence, start), { linked });
}
