// The forms people already write (README, "Bringing your existing notes"): each form, its
// negative controls, and the year rule. The suite runs in UTC, Los Angeles and Auckland.
import { describe, expect, it } from "vitest";
import { migrateSettings } from "../../../src/core/settings/settings";
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
