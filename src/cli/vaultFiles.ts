import { readdirSync, readFileSync, realpathSync, statSync } from "node:fs";
import { join } from "node:path";

export interface VaultFile {
	/** Relative to the vault, `/`-separated. */
	path: string;
	text: string | null;
	error: string | null;
}

/**
 * Every `.md` file under `root`, skipping dot-folders (`.obsidian`, `.trash`, `.git`).
 * Symlinks are followed once: a folder already seen (a loop) is not entered again.
 */
export function readVault(root: string): VaultFile[] {
	const out: VaultFile[] = [];
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
		let names: string[];
		try {
			names = readdirSync(dir).sort();
		} catch {
			return;
		}
		for (const name of names) {
			if (name.startsWith(".")) continue;
			const full = join(dir, name);
			const path = rel ? `${rel}/${name}` : name;
			let isDir = false;
			try {
				isDir = statSync(full).isDirectory();
			} catch {
				if (name.toLowerCase().endsWith(".md")) out.push({ path, text: null, error: "cannot be read (broken link?)" });
				continue;
			}
			if (isDir) walk(full, path);
			else if (name.toLowerCase().endsWith(".md")) {
				try {
					out.push({ path, text: decoder.decode(readFileSync(full)), error: null });
				} catch (error) {
					out.push({ path, text: null, error: `cannot be read: ${(error as NodeJS.ErrnoException).code ?? String(error)}` });
				}
			}
		}
	};
	walk(root, "");
	return out;
}
