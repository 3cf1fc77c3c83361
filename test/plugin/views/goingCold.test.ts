// @vitest-environment happy-dom
// Going cold in the sidebar, the Bases view and the Stats tab (README, "Going cold").
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { BASES_VIEW_TYPE } from "../../../src/plugin/views/basesView";
import { FollowUpsView, VIEW_TYPE_FOLLOW_UPS } from "../../../src/plugin/views/followUpsView";
import { click, openBase, runCommand, type App } from "../../fakes/obsidian";
import { DEMO_DAY, demoPlugin } from "../setup";

beforeEach(() => {
	vi.useFakeTimers({ toFake: ["Date"] });
	vi.setSystemTime(DEMO_DAY);
});
afterEach(() => {
	vi.useRealTimers();
});

async function sidebar(app: App): Promise<FollowUpsView> {
	await runCommand(app, "open-follow-ups");
	await app.settle();
	return app.workspace.getLeavesOfType(VIEW_TYPE_FOLLOW_UPS)[0].view as unknown as FollowUpsView;
}

const rowOf = (root: HTMLElement, path: string): HTMLElement | null => root.querySelector<HTMLElement>(`.touchbase-row[data-path="${CSS.escape(path)}"]`);
const DENTAL = "Prospects/Bright Smile Dental.md";

describe("going cold in the views", () => {
	it("marks a lead at the midnight its 15th day without a touch begins, in the sidebar and the Bases view alike", async () => {
		// Bright Smile Dental is a lead last touched on 2026-11-16 (examples/vault): 14 days on Nov 30.
		vi.setSystemTime(new Date(2026, 10, 30, 23, 59));
		const { app } = await demoPlugin();
		const view = await sidebar(app);
		expect(rowOf(view.contentEl, DENTAL)?.classList.contains("is-cold")).toBe(false);
		expect(rowOf(view.contentEl, DENTAL)?.querySelector(".touchbase-cold")).toBeNull();

		vi.setSystemTime(new Date(2026, 11, 1, 0, 1));
		view.refresh(); // what the view's one-minute timer does
		const row = rowOf(view.contentEl, DENTAL)!;
		expect(row.classList.contains("is-cold")).toBe(true);
		const mark = row.querySelector<HTMLElement>(".touchbase-cold")!;
		expect(mark.textContent).toBe("going cold");
		expect(mark.getAttribute("title")).toBe("No touch for 15 days");
		// Its next date does not matter: active prospects touched since Nov 10 stay warm.
		expect(rowOf(view.contentEl, "Prospects/Maple & Pine Bakery.md")?.classList.contains("is-cold")).toBe(false);

		const base = openBase(app, BASES_VIEW_TYPE);
		await app.settle();
		expect(rowOf(base.containerEl, DENTAL)?.outerHTML).toBe(row.outerHTML);
	});

	it("counts the prospects going cold in the Stats tab", async () => {
		vi.setSystemTime(new Date(2026, 11, 5, 10, 0));
		const { app, plugin } = await demoPlugin();
		const view = await sidebar(app);
		click(view.contentEl.querySelector<HTMLElement>('[data-tab="stats"]'));
		await app.settle();
		const cold = plugin.index.report("2026-12-05").entries.filter((e) => e.cold);
		expect(cold.length).toBeGreaterThan(1);
		const lines = Array.from(view.contentEl.querySelectorAll('[data-stats="pipeline"] .touchbase-stats-headline'), (el) => el.textContent);
		expect(lines).toContain(`Going cold: ${cold.length} prospects with no touch for longer than their status allows.`);
	});
});
