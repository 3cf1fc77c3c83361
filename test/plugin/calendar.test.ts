// @vitest-environment happy-dom
import ICAL from "ical.js";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { EXAMPLE_VAULT, touchbase } from "../helpers/cli";
import { notices, runCommand } from "../fakes/obsidian";
import { bytes, DEMO_DAY, demoPlugin } from "./setup";

beforeEach(() => {
	vi.useFakeTimers({ toFake: ["Date"] });
	vi.setSystemTime(DEMO_DAY);
});
afterEach(() => {
	vi.useRealTimers();
});

const events = (ics: string) => new ICAL.Component(ICAL.parse(ics) as unknown[]).getAllSubcomponents("vevent").map((v) => new ICAL.Event(v));

describe("Export follow-ups to calendar", () => {
	it("writes Touchbase/follow-ups.ics with one event per open or suggested touch, as the CLI does", async () => {
		const { app, dir } = await demoPlugin();
		await runCommand(app, "export-calendar");
		await app.settle();
		const ics = bytes(dir, "Touchbase/follow-ups.ics");
		const list = events(ics);
		// One per open prospect with a next touch (11), more where a prospect has several open lines;
		// closed and paused ones have none.
		expect(list.length).toBeGreaterThanOrEqual(11);
		expect(list.map((e) => e.summary)).toContain("Call Jenna Holt (Maple & Pine Bakery)");
		const maple = list.find((e) => e.summary === "Call Jenna Holt (Maple & Pine Bakery)")!;
		expect(maple.startDate.toString()).toBe("2026-11-23T14:30:00");
		expect(maple.description).toContain("obsidian://open?vault=");
		expect(maple.description).toContain("Objective: check-on-quote");
		expect(notices.some((n) => /follow-ups? written to Touchbase\/follow-ups\.ics/.test(n))).toBe(true);
		// The CLI's `ics` gives the same events (its vault is named after its folder, like Obsidian's).
		const cli = touchbase(["ics", dir, "--today", "2026-11-23"]);
		expect(cli.stdout).toBe(ics);
		expect(events(touchbase(["ics", EXAMPLE_VAULT, "--today", "2026-11-23"]).stdout).map((e) => e.uid).sort()).toEqual(list.map((e) => e.uid).sort());
	});

	it("keeps UIDs from one export to the next and rewrites nothing when nothing changed", async () => {
		const { app, dir } = await demoPlugin();
		await runCommand(app, "export-calendar");
		await app.settle();
		const first = bytes(dir, "Touchbase/follow-ups.ics");
		await runCommand(app, "export-calendar");
		await app.settle();
		expect(bytes(dir, "Touchbase/follow-ups.ics")).toBe(first);
	});

	it("keeps the file current when the setting is on", async () => {
		const { app, dir, plugin } = await demoPlugin();
		await plugin.saveSettings({ ...plugin.settings, calendarKeepCurrent: true, calendarPath: "Calendar/touches.ics" });
		await app.settle();
		app.vault.externalWrite("Prospects/Harbor Roofing.md", `${bytes(dir, "Prospects/Harbor Roofing.md")}- [ ] 2026-12-02 visit: measure the roof\n`);
		await app.settle();
		await vi.waitFor(() => expect(bytes(dir, "Calendar/touches.ics")).toContain("SUMMARY:Visit"), { timeout: 8000 });
	});
});
