/**
 * The one wikilink reader: `[[target#heading|alias]]`, as Obsidian writes links (a target path
 * or name, an optional heading, an optional alias). Each part stays as written.
 */
export interface Wikilink {
	/** The note linked to, as written: `People/Jane Doe`, `Jane Doe`, or empty (`[[#heading]]`). */
	target: string;
	heading: string | null;
	/** The alias after `|` (empty when the `|` has nothing after it), or null. */
	alias: string | null;
}

const LINK = /\[\[([^\]|#]*)(?:#([^\]|]*))?(?:\|([^\]]*))?\]\]/g;
const WHOLE = new RegExp(`^${LINK.source}$`);

function linkOf(m: RegExpExecArray | RegExpMatchArray): Wikilink {
	return { target: m[1], heading: m[2] ?? null, alias: m[3] ?? null };
}

/** The link a whole text is (surrounding spaces aside), or null when it is anything else. */
export function parseWikilink(text: string): Wikilink | null {
	const m = WHOLE.exec(text.trim());
	return m ? linkOf(m) : null;
}

/** Every link in a text, in order. */
export function wikilinksIn(text: string): Wikilink[] {
	return [...text.matchAll(LINK)].map(linkOf);
}

/** The name of the note a target names: its last path part (`People/Jane Doe` → `Jane Doe`). */
export function targetName(target: string): string {
	return target.slice(target.lastIndexOf("/") + 1);
}

/** Every link in a text with where it stands: `start` and `end` offsets of its `[[…]]`. */
export function wikilinkSpans(text: string): Array<Wikilink & { start: number; end: number }> {
	return [...text.matchAll(LINK)].map((m) => ({ ...linkOf(m), start: m.index ?? 0, end: (m.index ?? 0) + m[0].length }));
}

/** The text as read: each link replaced by its alias, else by what it links to (`[[Ada Okafor|Ada]]` → `Ada`). */
export function linksAsText(text: string): string {
	return text.replace(LINK, (_all: string, target: string, heading: string | undefined, alias: string | undefined) => alias ?? (heading !== undefined ? `${target}#${heading}` : target));
}
