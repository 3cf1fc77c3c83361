import { existsSync, readFileSync, statSync } from "node:fs";
import { relative, resolve, sep } from "node:path";
import { UsageError } from "../core/show/cliText";
import type { TouchbaseSettings } from "../core/settings/settings";

export type VaultRootOf = (note: string) => { vault: string; settings: TouchbaseSettings };

/** Refuses, as a usage error, a NOTE.md argument that is not an existing markdown file. */
export function checkNoteArg(note: string): void {
	if (!note.toLowerCase().endsWith(".md")) throw new UsageError(`not a markdown note: ${note}`);
	if (!existsSync(note) || !statSync(note).isFile()) throw new UsageError(`note not found: ${note}`);
}

/**
 * A note named on the command line, read for an edit: its vault and settings, its path in the
 * vault and its text. Null, after one line on stderr, when it is not UTF-8: it is never written.
 */
export function readNoteForEdit(
	note: string,
	err: (text: string) => void,
	vaultRootOf: VaultRootOf,
): { vault: string; settings: TouchbaseSettings; path: string; before: string } | null {
	const { vault, settings } = vaultRootOf(note);
	const path = relative(vault, resolve(note)).split(sep).join("/");
	try {
		const before = new TextDecoder("utf-8", { fatal: true, ignoreBOM: true }).decode(readFileSync(note));
		return { vault, settings, path, before };
	} catch {
		err(`touchbase: ${note} was not changed: it is not UTF-8 text\n`);
		return null;
	}
}
