// A note is its old bytes or its new bytes, whatever happens to the run that changes it
// (docs/reliability.md): the built CLI killed at every write, flush, rename, link and removal,
// a full disk, twenty runs at once, an import killed at random.
import { spawn } from "node:child_process";
import { chmodSync, chownSync, existsSync, lstatSync, readdirSync, readFileSync, rmSync, statSync, symlinkSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { setTimeout as sleep } from "node:timers/promises";
import { describe, expect, it } from "vitest";
import { CLI_BUILD, copyVault, EXAMPLE_VAULT, runCli, tempDir } from "../helpers/cli";
import { countCalls, KILL_POINTS, runFailingAt, runKilledAt, runPlain, sample, straceWorks } from "../helpers/faults";

const TODAY = ["--today", "2026-11-23"];
const HAS_STRACE = straceWorks();

/** Dot-files Touchbase makes beside notes (temporary files, locks, the import journal). */
function touchbaseFiles(dir: string): string[] {
	const out: string[] = [];
	const walk = (d: string): void => {
		for (const name of readdirSync(d)) {
			const full = join(d, name);
			if (statSync(full).isDirectory()) {
				if (name !== ".obsidian") walk(full);
			} else if (/touchbase|\.tb-import/.test(name) && name.startsWith(".")) out.push(full);
		}
	};
	walk(dir);
	return out;
}

/**
 * Kills `args` at every call of each kill point (a sample when there are many), restoring the
 * note before each run; every time, the note must be its old or its new bytes. Returns how many
 * runs left each.
 */
function killEverywhere(note: string, args: string[]): { old: number; new: number; runs: number } {
	const old = readFileSync(note);
	const { counts } = countCalls(args);
	const changed = readFileSync(note);
	expect(changed.equals(old)).toBe(false);
	const seen = { old: 0, new: 0, runs: 0 };
	for (const call of KILL_POINTS) {
		for (const n of sample(counts[call], 8)) {
			writeFileSync(note, old);
			runKilledAt(args, call, n);
			const now = readFileSync(note);
			const which = now.equals(old) ? "old" : now.equals(changed) ? "new" : null;
			if (which === null) throw new Error(`killed at ${call} #${n}: the note is ${now.length} bytes, neither its old ${old.length} nor its new ${changed.length}`);
			seen[which]++;
			seen.runs++;
		}
	}
	return seen;
}

describe.skipIf(!HAS_STRACE)("killed at any moment, a note is its old or its new bytes", () => {
	it("log, on the example note and on a 3 MB note; the next run clears what the killed ones left", () => {
		const vault = copyVault(EXAMPLE_VAULT);
		const note = join(vault, "Prospects", "Harbor Roofing.md");
		const args = ["log", note, "--channel", "call", "--summary", "asked for the quote", "--date", "2026-11-23", ...TODAY];
		const small = killEverywhere(note, args);
		// Both outcomes happen: the kills land before and after the rename.
		expect(small.old).toBeGreaterThan(0);
		expect(small.new).toBeGreaterThan(0);
		const big = join(vault, "Prospects", "Big.md");
		writeFileSync(big, `---\nstatus: active\n---\n## Follow-ups\n- [ ] 2026-11-20 call: check in\n\n## Notes\n${"Lorem ipsum dolor sit amet, consectetur adipiscing elit.\n".repeat(52_000)}`);
		const large = killEverywhere(big, ["log", big, "--channel", "email", "--summary", "sent", "--date", "2026-11-23", ...TODAY]);
		expect(large.old + large.new).toBe(large.runs);
		// Killed runs leave temporary files and locks; the next run removes them.
		expect(runPlain(["log", note, "--channel", "call", "--summary", "again", ...TODAY]).status).toBe(0);
		expect(runPlain(["due", vault, ...TODAY]).status).toBe(0);
		expect(touchbaseFiles(vault)).toEqual([]);
	}, 120_000);

	it.each([
		["status", ["won"]],
		["snooze", ["--to", "2026-11-30"]],
	])("%s", (command, rest) => {
		const vault = copyVault(EXAMPLE_VAULT);
		const note = join(vault, "Prospects", "Harbor Roofing.md");
		const seen = killEverywhere(note, [command, note, ...rest, ...TODAY]);
		expect(seen.old).toBeGreaterThan(0);
		expect(seen.new).toBeGreaterThan(0);
		expect(runPlain(["due", vault, ...TODAY]).status).toBe(0);
		expect(touchbaseFiles(vault)).toEqual([]);
	}, 120_000);

	it("import, killed at every write, flush, rename, link and removal: the next due finds all of its notes or none", () => {
		const vault = copyVault(EXAMPLE_VAULT);
		const csv = join(vault, "..", `leads-${process.pid}.csv`);
		writeFileSync(csv, "Name,Company,Email\nAda One,A Co,ada@a.example\nBo Two,B Co,bo@b.example\nCy Three,C Co,cy@c.example\nDee Four,D Co,dee@d.example\n");
		const args = ["import", vault, csv, ...TODAY];
		const made = ["Ada One", "Bo Two", "Cy Three", "Dee Four"].map((n) => join(vault, "Prospects", `${n}.md`));
		const { counts } = countCalls(args);
		const texts = made.map((f) => readFileSync(f, "utf8"));
		const reset = (): void => made.forEach((f) => rmSync(f, { force: true }));
		const outcomes = { none: 0, all: 0, finished: 0, rolledBack: 0 };
		try {
			for (const call of KILL_POINTS) {
				for (const n of sample(counts[call], 10)) {
					reset();
					runKilledAt(args, call, n);
					const due = runPlain(["due", vault, "--json", ...TODAY]);
					expect(due.status).toBe(0);
					if (due.stderr.includes("was finished")) outcomes.finished++;
					if (due.stderr.includes("rolled back")) outcomes.rolledBack++;
					const there = made.filter((f) => existsSync(f));
					if (there.length !== 0 && there.length !== made.length) throw new Error(`killed at ${call} #${n}: ${there.length} of ${made.length} notes`);
					if (there.length > 0) expect(made.map((f) => readFileSync(f, "utf8"))).toEqual(texts);
					outcomes[there.length === 0 ? "none" : "all"]++;
					expect(touchbaseFiles(vault)).toEqual([]);
					const paths = (JSON.parse(due.stdout) as { prospects: { path: string }[] }).prospects.map((p) => p.path);
					expect(paths.filter((p) => /Ada One|Bo Two|Cy Three|Dee Four/.test(p))).toHaveLength(there.length);
				}
			}
		} finally {
			rmSync(csv, { force: true });
		}
		expect(outcomes.none).toBeGreaterThan(0);
		expect(outcomes.all).toBeGreaterThan(0);
		expect(outcomes.rolledBack).toBeGreaterThan(0);
		expect(outcomes.finished).toBeGreaterThan(0);
	}, 120_000);
});

describe.skipIf(!HAS_STRACE)("a full disk leaves the note untouched", () => {
	/** The `when` of the main thread's first write to a Touchbase temporary file. */
	function firstTempWrite(args: string[], restore: () => void, pattern = /\.md\.touchbase-[0-9a-f]{8}-\d+-[0-9a-z]+\.tmp$/): number {
		const { writes } = countCalls(args);
		restore();
		const at = writes.findIndex((w) => pattern.test(w));
		expect(at).toBeGreaterThanOrEqual(0);
		return at + 1;
	}

	it("log, status and snooze say the note was not changed, and it is not", () => {
		const vault = copyVault(EXAMPLE_VAULT);
		const note = join(vault, "Prospects", "Harbor Roofing.md");
		const old = readFileSync(note);
		for (const args of [
			["log", note, "--channel", "call", "--summary", "asked for the quote", ...TODAY],
			["status", note, "lost", ...TODAY],
			["snooze", note, "--to", "2026-11-30", ...TODAY],
		]) {
			const n = firstTempWrite(args, () => writeFileSync(note, old));
			const r = runFailingAt(args, "write", n, "ENOSPC");
			expect(r.status).toBe(1);
			expect(r.stderr).toBe(`touchbase: ${note} was not changed: it could not be written (ENOSPC: the disk is full); the note is as it was\n`);
			expect(readFileSync(note).equals(old)).toBe(true);
			expect(touchbaseFiles(vault)).toEqual([]);
		}
	}, 60_000);

	it("import writes nothing and says so", () => {
		const vault = copyVault(EXAMPLE_VAULT);
		const csv = join(tempDir(), "leads.csv");
		writeFileSync(csv, "Name,Email\nAda One,ada@a.example\nBo Two,bo@b.example\n");
		const args = ["import", vault, csv, ...TODAY];
		const before = readdirSync(join(vault, "Prospects")).sort();
		const n = firstTempWrite(args, () => ["Ada One", "Bo Two"].forEach((m) => rmSync(join(vault, "Prospects", `${m}.md`))), /\.tb-import-\d+-1\.tmp$/);
		const r = runFailingAt(args, "write", n, "ENOSPC");
		expect(r.status).toBe(1);
		expect(r.stderr).toBe("touchbase: nothing was imported: Prospects/Bo Two.md could not be written (ENOSPC)\n");
		expect(readdirSync(join(vault, "Prospects")).sort()).toEqual(before);
	});
});

describe("a write replaces the note, as the note was", () => {
	it("keeps its mode (and its owner, when root writes), and replaces the note a link points to, not the link", () => {
		const vault = copyVault(EXAMPLE_VAULT);
		const note = join(vault, "Prospects", "Harbor Roofing.md");
		chmodSync(note, 0o640);
		const root = process.getuid?.() === 0;
		if (root) chownSync(note, 65534, 65534);
		expect(runCli(["log", note, "--channel", "call", "--summary", "kept", ...TODAY]).status).toBe(0);
		const st = statSync(note);
		expect(st.mode & 0o777).toBe(0o640);
		if (root) expect([st.uid, st.gid]).toEqual([65534, 65534]);
		const link = join(vault, "Prospects", "Link.md");
		symlinkSync(note, link);
		expect(runCli(["status", link, "won", ...TODAY]).status).toBe(0);
		expect(lstatSync(link).isSymbolicLink()).toBe(true);
		expect(readFileSync(note, "utf8")).toContain("status: won");
		expect(touchbaseFiles(vault)).toEqual([]);
	});
});

/** Runs the built CLI without waiting; resolves with its exit status. */
function spawnCli(args: string[]): Promise<number | null> {
	return new Promise((resolve) => {
		const child = spawn(process.execPath, [CLI_BUILD, ...args], { stdio: "ignore", env: { ...process.env, XDG_CACHE_HOME: tempDir() } });
		child.on("close", (code) => resolve(code));
	});
}

describe("no lost update", () => {
	it("twenty log runs at once on one note leave twenty lines", async () => {
		const vault = copyVault(EXAMPLE_VAULT);
		const note = join(vault, "Prospects", "Harbor Roofing.md");
		const runs = Array.from({ length: 20 }, (_, i) => spawnCli(["log", note, "--channel", "call", "--summary", `parallel run ${i}`, ...TODAY]));
		const codes = await Promise.all(runs);
		expect(codes).toEqual(Array(20).fill(0));
		const text = readFileSync(note, "utf8");
		for (let i = 0; i < 20; i++) expect(text).toContain(`call: parallel run ${i}\n`);
		expect(touchbaseFiles(vault)).toEqual([]);
	}, 60_000);
});

describe("an import killed at random", () => {
	it("then one due: none or all of 400 leads, never an empty note", async () => {
		const rows = Array.from({ length: 400 }, (_, i) => `Lead ${String(i).padStart(4, "0")},Co ${i},lead${i}@x.example`);
		const csv = join(tempDir(), "leads.csv");
		writeFileSync(csv, `Name,Company,Email\n${rows.join("\n")}\n`);
		// How long a whole import takes here: the kills are spread over it.
		const probe = copyVault(EXAMPLE_VAULT);
		const started = Date.now();
		expect(await spawnCli(["import", probe, csv, ...TODAY])).toBe(0);
		const whole = Date.now() - started;
		const counts: number[] = [];
		const journal = (vault: string): string => {
			try {
				return readFileSync(join(vault, ".touchbase-import.json"), "utf8");
			} catch {
				return "";
			}
		};
		// A fixed set of moments (no seedless randomness): shares of a whole run, and the moment the
		// journal says the notes are being put in place (the final step), at once and 5 ms later.
		for (const moment of [0.2, 0.5, 0.8, "commit", "commit+5"] as const) {
			const vault = copyVault(EXAMPLE_VAULT);
			const child = spawn(process.execPath, [CLI_BUILD, "import", vault, csv, ...TODAY], { stdio: "ignore", env: { ...process.env, XDG_CACHE_HOME: tempDir() } });
			let exited = false;
			const closed = new Promise((resolve) => child.on("close", resolve)).then(() => (exited = true));
			if (typeof moment === "number") await sleep(Math.round(whole * moment));
			else {
				while (!exited && !journal(vault).includes('"committing"')) await sleep(1);
				if (moment === "commit+5") await sleep(5);
			}
			child.kill("SIGKILL");
			await closed;
			const due = runPlain(["due", vault, "--json", ...TODAY]);
			expect(due.status).toBe(0);
			const imported = readdirSync(join(vault, "Prospects")).filter((n) => n.startsWith("Lead "));
			expect([0, 400]).toContain(imported.length);
			for (const name of imported) expect(statSync(join(vault, "Prospects", name)).size).toBeGreaterThan(0);
			expect(touchbaseFiles(vault)).toEqual([]);
			const paths = (JSON.parse(due.stdout) as { prospects: { path: string }[] }).prospects.filter((p) => p.path.startsWith("Prospects/Lead "));
			expect(paths).toHaveLength(imported.length);
			counts.push(imported.length);
			// Killed in its final step, an import is finished by the next run.
			if (typeof moment !== "number") expect(imported).toHaveLength(400);
		}
		// The kills landed before the final step too (a run takes far longer than 20 % of itself to get there).
		expect(counts).toContain(0);
	}, 120_000);
});
