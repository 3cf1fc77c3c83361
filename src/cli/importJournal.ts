// An import writes all its notes or none, even when it is killed (docs/reliability.md, "Import"):
// 1. a journal at the vault's top (`.touchbase-import.json`, a dot-name Obsidian does not show)
//    lists every note, the hidden temporary file it is first written to, and its digest;
// 2. every note is written to its temporary file and flushed;
// 3. the journal is marked "committing", then each temporary file becomes its note (a hard link,
//    which never replaces a file, then the temporary name is removed); the journal goes last.
// The next Touchbase run on the vault finds a journal whose process is gone: before step 3 it
// removes the temporary files (rolled back), during step 3 it finishes the renames.
import { createHash } from "node:crypto";
import { existsSync, linkSync, mkdirSync, readFileSync, renameSync, rmdirSync, unlinkSync } from "node:fs";
import { hostname } from "node:os";
import { dirname, isAbsolute, join, relative, resolve, sep } from "node:path";
import { processAlive, syncFolder, unlinkQuiet, writeFileAtomic, writeFlushed } from "./safeFile";

export const JOURNAL_NAME = ".touchbase-import.json";
const FORMAT = "touchbase-import-journal/1";

type State = "writing" | "committing" | "rolling-back";

interface JournalNote {
	/** Vault path of the note. */
	path: string;
	/** Vault path of its temporary file. */
	temp: string;
	/** sha256 of the note's bytes: a note is removed on rollback only if it is still what was written. */
	sha256: string;
}

interface Journal {
	format: typeof FORMAT;
	pid: number;
	host: string;
	state: State;
	/** Folders the import made, outermost first (removed on rollback when empty). */
	folders: string[];
	notes: JournalNote[];
}

/** A note to write: its vault path and text. */
export interface NoteToWrite {
	path: string;
	text: string;
}

export interface ImportHooks {
	/** Called before each note's temporary file is written (tests make a write fail part-way). */
	beforeWrite?: (index: number) => void;
	/** Called before each note is put in place (tests make a note appear meanwhile). */
	beforeCommit?: (index: number) => void;
}

/** Thrown when the import did not happen; `left` lists notes a failed rollback could not remove. */
export class ImportFailed extends Error {
	constructor(
		message: string,
		readonly left: string[],
	) {
		super(message);
	}
}

const full = (vault: string, path: string): string => join(vault, ...path.split("/"));

function digest(bytes: Uint8Array | string): string {
	return createHash("sha256").update(bytes).digest("hex");
}

function saveJournal(vault: string, journal: Journal): void {
	writeFileAtomic(join(vault, JOURNAL_NAME), `${JSON.stringify(journal)}\n`);
}

/**
 * A vault path a note may be written to: relative, inside the vault, and inside `folder` (the
 * prospect folder, "" for the vault's top), no part of it hidden or empty. Throws otherwise.
 */
export function checkNotePath(vault: string, path: string, folder: string): void {
	const parts = path.split("/");
	const bad = parts.some((p) => p === "" || p.startsWith(".") || p.includes("\\") || p.includes("\0"));
	const inFolder = folder === "" || path.toLowerCase().startsWith(`${folder.toLowerCase()}/`);
	const at = resolve(full(vault, path));
	const rel = relative(resolve(vault), at);
	if (bad || !inFolder || isAbsolute(path) || rel.startsWith(`..${sep}`) || rel === ".." || isAbsolute(rel)) {
		throw new ImportFailed(`${JSON.stringify(path)} is not a file name in ${folder || "the vault"}: nothing was imported`, []);
	}
}

/**
 * Writes every note or none (see the top of this file). Throws `ImportFailed` with what happened:
 * the vault is as it was, or the message lists each note that could not be removed.
 */
export function importAllOrNothing(vault: string, notes: readonly NoteToWrite[], hooks: ImportHooks = {}): void {
	if (notes.length === 0) return;
	const journalFile = join(vault, JOURNAL_NAME);
	if (existsSync(journalFile)) throw new ImportFailed(`nothing was imported: another import is running on this vault, or one stopped part-way could not be undone (${journalFile})`, []);
	const bytes = notes.map((n) => Buffer.from(n.text, "utf8"));
	const journal: Journal = {
		format: FORMAT,
		pid: process.pid,
		host: hostname(),
		state: "writing",
		folders: [],
		notes: notes.map((n, i) => ({ path: n.path, temp: tempPathOf(n.path, i), sha256: digest(bytes[i]) })),
	};
	// Folders first (recorded, so a rollback removes them), then the journal that lists them.
	const folders = new Set(notes.map((n) => dirname(full(vault, n.path))));
	try {
		for (const dir of folders) {
			const made = mkdirSync(dir, { recursive: true });
			if (made !== undefined) journal.folders.push(relative(vault, made).split(sep).join("/"));
		}
		saveJournal(vault, journal);
	} catch (error) {
		const left = rollBack(vault, journal);
		unlinkQuiet(journalFile);
		throw failure(`the import could not start (${codeOf(error)})`, left);
	}
	try {
		journal.notes.forEach((n, i) => {
			hooks.beforeWrite?.(i);
			try {
				writeFlushed(full(vault, n.temp), bytes[i]);
			} catch (error) {
				throw new Error(`${n.path} could not be written (${codeOf(error)})`);
			}
		});
		for (const dir of folders) syncFolder(dir);
		journal.state = "committing";
		saveJournal(vault, journal);
		journal.notes.forEach((n, i) => {
			hooks.beforeCommit?.(i);
			putInPlace(vault, n);
		});
	} catch (error) {
		journal.state = "rolling-back";
		try {
			saveJournal(vault, journal);
		} catch {
			// The rollback goes on; a later run redoes it from the journal as it was.
		}
		const left = rollBack(vault, journal);
		if (left.length === 0) unlinkQuiet(journalFile);
		throw failure((error as Error).message, left);
	}
	for (const dir of folders) syncFolder(dir);
	unlinkQuiet(journalFile);
	syncFolder(vault);
}

function failure(why: string, left: string[]): ImportFailed {
	if (left.length === 0) return new ImportFailed(`nothing was imported: ${why}`, []);
	return new ImportFailed(`the import failed (${why}) and ${left.length} of its notes could not be removed:\n${left.map((p) => `  ${p}`).join("\n")}`, left);
}

function codeOf(error: unknown): string {
	return (error as NodeJS.ErrnoException).code ?? String(error);
}

/** `Prospects/.tb-import-PID-7.tmp`: hidden beside the note it becomes. */
function tempPathOf(path: string, index: number): string {
	const slash = path.lastIndexOf("/");
	return `${slash < 0 ? "" : path.slice(0, slash + 1)}.tb-import-${process.pid}-${index}.tmp`;
}

/** The temporary file becomes the note, never replacing a file that is there. */
function putInPlace(vault: string, n: JournalNote): void {
	const temp = full(vault, n.temp);
	const note = full(vault, n.path);
	try {
		linkSync(temp, note);
	} catch (error) {
		const code = codeOf(error);
		if (code === "EEXIST") throw new Error(`${n.path} appeared while importing`);
		// A file system without hard links: a rename, after checking the name is free.
		if (code !== "EPERM" && code !== "ENOTSUP" && code !== "EOPNOTSUPP" && code !== "EXDEV" && code !== "ENOSYS") throw new Error(`${n.path} could not be written (${code})`);
		if (existsSync(note)) throw new Error(`${n.path} appeared while importing`);
		renameSync(temp, note);
		return;
	}
	unlinkSync(temp);
}

/** Whether the file holds exactly the bytes the journal says the import wrote. */
function isOurs(file: string, sha256: string): boolean {
	try {
		return digest(readFileSync(file)) === sha256;
	} catch {
		return false;
	}
}

/** Removes every temporary file, every note the import put in place, and its empty folders; returns the notes left. */
function rollBack(vault: string, journal: Journal): string[] {
	const left: string[] = [];
	for (const n of journal.notes) {
		const temp = full(vault, n.temp);
		try {
			unlinkSync(temp);
		} catch (error) {
			if (codeOf(error) !== "ENOENT") left.push(n.temp);
		}
		if (journal.state === "writing") continue;
		const note = full(vault, n.path);
		if (!isOurs(note, n.sha256)) continue;
		try {
			unlinkSync(note);
		} catch (error) {
			if (codeOf(error) !== "ENOENT") left.push(n.path);
		}
	}
	// Inner folders first; a folder that is not empty (something else came into it) stays.
	for (const dir of [...journal.folders].reverse()) {
		for (const sub of [...new Set(journal.notes.map((n) => dirname(n.path)))].filter((d) => d === dir || d.startsWith(`${dir}/`)).sort((a, b) => b.length - a.length)) {
			removeEmptyUpTo(vault, sub, dir);
		}
	}
	return left;
}

function removeEmptyUpTo(vault: string, from: string, top: string): void {
	for (let d = from; d === top || d.startsWith(`${top}/`); d = dirname(d)) {
		try {
			rmdirSync(full(vault, d));
		} catch {
			return;
		}
		if (d === top) return;
	}
}

function readJournal(file: string): Journal | null {
	try {
		const data = JSON.parse(readFileSync(file, "utf8")) as Partial<Journal>;
		const okNote = (n: unknown): boolean => {
			const x = n as Partial<JournalNote> | null;
			return typeof x?.path === "string" && typeof x.temp === "string" && typeof x.sha256 === "string";
		};
		if (data.format !== FORMAT || typeof data.pid !== "number" || typeof data.host !== "string" || !Array.isArray(data.notes) || !Array.isArray(data.folders)) return null;
		if (data.state !== "writing" && data.state !== "committing" && data.state !== "rolling-back") return null;
		if (!data.notes.every(okNote) || !data.folders.every((f) => typeof f === "string")) return null;
		return data as Journal;
	} catch {
		return null;
	}
}

/** A journal path that stays inside the vault and names no folder above it. */
function safeJournalPath(p: string): boolean {
	return p !== "" && !p.startsWith("/") && !p.split("/").some((part) => part === ".." || part === "" || part === ".");
}

/**
 * Finishes or rolls back an import that was killed (its journal is there, its process gone), and
 * says which on `say` (one line each). An import still running, or a journal from another
 * machine, is left alone. Never throws.
 */
export function recoverImport(vault: string, say: (line: string) => void): void {
	const file = join(vault, JOURNAL_NAME);
	if (!existsSync(file)) return;
	const journal = readJournal(file);
	if (journal === null) {
		say(`an import journal ${file} is damaged and was left as it is: check the notes it lists, then remove it`);
		return;
	}
	if (journal.host !== hostname() || processAlive(journal.pid)) return;
	if (![...journal.notes.flatMap((n) => [n.path, n.temp]), ...journal.folders].every(safeJournalPath)) {
		say(`an import journal ${file} names files outside the vault and was left as it is`);
		return;
	}
	const count = journal.notes.length;
	if (journal.state === "committing") {
		// Every note was written and flushed: the renames are finished, unless a note's name was
		// taken meanwhile by another file, and then the whole import is rolled back.
		const blocked = journal.notes.some((n) => existsSync(full(vault, n.temp)) && existsSync(full(vault, n.path)) && !isOurs(full(vault, n.path), n.sha256));
		if (!blocked) {
			try {
				for (const n of journal.notes) {
					const temp = full(vault, n.temp);
					if (!existsSync(temp)) continue;
					if (existsSync(full(vault, n.path))) unlinkSync(temp);
					else putInPlace(vault, n);
				}
				unlinkQuiet(file);
				say(`an import of ${count} note${count === 1 ? "" : "s"} was stopped while it put them in place: it was finished, all ${count} are in the vault`);
				return;
			} catch (error) {
				say(`an import stopped while it put its notes in place could not be finished (${(error as Error).message}): it is rolled back`);
			}
		}
	}
	journal.state = "rolling-back";
	const left = rollBack(vault, journal);
	if (left.length === 0) {
		unlinkQuiet(file);
		say(`an import of ${count} note${count === 1 ? "" : "s"} was stopped before it finished: it was rolled back, none of its notes is in the vault`);
	} else {
		say(`an import stopped before it finished could not be rolled back; these ${left.length} files are still in the vault (remove them, then ${file}):\n${left.map((p) => `  ${p}`).join("\n")}`);
	}
}
