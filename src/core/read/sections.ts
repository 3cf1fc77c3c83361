/**
 * The place of a dated line (README, "Bringing your existing notes"): the section heading it sits
 * under. A section named by one of the log-section words (`## Log`, `## Interactions`,
 * `## Contact history`) holds contacts; one that also says next, upcoming or planned holds next
 * steps.
 */
import { linksAsText } from "../text/wikilink";
import { memo } from "../text/memo";
import { foreignSectionRole } from "../text/languages";
import type { TouchbaseSettings } from "../settings/settings";

export type SectionRole = "log" | "next" | "theirs" | "prep" | "sources";

export interface Section {
	/** The heading's title as written, markdown emphasis removed. */
	title: string;
	level: number;
	/** 1-based line of the heading. */
	line: number;
	role: SectionRole | null;
}

/** A title reduced to lower-case words: emoji, numbering and punctuation dropped. */
export function titleWords(title: string): string {
	return linksAsText(title)
		.toLowerCase()
		
		.replace(/[^\p{L}\p{N}\s'-]+/gu, " ")
		.replace(/\b\d+\b/g, " ")
		.replace(/\s+/g, " ")
		.trim();
}

const THEIRS_TITLE = /\b(?:they owe|their (?:tasks|action items|to-?dos?|commitments)|waiting (?:on|for))\b/;
const NEXT_TITLE = /\b(?:next|upcoming|planned|scheduled|to do|todo|to-do)\b/;
/** `## Sources`, `## Citations`: where a page's facts came from (`- Gmail thread: "Invoice" (2026-04-16 to 2026-04-17)`), no contact. */
const SOURCES_TITLE = /^(?:sources|citations)$/;
/** `# Call prep: Jay Carter`, `## Meeting prep`: written before the meeting, whose date is still to come. */
const PREP_TITLE = /\b(?:prep|preparation)\b/;

/** One pattern per list of section words: a word must be the whole title, or start or end it. */
const sectionPattern = memo(8, (words: string): RegExp => {
	const alternatives = words
		.split("\n")
		.filter((w) => w !== "")
		.map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, "\\$&").replace(/[- ]/g, "[- ]?"));
	// No log-section words (the setting cleared): no heading is a log section.
	if (alternatives.length === 0) return /(?!)/;
	return new RegExp(`^(?:${alternatives.join("|")})\\b|\\b(?:${alternatives.join("|")})$`, "u");
});

/** Notes repeat the same few headings (`## Notes`, `## Log`): each is reduced to its words once. */
const wordsOfTitle = memo(10_000, titleWords);

/** The role a heading gives the lines under it, by the log-section words of the settings. */
export function sectionRole(title: string, settings: TouchbaseSettings): SectionRole | null {
	const words = wordsOfTitle(title);
	// `## Things they owe me`, `## Waiting on`: their tasks, no contact of yours.
	if (THEIRS_TITLE.test(words)) return "theirs";
	if (PREP_TITLE.test(words)) return "prep";
	if (SOURCES_TITLE.test(words)) return "sources";
	if (words === "") return null;
	// `## Historial`, `## Nächste Schritte`: the notes' other languages (README, "Notes in other languages").
	if (!sectionPattern(settings.logSections.join("\n")).test(words)) return foreignSectionRole(words, settings.languages);
	return NEXT_TITLE.test(words) ? "next" : "log";
}

/** The headings above a line, innermost last: what `place` of a dated line is read from. */
export class SectionStack {
	private readonly stack: Section[] = [];

	enter(level: number, title: string, line: number, settings: TouchbaseSettings): void {
		while (this.stack.length > 0 && this.stack[this.stack.length - 1].level >= level) this.stack.pop();
		this.stack.push({ title: title.replace(/\*\*|__|[*_`]/g, "").trim(), level, line, role: sectionRole(title, settings) });
	}

	/** The innermost heading. */
	current(): Section | null {
		return this.stack[this.stack.length - 1] ?? null;
	}

	/** The innermost heading with a role: a dated heading under `## Log` is in the log. */
	withRole(): Section | null {
		return this.above(Infinity);
	}

	/**
	 * The innermost heading with a role above a heading of `level`: its parents only, not the
	 * sibling before it (`### 1:1 prep` does not hold the `### 1:1 notes` after it).
	 */
	above(level: number): Section | null {
		for (let i = this.stack.length - 1; i >= 0; i--) if (this.stack[i].level < level && this.stack[i].role !== null) return this.stack[i];
		return null;
	}
}
