import { cadenceSuggestion } from "../text/cadence";
import { addDaysToDay, type IsoDay } from "../text/dates";
import type { EditResult } from "../text/edits";
import { resolveCadence } from "../rules/due";
import type { TouchbaseSettings } from "../settings/settings";
import type { Touch } from "../read/note";
import { renderTemplate } from "../text/template";
import { prospectOf, prospectValues } from "./editTarget";
import type { ParsedNote } from "./parsedNote";
import { performBody, performCommand, type BodyResult } from "./performCommand";
import { scheduleOn } from "./scheduleTouch";

export interface DraftInput {
	recap: string;
	/** One thing of value for them: a link, an idea, a case study. */
	gift: string;
	/** The clear next step to propose. */
	ask: string;
}

/**
 * Draft follow-up email, on the model: the templated draft under the drafts heading, and an open
 * "send drafted follow-up" touch at the first cadence step.
 */
export function draftOn(note: ParsedNote, input: DraftInput, today: IsoDay): BodyResult<{ sendOn: IsoDay }> {
	const prospect = prospectOf(note);
	if ("error" in prospect) return prospect;
	const settings = note.settings;
	const cadence = resolveCadence(prospect, settings);
	const sendOn = cadenceSuggestion(cadence, 1, today, settings.skipWeekends) ?? addDaysToDay(today, 1);
	const draft = renderTemplate(
		settings.templates.draft,
		{
			...prospectValues(prospect, note.path),
			contact: prospect.contact ?? prospect.name,
			date: today,
			summary: input.recap.trim(),
			recap: input.recap.trim(),
			gift: input.gift.trim(),
			next: input.ask.trim(),
		},
		prospect.frontmatter,
	);
	note.insertUnderHeading(settings.draftsHeading, draft.split(/\r?\n/));
	const scheduled = scheduleOn(note, { date: sendOn, time: null, channel: "email", summary: "send drafted follow-up", objective: "send-draft" });
	return scheduled.ok ? { ok: true, sendOn } : scheduled;
}

/** The body of Draft follow-up email on a note's text: no mirrors. */
export function draftBody(text: string, path: string, input: DraftInput, settings: TouchbaseSettings, today: IsoDay): EditResult & { sendOn?: IsoDay } {
	return performBody(text, path, settings, (note) => draftOn(note, input, today));
}

/** Draft follow-up email: the draft, its "send" touch, and the mirrors. */
export function draftFollowUp(text: string, path: string, input: DraftInput, settings: TouchbaseSettings, today: IsoDay, linked: readonly Touch[] = []): EditResult & { sendOn?: IsoDay } {
	return performCommand(text, path, settings, today, (note) => draftOn(note, input, today), { linked });
}
