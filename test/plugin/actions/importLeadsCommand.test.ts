// @vitest-environment happy-dom
// Import leads and team vaults in the plugin: the command run as a user runs it (the file picked,
// a column changed, the preview read, Import clicked), the notes' bytes on disk; a failure
// part-way; the Mine / Everyone switch, the status bar and the reminders with "Me" set.
import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import TouchbasePlugin from "../../../src/plugin/main";
import { FollowUpsView, VIEW_TYPE_FOLLOW_UPS } from "../../../src/plugin/views/followUpsView";
import { openVault } from "../../fakes/harness";
import { click, getSetting, lastModal, loadPlugin, noticeLog, notices, presetPluginData, runCommand, selectOption, typeText, type App, type Modal } from "../../fakes/obsidian";
import { bytes, DEMO_DAY } from "../setup";

const EXAMPLE_CSV = readFileSync(resolve(__dirname, "../../../examples/leads.csv"), "utf8");
const VCF = readFileSync(resolve(__dirname, "../../fixtures/leads/contacts.vcf"));

beforeEach(() => {
	vi.useFakeTimers({ toFake: ["Date"] });
	vi.setSystemTime(DEMO_DAY);
});
afterEach(() => {
	vi.useRealTimers();
});

const HARBOR = "---\ncompany: Harbor Roofing\ncontact: Mike Alvarez\nemail: mike@harborroofing.example.com\ncreated: 2026-11-01\n---\n";

async function start(files: Record<string, string | Uint8Array>, data: Record<string, unknown> = {}): Promise<{ app: App; dir: string; plugin: TouchbasePlugin }> {
	const { app, dir } = openVault(files);
	presetPluginData(app, { reminderState: { lastDigestDay: "2026-11-23" }, ...data });
	const plugin = await loadPlugin(TouchbasePlugin, app);
	await app.settle();
	return { app, dir, plugin };
}

async function importModal(app: App): Promise<Modal> {
	await runCommand(app, "import-leads");
	await app.settle();
	const modal = lastModal();
	if (!modal?.isOpen || modal.titleEl.textContent !== "Import leads") throw new Error("Import leads did not open");
	return modal;
}

const select = (m: Modal, name: string): HTMLSelectElement => getSetting(m.contentEl, name).querySelector("select")!;
const items = (m: Modal, cls: string): string[] => Array.from(m.contentEl.querySelectorAll(`.${cls} li`), (li) => li.textContent ?? "");

describe("Import leads", () => {
	it("previews a CSV of the vault (columns matched, already there, skipped), then creates the notes with the sequence", async () => {
		const { app, dir, plugin } = await start({ "Imports/expo.csv": EXAMPLE_CSV, "Prospects/Harbor Roofing.md": HARBOR }, { me: "Jane" });
		const m = await importModal(app);
		expect(select(m, "Leads from").value).toBe("Imports/expo.csv");
		expect(select(m, "Email").value).toBe("3");
		expect(items(m, "touchbase-import-new")).toEqual(["Prospects/Nora Castillo.md", "Prospects/Dev Patel.md", "Prospects/Grace Okafor.md"]);
		expect(items(m, "touchbase-import-existing")).toEqual(["Line 5: Mike Alvarez → Prospects/Harbor Roofing.md (same email)"]);
		expect(items(m, "touchbase-import-skipped")).toEqual(["Line 7: no name and no email", "Line 8: a duplicate of line 2"]);
		// A column changed in the preview: no owner column, so the owner field (Me by default) applies.
		selectOption(select(m, "Owner"), "-1");
		selectOption(select(m, "Sequence"), "0");
		typeText(getSetting(m.contentEl, "Source of these leads").querySelector("input"), "Maine Business Expo");
		expect(m.contentEl.querySelector("button.mod-cta")?.textContent).toBe("Import 3 leads");
		click(m.contentEl.querySelector("button.mod-cta"));
		await app.settle();

		expect(m.isOpen).toBe(false);
		expect(notices).toEqual(["Touchbase: Created 3 prospect notes. 1 already in the vault."]);
		const dev = bytes(dir, "Prospects/Dev Patel.md");
		expect(dev).toContain("source: Maine Business Expo\n");
		expect(dev).toContain("owner: Jane\n");
		expect(dev).toContain("- [ ] 2026-11-23 email: thank you #objective/thank-you #sequence/trade-show-lead\n");
		expect(bytes(dir, "Prospects/Harbor Roofing.md")).toBe(HARBOR);
		expect(plugin.index.report().entries.filter((e) => e.prospect.path.startsWith("Prospects/D")).map((e) => e.bucket)).toEqual(["today"]);
	});

	it("reads vCards, and pasted text", async () => {
		const { app, dir } = await start({ "contacts.vcf": new Uint8Array(VCF), "Prospects/Harbor Roofing.md": HARBOR });
		const m = await importModal(app);
		expect(items(m, "touchbase-import-new")).toEqual(["Prospects/Grace Okafor.md", "Prospects/Luis Ortega.md"]);
		expect(items(m, "touchbase-import-skipped")[0]).toMatch(/^Line 21: this vCard cannot be read/);
		selectOption(select(m, "Leads from"), "");
		await app.settle();
		typeText(getSetting(m.contentEl, "Pasted leads").querySelector("textarea"), "name;email\nPat Lee;pat@lee.example\n");
		await app.settle();
		expect(items(m, "touchbase-import-new")).toEqual(["Prospects/Pat Lee.md"]);
		click(m.contentEl.querySelector("button.mod-cta"));
		await app.settle();
		expect(bytes(dir, "Prospects/Pat Lee.md")).toContain("email: pat@lee.example\n");
	});

	it("a file that is not leads (a README saved as .csv, a PDF, Windows-1252) is refused with why, and nothing is written", async () => {
		const readme = readFileSync(resolve(__dirname, "../../../README.md"));
		const { app, dir } = await start({ "a.csv": new Uint8Array(readme), "b.csv": new Uint8Array([...Buffer.from("%PDF-1.7\n"), 0, 1, 2]), "c.csv": new Uint8Array([...Buffer.from("Name,Email\nCaf"), 0xe9, ...Buffer.from(",c@x.example\n")]) });
		const before = app.vault.getFiles().map((f) => f.path).sort();
		const m = await importModal(app);
		const refused = (): string => m.contentEl.querySelector(".touchbase-import-refused")?.textContent ?? "";
		// Which refusal depends on how the README reads as a table today: either says why.
		expect(refused()).toMatch(/^a\.csv(?: is not a table of leads: |: no column is a name or an email)/);
		for (const [path, why] of [
			["b.csv", "b.csv is a PDF document, not a CSV or vCard file of leads"],
			["c.csv", "c.csv is not UTF-8 text: byte 0xE9 on line 2 is not UTF-8 (it looks like Windows-1252 or another single-byte encoding); save it as CSV UTF-8 (or UTF-16 with its byte-order mark) and import it again"],
		]) {
			selectOption(select(m, "Leads from"), path);
			await app.settle();
			expect(refused()).toBe(why);
			expect(m.contentEl.querySelector("button.mod-cta")?.hasAttribute("disabled")).toBe(true);
		}
		click(m.contentEl.querySelector("button.mod-cta"));
		await app.settle();
		expect(app.vault.getFiles().map((f) => f.path).sort()).toEqual(before);
		expect(bytes(dir, "a.csv")).toBe(readme.toString("utf8"));
	});

	it("reads Excel's Unicode text: UTF-16 LE, tab-separated", async () => {
		const text = "Name\tCompany\tEmail\r\nZoë Brandt\tMüller AG\tzoe@muller.example\r\n";
		const { app, dir } = await start({ "unicode.csv": new Uint8Array([0xff, 0xfe, ...Buffer.from(text, "utf16le")]) });
		const m = await importModal(app);
		expect(items(m, "touchbase-import-new")).toEqual(["Prospects/Zoë Brandt.md"]);
		click(m.contentEl.querySelector("button.mod-cta"));
		await app.settle();
		expect(bytes(dir, "Prospects/Zoë Brandt.md")).toContain("company: Müller AG\n");
	});

	it("a failure part-way (a file appearing mid-import) leaves the vault as it was", async () => {
		const { app, dir } = await start({ "Imports/expo.csv": EXAMPLE_CSV });
		const before = app.vault.getFiles().map((f) => f.path).sort();
		const create = app.vault.create.bind(app.vault);
		let calls = 0;
		vi.spyOn(app.vault, "create").mockImplementation(async (path, data, options) => {
			// Someone else's note, synced in just before the third one is written.
			if (++calls === 3) await create("Prospects/Grace Okafor.md", "theirs\n");
			return create(path, data, options);
		});
		const m = await importModal(app);
		click(m.contentEl.querySelector("button.mod-cta"));
		await app.settle();
		expect(notices).toHaveLength(1);
		expect(notices[0]).toMatch(/^Touchbase: nothing was imported: Prospects\/Grace Okafor\.md could not be created/);
		expect(m.isOpen).toBe(true);
		expect(app.vault.getFiles().map((f) => f.path).sort()).toEqual([...before, "Prospects/Grace Okafor.md"].sort());
		expect(bytes(dir, "Prospects/Grace Okafor.md")).toBe("theirs\n");
	});

	it("a failure before anything remains removes the folder it made", async () => {
		const { app } = await start({ "Imports/expo.csv": EXAMPLE_CSV });
		const create = app.vault.create.bind(app.vault);
		let calls = 0;
		vi.spyOn(app.vault, "create").mockImplementation(async (path, data, options) => {
			if (++calls === 2) throw new Error("disk full");
			return create(path, data, options);
		});
		const m = await importModal(app);
		click(m.contentEl.querySelector("button.mod-cta"));
		await app.settle();
		expect(app.vault.getAbstractFileByPath("Prospects")).toBeNull();
		expect(app.vault.getFiles().map((f) => f.path)).toEqual(["Imports/expo.csv"]);
	});
});

describe("team vaults", () => {
	const TEAM = {
		"Prospects/Ada.md": "---\nowner: '[[People/Jane Doe|Jane]]'\n---\n- [ ] 2026-11-20 call: overdue, mine\n- [ ] 2026-11-23 10:45 call: timed, Jane's\n",
		"Prospects/Bo.md": "---\nowner: Sam\n---\n- [ ] 2026-11-23 call: today, Sam's\n- [ ] 2026-11-23 10:30 call: timed, Sam's\n",
		"Prospects/Cy.md": "- [ ] 2026-11-23 email: today, nobody's\n",
	};

	async function view(app: App): Promise<FollowUpsView> {
		await runCommand(app, "open-follow-ups");
		await app.settle();
		return app.workspace.getLeavesOfType(VIEW_TYPE_FOLLOW_UPS)[0].view as unknown as FollowUpsView;
	}
	const names = (v: FollowUpsView): string[] => Array.from(v.contentEl.querySelectorAll(".touchbase-name"), (a) => a.textContent ?? "");

	it("with Me set: the view shows mine, with a switch to everyone's; the status bar counts mine", async () => {
		const { app } = await start(TEAM, { me: "jane doe" });
		const v = await view(app);
		expect(names(v)).toEqual(["Ada"]);
		expect(v.contentEl.querySelector(".touchbase-count-overdue")?.textContent).toBe("1 overdue");
		expect(app.statusBarEl.querySelector(".touchbase-status")?.textContent).toBe("1 due · 1 overdue");
		const everyone = v.contentEl.querySelector<HTMLElement>('[data-scope="everyone"]')!;
		click(everyone);
		expect(names(v)).toEqual(["Ada", "Bo", "Cy"]);
		expect(everyone.getAttribute("aria-checked")).toBe("true");
		click(v.contentEl.querySelector('[data-scope="mine"]'));
		expect(names(v)).toEqual(["Ada"]);
	});

	it("without Me: no switch, everything counts", async () => {
		const { app } = await start(TEAM);
		const v = await view(app);
		expect(names(v)).toEqual(["Ada", "Bo", "Cy"]);
		expect(v.contentEl.querySelector<HTMLElement>(".touchbase-scope")!.style.display).toBe("none");
		expect(app.statusBarEl.querySelector(".touchbase-status")?.textContent).toBe("3 due · 1 overdue");
	});

	it("the digest and the reminders count only mine", async () => {
		const { app } = await start(TEAM, { me: "Sam", reminderState: { lastDigestDay: null } });
		const plugin = app.plugins.getPlugin("touchbase") as unknown as TouchbasePlugin;
		await plugin.reminders.tick(new Date(2026, 10, 23, 10, 0));
		// Everyone's would be "2 follow-ups due today, 1 overdue".
		expect(noticeLog.map((n) => n.message)).toEqual(["Touchbase: 1 follow-up due todayClick to open the follow-ups."]);
		await plugin.reminders.tick(new Date(2026, 10, 23, 10, 50));
		const titles = noticeLog.map((n) => n.noticeEl.querySelector(".touchbase-reminder-title")?.textContent).filter((t) => t);
		expect(titles).toHaveLength(1);
		expect(titles[0]).toContain("Bo");
	});
});


