// @vitest-environment happy-dom
// The official Obsidian CLI's `touchbase` commands answer exactly as the Node CLI's, byte for byte,
// for the same vault and day (README, "The command line").
import { cpSync } from "node:fs";
import { basename, dirname } from "node:path";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { run } from "../../../src/cli/runCli";
import { CLI_COMMANDS } from "../../../src/plugin/actions/cliHandlers";
import { runCliHandler } from "../../fakes/obsidian";
import { copyVault, EXAMPLE_VAULT, runCli, touchbase } from "../../helpers/cli";
import { makeVaultDir } from "../../fakes/harness";
import { bytes, DEMO_DAY, demoPlugin, watchWrites } from "../setup";

const TODAY = "2026-11-23";

beforeEach(() => {
	vi.useFakeTimers({ toFake: ["Date"] });
	vi.setSystemTime(DEMO_DAY);
});
afterEach(() => {
	vi.useRealTimers();
});

/** The Node CLI in this process, stdout and stderr in the order it printed them. */
function nodeCli(args: string[]): { status: number; printed: string } {
	let printed = "";
	const status = run(args, { out: (t) => (printed += t), err: (t) => (printed += t), now: () => DEMO_DAY });
	return { status, printed };
}

describe("the Obsidian CLI handlers", () => {
	it("are registered under the plugin's id, with a description and flags each", async () => {
		const { app } = await demoPlugin();
		expect(Object.keys(app.cliHandlers).sort()).toEqual([...CLI_COMMANDS].sort());
		for (const id of CLI_COMMANDS) {
			expect(app.cliHandlers[id].description).not.toBe("");
			expect(app.cliHandlers[id].pluginId).toBe("touchbase");
		}
		expect(Object.keys(app.cliHandlers["touchbase:log"].flags ?? {})).toEqual(expect.arrayContaining(["file", "path", "channel", "summary", "next", "date", "time", "outcome", "objective", "today"]));
	});

	it("touchbase prints the due table of touchbase due, byte for byte", async () => {
		const { dir, app } = await demoPlugin();
		const node = touchbase(["due", basename(dir), "--today", TODAY], { cwd: dirname(dir) });
		expect(node.status).toBe(0);
		expect(await runCliHandler(app, "touchbase", { today: TODAY })).toBe(node.stdout);
		// Without today=, the local day, as without --today.
		expect(await runCliHandler(app, "touchbase")).toBe(node.stdout);
	});

	it("format=json and days= as --json and --days", async () => {
		const { dir, app } = await demoPlugin();
		for (const days of ["0", "3", "30"]) {
			const node = runCli(["due", dir, "--today", TODAY, "--json", "--days", days]);
			expect(await runCliHandler(app, "touchbase", { today: TODAY, format: "json", days })).toBe(node.stdout);
		}
		expect(await runCliHandler(app, "touchbase", { today: "2026-12-05", format: "json" })).toBe(runCli(["due", dir, "--today", "2026-12-05", "--json"]).stdout);
	});

	it("touchbase:stats as touchbase stats, as text and as JSON", async () => {
		const { dir, app } = await demoPlugin();
		expect(await runCliHandler(app, "touchbase:stats", { today: TODAY })).toBe(runCli(["stats", dir, "--today", TODAY]).stdout);
		expect(await runCliHandler(app, "touchbase:stats", { today: TODAY, format: "json" })).toBe(runCli(["stats", dir, "--today", TODAY, "--json"]).stdout);
	});

	it("touchbase:ics as touchbase ics", async () => {
		const { dir, app } = await demoPlugin();
		const ics = await runCliHandler(app, "touchbase:ics", { today: TODAY });
		expect(ics).toBe(runCli(["ics", dir, "--today", TODAY]).stdout);
		expect(ics).toContain("BEGIN:VCALENDAR");
	});

	it("follows an edit made in Obsidian: the next answer has it", async () => {
		const { dir, app } = await demoPlugin();
		app.vault.externalWrite("Prospects/Zephyr Cafe.md", "---\nstatus: active\n---\n- [ ] 2026-11-23 call: menu tasting\n");
		await app.settle();
		const answer = await runCliHandler(app, "touchbase", { today: TODAY, format: "json" });
		expect(answer).toContain("Zephyr Cafe");
		expect(answer).toBe(runCli(["due", dir, "--today", TODAY, "--json"]).stdout);
	});

	it("answers a mistake as the Node CLI's one line", async () => {
		const { app } = await demoPlugin();
		expect(await runCliHandler(app, "touchbase", { format: "yaml" })).toBe('touchbase: format must be text or json, not "yaml"\n');
		expect(await runCliHandler(app, "touchbase", { today: "2026-02-30" })).toBe(nodeCli(["due", EXAMPLE_VAULT, "--today", "2026-02-30"]).printed);
		expect(await runCliHandler(app, "touchbase", { days: "soon" })).toBe(nodeCli(["due", EXAMPLE_VAULT, "--days", "soon"]).printed);
	});
});

describe("touchbase:log", () => {
	const NOTE = "Prospects/Harbor Roofing.md";
	const FLAGS = { channel: "call", summary: "walked through the quote", next: "in 2 days email", outcome: "next step", time: "10:15", today: TODAY };
	const ARGS = ["--channel", "call", "--summary", "walked through the quote", "--next", "in 2 days email", "--outcome", "next step", "--time", "10:15", "--today", TODAY];

	it("writes the same bytes as touchbase log, in one Vault.process, and answers the same", async () => {
		const { dir, app } = await demoPlugin();
		const writes = watchWrites(app);
		const nodeVault = copyVault(dir);
		const node = nodeCli(["log", `${nodeVault}/${NOTE}`, ...ARGS]);
		expect(node.status).toBe(0);

		const answer = await runCliHandler(app, "touchbase:log", { path: NOTE, ...FLAGS });
		expect(answer).toBe(node.printed);
		expect(answer).toMatch(/^- 2026-11-23 10:15 call: walked through the quote .*\nNext follow-up: 2026-11-25\n$/);
		expect(bytes(dir, NOTE)).toBe(bytes(nodeVault, NOTE));
		expect(writes(NOTE)).toEqual({ process: 1, writes: 1, other: 0 });
	});

	it("finds the note by name with file=, as a link does", async () => {
		const { dir, app } = await demoPlugin();
		const nodeVault = copyVault(dir);
		const node = nodeCli(["log", `${nodeVault}/${NOTE}`, ...ARGS]);
		expect(await runCliHandler(app, "touchbase:log", { file: "Harbor Roofing", ...FLAGS })).toBe(node.printed);
		expect(bytes(dir, NOTE)).toBe(bytes(nodeVault, NOTE));
	});

	it("warns as the Node CLI does, between the line and the next follow-up", async () => {
		const { dir, app } = await demoPlugin();
		const nodeVault = copyVault(dir);
		// Run from the vault, so the note is named by the same vault path in the warnings.
		const args = ["--channel", "carrier-pigeon", "--summary", "sent a bird", "--today", TODAY];
		const node = touchbase(["log", NOTE, ...args], { cwd: nodeVault });
		const answer = await runCliHandler(app, "touchbase:log", { path: NOTE, channel: "carrier-pigeon", summary: "sent a bird", today: TODAY });
		expect(node.stderr).toContain("is not in the channel list");
		expect(answer).toContain(node.stderr);
		expect(answer).toBe(`${node.stdout.split("\n")[0]}\n${node.stderr}${node.stdout.split("\n").slice(1).join("\n")}`);

		const plain = "Notes/Groceries.md";
		const vault2 = makeVaultDir({ [plain]: "# Groceries\n" });
		cpSync(`${dir}/.obsidian`, `${vault2}/.obsidian`, { recursive: true });
		app.vault.externalWrite(plain, "# Groceries\n");
		await app.settle();
		const nodePlain = touchbase(["log", plain, "--channel", "call", "--summary", "asked", "--today", TODAY], { cwd: vault2 });
		expect(await runCliHandler(app, "touchbase:log", { path: plain, channel: "call", summary: "asked", today: TODAY })).toBe(nodePlain.stdout + nodePlain.stderr);
	});

	it("log answers the next follow-up as due sees it, an interaction note counted, as the Node CLI does", async () => {
		const meeting = { "Meetings/2026-11-20 Review with Lumen.md": '---\nattendees: ["[[Lumen Yoga Studio]]"]\n---\n' };
		const { dir, app } = await demoPlugin({ extra: meeting });
		const nodeVault = copyVault(EXAMPLE_VAULT);
		cpSync(`${dir}/Meetings`, `${nodeVault}/Meetings`, { recursive: true });
		const note = "Prospects/Lumen Yoga Studio.md";
		const args = ["log", `${nodeVault}/${note}`, "--channel", "call", "--summary", "asked", "--today", TODAY];
		const node = nodeCli(args);
		expect(node.status).toBe(0);
		const answer = await runCliHandler(app, "touchbase:log", { path: note, channel: "call", summary: "asked", today: TODAY });
		expect(answer.split("\n").find((l) => l.startsWith("Next follow-up"))).toBe(node.printed.split("\n").find((l) => l.startsWith("Next follow-up")));
		expect(bytes(dir, note)).toBe(bytes(nodeVault, note));
	});

	it("refuses as the Node CLI does, and changes nothing", async () => {
		const { dir, app } = await demoPlugin();
		const before = bytes(dir, NOTE);
		const writes = watchWrites(app);
		expect(await runCliHandler(app, "touchbase:log", { path: NOTE, summary: "x", today: TODAY })).toBe(nodeCli(["log", `${dir}/${NOTE}`, "--summary", "x"]).printed);
		expect(await runCliHandler(app, "touchbase:log", { path: NOTE, channel: "call", summary: "x", date: "2026-12-01", today: TODAY })).toBe(
			nodeCli(["log", `${dir}/${NOTE}`, "--channel", "call", "--summary", "x", "--date", "2026-12-01", "--today", TODAY]).printed,
		);
		expect(await runCliHandler(app, "touchbase:log", { path: NOTE, channel: "call", summary: "x", outcome: "maybe" })).toBe('touchbase: --outcome must be yes, no or "next step", not "maybe"\n');
		expect(await runCliHandler(app, "touchbase:log", { channel: "call", summary: "x" })).toBe("touchbase: give the note with file=NAME or path=PATH\n");
		expect(await runCliHandler(app, "touchbase:log", { path: "Prospects/Nobody.md", channel: "call", summary: "x" })).toBe("touchbase: note not found: Prospects/Nobody.md\n");
		expect(await runCliHandler(app, "touchbase:log", { path: NOTE, channel: "call", summary: "x", next: "when pigs fly" })).toMatch(/^touchbase: Prospects\/Harbor Roofing\.md was not changed: /);
		expect(bytes(dir, NOTE)).toBe(before);
		expect(writes(NOTE).writes).toBe(0);
	});
});
