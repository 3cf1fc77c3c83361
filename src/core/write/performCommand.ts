import type { IsoDay } from "../text/dates";
import type { FrontmatterValue } from "../text/edits";
import type { TouchbaseSettings } from "../settings/settings";
import type { Touch } from "../read/note";
import { keepContactHistory } from "./keepContactHistory";
import { setMirrors } from "./mirrors";
import { ParsedNote, type Refusal } from "./parsedNote";

export interface CommandOptions {
	/** Whether the contact a last-contact key holds is written down first (default: yes). */
	history?: boolean;
	/** Keys set before the mirrors (a status). */
	keys?: [string, FrontmatterValue][];
	/** The touches interaction notes give the prospect, as the index has them. */
	linked?: readonly Touch[];
	/** Sees the model as the text is written. */
	written?: (note: ParsedNote) => void;
}

/** What a command's body gives: why it refused, or what it did beside the text. */
export type BodyResult<X> = Refusal | ({ ok: true } & X);

/**
 * One command on a note's text (docs/architecture.md, "From a command to the note"): the note is
 * parsed once; the contact a last-contact key holds is written down (unless `history` is false);
 * the body is performed on the model; `keys` and the mirrors are set; the text is given once.
 * `written` sees the model as the text is written (what the CLI prints after a log).
 */
export function performCommand<X extends object>(
	text: string,
	path: string,
	settings: TouchbaseSettings,
	today: IsoDay,
	body: (note: ParsedNote) => BodyResult<X>,
	options: CommandOptions = {},
): Refusal | ({ ok: true; text: string } & X) {
	return performOn(ParsedNote.read(path, text, settings, options.linked), today, body, options);
}

/** `performCommand` on a note already parsed (a command that looks at the model first). */
export function performOn<X extends object>(note: ParsedNote, today: IsoDay, body: (note: ParsedNote) => BodyResult<X>, options: Omit<CommandOptions, "linked"> = {}): Refusal | ({ ok: true; text: string } & X) {
	if (options.history !== false) keepContactHistory(note, today);
	const done = body(note);
	if (!done.ok) return done;
	const mirrored = setMirrors(note, today, options.keys);
	if (mirrored) return mirrored;
	options.written?.(note);
	return { ...done, text: note.text };
}

/** A body on a note's text alone, without history or mirrors: the `…Body` functions. */
export function performBody<X extends object>(text: string, path: string, settings: TouchbaseSettings, body: (note: ParsedNote) => BodyResult<X>): Refusal | ({ ok: true; text: string } & X) {
	const note = ParsedNote.read(path, text, settings);
	const done = body(note);
	return done.ok ? { ...done, text: note.text } : done;
}
