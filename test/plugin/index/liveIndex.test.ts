// @vitest-environment happy-dom
// Renames never lose a prospect (README, "The follow-ups view"): whether Obsidian's metadata for
// the new path is there at the vault's rename event or comes later, the note is read and kept.
import { describe, expect, it } from "vitest";
import TouchbasePlugin from "../../../src/plugin/main";
import { openVault } from "../../fakes/harness";
import { loadPlugin, type App } from "../../fakes/obsidian";

const NOTES: Record<string, [string, string, string]> = {
	folder: ["Prospects/Acme.md", "Prospects/Acme Roofing.md", "- [ ] 2026-11-20 call: quote\n"],
	type: ["Clients/Bolt.md", "Clients/Bolt Bikes.md", "---\ntype: prospect\n---\n- [ ] 2026-11-21 call: demo\n"],
	tag: ["Notes/Cole.md", "Notes/Cole Studio.md", "---\ntags: [prospect/hot]\n---\n- [ ] 2026-11-22 email: intro\n"],
	"inline tag": ["Notes/Dune.md", "Notes/Dune Coffee.md", "#prospect\n- [ ] 2026-11-22 call: beans\n"],
};

async function start(): Promise<{ app: App; plugin: TouchbasePlugin }> {
	const { app } = openVault(Object.fromEntries(Object.values(NOTES).map(([from, , text]) => [from, text])));
	const plugin = await loadPlugin(TouchbasePlugin, app);
	await app.settle();
	return { app, plugin };
}

const paths = (plugin: TouchbasePlugin): string[] => plugin.index.report().entries.map((e) => e.prospect.path).sort();

describe("a renamed prospect stays a prospect", () => {
	for (const order of ["before", "after", "reparse"] as const) {
		for (const [found, [from, to]] of Object.entries(NOTES)) {
			it(`found by ${found}, the metadata for the new path ${order === "reparse" ? "parsed again later" : `moved ${order} the rename event`}`, async () => {
				const { app, plugin } = await start();
				expect(paths(plugin)).toContain(from);
				app.vault.renameMetadata = order;
				app.vault.externalRename(from, to);
				// Read from the note itself, before any later `changed` event.
				await app.vault.cachedRead(app.vault.getFileByPath(to)!);
				await new Promise((resolve) => window.setTimeout(resolve, 0));
				expect(paths(plugin)).toContain(to);
				await app.settle();
				expect(paths(plugin)).toContain(to);
				expect(paths(plugin)).not.toContain(from);
				expect(plugin.index.report().entries).toHaveLength(Object.keys(NOTES).length);
			});
		}
	}

	it("a note renamed out of the prospect folder, without metadata yet, is read and dropped", async () => {
		const { app, plugin } = await start();
		app.vault.renameMetadata = "reparse";
		await app.vault.createFolder("Archive");
		app.vault.externalRename("Prospects/Acme.md", "Archive/Acme.md");
		await app.settle();
		expect(paths(plugin)).not.toContain("Archive/Acme.md");
		expect(paths(plugin)).not.toContain("Prospects/Acme.md");
	});
});
