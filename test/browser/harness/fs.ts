// An in-memory stand-in for the part of `node:fs` the Obsidian fake uses, so the very same fake
// (and the plugin's view and commands over it) runs in a browser page. Paths are absolute, `/`.

interface Entry {
	kind: "file" | "dir";
	data: Uint8Array;
	mtime: Date;
	ctime: Date;
}

const entries = new Map<string, Entry>([["/", { kind: "dir", data: new Uint8Array(), mtime: new Date(), ctime: new Date() }]]);
const encoder = new TextEncoder();
const decoder = new TextDecoder();

function norm(path: string): string {
	const parts: string[] = [];
	for (const part of String(path).split("/")) {
		if (part === "" || part === ".") continue;
		if (part === "..") parts.pop();
		else parts.push(part);
	}
	return `/${parts.join("/")}`;
}

function parentOf(path: string): string {
	const i = path.lastIndexOf("/");
	return i <= 0 ? "/" : path.slice(0, i);
}

function fail(code: string, action: string, path: string): never {
	const error = new Error(`${code}: ${action} '${path}'`) as Error & { code: string };
	error.code = code;
	throw error;
}

function get(path: string, action: string): Entry {
	const entry = entries.get(norm(path));
	if (!entry) fail("ENOENT", action, path);
	return entry;
}

class Stats {
	constructor(private readonly entry: Entry) {}
	isDirectory(): boolean {
		return this.entry.kind === "dir";
	}
	isFile(): boolean {
		return this.entry.kind === "file";
	}
	isSymbolicLink(): boolean {
		return false;
	}
	get size(): number {
		return this.entry.data.length;
	}
	get mtime(): Date {
		return this.entry.mtime;
	}
	get ctime(): Date {
		return this.entry.ctime;
	}
	get atime(): Date {
		return this.entry.mtime;
	}
	get birthtime(): Date {
		return this.entry.ctime;
	}
	get mtimeMs(): number {
		return this.entry.mtime.getTime();
	}
	get ctimeMs(): number {
		return this.entry.ctime.getTime();
	}
}

class Dirent extends Stats {
	constructor(
		entry: Entry,
		readonly name: string,
	) {
		super(entry);
	}
}

export function existsSync(path: string): boolean {
	return entries.has(norm(path));
}

export function statSync(path: string): Stats {
	return new Stats(get(path, "stat"));
}

export const lstatSync = statSync;

export function mkdirSync(path: string, options: { recursive?: boolean } = {}): void {
	const p = norm(path);
	if (entries.has(p)) {
		if (options.recursive) return;
		fail("EEXIST", "mkdir", path);
	}
	if (!entries.has(parentOf(p))) {
		if (!options.recursive) fail("ENOENT", "mkdir", path);
		mkdirSync(parentOf(p), options);
	}
	entries.set(p, { kind: "dir", data: new Uint8Array(), mtime: new Date(), ctime: new Date() });
}

export function readdirSync(path: string, options?: { withFileTypes?: boolean }): (string | Dirent)[] {
	const p = norm(path);
	if (get(path, "scandir").kind !== "dir") fail("ENOTDIR", "scandir", path);
	const prefix = p === "/" ? "/" : `${p}/`;
	const names: string[] = [];
	for (const key of entries.keys()) {
		if (key !== p && key.startsWith(prefix) && !key.slice(prefix.length).includes("/")) names.push(key.slice(prefix.length));
	}
	names.sort();
	return options?.withFileTypes ? names.map((n) => new Dirent(entries.get(prefix + n)!, n)) : names;
}

export function readFileSync(path: string, encoding?: string | { encoding?: string }): string | Uint8Array {
	const entry = get(path, "open");
	if (entry.kind !== "file") fail("EISDIR", "read", path);
	const enc = typeof encoding === "string" ? encoding : encoding?.encoding;
	return enc ? decoder.decode(entry.data) : entry.data.slice();
}

export function writeFileSync(path: string, data: string | Uint8Array, options?: { flag?: string } | string): void {
	const p = norm(path);
	const flag = typeof options === "object" ? options.flag : undefined;
	if (!entries.has(parentOf(p))) fail("ENOENT", "open", path);
	const existing = entries.get(p);
	if (flag === "wx" && existing) fail("EEXIST", "open", path);
	const bytes = typeof data === "string" ? encoder.encode(data) : new Uint8Array(data);
	const next = flag === "a" && existing ? new Uint8Array([...existing.data, ...bytes]) : bytes;
	entries.set(p, { kind: "file", data: next, mtime: new Date(), ctime: existing?.ctime ?? new Date() });
}

export function appendFileSync(path: string, data: string | Uint8Array): void {
	writeFileSync(path, data, { flag: "a" });
}

export function unlinkSync(path: string): void {
	get(path, "unlink");
	entries.delete(norm(path));
}

export function rmSync(path: string, options: { recursive?: boolean; force?: boolean } = {}): void {
	const p = norm(path);
	if (!entries.has(p)) {
		if (options.force) return;
		fail("ENOENT", "rm", path);
	}
	for (const key of [...entries.keys()]) if (key === p || key.startsWith(`${p}/`)) entries.delete(key);
}

export function renameSync(from: string, to: string): void {
	const a = norm(from);
	const b = norm(to);
	get(from, "rename");
	if (!entries.has(parentOf(b))) fail("ENOENT", "rename", to);
	for (const key of [...entries.keys()]) {
		if (key === a || key.startsWith(`${a}/`)) {
			const entry = entries.get(key)!;
			entries.delete(key);
			entries.set(b + key.slice(a.length), entry);
		}
	}
}

export function copyFileSync(from: string, to: string): void {
	const entry = get(from, "copyfile");
	writeFileSync(to, entry.data);
}

export function utimesSync(path: string, _atime: Date, mtime: Date): void {
	get(path, "utime").mtime = new Date(mtime);
}

export function mkdtempSync(prefix: string): string {
	let n = 0;
	while (existsSync(`${prefix}${n}`)) n++;
	mkdirSync(`${prefix}${n}`, { recursive: true });
	return `${prefix}${n}`;
}

export default {
	existsSync,
	statSync,
	lstatSync,
	mkdirSync,
	readdirSync,
	readFileSync,
	writeFileSync,
	appendFileSync,
	unlinkSync,
	rmSync,
	renameSync,
	copyFileSync,
	utimesSync,
	mkdtempSync,
};
