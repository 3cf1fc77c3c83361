// Plain references the tests compare the product with. They are written from the README, not from
// the code, and call no product code to work out an answer: a bug in the product cannot make its
// own expected answer (the conformance answers are kept the same way). Calendar arithmetic is
// date-fns's, natural-language dates chrono-node's, as in the product.
import { casual, GB } from "chrono-node/en";
import { addDays, addMonths, addWeeks, differenceInCalendarDays, format, isValid, parseISO } from "date-fns";

export interface NaturalDateAnswer {
	date: string;
	time: string | null;
	length: number;
}

const noon = (day: string): Date => {
	const [y, m, d] = day.split("-").map(Number);
	return new Date(y, m - 1, d, 12);
};
const dayOf = (date: Date): string => format(date, "yyyy-MM-dd");

/** parseNaturalDate as it was: chrono, all its parsers, on the whole text, every time. */
export function plainChrono(text: string, baseDay: string, locale: "en" | "en-GB"): NaturalDateAnswer | null {
	const parser = locale === "en-GB" ? GB : casual;
	const reference = noon(baseDay);
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
	let date = dayOf(found);
	if (start.isCertain("weekday") && !start.isCertain("day") && date <= baseDay) {
		found.setDate(found.getDate() + 7);
		date = dayOf(found);
	}
	const time = start.isCertain("hour") ? `${String(start.get("hour")).padStart(2, "0")}:${String(start.get("minute") ?? 0).padStart(2, "0")}` : null;
	return { date, time, length: Math.max(0, first.text.length - offset) };
}

// ---------------------------------------------------------------------------------------------
// "What is due" (README), for the notes the property tests write: each note is described by its
// parts, and this works out from the parts alone where it stands.

export interface TouchSpec {
	/** "" (no checkbox), "[ ] " (scheduled) or "[x] " (done). */
	box: string;
	day: string;
	channel: string;
	/** "", " next: tomorrow", " next: bogus words" or " → next: YYYY-MM-DD". */
	next: string;
}

export interface NoteSpec {
	/** Malformed frontmatter: the whole note is "---\nbad: [\n---\n". */
	broken?: boolean;
	status: string;
	value: string;
	created: string;
	/** One more frontmatter line: "type: prospect", "cadence: none" or "". */
	extra: string;
	touches: TouchSpec[];
}

/** The note's text, frontmatter first, one touch line per touch. */
export function noteTextOf(spec: NoteSpec): string {
	if (spec.broken) return "---\nbad: [\n---\n";
	return [
		"---",
		`status: ${spec.status}`,
		`value: ${spec.value}`,
		`created: ${spec.created}`,
		spec.extra,
		"---",
		...spec.touches.map((t) => `- ${t.box}${t.day} ${t.channel}: x${t.next}`),
	].join("\n");
}

/** Where the body's first line stands in the note above (frontmatter of six lines). */
const FIRST_BODY_LINE = 7;

export interface EntryAnswer {
	path: string;
	bucket: string;
	next: { date: string; time: string | null; suggested: boolean } | null;
	doneCount: number;
	lastTouch: string | null;
	/** What orders entries within a bucket (README: date, time, deal value, name). */
	value: number;
	name: string;
}

export interface ProblemAnswer {
	path: string;
	line: number;
	/** A word the problem's message holds. */
	about: string;
}

export const BUCKET_ORDER = ["overdue", "today", "upcoming", "later", "no-next-step", "paused", "closed"];

const realDay = (day: string): boolean => /^\d{4}-\d{2}-\d{2}$/.test(day) && isValid(parseISO(day)) && dayOf(parseISO(day)) === day;

/** The default cadence, "3d, 1w, 2w, 1mo": the n-th step after n done touches, the last repeating. */
function cadenceStep(day: string, n: number): string {
	const d = parseISO(day);
	const steps = [() => addDays(d, 3), () => addWeeks(d, 1), () => addWeeks(d, 2), () => addMonths(d, 1)];
	return dayOf(steps[Math.min(n, steps.length) - 1]());
}

/** README "Your notes": a prospect lives in Prospects/ (or below) or says `type: prospect`. */
function isProspectPath(path: string, spec: NoteSpec): boolean {
	return path.startsWith("Prospects/") || (!spec.broken && spec.extra === "type: prospect");
}

/** The due entry of one note on `today`, or null when it is no prospect, and its problems. */
export function dueAnswer(
	path: string,
	spec: NoteSpec,
	today: string,
	upcomingDays: number,
): { entry: EntryAnswer | null; problems: ProblemAnswer[] } {
	const problems: ProblemAnswer[] = [];
	if (!isProspectPath(path, spec)) return { entry: null, problems };
	// README "Problems": malformed frontmatter skips the note, listed with its line.
	if (spec.broken) return { entry: null, problems: [{ path, line: 3, about: "malformed frontmatter" }] };

	// An unknown status is treated as active; an empty one is not set (active).
	let status = spec.status;
	if (!["lead", "active", "paused", "won", "lost", ""].includes(status)) {
		problems.push({ path, line: 2, about: "unknown status" });
		status = "active";
	}
	let value = 0;
	if (spec.value !== "") {
		if (/^\d+$/.test(spec.value)) value = Number(spec.value);
		else problems.push({ path, line: 3, about: "not a number" });
	}
	let created: string | null = spec.created;
	if (!realDay(spec.created)) {
		problems.push({ path, line: 4, about: "not a date" });
		created = null;
	}

	interface Line {
		line: number;
		box: string;
		day: string;
		channel: string;
		next: string | null;
	}
	const lines: Line[] = [];
	spec.touches.forEach((t, i) => {
		const line = FIRST_BODY_LINE + i;
		// README "Problems": an impossible date such as 2026-02-30: that line is not used.
		if (!realDay(t.day)) {
			problems.push({ path, line, about: "not a real date" });
			return;
		}
		let next: string | null = null;
		if (t.next === " next: tomorrow") next = dayOf(addDays(parseISO(t.day), 1));
		else if (t.next.startsWith(" → next: ")) next = t.next.slice(" → next: ".length);
		else if (t.next !== "") problems.push({ path, line, about: "next" }); // unreadable: the touch still counts
		// A next step is after the touch it follows: one on or before its day is a problem, unused.
		if (next !== null && next <= t.day) {
			problems.push({ path, line, about: "not after the touch's own date" });
			next = null;
		}
		lines.push({ line, box: t.box, day: t.day, channel: t.channel, next });
	});

	// README "Touch lines": a line without a checkbox is done once its day has come, scheduled
	// while it is in the future; `[ ]` is scheduled whatever the date; `[x]` done on its date.
	const done = lines.filter((l) => l.box === "[x] " || (l.box === "" && l.day <= today));
	const scheduled = lines.filter((l) => l.box === "[ ] " || (l.box === "" && l.day > today));
	// Log a touch checks off the open line it fulfils and writes the touch it logged (README,
	// "Commands"): a checked-off line beside a logged line of its day and channel is one touch.
	const counted = done.filter((l) => !(l.box === "[x] " && done.some((o) => o !== l && o.day === l.day && o.channel === l.channel && (o.box !== "[x] " || o.line > l.line))));
	const doneCount = counted.length;
	// The latest done touch: by date, then the later line.
	const latest = done.reduce<Line | null>((a, l) => (a === null || l.day > a.day || (l.day === a.day && l.line > a.line) ? l : a), null);

	const name = path.slice(path.lastIndexOf("/") + 1).replace(/\.md$/, "");
	const entry = (bucket: string, next: EntryAnswer["next"]): EntryAnswer => ({ path, bucket, next, doneCount, lastTouch: latest?.day ?? null, value, name });
	const bucketOf = (day: string): string => {
		const days = differenceInCalendarDays(parseISO(day), parseISO(today));
		return days < 0 ? "overdue" : days === 0 ? "today" : days <= upcomingDays ? "upcoming" : "later";
	};

	if (status === "paused") return { entry: entry("paused", null), problems };
	const candidates = scheduled.map((l) => l.day);
	// README: a won or lost prospect is due only on its open touch lines.
	if (status === "won" || status === "lost") {
		const first = candidates.sort()[0];
		return { entry: first ? entry(bucketOf(first), { date: first, time: null, suggested: false }) : entry("closed", null), problems };
	}
	if (latest?.next) candidates.push(latest.next);
	const first = candidates.sort()[0];
	if (first) return { entry: entry(bucketOf(first), { date: first, time: null, suggested: false }), problems };
	if (spec.extra === "cadence: none") return { entry: entry("no-next-step", null), problems };
	const suggestion = latest ? cadenceStep(latest.day, doneCount) : created;
	if (suggestion === null) return { entry: entry("no-next-step", null), problems };
	return { entry: entry(bucketOf(suggestion), { date: suggestion, time: null, suggested: true }), problems };
}

/** README "What is due": by bucket, then date, time, deal value (largest first), name. */
export function compareAnswers(a: EntryAnswer, b: EntryAnswer): number {
	const byBucket = BUCKET_ORDER.indexOf(a.bucket) - BUCKET_ORDER.indexOf(b.bucket);
	if (byBucket !== 0) return byBucket;
	if (a.next && b.next && a.next.date !== b.next.date) return a.next.date < b.next.date ? -1 : 1;
	return b.value - a.value || a.name.localeCompare(b.name);
}
