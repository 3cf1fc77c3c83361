import { beforeEach, describe, expect, it } from "vitest";
import { ProspectIndex } from "../../../src/core/index/prospectIndex";
import { entriesByOwner, reportFor } from "../../../src/core/rules/ownerReport";
import type { DueReport } from "../../../src/core/rules/dueReport";
import { DEFAULT_SETTINGS } from "../../../src/core/settings/settings";

// README, "Team vaults": Mine and Everyone, and the figures by owner.
describe("one owner's report and the split by owner", () => {
	let report: DueReport;
	beforeEach(() => {
		const index = new ProspectIndex(DEFAULT_SETTINGS);
		index.update("Prospects/Zoe.md", "---\nowner: '@zoe'\ncreated: 2026-11-20\n---\n- 2026-02-30 call: bad date\n");
		index.update("Prospects/Ann.md", "---\nowner: Jane Doe\ncreated: 2026-11-23\n---\n");
		index.update("Prospects/Bo.md", "---\nowner: jane  doe\ncreated: 2026-11-24\n---\n");
		index.update("Prospects/Nobody.md", "---\ncreated: 2026-11-22\n---\n- 2026-02-31 call: bad date\n");
		index.update("Prospects/Broken.md", "---\nowner: [\n---\n");
		index.update("Prospects/Both.md", "---\nowner: [Al, Jane Doe]\ncreated: 2026-11-21\n---\n");
		report = index.report("2026-11-23");
	});

	it("keeps only my prospects, and the problems of notes that are not someone else's prospect", () => {
		const mine = reportFor(report, "Jane Doe");
		expect(mine.entries.map((e) => e.prospect.name)).toEqual(["Both", "Ann", "Bo"]);
		expect(mine.counts).toMatchObject({ overdue: 1, today: 1, upcoming: 1 });
		expect(mine.today).toBe("2026-11-23");
		// A note that could not be read is nobody's prospect; a prospect with no owner is not mine.
		expect(mine.problems.map((p) => p.path)).toEqual(["Prospects/Broken.md"]);
		expect(reportFor(report, "zoe").problems.map((p) => p.path)).toEqual(["Prospects/Broken.md", "Prospects/Zoe.md"]);
	});

	it("groups loosely equal names under the first one's spelling, by name, with nobody's last", () => {
		const groups = entriesByOwner(report.entries);
		expect(groups.map((g) => [g.owner, g.entries.map((e) => e.prospect.name)])).toEqual([
			["@zoe", ["Zoe"]],
			["Al", ["Both"]],
			["Jane Doe", ["Ann", "Bo"]],
			["", ["Nobody"]],
		]);
	});
});
