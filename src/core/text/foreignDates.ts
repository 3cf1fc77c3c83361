/**
 * Written-out dates of other languages (README, "Notes in other languages"): `22 de abril de
 * 2026`, `5 de maio de 2026`, `12 mars 2026`, `3. März 2026`, `12 maggio 2026`, `3 maart 2026`,
 * `12 maj 2026`, read by chrono's own month-name parsers of each language, loaded on first use as
 * chrono's English parsers are (nextClause.ts). Only where the English parsers found no date.
 */
import type { Chrono } from "chrono-node/en";
import type { IsoDay } from "./dates";
import { isIsoDay } from "./dates";
import { foreignWord } from "./languages";
import { memo } from "./memo";

/** The languages whose dates chrono reads (it has no parser for Danish or Norwegian). */
export const DATE_LANGUAGES = ["es", "pt", "fr", "de"] as const;
type DateLanguage = (typeof DATE_LANGUAGES)[number];

export interface ForeignDate {
	index: number;
	length: number;
	/** The whole day, when the date gives its year. */
	date: IsoDay | null;
	month: number;
	day: number;
}

/**
 * A day number before a month word of one of the languages: where chrono is asked (most lines
 * have none). A hyphen joins them too (`18-ago`), as chrono's parsers read it. Month stems as chrono's dictionaries start them (\u00e9 e acute, \u00e4 a umlaut, \u00fb u circumflex).
 */
const HINT =
	/\d(?:\.|er|\u00ba|\u00b0)?(?:\s+|-)(?:de\s+)?(?:ene|feb|f[e\u00e9]v|m[a\u00e4]r|mrt|maa|abr|avr|apr|ma[yij]|mag|mei|ju[nil]|giu|lug|ago|ao[u\u00fb]|aug|se[pt]|o[ck]t|out|ott|nov|di[cz]|de[zc]|d\u00e9c|gen|jan|j\u00e4n)/i;
/** Month words that are English words too (`2 Mai Tais`, `3 Mars bars`, `a 5-set match`). */
const ENGLISH_LOOKALIKE = /(?:^|[^\p{L}])(?:mars|mai|set)\.?$/iu;
/** Reference for month-day dates: its year is never used, only whether chrono was certain of one. */
const FIXED_REFERENCE = new Date(2001, 5, 15, 12);

type ParserClass = new () => Chrono["parsers"][number];
let parsers: Record<DateLanguage, Chrono> | null = null;

/** chrono with one language's month-name parser, built the first time a line may need it. */
function load(): Record<DateLanguage, Chrono> {
	if (parsers !== null) return parsers;
	/* eslint-disable no-undef, @typescript-eslint/no-require-imports -- the bundle's own require: loaded on first use, bundled all the same */
	const { Chrono: ChronoClass } = require("chrono-node/en") as { Chrono: new (c: { parsers: unknown[]; refiners: unknown[] }) => Chrono };
	// chrono exports no single parser: its files are named (the plugin build takes the same files' ES module copies).
	const classes: Record<DateLanguage, { default: ParserClass }> = {
		es: require("../../../node_modules/chrono-node/dist/cjs/locales/es/parsers/ESMonthNameLittleEndianParser.js") as { default: ParserClass },
		pt: require("../../../node_modules/chrono-node/dist/cjs/locales/pt/parsers/PTMonthNameLittleEndianParser.js") as { default: ParserClass },
		fr: require("../../../node_modules/chrono-node/dist/cjs/locales/fr/parsers/FRMonthNameLittleEndianParser.js") as { default: ParserClass },
		de: require("../../../node_modules/chrono-node/dist/cjs/locales/de/parsers/DEMonthNameLittleEndianParser.js") as { default: ParserClass },
	};
	/* eslint-enable no-undef, @typescript-eslint/no-require-imports -- only the loads above */
	const built = {} as Record<DateLanguage, Chrono>;
	for (const language of DATE_LANGUAGES) built[language] = new ChronoClass({ parsers: [new classes[language].default()], refiners: [] });
	parsers = built;
	return built;
}

const pad = (n: number): string => String(n).padStart(2, "0");

/** chrono's readings of a line, in the languages of the key's first line; notes repeat lines. */
const readings = memo(20_000, (key: string): ForeignDate[] => {
	const at = key.indexOf("\n");
	const languages = key.slice(0, at).split(",");
	const text = key.slice(at + 1);
	const chronos = load();
	const out: ForeignDate[] = [];
	for (const language of DATE_LANGUAGES) {
		if (!languages.includes(language)) continue;
		for (const result of chronos[language].parse(text, FIXED_REFERENCE)) {
			const start = result.start;
			const month = start.get("month");
			const day = start.get("day");
			if (month === null || day === null || !start.isCertain("month") || !start.isCertain("day")) continue;
			// A day number opens the date (`am 3. März`, `le 1er avril`), as the line's hint asks; ordinal
			// words (`primero de mayo`) are not read (esbuild.config.mjs leaves them out of the plugin).
			if (!/^\D{0,4}\d/.test(result.text)) continue;
			// The first language to read a stretch of the line keeps it.
			if (out.some((d) => result.index < d.index + d.length && d.index < result.index + result.text.length)) continue;
			const year = start.isCertain("year") ? start.get("year") : null;
			// `2 Mai Tais`: a yearless `mars`, `mai` or `set` is a date on a line with a word of the languages, or alone (a label: `12 mars : appel`).
			const alone = result.text.length === text.trim().length;
			if (year === null && !alone && ENGLISH_LOOKALIKE.test(result.text) && foreignWord("verbs", text, languages) === null && foreignWord("nouns", text, languages) === null) continue;
			const date = year === null ? null : `${String(year).padStart(4, "0")}-${pad(month)}-${pad(day)}`;
			// A day its month does not have (`31 de abril de 2026`) is no date.
			if (date !== null && !isIsoDay(date)) continue;
			out.push({ index: result.index, length: result.text.length, date, month, day });
		}
	}
	return out.sort((a, b) => a.index - b.index);
});

/**
 * The written-out dates of a line in the chosen languages, in order; empty when none are chosen
 * or no day number stands before a month word.
 */
export function foreignDatesIn(text: string, languages: readonly string[]): ForeignDate[] {
	if (languages.length === 0 || !HINT.test(text)) return [];
	const chosen = DATE_LANGUAGES.filter((language) => languages.includes(language));
	return chosen.length === 0 ? [] : readings(`${chosen.join(",")}\n${text}`);
}
