// `touchbase log` and `touchbase status` parse the note once (docs/architecture.md, "From a
// command to the note"): one `readNote`, one YAML parse, counted by the core's counters.
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { parseCounts } from "../../src/core/text/yaml";
import { copyVault, EXAMPLE_VAULT, runCli } from "../helpers/cli";

const TODAY = "2026-11-23";

function counted(args: string[]): { status: number | null; notes: number; yaml: number } {
	parseCounts.notes = 0;
	parseCounts.yaml = 0;
	const r = runCli(args);
	return { status: r.status, notes: parseCounts.notes, yaml: parseCounts.yaml };
}

describe("each CLI command that edits a note parses it once", () => {
	it("log", () => {
		const note = join(copyVault(EXAMPLE_VAULT), "Prospects", "Harbor Roofing.md");
		expect(counted(["log", note, "--channel", "call", "--summary", "walked through the quote", "--next", "in 3 days", "--today", TODAY])).toEqual({ status: 0, notes: 1, yaml: 1 });
	});

	it("status", () => {
		const note = join(copyVault(EXAMPLE_VAULT), "Prospects", "Harbor Roofing.md");
		expect(counted(["status", note, "paused", "--today", TODAY])).toEqual({ status: 0, notes: 1, yaml: 1 });
	});
});
