/**
 * Links to a prospect, resolved as Obsidian resolves them (README, "Bringing your existing
 * notes"): `[[Ada Okafor]]` by file name, `[[People/Ada Okafor]]` by the end of its path,
 * `[[Ada Okafor|Ada]]` by its target; and, for a plain name in a people key or an `Attendees:`
 * line, the person's own names: `name` key, `aliases`, first heading, and the folder of a folder
 * note (`People/Ada Okafor/README.md`). In the plugin, wikilinks go through
 * `metadataCache.getFirstLinkpathDest`; the CLI uses these same rules.
 */
import { wikilinksIn } from "../text/wikilink";

/** A name or link target as it is compared: lower case, no `.md`, `_` `-` and spaces as one space. */
export function linkKey(text: string): string {
	return text
		.trim()
		.replace(/\.md$/i, "")
		.toLowerCase()
		.replace(/[\s_-]+/g, " ")
		.replace(/\s*\/\s*/g, "/")
		.trim();
}

/** File names of folder notes: the note stands for its folder. */
const FOLDER_NOTE = /^(?:readme|index|_index|profile|about)$/i;

/** The folder a folder note stands for (`People/Ada Okafor/README.md` → `People/Ada Okafor`), else null. */
export function folderOfFolderNote(path: string): string | null {
	const parts = path.replace(/\.md$/i, "").split("/");
	if (parts.length < 2 || !FOLDER_NOTE.test(parts[parts.length - 1])) return null;
	return parts.slice(0, -1).join("/");
}

/** What marks a plain name (not a wikilink) among an interaction's links. */
export const PLAIN = "=";

/**
 * Every key a link or a name can reach a prospect note by. A wikilink: each end of its path
 * (`ada okafor`, `people/ada okafor`), its folder's when it is a folder note, and its aliases. A
 * plain name (marked `=`): its file name, its folder's name for a folder note, its `name`,
 * `aliases` and first heading.
 */
export function prospectTargets(path: string, names: readonly string[], aliases: readonly string[] = []): string[] {
	const out = new Set<string>();
	const addPath = (p: string): void => {
		const parts = linkKey(p).split("/");
		for (let i = 0; i < parts.length; i++) out.add(parts.slice(i).join("/"));
		out.add(PLAIN + parts[parts.length - 1]);
	};
	addPath(path);
	const folder = folderOfFolderNote(path);
	if (folder !== null) addPath(folder);
	for (const alias of aliases) {
		const key = linkKey(alias);
		if (key !== "" && !key.includes("/")) out.add(key);
	}
	for (const name of [...names, ...aliases]) {
		const key = linkKey(name);
		if (key !== "" && !key.includes("/")) out.add(PLAIN + key);
	}
	return [...out];
}

/** The people a text names: its wikilinks' targets, else its plain names (marked `=`), separated by commas, `;`, `and` or `&`. */
export function peopleNamed(text: string): string[] {
	const links = wikilinksIn(text).map((link) => linkKey(link.target));
	if (links.length > 0) return links.filter((name) => name !== "");
	return text
		.replace(/[*_`]/g, "")
		.split(/\s*[,;]\s*|\s+and\s+|\s*&\s*/)
		.map((name) => linkKey(name.replace(/\([^)]*\)/g, "")))
		.filter((name) => name !== "" && name !== "you" && name !== "me" && !name.includes("@") && name.length <= 80)
		.map((name) => PLAIN + name);
}
