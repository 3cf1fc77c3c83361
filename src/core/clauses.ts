export type Outcome = "yes" | "no" | "next step";

export interface Clauses {
	/** The touch's own words, clauses removed. */
	summary: string;
	/** The raw WHEN [channel] [text] of a `next:` clause. */
	next: string | null;
	outcome: Outcome | null;
	objective: string | null;
}

// `next::` is a Dataview field, not a clause.
const NEXT = /(?:(?:→|->)\s*)?\bnext:(?!:)[ \t]*/i;
const OUTCOME = /\(?\s*\boutcome:\s*(yes|no|next\s+step|won|lost)\b\s*\)?/i;
const OBJECTIVE_TAG = /#objective\/([^\s#()[\],;]+)/i;
/** The tag Start a sequence writes (`#sequence/trade-show-lead`): bookkeeping, not the touch's words. */
const SEQUENCE_TAG = /(^|[\s(])#sequence\/[^\s#()[\],;]+/gi;
// The value stops at punctuation or at the next clause (`→ next: …`, `outcome: …`).
const OBJECTIVE_FIELD =
	/\(?\s*\bobjective:(?!:)\s*([^;()#\]→]+?)\s*(?=[;()#\]→]|->|\bnext:|\boutcome:|$)\)?/i;
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
	// Each clause has a word the text must hold (in any case): most lines have none, and the
	// patterns are slow to fail. Cuts join pieces with a space, so they make no new such word.
	const lower = text.toLowerCase();

	const o = lower.includes("outcome:") ? OUTCOME.exec(rest) : null;
	if (o) {
		outcome = OUTCOMES[o[1].toLowerCase().replace(/\s+/g, " ")] ?? null;
		rest = cut(rest, o.index, o[0].length);
	}
	const tag = lower.includes("#objective/") ? OBJECTIVE_TAG.exec(rest) : null;
	if (tag) {
		objective = tag[1];
		rest = cut(rest, tag.index, tag[0].length);
	} else if (lower.includes("objective:")) {
		const field = OBJECTIVE_FIELD.exec(rest);
		if (field) {
			objective = field[1].trim();
			rest = cut(rest, field.index, field[0].length);
		}
	}
	rest = rest.replace(SEQUENCE_TAG, "$1");
	const n = lower.includes("next:") ? NEXT.exec(rest) : null;
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
	let summary = (rest.includes("(") ? rest.replace(/\(\s*\)/g, "") : rest).replace(/\s+/g, " ");
	// Whitespace is single spaces now: a trailing arrow is the last one or two characters but a space.
	if (/(?:→|->) ?$/.test(summary)) summary = summary.replace(/\s*(?:→|->)\s*$/, "");
	summary = summary.replace(/^[\s:;,.-]+|[\s;,]+$/g, "").trim();
	return { summary, next, outcome, objective };
}

function cut(text: string, index: number, length: number): string {
	return `${text.slice(0, index)} ${text.slice(index + length)}`;
}
