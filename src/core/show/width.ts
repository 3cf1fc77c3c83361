// Text measured in terminal columns (README, "The command line"): East Asian wide and fullwidth
// characters and emoji take two columns, combining marks, joiners and variation selectors none.

const ZERO: readonly [number, number][] = [
	[0x0000, 0x001f],
	[0x007f, 0x009f],
	[0x0300, 0x036f],
	[0x0483, 0x0489],
	[0x0591, 0x05bd],
	[0x0610, 0x061a],
	[0x064b, 0x065f],
	[0x0e31, 0x0e31],
	[0x0e34, 0x0e3a],
	[0x0e47, 0x0e4e],
	[0x1ab0, 0x1aff],
	[0x1dc0, 0x1dff],
	[0x200b, 0x200f],
	[0x2028, 0x202e],
	[0x2060, 0x2064],
	[0x20d0, 0x20ff],
	[0xfe00, 0xfe0f],
	[0xfe20, 0xfe2f],
	[0xfeff, 0xfeff],
	[0xe0000, 0xe01ef],
];

const WIDE: readonly [number, number][] = [
	[0x1100, 0x115f],
	[0x231a, 0x231b],
	[0x2329, 0x232a],
	[0x23e9, 0x23ec],
	[0x23f0, 0x23f0],
	[0x23f3, 0x23f3],
	[0x25fd, 0x25fe],
	[0x2614, 0x2615],
	[0x2648, 0x2653],
	[0x267f, 0x267f],
	[0x2693, 0x2693],
	[0x26a1, 0x26a1],
	[0x26aa, 0x26ab],
	[0x26bd, 0x26be],
	[0x26c4, 0x26c5],
	[0x26ce, 0x26ce],
	[0x26d4, 0x26d4],
	[0x26ea, 0x26ea],
	[0x26f2, 0x26f5],
	[0x26fa, 0x26fa],
	[0x26fd, 0x26fd],
	[0x2705, 0x2705],
	[0x270a, 0x270b],
	[0x2728, 0x2728],
	[0x274c, 0x274c],
	[0x274e, 0x274e],
	[0x2753, 0x2755],
	[0x2757, 0x2757],
	[0x2795, 0x2797],
	[0x27b0, 0x27b0],
	[0x27bf, 0x27bf],
	[0x2b1b, 0x2b1c],
	[0x2b50, 0x2b50],
	[0x2b55, 0x2b55],
	[0x2e80, 0x303e],
	[0x3041, 0x33ff],
	[0x3400, 0x4dbf],
	[0x4e00, 0x9fff],
	[0xa000, 0xa4cf],
	[0xa960, 0xa97f],
	[0xac00, 0xd7a3],
	[0xf900, 0xfaff],
	[0xfe10, 0xfe19],
	[0xfe30, 0xfe6f],
	[0xff00, 0xff60],
	[0xffe0, 0xffe6],
	[0x16fe0, 0x18cff],
	[0x1b000, 0x1b2ff],
	[0x1f004, 0x1f004],
	[0x1f0cf, 0x1f0cf],
	[0x1f18e, 0x1f18e],
	[0x1f191, 0x1f19a],
	[0x1f200, 0x1f251],
	[0x1f300, 0x1f64f],
	[0x1f680, 0x1f6ff],
	[0x1f7e0, 0x1f7eb],
	[0x1f90c, 0x1f9ff],
	[0x1fa70, 0x1faff],
	[0x20000, 0x3fffd],
];

function inRanges(code: number, ranges: readonly [number, number][]): boolean {
	let lo = 0;
	let hi = ranges.length - 1;
	while (lo <= hi) {
		const mid = (lo + hi) >>> 1;
		if (code < ranges[mid][0]) hi = mid - 1;
		else if (code > ranges[mid][1]) lo = mid + 1;
		else return true;
	}
	return false;
}

/** Columns one code point takes; the one after a zero-width joiner is drawn into the one before. */
function columnsOf(code: number, afterJoiner: boolean): number {
	if (afterJoiner) return 0;
	if (code >= 0x20 && code < 0x7f) return 1;
	if (inRanges(code, ZERO)) return 0;
	return inRanges(code, WIDE) ? 2 : 1;
}

/** How many terminal columns `text` takes. */
export function displayWidth(text: string): number {
	let width = 0;
	let joiner = false;
	for (const ch of text) {
		const code = ch.codePointAt(0)!;
		width += columnsOf(code, joiner);
		joiner = code === 0x200d;
	}
	return width;
}

/** `text` cut to at most `width` columns, ending in `…` when it was cut. */
export function clipTo(text: string, width: number): string {
	if (displayWidth(text) <= width) return text;
	if (width <= 0) return "";
	let out = "";
	let used = 0;
	let joiner = false;
	for (const ch of text) {
		const code = ch.codePointAt(0)!;
		const w = columnsOf(code, joiner);
		joiner = code === 0x200d;
		if (used + w > width - 1) break;
		out += ch;
		used += w;
	}
	return `${out}…`;
}

/** `text` cut to `width` columns, then padded with spaces to exactly `width`. */
export function fitTo(text: string, width: number): string {
	const clipped = clipTo(text, width);
	return clipped + " ".repeat(Math.max(0, width - displayWidth(clipped)));
}

/**
 * Words joined by `separator`, wrapped onto lines of at most `width` columns; continuation lines
 * start with `indent`. A word longer than a line is cut.
 */
export function wrapJoined(parts: readonly string[], separator: string, width: number, indent = ""): string[] {
	const lines: string[] = [];
	let line = "";
	for (const part of parts) {
		const candidate = line === "" ? part : `${line}${separator}${part}`;
		// Room is kept for the separator that ends a wrapped line.
		if (line !== "" && displayWidth(candidate + separator.trimEnd()) > width) {
			lines.push(line + separator.trimEnd());
			line = `${indent}${part}`;
		} else line = candidate;
	}
	if (line !== "") lines.push(line);
	return lines.map((l) => clipTo(l, width));
}
