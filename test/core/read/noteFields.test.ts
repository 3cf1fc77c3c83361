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

// The sixth round of real notes (test/fixtures/real/SOURCES.md): each rule with its negative control.
describe("round 6: the day they met, a folder's own page, names with a tag or a sigil", () => {
	const touchesOf = (text: string) => read("Prospects/Dana.md", text).prospect!.touches.map((t) => [t.date, t.from, t.line]);

	it("a met key's date (`first_met`, `met_date` …) is a done contact, counted once with the body's line that day", () => {
		expect(touchesOf("---\nfirst_met: \"2026-02-14\"\nmet_at: Community gathering\n---\n")).toEqual([["2026-02-14", "key", 2]]);
		expect(touchesOf("---\nmet_date: 2025-11-15\n---\n")).toEqual([["2025-11-15", "key", 2]]);
		// No date, no contact: `met: true`, a place, an empty value, a template's placeholder.
		expect(touchesOf("---\nmet: true\nmet_at: 2026 fair\nfirst_met: \"\"\n---\n")).toEqual([]);
		// `created` is the note's day, not a meeting.
		expect(touchesOf("---\ncreated: 2026-02-14\n---\n")).toEqual([]);
		const same = read("Prospects/Dana.md", "---\nfirst_met: 2026-02-14\n---\n## Log\n- 2026-02-14 coffee: met at the fair\n").prospect!;
		expect(same.touches.map((t) => [t.date, t.from ?? "line", t.channel])).toEqual([["2026-02-14", "line", "coffee"]]);
		expect(same.unused?.map((u) => u.reason)).toEqual(["the same day as line 5: one contact, counted once"]);
	});

	it("a README or index right in a prospect folder, titled by the folder, is the folder's page; one titled by a person is a prospect", () => {
		const settings = migrateSettings({ prospectFolders: ["contacts"] });
		expect(read("contacts/README.md", "# Social Contacts Database\n\n- [Date] - [Interaction/event]\n", settings).prospect).toBeNull();
		expect(read("contacts/index.md", "---\ntitle: Contacts index\n---\n", settings).prospect).toBeNull();
		expect(read("contacts/README.md", "# Dana Whitfield\n", settings).prospect?.name).toBe("Dana Whitfield");
		// A folder note one level down is a person's, whatever its title.
		expect(read("contacts/Dana Whitfield/README.md", "# Contacts of Dana\n", settings).prospect).not.toBeNull();
		// Its type still makes it a prospect.
		expect(read("contacts/README.md", "---\ntype: prospect\nname: Dana Whitfield\n---\n# Contacts\n", settings).prospect?.name).toBe("Dana Whitfield");
	});

	it("a file name that adds a tag to the `name` key shows the name; one that is not the name is shown as written", () => {
		expect(nameOf("Prospects/Sam Patel - Lead.md", "---\nname: \"Sam Patel\"\n---\n")).toBe("Sam Patel");
		expect(nameOf("Prospects/Jane Doe (Acme).md", "---\nname: Jane Doe\n---\n")).toBe("Jane Doe");
		expect(nameOf("Prospects/Sam Patel - Lead.md", "---\nname: Sam\n---\n")).toBe("Sam Patel - Lead");
		expect(nameOf("Prospects/Samantha Patel.md", "---\nname: Sam\n---\n")).toBe("Samantha Patel");
	});

	it("a sigil opening a file name (`!AveryChen`, `@Jane Doe`) is no part of the name: the title heading names the person", () => {
		expect(nameOf("Prospects/!AveryChen.md", "# Avery Chen\n")).toBe("Avery Chen");
		expect(nameOf("Prospects/@Contact Name - Company Name.md", "# Jane Doe\n")).toBe("Jane Doe");
		expect(nameOf("Prospects/@Jane Doe.md", "## Log\n")).toBe("Jane Doe");
		expect(nameOf("Prospects/Jane Doe.md", "# Someone Else\n")).toBe("Jane Doe");
	});
});

describe("names and templates of the seventh round (test/fixtures/real/SOURCES.md)", () => {
	it("a title heading's sigil (`# @Dana Kim`) is no part of the name, as a file name's", () => {
		expect(nameOf("Prospects/@Dana Kim.md", "# @Dana Kim\n")).toBe("Dana Kim");
		// Control: a heading without a sigil is the name as written.
		expect(nameOf("Prospects/dana-kim.md", "# Dana Kim @ Acme\n")).toBe("Dana Kim @ Acme");
	});

	it("a kind of note said before the name in a title (`Email Thread: Dana Lee (Acme)`, `Contact: Dana Lee`) is left out", () => {
		expect(nameOf("Prospects/dana-lee-thread.md", "# Email Thread: Dana Lee (Acme Realty)\n")).toBe("Dana Lee");
		expect(nameOf("Prospects/henderson-thread.md", "# Email/Text Thread: Henderson Family\n")).toBe("Henderson Family");
		expect(nameOf("Prospects/jane-smith.md", "# Contact: Jane Smith\n")).toBe("Jane Smith");
		// Controls: other words before a colon are part of the title; a name's own brackets stay.
		expect(nameOf("Prospects/simone-context.md", "# Context: Your Conversation with Simone\n")).toBe("Context: Your Conversation with Simone");
		expect(nameOf("Prospects/jane-doe.md", "# Jane Doe (Janie)\n")).toBe("Jane Doe (Janie)");
	});

	it("a kind of note said after the name behind a dash (`Tom Hale - Contour Ventures Profile`) is left out, in a title key too", () => {
		expect(nameOf("Prospects/tom-hale-profile.md", "---\ntitle: 'Tom Hale - Contour Ventures Profile'\n---\n")).toBe("Tom Hale");
		expect(nameOf("Prospects/tom-hale-profile.md", "# Tom Hale \u2013 Investor Profile\n")).toBe("Tom Hale");
		// Control: a dash without the word profile keeps the whole title.
		expect(nameOf("Prospects/tom-hale.md", "# Tom Hale - Contour Ventures\n")).toBe("Tom Hale - Contour Ventures");
	});

	it("a note named `_template` (nothing but the word, after `_` or `.`) is a template, even with an example's dated lines", () => {
		const example = "# Business Name\n\n## Timeline\n\n- 2026-05-27, Lead captured.\n";
		expect(isTemplate("clients/_template.md", example, DEFAULT_SETTINGS)).toBe(true);
		expect(isTemplate("clients/.template.md", example, DEFAULT_SETTINGS)).toBe(true);
		// Controls: other names with the word, with real data, are a prospect's note.
		expect(isTemplate("clients/Template.md", example, DEFAULT_SETTINGS)).toBe(false);
		expect(isTemplate("clients/person-template.md", example, DEFAULT_SETTINGS)).toBe(false);
	});
});

describe("round 8 (test/fixtures/real/SOURCES.md): a label in italics, a page of all the clients, a handle after a name", () => {
	const datesOf = (text: string) => read("Prospects/GlobalBank.md", text).prospect!.touches.map((t) => t.date);

	it("a label line in italics (`*Last contact: 2024-09-30*`) is read as the label, as in bold or plain", () => {
		expect(datesOf("# GlobalBank\n\n*Last contact: 2024-09-30*\n")).toEqual(["2024-09-30"]);
		expect(datesOf("# GlobalBank\n\n_Last contact: 2024-09-30_\n")).toEqual(["2024-09-30"]);
		expect(datesOf("# GlobalBank\n\n**Last contact:** 2024-09-30\n")).toEqual(["2024-09-30"]);
		// Controls: the note's own date in italics is no contact; italic words around a date are no label.
		expect(datesOf("# GlobalBank\n\n*Last updated: 2026-03-20*\n")).toEqual([]);
		expect(datesOf("# GlobalBank\n\n*Invoice INV-12 due 2026-03-20*\n")).toEqual([]);
	});

	it("a README right in a prospect folder titled as a page of many (`CRM`, `Overview`, `Index`) is the folder's page", () => {
		const settings = migrateSettings({ prospectFolders: ["clients"] });
		expect(read("clients/README.md", "# CRM — Kundeoversikt\n\n| Bedrift | Status |\n", settings).prospect).toBeNull();
		expect(read("clients/README.md", "# Client Overview\n", settings).prospect).toBeNull();
		// Controls: a person's title, and a client's README one level down titled as a tracker.
		expect(read("clients/README.md", "# Dana Whitfield\n", settings).prospect?.name).toBe("Dana Whitfield");
		expect(read("clients/acme/README.md", "# Acme — Lead & Progress Tracker\n", settings).prospect).not.toBeNull();
		// The words inside other words do not count (`Indexa Labs`).
		expect(read("clients/README.md", "# Indexa Labs\n", settings).prospect).not.toBeNull();
	});

	it("a handle said after a Name field is no part of the name; a title that goes on from it is the fuller name", () => {
		expect(nameOf("Prospects/stavros.md", "- **Name:** Stavros (handle: stavrospel)\n")).toBe("Stavros");
		expect(nameOf("Prospects/stavros.md", "# Stavros Pelekas\n\n- **Name:** Stavros (handle: stavrospel)\n")).toBe("Stavros Pelekas");
		// Controls: a name's own brackets stay; a title that is not the field's name does not win.
		expect(nameOf("Prospects/jane.md", "- **Name:** Jane Doe (Janie)\n")).toBe("Jane Doe (Janie)");
		expect(nameOf("Prospects/jane.md", "# Customer profile\n\n- **Name:** Jane Doe\n")).toBe("Jane Doe");
	});
});
