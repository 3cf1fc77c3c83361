import fc from "fast-check";

/** Fixed seed: the property runs are the same on every machine and every CI run. */
export const SEED = 20261123;
/** Runs per property; `npm run mutate` asks for fewer (docs/testing.md): it runs them once per mutant. */
export const RUNS = Number(process.env.TOUCHBASE_PROPERTY_RUNS) || 300;

/** Any UTF-16 code unit, lone surrogates and control characters included. */
export const anyUnit = fc.integer({ min: 0, max: 0xffff }).map((n) => String.fromCharCode(n));

/** Pieces of markdown that reach the parser's corners, mixed with arbitrary units. */
const PIECES = [
	"- ", "* ", "+ ", "1. ", "2) ", "[ ] ", "[x] ", "[X] ", "[-] ", "[/] ", "2026-11-20", "2026-02-30", "[[2026-11-21]]", "[[2026-11-22|Sun]]",
	"**2026-11-23**", " 14:30", " 25:99", " call", " email:", " Call", ": ", "next: ", "→ next: ", "-> next: ", "in 3 days", "friday", "tomorrow",
	"Dec 1", "outcome: yes", "(outcome: next step)", "#objective/check", "objective: close", "#prospect", "---", "...", "\n", "\r\n", "\r",
	"```", "~~~", "<!--", "-->", "%%", "📅 2026-12-01", "⏳ 2026-12-02", "✅ 2026-12-03", "[next:: 2026-12-04]", "next_follow_up:: 2026-12-05",
	"status: ", "won", "paused", "paused_until: 2027-01-05", "cadence: ", "3d, 1w", "none", "value: ", "8k", "[", "]", "{", "}", ":", "'", '"',
	"\t", "    ", "## Follow-ups", "# Title", "\uFEFF", "\u0000", "\uD800", "\uDFFF", "é", "漢", "👋",
];

export const markdownish = fc
	.array(fc.oneof({ weight: 4, arbitrary: fc.constantFrom(...PIECES) }, { weight: 1, arbitrary: anyUnit }), { maxLength: 120 })
	.map((parts) => parts.join(""));

/** A note with frontmatter-ish start, then markdown-ish lines. */
export const noteText = fc
	.tuple(fc.boolean(), fc.array(markdownish, { maxLength: 25 }), fc.constantFrom("\n", "\r\n"), fc.boolean(), fc.boolean())
	.map(([withFm, lines, eol, bom, finalNewline]) => {
		const body = lines.join(eol);
		const fm = withFm ? `---${eol}status: active${eol}value: 100${eol}---${eol}` : "";
		return `${bom ? "\uFEFF" : ""}${fm}${body}${finalNewline ? eol : ""}`;
	});
