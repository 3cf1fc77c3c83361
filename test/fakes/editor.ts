// A plain-text stand-in for Obsidian's (CodeMirror) Editor.

export interface EditorPosition {
	line: number;
	ch: number;
}

export interface EditorRange {
	from: EditorPosition;
	to: EditorPosition;
}

export interface EditorSelection {
	anchor: EditorPosition;
	head: EditorPosition;
}

export interface EditorChange {
	text: string;
	from: EditorPosition;
	to?: EditorPosition;
}

export interface EditorTransaction {
	replaceSelection?: string;
	changes?: EditorChange[];
	selections?: { from: EditorPosition; to?: EditorPosition }[];
	selection?: { from: EditorPosition; to?: EditorPosition };
}

function cmp(a: EditorPosition, b: EditorPosition): number {
	return a.line - b.line || a.ch - b.ch;
}

/**
 * Holds the text in memory. Every edit calls `onChange` (the MarkdownView writes it straight to the
 * file, where Obsidian would save a moment later); `undo`, `redo`, `exec`, scrolling and focus are
 * no-ops apart from recording focus.
 */
export class Editor {
	#text = "";
	#selections: EditorSelection[] = [{ anchor: { line: 0, ch: 0 }, head: { line: 0, ch: 0 } }];
	#focused = false;
	readonly #onChange: ((text: string) => void) | null;

	constructor(onChange?: (text: string) => void) {
		this.#onChange = onChange ?? null;
	}

	/** Replaces the text without reporting a change (the view loading the file). */
	loadText(text: string): void {
		this.#text = text;
		this.#clampSelections();
	}

	#lines(): string[] {
		return this.#text.split("\n");
	}

	#commit(text: string): void {
		this.#text = text;
		this.#clampSelections();
		this.#onChange?.(text);
	}

	#clamp(pos: EditorPosition): EditorPosition {
		const lines = this.#lines();
		const line = Math.max(0, Math.min(pos.line, lines.length - 1));
		const ch = Math.max(0, Math.min(pos.ch, lines[line].replace(/\r$/, "").length));
		return { line, ch };
	}

	#clampSelections(): void {
		this.#selections = this.#selections.map((s) => ({ anchor: this.#clamp(s.anchor), head: this.#clamp(s.head) }));
	}

	getDoc(): this {
		return this;
	}

	refresh(): void {}

	getValue(): string {
		return this.#text;
	}

	setValue(content: string): void {
		this.#commit(content);
	}

	getLine(line: number): string {
		return (this.#lines()[line] ?? "").replace(/\r$/, "");
	}

	setLine(n: number, text: string): void {
		this.replaceRange(text, { line: n, ch: 0 }, { line: n, ch: this.getLine(n).length });
	}

	lineCount(): number {
		return this.#lines().length;
	}

	lastLine(): number {
		return this.lineCount() - 1;
	}

	posToOffset(pos: EditorPosition): number {
		const lines = this.#lines();
		const p = this.#clamp(pos);
		let offset = 0;
		for (let i = 0; i < p.line; i++) offset += lines[i].length + 1;
		return offset + p.ch;
	}

	offsetToPos(offset: number): EditorPosition {
		const lines = this.#lines();
		let rest = Math.max(0, Math.min(offset, this.#text.length));
		for (let line = 0; line < lines.length; line++) {
			if (rest <= lines[line].length) return { line, ch: rest };
			rest -= lines[line].length + 1;
		}
		const last = lines.length - 1;
		return { line: last, ch: lines[last].length };
	}

	getRange(from: EditorPosition, to: EditorPosition): string {
		const [a, b] = cmp(from, to) <= 0 ? [from, to] : [to, from];
		return this.#text.slice(this.posToOffset(a), this.posToOffset(b));
	}

	replaceRange(replacement: string, from: EditorPosition, to?: EditorPosition, _origin?: string): void {
		const end = to ?? from;
		const [a, b] = cmp(from, end) <= 0 ? [from, end] : [end, from];
		const start = this.posToOffset(a);
		this.#commit(this.#text.slice(0, start) + replacement + this.#text.slice(this.posToOffset(b)));
	}

	getCursor(side: "from" | "to" | "head" | "anchor" = "head"): EditorPosition {
		const s = this.#selections[0];
		const [from, to] = cmp(s.anchor, s.head) <= 0 ? [s.anchor, s.head] : [s.head, s.anchor];
		return { ...(side === "from" ? from : side === "to" ? to : side === "anchor" ? s.anchor : s.head) };
	}

	setCursor(pos: EditorPosition | number, ch?: number): void {
		const p = typeof pos === "number" ? { line: pos, ch: ch ?? 0 } : pos;
		const c = this.#clamp(p);
		this.#selections = [{ anchor: c, head: { ...c } }];
	}

	getSelection(): string {
		const s = this.#selections[0];
		return this.getRange(s.anchor, s.head);
	}

	somethingSelected(): boolean {
		return this.#selections.some((s) => cmp(s.anchor, s.head) !== 0);
	}

	listSelections(): EditorSelection[] {
		return this.#selections.map((s) => ({ anchor: { ...s.anchor }, head: { ...s.head } }));
	}

	setSelection(anchor: EditorPosition, head?: EditorPosition): void {
		this.#selections = [{ anchor: this.#clamp(anchor), head: this.#clamp(head ?? anchor) }];
	}

	setSelections(ranges: { anchor: EditorPosition; head?: EditorPosition }[], main = 0): void {
		const all = ranges.map((r) => ({ anchor: this.#clamp(r.anchor), head: this.#clamp(r.head ?? r.anchor) }));
		if (all.length === 0) return;
		this.#selections = [all[main] ?? all[0], ...all.filter((_, i) => i !== main)];
	}

	replaceSelection(replacement: string, _origin?: string): void {
		const from = this.getCursor("from");
		this.replaceRange(replacement, from, this.getCursor("to"));
		this.setCursor(this.offsetToPos(this.posToOffset(from) + replacement.length));
	}

	transaction(tx: EditorTransaction, _origin?: string): void {
		if (tx.replaceSelection !== undefined) this.replaceSelection(tx.replaceSelection);
		const changes = [...(tx.changes ?? [])].sort((a, b) => cmp(b.from, a.from));
		for (const change of changes) this.replaceRange(change.text, change.from, change.to);
		const sel = tx.selection ?? tx.selections?.[0];
		if (sel) this.setSelection(sel.from, sel.to);
	}

	wordAt(pos: EditorPosition): EditorRange | null {
		const line = this.getLine(pos.line);
		let start = pos.ch;
		let end = pos.ch;
		while (start > 0 && /\w/.test(line[start - 1])) start--;
		while (end < line.length && /\w/.test(line[end])) end++;
		return start === end ? null : { from: { line: pos.line, ch: start }, to: { line: pos.line, ch: end } };
	}

	processLines<T>(read: (line: number, lineText: string) => T | null, write: (line: number, lineText: string, value: T | null) => EditorChange | void, ignoreEmpty = true): void {
		const changes: EditorChange[] = [];
		for (let i = 0; i < this.lineCount(); i++) {
			const text = this.getLine(i);
			if (ignoreEmpty && text.trim() === "") continue;
			const change = write(i, text, read(i, text));
			if (change) changes.push(change);
		}
		this.transaction({ changes });
	}

	focus(): void {
		this.#focused = true;
	}

	blur(): void {
		this.#focused = false;
	}

	hasFocus(): boolean {
		return this.#focused;
	}

	getScrollInfo(): { top: number; left: number } {
		return { top: 0, left: 0 };
	}

	scrollTo(_x?: number | null, _y?: number | null): void {}

	scrollIntoView(_range: EditorRange, _center?: boolean): void {}

	undo(): void {}

	redo(): void {}

	exec(_command: string): void {}
}
