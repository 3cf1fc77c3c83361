import { spawnSync } from "node:child_process";
import { chmodSync, copyFileSync, lstatSync, mkdirSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { CLI_BUILD, copyVault, EXAMPLE_VAULT, runCli, tempDir, type CliResult, type DueJsonOut } from "../helpers/cli";

/** Every file under `dir` with its bytes (links not followed), to prove a command wrote nothing it should not. */
function snapshot(dir: string): Map<string, string> {
	const out = new Map<string, string>();
	const walk = (d: string): void => {
		for (const name of readdirSync(d)) {
			const full = join(d, name);
			const st = lstatSync(full);
			if (st.isSymbolicLink()) out.set(full, "link");
			else if (st.isDirectory()) walk(full);
			// Root could read a mode-000 file anyway; its size and mode stand for its bytes.
			else out.set(full, (st.mode & 0o444) === 0 ? `mode ${st.mode & 0o777}, ${st.size} bytes, ${st.mtimeMs}` : readFileSync(full).toString("base64"));
		}
	};
	walk(dir);
	return out;
}

/**
 * Runs the CLI as an ordinary user when the tests run as root (root reads any file, so an
 * unreadable note could not be made otherwise).
 */
function asUser(args: string[]): CliResult {
	const root = process.getuid?.() === 0;
	// The checkout may sit in a folder only root can enter: run a copy of the CLI from a readable one.
	const bin = tempDir();
	chmodSync(bin, 0o755);
	copyFileSync(CLI_BUILD, join(bin, "cli.js"));
	chmodSync(join(bin, "cli.js"), 0o644);
	// The persisted index goes to a folder of this test that the user can write, not ~/.cache.
	const cacheHome = join(bin, "cache");
	mkdirSync(cacheHome);
	chmodSync(cacheHome, 0o777);
	const env = { ...process.env, XDG_CACHE_HOME: cacheHome };
	const r = spawnSync(process.execPath, [join(bin, "cli.js"), ...args], { encoding: "utf8", timeout: 60_000, env, ...(root ? { uid: 65534, gid: 65534 } : {}) });
	return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe("the CLI walks hostile vaults without hanging or crashing", () => {
	it("follows symlinks once, survives loops, broken links, unreadable notes, non-UTF-8 notes (problems) and deep folders", () => {
		const vault = tempDir();
		chmodSync(vault, 0o755);
		mkdirSync(join(vault, "Prospects"));
		writeFileSync(join(vault, "Prospects", "Good.md"), "- [ ] 2026-11-20 call: ok\n");
		// A loop: a folder that links to its parent, and one that links to the vault.
		symlinkSync("..", join(vault, "Prospects", "loop"));
		symlinkSync(vault, join(vault, "Prospects", "vault-again"));
		// A link to nowhere, with a note's name.
		symlinkSync(join(vault, "nowhere.md"), join(vault, "Prospects", "Dangling.md"));
		// A note nobody may read.
		writeFileSync(join(vault, "Prospects", "Locked.md"), "- [ ] 2026-11-20 call: secret\n");
		chmodSync(join(vault, "Prospects", "Locked.md"), 0o000);
		// Bytes that are not UTF-8.
		writeFileSync(join(vault, "Prospects", "Latin1.md"), Buffer.concat([Buffer.from("- [ ] 2026-11-21 call: caf"), Buffer.from([0xe9, 0xff, 0xfe]), Buffer.from("\n")]));
		// A folder 150 levels deep.
		let deep = join(vault, "Prospects");
		for (let i = 0; i < 150; i++) deep = join(deep, `d${i}`);
		mkdirSync(deep, { recursive: true });
		writeFileSync(join(deep, "Deep.md"), "- [ ] 2026-11-22 call: deep\n");
		// A folder whose name ends in .md.
		mkdirSync(join(vault, "Prospects", "Folder.md"));
		// Everything readable by the user the CLI runs as, but the locked note.
		spawnSync("chmod", ["-R", "a+rX", join(vault, "Prospects", "Good.md"), join(vault, "Prospects", "Latin1.md"), join(vault, "Prospects", "d0")]);

		const before = snapshot(vault);
		const r = asUser(["due", vault, "--today", "2026-11-23", "--json"]);
		expect(r.stderr).toBe("");
		expect(r.status).toBe(0);
		const json = JSON.parse(r.stdout) as DueJsonOut;
		const names = json.prospects.map((p) => p.name).sort();
		// A note that is not UTF-8 text is a problem, never a prospect (README, "Problems").
		expect(names).toEqual(["Deep", "Good"]);
		const problems = json.problems.map((p) => p.path).sort();
		expect(json.problems.find((p) => p.path === "Prospects/Latin1.md")).toMatchObject({ line: 1, message: expect.stringMatching(/^not UTF-8 text/) as string });
		expect(problems).toContain("Prospects/Dangling.md");
		expect(problems).toContain("Prospects/Locked.md");
		expect(json.problems.find((p) => p.path === "Prospects/Locked.md")?.message).toMatch(/cannot be read/);
		expect(json.counts.problems).toBe(json.problems.length);
		expect(snapshot(vault)).toEqual(before);
	});

	it("writes nothing with due, stats and ics", () => {
		const vault = copyVault(EXAMPLE_VAULT);
		const before = snapshot(vault);
		for (const args of [["due", vault], ["due", vault, "--json"], ["stats", vault], ["ics", vault]]) {
			expect(runCli([...args, "--today", "2026-11-23"]).status).toBe(0);
		}
		expect(snapshot(vault)).toEqual(before);
	});

	it("log writes the note it was given and nothing else", () => {
		const vault = copyVault(EXAMPLE_VAULT);
		const note = join(vault, "Prospects", "Harbor Roofing.md");
		const before = snapshot(vault);
		expect(runCli(["log", note, "--channel", "call", "--summary", "hi", "--today", "2026-11-23"]).status).toBe(0);
		const after = snapshot(vault);
		const changed = [...after.keys()].filter((k) => after.get(k) !== before.get(k));
		expect(changed).toEqual([note]);
		expect([...after.keys()].sort()).toEqual([...before.keys()].sort());
	});

	it("a FIFO, a link to /dev/zero and a 50 MB note: due and import finish at once, in bounded memory, each listed under problems", () => {
		const vault = copyVault(EXAMPLE_VAULT);
		const prospects = join(vault, "Prospects");
		expect(spawnSync("mkfifo", [join(prospects, "Pipe.md")]).status).toBe(0);
		symlinkSync("/dev/zero", join(prospects, "Zero.md"));
		writeFileSync(join(prospects, "Huge.md"), `---\nstatus: active\n---\n${"- [ ] 2026-11-20 call: x\n".repeat(2_100_000)}`);
		// The largest memory the process held, written when it exits.
		const bin = tempDir();
		const rssOut = join(bin, "rss");
		writeFileSync(join(bin, "rss.js"), 'process.on("exit", () => require("fs").writeFileSync(process.env.RSS_OUT, String(process.resourceUsage().maxRSS)));\n');
		const env = { ...process.env, RSS_OUT: rssOut, XDG_CACHE_HOME: join(bin, "cache") };
		const run = (args: string[]): { status: number | null; stdout: string; rssKb: number } => {
			// A hang would meet the time-out (the FIFO has no writer; /dev/zero never ends).
			const r = spawnSync(process.execPath, ["--require", join(bin, "rss.js"), CLI_BUILD, ...args], { encoding: "utf8", env, timeout: 15_000 });
			return { status: r.status, stdout: r.stdout, rssKb: Number(readFileSync(rssOut, "utf8")) };
		};
		const due = run(["due", vault, "--json", "--today", "2026-11-23"]);
		expect(due.status).toBe(0);
		const problems = (JSON.parse(due.stdout) as DueJsonOut).problems;
		expect(problems.filter((p) => /Pipe|Zero|Huge/.test(p.path)).sort((a, b) => (a.path < b.path ? -1 : 1))).toEqual([
			{ path: "Prospects/Huge.md", line: null, message: "is larger than 10 MB (50.1 MB): not read (the limit is the maxNoteMB setting)" },
			{ path: "Prospects/Pipe.md", line: null, message: "is not a regular file (a named pipe): not read" },
			{ path: "Prospects/Zero.md", line: null, message: "is not a regular file (a device): not read" },
		]);
		// Node itself takes about 60 MB here; reading the 50 MB note would add at least 100 MB.
		expect(due.rssKb).toBeLessThan(120_000);
		const csv = join(bin, "one.csv");
		writeFileSync(csv, "Name\nZed\n");
		const imported = run(["import", vault, csv, "--dry-run", "--today", "2026-11-23"]);
		expect(imported.status).toBe(0);
		expect(imported.stdout).toContain("+ Prospects/Zed.md");
		expect(imported.rssKb).toBeLessThan(120_000);
	});
});
