import { parseCadence, type Cadence } from "./cadence";
import { parseClauses, type Outcome } from "./clauses";
import type { ClockTime, IsoDay } from "./dates";
import { describeValue, detach, Fields, normalizeKey, readDateValue, readFrontmatter, readTags, readText } from "./frontmatter";
import { memo } from "./memo";
import { parseNextStep, type NextStep } from "./nextClause";
import type { TouchbaseSettings } from "./settings";
import { BlockScanner, findFrontmatter, isListItem, splitLines, type FrontmatterBlock } from "./scan";
import { checkState, deserializeTouch, type CheckState, type TouchLine } from "./touchLine";

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
	parsed: TouchLine;
}

export interface DatedValue {
	date: IsoDay;
	time: ClockTime | null;
	/** 1-based line it was read from. */
	line: number | null;
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
}

export interface NoteRead {
	/** The prospect, or null when the note is not one (or could not be read). */
	prospect: ProspectNote | null;
	/** Problems of a note that is (or looks like) a prospect. Other notes never report any. */
	problems: Problem[];
}

const STATUSES: readonly Status[] = ["lead", "active", "paused", "won", "lost"];

export function noteName(path: string): string {
	const base = path.slice(path.lastIndexOf("/") + 1);
	return base.replace(/\.md$/i, "");
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
	return { maybe: block !== null && text.lastIndexOf("\\", block.end) >= 0, tag: false };
}

/** Reads a note; returns the prospect it describes, or null with no problem for other notes. */
export function readNote(path: string, text: string, settings: TouchbaseSettings): NoteRead {
	const inFolder = inProspectFolder(path, settings);
	// A note in a prospect folder is one whatever its tags: its inline tag is never looked for.
	let tagPossible = false;
	if (!inFolder) {
		const screened = screen(text, settings);
		if (!screened.maybe) return { prospect: null, problems: [] };
		tagPossible = screened.tag;
	}
	const fm = readFrontmatter(text);
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
	if (!isProspect(path, fields, inlineTagged, settings)) return { prospect: null, problems: [] };

	const problems: Problem[] = [];
	const report = (line: number | null, message: string): void => {
		problems.push({ path, line, message });
	};
	const keyLine = (key: string): number | null => findKeyLine(lines, fm.block, key);
	const prospect: ProspectNote = {
		path,
		name: noteName(path),
		...readProspectFields(fields, body.inlineNext, keyLine, settings, report),
		touches: readTouches(body.touchLines, settings, report),
		frontmatter: fm.data,
		problems,
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
	const cadenceHit = fields.find([k.cadence]);
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
		company: text1(k.company),
		contact: text1(k.contact),
		channel: text1(k.channel)?.toLowerCase() ?? null,
		created,
		value,
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
	/** Dataview `next` fields. */
	inlineNext: { line: number; key: string; value: string }[];
	/** Whether the body outside code and comments has the inline tag. */
	inlineTagged: boolean;
}

/** Normalized names of the Dataview `next` fields, built once per set of names. */
const nextKeySet = memo(16, (names: string): Set<string> => new Set(names.split("\n").map(normalizeKey)));

function nextKeysOf(settings: TouchbaseSettings): Set<string> {
	return nextKeySet(["next", settings.keys.nextFollowUp, ...settings.synonyms.nextFollowUp].join("\n"));
}
const INLINE_BRACKET = /[[(]([^[\]():]+)::\s*([^\])]*)[\])]/g;
const INLINE_LINE = /^\s*(?:[-*+]\s+)?([^:[\]()]+)::\s*(.*)$/;

/** Walks the body once through the scanner, skipping fenced code and comments. */
function scanBody(lines: string[], block: FrontmatterBlock | null, settings: TouchbaseSettings, tagPattern: RegExp | null): BodyScan {
	const out: BodyScan = { touchLines: [], inlineNext: [], inlineTagged: false };
	let nextKeys: Set<string> | null = null;
	const scanner = new BlockScanner();
	for (let i = block ? block.bodyLine : 0; i < lines.length; i++) {
		const raw = lines[i].endsWith("\r") ? lines[i].slice(0, -1) : lines[i];
		const visible = scanner.read(raw);
		if (visible === null) continue;
		if (visible.trim() === "") continue;
		if (tagPattern !== null && !out.inlineTagged && tagPattern.test(visible)) out.inlineTagged = true;
		if (isListItem(visible)) {
			// Touches keep their line: a copy, so the index does not keep every note's whole text.
			const own = detach(raw);
			out.touchLines.push({ line: i + 1, raw: own, text: visible === raw ? own : detach(visible) });
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
