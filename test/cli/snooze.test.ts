// `touchbase snooze` (README, "The command line"): the due touch moved to a later day, as the
// plugin's Snooze moves it; only the lines that say the date change, and a refusal writes nothing.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { copyVault, dueJson, EXAMPLE_VAULT, runCli } from "../helpers/cli";

const TODAY = ["--today", "2026-11-23"];

function snoozed(path: string, args: string[]): { status: number | null; stdout: string; stderr: string; before: string; after: string; vault: string } {
	const vault = copyVault(EXAMPLE_VAULT);
	const note = join(vault, path);
	const before = readFileSync(note, "utf8");
	const r = runCli(["snooze", note, ...args, ...TODAY]);
	return { ...r, before, after: readFileSync(note, "utf8"), vault };
}

describe("touchbase snooze", () => {
	it("moves a promised next: step and its mirror, and due shows the new day", () => {
		const r = snoozed("Prospects/Harbor Roofing.md", ["--to", "in 3 days"]);
		expect(r.stderr).toBe("");
		expect(r.status).toBe(0);
		expect(r.stdout).toBe("snoozed: Harbor Roofing, from 2026-11-19 to 2026-11-26\n");
		expect(r.after).toBe(
			r.before
				.replace("next_follow_up: 2026-11-19\n", "next_follow_up: 2026-11-26\n")
				.replace("→ next: in 2 days email the proposal", "→ next: 2026-11-26 email the proposal"),
		);
		expect(r.after).not.toBe(r.before);
		expect(dueJson(r.vault, "2026-11-23").prospects.find((p) => p.path === "Prospects/Harbor Roofing.md")).toMatchObject({ bucket: "upcoming", due: "2026-11-26" });
	});

	it("moves the user's own next-follow-up key under its own name", () => {
		const r = snoozed("Prospects/Bright Smile Dental.md", ["--to", "2026-11-30"]);
		expect(r.status).toBe(0);
		expect(r.after).toBe(r.before.replace("nextFollowUp: 2026-11-23\n", "nextFollowUp: 2026-11-30\n"));
	});

	it("makes a suggestion a scheduled line, with its time", () => {
		const r = snoozed("Leads/Sunrise Pediatrics.md", ["--to", "2026-11-26", "--time", "09:30"]);
		expect(r.status).toBe(0);
		expect(r.after).toContain("- [ ] 2026-11-26 09:30 email: follow up\n");
		expect(dueJson(r.vault, "2026-11-23").prospects.find((p) => p.path === "Leads/Sunrise Pediatrics.md")).toMatchObject({ due: "2026-11-26", time: "09:30", suggested: false });
	});

	it("refuses, writing nothing, when nothing is due or the day is not later", () => {
		for (const [path, to, why] of [
			["Prospects/Copperleaf Florist.md", "in 3 days", "it has no due touch to snooze: schedule one first"],
			["Prospects/Greenway Solar.md", "in 3 days", "it is paused: nothing is due"],
			["Contacts/Dana Whitfield.md", "2026-11-26", "2026-11-26 is not after the due date 2026-12-04"],
		]) {
			const r = snoozed(path, ["--to", to]);
			expect(r.status).toBe(1);
			expect(r.stdout).toBe("");
			expect(r.stderr).toBe(`touchbase: ${join(r.vault, path)} was not changed: ${why}\n`);
			expect(r.after).toBe(r.before);
		}
	});

	it("says what it needs: --to, a readable day, a time", () => {
		for (const [args, message] of [
			[[], /missing --to WHEN/],
			[["--to", "someday"], /--to must be a date \(YYYY-MM-DD\) or a day in plain English/],
			[["--to", "in 3 days", "--time", "25:00"], /--time must be HH:mm/],
			[["--to", "in 3 days", "--channel", "call"], /--channel does not go with snooze/],
		] as [string[], RegExp][]) {
			const r = snoozed("Prospects/Harbor Roofing.md", args);
			expect(r.status).toBe(2);
			expect(r.stderr).toMatch(message);
			expect(r.after).toBe(r.before);
		}
	});
});
