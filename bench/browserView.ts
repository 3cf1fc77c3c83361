// The follow-ups view in Chromium (the engine Obsidian runs on): the browser tests' harness page,
// built over the 2,000-due vault, opening the view again and again. happy-dom, which the rest of
// the plugin bench uses, builds elements hundreds of times slower than a browser does.
import chromium from "@sparticuz/chromium";
import { pathToFileURL } from "node:url";
import { chromium as playwright } from "playwright-core";
import { buildHarness } from "../test/browser/buildHarness";

export interface BrowserViewRun {
	firstOpenMs: number;
	openMs: number[];
	rowsDrawn: number;
}

export async function measureBrowserView(vault: string, runs: number): Promise<BrowserViewRun> {
	const page = pathToFileURL(await buildHarness(vault)).href;
	const args = chromium.args.filter((a) => a !== "--single-process" && a !== "--no-zygote");
	const browser = await playwright.launch({ executablePath: await chromium.executablePath(), args: [...args, "--no-sandbox"], headless: true });
	try {
		const context = await browser.newContext({ viewport: { width: 300, height: 900 } });
		const tab = await context.newPage();
		await tab.goto(page);
		await tab.waitForFunction(() => document.body.dataset.ready !== undefined, undefined, { timeout: 120_000 });
		const failure = await tab.evaluate(() => (document.body.dataset.ready === "failed" ? document.body.dataset.error : null));
		if (failure) throw new Error(`the harness failed to start: ${failure}`);
		const openMs: number[] = [];
		// The first opening is the view's own first, with the page's code cold.
		const firstOpenMs = await tab.evaluate(() => window.harness.reopenView());
		for (let i = 0; i < runs; i++) openMs.push(await tab.evaluate(() => window.harness.reopenView()));
		const rowsDrawn = await tab.locator(".touchbase-view .touchbase-row").count();
		return { firstOpenMs, openMs, rowsDrawn };
	} finally {
		await browser.close();
	}
}
