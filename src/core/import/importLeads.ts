// core/import, step 8 (docs/architecture.md): lead files (CSV, vCard) to new prospect notes.
/**
 * Import leads (README, "Import leads"): rows of a CSV or contacts of a vCard file in, the new
 * prospect notes and a report out. Pure: the CLI and the plugin write the notes (all or none).
 */
import { newProspectText, prospectFileName } from "../write/newProspect";
import { startSequence } from "../write/startSequence";
import type { IsoDay } from "../text/dates";
import { insertUnderHeading, plainIsNotText, setFrontmatterKeys, type FrontmatterValue } from "../text/edits";
import { normalizeKey, readFrontmatter } from "../text/frontmatter";
import { parseCsv, parseVcards, type CsvTable, type LineProblem } from "./leadParsers";
import type { ProspectNote } from "../read/note";
import type { Sequence, TouchbaseSettings } from "../settings/settings";

export const LEAD_FIELDS = ["name", "firstName", "lastName", "company", "email", "phone", "title", "notes", "source", "owner"] as const;
export type LeadField = (typeof LEAD_FIELDS)[number];

/** Which column (0-based) each field is read from; null: none. */
export type LeadMapping = Record<LeadField, number | null>;

export const LEAD_FIELD_LABELS: Record<LeadField, string> = {
	name: "Name",
	firstName: "First name",
	lastName: "Last name",
	company: "Company",
	email: "Email",
	phone: "Phone",
	title: "Job title",
	notes: "Notes",
	source: "Source",
	owner: "Owner",
};

/** Header names (normalized: lower case, letters and digits only) for each field, best first. */
const HEADER_NAMES: Record<LeadField, readonly string[]> = {
	name: ["name", "fullname", "contactname", "contact", "displayname", "attendeename", "attendee", "leadname", "person", "visitor", "visitorname"],
	firstName: ["firstname", "first", "givenname", "forename", "fname"],
	lastName: ["lastname", "last", "surname", "familyname", "lname"],
	company: ["company", "companyname", "organization", "organisation", "org", "organization1name", "employer", "account", "accountname", "business", "firm"],
	email: ["email", "emailaddress", "mail", "workemail", "businessemail", "primaryemail", "email1", "email1value", "emailaddress1"],
	phone: ["phone", "phonenumber", "mobile", "mobilephone", "mobilenumber", "cell", "cellphone", "telephone", "tel", "workphone", "businessphone", "directphone", "phone1value"],
	title: ["title", "jobtitle", "position", "role", "designation", "organization1title"],
	notes: ["notes", "note", "comments", "comment", "remarks", "description", "memo"],
	source: ["source", "leadsource", "event", "campaign"],
	owner: ["owner", "assignedto", "leadowner", "accountowner", "salesrep", "rep"],
};

/** Words a header may contain when it matches no name above (`Email Address (work)`). */
const HEADER_WORDS: Partial<Record<LeadField, RegExp>> = {
	email: /e?mail/,
	phone: /phone|mobile|cell/,
	company: /company|organi[sz]ation/,
	title: /jobtitle|position/,
};

const headerKey = (header: string): string => normalizeKey(header.replace(/^\uFEFF/, ""));

/** The columns each field is read from, by header name. A column serves one field at most. */
export function guessMapping(headers: readonly string[]): LeadMapping {
	const keys = headers.map(headerKey);
	const mapping = Object.fromEntries(LEAD_FIELDS.map((f) => [f, null])) as LeadMapping;
	const used = new Set<number>();
	for (const field of LEAD_FIELDS) {
		for (const name of HEADER_NAMES[field]) {
			const i = keys.findIndex((k, j) => k === name && !used.has(j));
			if (i >= 0) {
				mapping[field] = i;
				used.add(i);
				break;
			}
		}
	}
	for (const field of LEAD_FIELDS) {
		const words = HEADER_WORDS[field];
		if (mapping[field] !== null || !words) continue;
		const i = keys.findIndex((k, j) => !used.has(j) && words.test(k));
		if (i >= 0) {
			mapping[field] = i;
			used.add(i);
		}
	}
	return mapping;
}

function matchedFields(mapping: LeadMapping): number {
	return LEAD_FIELDS.filter((f) => mapping[f] !== null).length;
}

/** One lead, whatever file it came from. */
export interface Lead {
	/** 1-based line of the file it starts on. */
	line: number;
	name: string;
	company: string;
	email: string;
	phone: string;
	title: string;
	notes: string;
	source: string;
	owner: string;
}

/** What a lead file holds, before the notes are planned: the leads, the table (CSV), the problems. */
export interface LeadFile {
	kind: "csv" | "vcard";
	/** CSV: the header row, and where it is. */
	headers: string[];
	headerLine: number | null;
	/** CSV: the rows after the header. */
	rows: { line: number; cells: string[] }[];
	mapping: LeadMapping;
	/** Problems of the file itself (a broken vCard, a quote never closed). */
	problems: LineProblem[];
	/** vCard: the contacts, already leads. */
	contacts: Lead[];
}

/**
 * Reads a lead file's text: vCards when it starts with BEGIN:VCARD, else a CSV whose header is
 * the first of its first ten records that names two known columns (a LinkedIn export has a few
 * lines of notes above it), else the first record.
 */
export function readLeadFile(text: string): LeadFile {
	const empty = Object.fromEntries(LEAD_FIELDS.map((f) => [f, null])) as LeadMapping;
	if (/^\s*BEGIN:VCARD\b/i.test(text.replace(/^\uFEFF/, ""))) {
		const { contacts, problems } = parseVcards(text);
		const leads = contacts.map((c) => ({
			line: c.line,
			name: c.name || [c.firstName, c.lastName].filter((p) => p !== "").join(" "),
			company: c.company,
			email: c.email,
			phone: c.phone,
			title: c.title,
			notes: c.notes,
			source: "",
			owner: "",
		}));
		return { kind: "vcard", headers: [], headerLine: null, rows: [], mapping: empty, problems, contacts: leads };
	}
	const table: CsvTable = parseCsv(text);
	let header = 0;
	for (let i = 0; i < Math.min(10, table.records.length); i++) {
		if (matchedFields(guessMapping(table.records[i].cells)) >= 2) {
			header = i;
			break;
		}
	}
	const headerRecord = table.records[header];
	if (!headerRecord) return { kind: "csv", headers: [], headerLine: null, rows: [], mapping: empty, problems: table.problems, contacts: [] };
	const headers = headerRecord.cells.map((h) => h.replace(/^\uFEFF/, "").trim());
	return {
		kind: "csv",
		headers,
		headerLine: headerRecord.line,
		rows: table.records.slice(header + 1),
		mapping: guessMapping(headers),
		problems: table.problems,
		contacts: [],
	};
}

/** The leads of a file, with the mapping given (the file's own guess by default). */
export function leadsOf(file: LeadFile, mapping: LeadMapping = file.mapping): Lead[] {
	if (file.kind === "vcard") return file.contacts;
	const cell = (cells: string[], field: LeadField): string => {
		const i = mapping[field];
		return i === null || i >= cells.length ? "" : cells[i].replace(/\s+/g, (space) => (space.includes("\n") ? space : " ")).trim();
	};
	return file.rows.map(({ line, cells }) => {
		const first = cell(cells, "firstName");
		const last = cell(cells, "lastName");
		return {
			line,
			name: cell(cells, "name").replace(/\s+/g, " ") || [first, last].filter((p) => p !== "").join(" "),
			company: cell(cells, "company").replace(/\s+/g, " "),
			email: cell(cells, "email").replace(/^mailto:/i, ""),
			phone: cell(cells, "phone").replace(/\s+/g, " "),
			title: cell(cells, "title").replace(/\s+/g, " "),
			notes: cell(cells, "notes"),
			source: cell(cells, "source").replace(/\s+/g, " "),
			owner: cell(cells, "owner").replace(/\s+/g, " "),
		};
	});
}

export interface ImportOptions {
	today: IsoDay;
	/** The sequence started on each new note (on `today`), or null. */
	sequence: Sequence | null;
	/** Written as `source` on every note; a lead's own source column wins over it. */
	source: string | null;
	/** Written as `owner` on every note that has none from its row. */
	owner: string | null;
}

/** A note to create: its vault path and whole text. */
export interface PlannedNote {
	path: string;
	text: string;
	lead: Lead;
}

export interface ImportPlan {
	notes: PlannedNote[];
	/** Leads that are already prospects of the vault: never overwritten. */
	existing: { line: number; name: string; path: string; by: "email" | "name and company" }[];
	/** Rows left out, with why: no name or email, bad encoding, a duplicate of an earlier row, … */
	skipped: LineProblem[];
	/** Problems that leave the lead in (an email address that is not one: left out of the note). */
	warnings: LineProblem[];
}

const EMAIL = /^[^\s@<>()[\],;:"]+@[^\s@<>()[\],;:"]+\.[^\s@<>()[\],;:"]+$/;

const fold = (s: string): string => s.normalize("NFKC").replace(/\s+/g, " ").trim().toLowerCase();
const nameKey = (name: string, company: string): string => `${fold(name)}\n${fold(company)}`;

/**
 * Plans an import: one new prospect note per lead, from the new-prospect template, with its
 * contact keys, `source` and `created` set, its notes under a Notes heading and the sequence
 * started. A lead matching a prospect of the vault (the same email, or the same name and
 * company) is listed as already there; a lead matching an earlier row, one with neither name
 * nor email, or one holding bytes that were not text, is skipped with its line. `taken` tells
 * whether a vault path is in use (any file, prospect or not).
 */
export function planImport(
	leads: readonly Lead[],
	prospects: readonly ProspectNote[],
	taken: (path: string) => boolean,
	settings: TouchbaseSettings,
	options: ImportOptions,
): ImportPlan {
	const plan: ImportPlan = { notes: [], existing: [], skipped: [], warnings: [] };
	const byEmail = new Map<string, ProspectNote>();
	const byName = new Map<string, ProspectNote>();
	for (const p of prospects) {
		if (p.email) byEmail.set(fold(p.email), p);
		for (const name of new Set([p.name, p.contact ?? ""].filter((n) => n !== ""))) byName.set(nameKey(name, p.company ?? ""), p);
	}
	const seenEmail = new Map<string, number>();
	const seenName = new Map<string, number>();
	const paths = new Set<string>();
	const folder = settings.prospectFolders[0] ?? "";
	for (const lead of leads) {
		const all = [lead.name, lead.company, lead.email, lead.phone, lead.title, lead.notes, lead.source, lead.owner].join("");
		if (all.includes("\uFFFD")) {
			plan.skipped.push({ line: lead.line, message: "bad encoding: bytes that are not UTF-8 text (save the file as UTF-8 and import it again)" });
			continue;
		}
		let email = lead.email;
		if (email !== "" && !EMAIL.test(email)) {
			plan.warnings.push({ line: lead.line, message: `"${email}" is not an email address: left out` });
			email = "";
		}
		if (lead.name === "" && email === "") {
			plan.skipped.push({ line: lead.line, message: "no name and no email" });
			continue;
		}
		const name = lead.name !== "" ? lead.name : email;
		const emailKey = email === "" ? null : fold(email);
		const key = nameKey(name, lead.company);
		const earlier = (emailKey !== null ? seenEmail.get(emailKey) : undefined) ?? seenName.get(key);
		if (earlier !== undefined) {
			// The same person: a later row with this one's email is a duplicate too.
			if (emailKey !== null && !seenEmail.has(emailKey)) seenEmail.set(emailKey, earlier);
			plan.skipped.push({ line: lead.line, message: `a duplicate of line ${earlier}` });
			continue;
		}
		if (emailKey !== null) seenEmail.set(emailKey, lead.line);
		seenName.set(key, lead.line);
		const byMail = emailKey !== null ? byEmail.get(emailKey) : undefined;
		const match = byMail ?? byName.get(key);
		if (match) {
			plan.existing.push({ line: lead.line, name, path: match.path, by: byMail ? "email" : "name and company" });
			continue;
		}
		const path = freePath(folder, name, lead.company, (p) => taken(p) || paths.has(p.toLowerCase()));
		if (path === null) {
			plan.skipped.push({ line: lead.line, message: `"${name}" has no characters a file name can use` });
			continue;
		}
		const note = noteText({ ...lead, name, email }, path, settings, options);
		if ("error" in note) {
			plan.skipped.push({ line: lead.line, message: note.error });
			continue;
		}
		paths.add(path.toLowerCase());
		plan.notes.push({ path, text: note.text, lead: { ...lead, name, email } });
	}
	return plan;
}

/** `Folder/Jane Doe.md`, else `Folder/Jane Doe (Acme).md`, else `… 2.md` and on. */
function freePath(folder: string, name: string, company: string, taken: (path: string) => boolean): string | null {
	const base = prospectFileName(name);
	if (base === "") return null;
	const at = (file: string): string => (folder ? `${folder}/${file}.md` : `${file}.md`);
	const withCompany = company !== "" ? prospectFileName(`${base} (${company})`) : base;
	for (const candidate of [base, withCompany]) if (!taken(at(candidate))) return at(candidate);
	for (let n = 2; ; n++) if (!taken(at(`${withCompany} ${n}`))) return at(`${withCompany} ${n}`);
}

function noteText(lead: Lead, path: string, settings: TouchbaseSettings, options: ImportOptions): { text: string } | { error: string } {
	const k = settings.keys;
	let text = newProspectText({ name: lead.name, company: lead.company, contact: lead.name }, settings, options.today);
	const source = lead.source || options.source || "";
	const owner = lead.owner || options.owner || "";
	const keys: [string, FrontmatterValue][] = [[k.created, options.today]];
	// Every value from the file stays the string it was (a phone 0049…, a zip code, `yes`, a date
	// you did not mean): `{ text }` is quoted wherever a YAML reader would take it for another type.
	for (const [key, value] of [
		[k.email, lead.email],
		[k.phone, lead.phone],
		[k.role, lead.title],
		[k.source, source],
		[k.owner, owner],
	] as const) {
		if (value !== "") keys.push([key, { text: value }]);
	}
	// The template wrote the company and the contact as they came: where a YAML reader would not
	// read them back as that text, write them again, quoted.
	const template = readFrontmatter(text);
	const asText = new Map([
		[normalizeKey(k.company), lead.company.trim()],
		[normalizeKey(k.contact), lead.name.trim()],
	]);
	for (const [key, read] of Object.entries(template.ok ? template.data : {})) {
		const value = asText.get(normalizeKey(key));
		if (value !== undefined && value !== "" && (read !== value || plainIsNotText(value))) keys.push([key, { text: value }]);
	}
	const withKeys = setFrontmatterKeys(text, keys);
	if (!withKeys.ok) return { error: `the new-prospect template cannot be filled in: ${withKeys.error}` };
	text = withKeys.text;
	if (lead.notes.trim() !== "") text = insertUnderHeading(text, "## Notes", lead.notes.trim().split(/\r\n|\r|\n/));
	if (options.sequence) {
		const started = startSequence(text, path, options.sequence, options.today, settings, options.today);
		if (!started.ok) return { error: `the sequence could not be started: ${started.error}` };
		text = started.text;
	}
	return { text };
}

/** The report of a plan, as lines of text (the CLI prints it; the plugin shows it). */
export function describePlan(plan: ImportPlan, problems: readonly LineProblem[], dryRun: boolean): string[] {
	const out: string[] = [];
	const n = plan.notes.length;
	out.push(dryRun ? `Would create ${n} prospect ${n === 1 ? "note" : "notes"} (dry run: nothing written).` : `Created ${n} prospect ${n === 1 ? "note" : "notes"}.`);
	for (const note of plan.notes) out.push(`  + ${note.path}`);
	if (plan.existing.length > 0) {
		out.push(`Already in the vault (${plan.existing.length}, not changed):`);
		for (const e of plan.existing) out.push(`  line ${e.line}: ${e.name} → ${e.path} (same ${e.by})`);
	}
	const skipped = [...problems, ...plan.skipped].sort((a, b) => a.line - b.line);
	if (skipped.length > 0) {
		out.push(`Skipped (${skipped.length}):`);
		for (const s of skipped) out.push(`  line ${s.line}: ${s.message}`);
	}
	if (plan.warnings.length > 0) {
		out.push("Warnings:");
		for (const w of plan.warnings) out.push(`  line ${w.line}: ${w.message}`);
	}
	return out;
}
