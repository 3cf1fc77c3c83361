export type Outcome = "yes" | "no" | "next step";

export interface Clauses {
	/** The touch's own words, clauses removed. */
	summary: string;
	/** The raw WHEN [channel] [text] of a `next:` clause. */
	next: string | null;
	outcome: Outcome | null;
	objective: string | null;
}

// `next::` is a Dataview field, not a clause. \u2192 is the arrow →: regular expressions in this
// code are written in ASCII, so main.js is (see esbuild.config.mjs).
// With the `g` flag, to start the search where a match can first begin (`execFrom`).
const NEXT_FROM = /(?:(?:\u2192|->)\s*)?\bnext:(?!:)[ \t]*/gi;
const OUTCOME_FROM = /\(?\s*\boutcome:\s*(yes|no|next\s+step|won|lost)\b\s*\)?/gi;
const OBJECTIVE_TAG = /#objective\/([^\s#()[\],;]+)/i;
/** The tag Start a sequence writes (`#sequence/trade-show-lead`): bookkeeping, not the touch's words. */
const SEQUENCE_TAG = /(^|[\s(])#sequence\/[^\s#()[\],;]+/gi;
// The value stops at punctuation or at the next clause (`→ next: …`, `outcome: …`).
const OBJECTIVE_FIELD_FROM =
	/\(?\s*\bobjective:(?!:)\s*([^;()#\]\u2192]+?)\s*(?=[;()#\]\u2192]|->|\bnext:|\boutcome:|$)\)?/gi;
/** A word every clause has. */
const CLAUSE_WORDS = /outcome:|objective|next:/i;
/** Where a `next:` clause stops: another clause, a tag, a Dataview `[key:: value]`, or closing punctuation. */
const NEXT_END = /[;()|#]|\boutcome:|\bobjective:|\[[\w -]+::/i;

const OUTCOMES: Record<string, Outcome> = {
	yes: "yes",
	won: "yes",
	no: "no",
	lost: "no",
	"next step": "next step",
};

export function parseClauses(text: string): Clauses {
	let rest = text;
	let outcome: Outcome | null = null;
	let objective: string | null = null;
	let next: string | null = null;
	// Each clause has a word the text must hold (in any case, as the patterns read it): many lines
	// have none, and the patterns are slow to fail. Cuts join pieces with a space, so they make no
	// new such word.
	const words = CLAUSE_WORDS.test(text);

	const o = words && /outcome:/i.test(text) ? execFrom(OUTCOME_FROM, rest, "outcome:", "(") : null;
	if (o) {
		outcome = OUTCOMES[o[1].toLowerCase().replace(/\s+/g, " ")] ?? null;
		rest = cut(rest, o.index, o[0].length);
	}
	const objectiveWord = words && /objective/i.test(text);
	const tag = objectiveWord ? OBJECTIVE_TAG.exec(rest) : null;
	if (tag) {
		objective = tag[1];
		rest = cut(rest, tag.index, tag[0].length);
	} else if (objectiveWord) {
		const field = execFrom(OBJECTIVE_FIELD_FROM, rest, "objective:", "(");
		if (field) {
			objective = field[1].trim();
			rest = cut(rest, field.index, field[0].length);
		}
	}
	if (rest.includes("#")) rest = rest.replace(SEQUENCE_TAG, "$1");
	const n = words && /next:/i.test(text) ? execFrom(NEXT_FROM, rest, "next:", "→") : null;
	if (n) {
		const after = rest.slice(n.index + n[0].length);
		const end = NEXT_END.exec(after);
		const clause = end ? after.slice(0, end.index) : after;
		next = clause.trim();
		// Drop an opening bracket the clause sat in, e.g. "(next: friday)".
		const before = rest.slice(0, n.index).replace(/\(\s*$/, "");
		const tail = after.slice(clause.length).replace(/^\s*\)/, "");
		rest = `${before} ${tail}`;
	}
	let summary = rest.includes("(") ? rest.replace(/\(\s*\)/g, "") : rest;
	// Most lines are already single-spaced.
	if (/\s\s|[^\S ]/.test(summary)) summary = summary.replace(/\s+/g, " ");
	// Whitespace is single spaces now: a trailing arrow is the last one or two characters but a space.
	if (/(?:\u2192|->) ?$/.test(summary)) summary = summary.replace(/\s*(?:\u2192|->)\s*$/, "");
	summary = summary.replace(/^[\s:;,.-]+|[\s;,]+$/g, "").trim();
	return { summary, next, outcome, objective };
}

/**
 * `pattern.exec(text)` for a clause pattern: optional lead-in (whitespace, and `(` or an arrow
 * before it), then `word`. No match can begin before the lead-in of the word's first appearance,
 * so the search starts there instead of trying every position of the line.
 */
function execFrom(pattern: RegExp, text: string, word: string, opener: "(" | "→"): RegExpExecArray | null {
	const lower = text.toLowerCase();
	let start = lower.indexOf(word);
	// Lower-casing changed the length (`İ`): positions no longer match, search it all.
	if (start < 0 || lower.length !== text.length) start = 0;
	else {
		while (start > 0 && /\s/.test(text[start - 1])) start--;
		if (opener === "(" && text[start - 1] === "(") start--;
		else if (opener === "→" && text[start - 1] === "→") start--;
		else if (opener === "→" && text.startsWith("->", start - 2)) start -= 2;
	}
	pattern.lastIndex = start;
	return pattern.exec(text);
}

function cut(text: string, index: number, length: number): string {
	return `${text.slice(0, index)} ${text.slice(index + length)}`;
}
