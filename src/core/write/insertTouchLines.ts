import { BlockScanner, headingOf, isListItem, lineSpans } from "../text/scan";
import type { Touch } from "../read/note";
import type { ParsedNote } from "./parsedNote";

/** Headings a history of contacts goes by (README, "Logging a touch"). */
const HISTORY_HEADING = /^(?:logs?|interactions?|history|timeline|contact (?:log|history)|follow[- ]?ups?|touches|touchpoints|activity(?: log)?)$/i;

/** Where new touch lines go in a note: before a line, or under a heading. */
type Place = { before: number; newestFirst: boolean; table?: "before" | "after" } | { heading: string };

/**
 * Writes touch lines where the note keeps its history (README, "Logging a touch"): in the section
 * that holds its dated contacts, in that section's order (after the last contact, or above the
 * first when the newest comes first); else under a heading named as a history (Log,
 * Interactions, History, Timeline, Contact log, Follow-ups …); only a note with neither gets the
 * follow-up heading of the settings, at its end.
 */
export function insertTouchLines(note: ParsedNote, lines: string[]): void {
	const place = historyPlace(note);
	if ("heading" in place) {
		note.insertUnderHeading(place.heading, lines);
		return;
	}
	const ordered = place.newestFirst ? [...lines].reverse() : lines;
	// A blank line keeps a table apart from the list, or markdown reads the two as one.
	note.insertLinesAt(place.before, place.table === "before" ? [...ordered, ""] : place.table === "after" ? ["", ...ordered] : ordered);
}

function historyPlace(note: ParsedNote): Place {
	const text = note.text;
	const spans = lineSpans(text);
	const lineText = (line: number): string => text.slice(spans[line - 1].start, spans[line - 1].end);
	const bodyLine = note.block?.bodyLine ?? 0;
	// The live headings of the body, by line (none inside code or comments), and the lines where
	// a code block or comment is open (a line put there would be no line of the note's).
	const headings = new Map<number, { level: number; title: string }>();
	const openAfter = new Set<number>();
	const scanner = new BlockScanner();
	for (let line = bodyLine + 1; line <= spans.length; line++) {
		const visible = scanner.read(lineText(line));
		const heading = visible === null ? null : headingOf(visible);
		if (heading) headings.set(line, heading);
		if (scanner.open) openAfter.add(line);
	}
	const own = headingOf(note.settings.followUpHeading.trim())?.title ?? note.settings.followUpHeading.trim().toLowerCase();
	const isHistory = (heading: { title: string } | undefined): boolean => {
		const title = heading?.title.replace(/[*_`]/g, "").trim() ?? "";
		return HISTORY_HEADING.test(title) || title === own;
	};
	// Tasks-plugin lines are contacts, but a task list is no history: they choose no section.
	const contacts = (note.prospect?.touches ?? []).filter((t) => t.source === undefined && t.line > bodyLine && t.parsed.dateForm !== "tasks").sort((a, b) => a.line - b.line);
	if (contacts.length === 0) {
		for (const [line, heading] of headings) if (isHistory(heading)) return { heading: lineText(line) };
		return { heading: note.settings.followUpHeading };
	}
	// Each contact's section: the heading above it (above a dated heading: its parent), found in
	// one walk down the note with the headings still open.
	const groups = new Map<number, Touch[]>();
	const open: { line: number; level: number }[] = [];
	let next = 0;
	for (let line = bodyLine + 1; line <= spans.length && next < contacts.length; line++) {
		const heading = headings.get(line);
		if (heading) while (open.length > 0 && open[open.length - 1].level >= heading.level) open.pop();
		for (; next < contacts.length && contacts[next].line === line; next++) {
			const section = open.length > 0 ? open[open.length - 1].line : 0;
			const group = groups.get(section);
			if (group) group.push(contacts[next]);
			else groups.set(section, [contacts[next]]);
		}
		if (heading) open.push({ line, level: heading.level });
	}
	// The section holding the most contacts (a section named as a history first); of two, the later.
	const named = [...groups.entries()].filter(([line]) => isHistory(headings.get(line))).map(([, g]) => g);
	const group = (named.length > 0 ? named : [...groups.values()]).reduce((best, g) => (g.length >= best.length ? g : best));
	let down = 0;
	let up = 0;
	for (let i = 1; i < group.length; i++) {
		if (group[i].date < group[i - 1].date) down++;
		else if (group[i].date > group[i - 1].date) up++;
	}
	const isRow = (line: number): boolean => line >= 1 && line <= spans.length && /^\s*\|/.test(lineText(line));
	if (down > up) {
		// Newest first: above the first contact (above its table, when it is a row).
		let before = group[0].line;
		while (isRow(before) && isRow(before - 1)) before--;
		return { before, newestFirst: true, table: isRow(before) ? "before" : undefined };
	}
	// Oldest first: after the last contact and what belongs to it (its table, its section, its
	// nested items and lazy continuation lines).
	const last = group[group.length - 1];
	let after = last.line;
	const ownHeading = headings.get(last.line);
	if (isRow(after)) {
		while (isRow(after + 1)) after++;
	} else if (ownHeading) {
		let end = after;
		for (let line = after + 1; line <= spans.length; line++) {
			const heading = headings.get(line);
			if (heading && heading.level <= ownHeading.level) break;
			if (lineText(line).trim() !== "") end = line;
		}
		after = end;
	} else {
		const indent = (line: number): number => /^[ \t]*/.exec(lineText(line))![0].replace(/\t/g, "    ").length;
		const base = indent(last.line);
		for (let line = after + 1; line <= spans.length; line++) {
			const content = lineText(line);
			if (content.trim() === "" || headings.has(line) || isRow(line) || openAfter.has(line - 1) || openAfter.has(line)) break;
			if (isListItem(content) && indent(line) <= base) break;
			after = line;
		}
	}
	// Never inside a code block or comment left open after the history: just before it.
	let before = after + 1;
	while (openAfter.has(before - 1) && before - 1 > last.line) before--;
	return { before, newestFirst: false, table: isRow(before - 1) ? "after" : undefined };
}
