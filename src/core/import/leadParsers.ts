/**
 * Reading lead files (README, "Import leads"): CSV through papaparse, vCard 3 and 4 through
 * ical.js. Both are plain JavaScript with no Node built-ins, loaded the first time a file is
 * read (as `yaml.ts` loads gray-matter): the plugin's start does not pay for them.
 */
import type * as PapaTypes from "papaparse";

interface IcalModule {
	parse(text: string): unknown;
}

let papa: typeof PapaTypes | null = null;
let ical: IcalModule | null = null;

function papaparse(): typeof PapaTypes {
	/* eslint-disable-next-line no-undef, @typescript-eslint/no-require-imports -- the bundle's own require, run on first use */
	papa ??= require("papaparse") as typeof PapaTypes;
	return papa;
}

function icalJs(): IcalModule {
	if (ical === null) {
		/* eslint-disable-next-line no-undef, @typescript-eslint/no-require-imports -- the bundle's own require, run on first use */
		const loaded = require("ical.js") as IcalModule | { default: IcalModule };
		ical = "default" in loaded ? loaded.default : loaded;
	}
	return ical;
}

/** A problem with one line of the file: 1-based line, and what is wrong. */
export interface LineProblem {
	line: number;
	message: string;
}

/** A CSV's records, each with the line it starts on. */
export interface CsvTable {
	records: { line: number; cells: string[] }[];
	problems: LineProblem[];
	/** The separator found: `,`, `;`, tab or `|`. */
	delimiter: string;
}

/**
 * A lead file's bytes as text: UTF-8 (a byte-order mark dropped) or UTF-16 with its mark. Bytes
 * that are not UTF-8 become U+FFFD, so the lines that hold them can be reported.
 */
export function decodeLeadFile(bytes: Uint8Array): string {
	if (bytes.length >= 2 && bytes[0] === 0xff && bytes[1] === 0xfe) return new TextDecoder("utf-16le").decode(bytes.subarray(2));
	if (bytes.length >= 2 && bytes[0] === 0xfe && bytes[1] === 0xff) return new TextDecoder("utf-16be").decode(bytes.subarray(2));
	return new TextDecoder("utf-8", { ignoreBOM: false }).decode(bytes);
}

/** Whether a text is vCards rather than a table. */
export function looksLikeVcard(text: string): boolean {
	return /^\s*BEGIN:VCARD\b/i.test(text.replace(/^\uFEFF/, ""));
}

function lineStarts(text: string): number[] {
	const starts = [0];
	for (let i = text.indexOf("\n"); i >= 0; i = text.indexOf("\n", i + 1)) starts.push(i + 1);
	return starts;
}

/** The 1-based line holding offset `at`. */
function lineOf(starts: readonly number[], at: number): number {
	let lo = 0;
	let hi = starts.length - 1;
	while (lo < hi) {
		const mid = (lo + hi + 1) >>> 1;
		if (starts[mid] <= at) lo = mid;
		else hi = mid - 1;
	}
	return lo + 1;
}

/**
 * Reads a CSV: the separator guessed (comma, semicolon, tab or bar), quoted fields with
 * separators, quotes and line breaks in them, CRLF or LF, a byte-order mark. Blank lines are
 * skipped; each record keeps the line it starts on.
 */
export function parseCsv(text: string): CsvTable {
	const body = text.replace(/^\uFEFF/, "");
	const starts = lineStarts(body);
	const records: CsvTable["records"] = [];
	const problems: LineProblem[] = [];
	let cursor = 0;
	// Guessed on the first records without the blank lines (papaparse counts a blank line as a
	// record of one field, which spoils its guess), then the whole text read with it.
	const guessed = papaparse().parse<string[]>(body, { delimiter: "", delimitersToGuess: [",", ";", "\t", "|"], skipEmptyLines: "greedy", preview: 20 });
	let delimiter = guessed.meta.delimiter || ",";
	papaparse().parse<string[]>(body, {
		delimiter,
		skipEmptyLines: false,
		step: (result) => {
			const from = cursor;
			cursor = result.meta.cursor;
			delimiter = result.meta.delimiter;
			const cells = result.data;
			// The record starts after any line breaks papaparse left before it.
			let start = from;
			while (start < body.length && (body[start] === "\r" || body[start] === "\n")) start++;
			const line = lineOf(starts, Math.min(start, Math.max(0, body.length - 1)));
			for (const error of result.errors) {
				// A quote left open swallows the rest of the file: say where it began.
				if (error.code === "MissingQuotes") problems.push({ line, message: "a quoted field is never closed: the rest of the file is read as one field" });
				else if (error.code === "InvalidQuotes") problems.push({ line, message: "a quote inside a field that does not start with one" });
			}
			if (cells.length === 0 || cells.every((c) => c.trim() === "")) return;
			records.push({ line, cells });
		},
	});
	return { records, problems, delimiter };
}

/** One contact of a vCard file, as the lead fields read it. */
export interface VcardContact {
	line: number;
	name: string;
	firstName: string;
	lastName: string;
	company: string;
	email: string;
	phone: string;
	title: string;
	notes: string;
}

type JProperty = [string, Record<string, unknown>, string, ...unknown[]];

function typesOf(params: Record<string, unknown>): string[] {
	const raw = params.type;
	const list = Array.isArray(raw) ? raw : raw === undefined ? [] : [raw];
	return list.flatMap((t) => String(t).split(",")).map((t) => t.trim().toLowerCase());
}

function isPreferred(params: Record<string, unknown>): boolean {
	return typesOf(params).includes("pref") || params.pref !== undefined;
}

function textOf(value: unknown): string {
	if (Array.isArray(value)) return value.map(textOf).filter((v) => v !== "").join(" ");
	return typeof value === "string" || typeof value === "number" ? String(value).trim() : "";
}

/** The preferred value of a property (`PREF`), else the first. */
function pick(props: JProperty[], name: string, prefer: (params: Record<string, unknown>) => boolean = isPreferred): string {
	const all = props.filter((p) => p[0] === name);
	const chosen = all.find((p) => prefer(p[1])) ?? all[0];
	return chosen ? textOf(chosen.slice(3)).replace(/^mailto:/i, "").replace(/^tel:/i, "") : "";
}

/**
 * Reads vCards (3.0 and 4.0). Each card is parsed on its own, so a broken card is reported with
 * its line and the others still count.
 */
export function parseVcards(text: string): { contacts: VcardContact[]; problems: LineProblem[] } {
	const lines = text.replace(/^\uFEFF/, "").split(/\r\n|\r|\n/);
	const contacts: VcardContact[] = [];
	const problems: LineProblem[] = [];
	let begin = -1;
	for (let i = 0; i < lines.length; i++) {
		const line = lines[i].trim().toUpperCase();
		if (line === "BEGIN:VCARD") {
			if (begin >= 0) problems.push({ line: begin + 1, message: "a vCard without END:VCARD" });
			begin = i;
		} else if (line === "END:VCARD" && begin >= 0) {
			const card = lines.slice(begin, i + 1).join("\r\n");
			const read = readCard(card, begin + 1);
			if ("message" in read) problems.push(read);
			else contacts.push(read);
			begin = -1;
		}
	}
	if (begin >= 0) problems.push({ line: begin + 1, message: "a vCard without END:VCARD" });
	return { contacts, problems };
}

function readCard(card: string, line: number): VcardContact | LineProblem {
	let parsed: unknown;
	try {
		parsed = icalJs().parse(`${card}\r\n`);
	} catch (error) {
		return { line, message: `this vCard cannot be read: ${(error as Error).message}` };
	}
	// One component: ["vcard", properties, components]; several: a list of them.
	const component = (Array.isArray(parsed) && typeof parsed[0] === "string" ? parsed : (parsed as unknown[])[0]) as [string, JProperty[]] | undefined;
	if (!component || component[0] !== "vcard") return { line, message: "not a vCard" };
	const props = component[1];
	const n = props.find((p) => p[0] === "n")?.[3];
	const parts = Array.isArray(n) ? n.map(textOf) : typeof n === "string" ? n.split(";") : [];
	const org = props.find((p) => p[0] === "org")?.[3];
	const company = Array.isArray(org) ? textOf(org[0]) : textOf(org).split(";")[0];
	return {
		line,
		name: pick(props, "fn"),
		lastName: parts[0] ?? "",
		firstName: parts[1] ?? "",
		company,
		email: pick(props, "email"),
		phone: pick(props, "tel", (params) => isPreferred(params) || typesOf(params).includes("cell")),
		title: pick(props, "title"),
		notes: props.filter((p) => p[0] === "note").map((p) => textOf(p.slice(3))).join("\n"),
	};
}
