// core/text, step 1 of a note (docs/architecture.md): text before meaning. Scanner, YAML, dates, touch-line syntax, edits.
/**
 * The one markdown line scanner: byte-order mark, line spans, frontmatter, fenced code, HTML and
 * `%%` comments, list items, headings and table rows. Reading a note and every text edit see the
 * note through it, so they agree on what is live markdown (docs/architecture.md).
 */

/** 1 when the text starts with a byte-order mark, which is no part of line 1. */
export function bomLength(text: string): 0 | 1 {
	return text.charCodeAt(0) === 0xfeff ? 1 : 0;
}

/** A line break: its offset, and its length (2 for `\r\n`). */
export interface LineBreak {
	at: number;
	length: 1 | 2;
}

/**
 * A walker over a text's line breaks: `\n`, `\r\n`, or a `\r` alone (old Mac notes, some
 * exports), as Obsidian reads them. Each call gives the next break at or after `from` (which
 * must not go back), or null. The last place of each character is remembered, so a walk over
 * the whole text stays linear however the two are mixed.
 */
export function lineBreaks(text: string): (from: number) => LineBreak | null {
	let nl = -2;
	let cr = -2;
	return (from) => {
		if (nl !== -1 && nl < from) nl = text.indexOf("\n", from);
		if (cr !== -1 && cr < from) cr = text.indexOf("\r", from);
		if (cr < 0 || (nl >= 0 && nl < cr)) return nl < 0 ? null : { at: nl, length: 1 };
		return { at: cr, length: text.charCodeAt(cr + 1) === 10 ? 2 : 1 };
	};
}

/** The first line break at or after `from` (`lineBreaks` for one look). */
export function nextBreak(text: string, from: number): LineBreak | null {
	return lineBreaks(text)(from);
}

export interface LineSpan {
	/** Offset of the first character. */
	start: number;
	/** Offset just past the content (before `\r\n`, `\n` or a lone `\r`). */
	end: number;
	/** Offset of the next line (after the line ending), or text length for the last line. */
	next: number;
	/** Whether the line has a line ending. */
	terminated: boolean;
}

/** The note's lines. A byte-order mark is no part of the first line's content. */
export function lineSpans(text: string): LineSpan[] {
	const spans: LineSpan[] = [];
	const next = lineBreaks(text);
	let start = bomLength(text);
	while (start <= text.length) {
		const br = next(start);
		if (br === null) {
			if (start < text.length || spans.length === 0) spans.push({ start, end: text.length, next: text.length, terminated: false });
			break;
		}
		spans.push({ start, end: br.at, next: br.at + br.length, terminated: true });
		start = br.at + br.length;
	}
	return spans;
}

/**
 * The note's lines as strings (line endings kept as `\r` where the note has `\r\n`); a lone
 * `\r` ends a line too.
 */
export function splitLines(text: string): string[] {
	const body = bomLength(text) ? text.slice(1) : text;
	return body.includes("\r") ? body.split(/\n|\r(?!\n)/) : body.split("\n");
}

export interface FrontmatterBlock {
	/** Index of the line after the closing fence: where the body starts. */
	bodyLine: number;
	/** Character offset just after the closing fence's line. */
	end: number;
}

/**
 * Finds a frontmatter block the way Obsidian does: `---` on the first line, closed by `---`
 * (or `...`) on a later line. An unclosed block is no frontmatter at all.
 */
export function findFrontmatter(text: string): FrontmatterBlock | null {
	const start = bomLength(text);
	if (!text.startsWith("---", start)) return null;
	const next = lineBreaks(text);
	const first = next(start);
	if (first === null || text.slice(start, first.at).trimEnd() !== "---") return null;
	let pos = first.at + first.length;
	let line = 1;
	while (pos <= text.length) {
		const br = next(pos);
		const lineEnd = br === null ? text.length : br.at;
		const content = text.slice(pos, lineEnd).trimEnd();
		if (content === "---" || content === "...") {
			return { bodyLine: line + 1, end: br === null ? text.length : br.at + br.length };
		}
		if (br === null) return null;
		pos = br.at + br.length;
		line++;
	}
	return null;
}

/** A code fence, also inside a blockquote or callout (`> ```yaml`): what it holds is code there too. */
const FENCE = /^\s*(?:>\s*)*(`{3,}|~{3,})/;
type Comment = "<!--" | "%%";
const closerOf = (open: Comment): string => (open === "<!--" ? "-->" : "%%");

/**
 * Walks the body's lines in order, one call of `read` per line (without its line ending), and
 * knows which fence or comment is open. Both reading and editing use it, each for what it needs.
 */
export class BlockScanner {
	private fence: string | null = null;
	private quoted = false;
	private comment: Comment | null = null;
	/** Whether the last line read was live markdown: not code, and not begun inside a comment. */
	live = true;

	/** Whether a fence or comment is still open after the last line read. */
	get open(): boolean {
		return this.fence !== null || this.comment !== null;
	}

	/**
	 * Reads one line. Returns its visible markdown (comment parts removed), or null for a line of
	 * fenced code, a fence itself, or a line wholly inside a comment.
	 */
	read(raw: string): string | null {
		// A fence opened in a blockquote ends with the blockquote (CommonMark), closed or not.
		if (this.fence !== null && this.quoted && !/^\s*>/.test(raw)) this.fence = null;
		if (this.fence !== null) {
			this.live = false;
			const close = FENCE.exec(raw);
			if (close && close[1][0] === this.fence[0] && close[1].length >= this.fence.length && raw.replace(/^\s*(?:>\s*)*/, "").trim() === close[1]) this.fence = null;
			return null;
		}
		this.live = this.comment === null;
		if (this.comment === null) {
			const open = FENCE.exec(raw);
			if (open) {
				this.fence = open[1];
				this.quoted = /^\s*>/.test(raw);
				this.live = false;
				return null;
			}
		}
		// Fast path: no comment open and none on this line.
		if (this.comment === null && raw.indexOf("<!--") < 0 && raw.indexOf("%%") < 0) return raw;
		let visible = "";
		let rest = raw;
		while (rest !== "") {
			if (this.comment !== null) {
				const closer = closerOf(this.comment);
				const end = rest.indexOf(closer);
				if (end < 0) break;
				rest = rest.slice(end + closer.length);
				this.comment = null;
				continue;
			}
			const html = rest.indexOf("<!--");
			const percent = rest.indexOf("%%");
			const first = html < 0 ? percent : percent < 0 ? html : Math.min(html, percent);
			if (first < 0) {
				visible += rest;
				break;
			}
			visible += rest.slice(0, first);
			this.comment = first === html ? "<!--" : "%%";
			rest = rest.slice(first + this.comment.length);
		}
		return visible;
	}
}

/** The marker of a list item: `-`, `*`, `+`, `1.` or `1)`, indented or not, and its space. */
export const LIST_MARKER = "[ \\t]*(?:[-*+]|\\d{1,9}[.)]) ";
const LIST_ITEM = new RegExp(`^${LIST_MARKER}`);

export function isListItem(line: string): boolean {
	return LIST_ITEM.test(line);
}

/** An ATX heading: its level and its title (lower case, closing `#`s dropped). */
export function headingOf(line: string): { level: number; title: string } | null {
	const m = /^(#{1,6})[ \t]+(.*?)(?:[ \t]+#+)?[ \t]*$/.exec(line);
	return m ? { level: m[1].length, title: m[2].trim().toLowerCase() } : null;
}

/** The cells of a table row (`| a | b |`), or null for a line that is not one. */
export function tableCells(line: string): string[] | null {
	const trimmed = line.trim();
	if (!trimmed.startsWith("|") || trimmed.length < 2) return null;
	const inner = trimmed.endsWith("|") && !trimmed.endsWith("\\|") ? trimmed.slice(1, -1) : trimmed.slice(1);
	// Split on pipes not escaped as `\|` (no lookbehind: iOS before 16.4 has none).
	const cells: string[] = [];
	let cell = "";
	for (let i = 0; i < inner.length; i++) {
		if (inner[i] === "|" && inner[i - 1] !== "\\") {
			cells.push(cell.trim());
			cell = "";
		} else cell += inner[i];
	}
	cells.push(cell.trim());
	return cells;
}

/** Whether table cells are the delimiter row under a header (`| --- | :--: |`). */
export function isDelimiterRow(cells: readonly string[]): boolean {
	return cells.length > 0 && cells.every((cell) => /^:?-{1,}:?$/.test(cell));
}
