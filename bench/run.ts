// `npm run bench`: generates (or reuses) the benchmark vaults, measures the CLI, the plugin and the
// bundle against the targets of issue 24, prints a table and writes bench/results.json.
// Every figure is the median of RUNS runs (default 5), each in a fresh Node process; the targets
// are issue 24's, and the floor is measured in the same run.
//
// Options: --sizes 1000,10000,50000  --runs 5  --edits 200  --out bench/results.json
//          --root DIR (measure the code of another checkout: its dist/, main.js, src/)  --no-build
//          --check: instead, check that the fast paths give the answers of what they replace
import { build } from "esbuild";
import { spawnSync, type SpawnSyncReturns } from "node:child_process";
import { createHash } from "node:crypto";
import { closeSync, existsSync, mkdirSync, openSync, readdirSync, readFileSync, rmSync, statSync, utimesSync, writeFileSync } from "node:fs";
import { cpus, loadavg, totalmem } from "node:os";
import { join, relative, resolve } from "node:path";
import { parseArgs } from "node:util";
import { describeLongest, LONG_TASK_MS, measureBrowserIndex } from "./browserIndex";
import { measureBrowserView } from "./browserView";
import { checkEquivalence } from "./equivalence";
import { generateVault } from "./generate";

/** The day the vaults are written around: `due --today` uses it, so every run lists the same. */
const TODAY = "2026-11-23";

const { values } = parseArgs({
	options: {
		sizes: { type: "string", default: "1000,10000,50000" },
		runs: { type: "string", default: "5" },
		edits: { type: "string", default: "200" },
		out: { type: "string" },
		root: { type: "string" },
		"no-build": { type: "boolean" },
		check: { type: "boolean" },
	},
});
const HERE = process.cwd();
const ROOT = resolve(values.root ?? HERE);
const SIZES = values.sizes.split(",").map(Number);
const RUNS = Math.max(1, Number(values.runs));
const EDITS = Number(values.edits);
const RESULTS = resolve(values.out ?? join(HERE, "bench", "results.json"));
const CACHE = join(HERE, "bench", ".cache");
// Bundles go where neither git nor the linter looks.
const BUILD = join(HERE, "node_modules", ".cache", "touchbase-bench");
const NODE = process.execPath;
const TARGET_SIZE = 10_000;

function median(xs: number[]): number {
	const s = [...xs].sort((a, b) => a - b);
	const m = s.length >> 1;
	return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}

function log(text: string): void {
	process.stderr.write(`${text}\n`);
}

function check(result: SpawnSyncReturns<Buffer | string>, what: string): void {
	if (result.status !== 0) throw new Error(`${what} failed (${result.status ?? result.signal}): ${String(result.stderr).slice(0, 2000)}`);
}

// ---- the code under test, and the bench's own bundles ----

async function prepare(): Promise<void> {
	if (!values["no-build"]) {
		log(`building ${ROOT} ...`);
		check(spawnSync(NODE, ["esbuild.config.mjs", "production"], { cwd: ROOT, encoding: "utf8" }), "npm run build");
	}
	mkdirSync(BUILD, { recursive: true });
	const common = { bundle: true, platform: "node", format: "cjs", target: "node18", logLevel: "warning" } as const;
	await build({ ...common, entryPoints: [join(HERE, "bench", "floor.ts")], outfile: join(BUILD, "floor.cjs") });
	await build({ ...common, entryPoints: [join(HERE, "bench", "maxrss.ts")], outfile: join(BUILD, "maxrss.cjs") });
	await build({ ...common, entryPoints: [join(HERE, "bench", "libraries.ts")], outfile: join(BUILD, "libraries.cjs") });
	// The plugin's source as the tests see it: `obsidian` is the fake over real files.
	await build({
		...common,
		entryPoints: [join(ROOT, "bench", "plugin.ts")],
		outfile: join(BUILD, "plugin.cjs"),
		absWorkingDir: ROOT,
		alias: { obsidian: "./test/fakes/obsidian.ts" },
		external: ["happy-dom"],
		define: { "process.env.NODE_ENV": '"production"' },
	});
}

// ---- vaults, generated once per generator version ----

function vaultDir(notes: number, dueOnly = false): string {
	const version = createHash("sha256").update(readFileSync(join(HERE, "bench", "generate.ts"))).digest("hex").slice(0, 10);
	const dir = join(CACHE, `${dueOnly ? "due" : "notes"}-${notes}-seed1-${version}`);
	const marker = join(dir, ".bench-complete");
	if (!existsSync(marker)) {
		log(`generating ${relative(HERE, dir)} ...`);
		const stats = generateVault(dir, notes, { seed: 1, dueOnly });
		writeFileSync(marker, `${JSON.stringify(stats)}\n`);
	}
	return dir;
}

function vaultStats(dir: string): { prospects: number; other: number; broken: number; bytes: number } {
	return JSON.parse(readFileSync(join(dir, ".bench-complete"), "utf8")) as { prospects: number; other: number; broken: number; bytes: number };
}

// ---- processes ----

const devNull = openSync(process.platform === "win32" ? "NUL" : "/dev/null", "w");

/** Wall time of a whole process, its output thrown away. */
function timeProcess(args: string[], env: NodeJS.ProcessEnv = process.env): number {
	return timeRun(args, env).ms;
}

/**
 * Wall time and CPU time (user and system, from the process's own accounting: bench/maxrss.ts)
 * of a whole process. On a machine shared with other work, the CPU time moves far less.
 */
function timeRun(args: string[], env: NodeJS.ProcessEnv = process.env): { ms: number; cpuMs: number; peakKB: number } {
	const file = join(BUILD, "usage.txt");
	rmSync(file, { force: true });
	const t0 = performance.now();
	const result = spawnSync(NODE, ["--require", join(BUILD, "maxrss.cjs"), ...args], { cwd: ROOT, stdio: ["ignore", devNull, "pipe"], env: { ...env, TOUCHBASE_MAXRSS_FILE: file } });
	const ms = performance.now() - t0;
	check(result, args.join(" "));
	const [peakKB, cpuMs] = readFileSync(file, "utf8").split(" ").map(Number);
	return { ms, cpuMs, peakKB };
}

function jsonProcess<T>(args: string[]): T {
	const result = spawnSync(NODE, args, { cwd: ROOT, encoding: "utf8", maxBuffer: 1 << 30 });
	check(result, args.join(" "));
	return JSON.parse(result.stdout.trim().split("\n").pop()!) as T;
}

const cliArgs = (vault: string): string[] => [join(ROOT, "dist", "cli.js"), "due", vault, "--json", "--today", TODAY];

/** The CLI's persisted index lives here during the bench, never in the user's ~/.cache. */
const CACHE_HOME = join(BUILD, "xdg-cache");
/** The environment of a cold run: the cache folder emptied first. */
function coldEnv(): NodeJS.ProcessEnv {
	rmSync(CACHE_HOME, { recursive: true, force: true });
	return { ...process.env, XDG_CACHE_HOME: CACHE_HOME };
}
const warmEnv = (): NodeJS.ProcessEnv => ({ ...process.env, XDG_CACHE_HOME: CACHE_HOME });

/** A prospect note of the vault, to change between warm runs. */
function someProspect(vault: string): string {
	const dir = join(vault, "Prospects");
	const walk = (d: string): string | null => {
		for (const name of readdirSync(d).sort()) {
			const full = join(d, name);
			if (statSync(full).isDirectory()) {
				const found = walk(full);
				if (found) return found;
			} else if (name.endsWith(".md")) return full;
		}
		return null;
	};
	const found = walk(dir);
	if (!found) throw new Error(`no prospect note under ${dir}`);
	return found;
}

/** Warm runs (nothing changed since the last), and runs after one prospect note changed. */
function measureCliWarm(vault: string): { warmRuns: number[]; changedRuns: number[]; warmCpuRuns: number[]; changedCpuRuns: number[] } {
	timeProcess(cliArgs(vault), coldEnv());
	const warmRuns: number[] = [];
	const warmCpuRuns: number[] = [];
	const changedCpuRuns: number[] = [];
	for (let i = 0; i < RUNS; i++) {
		const run = timeRun(cliArgs(vault), warmEnv());
		warmRuns.push(run.ms);
		warmCpuRuns.push(run.cpuMs);
	}
	const note = someProspect(vault);
	const original = readFileSync(note);
	const { atime, mtime } = statSync(note);
	const changedRuns: number[] = [];
	try {
		for (let i = 0; i < RUNS; i++) {
			// A real edit: other bytes, a newer modification time.
			writeFileSync(note, Buffer.concat([original, Buffer.from(i % 2 === 0 ? "\n" : "\n\n")]));
			const run = timeRun(cliArgs(vault), warmEnv());
			changedRuns.push(run.ms);
			changedCpuRuns.push(run.cpuMs);
		}
	} finally {
		writeFileSync(note, original);
		utimesSync(note, atime, mtime);
	}
	return { warmRuns, changedRuns, warmCpuRuns, changedCpuRuns };
}

interface CliFigures {
	cliMs: number;
	floorMs: number;
	ratio: number;
	cliRuns: number[];
	floorRuns: number[];
	prospects: number;
	warmMs: number;
	changedMs: number;
	warmRuns: number[];
	changedRuns: number[];
	/** The same runs' CPU time (ms). */
	cliCpuMs: number;
	floorCpuMs: number;
	warmCpuMs: number;
	changedCpuMs: number;
	cliCpuRuns: number[];
	floorCpuRuns: number[];
	warmCpuRuns: number[];
	changedCpuRuns: number[];
}

function measureCli(vault: string): CliFigures {
	// Warm the page cache, and check the answer once.
	timeProcess([join(BUILD, "floor.cjs"), vault]);
	const out = spawnSync(NODE, cliArgs(vault), { cwd: ROOT, encoding: "utf8", maxBuffer: 1 << 30 });
	check(out, "touchbase due");
	const prospects = (JSON.parse(out.stdout) as { prospects: unknown[] }).prospects.length;
	const cliRuns: number[] = [];
	const floorRuns: number[] = [];
	const cliCpuRuns: number[] = [];
	const floorCpuRuns: number[] = [];
	const cli = (): void => {
		const run = timeRun(cliArgs(vault), coldEnv());
		cliRuns.push(run.ms);
		cliCpuRuns.push(run.cpuMs);
	};
	const floor = (): void => {
		const run = timeRun([join(BUILD, "floor.cjs"), vault]);
		floorRuns.push(run.ms);
		floorCpuRuns.push(run.cpuMs);
	};
	for (let i = 0; i < RUNS; i++) {
		// Alternate, so a slow moment of the machine hits both.
		if (i % 2 === 0) {
			cli();
			floor();
		} else {
			floor();
			cli();
		}
	}
	const cliMs = median(cliRuns);
	const floorMs = median(floorRuns);
	const { warmRuns, changedRuns, warmCpuRuns, changedCpuRuns } = measureCliWarm(vault);
	return {
		cliMs,
		floorMs,
		ratio: cliMs / floorMs,
		cliRuns,
		floorRuns,
		prospects,
		warmMs: median(warmRuns),
		changedMs: median(changedRuns),
		warmRuns,
		changedRuns,
		cliCpuMs: median(cliCpuRuns),
		floorCpuMs: median(floorCpuRuns),
		warmCpuMs: median(warmCpuRuns),
		changedCpuMs: median(changedCpuRuns),
		cliCpuRuns,
		floorCpuRuns,
		warmCpuRuns,
		changedCpuRuns,
	};
}

interface LibraryRun {
	frontmatters: number;
	grayMatterMs: number;
	phrases: number;
	chronoMs: number;
}

/** gray-matter and chrono alone, on what the CLI gives them: the least any reader built on them pays. */
function measureLibraries(vault: string): { ms: number; runs: LibraryRun[] } {
	const runs: LibraryRun[] = [];
	for (let i = 0; i < RUNS; i++) runs.push(jsonProcess<LibraryRun>([join(BUILD, "libraries.cjs"), vault]));
	return { ms: median(runs.map((r) => r.grayMatterMs + r.chronoMs)), runs };
}

function measureRss(vault: string): { peakMB: number; runs: number[] } {
	const runs: number[] = [];
	// Node reports kilobytes (kibibytes).
	for (let i = 0; i < RUNS; i++) runs.push(timeRun(cliArgs(vault), coldEnv()).peakKB / 1024);
	return { peakMB: median(runs), runs };
}

interface IndexRun {
	appMs: number;
	coldIndexMs: number;
	coldIndexCpuMs: number;
	prospects: number;
	problems: number;
	incremental: { edits: number; medianMs: number; p90Ms: number; moved: number };
}

function measurePlugin(vault: string): { coldIndexMs: number; coldIndexCpuMs: number; incrementalMs: number; runs: IndexRun[] } {
	const folder = join(vault, PLUGIN_CACHE, "..");
	if (existsSync(folder)) for (const name of readdirSync(folder)) if (name.startsWith("index-cache")) rmSync(join(folder, name), { force: true });
	const runs: IndexRun[] = [];
	for (let i = 0; i < RUNS; i++) runs.push(jsonProcess<IndexRun>(["--max-old-space-size=8192", "--expose-gc", join(BUILD, "plugin.cjs"), "index", vault, String(EDITS)]));
	return { coldIndexMs: median(runs.map((r) => r.coldIndexMs)), coldIndexCpuMs: median(runs.map((r) => r.coldIndexCpuMs)), incrementalMs: median(runs.map((r) => r.incremental.medianMs)), runs };
}

/** The plugin's persisted index in a bench vault (bench/plugin.ts); never left behind for the cold runs. */
const PLUGIN_CACHE = join(".obsidian", "plugins", "touchbase", "index-cache.json");

/** A start of Obsidian with the persisted index the first index wrote: each run a fresh process. */
function measureRestart(vault: string): { restartMs: number; restartCpuMs: number; cacheBytes: number; cacheFiles: number; runs: number[]; cpuRuns: number[] } {
	const folder = join(vault, PLUGIN_CACHE, "..");
	// The index's files: index-cache.json, index-cache-1.json … (256 notes each).
	const clear = (): void => {
		if (!existsSync(folder)) return;
		for (const name of readdirSync(folder)) if (/^index-cache(-\d+|-others)?\.json(\.tmp)?$/.test(name)) rmSync(join(folder, name), { force: true });
	};
	clear();
	try {
		const primed = jsonProcess<{ cacheBytes: number; cacheFiles: number }>(["--max-old-space-size=8192", "--expose-gc", join(BUILD, "plugin.cjs"), "prime", vault]);
		const runs: number[] = [];
		const cpuRuns: number[] = [];
		for (let i = 0; i < RUNS; i++) {
			const run = jsonProcess<{ restartMs: number; restartCpuMs: number }>(["--max-old-space-size=8192", "--expose-gc", join(BUILD, "plugin.cjs"), "restart", vault]);
			runs.push(run.restartMs);
			cpuRuns.push(run.restartCpuMs);
		}
		return { restartMs: median(runs), restartCpuMs: median(cpuRuns), cacheBytes: primed.cacheBytes, cacheFiles: primed.cacheFiles, runs, cpuRuns };
	} finally {
		clear();
	}
}

interface ViewRun {
	openMs: number;
	redrawMs: number;
	rowsDrawn: number;
	dueRows: number;
	prospects: number;
}

function measureView(vault: string): { openMs: number; redrawMs: number; runs: ViewRun[] } {
	const runs: ViewRun[] = [];
	for (let i = 0; i < RUNS; i++) runs.push(jsonProcess<ViewRun>([join(BUILD, "plugin.cjs"), "view", vault]));
	return { openMs: median(runs.map((r) => r.openMs)), redrawMs: median(runs.map((r) => r.redrawMs)), runs };
}

function measureLoad(vault: string): { loadMs: number; loadCpuMs: number; runs: number[]; cpuRuns: number[] } {
	const runs: number[] = [];
	const cpuRuns: number[] = [];
	// Loading is short: more runs, so the median is not one slow moment of a shared machine.
	for (let i = 0; i < Math.max(RUNS, 9); i++) {
		const run = jsonProcess<{ loadMs: number; loadCpuMs: number }>([join(BUILD, "plugin.cjs"), "load", vault, join(ROOT, "main.js")]);
		runs.push(run.loadMs);
		cpuRuns.push(run.loadCpuMs);
	}
	return { loadMs: median(runs), loadCpuMs: median(cpuRuns), runs, cpuRuns };
}

// ---- the table ----

interface Row {
	figure: string;
	size: string;
	value: string;
	target: string;
	holds: boolean | null;
	/** Issue 24's moonshot, where it names one. */
	moonshot?: string;
}

function fmt(ms: number): string {
	return ms >= 100 ? `${ms.toFixed(0)} ms` : ms >= 10 ? `${ms.toFixed(1)} ms` : `${ms.toFixed(2)} ms`;
}

function table(rows: Row[]): string {
	const head = ["Figure", "Vault", "Measured", "Target", "Holds", "Moonshot"];
	const cells = rows.map((r) => [r.figure, r.size, r.value, r.target, r.holds === null ? "" : r.holds ? "yes" : "NO", r.moonshot ?? ""]);
	const widths = head.map((h, i) => Math.max(h.length, ...cells.map((c) => c[i].length)));
	const line = (c: string[]): string => `| ${c.map((x, i) => x.padEnd(widths[i])).join(" | ")} |`;
	return [line(head), `|${widths.map((w) => "-".repeat(w + 2)).join("|")}|`, ...cells.map(line)].join("\n");
}

async function main(): Promise<void> {
	const started = new Date();
	const loadBefore = loadavg();
	await prepare();
	const vaults = new Map(SIZES.map((n) => [n, vaultDir(n)]));
	const dueVault = vaultDir(2000, true);
	const cli = new Map<number, CliFigures>();
	const libraries = new Map<number, ReturnType<typeof measureLibraries>>();
	const plugin = new Map<number, ReturnType<typeof measurePlugin>>();
	const restart = new Map<number, ReturnType<typeof measureRestart>>();
	for (const [n, dir] of vaults) {
		log(`${n} notes: CLI and floor ...`);
		cli.set(n, measureCli(dir));
		log(`${n} notes: gray-matter and chrono alone ...`);
		libraries.set(n, measureLibraries(dir));
		log(`${n} notes: plugin ...`);
		plugin.set(n, measurePlugin(dir));
		log(`${n} notes: plugin restart ...`);
		restart.set(n, measureRestart(dir));
	}
	const largest = Math.max(...SIZES);
	log(`${largest} notes: CLI memory ...`);
	const rss = measureRss(vaults.get(largest)!);
	log("view ...");
	const view = measureView(dueVault);
	log("view in Chromium ...");
	const browserView = await measureBrowserView(dueVault, Math.max(RUNS, 5));
	const browserOpenMs = median(browserView.openMs);
	// The longest main-thread task while the plugin starts in Chromium, at the target size.
	const startVault = vaults.get(TARGET_SIZE) ?? vaults.get(largest)!;
	log(`${vaultStats(startVault).prospects + vaultStats(startVault).other} notes: plugin start in Chromium ...`);
	const browserIndex = await measureBrowserIndex(startVault, Math.max(RUNS, 5));
	log("bundle ...");
	const bundleBytes = statSync(join(ROOT, "main.js")).size;
	const load = measureLoad(vaults.get(Math.min(...SIZES))!);

	const rows: Row[] = [];
	const sizeLabel = (n: number): string => n.toLocaleString("en-US");
	// Issue 24's targets. On a machine busier than its cores (load average before the run), the
	// wall clock measures the other work as much as this: a figure with a CPU time is then judged
	// by it (user and system time of the process, from the kernel's own accounting).
	const loaded = loadBefore[0] >= cpus().length;
	const judged = (wall: number, cpu: number | null): number => (loaded && cpu !== null ? cpu : wall);
	const ratios = (ms: number, floorMs: number, cpuMs: number, floorCpuMs: number): string =>
		`${fmt(ms)} / ${fmt(floorMs)} = ${(ms / floorMs).toFixed(2)}x; CPU ${fmt(cpuMs)} / ${fmt(floorCpuMs)} = ${(cpuMs / floorCpuMs).toFixed(2)}x`;
	const cliRows = (figure: string, limit: number | null, moonshot: string, of: (c: CliFigures) => [number, number]): void => {
		for (const [n, c] of cli) {
			const target = n === TARGET_SIZE && limit !== null;
			const [ms, cpuMs] = of(c);
			const ratio = judged(ms / c.floorMs, cpuMs / c.floorCpuMs);
			rows.push({ figure, size: sizeLabel(n), value: ratios(ms, c.floorMs, cpuMs, c.floorCpuMs), target: target ? `<= ${limit.toFixed(1)}x` : "", holds: target ? ratio <= limit : null, moonshot: target ? moonshot : "" });
		}
	};
	cliRows("Cold CLI `due --json` (empty cache) / floor", 4.0, "2.0x", (c) => [c.cliMs, c.cliCpuMs]);
	cliRows("Warm CLI (nothing changed) / floor", 1.0, "", (c) => [c.warmMs, c.warmCpuMs]);
	cliRows("CLI, one prospect note changed / floor", 1.5, "1.1x", (c) => [c.changedMs, c.changedCpuMs]);
	for (const [n, l] of libraries) {
		const c = cli.get(n)!;
		const r = l.runs[0];
		rows.push({
			figure: `of which gray-matter (${r.frontmatters}) + chrono (${r.phrases}) alone`,
			size: sizeLabel(n),
			value: `${fmt(l.ms)} = ${(l.ms / c.floorMs).toFixed(2)}x the floor`,
			target: "",
			holds: null,
		});
	}
	for (const [n, p] of plugin) {
		const target = n === TARGET_SIZE;
		rows.push({ figure: "Plugin first index (fake Obsidian)", size: sizeLabel(n), value: `${fmt(p.coldIndexMs)}; CPU ${fmt(p.coldIndexCpuMs)}`, target: target ? "<= 1.0 s" : "", holds: target ? judged(p.coldIndexMs, p.coldIndexCpuMs) <= 1000 : null, moonshot: target ? "0.5 s" : "" });
	}
	for (const [n, r] of restart) {
		const target = n === TARGET_SIZE;
		rows.push({
			figure: `Plugin restart with the persisted index (${r.cacheFiles} files, ${(r.cacheBytes / 2 ** 20).toFixed(1)} MB)`,
			size: sizeLabel(n),
			value: `${fmt(r.restartMs)}; CPU ${fmt(r.restartCpuMs)}`,
			target: target ? "<= 150 ms" : "",
			holds: target ? judged(r.restartMs, r.restartCpuMs) <= 150 : null,
			moonshot: target ? "50 ms" : "",
		});
	}
	for (const [n, p] of plugin) {
		const target = n === TARGET_SIZE;
		rows.push({ figure: `Incremental update (median of ${EDITS})`, size: sizeLabel(n), value: fmt(p.incrementalMs), target: target ? "<= 1 ms" : "", holds: target ? p.incrementalMs <= 1 : null });
	}
	const smallest = Math.min(...SIZES);
	const growth = plugin.get(largest)!.incrementalMs / plugin.get(smallest)!.incrementalMs;
	rows.push({ figure: "Incremental growth", size: `${sizeLabel(largest)} vs ${sizeLabel(smallest)}`, value: `${growth.toFixed(2)}x`, target: "<= 1.5x", holds: growth <= 1.5 });
	const v = view.runs[0];
	rows.push({ figure: `View render in Chromium (${v.dueRows.toLocaleString("en-US")} due rows; ${browserView.rowsDrawn} drawn)`, size: "2,000 due", value: fmt(browserOpenMs), target: "<= 50 ms", holds: browserOpenMs <= 50 });
	rows.push({ figure: "View render in Chromium, first opening", size: "2,000 due", value: fmt(browserView.firstOpenMs), target: "", holds: null });
	rows.push({ figure: "View render in happy-dom (first opening)", size: "2,000 due", value: fmt(view.openMs), target: "", holds: null });
	rows.push({ figure: "View redraw after an edit, happy-dom", size: "2,000 due", value: fmt(view.redrawMs), target: "", holds: null });
	const startSize = sizeLabel(vaults.has(TARGET_SIZE) ? TARGET_SIZE : largest);
	for (const [label, runs, limit, moonshot] of [["first index", browserIndex.first, 1000, "0.5 s"], ["restart", browserIndex.restart, 150, "50 ms"]] as const) {
		const sorted = [...runs].sort((a, b) => a.longestMs - b.longestMs);
		const mid = sorted[sorted.length >> 1];
		const worst = sorted[sorted.length - 1];
		rows.push({
			figure: `Longest main-thread task in Chromium, ${label} (median run; worst run)`,
			size: startSize,
			value: `${describeLongest(mid)}; ${describeLongest(worst)}`,
			target: `< ${LONG_TASK_MS} ms`,
			holds: mid.longTasks === 0,
		});
		const drawn = median(runs.map((r) => r.totalMs));
		rows.push({ figure: `Plugin ${label} in Chromium, until the due list is drawn (wall only)`, size: startSize, value: fmt(drawn), target: `<= ${fmt(limit)}`, holds: drawn <= limit, moonshot });
	}
	rows.push({ figure: "main.js size", size: "", value: `${(bundleBytes / 1024).toFixed(1)} KB`, target: "<= 450 KB", holds: bundleBytes <= 450 * 1024 });
	rows.push({ figure: "Load main.js + onload", size: "", value: `${fmt(load.loadMs)}; CPU ${fmt(load.loadCpuMs)}`, target: "<= 25 ms", holds: judged(load.loadMs, load.loadCpuMs) <= 25, moonshot: "15 ms" });
	rows.push({ figure: "CLI peak memory", size: sizeLabel(largest), value: `${rss.peakMB.toFixed(0)} MB`, target: largest >= 50_000 ? "<= 300 MB" : "(at 50,000)", holds: largest >= 50_000 ? rss.peakMB <= 300 : null, moonshot: "200 MB" });

	const text = table(rows);
	const loadAfter = loadavg();
	process.stdout.write(
		`\n${text}\n\nLoad average ${loadBefore[0].toFixed(1)} before, ${loadAfter[0].toFixed(1)} after, on ${cpus().length} cores: ` +
			`${loaded ? "figures with a CPU time are judged by it (the machine was shared)" : "judged by the wall clock"}.\n\n`,
	);
	const git = spawnSync("git", ["rev-parse", "--short", "HEAD"], { cwd: ROOT, encoding: "utf8" });
	const dirty = spawnSync("git", ["status", "--porcelain"], { cwd: ROOT, encoding: "utf8" });
	const results = {
		date: started.toISOString(),
		machine: { cpus: cpus().length, cpu: cpus()[0]?.model ?? "", memoryGB: Math.round(totalmem() / 2 ** 30), node: process.version, platform: process.platform, loadavgBefore: loadBefore, loadavgAfter: loadavg() },
		code: { root: ROOT, commit: git.stdout.trim(), uncommittedChanges: dirty.stdout.trim() !== "" },
		settings: { runs: RUNS, edits: EDITS, today: TODAY, sizes: SIZES },
		vaults: Object.fromEntries([...vaults].map(([n, dir]) => [n, { dir: relative(HERE, dir), ...vaultStats(dir) }])),
		table: rows,
		cli: Object.fromEntries(cli),
		libraries: Object.fromEntries(libraries),
		plugin: Object.fromEntries(plugin),
		restart: Object.fromEntries(restart),
		memory: { vaultNotes: largest, ...rss },
		view: { vault: relative(HERE, dueVault), ...view },
		browserView: { medianOpenMs: browserOpenMs, ...browserView },
		browserIndex,
		bundle: { bytes: bundleBytes, ...load },
	};
	writeFileSync(RESULTS, `${JSON.stringify(results, null, 2)}\n`);
	closeSync(devNull);
	log(`wrote ${relative(HERE, RESULTS)}`);
}

if (values.check) {
	process.exitCode = checkEquivalence() > 0 ? 1 : 0;
} else {
	main().catch((error: unknown) => {
		console.error(error);
		process.exit(1);
	});
}
