// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { moveTouchDate } from "../../../src/core/text/edits";
import { DEFAULT_SETTINGS } from "../../../src/core/settings/settings";
import TouchbasePlugin from "../../../src/plugin/main";
import { REMINDER_TICK_MS } from "../../../src/plugin/services/reminders";
import { VIEW_TYPE_FOLLOW_UPS } from "../../../src/plugin/views/followUpsView";
import { openVault } from "../../fakes/harness";
import { click, loadPlugin, noticeLog, presetPluginData, readPluginData, runCommand, unloadPlugin, type App } from "../../fakes/obsidian";
import { bytes } from "../setup";

// A fake clock drives everything: Date, and the window.setInterval the reminders register.
const at = (day: number, hours: number, minutes = 0, seconds = 0): Date => new Date(2026, 10, day, hours, minutes, seconds);

const ACME = "---\ncompany: Acme Roofing\nstatus: active\n---\n## Follow-ups\n- 2026-11-20 call: intro → next: 2026-11-23 call\n- [ ] 2026-11-23 14:30 call: walk through the quote #objective/close\n";
const FILES = {
	"Prospects/Acme.md": ACME,
	"Prospects/Beta.md": "- [ ] 2026-11-20 call: overdue one\n",
	"Prospects/Gamma.md": "- [ ] 2026-11-23 email: due today, no time\n",
	// Closed with no open line (its touch cancelled when it was won): never reminded. An open line of a won note reminds (test/core/closedDue.test.ts).
	"Prospects/Won.md": "---\nstatus: won\n---\n- [-] 2026-11-23 14:30 call: closed, never reminded\n",
	"Prospects/Paused.md": "---\nstatus: paused\n---\n- [ ] 2026-11-23 14:30 email: paused, never reminded\n",
};

beforeEach(() => {
	vi.useFakeTimers({ toFake: ["Date", "setInterval", "clearInterval"] });
	vi.setSystemTime(at(23, 8, 0));
});
afterEach(() => {
	vi.useRealTimers();
});

interface Run {
	app: App;
	dir: string;
	plugin: TouchbasePlugin;
}

async function start(files: Record<string, string> = FILES): Promise<Run> {
	const { app, dir } = openVault(files);
	const plugin = await loadPlugin(TouchbasePlugin, app);
	await app.settle();
	return { app, dir, plugin };
}

/** Lets the clock run: intervals fire as they would, and what they start is awaited. */
async function runUntil(run: Run, when: Date): Promise<void> {
	await vi.advanceTimersByTimeAsync(when.getTime() - Date.now());
	await run.app.settle();
}

const digests = () => noticeLog.filter((n) => n.message.startsWith("Touchbase: ") && n.message.includes("due today"));
const reminders = () => noticeLog.filter((n) => n.noticeEl.querySelector(".touchbase-reminder-title") !== null);
const titles = () => reminders().map((n) => n.noticeEl.querySelector(".touchbase-reminder-title")!.textContent);

describe("the morning digest", () => {
	it("shows once when Obsidian opens on a day, and opens the view when clicked", async () => {
		const run = await start();
		expect(digests().map((n) => n.message)).toEqual(["Touchbase: 2 follow-ups due today, 1 overdue" + "Click to open the follow-ups."]);
		await runUntil(run, at(23, 12, 0));
		expect(digests()).toHaveLength(1);
		click(digests()[0].noticeEl.querySelector<HTMLElement>(".touchbase-digest"));
		await run.app.settle();
		expect(run.app.workspace.getLeavesOfType(VIEW_TYPE_FOLLOW_UPS)).toHaveLength(1);
		expect(digests()[0].hidden).toBe(true);
	});

	it("never again after a restart on the same day; the next day at the digest time if Obsidian stayed open", async () => {
		const run = await start();
		expect(digests()).toHaveLength(1);
		await unloadPlugin(run.plugin);
		vi.setSystemTime(at(23, 10, 0));
		run.plugin = await loadPlugin(TouchbasePlugin, run.app);
		await run.app.settle();
		await runUntil(run, at(23, 23, 59));
		expect(digests()).toHaveLength(1);
		await runUntil(run, at(24, 8, 59, 45));
		expect(digests()).toHaveLength(1);
		await runUntil(run, at(24, 9, 0, 15));
		expect(digests()).toHaveLength(2);
		expect((readPluginData(run.app) as { reminderState: { lastDigestDay: string } }).reminderState.lastDigestDay).toBe("2026-11-24");
	});

	it("waits for the time set in the settings when Obsidian was open before the day began", async () => {
		vi.setSystemTime(at(22, 23, 0));
		const run = await start();
		expect(digests()).toHaveLength(1);
		await run.plugin.saveSettings({ ...run.plugin.settings, digestTime: "07:30" });
		await runUntil(run, at(23, 7, 29));
		expect(digests()).toHaveLength(1);
		await runUntil(run, at(23, 7, 31));
		expect(digests()).toHaveLength(2);
	});
});

describe("timed touches", () => {
	it("raise one notice at their minute, with the prospect, channel and objective; closed and paused prospects never", async () => {
		const run = await start();
		await runUntil(run, at(23, 14, 29, 50));
		expect(reminders()).toHaveLength(0);
		await runUntil(run, at(23, 14, 30, REMINDER_TICK_MS / 1000));
		expect(titles()).toEqual(["Call Acme (Acme Roofing) at 14:30"]);
		const notice = reminders()[0];
		expect(notice.noticeEl.querySelector(".touchbase-reminder-detail")?.textContent).toBe("Objective: close · walk through the quote");
		expect(Array.from(notice.noticeEl.querySelectorAll("button"), (b) => b.textContent)).toEqual(["Open", "Log", "15 minutes", "1 hour", "Tomorrow"]);
		await runUntil(run, at(23, 18, 0));
		expect(reminders()).toHaveLength(1);
	});

	it("Open opens the note at the touch's line", async () => {
		const run = await start();
		await runUntil(run, at(23, 14, 31));
		click(reminders()[0].noticeEl.querySelector<HTMLElement>("button.mod-cta"));
		await run.app.settle();
		expect(run.app.workspace.getActiveFile()?.path).toBe("Prospects/Acme.md");
		expect(run.app.workspace.getMostRecentLeaf()?.getEphemeralState()).toMatchObject({ line: 6 });
		expect(reminders()[0].hidden).toBe(true);
	});

	it("snoozing moves the line's date and time as the core's edit does, and it fires again then, once", async () => {
		const run = await start();
		await runUntil(run, at(23, 14, 30, 10));
		const before = bytes(run.dir, "Prospects/Acme.md");
		const snooze = Array.from(reminders()[0].noticeEl.querySelectorAll<HTMLElement>("button")).find((b) => b.textContent === "15 minutes")!;
		click(snooze);
		await run.app.settle();
		const moved = moveTouchDate(before, 7, "2026-11-23", "14:45", DEFAULT_SETTINGS.channels);
		expect(moved.ok).toBe(true);
		// The line moves as the core's edit says; the frontmatter mirrors follow, as after any snooze.
		expect(bytes(run.dir, "Prospects/Acme.md").replace(/^(last_touch|touches|next_follow_up): .*\n/gm, "")).toBe(moved.ok ? moved.text : "");
		expect(bytes(run.dir, "Prospects/Acme.md")).toContain("- [ ] 2026-11-23 14:45 call: walk through the quote #objective/close\n");
		await runUntil(run, at(23, 14, 44, 50));
		expect(reminders()).toHaveLength(1);
		await runUntil(run, at(23, 14, 45, 20));
		expect(titles()).toEqual(["Call Acme (Acme Roofing) at 14:30", "Call Acme (Acme Roofing) at 14:45"]);
		await runUntil(run, at(23, 16, 0));
		expect(reminders()).toHaveLength(2);
	});

	it("snoozing to tomorrow keeps the time and moves the day", async () => {
		const run = await start();
		await runUntil(run, at(23, 14, 30, 10));
		click(Array.from(reminders()[0].noticeEl.querySelectorAll<HTMLElement>("button")).find((b) => b.textContent === "Tomorrow")!);
		await run.app.settle();
		expect(bytes(run.dir, "Prospects/Acme.md")).toContain("- [ ] 2026-11-24 14:30 call: walk through the quote #objective/close\n");
		await runUntil(run, at(24, 14, 30, 20));
		expect(titles()).toEqual(["Call Acme (Acme Roofing) at 14:30", "Call Acme (Acme Roofing) at 14:30"]);
	});

	it("after the computer slept over its minute: once on waking, marked late", async () => {
		const run = await start();
		await runUntil(run, at(23, 14, 0));
		// Asleep: the clock jumps and no interval ran meanwhile.
		vi.setSystemTime(at(23, 15, 10));
		await runUntil(run, at(23, 15, 10, REMINDER_TICK_MS / 1000));
		expect(titles()).toEqual(["Late: Call Acme (Acme Roofing) was due at 14:30"]);
		expect(reminders()[0].noticeEl.querySelector(".touchbase-notice.is-late")).not.toBeNull();
		await runUntil(run, at(23, 16, 0));
		expect(reminders()).toHaveLength(1);
	});

	it("editing the time after it was scheduled re-schedules it", async () => {
		const run = await start();
		await runUntil(run, at(23, 10, 0));
		const file = run.app.vault.getFileByPath("Prospects/Acme.md")!;
		await run.app.vault.process(file, (text) => text.replace("14:30", "11:15"));
		await run.app.settle();
		await runUntil(run, at(23, 11, 14, 50));
		expect(reminders()).toHaveLength(0);
		await runUntil(run, at(23, 11, 15, 20));
		expect(titles()).toEqual(["Call Acme (Acme Roofing) at 11:15"]);
		await runUntil(run, at(23, 15, 0));
		expect(reminders()).toHaveLength(1);
	});

	it("keeps looking past midnight: a touch just after it fires on the new day", async () => {
		vi.setSystemTime(at(23, 23, 50));
		const run = await start({ "Prospects/Night.md": "- [ ] 2026-11-24 00:05 call: the night shift\n" });
		await runUntil(run, at(24, 0, 4, 50));
		expect(reminders()).toHaveLength(0);
		await runUntil(run, at(24, 0, 5, 20));
		expect(titles()).toEqual(["Call Night at 00:05"]);
	});

	it("a restart does not repeat a reminder that fired", async () => {
		const run = await start();
		await runUntil(run, at(23, 14, 31));
		expect(reminders()).toHaveLength(1);
		await unloadPlugin(run.plugin);
		run.plugin = await loadPlugin(TouchbasePlugin, run.app);
		await run.app.settle();
		await runUntil(run, at(23, 15, 0));
		expect(reminders()).toHaveLength(1);
	});

	it("a reminder missed while Obsidian was closed fires once at the next start, late", async () => {
		const run = await start();
		await runUntil(run, at(23, 13, 0));
		await unloadPlugin(run.plugin);
		vi.setSystemTime(at(23, 16, 0));
		run.plugin = await loadPlugin(TouchbasePlugin, run.app);
		await run.app.settle();
		await runUntil(run, at(23, 16, 1));
		expect(titles()).toEqual(["Late: Call Acme (Acme Roofing) was due at 14:30"]);
	});
});

describe("pausing and switching off", () => {
	it("Pause reminders until tomorrow: nothing today, the digest again tomorrow", async () => {
		const run = await start();
		expect(digests()).toHaveLength(1);
		await runCommand(run.app, "pause-reminders");
		await run.app.settle();
		expect(noticeLog.at(-1)?.message).toBe("Touchbase: reminders paused until 2026-11-24.");
		await runUntil(run, at(23, 23, 0));
		expect(reminders()).toHaveLength(0);
		await runUntil(run, at(24, 9, 1));
		expect(digests()).toHaveLength(2);
	});

	it("the Reminders setting off: no digest, no notice", async () => {
		const { app } = openVault(FILES);
		presetPluginData(app, { reminders: false });
		const plugin = await loadPlugin(TouchbasePlugin, app);
		await app.settle();
		const run = { app, dir: "", plugin };
		await runUntil(run, at(23, 15, 0));
		expect(digests()).toHaveLength(0);
		expect(reminders()).toHaveLength(0);
	});

	it("its interval is registered, and released on unload", async () => {
		const set = vi.spyOn(window, "setInterval");
		const clear = vi.spyOn(window, "clearInterval");
		const run = await start();
		const index = set.mock.calls.findIndex((call) => call[1] === REMINDER_TICK_MS);
		expect(index).toBeGreaterThanOrEqual(0);
		const id = set.mock.results[index].value as unknown;
		await unloadPlugin(run.plugin);
		expect(clear.mock.calls.some((call) => call[0] === id)).toBe(true);
	});
});
