import { addBusinessDays, addDays, isWeekend, nextMonday } from "date-fns";
import { formatDay, type IsoDay } from "../text/dates";
import type { ProspectNote } from "../read/note";
import type { Sequence, SequenceStep, TouchbaseSettings } from "../settings/settings";
import { renderLine } from "../text/template";
import { replaceNonWordRuns } from "../text/unicode";

/**
 * Sequences: named multi-step plans. Start a sequence writes one open touch line per step, each
 * tagged `#sequence/NAME` (the name as a tag: lower case, dashes for spaces). That tag is how a
 * touch is known to belong to a sequence: it can be read, searched (Obsidian's tag pane) and
 * added or removed by hand. When a touch with `outcome: yes` or `outcome: no` is logged, every
 * open touch line that carries a `#sequence/…` tag is cancelled (`[-]`), never deleted.
 */

/** The tag text of a sequence name: `Trade-show lead` → `trade-show-lead`. */
export function sequenceSlug(name: string): string {
	const slug = replaceNonWordRuns(name.trim().toLowerCase(), "-")
		.replace(/-{2,}/g, "-")
		.replace(/^-+|-+$/g, "");
	return slug === "" ? "unnamed" : slug;
}

/** The tag Start a sequence writes on each line: `#sequence/trade-show-lead`. */
export function sequenceMarker(name: string): string {
	return `#sequence/${sequenceSlug(name)}`;
}

const MARKER = /(?:^|[\s(])#sequence\/[^\s#()[\],;]+/iu;

/** Whether a touch line (as written) belongs to a sequence: it carries a `#sequence/…` tag. */
export function isSequenceLine(raw: string): boolean {
	return MARKER.test(raw);
}

/** Local noon of an ISO day (noon: no daylight-saving change moves it to another day), or null. */
function noonOf(day: IsoDay): Date | null {
	const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(day);
	if (!m) return null;
	const date = new Date(2000, 0, 1, 12);
	date.setFullYear(Number(m[1]), Number(m[2]) - 1, Number(m[3]));
	return formatDay(date) === day ? date : null;
}

/**
 * The day of a step started on `start`. Days are calendar days. Business days skip Saturday and
 * Sunday: a sequence started on a weekend counts from the Monday after (its business day 0), so
 * "0 business days" is the first working day and steps keep their spacing.
 */
export function stepDate(start: IsoDay, step: Pick<SequenceStep, "offset" | "unit">): IsoDay | null {
	const base = noonOf(start);
	if (base === null || !Number.isInteger(step.offset) || step.offset < 0) return null;
	if (step.unit === "days") return formatDay(addDays(base, step.offset));
	const first = isWeekend(base) ? nextMonday(base) : base;
	return formatDay(addBusinessDays(first, step.offset));
}

export interface PlannedTouch {
	step: SequenceStep;
	date: IsoDay;
}

/** Whether a step waits for the one before it (`after: previous`); a first step never waits. */
export function waitsForPrevious(sequence: Sequence, index: number): boolean {
	return index > 0 && sequence.steps[index]?.after === "previous";
}

/**
 * The touches a sequence started on `start` writes, by date (steps on one day in their order).
 * A step that waits for the one before it is not written now: Log a touch writes it when that
 * step is done (`nextStepLines` in core/write/endSequences.ts). A first step dated after "previous" is
 * dated from the start.
 */
export function planSequence(sequence: Sequence, start: IsoDay): PlannedTouch[] | null {
	const planned: PlannedTouch[] = [];
	for (const [i, step] of sequence.steps.entries()) {
		if (waitsForPrevious(sequence, i)) continue;
		const date = stepDate(start, step);
		if (date === null) return null;
		planned.push({ step, date });
	}
	// Array#sort is stable: steps on the same day keep the order the settings give them.
	return planned.sort((a, b) => a.date.localeCompare(b.date));
}

/** An objective as the `#objective/…` tag reads it: no spaces or characters that end a tag. */
export function objectiveTag(objective: string): string | null {
	const tag = objective.trim().replace(/[\s#()[\],;]+/g, "-").replace(/^-+|-+$/g, "");
	return tag === "" ? null : tag;
}

/** The open touch line of one step on `date`, in the scheduled-line template, with the sequence's tag. */
export function stepLine(prospect: ProspectNote, sequence: Sequence, step: SequenceStep, date: IsoDay, settings: TouchbaseSettings): string {
	const marker = sequenceMarker(sequence.name);
	const line = renderLine(
		settings.templates.scheduled,
		{
			prospect: prospect.name,
			company: prospect.company,
			contact: prospect.contact,
			date,
			time: null,
			channel: step.channel.toLowerCase(),
			summary: step.objective.trim() || "follow up",
			objective: objectiveTag(step.objective),
			sequence: sequenceSlug(sequence.name),
		},
		prospect.frontmatter,
	);
	return line.toLowerCase().includes(marker) ? line : `${line} ${marker}`;
}
