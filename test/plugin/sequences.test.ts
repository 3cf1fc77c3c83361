// @vitest-environment happy-dom
// Sequences in the plugin, end to end: Start a sequence on a copy of the example vault (the bytes
// on disk compared whole), an answer logged with Log a touch ending it, and the sequences editor
// of the settings tab saving to data.json.
import { cpSync } from "node:fs";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { DEFAULT_SEQUENCES, type Sequence } from "../../src/core/settings/settings";
import TouchbasePlugin from "../../src/plugin/main";
import { makeVaultDir } from "../fakes/harness";
import { App, click, findByText, getSetting, lastModal, loadPlugin, notices, openSettingTab, presetPluginData, readPluginData, runCommand, selectOption, setApiVersion, typeText, type Modal } from "../fakes/obsidian";
import { EXAMPLE_VAULT } from "../helpers/cli";
import { bytes, DEMO_DAY, demoPlugin, file, watchWrites } from "./setup";

const RIVERSIDE = "Prospects/Riverside Physio.md";
const SUMMIT = "Prospects/Summit Accounting.md";

beforeEach(() => {
	vi.useFakeTimers({ toFake: ["Date"] });
	vi.setSystemTime(DEMO_DAY); // Monday 2026-11-23
});
afterEach(() => {
	vi.useRealTimers();
});

/** `before` with each `[old, new]` replaced; each `old` must occur exactly once. */
function edited(before: string, ...changes: [string, string][]): string {
	let text = before;
	for (const [from, to] of changes) {
		const count = text.split(from).length - 1;
		if (count !== 1) throw new Error(`edited: ${JSON.stringify(from)} occurs ${count} times`);
		text = text.replace(from, () => to);
	}
	return text;
}

function modal(): Modal {
	const found = lastModal();
	if (!found || !found.isOpen) throw new Error("no modal is open");
	return found;
}

function sequenceSelect(m: Modal): HTMLSelectElement {
	return getSetting(m.contentEl, "Sequence").querySelector("select")!;
}

function previewLines(m: Modal): string[] {
	return Array.from(m.contentEl.querySelectorAll(".touchbase-sequence-preview li"), (li) => li.textContent ?? "");
}

async function submit(app: App, m: Modal = modal()): Promise<void> {
	click(m.contentEl.querySelector("button.mod-cta"));
	await app.settle();
}

/** The example vault with `data` as the plugin's stored settings. */
async function vaultWithData(data: unknown): Promise<{ dir: string; app: App; plugin: TouchbasePlugin }> {
	const dir = makeVaultDir({});
	cpSync(EXAMPLE_VAULT, dir, { recursive: true });
	const app = new App(dir);
	presetPluginData(app, data);
	const plugin = await loadPlugin(TouchbasePlugin, app);
	await app.settle();
	return { dir, app, plugin };
}

const TRADE_SHOW_LINES = [
	"- [ ] 2026-11-23 email: thank you #objective/thank-you #sequence/trade-show-lead",
	"- [ ] 2026-11-25 call: check fit #objective/check-fit #sequence/trade-show-lead",
	"- [ ] 2026-11-30 email: case study #objective/case-study #sequence/trade-show-lead",
	"- [ ] 2026-12-07 call: touch base #objective/touch-base #sequence/trade-show-lead",
	"- [ ] 2026-12-23 letter: stay in touch #objective/stay-in-touch #sequence/trade-show-lead",
];

describe("Start a sequence", () => {
	it("previews the dates, writes every step under Follow-ups, sets sequence: and the mirrors", async () => {
		const { dir, app, plugin } = await demoPlugin();
		const before = bytes(dir, RIVERSIDE);
		await app.workspace.setActiveFile(file(app, RIVERSIDE));
		const written = watchWrites(app);
		await runCommand(app, "start-sequence");
		const m = modal();
		expect(m.titleEl.textContent).toBe("Start a sequence: Riverside Physio");
		expect(Array.from(sequenceSelect(m).options, (o) => o.textContent)).toEqual(["Trade-show lead", "Referral"]);
		expect(previewLines(m)).toEqual([
			"Monday 2026-11-23: email, thank you",
			"Wednesday 2026-11-25: call, check fit",
			"Monday 2026-11-30: email, case study",
			"Monday 2026-12-07: call, touch base",
			"Wednesday 2026-12-23: letter, stay in touch",
		]);
		expect(m.contentEl.textContent).toContain("Each line is tagged #sequence/trade-show-lead.");
		// The preview follows the choice.
		selectOption(sequenceSelect(m), "1");
		expect(previewLines(m)).toEqual([
			"Monday 2026-11-23: call, introduce yourself",
			"Tuesday 2026-11-24: email, recap",
			"Monday 2026-11-30: call, check fit",
			"Monday 2026-12-07: coffee, meet in person",
		]);
		selectOption(sequenceSelect(m), "0");
		expect(bytes(dir, RIVERSIDE)).toBe(before);
		await submit(app, m);

		expect(m.isOpen).toBe(false);
		expect(written(RIVERSIDE)).toEqual({ process: 1, writes: 1, other: 0 });
		expect(bytes(dir, RIVERSIDE)).toBe(
			edited(
				before,
				["created: 2026-11-16\n---\n", "created: 2026-11-16\nsequence: Trade-show lead\nlast_touch: 2026-11-19\ntouches: 2\nnext_follow_up: 2026-11-23\n---\n"],
				[
					"so integrate rather than replace\n",
					`so integrate rather than replace\n${TRADE_SHOW_LINES.join("\n")}\n`,
				],
			),
		);
		expect(notices).toContain("Touchbase: Trade-show lead started for Riverside Physio: 5 touches from 2026-11-23 to 2026-12-23.");
		const entry = plugin.index.report().entries.find((e) => e.prospect.path === RIVERSIDE)!;
		expect(entry.bucket).toBe("today");
		expect(entry.next).toMatchObject({ date: "2026-11-23", channel: "email", source: "scheduled" });
	});

	it("started on a Saturday, puts business-day steps on working days", async () => {
		vi.setSystemTime(new Date(2026, 10, 28, 9, 0, 0));
		const { dir, app } = await demoPlugin();
		const before = bytes(dir, SUMMIT);
		await app.workspace.setActiveFile(file(app, SUMMIT));
		await runCommand(app, "start-sequence");
		const m = modal();
		selectOption(sequenceSelect(m), "1");
		expect(previewLines(m)).toEqual([
			"Monday 2026-11-30: call, introduce yourself",
			"Tuesday 2026-12-01: email, recap",
			"Monday 2026-12-07: call, check fit",
			"Monday 2026-12-14: coffee, meet in person",
		]);
		await submit(app, m);
		const after = bytes(dir, SUMMIT);
		const lines = [
			"- [ ] 2026-11-30 call: introduce yourself #objective/introduce-yourself #sequence/referral",
			"- [ ] 2026-12-01 email: recap #objective/recap #sequence/referral",
			"- [ ] 2026-12-07 call: check fit #objective/check-fit #sequence/referral",
			"- [ ] 2026-12-14 coffee: meet in person #objective/meet-in-person #sequence/referral",
		];
		for (const line of lines) expect(after).toContain(`${line}\n`);
		expect(after).toMatch(/\nsequence: Referral\n/);
		// Nothing but the new lines and the frontmatter changed.
		const body = (text: string) => text.slice(text.indexOf("\n---\n", 4));
		expect(body(after).replace(`${lines.join("\n")}\n`, "")).toBe(body(before));
	});

	it("an answer logged with Log a touch cancels the open touches left, and keeps them", async () => {
		const { dir, app } = await demoPlugin();
		await app.workspace.setActiveFile(file(app, RIVERSIDE));
		await runCommand(app, "start-sequence");
		await submit(app);
		const started = bytes(dir, RIVERSIDE);

		await runCommand(app, "log-touch");
		const m = modal();
		// The due touch is the sequence's first step: an email today.
		expect(getSetting(m.contentEl, "Channel").querySelector("select")!.value).toBe("email");
		typeText(getSetting(m.contentEl, "Summary").querySelector("textarea, input"), "they signed up for the starter plan");
		selectOption(getSetting(m.contentEl, "Outcome").querySelector("select"), "yes");
		typeText(getSetting(m.contentEl, "Next step").querySelector("input"), "");
		await submit(app, m);

		expect(bytes(dir, RIVERSIDE)).toBe(
			edited(
				started,
				["last_touch: 2026-11-19\ntouches: 2\nnext_follow_up: 2026-11-23\n", "last_touch: 2026-11-23\ntouches: 3\nnext_follow_up: 2026-11-25\n"],
				["- [ ] 2026-11-23 email", "- [x] 2026-11-23 email"],
				["- [ ] 2026-11-25 call", "- [-] 2026-11-25 call"],
				["- [ ] 2026-11-30 email", "- [-] 2026-11-30 email"],
				["- [ ] 2026-12-07 call", "- [-] 2026-12-07 call"],
				["- [ ] 2026-12-23 letter", "- [-] 2026-12-23 letter"],
				["#sequence/trade-show-lead\n\n## Notes", "#sequence/trade-show-lead\n- 2026-11-23 email: they signed up for the starter plan (outcome: yes)\n\n## Notes"],
			),
		);
		expect(notices).toContain("Touchbase: touch logged in Riverside Physio. An answer ends the sequence: the 4 open sequence touches were cancelled.");
	});

	it("says why it cannot start: not a prospect, broken frontmatter, no sequence with steps", async () => {
		const broken = "Prospects/Broken.md";
		const { dir, app } = await demoPlugin({ extra: { [broken]: "---\ncompany: [oops\n---\n## Follow-ups\n" } });
		await app.workspace.setActiveFile(file(app, "Notes/Pipeline.md"));
		await runCommand(app, "start-sequence");
		expect(lastModal()?.isOpen ?? false).toBe(false);
		expect(notices.some((n) => n.includes("Pipeline is not a prospect note"))).toBe(true);

		await app.workspace.setActiveFile(file(app, broken));
		await runCommand(app, "start-sequence");
		expect(lastModal()?.isOpen ?? false).toBe(false);
		expect(notices.some((n) => n.startsWith("Touchbase: Broken cannot be edited"))).toBe(true);
		expect(bytes(dir, broken)).toBe("---\ncompany: [oops\n---\n## Follow-ups\n");

		const empty = await vaultWithData({ sequences: [{ name: "Nothing yet", steps: [] }] });
		const before = bytes(empty.dir, RIVERSIDE);
		await empty.app.workspace.setActiveFile(file(empty.app, RIVERSIDE));
		await runCommand(empty.app, "start-sequence");
		expect(notices).toContain("Touchbase: there is no sequence with steps yet. Add one in the plugin's settings.");
		expect(bytes(empty.dir, RIVERSIDE)).toBe(before);
	});

	it("uses the sequences from the settings, and says when touches of a sequence are already open", async () => {
		const mine: Sequence = { name: "Two calls", steps: [{ offset: 1, unit: "business days", channel: "call", objective: "" }, { offset: 3, unit: "days", channel: "call", objective: "close" }] };
		const { dir, app } = await vaultWithData({ sequences: [{ name: "Empty", steps: [] }, mine] });
		const before = bytes(dir, RIVERSIDE);
		await app.workspace.setActiveFile(file(app, RIVERSIDE));
		await runCommand(app, "start-sequence");
		let m = modal();
		expect(Array.from(sequenceSelect(m).options, (o) => o.textContent)).toEqual(["Two calls"]);
		expect(previewLines(m)).toEqual(["Tuesday 2026-11-24: call", "Thursday 2026-11-26: call, close"]);
		await submit(app, m);
		const after = bytes(dir, RIVERSIDE);
		expect(after).toContain("so integrate rather than replace\n- [ ] 2026-11-24 call: follow up #sequence/two-calls\n- [ ] 2026-11-26 call: close #objective/close #sequence/two-calls\n\n## Notes");
		expect(after).toContain("\nsequence: Two calls\n");
		expect(after.length).toBeGreaterThan(before.length);

		await runCommand(app, "start-sequence");
		m = modal();
		expect(m.contentEl.textContent).toContain("This prospect already has 2 open sequence touches; they stay as they are.");
		m.close();
		await app.settle();
		expect(bytes(dir, RIVERSIDE)).toBe(after);
	});
});

// ---- the settings tab ----

function boxes(root: HTMLElement): HTMLElement[] {
	return Array.from(root.querySelectorAll<HTMLElement>(".touchbase-sequence"));
}

function button(root: HTMLElement, text: string): HTMLElement {
	const found = findByText(root, "button", text);
	if (found.length !== 1) throw new Error(`${found.length} buttons "${text}"`);
	return found[0];
}

function extra(row: HTMLElement, label: string): HTMLElement {
	const found = row.querySelector<HTMLElement>(`.extra-setting-button[aria-label="${label}"]`);
	if (!found) throw new Error(`no "${label}" button`);
	return found;
}

/** A step row's values: offset, unit, channel, objective. */
function stepValues(box: HTMLElement): [string, string, string, string][] {
	return Array.from(box.querySelectorAll<HTMLElement>(".touchbase-sequence-step"), (row) => {
		const inputs = row.querySelectorAll("input");
		const selects = row.querySelectorAll("select");
		return [inputs[0].value, selects[0].value, selects[1].value, inputs[1].value];
	});
}

describe("the sequences editor", () => {
	// The editor drawn by display(), as Obsidian before 1.13 shows it; 1.13's list of pages is in settingDefinitions.test.ts.
	beforeEach(() => setApiVersion("1.12.2"));

	it("shows the two default sequences, their tags and steps", async () => {
		const { app } = await demoPlugin();
		const tab = await openSettingTab(app);
		const [trade, referral] = boxes(tab.containerEl);
		expect(boxes(tab.containerEl)).toHaveLength(2);
		expect(getSetting(trade, "Name").querySelector("input")!.value).toBe("Trade-show lead");
		expect(getSetting(trade, "Name").querySelector(".setting-item-description")!.textContent).toBe("Tag: #sequence/trade-show-lead");
		expect(stepValues(trade)).toEqual([
			["0", "days", "email", "thank you"],
			["2", "business days", "call", "check fit"],
			["7", "days", "email", "case study"],
			["14", "days", "call", "touch base"],
			["30", "days", "letter", "stay in touch"],
		]);
		expect(getSetting(referral, "Name").querySelector("input")!.value).toBe("Referral");
		expect(getSetting(referral, "Step 4")).toBeTruthy();
		expect(getSetting(tab.containerEl, "Sequences").classList.contains("setting-item-heading")).toBe(true);
	});

	it("adds, edits, reorders and deletes steps and sequences, and saves them in data.json", async () => {
		const { app, plugin } = await demoPlugin();
		const tab = await openSettingTab(app);

		// Add a step to the first sequence: it starts a week after the last one.
		click(button(boxes(tab.containerEl)[0], "Add step"));
		let trade = boxes(tab.containerEl)[0];
		expect(stepValues(trade)[5]).toEqual(["37", "days", "email", ""]);
		const step6 = getSetting(trade, "Step 6");
		typeText(step6.querySelectorAll("input")[0], "45");
		selectOption(step6.querySelectorAll("select")[0], "business days");
		selectOption(step6.querySelectorAll("select")[1], "call");
		typeText(step6.querySelectorAll("input")[1], "ask for a referral");
		// An offset that cannot be one is not taken.
		typeText(getSetting(trade, "Step 5").querySelectorAll("input")[0], "-3");
		expect(getSetting(trade, "Step 5").querySelector("input")!.classList.contains("touchbase-preview-error")).toBe(true);

		// Move the new step up, above the letter; delete the first step.
		click(extra(getSetting(trade, "Step 6"), "Move step up"));
		trade = boxes(tab.containerEl)[0];
		expect(extra(getSetting(trade, "Step 1"), "Move step up").classList.contains("is-disabled")).toBe(true);
		click(extra(getSetting(trade, "Step 1"), "Delete step"));
		trade = boxes(tab.containerEl)[0];
		expect(stepValues(trade)).toEqual([
			["2", "business days", "call", "check fit"],
			["7", "days", "email", "case study"],
			["14", "days", "call", "touch base"],
			["45", "business days", "call", "ask for a referral"],
			["30", "days", "letter", "stay in touch"],
		]);

		// Rename the second sequence and move it to the top; add a third, then delete it.
		const referral = boxes(tab.containerEl)[1];
		typeText(getSetting(referral, "Name").querySelector("input"), "Warm referral");
		expect(getSetting(referral, "Name").querySelector(".setting-item-description")!.textContent).toBe("Tag: #sequence/warm-referral");
		click(extra(getSetting(referral, "Name"), "Move sequence up"));
		expect(boxes(tab.containerEl).map((b) => getSetting(b, "Name").querySelector("input")!.value)).toEqual(["Warm referral", "Trade-show lead"]);
		click(button(tab.containerEl, "Add sequence"));
		expect(boxes(tab.containerEl).map((b) => getSetting(b, "Name").querySelector("input")!.value)).toEqual(["Warm referral", "Trade-show lead", "New sequence"]);
		expect(stepValues(boxes(tab.containerEl)[2])).toEqual([["0", "days", "email", ""]]);
		click(extra(getSetting(boxes(tab.containerEl)[2], "Name"), "Delete sequence"));
		expect(boxes(tab.containerEl)).toHaveLength(2);

		tab.hide();
		const expected: Sequence[] = [
			{ ...DEFAULT_SEQUENCES[1], name: "Warm referral" },
			{
				name: "Trade-show lead",
				steps: [
					{ offset: 2, unit: "business days", channel: "call", objective: "check fit" },
					{ offset: 7, unit: "days", channel: "email", objective: "case study" },
					{ offset: 14, unit: "days", channel: "call", objective: "touch base" },
					{ offset: 45, unit: "business days", channel: "call", objective: "ask for a referral" },
					{ offset: 30, unit: "days", channel: "letter", objective: "stay in touch" },
				],
			},
		];
		await vi.waitFor(() => expect((readPluginData(app) as { sequences: unknown }).sequences).toEqual(expected));
		expect(plugin.settings.sequences).toEqual(expected);
		await app.settle();

		// Opened again, the tab shows what was saved.
		const again = await openSettingTab(app);
		expect(boxes(again.containerEl).map((b) => getSetting(b, "Name").querySelector("input")!.value)).toEqual(["Warm referral", "Trade-show lead"]);
		expect(stepValues(boxes(again.containerEl)[1])[3]).toEqual(["45", "business days", "call", "ask for a referral"]);
	});

	it("deleting every step and sequence is saved as such, and Start a sequence then says so", async () => {
		const { app, dir } = await demoPlugin();
		const tab = await openSettingTab(app);
		for (let i = 0; i < 4; i++) click(extra(getSetting(boxes(tab.containerEl)[1], "Step 1"), "Delete step"));
		expect(boxes(tab.containerEl)[1].textContent).toContain("No steps yet: this sequence cannot be started.");
		click(extra(getSetting(boxes(tab.containerEl)[0], "Name"), "Delete sequence"));
		tab.hide();
		await vi.waitFor(() => expect((readPluginData(app) as { sequences: unknown }).sequences).toEqual([{ name: "Referral", steps: [] }]));
		await app.settle();
		const before = bytes(dir, RIVERSIDE);
		await app.workspace.setActiveFile(file(app, RIVERSIDE));
		await runCommand(app, "start-sequence");
		expect(notices).toContain("Touchbase: there is no sequence with steps yet. Add one in the plugin's settings.");
		expect(bytes(dir, RIVERSIDE)).toBe(before);
	});
});
