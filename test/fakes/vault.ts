// Obsidian's Vault over a real folder: the TFile/TFolder tree, synchronous disk I/O behind async
// signatures, and the adapter the plugin keeps its own files with.
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from "node:fs";
import { basename, join, resolve } from "node:path";
import type { DataWriteOptions, FileStats, TAbstractFile as ObsTAbstractFile, TFolder as ObsTFolder, Vault as ObsVault } from "obsidian";
import { EventQueue, Events } from "./events";
import { normalizePath } from "./util";

// The fields of obsidian.d.ts, typed with its types: files pass between tests and plugin code.
export abstract class TAbstractFile {
	vault!: ObsVault;
	path = "";
	name = "";
	parent: ObsTFolder | null = null;
}

export class TFile extends TAbstractFile {
	stat: FileStats = { ctime: 0, mtime: 0, size: 0 };
	basename = "";
	extension = "";
}

export class TFolder extends TAbstractFile {
	children: ObsTAbstractFile[] = [];

	isRoot(): boolean {
		return this.path === "/";
	}
}

/** What the metadata cache hears from the vault (not through events: tests count the plugin's listeners). */
export interface VaultObserver {
	changed(file: TFile): void;
	deleted(file: TFile): void;
	renamed(file: TFile, oldPath: string, reparse?: boolean): void;
}

const asObsidian = (vault: Vault): ObsVault => vault as unknown as ObsVault;
const parentOf = (path: string): string => (path.includes("/") ? path.slice(0, path.lastIndexOf("/")) : "/");
const isHidden = (path: string): boolean => path.split("/").some((part) => part.startsWith("."));

function setNames(file: TAbstractFile, path: string): void {
	file.path = path;
	file.name = path === "/" ? "" : path.slice(path.lastIndexOf("/") + 1);
	if (file instanceof TFile) {
		const dot = file.name.lastIndexOf(".");
		file.basename = dot > 0 ? file.name.slice(0, dot) : file.name;
		file.extension = dot > 0 ? file.name.slice(dot + 1) : "";
	}
}

export class Vault extends Events {
	readonly basePath: string;
	readonly configDir = ".obsidian";
	readonly adapter: DataAdapter;
	readonly queue: EventQueue;
	observer: VaultObserver | null = null;
	readonly #root = new TFolder();
	readonly #entries = new Map<string, TFile | TFolder>();

	constructor(basePath: string, queue = new EventQueue()) {
		super();
		this.basePath = resolve(basePath);
		if (!existsSync(this.basePath) || !statSync(this.basePath).isDirectory()) throw new Error(`Vault folder does not exist: ${this.basePath}`);
		this.queue = queue;
		this.adapter = new DataAdapter(this);
		this.#root.vault = asObsidian(this);
		setNames(this.#root, "/");
		this.#scan(this.#root);
	}

	/** Absolute disk path of a vault path; refuses one that leaves the vault. */
	diskPath(path: string): string {
		const p = normalizePath(path);
		if (p.split("/").includes("..")) throw new Error(`Path leaves the vault: ${path}`);
		return p === "/" ? this.basePath : join(this.basePath, ...p.split("/"));
	}

	#scan(folder: TFolder): void {
		for (const name of readdirSync(this.diskPath(folder.path)).sort()) {
			if (name.startsWith(".")) continue;
			const path = folder.isRoot() ? name : `${folder.path}/${name}`;
			const st = statSync(this.diskPath(path));
			if (st.isDirectory()) this.#scan(this.#attach(new TFolder(), path));
			else if (st.isFile()) this.#attach(new TFile(), path);
		}
	}

	#attach<T extends TFile | TFolder>(file: T, path: string): T {
		const parent = this.getAbstractFileByPath(parentOf(path));
		if (!(parent instanceof TFolder)) throw new Error(`ENOENT: no such file or directory, '${this.diskPath(path)}' (folder "${parentOf(path)}" does not exist)`);
		file.vault = asObsidian(this);
		setNames(file, path);
		file.parent = parent;
		parent.children.push(file);
		this.#entries.set(path, file);
		if (file instanceof TFile) this.#stat(file);
		return file;
	}

	#stat(file: TFile): void {
		const st = statSync(this.diskPath(file.path));
		file.stat = { ctime: Math.round(st.birthtimeMs || st.ctimeMs), mtime: Math.round(st.mtimeMs), size: st.size };
	}

	#live(file: TFile): TFile {
		if (this.#entries.get(file.path) !== file) throw new Error(`File not found in the vault: ${file.path}`);
		return file;
	}

	// ---- lookups ----

	getName(): string {
		return basename(this.basePath);
	}

	getAbstractFileByPath(path: string): TFile | TFolder | null {
		const p = normalizePath(path);
		return p === "/" ? this.#root : (this.#entries.get(p) ?? null);
	}

	getFileByPath(path: string): TFile | null {
		const f = this.getAbstractFileByPath(path);
		return f instanceof TFile ? f : null;
	}

	getFiles(): TFile[] {
		return [...this.#entries.values()].filter((f): f is TFile => f instanceof TFile);
	}

	getMarkdownFiles(): TFile[] {
		return this.getFiles().filter((f) => f.extension === "md");
	}

	getAllLoadedFiles(): (TFile | TFolder)[] {
		return [this.#root, ...this.#entries.values()];
	}

	// ---- reads and writes: each write is on disk before the call returns ----

	/** The file's text on disk. */
	readText(file: TFile): string {
		return readFileSync(this.diskPath(this.#live(file).path), "utf8");
	}

	async read(file: TFile): Promise<string> {
		return this.readText(file);
	}

	/** Always the bytes on disk. */
	async cachedRead(file: TFile): Promise<string> {
		return this.readText(file);
	}

	async readBinary(file: TFile): Promise<ArrayBuffer> {
		return new Uint8Array(readFileSync(this.diskPath(this.#live(file).path))).buffer;
	}

	/** Every write of a note goes through here (tests count the calls). */
	writeText(file: TFile, data: string): void {
		writeFileSync(this.diskPath(this.#live(file).path), data);
		this.#changed(file, "modify");
	}

	#changed(file: TFile, event: "create" | "modify"): void {
		this.#stat(file);
		this.trigger(event, file);
		this.observer?.changed(file);
	}

	/** Fails, as Obsidian does, when the file exists or its folder does not. */
	async create(path: string, data: string, _options?: DataWriteOptions): Promise<TFile> {
		const p = normalizePath(path);
		if (this.#entries.has(p) || existsSync(this.diskPath(p))) throw new Error("File already exists.");
		if (!(this.getAbstractFileByPath(parentOf(p)) instanceof TFolder)) throw new Error(`ENOENT: no such file or directory, open '${this.diskPath(p)}'`);
		writeFileSync(this.diskPath(p), data, { flag: "wx" });
		const file = this.#attach(new TFile(), p);
		this.#changed(file, "create");
		return file;
	}

	/** Creates missing parents too; fails when it exists. */
	async createFolder(path: string): Promise<TFolder> {
		if (this.getAbstractFileByPath(path)) throw new Error("Folder already exists.");
		return this.#folder(normalizePath(path));
	}

	#folder(p: string): TFolder {
		const known = this.getAbstractFileByPath(p);
		if (known instanceof TFolder) return known;
		if (known) throw new Error(`Not a folder: ${p}`);
		this.#folder(parentOf(p));
		mkdirSync(this.diskPath(p), { recursive: true });
		const folder = this.#attach(new TFolder(), p);
		this.trigger("create", folder);
		return folder;
	}

	async modify(file: TFile, data: string): Promise<void> {
		this.writeText(file, data);
	}

	async append(file: TFile, data: string): Promise<void> {
		this.writeText(file, this.readText(file) + data);
	}

	/** Atomic: reads, applies `fn` and writes, all inside this call; writes (and fires `modify`) only on a change. */
	async process(file: TFile, fn: (data: string) => string): Promise<string> {
		const before = this.readText(file);
		const after = fn(before);
		if (typeof after !== "string") throw new TypeError(`Vault.process: the callback returned ${typeof after}, not a string`);
		if (after !== before) this.writeText(file, after);
		return after;
	}

	/** Deletes a file or a folder with all it holds, firing `delete` for each (deepest first). */
	remove(file: ObsTAbstractFile): void {
		if (!(file instanceof TFile || file instanceof TFolder) || this.#entries.get(file.path) !== file) throw new Error(`File not found in the vault: ${file.path}`);
		rmSync(this.diskPath(file.path), { recursive: true, force: true });
		this.#forget(file);
	}

	#forget(file: TFile | TFolder): void {
		if (file instanceof TFolder) for (const child of [...file.children]) this.#forget(child as TFile | TFolder);
		if (file.parent) file.parent.children = file.parent.children.filter((c) => c !== file);
		this.#entries.delete(file.path);
		this.trigger("delete", file);
		if (file instanceof TFile) this.observer?.deleted(file);
	}

	// ---- test helpers: another program changes the folder; the vault hears of it at once ----

	/** Writes `path` (creating folders), then fires `create` or `modify`. */
	externalWrite(path: string, data: string): TFile {
		const p = normalizePath(path);
		this.#folder(parentOf(p));
		writeFileSync(this.diskPath(p), data);
		const known = this.getFileByPath(p);
		const file = known ?? this.#attach(new TFile(), p);
		this.#changed(file, known ? "modify" : "create");
		return file;
	}

	externalDelete(path: string): void {
		const file = this.getAbstractFileByPath(path);
		if (file) this.remove(file);
	}

	/**
	 * When the metadata cache moves a renamed note's metadata: "after" the vault's `rename` event
	 * (the default: `getFileCache` gives null inside the event), "before" it, or "reparse": only
	 * when it has parsed the note again, with a `changed` event later.
	 */
	renameMetadata: "before" | "after" | "reparse" = "after";

	/** Moves a file; the vault sees a rename, as Obsidian's watcher does. */
	externalRename(from: string, to: string): void {
		const file = this.getFileByPath(from);
		const p = normalizePath(to);
		if (!file || this.getAbstractFileByPath(p)) throw new Error(`externalRename: cannot move ${from} to ${to}`);
		renameSync(this.diskPath(from), this.diskPath(p));
		if (file.parent) file.parent.children = file.parent.children.filter((c) => c !== file);
		this.#entries.delete(file.path);
		this.#attach(file, p);
		// Which comes first in Obsidian is not documented: tests choose (renameMetadata).
		if (this.renameMetadata === "before") this.observer?.renamed(file, from);
		this.trigger("rename", file, from);
		if (this.renameMetadata === "after") this.observer?.renamed(file, from);
		if (this.renameMetadata === "reparse") this.observer?.renamed(file, from, true);
	}
}

/** The vault adapter over the same folder, for the files the plugin keeps in its own folder (hidden paths only). */
export class DataAdapter {
	constructor(private readonly vault: Vault) {}

	#disk(path: string): string {
		if (!isHidden(normalizePath(path))) throw new Error(`The fake's adapter reaches hidden paths only, not ${path}`);
		return this.vault.diskPath(path);
	}

	async exists(path: string, _caseSensitive?: boolean): Promise<boolean> {
		return existsSync(this.#disk(path));
	}

	async read(path: string): Promise<string> {
		return readFileSync(this.#disk(path), "utf8");
	}

	async write(path: string, data: string): Promise<void> {
		writeFileSync(this.#disk(path), data);
	}

	async mkdir(path: string): Promise<void> {
		mkdirSync(this.#disk(path), { recursive: true });
	}

	async rename(from: string, to: string): Promise<void> {
		renameSync(this.#disk(from), this.#disk(to));
	}

	async remove(path: string): Promise<void> {
		rmSync(this.#disk(path));
	}
}
