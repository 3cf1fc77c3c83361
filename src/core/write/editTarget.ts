import { readFrontmatter } from "../text/frontmatter";
import { readNote, type ProspectNote } from "../read/note";
import type { TouchbaseSettings } from "../settings/settings";

/** Reads a note for an edit, refusing one whose frontmatter is broken or that is not a prospect. */
export function prospectFor(text: string, path: string, settings: TouchbaseSettings): ProspectNote | { error: string } {
	const fm = readFrontmatter(text);
	if (!fm.ok) return { error: `its frontmatter is broken (line ${fm.line}: ${fm.message})` };
	const prospect = readNote(path, text, settings).prospect;
	return prospect ?? { error: "it is not a prospect note" };
}

/** Placeholder values shared by every template that speaks of one prospect. */
export function prospectValues(prospect: ProspectNote | null, path: string): Record<string, string | null> {
	return {
		prospect: prospect?.name ?? path.replace(/^.*\//, "").replace(/\.md$/i, ""),
		company: prospect?.company ?? null,
		contact: prospect?.contact ?? null,
	};
}
