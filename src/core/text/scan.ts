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

export interface LineSpan {
	/** Offset of the first character. */
	start: number;
	/** Offset just past the content (before `\r\n` or `\n`). */
	end: number;
	/** Offset of the next line (after the line ending), or text length for the last line. */
	next: number;
	/** Whether the line has a line ending. */
	terminated: boolean;
}

/** The note's lines. A byte-order mark is no part of the first line's content. */
export function lineSpans(text: string): LineSpan[] {
	const spans: LineSpan[] = [];
	let start = bomLength(text);
	while (start <= text.length) {
		const nl = text.indexOf("\n", start);
		if (nl < 0) {
			if (start < text.length || spans.length === 0) spans.push({ start, end: text.length, next: text.length, terminated: false });
			break;
		}
		const end = nl > start && text[nl - 1] === "\r" ? nl - 1 : nl;
		spans.push({ start, end, next: nl + 1, terminated: true });
		start = nl + 1;
	}
	return spans;
}

/** The note's lines as strings (line endings kept as `\r` where the note has `\r\n`). */
export function splitLines(text: string): string[] {
	return (bomLength(text) ? text.slice(1) : text).split("\n");
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
	const firstEnd = text.indexOf("\n", start);
	if (firstEnd < 0 || text.slice(start, firstEnd).trimEnd() !== "---") return null;
	let pos = firstEnd + 1;
	let line = 1;
	while (pos <= text.length) {
		const nl = text.indexOf("\n", pos);
		const lineEnd = nl < 0 ? text.length : nl;
		const content = text.slice(pos, lineEnd).trimEnd();
		if (content === "---" || content === "...") {
			return { bodyLine: line + 1, end: nl < 0 ? text.length : nl + 1 };
		}
		if (nl < 0) return null;
		pos = nl + 1;
		line++;
	}
	return null;
}

const FENCE = /^\s*(`{3,}|~{3,})/;
type Comment = "<!--" | "%%";
const closerOf = (open: Comment): string => (open === "<!--" ? "-->" : "%%");

/**
 * Walks the body's lines in order, one call of `read` per line (without its line ending), and
 * knows which fence or comment is open. Both reading and editing use it, each for what it needs.
 */
export class BlockScanner {
	private fence: string | null = null;
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
		if (this.fence !== null) {
			this.live = false;
			const close = FENCE.exec(raw);
			if (close && close[1][0] === this.fence[0] && close[1].length >= this.fence.length && raw.trim() === close[1]) this.fence = null;
			return null;
		}
		this.live = this.comment === null;
		if (this.comment === null) {
			const open = FENCE.exec(raw);
			if (open) {
				this.fence = open[1];
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
