// @vitest-environment happy-dom
// The "Follow-ups" Bases view (README, "Bases"): the notes a base selects, in Touchbase's buckets,
// with the sidebar's rows and actions, from the sidebar's index, drawn again only where it changed.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import yaml from "js-yaml";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { BASES_VIEW_TYPE, FollowUpsBoard } from "../../../src/plugin/views/basesView";
import { FollowUpsView, VIEW_TYPE_FOLLOW_UPS } from "../../../src/plugin/views/followUpsView";
import { LogTouchModal } from "../../../src/plugin/modals/logTouchModal";
import TouchbasePlugin from "../../../src/plugin/main";
import { openVault } from "../../fakes/harness";
import { click, lastModal, loadPlugin, openBase, runCommand, type App, type Modal, type OpenBase, type TFile } from "../../fakes/obsidian";
import { EXAMPLE_VAULT } from "../../helpers/cli";
import { DEMO_DAY, demoPlugin } from "../setup";

beforeEach(() => {
	vi.useFakeTimers({ toFake: ["Date"] });
	vi.setSystemTime(DEMO_DAY);
});
afterEach(() => {
	vi.useRealTimers();
});

const inProspects = (file: TFile): boolean => file.path.startsWith("Prospects/");
const text = (root: HTMLElement, selector: string): string[] => Array.from(root.querySelectorAll(selector), (el) => el.textContent ?? "");
const rowOf = (root: HTMLElement, path: string): HTMLElement | null => root.querySelector<HTMLElement>(`.touchbase-row[data-path="${CSS.escape(path)}"]`);
const logModal = (): Modal | undefined => lastModal(LogTouchModal as never);
const boardOf = (base: OpenBase): FollowUpsBoard => (base.view as unknown as { board: FollowUpsBoard }).board;

async function sidebar(app: App): Promise<FollowUpsView> {
	await runCommand(app, "open-follow-ups");
	return app.workspace.getLeavesOfType(VIEW_TYPE_FOLLOW_UPS)[0].view as unknown as FollowUpsView;
}

describe("the Follow-ups Bases view", () => {
	it("is registered as a Bases view type named Follow-ups", async () => {
		const { app } = await demoPlugin();
		expect(app.basesViews[BASES_VIEW_TYPE]).toMatchObject({ name: "Follow-ups", icon: "calendar-clock" });
	});

	it("shows the notes the base selects in the buckets, with their counts", async () => {
		const { app, plugin } = await demoPlugin();
		const base = openBase(app, BASES_VIEW_TYPE, { select: inProspects });
		const el = base.containerEl;
		// The sidebar's report, narrowed to Prospects/ (the example vault has prospects elsewhere too).
		const report = plugin.index.report("2026-11-23");
		const entries = report.entries.filter((e) => e.prospect.path.startsWith("Prospects/"));
		const buckets = [...new Set(entries.map((e) => e.bucket))];
		expect(entries.length).toBeLessThan(report.entries.length);
		expect(el.querySelectorAll("[data-section]:not([data-section=problems])")).toHaveLength(buckets.length);
		for (const bucket of buckets) {
			expect(text(el, `[data-section="${bucket}"] .touchbase-name`)).toEqual(entries.filter((e) => e.bucket === bucket).map((e) => e.prospect.name));
			expect(text(el, `[data-section="${bucket}"] .touchbase-section-count`)).toEqual([String(entries.filter((e) => e.bucket === bucket).length)]);
		}
		expect(text(el, ".touchbase-count")[0]).toBe(`${entries.filter((e) => e.bucket === "overdue").length} overdue`);
		expect(text(el, '[data-section="overdue"] .touchbase-name')).toEqual(["Harbor Roofing", "Bluebird Event Rentals"]);
		expect(text(el, '[data-section="problems"] .touchbase-name')).toEqual(report.problems.map((p) => p.path).filter((p) => p.startsWith("Prospects/")));
		// Later, paused and closed start folded, as in the sidebar.
		expect(el.querySelector('[data-section="closed"]')?.classList.contains("is-collapsed")).toBe(true);
		click(el.querySelector<HTMLElement>('[data-section="closed"] .touchbase-section-header'));
		expect(el.querySelector('[data-section="closed"]')?.classList.contains("is-collapsed")).toBe(false);

		// Everything selected: the sidebar's buckets exactly.
		base.controller.setSelection(() => true);
		await app.settle();
		expect(text(el, ".touchbase-section-count")).toEqual(text((await sidebar(app)).contentEl, ".touchbase-section-count"));
		// Notes that are not prospects are counted, not listed.
		expect(el.querySelector(".touchbase-board-foot")?.textContent).toMatch(/^\d+ notes in this base are not a prospect\.$/);
	});

	it("draws each row as the sidebar does, actions included", async () => {
		const { app } = await demoPlugin();
		const view = await sidebar(app);
		const base = openBase(app, BASES_VIEW_TYPE);
		const paths = Array.from(view.contentEl.querySelectorAll<HTMLElement>("[data-section] .touchbase-row:not(.touchbase-problem)"), (r) => r.dataset.path!);
		expect(paths.length).toBeGreaterThan(5);
		for (const path of paths) expect(rowOf(base.containerEl, path)?.outerHTML).toBe(rowOf(view.contentEl, path)!.outerHTML);
	});

	it("draws again only the row whose note changed, and moves rows between buckets", async () => {
		const { app } = await demoPlugin();
		const base = openBase(app, BASES_VIEW_TYPE, { select: inProspects });
		const el = base.containerEl;
		const before = new Map(Array.from(el.querySelectorAll<HTMLElement>(".touchbase-row"), (r) => [r.dataset.path!, r]));
		const summit = "Prospects/Summit Accounting.md";
		expect(rowOf(el, summit)?.closest("[data-section]")?.getAttribute("data-section")).toBe("upcoming");

		// Summit's next touch is moved to today: its row goes to Today, drawn anew; every other row stays as it was.
		const text0 = await app.vault.read(app.vault.getFileByPath(summit)!);
		await app.vault.modify(app.vault.getFileByPath(summit)!, `${text0}\n- [ ] 2026-11-23 call: new numbers\n`);
		await app.settle();
		const summitRow = rowOf(el, summit)!;
		expect(summitRow.closest("[data-section]")?.getAttribute("data-section")).toBe("today");
		expect(summitRow).not.toBe(before.get(summit));
		expect(boardOf(base).drawnRows).toBe(1);
		for (const [path, row] of before) if (path !== summit) expect(rowOf(el, path)).toBe(row);
		expect(text(el, '[data-section="today"] .touchbase-section-count')).toEqual(["3"]);
		expect(text(el, ".touchbase-count")).toContain("3 today");

		// A note leaving the selection leaves the view.
		base.controller.setSelection((f) => inProspects(f) && f.path !== summit);
		await app.settle();
		expect(rowOf(el, summit)).toBeNull();
		expect(boardOf(base).drawnRows).toBe(0);
	});

	it("reads the sidebar's index: an edit shows in both from one read", async () => {
		const { app, plugin } = await demoPlugin();
		const report = vi.spyOn(plugin.index, "report");
		const base = openBase(app, BASES_VIEW_TYPE, { select: inProspects });
		expect(report).toHaveBeenCalled();
		expect(rowOf(base.containerEl, "Prospects/Harbor Roofing.md")).not.toBeNull();
		base.close();
		expect(base.containerEl.isConnected).toBe(false);
	});

	it("says so when the base selects no prospect", async () => {
		const { app } = await demoPlugin();
		const base = openBase(app, BASES_VIEW_TYPE, { select: (f) => f.path.startsWith("Notes/") });
		expect(base.containerEl.querySelector(".touchbase-empty")?.textContent).toBe("None of the notes this base selects is a prospect.");
		base.controller.setSelection(() => false);
		await app.settle();
		expect(base.containerEl.querySelector(".touchbase-empty")?.textContent).toBe("This base selects no notes.");
	});

	it("is not registered when Bases is off in the vault, and the rest works", async () => {
		const { app } = openVault({ "Prospects/Acme.md": "---\nstatus: active\n---\n- [ ] 2026-11-23 call: hello\n" });
		app.basesEnabled = false;
		await loadPlugin(TouchbasePlugin, app);
		expect(app.basesViews).toEqual({});
		const view = await sidebar(app);
		expect(text(view.contentEl, ".touchbase-name")).toEqual(["Acme"]);
	});
});

describe("examples/vault/Pipeline.base", () => {
	const base = yaml.load(readFileSync(join(EXAMPLE_VAULT, "Pipeline.base"), "utf8")) as {
		filters: { or: string[] };
		views: { type: string; name: string; order?: string[]; groupBy?: { property: string } }[];
	};

	it("has a table of the prospects over status, next follow-up, last touch, touches and value, grouped by status", () => {
		const table = base.views.find((v) => v.type === "table")!;
		expect(table.order).toEqual(["file.name", "note.status", "note.next_follow_up", "note.last_touch", "note.touches", "note.value"]);
		expect(table.groupBy?.property).toBe("note.status");
		expect(base.filters.or).toEqual(['file.inFolder("Prospects")', 'type == "prospect"', 'file.hasTag("prospect")']);
	});

	it("has the Follow-ups view, and its view type is the one the plugin registers", () => {
		expect(base.views.map((v) => [v.type, v.name])).toContainEqual([BASES_VIEW_TYPE, "Follow-ups"]);
	});
});

describe("Email and Call on a row", () => {
	const NOTE = "Prospects/Acme.md";
	const acme = ["---", "status: active", "Email: Dana Whitfield <dana@acme.example.com>", "Phone Number: +1 (207) 555-0133 ext. 12", "---", "- [ ] 2026-11-23 email: send the quote", ""].join("\n");

	it("links to mailto: and tel: when the note has an address and a number, keys read loosely", async () => {
		const { app } = openVault({ [NOTE]: acme, "Prospects/Nobody.md": "---\nstatus: active\n---\n" });
		await loadPlugin(TouchbasePlugin, app);
		const view = await sidebar(app);
		const row = rowOf(view.contentEl, NOTE)!;
		expect(row.querySelector(".touchbase-action-email")?.getAttribute("href")).toBe("mailto:dana@acme.example.com");
		expect(row.querySelector(".touchbase-action-call")?.getAttribute("href")).toBe("tel:+12075550133,12");
		expect(row.querySelector(".touchbase-action-call")?.getAttribute("aria-label")).toBe("Call +1 (207) 555-0133 ext. 12");
		const nobody = rowOf(view.contentEl, "Prospects/Nobody.md")!;
		expect(nobody.querySelector(".touchbase-action-email, .touchbase-action-call")).toBeNull();
		// The Bases view has them too.
		const base = openBase(app, BASES_VIEW_TYPE);
		expect(rowOf(base.containerEl, NOTE)?.querySelector(".touchbase-action-call")?.getAttribute("href")).toBe("tel:+12075550133,12");
	});

	it("logs nothing, and opens Log a touch with that channel when the user comes back", async () => {
		const { dir, app } = openVault({ [NOTE]: acme });
		await loadPlugin(TouchbasePlugin, app);
		const view = await sidebar(app);
		const call = rowOf(view.contentEl, NOTE)!.querySelector<HTMLElement>(".touchbase-action-call")!;
		call.addEventListener("click", (event) => event.preventDefault()); // happy-dom would follow tel:
		click(call);
		expect(logModal()).toBeFalsy();
		// The phone app takes over, then Obsidian is back.
		window.dispatchEvent(new Event("blur"));
		window.dispatchEvent(new Event("focus"));
		const modal = logModal();
		expect(modal?.isOpen).toBe(true);
		expect(modal!.contentEl.querySelector("select")?.value).toBe("call");
		expect(readFileSync(join(dir, NOTE), "utf8")).toBe(acme);
		modal!.close();
		// Coming back again offers nothing more.
		window.dispatchEvent(new Event("blur"));
		window.dispatchEvent(new Event("focus"));
		expect(logModal()?.isOpen ?? false).toBe(false);
	});

	it("offers nothing when the link opened nothing (Obsidian never lost focus)", async () => {
		const { app } = openVault({ [NOTE]: acme });
		await loadPlugin(TouchbasePlugin, app);
		const view = await sidebar(app);
		const email = rowOf(view.contentEl, NOTE)!.querySelector<HTMLElement>(".touchbase-action-email")!;
		email.addEventListener("click", (event) => event.preventDefault());
		click(email);
		window.dispatchEvent(new Event("focus"));
		expect(logModal()).toBeFalsy();
		// On mobile: the app goes to the background and comes back.
		click(email);
		Object.defineProperty(document, "visibilityState", { value: "hidden", configurable: true });
		document.dispatchEvent(new Event("visibilitychange"));
		Object.defineProperty(document, "visibilityState", { value: "visible", configurable: true });
		document.dispatchEvent(new Event("visibilitychange"));
		expect(logModal()?.contentEl.querySelector("select")?.value).toBe("email");
	});
});
