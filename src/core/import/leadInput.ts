/**
 * A lead file checked before anything is planned or written (README, "Import leads"): it is
 * text (UTF-8 with or without its byte-order mark, UTF-16 with its mark), and a vCard or a CSV
 * whose header row has a name or an email column and whose rows have the header's shape.
 * Anything else is refused with one message saying what the file is instead.
 */
import { readLeadFile, type LeadFile } from "./importLeads";

export type LeadInput = { ok: true; file: LeadFile; encoding: Encoding } | { ok: false; message: string };

export type Encoding = "UTF-8" | "UTF-16LE" | "UTF-16BE";

export type DecodedLeads = { ok: true; text: string; encoding: Encoding } | { ok: false; message: string };

/** Files people pick by mistake, by their first bytes. */
const SIGNATURES: [number[], string][] = [
	[[0x25, 0x50, 0x44, 0x46, 0x2d], "a PDF document"],
	[[0x50, 0x4b, 0x03, 0x04], "a ZIP archive (an Excel .xlsx is one: save it as CSV UTF-8)"],
	[[0xd0, 0xcf, 0x11, 0xe0], "an old Excel or Word file (save it as CSV UTF-8)"],
	[[0x89, 0x50, 0x4e, 0x47], "a PNG image"],
	[[0xff, 0xd8, 0xff], "a JPEG image"],
	[[0x47, 0x49, 0x46, 0x38], "a GIF image"],
];

const SAVE_AS = "save it as CSV UTF-8 (or UTF-16 with its byte-order mark) and import it again";

function startsWith(bytes: Uint8Array, prefix: readonly number[]): boolean {
	return prefix.length <= bytes.length && prefix.every((b, i) => bytes[i] === b);
}

function lineAtByte(bytes: Uint8Array, at: number): number {
	let line = 1;
	for (let i = 0; i < at; i++) if (bytes[i] === 0x0a) line++;
	return line;
}

/** The first byte that does not belong to a UTF-8 sequence, or -1. */
function firstBadUtf8(bytes: Uint8Array): number {
	for (let i = 0; i < bytes.length; ) {
		const b = bytes[i];
		const extra = b < 0x80 ? 0 : b >= 0xc2 && b <= 0xdf ? 1 : b >= 0xe0 && b <= 0xef ? 2 : b >= 0xf0 && b <= 0xf4 ? 3 : -1;
		if (extra < 0) return i;
		for (let k = 1; k <= extra; k++) if (i + k >= bytes.length || (bytes[i + k] & 0xc0) !== 0x80) return i;
		i += extra + 1;
	}
	return -1;
}

/**
 * A lead file's bytes as text, strictly: UTF-8 (a byte-order mark dropped), or UTF-16 LE or BE
 * with its mark (Excel's "Unicode text"). Anything else is refused, named: a PDF, a spreadsheet,
 * an image, UTF-16 without its mark, Windows-1252 or another single-byte encoding, binary data.
 */
export function decodeLeadBytes(bytes: Uint8Array, name: string): DecodedLeads {
	const refuse = (what: string): DecodedLeads => ({ ok: false, message: `${name} is ${what}, not a CSV or vCard file of leads` });
	const utf16 = (encoding: "UTF-16LE" | "UTF-16BE"): DecodedLeads => {
		try {
			const text = new TextDecoder(encoding.toLowerCase(), { fatal: true }).decode(bytes.subarray(2));
			return text.includes("\u0000") ? refuse("binary data") : { ok: true, text, encoding };
		} catch {
			return { ok: false, message: `${name} starts with the byte-order mark of ${encoding} but is not ${encoding} text; ${SAVE_AS}` };
		}
	};
	if (startsWith(bytes, [0xff, 0xfe])) return utf16("UTF-16LE");
	if (startsWith(bytes, [0xfe, 0xff])) return utf16("UTF-16BE");
	for (const [signature, what] of SIGNATURES) if (startsWith(bytes, signature)) return refuse(what);
	const head = bytes.subarray(0, 4096);
	const nuls = head.filter((b) => b === 0).length;
	if (nuls > 0) {
		// Text in UTF-16 without its mark has a NUL beside nearly every ASCII letter.
		const odd = head.filter((b, i) => b === 0 && i % 2 === 1).length;
		const even = nuls - odd;
		if (head.length >= 4 && Math.max(odd, even) >= head.length / 4 && Math.min(odd, even) === 0) {
			return { ok: false, message: `${name} is UTF-16 text without its byte-order mark; ${SAVE_AS}` };
		}
		return refuse("binary data");
	}
	const bad = firstBadUtf8(bytes);
	if (bad >= 0) {
		// Lone bytes 0x80–0xFF between ASCII: a single-byte code page (Excel's plain "CSV" on Windows).
		const byte = `0x${bytes[bad].toString(16).toUpperCase().padStart(2, "0")}`;
		return { ok: false, message: `${name} is not UTF-8 text: byte ${byte} on line ${lineAtByte(bytes, bad)} is not UTF-8 (it looks like Windows-1252 or another single-byte encoding); ${SAVE_AS}` };
	}
	const text = new TextDecoder("utf-8", { ignoreBOM: false }).decode(bytes);
	return { ok: true, text, encoding: "UTF-8" };
}

/** Rows that have the header's shape: as many cells, or fewer with the last ones left off. */
function rowsFitting(file: LeadFile): number {
	const columns = Object.values(file.mapping).filter((c): c is number => c !== null);
	const needed = columns.length > 0 ? Math.max(...columns) + 1 : 1;
	return file.rows.filter((r) => r.cells.length === file.headers.length || (r.cells.length >= needed && r.cells.length < file.headers.length)).length;
}

/**
 * Checks a lead file's text: a vCard, or a CSV with a header row that has a name (or first and
 * last name) or an email column and rows of the header's shape. `name` is the file as the user
 * named it, for the message.
 */
export function checkLeadText(text: string, name: string): LeadInput {
	const file = readLeadFile(text);
	if (file.kind === "vcard") return { ok: true, file, encoding: "UTF-8" };
	if (file.headers.length === 0) return { ok: false, message: `${name} has no rows` };
	const m = file.mapping;
	if (m.name === null && m.firstName === null && m.lastName === null && m.email === null) {
		const header = file.headers.join(", ");
		return { ok: false, message: `${name}: no column is a name or an email (the header row is: ${header.length > 120 ? `${header.slice(0, 119)}…` : header})` };
	}
	const fitting = rowsFitting(file);
	if (file.rows.length > 0 && fitting * 2 < file.rows.length) {
		return {
			ok: false,
			message: `${name} is not a table of leads: ${file.rows.length - fitting} of ${file.rows.length} rows after the header (line ${file.headerLine}) do not have its ${file.headers.length} columns`,
		};
	}
	return { ok: true, file, encoding: "UTF-8" };
}

/** Both checks: the bytes are text, and the text is leads. */
export function checkLeadBytes(bytes: Uint8Array, name: string): LeadInput {
	const decoded = decodeLeadBytes(bytes, name);
	if (!decoded.ok) return decoded;
	const checked = checkLeadText(decoded.text, name);
	return checked.ok ? { ...checked, encoding: decoded.encoding } : checked;
}
