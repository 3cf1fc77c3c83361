import { parseCounts, yamlLibraries } from "./yaml";
import { findFrontmatter, type FrontmatterBlock } from "./scan";
import { memo } from "./memo";
import { isClockTime, isIsoDay, type ClockTime, type IsoDay } from "./dates";
import { lettersAndDigitsOf } from "./unicode";


export type FrontmatterRead =
	| { ok: true; data: Record<string, unknown>; block: FrontmatterBlock | null }
	| { ok: false; line: number | null; message: string; block: FrontmatterBlock };

function refuseCode(): never {
	throw new Error("code front matter (---js) is never run");
}

const MATTER_OPTIONS = {
	engines: {
		// JSON_SCHEMA keeps 2026-11-27 a string: a calendar day in every time zone.
		yaml: (source: string): object => {
			parseCounts.yaml++;
			const { load, JSON_SCHEMA } = yamlLibraries();
			return (load(source, { schema: JSON_SCHEMA }) ?? {}) as object;
		},
		js: refuseCode,
		javascript: refuseCode,
	},
};

/**
 * Frontmatter another reader already parsed (Obsidian's metadata cache): its properties, and the
 * 0-based line of the block's closing `---` (`frontmatterPosition.end.line`), so a block the two
 * readers see differently is parsed here instead. `data` is undefined where that reader could
 * not parse the YAML.
 */
export interface GivenFrontmatter {
	data: unknown;
	closeLine: number;
}

/**
 * Parses a note's frontmatter. Malformed YAML is reported with its 1-based line in the note.
 * Frontmatter already parsed by Obsidian is taken as it is when it is what the YAML reader here
 * gives too (docs/performance.md, "Frontmatter from Obsidian"): else the block is parsed.
 */
export function readFrontmatter(text: string, given?: GivenFrontmatter | null): FrontmatterRead {
	const block = findFrontmatter(text);
	if (!block) return { ok: true, data: {}, block: null };
	if (given != null && given.closeLine === block.bodyLine - 1 && isPlainData(given.data)) {
		return { ok: true, data: given.data, block };
	}
	try {
		// Values are pieces of the text they were read from: read them from a copy of the block,
		// so keeping a note's data does not keep its whole text.
		// With options, gray-matter keeps no cache of its own (it caches by text only without them).
		// gray-matter and YAML break lines at `\n` only: a lone `\r` becomes one (same length, same line numbers).
		const yaml = text.slice(0, block.end);
		const data: unknown = yamlLibraries().matter(detach(yaml.includes("\r") ? yaml.replace(/\r(?!\n)/g, "\n") : yaml), MATTER_OPTIONS).data;
		if (typeof data !== "object" || data === null || Array.isArray(data)) {
			return { ok: false, line: 2, message: "frontmatter is not a list of key: value pairs", block };
		}
		return { ok: true, data: data as Record<string, unknown>, block };
	} catch (error) {
		const mark = (error as { mark?: { line?: number } }).mark;
		const reason = (error as { reason?: string }).reason ?? (error as Error).message ?? String(error);
		const line = typeof mark?.line === "number" ? mark.line + 1 : 1;
		return { ok: false, line, message: `malformed frontmatter: ${reason.split("\n")[0]}`, block };
	}
}

/**
 * Whether a value is a mapping of what JSON_SCHEMA YAML gives: strings, finite numbers, booleans,
 * nulls, lists and mappings. Anything else (a Date of a YAML reader that types timestamps, an
 * undefined) is not trusted: the block is parsed again here, so both paths give one answer.
 */
function isPlainData(value: unknown): value is Record<string, unknown> {
	if (typeof value !== "object" || value === null || Array.isArray(value)) return false;
	if (Object.getPrototypeOf(value) !== Object.prototype && Object.getPrototypeOf(value) !== null) return false;
	// An empty mapping: parsed here, which tells an empty block from a scalar.
	return Object.keys(value).length > 0 && plainValues(value, 0);
}

function plainValues(value: object, depth: number): boolean {
	if (depth > 32) return false;
	for (const key of Object.keys(value)) {
		const v = (value as Record<string, unknown>)[key];
		if (v === null || typeof v === "string" || typeof v === "boolean") continue;
		if (typeof v === "number") {
			if (Number.isFinite(v)) continue;
			return false;
		}
		if (typeof v !== "object") return false;
		const proto: unknown = Object.getPrototypeOf(v);
		if (!Array.isArray(v) && proto !== Object.prototype && proto !== null) return false;
		if (!plainValues(v, depth + 1)) return false;
	}
	return true;
}

/**
 * A copy of a piece of a longer text. JavaScript engines make a piece of a string point into the
 * whole (V8 does for 13 characters and more), so keeping a short piece keeps the whole text
 * alive; joining forces a new string.
 */
export function detach(piece: string): string {
	return piece.length < 13 ? piece : ` ${piece}`.slice(1);
}

/**
 * Key names match loosely: case, `_`, `-`, spaces and camelCase are all the same. Key names
 * repeat from note to note: each is normalized once. Letters of every script count: `статус`
 * and `компания` stay two different keys.
 */
export const normalizeKey: (key: string) => string = memo(10_000, (key: string) => lettersAndDigitsOf(key.toLowerCase()));

/**
 * A top-level key at the start of a frontmatter line, as written: `"Next contact": …` gives
 * `Next contact`. `- key: value` is an item of the list above, not a key. The one pattern for a
 * key's line: the edits find keys with it, the commands read a key's name with it.
 */
export const FRONTMATTER_KEY = /^(["']?)((?:[^\s:#"'-]|-(?=\S))[^:]*?)\1[ \t]*:(?:[ \t]|$)/;

/** The key a frontmatter line sets, as written, or null. */
export function keyOfLine(line: string): string | null {
	return FRONTMATTER_KEY.exec(line)?.[2] ?? null;
}

/** Frontmatter with loose key lookup. */
export class Fields {
	private readonly byKey = new Map<string, { key: string; value: unknown }>();

	constructor(data: Record<string, unknown>) {
		for (const [key, value] of Object.entries(data)) {
			const norm = normalizeKey(key);
			if (!this.byKey.has(norm)) this.byKey.set(norm, { key, value });
		}
	}

	/** The first of `names` that is present, with the key as written. */
	find(names: readonly string[]): { key: string; value: unknown } | null {
		for (const name of names) {
			const hit = this.byKey.get(normalizeKey(name));
			if (hit) return hit;
		}
		return null;
	}

	/** Every one of `names` that is present. */
	findAll(names: readonly string[]): { key: string; value: unknown }[] {
		const out: { key: string; value: unknown }[] = [];
		const seen = new Set<string>();
		for (const name of names) {
			const norm = normalizeKey(name);
			const hit = this.byKey.get(norm);
			if (hit && !seen.has(norm)) {
				seen.add(norm);
				out.push(hit);
			}
		}
		return out;
	}

	entries(): { key: string; value: unknown }[] {
		return [...this.byKey.values()];
	}
}

export type DateValue =
	| { kind: "unset" }
	| { kind: "date"; date: IsoDay; time: ClockTime | null }
	| { kind: "invalid"; text: string };

const NOT_SET = /^(?:|null|~|tbd|tba|n\/a|none|-|yyyy-mm-dd|\{\{.*\}\}|<%.*%>)$/is;
const DATE_VALUE =
	/^(?:\[\[)?(\d{4}-\d{2}-\d{2})(?:(?:[ T])(\d{2}:\d{2})(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?(?:\|[^\]]*)?(?:\]\])?$/;

/**
 * Reads a frontmatter date: `YYYY-MM-DD`, optionally with a time, taken as written (never
 * converted to another zone). Empty, `null`, `TBD` and unfilled placeholders mean "not set".
 */
export function readDateValue(value: unknown): DateValue {
	// `[[2026-12-01]]` unquoted is YAML for a nested list.
	while (Array.isArray(value) && value.length === 1) value = value[0];
	if (value === null || value === undefined || (Array.isArray(value) && value.length === 0)) return { kind: "unset" };
	if (isUnquotedPlaceholder(value)) return { kind: "unset" };
	if (value instanceof Date) {
		// Only reachable with another YAML engine: a YAML date is UTC midnight of its day.
		return Number.isNaN(value.getTime())
			? { kind: "invalid", text: String(value) }
			: { kind: "date", date: value.toISOString().slice(0, 10), time: null };
	}
	if (typeof value !== "string") return { kind: "invalid", text: describeValue(value) };
	const text = value.trim();
	if (NOT_SET.test(text)) return { kind: "unset" };
	const m = DATE_VALUE.exec(text);
	if (!m || !isIsoDay(m[1]) || (m[2] !== undefined && !isClockTime(m[2]))) return { kind: "invalid", text };
	return { kind: "date", date: m[1], time: m[2] ?? null };
}

/**
 * An unfilled, unquoted `{{date}}` placeholder: YAML reads it as a flow mapping whose only key is
 * another mapping, which js-yaml turns into the key "[object Object]" with no value.
 */
function isUnquotedPlaceholder(value: unknown): boolean {
	if (typeof value !== "object" || value === null || Array.isArray(value)) return false;
	const entries = Object.entries(value);
	return entries.length === 1 && entries[0][0] === "[object Object]" && entries[0][1] === null;
}

/** A frontmatter value as display text, or null for lists, objects and empties. */
export function readText(value: unknown): string | null {
	if (typeof value === "string") return value.trim() === "" ? null : value.trim();
	if (typeof value === "number" || typeof value === "boolean") return String(value);
	return null;
}

/** Tags of a `tags`/`tag` value: a list or a string separated by commas or spaces, `#` dropped. */
export function readTags(value: unknown): string[] {
	const items = Array.isArray(value) ? value : typeof value === "string" ? value.split(/[,\s]+/) : [];
	return items
		.filter((t): t is string => typeof t === "string")
		.map((t) => t.trim().replace(/^#/, "").toLowerCase())
		.filter((t) => t !== "");
}

/** A short text for any YAML value, for messages. */
export function describeValue(value: unknown): string {
	if (typeof value === "string") return value;
	try {
		return JSON.stringify(value) ?? "undefined";
	} catch {
		return "(unreadable value)";
	}
}
