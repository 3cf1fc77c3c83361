// `npm run bench -- --check`: the fast paths of the hot path against what they replace, on many
// inputs. Each one must give exactly the answer of the code it stands in for:
//   - chrono without its two slowest parsers, against chrono as `parseNaturalDate` called it before;
//   - the due list kept up to date note by note (frontmatter from the metadata cache), against
//     sorting everything again (frontmatter parsed here).
// Time zones matter for days: run it under several (`TZ=Pacific/Apia npm run bench -- --check`).
import { isDeepStrictEqual } from "node:util";
import { addDaysToDay } from "../src/core/text/dates";
import { parseNaturalDate } from "../src/core/text/nextClause";
import { migrateSettings, type TouchbaseSettings } from "../src/core/settings/settings";
import { readNote, type NoteRead, type Problem } from "../src/core/read/note";
import { ProspectIndex } from "../src/core/index/prospectIndex";
import { plainChrono } from "../test/helpers/oracles";
import { BUCKETS, compareEntries, computeDue } from "../src/core/rules/due";
import { parseMarkdown } from "../test/fakes/metadata";
import { givenFrontmatter } from "../src/plugin/index/readCacheStore";
import { rng } from "./generate";

/**
 * ProspectIndex.report as a plain function of the notes: every entry computed and sorted, every
 * problem sorted. The fast path against the slow one (the tests check the answers themselves).
 */
function reportAgain(notes: Map<string, NoteRead>, today: string, settings: TouchbaseSettings): unknown {
	const entries = [...notes.values()].flatMap((read) => (read.prospect ? [computeDue(read.prospect, today, settings)] : []));
	entries.sort(compareEntries);
	const counts = Object.fromEntries(BUCKETS.map((b) => [b, 0])) as Record<string, number>;
	for (const e of entries) counts[e.bucket]++;
	const problems: Problem[] = [];
	for (const read of notes.values()) problems.push(...read.problems);
	problems.sort((a, b) => a.path.localeCompare(b.path) || (a.line ?? 0) - (b.line ?? 0));
	return { today, counts, entries, problems };
}

let failures = 0;
function differ(what: string, input: unknown, expected: unknown, actual: unknown): void {
	failures++;
	if (failures <= 20) console.error(`DIFFERENT ${what}: ${JSON.stringify(input)}\n  expected ${JSON.stringify(expected)}\n  actual   ${JSON.stringify(actual)}`);
}

// ---- natural-language dates: parseNaturalDate as it was, chrono every time ----

function checkNaturalDates(): number {
	const whens = ["tomorrow", "Tomorrow", "TOMORROW"];
	for (const n of [0, 1, 2, 3, 7, 12, 30, 99, 100, 365, 999, 1000, "01"]) for (const u of ["day", "days", "week", "weeks"]) whens.push(`in ${n} ${u}`, `${n} ${u}`, `In ${n} ${u.toUpperCase()}`);
	for (const d of ["sunday", "sun", "monday", "mon", "tuesday", "tue", "tues", "wednesday", "wed", "thursday", "thurs", "thur", "thu", "friday", "fri", "fri.", "saturday", "sat"]) whens.push(d, d.toUpperCase(), d[0].toUpperCase() + d.slice(1));
	const months = ["january", "jan", "february", "feb", "march", "mar", "april", "apr", "may", "june", "jun", "july", "jul", "august", "aug", "september", "sept", "sep", "october", "oct", "november", "nov", "december", "dec"];
	for (const m of months) for (const d of [1, 9, 10, 19, 23, 28, 29, 31]) whens.push(`${m} ${d}`, `${m[0].toUpperCase()}${m.slice(1)} ${d}`);
	whens.push(
		...["someday", "when the stars align", "next tuesday", "end of month", "the 5th", "3/4", "12/25", "tomorrow at noon", "in 2 months", "Dec 1st", "1 Dec", "next week", "noon", "about 3 days", "a week", "the second"],
		...["may", "may be", "asap", "3 days ago", "2 weeks later", "a week after", "before friday", "from now on", "2 days from now", "3 days out", "check out", "ask about the budget", "tonight", "10am", "Dec 1, 2027"],
		...["friday 10am", "tomorrow 9:30", "dec 1 - dec 5", "friday to monday", "Dec 01", "dec  1", "in  3 days", " friday", "friday,", "2 dout", "1 weekout", "in 3 daysago"],
	);
	const rests = ["", " call", " call: the quote", " Call", " email send the proposal", " callx", ":call", "  call", " send", " check on it", " ask about the budget", " share the case study"];
	// Words that follow a date and end it, then what chrono could read after them.
	const tails: string[] = [];
	for (const w of ["call", "text", "sms", "card", "gift", "send", "meet", "demo", "sign", "ping"]) for (const t of [" the week", " at 3pm", " 2027", " next week", " dec 5", " to friday", " EST", " +0500", " ago", " later", " after tomorrow", " and 2 hours", " am", " 3"]) tails.push(` ${w}${t}`);
	const cases: string[] = [...whens.flatMap((w) => (w.length < 12 ? rests : rests.slice(0, 4)).map((r) => w + r))];
	for (const w of ["tomorrow", "in 3 days", "2 weeks", "friday", "Sat", "dec 5", "May 28"]) for (const t of tails) cases.push(w + t);
	const days: string[] = [];
	for (let i = 0; i < 740; i += 29) days.push(addDaysToDay("2025-12-01", i));
	days.push("2028-02-28", "2028-02-29", "2027-12-31", "2026-03-08", "2026-11-01", "2026-03-29", "2026-10-25", "2026-04-05", "2026-09-27");
	let n = 0;
	for (const locale of ["en", "en-GB"] as const) {
		for (const base of days) {
			for (const text of cases) {
				n++;
				const expected = plainChrono(text, base, locale);
				const actual = parseNaturalDate(text, base, locale);
				if (!isDeepStrictEqual(expected, actual)) differ(`natural date (${locale}, ${base})`, text, expected, actual);
			}
		}
	}
	return n;
}

// ---- the due list, note by note against everything again ----

function checkIndex(): number {
	const r = rng(11);
	const paths = ["Prospects/A.md", "Prospects/B.md", "Prospects/a.md", "Prospects/é.md", "Prospects/e\u0301.md", "Leads/C.md", "Prospects/Z/D.md", "Prospects/E.md", "Notes/x.md", "Prospects/F.md"];
	const note = (): string => {
		if (r.chance(0.15)) return "---\nbad: [\n---\n";
		const lines = ["---", `status: ${r.pick(["active", "paused", "won", "lead", "weird", ""])}`, `value: ${r.pick(["1000", "2000", "", "x"])}`, `created: ${r.pick(["2026-11-01", "2026-11-20", "2026-02-30"])}`, r.pick(["type: prospect", "", "cadence: none"]), "---"];
		for (let i = r.int(0, 3); i > 0; i--) {
			lines.push(`- ${r.pick(["", "[ ] ", "[x] "])}${r.pick(["2026-11-20", "2026-11-23", "2026-11-25", "2026-02-30", "2026-12-01"])} ${r.pick(["call", "email"])}: x${r.pick(["", " next: tomorrow", " next: bogus words", " → next: 2026-11-30"])}`);
		}
		return lines.join("\n");
	};
	let n = 0;
	for (let round = 0; round < 1500; round++) {
		const settings = migrateSettings(undefined);
		const index = new ProspectIndex(settings);
		const notes = new Map<string, NoteRead>();
		for (let step = 0; step < 60; step++) {
			const x = r.next();
			if (x < 0.55) {
				const path = r.pick(paths);
				const text = note();
				// The index reads with frontmatter from the metadata cache, as the plugin does; the
				// plain reads parse it here, as the CLI does.
				index.update(path, text, { given: givenFrontmatter(parseMarkdown(text)) });
				const read = readNote(path, text, settings);
				if (read.prospect === null && read.problems.length === 0) notes.delete(path);
				else notes.set(path, read);
			} else if (x < 0.7) {
				const path = r.pick(paths);
				index.remove(path);
				notes.delete(path);
			} else if (x < 0.72) {
				index.clear();
				notes.clear();
			} else if (x < 0.74) {
				settings.upcomingDays = r.pick([3, 7, 30]);
			} else {
				const today = r.pick(["2026-11-23", "2026-11-23", "2026-11-24"]);
				n++;
				const expected = JSON.stringify(reportAgain(notes, today, settings));
				const actual = JSON.stringify(index.report(today));
				if (expected !== actual) differ("due list", { round, step }, expected.slice(0, 300), actual.slice(0, 300));
			}
		}
	}
	return n;
}

export function checkEquivalence(): number {
	const zone = process.env.TZ ?? Intl.DateTimeFormat().resolvedOptions().timeZone;
	for (const [name, check] of [
		["due list", checkIndex],
		["natural-language dates", checkNaturalDates],
	] as const) {
		const t0 = performance.now();
		const before = failures;
		const n = check();
		process.stdout.write(`${name}: ${n.toLocaleString("en-US")} cases, ${failures - before} different (${((performance.now() - t0) / 1000).toFixed(1)} s, TZ=${zone})\n`);
	}
	return failures;
}
