// Plain reference versions of what the hot path does faster: the tests and `npm run bench -- --check`
// compare the fast paths with these, which compute everything again the obvious way.
import { casual, GB } from "chrono-node/en";
import { dayNoon, formatDay } from "../../src/core/text/dates";
import { BUCKETS, compareEntries, computeDue } from "../../src/core/rules/due";
import type { NaturalDate } from "../../src/core/text/nextClause";
import type { NoteRead, Problem } from "../../src/core/read/note";
import type { TouchbaseSettings } from "../../src/core/settings/settings";

/** parseNaturalDate as it was: chrono, all its parsers, on the whole text, every time. */
export function plainChrono(text: string, baseDay: string, locale: "en" | "en-GB"): NaturalDate | null {
	const parser = locale === "en-GB" ? GB : casual;
	const reference = dayNoon(baseDay);
	let results = parser.parse(text, reference, { forwardDate: true });
	let offset = 0;
	if (results.length === 0 || results[0].index > 0) {
		const retry = parser.parse(`in ${text}`, reference, { forwardDate: true });
		if (retry.length > 0 && retry[0].index === 0) {
			results = retry;
			offset = 3;
		}
	}
	const first = results[0];
	if (!first || first.index !== 0) return null;
	const start = first.start;
	const [year, month, day] = [start.get("year"), start.get("month"), start.get("day")];
	if (year === null || month === null || day === null) return null;
	const found = new Date(year, month - 1, day, 12);
	let date = formatDay(found);
	if (start.isCertain("weekday") && !start.isCertain("day") && date <= baseDay) {
		found.setDate(found.getDate() + 7);
		date = formatDay(found);
	}
	const time = start.isCertain("hour") ? `${String(start.get("hour")).padStart(2, "0")}:${String(start.get("minute") ?? 0).padStart(2, "0")}` : null;
	return { date, time, length: Math.max(0, first.text.length - offset) };
}

/** ProspectIndex.report as a plain function of the notes: every entry computed and sorted, every problem sorted. */
export function reportAgain(notes: Map<string, NoteRead>, today: string, settings: TouchbaseSettings): unknown {
	const entries = [...notes.values()].flatMap((read) => (read.prospect ? [computeDue(read.prospect, today, settings)] : []));
	entries.sort(compareEntries);
	const counts = Object.fromEntries(BUCKETS.map((b) => [b, 0])) as Record<string, number>;
	for (const e of entries) counts[e.bucket]++;
	const problems: Problem[] = [];
	for (const read of notes.values()) problems.push(...read.problems);
	problems.sort((a, b) => a.path.localeCompare(b.path) || (a.line ?? 0) - (b.line ?? 0));
	return { today, counts, entries, problems };
}
