// @vitest-environment happy-dom
import fc from "fast-check";
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join, resolve } from "node:path";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { migrateSettings } from "../../src/core/settings/settings";
import TouchbasePlugin from "../../src/plugin/main";
import { VIEW_TYPE_FOLLOW_UPS, type FollowUpsView } from "../../src/plugin/views/followUpsView";
import { openVault } from "../fakes/harness";
import { click, clickMenuItem, getSetting, lastModal, loadPlugin, notices, presetPluginData, runCommand, typeText, unloadPlugin, type App } from "../fakes/obsidian";
import { SEED } from "../properties/arbitraries";
import { bytes, DEMO_DAY, demoPlugin, file } from "./setup";

const MAPLE = "Prospects/Maple & Pine Bakery.md";
const OPEN_LINE = "- [ ] 2026-11-23 14:30 call: walk through quote #2 with Jenna #objective/check-on-quote";

beforeEach(() => {
	vi.useFakeTimers({ toFake: ["Date"] });
	vi.setSystemTime(DEMO_DAY);
});
afterEach(() => {
	vi.useRealTimers();
});

async function openView(app: App): Promise<FollowUpsView> {
	await runCommand(app, "open-follow-ups");
	await app.settle();
	return app.workspace.getLeavesOfType(VIEW_TYPE_FOLLOW_UPS)[0].view as unknown as FollowUpsView;
}

function snoozeRow(view: FollowUpsView, path: string): void {
	const row = view.contentEl.querySelector<HTMLElement>(`.touchbase-row[data-path="${path}"]`);
	click(row!.querySelector<HTMLElement>(".touchbase-action-snooze"));
}

describe("edits land on the right line, or not at all", () => {
	it("finds a touch line that moved since the view drew it", async () => {
		const { app, dir } = await demoPlugin();
		const view = await openView(app);
		snoozeRow(view, MAPLE);
		// The note changes under the open menu: two lines are added above the touch.
		const changed = bytes(dir, MAPLE).replace("## Follow-ups\n", "## Follow-ups\n- 2026-11-01 email: older note\nA line of prose.\n");
		app.vault.externalWrite(MAPLE, changed);
		await clickMenuItem("Snooze +1 day");
		await app.settle();
		const after = bytes(dir, MAPLE);
		expect(after).toContain("- [ ] 2026-11-24 14:30 call: walk through quote #2 with Jenna #objective/check-on-quote\n");
		expect(after).toContain("- 2026-11-01 email: older note\nA line of prose.\n");
		expect(after).not.toContain(OPEN_LINE);
	});

	it("refuses, with a notice and no change, when the line is gone or now appears twice", async () => {
		const { app, dir } = await demoPlugin();
		const view = await openView(app);
		for (const variant of [
			(text: string) => text.replace(OPEN_LINE, OPEN_LINE.replace("2026-11-23", "2026-11-25")),
			(text: string) => text.replace(OPEN_LINE, `${OPEN_LINE}\n${OPEN_LINE}`).replace("## Follow-ups\n", "## Follow-ups\nnew line\n"),
		]) {
			snoozeRow(view, MAPLE);
			const changed = variant(bytes(dir, MAPLE));
			app.vault.externalWrite(MAPLE, changed);
			notices.length = 0;
			await clickMenuItem("Snooze +1 day");
			await app.settle();
			expect(bytes(dir, MAPLE)).toBe(changed);
			expect(notices.join("\n")).toMatch(/was not changed: the (touch line is no longer in the note|note changed and that touch line now appears more than once)/);
		}
	});

	it("keeps an edit made from outside while a command's modal is open", async () => {
		const { app, dir } = await demoPlugin();
		await app.workspace.setActiveFile(file(app, MAPLE));
		await runCommand(app, "log-touch");
		const modal = lastModal()!;
		typeText(getSetting(modal.contentEl, "Summary").querySelector("textarea"), "walked through quote #2");
		// Sync brings in a change from another device before the user clicks.
		const outside = `${bytes(dir, MAPLE)}Added on the phone.\n`;
		app.vault.externalWrite(MAPLE, outside);
		click(modal.contentEl.querySelector<HTMLElement>("button.mod-cta"));
		await app.settle();
		const after = bytes(dir, MAPLE);
		expect(after).toContain("Added on the phone.\n");
		expect(after).toContain("- 2026-11-23 call: walked through quote #2");
		expect(after).toContain(OPEN_LINE.replace("[ ]", "[x]"));
	});
});

describe("settings can never stop the plugin from loading", () => {
	it("migrateSettings turns anything into valid settings", () => {
		fc.assert(
			fc.property(fc.anything({ withNullPrototype: true, withBigInt: true, withDate: true, withMap: true, withSet: true, withTypedArray: true, withSparseArray: true }), (raw) => {
				const s = migrateSettings(raw);
				expect(Array.isArray(s.channels) && s.channels.length > 0).toBe(true);
				expect(Number.isInteger(s.upcomingDays)).toBe(true);
				expect(typeof s.templates.touch).toBe("string");
				expect(migrateSettings(JSON.parse(JSON.stringify(s)))).toEqual(s);
			}),
			{ seed: SEED, numRuns: 500 },
		);
	});

	it("the plugin loads and indexes with any stored data.json", async () => {
		const samples = fc.sample(fc.jsonValue(), { seed: SEED, numRuns: 25 });
		samples.push({ prospectFolders: [{}], channels: "", upcomingDays: -1e308, templates: { touch: "{{#x}}" }, keys: { status: "" }, cadence: "0d" });
		for (const data of samples) {
			const { app } = openVault({ "Prospects/A.md": "- [ ] 2026-11-20 call: x\n" });
			presetPluginData(app, data);
			const plugin = await loadPlugin(TouchbasePlugin, app);
			await app.settle();
			expect(plugin.index.ready).toBe(true);
			await unloadPlugin(plugin);
		}
	});
});

describe("no note text reaches the DOM as HTML", () => {
	it("src/ has no HTML sinks and no eval", () => {
		const root = resolve(__dirname, "../../src");
		const files: string[] = [];
		const walk = (d: string): void => {
			for (const name of readdirSync(d)) {
				const full = join(d, name);
				if (statSync(full).isDirectory()) walk(full);
				else if (full.endsWith(".ts")) files.push(full);
			}
		};
		walk(root);
		expect(files.length).toBeGreaterThan(20);
		for (const f of files) expect(readFileSync(f, "utf8"), f).not.toMatch(/innerHTML|outerHTML|insertAdjacentHTML|\beval\(|new Function\(|document\.write/);
	});

	it("shows a prospect named like markup as text, in the view and in notices", async () => {
		const name = "<img src=x onerror=alert(1)>";
		const { app } = openVault({ [`Prospects/${name}.md`]: "---\ncompany: <script>alert(2)</script>\n---\n- [ ] 2026-11-23 call: <b>hi</b>\n", "Notes/<i>x</i>.md": "plain\n" });
		await loadPlugin(TouchbasePlugin, app);
		const view = await openView(app);
		expect(view.contentEl.querySelector("img, script, b")).toBeNull();
		expect(view.contentEl.querySelector(".touchbase-name")?.textContent).toBe(name);
		expect(view.contentEl.querySelector(".touchbase-company")?.textContent).toBe("<script>alert(2)</script>");
		expect(view.contentEl.querySelector(".touchbase-next")?.textContent).toBe("<b>hi</b>");
		await app.workspace.setActiveFile(file(app, "Notes/<i>x</i>.md"));
		await runCommand(app, "log-touch");
		expect(document.querySelector("i, img, script")).toBeNull();
	});
});
