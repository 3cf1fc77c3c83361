// @vitest-environment happy-dom
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import TouchbasePlugin from "../../src/plugin/main";
import { type FollowUpsView, VIEW_TYPE_FOLLOW_UPS } from "../../src/plugin/views/followUpsView";
import { openVault } from "../fakes/harness";
import { click, loadPlugin, runCommand, type App } from "../fakes/obsidian";
import { DEMO_DAY } from "./setup";

// The stats fixture, whose figures test/fixtures/stats/README.md works out by hand for 2026-11-23.
const FIXTURE = join(__dirname, "../fixtures/stats/Prospects");

beforeEach(() => {
	vi.useFakeTimers({ toFake: ["Date"] });
	vi.setSystemTime(DEMO_DAY);
});
afterEach(() => {
	vi.useRealTimers();
});

async function statsView(): Promise<{ app: App; view: FollowUpsView }> {
	const files: Record<string, string> = {};
	for (const name of readdirSync(FIXTURE)) files[`Prospects/${name}`] = readFileSync(join(FIXTURE, name), "utf8");
	const { app } = openVault(files);
	await loadPlugin(TouchbasePlugin, app);
	await runCommand(app, "open-follow-ups");
	await app.settle();
	const view = app.workspace.getLeavesOfType(VIEW_TYPE_FOLLOW_UPS)[0].view as unknown as FollowUpsView;
	return { app, view };
}

const texts = (root: ParentNode, selector: string): string[] => Array.from(root.querySelectorAll(selector), (el) => el.textContent ?? "");
const chart = (view: FollowUpsView, section: string, n = 0): SVGSVGElement => view.contentEl.querySelectorAll<SVGSVGElement>(`[data-stats="${section}"] svg.touchbase-chart`)[n];
const bars = (svg: SVGSVGElement): [string, number, string][] =>
	Array.from(svg.querySelectorAll<SVGGElement>(".touchbase-chart-bar"), (g) => [g.dataset.label ?? "", Number(g.dataset.value), g.querySelector(".touchbase-chart-count")?.textContent ?? ""]);

describe("the Stats tab", () => {
	it("puts the week's summary in the header, on both tabs", async () => {
		const { view } = await statsView();
		expect(texts(view.contentEl, ".touchbase-week")).toEqual(["This week: 1 touch, 1 answer, 2 promises at risk"]);
		click(view.contentEl.querySelector<HTMLElement>('[data-tab="stats"]'));
		expect(texts(view.contentEl, ".touchbase-week")).toEqual(["This week: 1 touch, 1 answer, 2 promises at risk"]);
	});

	it("switches between the list and the stats, hiding the filter on the stats", async () => {
		const { view } = await statsView();
		const stats = view.contentEl.querySelector<HTMLElement>('[data-tab="stats"]')!;
		const list = view.contentEl.querySelector<HTMLElement>('[data-tab="follow-ups"]')!;
		expect(list.getAttribute("aria-selected")).toBe("true");
		expect(view.contentEl.querySelector(".touchbase-stats")).toBeNull();
		click(stats);
		expect(stats.getAttribute("aria-selected")).toBe("true");
		expect(view.contentEl.querySelector(".touchbase-row")).toBeNull();
		expect(view.contentEl.querySelector<HTMLElement>(".touchbase-filter")!.isShown()).toBe(false);
		click(list);
		expect(view.contentEl.querySelector(".touchbase-stats")).toBeNull();
		expect(view.contentEl.querySelectorAll(".touchbase-row").length).toBeGreaterThan(0);
		expect(view.contentEl.querySelector<HTMLElement>(".touchbase-filter")!.isShown()).toBe(true);
	});

	it("draws the bars of every chart with their labels and counts", async () => {
		const { view } = await statsView();
		click(view.contentEl.querySelector<HTMLElement>('[data-tab="stats"]'));
		const bins = ["0", "1", "2", "3", "4", "5", "6", "7", "8", "9", "10+"];
		expect(bars(chart(view, "close", 0))).toEqual(bins.map((b) => [b, b === "2" || b === "6" ? 1 : 0, b === "2" || b === "6" ? "1" : "0"]));
		expect(bars(chart(view, "close", 1)).filter(([, v]) => v > 0)).toEqual([["3", 1, "1"]]);
		expect(texts(view.contentEl, '[data-stats="close"] .touchbase-stats-headline')).toEqual(["1 of 2 wins came at the 5th touch or later (50%)."]);
		expect(bars(chart(view, "channels"))).toEqual([["call", 10, "10"], ["email", 6, "6"], ["meeting", 1, "1"], ["phone", 1, "1"]]);
		expect(texts(view.contentEl, ".touchbase-stats-channel")).toEqual(["call: 10 touches, 1 answer (10%)", "email: 6 touches, 3 answers (50%)", "meeting: 1 touch, 1 answer (100%)", "phone: 1 touch, 1 answer (100%)"]);
		const weeks = bars(chart(view, "weeks"));
		expect(weeks).toHaveLength(12);
		expect(weeks.map(([, v]) => v)).toEqual([1, 0, 0, 1, 1, 1, 1, 1, 4, 3, 3, 1]);
		expect(weeks[0][0]).toBe("09/07");
		// Axis labels and counts are real text in the SVG, and the biggest bar is the tallest.
		const week = chart(view, "weeks");
		expect(week.querySelectorAll(".touchbase-chart-label").length).toBeGreaterThanOrEqual(6);
		const heights = Array.from(week.querySelectorAll("rect"), (r) => Number(r.getAttribute("height")));
		expect(Math.max(...heights)).toBe(heights[8]);
		expect(bars(chart(view, "pipeline"))).toEqual([["lead", 1, "1"], ["active", 2, "2"], ["paused", 1, "1"]]);
		expect(texts(view.contentEl, '[data-stats="pipeline"] .touchbase-stats-headline')).toEqual(["Due by 2026-11-29: 2 prospects, worth 2,000.", "Going cold: 0 prospects with no touch for longer than their status allows."]);
	});

	it("lists who was given up on early and the broken promises, each linking to its note", async () => {
		const { app, view } = await statsView();
		click(view.contentEl.querySelector<HTMLElement>('[data-tab="stats"]'));
		expect(texts(view.contentEl, '[data-stats="stopped-early"] .touchbase-stats-item')).toEqual(["Lost Three3 touches · lost", "Open Quiet3 touches · no next step"]);
		expect(texts(view.contentEl, '[data-stats="promises"] .touchbase-stats-headline')).toEqual(["2 of 4 done on time, by the promised channel (50%)."]);
		expect(texts(view.contentEl, '[data-stats="promises"] .touchbase-stats-detail')).toEqual([
			"call promised 2026-11-17, email on 2026-11-18: late, by another channel",
			"call promised 2026-11-05, email on 2026-11-09: late, by another channel",
		]);
		click(view.contentEl.querySelector<HTMLElement>('[data-stats="stopped-early"] .touchbase-name'));
		await app.settle();
		expect(app.workspace.getActiveFile()?.path).toBe("Prospects/Lost Three.md");
		click(view.contentEl.querySelector<HTMLElement>('[data-stats="promises"] .touchbase-name'));
		await app.settle();
		expect(app.workspace.getActiveFile()?.path).toBe("Prospects/Open Quiet.md");
		expect(app.workspace.getMostRecentLeaf()?.getEphemeralState()).toMatchObject({ line: 5 });
	});

	it("follows edits: a touch logged today moves this week's figures", async () => {
		const { app, view } = await statsView();
		click(view.contentEl.querySelector<HTMLElement>('[data-tab="stats"]'));
		const file = app.vault.getFileByPath("Prospects/Open Overdue.md")!;
		await app.vault.process(file, (text) => `${text}- 2026-11-23 email: sent it (outcome: yes)\n`);
		await app.settle();
		view.refresh(true);
		expect(texts(view.contentEl, ".touchbase-week")).toEqual(["This week: 2 touches, 2 answers, 1 promise at risk"]);
		expect(bars(chart(view, "weeks")).at(-1)).toEqual(["11/23", 2, "2"]);
	});
});
