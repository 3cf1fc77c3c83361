// `touchbase log`, `status` and `snooze` parse the note once (docs/architecture.md, "From a
// command to the note"): one `readNote`, one YAML parse, counted by the core's counters. They
// also read the vault's index (for the touches of interaction notes): kept from a run before,
// it reads no note again.
import { readdirSync, statSync, utimesSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { parseCounts } from "../../src/core/text/yaml";
import { copyVault, EXAMPLE_VAULT, runCli, tempDir } from "../helpers/cli";

const TODAY = "2026-11-23";
const OLD = new Date("2026-01-01T00:00:00Z");
// A change time cannot be put back: the clock runs a minute ahead, so the notes are not just written.
const LATER = (): number => Date.now() + 60_000;

/** Every file of a folder dated long ago, so the index kept of them is trusted. */
function age(dir: string): void {
	for (const name of readdirSync(dir)) {
		const full = join(dir, name);
		if (statSync(full).isDirectory()) age(full);
		else utimesSync(full, OLD, OLD);
	}
}

/** Runs `args` on a copy of the example vault whose index a `due` run kept, counting the parses. */
function counted(args: (vault: string) => string[]): { status: number | null; notes: number; yaml: number } {
	const vault = copyVault(EXAMPLE_VAULT);
	age(vault);
	const cacheDir = tempDir();
	expect(runCli(["due", vault, "--today", TODAY], { cacheDir, fileClock: LATER }).status).toBe(0);
	parseCounts.notes = 0;
	parseCounts.yaml = 0;
	const r = runCli(args(vault), { cacheDir, fileClock: LATER });
	return { status: r.status, notes: parseCounts.notes, yaml: parseCounts.yaml };
}

describe("each CLI command that edits a note parses it once", () => {
	it("log", () => {
		const args = (vault: string): string[] => ["log", join(vault, "Prospects", "Harbor Roofing.md"), "--channel", "call", "--summary", "walked through the quote", "--next", "in 3 days", "--today", TODAY];
		expect(counted(args)).toEqual({ status: 0, notes: 1, yaml: 1 });
	});

	it("snooze", () => {
		expect(counted((vault) => ["snooze", join(vault, "Prospects", "Harbor Roofing.md"), "--to", "2026-11-30", "--today", TODAY])).toEqual({ status: 0, notes: 1, yaml: 1 });
	});

	it("status", () => {
		expect(counted((vault) => ["status", join(vault, "Prospects", "Harbor Roofing.md"), "paused", "--today", TODAY])).toEqual({ status: 0, notes: 1, yaml: 1 });
	});
});
