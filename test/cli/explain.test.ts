import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { copyVault, EXAMPLE_VAULT, FIXTURES, runCli } from "../helpers/cli";

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

	it("due ends with where the touches came from", () => {
		const r = runCli(["due", EXAMPLE_VAULT, "--today", "2026-11-23"]);
		expect(r.stdout.trimEnd().split("\n").at(-1)).toMatch(/^from: \d+ touch lines, 1 frontmatter keys$/);
	});
});
