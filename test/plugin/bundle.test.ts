// @vitest-environment happy-dom
import { statSync } from "node:fs";
import { runInContext } from "node:vm";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import * as obsidian from "obsidian";
import { makeVaultDir } from "../fakes/harness";
import { App, loadPlugin, notices, runCommand } from "../fakes/obsidian";
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
		// 300 KB before Import leads, which brings papaparse (about 19 KB) and ical.js (about 79 KB), both loaded on first use;
		// Log meetings from a calendar file, the queue and going cold add about 15 KB of their own;
		// the cache's checksums and the size cap on reads (docs/reliability.md) about 4 KB; reading
		// lines by what they mean (core/read/lineJudge.ts, sections, date spans, links) about 18 KB.
		expect(statSync(MAIN).size).toBeLessThan(480_000);
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
