// Obsidian's MetadataCache (a simplified markdown parse) and FileManager (frontmatter edits, renames).
import { existsSync } from "node:fs";
import { dump, JSON_SCHEMA, load } from "js-yaml";
import type { CachedMetadata, DataWriteOptions, FrontMatterInfo, HeadingCache, LinkCache, ListItemCache, Loc, Pos, SectionCache, TagCache } from "obsidian";
import { EventQueue, Events, type AnyCallback, type EventRef } from "./events";
import { getLinkpath, normalizePath } from "./util";
import { TFile, TFolder, Vault, type TAbstractFile } from "./vault";

// ---- text helpers ----

interface Line {
	/** Offset of the first character. */
	start: number;
	/** Offset just past the content (before `\r\n` / `\n`). */
	end: number;
	text: string;
}

function splitLines(text: string): Line[] {
	const lines: Line[] = [];
	let start = 0;
	for (;;) {
		const nl = text.indexOf("\n", start);
		if (nl < 0) {
			lines.push({ start, end: text.length, text: text.slice(start) });
			return lines;
		}
		const end = nl > start && text[nl - 1] === "\r" ? nl - 1 : nl;
		lines.push({ start, end, text: text.slice(start, end) });
		start = nl + 1;
	}
}

function loc(line: number, col: number, offset: number): Loc {
	return { line, col, offset };
}

function linePos(lines: Line[], i: number, fromCol = 0, toCol?: number): Pos {
	const l = lines[i];
	const endCol = toCol ?? l.text.length;
	return { start: loc(i, fromCol, l.start + fromCol), end: loc(i, endCol, l.start + endCol) };
}

/** The file's own line ending: the first one it uses, `\n` when it has none. */
export function lineEndingOf(text: string): "\r\n" | "\n" {
	const nl = text.indexOf("\n");
	return nl > 0 && text[nl - 1] === "\r" ? "\r\n" : "\n";
}

interface FrontmatterBlock {
	/** Line index of the closing `---`. */
	closeLine: number;
	/** Offset where the YAML text starts (after the opening `---` and its line ending). */
	yamlStart: number;
	/** Offset where the closing `---` line starts. */
	yamlEnd: number;
	/** Offset just past the closing `---` line, line ending included. */
	contentStart: number;
	yaml: string;
}

const DELIMITER = /^---[ \t]*$/;

function findFrontmatterBlock(text: string, lines = splitLines(text)): FrontmatterBlock | null {
	const first = lines[0].text.replace(/^\uFEFF/, "");
	if (!DELIMITER.test(first) || lines.length < 2) return null;
	for (let i = 1; i < lines.length; i++) {
		if (DELIMITER.test(lines[i].text)) {
			const yamlStart = lines[1].start;
			const yamlEnd = lines[i].start;
			const contentStart = i + 1 < lines.length ? lines[i + 1].start : text.length;
			return { closeLine: i, yamlStart, yamlEnd, contentStart, yaml: text.slice(yamlStart, yamlEnd) };
		}
	}
	return null;
}

/** Obsidian's `getFrontMatterInfo`. */
export function getFrontMatterInfo(content: string): FrontMatterInfo {
	const block = findFrontmatterBlock(content);
	if (!block) return { exists: false, frontmatter: "", from: 0, to: 0, contentStart: 0 };
	return { exists: true, frontmatter: block.yaml, from: block.yamlStart, to: block.yamlEnd, contentStart: block.contentStart };
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
	return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** Obsidian's `parseYaml`; dates stay strings (JSON schema). Throws on broken YAML. */
export function parseYaml(yaml: string): unknown {
	return load(yaml, { schema: JSON_SCHEMA });
}

/** Obsidian's `stringifyYaml`: block style, no line wrapping, `undefined` values dropped. */
export function stringifyYaml(obj: unknown): string {
	return dump(obj, { schema: JSON_SCHEMA, lineWidth: -1, skipInvalid: true, noRefs: true });
}

// ---- the parse behind getFileCache ----

const FENCE = /^[ \t]{0,3}(`{3,}|~{3,})/;
const HEADING = /^(#{1,6})(?:[ \t]+(.*?))?(?:[ \t]+#+)?[ \t]*$/;
const LIST_ITEM = /^([ \t]*)([-*+]|\d{1,9}[.)])(?:[ \t]+|$)(?:\[(.)\](?=[ \t]|$))?/;
const TAG = /(^|\s)#([\p{L}\p{N}\p{M}_\-/]+)/gu;
const WIKILINK = /(!?)\[\[([^\]\n]+?)\]\]/g;
const MD_LINK = /(!?)\[([^\]\n]*)\]\(([^)\s]+)(?:\s+"[^"]*")?\)/g;

function indentWidth(indent: string): number {
	let w = 0;
	for (const ch of indent) w = ch === "\t" ? w + 4 - (w % 4) : w + 1;
	return w;
}

/** Replaces inline code spans with spaces so tags and links inside them are not seen. */
function maskInlineCode(line: string): string {
	return line.replace(/(`+)[^`]*?\1/g, (m) => " ".repeat(m.length));
}

/**
 * A simplified version of Obsidian's parse: frontmatter (JSON schema; broken YAML gives a position but
 * no `frontmatter`), ATX headings, inline tags, wiki and markdown links/embeds, list items with
 * `task` and `parent`, and coarse sections. Code fences are skipped.
 */
export function parseMarkdown(text: string): CachedMetadata {
	const lines = splitLines(text);
	const cache: CachedMetadata = {};
	const sections: SectionCache[] = [];
	const headings: HeadingCache[] = [];
	const tags: TagCache[] = [];
	const links: LinkCache[] = [];
	const embeds: LinkCache[] = [];
	const listItems: ListItemCache[] = [];

	let first = 0;
	const block = findFrontmatterBlock(text, lines);
	if (block) {
		const position: Pos = { start: loc(0, 0, 0), end: loc(block.closeLine, 3, lines[block.closeLine].start + 3) };
		cache.frontmatterPosition = position;
		sections.push({ type: "yaml", position });
		try {
			const data = parseYaml(block.yaml);
			if (isPlainObject(data)) cache.frontmatter = data;
		} catch {
			// Obsidian keeps the position and drops the properties of broken YAML.
		}
		first = block.closeLine + 1;
	}

	let fence: string | null = null;
	let fenceStart = 0;
	let section: { type: string; start: number; end: number } | null = null;
	const closeSection = (): void => {
		if (section) sections.push({ type: section.type, position: { start: loc(section.start, 0, lines[section.start].start), end: loc(section.end, lines[section.end].text.length, lines[section.end].end) } });
		section = null;
	};
	// List state: the stack of open items, and the first line of the current list.
	let stack: { indent: number; line: number }[] = [];
	let listStart = -1;

	for (let i = first; i < lines.length; i++) {
		const raw = lines[i].text;
		const fenceMatch = FENCE.exec(raw);
		if (fence !== null) {
			if (fenceMatch && fenceMatch[1][0] === fence[0] && fenceMatch[1].length >= fence.length && raw.trim() === fenceMatch[1]) {
				fence = null;
				sections.push({ type: "code", position: { start: loc(fenceStart, 0, lines[fenceStart].start), end: loc(i, raw.length, lines[i].end) } });
			}
			continue;
		}
		if (fenceMatch) {
			closeSection();
			stack = [];
			listStart = -1;
			fence = fenceMatch[1];
			fenceStart = i;
			continue;
		}
		if (raw.trim() === "") {
			if (section && section.type !== "list") closeSection();
			continue;
		}

		const heading = HEADING.exec(raw);
		const item = heading ? null : LIST_ITEM.exec(raw);
		if (heading) {
			closeSection();
			stack = [];
			listStart = -1;
			headings.push({ heading: (heading[2] ?? "").trim(), level: heading[1].length, position: linePos(lines, i) });
			sections.push({ type: "heading", position: linePos(lines, i) });
		} else if (item) {
			if (section?.type !== "list") {
				closeSection();
				section = { type: "list", start: i, end: i };
			}
			section.end = i;
			const indent = indentWidth(item[1]);
			if (listStart < 0) listStart = i;
			while (stack.length > 0 && stack[stack.length - 1].indent >= indent) stack.pop();
			const parent = stack.length > 0 ? stack[stack.length - 1].line : -listStart;
			const entry: ListItemCache = { parent, position: linePos(lines, i, item[1].length) };
			if (item[3] !== undefined) entry.task = item[3];
			listItems.push(entry);
			stack.push({ indent, line: i });
		} else if (/^[ \t]/.test(raw) && section?.type === "list") {
			section.end = i; // an indented continuation of a list item
		} else {
			if (section?.type === "list") closeSection();
			stack = [];
			listStart = -1;
			const type = raw.startsWith(">") ? (/^>\s*\[!/.test(raw) ? "callout" : "blockquote") : /^(\*{3,}|-{3,}|_{3,})\s*$/.test(raw) ? "thematicBreak" : raw.startsWith("|") ? "table" : "paragraph";
			if (section && section.type !== type) closeSection();
			if (!section) section = { type, start: i, end: i };
			section.end = i;
		}

		const masked = maskInlineCode(raw);
		for (const m of masked.matchAll(TAG)) {
			if (/^\d+$/.test(m[2])) continue;
			const col = (m.index ?? 0) + m[1].length;
			tags.push({ tag: `#${m[2]}`, position: linePos(lines, i, col, col + 1 + m[2].length) });
		}
		for (const m of masked.matchAll(WIKILINK)) {
			const inner = m[2];
			const bar = inner.indexOf("|");
			const link = (bar < 0 ? inner : inner.slice(0, bar)).trim();
			const col = m.index ?? 0;
			const ref: LinkCache = { link, original: raw.slice(col, col + m[0].length), displayText: bar < 0 ? link : inner.slice(bar + 1), position: linePos(lines, i, col, col + m[0].length) };
			(m[1] ? embeds : links).push(ref);
		}
		for (const m of masked.matchAll(MD_LINK)) {
			const target = m[3];
			if (/^[a-z][a-z0-9+.-]*:/i.test(target)) continue; // URLs are not internal links
			let link = target;
			try {
				link = decodeURIComponent(target);
			} catch {
				// keep it as written
			}
			const col = m.index ?? 0;
			const ref: LinkCache = { link, original: raw.slice(col, col + m[0].length), displayText: m[2], position: linePos(lines, i, col, col + m[0].length) };
			(m[1] ? embeds : links).push(ref);
		}
	}
	if (fence !== null) {
		const last = lines.length - 1;
		sections.push({ type: "code", position: { start: loc(fenceStart, 0, lines[fenceStart].start), end: loc(last, lines[last].text.length, lines[last].end) } });
	}
	closeSection();
	sections.sort((a, b) => a.position.start.offset - b.position.start.offset);

	if (sections.length > 0) cache.sections = sections;
	if (headings.length > 0) cache.headings = headings;
	if (tags.length > 0) cache.tags = tags;
	if (links.length > 0) cache.links = links;
	if (embeds.length > 0) cache.embeds = embeds;
	if (listItems.length > 0) cache.listItems = listItems;
	return cache;
}

// ---- frontmatter helpers Obsidian exports ----

function frontMatterValues(frontmatter: unknown, key: string | RegExp): unknown[] {
	if (!isPlainObject(frontmatter)) return [];
	const out: unknown[] = [];
	for (const [k, v] of Object.entries(frontmatter)) {
		if (typeof key === "string" ? k.toLowerCase() === key.toLowerCase() : key.test(k)) out.push(v);
	}
	return out;
}

export function parseFrontMatterEntry(frontmatter: unknown, key: string | RegExp): unknown {
	const values = frontMatterValues(frontmatter, key);
	return values.length > 0 ? values[0] : null;
}

export function parseFrontMatterStringArray(frontmatter: unknown, key: string | RegExp): string[] | null {
	const out: string[] = [];
	for (const value of frontMatterValues(frontmatter, key)) {
		const items = Array.isArray(value) ? (value as unknown[]) : typeof value === "string" ? value.split(/[,\n]/) : [];
		for (const item of items) {
			if (typeof item === "string" && item.trim() !== "") out.push(item.trim());
			else if (typeof item === "number") out.push(String(item));
		}
	}
	return out.length > 0 ? out : null;
}

export function parseFrontMatterTags(frontmatter: unknown): string[] | null {
	const out: string[] = [];
	for (const value of frontMatterValues(frontmatter, /^tags?$/i)) {
		const items = Array.isArray(value) ? (value as unknown[]) : typeof value === "string" ? value.split(/[,\s]+/) : [];
		for (const item of items) {
			const tag = typeof item === "string" ? item.trim() : typeof item === "number" ? String(item) : "";
			if (tag !== "" && tag !== "#") out.push(tag.startsWith("#") ? tag : `#${tag}`);
		}
	}
	return out.length > 0 ? out : null;
}

export function parseFrontMatterAliases(frontmatter: unknown): string[] | null {
	return parseFrontMatterStringArray(frontmatter, /^alias(es)?$/i);
}

/** Frontmatter tags then inline tags, each with `#`. */
export function getAllTags(cache: CachedMetadata): string[] | null {
	const out = [...(parseFrontMatterTags(cache.frontmatter) ?? []), ...(cache.tags ?? []).map((t) => t.tag)];
	return out.length > 0 ? out : null;
}

// ---- MetadataCache ----

export class MetadataCache extends Events {
	/**
	 * When true (the default), `getFileCache` answers from the last parse, which happens when the queued
	 * `changed` event is delivered, so right after a write it is stale, as in Obsidian. Set it to false
	 * to parse the current text on every call.
	 */
	staleUntilChanged = true;

	readonly #vault: Vault;
	readonly #queue: EventQueue;
	readonly #caches = new Map<string, CachedMetadata>();
	readonly #pendingChanges = new Set<TFile>();
	readonly #pendingDeletes: [TFile, CachedMetadata | null][] = [];
	#flushQueued = false;

	constructor(vault: Vault, queue: EventQueue = vault.queue) {
		super();
		this.#vault = vault;
		this.#queue = queue;
		for (const file of vault.getMarkdownFiles()) this.#caches.set(file.path, parseMarkdown(vault.readText(file)));
		vault.setObserver({
			created: (file) => this.#scheduleChange(file),
			modified: (file) => this.#scheduleChange(file),
			deleted: (file) => {
				const prev = this.#caches.get(file.path) ?? null;
				this.#caches.delete(file.path);
				this.#pendingChanges.delete(file);
				if (file.extension !== "md") return;
				this.#pendingDeletes.push([file, prev]);
				this.#scheduleFlush();
			},
			renamed: (file, oldPath, reparse = false) => {
				const cache = this.#caches.get(oldPath);
				this.#caches.delete(oldPath);
				if (cache && file.extension === "md" && !reparse) this.#caches.set(file.path, cache);
				else if (file.extension === "md") this.#scheduleChange(file);
			},
		});
	}

	#scheduleChange(file: TFile): void {
		if (file.extension !== "md") return;
		this.#pendingChanges.add(file);
		this.#scheduleFlush();
	}

	#scheduleFlush(): void {
		if (this.#flushQueued) return;
		this.#flushQueued = true;
		this.#queue.push(() => this.#flush());
	}

	#flush(): void {
		this.#flushQueued = false;
		const deletes = this.#pendingDeletes.splice(0, this.#pendingDeletes.length);
		const changes = [...this.#pendingChanges];
		this.#pendingChanges.clear();
		for (const [file, prev] of deletes) this.trigger("deleted", file, prev);
		for (const file of changes) {
			if (this.#vault.getFileByPath(file.path) !== file || !existsSync(this.#vault.diskPath(file.path))) continue;
			const data = this.#vault.readText(file);
			const cache = parseMarkdown(data);
			this.#caches.set(file.path, cache);
			this.trigger("changed", file, data, cache);
			this.trigger("resolve", file);
		}
		this.trigger("resolved");
	}

	/** Test helper: whether parses or events are waiting to be delivered. */
	get pending(): boolean {
		return this.#flushQueued;
	}

	getFileCache(file: TFile): CachedMetadata | null {
		if (file.extension !== "md" || this.#vault.getFileByPath(file.path) !== file) return null;
		if (!this.staleUntilChanged) return parseMarkdown(this.#vault.readText(file));
		return this.#caches.get(file.path) ?? null;
	}

	getCache(path: string): CachedMetadata | null {
		const file = this.#vault.getFileByPath(path);
		return file ? this.getFileCache(file) : null;
	}

	/**
	 * Resolves a link like Obsidian (simplified): an exact vault path (with or without `.md`), then a
	 * path relative to the source note, then a file whose path ends with the link (case-insensitive),
	 * preferring the source note's folder, then the shortest path.
	 */
	getFirstLinkpathDest(linkpath: string, sourcePath: string): TFile | null {
		const target = getLinkpath(linkpath).trim();
		if (target === "") return this.#vault.getFileByPath(sourcePath);
		const withMd = (p: string): string[] => (/\.[^/]+$/.test(p) ? [p, `${p}.md`] : [`${p}.md`, p]);
		for (const candidate of withMd(normalizePath(target))) {
			const file = this.#vault.getFileByPath(candidate);
			if (file) return file;
		}
		const sourceDir = sourcePath.includes("/") ? sourcePath.slice(0, sourcePath.lastIndexOf("/")) : "";
		const parts = [...(sourceDir === "" ? [] : sourceDir.split("/"))];
		for (const part of target.split("/")) {
			if (part === "..") parts.pop();
			else if (part !== "." && part !== "") parts.push(part);
		}
		for (const candidate of withMd(parts.join("/"))) {
			const file = this.#vault.getFileByPath(candidate);
			if (file) return file;
		}
		const wanted = withMd(normalizePath(target).toLowerCase());
		const matches = this.#vault.getFiles().filter((f) => {
			const lower = f.path.toLowerCase();
			return wanted.some((w) => lower === w || lower.endsWith(`/${w}`));
		});
		if (matches.length === 0) return null;
		const folderOf = (p: string): string => (p.includes("/") ? p.slice(0, p.lastIndexOf("/")) : "");
		matches.sort((a, b) => Number(folderOf(b.path) === sourceDir) - Number(folderOf(a.path) === sourceDir) || a.path.length - b.path.length || a.path.localeCompare(b.path));
		return matches[0];
	}

	/** The shortest unambiguous link text: the name when unique in the vault, else the path. */
	fileToLinktext(file: TFile, _sourcePath: string, omitMdExtension = true): string {
		const omit = omitMdExtension && file.extension === "md";
		const sameName = this.#vault.getFiles().filter((f) => f.name.toLowerCase() === file.name.toLowerCase());
		const base = sameName.length > 1 ? file.path : file.name;
		return omit ? base.slice(0, -3) : base;
	}

	/** Source path → destination path → count, computed from the current caches. */
	get resolvedLinks(): Record<string, Record<string, number>> {
		return this.#linkTable(true);
	}

	get unresolvedLinks(): Record<string, Record<string, number>> {
		return this.#linkTable(false);
	}

	#linkTable(resolved: boolean): Record<string, Record<string, number>> {
		const out: Record<string, Record<string, number>> = {};
		for (const file of this.#vault.getMarkdownFiles()) {
			const row: Record<string, number> = {};
			const cache = this.#caches.get(file.path);
			for (const ref of [...(cache?.links ?? []), ...(cache?.embeds ?? [])]) {
				const dest = this.getFirstLinkpathDest(getLinkpath(ref.link), file.path);
				if (resolved && dest) row[dest.path] = (row[dest.path] ?? 0) + 1;
				if (!resolved && !dest) {
					const key = getLinkpath(ref.link);
					row[key] = (row[key] ?? 0) + 1;
				}
			}
			out[file.path] = row;
		}
		return out;
	}

	on(name: "changed", callback: (file: TFile, data: string, cache: CachedMetadata) => unknown, ctx?: unknown): EventRef;
	on(name: "deleted", callback: (file: TFile, prevCache: CachedMetadata | null) => unknown, ctx?: unknown): EventRef;
	on(name: "resolve", callback: (file: TFile) => unknown, ctx?: unknown): EventRef;
	on(name: "resolved", callback: () => unknown, ctx?: unknown): EventRef;
	on(name: string, callback: AnyCallback, ctx?: unknown): EventRef;
	on(name: string, callback: AnyCallback, ctx?: unknown): EventRef {
		return super.on(name, callback, ctx);
	}
}

// ---- FileManager ----

const IMAGE_EXTENSIONS = new Set(["png", "jpg", "jpeg", "gif", "bmp", "svg", "webp", "avif"]);

export class FileManager {
	readonly #vault: Vault;
	readonly #metadataCache: MetadataCache;

	constructor(vault: Vault, metadataCache: MetadataCache) {
		this.#vault = vault;
		this.#metadataCache = metadataCache;
	}

	/** The vault root (Obsidian's default "new file location"). */
	getNewFileParent(_sourcePath: string, _newFilePath?: string): TFolder {
		return this.#vault.getRoot();
	}

	/** Renames or moves; unlike Obsidian it does not rewrite links in other notes. */
	async renameFile(file: TAbstractFile, newPath: string): Promise<void> {
		this.#vault.renameEntry(file, newPath);
	}

	/** Resolves true and trashes the file, as if the user confirmed. */
	async promptForDeletion(file: TAbstractFile): Promise<boolean> {
		this.#vault.trashEntry(file, true);
		return true;
	}

	/** Removes the file (as the default "system trash" setting does) and records it in `vault.trashed`. */
	async trashFile(file: TAbstractFile): Promise<void> {
		this.#vault.trashEntry(file, true);
	}

	/** A wikilink (`![[...]]` for images), shortest unambiguous path. */
	generateMarkdownLink(file: TFile, sourcePath: string, subpath?: string, alias?: string): string {
		const linktext = this.#metadataCache.fileToLinktext(file, sourcePath);
		const embed = IMAGE_EXTENSIONS.has(file.extension.toLowerCase()) ? "!" : "";
		return `${embed}[[${linktext}${subpath ?? ""}${alias ? `|${alias}` : ""}]]`;
	}

	async getAvailablePathForAttachment(filename: string, _sourcePath?: string): Promise<string> {
		const dot = filename.lastIndexOf(".");
		const stem = dot > 0 ? filename.slice(0, dot) : filename;
		const ext = dot > 0 ? filename.slice(dot) : "";
		let candidate = filename;
		for (let n = 1; this.#vault.getAbstractFileByPath(candidate); n++) candidate = `${stem} ${n}${ext}`;
		return candidate;
	}

	/**
	 * Like Obsidian: parses the frontmatter (throws on broken YAML, writing nothing), lets `fn` mutate
	 * it synchronously, then rewrites the YAML block (reformatted by js-yaml; comments are lost, as in
	 * Obsidian). Keeps the file's line endings and everything after the block byte for byte; creates a
	 * block when there is none and `fn` added keys. Atomic like `Vault.process`.
	 */
	async processFrontMatter(file: TFile, fn: (frontmatter: Record<string, unknown>) => void, options?: DataWriteOptions): Promise<void> {
		if (file.extension !== "md") throw new Error(`processFrontMatter: ${file.path} is not a Markdown file`);
		const text = this.#vault.readText(file);
		const block = findFrontmatterBlock(text);
		let data: Record<string, unknown> = {};
		if (block) {
			const loaded = parseYaml(block.yaml);
			if (isPlainObject(loaded)) data = loaded;
			else if (loaded !== null && loaded !== undefined) throw new Error(`processFrontMatter: the frontmatter of ${file.path} is not a mapping`);
		}
		fn(data);
		const eol = lineEndingOf(text);
		const yaml = Object.keys(data).length > 0 ? stringifyYaml(data).replace(/\r?\n/g, eol) : "";
		let next: string;
		if (block) {
			next = text.slice(0, block.yamlStart) + yaml + text.slice(block.yamlEnd);
		} else if (yaml === "") {
			next = text;
		} else {
			const bom = text.startsWith("\uFEFF") ? "\uFEFF" : "";
			next = `${bom}---${eol}${yaml}---${eol}${text.slice(bom.length)}`;
		}
		if (next !== text) this.#vault.writeText(file, next, options);
	}
}
