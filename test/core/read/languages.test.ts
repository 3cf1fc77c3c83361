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
