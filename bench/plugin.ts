// The plugin's side of the benchmark, run in a fresh Node process per measurement (bench/run.mjs
// bundles it with esbuild, `obsidian` aliased to the test fake, and runs it with node).
//
//   node plugin.cjs index VAULT [EDITS]  cold index from onLayoutReady, then EDITS incremental updates
//   node plugin.cjs view VAULT           opening the follow-ups view over an indexed vault
//   node plugin.cjs load VAULT MAIN_JS   loading the built main.js and running onload
//   node plugin.cjs prime VAULT          the first index, then its persisted index written
//   node plugin.cjs restart VAULT        a start with that persisted index: from onLayoutReady until the due list is complete
//
// Prints one JSON object on stdout.
import "./dom";
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { Session } from "node:inspector";
import { runInThisContext } from "node:vm";
import TouchbasePlugin from "../src/plugin/main";
// The same module the plugin gets for `obsidian` (the bundle aliases it here).
import * as obsidian from "../test/fakes/obsidian";

const { App: FakeAppClass, parseMarkdown, whenLoaded } = obsidian;

// Obsidian's element globals, which the fake put on the window when it loaded: global names, as in Obsidian.
for (const name of ["createEl", "createDiv", "createSpan", "createSvg", "createFragment"]) {
	(globalThis as Record<string, unknown>)[name] = (window as unknown as Record<string, unknown>)[name];
}
const App = FakeAppClass as unknown as new (dir: string) => FakeApp;

interface FakeFile {
	path: string;
}
interface FakeApp {
	vault: { getFileByPath(path: string): FakeFile | null; cachedRead(file: FakeFile): Promise<string> };
	metadataCache: { trigger(name: string, ...args: unknown[]): void };
	workspace: { triggerLayoutReady(): void; getLeavesOfType(type: string): { view: unknown }[] };
	plugins: { plugins: Record<string, unknown> };
}
interface Report {
	entries: { prospect: { path: string }; bucket: string }[];
	problems: unknown[];
	counts: Record<string, number>;
}
interface Plugin {
	load(): void;
	index: { ready: boolean; revision: number; report(today?: string): Report; saveCache(): Promise<void> };
	openView(): Promise<void>;
}

const MANIFEST = { id: "touchbase", name: "Touchbase", version: "0.0.0", minAppVersion: "1.4.4", author: "bench", description: "bench" };

function localToday(): string {
	const d = new Date();
	return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, "0")}-${String(d.getDate()).padStart(2, "0")}`;
}

const tick = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

function median(values: number[]): number {
	const sorted = [...values].sort((a, b) => a - b);
	const mid = sorted.length >> 1;
	return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

/** An app over the vault with the plugin loaded as at Obsidian's start: layout not ready yet. */
const PluginClass = TouchbasePlugin as unknown as new (app: never, manifest: never) => Plugin;

async function start(vault: string) {
	const t0 = performance.now();
	const app = new App(vault);
	const appMs = performance.now() - t0;
	const plugin = new PluginClass(app as never, { ...MANIFEST, dir: `.obsidian/plugins/${MANIFEST.id}` } as never);
	app.plugins.plugins[MANIFEST.id] = plugin;
	plugin.load();
	await whenLoaded(plugin as never);
	return { app, plugin, appMs };
}

/** CPU time of this process so far (user and system), in ms: on a shared machine it moves less than the wall clock. */
function cpuNow(): number {
	const { user, system } = process.cpuUsage();
	return (user + system) / 1000;
}

/**
 * With TOUCHBASE_PROFILE=FILE, a CPU profile of `coldIndex` alone (not the fake's loading) is
 * written there: where a start's time goes (docs/performance.md). Returns the function that stops it.
 */
function startProfile(): (() => Promise<void>) | null {
	const file = process.env.TOUCHBASE_PROFILE;
	if (!file) return null;
	const session = new Session();
	session.connect();
	session.post("Profiler.enable");
	session.post("Profiler.setSamplingInterval", { interval: 100 });
	session.post("Profiler.start");
	return () =>
		new Promise((resolve) =>
			session.post("Profiler.stop", (error, result) => {
				if (error === null) writeFileSync(file, JSON.stringify(result.profile));
				session.disconnect();
				resolve();
			}),
		);
}

/** The CPU time of the last `coldIndex`, in ms. */
let lastCpuMs = 0;

/** From onLayoutReady until the due list is complete. */
async function coldIndex(app: FakeApp, plugin: Plugin): Promise<number> {
	// The fake's own metadata cache (Obsidian's work, not the plugin's) leaves garbage behind:
	// collected before the clock starts when the driver allows it (`--expose-gc`).
	(globalThis as { gc?: () => void }).gc?.();
	const profile = startProfile();
	const c0 = cpuNow();
	const t0 = performance.now();
	app.workspace.triggerLayoutReady();
	while (!plugin.index.ready) await tick();
	plugin.index.report(localToday());
	lastCpuMs = cpuNow() - c0;
	const ms = performance.now() - t0;
	await profile?.();
	return ms;
}

/** Edits that move a prospect between buckets, or not, in turn. */
function edited(text: string, i: number, today: string): string {
	switch (i % 4) {
		case 0:
			return `${text}\n- ${today} call: bench edit ${i}, talked it through → next: in ${2 + (i % 9)} days email\n`;
		case 1:
			return `${text}\n- [ ] ${today} email: bench edit ${i}, send the revised quote\n`;
		case 2:
			return /^status: \w+$/m.test(text) ? text.replace(/^status: \w+$/m, `status: ${["active", "paused", "lead", "won"][i % 4]}`) : `${text}\nA line of prose, bench edit ${i}.\n`;
		default:
			return `${text}\nA line of prose, bench edit ${i}.\n`;
	}
}

async function runIndex(vault: string, edits: number): Promise<object> {
	const { app, plugin, appMs } = await start(vault);
	const coldMs = await coldIndex(app, plugin);
	const today = localToday();
	const report = plugin.index.report(today);
	// The same notes every run: every k-th prospect by path.
	const paths = report.entries.map((e) => e.prospect.path).sort();
	const step = Math.max(1, Math.floor(paths.length / edits));
	const samples: number[] = [];
	let moved = 0;
	for (let i = 0; i < edits; i++) {
		const path = paths[(i * step) % paths.length];
		const file = app.vault.getFileByPath(path)!;
		const text = edited(await app.vault.cachedRead(file), i, today);
		const cache = parseMarkdown(text);
		const before = plugin.index.revision;
		const t0 = performance.now();
		// What Obsidian delivers once it has parsed the saved note; the plugin's handler runs
		// synchronously. Then the due list as the view and status bar ask for it.
		app.metadataCache.trigger("changed", file, text, cache);
		const after = plugin.index.report(today);
		samples.push(performance.now() - t0);
		if (plugin.index.revision === before) throw new Error(`edit ${i} of ${path} did not reach the index`);
		if (after.entries.find((e) => e.prospect.path === path)?.bucket !== report.entries.find((e) => e.prospect.path === path)?.bucket) moved++;
	}
	return {
		appMs,
		coldIndexMs: coldMs,
		coldIndexCpuMs: lastCpuMs,
		prospects: report.entries.length,
		problems: report.problems.length,
		counts: report.counts,
		incremental: { edits, medianMs: median(samples), p90Ms: [...samples].sort((a, b) => a - b)[Math.floor(samples.length * 0.9)], moved },
	};
}

async function runView(vault: string): Promise<object> {
	const { app, plugin } = await start(vault);
	await coldIndex(app, plugin);
	const report = plugin.index.report(localToday());
	const due = report.entries.filter((e) => ["overdue", "today", "upcoming"].includes(e.bucket)).length;
	const t0 = performance.now();
	await plugin.openView();
	const openMs = performance.now() - t0;
	const rows = document.querySelectorAll(".touchbase-view .touchbase-row").length;
	// A redraw after the index moved (a note changed): the due list is recomputed, then drawn.
	const view = app.workspace.getLeavesOfType("touchbase-follow-ups")[0].view as { refresh(force?: boolean): void };
	const redraws: number[] = [];
	for (let i = 0; i < 5; i++) {
		const path = report.entries[i].prospect.path;
		const file = app.vault.getFileByPath(path)!;
		const text = `${await app.vault.cachedRead(file)}\nbench edit ${i}\n`;
		app.metadataCache.trigger("changed", file, text, parseMarkdown(text));
		const t1 = performance.now();
		view.refresh(true);
		redraws.push(performance.now() - t1);
	}
	// Opening it again (the DOM code warm, as a browser's own is).
	const reopens: number[] = [];
	for (let i = 0; i < 5; i++) {
		for (const leaf of app.workspace.getLeavesOfType("touchbase-follow-ups")) (leaf as unknown as { detach(): void }).detach();
		const t1 = performance.now();
		await plugin.openView();
		reopens.push(performance.now() - t1);
	}
	return { openMs, reopenMs: median(reopens), redrawMs: median(redraws), rowsDrawn: rows, dueRows: due, prospects: report.entries.length };
}

async function runLoad(vault: string, mainJs: string): Promise<object> {
	const app = new App(vault);
	// Obsidian's own window (ribbon, status bar) exists before any plugin loads: the fake builds
	// them on first use, and happy-dom's first elements are slow, so they are built here, uncounted.
	const shell = app as unknown as { ribbonEl: HTMLElement; statusBarEl: HTMLElement };
	shell.ribbonEl.createDiv({ cls: "side-dock-ribbon-action clickable-icon", attr: { "aria-label": "Other plugin" } }).remove();
	shell.statusBarEl.createDiv("status-bar-item").remove();
	const c0 = cpuNow();
	const t0 = performance.now();
	const source = readFileSync(mainJs, "utf8");
	const module = { exports: {} as Record<string, unknown> };
	// Obsidian runs a plugin's main.js inside a function, with `require` knowing `obsidian`.
	const factory = runInThisContext(`(function (module, exports, require) {${source}\n})`, { filename: "main.js" }) as (m: unknown, e: unknown, r: (id: string) => unknown) => void;
	factory(module, module.exports, (id: string) => {
		if (id === "obsidian") return obsidian;
		throw new Error(`Cannot find module '${id}'`);
	});
	const PluginClass = (module.exports.default ?? module.exports) as new (app: never, manifest: never) => Plugin;
	const plugin = new PluginClass(app as never, { ...MANIFEST, dir: `.obsidian/plugins/${MANIFEST.id}` } as never);
	app.plugins.plugins[MANIFEST.id] = plugin;
	plugin.load();
	await whenLoaded(plugin as never);
	return { loadMs: performance.now() - t0, loadCpuMs: cpuNow() - c0 };
}

/** Where the plugin keeps its persisted index in the bench vault (removed by the driver afterwards). */
export const CACHE_FILE = `.obsidian/plugins/${MANIFEST.id}/index-cache.json`;

async function runPrime(vault: string): Promise<object> {
	const { app, plugin } = await start(vault);
	const coldIndexMs = await coldIndex(app, plugin);
	await plugin.index.saveCache();
	// The index is one file per 256 notes: index-cache.json, index-cache-1.json …, and the notes no candidate: index-cache-others.json
	const folder = join(vault, CACHE_FILE, "..");
	const files = readdirSync(folder).filter((name) => /^index-cache(-\d+|-others)?\.json$/.test(name));
	return { coldIndexMs, cacheFiles: files.length, cacheBytes: files.reduce((sum, name) => sum + statSync(join(folder, name)).size, 0) };
}

async function runRestart(vault: string): Promise<object> {
	if (!existsSync(join(vault, CACHE_FILE))) throw new Error(`no persisted index at ${CACHE_FILE}: run prime first`);
	const { app, plugin } = await start(vault);
	const restartMs = await coldIndex(app, plugin);
	return { restartMs, restartCpuMs: lastCpuMs, prospects: plugin.index.report(localToday()).entries.length };
}

async function main(): Promise<void> {
	const [mode, vault, arg] = process.argv.slice(2);
	let result: object;
	if (mode === "index") result = await runIndex(vault, Number(arg ?? 200));
	else if (mode === "view") result = await runView(vault);
	else if (mode === "load") result = await runLoad(vault, arg);
	else if (mode === "prime") result = await runPrime(vault);
	else if (mode === "restart") result = await runRestart(vault);
	else throw new Error(`unknown mode ${mode}`);
	process.stdout.write(`${JSON.stringify(result)}\n`);
	process.exit(0);
}

void main();
