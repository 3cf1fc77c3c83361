/**
 * Notes written in other languages (README, "Notes in other languages"): per language, the words
 * the judge of a dated line knows in English. Contact verbs (enough in prose) and nouns (a line of
 * their own), the words of each channel, words that make a date no contact, log-section and
 * next-step titles, and next-step and last-contact labels. Matched whole, in any case, with or
 * without accents (`último`, `ultimo`; `Gespräch`, `Gesprach`, `Gespraech`).
 */
import { memo } from "./memo";

/** The languages read besides English; da and nb for words only (chrono reads no date of theirs). */
export const LANGUAGES = ["es", "pt", "fr", "de", "it", "nl", "sv", "da", "nb"] as const;
export type Language = (typeof LANGUAGES)[number];

/**
 * Per language, its words in the fields `verbs;nouns;not;log;next;last;channel`, each a list
 * separated by `|`, written without accents (folded as a line is: `fold`), in a pattern's
 * shorthand: `(a,b)` one of a or b, `[oa]` one letter, `?` the one before it may be left out. Verbs are enough in
 * prose, nouns need a line of their own; `not` words make a date no contact; `log` and `next` are
 * section titles (`next` also labels); `last` labels a last contact (`Letzter Kontakt`), a contact
 * as `Last contact` is. A digit after a word is the channel it names (`CHANNELS`); the last field
 * holds channel words that are neither verb nor noun. Words that are English words too once
 * folded (`mode`, `cafe`, `telephone`) are kept out of the verbs and nouns.
 */
const WORDS: Record<Language, string> = {
	es: "llam(e,o,amos)1|le llame1|habl(e,o,amos)|escribi(o)?|envi(e,ad[oa]s?,amos)|respondio|contest[oe]|(nos reunimos,me reuni)4|quedamos|visite4|contact(ado,e)|charlamos;llamada1|reunion4|correo( electronico)?2|mensaje3|videollamada5|almuerzo7|cena|visita4|conversacion|entrevista|cita4;cumpleanos|vencimiento|vence|factura|borrador|cancel(ad[oa],e)|plazo|fecha limite|aniversario|renovacion|recordatorio|mencionad[oa]|pagad[oa]|transferencia|ultima actualizacion;historial( de contactos)?|interacciones|seguimiento|registro( de contactos)?|llamadas|reuniones|bitacora|cronologia|notas de reuniones;proxim[oa]s? (pasos?,contacto,llamada,reunion,interaccion)|siguientes? pasos?|pendientes;ultim[oa] (contacto,llamada,reunion);cafe6",
	pt: "lig(uei,ou,amos)1|fal(ei,ou,amos)|conversamos|envi(ei,ou,ad[oa]s?)|mandei|respond(eu,i)|(entrou,entrei,entramos) em conta(c)?to|retorn(ou,ei)|(nos reunimos,encontrei,visitei)4|conta(c)?tad[oa]|contatei;(ligacao,chamada)1|reuniao4|mensagem3|videochamada5|almoco7|jantar|visita4|conversa|entrevista;aniversario|vencimento|vence|fatura|rascunho|cancelad[oa]|prazo|renovacao|lembrete|mencionad[oa]|pagamento|transferencia|ultima atualizacao;historico( de conta(c)?tos)?|interacoes|acompanhamento|regist(r)?o|ligacoes|reunioes|cronologia;proxim[oa]s? (passos?,conta(c)?to,reuniao,ligacao,interacao)|pendencias;ultim[oa] (conta(c)?to,ligacao,reuniao);cafe6",
	fr: "(r)?appelee?1|parle|discute|ecrit|envoyee?s?|repondu|rencontree?4|relancee?|echange|contactee?;appel1|(reunion,rendez-vous,rdv,entretien)4|courriel2|visio(conference)?5|dejeuner7;anniversaire|echeance|facture|brouillon|annulee?|date limite|renouvellement|mentionnee?|paye|virement|derniere mise a jour;historique( des echanges)?|echanges|suivi|appels|reunions|rendez-vous|chronologie|comptes? rendus?;prochaine?s? (etapes?,contact,rendez-vous,appel,relance)|a faire;dernier (contact,appel,echange)|derniere reunion;",
	de: "(angerufen,telefoniert)1|gesprochen|geschrieben|geschickt|gesendet|gemailt2|(getroffen,besucht)4|geantwortet|nachgefasst|kontaktiert|ausgetauscht|zuruckgerufen1;(anruf,telefonat,ruckruf)1|gesprach|(treffen,termin,besprechung,besuch)4|nachricht3|videocall5|mittagessen7|kaffee6|abendessen;geburtstag|rechnung|entwurf|abgesagt|storniert|frist|fallig|jahrestag|verlangerung|erinnerung|erwahnt|bezahlt|zahlung|uberweisung|zuletzt aktualisiert|letzte aktualisierung;(kontakt)?verlauf|gesprach(snotizen,sprotokoll,e)|(kontakt)?historie|protokoll|anrufe|termine|treffen|chronik|zeitleiste;nachste(s,r)? (schritte?,kontakt,termin,treffen)|wiedervorlage|offene punkte;letzte(r,s) (kontakt,gesprach,termin,anruf);",
	it: "(chiamato,telefonato)1|parlato|scritto|inviato|mandato|risposto|(incontrato,visitato)4|contattato;(telefonata,chiamata)1|(riunione,incontro,appuntamento,visita,colloquio)4|messaggio3|videochiamata5|pranzo7|cena|caffe6;compleanno|scadenza|fattura|bozza|annullat[oa]|cancellato|anniversario|rinnovo|promemoria|menzionato|pagat[oa]|pagamento|bonifico|ultimo aggiornamento;cronologia|storico( contatti)?|interazioni|registro|chiamate|riunioni|incontri|diario contatti;prossim[oia] (passi,passo,contatto,chiamata,incontro)|da fare;ultim[oa] (contatto,chiamata,incontro);",
	nl: "gebeld1|gesproken|gemaild2|(ge,ver)stuurd|(ontmoet,bezocht)4|afgesproken|geantwoord|gecontacteerd;(telefoontje,belafspraak)1|gesprek|(afspraak,vergadering,bezoek)4|videogesprek5|koffie6;verjaardag|factuur|geannuleerd|afgezegd|vervaldatum|verlenging|herinnering|genoemd|betaald|betaling|laatst bijgewerkt;geschiedenis|contact(momenten,historie,geschiedenis)|logboek|tijdlijn|gesprekken|afspraken|interacties;volgende? (stappen,stap,contact,afspraak)|actiepunten;laatste (contact,gesprek,afspraak);",
	sv: "ring(de,t)1|pratade|talade|(mejl,mail)ade2|skickade|(traffade,besokte)4|svarade|kontaktade;(mote,besok)4|telefonsamtal1|mejl2|meddelande3|(fika,kaffe)6|videosamtal5;fodelsedag|faktura|utkast|installt|avbokat|forfallodag|paminnelse|namnd|betald|betalning|senast uppdaterad;(kontakt)?historik|logg|moten|tidslinje|samtal;nasta (steg,kontakt,mote)|att gora;senast(e)? (kontakt,samtal,mote);",
	da: "ringede1|talte|mailede2|sendte|(modtes,modte)4|svarede|besogte|kontaktede;opkald1|frokost7|kaffe6|besog4;fodselsdag|faktura|udkast|aflyst|pamindelse|betalt|betaling|senest opdateret;(kontakt)?historik|moder|samtaler;naeste (skridt,kontakt,mode);(seneste,sidste) kontakt;",
	nb: "ringte1|snakket|pratet|sendte|motte4|svarte|mailet2|besokte|kontaktet;telefonsamtale1|(mote,besok)4|lunsj7|kaffe6;bursdag|faktura|utkast|avlyst|paminnelse|betalt|betaling|sist oppdatert;(kontakt)?historikk|logg|moter|samtaler;neste (steg,kontakt,mote);(siste,forrige) kontakt;",
};

/**
 * Per language, more of its words in the fields `since;date;kind;notes;prefix;undecided`, written as `WORDS`
 * are: `since` before a date makes it a state that began that day (`desde el 3-ago`, as `since`);
 * `date`, `kind` and `notes` are a table's column headers (`| Fecha | Tipo | Notas |`, as `| Date |
 * Type | Notes |`); `prefix` is the kind of note a title says before the person's name
 * (`Ata de contato — Ana Lima`, as `Contact: Ana Lima`); `undecided` says a next step has no day yet
 * (`Próxima interação indefinida`, as `Next step: TBD`).
 */
const MORE: Record<Language, string> = {
	es: "desde( el, la)?;fecha;tipo|canal|medio;notas?|resumen|detalles?|descripcion|asunto|contenido|observaciones|comentarios?;acta( de (reunion,contacto,llamada))?|minuta|ficha( de (cliente,contacto))?|(notas,resumen) de (la )?(reunion,llamada);indefinid[oa]|por definir|sin fecha|en pausa|pausad[oa]",
	pt: "desde( o, a)?;data;tipo|canal|meio;notas?|resumo|detalhes|descricao|assunto|conteudo|observacoes|comentarios?;ata( de (conta(c)?to,reuniao))?|ficha( de (cliente,conta(c)?to))?|(notas,resumo) (da,de) (reuniao,ligacao);indefinid[oa]|a definir|sem data|em stand-by|pausad[oa]",
	fr: "depuis( le)?;date|jour;type|canal|moyen;notes?|resume|details|description|objet|sujet|contenu|commentaires?|remarques?|observations;compte rendu( (de,d') (reunion,rendez-vous,rdv,appel))?|fiche( (client,contact,prospect))?|notes? (de,d') (reunion,rendez-vous,rdv,appel);indefinie?|a definir|sans date|en pause|en attente",
	de: "seit( dem)?;datum;typ|kanal|medium;notizen?|beschreibung|details|betreff|thema|inhalt|zusammenfassung|bemerkung(en)?|kommentare?;gesprach(snotiz(en)?,sprotokoll)|(besprechungs,kontakt,akten,telefon)notiz(en)?|protokoll|kundenprofil|steckbrief;unbestimmt|noch offen|ohne termin|pausiert",
	it: "dal;data;tipo|canale|mezzo;note|nota|riepilogo|dettagli|descrizione|oggetto|argomento|contenuto|commenti;verbale( (di,della) riunione)?|scheda( (cliente,contatto))?|note (riunione,chiamata);indefinit[oa]|da definire|senza data|in pausa",
	nl: "sinds;datum;type|kanaal|soort;notities|notitie|samenvatting|details|beschrijving|onderwerp|inhoud|opmerkingen;gespreksverslag|verslag|notulen|klantprofiel;onbekend|nog niet gepland|gepauzeerd",
	sv: "sedan;datum;typ|kanal;anteckningar|sammanfattning|detaljer|beskrivning|amne|innehall|kommentarer;(motes,samtals)anteckningar|protokoll;oklart|pausad",
	da: "siden;dato;type|kanal;noter|resume|detaljer|beskrivelse|emne|indhold|kommentarer;(mode,samtale)referat|referat|samtalenotat;uafklaret|pa pause",
	nb: "siden;dato;type|kanal;notater|sammendrag|detaljer|beskrivelse|emne|innhold|kommentarer;(mote,samtale)referat|referat|samtalenotat;uavklart|pa pause",
};
const MORE_FIELDS = ["since", "date", "kind", "notes", "prefix", "undecided"] as const;
export type MoreKind = (typeof MORE_FIELDS)[number];

/** One pattern for a field of `MORE` in the chosen languages, on a folded text, with how it is anchored. */
const morePattern = memo(32, (key: string): RegExp | null => {
	const [kind, ...languages] = key.split("\n");
	const field = MORE_FIELDS.indexOf(kind as MoreKind);
	const words = new Set<string>();
	for (const language of LANGUAGES) if (languages.includes(language)) for (const w of MORE[language].split(";")[field].split("|")) words.add(w);
	if (words.size === 0) return null;
	const alternatives = [...words].sort((a, b) => b.length - a.length).map((w) => w.replace(/[- ]/g, "[- ]?").replace(/\(/g, "(?:").replace(/,/g, "|"));
	const body = `(${alternatives.join("|")})`;
	// `since` ends what stands before a date; a header is a whole cell; a prefix opens a title and a separator follows it.
	if (kind === "since") return new RegExp(`(?:^|[^a-z0-9])${body}[\\s(]*$`);
	if (kind === "prefix") return new RegExp(`^[^a-z0-9]*${body}\\s*(?:[:|\u2014\u2013]|\\s-\\s)`);
	if (kind === "undecided") return new RegExp(`(?:^|[^a-z0-9])${body}(?![a-z0-9])`);
	return new RegExp(`^${body}$`);
});

/**
 * The word of a `MORE` field a text shows in the chosen languages, folded, or null: `since` at the
 * end of what stands before a date, a header as the whole cell, a prefix opening a title.
 */
export function moreWord(kind: MoreKind, text: string, languages: readonly string[]): string | null {
	if (languages.length === 0) return null;
	return morePattern(`${kind}\n${languages.join("\n")}`)?.exec(fold(text).trim())?.[1] ?? null;
}

/** The channels a word's digit names, 1 to 7, in the order they are tried. */
const CHANNELS = ["call", "email", "text", "meeting", "video", "coffee", "lunch"] as const;
const FIELDS = ["verbs", "nouns", "not", "log", "next", "last", "channel"] as const;
export type WordKind = "verbs" | "nouns" | "not" | "last";

/**
 * A text as the words are written: lower case, accents and marks dropped (`último`, `Ultimo`, a
 * decomposed `u` and accent), and the letters without one (o slash, ae, sharp s) spelled out.
 * ASCII text is only lower-cased.
 */
export function fold(text: string): string {
	// The judge asks of the same line several times in a row: the last answer is kept.
	if (text === lastFolded[0]) return lastFolded[1];
	const folded = foldNow(text);
	lastFolded = [text, folded];
	return folded;
}

let lastFolded: [string, string] = ["", ""];

function foldNow(text: string): string {
	const lower = text.toLowerCase();
	// eslint-disable-next-line no-control-regex -- any character past ASCII
	if (!/[^\x00-\x7f]/.test(lower)) return lower;
	// \u00f8 o slash, \u00e6 ae, \u00df sharp s (main.js stays ASCII: esbuild.config.mjs).
	return lower.normalize("NFD").replace(/\p{M}/gu, "").replace(/\u00f8/g, "o").replace(/\u00e6/g, "ae").replace(/\u00df/g, "ss");
}

/**
 * One pattern for a kind of word (a field, or a channel's digit) in the chosen languages, on a
 * folded text: whole words; section titles and labels from their start. Null when none.
 */
const pattern = memo(64, (key: string): RegExp | null => {
	const [kind, ...languages] = key.split("\n");
	const digit = String(CHANNELS.indexOf(kind as (typeof CHANNELS)[number]) + 1);
	const words = new Set<string>();
	for (const language of LANGUAGES) {
		if (!languages.includes(language)) continue;
		const fields = WORDS[language].split(";");
		const lists = digit !== "0" ? [fields[0], fields[1], fields[6]] : [fields[FIELDS.indexOf(kind as (typeof FIELDS)[number])]];
		for (const word of lists.join("|").split("|")) {
			const channel = /\d$/.test(word) ? word.slice(-1) : "";
			if (word !== "" && (digit === "0" || channel === digit)) words.add(channel === "" ? word : word.slice(0, -1));
		}
	}
	if (words.size === 0) return null;
	const alternatives = [...words].sort((a, b) => b.length - a.length).map((w) => w.replace(/[- ]/g, "[- ]?").replace(/\(/g, "(?:").replace(/,/g, "|"));
	// ASCII classes, no `u` flag: the text is folded, and this pattern runs on every dated line.
	const start = kind === "log" || kind === "next" ? "^[^a-z0-9]*" : "(?:^|[^a-z0-9])";
	return new RegExp(`${start}(${alternatives.join("|")})(?![a-z0-9])`);
});

const find = (kind: string, text: string, languages: readonly string[]): RegExpExecArray | null =>
	languages.length === 0 ? null : (pattern(`${kind}\n${languages.join("\n")}`)?.exec(fold(text)) ?? null);

/** The first word of a kind in a text in the chosen languages, folded (`ultimo contacto`); null when none. */
export function foreignWord(kind: WordKind, text: string, languages: readonly string[]): string | null {
	return find(kind, text, languages)?.[1] ?? null;
}

/**
 * The role a section title gives in the chosen languages (`## Historial`: log, `## Nächste
 * Schritte`: next), by its first words: `Historial de contactos con Ana` is a log.
 */
export function foreignSectionRole(title: string, languages: readonly string[]): "log" | "next" | null {
	return languages.length === 0 ? null : sectionRoles(`${languages.join("\n")}\n\n${title}`);
}

/** Notes repeat the same few headings: each is judged once per choice of languages. */
const sectionRoles = memo(10_000, (key: string): "log" | "next" | null => {
	const at = key.indexOf("\n\n");
	const languages = key.slice(0, at).split("\n");
	const title = key.slice(at + 2);
	return find("next", title, languages) ? "next" : find("log", title, languages) ? "log" : null;
});

/** Whether a label is a next step in the chosen languages (`Próximo contacto`, `Nächster Kontakt`), and nothing more. */
export function isForeignNextLabel(label: string, languages: readonly string[]): boolean {
	const m = find("next", label, languages);
	return m !== null && m[0].length === fold(label).trimEnd().length;
}

/**
 * One pattern for the channel words of the chosen languages, a group per channel (`CHANNELS`
 * order): the first channel word of a line names its channel.
 */
const channelPattern = memo(16, (key: string): RegExp | null => {
	const groups = CHANNELS.map((channel) => pattern(`${channel}\n${key}`)?.source.replace(/^\(\?:\^\|\[\^a-z0-9\]\)\((.*)\)\(\?!\[a-z0-9\]\)$/, "$1") ?? "(?!)");
	return groups.every((g) => g === "(?!)") ? null : new RegExp(`(?:^|[^a-z0-9])(?:${groups.map((g) => `(${g})`).join("|")})(?![a-z0-9])`);
});

/** The channel a text's words name in the chosen languages (`Llamada con Ana`: call), if it is one of `channels`. */
export function foreignChannel(text: string, languages: readonly string[], channels: readonly string[]): string | null {
	if (languages.length === 0) return null;
	const m = channelPattern(languages.join("\n"))?.exec(fold(text));
	if (!m) return null;
	const channel = CHANNELS[m.slice(1).findIndex((g) => g !== undefined)];
	return channels.includes(channel) ? channel : null;
}
