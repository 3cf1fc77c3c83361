import matter from "gray-matter";
import { afterEach, describe, expect, it } from "vitest";
import {
	describeValue,
	Fields,
	normalizeKey,
	readDateValue,
	readFrontmatter,
	readTags,
	readText,
	type FrontmatterRead,
} from "../../../src/core/text/frontmatter";
import { findFrontmatter } from "../../../src/core/text/scan";

/** Reads frontmatter that must parse, and gives its data. */
function dataOf(text: string): Record<string, unknown> {
	const r = readFrontmatter(text);
	if (!r.ok) throw new Error(`did not parse: ${r.message}`);
	return r.data;
}

/** Reads frontmatter that must fail, and gives the failure. */
function failureOf(text: string): Extract<FrontmatterRead, { ok: false }> {
	const r = readFrontmatter(text);
	if (r.ok) throw new Error(`parsed: ${JSON.stringify(r.data)}`);
	return r;
}

describe("findFrontmatter", () => {
	it("finds a block fenced by --- on the first line and a later ---", () => {
		const text = "---\nstatus: lead\n---\n- 2026-11-20 call\n";
		expect(findFrontmatter(text)).toEqual({ bodyLine: 3, end: "---\nstatus: lead\n---\n".length });
		expect(text.slice(findFrontmatter(text)?.end)).toBe("- 2026-11-20 call\n");
	});

	it("finds an empty block", () => {
		expect(findFrontmatter("---\n---\nbody")).toEqual({ bodyLine: 2, end: 8 });
	});

	it("finds a block closed at the end of the text without a final newline", () => {
		const text = "---\na: 1\n---";
		expect(findFrontmatter(text)).toEqual({ bodyLine: 3, end: text.length });
	});

	it("accepts ... as the closing fence and trailing spaces on fences", () => {
		expect(findFrontmatter("---\na: 1\n...\nbody")?.bodyLine).toBe(3);
		expect(findFrontmatter("---  \na: 1\n---\t\nbody")?.bodyLine).toBe(3);
	});

	it("skips a byte order mark", () => {
		const text = "\uFEFF---\na: 1\n---\nbody";
		const block = findFrontmatter(text);
		expect(block?.bodyLine).toBe(3);
		expect(text.slice(block?.end)).toBe("body");
	});

	it("handles CRLF line endings", () => {
		const text = "---\r\na: 1\r\nb: 2\r\n---\r\nbody\r\n";
		const block = findFrontmatter(text);
		expect(block?.bodyLine).toBe(4);
		expect(text.slice(block?.end)).toBe("body\r\n");
	});

	it.each([
		["an unclosed block", "---\na: 1\nb: 2\n"],
		["an unclosed block without newline", "---\na: 1"],
		["a lone fence", "---"],
		["a blank line first", "\n---\na: 1\n---\n"],
		["a space first", " ---\na: 1\n---\n"],
		["four dashes", "----\na: 1\n---\n"],
		["a ---js fence", "---js\na: 1\n---\n"],
		["no fence", "a: 1\n---\n"],
		["an empty note", ""],
	])("finds no frontmatter in %s", (_name, text) => {
		expect(findFrontmatter(text)).toBeNull();
	});
});

describe("readFrontmatter", () => {
	it("reads key: value pairs", () => {
		expect(dataOf("---\ntype: prospect\nstatus: lead\nvalue: 8000\ntags: [prospect, client]\n---\nbody")).toEqual({
			type: "prospect",
			status: "lead",
			value: 8000,
			tags: ["prospect", "client"],
		});
	});

	it("keeps an unquoted YAML date a YYYY-MM-DD string, the same in every time zone", () => {
		const data = dataOf("---\nnext_follow_up: 2026-11-27\ncreated: 2026-01-01\n---\n");
		expect(data.next_follow_up).toBe("2026-11-27");
		expect(data.created).toBe("2026-01-01");
	});

	it("keeps date-times as written", () => {
		const data = dataOf("---\na: 2026-01-09T09:00:00.000-05:00\nb: 2026-01-09 09:00\n---\n");
		expect(data).toEqual({ a: "2026-01-09T09:00:00.000-05:00", b: "2026-01-09 09:00" });
	});

	it("gives no data and no block for a note without frontmatter", () => {
		expect(readFrontmatter("- 2026-11-20 call\n")).toEqual({ ok: true, data: {}, block: null });
	});

	it("treats an unclosed block as no frontmatter at all", () => {
		expect(readFrontmatter("---\nstatus: [broken\n- 2026-11-20 call\n")).toEqual({ ok: true, data: {}, block: null });
	});

	it("reads empty and comment-only blocks as no keys", () => {
		expect(dataOf("---\n---\n")).toEqual({});
		expect(dataOf("---\n\n---\n")).toEqual({});
		expect(dataOf("---\n# just a comment\n---\n")).toEqual({});
	});

	it("reads through a byte order mark", () => {
		const r = readFrontmatter("\uFEFF---\nstatus: won\n---\nbody");
		expect(r).toMatchObject({ ok: true, data: { status: "won" }, block: { bodyLine: 3 } });
	});

	it("reads CRLF frontmatter without carriage returns in the values", () => {
		expect(dataOf("---\r\ncompany: Acme\r\nnext_follow_up: 2026-11-27\r\n---\r\nbody\r\n")).toEqual({
			company: "Acme",
			next_follow_up: "2026-11-27",
		});
	});

	it("reads only the block, never the body", () => {
		expect(dataOf("---\na: 1\n---\nb: [unclosed\n---\n")).toEqual({ a: 1 });
	});

	it("reads a block closed by ...", () => {
		expect(dataOf("---\na: 1\n...\nbody")).toEqual({ a: 1 });
	});

	it("returns fresh data on every call", () => {
		const text = "---\nstatus: lead\n---\n";
		const first = dataOf(text);
		first.status = "changed";
		expect(dataOf(text).status).toBe("lead");
	});
});

describe("readFrontmatter: malformed YAML", () => {
	it("gives the 1-based line of the note for a bad indentation", () => {
		const r = failureOf("---\ncompany: Acme\n  status: lead\n---\nbody");
		expect(r.line).toBe(3);
		expect(r.message).toMatch(/malformed frontmatter/);
		expect(r.block.bodyLine).toBe(4);
	});

	it("reports a duplicate key on the line of the second one", () => {
		const r = failureOf("---\nstatus: lead\ncompany: Acme\nstatus: won\n---\n");
		expect(r.line).toBe(4);
		expect(r.message).toMatch(/duplicate/i);
	});

	it("counts lines the same with a byte order mark and CRLF", () => {
		expect(failureOf("\uFEFF---\r\nstatus: lead\r\ncompany: Acme\r\nstatus: won\r\n---\r\n").line).toBe(4);
		expect(failureOf("---\r\ncompany: Acme\r\n  status: lead\r\n---\r\n").line).toBe(3);
	});

	it("gives a line inside the block for an unclosed flow collection", () => {
		const r = failureOf("---\nstatus: [active\n---\n- 2026-12-01 call: broken frontmatter above\n");
		expect(r.line).toBeGreaterThanOrEqual(2);
		expect(r.line).toBeLessThanOrEqual(3);
		expect(r.message.split("\n")).toHaveLength(1);
	});

	it("refuses a block that is not key: value pairs", () => {
		expect(failureOf("---\njust some text\n---\n")).toMatchObject({ ok: false, line: 2 });
		expect(failureOf("---\n- a\n- b\n---\n")).toMatchObject({ ok: false, line: 2 });
	});

	it("never throws, whatever the block holds", () => {
		const inputs = [
			"---\n\0\0\u0001\n---\n",
			"---\n: :\n---\n",
			"---\n{{{{\n---\n",
			"---\n&a [*a]\n---\n",
			"---\n" + "a: ".repeat(5000) + "\n---\n",
			"---\n" + "[".repeat(2000) + "\n---\n",
			"---\n\uFFFF\uD800\n---\n",
		];
		for (const text of inputs) expect(() => readFrontmatter(text)).not.toThrow();
	});
});

describe("readFrontmatter: nothing in a note is ever run", () => {
	const g = globalThis as Record<string, unknown>;
	afterEach(() => {
		delete g.__touchbasePwned;
	});

	it.each(["js", "javascript"])("uses a live payload: gray-matter's own ---%s engine runs it", (lang) => {
		// The control: without Touchbase's guards, this text runs code.
		matter(`---${lang}\n{ status: (globalThis.__touchbasePwned = "ran") }\n---\n`, {});
		expect(g.__touchbasePwned).toBe("ran");
	});

	it.each(["js", "javascript"])("does not evaluate ---%s front matter", (lang) => {
		const text = `---${lang}\n{ status: (globalThis.__touchbasePwned = "ran") }\n---\n- 2026-11-20 call\n`;
		const r = readFrontmatter(text);
		expect(g.__touchbasePwned).toBeUndefined();
		// Not frontmatter at all: no keys come from it.
		expect(r.ok && r.data).toEqual({});
	});

	it("does not evaluate ---js after a byte order mark", () => {
		readFrontmatter("\uFEFF---js\n{ a: (globalThis.__touchbasePwned = 1) }\n---\n");
		expect(g.__touchbasePwned).toBeUndefined();
	});

	it("refuses js-yaml's !!js/function tag instead of building a function", () => {
		const r = readFrontmatter('---\nstatus: !!js/function "function () { globalThis.__touchbasePwned = 1 }"\n---\n');
		expect(r.ok).toBe(false);
		expect(g.__touchbasePwned).toBeUndefined();
	});

	it("does not let a __proto__ key pollute objects", () => {
		const r = readFrontmatter("---\n__proto__:\n  polluted: yes\nstatus: lead\n---\n");
		expect(({} as Record<string, unknown>).polluted).toBeUndefined();
		expect(r.ok && r.data.status).toBe("lead");
	});
});

describe("normalizeKey", () => {
	it("makes case, _, -, spaces and camelCase the same", () => {
		const forms = ["next_follow_up", "next-follow-up", "nextFollowUp", "Next follow up", "NEXT_FOLLOW_UP", "next follow-up"];
		for (const f of forms) expect(normalizeKey(f)).toBe(normalizeKey("next_follow_up"));
	});

	it("keeps different keys different", () => {
		expect(normalizeKey("next_follow_up")).not.toBe(normalizeKey("next_follow"));
		expect(normalizeKey("last_touch")).not.toBe(normalizeKey("last_touches"));
	});

	it("keeps letters of every script, so non-Latin keys stay apart", () => {
		expect(normalizeKey("статус")).toBe("статус");
		expect(normalizeKey("статус")).not.toBe(normalizeKey("компания"));
		expect(normalizeKey("Nächster Kontakt")).toBe(normalizeKey("nächster_kontakt"));
		expect(normalizeKey("Nächster Kontakt")).not.toBe(normalizeKey("Nchster Kontakt"));
	});
});

describe("Fields", () => {
	const fields = new Fields({ "Next Follow Up": "2026-11-27", company: "Acme", last_contact: "2026-11-01", Status: "lead" });

	it("finds a key however it is written", () => {
		expect(fields.find(["next_follow_up"])).toEqual({ key: "Next Follow Up", value: "2026-11-27" });
		expect(fields.find(["nextFollowUp"])?.value).toBe("2026-11-27");
		expect(fields.find(["status"])).toEqual({ key: "Status", value: "lead" });
	});

	it("takes the first name of a list that is present", () => {
		expect(fields.find(["last_touch", "last_contact", "company"])).toEqual({ key: "last_contact", value: "2026-11-01" });
		expect(fields.find(["missing", "other"])).toBeNull();
	});

	it("finds all names present, once each", () => {
		expect(fields.findAll(["company", "COMPANY", "missing", "status"]).map((h) => h.key)).toEqual(["company", "Status"]);
	});

	it("keeps the first of two keys that match loosely", () => {
		const f = new Fields({ next_follow_up: "2026-11-27", nextFollowUp: "2026-12-01" });
		expect(f.find(["next follow up"])?.value).toBe("2026-11-27");
		expect(f.entries()).toHaveLength(1);
	});

	it("keeps non-Latin keys apart", () => {
		const f = new Fields({ статус: "won", компания: "Acme" });
		expect(f.find(["статус"])?.value).toBe("won");
		expect(f.find(["компания"])?.value).toBe("Acme");
	});
});

describe("readDateValue", () => {
	it("reads YYYY-MM-DD", () => {
		expect(readDateValue("2026-11-27")).toEqual({ kind: "date", date: "2026-11-27", time: null });
		expect(readDateValue("  2026-11-27  ")).toEqual({ kind: "date", date: "2026-11-27", time: null });
	});

	it("reads the YAML date of a real note as its calendar day", () => {
		const data = dataOf("---\nnext_follow_up: 2026-11-27\n---\n");
		expect(readDateValue(data.next_follow_up)).toEqual({ kind: "date", date: "2026-11-27", time: null });
	});

	it("reads a Date at UTC midnight (another YAML engine's date) as that calendar day in every zone", () => {
		expect(readDateValue(new Date(Date.UTC(2026, 10, 27)))).toEqual({ kind: "date", date: "2026-11-27", time: null });
		expect(readDateValue(new Date(Date.UTC(2026, 0, 1)))).toEqual({ kind: "date", date: "2026-01-01", time: null });
		expect(readDateValue(new Date(Number.NaN)).kind).toBe("invalid");
	});

	it.each([
		["2026-01-09 09:00", "2026-01-09", "09:00"],
		["2026-01-09T09:00", "2026-01-09", "09:00"],
		["2026-01-09T09:00:00", "2026-01-09", "09:00"],
		["2026-01-09T09:00:00.000-05:00", "2026-01-09", "09:00"],
		["2026-01-09T23:30:00+13:00", "2026-01-09", "23:30"],
		["2026-01-09T23:30:00Z", "2026-01-09", "23:30"],
		["2026-01-09T00:15:00-0800", "2026-01-09", "00:15"],
	])("takes the date-time %s as written: %s %s", (value, date, time) => {
		expect(readDateValue(value)).toEqual({ kind: "date", date, time });
	});

	it("reads a [[date]] link, quoted or as YAML's nested list", () => {
		expect(readDateValue("[[2026-12-01]]")).toEqual({ kind: "date", date: "2026-12-01", time: null });
		expect(readDateValue("[[2026-12-01|Dec 1]]")).toEqual({ kind: "date", date: "2026-12-01", time: null });
		const data = dataOf("---\nnext_follow_up: [[2026-12-01]]\n---\n");
		expect(readDateValue(data.next_follow_up)).toEqual({ kind: "date", date: "2026-12-01", time: null });
	});

	it.each([
		["undefined", undefined],
		["null", null],
		["an empty string", ""],
		["spaces", "   "],
		["the string null", "null"],
		["~", "~"],
		["TBD", "TBD"],
		["tbd", "tbd"],
		["{{date}}", "{{date}}"],
		["{{date:YYYY-MM-DD}}", "{{date:YYYY-MM-DD}}"],
		["<% tp.date.now() %>", "<% tp.date.now() %>"],
		['<% tp.date.now("YYYY-MM-DD", 7) %>', '<% tp.date.now("YYYY-MM-DD", 7) %>'],
		["YYYY-MM-DD", "YYYY-MM-DD"],
	])("reads %s as not set", (_name, value) => {
		expect(readDateValue(value)).toEqual({ kind: "unset" });
	});

	it.each([
		["empty", "next_follow_up:"],
		["null", "next_follow_up: null"],
		['""', 'next_follow_up: ""'],
		["TBD", "next_follow_up: TBD"],
		["unquoted {{date}}", "next_follow_up: {{date}}"],
		["quoted {{date}}", 'next_follow_up: "{{date}}"'],
		["unquoted {{date:YYYY-MM-DD}}", "next_follow_up: {{date:YYYY-MM-DD}}"],
		["Templater", "next_follow_up: <% tp.date.now() %>"],
		["YYYY-MM-DD", "next_follow_up: YYYY-MM-DD"],
	])("reads a note's %s value as not set", (_name, line) => {
		const data = dataOf(`---\n${line}\n---\n`);
		expect(readDateValue(data.next_follow_up)).toEqual({ kind: "unset" });
	});

	it.each([
		["an impossible day", "2026-02-30"],
		["a month 13", "2026-13-01"],
		["an impossible time", "2026-01-09T25:00"],
		["a one-digit hour", "2026-11-27 9:00"],
		["a two-digit year", "26-11-27"],
		["words", "next week"],
		["a US date", "11/27/2026"],
		["a date with text after it", "2026-11-27 maybe"],
	])("reads %s as invalid, keeping the text", (_name, value) => {
		expect(readDateValue(value)).toEqual({ kind: "invalid", text: value });
	});

	it("reads numbers, booleans, lists and objects as invalid", () => {
		expect(readDateValue(20261127)).toEqual({ kind: "invalid", text: "20261127" });
		expect(readDateValue(true)).toEqual({ kind: "invalid", text: "true" });
		expect(readDateValue(["2026-01-01", "2026-01-02"]).kind).toBe("invalid");
		expect(readDateValue({ date: "2026-01-01" }).kind).toBe("invalid");
		expect(readDateValue({ "[object Object]": "x" }).kind).toBe("invalid");
	});
});

describe("readTags", () => {
	it("reads a list, dropping # and lower-casing", () => {
		expect(readTags(["#Prospect", "client", " lead "])).toEqual(["prospect", "client", "lead"]);
	});

	it("reads a string separated by commas or spaces", () => {
		expect(readTags("#prospect, client lead")).toEqual(["prospect", "client", "lead"]);
		expect(readTags("prospect")).toEqual(["prospect"]);
	});

	it("keeps nested tags whole", () => {
		expect(readTags(["#clients/prospect"])).toEqual(["clients/prospect"]);
	});

	it("ignores what is not a tag", () => {
		expect(readTags(null)).toEqual([]);
		expect(readTags(undefined)).toEqual([]);
		expect(readTags(5)).toEqual([]);
		expect(readTags([1, null, "x", ""])).toEqual(["x"]);
		expect(readTags("")).toEqual([]);
		expect(readTags(" , ")).toEqual([]);
	});

	it("reads the tags of a real note", () => {
		expect(readTags(dataOf("---\ntags: [prospect, '#vip']\n---\n").tags)).toEqual(["prospect", "vip"]);
		expect(readTags(dataOf("---\ntags:\n  - Prospect\n  - client\n---\n").tags)).toEqual(["prospect", "client"]);
	});
});

describe("readText and describeValue", () => {
	it("reads strings, numbers and booleans as text; the rest as nothing", () => {
		expect(readText("  Acme  ")).toBe("Acme");
		expect(readText("   ")).toBeNull();
		expect(readText(8000)).toBe("8000");
		expect(readText(false)).toBe("false");
		expect(readText(null)).toBeNull();
		expect(readText(["a"])).toBeNull();
		expect(readText({ a: 1 })).toBeNull();
	});

	it("describes any value without throwing", () => {
		expect(describeValue("x")).toBe("x");
		expect(describeValue(5)).toBe("5");
		expect(describeValue(["a", 1])).toBe('["a",1]');
		expect(describeValue(undefined)).toBe("undefined");
		const cyclic: Record<string, unknown> = {};
		cyclic.self = cyclic;
		expect(describeValue(cyclic)).toBe("(unreadable value)");
	});
});
