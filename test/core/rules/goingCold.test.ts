import { describe, expect, it } from "vitest";
import { goingCold } from "../../../src/core/rules/goingCold";
import { ProspectIndex } from "../../../src/core/index/prospectIndex";
import { dueJson } from "../../../src/core/show/dueJson";
import { formatDueTable, formatStats } from "../../../src/core/show/tableText";
import { computeStats } from "../../../src/core/rules/stats";
import { migrateSettings } from "../../../src/core/settings/settings";

const settings = migrateSettings(undefined);

function report(notes: Record<string, string>, today: string, stored: unknown = undefined) {
	const index = new ProspectIndex(migrateSettings(stored));
	for (const [path, text] of Object.entries(notes)) index.update(path, text);
	return index.report(today);
}

describe("goingCold (README, Going cold)", () => {
	it("marks a lead after 14 days without a touch and an active prospect after 21", () => {
		expect(goingCold("lead", "2026-11-09", null, "2026-11-23", settings)).toEqual({ cold: false, daysSinceTouch: 14 });
		expect(goingCold("lead", "2026-11-08", null, "2026-11-23", settings)).toEqual({ cold: true, daysSinceTouch: 15 });
		expect(goingCold("active", "2026-11-02", null, "2026-11-23", settings)).toEqual({ cold: false, daysSinceTouch: 21 });
		expect(goingCold("active", "2026-11-01", null, "2026-11-23", settings)).toEqual({ cold: true, daysSinceTouch: 22 });
	});

	it("never marks a paused, won or lost prospect, nor a status whose days are 0", () => {
		for (const status of ["paused", "won", "lost"] as const) expect(goingCold(status, "2025-01-01", null, "2026-11-23", settings).cold).toBe(false);
		const off = migrateSettings({ coldDays: { lead: 0, active: 0 } });
		expect(goingCold("lead", "2025-01-01", null, "2026-11-23", off)).toEqual({ cold: false, daysSinceTouch: 691 });
	});

	it("counts from created when there is no touch yet, and not at all with neither", () => {
		expect(goingCold("lead", null, "2026-11-01", "2026-11-23", settings)).toEqual({ cold: true, daysSinceTouch: null });
		expect(goingCold("lead", null, "2026-11-20", "2026-11-23", settings)).toEqual({ cold: false, daysSinceTouch: null });
		expect(goingCold("lead", null, null, "2026-11-23", settings)).toEqual({ cold: false, daysSinceTouch: null });
	});

	it("counts calendar days, so it turns at midnight, across a DST change too", () => {
		// 2026-11-01 is a DST change in the US; 2026-04-05 in New Zealand: days, not hours, count.
		expect(goingCold("lead", "2026-10-25", null, "2026-11-08", settings).cold).toBe(false);
		expect(goingCold("lead", "2026-10-25", null, "2026-11-09", settings).cold).toBe(true);
		expect(goingCold("lead", "2026-03-29", null, "2026-04-12", settings).cold).toBe(false);
		expect(goingCold("lead", "2026-03-29", null, "2026-04-13", settings).cold).toBe(true);
	});
});

describe("going cold in the due list, its JSON, the table and stats", () => {
	const notes = {
		// A far-off next date does not keep it warm.
		"Prospects/Far Off.md": "---\nstatus: lead\n---\n- 2026-11-01 call: intro → next: 2027-03-01\n",
		"Prospects/Warm.md": "---\nstatus: active\n---\n- 2026-11-20 call: quote\n",
		"Prospects/Paused.md": "---\nstatus: paused\n---\n- 2026-01-01 call: old\n",
		"Prospects/Never.md": "---\nstatus: lead\n---\n# Never\n",
	};

	it("gives cold and daysSinceTouch on every JSON entry, and turns at midnight", () => {
		const before = dueJson(report(notes, "2026-11-15"));
		const after = dueJson(report(notes, "2026-11-16"));
		for (const json of [before, after]) for (const p of json.prospects) expect(Object.keys(p)).toEqual(expect.arrayContaining(["cold", "daysSinceTouch"]));
		const pick = (json: typeof before, name: string) => json.prospects.find((p) => p.name === name)!;
		expect(pick(before, "Far Off")).toMatchObject({ cold: false, daysSinceTouch: 14, bucket: "later" });
		expect(pick(after, "Far Off")).toMatchObject({ cold: true, daysSinceTouch: 15, bucket: "later" });
		expect(pick(after, "Warm")).toMatchObject({ cold: false, daysSinceTouch: null });
		expect(pick(after, "Paused")).toMatchObject({ cold: false, daysSinceTouch: 319 });
		expect(pick(after, "Never")).toMatchObject({ cold: false, daysSinceTouch: null });
		// The counts stay the buckets' (the shared conformance answer compares them whole).
		expect(Object.keys(after.counts)).not.toContain("cold");
	});

	it("marks the row in the due table and counts it in stats", () => {
		const r = report(notes, "2026-11-23");
		const table = formatDueTable(r, "vault");
		expect(table).toContain("going cold: 1 (no touch for longer than their status allows)");
		expect(table).toMatch(/Far Off .*\[going cold: 22 days since the last touch\]/);
		expect(table).not.toMatch(/Warm .*going cold/);
		const stats = computeStats(r.entries, r.today);
		expect(stats.pipeline.cold).toBe(1);
		expect(formatStats(stats, { prospects: 4, touches: 3 })).toContain("open: 2 lead, 1 active, 1 paused; going cold: 1");
	});

	it("follows the settings per status", () => {
		const r = report(notes, "2026-11-23", { coldDays: { lead: 30, active: 2 } });
		expect(r.entries.filter((e) => e.cold).map((e) => e.prospect.name)).toEqual(["Warm"]);
	});
});

describe("the going-cold settings, migrated", () => {
	it("default to lead 14, active 21 for settings stored before them, and keep each good value", () => {
		expect(migrateSettings({ upcomingDays: 7 }).coldDays).toEqual({ lead: 14, active: 21 });
		expect(migrateSettings({ coldDays: { lead: "10", active: -3 } }).coldDays).toEqual({ lead: 10, active: 0 });
		expect(migrateSettings({ coldDays: { lead: "soon", active: 1e9 } }).coldDays).toEqual({ lead: 14, active: 3650 });
		expect(migrateSettings({ coldDays: "14" }).coldDays).toEqual({ lead: 14, active: 21 });
		expect(migrateSettings({}).coldDays).not.toBe(migrateSettings({}).coldDays);
	});
});
