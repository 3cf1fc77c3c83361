// @vitest-environment happy-dom
// Each command of the plugin parses its note once inside its one `Vault.process` (docs/architecture.md,
// "From a command to the note"): one `readNote`, one YAML parse, counted by the core's counters.
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { parseCounts } from "../../src/core/text/yaml";
import { click, findByText, lastModal, runCommand, typeText, getSetting, type App, type Modal } from "../fakes/obsidian";
import { DEMO_DAY, demoPlugin, file } from "./setup";

beforeEach(() => {
	vi.useFakeTimers({ toFake: ["Date"] });
	vi.setSystemTime(DEMO_DAY);
});
afterEach(() => {
	vi.useRealTimers();
});

/** The parses each `Vault.process` callback made, in order. */
function countParses(app: App): { notes: number; yaml: number }[] {
	const counts: { notes: number; yaml: number }[] = [];
	const process = app.vault.process.bind(app.vault);
	vi.spyOn(app.vault, "process").mockImplementation((f, edit, ...rest) =>
		process(
			f,
			(data: string) => {
				parseCounts.notes = 0;
				parseCounts.yaml = 0;
				const out = edit(data);
				counts.push({ notes: parseCounts.notes, yaml: parseCounts.yaml });
				return out;
			},
			...rest,
		),
	);
	return counts;
}

function modal(): Modal {
	const found = lastModal();
	if (!found || !found.isOpen) throw new Error("no modal is open");
	return found;
}

async function submit(app: App): Promise<void> {
	click(modal().contentEl.querySelector("button.mod-cta"));
	await app.settle();
}

const ONCE = { notes: 1, yaml: 1 };

describe("each plugin command parses its note once", () => {
	it("Log a touch", async () => {
		const { app } = await demoPlugin();
		await app.workspace.setActiveFile(file(app, "Prospects/Lumen Yoga Studio.md"));
		const counts = countParses(app);
		await runCommand(app, "log-touch");
		typeText(getSetting(modal().contentEl, "Summary").querySelector("input, textarea"), "talked");
		await submit(app);
		expect(counts).toEqual([ONCE]);
	});

	it("Snooze", async () => {
		const { app } = await demoPlugin();
		await app.workspace.setActiveFile(file(app, "Prospects/Maple & Pine Bakery.md"));
		const counts = countParses(app);
		await runCommand(app, "snooze");
		click(findByText(modal().contentEl, "button", "+1 day")[0]);
		await app.settle();
		expect(counts).toEqual([ONCE]);
	});

	it("Mark won, then the referral ask", async () => {
		const { app } = await demoPlugin();
		await app.workspace.setActiveFile(file(app, "Prospects/Maple & Pine Bakery.md"));
		const counts = countParses(app);
		await runCommand(app, "mark-won");
		await submit(app);
		await submit(app);
		expect(counts).toEqual([ONCE, ONCE]);
	});
});
