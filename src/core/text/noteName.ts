/** A note's name: its file name without the folder and `.md`. */
export function noteName(path: string): string {
	const base = path.slice(path.lastIndexOf("/") + 1);
	return base.replace(/\.md$/i, "");
}

/** Names Windows keeps for devices, with or without an extension (`CON`, `nul.txt`, `COM1`). */
const WINDOWS_RESERVED = /^(con|prn|aux|nul|com[0-9\u00b9\u00b2\u00b3]|lpt[0-9\u00b9\u00b2\u00b3])(\.|$)/i;

/**
 * A name safe as a note's file name on every system a vault syncs to: no path separator or
 * character Windows, macOS or Obsidian refuse in a name (`\ / : * ? " < > |`, `#^[]`, control
 * characters), no leading dot or space (a hidden file Obsidian never lists), no trailing dot or
 * space (Windows drops them), no name Windows reserves (`CON` becomes `CON_`), at most 120
 * characters. Empty when nothing usable is left. (README, "Import leads".)
 */
export function safeFileName(name: string): string {
	// eslint-disable-next-line no-control-regex -- control characters are what this removes
	let safe = name.replace(/[\\/:*?"<>|#^[\]\u0000-\u001f\u007f]/g, " ").replace(/\s+/g, " ").trim().slice(0, 120);
	safe = safe.replace(/^[.\s]+/, "").replace(/[.\s]+$/, "");
	const reserved = WINDOWS_RESERVED.exec(safe);
	if (reserved !== null) safe = `${reserved[1]}_${safe.slice(reserved[1].length)}`;
	return safe;
}
