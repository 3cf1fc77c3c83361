// Letters and digits of every script (`\p{L}`, `\p{N}`), with patterns built the first time they
// are used. V8 checks each regular expression literal as it compiles the code around it, and a
// `\p{…}` class costs it the class's Unicode tables: a fifth of a millisecond per literal, which
// every start of the plugin paid (Obsidian compiles main.js whole) even when none of them ran.

function builtOnFirstUse(source: string, flags: string): () => RegExp {
	let pattern: RegExp | null = null;
	return (): RegExp => (pattern ??= new RegExp(source, flags));
}

const ONE_WORD = builtOnFirstUse("^[\\p{L}\\p{N}_-]+$", "u");
const NOT_WORD = builtOnFirstUse("[^\\p{L}\\p{N}_-]+", "gu");
const NOT_LETTER_OR_DIGIT = builtOnFirstUse("[^\\p{L}\\p{N}]", "gu");
const LETTERS = builtOnFirstUse("\\p{L}+", "gu");

/** Whether `text` is one word: letters and digits of any script, `_` and `-`. */
export function isOneWord(text: string): boolean {
	// Most words are ASCII: those need no Unicode tables.
	return /^[A-Za-z0-9_-]+$/.test(text) || ONE_WORD().test(text);
}

/** `text` with each run of characters that are not letters, digits, `_` or `-` replaced by `by`. */
export function replaceNonWordRuns(text: string, by: string): string {
	return text.replace(NOT_WORD(), () => by);
}

/** `text` without anything but its letters and digits. */
export function lettersAndDigitsOf(text: string): string {
	return text.replace(NOT_LETTER_OR_DIGIT(), "");
}

/** The runs of letters in `text`, in order. */
export function letterRunsOf(text: string): string[] {
	return text.match(LETTERS()) ?? [];
}
