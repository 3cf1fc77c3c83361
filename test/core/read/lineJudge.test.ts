// The judge of dated lines (README, "Bringing your existing notes"): one test per cue, per section
// word and per date form, each with its negative control. The suite runs in UTC, Los Angeles and
// Auckland.
import { describe, expect, it } from "vitest";
import { LOG_SECTIONS, NOT_CONTACT_WORDS, migrateSettings } from "../../../src/core/settings/settings";
import { readNote } from "../../../src/core/read/note";
import { channelOf, judgeLine, summaryWithout, type JudgeInput, type Judgement, type LineKind, type Verdict } from "../../../src/core/read/lineJudge";
import type { Section, SectionRole } from "../../../src/core/read/sections";
import type { TouchbaseSettings } from "../../../src/core/settings/settings";
import { note } from "../../helpers/noteBuilder";

const PATH = "Prospects/Dana.md";
const TODAY = "2026-11-28";
const read = (b: ReturnType<typeof note>, settings = migrateSettings(undefined)) => b.read(PATH, settings);
const touches = (b: ReturnType<typeof note>, settings = migrateSettings(undefined)) =>
	read(b, settings).prospect!.touches.map((t) => [t.date, t.channel, t.summary] as const);
const days = (b: ReturnType<typeof note>, settings = migrateSettings(undefined)) => read(b, settings).prospect!.touches.map((t) => t.date);
const nexts = (b: ReturnType<typeof note>) => read(b).prospect!.nextFollowUp.map((n) => n.date);
const problems = (b: ReturnType<typeof note>, settings = migrateSettings(undefined)) => read(b, settings).problems.map((p) => [p.line, p.message.split(":")[0]]);

describe("the issue's examples", () => {
	it("reads a Log section of dated lines as a new user writes it", () => {
		const b = note()
			.fm("created: 2026-01-05")
			.line("## Log", "- Feb 20 — intro call via Tom, she liked the case study", "- 2026-01-10 — call with Dana", "- 24/01/2026 call: sent the deck");
		expect(touches(b)).toEqual([
			["2026-02-20", "call", "intro call via Tom, she liked the case study"],
			["2026-01-10", "call", "call with Dana"],
		]);
		// Month first by default: 24/01/2026 is no date, said so, never dropped without a word.
		expect(problems(b)).toEqual([[7, "24/01/2026 is not a date read month first (the date format setting)"]]);
		expect(days(b, migrateSettings({ dateLocale: "en-GB" }))).toEqual(["2026-02-20", "2026-01-10", "2026-01-24"]);
	});
});

describe("words", () => {
	const verbs = ["called", "emailed", "texted", "met", "spoke", "replied", "sent the proposal", "caught up", "reached out", "left a voicemail", "pinged", "chased", "nudged", "presented"];
	it.each(verbs)("a sentence saying %s on a date is a contact; without the word it is none", (verb) => {
		expect(days(note().line(`We ${verb} on 2026-03-02 about the roof.`))).toEqual(["2026-03-02"]);
		expect(days(note().line("We agreed on 2026-03-02 about the roof."))).toEqual([]);
	});

	const nouns = ["1:1", "coffee chat", "intro", "demo", "lunch", "dm", "call", "meeting", "zoom", "check-in", "kickoff", "QBR", "stand-up", "read-out", "chase"];
	it.each(nouns)("a dated list item naming a %s is a contact; a sentence naming only the noun is not", (noun) => {
		expect(days(note().line(`- 2026-03-02: ${noun} with Dana`).line(""))).toEqual(["2026-03-02"]);
		expect(days(note().line(`The ${noun} is planned around 2026-03-02 by their team.`))).toEqual([]);
	});

	it.each(NOT_CONTACT_WORDS)("%s makes a dated line no contact, even with a contact word", (word) => {
		expect(days(note().line(`- Mar 2, 2026: call about the ${word}`, ""))).toEqual([]);
		expect(days(note().line("- Mar 2, 2026: call about the quote", ""))).toEqual(["2026-03-02"]);
	});

	it.each([
		["Called Dana", "call"],
		["Emailed the deck", "email"],
		["coffee chat at Blue Bottle", "coffee"],
		["LinkedIn message", "linkedin"],
		["Texted her the link", "text"],
		["Met at the fair", "meeting"],
	])("gives %s the channel %s", (words, channel) => {
		expect(touches(note().line(`- Mar 2, 2026 — ${words}`))[0][1]).toBe(channel);
	});
});

describe("place: the section a line sits in", () => {
	it.each(LOG_SECTIONS.filter((w) => !/next/.test(w)))("a dated bullet under ## %s is a contact without a contact word", (word) => {
		expect(days(note().line(`## ${word[0].toUpperCase()}${word.slice(1)}`, "- 2026-03-02 — Dana, about the roof"))).toEqual(["2026-03-02"]);
	});

	it.each(LOG_SECTIONS.filter((w) => /next/.test(w)))("a dated bullet under ## %s is a next step", (word) => {
		const b = note().line(`## ${word}`, "- Mar 20, 2026 — Dana, about the roof");
		expect(days(b)).toEqual([]);
		expect(nexts(b)).toEqual(["2026-03-20"]);
	});

	it("the same bullet under another heading, or a sentence there, is none", () => {
		expect(days(note().line("## Notes", "- Mar 2, 2026 — Dana, about the roof"))).toEqual([]);
		expect(days(note().line("## Log", "Their fiscal year starts on Mar 2, 2026 and ends later."))).toEqual([]);
	});

	it("reads a nested dated heading under a log section", () => {
		expect(days(note().line("## History", "### November 1, 2024", "- pricing"))).toEqual(["2024-11-01"]);
		expect(days(note().line("## Projects", "### November 1, 2024", "- pricing"))).toEqual([]);
	});

	it("takes the log-section words from the settings", () => {
		const settings = migrateSettings({ logSections: ["Journal"] });
		expect(days(note().line("## Journal", "- 2026-03-02 — Dana"), settings)).toEqual(["2026-03-02"]);
		expect(days(note().line("## Log", "- Mar 2, 2026 — Dana"), settings)).toEqual([]);
	});

	it("reads a heading followed by fields as one contact, its channel from the Type field", () => {
		const b = note().line("## Last contact", "- **Date**: 2026-01-10", "- **Type**: call", "- **Notes**: pricing questions");
		expect(touches(b)).toEqual([["2026-01-10", "call", "pricing questions"]]);
		expect(days(note().line("## Details", "- **Date**: 2026-01-10", "- **Type**: call"))).toEqual([]);
	});

	it("reads a two-column key/value table like label lines", () => {
		const b = note().line("| Field | Value |", "|---|---|", "| First meeting | March 3, 2026 |", "| Birthday | March 4, 1980 |", "| Next call | April 3, 2026 |");
		expect(days(b)).toEqual(["2026-03-03"]);
		expect(nexts(b)).toEqual(["2026-04-03"]);
		expect(days(note().line("| First meeting | March 3, 2026 |", "|---|---|"))).toEqual(["2026-03-03"]);
	});
});

describe("time: next steps", () => {
	it.each([
		["Follow up with Dana by Mar 20, 2026.", "2026-03-20"],
		["- Send the revised quote (by 2026-03-20)", "2026-03-20"],
		["Agreed next: call on 2026-03-20.", "2026-03-20"],
		["- [ ] Call Dana 2026-03-20", "2026-03-20"],
		["We will call her on 2026-03-20.", "2026-03-20"],
		["- Demo scheduled for 2026-03-20", "2026-03-20"],
	])("%s is a next step", (line, date) => {
		const b = note().line(line);
		expect(nexts(b)).toEqual([date]);
		expect(days(b)).toEqual([]);
	});

	it("a next-step wording without a contact is none: a deadline, a chore", () => {
		expect(nexts(note().line("- [ ] Buy printer paper 2026-03-20", "Report due by 2026-03-20."))).toEqual([]);
	});

	it("a contact in the future is planned; in the past, done", () => {
		const due = note().line("## Log", "- 2026-03-02 — called Dana", "- 2026-12-20 — call Dana again").due(TODAY, undefined, PATH);
		expect(due.doneCount).toBe(1);
		expect(due.next).toMatchObject({ date: "2026-12-20", suggested: false });
	});
});

describe("dates as people write them", () => {
	it.each([
		["- 2026-03-02 — call", "2026-03-02"],
		["- [2026-03-02] call", "2026-03-02"],
		["- Call (2026-03-02)", "2026-03-02"],
		["- 2026/03/02 call", "2026-03-02"],
		["- March 2, 2026: call", "2026-03-02"],
		["- 2 March 2026: call", "2026-03-02"],
		["- Mon, Mar 2, 2026: call", "2026-03-02"],
		["- 3/2/26 call", "2026-03-02"],
		["- 3/2/2026 call", "2026-03-02"],
	])("reads %s", (line, date) => {
		expect(days(note().line("## Log", line))).toEqual([date]);
	});

	it("reads numeric dates month first by default and day first by the setting", () => {
		const gb = migrateSettings({ dateLocale: "en-GB" });
		expect(days(note().fm("created: 2026-01-01").line("## Log", "- 3/4 call"))).toEqual(["2026-03-04"]);
		expect(days(note().fm("created: 2026-01-01").line("## Log", "- 3/4 call"), gb)).toEqual(["2026-04-03"]);
		expect(problems(note().line("## Log", "- 4/24/2026 call"), gb)).toEqual([[2, "4/24/2026 is not a date read day first (the date format setting)"]]);
	});

	it("never reads a score, a fraction or 24/7 as a date", () => {
		const b = note().line("## Log", "- Support is 24/7 and they answered 3/4 of the questions", "- Rated 9/10 on 2026-03-02 by the call");
		expect(days(b)).toEqual(["2026-03-02"]);
		expect(problems(b)).toEqual([]);
	});

	it("reads a list of dates, each in the year the line gives", () => {
		expect(days(note().line("## Log", "- Jan 18 & Jan 20, 2026: calls with Dana"))).toEqual(["2026-01-18", "2026-01-20"]);
	});

	it("gives a month-day the year of its line, the nearest full date, then created", () => {
		expect(read(note().line("## Log", "- Jan 18: call", "", "", "- 2025-12-20: email")).prospect!.touches.map((t) => [t.date, t.year])).toEqual([
			["2026-01-18", "the nearest full date (line 5)"],
			["2025-12-20", "written"],
		]);
		expect(read(note().fm("created: 2026-03-01").line("## Log", "- Mar 4: call")).prospect!.touches.map((t) => [t.date, t.year])).toEqual([["2026-03-04", "created"]]);
		expect(problems(note().line("## Log", "- Mar 4: call"))).toEqual([[2, "date without a year"]]);
	});
});

describe("notes that are no contact", () => {
	it("a daily note, a project note, a task list, a book note and a meeting about no prospect give no contact", () => {
		const daily = "---\ndate: 2026-03-02\n---\n# 2026-03-02\n- 09:00 standup\n- Called the plumber\n- [ ] Buy milk 2026-03-03\n";
		const project = "---\ntype: project\n---\n## Timeline\n- 2026-03-02 kickoff meeting\n- 2026-04-01 launch\n";
		const book = "---\ntype: book\n---\nFinished reading on 2026-02-01. Met the author on 2026-02-03.\n";
		const meeting = "---\ndate: 2026-03-02\nattendees: [Team]\n---\n# Sprint planning\n- Discussed the roadmap\n";
		for (const [path, text] of [["Daily/2026-03-02.md", daily], ["Projects/Roof.md", project], ["Books/Deep Work.md", book], ["Meetings/2026-03-02 Sprint.md", meeting]]) {
			expect(note().line(text).read(path), path).toMatchObject({ prospect: null, problems: [] });
		}
	});

	it("inside a prospect note, chores, deadlines and dates of the company are none", () => {
		const b = note().line(
			"## Company",
			"- Founded 2019-05-01",
			"- Contract renewal 2026-09-01",
			"- Invoice sent 2026-02-01",
			"## Tasks",
			"- [ ] Update the CRM 2026-03-02",
			"- Birthday: March 4",
			"The trade show runs 2026-05-01.",
		);
		expect(days(b)).toEqual([]);
		expect(nexts(b)).toEqual([]);
	});
});

describe("the year of a month-day from the file's times", () => {
	const log = note().line("## Log", "- Mar 4: call");

	it("takes the file's creation year when the note gives none", () => {
		const read = log.read(PATH, migrateSettings(undefined));
		expect(read.prospect!.touches).toEqual([]);
		const withTimes = readNote(PATH, log.text(), migrateSettings(undefined), { file: { created: "2026-01-15", modified: "2026-06-01" } });
		expect(withTimes.prospect!.touches.map((t) => [t.date, t.year])).toEqual([["2026-03-04", "the file's creation"]]);
	});

	it("never puts a done contact after the note was last saved: then it is a problem", () => {
		const read = readNote(PATH, note().line("## Log", "- 2025-12-20 — email", "- Jan 19 — call").text(), migrateSettings(undefined), { file: { modified: "2025-12-28" } });
		expect(read.prospect!.touches.map((t) => t.date)).toEqual(["2025-12-20"]);
		expect(read.problems.map((p) => [p.line, p.message.split(":")[0]])).toEqual([[3, "date without a year"]]);
		expect(read.prospect!.unused!.find((u) => u.line === 3)!.reason).toMatch(/2026-01-19 .* after the note was last saved/);
	});
});

describe("their tasks", () => {
	it("a dated task under Things they owe me or Waiting on is none; the same under Next steps is a next step", () => {
		expect(nexts(note().line("## Things they owe me", "- [ ] Send me the floor plans by 2026-03-05"))).toEqual([]);
		expect(nexts(note().line("## Waiting on", "- Call back with the budget 2026-03-05"))).toEqual([]);
		expect(nexts(note().line("## Next steps", "- [ ] Introduce her to Tom by 2026-03-05"))).toEqual(["2026-03-05"]);
	});
});

describe("someone's availability or absence", () => {
	it.each([
		"- 2025-12-16: Jesse unavailable entire week of December 23-27",
		"- 2026-03-02: Dana not available until April",
		"- Jesse unavailable entire week of December 23-27, 2025",
		"- 2026-03-02: Dana on leave, back in April",
		"- 2026-03-02: Dana out sick",
		"- 2026-03-02: Dana on PTO",
		"- 2026-03-02: Dana out of office",
	])("%s is no contact, even in a log section", (line) => {
		expect(days(note().line("## Log", line))).toEqual([]);
		// The control: the same line about a call is one.
		expect(days(note().line("## Log", "- 2026-03-02: call with Dana about April"))).toEqual(["2026-03-02"]);
	});
});

describe("a fact checked on a day", () => {
	it("a label verified on a day is research, not a contact; a LinkedIn message that day is one", () => {
		expect(days(note().line("**Location**: Lisbon [LinkedIn verified Oct 28, 2025]"))).toEqual([]);
		expect(days(note().line("Found her through a web search on Oct 28, 2025."))).toEqual([]);
		expect(days(note().line("- Oct 28, 2025: LinkedIn message about the pilot"))).toEqual(["2025-10-28"]);
	});
});

describe("contact details", () => {
	it("an address, number or profile field with a date is how to reach someone, not a contact", () => {
		expect(days(note().line("**Email**: dana@example.com [confirmed Oct 27, 2025]"))).toEqual([]);
		expect(days(note().line("**Phone**: +1 555 0100 (since 2025-10-27)"))).toEqual([]);
		expect(days(note().line("**Phone**: (555) 123-4567, since 2025-10-27"))).toEqual([]);
		expect(days(note().line("**LinkedIn**: https://www.linkedin.com/in/dana (added 2025-10-27)"))).toEqual([]);
	});

	it("a line that says the address was used, or a dated log bullet naming one, is still a contact", () => {
		expect(days(note().line("**Email**: emailed dana@example.com on Oct 27, 2025"))).toEqual(["2025-10-27"]);
		expect(days(note().line("## Log", "- 2025-10-27 — email to dana@example.com about the quote"))).toEqual(["2025-10-27"]);
	});
});

describe("a thing to send them by a due day", () => {
	it("is a next step; a due day with nothing to do for them is none", () => {
		const b = note().line("## Commitments", "- Send AI readiness questionnaire | Due Mar 20, 2026");
		expect(nexts(b)).toEqual(["2026-03-20"]);
		expect(days(b)).toEqual([]);
		expect(nexts(note().line("## Commitments", "- Quarterly report | Due Mar 20, 2026"))).toEqual([]);
		expect(nexts(note().line("## Commitments", "- Send the invoice | Due Mar 20, 2026"))).toEqual([]);
	});
});

describe("a manager's running notes under dated headings", () => {
	it("a stand-up, a read-out or a chase heading is a contact (a meeting); a bare dated heading or a prep heading is none", () => {
		const b = note().line("## Running Notes", "", "### 2026-02-18", "* Requested review for a change.", "", "### 2026-02-05 — 1:1 prep", "", "### Stand-up — 2026-02-12", "- ticket in PR", "", "### Defect analysis read-out — 2026-02-16", "", "### 2026-02-19 — Test policy document chase");
		expect(touches(b).map(([d, c]) => [d, c])).toEqual([
			["2026-02-12", "meeting"],
			["2026-02-16", "meeting"],
			["2026-02-19", null],
		]);
	});
});

// Round 4 of the real-note corpus (test/fixtures/real/SOURCES.md): cues a salesperson's notes use in
// any vault, each with its negative control.
describe("a mention in a log section", () => {
	it.each(["Named in", "Referenced in", "Cited in", "Tagged in", "Listed in", "Appears in"])("%s … is no contact; the same line saying what they did is one", (words) => {
		expect(days(note().line("## Recent interactions", `- **2026-02-10 16:10:** ${words} the SOW010 document's title.`))).toEqual([]);
		expect(days(note().line("## Recent interactions", "- **2026-02-10 16:10:** Sent the SOW010 document."))).toEqual(["2026-02-10"]);
	});
});

describe("time: a next-step wording before the date, without a colon", () => {
	it("`Next week (Feb 17)` and `next call` opening the line make a next step, in a log section too; `Last week`, `the next day` and next steps discussed do not", () => {
		const next = note().line("## Timeline", "- **Next week (Feb 17, 2026):** Follow-up call, send design review");
		expect([days(next), nexts(next)]).toEqual([[], ["2026-02-17"]]);
		expect(nexts(note().line("- Next call Mar 3, 2026 with Dana"))).toEqual(["2026-03-03"]);
		const last = note().line("## Timeline", "- **Last week (Feb 17, 2026):** Follow-up call");
		expect([days(last), nexts(last)]).toEqual([["2026-02-17"], []]);
		expect(days(note().line("- The next day (Feb 18, 2026) she called back"))).toEqual(["2026-02-18"]);
		expect(days(note().line("- Discussed next steps on the Feb 3, 2026 call"))).toEqual(["2026-02-03"]);
	});

	it.each(["Agreed to a 15-minute follow-up on", "Agreed on a call for", "Pencilled in a call for", "Arranged a demo for", "Lined up a call for"])("`%s DATE` is a next step; a follow-up that took place is a contact", (words) => {
		const b = note().line(`- Outcome: ${words} April 13, 2026`);
		expect([days(b), nexts(b)]).toEqual([[], ["2026-04-13"]]);
		const held = note().line("- Outcome: Had the follow-up call on April 13, 2026");
		expect([days(held), nexts(held)]).toEqual([["2026-04-13"], []]);
		// After the date, an arrangement is what was said that day.
		const said = note().line("- April 13, 2026: agreed on pricing over a call");
		expect([days(said), nexts(said)]).toEqual([["2026-04-13"], []]);
	});
});

describe("a note that prepares a meeting", () => {
	it("holds the meeting as a next step and its research as no contact; a note of the meeting holds a contact", () => {
		const prep = note().line("# Call prep: Jay Carter — Lexia", "", "**Meeting:** Intro call — Thu Feb 26, 2026, 11:30 AM", "- Lexia shipped accessibility updates on 2026-01-10");
		expect([days(prep), nexts(prep)]).toEqual([[], ["2026-02-26"]]);
		expect((read(prep).prospect!.unused ?? []).map((u) => u.reason)).toEqual(["written to prepare a meeting: only the meeting itself is a next step"]);
		const notes = note().line("# Call notes: Jay Carter — Lexia", "", "**Meeting:** Intro call — Thu Feb 26, 2026, 11:30 AM");
		expect([days(notes), nexts(notes)]).toEqual([["2026-02-26"], []]);
	});

	it("ends at the next heading of its level: `### 1:1 prep` does not hold the `### 1:1 notes` after it", () => {
		const b = note().line("## Running notes", "", "### 2026-02-05 — 1:1 prep", "- agenda", "", "### 2026-02-05 — 1:1 notes", "- merged today");
		expect([days(b), nexts(b)]).toEqual([["2026-02-05"], []]);
		const prepOnly = note().line("## Running notes", "", "### 2026-02-05 — 1:1 prep", "- agenda");
		expect([days(prepOnly), nexts(prepOnly)]).toEqual([[], []]);
	});
});

describe("the fields of a call or meeting record", () => {
	it("a Date label beside an Outcome or Attendees label is the day of the contact, under a heading or at the note's top", () => {
		const ned = note().line("# Ned - Denali AI (Feb 9, 2026)", "", "**Date:** Feb 9, 2026  ", "**Contact:** Ned  ", "**Outcome:** paid pilot likely");
		expect(touches(ned)).toEqual([["2026-02-09", null, "paid pilot likely"]]);
		expect(days(note().line("**Date:** Feb 9, 2026", "**Attendees:** Ned, Ana"))).toEqual(["2026-02-09"]);
		expect(days(note().line("## Call", "- **Date**: 2026-02-09", "- **Call type**: discovery"))).toEqual(["2026-02-09"]);
	});

	it("a Date label among other fields is none, and a record's fields do not reach the next heading", () => {
		expect(days(note().line("# Ned - Denali AI", "", "**Date:** Feb 9, 2026", "**Company:** Denali AI"))).toEqual([]);
		expect(days(note().line("# Ned", "**Outcome:** pilot likely", "## Research", "**Date:** Feb 9, 2026"))).toEqual([]);
		expect(days(note().line("# Ned", "**Outcome:** pilot likely", "**Founded:** Feb 9, 2016"))).toEqual([]);
	});
});

describe("the year of a month-day from the date in the file name", () => {
	const yearOf = (path: string, b: ReturnType<typeof note>) => b.read(path, migrateSettings(undefined)).prospect!.touches.map((t) => [t.date, t.year]);
	it("comes after a full date in the note and before created; the nearest day to it", () => {
		expect(yearOf("Prospects/lexia-2026-02-26.md", note().line("## Log", "- Thu Feb 26 — intro call with Jay"))).toEqual([["2026-02-26", "the date in the file name"]]);
		expect(yearOf("Prospects/lexia-2026-01-02.md", note().line("## Log", "- Dec 30 — call with Jay"))).toEqual([["2025-12-30", "the date in the file name"]]);
		expect(yearOf("Prospects/lexia-2026-02-26.md", note().line("## Log", "- 2025-06-01 — email", "- Feb 26 — call"))).toEqual([["2025-06-01", undefined], ["2025-02-26", "the nearest full date (line 2)"]]);
		expect(yearOf("Prospects/lexia-2026-02-26.md", note().fm("created: 2024-02-01").line("## Log", "- Feb 26 — call"))).toEqual([["2026-02-26", "the date in the file name"]]);
	});

	it("is none without a date in the name: the month-day is a problem, not a guess", () => {
		const b = note().line("## Log", "- Thu Feb 26 — intro call with Jay");
		expect(yearOf("Prospects/lexia.md", b)).toEqual([]);
		expect(b.read("Prospects/lexia.md", migrateSettings(undefined)).problems.map((p) => p.message)).toEqual(["date without a year: give the year, or a full date before it"]);
		expect(yearOf("Prospects/lexia-2026-02-30.md", b)).toEqual([]);
	});
});

describe("where the first meeting is written down", () => {
	it.each(["How we met", "First met", "First contact", "First meeting"])("a dated bullet under ## %s is the contact of that day, without a contact word; under another heading it is none", (title) => {
		expect(days(note().line(`## ${title}`, "- Welcome day for CAST, 16 June 2026"))).toEqual(["2026-06-16"]);
		expect(days(note().line("## Basic info", "- Welcome day for CAST, 16 June 2026"))).toEqual([]);
	});
});

describe("a day a next step may start from", () => {
	it("`(from DATE onward)` and `not before DATE` make a next step, not a contact that day", () => {
		const onward = note().line("## Follow-up", "- Send lunch invite once she has her laptop (from 17 June 2026 onward)");
		expect([days(onward), nexts(onward)]).toEqual([[], ["2026-06-17"]]);
		const notBefore = note().line("- Send lunch invite, not before 17 June 2026");
		expect([days(notBefore), nexts(notBefore)]).toEqual([[], ["2026-06-17"]]);
	});

	it("`from DATE` without onward dates what happened then: the lunch is a contact", () => {
		const from = note().line("- Lunch with Dana, notes from 17 June 2026 attached");
		expect([days(from), nexts(from)]).toEqual([["2026-06-17"], []]);
	});
});

describe("what they did with the product, and a state since a day", () => {
	it("`started testing`, `signed up` on a day is no contact, even naming the email workflow; an email to them that day is one", () => {
		expect(days(note().line("## Sales progress", "- 2026-03-27: Moe started testing on web app, tried email workflow too"))).toEqual([]);
		expect(days(note().line("## Sales progress", "- 2026-03-27: Signed up for the trial"))).toEqual([]);
		expect(days(note().line("## Sales progress", "- 2026-03-27: Emailed Moe the onboarding steps"))).toEqual(["2026-03-27"]);
	});

	it("`since DATE` is a state that began that day, even in a log section; a call on that day is a contact", () => {
		expect(days(note().line("## Timeline", "- Customer since 2024-03-01"))).toEqual([]);
		expect(read(note().line("## Timeline", "- Customer since 2024-03-01")).prospect!.unused?.map((u) => u.reason)).toEqual(["a state since that day, not a contact"]);
		expect(days(note().line("- Moe actively testing since 2026-03-27, no call yet"))).toEqual([]);
		expect(days(note().line("## Timeline", "- 2024-03-01 — call with Dana, a customer since"))).toEqual(["2024-03-01"]);
	});
});

describe("a contact said to have taken place", () => {
	it("`Demo call held DATE (rescheduled from …)` is a contact that day, not a plan; `rescheduled to DATE` is a next step", () => {
		const held = note().line("- Demo call held 2026-03-31 at 9am UK time (rescheduled from 2026-03-30)");
		expect([days(held), nexts(held)]).toEqual([["2026-03-31"], []]);
		const moved = note().line("- Demo call rescheduled to 2026-03-31");
		expect([days(moved), nexts(moved)]).toEqual([[], ["2026-03-31"]]);
	});
});

// The judge itself, line by line: its verdict, the cues `touchbase explain` shows, and the reason
// a line is no contact (README, "Bringing your existing notes" and "Say why"). `DATE` stands where
// the line's date is, as readForms hands the line over: the date left out, what stood before it.
type Opts = Partial<Omit<JudgeInput, "words" | "before">> & { settings?: TouchbaseSettings };
function judge(text: string, opts: Opts = {}): Judgement {
	const { settings = migrateSettings(undefined), ...rest } = opts;
	const at = text.indexOf("DATE");
	const before = text.slice(0, at);
	return judgeLine({ kind: "list", words: `${before} ${text.slice(at + 4)}`, before, atStart: /^[\s*_[(>-]*$/.test(before), section: null, ...rest }, settings);
}
const section = (role: SectionRole | null, title = "Log"): Section => ({ title, level: 2, line: 1, role });
const verdictOf = (text: string, opts: Opts = {}): Verdict => judge(text, opts).verdict;

describe("a word list of the settings emptied", () => {
	it("leaves no not-a-contact word and no log section, and reads the rest as before", () => {
		const b = note().line("## Notes", "We called Dana on 2026-03-02.", "- Roof on 2026-03-05", "## History", "- Roof on 2026-03-06", "- Invoice on 2026-03-07");
		expect(days(b)).toEqual(["2026-03-02", "2026-03-06"]);
		expect(days(b, migrateSettings({ notContactWords: [] }))).toEqual(["2026-03-02", "2026-03-06", "2026-03-07"]);
		expect(days(b, migrateSettings({ logSections: [] }))).toEqual(["2026-03-02"]);
		expect(read(b, migrateSettings({ logSections: [] })).prospect!.unused!.map((u) => u.reason)).toEqual([
			"a dated list item that names no contact (call, meeting …)",
			"a dated list item that names no contact (call, meeting …)",
			'"Invoice": not a contact',
		]);
	});
});

describe("the judge of one line", () => {
	it.each([
		// A task's checkbox: done, open, or anything else (cancelled, moved) is no contact.
		["Call Dana DATE", "x", "contact", ['word "Call"'], null],
		["Call Dana DATE", "X", "contact", ['word "Call"'], null],
		["Call Dana DATE", " ", "next", ['word "Call"', "time open task"], null],
		["Call Dana DATE", "-", "none", ["task [-]"], "a cancelled task"],
		["Call Dana DATE", ">", "none", ["task [>]"], "a cancelled task"],
		["Buy printer paper DATE", " ", "none", ["open task"], "a dated task that names no contact (call, meeting …)"],
		["Buy printer paper DATE", "x", "none", [], "a dated task that names no contact (call, meeting …)"],
		// A done task that was a next step is done.
		["Share the deck by DATE", "x", "none", [], "a dated task that names no contact (call, meeting …)"],
		["Follow up with Dana by DATE", "x", "contact", ['word "Follow up"'], null],
		["Call Dana by DATE", "x", "contact", ['word "Call"'], null],
	])("the task %j [%s] is %s", (text, mark, verdict, cues, reason) => {
		expect(judge(text, { kind: "task", mark })).toEqual({ verdict, cues, reason });
	});

	it.each([
		// A sentence of prose needs a verb; a line of its own may name a noun.
		["prose", "We called Dana on DATE about the roof.", "contact", ['word "called"']],
		["prose", "Dana liked the call DATE.", "none", ['word "call"']],
		// Even when the date opens it, outside a log section.
		["prose", "DATE: call with Dana", "none", ['word "call"']],
		["list", "DATE: call with Dana", "contact", ['word "call"']],
		["heading", "DATE — Zoom with Dana", "contact", ['word "Zoom"']],
		["label", "DATE lunch", "contact", ['word "lunch"']],
		["table", "DATE | Email", "contact", ['word "Email"']],
		// The settings' contact words and channels are nouns too; a verb is looked for first.
		["list", "DATE: a letter to Dana", "contact", ['word "letter"']],
		["list", "DATE: emailed Dana the call notes", "contact", ['word "emailed"']],
		["list", "DATE: the roof", "none", []],
		// A word counts whole, with an s for the plural, never inside a longer word.
		["list", "DATE: two calls with Dana", "contact", ['word "call"']],
		["list", "DATE: recall the roof", "none", []],
		["list", "DATE: callers about the roof", "none", []],
		["list", "DATE: phone-call", "contact", ['word "phone"']],
		// The longest word is the cue; a space or a hyphen in a word may be either, or none.
		["list", "DATE: coffee chat with Dana", "contact", ['word "coffee chat"']],
		["list", "DATE: left a voicemail", "contact", ['word "left a voicemail"']],
		["list", "DATE: checkin with Dana", "contact", ['word "checkin"']],
		["list", "DATE: check-in with Dana", "contact", ['word "check-in"']],
	])("a %s %j is %s", (kind, text, verdict, cues) => {
		const j = judge(text, { kind: kind as LineKind, label: kind === "label" ? "Roof" : undefined });
		expect([j.verdict, j.cues]).toEqual([verdict, cues]);
	});

	it.each([
		// The reason a line is none names what it is.
		["list", undefined, "a dated list item that names no contact (call, meeting …)"],
		["heading", undefined, "a dated heading that names no contact (call, meeting …)"],
		["label", "Renewal window", '"Renewal window" that names no contact (call, meeting …)'],
		["label", "", "a dated label that names no contact (call, meeting …)"],
		["table", undefined, "a dated table row that names no contact (call, meeting …)"],
		["prose", undefined, "a date in prose that names no contact (call, meeting …) and sits in no log section"],
	])("a %s (label %j) naming no contact is none: %s", (kind, label, reason) => {
		const settings = migrateSettings({ notContactWords: ["birthday"] });
		expect(judge("The roof, DATE", { kind: kind as LineKind, label, settings })).toEqual({ verdict: "none", cues: [], reason });
	});

	it.each([
		// Not-a-contact words count in the line's head: the label, before the date, and the first
		// clause after it, twelve words at most.
		["Call about the invoice DATE", "none"],
		["DATE: call about the invoice", "none"],
		["DATE — call about the invoice - then lunch", "none"],
		["DATE: call with Dana - she paid the invoice", "contact"],
		["DATE: call with Dana; invoice next", "contact"],
		["DATE: call with Dana. Invoice next", "contact"],
		["DATE: call with Dana | invoice next", "contact"],
		["DATE: call w1 w2 w3 w4 w5 w6 w7 w8 w9 w10 invoice", "none"],
		["DATE: call w1 w2 w3 w4 w5 w6 w7 w8 w9 w10 w11 invoice", "contact"],
		["DATE :— | call about the invoice", "none"],
		// What stands before the date counts whole, and does not use up the twelve words after it.
		["call w1 w2 w3 w4 w5 w6 w7 w8 w9 w10 w11 DATE invoice", "none"],
		// Words are counted, not spaces.
		["DATE: call  w1  w2  w3  w4  w5  w6  w7  w8  w9  w10  invoice", "none"],
	])("%j is %s", (text, verdict) => {
		expect(verdictOf(text)).toBe(verdict);
	});

	it("names the not-a-contact word as its reason, and the cues it saw", () => {
		expect(judge("DATE: call about the invoice", { section: section("log") })).toEqual({
			verdict: "none",
			cues: ['not-a-contact word "invoice"', 'word "call"', 'section "Log"'],
			reason: '"invoice": not a contact',
		});
		expect(judge("Invoice DATE", { kind: "label", label: "Call" }).reason).toBe('"Invoice": not a contact');
		expect(judge("DATE: Weekly sync - Recognized as a leader")).toEqual({
			verdict: "none",
			cues: ['not-a-contact word "Recognized as"', 'word "sync"'],
			reason: '"Recognized as": not a contact',
		});
	});

	it.each([
		// A mention, a report at second hand: in the first two clauses, the first twelve words of each.
		["DATE: Weekly sync - Mentioned as owner of the roof", "none"],
		["DATE: Weekly sync - w1 w2 w3 w4 w5 w6 w7 w8 w9 w10 mentioned as owner", "none"],
		["DATE: Weekly sync - w1 w2 w3 w4 w5 w6 w7 w8 w9 w10 w11 mentioned as owner", "contact"],
		["DATE: Weekly sync - the roof - Mentioned as owner", "contact"],
		["DATE: Weekly sync - w1  w2  w3  w4  w5  w6  w7  w8  w9  w10  mentioned as owner", "none"],
		["DATE: call (per Jesse)", "none"],
		["DATE: call, recognised as a leader", "none"],
	])("%j is %s", (text, verdict) => {
		expect(verdictOf(text)).toBe(verdict);
	});

	it.each([
		// Time: a next-step wording, in the order the cue is named.
		["Next: DATE call Dana", {}, "time next:"],
		["Agreed next step: DATE call Dana", {}, "time next:"],
		["Next call: DATE", {}, "time next:"],
		["DATE", { kind: "label", label: "Next call" }, "time next:"],
		["DATE", { kind: "label", label: "Follow-up by" }, 'time label "Follow-up by"'],
		["DATE call Dana", { kind: "label", label: "Reminder" }, 'time label "Reminder"'],
		["Follow up with Dana by DATE", {}, 'time "by DATE"'],
		["Send the quote (by DATE)", {}, 'time "by DATE"'],
		["Call Dana no later than DATE", {}, 'time "no later than DATE"'],
		["Call Dana on or before DATE", {}, 'time "on or before DATE"'],
		["We will call her on DATE", {}, "time will call"],
		["Demo scheduled for DATE", {}, "time scheduled"],
		["Call Dana DATE", { kind: "task", mark: " " }, "time open task"],
		["DATE — Dana, the roof", { section: section("next", "Next steps") }, 'time section "Next steps"'],
	])("%j is a next step: %s", (text, opts, timeCue) => {
		const j = judge(text, opts as Opts);
		expect(j.verdict).toBe("next");
		expect(j.cues[j.cues.length - 1]).toBe(timeCue);
	});

	it.each([
		// A wording of intent or a schedule is read in the head, and not in a log section (a log
		// line saying what was planned then is a contact).
		["DATE: called Dana, she will call back", { section: section("log") }, "contact"],
		["DATE: called Dana", { section: section("log") }, "contact"],
		["DATE: demo scheduled", { section: section("log") }, "contact"],
		["DATE: demo scheduled", {}, "next"],
		["DATE: the roof w1 w2 w3 w4 w5 w6 w7 w8 w9 w10 w11 w12 scheduled", {}, "none"],
		// A next-step wording needs something to do with them: a contact, a follow-up, a thing to send,
		// a Next action label, or a section.
		["Report by DATE", { reason: "a dated list item that names no contact (call, meeting …)" }, "none"],
		["Follow up by DATE", {}, "next"],
		["Check in by DATE", {}, "next"],
		["Reach out by DATE", {}, "next"],
		["Share the deck by DATE", {}, "next"],
		["DATE", { kind: "label", label: "Next action" }, "next"],
		["DATE", { kind: "label", label: "Next steps" }, "next"],
		["DATE", { kind: "label", label: "Next" }, "none"],
		["Roof by DATE", { section: section(null, "Notes") }, "next"],
	])("%j (%o) is %s", (text, opts, verdict) => {
		const { reason, ...rest } = opts as Opts & { reason?: string };
		const j = judge(text, rest);
		expect(j.verdict).toBe(verdict);
		if (reason !== undefined) expect(j.reason).toBe(reason);
	});

	it.each([
		// A not-a-contact word gives way only to a next step that follows up, or a thing due for them.
		["Follow up on the invoice by DATE", "next"],
		["Invoice by DATE", "none"],
		["Call mentioned by Jesse by DATE", "none"],
		["Call about the renewal by DATE", "none"],
		["Send the questionnaire | Due DATE", "next"],
		["Call Dana | due DATE", "next"],
		["Quarterly report | Due DATE", "none"],
		["Quarterly report | Due DATE", "none", "Log"],
		["Send the invoice | Due DATE", "none"],
		["Send the questionnaire | Birthday DATE", "none"],
	])("%j is %s", (text, verdict, log?: string) => {
		expect(verdictOf(text, log ? { section: section("log") } : {})).toBe(verdict);
	});

	it.each([
		// Contact details: a details label holding an address or number, unless a verb or a next step says it was used.
		["Email", "dana@acme.com (confirmed DATE)", "none"],
		["E-mail address", "dana@acme.com (work), DATE", "none"],
		["Phone", "+1 555 010 0100, new DATE", "none"],
		["Mobile", "555-010-0100 (DATE)", "none"],
		["Website", "https://acme.com (DATE)", "none"],
		["Website", "www.acme.com (DATE)", "none"],
		["LinkedIn", "linkedin.com/in/dana (DATE)", "none"],
		["Email", "emailed dana@acme.com on DATE", "contact"],
		["Email", "dana@acme.com, next: DATE", "next"],
		["Email", "the address she gave on DATE", "contact"],
		["Phone call", "555-010-0100 on DATE", "contact"],
	])("%s: %j is %s", (label, text, verdict) => {
		const j = judge(text, { kind: "label", label });
		expect(j.verdict).toBe(verdict);
		if (verdict === "none") expect([j.cues[0], j.reason]).toEqual(["contact details", "contact details (an address or number), not a contact"]);
	});

	it.each([
		// Place: under a log section, a dated line of its own is a contact without a contact word;
		// a sentence only when the date opens it; a task never; a label only a date label.
		["list", "DATE — Dana, the roof", undefined, "contact"],
		["heading", "DATE", undefined, "contact"],
		["table", "DATE | the roof", undefined, "contact"],
		["prose", "DATE the roof", undefined, "contact"],
		["prose", "The roof on DATE", undefined, "none"],
		["prose", "We met on DATE", undefined, "contact"],
		["prose", "The meeting on DATE", undefined, "none"],
		["prose", "DATE: call notes", undefined, "contact"],
		["list", "The meeting on DATE", undefined, "contact"],
		["task", "Roof DATE", undefined, "none"],
		["label", "DATE", "Date", "contact"],
		["label", "DATE", "Contact date", "contact"],
		["label", "DATE", "", "contact"],
		["label", "DATE", "Roof", "none"],
		["label", "DATE", "Next", "next"],
	])("under ## Log, a %s %j (label %j) is %s", (kind, text, label, verdict) => {
		const j = judge(text, { kind: kind as LineKind, label, section: section("log") });
		expect(j.verdict).toBe(verdict);
		if (verdict === "contact") expect(j.cues).toContain('section "Log"');
	});

	it("their tasks are none, whatever the line says", () => {
		expect(judge("Call Dana by DATE", { section: section("theirs", "Waiting on") })).toEqual({
			verdict: "none",
			cues: ['section "Waiting on"'],
			reason: "their task, not a contact of yours",
		});
	});

	it("reads the contact words, not-a-contact words and channels of the settings", () => {
		const settings = migrateSettings({ contactWords: ["Huddle"], notContactWords: ["Offsite"], channels: ["pigeon"] });
		expect(verdictOf("DATE: huddle with Dana", { settings })).toBe("contact");
		expect(verdictOf("DATE: pigeon to Dana", { settings })).toBe("contact");
		expect(verdictOf("DATE: call at the offsite", { settings })).toBe("none");
		expect(verdictOf("DATE: call about the invoice", { settings })).toBe("contact");
		expect(verdictOf("DATE: huddle with Dana")).toBe("none");
		// An empty word in a list matches nothing.
		const empty = migrateSettings({ contactWords: ["", "huddle"], notContactWords: [""], channels: ["", "call"] });
		expect(judge("DATE: the roof", { settings: empty })).toEqual({ verdict: "none", cues: [], reason: "a dated list item that names no contact (call, meeting …)" });
		expect(verdictOf("DATE: call Dana", { settings: empty })).toBe("contact");
	});
});

describe("the channel a line names", () => {
	it.each([
		// A channel word first, in the order written, in any case.
		["Coffee, then a call", "coffee"],
		["CALL with Dana", "call"],
		["sms-ed her", "sms"],
		// Else a word of one: a verb or noun of the channel.
		["Called Dana", "call"],
		["Phoned her", "call"],
		["Dialled in", "call"],
		["Left a voicemail", "voicemail"],
		["E-mailed the deck", "email"],
		["Mailed the brochure", "email"],
		["Texted her", "text"],
		["WhatsApp message", "text"],
		["Messaged on iMessage", "text"],
		["Drinks at the coffeehouse", null],
		["Linked in message", "linkedin"],
		["Google Meet with Dana", "video"],
		["FaceTime", "video"],
		["Met at the fair", "meeting"],
		["Weekly stand-up", "meeting"],
		["In person", "meeting"],
		["DM'd her", "social"],
		["Instagram story reply", "social"],
		["the roof", null],
	])("%j is %j", (text, channel) => {
		expect(channelOf(text, migrateSettings(undefined))).toBe(channel);
	});

	it("names only a channel of the settings", () => {
		const settings = migrateSettings({ channels: ["email", "owl"] });
		expect(channelOf("Called Dana, then emailed her", settings)).toBe("email");
		expect(channelOf("Called Dana", settings)).toBeNull();
		expect(channelOf("Sent an owl", settings)).toBe("owl");
	});

	// The first whole word that is a channel, as splitting the lower-cased line at every character
	// but letters and digits finds it (the pattern that does it must find the same).
	it.each([
		["Lunch, then a call", ["call", "lunch"], "lunch"],
		["recall the owl", ["call", "owl"], "owl"],
		["call2 then owl", ["call", "owl"], "owl"],
		["écall then owl", ["call", "owl"], "owl"],
		["café call", ["café", "call"], "café"],
		["caf\u00e9 call", ["caf", "call"], "call"],
		["in-person visit", ["in-person", "visit"], "visit"],
		["CALLBACK then call", ["call", "callback"], "callback"],
		["owl\u0301 call", ["owl", "call"], "owl"],
		["x", [], null],
	])("%j with the channels %j is %j", (text, channels, channel) => {
		// The channels as the settings hold them, the video and channel-word rules left out of play.
		const settings = { ...migrateSettings(undefined), channels };
		expect(channelOf(text, settings)).toBe(channel);
	});
});

describe("a dated line's summary", () => {
	it.each([
		["- 2026-03-02 — call with Dana", "2026-03-02", "call with Dana"],
		["- 2026-03-02 call - recap", "2026-03-02", "call recap"],
		["We met on 2026-08-30 at the fair.", "2026-08-30", "We met at the fair"],
		["Spoke on Zoom on 2026-08-30", "2026-08-30", "Spoke on Zoom"],
		["We met on  2026-08-30", "2026-08-30", "We met"],
		["Contract dated 2026-08-30 signed", "2026-08-30", "Contract signed"],
		["**Call** 2026-02-18 (left a voicemail)", "2026-02-18", "Call (left a voicemail)"],
		["Call ([2026-02-18])", "[2026-02-18]", "Call"],
		["Call with [[People/Dana|Dana]] | 2026-02-18 |", "2026-02-18", "Call with Dana"],
		["`Call`  with   __Dana__ -- 2026-02-18 - recap —  ok", "2026-02-18", "Call with Dana recap ok"],
		[":— 2026-02-18 —, call, ", "2026-02-18", "call"],
	])("%j without %s is %j", (text, date, summary) => {
		expect(summaryWithout(text, text.indexOf(date), date.length)).toBe(summary);
	});
});

// The sixth round of real notes (test/fixtures/real/SOURCES.md): each cue with its negative control.
describe("the cues of round 6", () => {
	const nextOf = (b: ReturnType<typeof note>) => read(b).prospect!.nextFollowUp.map((n) => n.date);
	const channels = (b: ReturnType<typeof note>) => read(b).prospect!.touches.map((t) => [t.date, t.channel]);

	it("a `Next due` label is the next contact's day; any other not-a-contact word still makes it none", () => {
		expect(nextOf(note().line("## Relationship", "- **Next Due:** 2027-01-21"))).toEqual(["2027-01-21"]);
		expect(nextOf(note().line("- **Next contact due:** 2027-01-21"))).toEqual(["2027-01-21"]);
		expect(nextOf(note().line("- **Next invoice due:** 2027-01-21"))).toEqual([]);
		expect(nextOf(note().line("- **Due:** 2027-01-21"))).toEqual([]);
	});

	it("`As of DATE` is a state on that day, even naming a meeting in a log; the meeting on that day is a contact", () => {
		expect(days(note().line("## Merger discussion", "- As of March 10, 2026 (Dr. C meeting): still negotiating"))).toEqual([]);
		expect(read(note().line("- As of 2026-03-10 (Dr. C meeting): still negotiating")).prospect!.unused?.map((u) => u.reason)).toEqual(["a state as of that day, not a contact"]);
		expect(days(note().line("## Log", "- March 10, 2026 (Dr. C meeting): still negotiating"))).toEqual(["2026-03-10"]);
	});

	it("a dated heading whose first line opens with a mention is no contact; one opening with what happened is", () => {
		expect(days(note().line("## Interaction Log", "### 2026-03-10", "- Mentioned in [[dr-c|Dr. C]] meeting — merger talks ongoing."))).toEqual([]);
		expect(days(note().line("## Interaction Log", "### 2026-03-04", "- Described by Anatol during merger discussion."))).toEqual([]);
		expect(days(note().line("## Interaction Log", "### 2026-03-04", "- 2.5-hour lunch, discussed the merger."))).toEqual(["2026-03-04"]);
		// The heading's own words come first: a call it names stays a call.
		expect(days(note().line("## Interaction Log", "### 2026-03-10 — Call with Dana", "- Mentioned in the weekly sync too."))).toEqual(["2026-03-10"]);
	});

	it("a bare dated heading takes its channel from its first line, else its section's title", () => {
		expect(channels(note().line("## Interaction Log", "### 2026-03-04", "- 2.5-hour lunch, discussed the merger."))).toEqual([["2026-03-04", "lunch"]]);
		expect(channels(note().line("## Interaction Log", "### 2026-03-04", "- First meeting. Pitched the vision."))).toEqual([["2026-03-04", "meeting"]]);
		expect(channels(note().line("## Calls", "### 2026-03-04", "- Pitched the vision."))).toEqual([["2026-03-04", "call"]]);
	});

	it("in a log, an item that is a link to a dated note is that day's contact, judged by the note's name", () => {
		const log = (item: string, section = "## Interaction Log") => days(note().line(section, item));
		expect(log("- [[2026-04-12 - Sent Proposal - Jane Doe]]")).toEqual(["2026-04-12"]);
		expect(log("- [[Meetings/2026-04-12 Call with Jane|the call]]")).toEqual(["2026-04-12"]);
		// Outside a log, a dated link is the other note's date; a link that is an invoice is none.
		expect(log("- [[2026-04-12 - Sent Proposal - Jane Doe]]", "## Related")).toEqual([]);
		expect(log("- [[2026-04-12 - Invoice 42]]")).toEqual([]);
		expect(log("- See [[2026-04-12 - Sent Proposal - Jane Doe]]")).toEqual([]);
	});

	it("a video tool before `call` is a video call; an address a contact went to is e-mail, after any channel word", () => {
		expect(channelOf("Zoom call", migrateSettings(undefined))).toBe("video");
		expect(channelOf("Teams call with Dana", migrateSettings(undefined))).toBe("video");
		expect(channelOf("call about Zoom licences", migrateSettings(undefined))).toBe("call");
		expect(channelOf("sent to info@acme.com", migrateSettings(undefined))).toBe("email");
		expect(channelOf("Met Dana (dana@acme.com)", migrateSettings(undefined))).toBe("meeting");
		expect(channelOf("Zoom call", migrateSettings({ channels: ["call", "email"] }))).toBe("call");
	});
});

describe("round 8 (test/fixtures/real/SOURCES.md): a Nordic conversation", () => {
	const read8 = (text: string) => readNote(PATH, text, migrateSettings(undefined)).prospect!;

	it("`Samtale` (Norwegian, Danish) and `samtal` (Swedish) name a conversation, a call", () => {
		const p = read8("# Altafjord Frisør\n\n### Samtale #1 — 2026-03-09\n- **Resultat:** Veldig positiv!\n");
		expect(p.touches.map((t) => [t.date, t.channel])).toEqual([["2026-03-09", "call"]]);
		expect(channelOf("Samtal med Eva 3 maj 2025", migrateSettings(undefined))).toBe("call");
		// Controls: the note's own date (`Sist oppdatert`, last updated) and a heading without the word are no contact.
		expect(read8("# Altafjord Frisør\n\n*Sist oppdatert: 2026-03-09*\n").touches).toEqual([]);
		expect(read8("# Altafjord Frisør\n\n### Prisforslag — 2026-03-09\n").touches).toEqual([]);
	});
});

describe("the sources a page cites", () => {
	it("a dated line under Sources or Citations is none; the same line under Log is a contact", () => {
		const line = '- Gmail thread: "Pricing" (reply from Tom, 2026-04-16 to 2026-04-17)';
		expect(days(note().line("## Sources", line))).toEqual([]);
		expect(days(note().line("## Citations", "- Slack: Tom replied about the credentials (2026-04-23)"))).toEqual([]);
		// Controls: a log keeps it; a lead's single `## Source` (how they came) is not a list of citations.
		expect(days(note().line("## Log", line))).toEqual(["2026-04-16"]);
		expect(days(note().line("## Source", "- Met Tom at the chamber mixer on 2026-03-01"))).toEqual(["2026-03-01"]);
		// A touch line opening with its date stays one wherever it sits (SPEC §2).
		expect(days(note().line("## Sources", "- 2026-04-16 call: kickoff"))).toEqual(["2026-04-16"]);
	});
});

describe("their public post", () => {
	it("posted on LinkedIn on a day is about them, not with them; a LinkedIn message that day is a contact", () => {
		expect(days(note().line("- Posted on LinkedIn 2026-05-18: argued that AI SDR tools are a category error"))).toEqual([]);
		expect(days(note().line("## Log", "- She posted to her blog on 2026-05-18 about pricing"))).toEqual([]);
		expect(days(note().line("- Messaged her on LinkedIn 2026-05-18 about her post"))).toEqual(["2026-05-18"]);
	});
});

describe("a lead set aside", () => {
	it("parked on a day is a status, even after a chase; a chase that day is a contact", () => {
		expect(days(note().line("> **Parked** 27 Apr 2026 per Cord -- 30+ days as Lead, 3 chases, no reply."))).toEqual([]);
		expect(days(note().line("## Next actions", "- **None.** Parked indefinitely per Ollie (29 Apr 2026). Do not chase."))).toEqual([]);
		expect(days(note().line("- Chase #3 sent 23 Apr 2026 to Piers, no reply yet"))).toEqual(["2026-04-23"]);
	});
});

describe("plans written in prose (README, \"Plans written in prose\")", () => {
	// Each plan word before the date, in its clause, makes a line with a contact a next step; the
	// same line without it (or with a done word nearer the date) is a done contact.
	it.each([
		["Call promised for DATE", "promised", "Call on DATE"],
		["Committed to call Dana on Monday DATE", "Committed to", "Called Dana on Monday DATE"],
		["Alvaro replied proposing meeting tomorrow (DATE)", "proposing", "Alvaro replied about the meeting (DATE)"],
		["Dana proposed a call on DATE", "proposed", "Dana and I had a call on DATE"],
		["Call scheduled for DATE", "scheduled", "Call held DATE"],
		["Kickoff booked for DATE", "booked", "Kickoff on DATE"],
		["Planned call DATE", "Planned", "Phone call DATE"],
		["Call pencilled in for DATE", "pencilled in", "Call logged for DATE"],
		["Call penciled in for DATE", "penciled in", "Call logged for DATE"],
		["Lunch tentatively DATE", "tentatively", "Lunch DATE"],
		["Lunch, tentative: DATE", "tentative", "Lunch: DATE"],
		["Will call on DATE", "Will", "Called on DATE"],
		["Going to meet Dana on DATE", "Going to", "Met Dana on DATE"],
		["Meeting to be held DATE", "to be held", "Meeting DATE"],
		["Invite sent for DATE", "Invite sent", "Message sent DATE"],
		["Awaiting call on DATE", "Awaiting", "Had a call on DATE"],
		["Call pending on DATE", "pending", "Call on DATE"],
		["Face-to-face meeting w/c DATE", "w/c", "Face-to-face meeting DATE"],
		["Meeting week commencing DATE", "week commencing", "Meeting DATE"],
		["Need to follow up on DATE", "to follow up", "Followed up on DATE"],
		["Call Dana DATE (TBC)", "TBC", "Call Dana DATE (done)"],
		["Call Dana DATE, TBD", "TBD", "Call Dana DATE, done"],
	])("%j is a next step (plan %j); %j is a contact", (planned, word, done) => {
		// In a log section the plan word decides (elsewhere an older wording of intent may name it first).
		const j = judge(planned, { section: section("log") });
		expect(j.verdict).toBe("next");
		// `pencilled in` was already an arrangement (`time pencilled in`), before and in a log.
		expect([`time plan "${word}"`, `time ${word}`]).toContain(j.cues[j.cues.length - 1]);
		expect(verdictOf(planned)).toBe("next");
		expect(verdictOf(done, { section: section("log") })).toBe("contact");
		expect(verdictOf(done)).toBe("contact");
	});

	it.each([
		// A done word between the plan word and the date wins: the plan took place that day.
		"Call scheduled for March, held on DATE",
		"Proposed a call, met on DATE",
		"Lunch booked last week, took place DATE",
		// The plan is in another clause: what was done on the date stays done.
		"Call scheduled. Called on DATE",
		// Inside a clause, `Will` is a name.
		"Met Will on DATE",
		// After the date in a log, a plan word says what was planned that day (`DATE: call, will send the deck`).
		"DATE: call with Dana, will send the deck",
	])("%j is a done contact", (text) => {
		expect(verdictOf(text, { section: section("log") })).toBe("contact");
	});

	it("a checked task is done; an open one planned", () => {
		expect(verdictOf("Call scheduled for DATE", { kind: "task", mark: "x" })).toBe("contact");
		expect(verdictOf("Call scheduled for DATE", { kind: "task", mark: " " })).toBe("next");
		// TBC says the day is not settled, unless a done word says it took place.
		expect(verdictOf("DATE: called Dana (TBC pricing)", { section: section("log") })).toBe("contact");
	});

	it.each([
		// A plan says when, not what: without a contact or a promise to them it is none.
		["Audit w/c DATE", "w/c"],
		["Roof repair scheduled for DATE", "scheduled"],
		["Roof tentatively DATE", "tentatively"],
	])("%j names no contact: none", (text, word) => {
		for (const opts of [{}, { section: section("log") }] as Opts[]) {
			expect(judge(text, opts)).toMatchObject({ verdict: "none", reason: "a plan that names no contact (call, meeting …)" });
			expect(judge(text, opts).cues).toContain(`plan "${word}"`);
		}
	});

	it("reads the issue's plans in a note: past plans are overdue next steps, never done contacts", () => {
		const b = note()
			.line("## Open threads", "- Data room access for the Q4 tab — owed by me, promised for 2026-01-06", "")
			.line("## Log", "### 2026-01-02 — email", "Asked for the data room link. Committed to sending the link Monday 2026-01-06.");
		expect(days(b)).toEqual(["2026-01-02"]);
		expect(nexts(b)).toEqual(["2026-01-06", "2026-01-06"]);
		const due = b.due(TODAY, undefined, PATH);
		expect(due.next).toMatchObject({ date: "2026-01-06", suggested: false });
		expect(due.bucket).toBe("overdue");
		// The same lines without their plan words: the data room line is none, the sentence no contact.
		const control = note()
			.line("## Open threads", "- Data room access for the Q4 tab — owed by me, 2026-01-06", "")
			.line("## Log", "### 2026-01-02 — email", "Asked for the data room link. Sent the link Monday 2026-01-06.");
		expect(nexts(control)).toEqual([]);
		expect(days(control)).toEqual(["2026-01-02", "2026-01-06"]);
	});

	it.each([
		// Date forms, read by chrono: `Apr 22/23` is its first day, `w/c 12 May` the Monday given,
		// `Monday 2026-01-06` its ISO date, `(by DATE)` as before.
		["- [ ] **Apr 22/23:** Confirm meeting slot", "2026-04-22"],
		["- Face-to-face meeting: w/c 12 May 2026 (Sam available Tue 12th)", "2026-05-12"],
		["- Meeting w/c 12 May", "2026-05-12"],
		["- Kickoff booked for 5 May", "2026-05-05"],
		["Committed to calling her Monday 2026-01-06.", "2026-01-06"],
		["- Call Dana (by May 5, 2026)", "2026-05-05"],
	])("%j is a next step on %s, not a contact", (line, date) => {
		const b = note().fm("created: 2026-04-21").line("## Timeline", line, "");
		expect(nexts(b)).toEqual([date]);
		expect(days(b)).toEqual([]);
	});
});
