/**
 * Every command as one pure function from a note's text to its new text: the body edit and the
 * frontmatter it mirrors, together. The plugin applies each in exactly one `Vault.process` call
 * and the CLI in one write, so an interruption never leaves half an edit and undo is one step.
 */
import { closeBody, draftBody, scheduleTouchBody, snoozeBody, type DraftInput, type DueTarget, type ScheduleInput } from "./actions";
import type { ClockTime, IsoDay } from "../text/dates";
import { computeDue } from "../rules/due";
import { prospectFor } from "./editTarget";
import { lineAt, replaceLine, setFrontmatterKeys, type EditResult, type FrontmatterValue } from "../text/edits";
import { normalizeKey, readFrontmatter } from "../text/frontmatter";
import { keepContactHistory } from "./history";
import { withMirrors } from "./mirrors";
import { startSequenceBody, type PlannedTouch } from "./sequences";
import type { Sequence, TouchbaseSettings } from "../settings/settings";

export { logTouch } from "./logTouch";
/** A status set by hand (seen by the index) or by `touchbase status`: the sequences it ends (README, "Sequences"). */
export { endSequencesOnStatus, setStatus } from "./endSequences";

/** Schedule next follow-up. */
export function scheduleTouch(text: string, path: string, input: ScheduleInput, settings: TouchbaseSettings, today: IsoDay): EditResult & { line?: string } {
	const kept = keepContactHistory(text, path, settings, today).text;
	return withMirrors(scheduleTouchBody(kept, path, input, settings), path, settings, today);
}

/** Draft follow-up email: the draft and its "send" touch. */
export function draftFollowUp(text: string, path: string, input: DraftInput, settings: TouchbaseSettings, today: IsoDay): EditResult & { sendOn?: IsoDay } {
	const kept = keepContactHistory(text, path, settings, today).text;
	return withMirrors(draftBody(kept, path, input, settings, today), path, settings, today);
}

/** Mark won / Mark lost: open touches cancelled, the closing touch logged, `status` set. */
export function closeProspect(
	text: string,
	path: string,
	outcome: "won" | "lost",
	channel: string,
	settings: TouchbaseSettings,
	today: IsoDay,
): EditResult & { cancelled?: number } {
	const kept = keepContactHistory(text, path, settings, today).text;
	return withMirrors(closeBody(kept, path, outcome, today, channel, settings), path, settings, today, [[settings.keys.status, outcome]]);
}

/** Start a sequence on `start`. */
export function startSequence(
	text: string,
	path: string,
	sequence: Sequence,
	start: IsoDay,
	settings: TouchbaseSettings,
	today: IsoDay,
): EditResult & { planned?: PlannedTouch[] } {
	const kept = keepContactHistory(text, path, settings, today).text;
	return withMirrors(startSequenceBody(kept, path, sequence, start, settings), path, settings, today);
}

/**
 * The referral ask offered after Mark won / Mark lost: an open line in the closed note, due on its
 * date like any open line of a closed note (README, "What is due"), so `next_follow_up` mirrors it.
 */
export function scheduleReferralAsk(text: string, path: string, date: IsoDay, settings: TouchbaseSettings, today: IsoDay): EditResult & { line?: string } {
	const body = scheduleTouchBody(text, path, { date, time: null, channel: settings.defaultChannel, summary: "ask for a referral", objective: "referral" }, settings);
	return withMirrors(body, path, settings, today);
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
): EditResult {
	if (target.source === "next_follow_up") {
		// The date comes from a follow-up field: frontmatter `next_follow_up` or a synonym
		// (`next_contact`, `nextFollowUp`), or a Dataview `[next:: …]` in the body. Writing a
		// canonical `next_follow_up` beside it would leave the old, earlier date in charge.
		const moved = moveFollowUpFields(text, path, date, settings, today);
		// A moved frontmatter field is the mirror itself; a moved body field is mirrored.
		return moved.ok && moved.inFrontmatter ? moved : withMirrors(moved, path, settings, today);
	}
	const kept = keepContactHistory(text, path, settings, today).text;
	return withMirrors(snoozeBody(kept, path, target, date, time, settings), path, settings, today);
}

/**
 * Snooze for a due date that comes from follow-up fields: the due field, and every other one
 * (frontmatter key or body inline field) that still counts and is earlier than `date`, gets
 * `date` under its own key name, so the due touch really moves. Other bytes stay as they were.
 */
export function moveFollowUpFields(text: string, path: string, date: IsoDay, settings: TouchbaseSettings, today: IsoDay): EditResult & { inFrontmatter?: boolean } {
	const prospect = prospectFor(text, path, settings);
	if ("error" in prospect) return { ok: false, error: prospect.error };
	const last = computeDue(prospect, today, settings).lastTouch?.date ?? null;
	const bodyLine = readFrontmatter(text).block?.bodyLine ?? 0;
	const nextKeys = new Set(["next", settings.keys.nextFollowUp, ...settings.synonyms.nextFollowUp].map(normalizeKey));
	// The fields that count (after the last touch), and the due one among them.
	const fields = prospect.nextFollowUp.filter((f) => f.line !== null && (last === null || f.date > last));
	const due = fields.reduce<IsoDay | null>((min, f) => (min === null || f.date < min ? f.date : min), null);
	const keys: [string, FrontmatterValue][] = [];
	let body = text;
	let moved = 0;
	for (const field of fields) {
		if (field.line === null || field.date === date || (field.date !== due && field.date > date)) continue;
		const content = lineAt(body, field.line);
		if (content === null) continue;
		if (field.line <= bodyLine) {
			const key = /^(["']?)([^"':]+?)\1[ \t]*:/.exec(content)?.[2];
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
		const replaced = replaceLine(body, field.line, updated);
		if (!replaced.ok) return replaced;
		body = replaced.text;
		moved++;
	}
	if (keys.length === 0 && moved === 0) return { ok: false, error: "the follow-up date could not be found in the note" };
	const result = setFrontmatterKeys(body, keys);
	return result.ok ? { ...result, inFrontmatter: keys.length > 0 } : result;
}
