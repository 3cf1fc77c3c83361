import type { Outcome } from "../text/clauses";
import type { IsoDay } from "../text/dates";
import type { EditResult } from "../text/edits";
import { isScheduled } from "../rules/due";
import type { TouchbaseSettings } from "../settings/settings";
import type { Touch } from "../read/note";
import { ordinal, renderLine } from "../text/template";
import { prospectOf, prospectValues } from "./editTarget";
import { endsOn, sequenceSlugsOf } from "./endSequences";
import type { ParsedNote } from "./parsedNote";
import { performBody, performCommand, type BodyResult } from "./performCommand";
import { insertTouchLines } from "./insertTouchLines";

/**
 * Mark won / Mark lost, on the model: cancels every open touch (`[-]`, kept in the note) and logs
 * the closing touch. The caller sets `status`. A sequence that does not end on this status (its
 * `endsOn`) keeps its open touches: they stay due, as any open line of a closed note does.
 */
export function closeOn(note: ParsedNote, outcome: "won" | "lost", today: IsoDay, channel: string): BodyResult<{ cancelled: number }> {
	const prospect = prospectOf(note);
	if ("error" in prospect) return prospect;
	const settings = note.settings;
	let cancelled = 0;
	for (const touch of prospect.touches) {
		if (touch.source !== undefined || !isScheduled(touch, today)) continue;
		const slugs = sequenceSlugsOf(touch.raw);
		if (slugs.length > 0 && !slugs.some((slug) => endsOn(slug, outcome, settings))) continue;
		const failed = note.setCheckbox(touch.line, "-");
		if (failed) return failed;
		cancelled++;
	}
	const done = prospect.touches.filter((t) => !isScheduled(t, today) && t.check !== "cancelled").length;
	const result: Outcome = outcome === "won" ? "yes" : "no";
	const line = renderLine(
		settings.templates.touch,
		{
			...prospectValues(prospect, note.path),
			date: today,
			channel,
			summary: outcome === "won" ? "won" : "lost",
			outcome: result,
			touch: ordinal(done + 1),
		},
		prospect.frontmatter,
	);
	insertTouchLines(note, [line]);
	return { ok: true, cancelled };
}

/** The body of Mark won / Mark lost on a note's text: no status, no mirrors. */
export function closeBody(text: string, path: string, outcome: "won" | "lost", today: IsoDay, channel: string, settings: TouchbaseSettings): EditResult & { cancelled?: number } {
	return performBody(text, path, settings, (note) => closeOn(note, outcome, today, channel));
}

/** Mark won / Mark lost: open touches cancelled, the closing touch logged, `status` set, the mirrors. */
export function closeProspect(
	text: string,
	path: string,
	outcome: "won" | "lost",
	channel: string,
	settings: TouchbaseSettings,
	today: IsoDay,
	linked: readonly Touch[] = [],
): EditResult & { cancelled?: number } {
	return performCommand(text, path, settings, today, (note) => closeOn(note, outcome, today, channel), { keys: [[settings.keys.status, outcome]], linked });
}
