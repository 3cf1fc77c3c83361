// `touches:` always equals the count `due` shows (README, "Logging a touch"), interaction notes
// included: `touchbase log` and `touchbase status` count through the vault's index.
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { copyVault, dueJson, EXAMPLE_VAULT, runCli, tempDir } from "../helpers/cli";

const TODAY = "2026-11-23";

/** The `touches:` a note's frontmatter says. */
const touchesKey = (file: string): number | null => {
	const m = /^touches: (\d+)$/m.exec(readFileSync(file, "utf8").split(/\n---\n/)[0]);
	return m ? Number(m[1]) : null;
};

function touchesDue(vault: string, path: string): number {
	return dueJson(vault, TODAY).prospects.find((p) => p.path === path)!.touches as number;
}

describe("touches: against due --json", () => {
	it("a prospect with an interaction note: the log counts the meeting too", () => {
		const vault = tempDir();
		mkdirSync(join(vault, ".obsidian"));
		mkdirSync(join(vault, "Prospects"));
		mkdirSync(join(vault, "Interactions"));
		const note = join(vault, "Prospects", "Bright Smile Dental.md");
		writeFileSync(note, "---\nstatus: active\nnextFollowUp: 2026-11-20\ntouches: 1\n---\n## Log\n- 2026-11-10 email: sent the intro\n");
		writeFileSync(join(vault, "Interactions", "2026-11-17 Call with Bright Smile Dental.md"), '---\ntype: call\ncontact: "[[Bright Smile Dental]]"\n---\nThey want a quote.\n');
		expect(touchesDue(vault, "Prospects/Bright Smile Dental.md")).toBe(2);
		const r = runCli(["log", note, "--channel", "call", "--summary", "walked through the quote", "--today", TODAY]);
		expect(r.status).toBe(0);
		expect(touchesKey(note)).toBe(3);
		expect(touchesDue(vault, "Prospects/Bright Smile Dental.md")).toBe(3);
		// The user's key is kept, with the date due shows next.
		const next = dueJson(vault, TODAY).prospects.find((p) => p.path === "Prospects/Bright Smile Dental.md")!.due;
		expect(readFileSync(note, "utf8")).toContain(`\nnextFollowUp: ${String(next)}\n`);

		expect(runCli(["status", note, "paused", "--today", TODAY]).status).toBe(0);
		expect(touchesKey(note)).toBe(3);
	});

	it("every prospect of the example vault, after a log", () => {
		const vault = copyVault(EXAMPLE_VAULT);
		const prospects = dueJson(vault, TODAY).prospects.map((p) => p.path as string);
		expect(prospects.length).toBeGreaterThan(10);
		for (const path of prospects) {
			const r = runCli(["log", join(vault, path), "--channel", "email", "--summary", "checked in", "--today", TODAY]);
			expect(r.status, `${path}: ${r.stderr}`).toBe(0);
			expect(touchesKey(join(vault, path)), path).toBe(touchesDue(vault, path));
		}
	});
});
