import { existsSync, statSync, type Stats } from "node:fs";
import { dirname, relative, resolve, sep } from "node:path";
import { UsageError } from "../core/show/cliText";
import { maxNoteBytes, type TouchbaseSettings } from "../core/settings/settings";
import { NotReadable, readRegularFile, removeLeftovers, withNoteLock, WriteFailed, writeFileAtomic } from "./safeFile";

export type VaultRootOf = (note: string) => { vault: string; settings: TouchbaseSettings };

/** Refuses, as a usage error, a NOTE.md argument that is not an existing markdown file. */
export function checkNoteArg(note: string): void {
	if (!note.toLowerCase().endsWith(".md")) throw new UsageError(`not a markdown note: ${note}`);
	if (!existsSync(note) || !statSync(note).isFile()) throw new UsageError(`note not found: ${note}`);
}

/** A note named on the command line, read for an edit: its vault and settings, its path in the vault and its text. */
export interface NoteForEdit {
	vault: string;
	settings: TouchbaseSettings;
	path: string;
	before: string;
}

const UTF8 = new TextDecoder("utf-8", { fatal: true, ignoreBOM: true });

/** The note's text and the stat it was read with; a line on stderr and null when it cannot be edited. */
function readForEdit(note: string, settings: TouchbaseSettings, err: (text: string) => void): { text: string; stat: Stats } | null {
	let got: ReturnType<typeof readRegularFile>;
	try {
		got = readRegularFile(note, maxNoteBytes(settings));
	} catch (error) {
		const why = error instanceof NotReadable ? `it ${error.message}` : `it cannot be read (${(error as NodeJS.ErrnoException).code ?? String(error)})`;
		err(`touchbase: ${note} was not changed: ${why}\n`);
		return null;
	}
	try {
		return { text: UTF8.decode(got.bytes), stat: got.stat };
	} catch {
		err(`touchbase: ${note} was not changed: it is not UTF-8 text\n`);
		return null;
	}
}

/** Whether the note on disk is still the file that was read (same file, size and times). */
function unchangedSince(note: string, read: Stats): boolean {
	try {
		const now = statSync(note);
		return now.ino === read.ino && now.dev === read.dev && now.size === read.size && now.mtimeMs === read.mtimeMs && now.ctimeMs === read.ctimeMs;
	} catch {
		return false;
	}
}

/** How many times an edit is made again when the note changed under it (another program wrote it). */
const EDIT_ATTEMPTS = 5;

/**
 * Changes a note named on the command line whole or not at all (docs/reliability.md): the note's
 * lock is held from the read to the rename, so Touchbase runs changing the same note take turns;
 * the new text goes to a temporary file that is flushed and renamed over the note, keeping its
 * mode; and if the note changed on disk meanwhile (another program), the change is made again on
 * its new text. `change` gives the new text (null: write nothing) and what the caller needs; it
 * may run more than once. Returns the last `change`'s value, or null (after one line on stderr)
 * when the note could not be read or written: it is then exactly as it was.
 */
export function editNote<T>(
	note: string,
	err: (text: string) => void,
	vaultRootOf: VaultRootOf,
	change: (read: NoteForEdit) => { text: string | null; value: T },
): { value: T; written: boolean } | null {
	const { vault, settings } = vaultRootOf(note);
	const path = relative(vault, resolve(note)).split(sep).join("/");
	removeLeftovers(dirname(resolve(note)));
	try {
		return withNoteLock(note, () => {
			for (let attempt = 1; attempt <= EDIT_ATTEMPTS; attempt++) {
				const read = readForEdit(note, settings, err);
				if (read === null) return null;
				const { text, value } = change({ vault, settings, path, before: read.text });
				if (text === null || text === read.text) return { value, written: false };
				if (writeFileAtomic(note, text, { mode: read.stat.mode & 0o7777, owner: { uid: read.stat.uid, gid: read.stat.gid }, beforeRename: () => unchangedSince(note, read.stat) })) return { value, written: true };
			}
			throw new WriteFailed("EAGAIN", `another program changed it ${EDIT_ATTEMPTS} times while it was being edited`);
		});
	} catch (error) {
		if (!(error instanceof WriteFailed)) throw error;
		err(`touchbase: ${note} was not changed: ${error.message}; the note is as it was\n`);
		return null;
	}
}
