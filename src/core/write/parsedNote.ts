import { normalizeKey, readFrontmatter, type FrontmatterRead } from "../text/frontmatter";
import {
	insertLinesAt,
	insertUnderHeadingAt,
	lineAt,
	moveTouchDate,
	replaceLine,
	setCheckbox,
	writeFrontmatterKeys,
	type EditResult,
	type FrontmatterValue,
} from "../text/edits";
import { BlockScanner, findFrontmatter, headingOf, isListItem, splitLines, type FrontmatterBlock } from "../text/scan";
import { readForms } from "../read/forms";
import { formTouch, readKeyFields, readNote, readTouches, withMetKeys, withoutUndecidedKeys, YEARLESS, type NoteRead, type ProspectNote, type Touch } from "../read/note";
import type { TouchbaseSettings } from "../settings/settings";

/** A command's step that could not be done, and why. */
export type Refusal = { ok: false; error: string };

/**
 * A note as one command sees it (docs/architecture.md, "From a command to the note"): parsed
 * once (its YAML once, `readNote` once), then changed as a model. Each change edits the text
 * and brings the model along from the lines it touched alone: inserted touch lines are read
 * line by line, a checked-off or moved line is read again, keys set are put in the parsed
 * frontmatter (a note whose month-day years come from the rest of the note is read again
 * instead: see `yearFromContext`). The command body, the history it keeps and the mirrored keys
 * all share it, and the text is written once at the end.
 */
export class ParsedNote {
	/** The note as the changes so far left it. */
	text: string;
	/** The prospect as the changes so far left it; null for a note that is not one. */
	prospect: ProspectNote | null;
	/** The frontmatter block's place in `text`. */
	block: FrontmatterBlock | null;
	/** The parsed frontmatter, with the keys set since. */
	private data: Record<string, unknown>;
	/** The touches the index has for it from interaction notes. */
	private linked: readonly Touch[] = [];

	private constructor(
		readonly path: string,
		text: string,
		readonly settings: TouchbaseSettings,
		/** The frontmatter as first parsed: whether it reads, and why not. */
		readonly frontmatter: FrontmatterRead,
		/** The read the note started from: its problems, its interaction. */
		readonly read: NoteRead,
	) {
		this.text = text;
		this.prospect = read.prospect;
		this.block = frontmatter.block;
		this.data = frontmatter.ok ? frontmatter.data : {};
	}

	/**
	 * Parses a note: the one YAML parse and the one `readNote` of a command. `linked`: the touches
	 * the index has for it from interaction notes (README, "Interaction notes count"), so the
	 * counts a command writes are the due list's; each day counted once, as the index does.
	 */
	static read(path: string, text: string, settings: TouchbaseSettings, linked: readonly Touch[] = []): ParsedNote {
		const frontmatter = readFrontmatter(text);
		const read = readNote(path, text, settings, { frontmatter });
		const note = new ParsedNote(path, text, settings, frontmatter, { ...read, prospect: withLinked(read.prospect, linked) });
		note.linked = linked;
		return note;
	}

	/** Why a command refuses to edit this note (broken frontmatter, not a prospect), or null. */
	refusal(): string | null {
		const fm = this.frontmatter;
		if (!fm.ok) return `its frontmatter is broken (line ${fm.line}: ${fm.message})`;
		return this.prospect ? null : "it is not a prospect note";
	}

	/** The note's frontmatter as it now stands (the data is never changed in place). */
	get frontmatterData(): Record<string, unknown> {
		return this.data;
	}

	/** Appends lines at the end of the section under `heading` (created at the end when missing). */
	insertUnderHeading(heading: string, lines: string[]): void {
		const at = insertUnderHeadingAt(this.text, heading, lines);
		this.text = at.text;
		this.shift(at.movedFrom, at.moved);
		const added = lines.map((_, i) => at.first + i);
		this.readLines(added);
	}

	/** Puts lines before line `before` (one past the last line: at the end). */
	insertLinesAt(before: number, lines: string[]): void {
		const at = insertLinesAt(this.text, before, lines);
		this.text = at.text;
		this.shift(at.movedFrom, at.moved);
		this.readLines(lines.map((_, i) => at.first + i));
	}

	/** Sets the checkbox of the touch line at `line` (see `setCheckbox`). */
	setCheckbox(line: number, mark: "x" | "-" | " ", doneOn: string | null = null): Refusal | null {
		return this.editLine(line, setCheckbox(this.text, line, mark, this.settings.channels, doneOn));
	}

	/** Moves the touch line at `line` to `date` (see `moveTouchDate`). */
	moveTouchDate(line: number, date: string, time: string | null | undefined): Refusal | null {
		return this.editLine(line, moveTouchDate(this.text, line, date, time, this.settings.channels));
	}

	/**
	 * Replaces the content of line `line`. `moved`: a Dataview next-follow-up field on it whose
	 * date changed, so the model's date follows.
	 */
	replaceLine(line: number, content: string, moved?: { from: string; to: string }): Refusal | null {
		const failed = this.editLine(line, replaceLine(this.text, line, content));
		if (failed || !moved || !this.prospect) return failed;
		let done = false;
		const next = this.prospect.nextFollowUp.map((n) => {
			if (done || n.line !== line || n.date !== moved.from || n.from !== undefined) return n;
			done = true;
			return { ...n, date: moved.to };
		});
		this.prospect = { ...this.prospect, nextFollowUp: next };
		return null;
	}

	/**
	 * Sets frontmatter keys (null removes one), as `setFrontmatterKeys` does, with no second parse:
	 * the parsed data takes the values the written YAML reads as, and the fields the keys give are
	 * read again from it.
	 */
	setKeys(updates: [string, FrontmatterValue][]): Refusal | null {
		const fm = this.frontmatter;
		if (!fm.ok) return { ok: false, error: `the frontmatter cannot be read (line ${fm.line}): ${fm.message}` };
		if (updates.length === 0) return null;
		const text = writeFrontmatterKeys(this.text, updates);
		if (text === this.text) return null;
		const oldBody = this.block?.bodyLine ?? 0;
		this.text = text;
		this.block = findFrontmatter(text);
		this.data = withKeys(this.data, updates);
		const newBody = this.block?.bodyLine ?? 0;
		if (!this.prospect) return null;
		const delta = newBody - oldBody;
		const body = (n: { line: number | null }): boolean => n.line !== null && n.line > oldBody;
		const inBody = this.prospect.nextFollowUp.filter(body).map((n) => ({ ...n, line: n.line! + delta }));
		const fields = readKeyFields(text, this.data, this.settings);
		this.prospect = {
			...this.prospect,
			...fields,
			// A body line that says the next step has no day sets the keys' days aside, as a fresh read does.
			nextFollowUp: [...withoutUndecidedKeys(text, fields.nextFollowUp, this.settings.languages), ...inBody],
			// Body lines move with the frontmatter's end; a met key's touch is read from the keys again.
			touches: withMetKeys(text, this.data, delta === 0 ? this.prospect.touches : this.prospect.touches.map((t) => (t.from === "key" ? t : { ...t, line: t.line + delta }))),
			frontmatter: this.data,
		};
		return null;
	}

	/** The edit of one line's content: the text takes it, and that line is read again. */
	private editLine(line: number, result: EditResult): Refusal | null {
		if (!result.ok) return result;
		this.text = result.text;
		if (!this.prospect) return null;
		const touches = this.prospect.touches.filter((t) => t.line !== line || t.from !== undefined);
		this.prospect = { ...this.prospect, touches };
		this.readLines([line]);
		return null;
	}

	/** The whole note read again as it now stands (its frontmatter as set, not parsed again). */
	private readAgain(): void {
		const read = readNote(this.path, this.text, this.settings, { frontmatter: { ok: true, data: this.data, block: this.block } });
		this.prospect = withLinked(read.prospect, this.linked);
	}

	/** Lines from `from` on moved down by `by` (body lines: the keys' lines stay where they are). */
	private shift(from: number, by: number): void {
		if (!this.prospect || by === 0) return;
		const move = <T extends { line: number | null }>(x: T): T => (x.line !== null && x.line >= from ? { ...x, line: x.line + by } : x);
		this.prospect = { ...this.prospect, touches: this.prospect.touches.map(move), nextFollowUp: this.prospect.nextFollowUp.map(move) };
	}

	/**
	 * Reads `lines` (new or changed) as `readNote` reads them: a list item as a touch line, else
	 * (with any line holding a digit) as one of the other forms. A touch of another form on a
	 * day that already has a touch gives way, as it does there (README, "Bringing your existing
	 * notes": one contact, counted once).
	 */
	private readLines(lines: number[]): void {
		if (!this.prospect) return;
		if (yearFromContext(this.read, this.prospect)) {
			this.readAgain();
			return;
		}
		const scanner = new BlockScanner();
		const candidates = lines.flatMap((line) => {
			const raw = lineAt(this.text, line);
			const visible = raw === null ? null : scanner.read(raw);
			return raw === null || visible === null || visible.trim() === "" ? [] : [{ line, raw, text: visible }];
		});
		const read = readTouches(candidates.filter((c) => isListItem(c.text)), this.settings, () => undefined);
		const lineTouches = new Set(read.map((t) => t.line));
		const days = new Set(read.map((t) => t.date));
		let touches = this.prospect.touches.filter((t) => t.from === undefined || !days.has(t.date));
		let nextFollowUp = this.prospect.nextFollowUp;
		const forms = this.settings.readForms;
		const formLines = candidates.filter((c) => !lineTouches.has(c.line) && (isListItem(c.text) || FORM_HINT.test(c.text)));
		if (formLines.length > 0 && (forms.labels || forms.headings || forms.tables || forms.tasks)) {
			// The headings above the new lines give them their place (`# Email Thread: …` is a log), as a fresh read does.
			const place = headingsAbove(this.text, Math.min(...formLines.map((c) => c.line)), this.block);
			const added = new Set(formLines.map((c) => c.line));
			const found = readForms([...place, ...formLines.map((c) => ({ line: c.line, text: c.text, touchLine: false }))], this.prospect.created, this.settings).found.filter((f) => added.has(f.line));
			const taken = new Set([...touches, ...read].map((t) => t.date));
			for (const f of found) {
				if (f.kind === "next") nextFollowUp = [...nextFollowUp, { date: f.date, time: null, line: f.line, from: f.form }];
				else if (!taken.has(f.date)) {
					taken.add(f.date);
					read.push(formTouch(f, candidates.find((c) => c.line === f.line)?.raw ?? ""));
				}
			}
		}
		if (read.length === 0 && nextFollowUp === this.prospect.nextFollowUp) return;
		touches = [...touches, ...read].sort((a, b) => a.line - b.line);
		this.prospect = { ...this.prospect, touches, nextFollowUp };
	}
}

/**
 * Whether the note holds a month-day date whose year comes from the rest of the note (README,
 * "Bringing your existing notes": the nearest full date, `created`, the file), or one with no
 * year yet. A new dated line can change that year, so such a note is read again after an edit;
 * every other note follows its edits line by line.
 */
function yearFromContext(read: NoteRead, prospect: ProspectNote): boolean {
	const guessed = (year: string | undefined): boolean => year !== undefined && year !== "written" && year !== "the full date on its line";
	// A month-day dropped as the same day as another line counts too: a new date may move it to another day.
	return prospect.touches.some((t) => guessed(t.year)) || prospect.nextFollowUp.some((n) => guessed(n.year)) || (prospect.unused ?? []).some((u) => guessed(u.year)) || read.problems.some((p) => p.message === YEARLESS);
}

/** The prospect with the touches of its interaction notes added, each day counted once, as the index does. */
function withLinked(prospect: ProspectNote | null, linked: readonly Touch[]): ProspectNote | null {
	if (!prospect || linked.length === 0) return prospect;
	const days = new Set(prospect.touches.map((t) => t.date));
	const extra = linked.filter((t) => t.source !== undefined && !days.has(t.date) && days.add(t.date));
	return extra.length > 0 ? { ...prospect, touches: [...prospect.touches, ...extra] } : prospect;
}

/** The live headings of the body before line `before`, in order: the sections a line there sits in. */
function headingsAbove(text: string, before: number, block: FrontmatterBlock | null): { line: number; text: string; touchLine: boolean }[] {
	const out: { line: number; text: string; touchLine: boolean }[] = [];
	const scanner = new BlockScanner();
	const lines = splitLines(text);
	for (let i = block ? block.bodyLine : 0; i < before - 1 && i < lines.length; i++) {
		const visible = scanner.read(lines[i].endsWith("\r") ? lines[i].slice(0, -1) : lines[i]);
		if (visible !== null && headingOf(visible) !== null) out.push({ line: i + 1, text: visible, touchLine: false });
	}
	return out;
}

/** A line that may hold a form: a digit (a date) or a table row (as `readNote` screens them). */
const FORM_HINT = /\d|^\s*\|/;

/** `data` with `updates` set as `setFrontmatterKeys` writes them: in place under a loosely equal key (its own name kept), else at the end. */
function withKeys(data: Record<string, unknown>, updates: [string, FrontmatterValue][]): Record<string, unknown> {
	let entries = Object.entries(data);
	for (const [key, value] of updates) {
		const norm = normalizeKey(key);
		const at = entries.findIndex(([k]) => normalizeKey(k) === norm);
		if (at >= 0) entries = value === null ? entries.filter((_, i) => i !== at) : entries.map((e, i) => (i === at ? [e[0], value] : e));
		else if (value !== null) entries.push([key, value]);
	}
	return Object.fromEntries(entries);
}
