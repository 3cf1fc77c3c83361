import type { ProspectNote } from "../read/note";
import type { ParsedNote, Refusal } from "./parsedNote";

/** The prospect a command edits, or why it refuses (broken frontmatter, not a prospect). */
export function prospectOf(note: ParsedNote): ProspectNote | Refusal {
	const refusal = note.refusal();
	return refusal !== null || note.prospect === null ? { ok: false, error: refusal ?? "it is not a prospect note" } : note.prospect;
}

/** Placeholder values shared by every template that speaks of one prospect. */
export function prospectValues(prospect: ProspectNote | null, path: string): Record<string, string | null> {
	return {
		prospect: prospect?.name ?? path.replace(/^.*\//, "").replace(/\.md$/i, ""),
		company: prospect?.company ?? null,
		contact: prospect?.contact ?? null,
	};
}
