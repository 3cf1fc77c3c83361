import type { IsoDay } from "../text/dates";
import type { EditResult } from "../text/edits";
import type { Status, Touch } from "../read/note";
import type { TouchbaseSettings } from "../settings/settings";
import { prospectOf } from "./editTarget";
import { endSequencesOn } from "./endSequences";
import { setMirrors } from "./mirrors";
import { ParsedNote } from "./parsedNote";

const STATUSES: readonly Status[] = ["lead", "active", "paused", "won", "lost"];

/**
 * `touchbase status NOTE STATUS`: sets `status`, as an edit by hand would, and ends the sequences
 * that status ends, in one write. Setting the status a note already has changes nothing.
 */
export function setStatus(
	text: string,
	path: string,
	status: string,
	settings: TouchbaseSettings,
	today: IsoDay,
	linked: readonly Touch[] = [],
): EditResult & { cancelled?: number; changed?: boolean } {
	const wanted = status.trim().toLowerCase() as Status;
	if (!STATUSES.includes(wanted)) return { ok: false, error: `unknown status "${status}" (${STATUSES.join(", ")})` };
	const note = ParsedNote.read(path, text, settings, linked);
	const prospect = prospectOf(note);
	if ("error" in prospect) return prospect;
	if (prospect.status === wanted) return { ok: true, text, cancelled: 0, changed: false };
	const set = note.setKeys([[settings.keys.status, wanted]]);
	if (set) return set;
	const ended = endSequencesOn(note, today);
	if (!ended.ok) return ended;
	return setMirrors(note, today) ?? { ok: true, text: note.text, cancelled: ended.cancelled, changed: true };
}
