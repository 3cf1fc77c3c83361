import { yamlLibraries } from "./yaml";
import { FRONTMATTER_KEY, normalizeKey, readFrontmatter } from "./frontmatter";
import { BlockScanner, bomLength, findFrontmatter, headingOf, LIST_MARKER, lineSpans, nextBreak, type LineSpan } from "./scan";
import { deserializeTouch } from "./touchLine";

/** Every edit returns the whole new text, or says why it did nothing. */
export type EditResult = { ok: true; text: string } | { ok: false; error: string };

/** The note's own line ending: the first one it uses (`\r\n`, `\n` or a lone `\r`), `\n` when it has none. */
export function lineEnding(text: string): "\r\n" | "\n" | "\r" {
	const br = nextBreak(text, 0);
	if (br === null) return "\n";
	return br.length === 2 ? "\r\n" : text[br.at] === "\r" ? "\r" : "\n";
}

/**
 * Which lines are live markdown (outside frontmatter, fenced code and comments), and for each
 * line, where the fence or comment still open after it began (-1: none is open).
 */
function markdownLines(text: string, spans: LineSpan[]): { live: boolean[]; openFrom: number[] } {
	const block = findFrontmatter(text);
	const first = block ? block.bodyLine : 0;
	const live = spans.map((_, i) => i >= first);
	const openFrom = spans.map(() => -1);
	const scanner = new BlockScanner();
	let regionStart = -1;
	for (let i = first; i < spans.length; i++) {
		const wasOpen = scanner.open;
		scanner.read(text.slice(spans[i].start, spans[i].end));
		live[i] = scanner.live;
		if (!wasOpen && scanner.open) regionStart = i;
		openFrom[i] = scanner.open ? regionStart : -1;
	}
	return { live, openFrom };
}

/**
 * Appends `newLines` at the end of the section under `heading` (before the next heading of the
 * same or a higher level, after its last non-blank line). A missing heading is created at the
 * end of the note. Lines never land inside a code block or comment left open: they go just
 * before it. Nothing else changes: line endings and a missing final newline included.
 */
export function insertUnderHeading(text: string, heading: string, newLines: string[]): string {
	return insertUnderHeadingAt(text, heading, newLines).text;
}

/** Where an insertion put its lines, so a model of the note can follow it without reading it again. */
export interface Insertion {
	text: string;
	/** The 1-based line of the first new line in the new text. */
	first: number;
	/** The first line of the old text that moved down (1-based), and by how many lines. */
	movedFrom: number;
	moved: number;
}

/** `insertUnderHeading`, telling where the lines went. */
export function insertUnderHeadingAt(text: string, heading: string, newLines: string[]): Insertion {
	const eol = lineEnding(text);
	const wanted = headingOf(heading.trim()) ?? { level: 2, title: heading.trim().toLowerCase() };
	const spans = lineSpans(text);
	const { live, openFrom } = markdownLines(text, spans);
	const lineText = (i: number): string => text.slice(spans[i].start, spans[i].end);
	const put = (at: number, inserted: string, offset: number): Insertion => insertAt(text, at, inserted, offset);

	let headingIndex = -1;
	for (let i = 0; i < spans.length; i++) {
		const h = live[i] ? headingOf(lineText(i)) : null;
		if (h && h.level === wanted.level && h.title === wanted.title) {
			headingIndex = i;
			break;
		}
	}
	const block = newLines.join(eol);
	if (headingIndex < 0) {
		// A heading setting written without `#` ("Follow-ups") is a level-2 heading.
		const headingLine = headingOf(heading.trim()) ? heading.trim() : `## ${heading.trim()}`;
		const head = `${headingLine}${eol}`;
		if (text.length === bomLength(text)) return put(text.length, `${head}${block}${eol}`, head.length);
		const last = spans[spans.length - 1];
		const open = openFrom[spans.length - 1];
		if (open >= 0) return put(spans[open].start, `${head}${block}${eol}${eol}`, head.length);
		const lastBlank = text.slice(last.start, last.end).trim() === "";
		if (!last.terminated) {
			const lead = `${eol}${lastBlank ? "" : eol}${head}`;
			return put(text.length, `${lead}${block}`, lead.length);
		}
		const lead = `${lastBlank ? "" : eol}${head}`;
		return put(text.length, `${lead}${block}${eol}`, lead.length);
	}
	let after = headingIndex;
	for (let i = headingIndex + 1; i < spans.length; i++) {
		const h = live[i] ? headingOf(lineText(i)) : null;
		if (h && h.level <= wanted.level) break;
		if (lineText(i).trim() !== "") after = i;
	}
	const open = openFrom[after];
	if (open > headingIndex) return put(spans[open].start, `${block}${eol}`, 0);
	const span = spans[after];
	if (!span.terminated) return put(text.length, `${eol}${block}`, eol.length);
	return put(span.next, `${block}${eol}`, 0);
}

/**
 * Puts `newLines` before line `before` (1-based; one past the last line: at the end), as they
 * are: the note's own line endings, and a missing final newline still missing.
 */
export function insertLinesAt(text: string, before: number, newLines: string[]): Insertion {
	const eol = lineEnding(text);
	const spans = lineSpans(text);
	const block = newLines.join(eol);
	if (before >= 1 && before <= spans.length) return insertAt(text, spans[before - 1].start, `${block}${eol}`, 0);
	const last = spans[spans.length - 1];
	if (!last.terminated && last.end > last.start) return insertAt(text, text.length, `${eol}${block}`, eol.length);
	return insertAt(text, text.length, `${block}${eol}`, 0);
}

/** `inserted` put at offset `at`; the new lines start `offset` characters into it. */
function insertAt(text: string, at: number, inserted: string, offset: number): Insertion {
	const out = text.slice(0, at) + inserted + text.slice(at);
	const before = countNewlines(text, 0, at);
	const atLineStart = at === bomLength(text) || text[at - 1] === "\n" || text[at - 1] === "\r";
	return {
		text: out,
		first: countNewlines(out, 0, at + offset) + 1,
		movedFrom: before + (atLineStart ? 1 : 2),
		moved: countNewlines(inserted, 0, inserted.length),
	};
}

/** Line breaks in text[from, to): `\r\n`, `\n` and a lone `\r` each end a line (as the scanner reads them). */
function countNewlines(text: string, from: number, to: number): number {
	return text.slice(from, to).match(/\r\n|\r|\n/g)?.length ?? 0;
}

const LIST_WITH_CHECKBOX = new RegExp(`^(${LIST_MARKER})(\\[.\\] )?`);

function touchAt(text: string, line: number, channels: readonly string[]): { span: LineSpan; content: string } | string {
	const spans = lineSpans(text);
	if (!Number.isInteger(line) || line < 1 || line > spans.length) return `line ${line} is not in the note`;
	const span = spans[line - 1];
	const content = text.slice(span.start, span.end);
	if (deserializeTouch(content, channels).kind !== "touch") return `line ${line} is not a touch line`;
	return { span, content };
}

/**
 * Sets the checkbox of the touch line at `line` (1-based): `x` done, `-` cancelled, ` ` open.
 * A line without a checkbox gets one.
 */
export function setCheckbox(
	text: string,
	line: number,
	mark: "x" | "-" | " ",
	channels: readonly string[],
	doneOn: string | null = null,
): EditResult {
	const found = touchAt(text, line, channels);
	if (typeof found === "string") return { ok: false, error: found };
	const m = LIST_WITH_CHECKBOX.exec(found.content);
	if (!m) return { ok: false, error: `line ${line} is not a list item` };
	let updated = `${m[1]}[${mark}] ${found.content.slice(m[0].length)}`;
	// A Tasks-plugin line records when it was done, as Tasks itself does.
	const parsed = deserializeTouch(found.content, channels);
	if (mark === "x" && doneOn !== null && parsed.kind === "touch" && parsed.touch.dateForm === "tasks" && !parsed.touch.tasks?.done) {
		updated = `${updated.trimEnd()} ✅ ${doneOn}`;
	}
	return { ok: true, text: text.slice(0, found.span.start) + updated + text.slice(found.span.end) };
}

const LEAD_DATE = new RegExp(`^(${LIST_MARKER}(?:\\[.\\] )?(?:\\[\\[|\\*\\*)?)(\\d{4}-\\d{2}-\\d{2})((?:\\|[^\\]]*)?(?:\\]\\]|\\*\\*)?)(?:( )(\\d{2}:\\d{2})(?=\\s|$))?`);
// The Tasks plugin's 📅 and ⏳, written in ASCII as main.js is (see esbuild.config.mjs).
const TASKS_PLANNED = /((?:\u{1F4C5}|\u23F3)\uFE0F?\s*)(\d{4}-\d{2}-\d{2})/gu;

/**
 * Moves the touch line at `line` to `date`. `time`: a new time, null to drop it, undefined to
 * keep it. The date keeps its written form (`[[…]]`, `**…**`, Tasks' `📅`).
 */
export function moveTouchDate(
	text: string,
	line: number,
	date: string,
	time: string | null | undefined,
	channels: readonly string[],
): EditResult {
	const found = touchAt(text, line, channels);
	if (typeof found === "string") return { ok: false, error: found };
	const m = LEAD_DATE.exec(found.content);
	let updated: string;
	if (m) {
		const keptTime = time === undefined ? (m[5] ?? null) : time;
		updated =
			m[1] + date + m[3] + (keptTime ? ` ${keptTime}` : "") + found.content.slice(m[0].length);
	} else {
		updated = found.content.replace(TASKS_PLANNED, (_all, lead: string) => `${lead}${date}`);
		if (updated === found.content) return { ok: false, error: `line ${line} has no date to move` };
	}
	return { ok: true, text: text.slice(0, found.span.start) + updated + text.slice(found.span.end) };
}

/**
 * A value to write: a string (an ISO day stays a bare date), a number, a boolean, `{ text }` (a
 * string that must read back as this very string, even when it looks like a date), or null
 * (removes the key).
 */
export type FrontmatterValue = string | number | boolean | { text: string } | null;

// Plain scalars some YAML reader takes for something else than a string: numbers (leading zeros,
// `1_000`, YAML 1.1's `1:20`), booleans and nulls of YAML 1.1 (`yes`, `on`, `~`), dates and times.
const NOT_A_STRING = [
	/^[-+]?(?=[.\d])[\d_.,:]*(?:[eE][-+]?\d+)?$/,
	/^[-+]?\.(?:inf|nan)$/i,
	/^0[xob][\da-f_]+$/i,
	/^(?:y|n|yes|no|true|false|on|off|null|~|=|<<)$/i,
	/^\d{4}-\d\d?-\d\d?(?:[Tt\s].*)?$/,
];

/** Whether some YAML reader takes `value`, written plain, for a number, a boolean, a null or a date. */
export function plainIsNotText(value: string): boolean {
	return NOT_A_STRING.some((re) => re.test(value));
}

/** A string as YAML that every reader (JSON schema, YAML 1.1 and 1.2) reads back as that string. */
function yamlText(value: string): string {
	const { dump, JSON_SCHEMA } = yamlLibraries();
	const dumped = dump(value, { schema: JSON_SCHEMA, lineWidth: -1 }).trimEnd();
	if (/^['"|>]/.test(dumped) || !plainIsNotText(value)) return dumped;
	return `'${value.replace(/'/g, "''")}'`;
}

function yamlScalar(value: Exclude<FrontmatterValue, null>): string {
	if (typeof value === "object") return yamlText(value.text);
	if (typeof value !== "string") return String(value);
	// Touchbase's own dates are written bare, so Dataview and Properties read them as dates.
	if (/^\d{4}-\d{2}-\d{2}$/.test(value)) return value;
	return yamlText(value);
}


/**
 * Sets top-level frontmatter keys (null removes one): a key already there under a loosely equal
 * name (`nextFollowUp`, `Status`) is rewritten in place under its own name; a new key is added
 * at the end under the given name. Every other line stays as it was; a note without
 * frontmatter gets a block at the top.
 */
export function setFrontmatterKeys(text: string, updates: [string, FrontmatterValue][]): EditResult {
	const read = readFrontmatter(text);
	if (!read.ok) return { ok: false, error: `the frontmatter cannot be read (line ${read.line}): ${read.message}` };
	return { ok: true, text: writeFrontmatterKeys(text, updates) };
}

/**
 * `setFrontmatterKeys` on a note whose YAML is known to read (a command's model parsed it once):
 * the keys are found by their lines, with no second parse.
 */
export function writeFrontmatterKeys(text: string, updates: [string, FrontmatterValue][]): string {
	const block = findFrontmatter(text);
	const eol = lineEnding(text);
	const bom = text.slice(0, bomLength(text));
	if (!block) {
		const lines = updates.filter(([, v]) => v !== null).map(([k, v]) => `${k}: ${yamlScalar(v!)}`);
		if (lines.length === 0) return text;
		return `${bom}---${eol}${lines.join(eol)}${eol}---${eol}${text.slice(bom.length)}`;
	}
	const spans = lineSpans(text);
	const closing = block.bodyLine - 1;
	// Each top-level key with the lines its value runs over.
	const keys: { norm: string; written: string; from: number; to: number }[] = [];
	for (let i = 1; i < closing; i++) {
		const m = FRONTMATTER_KEY.exec(text.slice(spans[i].start, spans[i].end));
		if (m) keys.push({ norm: normalizeKey(m[2]), written: `${m[1]}${m[2]}${m[1]}`, from: i, to: i });
		else if (keys.length > 0) keys[keys.length - 1].to = i;
	}
	const replaced = new Map<number, string | null>();
	const removed = new Set<number>();
	const appended: string[] = [];
	for (const [key, value] of updates) {
		const hit = keys.find((k) => k.norm === normalizeKey(key));
		// A key the note has keeps the spelling the user gave it (`Status`, `nextFollowUp`).
		const line = value === null ? null : `${hit?.written ?? key}: ${yamlScalar(value)}`;
		if (hit) {
			replaced.set(hit.from, line);
			for (let i = hit.from + 1; i <= hit.to; i++) {
				// Blank and comment lines after a scalar belong to nobody: keep them.
				const content = text.slice(spans[i].start, spans[i].end).trim();
				if (content !== "" && !content.startsWith("#")) removed.add(i);
			}
		} else if (line !== null) appended.push(line);
	}
	let out = text.slice(0, spans[0].start);
	for (let i = 0; i < spans.length; i++) {
		const span = spans[i];
		if (i === closing) for (const line of appended) out += line + eol;
		if (removed.has(i)) continue;
		if (replaced.has(i)) {
			const line = replaced.get(i);
			if (line !== null && line !== undefined) out += line + text.slice(span.end, span.next);
			continue;
		}
		out += text.slice(span.start, span.next);
	}
	return out;
}

/**
 * Finds a line the view saw as `raw` at `line` (1-based), in text that may have changed since:
 * the same place if it still holds that text, else the one other place that does. Two or more
 * candidates elsewhere, or none, is an error rather than a guess.
 */
export function locateLine(text: string, line: number, raw: string): number | { error: string } {
	const spans = lineSpans(text);
	const at = (i: number): string => text.slice(spans[i].start, spans[i].end);
	if (line >= 1 && line <= spans.length && at(line - 1) === raw) return line;
	const matches: number[] = [];
	for (let i = 0; i < spans.length; i++) if (at(i) === raw) matches.push(i + 1);
	if (matches.length === 1) return matches[0];
	return {
		error: matches.length === 0 ? "the touch line is no longer in the note" : "the note changed and that touch line now appears more than once",
	};
}

/** The text of line `line` (1-based), without its line ending. */
export function lineAt(text: string, line: number): string | null {
	const spans = lineSpans(text);
	if (line < 1 || line > spans.length) return null;
	return text.slice(spans[line - 1].start, spans[line - 1].end);
}

/** Replaces the whole content of line `line` (1-based), keeping its line ending. */
export function replaceLine(text: string, line: number, content: string): EditResult {
	const spans = lineSpans(text);
	if (line < 1 || line > spans.length) return { ok: false, error: `line ${line} is not in the note` };
	const span = spans[line - 1];
	return { ok: true, text: text.slice(0, span.start) + content + text.slice(span.end) };
}
