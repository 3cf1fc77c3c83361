// How the command line reads and writes a note so that nothing is ever cut short
// (docs/reliability.md, "A note is its old bytes or its new bytes"):
// - reads: regular files only, opened without blocking, at most the size cap;
// - writes: a temporary file in the same folder (a dot-name ending `.tmp`, which Obsidian and
//   sync tools skip), flushed to disk, renamed over the note, the note's mode kept;
// - one note's read, change and write is serialised across processes by a lock file beside it,
//   taken over when the run holding it is gone.
import {
	closeSync,
	constants,
	fchmodSync,
	fchownSync,
	fstatSync,
	fsyncSync,
	linkSync,
	openSync,
	readdirSync,
	readFileSync,
	readSync,
	realpathSync,
	renameSync,
	statSync,
	unlinkSync,
	writeFileSync,
	writeSync,
	type Stats,
} from "node:fs";
import { hostname } from "node:os";
import { basename, dirname, join } from "node:path";
import { sizeText, tooLargeMessage } from "../core/settings/settings";
import { checksum } from "../core/index/readCache";

/** Why a file was not read: one line for the problems list or an error message. */
export class NotReadable extends Error {}

/**
 * The bytes of a regular file and the stat taken from the open file before reading it. A FIFO, a
 * device (a link to `/dev/zero`), a socket or a folder is refused without reading a byte, and so
 * is a file larger than `cap`; a file that grows past the cap while it is read is refused too.
 * Throws `NotReadable` with the reason, or the system's error (ENOENT, EACCES…). A file smaller
 * than `scratch` is read into it: its bytes are then good until the next read into it.
 */
export function readRegularFile(full: string, cap: number, scratch?: Buffer): { bytes: Buffer; stat: Stats; whole: boolean } {
	// O_NONBLOCK: opening a FIFO for reading would otherwise wait for a writer forever.
	const fd = openSync(full, constants.O_RDONLY | (constants.O_NONBLOCK ?? 0));
	try {
		const stat = fstatSync(fd);
		if (!stat.isFile()) throw new NotReadable(`is not a regular file (${kindOf(stat)}): not read`);
		if (stat.size > cap) throw new NotReadable(tooLargeMessage(stat.size, cap));
		// Its own memory (not Node's shared pool), so it can be handed to a worker without a copy; or
		// the caller's `scratch`, used again for the next file (a cold run reads 50,000 notes: one
		// buffer each was 28 MB of dead buffers waiting for the collector at the peak).
		let bytes = scratch !== undefined && stat.size < scratch.length ? scratch : Buffer.allocUnsafeSlow(stat.size);
		let length = 0;
		for (;;) {
			if (length === bytes.length) {
				if (length > cap) throw new NotReadable(`grew larger than ${sizeText(cap)} while it was read: not read`);
				const bigger = Buffer.allocUnsafeSlow(Math.min(cap + 1, Math.max(8192, bytes.length * 2)));
				bytes.copy(bigger, 0, 0, length);
				bytes = bigger;
			}
			const n = readSync(fd, bytes, length, bytes.length - length, null);
			if (n === 0) break;
			length += n;
		}
		if (length > cap) throw new NotReadable(`grew larger than ${sizeText(cap)} while it was read: not read`);
		return { bytes: length === bytes.length ? bytes : bytes.subarray(0, length), stat, whole: length === stat.size };
	} finally {
		closeSync(fd);
	}
}

function kindOf(st: Stats): string {
	if (st.isFIFO()) return "a named pipe";
	if (st.isCharacterDevice() || st.isBlockDevice()) return "a device";
	if (st.isSocket()) return "a socket";
	if (st.isDirectory()) return "a folder";
	return "not a file";
}

// ---- temporary names ----

/**
 * `.Acme.md.touchbase-HOST-PID-RANDOM.tmp`: hidden from Obsidian (a dot-name) and named as a temp
 * file; HOST (a digest of the machine's name) tells whether PID can be asked about here, as a
 * vault on a shared folder may be written from two machines.
 */
const TEMP = /^\..*\.touchbase-([0-9a-f]{8})-(\d+)-[0-9a-z]+\.tmp$/;
const HOST = checksum(hostname());
/** A leftover older than this is removed even if its process number is in use again. */
const LEFTOVER_AGE_MS = 60 * 60 * 1000;

export function tempNameFor(full: string): string {
	// Short enough for any file system's 255-byte name limit, whatever the note's name.
	const base = basename(full).slice(0, 60);
	return join(dirname(full), `.${base}.touchbase-${HOST}-${process.pid}-${Math.random().toString(36).slice(2, 10)}.tmp`);
}

/** Whether a process of this machine with that number is running. */
export function processAlive(pid: number): boolean {
	if (pid === process.pid) return true;
	try {
		process.kill(pid, 0);
		return true;
	} catch (error) {
		// EPERM: it exists, owned by someone else.
		return (error as NodeJS.ErrnoException).code === "EPERM";
	}
}

/** Whether a dot-name in a vault folder is a temporary or lock file a killed run left (its process is gone). */
export function isLeftover(dir: string, name: string, now: number = Date.now()): boolean {
	if (name.endsWith(LOCK_SUFFIX)) return staleLock(join(dir, name), now);
	const m = TEMP.exec(name);
	if (m === null) return false;
	if (m[1] === HOST && !processAlive(Number(m[2]))) return true;
	try {
		return statSync(join(dir, name)).mtimeMs < now - LEFTOVER_AGE_MS;
	} catch {
		return false;
	}
}

/** Removes the temporary files killed runs left in `dir`; the number removed. Never throws. */
export function removeLeftovers(dir: string): number {
	let removed = 0;
	let names: string[];
	try {
		names = readdirSync(dir);
	} catch {
		return 0;
	}
	for (const name of names) {
		if (name.startsWith(".") && isLeftover(dir, name)) {
			try {
				unlinkSync(join(dir, name));
				removed++;
			} catch {
				// Gone already, or not ours to remove.
			}
		}
	}
	return removed;
}

// ---- writing ----

/** A write that failed; the note was left as it was. `code` is the system's (ENOSPC, EACCES…). */
export class WriteFailed extends Error {
	constructor(
		readonly code: string,
		message: string,
	) {
		super(message);
	}
}

export interface AtomicWriteOptions {
	/** The mode the file gets (the note's own when it exists); a new file's is 0o666 less the umask. */
	mode?: number;
	/** The note's owner, kept when this process may set it (root editing someone's note). */
	owner?: { uid: number; gid: number };
	/** Called after the new bytes are on disk, just before the rename: false cancels (the temp goes). */
	beforeRename?: () => boolean;
}

/** Writes `bytes` to a new file, flushed to disk (the caller renames it). No mode: 0o666 less the umask. */
export function writeFlushed(temp: string, bytes: Uint8Array, mode?: number, owner?: { uid: number; gid: number }): void {
	const fd = openSync(temp, "wx", mode ?? 0o666);
	try {
		if (owner !== undefined && process.getuid?.() === 0 && (owner.uid !== 0 || owner.gid !== 0)) {
			try {
				fchownSync(fd, owner.uid, owner.gid);
			} catch {
				// A file system without owners: the file is the writer's, as any new file.
			}
		}
		// The umask must not take rights the note had.
		if (mode !== undefined) fchmodSync(fd, mode);
		for (let at = 0; at < bytes.length; ) at += writeSync(fd, bytes, at, bytes.length - at);
		fsyncSync(fd);
	} finally {
		closeSync(fd);
	}
}

/** Flushes a folder's entry list, so a rename in it survives a power cut. Best effort. */
export function syncFolder(dir: string): void {
	let fd: number | null = null;
	try {
		fd = openSync(dir, "r");
		fsyncSync(fd);
	} catch {
		// Some systems cannot open or flush a folder: the rename itself is still atomic.
	} finally {
		if (fd !== null) closeSync(fd);
	}
}

/**
 * Replaces `full` with `text` whole or not at all: temp file, fsync, rename, folder fsync. A link
 * is followed (the note it points to is replaced, the link stays). Returns false when
 * `beforeRename` said no. Throws `WriteFailed` (the file untouched, the temp removed).
 */
export function writeFileAtomic(full: string, text: string | Uint8Array, options: AtomicWriteOptions = {}): boolean {
	let target = full;
	try {
		target = realpathSync(full);
	} catch {
		// A new file: written where it was named.
	}
	let mode = options.mode;
	if (mode === undefined) {
		try {
			mode = statSync(target).mode & 0o7777;
		} catch {
			// A new file: the usual mode for the user's umask.
		}
	}
	const temp = tempNameFor(target);
	try {
		writeFlushed(temp, typeof text === "string" ? Buffer.from(text, "utf8") : text, mode, options.owner);
		if (options.beforeRename !== undefined && !options.beforeRename()) {
			unlinkQuiet(temp);
			return false;
		}
		renameSync(temp, target);
	} catch (error) {
		unlinkQuiet(temp);
		const code = (error as NodeJS.ErrnoException).code ?? "EIO";
		throw new WriteFailed(code, `it could not be written (${code}${code === "ENOSPC" ? ": the disk is full" : ""})`);
	}
	syncFolder(dirname(target));
	return true;
}

export function unlinkQuiet(full: string): void {
	try {
		unlinkSync(full);
	} catch {
		// Already gone.
	}
}

// ---- the lock ----

/** How long a run waits for another to finish with the same note. */
const LOCK_WAIT_MS = 20_000;
/** A lock this old is taken over even if its process number is in use (no edit takes that long). */
const LOCK_STALE_MS = 60_000;
const SLEEPER = new Int32Array(new SharedArrayBuffer(4));

function sleep(ms: number): void {
	Atomics.wait(SLEEPER, 0, 0, ms);
}

const LOCK_SUFFIX = ".touchbase.lock";

/** The lock file of a note: a dot-name beside it. */
export function lockNameFor(full: string): string {
	return join(dirname(full), `.${basename(full).slice(0, 60)}${LOCK_SUFFIX}`);
}

/** Whether the lock file's holder is gone: another machine's lock only by age. */
function staleLock(lock: string, now: number): boolean {
	let text: string;
	let st: Stats;
	try {
		st = statSync(lock);
		text = readFileSync(lock, "utf8");
	} catch {
		return false;
	}
	if (st.mtimeMs < now - LOCK_STALE_MS) return true;
	const [pid, host] = text.split("\n");
	// A lock is made whole (takeLock): one of another shape was left by something else, judged by age.
	if (!/^\d+$/.test(pid ?? "")) return st.mtimeMs < now - 5000;
	if (host !== hostname()) return false;
	return !processAlive(Number(pid));
}

/**
 * Makes the lock file with its holder already in it (written under a temporary name, then linked
 * to the lock's name, which fails if it exists), so a run killed while taking it never leaves an
 * empty lock. False when another run holds it. Throws `WriteFailed` when it cannot be made.
 */
function takeLock(lock: string): boolean {
	const temp = tempNameFor(lock);
	const holder = `${process.pid}\n${hostname()}\n`;
	try {
		writeFileSync(temp, holder, { flag: "wx" });
		try {
			linkSync(temp, lock);
		} catch (error) {
			const code = (error as NodeJS.ErrnoException).code;
			if (code !== "EPERM" && code !== "ENOTSUP" && code !== "EOPNOTSUPP" && code !== "ENOSYS") throw error;
			// No hard links on this file system: made in place (a kill here leaves it empty, judged by age).
			writeFileSync(lock, holder, { flag: "wx" });
		}
		return true;
	} catch (error) {
		const code = (error as NodeJS.ErrnoException).code ?? "EIO";
		if (code === "EEXIST") return false;
		throw new WriteFailed(code, `its lock file ${lock} could not be made (${code}${code === "ENOSPC" ? ": the disk is full" : ""})`);
	} finally {
		unlinkQuiet(temp);
	}
}

/**
 * Runs `fn` holding the note's lock: other Touchbase runs that change the same note wait for it.
 * A lock left by a killed run (its process gone, or older than a minute) is taken over. Throws
 * `WriteFailed` (code EBUSY) after 20 s of waiting, or when the lock cannot be made (a read-only
 * folder: then the write would fail too).
 */
export function withNoteLock<T>(full: string, fn: () => T): T {
	let target = full;
	try {
		target = realpathSync(full);
	} catch {
		// Not there (yet): locked by its name.
	}
	const lock = lockNameFor(target);
	const until = Date.now() + LOCK_WAIT_MS;
	for (let wait = 2; !takeLock(lock); wait = Math.min(50, wait * 2)) {
		const now = Date.now();
		// A killed run's lock: removed, then taken like any free lock (another waiting run may win it).
		if (staleLock(lock, now)) unlinkQuiet(lock);
		else if (now > until) throw new WriteFailed("EBUSY", `another Touchbase run has been changing it for 20 s (${lock}); if none is running, remove that file`);
		else sleep(wait + Math.floor(Math.random() * wait));
	}
	try {
		return fn();
	} finally {
		unlinkQuiet(lock);
	}
}

/**
 * A file written piece by piece, then put in place whole or not at all, as `writeFileAtomic` does
 * (temp file beside it, fsync, rename, folder fsync): the CLI's index shards are written while the
 * notes are read, so their text is never all in memory (docs/performance.md, "Index shards").
 * What is written can be read back before the rename (`readAt`).
 */
export class AtomicFile {
	private readonly temp: string;
	readonly fd: number;
	private size = 0;
	private pending: Buffer[] = [];
	private pendingBytes = 0;
	private flushed = 0;

	constructor(private readonly full: string, mode = 0o600) {
		this.temp = tempNameFor(full);
		// Read as well: what was written is read back before the rename.
		this.fd = openSync(this.temp, "wx+", mode);
	}

	/** Bytes written so far: where the next `write` starts. */
	get length(): number {
		return this.size;
	}

	write(bytes: Buffer): void {
		this.pending.push(bytes);
		this.pendingBytes += bytes.length;
		this.size += bytes.length;
		if (this.pendingBytes >= 1 << 18) this.flush();
	}

	private flush(): void {
		if (this.pendingBytes === 0) return;
		const bytes = this.pending.length === 1 ? this.pending[0] : Buffer.concat(this.pending, this.pendingBytes);
		for (let at = 0; at < bytes.length; ) at += writeSync(this.fd, bytes, at, bytes.length - at, this.flushed + at);
		this.flushed += bytes.length;
		this.pending = [];
		this.pendingBytes = 0;
	}

	/** `length` bytes from `at`, of what was written. */
	readAt(at: number, length: number): Buffer {
		if (at + length > this.flushed) this.flush();
		return readFullyAt(this.fd, at, length, "short read");
	}

	/** Flushes to disk and renames over the file. Throws (the temp removed) when it cannot. The fd stays open for `readAt`. */
	commit(): void {
		try {
			this.flush();
			fsyncSync(this.fd);
			renameSync(this.temp, this.full);
		} catch (error) {
			this.abort();
			throw error;
		}
		syncFolder(dirname(this.full));
	}

	/** Drops the file (nothing is renamed). */
	abort(): void {
		this.pending = [];
		unlinkQuiet(this.temp);
	}
}

/** `length` bytes of an open file from `at`, however many reads it takes; `shortMessage` if the file ends first. */
export function readFullyAt(fd: number, at: number, length: number, shortMessage: string): Buffer {
	const bytes = Buffer.allocUnsafe(length);
	for (let got = 0; got < length; ) {
		const n = readSync(fd, bytes, got, length - got, at + got);
		if (n === 0) throw new Error(shortMessage);
		got += n;
	}
	return bytes;
}
