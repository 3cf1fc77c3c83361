import { spawn } from "node:child_process";
import { chmodSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, utimesSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { defaultCacheDir } from "../../src/cli/readCacheFile";
import { tempNameFor } from "../../src/cli/safeFile";
import { checksum, RACY_MARGIN_MS, serializeCache, type CacheEntry } from "../../src/core/index/readCache";
import { setTimeout as sleep } from "node:timers/promises";
import { defaultThreadCount } from "../../src/cli/readVault";
import { CLI_BUILD, copyVault, EXAMPLE_VAULT, runCli, tempDir } from "../helpers/cli";
import { allNotes, notePath, readShard, shardFilesIn, writeShard, type ShardNote } from "../helpers/shards";

const TODAY = "2026-11-23";
const OLD = new Date("2026-01-01T00:00:00Z");
/**
 * The clock the CLI compares file times with, a minute ahead: a note's change time cannot be put
 * back as its modification time can, so this is how a test vault's notes look written long ago.
 */
const LATER = (): number => Date.now() + 60_000;

/** A copy of the example vault whose notes were last modified long ago (so they can be kept). */
function oldVault(): string {
	const vault = copyVault(EXAMPLE_VAULT);
	const age = (dir: string): void => {
		for (const entry of readdirSync(dir, { withFileTypes: true })) {
			const full = join(dir, entry.name);
			if (entry.isDirectory()) age(full);
			else utimesSync(full, OLD, OLD);
		}
	};
	age(vault);
	return vault;
}

/** `due --json`, from the index: a kept answer and its layout (tested on their own) are removed first. */
function due(vault: string, cacheDir: string | null, extra: string[] = []): { status: number | null; stdout: string; stderr: string } {
	if (cacheDir !== null) for (const file of allFiles(cacheDir)) if (file.includes("answers-") || file.includes("layout-")) rmSync(file);
	return dueKeepingAnswers(vault, cacheDir, extra);
}

function dueKeepingAnswers(vault: string, cacheDir: string | null, extra: string[] = []): { status: number | null; stdout: string; stderr: string } {
	return runCli(["due", vault, "--today", TODAY, "--json", ...extra], { cacheDir, fileClock: LATER });
}

/** The index files in the cache folder (beside them: the kept answers, `answers-….json`, and their layout). */
function cacheFiles(dir: string): string[] {
	return allFiles(dir).filter((file) => !file.includes("answers-") && !file.includes("layout-"));
}

function allFiles(dir: string): string[] {
	try {
		return readdirSync(dir).map((name) => join(dir, name));
	} catch {
		return [];
	}
}

describe("the persisted index of the command line", () => {
	it("parses in threads only on three cores or more: one per core beside the main thread, up to 4", () => {
		expect([1, 2, 3, 4, 5, 8, 64].map((cores) => defaultThreadCount(cores))).toEqual([0, 0, 2, 3, 4, 4, 4]);
	});

	it("lives in $XDG_CACHE_HOME/touchbase, else ~/.cache/touchbase", () => {
		expect(defaultCacheDir({ XDG_CACHE_HOME: "/x/cache" }, () => "/home/u")).toBe(join("/x/cache", "touchbase"));
		expect(defaultCacheDir({}, () => "/home/u")).toBe(join("/home/u", ".cache", "touchbase"));
		expect(defaultCacheDir({ XDG_CACHE_HOME: "relative" }, () => "/home/u")).toBe(join("/home/u", ".cache", "touchbase"));
		expect(
			defaultCacheDir({}, () => {
				throw new Error("no home");
			}),
		).toBeNull();
	});

	it("gives the same answer cold, warm and without it, and writes its shards outside the vault", () => {
		const vault = oldVault();
		const cache = tempDir();
		const plain = due(vault, null);
		const cold = due(vault, cache);
		const warm = due(vault, cache);
		expect(cold).toEqual(plain);
		expect(warm).toEqual(plain);
		expect(plain.stderr).toBe("");
		// The example vault's notes in a few of the 16 shards, and nothing else.
		const shards = shardFilesIn(cache);
		expect(shards.length).toBeGreaterThan(1);
		expect(cacheFiles(cache)).toEqual(shards);
		expect(readdirSync(vault).some((name) => /cache|index/i.test(name))).toBe(false);
		// Touches read back from the shards, not kept from the reads (as past KEEP_TOUCHES_READ prospects): the same, stats too.
		const readBack = tempDir();
		const stats = (day: string, cacheDir: string | null): string => runCli(["stats", vault, "--today", day, ...(cacheDir === null ? ["--no-cache"] : [])], { cacheDir, fileClock: LATER, keepTouchesRead: 0 }).stdout;
		expect(runCli(["due", vault, "--today", TODAY, "--json"], { cacheDir: readBack, fileClock: LATER, keepTouchesRead: 0 })).toEqual(plain);
		expect(shardFilesIn(readBack).map((file) => readFileSync(file, "utf8"))).toEqual(shards.map((file) => readFileSync(file, "utf8")));
		for (const day of [TODAY, "2026-12-20"]) expect(stats(day, tempDir())).toBe(stats(day, null));
		// --no-cache reads every note and neither reads nor writes them.
		const before = shards.map((file) => readFileSync(file, "utf8"));
		expect(due(vault, cache, ["--no-cache"])).toEqual(plain);
		expect(shards.map((file) => readFileSync(file, "utf8"))).toEqual(before);
	});

	it("answers from the cache for a note whose stamp did not change, and reads a changed one", () => {
		const vault = oldVault();
		const cache = tempDir();
		due(vault, cache);
		// Proof that unchanged notes come from the cache: a doctored entry shows in the answer.
		const { file, note } = allNotes(cache).find(({ note: n }) => /"company":"[^"]+"/.test(n.line))!;
		const path = notePath(note);
		const original = readFileSync(file, "latin1");
		// Edited without its checksum: not trusted, the note is read again (and the shard healed).
		writeFileSync(file, original.replace(note.line, note.line.replace(/"company":"[^"]*"/, '"company":"From the cache"')), "latin1");
		const unsigned = due(vault, cache);
		expect(unsigned.stdout).not.toContain("From the cache");
		expect(unsigned.stderr).toMatch(/had 1 damaged entry, left out: its note is read again\n$/);
		expect(due(vault, cache).stderr).toBe("");
		const healed = readShard(file);
		const at = healed.notes.findIndex((n) => notePath(n) === path);
		healed.notes[at].line = healed.notes[at].line.replace(/"company":"[^"]*"/, '"company":"From the cache"');
		writeShard(file, healed);
		expect(due(vault, cache).stdout).toContain("From the cache");
		// Once the note changes, it is read again.
		const full = join(vault, path);
		writeFileSync(full, `${readFileSync(full, "utf8")}\n`);
		utimesSync(full, OLD, new Date(OLD.getTime() + 1000));
		expect(due(vault, cache).stdout).not.toContain("From the cache");
	});

	it("keeps each prospect's due row of the day with its record, takes it that day only, and reads a note again whose touches prove damaged", () => {
		const vault = oldVault();
		const cache = tempDir();
		const plain = due(vault, null).stdout;
		const plainStats = runCli(["stats", vault, "--today", TODAY, "--no-cache"], { fileClock: LATER }).stdout;
		due(vault, cache);
		const withRow = allNotes(cache).filter(({ note }) => note.line.split("\t")[5] !== "");
		expect(withRow.length).toBeGreaterThan(3);
		for (const { note } of withRow) expect(note.line.split("\t")[5].startsWith(`["${TODAY}",`)).toBe(true);
		// Proof that a run of that day takes the rows: a doctored one (with its checksum) shows; another day's run does not take it.
		const target = withRow.find(({ note }) => note.line.includes('"bucket":"'))!;
		const path = notePath(target.note);
		const doctored = readShard(target.file);
		doctored.notes[target.at].line = target.note.line.replace(/"bucket":"[a-z-]+"/, '"bucket":"closed"');
		writeShard(target.file, doctored);
		const shown = JSON.parse(due(vault, cache).stdout) as { prospects: { path: string; bucket: string }[] };
		expect(shown.prospects.find((p) => p.path === path)?.bucket).toBe("closed");
		const later = ["due", vault, "--today", "2026-11-30", "--json"];
		expect(runCli(later, { cacheDir: cache, fileClock: LATER }).stdout).toBe(runCli([...later, "--no-cache"], { fileClock: LATER }).stdout);
		writeShard(target.file, target.shard);
		// Touches of the wrong shape, with their checksums made again: `due` never reads them;
		// `stats` does, finds them damaged and reads the note again.
		const touched = withRow.find(({ note }) => note.touches?.includes("[[") === true)!;
		const broken = readShard(touched.file);
		broken.notes[touched.at].touches = touched.note.touches!.replace("[[", '[{"x":1},[');
		writeShard(touched.file, broken);
		expect(due(vault, cache).stdout).toBe(plain);
		expect(runCli(["stats", vault, "--today", TODAY], { cacheDir: cache, fileClock: LATER }).stdout).toBe(plainStats);
		// Touches changed on disk without their checksum: the same.
		writeShard(touched.file, touched.shard);
		const flipped = readFileSync(touched.file);
		flipped[Number(touched.note.line.split("\t")[6]) + 3] ^= 4;
		writeFileSync(touched.file, flipped);
		expect(due(vault, cache).stdout).toBe(plain);
		expect(runCli(["stats", vault, "--today", TODAY], { cacheDir: cache, fileClock: LATER }).stdout).toBe(plainStats);
	});

	it("after an edit, writes again only the shard of the edited note; nothing while the edit is too recent to keep", () => {
		const vault = oldVault();
		const cache = tempDir();
		const cold = due(vault, cache);
		const written = new Map(shardFilesIn(cache).map((file) => [file, readFileSync(file, "latin1")]));
		const { file, note } = allNotes(cache).find(({ note: n }) => n.touches !== null)!;
		const full = join(vault, notePath(note));
		writeFileSync(full, `${readFileSync(full, "utf8")}\n`);
		// Changed a moment ago (by the run's own clock): read, not kept, nothing written.
		expect(runCli(["due", vault, "--today", TODAY, "--json"], { cacheDir: cache }).stdout).toBe(cold.stdout);
		for (const [f, text] of written) expect(readFileSync(f, "latin1")).toBe(text);
		utimesSync(full, OLD, new Date(OLD.getTime() + 1000));
		const edited = due(vault, cache, ["--no-cache"]).stdout;
		expect(due(vault, cache).stdout).toBe(edited);
		expect(edited).toBe(cold.stdout);
		for (const [f, text] of written) {
			if (f === file) expect(readFileSync(f, "latin1")).not.toBe(text);
			else expect(readFileSync(f, "latin1")).toBe(text);
		}
		// A note gone from the vault: its shard is written again without it.
		rmSync(full);
		const gone = due(vault, cache, ["--no-cache"]).stdout;
		expect(due(vault, cache).stdout).toBe(gone);
		expect(allNotes(cache).some(({ note: n }) => notePath(n) === notePath(note))).toBe(false);
	});

	it("prints the answer kept for the same question when no note changed, and works it out again otherwise", () => {
		const vault = oldVault();
		const cache = tempDir();
		const first = dueKeepingAnswers(vault, cache).stdout;
		const answers = allFiles(cache).find((f) => f.includes("answers-"))!;
		expect(answers).toBeDefined();
		// An answer edited on disk is not printed: its checksum no longer matches.
		const kept = JSON.parse(readFileSync(answers, "utf8")) as { answers: { digest: string; key: string; text: string; sum: string }[] };
		kept.answers[0].text = kept.answers[0].text.replace('"today": "2026-11-23"', '"today": "kept"');
		writeFileSync(answers, JSON.stringify(kept));
		expect(dueKeepingAnswers(vault, cache).stdout).toBe(first);
		// Proof that the answer is the kept one: a doctored answer with its checksum made again shows.
		const again = JSON.parse(readFileSync(answers, "utf8")) as typeof kept;
		const a = again.answers[0];
		a.text = a.text.replace('"today": "2026-11-23"', '"today": "kept"');
		a.sum = checksum(`${a.digest}\n${a.key}\n${a.text}`);
		writeFileSync(answers, JSON.stringify(again));
		expect(dueKeepingAnswers(vault, cache).stdout).toContain('"today": "kept"');
		// Another question (the table, another day): worked out, and the same as without any cache.
		expect(dueKeepingAnswers(vault, cache, ["--today", "2026-11-24"]).stdout).toBe(dueKeepingAnswers(vault, null, ["--today", "2026-11-24"]).stdout);
		expect(runCli(["due", vault, "--today", TODAY], { cacheDir: cache, fileClock: LATER }).stdout).toBe(runCli(["due", vault, "--today", TODAY], { cacheDir: null }).stdout);
		// Any note changed: worked out again.
		const note = join(vault, "Prospects", readdirSync(join(vault, "Prospects")).find((n) => n.endsWith(".md"))!);
		utimesSync(note, OLD, new Date(OLD.getTime() + 5000));
		expect(dueKeepingAnswers(vault, cache).stdout).toBe(first);
		// --no-cache neither reads nor keeps one.
		expect(dueKeepingAnswers(vault, cache, ["--no-cache"]).stdout).toBe(first);
	});

	it("keeps no answer while a note is too recent to vouch for", () => {
		const vault = oldVault();
		const cache = tempDir();
		const note = join(vault, "Prospects", readdirSync(join(vault, "Prospects")).find((n) => n.endsWith(".md"))!);
		utimesSync(note, new Date(LATER()), new Date(LATER()));
		dueKeepingAnswers(vault, cache);
		expect(allFiles(cache).some((f) => f.includes("answers-"))).toBe(false);
	});

	it("ignores a corrupt, truncated or foreign shard with one line on stderr, and rebuilds it", () => {
		const vault = oldVault();
		const cache = tempDir();
		const plain = due(vault, null);
		due(vault, cache);
		const file = shardFilesIn(cache)[0];
		const good = readFileSync(file, "latin1");
		for (const damaged of [good.slice(0, good.length >> 1), good.slice(0, -3), "\u0000\u0001garbage", '{"format":"another-tool/1"}\n', good.replace('"scope":"', '"scope":"x'), ""]) {
			writeFileSync(file, damaged, "latin1");
			const r = due(vault, cache);
			expect(r.stdout).toBe(plain.stdout);
			expect(r.status).toBe(0);
			expect(r.stderr).toMatch(/^touchbase: the index cache in .* was partly ignored and is rebuilt \(index-[0-9a-f]+-\d+\.json: .*\); those notes are read again\n$/);
			// Rebuilt: the next run is quiet and still right.
			expect(due(vault, cache)).toEqual(plain);
			expect(readFileSync(file, "latin1")).toBe(good);
		}
	});

	it("reads the single index file of an older Touchbase once, then keeps the shards in its place", () => {
		const vault = oldVault();
		const cache = tempDir();
		due(vault, cache);
		// The same records as one file of format 5 (a line a note, its touches after a \u0001), one doctored.
		const notes = new Map<string, CacheEntry>();
		let doctored = "";
		for (const { note } of allNotes(cache)) {
			const f = note.line.split("\t");
			let read = note.touches === null ? f[4] : `${f[4]}\u0001${note.touches}`;
			if (doctored === "" && /"company":"[^"]+"/.test(read)) {
				read = read.replace(/"company":"[^"]*"/, '"company":"From the old file"');
				doctored = notePath(note);
			}
			notes.set(notePath(note), { mtime: Number(f[1]), size: Number(f[2]), ...(f[3] === "" ? {} : { ctime: Number(f[3]) }), read, ...(f[5] === "" ? {} : { row: f[5] }) });
		}
		const first = readFileSync(shardFilesIn(cache)[0], "latin1");
		const header = JSON.parse(first.slice(0, first.indexOf("\n"))) as { key: string; scope: string };
		const old = shardFilesIn(cache)[0].replace(/-\d+\.json$/, ".json");
		for (const file of shardFilesIn(cache)) rmSync(file);
		writeFileSync(old, serializeCache(header.scope, header.key, notes));
		const r = due(vault, cache);
		expect(r.stderr).toBe("");
		expect(r.stdout).toContain("From the old file");
		expect(allFiles(cache)).not.toContain(old);
		expect(shardFilesIn(cache).length).toBeGreaterThan(1);
		// Its records went into the shards as they were, until the note changes.
		expect(due(vault, cache).stdout).toContain("From the old file");
		const full = join(vault, doctored);
		writeFileSync(full, `${readFileSync(full, "utf8")}\n`);
		utimesSync(full, OLD, new Date(OLD.getTime() + 1000));
		const plain = due(vault, null).stdout;
		expect(plain).not.toContain("From the old file");
		expect(due(vault, cache).stdout).toBe(plain);
	});

	it("still answers when the cache folder cannot be written, with one line on stderr", () => {
		const vault = oldVault();
		const parent = tempDir();
		// A file where the folder should be: no user can write under it, root included.
		const blocked = join(parent, "file");
		writeFileSync(blocked, "");
		const r = due(vault, join(blocked, "touchbase"));
		expect(r.stdout).toBe(due(vault, null).stdout);
		expect(r.status).toBe(0);
		expect(r.stderr).toMatch(/^touchbase: the index cache could not be written .*\n$/);
		if (process.getuid?.() !== 0) {
			const readOnly = join(parent, "ro");
			mkdirSync(readOnly);
			chmodSync(readOnly, 0o500);
			expect(due(vault, readOnly).stdout).toBe(due(vault, null).stdout);
		}
	});

	it("survives runs writing the same cache at once: every answer is right, and the file stays whole", async () => {
		const vault = oldVault();
		const home = tempDir();
		// The built CLI keeps a note only once its change time is older than the racy margin.
		await sleep(RACY_MARGIN_MS + 200);
		const plain = due(vault, null).stdout;
		const once = (): Promise<{ code: number | null; out: string; err: string }> =>
			new Promise((resolve) => {
				const child = spawn(process.execPath, [CLI_BUILD, "due", vault, "--today", TODAY, "--json"], { env: { ...process.env, XDG_CACHE_HOME: home } });
				let out = "";
				let err = "";
				child.stdout.on("data", (d: Buffer) => (out += d.toString()));
				child.stderr.on("data", (d: Buffer) => (err += d.toString()));
				child.on("close", (code) => resolve({ code, out, err }));
			});
		for (let round = 0; round < 2; round++) {
			const results = await Promise.all(Array.from({ length: 4 }, once));
			for (const r of results) {
				expect(r.err).toBe("");
				expect(r.code).toBe(0);
				expect(r.out).toBe(plain);
			}
			// Only the index shards and the kept answers: no temporary file is left behind, every shard whole.
			const names = readdirSync(join(home, "touchbase"));
			expect(names.filter((name) => !/^((answers|layout)-[0-9a-f]+|index-[0-9a-f]+-\d+)\.json$/.test(name))).toEqual([]);
			expect(names.filter((name) => name.startsWith("answers-"))).toHaveLength(1);
			for (const file of shardFilesIn(join(home, "touchbase"))) expect(() => readShard(file)).not.toThrow();
			// Change a note, so the next round writes again.
			const note = join(vault, "Prospects", readdirSync(join(vault, "Prospects")).find((n) => n.endsWith(".md"))!);
			writeFileSync(note, `${readFileSync(note, "utf8")}\n`);
			utimesSync(note, OLD, new Date(OLD.getTime() + (round + 1) * 1000));
		}
		expect(due(vault, join(home, "touchbase")).stdout).not.toBe("");
	});
});

describe("a damaged cache is never an error and never a wrong answer", () => {
	/** Each damaged version of `file`: flipped bytes (a spread of places), cut at a spread of lengths, emptied. */
	function damagedVersions(text: Buffer): Buffer[] {
		const out: Buffer[] = [];
		const places = 24;
		for (let i = 0; i < places; i++) {
			const at = Math.floor(((text.length - 1) * i) / (places - 1));
			const flipped = Buffer.from(text);
			flipped[at] ^= 1 << i % 8;
			out.push(flipped);
			out.push(text.subarray(0, at));
		}
		out.push(Buffer.alloc(0));
		return out;
	}

	it("byte flips, truncation and wrong-shape entries in the index file and the answers file: due exits 0 and equals --no-cache", () => {
		const vault = oldVault();
		const cache = tempDir();
		const plain = dueKeepingAnswers(vault, null).stdout;
		dueKeepingAnswers(vault, cache);
		dueKeepingAnswers(vault, cache);
		// A shard with a prospect whose touches are kept apart.
		const { file: index, shard, at } = allNotes(cache).find(({ note }) => note.touches !== null && note.line.includes('"status":"'))!;
		const answers = allFiles(cache).find((f) => f.includes("answers-"))!;
		const goodIndex = readFileSync(index);
		const goodAnswers = readFileSync(answers);
		// Wrong shapes, each with its checksums made again: a status, a date, touches, a path of another note.
		const shapes = [
			(n: ShardNote) => ({ ...n, line: n.line.replace(/"status":"[a-z]+"/, '"status":"maybe"') }),
			(n: ShardNote) => ({ ...n, line: n.line.replace(/"date":"\d{4}-\d{2}-\d{2}"/, '"date":"someday"') }),
			(n: ShardNote) => ({ ...n, touches: `{"x":${n.touches!}}` }),
			(n: ShardNote) => ({ ...n, line: n.line.replace(/"path":"[^"]+"/, '"path":"Prospects/Other.md"') }),
		].map((edit) => {
			const copy = { ...shard, notes: [...shard.notes] };
			copy.notes[at] = edit(shard.notes[at]);
			expect(copy.notes[at]).not.toEqual(shard.notes[at]);
			writeShard(index, copy);
			return readFileSync(index);
		});
		writeFileSync(index, goodIndex);
		let runs = 0;
		// The index is tested without kept answers (else the answer is printed without it).
		for (const [file, good, versions, run] of [
			[index, goodIndex, [...damagedVersions(goodIndex), ...shapes], due],
			[answers, goodAnswers, damagedVersions(goodAnswers), dueKeepingAnswers],
		] as const) {
			for (const damaged of versions) {
				writeFileSync(file, damaged);
				const r = run(vault, cache);
				expect(r.status).toBe(0);
				expect(r.stdout).toBe(plain);
				runs++;
				writeFileSync(file, good);
			}
		}
		expect(runs).toBeGreaterThan(90);
	}, 120_000);

	it("removes temporary files a killed run left, and forgets vaults unused for 30 days", () => {
		const vault = oldVault();
		const cache = tempDir();
		due(vault, cache);
		const index = shardFilesIn(cache)[0];
		// Killed runs' temporary files (their process is gone): a shard's and an answers file's; and
		// another vault's files, 31 days old (a shard and the single file of an older Touchbase).
		const leftover = tempNameFor(index).replace(/-\d+-([0-9a-z]+)\.tmp$/, "-999999-$1.tmp");
		writeFileSync(leftover, "half");
		const answers = allFiles(cache).find((f) => f.includes("answers-"));
		const oldLeftover = `${answers ?? join(cache, "answers-0123456789abcdef01234567.json")}.999999.abc123.tmp`;
		writeFileSync(oldLeftover, "half");
		const month = new Date(Date.now() - 31 * 24 * 60 * 60 * 1000);
		const stale = ["index-0123456789abcdef01234567.json", "index-0123456789abcdef01234567-3.json", "answers-0123456789abcdef01234567.json"].map((name) => join(cache, name));
		for (const file of stale) {
			writeFileSync(file, "old");
			utimesSync(file, month, month);
		}
		// This vault's own shard, unused 29 days: kept, and marked as used again.
		const recent = new Date(Date.now() - 29 * 24 * 60 * 60 * 1000);
		utimesSync(index, recent, recent);
		due(vault, cache);
		expect(allFiles(cache)).toContain(index);
		expect(allFiles(cache)).not.toContain(leftover);
		expect(allFiles(cache)).not.toContain(oldLeftover);
		for (const file of stale) expect(allFiles(cache)).not.toContain(file);
		expect(statSync(index).mtimeMs).toBeGreaterThan(recent.getTime() + 24 * 60 * 60 * 1000);
	});
});
