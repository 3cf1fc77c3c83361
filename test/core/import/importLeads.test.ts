import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { describePlan, guessMapping, leadsOf, planImport, readLeadFile, type Lead } from "../../../src/core/import/importLeads";
import { decodeLeadFile, parseCsv, parseVcards } from "../../../src/core/import/leadParsers";
import { readNote, type ProspectNote } from "../../../src/core/read/note";
import { migrateSettings } from "../../../src/core/settings/settings";
import { FIXTURES } from "../../helpers/files";

const LEADS = join(FIXTURES, "leads");
const settings = migrateSettings(undefined);
const TODAY = "2026-11-23";
const options = { today: TODAY, sequence: null, source: null, owner: null };

function fixture(name: string): string {
	return decodeLeadFile(readFileSync(join(LEADS, name)));
}

function prospect(path: string, text: string): ProspectNote {
	const read = readNote(path, text, settings);
	if (!read.prospect) throw new Error(`${path} is not a prospect`);
	return read.prospect;
}

describe("reading CSV files", () => {
	it("guesses the separator, drops the byte-order mark, reads quoted fields with separators, quotes and CRLF line breaks", () => {
		const table = parseCsv('\uFEFFa;b;c\r\n"x; y";"say ""hi""";"two\r\nlines"\r\n\r\nlast;;\r\n');
		expect(table.delimiter).toBe(";");
		expect(table.records).toEqual([
			{ line: 1, cells: ["a", "b", "c"] },
			{ line: 2, cells: ["x; y", 'say "hi"', "two\r\nlines"] },
			{ line: 5, cells: ["last", "", ""] },
		]);
	});

	it("reads tabs and commas, and says where a quote is never closed", () => {
		expect(parseCsv("a\tb\n1\t2\n").records[1].cells).toEqual(["1", "2"]);
		const open = parseCsv('name,email\nJo,"jo@x.example\nAl,al@x.example\n');
		expect(open.problems).toEqual([{ line: 2, message: "a quoted field is never closed: the rest of the file is read as one field" }]);
	});

	it("matches odd headers to the fields, each column once", () => {
		const m = guessMapping(["Given Name", "Surname", "Organisation", "E-Mail Address (work)", "Mobile Phone", "Job Title", "Comments", "Lead Source", "Assigned To"]);
		expect(m).toEqual({ name: null, firstName: 0, lastName: 1, company: 2, email: 3, phone: 4, title: 5, notes: 6, source: 7, owner: 8 });
		expect(guessMapping(["Contact", "Contact Email", "Cell"])).toMatchObject({ name: 0, email: 1, phone: 2 });
	});

	it("a badge-scanner export: BOM, semicolons, CRLF, a note over two lines, line numbers of each row", () => {
		const file = readLeadFile(fixture("badge-scanner.csv"));
		expect(file.headers).toEqual(["Full name", "Organisation", "E-Mail", "Phone Number", "Position", "Remarks"]);
		const leads = leadsOf(file);
		expect(leads.map((l) => [l.line, l.name, l.company])).toEqual([
			[2, "Müller, Anna", "Acme; Sons"],
			[4, "Bo Li", "Zed Co"],
			[6, "bo li", "ZED CO"],
			[7, "Caf\uFFFD Owner", "Bistro"],
			[8, "", ""],
		]);
		expect(leads[0]).toMatchObject({ email: "anna@acme.example", phone: "+49 30 1234", title: "CEO", notes: 'Said "call me"\r\nin spring' });
	});

	it("a LinkedIn export: the header row comes after a few lines of notes", () => {
		const file = readLeadFile(fixture("linkedin.csv"));
		expect(file.headerLine).toBe(4);
		expect(leadsOf(file).map((l) => [l.line, l.name, l.email, l.company, l.title])).toEqual([
			[5, "Priya Raman", "", "Northwind Traders", "Head of Ops"],
			[6, "Tom Becker", "tom@becker.example", "Becker GmbH", "Founder"],
		]);
	});

	it("decodes UTF-16 with its mark, and leaves bytes that are not UTF-8 visible", () => {
		const utf16 = new Uint8Array([0xff, 0xfe, ...[..."a,b"].flatMap((c) => [c.charCodeAt(0), 0])]);
		expect(decodeLeadFile(utf16)).toBe("a,b");
		expect(decodeLeadFile(new Uint8Array([0xef, 0xbb, 0xbf, 0x43, 0x61, 0x66, 0xe9]))).toBe("Caf\uFFFD");
	});
});

describe("reading vCards", () => {
	it("reads vCard 3 and 4: the preferred email, a mobile number, the first ORG part, escaped notes", () => {
		const { contacts, problems } = parseVcards(fixture("contacts.vcf"));
		expect(contacts.map((c) => c.name)).toEqual(["Grace Okafor", "Luis Ortega", "Mike Alvarez"]);
		expect(contacts[0]).toMatchObject({ line: 1, company: "Lighthouse Books", email: "grace@lighthouse.example", phone: "+1 207 555 0121", title: "Buyer", notes: "Met at the expo, wants a demo" });
		expect(contacts[1]).toMatchObject({ line: 13, company: "Ortega Design", email: "luis@ortega.example", phone: "+1-555-0188" });
		expect(problems).toHaveLength(1);
		expect(problems[0].line).toBe(21);
		expect(problems[0].message).toMatch(/^this vCard cannot be read/);
	});

	it("a card without END:VCARD is reported; a card with only N gets its name from it", () => {
		const read = readLeadFile("BEGIN:VCARD\nVERSION:3.0\nN:Doe;Jane;;;\nEMAIL:jane@doe.example\nEND:VCARD\nBEGIN:VCARD\nVERSION:3.0\nFN:Lost\n");
		expect(read.kind).toBe("vcard");
		expect(leadsOf(read).map((l) => [l.name, l.email])).toEqual([["Jane Doe", "jane@doe.example"]]);
		expect(read.problems).toEqual([{ line: 6, message: "a vCard without END:VCARD" }]);
	});
});

describe("planning an import", () => {
	const lead = (line: number, fields: Partial<Lead>): Lead => ({ line, name: "", company: "", email: "", phone: "", title: "", notes: "", source: "", owner: "", ...fields });

	it("one note per lead from the template, with contact keys, source, created, owner, notes and the sequence started", () => {
		const plan = planImport(
			[lead(2, { name: "Ada Park", company: "Northwind: Bikes", email: "ada@northwind.example", phone: "+1 555 0100", title: "Owner", notes: "Met at booth 12\nwants a quote" })],
			[],
			() => false,
			settings,
			{ ...options, sequence: settings.sequences[0], source: "Expo 2026", owner: "[[Sam Rivera]]" },
		);
		expect(plan.notes).toHaveLength(1);
		expect(plan.notes[0].path).toBe("Prospects/Ada Park.md");
		expect(plan.notes[0].text).toBe(
			[
				"---",
				"type: prospect",
				"status: lead",
				'company: "Northwind: Bikes"',
				'contact: "Ada Park"',
				"source: Expo 2026",
				"channel:",
				"created: 2026-11-23",
				"email: ada@northwind.example",
				"phone: +1 555 0100",
				"role: Owner",
				"owner: '[[Sam Rivera]]'",
				"sequence: Trade-show lead",
				"touches: 0",
				"next_follow_up: 2026-11-23",
				"---",
				"## Follow-ups",
				"- [ ] 2026-11-23 email: thank you #objective/thank-you #sequence/trade-show-lead",
				"- [ ] 2026-11-25 call: check fit #objective/check-fit #sequence/trade-show-lead",
				"- [ ] 2026-11-30 email: case study #objective/case-study #sequence/trade-show-lead",
				"- [ ] 2026-12-07 call: touch base #objective/touch-base #sequence/trade-show-lead",
				"- [ ] 2026-12-23 letter: stay in touch #objective/stay-in-touch #sequence/trade-show-lead",
				"",
				"## Notes",
				"Met at booth 12",
				"wants a quote",
				"",
			].join("\n"),
		);
		const read = prospect(plan.notes[0].path, plan.notes[0].text);
		expect([read.company, read.contact, read.email, read.phone, read.owners, read.created]).toEqual(["Northwind: Bikes", "Ada Park", "ada@northwind.example", "+1 555 0100", ["[[Sam Rivera]]"], TODAY]);
	});

	it("never overwrites: a prospect with the same email, or the same name and company, is already in the vault", () => {
		const existing = [
			prospect("Prospects/Harbor Roofing.md", "---\ncompany: Harbor Roofing\ncontact: Mike Alvarez\nE-mail: Mike@HarborRoofing.example.com\n---\n"),
			prospect("Prospects/Zed.md", "---\ncompany: Zed Co\ncontact: Bo  Li\n---\n"),
		];
		const plan = planImport(
			[lead(2, { name: "Michael A.", email: "mike@harborroofing.example.com" }), lead(3, { name: "bo li", company: "ZED CO" }), lead(4, { name: "Bo Li", company: "Other Co" })],
			existing,
			(path) => path === "Prospects/Bo Li.md",
			settings,
			options,
		);
		expect(plan.existing).toEqual([
			{ line: 2, name: "Michael A.", path: "Prospects/Harbor Roofing.md", by: "email" },
			{ line: 3, name: "bo li", path: "Prospects/Zed.md", by: "name and company" },
		]);
		// Another Bo Li, at another company: a new note, beside a file of that name.
		expect(plan.notes.map((n) => n.path)).toEqual(["Prospects/Bo Li (Other Co).md"]);
	});

	it("skips rows with no name and no email, bad encodings and duplicate rows, each with its line", () => {
		const file = readLeadFile(fixture("badge-scanner.csv"));
		const plan = planImport(leadsOf(file), [], () => false, settings, options);
		expect(plan.notes.map((n) => n.path)).toEqual(["Prospects/Müller, Anna.md", "Prospects/Bo Li.md"]);
		expect(plan.skipped).toEqual([
			{ line: 6, message: "a duplicate of line 4" },
			{ line: 7, message: "bad encoding: bytes that are not UTF-8 text (save the file as UTF-8 and import it again)" },
			{ line: 8, message: "no name and no email" },
		]);
		expect(describePlan(plan, file.problems, true)).toEqual([
			"Would create 2 prospect notes (dry run: nothing written).",
			"  + Prospects/Müller, Anna.md",
			"  + Prospects/Bo Li.md",
			"Skipped (3):",
			"  line 6: a duplicate of line 4",
			"  line 7: bad encoding: bytes that are not UTF-8 text (save the file as UTF-8 and import it again)",
			"  line 8: no name and no email",
		]);
	});

	it("a lead with only an email is named after it; an address that is not one is left out with a warning", () => {
		const plan = planImport([lead(2, { email: "jo@x.example" }), lead(3, { name: "Al", email: "al at x" })], [], () => false, settings, options);
		expect(plan.notes.map((n) => n.path)).toEqual(["Prospects/jo@x.example.md", "Prospects/Al.md"]);
		expect(plan.warnings).toEqual([{ line: 3, message: '"al at x" is not an email address: left out' }]);
		expect(plan.notes[1].text).not.toContain("email:");
	});

	it("two leads of the same name get two files; a duplicate email is one lead", () => {
		const plan = planImport(
			[lead(2, { name: "Sam", company: "A" }), lead(3, { name: "Sam", company: "B" }), lead(4, { name: "Sam", company: "B", email: "x@b.example" }), lead(5, { name: "Other", email: "X@B.example" })],
			[],
			() => false,
			settings,
			options,
		);
		expect(plan.notes.map((n) => n.path)).toEqual(["Prospects/Sam.md", "Prospects/Sam (B).md"]);
		expect(plan.skipped).toEqual([
			{ line: 4, message: "a duplicate of line 3" },
			{ line: 5, message: "a duplicate of line 3" },
		]);
	});
});
