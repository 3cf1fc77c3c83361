// The command line's persisted index: one file per vault in the user's cache folder, never in
// the vault. The pure part (envelope, key, encoding) is core/index/readCache.ts.
import { createHash } from "node:crypto";
import { closeSync, mkdirSync, readdirSync, readFileSync, statSync, unlinkSync, utimesSync } from "node:fs";
import { homedir } from "node:os";
import { isAbsolute, join } from "node:path";
import { checksum, parseCache, type CacheEntry } from "../core/index/readCache";
import { AtomicFile, processAlive, removeLeftovers } from "./safeFile";

/** `$XDG_CACHE_HOME/touchbase`, else `~/.cache/touchbase`; null when neither can be known. */
export function defaultCacheDir(env: Record<string, string | undefined>, home: () => string = homedir): string | null {
	const xdg = env.XDG_CACHE_HOME;
	// The XDG rule: a relative value is invalid and ignored.
	if (xdg !== undefined && xdg !== "" && isAbsolute(xdg)) return join(xdg, "touchbase");
	let dir: string;
	try {
		dir = home();
	} catch {
		return null;
	}
	return dir === "" ? null : join(dir, ".cache", "touchbase");
}

/** The vault's file in `dir`: named by a hash of its real path, which the file also holds. */
export function cacheFileFor(dir: string, vaultRealPath: string): string {
	const hash = createHash("sha256").update(vaultRealPath).digest("hex").slice(0, 24);
	return join(dir, `index-${hash}.json`);
}

export interface LoadResult {
	notes: Map<string, CacheEntry>;
	/** One line for stderr when the file was there but unusable, or some of its lines. */
	warning: string | null;
	/** Whether the file should be written again even if few notes changed (it had damaged lines). */
	rewrite: boolean;
}

/** A vault whose files in the cache folder were not used for this long is forgotten. */
export const FORGET_AFTER_MS = 30 * 24 * 60 * 60 * 1000;
/** A file in use is marked so (its modification time set to now) at most this often. */
const MARK_USED_MS = 24 * 60 * 60 * 1000;
/** `index-HASH.json.PID.RANDOM.tmp`: a write in progress, or left by a killed run. */
const CACHE_TEMP = /^(?:index|answers|layout)-[0-9a-f]+\.json\.(\d+)\.[0-9a-z]+\.tmp$/;
/** A vault's answers, its index shards (`index-HASH-K.json`) and the single index file of before them. */
const CACHE_FILE = /^(?:index|answers|layout)-[0-9a-f]+(?:-\d+)?\.json$/;

/**
 * Tidies the cache folder at the start of a run: removes temporary files whose run is gone (or
 * an hour old), and the files of vaults not used for 30 days. Never throws: it is a cache.
 * Returns the names it found (none when the folder cannot be listed).
 */
export function tidyCacheDir(dir: string, now: number = Date.now()): string[] {
	let names: string[];
	try {
		names = readdirSync(dir);
	} catch {
		return [];
	}
	// The shards' temporary files (safeFile.ts AtomicFile), as a vault folder's.
	if (names.some((name) => name.startsWith("."))) removeLeftovers(dir);
	for (const name of names) {
		const temp = CACHE_TEMP.exec(name);
		if (temp === null && !CACHE_FILE.test(name)) continue;
		try {
			const full = join(dir, name);
			const age = now - statSync(full).mtimeMs;
			if (temp !== null ? !processAlive(Number(temp[1])) || age > 60 * 60 * 1000 : age > FORGET_AFTER_MS) unlinkSync(full);
		} catch {
			// Gone already, or not ours to remove.
		}
	}
	return names;
}

/** Marks a vault's cache file as used, so `tidyCacheDir` keeps it; at most once a day. */
export function markUsed(file: string, now: number = Date.now()): void {
	try {
		if (now - statSync(file).mtimeMs > MARK_USED_MS) utimesSync(file, new Date(now), new Date(now));
	} catch {
		// Not there, or read-only: it is read again when needed.
	}
}

/** The cached reads, or none: a missing file is silent, a damaged or foreign one is one warning. */
export function loadCacheFile(file: string, scope: string, key: string): LoadResult {
	let text: string;
	try {
		text = readFileSync(file, "utf8");
		markUsed(file, Date.now());
	} catch (error) {
		const code = (error as NodeJS.ErrnoException).code;
		if (code === "ENOENT" || code === "ENOTDIR") return { notes: new Map(), warning: null, rewrite: false };
		return { notes: new Map(), warning: `the index cache ${file} cannot be read (${code ?? String(error)}); every note is read`, rewrite: false };
	}
	const loaded = parseCache(text, scope, key);
	if (loaded.ok) {
		const n = loaded.damaged;
		return { notes: loaded.notes, warning: n === 0 ? null : `the index cache ${file} had ${n} damaged entr${n === 1 ? "y" : "ies"}, left out: ${n === 1 ? "its note is" : "their notes are"} read again`, rewrite: n > 0 };
	}
	if (loaded.reason === "stale") return { notes: new Map(), warning: null, rewrite: false };
	return { notes: new Map(), warning: `the index cache ${file} was ignored and is rebuilt: ${loaded.message}`, rewrite: false };
}

// ---- answers kept for a vault that did not change ----
//
// Beside the index: the last few answers `due`, `stats` and `ics` printed for a vault, each with
// the digest of every note's stamp when it was computed and the question it answered (command,
// options, day, settings, version). The same digest and question give the same text, so it is
// printed without parsing a single read. A damaged or foreign file is simply not used.

const ANSWERS_FORMAT = "touchbase-answers/2";
/** Answers kept per vault: a few commands and option sets, the most recent first. */
export const ANSWERS_KEPT = 8;

interface KeptAnswer {
	digest: string;
	key: string;
	text: string;
	/** `checksum` of the three: an answer flipped or edited on disk is not printed. */
	sum: string;
}

function answerSum(a: Omit<KeptAnswer, "sum">): string {
	return checksum(`${a.digest}\n${a.key}\n${a.text}`);
}

/** The vault's answers file, named as its index file is. */
export function answersFileFor(dir: string, vaultRealPath: string): string {
	return cacheFileFor(dir, vaultRealPath).replace(/index-([0-9a-f]+)\.json$/, "answers-$1.json");
}

function readAnswers(file: string, scope: string): KeptAnswer[] {
	try {
		const data = JSON.parse(readFileSync(file, "utf8")) as { format?: unknown; scope?: unknown; answers?: unknown };
		if (data.format !== ANSWERS_FORMAT || data.scope !== scope || !Array.isArray(data.answers)) return [];
		return (data.answers as unknown[]).filter((a): a is KeptAnswer => {
			const x = a as Partial<KeptAnswer> | null;
			return typeof x?.digest === "string" && typeof x.key === "string" && typeof x.text === "string" && x.sum === answerSum({ digest: x.digest, key: x.key, text: x.text });
		});
	} catch {
		return [];
	}
}

/** The text kept for this digest and question, or null. */
export function findAnswer(file: string, scope: string, digest: string, key: string): string | null {
	return readAnswers(file, scope).find((a) => a.digest === digest && a.key === key)?.text ?? null;
}

/**
 * The text of `JSON.stringify({ format, scope, answers })`, in pieces of about a megabyte, made as
 * they are written: JSON escapes each character alone, so an answer's text is cut anywhere but
 * inside a character beyond U+FFFF.
 */
function* answersText(scope: string, answers: readonly KeptAnswer[]): Generator<string> {
	yield `${JSON.stringify({ format: ANSWERS_FORMAT, scope }).slice(0, -1)},"answers":[`;
	for (let i = 0; i < answers.length; i++) {
		const a = answers[i];
		yield `${i === 0 ? "" : ","}${JSON.stringify({ digest: a.digest, key: a.key }).slice(0, -1)},"text":`;
		if (a.text === "") yield '""';
		for (let from = 0; from < a.text.length; ) {
			let to = Math.min(a.text.length, from + (1 << 20));
			if (to < a.text.length && /[\ud800-\udbff]/.test(a.text[to - 1])) to--;
			const piece = JSON.stringify(a.text.slice(from, to));
			yield piece.slice(from === 0 ? 0 : 1, to === a.text.length ? piece.length : -1);
			from = to;
		}
		yield `,"sum":${JSON.stringify(a.sum)}}`;
	}
	yield "]}\n";
}

/** Keeps an answer (whole or not at all, as the index); failures are silent: it is only a shortcut. */
export function saveAnswer(file: string, dir: string, scope: string, digest: string, key: string, text: string): void {
	// Answers for an older digest can never be used again.
	const answers = [{ digest, key, text, sum: answerSum({ digest, key, text }) }, ...readAnswers(file, scope).filter((a) => a.digest === digest && a.key !== key)].slice(0, ANSWERS_KEPT);
	let out: AtomicFile | null = null;
	try {
		mkdirSync(dir, { recursive: true });
		// Written as it is made, a megabyte at a time: a big vault's answer (10 MB at 50,000 notes)
		// is never turned into bytes whole (peak memory).
		out = new AtomicFile(file);
		for (const piece of answersText(scope, answers)) out.write(Buffer.from(piece, "utf8"));
		out.commit();
	} catch {
		// Only a shortcut: `commit` removed its temporary file.
		out?.abort();
	} finally {
		if (out !== null) closeSync(out.fd);
	}
}
