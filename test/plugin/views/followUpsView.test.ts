// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { readFrontmatter } from "../../../src/core/text/frontmatter";
import TouchbasePlugin from "../../../src/plugin/main";
import { FollowUpsView, ROWS_PER_PAGE, VIEW_TYPE_FOLLOW_UPS } from "../../../src/plugin/views/followUpsView";
import { openVault } from "../../fakes/harness";
import { click, clickMenuItem, lastMenu, loadPlugin, runCommand, typeText, type App } from "../../fakes/obsidian";
import { bytes, DEMO_DAY, demoPlugin } from "../setup";

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
	const leaf = app.workspace.getLeavesOfType(VIEW_TYPE_FOLLOW_UPS)[0];
	if (!leaf) throw new Error("the follow-ups view did not open");
	return leaf.view as unknown as FollowUpsView;
}

const text = (root: HTMLElement, selector: string): string[] => Array.from(root.querySelectorAll(selector), (el) => el.textContent ?? "");
const rowsOf = (view: FollowUpsView, section: string): HTMLElement[] =>
	Array.from(view.contentEl.querySelectorAll<HTMLElement>(`[data-section="${section}"] .touchbase-row`));

describe("the follow-ups view", () => {
	it("opens in the right sidebar with the counts of the example vault in its header", async () => {
		const { app } = await demoPlugin();
		const view = await openView(app);
		expect(app.workspace.getLeavesOfType(VIEW_TYPE_FOLLOW_UPS)).toHaveLength(1);
		// Tidewater Marina is won but due on its open 2026-11-24 line: upcoming (examples/README.md).
		expect(text(view.contentEl, ".touchbase-count")).toEqual(["3 overdue", "2 today", "5 upcoming", "1 no next step", "1 problem"]);
		expect(text(view.contentEl, ".touchbase-section-title")).toEqual(["Overdue", "Today", "Upcoming", "Later", "No next step", "Paused", "Closed", "Problems"]);
		expect(text(view.contentEl, ".touchbase-section-count")).toEqual(["3", "2", "5", "2", "1", "1", "1", "1"]);
		// Opening it again reveals the same leaf.
		await openView(app);
		expect(app.workspace.getLeavesOfType(VIEW_TYPE_FOLLOW_UPS)).toHaveLength(1);
	});

	it("shows each row's name, company, channel, relative date, ordinal, next step and last touch", async () => {
		const { app } = await demoPlugin();
		const view = await openView(app);
		const overdue = rowsOf(view, "overdue");
		expect(overdue.map((r) => r.querySelector(".touchbase-name")?.textContent)).toEqual(["Harbor Roofing", "Bluebird Event Rentals", "Sunrise Pediatrics"]);
		const harbor = overdue[0];
		expect(harbor.querySelector(".touchbase-when")?.textContent).toBe("4 days overdue");
		expect(harbor.querySelector(".touchbase-ordinal")?.textContent).toBe("3rd touch");
		expect(harbor.querySelector(".touchbase-channel")?.textContent).toBe("email");
		expect(harbor.querySelector(".touchbase-last")?.textContent).toMatch(/^Last: /);
		const maple = rowsOf(view, "today").find((r) => r.dataset.path === "Prospects/Maple & Pine Bakery.md")!;
		expect(maple.querySelector(".touchbase-when")?.textContent).toBe("today 14:30");
		expect(maple.querySelector(".touchbase-next")?.textContent).toContain("quote #2");
		// A date only the cadence suggests is drawn differently.
		const sunrise = overdue[2];
		expect(sunrise.classList.contains("is-suggested")).toBe(true);
		expect(sunrise.querySelector(".touchbase-suggested")?.textContent).toBe("suggested");
		expect(harbor.classList.contains("is-suggested")).toBe(false);
	});

	it("collapses and expands sections, later/paused/closed collapsed at first", async () => {
		const { app } = await demoPlugin();
		const view = await openView(app);
		expect(rowsOf(view, "later")).toHaveLength(0);
		click(view.contentEl.querySelector<HTMLElement>('[data-section="later"] .touchbase-section-header'));
		expect(rowsOf(view, "later")).toHaveLength(2);
		click(view.contentEl.querySelector<HTMLElement>('[data-section="overdue"] .touchbase-section-header'));
		expect(rowsOf(view, "overdue")).toHaveLength(0);
		expect(view.contentEl.querySelector('[data-section="overdue"] .touchbase-section-header')?.getAttribute("aria-expanded")).toBe("false");
	});

	it("narrows the rows as the user types in the filter", async () => {
		const { app } = await demoPlugin();
		const view = await openView(app);
		typeText(view.contentEl.querySelector(".touchbase-filter"), "harbor");
		expect(text(view.contentEl, ".touchbase-row .touchbase-name")).toEqual(["Harbor Roofing"]);
		typeText(view.contentEl.querySelector(".touchbase-filter"), "zzz");
		expect(view.contentEl.querySelector(".touchbase-empty")?.textContent).toContain("Nothing matches");
		typeText(view.contentEl.querySelector(".touchbase-filter"), "");
		expect(rowsOf(view, "overdue")).toHaveLength(3);
	});

	it("lists notes it could not read, with the reason, and opens them at the line", async () => {
		const { app } = await demoPlugin();
		const view = await openView(app);
		const problem = view.contentEl.querySelector<HTMLElement>('[data-section="problems"] .touchbase-problem')!;
		expect(problem.querySelector(".touchbase-name")?.textContent).toBe("Prospects/Quarry Stoneworks.md");
		expect(problem.querySelector(".touchbase-problem-message")?.textContent).toMatch(/^Line \d+: malformed frontmatter/);
		click(problem.querySelector<HTMLElement>(".touchbase-name"));
		await app.settle();
		expect(app.workspace.getActiveFile()?.path).toBe("Prospects/Quarry Stoneworks.md");
	});

	it("opens a row's note when its name is clicked", async () => {
		const { app } = await demoPlugin();
		const view = await openView(app);
		click(rowsOf(view, "overdue")[0].querySelector<HTMLElement>(".touchbase-name"));
		await app.settle();
		expect(app.workspace.getActiveFile()?.path).toBe("Prospects/Harbor Roofing.md");
	});

	it("snoozes a row from its menu: the note changes as the core says and the row moves", async () => {
		const { app, dir } = await demoPlugin();
		const view = await openView(app);
		const before = bytes(dir, "Prospects/Bluebird Event Rentals.md");
		const row = rowsOf(view, "overdue").find((r) => r.dataset.path === "Prospects/Bluebird Event Rentals.md")!;
		click(row.querySelector<HTMLElement>(".touchbase-action-snooze"));
		expect(lastMenu()?.titles()).toEqual(["Snooze +1 day", "Snooze +3 days", "Snooze +1 week", "Snooze to a date…"]);
		await clickMenuItem("Snooze +3 days");
		await app.settle();
		const after = bytes(dir, "Prospects/Bluebird Event Rentals.md");
		// Overdue since 11-19: three days from today. The body changes on that one line; the
		// frontmatter (rewritten by processFrontMatter) gains only the mirrored keys.
		const body = (t: string) => t.slice(t.indexOf("\n---\n") + 5);
		expect(body(after)).toBe(body(before).replace("next: in 1 week", "next: 2026-11-26"));
		const fm = (t: string) => readFrontmatter(t).ok && (readFrontmatter(t) as { data: Record<string, unknown> }).data;
		expect(fm(after)).toEqual({ ...(fm(before) as object), last_touch: "2026-11-12", touches: 2, next_follow_up: "2026-11-26" });
		view.refresh();
		expect(rowsOf(view, "overdue").map((r) => r.dataset.path)).not.toContain("Prospects/Bluebird Event Rentals.md");
		expect(rowsOf(view, "upcoming").map((r) => r.dataset.path)).toContain("Prospects/Bluebird Event Rentals.md");
	});

	it("follows note changes, but draws only when the index moved and it is visible", async () => {
		const { app, plugin } = await demoPlugin();
		const view = await openView(app);
		const draw = vi.spyOn(view as unknown as { draw: () => void }, "draw");
		view.refresh();
		expect(draw).not.toHaveBeenCalled(); // nothing moved

		app.vault.externalWrite("Prospects/Harbor Roofing.md", "---\nstatus: won\n---\n");
		await app.settle();
		await vi.waitFor(() => expect(draw).toHaveBeenCalledTimes(1));
		expect(text(view.contentEl, ".touchbase-count")[0]).toBe("2 overdue");

		app.workspace.rightSplit.collapse();
		app.vault.externalWrite("Prospects/Bluebird Event Rentals.md", "---\nstatus: lost\n---\n");
		await app.settle();
		plugin.index.report();
		view.refresh();
		expect(draw).toHaveBeenCalledTimes(1); // hidden: not drawn
		app.workspace.rightSplit.expand();
		app.workspace.trigger("layout-change");
		expect(draw).toHaveBeenCalledTimes(2);
		expect(text(view.contentEl, ".touchbase-count")[0]).toBe("1 overdue");
	});

	it("redraws after midnight, when the buckets change with the day", async () => {
		vi.setSystemTime(new Date(2026, 10, 22, 23, 59));
		const { app } = await demoPlugin();
		const view = await openView(app);
		expect(text(view.contentEl, ".touchbase-count")[1]).toBe("0 today");
		vi.setSystemTime(new Date(2026, 10, 23, 0, 1));
		view.refresh(); // what the view's one-minute timer does
		expect(text(view.contentEl, ".touchbase-count")[1]).toBe("2 today");
	});

	it("says what to do when there are no prospects", async () => {
		const { app } = openVault({ "Notes/A.md": "hello\n" });
		await loadPlugin(TouchbasePlugin, app);
		const view = await openView(app);
		expect(view.contentEl.querySelector(".touchbase-empty")?.textContent).toBe(
			"No prospects yet: create one with the New prospect command, or put notes in Prospects.",
		);
	});

	it("draws a long section in pages, and long names as text", async () => {
		const files: Record<string, string> = {};
		for (let i = 0; i < 120; i++) files[`Prospects/P${String(i).padStart(3, "0")}.md`] = "- [ ] 2026-11-20 call: x\n";
		files["Prospects/<img src=x onerror=alert(1)>.md"] = "---\ncompany: <b>bold</b>\n---\n- [ ] 2026-11-20 call: <script>alert(1)</script>\n";
		const { app } = openVault(files);
		const plugin = await loadPlugin(TouchbasePlugin, app);
		// A vault this big is read in slices, each in a task of its own.
		for (let i = 0; i < 50 && !plugin.index.ready; i++) await app.settle();
		const view = await openView(app);
		const pages: number[] = [rowsOf(view, "overdue").length];
		for (let more = view.contentEl.querySelector<HTMLElement>(".touchbase-more"); more; more = view.contentEl.querySelector<HTMLElement>(".touchbase-more")) {
			click(more);
			pages.push(rowsOf(view, "overdue").length);
		}
		expect(ROWS_PER_PAGE).toBe(25);
		expect(pages).toEqual([25, 50, 75, 100, 121]);
		expect(view.contentEl.querySelector("img, b, script")).toBeNull();
		expect(text(view.contentEl, ".touchbase-name")).toContain("<img src=x onerror=alert(1)>");
		expect(text(view.contentEl, ".touchbase-company")).toContain("<b>bold</b>");
	});

	it("draws problems in pages too", async () => {
		const files: Record<string, string> = {};
		for (let i = 0; i < 30; i++) files[`Prospects/P${String(i).padStart(3, "0")}.md`] = "- 2026-02-30 call: no such day\n";
		const { app } = openVault(files);
		await loadPlugin(TouchbasePlugin, app);
		const view = await openView(app);
		const problems = (): number => view.contentEl.querySelectorAll(".touchbase-problem").length;
		expect(problems()).toBe(25);
		const more = view.contentEl.querySelector<HTMLElement>(".touchbase-section-problems .touchbase-more")!;
		expect(more.textContent).toBe("Show 5 more of 5");
		click(more);
		expect(problems()).toBe(30);
		expect(view.contentEl.querySelector(".touchbase-section-problems .touchbase-more")).toBeNull();
	});
});

describe("the status bar", () => {
	it("shows what is due and overdue, and opens the view when clicked", async () => {
		const { app } = await demoPlugin();
		const item = app.statusBarEl.querySelector<HTMLElement>(".touchbase-status")!;
		expect(item.textContent).toBe("5 due · 3 overdue");
		click(item);
		await app.settle();
		expect(app.workspace.getLeavesOfType(VIEW_TYPE_FOLLOW_UPS)).toHaveLength(1);
	});
});
