import { describe, expect, it } from "vitest";
import { dueJson } from "../../../src/core/show/dueJson";
import { DEFAULT_SETTINGS } from "../../../src/core/settings/settings";
import { ProspectIndex } from "../../../src/core/index/prospectIndex";
import { readdirSync, readFileSync } from "node:fs";
import { join, relative } from "node:path";
import { EXAMPLE_VAULT, FIXTURES } from "../../helpers/files";

/** Every note of a vault folder, as [path, text]. */
function vaultNotes(root: string): [string, string][] {
	const out: [string, string][] = [];
	const walk = (dir: string): void => {
		for (const entry of readdirSync(dir, { withFileTypes: true })) {
			if (entry.name.startsWith(".")) continue;
			const full = join(dir, entry.name);
			if (entry.isDirectory()) walk(full);
			else if (entry.name.endsWith(".md")) out.push([relative(root, full).split("\\").join("/"), readFileSync(full, "utf8")]);
		}
	};
	walk(root);
	return out;
}

const TODAY = "2026-11-23";

describe("ProspectIndex", () => {
	it("adds, re-reads and removes notes, bumping the revision on each change", () => {
		const index = new ProspectIndex(DEFAULT_SETTINGS);
		expect(index.revision).toBe(0);
		expect(index.update("Prospects/A.md", "- [ ] 2026-11-20 call: x\n")).toBe(true);
		const r1 = index.revision;
		expect(index.report(TODAY).counts.overdue).toBe(1);
		index.update("Prospects/A.md", "- [ ] 2026-11-25 call: x\n");
		expect(index.revision).toBeGreaterThan(r1);
		expect(index.report(TODAY).counts).toMatchObject({ overdue: 0, upcoming: 1 });
		expect(index.remove("Prospects/A.md")).toBe(true);
		expect(index.remove("Prospects/A.md")).toBe(false);
		expect(index.report(TODAY).entries).toEqual([]);
	});

	it("gives the same report when due entries were worked out note by note while indexing, and keeps them current", () => {
		const notes: [string, string][] = [
			["Prospects/Jane Doe.md", "- [ ] 2026-11-20 call: x\n"],
			["Prospects/B.md", "- 2026-11-01 email: y → next: 2026-11-24\n"],
			["Prospects/C.md", "---\nstatus: won\n---\n- 2026-10-01 call: z\n"],
		];
		const meeting: [string, string] = ["Meetings/2026-11-22 Call with Jane.md", "---\nattendees: ['[[Jane Doe]]']\n---\n"];
		const plain = new ProspectIndex(DEFAULT_SETTINGS);
		const prepared = new ProspectIndex(DEFAULT_SETTINGS);
		for (const [path, text] of notes) {
			plain.update(path, text);
			prepared.update(path, text);
			prepared.prepareDue(path, TODAY);
		}
		expect(dueJson(prepared.report(TODAY))).toEqual(dueJson(plain.report(TODAY)));
		// An interaction note read later changes Jane's entry: the prepared one is not kept.
		plain.update(...meeting);
		prepared.update(...meeting);
		const jane = (index: ProspectIndex) => index.report(TODAY).entries.find((e) => e.prospect.path === "Prospects/Jane Doe.md")!;
		expect(jane(prepared).lastTouch?.date).toBe("2026-11-22");
		expect(dueJson(prepared.report(TODAY))).toEqual(dueJson(plain.report(TODAY)));
		// Another day: worked out again.
		expect(dueJson(prepared.report("2026-11-25"))).toEqual(dueJson(plain.report("2026-11-25")));
	});

	it.each([EXAMPLE_VAULT, join(FIXTURES, "conformance", "vault")])("gives back from each prospect's due row the entry it was made from, key for key, on its day and for its due settings only (%s)", (root) => {
		const notes = vaultNotes(root);
		const index = new ProspectIndex(DEFAULT_SETTINGS);
		for (const [path, text] of notes) index.update(path, text);
		const report = index.report(TODAY);
		expect(report.entries.length).toBeGreaterThan(2);
		const rows = new Map(report.entries.map((e) => [e.prospect.path, index.dueRow(e.prospect.path, TODAY)]));
		for (const row of rows.values()) if (row !== null) expect(row).toMatch(/^\["2026-11-23",/);
		// Not for another day than the entry's.
		expect(index.dueRow(report.entries[0].prospect.path, "2026-11-24")).toBeNull();

		const restored = new ProspectIndex(DEFAULT_SETTINGS);
		for (const [path, text] of notes) restored.update(path, text);
		let taken = 0;
		for (const [path, row] of rows) {
			if (row === null) continue;
			expect(restored.restoreDue(path, "2026-11-24", row)).toBe(false);
			expect(restored.restoreDue(path, TODAY, row)).toBe(true);
			taken++;
		}
		expect(taken).toBeGreaterThan(2);
		expect(JSON.stringify(restored.report(TODAY))).toBe(JSON.stringify(report));
		expect(JSON.stringify(dueJson(restored.report(TODAY)))).toBe(JSON.stringify(dueJson(report)));
		// Other due settings: the rows are not taken.
		const other = new ProspectIndex({ ...DEFAULT_SETTINGS, upcomingDays: DEFAULT_SETTINGS.upcomingDays + 1 });
		for (const [path, text] of notes) other.update(path, text);
		for (const [path, row] of rows) if (row !== null) expect(other.restoreDue(path, TODAY, row)).toBe(false);
	});

	it("finds the prospects an interaction note links to whatever came first, and after a prospect is renamed or gone (the link names are made when first needed)", () => {
		const jane: [string, string] = ["Prospects/Jane Doe.md", "---\naliases: [JD]\n---\n- [ ] 2026-11-20 call: x\n"];
		const omar: [string, string] = ["Prospects/Omar.md", "- 2026-11-01 email: y\n"];
		const meetings: [string, string][] = [
			["Meetings/2026-11-22 Call with Jane.md", "---\nattendees: ['[[Jane Doe]]']\n---\n"],
			["Meetings/2026-11-21 Lunch.md", "---\nattendees: [JD, Omar]\n---\n"],
		];
		const fresh = (notes: [string, string][]): string => {
			const index = new ProspectIndex(DEFAULT_SETTINGS);
			for (const [path, text] of notes) index.update(path, text);
			return JSON.stringify(dueJson(index.report(TODAY)));
		};
		const expected = fresh([jane, omar, ...meetings]);
		// Interaction notes first, last, and in between: the same answer.
		const orders: [string, string][][] = [[...meetings, jane, omar], [jane, ...meetings, omar], [jane, omar, ...meetings]];
		for (const order of orders) {
			const index = new ProspectIndex(DEFAULT_SETTINGS);
			// A report after each note: an entry worked out before its interaction note came must not be kept.
			for (const [path, text] of order) {
				index.update(path, text);
				index.report(TODAY);
			}
			expect(JSON.stringify(dueJson(index.report(TODAY)))).toBe(expected);
			// Jane has touches from both meetings; Omar from the lunch.
			expect(index.report(TODAY).entries.find((e) => e.prospect.path === jane[0])?.lastTouch?.date).toBe("2026-11-22");
			// Jane renamed (her links no longer reach her), then Omar gone: as a fresh index of what is left.
			index.remove(jane[0]);
			index.update("Prospects/Jane Roe.md", jane[1]);
			expect(JSON.stringify(dueJson(index.report(TODAY)))).toBe(fresh([omar, ...meetings, ["Prospects/Jane Roe.md", jane[1]]]));
			index.remove(omar[0]);
			index.remove(meetings[0][0]);
			expect(JSON.stringify(dueJson(index.report(TODAY)))).toBe(fresh([meetings[1], ["Prospects/Jane Roe.md", jane[1]]]));
		}
	});

	it("drops a note that stops being a prospect, without a revision for notes it never held", () => {
		const index = new ProspectIndex(DEFAULT_SETTINGS);
		index.update("Clients/B.md", "---\ntype: prospect\n---\n");
		expect(index.has("Clients/B.md")).toBe(true);
		index.update("Clients/B.md", "---\ntype: client\n---\n");
		expect(index.has("Clients/B.md")).toBe(false);
		const before = index.revision;
		expect(index.update("Notes/C.md", "- 2026-11-20 call: not a prospect\n")).toBe(false);
		expect(index.revision).toBe(before);
	});

	it("keeps problems per note and counts them in the JSON", () => {
		const index = new ProspectIndex(DEFAULT_SETTINGS);
		index.update("Prospects/Broken.md", "---\nstatus: [x\n---\n");
		index.update("Prospects/Ok.md", "- 2026-02-30 call: bad date\n- [ ] 2026-11-23 call: ok\n");
		const json = dueJson(index.report(TODAY));
		expect(json.counts.problems).toBe(2);
		expect(json.problems.map((p) => p.path)).toEqual(["Prospects/Broken.md", "Prospects/Ok.md"]);
		expect(json.prospects.map((p) => p.name)).toEqual(["Ok"]);
		expect(json.prospects[0]).toMatchObject({ bucket: "today", due: "2026-11-23", time: null, suggested: false, touches: 0, lastTouch: null, channel: "call" });
	});
});
