import { readdirSync, realpathSync, statSync, type Dirent } from "node:fs";
import { join } from "node:path";
import { isLeftover, NotReadable, readRegularFile, unlinkQuiet } from "./safeFile";

export interface VaultFile {
	/** Relative to the vault, `/`-separated. */
	path: string;
	text: string | null;
	error: string | null;
}

/**
 * Every `.md` file under `root`, one at a time, skipping dot-folders (`.obsidian`, `.trash`,
 * `.git`): a caller that keeps only what it needs of each note does not hold the whole vault's
 * text in memory. Symlinks are followed once: a folder already seen (a loop) is not entered again.
 */
export function forEachVaultFile(root: string, cap: number, visit: (file: VaultFile) => void): void {
	const decoder = new TextDecoder("utf-8");
	walkVault(root, (path, full) => visit(readVaultFile(path, full, decoder, cap)), (path) => visit({ path, text: null, error: BROKEN }));
}

const BROKEN = "cannot be read (broken link?)";

/** One file's text, or why it cannot be read, as `forEachVaultFile` gives it: regular files up to `cap` bytes only. */
export function readVaultFile(path: string, full: string, decoder: TextDecoder, cap: number): VaultFile {
	try {
		return { path, text: decoder.decode(readRegularFile(full, cap).bytes), error: null };
	} catch (error) {
		return { path, text: null, error: readError(full, error) };
	}
}

/** Why a file could not be read: a broken link, or the system's error code. */
export function readError(full: string, error: unknown): string {
	if (error instanceof NotReadable) return error.message;
	let broken = false;
	try {
		statSync(full);
	} catch {
		broken = true;
	}
	return broken ? BROKEN : `cannot be read: ${(error as NodeJS.ErrnoException).code ?? String(error)}`;
}

/**
 * The walk of `forEachVaultFile` without reading: `file` for each `.md` file (vault path, full
 * path; a FIFO or device named `.md` too: reading it says what it is), `broken` for a `.md` link
 * that leads nowhere.
 */
export function walkVault(root: string, file: (path: string, full: string) => void, broken: (path: string) => void): void {
	const seen = new Set<string>();
	const walk = (dir: string, rel: string): void => {
		let real: string;
		try {
			real = realpathSync(dir);
		} catch {
			return;
		}
		if (seen.has(real)) return;
		seen.add(real);
		let entries: Dirent[];
		try {
			entries = readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
		} catch {
			return;
		}
		for (const entry of entries) {
			const name = entry.name;
			if (name.startsWith(".")) {
				// A temporary file a killed Touchbase run left (docs/reliability.md): removed.
				if (isLeftover(dir, name)) unlinkQuiet(join(dir, name));
				continue;
			}
			const full = join(dir, name);
			const path = rel ? `${rel}/${name}` : name;
			let isDir = false;
			// The folder listing tells files from folders; only links (and the odd file system
			// that does not say) need a stat, which follows them.
			if (entry.isDirectory()) isDir = true;
			else if (!entry.isFile()) {
				try {
					isDir = statSync(full).isDirectory();
				} catch {
					if (name.toLowerCase().endsWith(".md")) broken(path);
					continue;
				}
			}
			if (isDir) walk(full, path);
			else if (name.toLowerCase().endsWith(".md")) file(path, full);
		}
	};
	walk(root, "");
}
