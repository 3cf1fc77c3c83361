/**
 * What ends a sequence, and the step that waits for the one before it (README, "Sequences").
 *
 * A sequence ends on an answer (a touch logged with `outcome: yes` or `no`), on a touch logged on
 * a meeting channel (`meetingChannels`), or when the prospect's status becomes won, lost or paused
 * (by Mark won / Mark lost, `touchbase status`, or by hand in the note). Each sequence may choose
 * which of these end it (`endsOn`; default: all). Ending cancels its open touch lines (`[-]`),
 * never deletes them; cancelling lines already cancelled changes nothing, so every end is
 * idempotent: applied twice (two devices seeing one synced edit), it writes once.
 */
import type { IsoDay } from "../text/dates";
import { isScheduled } from "../rules/due";
import { prospectOf } from "./editTarget";
import type { EditResult } from "../text/edits";
import { setMirrors } from "./mirrors";
import { ParsedNote, type Refusal } from "./parsedNote";
import type { ProspectNote, Status, Touch } from "../read/note";
import { objectiveTag, sequenceSlug, stepDate, stepLine, waitsForPrevious } from "./sequences";
import { SEQUENCE_ENDS, type Sequence, type SequenceEnd, type TouchbaseSettings } from "../settings/settings";

const TAGS = /(?:^|[\s(])#sequence\/([^\s#()[\],;]+)/giu;

/** The sequence slugs a line is tagged with (`#sequence/trade-show-lead` → `trade-show-lead`). */
export function sequenceSlugsOf(raw: string): string[] {
	return [...raw.matchAll(TAGS)].map((m) => m[1].toLowerCase());
}

/** The sequence of the settings a slug names, or null (a tag written by hand, a deleted sequence). */
export function sequenceOfSlug(slug: string, settings: TouchbaseSettings): Sequence | null {
	return settings.sequences.find((s) => sequenceSlug(s.name) === slug) ?? null;
}

/** Whether `end` ends the sequence `slug` names. A sequence the settings do not know ends on everything. */
export function endsOn(slug: string, end: SequenceEnd, settings: TouchbaseSettings): boolean {
	return (sequenceOfSlug(slug, settings)?.endsOn ?? SEQUENCE_ENDS).includes(end);
}

/** Whether one of `ends` ends a line tagged `raw`'s sequence(s). */
function lineEnds(raw: string, ends: readonly SequenceEnd[], settings: TouchbaseSettings): boolean {
	const slugs = sequenceSlugsOf(raw);
	return slugs.length > 0 && slugs.some((slug) => ends.some((end) => endsOn(slug, end, settings)));
}

/** The open sequence touch lines among `touches` that one of `ends` ends (`today` decides what is still to come). */
export function endedTouches(touches: readonly Touch[], today: IsoDay, ends: readonly SequenceEnd[], settings: TouchbaseSettings, keep: ReadonlySet<number> = new Set()): Touch[] {
	if (ends.length === 0) return [];
	return touches.filter((t) => !keep.has(t.line) && isScheduled(t, today) && lineEnds(t.raw, ends, settings));
}

/** Cancels (`[-]`), in the model, the open sequence touches of `touches` (read from it) that one of `ends` ends. */
export function cancelEndedTouches(
	note: ParsedNote,
	touches: readonly Touch[],
	today: IsoDay,
	ends: readonly SequenceEnd[],
	keep: ReadonlySet<number> = new Set(),
): Refusal | { ok: true; cancelled: number } {
	let cancelled = 0;
	for (const touch of endedTouches(touches, today, ends, note.settings, keep)) {
		const failed = note.setCheckbox(touch.line, "-");
		if (failed) return failed;
		cancelled++;
	}
	return { ok: true, cancelled };
}

/** The ends a logged touch brings: an answer (yes or no), a meeting channel. */
export function endsOfTouch(channel: string, outcome: string | null, settings: TouchbaseSettings): SequenceEnd[] {
	const ends: SequenceEnd[] = [];
	if (outcome === "yes" || outcome === "no") ends.push("answer");
	if (settings.meetingChannels.includes(channel.trim().toLowerCase())) ends.push("meeting");
	return ends;
}

/** "A meeting ends the sequence", "An answer and a meeting end the sequence": said when touches were cancelled. */
export function endedBecause(ends: readonly SequenceEnd[]): string {
	const words: Record<SequenceEnd, string> = { answer: "an answer", meeting: "a meeting", won: "a win", lost: "a loss", paused: "a pause" };
	const said = ends.map((end) => words[end]);
	const text = said.length > 1 ? `${said.slice(0, -1).join(", ")} and ${said[said.length - 1]} end the sequence` : `${said[0] ?? "its end"} ends the sequence`;
	return `${text[0].toUpperCase()}${text.slice(1)}`;
}

/** The status that ends a sequence, as an end: won, lost, or paused (while the pause lasts). */
export function statusEnd(prospect: ProspectNote, today: IsoDay): SequenceEnd | null {
	const status: Status = prospect.status;
	if (status === "won" || status === "lost") return status;
	if (status === "paused" && (prospect.pausedUntil === null || prospect.pausedUntil > today)) return "paused";
	return null;
}

/** How many open sequence touches the prospect's status ends now: the cheap check before an edit. */
export function touchesEndedByStatus(prospect: ProspectNote, today: IsoDay, settings: TouchbaseSettings): number {
	const end = statusEnd(prospect, today);
	return end === null ? 0 : endedTouches(prospect.touches, today, [end], settings).length;
}

/**
 * A status set (by hand, or by a command) ends sequences, on the model: the open touches of every
 * sequence that ends on it are cancelled. Refuses a note whose frontmatter is broken or that is
 * not a prospect. The mirrors are the caller's.
 */
export function endSequencesOn(note: ParsedNote, today: IsoDay): Refusal | { ok: true; cancelled: number; end: SequenceEnd | null } {
	const prospect = prospectOf(note);
	if ("error" in prospect) return prospect;
	const end = statusEnd(prospect, today);
	if (end === null) return { ok: true, cancelled: 0, end };
	const result = cancelEndedTouches(note, prospect.touches, today, [end]);
	return result.ok ? { ...result, end } : result;
}

/**
 * A status set (by hand, or by a command) ends sequences: the open touches of every sequence
 * that ends on it are cancelled, and the mirrors follow. With nothing to cancel the text comes
 * back unchanged (and `cancelled` is 0): the caller then writes nothing.
 */
export function endSequencesOnStatus(
	text: string,
	path: string,
	settings: TouchbaseSettings,
	today: IsoDay,
	linked: readonly Touch[] = [],
): EditResult & { cancelled?: number; end?: SequenceEnd | null } {
	const note = ParsedNote.read(path, text, settings, linked);
	const ended = endSequencesOn(note, today);
	if (!ended.ok) return ended;
	if (ended.cancelled === 0) return { ok: true, text, cancelled: 0, end: ended.end };
	return setMirrors(note, today) ?? { ok: true, text: note.text, cancelled: ended.cancelled, end: ended.end };
}

/** The step of `sequence` a touch line is: the first with its channel and objective. */
function stepIndexOf(sequence: Sequence, touch: Touch): number {
	const objective = touch.objective?.toLowerCase() ?? null;
	return sequence.steps.findIndex((s) => s.channel === touch.channel && (objectiveTag(s.objective)?.toLowerCase() ?? null) === objective);
}

/**
 * The lines of the steps that waited for `done` (a sequence touch just checked off on `doneOn`):
 * the step after it, when that one is dated "after the previous step", from `doneOn`. Not when
 * the sequence ended (`ends`), and not when the note already has that step's line on or after
 * `done`'s day (a second log, a synced copy): nothing is written twice.
 */
export function nextStepLines(
	prospect: ProspectNote,
	done: Touch,
	doneOn: IsoDay,
	ends: readonly SequenceEnd[],
	settings: TouchbaseSettings,
): { line: string; date: IsoDay; sequence: string }[] {
	const out: { line: string; date: IsoDay; sequence: string }[] = [];
	for (const slug of sequenceSlugsOf(done.raw)) {
		const sequence = sequenceOfSlug(slug, settings);
		if (sequence === null || ends.some((end) => endsOn(slug, end, settings))) continue;
		const index = stepIndexOf(sequence, done);
		if (index < 0 || !waitsForPrevious(sequence, index + 1)) continue;
		const step = sequence.steps[index + 1];
		const objective = objectiveTag(step.objective)?.toLowerCase() ?? null;
		const written = prospect.touches.some(
			(t) => t.line !== done.line && t.date >= done.date && t.channel === step.channel && (t.objective?.toLowerCase() ?? null) === objective && sequenceSlugsOf(t.raw).includes(slug),
		);
		const date = stepDate(doneOn, step);
		if (written || date === null) continue;
		out.push({ line: stepLine(prospect, sequence, step, date, settings), date, sequence: sequence.name });
	}
	return out;
}
