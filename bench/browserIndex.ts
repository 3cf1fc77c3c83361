// The longest main-thread task in Chromium (the engine Obsidian runs on) while the plugin starts
// over a vault: its first index (no persisted index), and a restart with the index the first one
// wrote. The browser tests' harness page (`?start=manual`, test/browser/harness/pluginStart.ts)
// fills the vault and builds the app, then the plugin is loaded, its view opened as a restored
// layout would, the layout made ready; every long task (≥ 50 ms, PerformanceObserver "longtask")
// is recorded until the index is ready and the persisted index written after it (2 s later).
// The harness's reads resolve in a task of their own, as Obsidian's do. Each run is a fresh
// browser context and page: the code is cold, as at Obsidian's start.
//
// Alone: node scripts/run-ts.mjs bench/browserIndex.ts [VAULT_DIR] [RUNS] [--no-view]
// (VAULT_DIR: the bench's 10,000-note vault in bench/.cache by default; RUNS: 5.) Prints JSON.
import chromium from "@sparticuz/chromium";
import { createHash } from "node:crypto";
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { chromium as playwright, type Browser } from "playwright-core";
import { buildHarness } from "../test/browser/buildHarness";
import type { StartMeasure } from "../test/browser/harness/pluginStart";

/** Long tasks are those of 50 ms or more: with none, every task was shorter. */
export const LONG_TASK_MS = 50;

export interface IndexStartRun {
	/** The longest main-thread task, ms; 0 when there was no long task (every task < 50 ms). */
	longestMs: number;
	/** How many long tasks (≥ 50 ms). */
	longTasks: number;
	/** From the plugin's construction until the index is ready (every note read, the view drawn), ms. */
	totalMs: number;
	/** From the plugin's construction until the persisted index was written after it, ms (null: not within 10 s). */
	savedMs: number | null;
	/** Notes read from the vault (the others came from the persisted index). */
	notesRead: number;
	/** The long tasks, ms from the plugin's start: [start, duration]. */
	tasks: [number, number][];
	/** The longest animation frame (its tasks and its rendering: style, layout, paint), ms; 0 when none was ≥ 50 ms. */
	longestFrameMs: number;
	/** The long animation frames (≥ 50 ms) of the same span: [start, duration, rendering]. */
	frames: [number, number, number][];
}

export interface BrowserIndexResult {
	/** Notes in the vault, prospects the index found. */
	notes: number;
	prospects: number;
	/** The first index: no persisted index. One entry per run. */
	first: IndexStartRun[];
	/** A restart: the persisted index the first index of the same run wrote. */
	restart: IndexStartRun[];
}

function summary(m: StartMeasure): IndexStartRun {
	const round = (ms: number): number => Math.round(ms * 10) / 10;
	return {
		longestMs: round(Math.max(0, ...m.longTasks.map((t) => t.durationMs))),
		longTasks: m.longTasks.length,
		totalMs: round(m.readyMs),
		savedMs: m.savedMs === null ? null : round(m.savedMs),
		notesRead: m.notesRead,
		tasks: m.longTasks.map((t) => [round(t.startMs), round(t.durationMs)]),
		longestFrameMs: round(Math.max(0, ...m.longFrames.map((f) => f.durationMs))),
		frames: m.longFrames.map((f) => [round(f.startMs), round(f.durationMs), round(f.renderMs)]),
	};
}

/** "< 50 ms (none)" or "73 ms (2 long tasks)". */
export function describeLongest(run: Pick<IndexStartRun, "longestMs" | "longTasks">): string {
	return run.longTasks === 0 ? `< ${LONG_TASK_MS} ms (none)` : `${Math.round(run.longestMs)} ms (${run.longTasks} long task${run.longTasks === 1 ? "" : "s"})`;
}

/** One start in a fresh page: seeded with `pluginFiles` (the plugin folder's files) when given. */
async function startOnce(browser: Browser, page: string, pluginFiles: Record<string, string> | null, view: boolean): Promise<{ measure: StartMeasure; pluginFiles: Record<string, string> }> {
	const context = await browser.newContext({ viewport: { width: 300, height: 900 } });
	try {
		const tab = await context.newPage();
		await tab.goto(`${page}?start=manual`);
		await tab.waitForFunction(() => document.body.dataset.ready !== undefined, undefined, { timeout: 300_000, polling: 100 });
		const failure = await tab.evaluate(() => (document.body.dataset.ready === "failed" ? document.body.dataset.error : null));
		if (failure) throw new Error(`the harness failed to start: ${failure}`);
		if (pluginFiles) await tab.evaluate((files) => window.startHarness.seedPluginFiles(files), pluginFiles);
		// Let the page settle (the seeding's garbage, the first paint) before the plugin starts.
		await tab.waitForTimeout(500);
		const measure = await tab.evaluate((v) => window.startHarness.start({ view: v }), view);
		return { measure, pluginFiles: await tab.evaluate(() => window.startHarness.pluginFiles()) };
	} finally {
		await context.close();
	}
}

/**
 * `runs` pairs of starts over the vault folder `vault`, each in a fresh page: the first index,
 * then a restart with the persisted index it wrote. `view` (default true): the follow-ups view is
 * open (in the restored layout) while the index is built.
 */
export async function measureBrowserIndex(vault: string, runs: number, options: { view?: boolean } = {}): Promise<BrowserIndexResult> {
	const view = options.view ?? true;
	const page = pathToFileURL(await buildHarness(vault)).href;
	const args = chromium.args.filter((a) => a !== "--single-process" && a !== "--no-zygote");
	// window.gc: the harness collects its own garbage before the plugin starts.
	const browser = await playwright.launch({ executablePath: await chromium.executablePath(), args: [...args, "--no-sandbox", "--js-flags=--expose-gc"], headless: true });
	const result: BrowserIndexResult = { notes: 0, prospects: 0, first: [], restart: [] };
	try {
		for (let i = 0; i < runs; i++) {
			const first = await startOnce(browser, page, null, view);
			if (!("index-cache.json" in first.pluginFiles)) throw new Error("the first index wrote no persisted index (index-cache.json)");
			const restart = await startOnce(browser, page, first.pluginFiles, view);
			if (restart.measure.prospects !== first.measure.prospects) {
				throw new Error(`the restart found ${restart.measure.prospects} prospects, the first index ${first.measure.prospects}`);
			}
			result.notes = first.measure.notes;
			result.prospects = first.measure.prospects;
			result.first.push(summary(first.measure));
			result.restart.push(summary(restart.measure));
		}
	} finally {
		await browser.close();
	}
	return result;
}

// ---- alone ----

/** The bench's 10,000-note vault, named as bench/run.ts names it. */
function defaultVault(): string {
	const version = createHash("sha256").update(readFileSync(join("bench", "generate.ts"))).digest("hex").slice(0, 10);
	const dir = join("bench", ".cache", `notes-10000-seed1-${version}`);
	if (!existsSync(join(dir, ".bench-complete"))) throw new Error(`no vault in ${dir}: run \`npm run bench\` once, or name a vault folder`);
	return dir;
}

async function main(argv: string[]): Promise<void> {
	const view = !argv.includes("--no-view");
	const [vault, runs] = argv.filter((a) => !a.startsWith("--"));
	const result = await measureBrowserIndex(vault || defaultVault(), Math.max(1, Number(runs || 5)), { view });
	const median = (xs: number[]): number => {
		const s = [...xs].sort((a, b) => a - b);
		return s.length % 2 ? s[s.length >> 1] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
	};
	for (const kind of ["first", "restart"] as const) {
		const runsOf = result[kind];
		const worst = runsOf.reduce((a, b) => (b.longestMs > a.longestMs ? b : a));
		process.stderr.write(
			`${kind.padEnd(7)}  longest task: worst ${describeLongest(worst)}, per run ${runsOf.map((r) => (r.longTasks === 0 ? "<50" : Math.round(r.longestMs))).join(" ")} ms;` +
				`  longest frame (with rendering) ${Math.round(Math.max(...runsOf.map((r) => r.longestFrameMs)))} ms;  ready in ${Math.round(median(runsOf.map((r) => r.totalMs)))} ms (median)\n`,
		);
	}
	process.stdout.write(`${JSON.stringify(result)}\n`);
}

// Run by scripts/run-ts.mjs as the entry point (bench/run.ts bundles this file into its own).
if (/browserIndex\.entry\.cjs$/.test(process.argv[1] ?? "")) {
	main(process.argv.slice(2)).catch((error: unknown) => {
		console.error(error);
		process.exit(1);
	});
}
