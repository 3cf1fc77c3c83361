// core/read, step 3 (docs/architecture.md): the note model. Is it a prospect, its fields, its touches in every form.
import { parseCadence, type Cadence } from "../text/cadence";
import { parseClauses, type Outcome } from "../text/clauses";
import type { ClockTime, IsoDay } from "../text/dates";
import { describeValue, detach, Fields, normalizeKey, readDateValue, readFrontmatter, readTags, readText, type GivenFrontmatter } from "../text/frontmatter";
import { readInteraction, type Interaction } from "./interactions";
import { memo } from "../text/memo";
import { noteName } from "../text/noteName";
import { EMAIL_KEYS, OWNER_KEYS, PHONE_KEYS, readOwners } from "./owner";
import { readForms, type BodyLine, type FormFinding, type TouchForm, type UnusedDate } from "./forms";
import { parseNextStep, type NextStep } from "../text/nextClause";
import type { TouchbaseSettings } from "../settings/settings";
import { BlockScanner, findFrontmatter, isListItem, splitLines, type FrontmatterBlock } from "../text/scan";
import { checkState, deserializeTouch, type CheckState, type TouchLine } from "../text/touchLine";
import { lettersAndDigitsOf } from "../text/unicode";

export interface Problem {
	path: string;
	/** 1-based line in the note, or null when the problem is the whole note. */
	line: number | null;
	message: string;
}

export type Status = "lead" | "active" | "paused" | "won" | "lost";

export interface Touch {
	/** 1-based line in the note. */
	line: number;
	/** The line as written, without its line ending. */
	raw: string;
	check: CheckState;
	date: IsoDay;
	time: ClockTime | null;
	channel: string | null;
	summary: string;
	outcome: Outcome | null;
	objective: string | null;
	next: NextStep | null;
	/** The form it was read from; a touch line when absent. */
	from?: TouchForm;
	/** The note it was read from, when another (an interaction note): then `line` is 0. */
	source?: string;
	parsed: TouchLine;
}

export interface DatedValue {
	date: IsoDay;
	time: ClockTime | null;
	/** 1-based line it was read from. */
	line: number | null;
	/** The form it was read from, when not a frontmatter key or a Dataview field. */
	from?: TouchForm;
}

export interface ProspectNote {
	path: string;
	name: string;
	status: Status;
	pausedUntil: IsoDay | null;
	company: string | null;
	contact: string | null;
	/** Preferred channel for touches. */
	channel: string | null;
	created: IsoDay | null;
	value: number | null;
	/** Who the prospect belongs to in a shared vault, as written (a name or a wikilink); empty: nobody. */
	owners: string[];
	email: string | null;
	phone: string | null;
	/** The note's own cadence, or null to use the default. */
	cadence: Cadence | null;
	/** `next_follow_up` from frontmatter and Dataview inline fields. */
	nextFollowUp: DatedValue[];
	/** The latest `last_touch`-like frontmatter date. */
	lastContact: DatedValue | null;
	touches: Touch[];
	/** Raw frontmatter, for templates (`{{fm.KEY}}`). */
	frontmatter: Record<string, unknown>;
	problems: Problem[];
	/** Dated lines read and not used, with why (`touchbase explain`). */
	unused?: UnusedDate[];
}

export interface NoteRead {
	/** The prospect, or null when the note is not one (or could not be read). */
	prospect: ProspectNote | null;
	/** Problems of a note that is (or looks like) a prospect. Other notes never report any. */
	problems: Problem[];
	/** The call or meeting a note that is no prospect records with prospects it links to. */
	interaction?: Interaction;
}

/**
 * Bumped whenever reading a note can give another answer for the same text and settings: a
 * read kept from an older version (the persisted index) is then read again.
 */
export const PARSER_VERSION = 4;

const STATUSES: readonly Status[] = ["lead", "active", "paused", "won", "lost"];


/** File names that say nothing of who the prospect is. */
const GENERIC_NAME = /^(?:prospect|readme|index|profile|contact|untitled(?: \d+)?|note|person|client|lead)$/i;

/**
 * How a prospect is shown: its file name, unless that is generic (`PROSPECT`, `README`,
 * `index`): then its `name`, `company` or `title` key, its first heading, or its folder's name.
 */
function displayName(path: string, fields: Fields, firstHeading: string | null, settings: TouchbaseSettings): string {
	const own = noteName(path);
	if (!GENERIC_NAME.test(own.trim())) return own;
	for (const key of ["name", settings.keys.company, "title"]) {
		const value = linkText(readText(fields.find([key])?.value));
		if (value !== null && !GENERIC_NAME.test(value)) return value;
	}
	const heading = linkText(firstHeading?.replace(/\*\*|__/g, "").trim() || null);
	if (heading !== null && !GENERIC_NAME.test(heading)) return heading;
	const folder = path.split("/").slice(-2, -1)[0];
	return folder && !settings.prospectFolders.includes(path.slice(0, path.lastIndexOf("/"))) ? folder : own;
}

/** `[[Acme Inc]]`, `[[Clients/Acme Inc|Acme]]` → the text a reader sees; other text as it is. */
export function linkText(value: string | null): string | null {
	if (value === null) return null;
	const m = /^\[\[([^\]|]+)(?:\|([^\]]+))?\]\]$/.exec(value.trim());
	if (!m) return value;
	return (m[2] ?? m[1].slice(m[1].lastIndexOf("/") + 1).replace(/#.*$/, "")).trim() || value;
}

export function inProspectFolder(path: string, settings: TouchbaseSettings): boolean {
	return settings.prospectFolders.some((folder) => path.startsWith(`${folder}/`));
}

/** Quick check for an inline `#prospect` (or `#prospect/sub`) tag; built once per tag. */
const inlineTagPattern = memo(16, (tag: string): RegExp => {
	const escaped = tag.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
	return new RegExp(`(?:^|\\s)#${escaped}(?=$|[\\s,.;:!?)/\\]])`, "i");
});

/** A word a text search can look for: what YAML cannot write any other way than as itself. */
const PLAIN_WORD = /^[a-z0-9_/-]+$/;

/**
 * Finds a plain word in any case, where the rules could see it: with Unicode case folding, so
 * the Kelvin sign (which lower-cases to k) counts as a k, as `toLowerCase` makes it. A plain
 * word (and `#`) needs no escaping.
 */
const wordPattern = memo(16, (word: string): RegExp => new RegExp(word, "iu"));

/**
 * What the text of a note outside the prospect folders allows, cheaply: whether it can be a
 * prospect (or a broken one) at all, and whether it can hold the inline tag. By every rule but
 * the folder, a prospect names the tag or the type value, so a note whose text holds neither is
 * not one: this spares most notes of a vault their full read. The answer is "maybe" whenever the
 * value could be written otherwise (a YAML escape in the frontmatter, or a value with spaces,
 * quotes or letters beyond ASCII), so it never changes what `readNote` returns.
 */
function screen(text: string, settings: TouchbaseSettings): { maybe: boolean; tag: boolean } {
	const tag = settings.prospectTag.toLowerCase();
	const type = settings.typeKey !== "" ? settings.typeValue.toLowerCase() : "";
	if (tag === "" && type === "") return { maybe: false, tag: false };
	if ((tag !== "" && !PLAIN_WORD.test(tag)) || (type !== "" && !PLAIN_WORD.test(type))) return { maybe: true, tag: tag !== "" };
	// The tag's word is in `#tag` too: one search rejects most notes.
	const hasTag = tag !== "" && wordPattern(tag).test(text);
	if (hasTag || (type !== "" && type !== tag && wordPattern(type).test(text))) return { maybe: true, tag: hasTag && wordPattern(`#${tag}`).test(text) };
	const block = findFrontmatter(text);
	if (block === null) return { maybe: false, tag: false };
	// An interaction note names people in its frontmatter (`attendees:`, `contact:`).
	const people = settings.readForms.interactions && peopleKeyPattern(settings.peopleKeys.join("\n")).test(text.slice(0, block.end));
	return { maybe: people || text.lastIndexOf("\\", block.end) >= 0, tag: false };
}

/** A people key at the start of a frontmatter line, in any spelling the loose key rules allow. */
const peopleKeyPattern = memo(4, (keys: string): RegExp => {
	const names = keys.split("\n").map((k) => lettersAndDigitsOf(k).split("").join("[\\s_-]?"));
	return new RegExp(`^["']?(?:${names.join("|")})["']?[ \\t]*:`, "imu");
});

/**
 * Reads a note; returns the prospect it describes, or null with no problem for other notes.
 * `frontmatter`: the note's frontmatter as Obsidian's metadata cache holds it, parsed again only
 * where it cannot be taken as it is (text/frontmatter.ts).
 */
export function readNote(path: string, text: string, settings: TouchbaseSettings, frontmatter?: GivenFrontmatter | null): NoteRead {
	const inFolder = inProspectFolder(path, settings);
	// A note in a prospect folder is one whatever its tags: its inline tag is never looked for.
	let tagPossible = false;
	if (!inFolder) {
		const screened = screen(text, settings);
		if (!screened.maybe) return { prospect: null, problems: [] };
		tagPossible = screened.tag;
	}
	if (isTemplate(path, text, settings)) return { prospect: null, problems: [] };
	const fm = readFrontmatter(text, frontmatter);
	// Line 1's text never includes a byte-order mark, as in the text edits.
	const lines = splitLines(text);
	const tagPattern = tagPossible ? inlineTagPattern(settings.prospectTag) : null;
	const body = scanBody(lines, fm.block, settings, tagPattern);
	const inlineTagged = body.inlineTagged;

	if (!fm.ok) {
		const rawYaml = text.slice(0, fm.block.end);
		const mentions =
			(settings.prospectTag !== "" && rawYaml.toLowerCase().includes(settings.prospectTag.toLowerCase())) ||
			(settings.typeKey !== "" && rawYaml.toLowerCase().includes(settings.typeValue.toLowerCase()));
		if (inProspectFolder(path, settings) || inlineTagged || mentions) {
			return { prospect: null, problems: [{ path, line: fm.line, message: fm.message }] };
		}
		return { prospect: null, problems: [] };
	}

	const fields = new Fields(fm.data);
	if (!isProspect(path, fields, inlineTagged, settings)) {
		const interaction = readInteraction(path, fm.data, settings);
		return interaction ? { prospect: null, problems: [], interaction } : { prospect: null, problems: [] };
	}

	const problems: Problem[] = [];
	const report = (line: number | null, message: string): void => {
		problems.push({ path, line, message });
	};
	const keyLine = (key: string): number | null => findKeyLine(lines, fm.block, key);
	const own = readProspectFields(fields, body.inlineNext, keyLine, settings, report);
	const touches = readTouches(body.touchLines, settings, report);
	const unused = addFormFindings(body, own.created, touches, own.nextFollowUp, settings, report);
	const prospect: ProspectNote = {
		path,
		name: displayName(path, fields, body.firstHeading, settings),
		...own,
		touches,
		frontmatter: fm.data,
		problems,
		unused,
	};
	// In the order of the note's lines (a key's problem before the body's); sort is stable.
	problems.sort((a, b) => (a.line ?? 0) - (b.line ?? 0));
	return { prospect, problems };
}

type Report = (line: number | null, message: string) => void;
type ProspectFields = Omit<ProspectNote, "path" | "name" | "touches" | "frontmatter" | "problems">;

/** The prospect's fields: from frontmatter keys, loosely named, and the body's Dataview `next` fields. */
function readProspectFields(
	fields: Fields,
	inlineNext: BodyScan["inlineNext"],
	keyLine: (key: string) => number | null,
	settings: TouchbaseSettings,
	report: Report,
): ProspectFields {
	const k = settings.keys;
	const text1 = (name: string): string | null => readText(fields.find([name])?.value);
	const dateOf = (names: readonly string[], label: string): DatedValue[] => {
		const out: DatedValue[] = [];
		for (const hit of fields.findAll(names)) {
			const v = readDateValue(hit.value);
			if (v.kind === "date") out.push({ date: v.date, time: v.time, line: keyLine(hit.key) });
			else if (v.kind === "invalid") report(keyLine(hit.key), `${hit.key}: "${v.text}" is not a ${label}`);
		}
		return out;
	};

	let status: Status = "active";
	const statusHit = fields.find([k.status]);
	const statusText = readText(statusHit?.value)?.toLowerCase() ?? null;
	if (statusText !== null) {
		if ((STATUSES as readonly string[]).includes(statusText)) status = statusText as Status;
		else report(keyLine(statusHit!.key), `unknown status "${statusText}": treated as active`);
	}

	let cadence: Cadence | null = null;
	const cadenceHit = fields.find([k.cadence, ...settings.synonyms.cadence]);
	const cadenceText = readText(cadenceHit?.value);
	if (cadenceText !== null) {
		const parsed = parseCadence(cadenceText);
		if ("error" in parsed) report(keyLine(cadenceHit!.key), `${parsed.error}: the default cadence is used`);
		else cadence = parsed;
	}

	let value: number | null = null;
	const valueHit = fields.find([k.value]);
	if (valueHit && valueHit.value !== null && valueHit.value !== "") {
		value = readAmount(valueHit.value);
		if (value === null) report(keyLine(valueHit.key), `${valueHit.key}: "${describeValue(valueHit.value)}" is not a number`);
	}

	const nextFollowUp = dateOf([k.nextFollowUp, ...settings.synonyms.nextFollowUp], "date");
	// `next_action` is often a sentence; only a date there is a next follow-up.
	for (const hit of fields.findAll(settings.synonyms.nextAction)) {
		const v = readDateValue(hit.value);
		if (v.kind === "date") nextFollowUp.push({ date: v.date, time: v.time, line: keyLine(hit.key) });
	}
	for (const inline of inlineNext) {
		const v = readDateValue(inline.value);
		if (v.kind === "date") nextFollowUp.push({ date: v.date, time: v.time, line: inline.line });
		else if (v.kind === "invalid") report(inline.line, `${inline.key}:: "${v.text}" is not a date`);
	}
	const lastContacts = dateOf([k.lastTouch, ...settings.synonyms.lastTouch], "date");
	const lastContact = lastContacts.reduce<DatedValue | null>((a, b) => (a === null || b.date > a.date ? b : a), null);
	const created = dateOf([k.created], "date")[0]?.date ?? null;
	const pausedUntil = dateOf([k.pausedUntil], "date")[0]?.date ?? null;

	return {
		status,
		pausedUntil,
		company: linkText(text1(k.company)),
		contact: text1(k.contact),
		channel: text1(k.channel)?.toLowerCase() ?? null,
		created,
		value,
		owners: readOwners(fields.find([k.owner, ...OWNER_KEYS])?.value),
		email: readText(fields.find([k.email, ...EMAIL_KEYS])?.value),
		phone: readText(fields.find([k.phone, ...PHONE_KEYS])?.value),
		cadence,
		nextFollowUp,
		lastContact,
	};
}

/** The touches: list items the touch-line grammar reads, with their clauses and next steps. */
function readTouches(candidates: BodyScan["touchLines"], settings: TouchbaseSettings, report: Report): Touch[] {
	const touches: Touch[] = [];
	for (const candidate of candidates) {
		const parsed = deserializeTouch(candidate.text, settings.channels);
		if (parsed.kind === "none") continue;
		if (parsed.kind === "problem") {
			report(candidate.line, `${parsed.message}: this line is not used`);
			continue;
		}
		const t = parsed.touch;
		const clauses = parseClauses(t.text);
		let next: NextStep | null = null;
		if (clauses.next !== null) {
			const n = parseNextStep(clauses.next, t.date, settings.channels, settings.dateLocale);
			if ("ok" in n) next = n.ok;
			else report(candidate.line, `${n.error}: the touch counts, its next step does not`);
		}
		touches.push({
			line: candidate.line,
			raw: candidate.raw,
			check: checkState(t.checkbox),
			date: t.date,
			time: t.time,
			channel: t.channel,
			summary: clauses.summary,
			outcome: clauses.outcome,
			objective: clauses.objective,
			next,
			parsed: t,
		});
	}
	return touches;
}

/**
 * Adds the touches and next steps of the other forms people write (core/read/forms.ts) to those of
 * the touch lines. A form's touch on a day that already has one is the same contact, counted
 * once. Returns the dated lines seen and not used, with why.
 */
function addFormFindings(body: BodyScan, created: IsoDay | null, touches: Touch[], next: DatedValue[], settings: TouchbaseSettings, report: Report): UnusedDate[] {
	const forms = settings.readForms;
	if (!forms.labels && !forms.headings && !forms.tables && !forms.tasks) return [];
	const lines: BodyLine[] = [];
	const touchLines = new Set(touches.map((x) => x.line));
	let t = 0;
	let f = 0;
	// Touch lines and form lines, merged in line order.
	while (t < body.touchLines.length || f < body.formLines.length) {
		const touch = body.touchLines[t];
		const form = body.formLines[f];
		if (form === undefined || (touch !== undefined && touch.line < form.line)) {
			lines.push({ line: touch.line, text: touch.text, touchLine: touchLines.has(touch.line) });
			t++;
		} else {
			lines.push({ line: form.line, text: form.text, touchLine: false });
			f++;
		}
	}
	const read = readForms(lines, created, settings);
	const raws = new Map([...body.touchLines, ...body.formLines].map((l) => [l.line, l.raw]));
	const days = new Map(touches.map((x) => [x.date, x.line]));
	for (const found of read.found) {
		if (found.kind === "next") {
			next.push({ date: found.date, time: null, line: found.line, from: found.form });
			continue;
		}
		const same = days.get(found.date);
		if (same !== undefined) {
			read.unused.push({ line: found.line, text: raws.get(found.line) ?? "", reason: `the same day as line ${same}: one contact, counted once` });
			continue;
		}
		days.set(found.date, found.line);
		touches.push(formTouch(found, raws.get(found.line) ?? ""));
	}
	touches.sort((a, b) => a.line - b.line);
	for (const line of read.yearless) report(line, "date without a year: give the year, or a full date before it");
	for (const line of read.dayless) report(line, "date without a day: a contact needs its day to count");
	return read.unused;
}

/** A touch of one of the other forms, shaped as a touch line without a checkbox. */
function formTouch(found: FormFinding, raw: string): Touch {
	return {
		line: found.line,
		raw,
		check: "none",
		date: found.date,
		time: null,
		channel: found.channel,
		summary: found.summary,
		outcome: null,
		objective: null,
		next: null,
		from: found.form,
		parsed: {
			indent: "",
			bullet: "",
			checkbox: null,
			date: found.date,
			dateForm: "plain",
			alias: null,
			time: null,
			channel: found.channel,
			channelWord: null,
			channelColon: false,
			text: found.summary,
			tasks: null,
		},
	};
}

const TEMPLATE_NAME = /(?:^|[\s_.-])templates?(?:$|[\s_.-])/i;
/** An unrendered placeholder: `{{date}}` (Templates, Touchbase) or `<% tp.date.now() %>` (Templater). */
const PLACEHOLDER = /\{\{[^{}\n]*\}\}|<%.*?%>/;

/**
 * Templates are never prospects (README, "Bringing your existing notes"): notes in a template
 * folder, notes named as templates (`_template`, `People Template`), and notes whose frontmatter
 * still holds unrendered placeholders (on two lines or more).
 */
export function isTemplate(path: string, text: string, settings: TouchbaseSettings): boolean {
	if (settings.templateFolders.some((folder) => folder !== "" && path.startsWith(`${folder}/`))) return true;
	if (TEMPLATE_NAME.test(noteName(path))) return true;
	// One stray placeholder is a value not filled in yet (read as not set); more is a template.
	const block = findFrontmatter(text);
	if (block === null) return false;
	return text.slice(0, block.end).split("\n").filter((line) => PLACEHOLDER.test(line)).length >= 2;
}

function isProspect(path: string, fields: Fields, inlineTagged: boolean, settings: TouchbaseSettings): boolean {
	if (inProspectFolder(path, settings)) return true;
	if (settings.typeKey !== "") {
		const type = fields.find([settings.typeKey])?.value;
		const types = Array.isArray(type) ? type : [type];
		const wanted = settings.typeValue.toLowerCase();
		if (types.some((t) => typeof t === "string" && t.trim().toLowerCase() === wanted)) return true;
	}
	if (settings.prospectTag !== "") {
		const tag = settings.prospectTag.toLowerCase();
		const tags = fields.findAll(["tags", "tag"]).flatMap((hit) => readTags(hit.value));
		if (tags.some((t) => t === tag || t.startsWith(`${tag}/`))) return true;
		if (inlineTagged) return true;
	}
	return false;
}

/** `8000`, `"8,000"`, `"$8 000"`, `"8k"`. */
function readAmount(value: unknown): number | null {
	if (typeof value === "number") return Number.isFinite(value) ? value : null;
	if (typeof value !== "string") return null;
	const m = /^[^\d-]{0,3}\s*(-?[\d,. ]*\d)\s*([kKmM])?\s*[^\d]{0,4}$/.exec(value.trim());
	if (!m) return null;
	const n = Number(m[1].replace(/[, ]/g, ""));
	if (!Number.isFinite(n)) return null;
	const scale = m[2] ? (m[2].toLowerCase() === "k" ? 1e3 : 1e6) : 1;
	return n * scale;
}

function findKeyLine(lines: string[], block: FrontmatterBlock | null, key: string): number | null {
	if (!block) return null;
	for (let i = 1; i < block.bodyLine - 1; i++) {
		const line = lines[i].replace(/^["']/, "");
		if (line.startsWith(key) && /^["']?\s*:/.test(line.slice(key.length))) return i + 1;
	}
	return null;
}

interface BodyScan {
	/** List items that may be touch lines, with 1-based line numbers. */
	touchLines: { line: number; raw: string; text: string }[];
	/** Live lines that may hold one of the other forms: dated, or a table row. */
	formLines: { line: number; raw: string; text: string }[];
	/** Dataview `next` fields. */
	inlineNext: { line: number; key: string; value: string }[];
	/** Whether the body outside code and comments has the inline tag. */
	inlineTagged: boolean;
	/** The text of the first heading, as written. */
	firstHeading: string | null;
}

const HEADING_TEXT = /^#{1,6}[ \t]+(.*?)(?:[ \t]+#+)?[ \t]*$/;

/** A line that may hold a form: a digit (a date) or a table row. */
const FORM_HINT = /\d|^\s*\|/;

/** Normalized names of the Dataview `next` fields, built once per set of names. */
const nextKeySet = memo(16, (names: string): Set<string> => new Set(names.split("\n").map(normalizeKey)));

function nextKeysOf(settings: TouchbaseSettings): Set<string> {
	return nextKeySet(["next", settings.keys.nextFollowUp, ...settings.synonyms.nextFollowUp].join("\n"));
}
const INLINE_BRACKET = /[[(]([^[\]():]+)::\s*([^\])]*)[\])]/g;
const INLINE_LINE = /^\s*(?:[-*+]\s+)?([^:[\]()]+)::\s*(.*)$/;

/** Walks the body once through the scanner, skipping fenced code and comments. */
function scanBody(lines: string[], block: FrontmatterBlock | null, settings: TouchbaseSettings, tagPattern: RegExp | null): BodyScan {
	const out: BodyScan = { touchLines: [], formLines: [], inlineNext: [], inlineTagged: false, firstHeading: null };
	let nextKeys: Set<string> | null = null;
	const scanner = new BlockScanner();
	for (let i = block ? block.bodyLine : 0; i < lines.length; i++) {
		const raw = lines[i].endsWith("\r") ? lines[i].slice(0, -1) : lines[i];
		const visible = scanner.read(raw);
		if (visible === null) continue;
		if (visible.trim() === "") continue;
		if (tagPattern !== null && !out.inlineTagged && tagPattern.test(visible)) out.inlineTagged = true;
		if (out.firstHeading === null && visible.startsWith("#")) out.firstHeading = HEADING_TEXT.exec(visible)?.[1] ?? null;
		if (isListItem(visible)) {
			// Touches keep their line: a copy, so the index does not keep every note's whole text.
			const own = detach(raw);
			out.touchLines.push({ line: i + 1, raw: own, text: visible === raw ? own : detach(visible) });
		} else if (FORM_HINT.test(visible)) {
			out.formLines.push({ line: i + 1, raw: detach(raw), text: detach(visible) });
		}
		if (visible.includes("::")) {
			nextKeys ??= nextKeysOf(settings);
			for (const m of visible.matchAll(INLINE_BRACKET)) {
				if (nextKeys.has(normalizeKey(m[1]))) {
					out.inlineNext.push({ line: i + 1, key: m[1].trim(), value: m[2] });
				}
			}
			const whole = INLINE_LINE.exec(visible);
			if (whole && nextKeys.has(normalizeKey(whole[1]))) {
				out.inlineNext.push({ line: i + 1, key: whole[1].trim(), value: whole[2] });
			}
		}
	}
	return out;
}
