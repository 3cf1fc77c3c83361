// Links to a prospect as Obsidian resolves them, interaction notes in any folder, templates and
// names (README, "Bringing your existing notes"): one test per link form, each with its negative
// control.
import { describe, expect, it } from "vitest";
import { ProspectIndex } from "../../../src/core/index/prospectIndex";
import { folderOfFolderNote, linkKey, peopleNamed, prospectTargets } from "../../../src/core/read/links";
import { isTemplate } from "../../../src/core/read/note";
import { DEFAULT_SETTINGS, migrateSettings } from "../../../src/core/settings/settings";
import { note } from "../../helpers/noteBuilder";

const TODAY = "2026-11-28";
const ADA = "---\ntype: prospect\nname: Ada Okafor\naliases: [Ada O.]\n---\n# Ada Okafor\n";

/** The days of Ada's touches taken from interaction notes, in a vault of Ada and `other`. */
function linkedDays(adaPath: string, other: Record<string, string>, ada = ADA): string[] {
	const index = new ProspectIndex(DEFAULT_SETTINGS);
	index.update(adaPath, ada);
	for (const [path, text] of Object.entries(other)) index.update(path, text);
	const entry = index.report(TODAY).entries.find((e) => e.prospect.path === adaPath);
	return (entry?.prospect.touches ?? []).filter((t) => t.from === "interaction").map((t) => t.date);
}

const meeting = (people: string): string => `---\ndate: 2026-03-02\nattendees: ${people}\n---\n# Call\n`;

describe("links", () => {
	it.each([
		["[[Ada Okafor]]", "a wikilink by file name"],
		["\"[[People/Ada Okafor]]\"", "a wikilink with its folder"],
		["\"[[Ada Okafor|Ada]]\"", "a wikilink with an alias shown"],
		["\"[[Ada O.]]\"", "a wikilink to an alias of the note"],
		["Ada Okafor", "a plain name"],
		["Ada O.", "a plain name that is an alias"],
		["ada-okafor", "a plain slug of the file name"],
	])("%s (%s) reaches People/Ada Okafor.md", (people) => {
		expect(linkedDays("People/Ada Okafor.md", { "Anywhere/Deep/2026-03-02 Call.md": meeting(people) })).toEqual(["2026-03-02"]);
	});

	it.each(["[[Ada]]", "\"[[Clients/Ada Okafor]]\"", "Ada", "Okafor"])("%s does not reach People/Ada Okafor.md", (people) => {
		expect(linkedDays("People/Ada Okafor.md", { "Meetings/2026-03-02 Call.md": meeting(people) })).toEqual([]);
	});

	it("a folder note is reached by its folder's name, by link and by plain name", () => {
		const ada = "---\ntype: prospect\n---\n# Profile\n";
		expect(linkedDays("People/Ada Okafor/README.md", { "M/2026-03-02 Call.md": meeting("Ada Okafor") }, ada)).toEqual(["2026-03-02"]);
		expect(linkedDays("People/Ada Okafor/index.md", { "M/2026-03-02 Call.md": meeting("\"[[People/Ada Okafor]]\"") }, ada)).toEqual(["2026-03-02"]);
		expect(linkedDays("People/Ada Okafor/notes.md", { "M/2026-03-02 Call.md": meeting("Ada Okafor") }, ada)).toEqual([]);
		expect(folderOfFolderNote("People/Ada Okafor/README.md")).toBe("People/Ada Okafor");
		expect(folderOfFolderNote("README.md")).toBeNull();
	});

	it("a wikilink never reaches a note by its name key or heading, as in Obsidian", () => {
		expect(linkedDays("People/Person - Ada Okafor.md", { "M/2026-03-02 Call.md": meeting("\"[[Ada Okafor]]\"") })).toEqual([]);
		expect(linkedDays("People/Person - Ada Okafor.md", { "M/2026-03-02 Call.md": meeting("Ada Okafor") })).toEqual(["2026-03-02"]);
	});

	it("keys: lower case, _ - and spaces as one, path ends", () => {
		expect(linkKey("People/Ada_Okafor.md")).toBe("people/ada okafor");
		expect(prospectTargets("A/People/Ada Okafor.md", ["Dr Ada"])).toEqual(expect.arrayContaining(["ada okafor", "people/ada okafor", "a/people/ada okafor", "=ada okafor", "=dr ada"]));
		expect(peopleNamed("Jane Doe, Bob Buyer and me")).toEqual(["=jane doe", "=bob buyer"]);
	});
});

describe("meeting notes naming the person in their first lines", () => {
	it("counts an Attendees: line, with or without frontmatter", () => {
		const summary = "# Weekly Wrap - Summary\n\n**Date**: 2026-03-02 19:00\n**Attendees**: Ada Okafor, bob@example.com, Jesse\n\n- notes\n";
		expect(linkedDays("People/Ada Okafor.md", { "meetings/2026-03-02_Weekly_Wrap_summary.md": summary })).toEqual(["2026-03-02"]);
		expect(linkedDays("People/Ada Okafor.md", { "meetings/Weekly_Wrap_summary.md": summary })).toEqual(["2026-03-02"]);
	});

	it("counts a link in the first lines of a note that says it is a meeting", () => {
		const text = "---\ndate: 2026-03-02\n---\n# 1:1\nWith [[Ada Okafor]], 30 minutes\n";
		expect(linkedDays("People/Ada Okafor.md", { "Meetings/Weekly 1-1.md": text })).toEqual(["2026-03-02"]);
	});

	it("not a daily note linking the person, nor a link far down a meeting note", () => {
		const daily = "---\ndate: 2026-03-02\n---\n# 2026-03-02\n- Read about [[Ada Okafor]]\n";
		expect(linkedDays("People/Ada Okafor.md", { "Daily/2026-03-02.md": daily })).toEqual([]);
		const far = "---\ndate: 2026-03-02\ntype: meeting\n---\n# Sprint planning\nThe team.\nRoadmap.\n- ask [[Ada Okafor]] later\n";
		expect(linkedDays("People/Ada Okafor.md", { "Meetings/Sprint.md": far })).toEqual([]);
	});
});

describe("templates", () => {
	it.each(["Templates/Person.md", "_templates/Person.md", "system/templates/person-readme.md", "_core/Templates/x.md"])("%s is a template", (path) => {
		expect(isTemplate(path, "# {{title}}\n", DEFAULT_SETTINGS)).toBe(true);
	});

	it.each(["Prospects/Template Co/Dana.md", "Prospects/Acme/Notes.md"])("%s is not", (path) => {
		expect(isTemplate(path, "# Acme\n", DEFAULT_SETTINGS)).toBe(false);
	});

	it("a note with placeholders left but real data is no template", () => {
		const half = "---\ncreated: {{date}}\ncompany: <% tp.file.title %>\nnext_follow_up: 2026-12-01\n---\n";
		expect(isTemplate("Prospects/Dana.md", half, DEFAULT_SETTINGS)).toBe(false);
		expect(isTemplate("Prospects/Dana.md", "---\ncreated: {{date}}\ncompany: <% tp.file.title %>\n---\n- 2026-11-20 call: intro\n", DEFAULT_SETTINGS)).toBe(false);
		expect(isTemplate("Prospects/Dana.md", "---\ncreated: {{date}}\ncompany: <% tp.file.title %>\n---\n- YYYY-MM-DD call:\n", DEFAULT_SETTINGS)).toBe(true);
		expect(isTemplate("Prospects/People Template.md", "- 2026-11-20 call: intro\n", DEFAULT_SETTINGS)).toBe(false);
	});

	it("a prospect folder the user set inside a folder named like one of templates holds prospects once they have real data", () => {
		const starter = migrateSettings({ prospectFolders: ["template/people"] });
		expect(isTemplate("template/people/_example-sarah-chen.md", "# Sarah Chen\n## Meeting Notes\n- 2026-01-15: Kickoff call\n", starter)).toBe(false);
		// Controls: the blank template beside it; the same note where no prospect folder was set; a folder the settings name.
		expect(isTemplate("template/people/_template.md", "# [Person Name]\n## Meeting Notes\n-\n", starter)).toBe(true);
		expect(isTemplate("template/people/_example-sarah-chen.md", "# Sarah Chen\n- 2026-01-15: Kickoff call\n", DEFAULT_SETTINGS)).toBe(true);
		expect(isTemplate("Templates/people/x.md", "- 2026-01-15: Kickoff call\n", migrateSettings({ prospectFolders: ["Templates/people"] }))).toBe(true);
	});

	it("a template folder named in the settings is one at any depth", () => {
		expect(isTemplate("Work/Blueprints/Person.md", "", migrateSettings({ templateFolders: ["Blueprints"] }))).toBe(true);
		expect(isTemplate("Work/Blueprints/Person.md", "", DEFAULT_SETTINGS)).toBe(false);
	});
});

describe("names", () => {
	it.each([
		["Prospects/bob-buyer.md", "---\nname: Bob Buyer\ncompany: Acme\n---\n", "Bob Buyer"],
		["Prospects/Sara_Needleman.md", "# Sara Needleman\n", "Sara Needleman"],
		["Prospects/Sample_Contact.md", "# Sample Contact\n| Field | Value |\n|---|---|\n| **Full Name** | Dr. Samantha Faye |\n", "Dr. Samantha Faye"],
		["Prospects/kevin-scott.md", "Some text.\n", "Kevin Scott"],
		["Prospects/Ada/README.md", "---\ncompany: Acme\n---\n", "Ada"],
		["Prospects/Atlas Plumbing.md", "---\nname: Jo Smith\n---\n# Jo\n", "Atlas Plumbing"],
	])("%s is shown as %s", (path, text, name) => {
		const p = note().line(text).read(path).prospect!;
		expect(p.name).toBe(name);
	});

	it("keeps the company beside the name", () => {
		expect(note().line("---\nname: Bob Buyer\ncompany: Acme\n---\n").read("Prospects/bob-buyer.md").prospect).toMatchObject({ name: "Bob Buyer", company: "Acme" });
	});
});

// Mutation run of src/core/read (docs/testing.md): each rule of the link keys and of plain names.
describe("the keys a link or a name reaches a prospect by", () => {
	it("compare without case, `.md`, and with `_`, `-` and runs of spaces as one space, slashes without spaces", () => {
		expect(linkKey("  People / Ada__Okafor - Smith.MD ")).toBe("people/ada okafor smith");
		expect(linkKey("Ada.md.bak")).toBe("ada.md.bak");
	});

	it("are every end of the note's path, its file name as a plain name, and its folder's for a folder note", () => {
		expect(prospectTargets("Clients/People/Ada Okafor.md", []).sort()).toEqual(["=ada okafor", "ada okafor", "clients/people/ada okafor", "people/ada okafor"]);
		expect(prospectTargets("People/Ada Okafor/README.md", []).sort()).toEqual(["=ada okafor", "=readme", "ada okafor", "ada okafor/readme", "people/ada okafor", "people/ada okafor/readme", "readme"]);
	});

	it("add its aliases for links and names, and its names for plain names only, never one with a slash or empty", () => {
		const keys = prospectTargets("People/Ada Okafor.md", ["Dr Ada", "A/B", " "], ["Ada O.", "x/y", ""]);
		expect(keys.filter((k) => !k.includes("okafor")).sort()).toEqual(["=ada o.", "=dr ada", "ada o."]);
	});

	it("read plain names split at commas, semicolons, `and` and `&`, without markup, roles in brackets, you, me or email addresses", () => {
		expect(peopleNamed("**Ada Okafor** (CEO); __Bob Li__ & `Cy Young`, you, Me, dan@example.com and Eve")).toEqual(["=ada okafor", "=bob li", "=cy young", "=eve"]);
		expect(peopleNamed(`${"x".repeat(81)}, Ada`)).toEqual(["=ada"]);
		expect(peopleNamed(`${"x".repeat(80)}`)).toEqual([`=${"x".repeat(80)}`]);
		expect(peopleNamed(" , ; ")).toEqual([]);
	});

	it("take a text's wikilinks alone when it has any", () => {
		expect(peopleNamed("[[People/Ada Okafor|Ada]] and Bob Li")).toEqual(["people/ada okafor"]);
		expect(peopleNamed("[[Ada Okafor]], [[Bob Li#Notes]]")).toEqual(["ada okafor", "bob li"]);
	});

	it("a folder note at the top of the vault stands for its folder; an empty link names no one", () => {
		expect(folderOfFolderNote("Ada Okafor/README.md")).toBe("Ada Okafor");
		expect(peopleNamed("[[ ]]")).toEqual([]);
	});

	it("plain names split at separators written without spaces too", () => {
		expect(peopleNamed("Ada,Bob;Cy&Dee")).toEqual(["=ada", "=bob", "=cy", "=dee"]);
	});
});
