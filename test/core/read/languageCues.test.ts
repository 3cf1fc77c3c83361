// The cues of round 10's tuning part (README, "Notes in other languages"), each as another vault
// in that language would write it, with a negative control: an English note that must not change,
// or the same line without the cue. The suite runs in UTC, Los Angeles and Auckland.
import { describe, expect, it } from "vitest";
import { migrateSettings } from "../../../src/core/settings/settings";
import { note } from "../../helpers/noteBuilder";

const PATH = "Prospects/Ana.md";
const ALL = migrateSettings(undefined);
const ENGLISH_ONLY = migrateSettings({ languages: [] });
const GB = migrateSettings({ dateLocale: "en-GB" });
const read = (b: ReturnType<typeof note>, settings = ALL, path = PATH) => b.read(path, settings).prospect!;
const days = (b: ReturnType<typeof note>, settings = ALL) => read(b, settings).touches.map((t) => t.date);
const nexts = (b: ReturnType<typeof note>, settings = ALL) => read(b, settings).nextFollowUp.map((n) => n.date);

describe("table headers in other languages", () => {
	it.each([
		["| Fecha | Tipo | Notas |", "| 2026-03-02 | presupuesto | revisado con Ana |"],
		["| Data | Canal | Resumo |", "| 2026-03-02 | WhatsApp | proposta revisada |"],
		["| Date | Action | Détails |", "| 02/03/2026 | Proposition | Devis envoyé |"],
		["| Datum | Kanal | Notizen |", "| 2026-03-02 | Telefon | Angebot besprochen |"],
	])("%s: a row under a history section is a contact", (header, row) => {
		const b = note().line("## Historial", header, "|---|---|---|", row, "");
		expect(days(b, GB)).toEqual(["2026-03-02"]);
		// In English only, the header is not read: the table names no date column.
		expect(days(b, migrateSettings({ languages: [], dateLocale: "en-GB" }))).toEqual([]);
	});

	it("an English table without a date column stays unread", () => {
		const b = note().line("## History", "| Item | Action | Owner |", "|---|---|---|", "| 2026-03-02 | Review | Ana |", "");
		expect(days(b)).toEqual([]);
	});

	it("a next column in another language is a next step", () => {
		const b = note().line("| Fecha | Notas | Próximo paso |", "|---|---|---|", "| 2026-03-02 | llamada con Ana | 2026-12-02 |", "");
		expect(nexts(b)).toEqual(["2026-12-02"]);
		expect(nexts(note().line("| Fecha | Notas | Presupuesto |", "|---|---|---|", "| 2026-03-02 | llamada con Ana | 2026-12-02 |", ""))).toEqual([]);
	});
});

describe("since, in other languages", () => {
	it.each([
		["- Sin respuesta desde el 3-ago, le escribí otra vez", "es"],
		["- Sem retorno desde 3 de agosto de 2026, liguei de novo", "pt"],
		["- Pas de réponse depuis le 3 août 2026, appelé à nouveau", "fr"],
		["- Keine Antwort seit dem 3. August 2026, angerufen", "de"],
	])("%s: the date is a state, not a contact", (line) => {
		const b = note().line("## Log 2026-08-10", line, "");
		expect(days(b)).toEqual([]);
	});

	it("the same lines without since are contacts", () => {
		expect(days(note().line("## Log 2026-08-10", "- Le escribí el 3-ago", ""))).toEqual(["2026-08-03"]);
		expect(days(note().line("- Angerufen am 3. August 2026", ""))).toEqual(["2026-08-03"]);
	});

	it("English since is unchanged", () => {
		expect(days(note().line("- Called, no reply since 2026-08-03", ""))).toEqual([]);
		expect(days(note().line("- Called on 2026-08-03", ""))).toEqual(["2026-08-03"]);
	});
});

describe("paid and last-updated words", () => {
	it.each(["Acompte payé", "Virement reçu", "Pago recibido, factura pagada", "Pagamento recebido", "Betrag bezahlt", "Dernière mise à jour"])("%s makes a history row none", (words) => {
		const b = note().line("## Historique", `- ${words} (2026-03-02)`, "");
		expect(days(b)).toEqual([]);
	});

	it("a row that says the work was updated is still a contact (mise à jour alone)", () => {
		expect(days(note().line("## Historique", "- Mise à jour avancement, devis actualisé (2026-03-02)", ""))).toEqual(["2026-03-02"]);
	});

	it("English paid is unchanged", () => {
		expect(days(note().line("## Log", "- Invoice paid (2026-03-02)", ""))).toEqual([]);
		expect(days(note().line("## Log", "- Sent the revised quote (2026-03-02)", ""))).toEqual(["2026-03-02"]);
	});
});

describe("sales follow-up words", () => {
	it.each([
		["- 2026-03-02: Relance envoyée", "fr"],
		["- 2026-03-02: Proposition envoyée à Anne", "fr"],
		["- 2026-03-02: Il a rappelé pour le devis", "fr"],
		["- Cliente entrou em contato em 2026-03-02 pelo site", "pt"],
		["- 2026-03-02: Propuestas enviadas", "es"],
		["- 2026-03-02: Kunde hat zurückgerufen", "de"],
	])("%s is a contact", (line, lang) => {
		expect(days(note().line(line, ""))).toEqual(["2026-03-02"]);
		expect(days(note().line(line, ""), migrateSettings({ languages: [lang] }))).toEqual(["2026-03-02"]);
		expect(days(note().line(line, ""), ENGLISH_ONLY)).toEqual([]);
	});
});

describe("next-step and last-contact keys in other languages", () => {
	it.each(["proximo_contacto", "data_proxima_interacao", "proximo_contato", "prochain_contact", "naechster_kontakt", "nächster_kontakt", "prossimo_contatto", "volgend_contact"])("%s is a next-step key", (key) => {
		expect(nexts(note().fm(`${key}: 2026-12-02`))).toEqual(["2026-12-02"]);
	});

	it.each(["ultimo_contacto", "data_contato", "ultimo_contato", "dernier_contact", "letzter_kontakt", "ultimo_contatto", "laatste_contact"])("%s is a last-contact key", (key) => {
		expect(read(note().fm(`${key}: 2026-03-02`)).lastContact?.date).toBe("2026-03-02");
	});

	it("a key no language names is neither", () => {
		const p = read(note().fm("data_criacao: 2026-03-02", "proxima_fatura: 2026-12-02"));
		expect(p.lastContact).toBeNull();
		expect(p.nextFollowUp).toEqual([]);
	});

	it("settings saved with their own lists keep them", () => {
		const saved = migrateSettings({ synonyms: { nextFollowUp: ["follow_up"], lastTouch: ["last_contact"] } });
		expect(nexts(note().fm("proximo_contacto: 2026-12-02"), saved)).toEqual([]);
	});
});

describe("a next step said to have no day yet", () => {
	it.each([
		"> [!warning] **⚠️ PRÓXIMA INTERAÇÃO INDEFINIDA — PROJETO EM STAND-BY**",
		"### Próximo contacto: por definir",
		"**Prochain contact :** à définir",
		"Nächster Termin: noch offen",
		"**Next step:** TBD",
	])("%s sets a next-step key aside", (line) => {
		const b = note().fm("next_follow_up: 2026-02-11").line(line, "");
		expect(nexts(b)).toEqual([]);
		expect(read(b).unused?.some((u) => u.line === 2 && /no day yet/.test(u.reason))).toBe(true);
	});

	it("a next step with its day, or another undecided thing, leaves the key", () => {
		expect(nexts(note().fm("next_follow_up: 2026-02-11").line("**Next step:** send the deck", ""))).toEqual(["2026-02-11"]);
		expect(nexts(note().fm("next_follow_up: 2026-02-11").line("Budget: TBD", ""))).toEqual(["2026-02-11"]);
		expect(nexts(note().fm("next_follow_up: 2026-02-11").line("### Próximo contacto: llamar a Ana", ""))).toEqual(["2026-02-11"]);
	});
});

describe("kind prefixes kept out of names", () => {
	it.each([
		["# 📞 ATA DE CONTATO — Ananda Rio Claro", "Ananda Rio Claro"],
		["# Compte rendu — Anne Sorel", "Anne Sorel"],
		["# Acta de reunión — Centro Ébano", "Centro Ébano"],
		["# Gesprächsnotiz: Jonas Weber", "Jonas Weber"],
		["# Contact: Dana Lee", "Dana Lee"],
	])("%s is shown as %s", (heading, name) => {
		expect(read(note().line(heading, ""), ALL, "Prospects/lead-feedback-r01.md").name).toBe(name);
	});

	it("a title that only starts like one keeps its name", () => {
		expect(read(note().line("# Atari Collectors — Dana", ""), ALL, "Prospects/lead-r01.md").name).toBe("Atari Collectors — Dana");
		expect(read(note().line("# 📞 ATA DE CONTATO — Ananda Rio Claro", ""), ENGLISH_ONLY, "Prospects/lead-feedback-r01.md").name).toBe("📞 ATA DE CONTATO — Ananda Rio Claro");
	});
});

describe("a day and month joined by a hyphen, read by chrono's parsers", () => {
	it("`18-ago` takes the year of the nearest full date", () => {
		expect(days(note().line("## Estado · 2026-08-18", "- Mensaje de Aina (18-ago tarde)", ""))).toEqual(["2026-08-18"]);
		expect(days(note().line("## Estado · 2026-08-18", "- Mensaje de Aina (18-ago tarde)", ""), ENGLISH_ONLY)).toEqual([]);
	});

	it("an English word after a number and a hyphen is no date (`a 5-set match`), unless the line is in the language", () => {
		expect(days(note().line("## Log 2026-08-18", "- Won the 5-set match with Dana", ""))).toEqual([]);
		expect(days(note().line("## Log 2026-08-18", "- Ligação com a Ana em 5-set", ""))).toEqual(["2026-09-05"]);
	});
});
