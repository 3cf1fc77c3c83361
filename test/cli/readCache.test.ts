import { spawn } from "node:child_process";
import { chmodSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, utimesSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { defaultCacheDir } from "../../src/cli/readCacheFile";
import { checksum, RACY_MARGIN_MS } from "../../src/core/index/readCache";
import { resignLine, TOUCHES_START } from "../helpers/indexLines";
import { setTimeout as sleep } from "node:timers/promises";
import { defaultThreadCount, REWRITE_MIN_CHANGES } from "../../src/cli/readVault";
import { CLI_BUILD, copyVault, EXAMPLE_VAULT, runCli, tempDir } from "../helpers/cli";

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

/** A note's line of the index file with its checksums made again, as if Touchbase had written it. */
const resign = resignLine;

/** `due --json`, from the index: a kept answer (tested on its own below) is removed first. */
function due(vault: string, cacheDir: string | null, extra: string[] = []): { status: number | null; stdout: string; stderr: string } {
	if (cacheDir !== null) for (const file of allFiles(cacheDir)) if (file.includes("answers-")) rmSync(file);
	return dueKeepingAnswers(vault, cacheDir, extra);
}

function dueKeepingAnswers(vault: string, cacheDir: string | null, extra: string[] = []): { status: number | null; stdout: string; stderr: string } {
	return runCli(["due", vault, "--today", TODAY, "--json", ...extra], { cacheDir, fileClock: LATER });
}

/** The index files in the cache folder (beside them: the kept answers, `answers-….json`). */
function cacheFiles(dir: string): string[] {
	return allFiles(dir).filter((file) => !file.includes("answers-"));
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

	it("gives the same answer cold, warm and without it, and writes one file outside the vault", () => {
		const vault = oldVault();
		const cache = tempDir();
		const plain = due(vault, null);
		const cold = due(vault, cache);
		const warm = due(vault, cache);
		expect(cold).toEqual(plain);
		expect(warm).toEqual(plain);
		expect(plain.stderr).toBe("");
		expect(cacheFiles(cache)).toHaveLength(1);
		expect(readdirSync(vault).some((name) => /cache|index/i.test(name))).toBe(false);
		// --no-cache reads every note and neither reads nor writes the file.
		const before = readFileSync(cacheFiles(cache)[0], "utf8");
		expect(due(vault, cache, ["--no-cache"])).toEqual(plain);
		expect(readFileSync(cacheFiles(cache)[0], "utf8")).toBe(before);
	});

	it("answers from the cache for a note whose stamp did not change, and reads a changed one", () => {
		const vault = oldVault();
		const cache = tempDir();
		due(vault, cache);
		// Proof that unchanged notes come from the cache: a doctored entry shows in the answer.
		const file = cacheFiles(cache)[0];
		const lines = readFileSync(file, "utf8").split("\n");
		const at = lines.findIndex((line) => /"company":"[^"]+"/.test(line));
		const path = JSON.parse(lines[at].slice(0, lines[at].indexOf("\t"))) as string;
		const original = lines[at];
		// Edited without its checksum: not trusted, the note is read again (and the file healed).
		lines[at] = original.replace(/"company":"[^"]*"/, '"company":"From the cache"');
		writeFileSync(file, lines.join("\n"));
		const unsigned = due(vault, cache);
		expect(unsigned.stdout).not.toContain("From the cache");
		expect(unsigned.stderr).toMatch(/had 1 damaged entry, left out: its note is read again\n$/);
		expect(due(vault, cache).stderr).toBe("");
		lines[at] = resign(lines[at]);
		writeFileSync(file, lines.join("\n"));
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
		const file = cacheFiles(cache)[0];
		const lines = readFileSync(file, "utf8").split("\n");
		const withRow = lines.filter((line) => line.startsWith('"') && line.split("\t")[5] !== "");
		expect(withRow.length).toBeGreaterThan(3);
		for (const line of withRow) expect(line.split("\t")[5].startsWith(`["${TODAY}",`)).toBe(true);
		// Proof that a run of that day takes the rows: a doctored one (with its checksum) shows; another day's run does not take it.
		const at = lines.findIndex((line) => line.includes('"bucket":"'));
		const path = JSON.parse(lines[at].slice(0, lines[at].indexOf("\t"))) as string;
		const doctored = [...lines];
		doctored[at] = resign(lines[at].replace(/"bucket":"[a-z-]+"/, '"bucket":"closed"'));
		writeFileSync(file, doctored.join("\n"));
		const shown = JSON.parse(due(vault, cache).stdout) as { prospects: { path: string; bucket: string }[] };
		expect(shown.prospects.find((p) => p.path === path)?.bucket).toBe("closed");
		const later = ["due", vault, "--today", "2026-11-30", "--json"];
		expect(runCli(later, { cacheDir: cache, fileClock: LATER }).stdout).toBe(runCli([...later, "--no-cache"], { fileClock: LATER }).stdout);
		// Touches of the wrong shape, with the line's checksum made again: `due` never reads them;
		// `stats` does, finds them damaged and reads the note again.
		const broken = [...lines];
		const touched = lines.findIndex((line) => line.split("\t")[5] !== "" && line.search(TOUCHES_START) >= 0 && line[line.search(TOUCHES_START) + 10] === "[");
		broken[touched] = resign(lines[touched].replace(TOUCHES_START, '\u0001$1[{"x":1},'));
		expect(broken[touched]).not.toBe(lines[touched]);
		writeFileSync(file, broken.join("\n"));
		expect(due(vault, cache).stdout).toBe(plain);
		expect(runCli(["stats", vault, "--today", TODAY], { cacheDir: cache, fileClock: LATER }).stdout).toBe(plainStats);
	});

	it("after a few edits, answers without writing the whole file again; past REWRITE_MIN_CHANGES, writes it", () => {
		const vault = oldVault();
		const cache = tempDir();
		const cold = due(vault, cache);
		const file = cacheFiles(cache)[0];
		const written = readFileSync(file, "utf8");
		const notes = written.split("\n").slice(1, -2).map((line) => JSON.parse(line.slice(0, line.indexOf("\t"))) as string);
		const touch = (path: string, n: number): void => {
			const full = join(vault, path);
			writeFileSync(full, `${readFileSync(full, "utf8")}\n`);
			utimesSync(full, OLD, new Date(OLD.getTime() + 1000 * n));
		};
		touch(notes[0], 1);
		const edited = due(vault, cache, ["--no-cache"]).stdout;
		expect(due(vault, cache).stdout).toBe(edited);
		expect(readFileSync(file, "utf8")).toBe(written);
		expect(edited).toBe(cold.stdout);
		expect(notes.length).toBeGreaterThan(REWRITE_MIN_CHANGES);
		for (let i = 1; i < REWRITE_MIN_CHANGES; i++) touch(notes[i], 1);
		expect(due(vault, cache).stdout).toBe(cold.stdout);
		expect(readFileSync(file, "utf8")).not.toBe(written);
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

	it("ignores a corrupt, truncated or foreign file with one line on stderr, and rebuilds it", () => {
		const vault = oldVault();
		const cache = tempDir();
		const plain = due(vault, null);
		due(vault, cache);
		const file = cacheFiles(cache)[0];
		const good = readFileSync(file, "utf8");
		for (const damaged of [good.slice(0, good.length >> 1), good.slice(0, -3), "\u0000\u0001garbage", '{"format":"another-tool/1"}\n', good.replace('"scope":"', '"scope":"x'), ""]) {
			writeFileSync(file, damaged);
			const r = due(vault, cache);
			expect(r.stdout).toBe(plain.stdout);
			expect(r.status).toBe(0);
			expect(r.stderr).toMatch(/^touchbase: the index cache .* was ignored and is rebuilt: .*\n$/);
			// Rebuilt: the next run is quiet and still right.
			expect(due(vault, cache)).toEqual(plain);
		}
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
			// Only the index and the kept answers: no temporary file is left behind.
			expect(readdirSync(join(home, "touchbase")).sort().map((name) => name.replace(/-[0-9a-f]+\.json$/, ""))).toEqual(["answers", "index"]);
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
		const index = cacheFiles(cache)[0];
		const answers = allFiles(cache).find((f) => f.includes("answers-"))!;
		const goodIndex = readFileSync(index);
		const goodAnswers = readFileSync(answers);
		// Wrong shapes, each with its checksum made again: a status, a date, touches, a path of another note.
		const lines = goodIndex.toString("utf8").split("\n");
		// A prospect's touches follow the rest of its record, after a \u0001 (docs/performance.md, "Restart").
		const at = lines.findIndex((l) => TOUCHES_START.test(l) && l.includes('"status":"'));
		const shapes = [
			(l: string) => l.replace(/"status":"[a-z]+"/, '"status":"maybe"'),
			(l: string) => l.replace(/"date":"\d{4}-\d{2}-\d{2}"/, '"date":"someday"'),
			(l: string) => l.replace(TOUCHES_START, '\u0001$1{"x":['),
			(l: string) => l.replace(/"path":"[^"]+"/, '"path":"Prospects/Other.md"'),
		].map((edit) => {
			const copy = [...lines];
			copy[at] = resign(edit(lines[at]));
			expect(copy[at]).not.toBe(lines[at]);
			return Buffer.from(copy.join("\n"));
		});
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
		const index = cacheFiles(cache)[0];
		// A killed run's temporary file (its process is gone), and another vault's files, 31 days old.
		const leftover = `${index}.999999.abc123.tmp`;
		writeFileSync(leftover, "half");
		const stale = join(cache, "index-0123456789abcdef01234567.json");
		writeFileSync(stale, "old");
		const staleAnswers = join(cache, "answers-0123456789abcdef01234567.json");
		writeFileSync(staleAnswers, "old");
		const month = new Date(Date.now() - 31 * 24 * 60 * 60 * 1000);
		utimesSync(stale, month, month);
		utimesSync(staleAnswers, month, month);
		// This vault's own file, unused 29 days: kept, and marked as used again.
		const recent = new Date(Date.now() - 29 * 24 * 60 * 60 * 1000);
		utimesSync(index, recent, recent);
		due(vault, cache);
		expect(allFiles(cache)).toContain(index);
		expect(allFiles(cache)).not.toContain(leftover);
		expect(allFiles(cache)).not.toContain(stale);
		expect(allFiles(cache)).not.toContain(staleAnswers);
		expect(statSync(index).mtimeMs).toBeGreaterThan(recent.getTime() + 24 * 60 * 60 * 1000);
	});
});
