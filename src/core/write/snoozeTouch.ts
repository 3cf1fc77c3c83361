import type { ClockTime, IsoDay } from "../text/dates";
import { lineAt, locateLine, type EditResult, type FrontmatterValue } from "../text/edits";
import { keyOfLine, normalizeKey } from "../text/frontmatter";
import { parseNaturalDate } from "../text/nextClause";
import { computeDue, type DueEntry, type NextTouch } from "../rules/due";
import type { TouchbaseSettings } from "../settings/settings";
import type { Touch } from "../read/note";
import { prospectOf } from "./editTarget";
import { setMirrors } from "./mirrors";
import { ParsedNote, type Refusal } from "./parsedNote";
import { performBody, performOn, type BodyResult } from "./performCommand";
import { scheduleOn } from "./scheduleTouch";

/** What the view or a command saw as the due touch, so a later edit can find it again. */
export interface DueTarget {
	source: NextTouch["source"];
	/** 1-based line of the touch line, when there is one. */
	line: number | null;
	/** That line's text when it was seen. */
	raw: string | null;
	channel: string | null;
	text: string | null;
}

/**
 * Snooze, on the model: moves the due touch to `date`, never deleting it. A scheduled line gets
 * the new date; a promised `next:` gets the new date in its clause; a suggestion becomes a
 * scheduled line. A due date that came from `next_follow_up` only needs the frontmatter
 * (`moveFollowUpOn`).
 */
export function snoozeOn(note: ParsedNote, target: DueTarget, date: IsoDay, time: ClockTime | null | undefined): BodyResult<object> {
	const prospect = prospectOf(note);
	if ("error" in prospect) return prospect;
	const settings = note.settings;
	if (target.source === "next_follow_up") return { ok: true };
	if (target.source === "cadence" || target.source === "created") {
		const scheduled = scheduleOn(note, { date, time: time ?? null, channel: target.channel ?? prospect.channel ?? settings.defaultChannel, summary: "follow up", objective: null });
		return scheduled.ok ? { ok: true } : scheduled;
	}
	if (target.line === null || target.raw === null) return { ok: false, error: "the touch has no line to move" };
	const line = locateLine(note.text, target.line, target.raw);
	if (typeof line !== "number") return { ok: false, error: line.error };
	if (target.source === "scheduled") return note.moveTouchDate(line, date, time) ?? { ok: true };
	const touch = prospect.touches.find((t) => t.line === line);
	const content = lineAt(note.text, line);
	if (!touch || content === null) return { ok: false, error: "the touch line is no longer in the note" };
	const moved = moveNextWhen(content, touch.date, date, settings);
	if (moved === null) return { ok: false, error: "the touch's next: date could not be found" };
	return note.replaceLine(line, moved) ?? { ok: true };
}

/** Replaces the WHEN of a line's `next:` clause with an ISO date, keeping the rest. */
function moveNextWhen(content: string, baseDay: IsoDay, date: IsoDay, settings: TouchbaseSettings): string | null {
	const m = /\bnext:(?!:)[ \t]*/i.exec(content);
	if (!m) return null;
	const start = m.index + m[0].length;
	const rest = content.slice(start);
	const iso = /^(?:\[\[)?\d{4}-\d{2}-\d{2}(?:\]\])?(?:\s+\d{2}:\d{2}(?=\s|$))?/.exec(rest);
	const length = iso ? iso[0].length : (parseNaturalDate(rest, baseDay, settings.dateLocale)?.length ?? 0);
	if (length === 0) return null;
	return content.slice(0, start) + date + rest.slice(length);
}

/** The body of Snooze on a note's text: no mirrors. */
export function snoozeBody(text: string, path: string, target: DueTarget, date: IsoDay, time: ClockTime | null | undefined, settings: TouchbaseSettings): EditResult {
	return performBody(text, path, settings, (note) => snoozeOn(note, target, date, time));
}

/** Snooze: moves the due touch to `date` (and to `time`, when given: a reminder's snooze). */
export function snoozeTouch(
	text: string,
	path: string,
	target: DueTarget,
	date: IsoDay,
	time: ClockTime | undefined,
	settings: TouchbaseSettings,
	today: IsoDay,
	linked: readonly Touch[] = [],
): EditResult {
	return snoozeNote(ParsedNote.read(path, text, settings, linked), target, date, time, today);
}

/**
 * Snooze of whatever is due (the command line's `snooze`): the due touch is worked out from the
 * same parse that is changed, then moved to `date`. `from` is the date it had.
 */
export function snoozeDue(
	text: string,
	path: string,
	date: IsoDay,
	time: ClockTime | undefined,
	settings: TouchbaseSettings,
	today: IsoDay,
	linked: readonly Touch[] = [],
): Refusal | { ok: true; text: string; from: IsoDay; name: string } {
	const note = ParsedNote.read(path, text, settings, linked);
	const refused = note.refusal();
	if (refused !== null) return { ok: false, error: refused };
	const due = computeDue(note.prospect!, today, settings);
	if (!due.next) {
		const why = due.bucket === "closed" ? `it is ${due.effectiveStatus} with no open touch: nothing is due` : due.bucket === "paused" ? "it is paused: nothing is due" : "it has no due touch to snooze: schedule one first";
		return { ok: false, error: why };
	}
	if (date <= due.next.date && time === undefined) return { ok: false, error: `${date} is not after the due date ${due.next.date}` };
	const moved = snoozeNote(note, dueTargetOf(due), date, time, today);
	return moved.ok ? { ok: true, text: moved.text, from: due.next.date, name: note.prospect!.name } : moved;
}

/** What a later edit needs to find the due touch of `entry` again. */
export function dueTargetOf(entry: DueEntry): DueTarget {
	const next = entry.next;
	const line = next?.line ?? null;
	return {
		source: next?.source ?? "cadence",
		line,
		raw: line !== null ? (entry.prospect.touches.find((t) => t.line === line)?.raw ?? null) : null,
		channel: next?.channel ?? null,
		text: next?.text ?? null,
	};
}

/** Snooze on a parsed note: the body, the history kept and the mirrors, or the follow-up fields moved. */
function snoozeNote(note: ParsedNote, target: DueTarget, date: IsoDay, time: ClockTime | undefined, today: IsoDay): EditResult {
	if (target.source === "next_follow_up") {
		// The date comes from a follow-up field: frontmatter `next_follow_up` or a synonym
		// (`next_contact`, `nextFollowUp`), or a Dataview `[next:: …]` in the body. Writing a
		// canonical `next_follow_up` beside it would leave the old, earlier date in charge.
		const moved = moveFollowUpOn(note, date, today);
		if (!moved.ok) return moved;
		// A moved frontmatter field is the mirror itself; a moved body field is mirrored.
		if (moved.inFrontmatter) return { ok: true, text: note.text, inFrontmatter: true } as EditResult;
		return setMirrors(note, today) ?? { ok: true, text: note.text };
	}
	return performOn(note, today, (parsed) => snoozeOn(parsed, target, date, time));
}

/**
 * Snooze for a due date that comes from follow-up fields, on the model: the due field, and every
 * other one (frontmatter key or body inline field) that still counts and is earlier than `date`,
 * gets `date` under its own key name, so the due touch really moves. Other bytes stay as they were.
 */
export function moveFollowUpOn(note: ParsedNote, date: IsoDay, today: IsoDay): BodyResult<{ inFrontmatter: boolean }> {
	const prospect = prospectOf(note);
	if ("error" in prospect) return prospect;
	const settings = note.settings;
	const last = computeDue(prospect, today, settings).lastTouch?.date ?? null;
	const bodyLine = note.block?.bodyLine ?? 0;
	const nextKeys = new Set(["next", settings.keys.nextFollowUp, ...settings.synonyms.nextFollowUp].map(normalizeKey));
	// The fields that count (after the last touch), and the due one among them.
	const fields = prospect.nextFollowUp.filter((f) => f.line !== null && (last === null || f.date > last));
	const due = fields.reduce<IsoDay | null>((min, f) => (min === null || f.date < min ? f.date : min), null);
	const keys: [string, FrontmatterValue][] = [];
	let moved = 0;
	for (const field of fields) {
		if (field.line === null || field.date === date || (field.date !== due && field.date > date)) continue;
		const content = lineAt(note.text, field.line);
		if (content === null) continue;
		if (field.line <= bodyLine) {
			const key = keyOfLine(content);
			if (key) keys.push([key, date]);
			continue;
		}
		let done = false;
		const updated = content.replace(/([^:[\]()]+)(::[ \t]*)(\[\[)?(\d{4}-\d{2}-\d{2})/g, (all: string, key: string, sep: string, link: string | undefined, day: string) => {
			if (done || day !== field.date || !nextKeys.has(normalizeKey(key.replace(/^.*[\s[(]/, "")))) return all;
			done = true;
			return `${key}${sep}${link ?? ""}${date}`;
		});
		if (!done) continue;
		const failed = note.replaceLine(field.line, updated, { from: field.date, to: date });
		if (failed) return failed;
		moved++;
	}
	if (keys.length === 0 && moved === 0) return { ok: false, error: "the follow-up date could not be found in the note" };
	return note.setKeys(keys) ?? { ok: true, inFrontmatter: keys.length > 0 };
}

/** `moveFollowUpOn` on a note's text. */
export function moveFollowUpFields(text: string, path: string, date: IsoDay, settings: TouchbaseSettings, today: IsoDay): EditResult & { inFrontmatter?: boolean } {
	return performBody(text, path, settings, (note) => moveFollowUpOn(note, date, today));
}
