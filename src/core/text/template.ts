import { describeValue, Fields } from "./frontmatter";

export type TemplateValues = Record<string, string | number | null | undefined>;

const SECTION = /\{\{\s*([#^])\s*([\w.-]+)\s*\}\}([\s\S]*?)\{\{\s*\/\s*\2\s*\}\}/g;
const PLACEHOLDER = /\{\{\s*([\w.-]+)\s*\}\}/g;

function lookup(name: string, values: TemplateValues, fields: Fields | null): string {
	if (name.startsWith("fm.")) {
		const value = fields?.find([name.slice(3)])?.value;
		if (value === null || value === undefined) return "";
		if (Array.isArray(value)) return value.map(describeValue).join(", ");
		return describeValue(value);
	}
	// Only the values' own keys: `{{constructor}}` must not reach Object.prototype.
	const value = Object.prototype.hasOwnProperty.call(values, name) ? values[name] : undefined;
	return value === null || value === undefined ? "" : String(value);
}

/**
 * Fills `{{name}}` and `{{fm.KEY}}` placeholders. `{{#name}}…{{/name}}` keeps its text only when
 * `name` has a value, `{{^name}}…{{/name}}` only when it has none. Values are inserted as plain
 * text in one pass: a value that itself looks like `{{x}}` stays as it is, and nothing is run.
 * Unknown placeholders become empty.
 */
export function renderTemplate(
	template: string,
	values: TemplateValues,
	frontmatter: Record<string, unknown> | null = null,
): string {
	const fields = frontmatter ? new Fields(frontmatter) : null;
	const section = (_all: string, kind: string, name: string, inner: string): string => {
		const present = lookup(name, values, fields) !== "";
		return (kind === "#") === present ? inner : "";
	};
	// Sections can nest: resolve the outer ones, then the ones they uncovered. Each pass removes
	// at least one section, so this ends.
	let withSections = template;
	for (let previous = ""; previous !== withSections; ) {
		previous = withSections;
		withSections = withSections.replace(SECTION, section);
	}
	return withSections.replace(PLACEHOLDER, (_all, name: string) => lookup(name, values, fields));
}

/** Renders a one-line template: line breaks inside values become spaces. */
export function renderLine(
	template: string,
	values: TemplateValues,
	frontmatter: Record<string, unknown> | null = null,
): string {
	const flat: TemplateValues = {};
	for (const [k, v] of Object.entries(values)) flat[k] = typeof v === "string" ? v.replace(/\s*[\r\n]+\s*/g, " ") : v;
	return renderTemplate(template, flat, frontmatter).replace(/[\r\n]+/g, " ").trimEnd();
}

export function ordinal(n: number): string {
	const mod100 = n % 100;
	const suffix = mod100 >= 11 && mod100 <= 13 ? "th" : ({ 1: "st", 2: "nd", 3: "rd" } as Record<number, string>)[n % 10] ?? "th";
	return `${n}${suffix}`;
}
