// The forms people already write (README, "Bringing your existing notes"): each form, its
// negative controls, and the year rule. The suite runs in UTC, Los Angeles and Auckland.
import { describe, expect, it } from "vitest";
import { migrateSettings } from "../../../src/core/settings/settings";
import { readForms, type FormsRead, type NoteDates } from "../../../src/core/read/forms";
import { note } from "../../helpers/noteBuilder";

const TODAY = "2026-11-28";
const touchDays = (b: ReturnType<typeof note>, settings = migrateSettings(undefined)) =>
	b.read("Prospects/Dana.md", settings).prospect!.touches.map((t) => [t.date, t.from ?? "line", t.channel] as const);
const nextDays = (b: ReturnType<typeof note>) => b.read("Prospects/Dana.md").prospect!.nextFollowUp.map((n) => [n.date, n.from ?? "key"] as const);

describe("label lines and bold-label bullets", () => {
	it("reads a contact label's date as a touch, and a date label's contact text", () => {
		const b = note().line(
			"- **Call 1:** 2026-02-18 (left a voicemail)",
			"- **First Contact:** 2026-03-01",
			"- **2026-01-19:** Zoom meeting with the team",
			"Last sync: 2026-05-12.",
			"- **Demo**: January 23, 2026",
		);
		expect(touchDays(b)).toEqual([
			["2026-02-18", "label", "call"],
			["2026-03-01", "label", null],
			["2026-01-19", "label", "meeting"],
			["2026-05-12", "label", null],
			["2026-01-23", "label", null],
		]);
		expect(b.due(TODAY, undefined, "Prospects/Dana.md").doneCount).toBe(5);
	});

	it("reads Next … labels as next steps, with dates ISO or written out", () => {
		const b = note().line("- 2026-05-12 call: recap", "Next check-in: 2026-05-20", "**Next Action:** Follow up Wed May 27");
		expect(nextDays(b)).toEqual([
			["2026-05-20", "label"],
			["2026-05-27", "label"],
		]);
		expect(b.due(TODAY, undefined, "Prospects/Dana.md").next).toMatchObject({ date: "2026-05-20", suggested: false });
	});

	it("never reads a birthday, a created date, a deadline or an expected-close date", () => {
		const b = note()
			.fm("created: 2026-01-02", "birthday: 1980-05-04")
			.line("- **Birthday:** 1980-05-04", "Deadline: 2026-12-15", "- **Expected close:** 2026-12-31", "Created: 2026-01-02", "- **Budget approved:** 2026-03-01");
		expect(touchDays(b)).toEqual([]);
		expect(nextDays(b)).toEqual([]);
		expect(b.read("Prospects/Dana.md").prospect!.unused!.map((u) => u.line)).toEqual([5, 6, 7, 8, 9]);
	});

	it("is off when its setting is off", () => {
		const settings = migrateSettings({ readForms: { labels: false } });
		expect(touchDays(note().line("- **Call 1:** 2026-02-18"), settings)).toEqual([]);
	});
});

describe("dated headings", () => {
	it("reads a heading that names a contact, and not a bare dated heading", () => {
		const b = note().line("### 2026-01-05 — Call with Dana", "notes", "## 2024-06-14", "### Feb 2, 2026: coffee at Blue Bottle", "## 2027-01-05 Meeting");
		expect(touchDays(b)).toEqual([
			["2026-01-05", "heading", "call"],
			["2026-02-02", "heading", "coffee"],
			["2027-01-05", "heading", "meeting"],
		]);
		// A future one is planned, not done.
		const due = b.due(TODAY, undefined, "Prospects/Dana.md");
		expect(due.doneCount).toBe(2);
		expect(due.next).toMatchObject({ date: "2027-01-05", source: "scheduled" });
	});
});

describe("tables", () => {
	it("reads one touch per dated row, and the next step from a next column", () => {
		const b = note().line(
			"| Date | Channel | Notes | Follow-up by |",
			"|------|---------|-------|--------------|",
			"| 2026-10-02 | Call | intro | |",
			"| Oct 20, 2026 | Email | sent deck | 2026-11-30 |",
			"| | Email | no date | |",
			"",
			"| Date | Amount |",
			"|---|---|",
			"| 2026-10-05 | 500 |",
		);
		expect(touchDays(b)).toEqual([
			["2026-10-02", "table", "call"],
			["2026-10-20", "table", "email"],
		]);
		expect(nextDays(b)).toEqual([["2026-11-30", "table"]]);
	});

	it("reports a contact dated by month only", () => {
		const read = note().line("| Date | Type |", "|---|---|", "| 2026-02 | Meeting |").read("Prospects/Dana.md");
		expect(read.prospect!.touches).toEqual([]);
		expect(read.problems).toEqual([{ path: "Prospects/Dana.md", line: 3, message: expect.stringMatching(/^date without a day/) }]);
	});
});

describe("tasks with a date", () => {
	it("reads a done contact task as a touch and an open one as a next step; other tasks never", () => {
		const b = note().line(
			"- [x] Discovery call -- 2026-03-05",
			"- [ ] Follow up with Dana 2026-03-10",
			"- [x] Send invoice 2026-03-06",
			"- [ ] Renew the domain 2026-04-01",
			"- [-] Demo 2026-03-08",
		);
		expect(touchDays(b)).toEqual([["2026-03-05", "task", "call"]]);
		expect(nextDays(b)).toEqual([["2026-03-10", "task"]]);
	});

	it("leaves Tasks-plugin lines to the touch-line grammar", () => {
		expect(touchDays(note().line("- [ ] call Dana 📅 2026-03-10"))).toEqual([["2026-03-10", "line", "call"]]);
	});
});

describe("month-day dates without a year", () => {
	it("take the year of the nearest full date before them, rolling into the next year", () => {
		const b = note().line("- 2025-12-20 call: intro", "- **Call 2:** Jan 19", "- **Call 3:** Wed Jan 28");
		expect(touchDays(b).map(([d]) => d)).toEqual(["2025-12-20", "2026-01-19", "2026-01-28"]);
	});

	it("take the year of `created` when no full date comes before", () => {
		expect(touchDays(note().fm("created: 2026-03-01").line("- **Call 1:** Mar 4")).map(([d]) => d)).toEqual(["2026-03-04"]);
	});

	it("take the year of the day itself when it is the day the note was created, or the day of the full date before", () => {
		expect(touchDays(note().fm("created: 2026-03-04").line("- **Call 1:** Mar 4")).map(([d]) => d)).toEqual(["2026-03-04"]);
		expect(touchDays(note().line("- 2025-12-20 call: intro", "- **Call 2:** Dec 20")).map(([d]) => d)).toEqual(["2025-12-20"]);
		expect(touchDays(note().line("- 2025-12-20 call: intro", "- **Call 2:** Dec 21")).map(([d]) => d)).toEqual(["2025-12-20", "2025-12-21"]);
	});

	it("take the nearest full date before them, not an earlier one nor `created`", () => {
		const b = note().fm("created: 2024-01-01").line("- 2025-06-01 call: a", "- 2025-11-01 email: b", "- **Call 3:** Feb 2");
		expect(touchDays(b).map(([d]) => d)).toEqual(["2025-06-01", "2025-11-01", "2026-02-02"]);
		// A full date in a heading or in prose sets the year too (and "Wrote to her" is a contact).
		const h = note().line("### 2025-11-01 — Call with Dana", "Wrote to her on 2025-11-20.", "- **Call 2:** Jan 3");
		expect(touchDays(h).map(([d]) => d)).toEqual(["2025-11-01", "2025-11-20", "2026-01-03"]);
		const p = note().line("### 2025-11-01 — Call with Dana", "The board meets on 2025-11-20.", "- **Call 2:** Jan 3");
		expect(touchDays(p).map(([d]) => d)).toEqual(["2025-11-01", "2026-01-03"]);
	});

	it("are a problem, never a guess, when the note makes no year certain", () => {
		const read = note().line("- **Call 1:** Jan 19").read("Prospects/Dana.md");
		expect(read.prospect!.touches).toEqual([]);
		expect(read.problems).toEqual([{ path: "Prospects/Dana.md", line: 1, message: expect.stringMatching(/^date without a year/) }]);
	});
});

describe("one contact a day", () => {
	it("counts a form's touch on a day a touch line already has once", () => {
		const b = note().line("- 2026-10-02 call: intro", "| Date | Notes |", "|---|---|", "| 2026-10-02 | intro call |");
		expect(touchDays(b)).toEqual([["2026-10-02", "line", "call"]]);
		expect(b.read("Prospects/Dana.md").prospect!.unused![0].reason).toMatch(/same day as line 1/);
	});
});

describe("keys and cadence words", () => {
	it.each(["next-contact", "nextContact", "next_touch", "next_followup", "Next Contact"])("reads %s as the next follow-up", (key) => {
		expect(nextDays(note().fm(`${key}: 2026-12-01`))).toEqual([["2026-12-01", "key"]]);
	});

	it("reads nextContact as a Dataview inline field", () => {
		expect(nextDays(note().line("nextContact:: 2026-12-02"))).toEqual([["2026-12-02", "key"]]);
	});

	it.each(["last_spoke", "last_interaction", "last_meeting", "prm-last-contacted", "lastContacted"])("reads %s as the last contact", (key) => {
		expect(note().fm(`${key}: 2026-11-02`).due(TODAY, undefined, "Prospects/Dana.md")).toMatchObject({ doneCount: 1, lastTouch: { date: "2026-11-02" } });
	});

	it.each([
		["outreach", "monthly", "2026-12-02"],
		["frequency", "weekly", "2026-11-09"],
		["contact_frequency", "biweekly", "2026-11-16"],
		["keep_in_touch", "quarterly", "2027-02-02"],
		["keep_in_touch", "yearly", "2027-11-02"],
		["cadence", "every 6 weeks", "2026-12-14"],
		["frequency", "6w", "2026-12-14"],
	])("reads %s: %s as the cadence", (key, value, next) => {
		const due = note().fm(`${key}: ${value}`, "last_contacted: 2026-11-02").due(TODAY, undefined, "Prospects/Dana.md");
		expect(due.next).toMatchObject({ date: next, suggested: true });
	});
});

describe("templates and names", () => {
	it("never reads a template as a prospect, nor reports its placeholders", () => {
		const template = "---\ncreated: {{date}}\ncompany: <% tp.file.title %>\n---\n";
		for (const path of ["Prospects/_template.md", "Prospects/People Template.md", "Prospects/person-template.md", "Templates/Prospect.md", "Prospects/Dana.md"]) {
			expect(note().line(template).read(path), path).toEqual({ prospect: null, problems: [] });
		}
	});

	it("shows a generic file name by its name, company or title key, its first heading, or its folder", () => {
		expect(note().fm("company: \"[[Acme Inc]]\"").read("Prospects/PROSPECT.md").prospect).toMatchObject({ name: "Acme Inc", company: "Acme Inc" });
		expect(note().fm("name: Dana Whitfield").read("Prospects/README.md").prospect!.name).toBe("Dana Whitfield");
		expect(note().line("# Harbor Roofing", "text").read("Prospects/index.md").prospect!.name).toBe("Harbor Roofing");
		expect(note().read("Prospects/Harbor Roofing/profile.md").prospect!.name).toBe("Harbor Roofing");
		expect(note().fm("company: \"[[Clients/Acme Inc|Acme]]\"").read("Prospects/Dana.md").prospect).toMatchObject({ name: "Dana", company: "Acme" });
	});
});

// readForms itself: what each form gives (kind, form, line, date, channel, summary, year), and
// what it leaves, with the reason (README, "Bringing your existing notes" and "Say why").
function formsOf(lines: readonly (string | { text: string; touchLine: boolean })[], dates: NoteDates | string | null = null, raw?: Record<string, unknown>): FormsRead {
	const body = lines.map((l, i) => (typeof l === "string" ? { line: i + 1, text: l, touchLine: false } : { line: i + 1, ...l }));
	return readForms(body, dates, migrateSettings(raw));
}
const found = (read: FormsRead) => read.found.map((f) => [f.kind, f.form, f.line, f.date, f.channel, f.summary] as const);

describe("each form, as read", () => {
	it.each([
		["- 2026-03-02 — call with Dana", ["touch", "list", 1, "2026-03-02", "call", "call with Dana"]],
		["Called Dana on 2026-03-02.", ["touch", "prose", 1, "2026-03-02", "call", "Called Dana"]],
		["- **Call 1:** 2026-02-18 (left a voicemail)", ["touch", "label", 1, "2026-02-18", "call", "Call 1: (left a voicemail)"]],
		["**Demo**: 2026-02-18", ["touch", "label", 1, "2026-02-18", null, "Demo"]],
		["- **2026-01-19:** Zoom meeting", ["touch", "label", 1, "2026-01-19", "meeting", "Zoom meeting"]],
		["Next check-in: 2026-05-20", ["next", "label", 1, "2026-05-20", null, "Next check-in"]],
		["### 2026-01-05 — Call with Dana ###", ["touch", "heading", 1, "2026-01-05", "call", "Call with Dana ###"]],
		["- [x] Discovery call 2026-03-05", ["touch", "task", 1, "2026-03-05", "call", "Discovery call"]],
		["1. [ ] Call Dana 2026-03-10", ["next", "task", 1, "2026-03-10", "call", "Call Dana"]],
		["+ 2026-03-02: coffee", ["touch", "label", 1, "2026-03-02", "coffee", "coffee"]],
		["  * 2026-03-02 call", ["touch", "list", 1, "2026-03-02", "call", "call"]],
		["12) 2026-03-02 call", ["touch", "list", 1, "2026-03-02", "call", "call"]],
	])("%j", (line, expected) => {
		expect(found(formsOf([line]))).toEqual([expected]);
	});

	it("keeps the cues and where the year came from", () => {
		const read = formsOf(["## Log", "- Jan 18: call", "- 2026-01-20 — email", "- Jan 22 & Jan 24, 2026: calls"]);
		expect(read.found.map((f) => [f.date, f.year, f.cues])).toEqual([
			["2026-01-18", "the nearest full date (line 3)", ['word "call"', 'section "Log"']],
			["2026-01-20", "written", ['word "email"', 'section "Log"']],
			["2026-01-22", "the full date on its line", ['word "call"', 'section "Log"']],
			["2026-01-24", "written", ['word "call"', 'section "Log"']],
		]);
	});

	it("lists a dated line it does not use, with its reason and cues", () => {
		const read = formsOf(["## Log", "- Birthday: March 4, 1980", "The board meets on 2026-03-02."]);
		expect(read.found).toEqual([]);
		expect(read.unused).toEqual([
			{ line: 2, text: "- Birthday: March 4, 1980", reason: '"Birthday": not a contact', cues: ['not-a-contact word "Birthday"', 'section "Log"'] },
			{ line: 3, text: "The board meets on 2026-03-02.", reason: "a date in prose that names no contact (call, meeting …) and sits in no log section", cues: ['word "meet"', 'section "Log"'] },
		]);
	});

	it("leaves a line without a digit, a touch line, a Dataview field and a Tasks-plugin line", () => {
		const read = formsOf([
			"- call with Dana last week",
			{ text: "- 2026-03-02 call: intro", touchLine: true },
			"- [next:: 2026-12-10] call",
			"- [next::2026-12-10] call",
			"Next:: 2026-12-10",
			"- [ ] call Dana 📅 2026-03-10",
			"- [x] call Dana ✅ 2026-03-10",
			"- [ ] call Dana ⏳ 2026-03-10",
		]);
		expect(read).toEqual({ found: [], unused: [], yearless: [], dayless: [], badDates: [] });
	});

	it("reads a heading even on a line read as a touch line, and the sections it opens", () => {
		const read = formsOf([{ text: "## Log", touchLine: true }, "- 2026-03-02 — Dana, the roof"]);
		expect(found(read)).toEqual([["touch", "list", 2, "2026-03-02", null, "Dana, the roof"]]);
	});

	it("reads a sentence under a log section when its date opens it, after markup only", () => {
		const read = formsOf(["## Log", "2026-03-02 the roof", "**2026-03-03** the roof", "(2026-03-04) the roof", "The roof 2026-03-05"]);
		expect(read.found.map((f) => [f.form, f.date])).toEqual([
			["prose", "2026-03-02"],
			["prose", "2026-03-03"],
			["prose", "2026-03-04"],
		]);
		expect(read.unused.map((u) => u.line)).toEqual([5]);
	});

	it("names a section by its heading without its closing marks", () => {
		expect(formsOf(["## Log ##", "- 2026-03-02 — Dana, the roof"]).found.map((f) => f.cues)).toEqual([['section "Log"']]);
	});

	it("reads a URL label as a line, not a label; a label that only holds http is a label", () => {
		const read = formsOf(["https: //acme.com called 2026-03-02", "http: called on 2026-03-02", "Webhttp: called 2026-03-02", "http status: called 2026-03-02"]);
		expect(read.found.map((f) => f.form)).toEqual(["prose", "prose", "label", "label"]);
	});

	it("turns each form off by its setting", () => {
		const lines = ["# 2026-01-05 call with Dana", "- [x] call 2026-03-05", "- 2026-03-06 call", "Call: 2026-03-07", "| Date | Type |", "|---|---|", "| 2026-03-08 | call |", "| Call | 2026-03-09 |"];
		const dates = (raw: Record<string, unknown>) => formsOf(lines, null, { readForms: raw }).found.map((f) => f.date);
		expect(dates({})).toEqual(["2026-01-05", "2026-03-05", "2026-03-06", "2026-03-07", "2026-03-08"]);
		expect(dates({ headings: false })).toEqual(["2026-03-05", "2026-03-06", "2026-03-07", "2026-03-08"]);
		expect(dates({ tasks: false })).toEqual(["2026-01-05", "2026-03-06", "2026-03-07", "2026-03-08"]);
		expect(dates({ labels: false })).toEqual(["2026-01-05", "2026-03-05", "2026-03-08"]);
		expect(dates({ tables: false })).toEqual(["2026-01-05", "2026-03-05", "2026-03-06", "2026-03-07"]);
		expect(formsOf(["| Call | 2026-03-09 |", "| Demo | 2026-03-10 |"], null, { readForms: { tables: false } }).found).toEqual([]);
	});
});

describe("the year of a month-day, as read", () => {
	it.each([
		// The nearest full date, before it on a tie, in the year that puts it closest.
		[["- 2025-12-20 call", "- Jan 3 call"], null, ["2025-12-20", "2026-01-03"], "the nearest full date (line 1)"],
		[["- Dec 28 call", "- 2026-01-02 call"], null, ["2025-12-28", "2026-01-02"], "the nearest full date (line 2)"],
		[["- 2026-06-01 call", "- Jun 3 call", "- 2024-06-01 call"], null, ["2026-06-01", "2026-06-03", "2024-06-01"], "the nearest full date (line 1)"],
		[["- 2026-06-01 call", "", "", "- Jun 3 call", "- 2024-06-01 call"], null, ["2026-06-01", "2024-06-03", "2024-06-01"], "the nearest full date (line 5)"],
		[["- 2026-07-01 call", "- Jan 5 call"], null, ["2026-07-01", "2026-01-05"], "the nearest full date (line 1)"],
		[["- 2026-07-01 call", "- Dec 31 call"], null, ["2026-07-01", "2025-12-31"], "the nearest full date (line 1)"],
		[["- 2026-07-01 call", "- Dec 30 call"], null, ["2026-07-01", "2026-12-30"], "the nearest full date (line 1)"],
		// As far from it a year before as after: the earlier.
		[["- 2024-07-02 call", "- Jan 1 call"], null, ["2024-07-02", "2024-01-01"], "the nearest full date (line 1)"],
		// Then created, then the file's creation.
		[["- Mar 4 call"], "2026-03-01", ["2026-03-04"], "created"],
		[["- Mar 4 call"], { created: "2025-01-10", fileCreated: "2024-01-10" }, ["2025-03-04"], "created"],
		[["- Mar 4 call"], { created: null, fileCreated: "2024-01-10" }, ["2024-03-04"], "the file's creation"],
	])("%j (%j) reads %j", (lines, dates, days, year) => {
		const read = formsOf(lines, dates);
		expect(read.found.map((f) => f.date)).toEqual(days);
		expect(read.found.find((f) => !/^\d{4}-/.test(lines[f.line - 1].slice(2)))?.year).toBe(year);
	});

	it("takes the year from a line that is only a full date", () => {
		expect(formsOf(["2025-12-20", "- Jan 3 call"]).found.map((f) => [f.date, f.year])).toEqual([["2026-01-03", "the nearest full date (line 1)"]]);
	});

	it("takes the year from a date written with its year, not from one that took its line's", () => {
		const read = formsOf(["- Dec 30 & Jan 2, 2026: call", "- Jan 5: call"]);
		expect(read.found.map((f) => [f.line, f.date, f.year])).toEqual([
			[1, "2026-12-30", "the full date on its line"],
			[1, "2026-01-02", "written"],
			[2, "2026-01-05", "the nearest full date (line 1)"],
		]);
	});

	it("never takes a year from a date without one, a link's date nor a month alone", () => {
		const read = formsOf(["- Mar 3 call", "- See [[Interaction - 2025-02-04 Dana]]", "- Budget 2025", "- Mar 4 call"]);
		expect(read.found).toEqual([]);
		expect(read.yearless).toEqual([1, 4]);
		expect(read.unused.map((u) => [u.line, u.reason])).toEqual([
			[1, "date without a year: no full date in the note and no created date"],
			[4, "date without a year: no full date in the note and no created date"],
		]);
	});

	it("never puts a done contact after the note was last saved through a guessed year, but keeps a written one", () => {
		const read = formsOf(["- 2025-12-20 email", "- Jan 19 call", "- 2026-01-19 call", "- Jan 19, 2026 & Jan 20 call", "- Jan 21: will call"], { created: null, fileModified: "2025-12-28" });
		expect(read.found.map((f) => [f.line, f.date])).toEqual([
			[1, "2025-12-20"],
			[3, "2026-01-19"],
			[4, "2026-01-19"],
			[4, "2026-01-20"],
			[5, "2026-01-21"],
		]);
		expect(read.yearless).toEqual([2]);
		expect(read.unused).toEqual([
			{ line: 2, text: "- Jan 19 call", reason: "date without a year: 2026-01-19 (year from the nearest full date (line 1)) would put a done contact after the note was last saved" },
		]);
		expect(formsOf(["- 2025-12-20 email", "- Dec 28 call"], { created: null, fileModified: "2025-12-28" }).found.map((f) => f.date)).toEqual(["2025-12-20", "2025-12-28"]);
	});

	it("lists a date impossible in the chosen order as a problem, used or not", () => {
		const read = formsOf(["- 24/01/2026 call: sent the deck", "- 13/13/2026 the roof", "Birthday 2026/02/30"]);
		expect(read.found).toEqual([]);
		expect(read.badDates).toEqual([
			{ line: 1, message: "24/01/2026 is not a date read month first (the date format setting)" },
			{ line: 2, message: "13/13/2026 is not a date read month first (the date format setting)" },
			{ line: 3, message: "2026/02/30 is not a real date" },
		]);
		expect(read.unused.map((u) => [u.line, u.reason])).toEqual(read.badDates.map((b) => [b.line, b.message]));
	});
});

describe("lists of dates and label dates", () => {
	it.each([
		["- Jan 18 & Jan 20, 2026: calls", ["2026-01-18", "2026-01-20"]],
		["- Jan 18 and Jan 20, 2026: calls", ["2026-01-18", "2026-01-20"]],
		["- Jan 18, Jan 19 + Jan 20, 2026: calls", ["2026-01-18", "2026-01-19", "2026-01-20"]],
		["- 2026-01-18 call; 2026-01-20 email", ["2026-01-18"]],
		["- 2026-01-18 call, 2026-01-20 email", ["2026-01-18"]],
		["- Jan 18 & then Jan 20, 2026 calls", ["2026-01-18"]],
		["- **Jan 18 & Jan 20, 2026:** calls", ["2026-01-18", "2026-01-20"]],
		["- Next call: Jan 18 & Jan 20, 2026", ["2026-01-18"]],
	])("%j gives %j", (line, days) => {
		expect(formsOf([line]).found.map((f) => f.date)).toEqual(days);
	});

	it("reads what stands before the date in a label's value: a next step by a day", () => {
		expect(found(formsOf(["Action: call Dana by 2026-03-20"]))).toEqual([["next", "label", 1, "2026-03-20", "call", "Action: call Dana by"]]);
	});

	it("reads a label that is a date as the line's date, and a label with a date in it as a label", () => {
		expect(found(formsOf(["- **Jan 19, 2026**: Zoom with Dana"]))).toEqual([["touch", "label", 1, "2026-01-19", "video", "Zoom with Dana"]]);
		expect(formsOf(["**Jan 18 & Jan 19, 2026**: call"]).found.map((f) => [f.form, f.date, f.channel])).toEqual([
			["label", "2026-01-18", "call"],
			["label", "2026-01-19", "call"],
		]);
		expect(found(formsOf(["**Call on 2026-01-19**: with Dana on 2026-01-19"]))).toEqual([["touch", "label", 1, "2026-01-19", "call", "Call on 2026-01-19: with Dana"]]);
	});
});

describe("a heading followed by fields", () => {
	it("is one contact: its channel from Type, its summary from Notes, else the heading", () => {
		const read = formsOf(["## Last contact", "- **Date**: 2026-01-10", "- **Type**: **video**", "- **Notes**: pricing", "- **Summary**: later", "- **Channel**: call"]);
		expect(found(read)).toEqual([["touch", "label", 2, "2026-01-10", "video", "pricing"]]);
		const bare = formsOf(["## Last contact", "Date: 2026-01-10"]);
		expect(found(bare)).toEqual([["touch", "label", 2, "2026-01-10", null, "Last contact"]]);
		const titled = formsOf(["## Last call", "- When: 2026-01-10", "- About: pricing"], null, { logSections: ["last call"] });
		expect(found(titled)).toEqual([["touch", "label", 2, "2026-01-10", "call", "pricing"]]);
	});

	it("takes a field's value without its markup", () => {
		expect(found(formsOf(["## Last contact", "- Date: 2026-01-10", "- **Notes**: **pricing**  "]))).toEqual([["touch", "label", 2, "2026-01-10", null, "pricing"]]);
	});

	it("takes its fields under its own heading only", () => {
		const read = formsOf(["- Type: email", "## Last contact", "- Date: 2026-01-10", "## Other", "- Type: call", "- Notes: the roof"]);
		expect(found(read)).toEqual([["touch", "label", 3, "2026-01-10", null, "Last contact"]]);
	});

	it("reads a channel in the date line itself when no field names one", () => {
		expect(found(formsOf(["## Log", "- Date: 2026-01-10 (call)"]))).toEqual([["touch", "label", 2, "2026-01-10", "call", "Log"]]);
	});
});

describe("tables, as read", () => {
	it("finds the date, type, notes and next columns by their headers, in any order and markup", () => {
		const read = formsOf(["| **Notes** | When | How | Next step |", "| --- | :---: | --- | --- |", "| intro | 2026-10-02 | Call | 2026-10-09 |", "| | 2026-10-03 | | |", "| sent deck | Oct 20, 2026 | | |"]);
		expect(found(read)).toEqual([
			["touch", "table", 3, "2026-10-02", "call", "intro"],
			["next", "table", 3, "2026-10-09", null, ""],
			["touch", "table", 4, "2026-10-03", null, ""],
			["touch", "table", 5, "2026-10-20", null, "sent deck"],
		]);
	});

	it("reads a table as a log section: a row's words can still make it none", () => {
		const read = formsOf(["| Date | Type | Notes |", "|---|---|---|", "| 2026-10-02 | | invoice sent |", "| 2026-10-03 | Call | pricing |"]);
		expect(found(read)).toEqual([["touch", "table", 4, "2026-10-03", "call", "pricing"]]);
		expect(read.unused.map((u) => [u.line, u.reason, u.cues])).toEqual([[3, '"invoice": not a contact', ['not-a-contact word "invoice"', 'word "sent"', 'section "a table with a date column"']]]);
	});

	it("uses the section a table sits in", () => {
		const read = formsOf(["## Next steps", "| Date | Notes |", "|---|---|", "| 2026-10-02 | the roof |"]);
		expect(found(read)).toEqual([["next", "table", 4, "2026-10-02", null, "the roof"]]);
	});

	it("needs a date column and a type or notes column, a header row, and rows one under the other", () => {
		expect(formsOf(["| Date | Amount |", "|---|---|", "| 2026-10-05 | 500 |"]).found).toEqual([]);
		expect(formsOf(["| Type | Notes |", "|---|---|", "| 2026-10-05 | call |"]).found).toEqual([]);
		expect(formsOf(["| Date | Notes | x |", "| 2026-10-05 | call | |"]).found.map((f) => f.date)).toEqual(["2026-10-05"]);
		// A line that is no row ends the table: the next row is a header again.
		expect(formsOf(["| Date | Notes |", "|---|---|", "| 2026-10-05 | call |", "", "| 2026-10-06 | call |", "| 2026-10-07 | call |"]).found.map((f) => f.date)).toEqual(["2026-10-05"]);
		const gap = readForms(
			[
				{ line: 1, text: "| Date | Notes |", touchLine: false },
				{ line: 2, text: "|---|---|", touchLine: false },
				{ line: 4, text: "| 2026-10-06 | call |", touchLine: false },
				{ line: 5, text: "| 2026-10-07 | call |", touchLine: false },
			],
			null,
			migrateSettings(undefined),
		);
		expect(gap.found).toEqual([]);
	});

	it.each([
		// Each column found where it stands, the first one too.
		[["| Type | Date |", "|---|---|", "| Call | 2026-10-05 |"], [["touch", "table", 3, "2026-10-05", "call", "Call"]]],
		[["| Notes | Date |", "|---|---|", "| pricing | 2026-10-05 |"], [["touch", "table", 3, "2026-10-05", null, "pricing"]]],
		[
			["| Follow-up by | Date | Notes |", "|---|---|---|", "| 2026-10-09 | 2026-10-05 | call |"],
			[
				["touch", "table", 3, "2026-10-05", "call", "call"],
				["next", "table", 3, "2026-10-09", null, ""],
			],
		],
		// Two columns with no date column are a key/value table, whatever their headers.
		[["| Type | Notes |", "|---|---|", "| Call | 2026-10-05 |"], [["touch", "label", 3, "2026-10-05", "call", "Call"]]],
		// No date column: its dates are never read, nor its header's.
		[["| Item | Visit | Cost |", "|---|---|---|", "| Roof | 2026-10-05 | 500 |"], []],
		[["| Call | 2026-10-05 | x |", "|---|---|---|"], []],
	])("%j gives %j", (lines, expected) => {
		const read = formsOf(lines);
		expect(found(read)).toEqual(expected);
		expect(read.unused).toEqual([]);
	});

	it("names the next column as the place of its next step", () => {
		const read = formsOf(["| Date | Notes | Next |", "|---|---|---|", "| 2026-11-02 | call | 2026-11-30 |"]);
		expect(read.found.map((f) => [f.kind, f.cues])).toEqual([
			["touch", ['word "call"', 'section "a table with a date column"']],
			["next", ['section "a next column"', 'time next:']],
		]);
	});

	it("reads a short row and an empty notes cell as no words", () => {
		expect(found(formsOf(["| Date | Type | Notes |", "|---|---|---|", "| 2026-10-03 |"]))).toEqual([["touch", "table", 3, "2026-10-03", null, ""]]);
		expect(found(formsOf(["| Date | Notes |", "|---|---|", "| 2026-10-03 | |"]))).toEqual([["touch", "table", 3, "2026-10-03", null, ""]]);
	});

	it("reports no month-only row of a table when tables are off", () => {
		expect(formsOf(["| Date | Type |", "|---|---|", "| 2026-02 | Meeting |"], null, { readForms: { tables: false } })).toEqual({ found: [], unused: [], yearless: [], dayless: [], badDates: [] });
	});

	it("lists a row dated by month only as a problem", () => {
		for (const cell of ["2026-02", "February 2026", "Feb. 2026", " 2026-02 "]) {
			const read = formsOf(["| Date | Type |", "|---|---|", `| ${cell} | Meeting |`]);
			expect(read.dayless, cell).toEqual([3]);
			expect(read.unused, cell).toEqual([{ line: 3, text: `| ${cell} | Meeting |`, reason: "date without a day" }]);
		}
	});

	it("reads a next column alone, and a row whose date cell holds no digit not at all", () => {
		const read = formsOf(["| Date | Notes | Follow-up by |", "|---|---|---|", "| TBD | intro | 2026-11-30 |", "| 2026-11-02 | call | none |"]);
		expect(found(read)).toEqual([
			["next", "table", 3, "2026-11-30", null, ""],
			["touch", "table", 4, "2026-11-02", "call", "call"],
		]);
	});

	it("reads a two-column key/value table like label lines, its first row too", () => {
		const read = formsOf(["| First meeting | March 3, 2026 |", "| --- | --- |", "| Next call | April 3, 2026 |", "| Birthday | none |", "| Lunch |", "| **Demo** | 2026-04-05 |"]);
		expect(found(read)).toEqual([
			["touch", "label", 1, "2026-03-03", "meeting", "First meeting"],
			["next", "label", 3, "2026-04-03", "call", "Next call"],
			["touch", "label", 6, "2026-04-05", null, "Demo"],
		]);
		expect(formsOf(["| Field | Value |", "|---|---|", "| Demo | 2026-04-05 |"]).found.map((f) => f.date)).toEqual(["2026-04-05"]);
		expect(formsOf(["| Date | Value |", "|---|---|", "| Demo | 2026-04-05 |"]).found).toEqual([]);
		expect(formsOf(["| Field | Value | x |", "|---|---|---|", "| Demo | 2026-04-05 | |"]).found).toEqual([]);
	});
});
