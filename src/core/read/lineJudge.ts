/**
 * The judge of a dated line (README, "Bringing your existing notes"): a done contact, a planned
 * contact (a next step), or not a contact, from cues that stack. Words anywhere in the line
 * (contact verbs and nouns; words that make a date no contact), its place (the section it sits
 * in), and its time (a next-step wording: `next: …`, `follow up by DATE`, `(by DATE)`, an open
 * task). A date in the past of a contact is done, in the future planned: the due rules decide
 * that against today, as for a touch line without a checkbox.
 */
import { linksAsText } from "../text/wikilink";
import { memo } from "../text/memo";
import { foreignChannel, foreignWord, isForeignNextLabel, moreWord } from "../text/languages";
import type { TouchbaseSettings } from "../settings/settings";
import type { Section } from "./sections";

export type LineKind = "list" | "heading" | "label" | "table" | "task" | "prose";
export type Verdict = "contact" | "next" | "none";

export interface JudgeInput {
	kind: LineKind;
	/** The line's words, the date itself left out. */
	words: string;
	/** What stands before the date on its line. */
	before: string;
	/** A label line's label (`Call 1` of `**Call 1:** 2026-02-18`). */
	label?: string;
	/** The mark of a task's checkbox. */
	mark?: string;
	/** Whether the date opens the line's content (after its bullet, checkbox or heading marks). */
	atStart: boolean;
	/** The section with a role the line sits in, if any. */
	section: Section | null;
	/** A heading's first line under it, which may say it was a mention (`- Mentioned in …`). */
	under?: string;
}

export interface Judgement {
	verdict: Verdict;
	/** The cues that decided it, in words (`word "called"`, `section "Log"`, `time "by"`). */
	cues: string[];
	/** Why a line is no contact, when it is none. */
	reason: string | null;
}

/**
 * Past-tense contact verbs: enough by themselves in a sentence of prose. Nouns (`call`,
 * `meeting`) need a line of their own (a list item, heading, label, task or table row).
 */
const CONTACT_VERBS = [
	"called", "phoned", "rang", "emailed", "e-mailed", "mailed", "texted", "messaged", "dm'd", "dmed", "pinged",
	"met", "spoke", "talked", "chatted", "replied", "responded", "wrote to", "sent", "reached out", "followed up",
	"caught up", "touched base", "connected with", "visited", "left a voicemail", "left a message", "introduced",
	"pitched", "demoed", "interviewed", "heard back", "had a call", "had coffee", "had lunch", "had a meeting",
	"hopped on a call", "got on a call", "checked in", "chased", "nudged", "presented",
];
/** Contact nouns besides the settings' contact words and channels. */
const CONTACT_NOUNS = ["1:1", "one-on-one", "coffee chat", "intro", "lunch", "dinner", "dm", "call", "email", "catch up", "check in", "touchpoint", "conversation", "reply", "proposal sent", "kickoff", "kick-off", "qbr", "stand-up", "standup", "read-out", "readout", "chase", "nudge", "samtale", "samtal"];

/** Words of a contact's channel, besides the channel names themselves. */
const CHANNEL_WORDS: [RegExp, string][] = [
	// `Samtale #1` (Norwegian, Danish), `samtal` (Swedish): a conversation, a call.
	[/\b(?:called|phoned|rang|phone call|dialed|dialled|samtale|samtal)\b/i, "call"],
	[/\bvoicemail\b/i, "voicemail"],
	[/\b(?:e-?mailed|e-mail|mailed|emails?)\b/i, "email"],
	[/\b(?:texted|texts?|sms|whats ?app|imessage)\b/i, "text"],
	[/\bcoffee\b/i, "coffee"],
	[/\blunch\b/i, "lunch"],
	[/\blinked ?in\b/i, "linkedin"],
	[/\b(?:zoom|teams|google meet|video call|facetime)\b/i, "video"],
	[/\b(?:met|meeting|1:1|one-on-one|in person|stand-?up|read-?out|kick-?off|qbr)\b/i, "meeting"],
	[/\b(?:dm'?d?|dmed|twitter|x\.com|instagram)\b/i, "social"],
	// `sent to info@acme.com`: an address the contact went to, when no other word says how.
	[/[\w.+-]+@[\w-]+\.[a-z]{2,}/i, "email"],
];
/** A video call: named before the `call` it is (`Zoom call`). */
const VIDEO_CALL = /\b(?:zoom|teams|google meet|meet|facetime|video)[\s-]+call\b/i;

const escape = (word: string): string => word.replace(/[.*+?^${}()|[\]\\]/g, "\\$&").replace(/[- ]/g, "[- ]?");

/** One pattern for a list of words or phrases, whole words only, in any case. */
const wordsPattern = memo(16, (words: string): RegExp => {
	const alternatives = words
		.split("\n")
		.filter((w) => w !== "")
		.sort((a, b) => b.length - a.length)
		.map(escape);
	// An emptied list (a setting cleared) names no word: an empty alternative would match any line.
	if (alternatives.length === 0) return /(?!)/;
	return new RegExp(`(?:^|[^\\p{L}\\d])(${alternatives.join("|")})s?(?![\\p{L}])`, "iu");
});

const verbs = (): RegExp => wordsPattern(CONTACT_VERBS.join("\n"));
const nouns = (s: TouchbaseSettings): RegExp => wordsPattern([...s.contactWords, ...s.channels, ...CONTACT_NOUNS].join("\n"));
const negatives = (s: TouchbaseSettings): RegExp => wordsPattern(s.notContactWords.join("\n"));

/**
 * Words that say a line is about the person, not with them, in its first two clauses: a mention,
 * a report at second hand, an announcement (`Mentioned as owner of …`, `Recognized as …`).
 */
const HEARSAY = /\b(?:mentioned (?:as|by|in)|described by|was mentioned|\(mentioned\)|referenced (?:as|in)|named in|cited in|tagged in|listed in|appear(?:s|ed) in|recognized as|recognised as|highlighted as|announced as|\(per\b|posted (?:on|to) (?:linkedin|x|twitter|instagram|facebook|threads|bluesky|substack|medium|youtube|their|her|his)\b)/i;

/**
 * An activity log's bookkeeping of the owner's own work (`- 2026-05-07, Proposal generated`,
 * `Captured from LinkedIn`, `found, added to pipeline`, `Identified as target investor`,
 * `Reminder cron deployed to staging`, `**Scored At**:`): no contact, when the line names none.
 */
const OWN_WORK = /\b(?:generated|deployed|merged|shipped|researched|identified as|captured|scored|added to|date added|removed from|found via|imported|enriched|stage\s*(?:\u2192|->))/i;

/**
 * Contact details (`**Email**: dana@acme.com (confirmed Oct 27)`): an e-mail address, a web address
 * or a phone number on the line say how to reach someone, not that they were reached.
 */
const CONTACT_DETAILS = /[\w.+-]+@[\w-]+\.[\w.]+|\bhttps?:\/\/|\bwww\.|\blinkedin\.com\/|\+\d[\d ().-]{7,}\d|\(\d{3}\)\s*\d{3}[-.\s]\d{4}|\b\d{3}[-.\s]\d{3}[-.\s]\d{4}\b/i;
/** The label of a contact-details field. */
const DETAILS_LABEL = /^(?:e-?mail(?: address)?|phone(?: number)?|mobile|cell|tel(?:ephone)?|linked ?in|website|web|url|twitter|github)$/i;

/** `next: …`, `next step:`, `next call:` in the words. */
const NEXT_WORDING = /\bnext\s*(?:steps?|actions?|contact|touch|follow[- ]?up|check[- ]?in|call|meeting)?\s*:/i;
/**
 * `Next week (Feb 17): follow-up call`, `next call Feb 17`: a next-step wording opening the line
 * before its date, without a colon (`Discussed next steps on the Feb 3 call` is a contact).
 */
const NEXT_BEFORE = /^[\s*_>([]*(?:the\s+)?next\s+(?:week|month|quarter|time|call|meeting|contact|touch|follow[- ]?up|check[- ]?in|sync|demo)\b/i;
/** A date that a next step is promised by: `follow up by DATE`, `(by DATE)`, `due DATE`. */
const BY_DATE = /\b(?:by|before|no later than|due(?: on| by)?|around|on or before)[\s(]*$/i;
/**
 * A day a next step may start from: `Send a lunch invite (from 17 June onward)`, `not before
 * March 3`. The first needs `onward` after the date (`from 2026-03-02` alone dates a past event).
 */
const FROM_ONWARD = /\bfrom[\s(]*$/i;
const ONWARD = /^[\s,)]*onwards?\b/i;
const NOT_BEFORE = /\b(?:not before|no earlier than|not until)[\s(]*$/i;
/** `Demo call held 2026-03-31 (rescheduled from …)`: said to have taken place that day, so no plan. */
const HELD = /\b(?:held|took place|happened|completed|went ahead)\s*(?:on\s*)?$/i;
/**
 * `Customer since 2024-03-01`, `testing since Mar 27`: a state that began that day; `As of March 10
 * (Dr. C meeting): still negotiating`: a state on that day. Neither is a contact.
 */
const SINCE = /\b(?:since|as of)[\s(]*$/i;
/** Words of intent: the contact is still to come. */
const INTENT = /\b(?:will|going to|plan(?:s|ned)? to|need(?:s)? to|to|should|must|remind(?:er)?(?: me)? to|let'?s)\s+(?:call|email|e-mail|text|follow[- ]?up|reach out|ping|check[- ]?in|touch base|send|meet|schedule|book)\b/i;
const SCHEDULED = /\b(?:scheduled|booked|set up|upcoming|planned|rescheduled|postponed|moved)\b/i;
/**
 * An arrangement before the day it names: `Agreed to a follow-up on April 13th`, `pencilled in a
 * call for 3/4`. After a date (`2026-03-02: agreed on pricing`) it is what was said that day.
 */
const ARRANGED = /\b(?:agreed (?:to|on)|arranged|pencil+ed in|lined up)\b/i;
/**
 * Plan words in the date's own clause, before it (README, "Plans written in prose"): `promised
 * for DATE`, `Committed to sending the link Monday DATE`, `kickoff booked for DATE`, `meeting w/c
 * DATE` (week commencing). The date is the day planned, in a log section too; a done word between
 * the plan word and the date wins (`proposed a call, held on DATE`).
 */
const PLAN_WORDS = /\b(?:promised|committed to|propos(?:ed|ing)|scheduled|booked|planned|pencil+ed in|tentative(?:ly)?|will|going to|to be held|invite sent|invited|awaiting|pending|tb[cd]|w\/c|week commencing|to (?:follow[- ]?up|call|meet|check[- ]?in|catch up|touch base|reach out))\b/gi;
/** Plan words that say the date is not settled, on either side of it: `call DATE (TBC)`. */
const UNSETTLED = /\b(?:tb[cd]|tentative(?:ly)?|to be confirmed)\b/i;
/** A plan that is a promise to them: a next step with no contact word (`data room access promised for DATE`). */
const PROMISE = /^(?:promised|committed to|propos(?:ed|ing)|invite sent|invited)$/i;
/** Done words: the contact took place (`met`, `called`, `held`). */
const DONE_WORDS = /\b(?:met|called|phoned|rang|emailed|texted|spoke|talked|replied|held|took place|happened|completed|went ahead|had (?:a |an )?(?:call|meeting|lunch|coffee|chat))\b/i;
/** Verbs of a contact still to come, after a plan word (`will meet on DATE`). */
const PLAN_CONTACT = /\b(?:meet|see|visit|speak|talk|chat|catch up|call|email|e-mail|text|ping)\b/i;

/** The plan word of a date's clause, when no done word stands between it and the date. */
function planCue(before: string): string | null {
	const clause = before.split(/[.;!?](?:\s|$)|\s[-\u2014\u2013]{1,2}\s|\s\|\s/).pop() ?? "";
	let last: RegExpExecArray | null = null;
	PLAN_WORDS.lastIndex = 0;
	for (let m = PLAN_WORDS.exec(clause); m !== null; m = PLAN_WORDS.exec(clause)) {
		// `Met Will on DATE`: inside a clause, `Will` is a name.
		if (m[0] !== "Will" || clause.slice(0, m.index).trim() === "") last = m;
	}
	if (last === null || DONE_WORDS.test(clause.slice(last.index + last[0].length))) return null;
	return last[0];
}

/** What a next step does for a prospect besides contacting: `send the revised quote (by …)`. */
const NEXT_VERBS = /\b(?:send|share|propose|present|deliver|introduce|schedule)\b/i;
const FOLLOW_UP = /\bfollow[- ]?up\b|\bcheck[- ]?in\b|\breach out\b|\btouch base\b/i;
const NEXT_LABEL = /^next\b|^follow[- ]?up(?: (?:by|on|date))?$|^reminder$/i;
/** A label that is the next contact itself (`Next step:`, `Next due:`), no contact word needed. */
const ACTION_LABEL = /^next (?:action|step|steps|due)$/i;
/** Labels that are only the date of the fields under a heading (`- **Date**: …`). */
const DATE_LABEL = /^(?:date|when|day|on|date of contact|contact date)$/i;

/** The first clause of a line, without its bullet: where a mention opens. */
function opening(line: string): string {
	return line.replace(/^[\s>*+-]*(?:\d{1,9}[.)]\s+)?/, "").split(/\s[-\u2014\u2013]\s|;|\.\s/)[0];
}

/** The first cue of a pattern in a text, for the explanation. */
function cue(pattern: RegExp, text: string): string | null {
	const m = pattern.exec(text);
	return m ? (m[1] ?? m[0]).trim() : null;
}

/**
 * The first 12 words of the first two clauses of what follows a line's date, its separator left
 * out: not-a-contact words and mentions count there, not in a long line's tail (judgeLine).
 */
function openingClauses(after: string): [string, string] {
	const clauses = after.replace(/^[\s:\u2014\u2013|-]+/, "").split(/\s[-\u2014\u2013]\s|;|\.\s|\s\|\s/);
	const words = (clause: string | undefined): string => (clause ?? "").split(/\s+/).slice(0, 12).join(" ");
	return [words(clauses[0]), words(clauses[1])];
}

/** Judges one dated line. */
export function judgeLine(input: JudgeInput, settings: TouchbaseSettings): Judgement {
	const { kind, words, section } = input;
	const label = input.label ?? "";
	const text = `${label} ${words}`;
	if (input.mark !== undefined && input.mark !== " " && input.mark.toLowerCase() !== "x") {
		return { verdict: "none", cues: [`task [${input.mark}]`], reason: "a cancelled task" };
	}
	// Not-a-contact words and weak time words count in the line's head: the label, what stands
	// before the date and the first clause after it. A long log line's tail ("… around the
	// holidays") says nothing of what the date was.
	const [first, second] = openingClauses(words.slice(input.before.length));
	const head = `${label} ${input.before} ${first}`;
	// A mention opens its clause (`Weekly sync - Mentioned as owner of …`): the first two are read.
	const head2 = `${head} ${second}`;
	if (section?.role === "theirs") return { verdict: "none", cues: [`section "${section.title}"`], reason: "their task, not a contact of yours" };
	if (section?.role === "sources") return { verdict: "none", cues: [`section "${section.title}"`], reason: "a source the page cites, not a contact" };
	const languages = settings.languages;
	// Words of the notes' other languages after the English ones (README, "Notes in other languages").
	const verb = cue(verbs(), text) ?? foreignWord("verbs", text, languages);
	const noun = verb === null ? (cue(nouns(settings), text) ?? foreignWord("nouns", text, languages) ?? foreignWord("last", text, languages)) : null;
	const contactWord = verb ?? noun;
	const followUp = cue(FOLLOW_UP, text);
	const place = section ? `section "${section.title}"` : null;
	// Next-step wordings: in the words, the label, an open task, or a next-steps section.
	const timeCue =
		(NEXT_WORDING.test(input.before) || (label !== "" && NEXT_WORDING.test(`${label}:`)) ? "next:" : null) ??
		(NEXT_BEFORE.test(input.before) ? `"${NEXT_BEFORE.exec(input.before)![0]}"` : null) ??
		(NEXT_LABEL.test(label) || isForeignNextLabel(label, languages) ? `label "${label}"` : null) ??
		(BY_DATE.test(input.before) ? `"${BY_DATE.exec(input.before)![0].replace(/[\s(]+$/, "").trim()} DATE"` : null) ??
		(FROM_ONWARD.test(input.before) && ONWARD.test(words.slice(input.before.length)) ? `"from DATE onward"` : null) ??
		(NOT_BEFORE.test(input.before) ? `"${NOT_BEFORE.exec(input.before)![0].replace(/[\s(]+$/, "").trim()} DATE"` : null) ??
		(section?.role === "log" || HELD.test(input.before) ? null : cue(INTENT, head) ?? cue(SCHEDULED, head)) ??
		cue(ARRANGED, input.before) ??
		(input.mark === " " ? "open task" : null) ??
		(section?.role === "next" ? place : null);
	// `**Next Due:** 2027-01-21`: in a next label, `due` is the next contact's day, not a deadline.
	const negative =
		cue(negatives(settings), NEXT_LABEL.test(label) ? head.replace(/\bdue\b/i, "") : head) ??
		foreignWord("not", head, languages) ??
		cue(HEARSAY, head2) ??
		// A dated heading whose first line opens with a mention is about them, not with them.
		(kind === "heading" && contactWord === null && input.under !== undefined ? cue(HEARSAY, opening(input.under)) : null);
	// The owner's own work counts only where no contact word stands in the line (`called Dana, added to pipeline` is a call).
	const ownWork = negative === null && contactWord === null && followUp === null ? cue(OWN_WORK, `${label} ${head}`) : null;
	const cues: string[] = [];
	if (contactWord) cues.push(`word "${contactWord}"`);
	if (place) cues.push(place);
	// `# Call prep: Jay Carter` then `**Meeting:** Intro call — Thu Feb 26`: the meeting it prepares
	// is still to come when it was written; its other dates are research (README).
	if (section?.role === "prep") {
		if (negative === null && contactWord !== null && input.mark?.toLowerCase() !== "x") return { verdict: "next", cues: [...cues, "time prep"], reason: null };
		return { verdict: "none", cues, reason: "written to prepare a meeting: only the meeting itself is a next step" };
	}

	// `desde el 3-ago`, `seit dem 3. März`: since in the notes' other languages (README, "Notes in other languages").
	const since = SINCE.test(input.before) ? null : moreWord("since", input.before, languages);
	if (since !== null || SINCE.test(input.before)) {
		const word = since ?? (/as of/i.test(SINCE.exec(input.before)![0]) ? "as of" : "since");
		return { verdict: "none", cues: [...cues, `time "${word}"`], reason: `a state ${word} that day, not a contact` };
	}
	// `Send the questionnaire | Due Jan 20`: a thing to send or do for them by a day is a next step.
	const dueNext = /^(?:due|by)/i.test(negative ?? "") && (contactWord !== null || NEXT_VERBS.test(text));
	if (negative !== null && !(timeCue !== null && (followUp !== null || dueNext))) {
		return { verdict: "none", cues: [`not-a-contact word "${negative}"`, ...cues], reason: `"${negative}": not a contact` };
	}
	if (ownWork !== null && timeCue === null) {
		return { verdict: "none", cues: [`own-work word "${ownWork.toLowerCase()}"`, ...cues], reason: `"${ownWork.toLowerCase()}": the owner's own work, not a contact` };
	}
	if (kind === "label" && verb === null && timeCue === null && DETAILS_LABEL.test(label.trim()) && CONTACT_DETAILS.test(words)) {
		return { verdict: "none", cues: ["contact details", ...cues], reason: "contact details (an address or number), not a contact" };
	}
	const done = input.mark !== undefined && input.mark.toLowerCase() === "x";
	if (timeCue !== null && !done) {
		const contactish = contactWord !== null || followUp !== null || NEXT_VERBS.test(text) || ACTION_LABEL.test(label) || isForeignNextLabel(label, languages) || section !== null;
		if (contactish) return { verdict: "next", cues: [...cues, `time ${timeCue}`], reason: null };
		if (input.mark === " ") return { verdict: "none", cues: ["open task"], reason: "a dated task that names no contact (call, meeting …)" };
	}
	// A plan says when, not what: it needs a contact or a promise to them (`Audit w/c 5 May` is the
	// consultant's own work). Past or future, a plan is never a done contact.
	const plan = done ? null : planCue(input.before) ?? (DONE_WORDS.test(head) ? null : cue(UNSETTLED, head));
	if (plan !== null) {
		if (contactWord !== null || followUp !== null || PROMISE.test(plan) || PLAN_CONTACT.test(text)) {
			return { verdict: "next", cues: [...cues, `time plan "${plan}"`], reason: null };
		}
		return { verdict: "none", cues: [...cues, `plan "${plan}"`], reason: "a plan that names no contact (call, meeting …)" };
	}
	if (contactWord !== null && (kind !== "prose" || verb !== null || (section?.role === "log" && input.atStart))) {
		return { verdict: "contact", cues, reason: null };
	}
	if (section?.role === "log" && kind !== "task" && (kind !== "prose" || input.atStart) && (kind !== "label" || DATE_LABEL.test(label) || label === "")) {
		return { verdict: "contact", cues, reason: null };
	}
	if (section?.role === "log" && kind === "label" && (NEXT_LABEL.test(label) || isForeignNextLabel(label, languages))) return { verdict: "next", cues: [...cues, `label "${label}"`], reason: null };
	const what: Record<LineKind, string> = {
		list: "a dated list item",
		heading: "a dated heading",
		label: label ? `"${label}"` : "a dated label",
		table: "a dated table row",
		task: "a dated task",
		prose: "a date in prose",
	};
	return { verdict: "none", cues, reason: `${what[kind]} that names no contact (call, meeting …)${kind === "prose" ? " and sits in no log section" : ""}` };
}

/**
 * A touch line that names no channel and whose first words say it is no contact: `- 2026-06-13 —
 * created, cover letter generated`, `- 2025-10-22 — Mentioned in the Q3 review`, `- 2026-12-01
 * renewal`. An activity log's dated entries are touch lines by their shape; their words decide
 * (README, "Touch lines"). A line with a contact word (`emailed the invoice`) or a channel stays a touch.
 */
export function touchLineNotContact(summary: string, settings: TouchbaseSettings): Judgement | null {
	// Most touch lines hold none of these words in their first 240 characters: looked for there first.
	const opening = summary.slice(0, 240);
	const languages = settings.languages;
	if (!negatives(settings).test(opening) && !HEARSAY.test(opening) && !OWN_WORK.test(opening) && foreignWord("not", opening, languages) === null) return null;
	// The judge's head (judgeLine): the first clause; a mention in the first two.
	const [head, second] = openingClauses(opening);
	const negative = cue(negatives(settings), head) ?? foreignWord("not", head, languages) ?? cue(HEARSAY, `${head} ${second}`);
	const ownWork = negative === null ? cue(OWN_WORK, head) : null;
	if (negative === null && ownWork === null) return null;
	// Only then the contact words, anywhere in the line: most touch lines hold none of the words above.
	const contact = cue(verbs(), summary) ?? foreignWord("verbs", summary, languages) ?? cue(nouns(settings), summary) ?? foreignWord("nouns", summary, languages) ?? foreignWord("last", summary, languages) ?? cue(FOLLOW_UP, summary);
	if (contact !== null) return null;
	if (negative !== null) return { verdict: "none", cues: [`not-a-contact word "${negative}"`], reason: `"${negative}": not a contact` };
	const word = ownWork!.toLowerCase();
	return { verdict: "none", cues: [`own-work word "${word}"`], reason: `"${word}": the owner's own work, not a contact` };
}

/**
 * The first whole word (a run of letters and digits) of a lower-cased text that is a channel: one
 * pattern instead of splitting every line into words (docs/performance.md). A channel with other
 * characters is never a whole word, so it is left out; no lookbehind (iOS before 16.4 has none).
 */
const channelWordPattern = memo(8, (channels: string): RegExp | null => {
	const words = channels.split("\n").filter((c) => /^[\p{L}\d]+$/u.test(c));
	return words.length === 0 ? null : new RegExp(`(?:^|[^\\p{L}\\d])(${words.join("|")})(?![\\p{L}\\d])`, "u");
});

/** The channel a line's words name: a channel word, else a word of one (`Emailed` is email). */
export function channelOf(text: string, settings: TouchbaseSettings): string | null {
	const lower = text.toLowerCase();
	if (settings.channels.includes("video") && VIDEO_CALL.test(text)) return "video";
	const word = channelWordPattern(settings.channels.join("\n"))?.exec(lower);
	if (word) return word[1];
	for (const [pattern, channel] of CHANNEL_WORDS) if (settings.channels.includes(channel) && pattern.test(text)) return channel;
	return foreignChannel(text, settings.languages, settings.channels);
}

/** A line's words without its date and the separator after it (`—`, `-`, `:`), nor markdown emphasis. */
export function summaryWithout(text: string, index: number, length: number): string {
	// `We met on 2026-08-30 at the fair`: the word that led to the date goes with it.
	const before = text.slice(0, index).replace(/\b(?:on|dated)\s*$/i, "");
	const without = `${before} ${text.slice(index + length)}`;
	return linksAsText(without)
		.replace(/\*\*|__|[*_`]/g, "")
		.replace(/[([]\s*[)\]]/g, "")
		// \u2014 and \u2013: the em and en dashes.
		.replace(/^[\s:\u2014\u2013|,-]+|[\s:\u2014\u2013|.,-]+$/g, "")
		.replace(/\s[\u2014\u2013-]{1,2}\s/g, " ")
		// `Call on 2026-01-19: went well` without its date: `Call: went well`, not `Call : went well`.
		.replace(/\s+:(?=\s)/g, ":")
		.replace(/\s+/g, " ")
		.trim();
}
