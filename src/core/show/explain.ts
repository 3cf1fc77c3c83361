/**
 * Says why (README, "Bringing your existing notes"): every date Touchbase took from a prospect
 * note, the rule that read it and what it became, and every dated line it saw and did not use.
 */
import type { IsoDay } from "../text/dates";
import { isDone, type DueEntry } from "../rules/due";
import { keyOfLine, normalizeKey, readDateValue } from "../text/frontmatter";
import type { FormKind } from "../read/forms";
import type { TouchbaseSettings } from "../settings/settings";
import type { DueReport } from "../rules/dueReport";
import type { Problem, ProspectNote } from "../read/note";
import { lineSpans, findFrontmatter } from "../text/scan";

const RULES: Record<FormKind, string> = {
	line: "touch line",
	key: "frontmatter key",
	label: "label line",
	list: "dated list item",
	prose: "sentence",
	heading: "dated heading",
	table: "table row",
	task: "dated task",
	interaction: "interaction note",
};

/** The explanation of one prospect, as lines of text. */
export function explainProspect(entry: DueEntry, settings: TouchbaseSettings, today: IsoDay): string[] {
	const p = entry.prospect;
	const out: string[] = [`${p.path}: ${p.name}`, `Status: ${entry.effectiveStatus}, ${entry.bucket}; ${entry.doneCount} touch${entry.doneCount === 1 ? "" : "es"}.`, "", "Touches:"];
	const touches = [...p.touches].sort((a, b) => a.date.localeCompare(b.date) || a.line - b.line);
	for (const t of touches) {
		const where = t.source ? `${RULES.interaction} ${t.source}` : `${RULES[t.from ?? "line"]}, line ${t.line}`;
		const state = t.check === "cancelled" ? "cancelled" : isDone(t, today) ? "done touch" : "open: a next step";
		out.push(`  ${t.date}  ${where} → ${state}${t.channel ? ` (${t.channel})` : ""}${t.summary ? `: ${t.summary}` : ""}${judged(t.cues, t.year)}`);
	}
	const contact = p.lastContact;
	if (contact) {
		const key = keyAt(p.frontmatter, [settings.keys.lastTouch, ...settings.synonyms.lastTouch], contact.date) ?? "last contact";
		const stands = p.touches.find((t) => t.date === contact.date && isDone(t, today));
		const what = contact.date > today ? "in the future: not counted" : stands ? `the same day as ${stands.source ?? `line ${stands.line}`}: counted once` : "one touch on that day";
		out.push(`  ${contact.date}  frontmatter key ${key}${contact.line ? ` (line ${contact.line})` : ""} → ${what}`);
	}
	if (touches.length === 0 && !contact) out.push("  none");
	out.push("", "Next step:");
	for (const n of p.nextFollowUp) {
		const rule = n.from ? RULES[n.from] : n.line !== null ? "follow-up field" : "frontmatter key";
		const last = entry.lastTouch?.date ?? null;
		const what = last !== null && n.date <= last ? `not after the last contact (${last}): stale, not used` : "a next step";
		out.push(`  ${n.date}  ${rule}${n.line !== null ? `, line ${n.line}` : ""} → ${what}${judged(n.cues, n.year)}`);
	}
	const next = entry.next;
	out.push(next ? `  Due: ${next.date}${next.time ? ` ${next.time}` : ""} (${next.suggested ? "suggested by the cadence" : next.source}${next.line !== null ? `, line ${next.line}` : ""})` : "  Due: nothing");
	const unused = [...(p.unused ?? []).map((u) => `  line ${u.line}: ${u.text.trim()}  (${u.reason})${judged(u.cues?.filter((c) => !u.reason.includes(c.replace(/^[^"]*/, ""))), undefined)}`), ...unusedKeys(p.frontmatter, settings)];
	if (unused.length > 0) out.push("", "Dates seen and not used:", ...unused);
	return out;
}

/** What `explain` says about one note, whole: the vault, then each section below. */
export interface ExplainInput {
	entry: DueEntry;
	settings: TouchbaseSettings;
	today: IsoDay;
	/** The vault as the user should recognise it: its folder (CLI) or its name (plugin). */
	vault: string;
	/** The note's text, for the lines of its frontmatter keys. */
	text: string;
	/** Every problem `due` lists for this note. */
	problems: readonly Problem[];
	/**
	 * The prospect as read from `text`: the index keeps a compact record of each note, without the
	 * words of settled touches or the dates not used (docs/performance.md, "The compact index").
	 */
	prospect?: ProspectNote | null;
}

/** The whole explanation: the vault first, the dates, the promises, the keys, the problems. */
export function explainNote(input: ExplainInput): string[] {
	const own = input.prospect;
	// With the touches interaction notes give it, which only the index knows.
	const entry = own ? { ...input.entry, prospect: { ...own, touches: [...own.touches, ...input.entry.prospect.touches.filter((t) => t.source !== undefined)] } } : input.entry;
	return [
		explainVault(input.vault),
		...explainProspect(entry, input.settings, input.today),
		...explainPromises(entry, input.today),
		...explainKeys(input.text, input.settings),
		...explainProblems(input.problems),
	];
}

/** The first line: which vault the note was read in (README, "The command line"). */
export function explainVault(vault: string): string {
	return `Vault: ${vault}`;
}

/** Every problem `due` lists for the note, with its line. */
export function explainProblems(problems: readonly Problem[]): string[] {
	if (problems.length === 0) return ["", "Problems: none"];
	return ["", `Problems (${problems.length}):`, ...problems.map((p) => `  ${p.line !== null ? `line ${p.line}` : "the note"}: ${p.message}`)];
}

/**
 * Every promise the note makes, with its line: each open line (a scheduled touch), and each
 * `next:` of a done touch; which one is due, and which a later touch answered.
 */
export function explainPromises(entry: DueEntry, today: IsoDay): string[] {
	const p = entry.prospect;
	const due = entry.next && !entry.next.suggested ? entry.next : null;
	const isDue = (date: IsoDay, line: number): boolean => due !== null && due.date === date && due.line === line;
	const done = p.touches.filter((t) => t.check !== "cancelled" && isDone(t, today));
	const out: string[] = [];
	const touches = [...p.touches].sort((a, b) => a.line - b.line);
	for (const t of touches) {
		if (t.check === "cancelled") continue;
		if (!isDone(t, today)) {
			const where = t.source ? `interaction note ${t.source}` : `line ${t.line}`;
			out.push(`  ${where}: ${t.date}${t.time ? ` ${t.time}` : ""}${t.channel ? ` ${t.channel}` : ""}, scheduled${isDue(t.date, t.line) ? " → due" : ""}`);
		} else if (t.next) {
			const answered = done.some((d) => d !== t && (d.date > t.date || (d.date === t.date && d.line > t.line)));
			const state = isDue(t.next.date, t.line) ? " → due" : answered ? " → a later touch came: done" : "";
			out.push(`  line ${t.line}: ${t.next.date}${t.next.channel ? ` ${t.next.channel}` : ""}, promised by next: on the touch of ${t.date}${state}`);
		}
	}
	return ["", "Promises:", ...(out.length > 0 ? out : ["  none"])];
}

/** The frontmatter keys Touchbase reads, each with its line, as the note has them. */
export function explainKeys(text: string, settings: TouchbaseSettings): string[] {
	const block = findFrontmatter(text);
	if (!block) return ["", "Keys used: none (no frontmatter)"];
	const names: string[] = [...Object.values(settings.keys as unknown as Record<string, string>), settings.typeKey, "tags", "tag"];
	for (const list of Object.values(settings.synonyms)) names.push(...list);
	const known = new Set(names.filter((n) => n !== "").map(normalizeKey));
	const spans = lineSpans(text);
	const out: string[] = [];
	for (let i = 1; i < block.bodyLine - 1 && i < spans.length; i++) {
		const line = text.slice(spans[i].start, spans[i].end);
		const key = keyOfLine(line);
		if (key !== null && known.has(normalizeKey(key))) out.push(`  line ${i + 1}: ${line.trim()}`);
	}
	return ["", "Keys used:", ...(out.length > 0 ? out : ["  none"])];
}

/**
 * What decided a dated line (README, "Bringing your existing notes"): the cues the judge saw
 * (words, section, time) and where a month-day date's year came from.
 */
function judged(cues: readonly string[] | undefined, year: string | undefined): string {
	const parts: string[] = [];
	if (cues && cues.length > 0) parts.push(`cues: ${cues.join(", ")}`);
	if (year && year !== "written") parts.push(`year from ${year}`);
	return parts.length > 0 ? `  [${parts.join("; ")}]` : "";
}

/** Where a due report's done touches came from: the last line of `touchbase due`. */
export function sourcesLine(report: DueReport): string {
	const counts = new Map<string, number>();
	const add = (what: string): void => {
		counts.set(what, (counts.get(what) ?? 0) + 1);
	};
	const names: Record<FormKind, string> = {
		line: "touch lines",
		key: "frontmatter keys",
		label: "label lines",
		list: "list items",
		prose: "sentences",
		heading: "headings",
		table: "table rows",
		task: "tasks",
		interaction: "interaction notes",
	};
	// "1 frontmatter key", "2 frontmatter keys": each name above is its singular and an s.
	const one = (many: string): string => many.replace(/s$/, "");
	for (const e of report.entries) {
		const done = e.prospect.touches.filter((t) => isDone(t, report.today));
		for (const t of done) add(names[t.from ?? "line"]);
		const contact = e.prospect.lastContact;
		if (contact && contact.date <= report.today && !done.some((t) => t.date === contact.date)) add(names.key);
	}
	const order = Object.values(names);
	const parts = order.filter((n) => counts.has(n)).map((n) => `${counts.get(n)!.toLocaleString("en-US")} ${counts.get(n) === 1 ? one(n) : n}`);
	return `from: ${parts.length > 0 ? parts.join(", ") : "no touches yet"}`;
}

function keyAt(frontmatter: Record<string, unknown>, names: string[], date: IsoDay): string | null {
	const wanted = new Set(names.map(normalizeKey));
	for (const [key, value] of Object.entries(frontmatter)) {
		const v = readDateValue(value);
		if (wanted.has(normalizeKey(key)) && v.kind === "date" && v.date === date) return key;
	}
	return null;
}

/** Frontmatter dates that are not contacts, next steps or Touchbase's own keys. */
function unusedKeys(frontmatter: Record<string, unknown>, settings: TouchbaseSettings): string[] {
	const k = settings.keys;
	const used = new Set(
		[k.lastTouch, k.nextFollowUp, k.pausedUntil, ...settings.synonyms.lastTouch, ...settings.synonyms.nextFollowUp, ...settings.synonyms.nextAction].map(normalizeKey),
	);
	const out: string[] = [];
	for (const [key, value] of Object.entries(frontmatter)) {
		const v = readDateValue(value);
		if (v.kind !== "date" || used.has(normalizeKey(key))) continue;
		const reason = normalizeKey(key) === normalizeKey(k.created) ? "the note's creation: the cadence's start, not a touch" : "not a contact or next-step key";
		out.push(`  ${key}: ${v.date}  (${reason})`);
	}
	return out;
}
