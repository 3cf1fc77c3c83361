import { readdirSync, readFileSync, realpathSync, statSync, type Dirent } from "node:fs";
import { join } from "node:path";

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
export function forEachVaultFile(root: string, visit: (file: VaultFile) => void): void {
	const out = { push: visit };
	const seen = new Set<string>();
	const decoder = new TextDecoder("utf-8");
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
			if (name.startsWith(".")) continue;
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
					if (name.toLowerCase().endsWith(".md")) out.push({ path, text: null, error: "cannot be read (broken link?)" });
					continue;
				}
			}
			if (isDir) walk(full, path);
			else if (name.toLowerCase().endsWith(".md")) {
				try {
					out.push({ path, text: decoder.decode(readFileSync(full)), error: null });
				} catch (error) {
					let broken = false;
					try {
						statSync(full);
					} catch {
						broken = true;
					}
					out.push({ path, text: null, error: broken ? "cannot be read (broken link?)" : `cannot be read: ${(error as NodeJS.ErrnoException).code ?? String(error)}` });
				}
			}
		}
	};
	walk(root, "");
}
