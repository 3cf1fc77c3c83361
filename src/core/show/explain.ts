/**
 * Says why (README, "Bringing your existing notes"): every date Touchbase took from a prospect
 * note, the rule that read it and what it became, and every dated line it saw and did not use.
 */
import type { IsoDay } from "../text/dates";
import { isDone, type DueEntry } from "../rules/due";
import { normalizeKey, readDateValue } from "../text/frontmatter";
import type { TouchForm } from "../read/forms";
import type { TouchbaseSettings } from "../settings/settings";
import type { DueReport } from "../rules/dueReport";

const RULES: Record<TouchForm, string> = {
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
	out.push(next ? `  Due: ${next.date}${next.time ? ` ${next.time}` : ""} (${next.suggested ? "suggested by the cadence" : next.source})` : "  Due: nothing");
	const unused = [...(p.unused ?? []).map((u) => `  line ${u.line}: ${u.text.trim()}  (${u.reason})${judged(u.cues?.filter((c) => !u.reason.includes(c.replace(/^[^"]*/, ""))), undefined)}`), ...unusedKeys(p.frontmatter, settings)];
	if (unused.length > 0) out.push("", "Dates seen and not used:", ...unused);
	return out;
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
	const names: Record<TouchForm, string> = {
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
	for (const e of report.entries) {
		const done = e.prospect.touches.filter((t) => isDone(t, report.today));
		for (const t of done) add(names[t.from ?? "line"]);
		const contact = e.prospect.lastContact;
		if (contact && contact.date <= report.today && !done.some((t) => t.date === contact.date)) add(names.key);
	}
	const order = Object.values(names);
	const parts = order.filter((n) => counts.has(n)).map((n) => `${counts.get(n)!.toLocaleString("en-US")} ${n}`);
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
