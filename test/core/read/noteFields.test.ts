// What `readNote` takes from a note besides its touch lines (README, "Bringing your existing
// notes": names, aliases, last-contact keys, Dataview fields, prospects outside the prospect
// folders, templates; and a file that is not text). Written for the survivors of the mutation run
// of src/core/read (docs/testing.md).
import { describe, expect, it } from "vitest";
import { isTemplate, readNote } from "../../../src/core/read/note";
import { DEFAULT_SETTINGS, migrateSettings } from "../../../src/core/settings/settings";

const read = (path: string, text: string, settings = DEFAULT_SETTINGS) => readNote(path, text, settings);
const nameOf = (path: string, text: string) => read(path, text).prospect?.name;

describe("the name a prospect is shown by", () => {
	it("for a file name that says nothing: its name, full name or title key, else its heading, else its company", () => {
		expect(nameOf("Prospects/README.md", "---\nfull_name: Dana Whitfield\n---\n")).toBe("Dana Whitfield");
		expect(nameOf("Prospects/contact.md", "---\ntitle: Dana W\n---\n")).toBe("Dana W");
		expect(nameOf("Prospects/README.md", "## Dana Whitfield\n")).toBe("Dana Whitfield");
		expect(nameOf("Prospects/README.md", "---\ncompany: Acme\n---\n")).toBe("Acme");
		// A key that says nothing either is passed over.
		expect(nameOf("Prospects/contact.md", "---\nname: Contact\ncompany: Acme\n---\n")).toBe("Acme");
	});

	it("for a slug: its title heading (level 1, markup dropped), else the slug as words", () => {
		expect(nameOf("Prospects/kevin-scott.md", "# **Kevin** Scott Jr\n")).toBe("Kevin Scott Jr");
		expect(nameOf("Prospects/kevin-scott.md", "## Kevin Scott Jr\n")).toBe("Kevin Scott");
	});
});

describe("the keys of a prospect note", () => {
	it("reads its aliases under alias and aliases, as a name or a list", () => {
		expect(read("Prospects/Ada.md", "---\nalias: Ada O.\naliases: [A. Okafor, Dee]\n---\n").prospect?.aliases?.slice().sort()).toEqual(["A. Okafor", "Ada O.", "Dee"]);
	});

	it("takes the latest of its last-contact keys, with its line", () => {
		expect(read("Prospects/Ada.md", "---\nlast_contacted: 2026-03-01\nlastContact: 2026-04-01\nlast_touch: 2026-02-01\n---\n").prospect?.lastContact).toEqual({ date: "2026-04-01", time: null, line: 3 });
	});

	it("reads a Dataview next-step field on its own line or in brackets, and names a bad one as a problem", () => {
		expect(read("Prospects/Ada.md", "---\nstatus: lead\n---\nnextContact:: 2026-04-01\n- x [next_follow_up:: 2026-04-02]\n").prospect?.nextFollowUp).toEqual([
			{ date: "2026-04-01", time: null, line: 4 },
			{ date: "2026-04-02", time: null, line: 5 },
		]);
		expect(read("Prospects/Ada.md", "---\nstatus: lead\n---\nnextContact:: soon\n[next:: 2026-13-01]\n").problems).toEqual([
			{ path: "Prospects/Ada.md", line: 4, message: 'nextContact:: "soon" is not a date' },
			{ path: "Prospects/Ada.md", line: 5, message: 'next:: "2026-13-01" is not a date' },
		]);
	});
});

describe("a note outside the prospect folders", () => {
	it("is a prospect by its type key, a tag in its frontmatter or an inline tag; not without", () => {
		expect(read("Notes/Dana.md", "---\ntype: Prospect\n---\n").prospect?.path).toBe("Notes/Dana.md");
		expect(read("Notes/Dana.md", "---\ntags: [prospect]\n---\n").prospect?.path).toBe("Notes/Dana.md");
		expect(read("Notes/Dana.md", "Met at the fair #prospect\n").prospect?.path).toBe("Notes/Dana.md");
		expect(read("Notes/Dana.md", "---\ntype: person\n---\n").prospect).toBeNull();
		expect(read("Notes/Dana.md", "Met at the fair #prospector\n").prospect).toBeNull();
	});

	it("is a prospect by a type value of several words from the settings", () => {
		const vip = migrateSettings({ typeValue: "VIP client" });
		expect(read("Notes/Dana.md", "---\ntype: VIP client\n---\n", vip).prospect?.path).toBe("Notes/Dana.md");
		expect(read("Notes/Dana.md", "---\ntype: client\n---\n", vip).prospect).toBeNull();
	});
});

describe("a file that is not text", () => {
	it("is not read, with a problem at the line of its first NUL or broken character", () => {
		const message = "not UTF-8 text (a binary file, or saved in another encoding): not read";
		expect(read("Prospects/Ada.md", "---\nstatus: lead\n---\nok\n\u0000bad\n").problems).toEqual([{ path: "Prospects/Ada.md", line: 5, message }]);
		expect(read("Prospects/Ada.md", "---\nstatus: lead\n---\nok\nline\n\uFFFDbad\u0000\n").problems).toEqual([{ path: "Prospects/Ada.md", line: 6, message }]);
		expect(read("Prospects/Ada.md", "---\nstatus: lead\n---\nok\n\u0000\nline\n\uFFFDbad\n").problems).toEqual([{ path: "Prospects/Ada.md", line: 5, message }]);
	});
});

describe("template folders from the settings", () => {
	it("hold templates at the top of the vault for a path, at any depth and in any case for a name", () => {
		expect(isTemplate("Blueprints/Inner/x.md", "", migrateSettings({ templateFolders: ["", "Blueprints/Inner"] }))).toBe(true);
		expect(isTemplate("x/BluePrints/y.md", "", migrateSettings({ templateFolders: ["blueprints"] }))).toBe(true);
		expect(isTemplate("x/y.md", "# Dana\n", migrateSettings({ templateFolders: [""] }))).toBe(false);
	});
});
