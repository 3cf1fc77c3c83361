// Obsidian's MetadataCache, reduced to what the plugin reads (frontmatter, its position, inline
// tags), with its events delivered later as Obsidian's are; and the FileManager's trash.
import { JSON_SCHEMA, load } from "js-yaml";
import type { CachedMetadata, TagCache } from "obsidian";
import { Events } from "./events";
import { normalizePath } from "./util";
import type { TAbstractFile, TFile, Vault } from "./vault";

const FENCE = /^[ \t]{0,3}(`{3,}|~{3,})/;
const TAG = /(^|\s)#([\p{L}\p{N}\p{M}_\-/]+)/gu;
const at = (line: number, col: number) => ({ line, col, offset: 0 });

/**
 * A simplified parse: the frontmatter (js-yaml's JSON schema, so dates stay strings; broken YAML
 * gives a position and no `frontmatter`, as in Obsidian) and the inline tags outside code.
 */
export function parseMarkdown(text: string): CachedMetadata {
	const lines = text.split(/\r?\n/);
	const cache: CachedMetadata = {};
	let first = 0;
	if (/^\uFEFF?---[ \t]*$/.test(lines[0])) {
		const close = lines.findIndex((line, i) => i > 0 && /^---[ \t]*$/.test(line));
		if (close > 0) {
			cache.frontmatterPosition = { start: at(0, 0), end: at(close, 3) };
			try {
				const data: unknown = load(lines.slice(1, close).join("\n"), { schema: JSON_SCHEMA });
				if (typeof data === "object" && data !== null && !Array.isArray(data)) cache.frontmatter = data;
			} catch {
				// Obsidian keeps the position and drops the properties of broken YAML.
			}
			first = close + 1;
		}
	}
	const tags: TagCache[] = [];
	let fence: string | null = null;
	for (let i = first; i < lines.length; i++) {
		const raw = lines[i];
		const open = FENCE.exec(raw)?.[1];
		if (fence !== null) {
			if (open && open[0] === fence[0] && open.length >= fence.length && raw.trim() === open) fence = null;
			continue;
		}
		if (open) {
			fence = open;
			continue;
		}
		const masked = raw.replace(/(`+)[^`]*?\1/g, (m) => " ".repeat(m.length));
		for (const m of masked.matchAll(TAG)) {
			if (/^\d+$/.test(m[2])) continue;
			const col = (m.index ?? 0) + m[1].length;
			tags.push({ tag: `#${m[2]}`, position: { start: at(i, col), end: at(i, col + 1 + m[2].length) } });
		}
	}
	if (tags.length > 0) cache.tags = tags;
	return cache;
}

export class MetadataCache extends Events {
	readonly #vault: Vault;
	readonly #caches = new Map<string, CachedMetadata>();
	readonly #changes = new Set<TFile>();
	readonly #deletes: [TFile, CachedMetadata | null][] = [];
	#queued = false;

	constructor(vault: Vault) {
		super();
		this.#vault = vault;
		for (const file of vault.getMarkdownFiles()) this.#caches.set(file.path, parseMarkdown(vault.readText(file)));
		const changed = (file: TFile): void => {
			if (file.extension !== "md") return;
			this.#changes.add(file);
			this.#schedule();
		};
		vault.observer = {
			changed,
			deleted: (file) => {
				this.#changes.delete(file);
				if (file.extension !== "md") return;
				this.#deletes.push([file, this.#caches.get(file.path) ?? null]);
				this.#caches.delete(file.path);
				this.#schedule();
			},
			renamed: (file, oldPath, reparse = false) => {
				const cache = this.#caches.get(oldPath);
				this.#caches.delete(oldPath);
				if (cache && !reparse) this.#caches.set(file.path, cache);
				else changed(file);
			},
		};
	}

	/** Parses and tells (`deleted`, `changed`, then `resolved`) in a later task. */
	#schedule(): void {
		if (this.#queued) return;
		this.#queued = true;
		this.#vault.queue.push(() => {
			this.#queued = false;
			for (const [file, prev] of this.#deletes.splice(0)) this.trigger("deleted", file, prev);
			const changes = [...this.#changes];
			this.#changes.clear();
			for (const file of changes) {
				if (this.#vault.getFileByPath(file.path) !== file) continue;
				const data = this.#vault.readText(file);
				const cache = parseMarkdown(data);
				this.#caches.set(file.path, cache);
				this.trigger("changed", file, data, cache);
			}
			this.trigger("resolved");
		});
	}

	getFileCache(file: TFile): CachedMetadata | null {
		if (file.extension !== "md" || this.#vault.getFileByPath(file.path) !== file) return null;
		return this.#caches.get(file.path) ?? null;
	}

	/** Simplified: an exact path (with or without `.md`), else the shortest path ending in the link (any case). */
	getFirstLinkpathDest(linkpath: string, _sourcePath: string): TFile | null {
		const target = normalizePath(linkpath.split("#")[0]);
		const exact = this.#vault.getFileByPath(target) ?? this.#vault.getFileByPath(`${target}.md`);
		if (exact) return exact;
		const wanted = [target.toLowerCase(), `${target.toLowerCase()}.md`];
		const matches = this.#vault.getFiles().filter((f) => wanted.some((w) => f.path.toLowerCase() === w || f.path.toLowerCase().endsWith(`/${w}`)));
		return matches.sort((a, b) => a.path.length - b.path.length)[0] ?? null;
	}
}

export class FileManager {
	constructor(private readonly vault: Vault) {}

	/** Deletes (the default "system trash"), firing `delete`. */
	async trashFile(file: TAbstractFile): Promise<void> {
		this.vault.remove(file);
	}
}
