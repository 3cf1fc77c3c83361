// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import type { App as ObsidianApp } from "obsidian";
import { exportCalendar } from "../../src/plugin/actions/calendarExport";
import { bytes, DEMO_DAY, demoPlugin, watchWrites } from "./setup";

beforeEach(() => {
	vi.useFakeTimers({ toFake: ["Date"] });
	vi.setSystemTime(DEMO_DAY);
});
afterEach(() => {
	vi.useRealTimers();
});

const PATH = "Touchbase/follow-ups.ics";

describe("the kept calendar file (README, Calendar)", () => {
	it("is written when its bytes would change, and never when they would not", async () => {
		const { app, dir, plugin } = await demoPlugin();
		const index = plugin.index;
		expect(await exportCalendar(app as unknown as ObsidianApp, index, plugin.settings, true)).toBeGreaterThan(0);
		const first = bytes(dir, PATH);
		expect(first).toContain("BEGIN:VALARM");
		const writes = watchWrites(app);
		// Nothing changed: no write, not even through Vault.process.
		await exportCalendar(app as unknown as ObsidianApp, index, plugin.settings, true);
		expect(writes(PATH)).toEqual({ process: 0, writes: 0, other: 0 });
		// A note edit that changes no follow-up changes no byte of the calendar: no write either.
		app.vault.externalWrite("Prospects/Harbor Roofing.md", `${bytes(dir, "Prospects/Harbor Roofing.md")}\nA line about the weather.\n`);
		await app.settle();
		await exportCalendar(app as unknown as ObsidianApp, index, plugin.settings, true);
		expect(writes(PATH)).toEqual({ process: 0, writes: 0, other: 0 });
		expect(bytes(dir, PATH)).toBe(first);
		// A new open touch: one write.
		app.vault.externalWrite("Prospects/Harbor Roofing.md", `${bytes(dir, "Prospects/Harbor Roofing.md")}- [ ] 2026-12-02 visit: measure the roof\n`);
		await app.settle();
		await exportCalendar(app as unknown as ObsidianApp, index, plugin.settings, true);
		expect(writes(PATH)).toEqual({ process: 1, writes: 1, other: 0 });
		expect(bytes(dir, PATH)).toContain("SUMMARY:Visit Mike Alvarez (Harbor Roofing)");
	});

	it("takes the digest time setting for the alarms of date-only touches", async () => {
		const { app, dir, plugin } = await demoPlugin();
		const index = plugin.index;
		await exportCalendar(app as unknown as ObsidianApp, index, { ...plugin.settings, digestTime: "08:15" }, true);
		expect(bytes(dir, PATH)).toContain("TRIGGER:PT8H15M\r\n");
	});
});
