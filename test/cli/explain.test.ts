import { mkdirSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { copyVault, dueJson, EXAMPLE_VAULT, FIXTURES, runCli, tempDir } from "../helpers/cli";

const REAL = join(FIXTURES, "real", "vault");

describe("touchbase explain", () => {
	it("lists the dates taken from a real note, an interaction note's among them, and those not used", () => {
		const r = runCli(["explain", join(REAL, "Prospects", "Person - Sarah Chen.md"), "--today", "2026-11-28"]);
		expect(r.stderr).toBe("");
		expect(r.status).toBe(0);
		expect(r.stdout).toContain("Status: active, overdue; 4 touches.");
		expect(r.stdout).toContain("2026-02-04  table row, line 58 → done touch (meeting): Caught up");
		expect(r.stdout).toContain("2026-01-10  interaction note Interactions/Meeting - 2026-01-10 Sprint Planning.md → done touch (meeting)");
		expect(r.stdout).toContain("2026-02-04  frontmatter key last_contact (line 17) → the same day as line 58: counted once");
		expect(r.stdout).toContain("met_date: 2025-12-01  (not a contact or next-step key)");
	});

	it("says why a note is not a prospect: a template (the folder Obsidian's Templates setting names), or outside the prospect folders", () => {
		const vault = copyVault(REAL);
		mkdirSync(join(vault, ".obsidian", "plugins", "touchbase"), { recursive: true });
		writeFileSync(join(vault, ".obsidian", "plugins", "touchbase", "data.json"), JSON.stringify({ templateFolders: ["Nothing"] }));
		writeFileSync(join(vault, ".obsidian", "templates.json"), JSON.stringify({ folder: "Templates" }));
		const template = runCli(["explain", join(vault, "Templates", "People.md"), "--today", "2026-11-28"]);
		expect(template.status).toBe(1);
		expect(template.stdout).toMatch(/Templates\/People\.md: it is a template/);
		const other = runCli(["explain", join(vault, "Notes", "Todos.md"), "--today", "2026-11-28"]);
		expect(other.stdout).toMatch(/it is not a prospect note/);
	});

	it("says the same from a warm index: the note is read whole, not taken from the compact record", () => {
		const vault = copyVault(REAL);
		const cacheDir = tempDir();
		const later = (): number => Date.now() + 60_000;
		const note = join(vault, "Prospects", "Person - Sarah Chen.md");
		const cold = runCli(["explain", note, "--today", "2026-11-28", "--no-cache"]);
		expect(runCli(["due", vault, "--today", "2026-11-28"], { cacheDir, fileClock: later }).status).toBe(0);
		const index = readdirSync(cacheDir).filter((n) => n.startsWith("index-")).map((n) => readFileSync(join(cacheDir, n), "utf8")).join("");
		// Records of that day, without the words of settled touches.
		expect(index).toContain("\t@2026-11-28{");
		const warm = runCli(["explain", note, "--today", "2026-11-28"], { cacheDir, fileClock: later });
		expect(warm.stderr).toBe("");
		expect(warm.stdout).toBe(cold.stdout);
		expect(warm.stdout).toContain("2026-02-04  table row, line 58 → done touch (meeting): Caught up");
	});

	it("due ends with where the touches came from", () => {
		const r = runCli(["due", EXAMPLE_VAULT, "--today", "2026-11-23"]);
		expect(r.stdout.trimEnd().split("\n").at(-1)).toMatch(/^from: \d+ touch lines, 1 frontmatter key$/);
	});
});

describe("one vault for every command", () => {
	// A vault without .obsidian, a prospect outside Prospects/ (by its type), a meeting note linking to it.
	function plainVault(): string {
		const vault = tempDir();
		mkdirSync(join(vault, "People"));
		mkdirSync(join(vault, "Meetings"));
		writeFileSync(join(vault, "People", "Dana.md"), "---\ntype: prospect\nstatus: maybe\n---\n- 2026-11-02 email: intro\n- 2026-11-10 call: quote → next: 2026-02-30\n");
		writeFileSync(join(vault, "Meetings", "2026-11-18 Review with Dana.md"), '---\nattendees: ["[[Dana]]"]\n---\n');
		return vault;
	}
	const TODAY = ["--today", "2026-11-23"];
	const touchesLine = (out: string): string => out.split("\n").find((l) => l.startsWith("Status: "))!;

	it("explain finds the vault in the current folder when there is no .obsidian, and agrees with due on touches and problems", () => {
		const vault = plainVault();
		const due = dueJson(vault, "2026-11-23");
		const dana = due.prospects.find((p) => p.path === "People/Dana.md")!;
		expect(dana.touches).toBe(3);
		const r = runCli(["explain", "People/Dana.md", ...TODAY], { cwd: vault });
		expect(r.status).toBe(0);
		expect(r.stdout.split("\n")[0]).toBe(`Vault: ${vault}`);
		expect(touchesLine(r.stdout)).toMatch(/; 3 touches\.$/);
		expect(r.stdout).toContain("interaction note Meetings/2026-11-18 Review with Dana.md");
		// Every problem due lists for the note, each with its line.
		const problems = due.problems.filter((p) => p.path === "People/Dana.md");
		expect(problems.length).toBe(2);
		for (const p of problems) expect(r.stdout).toContain(`  line ${p.line}: ${p.message}\n`);
	});

	it("--vault names the vault for explain, log and status; a note outside it is a usage error", () => {
		const vault = plainVault();
		const note = join(vault, "People", "Dana.md");
		// From elsewhere, without --vault, only the note's folder is known: the meeting note is not seen.
		expect(touchesLine(runCli(["explain", note, ...TODAY]).stdout)).toMatch(/; 2 touches\.$/);
		const r = runCli(["explain", note, "--vault", vault, ...TODAY]);
		expect(r.stdout.split("\n")[0]).toBe(`Vault: ${vault}`);
		expect(touchesLine(r.stdout)).toMatch(/; 3 touches\.$/);
		const logged = runCli(["log", note, "--vault", vault, "--channel", "call", "--summary", "hi", ...TODAY]);
		expect(logged.status).toBe(0);
		// log's next follow-up is due's, the meeting note counted (4 touches: the cadence's 4th step).
		const after = dueJson(vault, "2026-11-23").prospects.find((p) => p.path === "People/Dana.md")!;
		expect(after.touches).toBe(4);
		expect(logged.stdout).toContain(`Next follow-up: ${after.due as string} (suggested by the cadence)\n`);
		expect(runCli(["status", note, "won", "--vault", vault, ...TODAY]).stdout).toBe("status: won\n");
		const outside = runCli(["explain", note, "--vault", join(vault, "Meetings"), ...TODAY]);
		expect(outside.status).toBe(2);
		expect(outside.stderr).toBe(`touchbase: ${note} is not inside the vault ${join(vault, "Meetings")}\n`);
		expect(runCli(["explain", note, "--vault", join(vault, "nope"), ...TODAY]).stderr).toBe(`touchbase: --vault folder not found: ${join(vault, "nope")}\n`);
	});

	it("a note that is not a prospect: the vault still comes first", () => {
		const vault = plainVault();
		const r = runCli(["explain", join(vault, "Meetings", "2026-11-18 Review with Dana.md"), "--vault", vault, ...TODAY]);
		expect(r.stdout.split("\n")[0]).toBe(`Vault: ${vault}`);
	});
});
