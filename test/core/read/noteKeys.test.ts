// What `readNote` reads of a prospect note, checked where the mutation run of src/core/read/note.ts
// (docs/testing.md) found nothing noticing a change: names, keys and their problems, deal values,
// notes outside the prospect folders, templates, Dataview fields, the other forms. Every note is
// built inside its test (no static mutants).
import { describe, expect, it } from "vitest";
import { formTouch, isTemplate, linkText, readKeyFields, readNote, readTouches } from "../../../src/core/read/note";
import { DEFAULT_SETTINGS, migrateSettings } from "../../../src/core/settings/settings";
import { parseCounts } from "../../../src/core/text/yaml";

const read = (path: string, text: string, settings = DEFAULT_SETTINGS) => readNote(path, text, settings);

describe("the name a prospect is shown by (README: Bringing your existing notes, Names)", () => {
	it("is its file name unless that says nothing or is a slug", () => {
		const cases: [string, string, string][] = [
			["Prospects/Dana Lee.md", "---\nname: Someone Else\n---\n", "Dana Lee"],
			["Prospects/O'Brien.md", "---\nname: Someone Else\n---\n", "O'Brien"],
			["Prospects/Sarah.md", "---\nname: Someone Else\n---\n", "Sarah"],
			["Prospects/sarah.md", "---\nname: Sarah Chen\n---\n", "Sarah Chen"],
			["Prospects/Sara_Needleman.md", "---\nname: Sara N\n---\n", "Sara N"],
			["Prospects/bob-buyer.md", "---\nname: Bob B\n---\n", "Bob B"],
			["Prospects/Untitled 2.md", "---\nname: Bob B\n---\n", "Bob B"],
			["Prospects/ Profile .md", "---\nname: Bob B\n---\n", "Bob B"],
			["Prospects/index.md", "---\nname: Bob B\n---\n", "Bob B"],
			["Prospects/Lead.md", "---\nname: Bob B\n---\n", "Bob B"],
			["Prospects/Leads.md", "---\nname: Bob B\n---\n", "Leads"],
			["Prospects/My Prospect.md", "---\nname: Bob B\n---\n", "My Prospect"],
		];
		for (const [path, text, name] of cases) expect(read(path, text).prospect?.name, path).toBe(name);
	});

	it("takes name, then full_name, then title; a link as its text; passes over a generic, dated, empty or long value", () => {
		const cases: [string, string][] = [
			["name: Ada Okafor\nfull_name: Ada B. Okafor\ntitle: CTO", "Ada Okafor"],
			["full_name: Ada B. Okafor\ntitle: CTO", "Ada B. Okafor"],
			["name: '[[People/Ada Okafor|Ada O.]]'", "Ada O."],
			["name: '[[People/Ada Okafor]]'", "Ada Okafor"],
			["name: ''\ntitle: Ada", "Ada"],
			["name: Prospect\ntitle: Ada", "Ada"],
			["name: 2026-01-10 intro\ntitle: Ada", "Ada"],
			[`name: ${"A".repeat(81)}\ntitle: Ada`, "Ada"],
			[`name: ${"A".repeat(80)}`, "A".repeat(80)],
			// Only a value that starts with a full date is passed over (a daily note's title).
			["name: Ada 2026-01-10\ntitle: Ada", "Ada 2026-01-10"],
			["name: 2026-1-10 Ada\ntitle: Ada", "2026-1-10 Ada"],
			["name: 2026-01-1 Ada\ntitle: Ada", "2026-01-1 Ada"],
			["name: 26-01-10 Ada\ntitle: Ada", "26-01-10 Ada"],
		];
		for (const [fm, name] of cases) expect(read("Prospects/ada-okafor.md", `---\n${fm}\n---\n`).prospect?.name, fm).toBe(name);
	});

	it("else a Name field in the first 60 lines, else the heading, else a folder note's folder, else the company (generic file names only)", () => {
		const filler = (n: number) => Array.from({ length: n }, (_, i) => `line ${i}`).join("\n");
		const cases: [string, string, string][] = [
			["Prospects/README.md", "**Full Name:** Ada Okafor\n# Heading\n", "Ada Okafor"],
			["Prospects/README.md", "| Name | Ada Okafor |\n", "Ada Okafor"],
			["Prospects/README.md", "- __Name__: Ada Okafor\n", "Ada Okafor"],
			["Prospects/README.md", `${filler(58)}\nName: Ada Okafor\n`, "Ada Okafor"],
			["Prospects/README.md", `${filler(60)}\nName: Ada Okafor\n# Heading\n`, "Heading"],
			["Prospects/README.md", "Nickname: Ada\n### **Ada** Okafor ###\n", "Ada Okafor"],
			["Prospects/README.md", "Intro text\n## __Ada__ Okafor\n## Second\n", "Ada Okafor"],
			["Prospects/Ada Okafor/README.md", "Some text\n", "Ada Okafor"],
			["Prospects/Ada Okafor/index.md", "---\ncompany: Acme\n---\n", "Ada Okafor"],
			["Prospects/README.md", "---\ncompany: '[[Clients/Acme Inc|Acme]]'\n---\n", "Acme"],
			["Prospects/README.md", "Some text\n", "README"],
			["Prospects/index.md", "Some text\n", "index"],
			["Prospects/README.md", "# ** Ada Okafor**\n", "Ada Okafor"],
			["Prospects/README.md", "**Full Name:** Ada Okafor\nNickname: Dee\n# Heading\n", "Ada Okafor"],
			["Prospects/README.md", "Name: Ada Okafor\nName: Bob\n", "Ada Okafor"],
			["Prospects/Team/ada-okafor.md", "Some text\n", "Ada Okafor"],
			["Prospects/van_Dijk.md", "Some text\n", "van Dijk"],
			["Prospects/ada-okafor.md", "---\ncompany: Acme\n---\n", "Ada Okafor"],
			["Prospects/ada-okafor.md", "## Ada O\n", "Ada Okafor"],
			["Prospects/ada-okafor.md", "# Ada O\n", "Ada O"],
			["Prospects/Ada_Okafor.md", "Some text\n", "Ada Okafor"],
			["Prospects/ada__okafor-.md", "Some text\n", "Ada Okafor"],
			["Prospects/éva-nagy.md", "Some text\n", "Éva Nagy"],
		];
		for (const [path, text, name] of cases) expect(read(path, text).prospect?.name, `${path}: ${text}`).toBe(name);
	});

	it("in a prospect folder set two levels down, a generic note takes its folder's name only when that is no prospect folder", () => {
		const settings = migrateSettings({ prospectFolders: ["CRM/People"] });
		expect(read("CRM/People/README.md", "text\n", settings).prospect?.name).toBe("README");
		expect(read("CRM/People/Ada/README.md", "text\n", settings).prospect?.name).toBe("Ada");
	});
});

describe("the names a person note gives its person, for plain names elsewhere (README: Interaction notes count)", () => {
	it("are its name and full_name keys (a list too, links as their text) and its first heading, none over 80 characters or with a year", () => {
		const cases: [string, string[]][] = [
			["---\nname: Ada Okafor\nfull_name: [Ada B. Okafor, '[[Ada O]]']\n---\n# **Ada**\n", ["Ada Okafor", "Ada B. Okafor", "Ada O", "Ada"]],
			[`---\nname: ${"A".repeat(81)}\nfull_name: ${"B".repeat(80)}\n---\n`, ["B".repeat(80)]],
			["## Meeting 2026\n", []],
			[`# ${"C".repeat(81)}\n`, []],
			[`# __${"C".repeat(80)}__\n`, ["C".repeat(80)]],
			["# \n", []],
			["# ** Ada**\n", ["Ada"]],
			["# Ada 2nd\n", ["Ada 2nd"]],
			["text\n", []],
		];
		for (const [text, names] of cases) expect(read("Prospects/Ada.md", text).prospect?.linkNames, text).toEqual(names);
	});

	it("besides its aliases, written as a name or a list, none empty or over 80 characters", () => {
		expect(read("Prospects/Ada.md", `---\naliases: [Ada O., '', ${"x".repeat(81)}, ${"y".repeat(80)}, 12]\n---\n`).prospect?.aliases).toEqual(["Ada O.", "y".repeat(80), "12"]);
		expect(read("Prospects/Ada.md", "---\nalias: Dee\n---\n").prospect?.aliases).toEqual(["Dee"]);
		expect(read("Prospects/Ada.md", "text\n").prospect?.aliases).toEqual([]);
	});
});

describe("a company written as a wikilink is shown as its text (README: Names)", () => {
	it("reads the alias, else the target's name; a link that names nothing stays as written", () => {
		const cases: [string | null, string | null][] = [
			[null, null],
			["Acme Inc", "Acme Inc"],
			["[[Acme Inc]]", "Acme Inc"],
			["[[Clients/Acme Inc|Acme]]", "Acme"],
			["[[Acme Inc| Acme ]]", "Acme"],
			["[[|x]]", "[[|x]]"],
			["[[A|]]", "[[A|]]"],
			["[[A| ]]", "[[A| ]]"],
		];
		for (const [value, shown] of cases) expect(linkText(value), String(value)).toBe(shown);
	});
});

describe("the keys of a prospect and their problems (README: Your notes, Problems)", () => {
	it("reads status in any case, and names an unknown one with its line", () => {
		expect(read("Prospects/A.md", "---\nStatus: WON\n---\n").prospect?.status).toBe("won");
		for (const status of ["lead", "active", "paused", "won", "lost"]) expect(read("Prospects/A.md", `---\nstatus: ${status}\n---\n`).prospect?.status).toBe(status);
		expect(read("Prospects/A.md", "---\ncompany: Acme\nStatus_note: x\nStatus: Maybe\n---\n").problems).toEqual([{ path: "Prospects/A.md", line: 4, message: 'unknown status "maybe": treated as active' }]);
		expect(read("Prospects/A.md", "---\nstatus: ''\n---\n")).toMatchObject({ prospect: { status: "active" }, problems: [] });
	});

	it("reads the cadence under its synonyms, and names a bad one with its line", () => {
		expect(read("Prospects/A.md", "---\noutreach: weekly\n---\n").prospect?.cadence).not.toBeNull();
		expect(read("Prospects/A.md", "---\ncompany: Acme\nkeep-in-touch: every so often\n---\n").problems).toEqual([
			{ path: "Prospects/A.md", line: 3, message: expect.stringMatching(/: the default cadence is used$/) },
		]);
	});

	it("reads a deal value written as people write amounts, and names one that is no number", () => {
		const cases: [string, number | null][] = [
			["8000", 8000],
			["'8,000'", 8000],
			["'$8 000'", 8000],
			["8k", 8000],
			["8K", 8000],
			["1.5M", 1500000],
			["2m", 2000000],
			["'-500'", -500],
			["'€ 1,200.50'", 1200.5],
			["'1200 USD'", 1200],
			["' 300 '", 300],
		];
		for (const [written, value] of cases) {
			const r = read("Prospects/A.md", `---\nvalue: ${written}\n---\n`);
			expect(r.prospect?.value, written).toBe(value);
			expect(r.problems, written).toEqual([]);
		}
		for (const written of ["lots", "'USD$ 5'", "'5 dollars'", "'1.2.3'", "[5]", "true"]) {
			const r = read("Prospects/A.md", `---\ncompany: Acme\nValue: ${written}\n---\n`);
			expect(r.prospect?.value, written).toBeNull();
			expect(r.problems, written).toEqual([{ path: "Prospects/A.md", line: 3, message: expect.stringMatching(/^Value: ".*" is not a number$/) }]);
		}
		expect(read("Prospects/A.md", "---\nvalue: ''\n---\n")).toMatchObject({ prospect: { value: null }, problems: [] });
		expect(read("Prospects/A.md", "---\nvalue:\n---\n")).toMatchObject({ prospect: { value: null }, problems: [] });
	});

	it("names a date key that is no date with its key as written and its line", () => {
		expect(read("Prospects/A.md", "---\ncompany: Acme\n'Next Follow Up': soonish\n---\n").problems).toEqual([{ path: "Prospects/A.md", line: 3, message: 'Next Follow Up: "soonish" is not a date' }]);
		expect(read("Prospects/A.md", "---\ncreated: soon\npaused_until: later\n---\n").problems).toEqual([
			{ path: "Prospects/A.md", line: 2, message: 'created: "soon" is not a date' },
			{ path: "Prospects/A.md", line: 3, message: 'paused_until: "later" is not a date' },
		]);
		// A key the frontmatter writes in flow style has no line of its own: the problem is the note's.
		expect(read("Prospects/A.md", "---\n{status: maybe}\n---\nstatus: z\n").problems).toEqual([{ path: "Prospects/A.md", line: null, message: 'unknown status "maybe": treated as active' }]);
		expect(read("Prospects/A.md", "---\ncompany: Acme\nlast_contacted : 2026-13-45\n---\n").problems).toEqual([{ path: "Prospects/A.md", line: 3, message: 'last_contacted: "2026-13-45" is not a date' }]);
	});

	it("takes the latest last-contact key, the first when two give the same day", () => {
		expect(read("Prospects/A.md", "---\nlast_contact: 2026-03-01\nlast_touch: 2026-03-01\n---\n").prospect?.lastContact).toEqual({ date: "2026-03-01", time: null, line: 3 });
		expect(read("Prospects/A.md", "---\nlast_touch: 2026-03-01\nlast_seen: 2026-02-01\n---\n").prospect?.lastContact).toEqual({ date: "2026-03-01", time: null, line: 2 });
		expect(read("Prospects/A.md", "---\nlast_seen: 2026-02-01\nlast_touch: 2026-03-01 10:30\n---\n").prospect?.lastContact).toEqual({ date: "2026-03-01", time: "10:30", line: 3 });
		expect(read("Prospects/A.md", "text\n").prospect?.lastContact).toBeNull();
	});

	it("takes next_action's date as a next follow-up with its line, after the next_follow_up keys", () => {
		expect(read("Prospects/A.md", "---\nnext_action: 2026-05-01 09:00\nnext_contact: 2026-04-01\n---\n").prospect?.nextFollowUp).toEqual([
			{ date: "2026-04-01", time: null, line: 3 },
			{ date: "2026-05-01", time: "09:00", line: 2 },
		]);
	});

	it("reads the other keys: company as its text, contact, channel in lower case, created, paused_until, owners, email and phone", () => {
		const p = read("Prospects/A.md", "---\ncompany: '[[Acme Inc]]'\ncontact: '[[Dana]]'\nchannel: LinkedIn\ncreated: 2026-01-02\npaused_until: 2026-06-01\nowner: '@sam'\nmail: a@b.co\nmobile: '555'\n---\n").prospect;
		expect(p).toMatchObject({ company: "Acme Inc", contact: "[[Dana]]", channel: "linkedin", created: "2026-01-02", pausedUntil: "2026-06-01", owners: ["@sam"] });
		const bare = read("Prospects/A.md", "text\n").prospect;
		expect(bare).toMatchObject({ company: null, contact: null, channel: null, created: null, pausedUntil: null, value: null, cadence: null, owners: [], email: null, phone: null, nextFollowUp: [] });
	});

	it("lists problems in the order of the note's lines, a key's before the body's", () => {
		const r = read("Prospects/A.md", "---\nstatus: maybe\nvalue: lots\n---\n- 2026-02-30 call: x\n- 2026-01-10 call: y → next: when pigs fly\n");
		expect(r.problems.map((p) => p.line)).toEqual([2, 3, 5, 6]);
		expect(r.problems[2].message).toMatch(/: this line is not used$/);
		expect(r.problems[3].message).toMatch(/: the touch counts, its next step does not$/);
		const mixed = read("Prospects/A.md", "## Log\n- Feb 20 — intro call\n- 2026-02-30 call: x\n");
		expect(mixed.problems.map((p) => p.line)).toEqual([2, 3]);
		const flow = read("Prospects/A.md", "---\n{status: maybe}\n---\n- 2026-02-30 call: x\n");
		expect(flow.problems.map((p) => p.line)).toEqual([null, 4]);
	});

	it("readKeyFields reads the same keys from data already parsed, with the lines of the text", () => {
		const text = "---\nstatus: won\n\"next_follow_up\": 2026-04-01\n---\n";
		const fields = readKeyFields(text, { status: "won", next_follow_up: "2026-04-01" }, DEFAULT_SETTINGS);
		expect(fields).toMatchObject({ status: "won", nextFollowUp: [{ date: "2026-04-01", time: null, line: 3 }] });
		expect(readKeyFields("no frontmatter\n", { next_follow_up: "2026-04-01" }, DEFAULT_SETTINGS).nextFollowUp).toEqual([{ date: "2026-04-01", time: null, line: null }]);
	});
});

describe("Dataview next-step fields in the body (README: Bringing your existing notes)", () => {
	it("are read on their own line, in a list item, in brackets or parentheses, under next, the key or its synonyms; a bad one is named with its key", () => {
		const text = "---\nstatus: lead\n---\n- nextContact:: 2026-04-01\n(next:: 2026-04-02) and [Follow Up Date:: 2026-04-03]\nnotes:: 2026-04-04\n```\nnext:: 2026-04-05\n```\n";
		expect(read("Prospects/A.md", text).prospect?.nextFollowUp).toEqual([
			{ date: "2026-04-01", time: null, line: 4 },
			{ date: "2026-04-02", time: null, line: 5 },
			{ date: "2026-04-03", time: null, line: 5 },
		]);
		const own = migrateSettings({ keys: { nextFollowUp: "ping" } });
		expect(read("Prospects/A.md", "  ping:: 2026-04-06\nnext_contact:: 2026-04-07\n", own).prospect?.nextFollowUp.map((n) => n.date)).toEqual(["2026-04-06", "2026-04-07"]);
		expect(read("Prospects/A.md", "text\n[ Next :: soon]\nNext :: later\n[due:: 2026-04-09] [notes:: x]\n").problems).toEqual([
			{ path: "Prospects/A.md", line: 2, message: 'Next:: "soon" is not a date' },
			{ path: "Prospects/A.md", line: 3, message: 'Next:: "later" is not a date' },
		]);
		expect(read("Prospects/A.md", "[due:: 2026-04-09]\n").prospect?.nextFollowUp).toEqual([]);
	});
});

describe("a note outside the prospect folders (README: Your notes)", () => {
	it("is a prospect by its type or tag whichever rule is on, and by a value written with a YAML escape", () => {
		const noTag = migrateSettings({ prospectTag: "" });
		const noType = migrateSettings({ typeKey: "" });
		const cases: [string, string, typeof DEFAULT_SETTINGS, boolean][] = [
			["type alone", "---\ntype: prospect\n---\n", noTag, true],
			["tag alone", "---\ntags: [prospect]\n---\n", noType, true],
			["inline tag alone", "Met #prospect\n", noType, true],
			["type, type rule off", "---\ntype: prospect\n---\n", noType, false],
			["escaped type", '---\ntype: "\\x70rospect"\n---\n', DEFAULT_SETTINGS, true],
			["escaped tag", '---\ntags: ["\\x70rospect"]\n---\n', DEFAULT_SETTINGS, true],
			["nothing", "---\ntype: person\n---\nText\n", DEFAULT_SETTINGS, false],
			["type as the tag's word", "---\nkind: client\n---\n", migrateSettings({ typeKey: "kind", typeValue: "client", prospectTag: "client" }), true],
			["type in other case", "---\ntype: PROSPECT\n---\n", noTag, true],
			["tag in other case", "Met #Prospect.\n", DEFAULT_SETTINGS, true],
			["tag before a bracket", "Met #prospect)\n", DEFAULT_SETTINGS, true],
			["tag as a subtag", "#prospect/hot\n", DEFAULT_SETTINGS, true],
			["tag in a word", "a#prospect\n", DEFAULT_SETTINGS, false],
			["tag longer", "#prospects\n", DEFAULT_SETTINGS, false],
			["the word without #", "a prospect\n", DEFAULT_SETTINGS, false],
		];
		for (const [label, text, settings, is] of cases) expect(read("Notes/Dana.md", text, settings).prospect !== null, label).toBe(is);
	});

	it("is found by a tag or type value with spaces, signs or letters beyond ASCII", () => {
		const cases: [Record<string, unknown>, string, boolean][] = [
			[{ prospectTag: "c++" }, "Met #c++\n", true],
			[{ prospectTag: "a.b" }, "Met #axb\n", false],
			[{ prospectTag: "a.b" }, "Met #a.b\n", true],
			[{ prospectTag: "kunde", typeValue: "Kündin" }, "---\ntype: kündin\n---\n", true],
			[{ prospectTag: "", typeValue: "Kündin" }, "---\ntype: kündin\n---\n", true],
			[{ prospectTag: "kündin", typeKey: "" }, "Met #Kündin\n", true],
			[{ prospectTag: "x(y)" }, "Met #x(y)\n", true],
			[{ typeValue: "VIP client" }, "---\ntype: VIP\n  client\n---\n", true],
			[{ typeValue: "VIP client" }, "Met #prospect\n", true],
			[{ typeValue: "VIP client" }, "---\ntype: \"\"\n---\n", false],
			[{ typeKey: "" }, '---\n"": prospect\n---\n', false],
			[{}, "---\ntype: ' prospect '\n---\n", true],
		];
		for (const [raw, text, is] of cases) expect(read("Notes/Dana.md", text, migrateSettings(raw)).prospect !== null, `${JSON.stringify(raw)} ${text}`).toBe(is);
	});

	it("with no rule but the folder, is never a prospect", () => {
		const settings = migrateSettings({ prospectTag: "", typeKey: "" });
		expect(read("Notes/Dana.md", "---\ntype: prospect\ntags: prospect\n---\n#prospect\n", settings)).toEqual({ prospect: null, problems: [] });
		expect(read("Prospects/Dana.md", "text\n", settings).prospect).not.toBeNull();
	});

	it("is an interaction note when it names people in a people key, an Attendees line or heading, or says it is a meeting", () => {
		const cases: [string, string, boolean][] = [
			["Notes/2026-09-20 Notes.md", "---\nattendees: Dana Lee\n---\nText\n", true],
			["Notes/2026-09-20 Notes.md", "---\n'Attendee-IDs': dana-lee\n---\nText\n", true],
			["Notes/2026-09-20 Notes.md", "---\n\"with\" : Dana Lee\n---\nText\n", true],
			["Notes/2026-09-20 Notes.md", "---\nwithheld: Dana Lee\n---\nText\n", false],
			["Notes/2026-09-20 Notes.md", "Attendees: [[Dana Lee]]\n", true],
			["Notes/2026-09-20 Notes.md", "---\nsource: x\n---\nPresent - : [[Dana Lee]]\n", true],
			["Notes/2026-09-20 Notes.md", "## Participants\n- [[Dana Lee]]\n", true],
			["Notes/2026-09-20 Notes.md", "---\ntitle: Weekly sync\n---\n[[Dana Lee]]\n", true],
			["Notes/2026-09-20 Notes.md", "---\nsource: x\n---\n[[Dana Lee]]\n", false],
			["Notes/2026-09-20 Notes.md", "---\ntitle: Check-in\n---\n[[Dana Lee]]\n", true],
			["Notes/2026-09-20 Notes.md", "---\ntitle: Checkin\n---\n[[Dana Lee]]\n", true],
			["Notes/2026-09-20 Notes.md", "---\ntitle: Catch up\n---\n[[Dana Lee]]\n", true],
			["Notes/2026-09-20 Notes.md", "---\ntitle: Catchup\n---\n[[Dana Lee]]\n", true],
			["Notes/2026-09-20 Notes.md", "[[Dana Lee]] is nice\n", false],
		];
		for (const [path, text, is] of cases) expect(read(path, text).interaction !== undefined, text).toBe(is);
		// The people keys the settings name, in any spelling. Five of them, one after the other: more
		// than the patterns kept at once (core/text/memo.ts), so each is built again in every run.
		for (const key of ["with", "client", "guests", "attendee_ids", "manager"]) {
			const settings = migrateSettings({ peopleKeys: [key] });
			expect(read("Notes/2026-09-20 Notes.md", `---\n"${key.replace("_", "-").toUpperCase()}" : Dana Lee\n---\nText\n`, settings).interaction?.links, key).toEqual(["=dana lee"]);
			expect(read("Notes/2026-09-20 Notes.md", `---\n${key}x: Dana Lee\n---\nText\n`, settings).interaction, key).toBeUndefined();
		}
		// With prospects by folder only, a meeting note elsewhere still counts.
		const folderOnly = migrateSettings({ prospectTag: "", typeKey: "" });
		expect(read("Notes/2026-09-20 Notes.md", "---\nattendees: Dana Lee\n---\nText\n", folderOnly).interaction?.links).toEqual(["=dana lee"]);
		expect(read("Notes/2026-09-20 Notes.md", "Attendees: [[Dana Lee]]\n", folderOnly).interaction?.date).toBe("2026-09-20");
		expect(read("Notes/2026-09-20 Notes.md", "---\ntype: prospect\n---\nText\n", folderOnly)).toEqual({ prospect: null, problems: [] });
		const off = migrateSettings({ readForms: { interactions: false } });
		expect(read("Notes/2026-09-20 Notes.md", "---\nattendees: Dana Lee\n---\nAttendees: Dana Lee\n", off)).toEqual({ prospect: null, problems: [] });
	});

	it("with broken YAML, is a problem only when it would be a prospect: in a folder, tagged inline, or naming the tag or type value", () => {
		const broken = (yaml: string, body = "") => `---\n${yaml}\nbad: [oops\n---\n${body}`;
		expect(read("Notes/A.md", broken("type: Prospect")).problems).toHaveLength(1);
		expect(read("Notes/A.md", broken("tags: x", "Met #prospect\n")).problems).toHaveLength(1);
		expect(read("Notes/A.md", broken("kind: client"), migrateSettings({ typeKey: "kind", typeValue: "Client", prospectTag: "" })).problems).toHaveLength(1);
		expect(read("Notes/A.md", broken("tags: [Lead]"), migrateSettings({ prospectTag: "lead", typeKey: "" })).problems).toHaveLength(1);
		expect(read("Notes/A.md", broken("kind: prospect"), migrateSettings({ typeKey: "", prospectTag: "" }))).toEqual({ prospect: null, problems: [] });
		expect(read("Notes/A.md", broken("kind: person"))).toEqual({ prospect: null, problems: [] });
		expect(read("Notes/A.md", broken("kind: person", "A prospect of mine\n"))).toEqual({ prospect: null, problems: [] });
		expect(read("Notes/A.md", broken("kind: person", "# Heading\n"), migrateSettings({ prospectTag: "" }))).toEqual({ prospect: null, problems: [] });
		expect(read("Notes/A.md", broken("kind: person", "# Heading\n"), migrateSettings({ prospectTag: "", typeValue: "VIP client" }))).toEqual({ prospect: null, problems: [] });
		// A meeting note with broken YAML is no prospect's problem, whatever rule is off.
		expect(read("Notes/A.md", broken("attendees: x", "# Heading\n"), migrateSettings({ prospectTag: "" }))).toEqual({ prospect: null, problems: [] });
		expect(read("Notes/A.md", broken("attendees: x\nkind: prospect"), migrateSettings({ prospectTag: "", typeKey: "" }))).toEqual({ prospect: null, problems: [] });
		expect(read("Prospects/A.md", broken("kind: person")).problems).toEqual([{ path: "Prospects/A.md", line: expect.any(Number), message: expect.stringMatching(/frontmatter/) }]);
	});
});

describe("templates are never prospects (README: Bringing your existing notes)", () => {
	it("by name, unless they hold real data", () => {
		const cases: [string, string, boolean][] = [
			["People/_template.md", "", true],
			["People/People Template.md", "", true],
			["People/person-template.md", "", true],
			["People/templates.md", "", true],
			["People/template.v2.md", "", true],
			["People/Templated.md", "", false],
			["People/Contemplate.md", "", false],
			["People/person-template.md", "- 2026-01-10 call: x\n", false],
			["People/person-template.md", "1) [x] [[2026-01-10]] call\n", false],
			["People/person-template.md", "  * **2026-01-10** call\n", false],
			["People/_template.md", "- 2026-02-30 call: x\n", true],
			["People/_template.md", "Text 2026-01-10 call\n", true],
			["People/person-template.md", "---\nlast_contact: 2026-01-10\n---\n", false],
			["People/person-template.md", "---\n\"Next Follow-Up\": '2026-01-10'\n---\n", false],
			["People/_template.md", "---\nlast_contact: 2026-02-30\n---\n", true],
			["People/_template.md", "---\ncreated: 2026-01-10\n---\n", true],
			["People/_template.md", "---\nx: 1\n---\nlast_contact: 2026-01-10\n", true],
		];
		for (const [path, text, is] of cases) expect(isTemplate(path, text, DEFAULT_SETTINGS), `${path} ${text}`).toBe(is);
	});

	it("by unfilled placeholders on two lines of the frontmatter, not one, nor in the body", () => {
		const cases: [string, boolean][] = [
			["---\ncreated: '{{date}}'\ncompany: '<% tp.file.title %>'\n---\n", true],
			["---\ncreated: '{{date}}'\ncompany: Acme\n---\n", false],
			["---\ncreated: '{{date}}' '{{time}}'\n---\n", false],
			["---\ncompany: Acme\n---\n{{date}}\n{{title}}\n", false],
			["{{date}}\n{{title}}\n", false],
			["---\ncreated: '{{date}}'\r\ncompany: '{{title}}'\r\n---\r\n", true],
			["---\ncreated: '{{date}}'\ncompany: '{{title}}'\nlast_touch: 2026-01-10\n---\n", false],
		];
		for (const [text, is] of cases) expect(isTemplate("People/Dana.md", text, DEFAULT_SETTINGS), text).toBe(is);
	});

	it("in a template folder: at any depth by name, from the top by a path the settings give", () => {
		const cases: [string, string[], boolean][] = [
			["_templates/Dana.md", [], true],
			["system/.template/Dana.md", [], true],
			["Templates2/Dana.md", [], false],
			["My Templates/Dana.md", [], false],
			["Blueprints/Dana.md", ["Blueprints"], true],
			["BlueprintsX/Dana.md", ["Blueprints"], false],
			["Work/Blueprints/Dana.md", ["Work/Blueprints"], true],
			["Other/Blueprints/Dana.md", ["Work/Blueprints"], false],
			["Dana.md", ["Dana.md"], false],
		];
		for (const [path, folders, is] of cases) expect(isTemplate(path, "text\n", migrateSettings({ templateFolders: folders })), path).toBe(is);
	});
});

describe("touch lines (README: Touch lines)", () => {
	it("a line that names its channel only in its text takes it from there, the summary without the separator", () => {
		const cases: [string, string | null, string][] = [
			["- 2026-01-10 — call with Dana", "call", "call with Dana"],
			["- 2026-01-10 – -: call with Dana", "call", "call with Dana"],
			["- 2026-01-10 call: — with Dana", "call", "— with Dana"],
			["- 2026-01-10 hello there", null, "hello there"],
		];
		for (const [line, channel, summary] of cases) {
			expect(read("Prospects/A.md", `${line}\n`).prospect?.touches.map((t) => [t.channel, t.summary]), line).toEqual([[channel, summary]]);
		}
	});

	it("readTouches keeps each line's number and text as written, and sets aside a line with an impossible date", () => {
		const problems: [number | null, string][] = [];
		const rejected = new Set<number>();
		const touches = readTouches(
			[
				{ line: 4, raw: "- [x] 2026-01-10 call: hi %% note %%", text: "- [x] 2026-01-10 call: hi " },
				{ line: 7, raw: "- 2026-02-30 call: x", text: "- 2026-02-30 call: x" },
				{ line: 9, raw: "- plain item", text: "- plain item" },
			],
			DEFAULT_SETTINGS,
			(line, message) => problems.push([line, message]),
			rejected,
		);
		expect(touches.map((t) => [t.line, t.raw, t.check, t.date, t.time])).toEqual([[4, "- [x] 2026-01-10 call: hi %% note %%", "done", "2026-01-10", null]]);
		expect([...rejected]).toEqual([7]);
		expect(problems).toEqual([[7, expect.stringMatching(/2026-02-30.*: this line is not used$/)]]);
	});

	it("formTouch shapes a touch of another form as a touch line without a checkbox", () => {
		const t = formTouch({ kind: "touch", line: 3, date: "2026-01-10", channel: "call", summary: "Called Dana", form: "label", cues: ["called"], year: "from the line" } as never, "Called Dana 2026-01-10");
		expect(t).toMatchObject({ line: 3, raw: "Called Dana 2026-01-10", check: "none", date: "2026-01-10", time: null, channel: "call", summary: "Called Dana", outcome: null, objective: null, next: null, from: "label", cues: ["called"], year: "from the line" });
		expect(t.parsed).toEqual({ indent: "", bullet: "", checkbox: null, date: "2026-01-10", dateForm: "plain", alias: null, time: null, channel: "call", channelWord: null, channelColon: false, text: "Called Dana", tasks: null });
		const bare = formTouch({ kind: "touch", line: 3, date: "2026-01-10", channel: null, summary: "x", form: "label" } as never, "");
		expect("cues" in bare || "year" in bare).toBe(false);
	});
});

describe("the other forms beside touch lines (README: Bringing your existing notes)", () => {
	it("are read only where their setting is on, merged with the touch lines in line order", () => {
		const text = "## Log\n- 2026-01-12 call: a\nCalled Dana on 2026-01-05.\n- 2026-01-20 email: b\n| Date | Notes |\n|---|---|\n| 2026-01-25 | met her |\n";
		const on = read("Prospects/A.md", text).prospect!;
		expect(on.touches.map((t) => [t.line, t.date, t.from ?? "line"])).toEqual([
			[2, "2026-01-12", "line"],
			[3, "2026-01-05", "prose"],
			[4, "2026-01-20", "line"],
			[7, "2026-01-25", "table"],
		]);
		const off = migrateSettings({ readForms: { labels: false, headings: false, tables: false, tasks: false, interactions: true } });
		expect(read("Prospects/A.md", text, off).prospect).toMatchObject({ touches: [{ line: 2 }, { line: 4 }], unused: [] });
		const all = "## Log\n- 2026-01-12 call: a\nCalled Dana on 2026-01-05.\nLast call: 2026-01-06\n### 2026-01-07 — Call with Dana\n| Date | Notes |\n|---|---|\n| 2026-01-25 | met her |\n- [ ] Follow up with Dana 2030-03-10\n";
		const cases: [string, number[], number[]][] = [
			["labels", [2, 3, 4], []],
			["headings", [2, 5], []],
			["tables", [2, 8], []],
			["tasks", [2], [9]],
		];
		for (const [form, touches, next] of cases) {
			const one = migrateSettings({ readForms: { labels: false, headings: false, tables: false, tasks: false, interactions: true, [form]: true } });
			const p = read("Prospects/A.md", all, one).prospect!;
			expect(p.touches.map((t) => t.line), form).toEqual(touches);
			expect(p.nextFollowUp.map((n) => n.line), form).toEqual(next);
		}
	});

	it("a form's contact on a day a touch line already has is the same contact: counted once, set aside with why", () => {
		const p = read("Prospects/A.md", "- 2026-01-12 call: a\nCalled Dana on 2026-01-12.\nCalled Dana on 2026-01-14.\nEmailed Dana on 2026-01-14.\n").prospect!;
		expect(p.touches.map((t) => t.line)).toEqual([1, 3]);
		expect(p.unused).toEqual([
			{ line: 2, text: "Called Dana on 2026-01-12.", reason: "the same day as line 1: one contact, counted once" },
			{ line: 4, text: "Emailed Dana on 2026-01-14.", reason: "the same day as line 3: one contact, counted once" },
		]);
	});

	it("keeps each line as written (comments in, line ending out), with the cues and the year a form's contact or next step was read by", () => {
		const text = "---\ncreated: 2026-01-01\n---\n## Log\r\n- 2026-01-12 call: a %% c %%\r\nCalled Dana on 2026-01-12. %% same %%\r\n- Called Dana Feb 3 %% x %%\r\n- [ ] Follow up with Dana 2030-03-10\r\nnext:: TBD\r\n";
		const r = read("Prospects/A.md", text);
		expect(r.problems).toEqual([]);
		const p = r.prospect!;
		expect(p.touches.map((t) => [t.line, t.raw, t.from ?? "line", t.date, t.channel, t.summary, t.check])).toEqual([
			[5, "- 2026-01-12 call: a %% c %%", "line", "2026-01-12", "call", "a", "none"],
			[7, "- Called Dana Feb 3 %% x %%", "list", "2026-02-03", "call", "Called Dana", "none"],
		]);
		expect(p.touches[1]).toMatchObject({ cues: ['word "Called"', 'section "Log"'], year: "the nearest full date (line 6)" });
		expect(p.unused).toEqual([{ line: 6, text: "Called Dana on 2026-01-12. %% same %%", reason: "the same day as line 5: one contact, counted once" }]);
		expect(p.nextFollowUp).toEqual([{ date: "2030-03-10", time: null, line: 8, from: "task", cues: ['word "Follow up"', 'section "Log"', "time open task"], year: "written" }]);
	});

	it("names a month-day without a year, a month without a day, and an impossible date, each with its line", () => {
		const r = read("Prospects/A.md", "## Log\n- Feb 20 — intro call\n| Date | Type |\n|---|---|\n| 2026-02 | Meeting |\n24/01/2026 call\n");
		expect(r.problems).toEqual([
			{ path: "Prospects/A.md", line: 2, message: "date without a year: give the year, or a full date before it" },
			{ path: "Prospects/A.md", line: 5, message: "date without a day: a contact needs its day to count" },
			{ path: "Prospects/A.md", line: 6, message: "24/01/2026 is not a date read month first (the date format setting): this line is not used" },
		]);
	});

	it("a month-day takes its year from the note's created key, else the file's creation day the caller gives", () => {
		expect(read("Prospects/A.md", "---\ncreated: 2025-01-05\n---\n## Log\n- Feb 20 — intro call\n").prospect!.touches.map((t) => t.date)).toEqual(["2025-02-20"]);
		const file = readNote("Prospects/A.md", "## Log\n- Feb 20 — intro call\n", DEFAULT_SETTINGS, { file: { created: "2024-01-05", modified: "2024-12-01" } });
		expect(file.prospect!.touches.map((t) => t.date)).toEqual(["2024-02-20"]);
		expect(file.problems).toEqual([]);
	});

	it("takes a frontmatter the caller already parsed instead of parsing it again", () => {
		const text = "---\nstatus: lead\n---\n";
		const fm = { ok: true as const, data: { status: "won" }, block: { start: 0, end: 17, bodyLine: 3 } };
		expect(readNote("Prospects/A.md", text, DEFAULT_SETTINGS, { frontmatter: fm as never }).prospect?.status).toBe("won");
	});
});

describe("the vault owner's own note, a file that is not text, one parse per read (README: Bringing your existing notes, Problems)", () => {
	it("is never a prospect under relationship or relation: self, me or myself", () => {
		const cases: [string, boolean][] = [
			["relation: me", false],
			["relationship: ' Myself '", false],
			["relationship:", true],
			["relationship: [self]", true],
			["relation: friend", true],
		];
		for (const [fm, is] of cases) expect(read("Prospects/Me.md", `---\n${fm}\n---\n`).prospect !== null, fm).toBe(is);
	});

	it("names the line of the first NUL or broken character, at the very start too", () => {
		const lineOf = (text: string) => read("Prospects/A.md", text).problems.map((p) => p.line);
		expect(lineOf("\u0000abc\n\uFFFD\n")).toEqual([1]);
		expect(lineOf("\uFFFDabc\n\u0000\n")).toEqual([1]);
		expect(lineOf("\n\u0000\n")).toEqual([2]);
		expect(lineOf("a\n\n\uFFFD\n")).toEqual([3]);
	});

	it("counts one note read per readNote", () => {
		const before = parseCounts.notes;
		read("Prospects/A.md", "- 2026-01-10 call: hi\n");
		read("Notes/B.md", "nothing\n");
		expect(parseCounts.notes - before).toBe(2);
	});
});
