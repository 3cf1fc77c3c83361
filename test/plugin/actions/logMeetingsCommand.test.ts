// @vitest-environment happy-dom
// Log meetings from a calendar file, run as a user runs it: the .ics picked, the preview read,
// Log meetings clicked; the notes' bytes on disk, one write per note, none the second time.
import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { format } from "date-fns";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { click, lastModal, notices, runCommand, type App, type Modal } from "../../fakes/obsidian";
import { MeetingsModal } from "../../../src/plugin/modals/meetingsModal";
import { bytes, DEMO_DAY, demoPlugin, watchWrites } from "../setup";

const CALENDAR = readFileSync(resolve(__dirname, "../../../examples/calendar.ics"), "utf8");
const NOTES = ["Prospects/Bluebird Event Rentals.md", "Prospects/Summit Accounting.md", "Prospects/Riverside Physio.md"];

beforeEach(() => {
	vi.useFakeTimers({ toFake: ["Date"] });
	vi.setSystemTime(DEMO_DAY);
});
afterEach(() => {
	vi.useRealTimers();
});

/** A New York wall time as this run's local day and time. */
const ny = (iso: string): string => format(new Date(`${iso}-05:00`), "yyyy-MM-dd HH:mm");

async function meetingsModal(app: App): Promise<Modal> {
	await runCommand(app, "log-meetings");
	await app.settle();
	const modal = lastModal(MeetingsModal as never);
	if (!modal?.isOpen) throw new Error("Log meetings did not open");
	await vi.waitFor(() => expect(modal.contentEl.querySelectorAll(".touchbase-meetings-line").length).toBeGreaterThan(0));
	return modal;
}

const lines = (m: Modal): string[] => Array.from(m.contentEl.querySelectorAll(".touchbase-meetings-preview div"), (el) => el.textContent ?? "");

describe("Log meetings from a calendar file", () => {
	it("previews, then writes each matched note once; a second run writes nothing", async () => {
		const { app, dir } = await demoPlugin({ extra: { "Calendar/work.ics": CALENDAR } });
		const before = Object.fromEntries(NOTES.map((p) => [p, bytes(dir, p)]));
		const m = await meetingsModal(app);
		expect(m.contentEl.querySelector("select")?.value).toBe("Calendar/work.ics");
		expect(lines(m)).toContain(`would log: Bluebird Event Rentals: ${ny("2026-11-20T12:30")} Lunch with Tasha: deposit flow`);
		expect(lines(m)).toContain("No prospect (not written): 1");
		expect(lines(m)).toContain("2026-11-24 Dentist");
		// The preview wrote nothing.
		for (const path of NOTES) expect(bytes(dir, path)).toBe(before[path]);

		const writes = watchWrites(app);
		click(m.contentEl.querySelector("button.mod-cta"));
		await app.settle();
		expect(m.isOpen).toBe(false);
		for (const path of NOTES) expect(writes(path), path).toEqual({ process: 1, writes: 1, other: 0 });
		const bluebird = bytes(dir, "Prospects/Bluebird Event Rentals.md");
		expect(bluebird).toContain(`- ${ny("2026-11-20T12:30")} lunch: Lunch with Tasha: deposit flow %% event:lunch-bluebird-1120@google.com %%`);
		expect(bytes(dir, "Prospects/Riverside Physio.md")).toContain(`- [ ] ${ny("2026-11-26T10:00")} meeting: Demo: class booking on Jane App %% event:demo-riverside-1126@google.com %%`);
		expect(bytes(dir, "Prospects/Summit Accounting.md").match(/%% event:weekly-summit@google\.com\//g)).toHaveLength(5);
		expect(notices.some((n) => /^Touchbase: 7 meetings written to 3 notes; 1 not matched to one prospect/.test(n))).toBe(true);

		const after = Object.fromEntries(NOTES.map((p) => [p, bytes(dir, p)]));
		// The spies count on from the first run: the second adds nothing.
		click((await meetingsModal(app)).contentEl.querySelector("button.mod-cta"));
		await app.settle();
		expect(notices.at(-1)).toMatch(/^Touchbase: 0 meetings written to 0 notes/);
		for (const path of NOTES) {
			expect(bytes(dir, path), path).toBe(after[path]);
			expect(writes(path)).toEqual({ process: 1, writes: 1, other: 0 });
		}
	});

	it("says so when the vault has no calendar file", async () => {
		const { app } = await demoPlugin();
		await runCommand(app, "log-meetings");
		await app.settle();
		expect(lastModal(MeetingsModal as never)).toBeUndefined();
		expect(notices.at(-1)).toMatch(/^Touchbase: no \.ics file in the vault/);
	});

	it("shows why a file that is no calendar cannot be read, and writes nothing", async () => {
		const { app } = await demoPlugin({ extra: { "Calendar/broken.ics": "not a calendar at all\n" } });
		const m = await meetingsModal(app);
		expect(lines(m)[0]).toMatch(/^Calendar\/broken\.ics: it (is not|cannot be read as) a calendar/);
		const writes = watchWrites(app);
		click(m.contentEl.querySelector("button.mod-cta"));
		await app.settle();
		expect(m.isOpen).toBe(true);
		for (const path of NOTES) expect(writes(path).process).toBe(0);
	});
});
