// Notes written in other languages (README, "Notes in other languages"): per language a contact
// word, a log-section title, a next-step label and a not-contact word, each with a negative
// control; English notes whose words collide stay as they were; the `languages` setting narrowed
// to English turns them off. The suite runs in UTC, Los Angeles and Auckland.
import { describe, expect, it } from "vitest";
import { migrateSettings } from "../../../src/core/settings/settings";
import { note } from "../../helpers/noteBuilder";

const PATH = "Prospects/Ana.md";
const ENGLISH_ONLY = migrateSettings({ languages: [] });
const read = (b: ReturnType<typeof note>, settings = migrateSettings(undefined)) => b.read(PATH, settings);
const touches = (b: ReturnType<typeof note>, settings = migrateSettings(undefined)) =>
	read(b, settings).prospect!.touches.map((t) => [t.date, t.channel] as const);
const days = (b: ReturnType<typeof note>, settings = migrateSettings(undefined)) => read(b, settings).prospect!.touches.map((t) => t.date);
const nexts = (b: ReturnType<typeof note>, settings = migrateSettings(undefined)) => read(b, settings).prospect!.nextFollowUp.map((n) => n.date);

/** Per language: a contact line and its channel, a log-section title, a next-step label, a not-contact word. */
const CASES = [
	{ lang: "es", contact: "Llamada con Ana", channel: "call", section: "Historial de contactos", next: "Próximo contacto", not: "cumpleaños" },
	{ lang: "pt", contact: "Ligação com a Ana", channel: "call", section: "Interações", next: "Próximo contato", not: "fatura" },
	{ lang: "fr", contact: "Appel avec Ana", channel: "call", section: "Historique", next: "Prochain contact", not: "anniversaire" },
	{ lang: "de", contact: "Anruf bei Ana", channel: "call", section: "Gesprächsnotizen", next: "Nächster Kontakt", not: "Geburtstag" },
	{ lang: "it", contact: "Riunione con Ana", channel: "meeting", section: "Cronologia", next: "Prossimo contatto", not: "scadenza" },
	{ lang: "nl", contact: "Ana gebeld over de offerte", channel: "call", section: "Contactmomenten", next: "Volgende stap", not: "factuur" },
	{ lang: "sv", contact: "Ringde Ana", channel: "call", section: "Historik", next: "Nästa steg", not: "födelsedag" },
	{ lang: "da", contact: "Mødtes med Ana", channel: "meeting", section: "Kontakthistorik", next: "Næste kontakt", not: "fødselsdag" },
	{ lang: "nb", contact: "Møte med Ana", channel: "meeting", section: "Historikk", next: "Neste kontakt", not: "bursdag" },
];

describe.each(CASES)("$lang words", ({ lang, contact, channel, section, next, not }) => {
	it("a dated list item with a contact word is a contact with its channel; in English only it is none", () => {
		const b = note().line(`- 2026-03-02: ${contact}`, "");
		expect(touches(b)).toEqual([["2026-03-02", channel]]);
		expect(touches(b, ENGLISH_ONLY)).toEqual([]);
		expect(touches(b, migrateSettings({ languages: [lang] }))).toEqual([["2026-03-02", channel]]);
	});

	it("a log-section title makes a dated item a contact; another title does not", () => {
		expect(days(note().line(`## ${section}`, "- Ana, sobre el presupuesto (2026-03-02)", ""))).toEqual(["2026-03-02"]);
		expect(days(note().line(`## ${section}`, "- Ana, sobre el presupuesto (2026-03-02)", ""), ENGLISH_ONLY)).toEqual([]);
		expect(days(note().line("## Ideas", "- Ana, sobre el presupuesto (2026-03-02)", ""))).toEqual([]);
	});

	it("a next-step label is a next step; a plain label is not", () => {
		expect(nexts(note().line(`**${next}:** 2026-12-02`, ""))).toEqual(["2026-12-02"]);
		expect(nexts(note().line(`**${next}:** 2026-12-02`, ""), ENGLISH_ONLY)).toEqual([]);
		expect(nexts(note().line("**Presupuesto:** 2026-12-02", ""))).toEqual([]);
	});

	it("a not-contact word makes a dated contact line none", () => {
		expect(days(note().line(`- 2026-03-02: ${contact} (${not})`, ""))).toEqual([]);
		expect(days(note().line(`- 2026-03-02: ${contact}`, ""))).toEqual(["2026-03-02"]);
	});
});

describe("accents and case", () => {
	it.each(["Último contacto", "ultimo contacto", "ÚLTIMO CONTACTO", "Ultimo Contacto"])("%s is a last-contact label", (label) => {
		expect(days(note().line(`**${label}:** 2026-03-02`, ""))).toEqual(["2026-03-02"]);
	});

	it.each(["Gespräch", "Gesprach", "GESPRÄCH", "gespräch"])("%s is a conversation, with or without its umlaut", (word) => {
		expect(days(note().line(`- ${word} mit Ana, 2026-03-02`, ""))).toEqual(["2026-03-02"]);
		expect(days(note().line("- Gesprochenes Wort, 2026-03-02", ""))).toEqual([]);
	});

	it("reads a word written decomposed (e and a combining accent)", () => {
		expect(days(note().line(`- R${"e\u0301"}union avec Ana, 2026-03-02`, ""))).toEqual(["2026-03-02"]);
	});
});

describe("English notes whose words collide", () => {
	it.each([
		"- de facto owner of the budget, 2026-03-02",
		"- pros and con of the plan, 2026-03-02",
		"- Mars bar sales report, 2026-03-02",
		"- The concept art is ready, 2026-03-02",
		"- Mai Tai recipe, 2026-03-02",
		"- Diner opening downtown, 2026-03-02",
	])("%s stays no contact", (line) => {
		expect(days(note().line(line, ""))).toEqual([]);
		// The control: a contact word on the same line.
		expect(days(note().line(line.replace(", 2026", ", call, 2026"), ""))).toEqual(["2026-03-02"]);
	});
});

describe("key/value tables", () => {
	it("reads a last-contact row of a two-column table as a contact; another row as none", () => {
		const table = (key: string) => note().line("| Feld | Wert |", "|---|---|", `| ${key} | 2026-03-03 |`, "");
		expect(days(table("Letzter Kontakt"))).toEqual(["2026-03-03"]);
		expect(days(table("Letzter Kontakt"), ENGLISH_ONLY)).toEqual([]);
		expect(days(table("Geburtsdatum"))).toEqual([]);
	});

	it("reads a next-contact row as a next step", () => {
		const table = note().line("| Campo | Valor |", "|---|---|", "| Próximo contacto | 2026-12-03 |", "");
		expect(nexts(table)).toEqual(["2026-12-03"]);
		expect(nexts(table, ENGLISH_ONLY)).toEqual([]);
	});
});

describe("written-out dates, read by chrono's parsers of each language", () => {
	it.each([
		["es", "- Llamada con Ana, 22 de abril de 2026", "2026-04-22"],
		["pt", "- Ligação com a Ana, 5 de maio de 2026", "2026-05-05"],
		["fr", "- Appel avec Ana, 12 mars 2026", "2026-03-12"],
		["de", "- Anruf bei Ana am 3. März 2026", "2026-03-03"],
		["fr", "- Appel avec Ana le 1er avril 2026", "2026-04-01"],
		["de", "- Telefonat mit Ana am 3. Dez. 2025", "2025-12-03"],
		["es", "- Reunión con Ana el 5 ago 2026", "2026-08-05"],
	])("%s: %s", (lang, line, day) => {
		expect(days(note().line(line, ""))).toEqual([day]);
		expect(days(note().line(line, ""), migrateSettings({ languages: [lang] }))).toEqual([day]);
		// The control: English only reads no date there.
		expect(days(note().line(line, ""), ENGLISH_ONLY)).toEqual([]);
	});

	it("gives a month and day without a year the year of the nearest full date, as in English", () => {
		const b = note().line("## Historial", "- 3 de marzo de 2026: llamada con Ana", "- 14 de abril: reunión con Ana", "");
		expect(days(b)).toEqual(["2026-03-03", "2026-04-14"]);
		// Without a full date, the created date gives it.
		expect(days(note().fm("created: 2026-01-05").line("## Verlauf", "- 3. März: Anruf bei Ana", ""))).toEqual(["2026-03-03"]);
	});

	it("reads a key/value table row with a written-out date", () => {
		expect(days(note().line("| Feld | Wert |", "|---|---|", "| Letzter Kontakt | 3. März 2026 |", ""))).toEqual(["2026-03-03"]);
		expect(nexts(note().line("| Campo | Valor |", "|---|---|", "| Próximo contacto | 22 de diciembre de 2026 |", ""))).toEqual(["2026-12-22"]);
	});

	it("reads Italian, Dutch and Swedish words but not their written-out dates (main.js has no room: README)", () => {
		expect(days(note().line("- Telefonata con Ana, 12 maggio 2026", ""))).toEqual([]);
		expect(days(note().line("- Telefonata con Ana, 2026-05-12", ""))).toEqual(["2026-05-12"]);
		expect(days(note().line("- Ana gebeld, 3 maart 2026", ""))).toEqual([]);
		expect(days(note().line("- Ringde Ana, 12 maj 2026", ""))).toEqual([]);
	});

	it("reads no date a month does not have", () => {
		expect(days(note().line("- Llamada con Ana, 31 de abril de 2026", ""))).toEqual([]);
	});

	it("leaves English lines whose words look like other languages' months without a date", () => {
		for (const line of ["- Ordered 2 Mai Tais at the bar", "- Bought 3 Mars bars for the team", "- Mai Tai night with 12 mai tais", "We met 2 de facto partners"]) {
			const read = read_(note().line(line, ""));
			expect(read.prospect!.touches, line).toEqual([]);
			expect(read.problems, line).toEqual([]);
		}
	});

	it("reads a French month that is an English word when the line has a French word", () => {
		expect(days(note().fm("created: 2026-01-05").line("- 12 mars : appel avec Ana", ""))).toEqual(["2026-03-12"]);
		expect(days(note().fm("created: 2026-01-05").line("- 12 mars 2026 : Ana", "")).length).toBe(0);
	});
});

const read_ = (b: ReturnType<typeof note>) => read(b);

describe("the languages setting", () => {
	it("reads all languages when the setting is missing (settings saved before it), known codes only otherwise", () => {
		expect(migrateSettings(undefined).languages).toEqual(["es", "pt", "fr", "de", "it", "nl", "sv", "da", "nb"]);
		expect(migrateSettings({ contactWords: ["call"] }).languages).toEqual(["es", "pt", "fr", "de", "it", "nl", "sv", "da", "nb"]);
		expect(migrateSettings({ languages: ["DE", " fr ", "xx", 3, "en"] }).languages).toEqual(["fr", "de"]);
		expect(migrateSettings({ languages: [] }).languages).toEqual([]);
		expect(migrateSettings({ languages: "de" }).languages).toEqual(["es", "pt", "fr", "de", "it", "nl", "sv", "da", "nb"]);
	});

	it("narrowed to German, reads German and not Spanish", () => {
		const german = migrateSettings({ languages: ["de"] });
		expect(days(note().line("- Anruf bei Ana, 2026-03-02", ""), german)).toEqual(["2026-03-02"]);
		expect(days(note().line("- Llamada con Ana, 2026-03-02", ""), german)).toEqual([]);
		expect(days(note().line("- Anruf bei Ana am 3. März 2026", ""), german)).toEqual(["2026-03-03"]);
		expect(days(note().line("- Llamada con Ana, 22 de abril de 2026", ""), german)).toEqual([]);
	});
});
