import { beforeEach, describe, expect, it } from "vitest";
import { matchMeetings, prospectEmails } from "../../../src/core/import/meetings";
import { readNote, type ProspectNote } from "../../../src/core/read/note";
import { migrateSettings } from "../../../src/core/settings/settings";
import type { MeetingEvent } from "../../../src/core/write/logMeetings";

const settings = migrateSettings(undefined);
const prospect = (path: string, fm: string): ProspectNote => readNote(path, `---\n${fm}\n---\n`, settings).prospect!;
const event = (title: string, emails: string[] = []): MeetingEvent => ({ key: title, title, date: "2026-11-20", time: null, emails, cancelled: false });

// Read in each test, not once for the file: a mutation run then sees which test reads what
// (docs/testing.md, "Mutation testing").
let PROSPECTS: ProspectNote[] = [];
beforeEach(() => {
	PROSPECTS = [
		prospect("Prospects/Harbor Roofing.md", "company: Harbor Roofing\ncontact: Mike Alvarez\nemail: Mike <MIKE@harbor.example.com>\nwork_email: [m.alvarez@harbor.example.com]"),
		prospect("Prospects/Acme North.md", "company: Acme"),
		prospect("Prospects/Acme South.md", "company: Acme"),
		prospect("Prospects/Al.md", "contact: Al"),
		prospect("Prospects/Shared.md", "email: team@shared.example.com"),
		prospect("Prospects/Shared Too.md", "email: team@shared.example.com"),
	];
});

describe("matchMeetings", () => {
	it("reads every email key, in any form", () => {
		expect(prospectEmails(PROSPECTS[0], settings).sort()).toEqual(["m.alvarez@harbor.example.com", "mike@harbor.example.com"]);
	});

	it("matches by an attendee's address first, then by a name in the title", () => {
		const m = matchMeetings([event("Quarterly review", ["m.alvarez@harbor.example.com"]), event("Site visit: Harbor Roofing"), event("Call Mike Alvarez")], PROSPECTS, settings);
		expect(m.byPath.get("Prospects/Harbor Roofing.md")?.map((e) => e.title)).toEqual(["Quarterly review", "Site visit: Harbor Roofing", "Call Mike Alvarez"]);
	});

	it("lists an event of two prospects (by address or by title), and one of none; short names match nothing", () => {
		const m = matchMeetings([event("Acme planning"), event("Hello", ["team@shared.example.com"]), event("Lunch with Al"), event("Harbor")], PROSPECTS, settings);
		expect(m.ambiguous.map((a) => [a.event.title, a.paths])).toEqual([
			["Acme planning", ["Prospects/Acme North.md", "Prospects/Acme South.md"]],
			["Hello", ["Prospects/Shared Too.md", "Prospects/Shared.md"]],
		]);
		expect(m.unmatched.map((e) => e.title)).toEqual(["Lunch with Al", "Harbor"]);
		expect(m.byPath.size).toBe(0);
	});
});
