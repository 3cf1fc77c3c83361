import { readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { load, safeLoad } from "js-yaml";
import { parse as parseYaml } from "yaml";
import { describe, expect, it } from "vitest";
import { checkLeadBytes, checkLeadText, decodeLeadBytes } from "../../../src/core/import/leadInput";
import { leadsOf, planImport, type Lead } from "../../../src/core/import/importLeads";
import { readFrontmatter } from "../../../src/core/text/frontmatter";
import { migrateSettings } from "../../../src/core/settings/settings";
import { FIXTURES } from "../../helpers/files";

const ROOT = resolve(__dirname, "../../..");
const utf16le = (text: string): Uint8Array => new Uint8Array([0xff, 0xfe, ...Buffer.from(text, "utf16le")]);
const utf16be = (text: string): Uint8Array => new Uint8Array([0xfe, 0xff, ...Buffer.from(text, "utf16le").swap16()]);
const bytes = (text: string): Uint8Array => new Uint8Array(Buffer.from(text, "utf8"));
const names = (input: ReturnType<typeof checkLeadBytes>): string[] => (input.ok ? leadsOf(input.file).map((l) => `${l.name} <${l.email}>`) : [input.message]);

const CSV = "Name,Company,Email\nZoë Brandt,Müller AG,zoe@muller.example\n";

describe("a lead file is checked before it is used", () => {
	it("reads UTF-8 with and without its byte-order mark, and UTF-16 LE and BE with theirs", () => {
		const want = ["Zoë Brandt <zoe@muller.example>"];
		expect(names(checkLeadBytes(bytes(CSV), "a.csv"))).toEqual(want);
		expect(names(checkLeadBytes(bytes(`\uFEFF${CSV}`), "a.csv"))).toEqual(want);
		expect(names(checkLeadBytes(utf16le(CSV), "a.csv"))).toEqual(want);
		expect(names(checkLeadBytes(utf16be(CSV), "a.csv"))).toEqual(want);
		expect(decodeLeadBytes(utf16be(CSV), "a.csv")).toEqual({ ok: true, text: CSV, encoding: "UTF-16BE" });
	});

	it("reads Excel's Unicode text: UTF-16 LE, tab-separated, CRLF", () => {
		const input = checkLeadBytes(utf16le("Name\tCompany\tE-mail Address\r\nZoë Brandt\tMüller AG\tzoe@muller.example\r\nBo Li\tZed\t\r\n"), "u.txt");
		expect(names(input)).toEqual(["Zoë Brandt <zoe@muller.example>", "Bo Li <>"]);
		expect(input.ok && input.encoding).toBe("UTF-16LE");
		expect(input.ok && leadsOf(input.file)[0].name.includes("\u0000")).toBe(false);
	});

	it("refuses Windows-1252, UTF-16 without its mark, a PDF, a spreadsheet and binary data, each by name", () => {
		const latin1 = new Uint8Array([...bytes("Name,Email\nCaf"), 0xe9, ...bytes(" Owner,cafe@x.example\n")]);
		expect(checkLeadBytes(latin1, "w.csv")).toEqual({
			ok: false,
			message: "w.csv is not UTF-8 text: byte 0xE9 on line 2 is not UTF-8 (it looks like Windows-1252 or another single-byte encoding); save it as CSV UTF-8 (or UTF-16 with its byte-order mark) and import it again",
		});
		expect(checkLeadBytes(utf16le(CSV).subarray(2), "n.csv")).toMatchObject({ ok: false, message: expect.stringMatching(/^n\.csv is UTF-16 text without its byte-order mark;/) as string });
		expect(checkLeadBytes(bytes("%PDF-1.7\n%âãÏÓ\n1 0 obj\n"), "p.pdf")).toEqual({ ok: false, message: "p.pdf is a PDF document, not a CSV or vCard file of leads" });
		expect(checkLeadBytes(new Uint8Array([0x50, 0x4b, 0x03, 0x04, 1, 2]), "x.xlsx")).toMatchObject({ ok: false, message: expect.stringMatching(/^x\.xlsx is a ZIP archive/) as string });
		expect(checkLeadBytes(new Uint8Array([0x4e, 0x61, 0x00, 0x6d, 0x65, 0x0a, 0x01, 0x00, 0x00, 0x00]), "b.csv")).toEqual({ ok: false, message: "b.csv is binary data, not a CSV or vCard file of leads" });
	});

	it("refuses a text that is not a table of leads: a README, JSON, a table without a name or an email column", () => {
		const readme = checkLeadBytes(readFileSync(join(ROOT, "README.md")), "README.md");
		expect(readme.ok).toBe(false);
		// Which refusal depends on how the README reads as a table today: either says why.
		expect(!readme.ok && readme.message).toMatch(/^README\.md(?: is not a table of leads: \d+ of \d+ rows after the header \(line \d+\) do not have its \d+ columns|: no column is a name or an email \(the header row is: .+\))$/);
		expect(checkLeadBytes(readFileSync(join(ROOT, "package.json")), "package.json")).toMatchObject({ ok: false, message: expect.stringMatching(/^package\.json: no column is a name or an email/) as string });
		expect(checkLeadText("Company,City\nAcme,Bath\n", "x.csv")).toEqual({ ok: false, message: "x.csv: no column is a name or an email (the header row is: Company, City)" });
		expect(checkLeadText("\n\n", "e.csv")).toEqual({ ok: false, message: "e.csv has no rows" });
	});

	it("accepts the example files: a CSV with rows left short, a LinkedIn export, vCards", () => {
		expect(checkLeadBytes(readFileSync(join(ROOT, "examples/leads.csv")), "leads.csv").ok).toBe(true);
		expect(checkLeadBytes(readFileSync(join(FIXTURES, "leads/linkedin.csv")), "linkedin.csv").ok).toBe(true);
		expect(checkLeadBytes(readFileSync(join(FIXTURES, "leads/contacts.vcf")), "contacts.vcf").ok).toBe(true);
		expect(checkLeadText("Email\nann@x.example\n", "one.csv").ok).toBe(true);
	});
});

describe("every value written to YAML stays the string it was", () => {
	// Values YAML 1.1 or 1.2 readers take for numbers, booleans, nulls or dates when written bare.
	const TRICKY = [
		"0049123456", "04109", "12345", "1e3", "0x1F", "0o17", "1_000", "1,5", "3.14", ".inf", "-.5", "+49", "12:30", "1:20:30",
		"yes", "no", "Yes", "NO", "y", "n", "on", "off", "On", "true", "False", "null", "Null", "~", "=", "<<",
		"2026-01-10", "2026-1-5", "2026-01-10T09:00", "2026-01-10 09:00:00",
		"'quoted'", '"double"', "#hash", "a: b", "- dash", "@at", "`tick`", "%pct", "[x]", "{y}", "*star", "&amp", "!bang", "|pipe", ">gt", "? q",
		"+49 30 1234", "Acme, Inc.", "Zoë", "line one\nline two",
	];
	const settings = migrateSettings(undefined);
	const lead = (i: number, value: string): Lead => ({ line: i + 2, name: `Lead ${i} ${value}`.trim(), company: value, email: "", phone: value, title: value, notes: "", source: value, owner: value });

	it("through Touchbase's reader, js-yaml's default schema, and YAML 1.1 and 1.2 readers", () => {
		const plan = planImport(TRICKY.map((v, i) => lead(i, v)), [], () => false, settings, { today: "2026-11-23", sequence: null, source: null, owner: null });
		expect(plan.notes).toHaveLength(TRICKY.length);
		for (const [i, note] of plan.notes.entries()) {
			const value = TRICKY[i];
			const yaml = /^---\n([\s\S]*?)\n---\n/.exec(note.text)![1];
			const readers: [string, Record<string, unknown>][] = [
				["touchbase", (readFrontmatter(note.text) as { data: Record<string, unknown> }).data],
				["js-yaml safeLoad", safeLoad(yaml) as Record<string, unknown>],
				["js-yaml load", load(yaml) as Record<string, unknown>],
				["yaml 1.2", parseYaml(yaml) as Record<string, unknown>],
				["yaml 1.1", parseYaml(yaml, { version: "1.1" }) as Record<string, unknown>],
			];
			for (const [reader, data] of readers) {
				for (const key of ["company", "phone", "role", "source", "owner"]) {
					expect({ reader, key, value: data[key] }).toEqual({ reader, key, value });
				}
				expect({ reader, contact: data.contact }).toEqual({ reader, contact: lead(i, TRICKY[i]).name });
			}
		}
	});
});
