// Scores the reader on the corpus of real notes (test/fixtures/real/SOURCES.md) against the answers
// written by hand (test/fixtures/real/answers.json): per part (tuning, held-out), the prospects that
// come out right, and per-line precision and recall of done contacts and of next steps. Used by
// test/core/read/corpus.test.ts and by `npm run corpus` (bench/corpus.ts); no vitest here.
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative, sep } from "node:path";
import { ProspectIndex } from "../../src/core/index/prospectIndex";
import type { DueEntry } from "../../src/core/rules/due";
import { DEFAULT_SETTINGS, migrateSettings, type TouchbaseSettings } from "../../src/core/settings/settings";

export type Part = "tune" | "held-out";

interface AnswerTouch {
	date: string;
	from: string;
	line: number | null;
	channel?: string | null;
}

export interface Answer {
	kind: "prospect" | "interaction" | "template" | "other";
	name?: string;
	names?: string[];
	touches?: AnswerTouch[];
	next?: string | null;
	planned?: { date: string; line: number | null }[];
	prospect?: string | null;
	prospects?: string[];
	date?: string | null;
}

interface VaultAnswers {
	repo: string;
	/** 2 for the vaults added in the second round of issue 26 (test/fixtures/real/SOURCES.md). */
	round?: number;
	commit: string;
	part: Part;
	/** What a user of that vault would set: its folders, and `dateLocale: "en-GB"` where it writes day first. */
	settings: { prospectFolders: string[]; dateLocale?: "en" | "en-GB" };
	notes: Record<string, Answer>;
}

export interface Answers {
	today: string;
	/** `heldOutRound10`, `heldOutRound11`: the tenth and eleventh rounds' held-out repositories (SOURCES.md), each scored in a column of its own. */
	split: { madeAt: string; vaultPart: Part; heldOut: string[]; tune: string[]; heldOutRound10?: string[]; heldOutRound11?: string[] };
	notes: Record<string, Answer>;
	vaults: Record<string, VaultAnswers>;
}

/** One note's outcome; `key` is `vault:path` for the first round's vault, `<owner>+<repo>:path` otherwise. */
export interface NoteResult {
	key: string;
	part: Part;
	kind: Answer["kind"];
	right: boolean;
	/** What differs from the answer, for the report; empty when right. */
	diff: string;
	nameRight: boolean | null;
	/** The name the reader shows, when the answer gives one. */
	name?: string;
	wantName?: string;
}

interface Tally {
	tp: number;
	fp: number;
	fn: number;
}

export interface PartScore {
	prospects: number;
	prospectsRight: number;
	/** Of the prospects read whose answer gives a name (the second round's). */
	namesRight: number;
	namesAsked: number;
	interactions: number;
	interactionsRight: number;
	others: number;
	othersRight: number;
	contacts: Tally;
	nextSteps: Tally;
	/** Matched done contacts read from the answer's own line, and with the answer's channel. */
	lineAgrees: number;
	channelAgrees: number;
	channelAsked: number;
}

/** A column of the score: the two parts, and the tenth and eleventh rounds' held-out repositories apart (SOURCES.md). */
export type Column = Part | "held-out (round 10)" | "held-out (round 11)";

/** The columns in the order the table prints them. */
const COLUMNS: readonly Column[] = ["tune", "held-out", "held-out (round 10)", "held-out (round 11)"];

export interface CorpusScore {
	today: string;
	notes: NoteResult[];
	parts: Record<Column, PartScore>;
}

function markdownFiles(root: string): string[] {
	const walk = (dir: string): string[] =>
		readdirSync(dir).flatMap((name) => {
			const full = join(dir, name);
			return statSync(full).isDirectory() ? walk(full) : name.endsWith(".md") ? [relative(root, full).split(sep).join("/")] : [];
		});
	return walk(root);
}

function emptyPart(): PartScore {
	const t = (): Tally => ({ tp: 0, fp: 0, fn: 0 });
	return { prospects: 0, prospectsRight: 0, namesRight: 0, namesAsked: 0, interactions: 0, interactionsRight: 0, others: 0, othersRight: 0, contacts: t(), nextSteps: t(), lineAgrees: 0, channelAgrees: 0, channelAsked: 0 };
}

/** Done contacts as days: every done touch, and a later last-contact date from frontmatter. */
function doneDays(e: DueEntry, today: string): string[] {
	const done = e.prospect.touches.filter((t) => t.date <= today && t.check !== "cancelled" && t.check !== "open");
	return [...new Set([...done.map((t) => t.date), ...(e.lastTouch ? [e.lastTouch.date] : [])])].sort();
}

function nextDay(e: DueEntry | undefined): string | null {
	return e?.next && !e.next.suggested ? e.next.date : null;
}

/** Every planned contact the reader holds: next-follow-up values, scheduled touches, the next step. */
function plannedDays(e: DueEntry, today: string): string[] {
	const days = new Set<string>(e.prospect.nextFollowUp.map((v) => v.date));
	for (const t of e.prospect.touches) if (t.check === "open" || (t.check === "none" && t.date > today)) days.add(t.date);
	const next = nextDay(e);
	if (next !== null) days.add(next);
	return [...days].sort();
}

function count(tally: Tally, got: readonly string[], want: readonly string[]): void {
	const wanted = new Set(want);
	const gotten = new Set(got);
	for (const d of gotten) if (wanted.has(d)) tally.tp++;
	else tally.fp++;
	for (const d of wanted) if (!gotten.has(d)) tally.fn++;
}

const FRONTMATTER = /^\uFEFF?---\r?\n[\s\S]*?\r?\n---[ \t]*(?:\r?\n|$)/;

const normalChannel = (c: string | null | undefined): string | null => (c ? c.toLowerCase() : null);

/** Reads one vault with the index as a new user's vault would be read, and scores its notes. */
function scoreVault(name: string, root: string, part: Part, column: Column, notes: Record<string, Answer>, settings: TouchbaseSettings, today: string, into: CorpusScore): void {
	const index = new ProspectIndex(settings);
	// The same vault with each person note cut to its frontmatter: an interaction note's touch is
	// then never merged into a contact the person's own lines give on that day, so it shows.
	const bare = new ProspectIndex(settings);
	for (const path of markdownFiles(root)) {
		const text = readFileSync(join(root, path), "utf8");
		index.update(path, text);
		bare.update(path, notes[path]?.kind === "prospect" ? (FRONTMATTER.exec(text)?.[0] ?? "") : text);
	}
	const report = index.report(today);
	const byPath = new Map(report.entries.map((e) => [e.prospect.path, e]));
	const bareByPath = new Map(bare.report(today).entries.map((e) => [e.prospect.path, e]));
	const score = into.parts[column];
	for (const [path, answer] of Object.entries(notes)) {
		const e = byPath.get(path);
		const key = `${name}:${path}`;
		const diffs: string[] = [];
		let nameRight: boolean | null = null;
		let shown: string | undefined;
		if (answer.kind === "prospect") {
			score.prospects++;
			const want = [...new Set((answer.touches ?? []).map((t) => t.date))].sort();
			const wantNext = answer.next ?? null;
			const wantPlanned = [...new Set([...(answer.planned ?? []).map((p) => p.date), ...(wantNext ? [wantNext] : [])])].sort();
			const got = e ? doneDays(e, today) : [];
			const gotNext = nextDay(e);
			count(score.contacts, got, want);
			count(score.nextSteps, e ? plannedDays(e, today) : [], wantPlanned);
			if (!e) diffs.push("not read as a prospect");
			if (got.join() !== want.join()) diffs.push(`contacts [${got.join(", ")}], want [${want.join(", ")}]`);
			if (gotNext !== wantNext) diffs.push(`next ${gotNext ?? "none"}, want ${wantNext ?? "none"}`);
			if (e && answer.name !== undefined) {
				score.namesAsked++;
				shown = e.prospect.name;
				nameRight = [answer.name, ...(answer.names ?? [])].includes(shown);
				if (nameRight) score.namesRight++;
			}
			if (e) {
				for (const t of answer.touches ?? []) {
					const same = e.prospect.touches.filter((r) => r.date === t.date);
					if (same.length === 0) continue;
					if (typeof t.line === "number" && same.some((r) => r.line === t.line)) score.lineAgrees++;
					if (t.channel) {
						score.channelAsked++;
						if (same.some((r) => normalChannel(r.channel) === normalChannel(t.channel))) score.channelAgrees++;
					}
				}
			}
			if (diffs.length === 0) score.prospectsRight++;
		} else {
			if (answer.kind === "interaction") score.interactions++;
			else score.others++;
			if (e) {
				diffs.push("read as a prospect");
				count(score.contacts, doneDays(e, today), []);
				count(score.nextSteps, plannedDays(e, today), []);
			}
			if (answer.kind === "interaction") {
				const people = answer.prospects ?? (answer.prospect ? [answer.prospect] : []);
				for (const person of people) {
					const touched = bareByPath.get(person)?.prospect.touches.some((t) => t.source === path && t.date === answer.date);
					if (!touched) diffs.push(`no touch of ${person} on ${answer.date}`);
				}
				if (diffs.length === 0) score.interactionsRight++;
			} else if (diffs.length === 0) score.othersRight++;
		}
		into.notes.push({ key, part, kind: answer.kind, right: diffs.length === 0, diff: diffs.join("; "), nameRight, name: shown, wantName: answer.name });
	}
}

/** The vaults of the corpus by name, `vault` being the first round's (test/fixtures/real/vault). */
function vaultNames(answers: Answers): string[] {
	return ["vault", ...Object.keys(answers.vaults)];
}

function scoreNamed(root: string, answers: Answers, name: string, into: CorpusScore): void {
	if (name === "vault") {
		scoreVault("vault", join(root, "vault"), answers.split.vaultPart, answers.split.vaultPart, answers.notes, DEFAULT_SETTINGS, answers.today, into);
		return;
	}
	const vault = answers.vaults[name];
	if (!vault) throw new Error(`no vault ${name} in the corpus`);
	// Through migrateSettings, as the plugin and the CLI read a user's settings (`People/` is `People`).
	const settings: TouchbaseSettings = migrateSettings({ ...DEFAULT_SETTINGS, ...vault.settings });
	const column: Column = answers.split.heldOutRound10?.includes(vault.repo)
		? "held-out (round 10)"
		: answers.split.heldOutRound11?.includes(vault.repo)
			? "held-out (round 11)"
			: vault.part;
	scoreVault(name, join(root, "vaults", name), vault.part, column, vault.notes, settings, answers.today, into);
}

/** Scores the whole corpus under `root` (test/fixtures/real); or only the vaults named, or only one round's. */
export function scoreCorpus(root: string, select: { only?: readonly string[]; round?: number } = {}): CorpusScore {
	const answers = JSON.parse(readFileSync(join(root, "answers.json"), "utf8")) as Answers;
	const score: CorpusScore = { today: answers.today, notes: [], parts: { tune: emptyPart(), "held-out": emptyPart(), "held-out (round 10)": emptyPart(), "held-out (round 11)": emptyPart() } };
	const names = select.only ?? vaultNames(answers).filter((name) => select.round === undefined || (name !== "vault" && answers.vaults[name].round === select.round));
	for (const name of names) scoreNamed(root, answers, name, score);
	return score;
}

/** Every note's key (`vault:path`), in the order `scoreCorpus` gives them, without reading a note. */
export function corpusKeys(answers: Answers): string[] {
	return vaultNames(answers).flatMap((name) => Object.keys(name === "vault" ? answers.notes : (answers.vaults[name]?.notes ?? {})).map((path) => `${name}:${path}`));
}

const ratio = (a: number, b: number): string => (b === 0 ? "–" : (a / b).toFixed(2));

/** The score as a table, one column per part and one each for the tenth and eleventh rounds' held-out repositories. */
export function scoreTable(score: CorpusScore): string {
	const rows: [string, (p: PartScore) => string][] = [
		["prospects right", (p) => `${p.prospectsRight}/${p.prospects}`],
		["done contacts: precision", (p) => `${ratio(p.contacts.tp, p.contacts.tp + p.contacts.fp)} (${p.contacts.tp}/${p.contacts.tp + p.contacts.fp})`],
		["done contacts: recall", (p) => `${ratio(p.contacts.tp, p.contacts.tp + p.contacts.fn)} (${p.contacts.tp}/${p.contacts.tp + p.contacts.fn})`],
		["next steps: precision", (p) => `${ratio(p.nextSteps.tp, p.nextSteps.tp + p.nextSteps.fp)} (${p.nextSteps.tp}/${p.nextSteps.tp + p.nextSteps.fp})`],
		["next steps: recall", (p) => `${ratio(p.nextSteps.tp, p.nextSteps.tp + p.nextSteps.fn)} (${p.nextSteps.tp}/${p.nextSteps.tp + p.nextSteps.fn})`],
		["interaction notes right", (p) => `${p.interactionsRight}/${p.interactions}`],
		["other notes right (no prospect)", (p) => `${p.othersRight}/${p.others}`],
		["names right (of prospects read)", (p) => `${p.namesRight}/${p.namesAsked}`],
		["contacts from the answer's line", (p) => `${p.lineAgrees}/${p.contacts.tp}`],
		["contacts with the answer's channel", (p) => `${p.channelAgrees}/${p.channelAsked}`],
	];
	const parts = COLUMNS;
	const width = Math.max(...rows.map(([label]) => label.length));
	const lines = [`${"".padEnd(width)}  ${parts.map((p) => p.padEnd(21)).join("")}`];
	for (const [label, cell] of rows) lines.push(`${label.padEnd(width)}  ${parts.map((p) => cell(score.parts[p]).padEnd(21)).join("")}`);
	return lines.join("\n");
}
