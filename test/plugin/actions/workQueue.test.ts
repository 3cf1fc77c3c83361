// @vitest-environment happy-dom
// Work through today's follow-ups (README, "Work the queue"): the due prospects one after the
// other, overdue first, each opened with its panel; Log and Snooze one write each, Skip none.
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { click, getSetting, lastModal, noticeLog, runCommand, typeText, type App, type Notice } from "../../fakes/obsidian";
import { LogTouchModal } from "../../../src/plugin/modals/logTouchModal";
import { SnoozeModal } from "../../../src/plugin/modals/snoozeModal";
import { bytes, DEMO_DAY, demoPlugin, watchWrites } from "../setup";

beforeEach(() => {
	vi.useFakeTimers({ toFake: ["Date"] });
	vi.setSystemTime(DEMO_DAY);
});
afterEach(() => {
	vi.useRealTimers();
});

const HARBOR = "Prospects/Harbor Roofing.md";
const BLUEBIRD = "Prospects/Bluebird Event Rentals.md";
const SUNRISE = "Leads/Sunrise Pediatrics.md";
const DENTAL = "Prospects/Bright Smile Dental.md";
const MAPLE = "Prospects/Maple & Pine Bakery.md";

/** The queue's panel on screen: the last notice holding one, while it is shown. */
function panel(): Notice | undefined {
	const last = [...noticeLog].reverse().find((n) => n.noticeEl.querySelector(".touchbase-queue"));
	return last && !last.hidden ? last : undefined;
}
const step = (): string => panel()?.noticeEl.querySelector(".touchbase-queue-step")?.textContent ?? "";
const name = (): string => panel()?.noticeEl.querySelector(".touchbase-queue-name")?.textContent ?? "";
function press(label: string): void {
	const button = Array.from(panel()!.noticeEl.querySelectorAll("button")).find((b) => b.textContent === label);
	click(button ?? null);
}
const active = (app: App): string | undefined => app.workspace.getActiveFile()?.path;

describe("Work through today's follow-ups", () => {
	it("opens the due prospects one by one, overdue first: Log and Snooze write once each, Skip writes nothing", async () => {
		const { app, dir } = await demoPlugin();
		const writes = watchWrites(app);
		await runCommand(app, "work-follow-ups");
		await app.settle();
		// examples/README.md: 3 overdue, then 2 due today.
		expect([step(), name(), active(app)]).toEqual(["1 of 5", "Harbor Roofing", HARBOR]);
		expect(panel()!.noticeEl.textContent).toContain("4 days overdue · email: the proposal");
		expect(panel()!.duration).toBe(0);

		press("Log");
		await app.settle();
		const log = lastModal(LogTouchModal as never)!;
		// The panel waits while the log modal is open: cancelling it leaves the queue where it was.
		expect(step()).toBe("1 of 5");
		typeText(getSetting(log.contentEl, "Summary").querySelector("textarea"), "sent the revised proposal");
		click(log.contentEl.querySelector<HTMLElement>("button.mod-cta"));
		await app.settle();
		expect(bytes(dir, HARBOR)).toContain("- 2026-11-23 email: sent the revised proposal");
		expect(writes(HARBOR)).toEqual({ process: 1, writes: 1, other: 0 });
		expect([step(), name(), active(app)]).toEqual(["2 of 5", "Bluebird Event Rentals", BLUEBIRD]);

		press("Snooze");
		await app.settle();
		const snooze = lastModal(SnoozeModal as never)!;
		const plusDay = Array.from(snooze.contentEl.querySelectorAll("button")).find((b) => b.textContent === "+1 day");
		click(plusDay ?? null);
		await app.settle();
		expect(writes(BLUEBIRD)).toEqual({ process: 1, writes: 1, other: 0 });
		expect([step(), name(), active(app)]).toEqual(["3 of 5", "Sunrise Pediatrics", SUNRISE]);

		const before = bytes(dir, SUNRISE);
		press("Skip");
		await app.settle();
		expect(bytes(dir, SUNRISE)).toBe(before);
		expect(writes(SUNRISE)).toEqual({ process: 0, writes: 0, other: 0 });
		expect([step(), name(), active(app)]).toEqual(["4 of 5", "Bright Smile Dental", DENTAL]);

		press("Skip");
		await app.settle();
		expect([step(), name()]).toEqual(["5 of 5", "Maple & Pine Bakery"]);
		press("Stop");
		await app.settle();
		expect(panel()).toBeUndefined();
		expect(noticeLog.at(-1)?.message).toBe("Touchbase: Stopped. 1 logged, 1 snoozed, 2 skipped of 5.");
		expect(writes(MAPLE)).toEqual({ process: 0, writes: 0, other: 0 });
	});

	it("ends with a summary after the last one, and says so when nothing is due", async () => {
		const { app } = await demoPlugin();
		await runCommand(app, "work-follow-ups");
		await app.settle();
		for (let i = 0; i < 5; i++) press("Skip");
		await app.settle();
		expect(panel()).toBeUndefined();
		expect(noticeLog.at(-1)?.message).toBe("Touchbase: Done. 0 logged, 0 snoozed, 5 skipped of 5.");

		const empty = await demoPlugin();
		vi.setSystemTime(new Date(2020, 0, 1, 10, 0));
		await runCommand(empty.app, "work-follow-ups");
		await empty.app.settle();
		expect(noticeLog.at(-1)?.message).toBe("Touchbase: nothing is due today or overdue. The queue is empty.");
	});
});
