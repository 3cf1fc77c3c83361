// @vitest-environment happy-dom
// What ends a sequence, in the plugin (README, "Sequences"): a meeting logged with Log a touch, a
// status changed by hand (or by a sync) and seen by the index, and a step written when the one
// before it is logged. Each is one Vault.process write, counted with watchWrites.
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import type { LogInput } from "../../../src/core/write/logTouch";
import { notices, type App } from "../../fakes/obsidian";
import { bytes, DEMO_DAY, demoPlugin, file, watchWrites } from "../setup";
import type TouchbasePlugin from "../../../src/plugin/main";

const RIVERSIDE = "Prospects/Riverside Physio.md";
const ONE_WRITE = { process: 1, writes: 1, other: 0 };

beforeEach(() => {
	vi.useFakeTimers({ toFake: ["Date"] });
	vi.setSystemTime(DEMO_DAY); // Monday 2026-11-23
});
afterEach(() => {
	vi.useRealTimers();
});

const input = (over: Partial<LogInput>): LogInput => ({ date: "2026-11-23", time: null, channel: "email", summary: "x", outcome: null, next: null, objective: null, ...over });

/** The example vault with the trade-show sequence started on Riverside Physio today. */
async function withSequence(): Promise<{ dir: string; app: App; plugin: TouchbasePlugin }> {
	const demo = await demoPlugin();
	const ok = await demo.plugin.actions.applySequence(file(demo.app, RIVERSIDE), demo.plugin.settings.sequences[0], "2026-11-23");
	expect(ok).toBe(true);
	await demo.app.settle();
	notices.length = 0;
	return demo;
}

/** The note with a status typed into its frontmatter (Riverside Physio has none: it is active). */
function withStatus(text: string, status: string, extra = ""): string {
	if (!text.startsWith("---\ncompany:")) throw new Error("unexpected frontmatter");
	return text.replace("---\ncompany:", `---\nstatus: ${status}\n${extra}company:`);
}

const count = (text: string, mark: string): number => text.split("\n").filter((l) => l.startsWith(`- [${mark}]`) && l.includes("#sequence/")).length;

describe("a meeting logged ends the sequence", () => {
	it("Log a touch on coffee: the open sequence touches cancelled in one write, and said so", async () => {
		const { dir, app, plugin } = await withSequence();
		const written = watchWrites(app);
		expect(await plugin.actions.applyLog(file(app, RIVERSIDE), input({ channel: "coffee", summary: "met Priya" }))).toBe(true);
		await app.settle();
		expect(written(RIVERSIDE)).toEqual(ONE_WRITE);
		const after = bytes(dir, RIVERSIDE);
		expect(count(after, " ")).toBe(0);
		expect(count(after, "-")).toBe(4);
		expect(count(after, "x")).toBe(1);
		expect(notices).toEqual(["Touchbase: touch logged in Riverside Physio. A meeting ends the sequence: the 4 open sequence touches were cancelled."]);
	});
});

describe("a status changed by hand ends the sequence", () => {
	for (const status of ["won", "lost", "paused"]) {
		it(`status: ${status} typed in the note: one write cancels the sequence touches, once`, async () => {
			const { dir, app } = await withSequence();
			const before = bytes(dir, RIVERSIDE);
			const written = watchWrites(app);
			app.vault.externalWrite(RIVERSIDE, withStatus(before, status));
			await app.settle();
			await app.settle();
			expect(written(RIVERSIDE).process).toBe(1);
			const after = bytes(dir, RIVERSIDE);
			expect(count(after, " ")).toBe(0);
			expect(count(after, "-")).toBe(5);
			expect(notices).toEqual([`Touchbase: Riverside Physio is ${status}, so its sequence ended: 5 open touches were cancelled.`]);
			// Edited again (any edit), nothing more is written.
			app.vault.externalWrite(RIVERSIDE, `${after}\nA line.\n`);
			await app.settle();
			expect(written(RIVERSIDE).process).toBe(1);
		});
	}

	it("from a sync: the other device's cancelled lines arrive with the status, and nothing is written", async () => {
		const { dir, app } = await withSequence();
		const before = bytes(dir, RIVERSIDE);
		const synced = withStatus(before, "won").replace(/- \[ \] (.*#sequence\/)/g, "- [-] $1");
		const written = watchWrites(app);
		app.vault.externalWrite(RIVERSIDE, synced);
		await app.settle();
		expect(written(RIVERSIDE).process).toBe(0);
		expect(bytes(dir, RIVERSIDE)).toBe(synced);
		expect(notices).toEqual([]);
	});

	it("never while the note is unreadable; once it reads again, once", async () => {
		const { dir, app } = await withSequence();
		const before = bytes(dir, RIVERSIDE);
		const written = watchWrites(app);
		const broken = withStatus(before, "won", "owner: [oops\n");
		app.vault.externalWrite(RIVERSIDE, broken);
		await app.settle();
		expect(written(RIVERSIDE).process).toBe(0);
		expect(bytes(dir, RIVERSIDE)).toBe(broken);
		app.vault.externalWrite(RIVERSIDE, withStatus(before, "won"));
		await app.settle();
		await app.settle();
		expect(written(RIVERSIDE).process).toBe(1);
		expect(count(bytes(dir, RIVERSIDE), "-")).toBe(5);
	});

	it("a sequence started on a prospect already won is left alone: only a change of status ends one", async () => {
		const { dir, app, plugin } = await demoPlugin();
		const path = "Prospects/Tidewater Marina.md";
		expect(await plugin.actions.applySequence(file(app, path), plugin.settings.sequences[1], "2026-11-23")).toBe(true);
		await app.settle();
		await app.settle();
		expect(count(bytes(dir, path), " ")).toBe(4);
		expect(count(bytes(dir, path), "-")).toBe(0);
	});

	it("Mark won cancels in its own write; the index's look afterwards writes nothing more", async () => {
		const { app, plugin } = await withSequence();
		const written = watchWrites(app);
		expect(await plugin.actions.applyClose(file(app, RIVERSIDE), "won")).toBe(true);
		await app.settle();
		await app.settle();
		expect(written(RIVERSIDE).process).toBe(1);
	});
});

describe("a step dated after the previous one", () => {
	it("is written by Log a touch when the step before it is checked off, in the same write", async () => {
		const { dir, app, plugin } = await demoPlugin();
		const chained = {
			name: "Chained",
			steps: [
				{ offset: 0, unit: "days" as const, channel: "email", objective: "intro" },
				{ offset: 3, unit: "business days" as const, after: "previous" as const, channel: "call", objective: "check fit" },
			],
		};
		await plugin.saveSettings({ ...plugin.settings, sequences: [chained] });
		await app.settle();
		expect(await plugin.actions.applySequence(file(app, RIVERSIDE), plugin.settings.sequences[0], "2026-11-23")).toBe(true);
		await app.settle();
		expect(bytes(dir, RIVERSIDE)).not.toContain("check fit");
		notices.length = 0;
		const written = watchWrites(app);
		expect(await plugin.actions.applyLog(file(app, RIVERSIDE), input({ summary: "sent the intro" }))).toBe(true);
		await app.settle();
		expect(written(RIVERSIDE)).toEqual(ONE_WRITE);
		expect(bytes(dir, RIVERSIDE)).toContain("- 2026-11-23 email: sent the intro\n- [ ] 2026-11-26 call: check fit #objective/check-fit #sequence/chained\n");
		expect(notices).toEqual(["Touchbase: touch logged in Riverside Physio. Next step of Chained scheduled for 2026-11-26."]);
	});
});
