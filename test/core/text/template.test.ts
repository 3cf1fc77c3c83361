import { afterEach, describe, expect, it } from "vitest";
import { DEFAULT_TEMPLATES } from "../../../src/core/settings/settings";
import { ordinal, renderLine, renderTemplate } from "../../../src/core/text/template";
import { deserializeTouch } from "../../../src/core/text/touchLine";
import { SPEC_CHANNELS } from "../../helpers/touchBuilder";

describe("renderTemplate: placeholders", () => {
	it("fills every named placeholder of the README's templates", () => {
		const values = {
			date: "2026-11-20",
			time: "14:30",
			channel: "call",
			summary: "roof quote",
			outcome: "next step",
			next: "friday",
			objective: "close",
			touch: "5th",
			prospect: "Atlas Plumbing",
			company: "Atlas Plumbing Ltd",
			contact: "Rosa Diaz",
		};
		const template = Object.keys(values)
			.map((k) => `${k}={{${k}}}`)
			.join("|");
		expect(renderTemplate(template, values)).toBe(
			"date=2026-11-20|time=14:30|channel=call|summary=roof quote|outcome=next step|next=friday|objective=close|touch=5th|prospect=Atlas Plumbing|company=Atlas Plumbing Ltd|contact=Rosa Diaz",
		);
	});

	it("allows spaces inside the braces and repeats", () => {
		expect(renderTemplate("{{ contact }} / {{contact}}", { contact: "Rosa" })).toBe("Rosa / Rosa");
	});

	it("writes numbers, and 0, as text", () => {
		expect(renderTemplate("{{value}} {{n}}", { value: 8000, n: 0 })).toBe("8000 0");
	});

	it("makes unknown, null and undefined placeholders empty", () => {
		expect(renderTemplate("[{{missing}}][{{a}}][{{b}}]", { a: null, b: undefined })).toBe("[][][]");
	});

	it("makes the names of Object.prototype members empty too", () => {
		expect(renderTemplate("[{{constructor}}][{{toString}}][{{__proto__}}][{{hasOwnProperty}}]", {})).toBe("[][][][]");
		expect(renderTemplate("[{{fm.constructor}}][{{fm.__proto__}}]", {}, { status: "lead" })).toBe("[][]");
	});

	it("leaves text that is not a placeholder alone", () => {
		expect(renderTemplate("{single} {{ two words }} {{}} {{{x}}}", { x: "X" })).toBe("{single} {{ two words }} {{}} {X}");
	});
});

describe("renderTemplate: {{fm.KEY}}", () => {
	const fm = { "Next Follow Up": "2026-11-27", company: "Acme", value: 8000, tags: ["prospect", "vip"], won: false, nested: { a: 1 } };

	it("reads any frontmatter key, matched loosely", () => {
		expect(renderTemplate("{{fm.company}}|{{fm.next_follow_up}}|{{fm.nextFollowUp}}|{{fm.next-follow-up}}", {}, fm)).toBe(
			"Acme|2026-11-27|2026-11-27|2026-11-27",
		);
	});

	it("writes numbers, booleans, lists and objects as text", () => {
		expect(renderTemplate("{{fm.value}}|{{fm.won}}|{{fm.tags}}|{{fm.nested}}", {}, fm)).toBe('8000|false|prospect, vip|{"a":1}');
	});

	it("makes missing keys, null values and absent frontmatter empty", () => {
		expect(renderTemplate("[{{fm.phone}}][{{fm.empty}}]", {}, { empty: null })).toBe("[][]");
		expect(renderTemplate("[{{fm.company}}]", {})).toBe("[]");
		expect(renderTemplate("[{{fm.company}}]", {}, null)).toBe("[]");
	});

	it("does not confuse fm.KEY with a value of the same name", () => {
		expect(renderTemplate("{{company}} / {{fm.company}}", { company: "From values" }, { company: "From note" })).toBe(
			"From values / From note",
		);
	});
});

describe("renderTemplate: sections", () => {
	it("keeps {{#x}}…{{/x}} only when x has a value", () => {
		const t = "call{{#outcome}} (outcome: {{outcome}}){{/outcome}}.";
		expect(renderTemplate(t, { outcome: "yes" })).toBe("call (outcome: yes).");
		expect(renderTemplate(t, { outcome: "" })).toBe("call.");
		expect(renderTemplate(t, { outcome: null })).toBe("call.");
		expect(renderTemplate(t, {})).toBe("call.");
	});

	it("keeps {{^x}}…{{/x}} only when x has no value", () => {
		const t = "{{^contact}}Hi there{{/contact}}{{#contact}}Hi {{contact}}{{/contact}},";
		expect(renderTemplate(t, {})).toBe("Hi there,");
		expect(renderTemplate(t, { contact: "Rosa" })).toBe("Hi Rosa,");
	});

	it("counts 0 as a value", () => {
		expect(renderTemplate("{{#n}}n={{n}}{{/n}}", { n: 0 })).toBe("n=0");
	});

	it("works on frontmatter keys", () => {
		expect(renderTemplate("{{#fm.phone}}tel {{fm.phone}}{{/fm.phone}}{{^fm.phone}}no phone{{/fm.phone}}", {}, { Phone: "555" })).toBe("tel 555");
		expect(renderTemplate("{{#fm.phone}}tel {{fm.phone}}{{/fm.phone}}{{^fm.phone}}no phone{{/fm.phone}}", {}, {})).toBe("no phone");
	});

	it("spans lines", () => {
		expect(renderTemplate("a{{#x}}\nline {{x}}\n{{/x}}b", { x: "1" })).toBe("a\nline 1\nb");
	});

	it("handles several sections and nested ones", () => {
		const t = "{{#a}}A{{#b}}+B={{b}}{{/b}}{{^b}}-noB{{/b}}{{/a}}|{{#c}}C{{/c}}";
		expect(renderTemplate(t, { a: "1", b: "2" })).toBe("A+B=2|");
		expect(renderTemplate(t, { a: "1" })).toBe("A-noB|");
		expect(renderTemplate(t, { b: "2", c: "3" })).toBe("|C");
	});
});

describe("renderTemplate: values are text, never template or code", () => {
	const g = globalThis as Record<string, unknown>;
	afterEach(() => {
		delete g.__touchbasePwned;
	});

	it("does not expand a value that looks like a placeholder", () => {
		expect(renderTemplate("{{summary}}", { summary: "said {{contact}} will call", contact: "Rosa" })).toBe("said {{contact}} will call");
		expect(renderTemplate("{{summary}}", { summary: "{{#contact}}x{{/contact}}", contact: "Rosa" })).toBe("{{#contact}}x{{/contact}}");
		expect(renderTemplate("{{fm.company}}", {}, { company: "{{fm.secret}}", secret: "s" })).toBe("{{fm.secret}}");
	});

	it("inserts $ patterns of String.replace literally", () => {
		expect(renderTemplate("{{summary}}", { summary: "price $& $1 $$ $` $'" })).toBe("price $& $1 $$ $` $'");
	});

	it("never evaluates template or value text", () => {
		const code = "${globalThis.__touchbasePwned = 1}";
		const out = renderTemplate(`<% tp.file.title %> ${code} {{x}}`, { x: "<%* globalThis.__touchbasePwned = 2 %>" });
		expect(out).toBe("<% tp.file.title %> ${globalThis.__touchbasePwned = 1} <%* globalThis.__touchbasePwned = 2 %>");
		expect(g.__touchbasePwned).toBeUndefined();
	});
});

describe("renderLine", () => {
	it("writes the default touch template as a touch line the parser reads back", () => {
		const line = renderLine(DEFAULT_TEMPLATES.touch, {
			date: "2026-11-22",
			time: "14:30",
			channel: "email",
			summary: "sent quote #2",
			outcome: "next step",
			next: "in 3 days call",
		});
		expect(line).toBe("- 2026-11-22 14:30 email: sent quote #2 (outcome: next step) → next: in 3 days call");
		const parsed = deserializeTouch(line, SPEC_CHANNELS);
		expect(parsed.kind === "touch" && parsed.touch.time).toBe("14:30");
	});

	it("drops the empty optional parts of the default touch template", () => {
		expect(renderLine(DEFAULT_TEMPLATES.touch, { date: "2026-11-22", channel: "call", summary: "intro" })).toBe("- 2026-11-22 call: intro");
	});

	it("turns line breaks inside values into single spaces", () => {
		expect(renderLine("- {{date}} {{summary}}", { date: "2026-11-22", summary: "first line\r\n  second line\nthird" })).toBe(
			"- 2026-11-22 first line second line third",
		);
	});

	it("flattens line breaks from the template and frontmatter, and trims the end", () => {
		expect(renderLine("a\n{{x}}\r\n{{fm.note}}   ", { x: "X" }, { note: "one\ntwo" })).toBe("a X one two");
	});

	it("does not expand placeholder-looking values either", () => {
		expect(renderLine("{{summary}}", { summary: "{{date}}", date: "2026-11-22" })).toBe("{{date}}");
	});
});

describe("ordinal", () => {
	it.each([
		[1, "1st"],
		[2, "2nd"],
		[3, "3rd"],
		[4, "4th"],
		[5, "5th"],
		[10, "10th"],
		[11, "11th"],
		[12, "12th"],
		[13, "13th"],
		[14, "14th"],
		[21, "21st"],
		[22, "22nd"],
		[23, "23rd"],
		[100, "100th"],
		[101, "101st"],
		[111, "111th"],
		[112, "112th"],
		[113, "113th"],
		[121, "121st"],
		[1001, "1001st"],
		[1011, "1011th"],
	])("%i is %s", (n, s) => {
		expect(ordinal(n)).toBe(s);
	});
});
