// Obsidian's Vault over a real folder: TFile/TFolder tree, synchronous disk I/O behind async signatures.
import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, unlinkSync, utimesSync, writeFileSync } from "node:fs";
import { basename, join, resolve } from "node:path";
import type { DataWriteOptions, FileStats, ListedFiles, Stat, TAbstractFile as ObsTAbstractFile, TFolder as ObsTFolder, Vault as ObsVault } from "obsidian";
import { EventQueue, Events, type AnyCallback, type EventRef } from "./events";
import { normalizePath } from "./util";

// TAbstractFile, TFile and TFolder carry exactly the fields of obsidian.d.ts, typed with its types, so
// files move freely between tests (fake types) and plugin code (real types).

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

/** What the metadata cache wants to hear from the vault. */
export interface VaultObserver {
	created(file: TFile): void;
	modified(file: TFile): void;
	deleted(file: TFile): void;
	renamed(file: TFile, oldPath: string, reparse?: boolean): void;
}

function parentPathOf(path: string): string {
	const slash = path.lastIndexOf("/");
	return slash < 0 ? "/" : path.slice(0, slash);
}

function setNames(file: TAbstractFile, path: string): void {
	file.path = path;
	file.name = path === "/" ? "" : path.slice(path.lastIndexOf("/") + 1);
	if (file instanceof TFile) {
		const dot = file.name.lastIndexOf(".");
		file.basename = dot > 0 ? file.name.slice(0, dot) : file.name;
		file.extension = dot > 0 ? file.name.slice(dot + 1) : "";
	}
}

function isHiddenPath(path: string): boolean {
	return path.split("/").some((part) => part.startsWith("."));
}

function toArrayBuffer(buf: Buffer): ArrayBuffer {
	const out = new ArrayBuffer(buf.byteLength);
	new Uint8Array(out).set(buf);
	return out;
}

export class Vault extends Events {
	/** Absolute path of the vault folder on disk. */
	readonly basePath: string;
	configDir: string;
	readonly adapter: FileSystemAdapter;
	/** Delivers what Obsidian does "later" (metadata events). Shared with the App. */
	readonly queue: EventQueue;
	/** Test log: vault paths removed through `trash()` / `FileManager.trashFile`, in order. */
	readonly trashed: string[] = [];

	readonly #root: TFolder;
	readonly #entries = new Map<string, TFile | TFolder>();
	readonly #ctimes = new Map<string, number>();
	#observer: VaultObserver | null = null;

	constructor(basePath: string, options: { configDir?: string; queue?: EventQueue } = {}) {
		super();
		this.basePath = resolve(basePath);
		if (!existsSync(this.basePath) || !statSync(this.basePath).isDirectory()) {
			throw new Error(`Vault folder does not exist: ${this.basePath}`);
		}
		this.configDir = options.configDir ?? ".obsidian";
		this.queue = options.queue ?? new EventQueue();
		this.adapter = new FileSystemAdapter(this);
		this.#root = new TFolder();
		this.#root.vault = this.asObsidian();
		setNames(this.#root, "/");
		this.#scan(this.#root);
	}

	/** The vault typed as obsidian.d.ts's Vault (for fields of files, and for plugin code). */
	asObsidian(): ObsVault {
		return this;
	}

	/** Internal: the metadata cache registers here. */
	setObserver(observer: VaultObserver | null): void {
		this.#observer = observer;
	}

	// ---- paths ----

	/** Absolute disk path of a vault path. Refuses paths that leave the vault. */
	diskPath(path: string): string {
		const p = normalizePath(path);
		if (p.split("/").some((part) => part === "..")) throw new Error(`Path leaves the vault: ${path}`);
		return p === "/" ? this.basePath : join(this.basePath, ...p.split("/"));
	}

	#scan(folder: TFolder): void {
		const dir = this.diskPath(folder.path);
		const names = readdirSync(dir).sort();
		for (const name of names) {
			if (name.startsWith(".")) continue;
			const path = folder.isRoot() ? name : `${folder.path}/${name}`;
			const st = statSync(join(dir, name));
			if (st.isDirectory()) {
				const child = this.#attach(new TFolder(), path, folder);
				this.#scan(child);
			} else if (st.isFile()) {
				this.#attach(new TFile(), path, folder);
			}
		}
	}

	#attach<T extends TFile | TFolder>(file: T, path: string, parent: TFolder): T {
		file.vault = this.asObsidian();
		setNames(file, path);
		file.parent = parent;
		parent.children.push(file);
		this.#entries.set(path, file);
		if (file instanceof TFile) this.#refreshStat(file);
		return file;
	}

	#detach(file: TFile | TFolder): void {
		const parent = file.parent;
		if (parent) parent.children = parent.children.filter((c) => c !== file);
		this.#entries.delete(file.path);
		this.#ctimes.delete(file.path);
	}

	#refreshStat(file: TFile, options?: DataWriteOptions): void {
		const st = statSync(this.diskPath(file.path));
		if (options?.ctime !== undefined) this.#ctimes.set(file.path, options.ctime);
		if (!this.#ctimes.has(file.path)) this.#ctimes.set(file.path, Math.round(st.birthtimeMs > 0 ? st.birthtimeMs : st.ctimeMs));
		file.stat = { ctime: this.#ctimes.get(file.path)!, mtime: Math.round(st.mtimeMs), size: st.size };
	}

	#folderFor(path: string, action: string): TFolder {
		const parentPath = parentPathOf(path);
		const parent = parentPath === "/" ? this.#root : this.#entries.get(parentPath);
		if (!(parent instanceof TFolder)) {
			throw new Error(`ENOENT: no such file or directory, ${action} '${this.diskPath(path)}' (folder "${parentPath}" does not exist)`);
		}
		return parent;
	}

	#live(file: TFile): TFile {
		if (this.#entries.get(file.path) !== file) throw new Error(`File not found in the vault: ${file.path}`);
		return file;
	}

	#applyTimes(path: string, options?: DataWriteOptions): void {
		if (options?.mtime !== undefined) {
			const disk = this.diskPath(path);
			utimesSync(disk, statSync(disk).atime, new Date(options.mtime));
		}
	}

	// ---- lookups ----

	getName(): string {
		return basename(this.basePath);
	}

	getRoot(): TFolder {
		return this.#root;
	}

	getAbstractFileByPath(path: string): TFile | TFolder | null {
		const p = normalizePath(path);
		if (p === "/") return this.#root;
		return this.#entries.get(p) ?? null;
	}

	getFileByPath(path: string): TFile | null {
		const f = this.getAbstractFileByPath(path);
		return f instanceof TFile ? f : null;
	}

	getFolderByPath(path: string): TFolder | null {
		const f = this.getAbstractFileByPath(path);
		return f instanceof TFolder ? f : null;
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

	getAllFolders(includeRoot = false): TFolder[] {
		const folders = [...this.#entries.values()].filter((f): f is TFolder => f instanceof TFolder);
		return includeRoot ? [this.#root, ...folders] : folders;
	}

	static recurseChildren(root: ObsTFolder, cb: (file: ObsTAbstractFile) => unknown): void {
		const stack: ObsTAbstractFile[] = [root];
		while (stack.length > 0) {
			const file = stack.pop()!;
			cb(file);
			if (file instanceof TFolder) stack.push(...file.children);
		}
	}

	getResourcePath(file: TFile): string {
		return `app://local/${encodeURI(this.diskPath(file.path))}?${file.stat.mtime}`;
	}

	// ---- reads (synchronous inside) ----

	/** Internal and test helper: the file's current text on disk. */
	readText(file: TFile): string {
		return readFileSync(this.diskPath(this.#live(file).path), "utf8");
	}

	async read(file: TFile): Promise<string> {
		return this.readText(file);
	}

	/** Like Obsidian's, minus the cache: always the bytes on disk. */
	async cachedRead(file: TFile): Promise<string> {
		return this.readText(file);
	}

	async readBinary(file: TFile): Promise<ArrayBuffer> {
		return toArrayBuffer(readFileSync(this.diskPath(this.#live(file).path)));
	}

	// ---- writes: each happens synchronously inside the call, before the returned promise ----

	/** Internal: writes text to an existing file and announces it. */
	writeText(file: TFile, data: string | Uint8Array, options?: DataWriteOptions): void {
		this.#live(file);
		writeFileSync(this.diskPath(file.path), data);
		this.#applyTimes(file.path, options);
		this.#refreshStat(file, options);
		this.trigger("modify", file);
		this.#observer?.modified(file);
	}

	#createFile(path: string, data: string | Uint8Array, options?: DataWriteOptions): TFile {
		const p = normalizePath(path);
		if (this.#entries.has(p) || existsSync(this.diskPath(p))) throw new Error("File already exists.");
		const parent = this.#folderFor(p, "open");
		writeFileSync(this.diskPath(p), data, { flag: "wx" });
		this.#applyTimes(p, options);
		const file = this.#attach(new TFile(), p, parent);
		if (options?.ctime !== undefined) this.#refreshStat(file, options);
		this.trigger("create", file);
		this.#observer?.created(file);
		return file;
	}

	/** Fails like Obsidian when the file exists or its folder does not (create the folder first). */
	async create(path: string, data: string, options?: DataWriteOptions): Promise<TFile> {
		return this.#createFile(path, data, options);
	}

	async createBinary(path: string, data: ArrayBuffer, options?: DataWriteOptions): Promise<TFile> {
		return this.#createFile(path, new Uint8Array(data), options);
	}

	/** Creates missing parent folders too; fails when the folder exists. */
	async createFolder(path: string): Promise<TFolder> {
		const p = normalizePath(path);
		if (this.getAbstractFileByPath(p)) throw new Error("Folder already exists.");
		return this.#ensureFolder(p);
	}

	#ensureFolder(p: string): TFolder {
		if (p === "/") return this.#root;
		const existing = this.#entries.get(p);
		if (existing instanceof TFolder) return existing;
		if (existing) throw new Error(`Not a folder: ${p}`);
		const parent = this.#ensureFolder(parentPathOf(p));
		mkdirSync(this.diskPath(p), { recursive: true });
		const folder = this.#attach(new TFolder(), p, parent);
		this.trigger("create", folder);
		return folder;
	}

	async modify(file: TFile, data: string, options?: DataWriteOptions): Promise<void> {
		this.writeText(file, data, options);
	}

	async modifyBinary(file: TFile, data: ArrayBuffer, options?: DataWriteOptions): Promise<void> {
		this.writeText(file, new Uint8Array(data), options);
	}

	async append(file: TFile, data: string, options?: DataWriteOptions): Promise<void> {
		this.writeText(file, this.readText(file) + data, options);
	}

	async appendBinary(file: TFile, data: ArrayBuffer, options?: DataWriteOptions): Promise<void> {
		const before = readFileSync(this.diskPath(this.#live(file).path));
		this.writeText(file, Buffer.concat([before, new Uint8Array(data)]), options);
	}

	/**
	 * Atomic: reads the bytes on disk, applies `fn` and writes, all synchronously inside this call, so no
	 * other edit can come between the read and the write. Writes (and fires `modify`) only on a change.
	 */
	async process(file: TFile, fn: (data: string) => string, options?: DataWriteOptions): Promise<string> {
		const before = this.readText(file);
		const after = fn(before);
		if (typeof after !== "string") throw new TypeError(`Vault.process: the callback returned ${typeof after}, not a string`);
		if (after !== before) this.writeText(file, after, options);
		return after;
	}

	async copy<T extends ObsTAbstractFile>(file: T, newPath: string): Promise<T> {
		const p = normalizePath(newPath);
		if (this.getAbstractFileByPath(p)) throw new Error("File already exists.");
		if (file instanceof TFile) {
			const parent = this.#folderFor(p, "copyfile");
			copyFileSync(this.diskPath(file.path), this.diskPath(p));
			const copy = this.#attach(new TFile(), p, parent);
			this.trigger("create", copy);
			this.#observer?.created(copy);
			return copy as unknown as T;
		}
		if (file instanceof TFolder) {
			const folder = this.#ensureFolder(p);
			for (const child of [...file.children]) await this.copy(child, `${p}/${child.name}`);
			return folder as unknown as T;
		}
		throw new Error(`Cannot copy ${file.path}`);
	}

	/**
	 * When the metadata cache moves a renamed note's metadata: "after" the vault's `rename` event
	 * (the default: `getFileCache` gives null inside the event), "before" it, or "reparse": only
	 * when it has parsed the note again, with a `changed` event later.
	 */
	renameMetadata: "before" | "after" | "reparse" = "after";

	async rename(file: ObsTAbstractFile, newPath: string): Promise<void> {
		this.renameEntry(file, newPath);
	}

	/** Internal: rename/move, keeping the tree and every descendant's path in sync; fires `rename` for each. */
	renameEntry(file: ObsTAbstractFile, newPath: string): void {
		if (!(file instanceof TFile || file instanceof TFolder) || this.getAbstractFileByPath(file.path) !== file) {
			throw new Error(`File not found in the vault: ${file.path}`);
		}
		if (file === this.#root) throw new Error("Cannot rename the vault root");
		const p = normalizePath(newPath);
		if (p === file.path) return;
		const clash = this.getAbstractFileByPath(p);
		if (clash && clash !== file) throw new Error("Destination file already exists!");
		if (file instanceof TFolder && (p + "/").startsWith(file.path + "/")) throw new Error("Cannot move a folder into itself");
		const parent = this.#folderFor(p, "rename");
		renameSync(this.diskPath(file.path), this.diskPath(p));
		const moved: [TFile | TFolder, string][] = [];
		const relocate = (f: TFile | TFolder, to: string): void => {
			const from = f.path;
			const ctime = this.#ctimes.get(from);
			this.#entries.delete(from);
			this.#ctimes.delete(from);
			setNames(f, to);
			this.#entries.set(to, f);
			if (ctime !== undefined) this.#ctimes.set(to, ctime);
			moved.push([f, from]);
			if (f instanceof TFolder) {
				for (const child of f.children) {
					if (child instanceof TFile || child instanceof TFolder) relocate(child, `${to}/${child.name}`);
				}
			}
		};
		const oldParent = file.parent;
		if (oldParent) oldParent.children = oldParent.children.filter((c) => c !== file);
		relocate(file, p);
		file.parent = parent;
		parent.children.push(file);
		for (const [f, oldPath] of moved) {
			if (f instanceof TFile) this.#refreshStat(f);
			// Which comes first in Obsidian is not documented: tests choose (renameMetadata).
			if (this.renameMetadata === "before" && f instanceof TFile) this.#observer?.renamed(f, oldPath);
			this.trigger("rename", f, oldPath);
			if (this.renameMetadata === "after" && f instanceof TFile) this.#observer?.renamed(f, oldPath);
			if (this.renameMetadata === "reparse" && f instanceof TFile) this.#observer?.renamed(f, oldPath, true);
		}
	}

	/** Deletes a file, or a folder with everything in it (`force` also when it holds hidden files). */
	async delete(file: ObsTAbstractFile, force = false): Promise<void> {
		this.removeEntry(file, force);
	}

	/** Like `delete`, and records the path in `trashed`. `system: false` moves it to `.trash/`. */
	async trash(file: ObsTAbstractFile, system: boolean): Promise<void> {
		this.trashEntry(file, system);
	}

	/** Internal: see `trash`. */
	trashEntry(file: ObsTAbstractFile, system: boolean): void {
		const path = file.path;
		if (!system) {
			if (!(file instanceof TFile || file instanceof TFolder) || this.getAbstractFileByPath(path) !== file) {
				throw new Error(`File not found in the vault: ${path}`);
			}
			const trashDir = join(this.basePath, ".trash");
			mkdirSync(trashDir, { recursive: true });
			let target = join(trashDir, file.name);
			for (let n = 1; existsSync(target); n++) target = join(trashDir, `${file.name} ${n}`);
			renameSync(this.diskPath(path), target);
			this.#forget(file);
		} else {
			this.removeEntry(file, true);
		}
		this.trashed.push(path);
	}

	/** Internal: removes from disk and from the tree, firing `delete` for every file and folder removed. */
	removeEntry(file: ObsTAbstractFile, force: boolean): void {
		if (!(file instanceof TFile || file instanceof TFolder) || this.getAbstractFileByPath(file.path) !== file) {
			throw new Error(`File not found in the vault: ${file.path}`);
		}
		if (file === this.#root) throw new Error("Cannot delete the vault root");
		const disk = this.diskPath(file.path);
		if (file instanceof TFolder) {
			if (!force && this.#hasHiddenEntries(disk)) throw new Error(`Folder is not empty: ${file.path} holds hidden files`);
			rmSync(disk, { recursive: true, force: true });
		} else {
			unlinkSync(disk);
		}
		this.#forget(file);
	}

	#hasHiddenEntries(dir: string): boolean {
		for (const entry of readdirSync(dir, { withFileTypes: true })) {
			if (entry.name.startsWith(".")) return true;
			if (entry.isDirectory() && this.#hasHiddenEntries(join(dir, entry.name))) return true;
		}
		return false;
	}

	/** Drops a file or folder (deepest first) from the tree and fires `delete` for each. */
	#forget(file: TFile | TFolder): void {
		if (file instanceof TFolder) {
			for (const child of [...file.children]) {
				if (child instanceof TFile || child instanceof TFolder) this.#forget(child);
			}
		}
		this.#detach(file);
		this.trigger("delete", file);
		if (file instanceof TFile) this.#observer?.deleted(file);
	}

	// ---- events ----

	on(name: "create" | "modify" | "delete", callback: (file: TFile | TFolder) => unknown, ctx?: unknown): EventRef;
	on(name: "rename", callback: (file: TFile | TFolder, oldPath: string) => unknown, ctx?: unknown): EventRef;
	on(name: string, callback: AnyCallback, ctx?: unknown): EventRef;
	on(name: string, callback: AnyCallback, ctx?: unknown): EventRef {
		return super.on(name, callback, ctx);
	}

	// ---- test helpers: changes made outside Obsidian, noticed at once (as the file watcher would) ----

	/** Writes `data` to `path` on disk as another program would (creating folders), then fires the events. */
	externalWrite(path: string, data: string | Uint8Array): TFile {
		const p = normalizePath(path);
		mkdirSync(this.diskPath(parentPathOf(p)), { recursive: true });
		writeFileSync(this.diskPath(p), data);
		const file = this.syncPath(p);
		if (!(file instanceof TFile)) throw new Error(`externalWrite: ${p} is not a file`);
		return file;
	}

	/** Deletes `path` on disk as another program would, then fires the events. */
	externalDelete(path: string): void {
		const p = normalizePath(path);
		rmSync(this.diskPath(p), { recursive: true, force: true });
		this.syncPath(p);
	}

	/** Renames on disk as another program would; the vault sees a rename (as Obsidian's watcher does). */
	externalRename(from: string, to: string): void {
		const file = this.getAbstractFileByPath(from);
		if (!file) throw new Error(`externalRename: ${from} is not in the vault`);
		this.renameEntry(file, to);
	}

	/**
	 * Brings the tree in line with the disk for `path` (file or folder, recursively) and fires `create`,
	 * `modify` or `delete` like Obsidian's watcher. Use after changing files with `fs` directly.
	 */
	syncPath(path: string): TFile | TFolder | null {
		const p = normalizePath(path);
		if (p !== "/" && isHiddenPath(p)) return null;
		const disk = this.diskPath(p);
		const known = this.getAbstractFileByPath(p);
		const st = existsSync(disk) ? statSync(disk) : null;
		if (!st || (known instanceof TFile && st.isDirectory()) || (known instanceof TFolder && st.isFile())) {
			if (known && known !== this.#root) this.#forget(known);
			if (!st) return null;
		}
		const current = this.getAbstractFileByPath(p);
		if (st.isDirectory()) {
			const folder = current instanceof TFolder ? current : this.#ensureFolderFromDisk(p);
			const onDisk = new Set(readdirSync(disk).filter((n) => !n.startsWith(".")));
			for (const child of [...folder.children]) if (!onDisk.has(child.name)) this.syncPath(child.path);
			for (const name of [...onDisk].sort()) this.syncPath(folder.isRoot() ? name : `${p}/${name}`);
			return folder;
		}
		if (current instanceof TFile) {
			const before = current.stat;
			this.#refreshStat(current);
			if (before.mtime !== current.stat.mtime || before.size !== current.stat.size) {
				this.trigger("modify", current);
				this.#observer?.modified(current);
			}
			return current;
		}
		const parent = this.#ensureFolderFromDisk(parentPathOf(p));
		const file = this.#attach(new TFile(), p, parent);
		this.trigger("create", file);
		this.#observer?.created(file);
		return file;
	}

	/** Re-reads the whole vault folder (see `syncPath`). */
	syncFromDisk(): void {
		this.syncPath("/");
	}

	#ensureFolderFromDisk(p: string): TFolder {
		if (p === "/") return this.#root;
		const existing = this.#entries.get(p);
		if (existing instanceof TFolder) return existing;
		const parent = this.#ensureFolderFromDisk(parentPathOf(p));
		const folder = this.#attach(new TFolder(), p, parent);
		this.trigger("create", folder);
		return folder;
	}

	/** Test helper: the bytes of a vault path on disk (any file, hidden ones too). */
	readDisk(path: string): string {
		return readFileSync(this.diskPath(path), "utf8");
	}
}

/**
 * A DataAdapter over the vault folder (also reaches `.obsidian/` and other hidden paths). Writes to
 * visible paths are noticed by the vault at once, as Obsidian's watcher would.
 */
export class FileSystemAdapter {
	readonly #vault: Vault;

	constructor(vault: Vault) {
		this.#vault = vault;
	}

	getName(): string {
		return this.#vault.getName();
	}

	getBasePath(): string {
		return this.#vault.basePath;
	}

	getFullPath(normalizedPath: string): string {
		return this.#vault.diskPath(normalizedPath);
	}

	#sync(path: string): void {
		if (!isHiddenPath(normalizePath(path))) this.#vault.syncPath(path);
	}

	async exists(normalizedPath: string, _sensitive?: boolean): Promise<boolean> {
		return existsSync(this.getFullPath(normalizedPath));
	}

	async stat(normalizedPath: string): Promise<Stat | null> {
		const disk = this.getFullPath(normalizedPath);
		if (!existsSync(disk)) return null;
		const st = statSync(disk);
		return { type: st.isDirectory() ? "folder" : "file", ctime: Math.round(st.birthtimeMs || st.ctimeMs), mtime: Math.round(st.mtimeMs), size: st.size };
	}

	async list(normalizedPath: string): Promise<ListedFiles> {
		const base = normalizePath(normalizedPath);
		const out: ListedFiles = { files: [], folders: [] };
		for (const entry of readdirSync(this.getFullPath(base), { withFileTypes: true })) {
			const path = base === "/" ? entry.name : `${base}/${entry.name}`;
			if (entry.isDirectory()) out.folders.push(path);
			else out.files.push(path);
		}
		return out;
	}

	async read(normalizedPath: string): Promise<string> {
		return readFileSync(this.getFullPath(normalizedPath), "utf8");
	}

	async readBinary(normalizedPath: string): Promise<ArrayBuffer> {
		return toArrayBuffer(readFileSync(this.getFullPath(normalizedPath)));
	}

	async write(normalizedPath: string, data: string, options?: DataWriteOptions): Promise<void> {
		writeFileSync(this.getFullPath(normalizedPath), data);
		if (options?.mtime !== undefined) utimesSync(this.getFullPath(normalizedPath), new Date(), new Date(options.mtime));
		this.#sync(normalizedPath);
	}

	async writeBinary(normalizedPath: string, data: ArrayBuffer, options?: DataWriteOptions): Promise<void> {
		writeFileSync(this.getFullPath(normalizedPath), new Uint8Array(data));
		if (options?.mtime !== undefined) utimesSync(this.getFullPath(normalizedPath), new Date(), new Date(options.mtime));
		this.#sync(normalizedPath);
	}

	async append(normalizedPath: string, data: string, _options?: DataWriteOptions): Promise<void> {
		writeFileSync(this.getFullPath(normalizedPath), data, { flag: "a" });
		this.#sync(normalizedPath);
	}

	async appendBinary(normalizedPath: string, data: ArrayBuffer, _options?: DataWriteOptions): Promise<void> {
		writeFileSync(this.getFullPath(normalizedPath), new Uint8Array(data), { flag: "a" });
		this.#sync(normalizedPath);
	}

	async process(normalizedPath: string, fn: (data: string) => string, _options?: DataWriteOptions): Promise<string> {
		const disk = this.getFullPath(normalizedPath);
		const before = readFileSync(disk, "utf8");
		const after = fn(before);
		if (after !== before) {
			writeFileSync(disk, after);
			this.#sync(normalizedPath);
		}
		return after;
	}

	getResourcePath(normalizedPath: string): string {
		return `app://local/${encodeURI(this.getFullPath(normalizedPath))}`;
	}

	async mkdir(normalizedPath: string): Promise<void> {
		mkdirSync(this.getFullPath(normalizedPath), { recursive: true });
		this.#sync(normalizedPath);
	}

	async trashSystem(normalizedPath: string): Promise<boolean> {
		rmSync(this.getFullPath(normalizedPath), { recursive: true, force: true });
		this.#sync(normalizedPath);
		return true;
	}

	async trashLocal(normalizedPath: string): Promise<void> {
		const trashDir = this.getFullPath(".trash");
		mkdirSync(trashDir, { recursive: true });
		renameSync(this.getFullPath(normalizedPath), join(trashDir, basename(normalizedPath)));
		this.#sync(normalizedPath);
	}

	async rmdir(normalizedPath: string, recursive: boolean): Promise<void> {
		rmSync(this.getFullPath(normalizedPath), { recursive });
		this.#sync(normalizedPath);
	}

	async remove(normalizedPath: string): Promise<void> {
		unlinkSync(this.getFullPath(normalizedPath));
		this.#sync(normalizedPath);
	}

	async rename(normalizedPath: string, normalizedNewPath: string): Promise<void> {
		const file = isHiddenPath(normalizePath(normalizedPath)) ? null : this.#vault.getAbstractFileByPath(normalizedPath);
		if (file && !isHiddenPath(normalizePath(normalizedNewPath))) {
			this.#vault.renameEntry(file, normalizedNewPath);
			return;
		}
		renameSync(this.getFullPath(normalizedPath), this.getFullPath(normalizedNewPath));
		this.#sync(normalizedPath);
		this.#sync(normalizedNewPath);
	}

	async copy(normalizedPath: string, normalizedNewPath: string): Promise<void> {
		if (existsSync(this.getFullPath(normalizedNewPath))) throw new Error("Destination file already exists!");
		copyFileSync(this.getFullPath(normalizedPath), this.getFullPath(normalizedNewPath));
		this.#sync(normalizedNewPath);
	}
}
