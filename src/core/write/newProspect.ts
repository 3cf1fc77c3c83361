import type { IsoDay } from "../text/dates";
import { readFrontmatter } from "../text/frontmatter";
import type { TouchbaseSettings } from "../settings/settings";
import { renderTemplate } from "../text/template";
import { safeFileName } from "../text/noteName";

export interface NewProspectInput {
	name: string;
	company: string;
	contact: string;
}

/** A safe file name for a prospect (`safeFileName`). */
export function prospectFileName(name: string): string {
	return safeFileName(name);
}

/**
 * New prospect: the new note's text from the prospect template. Values that would break the YAML
 * (a colon, a quote, a leading `[`) are written quoted.
 */
export function newProspectText(input: NewProspectInput, settings: TouchbaseSettings, today: IsoDay): string {
	const values = { prospect: input.name.trim(), company: input.company.trim(), contact: input.contact.trim(), date: today };
	const plain = renderTemplate(settings.templates.prospect, values);
	if (readFrontmatter(plain).ok) return plain;
	const quoted = Object.fromEntries(Object.entries(values).map(([k, v]) => [k, v === "" ? "" : JSON.stringify(v)]));
	return renderTemplate(settings.templates.prospect, quoted);
}
