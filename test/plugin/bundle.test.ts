// @vitest-environment happy-dom
import { readFileSync, statSync } from "node:fs";
import { Session } from "node:inspector/promises";
import { runInContext } from "node:vm";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import * as obsidian from "obsidian";
import { makeVaultDir } from "../fakes/harness";
import { App, loadPlugin, notices, runCommand, whenLoaded } from "../fakes/obsidian";
import { cpSync } from "node:fs";
import { loadBuiltPlugin, MAIN_JS as MAIN } from "../helpers/bundle";
import { EXAMPLE_VAULT } from "../helpers/cli";
import { DEMO_DAY } from "./setup";
import { COMMAND_IDS } from "../../src/plugin/registerCommands";


beforeEach(() => {
	vi.useFakeTimers({ toFake: ["Date"] });
	vi.setSystemTime(DEMO_DAY);
});
afterEach(() => {
	vi.useRealTimers();
});

/** The built main.js, evaluated as Obsidian mobile would; it holds no Buffer or process. */
function loadBundle(): { PluginClass: new (...args: never[]) => unknown; required: string[] } {
	const { PluginClass, required, context } = loadBuiltPlugin(obsidian);
	expect(runInContext("typeof Buffer + ' ' + typeof process", context)).toBe("undefined undefined");
	return { PluginClass, required };
}

describe("the built main.js", () => {
	it("is small and needs no Node built-in, Buffer or process at run time", () => {
		// Issue 24: within 450 KB. Import leads brings papaparse (about 19 KB) and ical.js (about 78 KB), both
		// evaluated on first use; date-fns's lightFormat, not its locale-aware format (17 KB less).
		expect(statSync(MAIN).size).toBeLessThan(450 * 1024);
		const { PluginClass, required } = loadBundle();
		expect(typeof PluginClass).toBe("function");
		// Only `obsidian` at load: gray-matter, js-yaml and chrono are bundled but run on first use.
		expect([...new Set(required)].sort()).toEqual(["obsidian"]);
	});

	it("loads in the fake app, registers its commands and view, and indexes the example vault", async () => {
		const { PluginClass, required } = loadBundle();
		const dir = makeVaultDir();
		cpSync(EXAMPLE_VAULT, dir, { recursive: true });
		const app = new App(dir);
		type Loaded = { index: { ready: boolean; report(): { counts: Record<string, number> } } };
		const plugin = await loadPlugin<Loaded>(PluginClass as never, app);
		await app.settle();
		expect(Object.keys(app.commands.commands)).toContain("touchbase:log-touch");
		expect(Object.keys(app.commands.commands)).toContain("touchbase:start-sequence");
		expect(Object.keys(app.commands.commands).sort()).toEqual(COMMAND_IDS.map((id) => `touchbase:${id}`).sort());
		expect(plugin.index.ready).toBe(true);
		expect(plugin.index.report().counts).toMatchObject({ overdue: 3, today: 2, upcoming: 5, later: 2, "no-next-step": 1, paused: 1, closed: 1 });
		// The morning digest, built from Obsidian's element globals alone.
		expect(notices).toContain("Touchbase: 2 follow-ups due today, 3 overdueClick to open the follow-ups.");
		await runCommand(app, "open-follow-ups");
		await app.settle();
		expect(app.workspace.getLeavesOfType("touchbase-follow-ups")).toHaveLength(1);
		// js-yaml's two hidden probes (buffer, esprima) are stubbed in the build: even after YAML
		// was parsed, nothing but obsidian was ever required.
		expect([...new Set(required)].sort()).toEqual(["obsidian"]);
	});
});

/**
 * Code of each library that runs when its module is evaluated (a statement of its module body, in
 * the built main.js): how the test below tells which libraries loading the plugin evaluated.
 */
const MODULE_BODIES: Record<string, string> = {
	"js-yaml": '"tag:yaml.org,2002:str"',
	"gray-matter": ".clearCache=",
	papaparse: ".BYTE_ORDER_MARK=",
	"ical.js": 'name:"vcard3"',
	chrono: '"sun.":0',
};

/** How many times the code at each marker ran, from V8's block coverage of main.js. */
async function markerCounts(session: Session, source: string): Promise<Record<string, number>> {
	const { result } = (await session.post("Profiler.takePreciseCoverage")) as { result: { url: string; functions: { ranges: { startOffset: number; endOffset: number; count: number }[] }[] }[] };
	const script = result.find((s) => s.url.endsWith("main.js"));
	if (!script) throw new Error("main.js has no coverage");
	// The bundle runs inside a function whose text begins before main.js's own.
	const shift = "(function (module, exports, require) {".length;
	const counts: Record<string, number> = {};
	for (const [name, marker] of Object.entries(MODULE_BODIES)) {
		const at = source.indexOf(marker);
		expect(at, `${name}'s marker is in main.js once`).toBeGreaterThanOrEqual(0);
		expect(source.indexOf(marker, at + 1), `${name}'s marker is in main.js once`).toBe(-1);
		const offset = at + shift;
		// The innermost range around the marker holds its count.
		let best: { size: number; count: number } | null = null;
		for (const fn of script.functions) {
			for (const r of fn.ranges) {
				if (r.startOffset <= offset && offset < r.endOffset && (best === null || r.endOffset - r.startOffset <= best.size)) best = { size: r.endOffset - r.startOffset, count: r.count };
			}
		}
		counts[name] = best?.count ?? 0;
	}
	return counts;
}

describe("loading the built main.js", () => {
	it("evaluates no library until it is used: papaparse, ical.js, gray-matter, js-yaml and chrono", async () => {
		vi.useRealTimers();
		const session = new Session();
		session.connect();
		try {
			await session.post("Profiler.enable");
			await session.post("Profiler.startPreciseCoverage", { callCount: true, detailed: true });
			const { PluginClass } = loadBundle();
			const dir = makeVaultDir();
			cpSync(EXAMPLE_VAULT, dir, { recursive: true });
			const app = new App(dir);
			// Loaded as at Obsidian's start: onload, the layout not ready yet.
			type Loaded = { index: { ready: boolean }; load(): void };
			const plugin = new PluginClass(app as never, { id: "touchbase", name: "Touchbase", version: "0.0.0", minAppVersion: "1.7.2", author: "test", description: "test", dir: ".obsidian/plugins/touchbase" } as never) as Loaded;
			app.plugins.plugins.touchbase = plugin as never;
			plugin.load();
			await whenLoaded(plugin as never);
			const source = readFileSync(MAIN, "utf8");
			expect(await markerCounts(session, source)).toEqual({ "js-yaml": 0, "gray-matter": 0, papaparse: 0, "ical.js": 0, chrono: 0 });
			// The markers do tell: once the vault is read, YAML and chrono have run.
			app.workspace.triggerLayoutReady();
			await app.settle();
			expect(plugin.index.ready).toBe(true);
			const after = await markerCounts(session, source);
			expect(after["js-yaml"]).toBeGreaterThan(0);
			expect(after["gray-matter"]).toBeGreaterThan(0);
			expect(after.chrono).toBeGreaterThan(0);
			expect(after.papaparse).toBe(0);
		} finally {
			await session.post("Profiler.stopPreciseCoverage");
			session.disconnect();
		}
	});
});
