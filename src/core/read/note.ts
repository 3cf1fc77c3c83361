// core/read, step 3 (docs/architecture.md): the note model. Is it a prospect, its fields, its touches in every form.
import { parseCadence, type Cadence } from "../text/cadence";
import { parseClauses, type Outcome } from "../text/clauses";
import { isIsoDay, type ClockTime, type IsoDay } from "../text/dates";
import { describeValue, detach, Fields, normalizeKey, readDateValue, readFrontmatter, readTags, readText, type FrontmatterRead, type GivenFrontmatter } from "../text/frontmatter";
import { parseCounts } from "../text/yaml";
import { dateInName, readInteraction, type Interaction } from "./interactions";
import { memo } from "../text/memo";
import { noteName } from "../text/noteName";
import { EMAIL_KEYS, OWNER_KEYS, PHONE_KEYS, readOwners } from "./owner";
import { channelOf, touchLineNotContact } from "./lineJudge";
import { readForms, type BodyLine, type FormFinding, type FormKind, type NoteDates, type UnusedDate } from "./forms";
import { parseNextStep, type NextStep } from "../text/nextClause";
import type { TouchbaseSettings } from "../settings/settings";
import { BlockScanner, findFrontmatter, isListItem, splitLines, type FrontmatterBlock } from "../text/scan";
import { checkState, deserializeTouch, type CheckState, type TouchLine } from "../text/touchLine";
import { lettersAndDigitsOf } from "../text/unicode";
import { foreignSectionRole, moreWord } from "../text/languages";
import { parseWikilink, targetName } from "../text/wikilink";

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
	from?: FormKind;
	/** The note it was read from, when another (an interaction note): then `line` is 0. */
	source?: string;
	/** The cues that made a dated line a contact, and where its year came from (`touchbase explain`). */
	cues?: string[];
	year?: string;
	parsed: TouchLine;
}

export interface DatedValue {
	date: IsoDay;
	time: ClockTime | null;
	/** 1-based line it was read from. */
	line: number | null;
	/** The form it was read from, when not a frontmatter key or a Dataview field. */
	from?: FormKind;
	/** The cues that made a dated line a next step, and where its year came from. */
	cues?: string[];
	year?: string;
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
	/** The names the person goes by besides the file name (`name`, first heading): what plain names in other notes are matched against (links.ts). */
	linkNames?: string[];
	/** The note's `aliases`: links and names reach it by them too. */
	aliases?: string[];
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
export const PARSER_VERSION = 19;

const STATUSES: readonly Status[] = ["lead", "active", "paused", "won", "lost"];


/** File names that say nothing of who the prospect is. */
const GENERIC_NAME = /^(?:prospect|readme|index|profile|contact|untitled(?: \d+)?|note|person|client|lead)$/i;

/** A person-note sigil opening a file name (`!AveryChen`, `@Jane Doe`). */
const SIGIL = /^[!@+~]+(?=\p{L})/u;

/** A file name written as a slug (`bob-buyer`, `Sara_Needleman`, `sarah`): not how a person is named. */
const SLUG = /^(?=[^\s]*[_-]|[^A-Z\s]+$)[\p{L}\p{N}_.'-]+$/u;

/**
 * How a prospect is shown (README, "Bringing your existing notes"): its file name, unless that is
 * generic (`PROSPECT`, `README`, `index`) or a slug (`bob-buyer`): then the person's name, from
 * its `name` or `title` key, a Name field of its body, its first heading or the folder of a folder
 * note, and only then its company; a slug with none of these is shown as words (`Bob Buyer`).
 */
function displayName(path: string, fields: Fields, body: Pick<BodyScan, "firstHeading" | "firstHeadingLevel" | "nameField">, settings: TouchbaseSettings): string {
	const own = noteName(path);
	const generic = GENERIC_NAME.test(own.trim());
	const usable = (value: string | null): value is string => value !== null && value !== "" && !GENERIC_NAME.test(value) && !/^\d{4}-\d{2}-\d{2}/.test(value) && value.length <= 80;
	// `Sam Patel - Lead` with `name: Sam Patel`: the person, without the tag the file name adds.
	const named = linkText(readText(fields.find(["name", "full_name"])?.value));
	if (usable(named) && own.length > named.length && own.startsWith(named) && /^\s*[-\u2013\u2014|(,]/.test(own.slice(named.length))) return named;
	// `!AveryChen`, `@Jane Doe`: a sigil marks the note as a person's, and is no part of the name.
	const sigil = SIGIL.test(own);
	if (!generic && !sigil && !SLUG.test(own)) return own;
	for (const key of ["name", "full_name", "title"]) {
		const text = readText(fields.find([key])?.value);
		const value = linkText(key === "title" ? titleName(text, settings.languages) : text);
		if (usable(value)) return value;
	}
	// `**Name:** Sam (handle: sampel)`: the handle said after the name is no part of it.
	const field = linkText(body.nameField?.replace(HANDLE_AFTER, "") ?? null);
	// A slug's person is named by a title heading (`# Bob Buyer`), not a section (`## Log`).
	const heading = linkText(titleName((generic || body.firstHeadingLevel === 1 ? body.firstHeading : null)?.replace(/\*\*|__/g, "").trim() || null, settings.languages));
	// `**Name:** Sam` under `# Sam Patel`: the title that goes on from the field is the fuller name.
	if (usable(field)) return usable(heading) && heading.startsWith(`${field} `) ? heading : field;
	if (usable(heading)) return heading;
	const folder = path.split("/").slice(-2, -1)[0];
	if (generic && folder && !settings.prospectFolders.includes(path.slice(0, path.lastIndexOf("/")))) return folder;
	const company = linkText(readText(fields.find([settings.keys.company])?.value));
	if (generic && usable(company)) return company;
	if (!generic) {
		const words = own.replace(SIGIL, "").replace(/[_-]+/g, " ").trim();
		return own === own.toLowerCase() ? words.replace(/(^|\s)(\p{L})/gu, (_, space: string, letter: string) => space + letter.toUpperCase()) : words;
	}
	return own;
}

/** `(handle: sampel)`, `(aka Sam)`, `(@sampel)` after a name. */
const HANDLE_AFTER = /\s*\((?:handle|aka|a\.k\.a\.|nickname|username|user|@)\b[^()]*\)\s*$/i;

/** `Email Thread: Dana Lee (Acme)`, `Contact: Dana Lee`: the kind of note said before the person's name. */
const KIND_PREFIX = /^(?:(?:e-?mail|text|message|sms)(?:\/(?:e-?mail|text))?\s+)?(?:thread|contact|client|lead|prospect|investor)\s*:\s*(.+?)(?:\s*\([^()]*\))?$/i;

/** `Dana Lee - Acme Ventures Profile`: the kind of note said after the person's name, behind a dash. */
const KIND_SUFFIX = /\s+[-\u2013\u2014|]\s+[^-\u2013\u2014|]*\b(?:profile|dossier|contact card)$/i;

/** A title heading as a person's name: without a sigil (`# @Dana Lee`) or a kind of note said before it. */
function titleName(title: string | null, languages: readonly string[]): string | null {
	if (title === null) return null;
	const bare = title.replace(SIGIL, "").replace(KIND_SUFFIX, "");
	// `📞 Ata de contato — Ana Lima`, `Compte rendu : Anne`: the kind said in the notes' other languages (README, "Notes in other languages").
	const rest = moreWord("prefix", bare, languages) === null ? "" : bare.replace(FOREIGN_KIND, "").trim();
	return KIND_PREFIX.exec(bare)?.[1] ?? (rest !== "" ? rest : bare);
}

/** What a kind of note said in another language ends with: the first colon, bar or dash between words. */
const FOREIGN_KIND = /^.*?\s*(?:[:|\u2014\u2013]|\s-\s)\s*/;

/** The names a person note gives its person: `name`, `full_name`, its first heading. */
function namesOf(fields: Fields, firstHeading: string | null): string[] {
	const out: string[] = [];
	for (const hit of fields.findAll(["name", "full_name"])) {
		for (const item of Array.isArray(hit.value) ? hit.value : [hit.value]) {
			const text = linkText(readText(item));
			if (text !== null && text.length <= 80) out.push(text);
		}
	}
	const heading = linkText(firstHeading?.replace(/\*\*|__/g, "").trim() || null);
	if (heading !== null && heading.length <= 80 && !/\d{4}/.test(heading)) out.push(heading);
	return out;
}

/** `[[Acme Inc]]`, `[[Clients/Acme Inc|Acme]]` → the text a reader sees; other text as it is. */
export function linkText(value: string | null): string | null {
	if (value === null) return null;
	const link = parseWikilink(value);
	// `[[|x]]` and `[[A|]]` name nothing: shown as written.
	if (!link || link.alias === "" || (link.target === "" && link.heading === null)) return value;
	return (link.alias ?? targetName(link.target)).trim() || value;
}

export function inProspectFolder(path: string, settings: TouchbaseSettings): boolean {
	return settings.prospectFolders.some((folder) => path.startsWith(`${folder}/`));
}

/** Words of a title that name a page of many people, not one: `CRM`, `Overview`, `Index`, `Directory`. */
const COLLECTION_TITLE = /\b(?:crm|overview|index|directory|database|roster)\b/i;

/** `README` or `index`: a folder's own page (README, "Bringing your existing notes"). */
const FOLDER_PAGE = /^(?:readme|index)$/i;

/**
 * A prospect folder's own page (`Contacts/README.md` titled `# Social Contacts Database`: how the
 * folder is kept) is no person: a README or index right in the folder whose title names the folder.
 * `Prospects/README.md` titled `# Dana Whitfield`, or a folder note one level down
 * (`People/Ada Okafor/README.md`), is one. Its type or tag may still make it one.
 */
function isFolderPage(path: string, title: string | null, settings: TouchbaseSettings): boolean {
	const slash = path.lastIndexOf("/");
	const folder = slash < 0 ? "" : path.slice(0, slash);
	if (!FOLDER_PAGE.test(noteName(path)) || !settings.prospectFolders.includes(folder)) return false;
	const word = (folder.slice(folder.lastIndexOf("/") + 1).match(/\p{L}{3,}/u)?.[0] ?? "").replace(/s$/i, "").toLowerCase();
	// `# CRM — Kundeoversikt`, `# Client Overview`: a title that says it is the list of them all.
	return (word !== "" && (title ?? "").toLowerCase().includes(word)) || COLLECTION_TITLE.test(title ?? "");
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
	// With neither rule on, a note outside the folders can still be an interaction note (README,
	// "Interaction notes count"): it is screened for people below.
	if ((tag !== "" && !PLAIN_WORD.test(tag)) || (type !== "" && !PLAIN_WORD.test(type))) return { maybe: true, tag: tag !== "" };
	// The tag's word is in `#tag` too: one search rejects most notes.
	const hasTag = tag !== "" && wordPattern(tag).test(text);
	if (hasTag || (type !== "" && type !== tag && wordPattern(type).test(text))) return { maybe: true, tag: hasTag && wordPattern(`#${tag}`).test(text) };
	const block = findFrontmatter(text);
	if (block === null) return { maybe: bodyNamesPeople(text, settings), tag: false };
	// An interaction note names people in its frontmatter (`attendees:`, `contact:`).
	const people = settings.readForms.interactions && peopleKeyPattern(settings.peopleKeys.join("\n")).test(text.slice(0, block.end));
	return { maybe: people || bodyNamesPeople(text, settings) || text.lastIndexOf("\\", block.end) >= 0, tag: false };
}

/**
 * Whether the first lines of a note may name the people of a meeting (an `Attendees:` line, or a
 * wikilink in a note named as a meeting): then it may be an interaction note (interactions.ts).
 */
function bodyNamesPeople(text: string, settings: TouchbaseSettings): boolean {
	if (!settings.readForms.interactions) return false;
	const head = text.slice(0, 3000);
	// A note whose first lines say it records a meeting may name its people by a wikilink or, in
	// its title, by a plain name (interactions.ts).
	return /(?:attendees|participants|present)\W{0,4}:|^#{1,6}\s.*(?:attendees|participants)/im.test(head) || /meet|call|1[:-]1|sync|demo|interaction|review|summary|wrap|kickoff|check[- ]?in|catch[- ]?up/i.test(text.slice(0, 300) + "\n");
}

/** A people key at the start of a frontmatter line, in any spelling the loose key rules allow. */
const peopleKeyPattern = memo(4, (keys: string): RegExp => {
	const names = keys.split("\n").map((k) => lettersAndDigitsOf(k).split("").join("[\\s_-]?"));
	return new RegExp(`^["']?(?:${names.join("|")})["']?[ \\t]*:`, "imu");
});

const NOT_TEXT = "not UTF-8 text (a binary file, or saved in another encoding): not read";

/**
 * The line of the first character a UTF-8 text note never holds: NUL, or U+FFFD, which decoding
 * puts where bytes were not UTF-8 (README, "Problems"). Null for a text note.
 */
function notTextAt(text: string): number | null {
	const nul = text.indexOf("\u0000");
	const bad = text.indexOf("\uFFFD");
	const at = nul < 0 ? bad : bad < 0 ? nul : Math.min(nul, bad);
	if (at < 0) return null;
	let line = 1;
	for (let i = text.indexOf("\n"); i >= 0 && i < at; i = text.indexOf("\n", i + 1)) line++;
	return line;
}

/** The problem of a month-day date the note gives no year for. */
export const YEARLESS = "date without a year: give the year, or a full date before it";

/**
 * When a note's file was created and last saved, as local days, where the caller knows them: the
 * year of last resort for a month-day date, and the latest day a done contact with a guessed year
 * can have (README, "Bringing your existing notes").
 */
export interface NoteFileTimes {
	created?: IsoDay | null;
	modified?: IsoDay | null;
}

/** What a caller may know of a note besides its text. */
export interface ReadContext {
	/** When its file was created and last saved. */
	file?: NoteFileTimes;
	/** Its frontmatter as a command already parsed it (a command's model parses it once): not parsed again. */
	frontmatter?: FrontmatterRead;
	/** Its frontmatter as Obsidian's metadata cache holds it: taken as it is where it can be (text/frontmatter.ts). */
	given?: GivenFrontmatter | null;
}

/** Reads a note; returns the prospect it describes, or null with no problem for other notes. */
export function readNote(path: string, text: string, settings: TouchbaseSettings, context: ReadContext = {}): NoteRead {
	const file = context.file;
	parseCounts.notes++;
	const inFolder = inProspectFolder(path, settings);
	// A note in a prospect folder is one whatever its tags: its inline tag is never looked for.
	let tagPossible = false;
	if (!inFolder) {
		const screened = screen(text, settings);
		if (!screened.maybe) return { prospect: null, problems: [] };
		tagPossible = screened.tag;
	}
	if (isTemplate(path, text, settings)) return { prospect: null, problems: [] };
	const binary = notTextAt(text);
	if (binary !== null) return { prospect: null, problems: [{ path, line: binary, message: NOT_TEXT }] };
	const fm = context.frontmatter ?? readFrontmatter(text, context.given);
	const tagPattern = tagPossible ? inlineTagPattern(settings.prospectTag) : null;
	// Outside the prospect folders and without the inline tag to look for, what decides whether the
	// note is a prospect needs no pass over its lines (the first heading matters in a prospect
	// folder only): they are split and walked for prospects only (most notes read are none).
	// Line 1's text never includes a byte-order mark, as in the text edits.
	let split = tagPattern !== null || inFolder ? splitLines(text) : null;
	let scanned = split !== null ? scanBody(split, fm.block, settings, tagPattern) : null;
	const inlineTagged = scanned?.inlineTagged ?? false;

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
	if (!isProspect(path, fields, inlineTagged, readText(fields.find(["title"])?.value) ?? scanned?.firstHeading ?? null, settings) || isOwnNote(fields)) {
		const interaction = readInteraction(path, fm.data, settings, text.slice(fm.block?.end ?? 0, (fm.block?.end ?? 0) + 4000));
		return interaction ? { prospect: null, problems: [], interaction } : { prospect: null, problems: [] };
	}

	const lines = (split ??= splitLines(text));
	const body = (scanned ??= scanBody(lines, fm.block, settings, null));
	const problems: Problem[] = [];
	const report = (line: number | null, message: string): void => {
		problems.push({ path, line, message });
	};
	const keyLine = (key: string): number | null => findKeyLine(lines, fm.block, key);
	const own = readProspectFields(fields, body.inlineNext, keyLine, settings, report);
	const rejected = new Set<number>();
	const unusedTouchLines: UnusedDate[] = [];
	const touches = readTouches(body.touchLines, settings, report, rejected, unusedTouchLines);
	const unused = addFormFindings(body, { created: own.created, fileCreated: file?.created ?? null, fileModified: file?.modified ?? null, named: dateInName(noteName(path)) }, touches, rejected, own.nextFollowUp, settings, report);
	if (unusedTouchLines.length > 0) {
		unused.push(...unusedTouchLines);
		unused.sort((a, b) => a.line - b.line);
	}
	addMetKeys(fields, keyLine, touches, unused);
	dropUndecidedKeys(lines, fm.block, own.nextFollowUp, unused, settings.languages);
	const prospect: ProspectNote = {
		path,
		name: displayName(path, fields, body, settings),
		...own,
		touches,
		frontmatter: fm.data,
		problems,
		unused,
		linkNames: namesOf(fields, body.firstHeading),
		aliases: fields.findAll(["aliases", "alias"]).flatMap((hit) => (Array.isArray(hit.value) ? hit.value : [hit.value]).map((v) => readText(v) ?? "")).filter((a) => a !== "" && a.length <= 80),
	};
	// In the order of the note's lines (a key's problem before the body's); sort is stable.
	problems.sort((a, b) => (a.line ?? 0) - (b.line ?? 0));
	return { prospect, problems };
}

type Report = (line: number | null, message: string) => void;

/** The first letters of `next` in English and the other languages (languages.ts), accented or not (\u00f3 o acute, \u00e4 a umlaut, \u00e6 ae). */
const NEXT_STEM = /next|pr[o\u00f3]xim|prochain|n[a\u00e4]e?chst|prossim|volgend|n[a\u00e4\u00e6]e?st|neste/i;

/** The next-step values of the keys without those a body line sets aside (`dropUndecidedKeys`): a command's model, after its keys changed. */
export function withoutUndecidedKeys(text: string, next: DatedValue[], languages: readonly string[]): DatedValue[] {
	if (next.length === 0) return next;
	const kept = [...next];
	dropUndecidedKeys(splitLines(text), findFrontmatter(text), kept, [], languages);
	return kept;
}

/** `Next step: TBD`, `Next contact — on hold`: a next step said to have no day yet. */
const UNDECIDED_NEXT = /\bnext (?:steps?|contact|interaction|touch|follow[- ]?up|meeting|call)\b[\s*_:\u2014\u2013-]{0,6}(?:tbd|tbc|undecided|undefined|on hold|paused|not (?:yet )?scheduled)\b/i;

/**
 * `Próxima interação indefinida — projeto em stand-by`, `Next step: TBD`: a line of the body says the
 * next step has no day yet, so a next-step key's day is a plan the note has set aside (README,
 * "Notes in other languages"). The key is then not used, and says why.
 */
function dropUndecidedKeys(lines: readonly string[], block: FrontmatterBlock | null, next: DatedValue[], unused: UnusedDate[], languages: readonly string[]): void {
	if (next.length === 0 || block === null) return;
	const last = lines.findIndex((_, i) => i > 0 && /^---\s*$/.test(lines[i]));
	for (let i = last + 1; i < lines.length; i++) {
		const text = lines[i];
		// Most lines name no next step: one cheap look for its first word in any of the languages first.
		if (text.length > 200 || !NEXT_STEM.test(text) || /\d/.test(text)) continue;
		// A callout's or quote's marks before the words (`> [!warning] **⚠️ Próxima interação …`).
		const words = text.replace(/^\s*(?:>\s*)*(?:\[![^\]]*\][+-]?\s*)?(?:#+\s*)?/, "");
		const undecided = UNDECIDED_NEXT.test(words) || (foreignSectionRole(words, languages) === "next" && moreWord("undecided", words, languages) !== null);
		if (!undecided) continue;
		for (let k = next.length - 1; k >= 0; k--) {
			const key = next[k];
			if (key.from !== undefined || key.line === null || key.line > last + 1) continue;
			next.splice(k, 1);
			unused.push({ line: key.line, text: lines[key.line - 1] ?? "", reason: `line ${i + 1} says the next step has no day yet: this key's day is not used` });
		}
		return;
	}
}
export type ProspectFields = Omit<ProspectNote, "path" | "name" | "touches" | "frontmatter" | "problems" | "unused">;

/**
 * The fields a prospect's frontmatter gives, from data already parsed (a command that set keys
 * in its model of the note reads them again from there, never from the YAML text). The body's
 * next steps are not among them: `nextFollowUp` holds the keys' dates only.
 */
export function readKeyFields(text: string, data: Record<string, unknown>, settings: TouchbaseSettings): ProspectFields {
	const lines = splitLines(text);
	const block = findFrontmatter(text);
	return readProspectFields(new Fields(data), [], (key) => findKeyLine(lines, block, key), settings, () => undefined);
}

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

/**
 * The touches: list items the touch-line grammar reads, with their clauses and next steps. `text`
 * is a line's live markdown (its comments removed), `raw` the line as written. A touch line with
 * an impossible date goes into `rejected`: the line is not used (README, "Problems").
 */
export function readTouches(
	candidates: readonly { line: number; raw: string; text: string }[],
	settings: TouchbaseSettings,
	report: Report,
	rejected: Set<number> = new Set(),
	unused: UnusedDate[] = [],
): Touch[] {
	const touches: Touch[] = [];
	for (const candidate of candidates) {
		const parsed = deserializeTouch(candidate.text, settings.channels);
		if (parsed.kind === "none") continue;
		if (parsed.kind === "problem") {
			report(candidate.line, `${parsed.message}: this line is not used`);
			rejected.add(candidate.line);
			continue;
		}
		const t = parsed.touch;
		const clauses = parseClauses(t.text);
		// `- 2026-06-13 — created`: a dated entry whose words say it is no contact, not read again as another form.
		const notContact = t.channel === null ? touchLineNotContact(clauses.summary, settings) : null;
		if (notContact !== null) {
			rejected.add(candidate.line);
			unused.push({ line: candidate.line, text: candidate.raw, reason: notContact.reason ?? "not a contact", cues: notContact.cues });
			continue;
		}
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
			// `- 2026-01-10 — call with Dana`: the channel from the words, the summary without the dash.
			channel: t.channel ?? channelOf(clauses.summary, settings),
			summary: t.channel === null ? clauses.summary.replace(/^[\s:\u2014\u2013-]+/, "") : clauses.summary,
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
function addFormFindings(
	body: BodyScan,
	dates: NoteDates,
	touches: Touch[],
	rejected: ReadonlySet<number>,
	next: DatedValue[],
	settings: TouchbaseSettings,
	report: Report,
): UnusedDate[] {
	const forms = settings.readForms;
	if (!forms.labels && !forms.headings && !forms.tables && !forms.tasks) return [];
	const lines: BodyLine[] = [];
	// A rejected touch line is not read again as another form: it is not used at all.
	const touchLines = new Set(rejected);
	for (const x of touches) touchLines.add(x.line);
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
	const read = readForms(lines, dates, settings);
	// Built at the first touch the forms found: most notes' forms find none.
	let raws: Map<number, string> | null = null;
	let days: Map<IsoDay, Touch> | null = null;
	const fromForms = new Set<Touch>();
	// A dropped line keeps its year's source: a new dated line may move it to another day (src/core/write/parsedNote.ts reads the note again then).
	const sameDay = (line: number, text: string, kept: number, year: string | undefined) => ({ line, text, reason: `the same day as line ${kept}: one contact, counted once`, ...(year && year !== "written" && year !== "the full date on its line" ? { year } : {}) });
	for (const found of read.found) {
		if (found.kind === "next") {
			next.push({ date: found.date, time: null, line: found.line, from: found.form, ...(found.cues ? { cues: found.cues } : {}), ...(found.year ? { year: found.year } : {}) });
			continue;
		}
		if (raws === null || days === null) {
			raws = new Map();
			for (const l of body.touchLines) raws.set(l.line, l.raw);
			for (const l of body.formLines) raws.set(l.line, l.raw);
			days = new Map();
			for (const x of touches) days.set(x.date, x);
		}
		const same = days.get(found.date);
		const touch = formTouch(found, raws.get(found.line) ?? "");
		if (same === undefined) {
			days.set(found.date, touch);
			fromForms.add(touch);
			touches.push(touch);
			continue;
		}
		// `**Last contact**: Dec 15` above `### Dec 15 - Call`: the line that says how the contact
		// went is the one kept (never in place of a touch line, the product's own format).
		if (fromForms.has(same) && same.channel === null && touch.channel !== null) {
			touches[touches.indexOf(same)] = touch;
			days.set(found.date, touch);
			fromForms.add(touch);
			read.unused.push(sameDay(same.line, same.raw, touch.line, same.year));
			continue;
		}
		read.unused.push(sameDay(found.line, touch.raw, same.line, found.year));
	}
	touches.sort((a, b) => a.line - b.line);
	// `Feb 30 & 2026-03-01`: the line may still give a contact by its other date.
	for (const bad of read.badDates) report(bad.line, `${bad.message}: ${read.found.some((f) => f.line === bad.line) ? "that date is not used" : "this line is not used"}`);
	for (const line of read.yearless) report(line, YEARLESS);
	for (const line of read.dayless) report(line, "date without a day: a contact needs its day to count");
	return read.unused;
}

/** Keys of the day two people met (`first_met: 2026-02-14`, `met_date`): a contact, as a `How we met` section's line. */
const MET_KEYS = ["first_met", "first_met_date", "met", "met_on", "met_date", "date_met", "first_contact", "first_contact_date", "first_meeting"];

/**
 * The day a person was met, from its frontmatter key, is a done contact (README, "Bringing your
 * existing notes"), counted once with a touch of the body on that day. Only a date counts: `met:
 * true` or `met_at: the fair` says nothing of when.
 */
function addMetKeys(fields: Fields, keyLine: (key: string) => number | null, touches: Touch[], unused: UnusedDate[]): void {
	for (const hit of fields.findAll(MET_KEYS)) {
		const v = readDateValue(hit.value);
		if (v.kind !== "date") continue;
		const line = keyLine(hit.key) ?? 1;
		const same = touches.find((t) => t.date === v.date);
		if (same !== undefined) {
			unused.push({ line, text: `${hit.key}: ${v.date}`, reason: `the same day as line ${same.line}: one contact, counted once` });
			continue;
		}
		touches.push(formTouch({ kind: "touch", form: "key", line, date: v.date, channel: null, summary: `${hit.key.replace(/_/g, " ")}`, cues: [`key "${hit.key}"`] }, `${hit.key}: ${v.date}`));
	}
	touches.sort((a, b) => a.line - b.line);
}

/** The touches with those of the met keys read again from `data` (a command's model, after its keys changed). */
export function withMetKeys(text: string, data: Record<string, unknown>, touches: readonly Touch[]): Touch[] {
	const lines = splitLines(text);
	const block = findFrontmatter(text);
	const out = touches.filter((t) => t.from !== "key");
	addMetKeys(new Fields(data), (key) => findKeyLine(lines, block, key), out, []);
	return out;
}

/** A touch of one of the other forms, shaped as a touch line without a checkbox. */
export function formTouch(found: FormFinding, raw: string): Touch {
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
		...(found.cues ? { cues: found.cues } : {}),
		...(found.year ? { year: found.year } : {}),
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
/** `_template`: named to sort first or stay hidden, nothing but a template, even with an example's dates. */
const ONLY_TEMPLATE = /^[_.]templates?$/i;
/** A folder of templates at any depth: `Templates/`, `_templates/`, `system/templates/`. */
const TEMPLATE_FOLDER = /^[_.]?templates?$/i;
/** An unrendered placeholder: `{{date}}` (Templates, Touchbase) or `<% tp.date.now() %>` (Templater). */
const PLACEHOLDER = /\{\{[^{}\n]*\}\}|<%.*?%>/;
/** A dated touch line: real data, whatever placeholders remain around it. */
const DATED_ITEM = /^[ \t]*(?:[-*+]|\d{1,9}[.)])[ \t]+(?:\[.\][ \t]+)?(?:\[\[|\*\*)?(\d{4}-\d{2}-\d{2})/gm;
/** A contact key with a date (`last_contact: 2026-01-10`, `next_follow_up: …`). */
const DATED_CONTACT_KEY = /^["']?(?:last|next)[\w -]*["']?[ \t]*:[ \t]*["']?(\d{4}-\d{2}-\d{2})/gim;

/**
 * Templates are never prospects (README, "Bringing your existing notes"): notes in a template
 * folder (at any depth, or one the settings name), and notes named as templates (`_template`,
 * `People Template`) or whose frontmatter still holds unrendered placeholders (on two lines or
 * more), unless they hold real data: a dated touch line or a real date in a contact key.
 */
export function isTemplate(path: string, text: string, settings: TouchbaseSettings): boolean {
	if (settings.templateFolders.some((folder) => folder !== "" && path.startsWith(`${folder}/`))) return true;
	const folders = path.split("/").slice(0, -1);
	const named = new Set(settings.templateFolders.filter((f) => f !== "" && !f.includes("/")).map((f) => f.toLowerCase()));
	if (folders.some((folder) => TEMPLATE_FOLDER.test(folder) || named.has(folder.toLowerCase()))) {
		// A prospect folder the user set inside a folder named like one of templates (a starter
		// vault's `template/people/`): there a note with real data is a prospect.
		return !(inProspectFolder(path, settings) && holdsRealData(text, findFrontmatter(text)));
	}
	if (ONLY_TEMPLATE.test(noteName(path))) return true;
	const byName = TEMPLATE_NAME.test(noteName(path));
	// One stray placeholder is a value not filled in yet (read as not set); more is a template.
	const block = findFrontmatter(text);
	const yaml = block !== null ? text.slice(0, block.end) : "";
	// A placeholder opens with `{{` or `<%`: a block with neither is not split into lines.
	const byPlaceholders = !byName && block !== null && (yaml.includes("{{") || yaml.includes("<%")) && yaml.split(/\r\n|\r|\n/).filter((line) => PLACEHOLDER.test(line)).length >= 2;
	return (byName || byPlaceholders) && !holdsRealData(text, block);
}

/** Whether a note holds a dated touch line or a real date in a contact key. */
function holdsRealData(text: string, block: FrontmatterBlock | null): boolean {
	for (const m of text.matchAll(DATED_ITEM)) if (isIsoDay(m[1])) return true;
	if (block !== null) for (const m of text.slice(0, block.end).matchAll(DATED_CONTACT_KEY)) if (isIsoDay(m[1])) return true;
	return false;
}

/** Values of a relationship key that say the note is the vault owner's own (`relationship: self`). */
const SELF = /^(?:self|me|myself)$/i;

/** The owner's own person note is never a prospect, even in a prospect folder (README, "Bringing your existing notes"). */
function isOwnNote(fields: Fields): boolean {
	return fields.findAll(["relationship", "relation"]).some((hit) => SELF.test(readText(hit.value)?.trim() ?? ""));
}

function isProspect(path: string, fields: Fields, inlineTagged: boolean, title: string | null, settings: TouchbaseSettings): boolean {
	if (inProspectFolder(path, settings) && !isFolderPage(path, title, settings)) return true;
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
	firstHeadingLevel: number;
	/** A Name field of the body's first lines (`**Full Name:** …`, `| Name | … |`). */
	nameField: string | null;
}

/** `**Full Name:** Ada Okafor`, `- Name: Ada`, `| **Full Name** | Ada Okafor |`. */
const NAME_FIELD = /^[\s>*+|-]*(?:\*\*|__)?(?:full )?name(?:\*\*|__)?\s*(?::|\|)(?:\*\*|__)?\s*([^|*\n]{2,80}?)\s*\|?\s*$/i;
const HEADING_TEXT = /^#{1,6}[ \t]+(.*?)(?:[ \t]+#+)?[ \t]*$/;

/** A line the judge may need: a digit (a date), a table row, a heading (a section) or a field. */
const FORM_HINT = /\d|^\s*[|#]|:/;

/** Normalized names of the Dataview `next` fields, built once per set of names. */
const nextKeySet = memo(16, (names: string): Set<string> => new Set(names.split("\n").map(normalizeKey)));

function nextKeysOf(settings: TouchbaseSettings): Set<string> {
	return nextKeySet(["next", settings.keys.nextFollowUp, ...settings.synonyms.nextFollowUp].join("\n"));
}
const INLINE_BRACKET = /[[(]([^[\]():]+)::\s*([^\])]*)[\])]/g;
const INLINE_LINE = /^\s*(?:[-*+]\s+)?([^:[\]()]+)::\s*(.*)$/;

/** Walks the body once through the scanner, skipping fenced code and comments. */
function scanBody(lines: string[], block: FrontmatterBlock | null, settings: TouchbaseSettings, tagPattern: RegExp | null): BodyScan {
	const out: BodyScan = { touchLines: [], formLines: [], inlineNext: [], inlineTagged: false, firstHeading: null, firstHeadingLevel: 0, nameField: null };
	let nextKeys: Set<string> | null = null;
	const scanner = new BlockScanner();
	for (let i = block ? block.bodyLine : 0; i < lines.length; i++) {
		const raw = lines[i].endsWith("\r") ? lines[i].slice(0, -1) : lines[i];
		const visible = scanner.read(raw);
		if (visible === null) continue;
		if (visible.trim() === "") continue;
		if (tagPattern !== null && !out.inlineTagged && tagPattern.test(visible)) out.inlineTagged = true;
		if (out.firstHeading === null && visible.startsWith("#")) {
			// Copies: a piece of the note would keep its whole text alive in the index (the name, linkNames).
			const heading = HEADING_TEXT.exec(visible)?.[1];
			out.firstHeading = heading === undefined ? null : detach(heading);
			out.firstHeadingLevel = /^#+/.exec(visible)![0].length;
		}
		if (out.nameField === null && i < 60 && /name/i.test(visible)) {
			const name = NAME_FIELD.exec(visible)?.[1]?.trim();
			out.nameField = name === undefined ? null : detach(name);
		}
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
