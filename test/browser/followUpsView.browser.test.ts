import chromium from "@sparticuz/chromium";
import { mkdirSync } from "node:fs";
import { join, resolve } from "node:path";
import { pathToFileURL } from "node:url";
import { chromium as playwright, type Browser, type Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { snoozeBody } from "../../src/core/write/snoozeTouch";
import { dueTargetOf } from "../../src/core/write/snoozeTouch";
import { computeDue } from "../../src/core/rules/due";
import { readNote } from "../../src/core/read/note";
import { DEFAULT_SETTINGS } from "../../src/core/settings/settings";
import { buildHarness } from "./buildHarness";

const IMAGES = resolve(__dirname, "../../docs/images");
/** The example vault's day, 10:00 local time. */
const DEMO_DAY = new Date(2026, 10, 23, 10, 0, 0);
const ZONE = process.env.TZ ?? "UTC";

let browser: Browser;
let pageUrl: string;

beforeAll(async () => {
	pageUrl = pathToFileURL(await buildHarness()).href;
	try {
		// Its args are for one page per process (serverless); several contexts need the default process model.
		const args = chromium.args.filter((a) => a !== "--single-process" && a !== "--no-zygote");
		browser = await playwright.launch({ executablePath: await chromium.executablePath(), args: [...args, "--no-sandbox"], headless: true });
	} catch (error) {
		// One clear line, never a silent skip.
		throw new Error(`Touchbase browser tests: Chromium could not start: ${(error instanceof Error ? error.message : String(error)).split("\n")[0]}`);
	}
}, 120_000);

afterAll(async () => {
	await browser?.close();
});

async function open(query = "", size = { width: 300, height: 900 }): Promise<Page> {
	const context = await browser.newContext({ viewport: size, timezoneId: ZONE, deviceScaleFactor: 2 });
	const page = await context.newPage();
	await page.clock.setFixedTime(DEMO_DAY);
	await page.goto(`${pageUrl}${query}`);
	await page.waitForFunction(() => document.body.dataset.ready !== undefined, undefined, { timeout: 30_000 });
	const failure = await page.evaluate(() => (document.body.dataset.ready === "failed" ? document.body.dataset.error : null));
	if (failure) throw new Error(`the harness failed to start: ${failure}`);
	return page;
}

const rowsIn = (page: Page, section: string) => page.locator(`[data-section="${section}"] .touchbase-row`);
const read = (page: Page, path: string) => page.evaluate((p) => window.harness.read(p), path);

describe("the follow-ups view in Chromium", { timeout: 60_000 }, () => {
	it("shows the example vault's counts in its header", async () => {
		const page = await open();
		// Tidewater Marina, won, is due on its open referral ask (README, "What is due"): 5 upcoming.
		await expect.poll(() => page.locator(".touchbase-count").allTextContents()).toEqual(["3 overdue", "2 today", "5 upcoming", "1 no next step", "1 problem"]);
		expect(await page.locator(".touchbase-section-title").allTextContents()).toEqual(["Overdue", "Today", "Upcoming", "Later", "No next step", "Paused", "Closed", "Problems"]);
		expect(await page.evaluate(() => window.harness.errors)).toEqual([]);
		await page.context().close();
	});

	it("narrows the rows as the user types in the filter", async () => {
		const page = await open();
		await page.locator(".touchbase-filter").fill("roof");
		await expect.poll(() => page.locator(".touchbase-row .touchbase-name").allTextContents()).toEqual(["Harbor Roofing"]);
		await page.locator(".touchbase-filter").fill("");
		await expect.poll(() => rowsIn(page, "overdue").count()).toBe(3);
		await page.context().close();
	});

	it("opens a row's note when its name is clicked", async () => {
		const page = await open();
		await page.locator(".touchbase-row .touchbase-name", { hasText: "Bluebird Event Rentals" }).click();
		await expect.poll(() => page.evaluate(() => window.harness.activeFile())).toBe("Prospects/Bluebird Event Rentals.md");
		await page.context().close();
	});

	it("snoozes a row: the note changes as the core says and the row moves to its section", async () => {
		const page = await open();
		const path = "Prospects/Harbor Roofing.md";
		const before = await read(page, path);
		const row = page.locator(`.touchbase-row[data-path="${path}"]`);
		await row.hover();
		await row.locator(".touchbase-action-snooze").click();
		await page.locator(".menu .menu-item", { hasText: "Snooze +1 week" }).click();
		await page.evaluate(() => window.harness.settle());
		const prospect = readNote(path, before, DEFAULT_SETTINGS).prospect!;
		const expected = snoozeBody(before, path, dueTargetOf(computeDue(prospect, "2026-11-23", DEFAULT_SETTINGS)), "2026-11-30", undefined, DEFAULT_SETTINGS);
		expect(expected.ok).toBe(true);
		const after = await read(page, path);
		const body = (t: string) => t.slice(t.indexOf("\n---\n") + 5);
		expect(body(after)).toBe(body((expected as { text: string }).text));
		await expect.poll(() => rowsIn(page, "upcoming").evaluateAll((rows) => rows.map((r) => (r as HTMLElement).dataset.path))).toContain(path);
		expect(await rowsIn(page, "overdue").evaluateAll((rows) => rows.map((r) => (r as HTMLElement).dataset.path))).not.toContain(path);
		await page.context().close();
	});

	it("logs a touch from a row: the templated line is appended", async () => {
		const page = await open();
		const path = "Prospects/Lumen Yoga Studio.md";
		const row = page.locator(`.touchbase-row[data-path="${path}"]`);
		await row.hover();
		await row.locator(".touchbase-action-log").click();
		const modal = page.locator(".modal");
		await modal.locator("textarea").fill("she said yes to the trial class");
		await modal.locator("button.mod-cta").click();
		await page.evaluate(() => window.harness.settle());
		await expect.poll(() => read(page, path)).toContain("- 2026-11-23 text: she said yes to the trial class → next: 2026-12-07\n");
		await page.context().close();
	});

	it("lists the broken note under problems", async () => {
		const page = await open();
		const problems = page.locator('[data-section="problems"] .touchbase-problem');
		await expect.poll(() => problems.count()).toBe(1);
		expect(await problems.locator(".touchbase-name").textContent()).toBe("Prospects/Quarry Stoneworks.md");
		expect(await problems.locator(".touchbase-problem-message").textContent()).toMatch(/^Line \d+: malformed frontmatter/);
		await page.context().close();
	});

	it("keeps its layout with long names and 500 rows: no overflow, no horizontal scrollbar", async () => {
		const page = await open("?vault=big");
		await expect.poll(() => page.locator(".touchbase-count").first().textContent()).toMatch(/overdue/);
		// Open every section and every page of rows.
		for (const header of await page.locator(".touchbase-section-header[aria-expanded=false]").all()) await header.click();
		while ((await page.locator(".touchbase-more").count()) > 0) await page.locator(".touchbase-more").first().click();
		expect(await page.locator(".touchbase-row").count()).toBe(500);
		const overflow = await page.evaluate(() => {
			const sidebar = document.querySelector<HTMLElement>(".mod-right-split")!;
			const view = document.querySelector<HTMLElement>(".touchbase-view")!;
			const wide = Array.from(document.querySelectorAll<HTMLElement>(".touchbase-row, .touchbase-row *")).filter((el) => el.getBoundingClientRect().right > sidebar.getBoundingClientRect().right + 0.5);
			return { sidebar: sidebar.scrollWidth - sidebar.clientWidth, view: view.scrollWidth - view.clientWidth, wide: wide.length };
		});
		expect(overflow).toEqual({ sidebar: 0, view: 0, wide: 0 });
		await page.context().close();
	});

	it("draws the Stats tab's charts in theme colours, inside the sidebar, in light and dark", async () => {
		const fills: string[] = [];
		for (const theme of ["light", "dark"]) {
			const page = await open(`?theme=${theme}`, { width: 300, height: 1500 });
			await page.locator('[data-tab="stats"]').click();
			await expect.poll(() => page.locator("svg.touchbase-chart").count()).toBe(5);
			const layout = await page.evaluate(() => {
				const view = document.querySelector<HTMLElement>(".touchbase-view")!;
				const charts = Array.from(document.querySelectorAll<SVGSVGElement>("svg.touchbase-chart"), (svg) => svg.getBoundingClientRect());
				const rects = Array.from(document.querySelectorAll<SVGRectElement>(".touchbase-chart-bar rect")).filter((r) => Number(r.getAttribute("height")) > 0);
				return {
					overflow: view.scrollWidth - view.clientWidth,
					chartsInside: charts.every((c) => c.width > 100 && c.right <= view.getBoundingClientRect().right + 0.5),
					visibleBars: rects.filter((r) => r.getBoundingClientRect().height > 0).length,
					fill: getComputedStyle(rects[0]).fill,
					countFill: getComputedStyle(document.querySelector(".touchbase-chart-count")!).fill,
					labels: document.querySelectorAll(".touchbase-chart-label").length,
				};
			});
			expect(layout.overflow).toBe(0);
			expect(layout.chartsInside).toBe(true);
			expect(layout.visibleBars).toBeGreaterThan(5);
			expect(layout.labels).toBeGreaterThan(20);
			// The count is drawn in the theme's text colour, which differs from the bar's.
			expect(layout.countFill).not.toBe(layout.fill);
			fills.push(layout.countFill);
			const shot = await page.locator(".mod-right-split").screenshot({ path: ZONE === "UTC" ? join(IMAGES, `stats-${theme}.png`) : undefined });
			expect(shot.length).toBeGreaterThan(10_000);
			expect(await page.evaluate(() => window.harness.errors)).toEqual([]);
			await page.context().close();
		}
		// Text is dark on light and light on dark.
		expect(fills[0]).not.toBe(fills[1]);
	});

	it("writes the README's screenshots, light and dark, at sidebar width", async () => {
		mkdirSync(IMAGES, { recursive: true });
		for (const theme of ["light", "dark"]) {
			const page = await open(`?theme=${theme}`, { width: 300, height: 760 });
			await expect.poll(() => page.locator(".touchbase-row").count()).toBeGreaterThan(0);
			const shot = await page.locator(".mod-right-split").screenshot({ path: ZONE === "UTC" ? join(IMAGES, `follow-ups-${theme}.png`) : undefined });
			expect(shot.length).toBeGreaterThan(10_000);
			await page.context().close();
		}
	});
});
