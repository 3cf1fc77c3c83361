// @vitest-environment happy-dom
// Interaction notes and Explain this prospect, live in the plugin (README, "Bringing your existing notes").
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import TouchbasePlugin from "../../src/plugin/main";
import { openVault } from "../fakes/harness";
import { lastModal, loadPlugin, runCommand } from "../fakes/obsidian";
import { DEMO_DAY, file } from "./setup";

beforeEach(() => {
	vi.useFakeTimers({ toFake: ["Date"] });
	vi.setSystemTime(DEMO_DAY);
});
afterEach(() => {
	vi.useRealTimers();
});

const DANA = "Prospects/Dana Whitfield.md";
const CALL = "Interactions/2026-11-20 Call with Dana.md";

async function vault() {
	const { app } = openVault({
		[DANA]: "---\ncompany: \"[[Harbor Roofing]]\"\n---\n## Follow-ups\n- 2026-11-02 email: intro\n",
		[CALL]: "---\nwith: \"[[Dana Whitfield]]\"\ntype: call\n---\nWalked through the quote.\n",
		"Notes/Book.md": "---\nauthor: Someone\ncreated: 2026-11-01\n---\nA book.\n",
	});
	const plugin = await loadPlugin(TouchbasePlugin, app);
	await app.settle();
	return { app, plugin };
}

const standing = (plugin: TouchbasePlugin) => {
	const entry = plugin.index.report().entries.find((e) => e.prospect.path === DANA)!;
	return { touches: entry.doneCount, last: entry.lastTouch?.date ?? null, company: entry.prospect.company };
};

describe("interaction notes in the plugin", () => {
	it("count as a touch of the prospect they link to, and follow edits, new notes and deletes of either note", async () => {
		const { app, plugin } = await vault();
		expect(standing(plugin)).toEqual({ touches: 2, last: "2026-11-20", company: "Harbor Roofing" });

		await app.vault.modify(file(app, CALL), "---\nwith: \"[[Someone Else]]\"\n---\n");
		await app.settle();
		expect(standing(plugin)).toMatchObject({ touches: 1, last: "2026-11-02" });

		await app.vault.modify(file(app, CALL), "---\nattendees: [Dana Whitfield, You]\n---\n");
		await app.settle();
		expect(standing(plugin)).toMatchObject({ touches: 2, last: "2026-11-20" });

		await app.vault.createFolder("Meetings");
		await app.vault.create("Meetings/2026-11-22 Demo.md", "---\npeople: \"[[Dana Whitfield]]\"\n---\n");
		await app.settle();
		expect(standing(plugin)).toMatchObject({ touches: 3, last: "2026-11-22" });

		await app.fileManager.trashFile(file(app, CALL));
		await app.settle();
		expect(standing(plugin)).toMatchObject({ touches: 2, last: "2026-11-22" });

		// A new prospect note is reached by interactions already in the vault.
		await app.vault.create("Prospects/Jane Roe.md", "---\nstatus: lead\n---\n");
		await app.vault.create("Interactions/2026-11-21 Coffee.md", "---\ncontact: \"[[Jane Roe]]\"\n---\n");
		await app.settle();
		const jane = plugin.index.report().entries.find((e) => e.prospect.path === "Prospects/Jane Roe.md")!;
		expect(jane).toMatchObject({ doneCount: 1, lastTouch: { date: "2026-11-21", channel: "coffee" } });
	});

	it("reads a meeting note that names its people in its body only, as the CLI does", async () => {
		const { app, plugin } = await vault();
		await app.vault.createFolder("Meetings");
		await app.vault.create("Meetings/2026-11-21_Dana_Whitfield_sync_summary.md", "# Dana Whitfield sync - Summary\n\n- pricing\n");
		await app.vault.create("Meetings/2026-11-22 Roadmap call.md", "# Roadmap call\n\n## Attendees\n- [[Dana Whitfield]] - Harbor Roofing\n");
		// The control: a meeting note that names no one.
		await app.vault.create("Meetings/2026-11-23 Team sync.md", "# Team sync\n\n## Attendees\n- Bob\n");
		await app.settle();
		expect(standing(plugin)).toMatchObject({ touches: 4, last: "2026-11-22" });
	});

	it("Explain this prospect lists the dates taken and those not used", async () => {
		const { app } = await vault();
		await app.workspace.setActiveFile(file(app, DANA));
		await runCommand(app, "explain-prospect");
		const modal = lastModal()!;
		expect(modal.titleEl.textContent).toBe("Explain: Dana Whitfield");
		const text = modal.contentEl.querySelector("pre")?.textContent ?? "";
		expect(text).toContain("2026-11-02  touch line, line 5 → done touch (email): intro");
		expect(text).toContain(`2026-11-20  interaction note ${CALL} → done touch (call)`);
	});
});

describe("templates in the plugin", () => {
	it("never reads a note in the folder Obsidian's Templates setting names as a prospect", async () => {
		const { app } = openVault({
			"Prospects/Dana Whitfield.md": "## Follow-ups\n- 2026-11-02 email: intro\n",
			"Snippets/Client.md": "---\ntype: prospect\ncreated: 2026-11-01\n---\n",
			"Clients/Acme.md": "---\ntype: prospect\n---\n",
		});
		if (!(await app.vault.adapter.exists(app.vault.configDir))) await app.vault.adapter.mkdir(app.vault.configDir);
		await app.vault.adapter.write(`${app.vault.configDir}/templates.json`, JSON.stringify({ folder: "Snippets" }));
		const plugin = await loadPlugin(TouchbasePlugin, app);
		await app.settle();
		expect(plugin.index.report().entries.map((e) => e.prospect.path).sort()).toEqual(["Clients/Acme.md", "Prospects/Dana Whitfield.md"]);
	});
});
