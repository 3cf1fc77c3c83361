import type { ClockTime, IsoDay } from "../text/dates";
import type { EditResult } from "../text/edits";
import type { TouchbaseSettings } from "../settings/settings";
import type { Touch } from "../read/note";
import { renderLine } from "../text/template";
import { prospectOf, prospectValues } from "./editTarget";
import type { ParsedNote } from "./parsedNote";
import { performBody, performCommand, type BodyResult } from "./performCommand";
import { insertTouchLines } from "./insertTouchLines";

export interface ScheduleInput {
	date: IsoDay;
	time: ClockTime | null;
	channel: string;
	summary: string;
	objective: string | null;
}

/** Schedule next follow-up, on the model: an open touch line under the follow-up heading. */
export function scheduleOn(note: ParsedNote, input: ScheduleInput): BodyResult<{ line: string }> {
	const prospect = prospectOf(note);
	if ("error" in prospect) return prospect;
	const settings = note.settings;
	const line = renderLine(
		settings.templates.scheduled,
		{
			...prospectValues(prospect, note.path),
			date: input.date,
			time: input.time,
			channel: input.channel.toLowerCase(),
			summary: input.summary.trim(),
			objective: input.objective?.trim().replace(/\s+/g, "-") || null,
		},
		prospect.frontmatter,
	);
	insertTouchLines(note, [line]);
	return { ok: true, line };
}

/** The body of Schedule next follow-up on a note's text: the line alone, no mirrors. */
export function scheduleTouchBody(text: string, path: string, input: ScheduleInput, settings: TouchbaseSettings): EditResult & { line?: string } {
	return performBody(text, path, settings, (note) => scheduleOn(note, input));
}

/** Schedule next follow-up: the open line, and the mirrors. */
export function scheduleTouch(text: string, path: string, input: ScheduleInput, settings: TouchbaseSettings, today: IsoDay, linked: readonly Touch[] = []): EditResult & { line?: string } {
	return performCommand(text, path, settings, today, (note) => scheduleOn(note, input), { linked });
}
