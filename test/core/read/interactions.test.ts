import { describe, expect, it } from "vitest";
import { readInteraction } from "../../../src/core/read/interactions";
import { readNote } from "../../../src/core/read/note";
import { DEFAULT_SETTINGS } from "../../../src/core/settings/settings";
import { ProspectIndex } from "../../../src/core/index/prospectIndex";
import { settingsWith } from "../../helpers/noteBuilder";

// README, "Bringing your existing notes": interaction notes count.
const read = (path: string, fm: string, settings = DEFAULT_SETTINGS) => readNote(path, `---\n${fm}\n---\nNotes\n`, settings).interaction ?? null;

describe("an interaction note", () => {
	it("is dated by its file name, with or without dashes, before any key", () => {
		expect(read("Interactions/2026-09-20 Call with Jane Doe.md", "contact: '[[Jane Doe]]'\ndate: 2026-09-01")).toMatchObject({ date: "2026-09-20" });
		expect(read("Interactions/20260920 - Pricing.md", "attendees: [Jane Doe]")).toMatchObject({ date: "2026-09-20" });
		expect(read("Interactions/Sync_2026-09-20.md", "with: Jane Doe")).toMatchObject({ date: "2026-09-20" });
		// An impossible date in the name is no date: the `date` key gives it.
		expect(read("Interactions/2026-02-30 Call.md", "contact: Jane Doe\ndate: 2026-09-02")).toMatchObject({ date: "2026-09-02" });
		// Digits inside a word are no date.
		expect(read("Interactions/Order20260920.md", "contact: Jane Doe")).toBeNull();
	});

	it("is dated by `created` only when its name or type says it is a call or meeting", () => {
		expect(read("Interactions/Kickoff.md", "type: Meeting\ncreated: 2026-09-03\nattendees: [Jane Doe]")).toMatchObject({ date: "2026-09-03", channel: "meeting" });
		expect(read("Interactions/Call with Jane.md", "created: 2026-09-03\nattendees: [Jane Doe]")).toMatchObject({ date: "2026-09-03", channel: "call" });
		expect(read("People/Acme staff.md", "created: 2026-09-03\ncompany: '[[Acme]]'")).toBeNull();
		expect(read("Interactions/Kickoff.md", "type: Meeting\ndate: 2026-09-04\ncreated: 2026-09-03\nattendees: [Jane Doe]")).toMatchObject({ date: "2026-09-04" });
	});

	it("takes its channel from its type, then its interaction_type, then its name, else meeting", () => {
		expect(read("Interactions/2026-09-20 Notes.md", "type: email\nwith: Jane Doe")).toMatchObject({ channel: "email" });
		expect(read("Interactions/2026-09-20 Notes.md", "interaction_type: coffee\nwith: Jane Doe")).toMatchObject({ channel: "coffee" });
		expect(read("Interactions/2026-09-20 Call with Jane.md", "with: Jane Doe")).toMatchObject({ channel: "call" });
		expect(read("Interactions/2026-09-20 Lunch at Rex.md", "with: Jane Doe")).toMatchObject({ channel: "lunch" });
		expect(read("Interactions/2026-09-20 Review.md", "with: Jane Doe")).toMatchObject({ channel: "meeting", summary: "2026-09-20 Review" });
	});

	it("names its people by wikilinks or plain names, never you or me, in any people key", () => {
		expect(read("Interactions/2026-09-20 Review.md", "attendees: ['[[People/Jane Doe|Jane]]', '[[Bob Li#Notes]]', You]")?.links).toEqual(["people/jane doe", "bob li"]);
		// A plain name is marked `=` (core/read/links.ts PLAIN): it is matched against the people's own names too.
		expect(read("Interactions/2026-09-20 Review.md", "people: Jane Doe, Bob Li; me")?.links).toEqual(["=jane doe", "=bob li"]);
		expect(read("Interactions/2026-09-20 Review.md", "contact: Jane Doe.md\nperson: Jane Doe")?.links).toEqual(["=jane doe"]);
		// `attendee_ids` (the README's list): slugs, read as the people's file names.
		expect(read("Interactions/2026-09-20 Review.md", "attendee_ids: [bob-buyer, carol-champion]")?.links).toEqual(["=bob buyer", "=carol champion"]);
		expect(read("Interactions/2026-09-20 Review.md", "attendee_count: 2")).toBeNull();
		expect(read("Interactions/2026-09-20 Review.md", "attendees: [You, me]")).toBeNull();
		expect(read("Interactions/2026-09-20 Review.md", "topic: pricing")).toBeNull();
	});

	it("names the people of a 1:1 in its manager and directReport keys, and of a meeting in participants", () => {
		expect(read("1-1s/2024-01-22 Sarah-Alex.md", "title: 'Sarah & Alex 1:1'\nmanager: sarah-chen\ndirectReport: alex-rivera")?.links).toEqual(["=sarah chen", "=alex rivera"]);
		expect(read("Meetings/2026-09-20 Sync.md", "participants: [Jane Doe]")?.links).toEqual(["=jane doe"]);
		// The control: an owner or a topic names no one it was with.
		expect(read("1-1s/2024-01-22 Sarah-Alex.md", "owner: sarah-chen\ntopic: pricing")).toBeNull();
	});

	it("of a meeting named by its title: a plain name there reaches a prospect of that name, and only a meeting's title counts", () => {
		const body = (title: string) => `# ${title}\n\n**Date**: 2025-12-16 15:04\n\n- Jesse unavailable entire week of December 23-27\n`;
		const index = new ProspectIndex(settingsWith({ prospectFolders: ["people"] }));
		index.update("people/Ankur.md", "# Ankur\n");
		index.update("people/Dana Lee.md", "# Dana Lee\n");
		index.update("meetings/2025-12-16_Ankur_on_FTE_devs_summary.md", body("Ankur on FTE devs - Summary"));
		index.update("meetings/2025-12-17 Call with Dana Lee.md", body("Call with Dana Lee"));
		// Controls: a title naming no one; a note that says no meeting; a meeting whose attendees say who it was with.
		index.update("meetings/2025-12-18 Budget on FTE devs - Summary.md", body("Budget on FTE devs - Summary"));
		index.update("reading/2025-12-19 Ankur reading list.md", body("Ankur reading list"));
		index.update("meetings/2025-12-20 Ankur sync.md", `# Ankur sync\nAttendees: Dana Lee\n`);
		const touches = (path: string) => index.report("2026-11-28").entries.find((e) => e.prospect.path === path)!.prospect.touches.map((t) => [t.date, t.source]);
		expect(touches("people/Ankur.md")).toEqual([["2025-12-16", "meetings/2025-12-16_Ankur_on_FTE_devs_summary.md"]]);
		expect(touches("people/Dana Lee.md")).toEqual([
			["2025-12-17", "meetings/2025-12-17 Call with Dana Lee.md"],
			["2025-12-20", "meetings/2025-12-20 Ankur sync.md"],
		]);
	});

	it("names its people in a list under an Attendees heading: wikilinks, or the name before a role", () => {
		const body = (heading: string, items: string) => `# Notes\n\n## Agenda\n- pricing\n\n${heading}\n${items}\n\n## Next\n- [[Bob Li]]\n`;
		const at = (text: string) => readNote("Notes/2026-09-20 Pricing.md", `---\ndate: 2026-09-20\n---\n${text}`, DEFAULT_SETTINGS).interaction?.links ?? null;
		expect(at(body("## Attendees", "- [[Jane Doe]] - Head of Architecture\n- [[Ann Kim]]"))).toEqual(["jane doe", "ann kim"]);
		expect(at(body("### 👥 Participants", "- Jane Doe - Head of Architecture\n- Bob Li (CFO)"))).toEqual(["=jane doe", "=bob li"]);
		// Controls: the same list under another heading; people listed after the list's own section ended.
		expect(at(body("## Decisions", "- [[Jane Doe]] owns the budget"))).toBeNull();
		expect(at("## Attendees\n\n## Notes\n- [[Jane Doe]] said hi\n")).toBeNull();
	});

	it("is nothing when the setting turns interaction notes off, or it has no date", () => {
		const off = settingsWith({ readForms: { ...DEFAULT_SETTINGS.readForms, interactions: false } });
		expect(read("Interactions/2026-09-20 Review.md", "with: Jane Doe", off)).toBeNull();
		expect(read("Interactions/Review.md", "with: Jane Doe")).toBeNull();
	});

	it("is a done touch of the prospect it links to, on its date, from its note", () => {
		const index = new ProspectIndex(DEFAULT_SETTINGS);
		index.update("Prospects/Jane Doe.md", "---\nstatus: active\n---\n");
		index.update("Interactions/2026-09-20 Call with Jane Doe.md", "---\ncontact: '[[Jane Doe]]'\n---\n");
		const entry = index.report("2026-11-23").entries.find((e) => e.prospect.path === "Prospects/Jane Doe.md")!;
		expect(entry.prospect.touches.map((t) => [t.date, t.channel, t.from, t.source, t.line])).toEqual([["2026-09-20", "call", "interaction", "Interactions/2026-09-20 Call with Jane Doe.md", 0]]);
		expect(entry.doneCount).toBe(1);
	});
});

// Mutation run of src/core/read (docs/testing.md): the first lines of an interaction note, its
// date key, its channel and its people, through `readNote`.
describe("an interaction note, read from its first lines", () => {
	const body = (path: string, text: string) => readNote(path, text, DEFAULT_SETTINGS).interaction ?? null;
	const lines = (n: number) => Array.from({ length: n }, (_, i) => `line ${i + 1}`).join("\n");

	it("names its people in an Attendees: line in its first lines, under any of its usual labels", () => {
		expect(body("Meetings/2026-03-02 Weekly.md", "> Participants: Ada Okafor\n")).toEqual({ date: "2026-03-02", channel: "meeting", summary: "2026-03-02 Weekly", links: ["=ada okafor"] });
		expect(body("Meetings/2026-03-02 Weekly.md", "Present: Ada Okafor, Bob Li\n")?.links).toEqual(["=ada okafor", "=bob li"]);
		expect(body("Meetings/2026-03-02 Weekly.md", `${lines(14)}\nAttendees: Ada Okafor\n`)?.links).toEqual(["=ada okafor"]);
		expect(body("Meetings/2026-03-02 Weekly.md", `${lines(40)}\nAttendees: Ada Okafor\n`)).toBeNull();
	});

	it("is dated by the first real date of a Date: line at its top", () => {
		expect(body("Meetings/Weekly.md", "# Weekly\nDate: 2026-02-30\nDate: 2026-03-03\nAttendees: Ada\n")).toMatchObject({ date: "2026-03-03", summary: "Weekly" });
		expect(body("Meetings/Weekly.md", "# Weekly\n**Date**: 2026-03-03\n**Date**: 2026-03-04\nAttendees: Ada\n")).toMatchObject({ date: "2026-03-03" });
		expect(body("Meetings/Weekly.md", "# Weekly\nAttendees: Ada\n")).toBeNull();
	});

	it("is dated by its file name first, its date key (a time beside it is fine), else `created` when it says it is a meeting", () => {
		expect(body("Meetings/2026-03-02 Weekly.md", "---\ndate: 2026-03-05\nwith: Ada\n---\nDate: 2026-03-07\n")).toMatchObject({ date: "2026-03-02" });
		expect(body("Meetings/Weekly.md", "---\ndate: 2026-03-05\nwith: Ada\n---\nDate: 2026-03-07\n")).toMatchObject({ date: "2026-03-05" });
		expect(body("Notes/Plan.md", "---\nwith: Ada\ndate: 2026-03-02 10:00\n---\n")).toMatchObject({ date: "2026-03-02" });
		expect(body("Notes/Plan.md", "---\nwith: Ada\ndate: soon\ncreated: 2026-03-02\n---\n")).toBeNull();
		expect(body("Notes/Plan.md", "---\ncreated: 2026-03-02\ntitle: Sync with Ada\n---\n[[Ada Okafor]]\n")).toEqual({ date: "2026-03-02", channel: "meeting", summary: "Plan", links: ["ada okafor"] });
		expect(body("Notes/x-20260302.md", "---\nwith: Ada\n---\n")).toMatchObject({ date: "2026-03-02" });
		expect(body("Notes/2026-03-02.Plan.md", "---\nwith: Ada\n---\n")).toMatchObject({ date: "2026-03-02" });
	});

	it("is dated by a date opening or closing its title, else by the day folder it sits in, after its name and keys", () => {
		// julianharty/Dex (round 4): `# 2026-01-20 - Acme Corp Beta Feedback` in `Meetings/2026-01-20/`.
		const attendees = "**Attendees:** Sarah Chen (Acme Corp)\n";
		expect(body("Inbox/Meetings/acme-beta-feedback.md", `# 2026-01-20 - Acme Corp Beta Feedback\n\n${attendees}`)).toMatchObject({ date: "2026-01-20", links: ["=sarah chen"] });
		expect(body("Inbox/Meetings/partner.md", `# Acme sync 2026-01-20\n\n${attendees}`)).toMatchObject({ date: "2026-01-20" });
		expect(body("Inbox/Meetings/2026-01-23/partner.md", `# Partner Discovery Call\n\n${attendees}`)).toMatchObject({ date: "2026-01-23", channel: "call" });
		// Its name, its keys and a Date: line come first.
		expect(body("Inbox/Meetings/2026-01-23/2026-01-22 partner.md", `# 2026-01-21 - Partner\n\n${attendees}`)).toMatchObject({ date: "2026-01-22" });
		expect(body("Inbox/Meetings/2026-01-23/partner.md", `# 2026-01-21 - Partner\nDate: 2026-01-20\n${attendees}`)).toMatchObject({ date: "2026-01-20" });
		// Negative controls: a date inside the title is no title date, a folder named otherwise no day folder,
		// and an impossible date none at all.
		expect(body("Inbox/Meetings/partner.md", `# Partner review of 2026-01-21 numbers\n\n${attendees}`)).toBeNull();
		expect(body("Inbox/Meetings/2026-01/partner.md", `# Partner\n\n${attendees}`)).toBeNull();
		expect(body("Inbox/Meetings/2026-02-30/partner.md", `# Partner\n\n${attendees}`)).toBeNull();
		expect(body("Inbox/Meetings/partner.md", `# 2026-02-30 - Partner\n\n${attendees}`)).toBeNull();
	});

	it("reaches the person note a plain Attendees name stands for, `Sarah_Chen.md` included", () => {
		const index = new ProspectIndex(settingsWith({ prospectFolders: ["People"] }));
		index.update("People/External/Sarah_Chen.md", "# Sarah Chen\n");
		index.update("People/External/Tom_Wilson.md", "# Tom Wilson\n");
		index.update("Inbox/Meetings/2026-01-20/acme-beta-feedback.md", "# 2026-01-20 - Acme Corp Beta Feedback\n\n**Attendees:** Sarah Chen (Acme Corp)\n");
		const touches = (path: string) => index.report("2026-11-28").entries.find((e) => e.prospect.path === path)!.prospect.touches.map((t) => [t.date, t.source]);
		expect(touches("People/External/Sarah_Chen.md")).toEqual([["2026-01-20", "Inbox/Meetings/2026-01-20/acme-beta-feedback.md"]]);
		expect(touches("People/External/Tom_Wilson.md")).toEqual([]);
	});

	it("takes its channel from its type, else its name, else its title, else meeting", () => {
		expect(body("Notes/2026-03-02 Plan.md", "---\ntype: phone\nwith: Ada\n---\n")?.channel).toBe("phone");
		expect(body("Notes/2026-03-02_lunch_with_ada.md", "---\nwith: Ada\n---\n")?.channel).toBe("lunch");
		expect(body("Notes/2026-03-02 Plan.md", "---\ntitle: Lunch\nwith: Ada\n---\n")?.channel).toBe("lunch");
		expect(body("Notes/2026-03-02 Plan.md", "---\ntitle: Call about pricing\nwith: Ada\n---\n")?.channel).toBe("call");
		expect(body("Notes/2026-03-02 Coffee.md", "---\ntype: email\ntitle: Lunch\nwith: Ada\n---\n")?.channel).toBe("email");
		expect(body("Notes/2026-03-02 Plan.md", "---\nwith: Ada\n---\n")?.channel).toBe("meeting");
	});

	it("names each person once, a link in a list in a list as a link", () => {
		expect(body("Notes/2026-03-02 Plan.md", "---\nwith: [Ada, Ada]\ncontact: Ada\n---\n")?.links).toEqual(["=ada"]);
		expect(body("Notes/2026-03-02 Plan.md", "---\nwith: [[[Ada Okafor]]]\n---\n")?.links).toEqual(["ada okafor"]);
		expect(body("Notes/2026-03-02 Plan.md", "---\nwith: [[Ada Okafor]]\nclient: Bob\n---\n")?.links).toEqual(["ada okafor", "=bob"]);
	});

	it("takes the people of an Attendees: line over the links of its first lines, blank lines not counted", () => {
		expect(body("Meetings/2026-03-02 Sync.md", "# Sync\nWith [[Bob Li]]\nAttendees: Ada Okafor\n")?.links).toEqual(["=ada okafor"]);
		expect(body("Meetings/2026-03-02 Sync.md", "# Sync\n\n\n\nWith [[Ada Okafor]]\n")?.links).toEqual(["ada okafor"]);
	});

	it("reads its title from its first-level heading, and its name with _ and - as spaces", () => {
		expect(body("Notes/2026-03-02 Plan.md", "---\nwith: Ada\n---\n# Lunch with Ada\n")?.channel).toBe("lunch");
		expect(body("Notes/2026-03-02 Plan.md", "---\nwith: Ada\n---\n## Lunch menu\n# Planning\n")?.channel).toBe("meeting");
		expect(body("Notes/lunch_with_ada.md", "---\nwith: Ada\ncreated: 2026-03-02\n---\n")).toMatchObject({ date: "2026-03-02", channel: "lunch" });
		expect(body("Notes/Planning.md", "---\nwith: Ada\ncreated: 2026-03-02\n---\n")).toBeNull();
		for (const key of ["kind", "channel", "interaction_type"]) expect(body("Notes/2026-03-02 Plan.md", `---\n${key}: email\nwith: Ada\n---\n`)?.channel, key).toBe("email");
	});

	it("from its frontmatter alone: nothing without people, or with the setting off", () => {
		expect(readInteraction("Interactions/2026-09-20 Review.md", {}, DEFAULT_SETTINGS)).toBeNull();
		expect(readInteraction("Interactions/2026-09-20 Review.md", { with: "Ada" }, DEFAULT_SETTINGS)).toEqual({ date: "2026-09-20", channel: "meeting", summary: "2026-09-20 Review", links: ["=ada"] });
		const off = settingsWith({ readForms: { ...DEFAULT_SETTINGS.readForms, interactions: false } });
		expect(readInteraction("Interactions/2026-09-20 Review.md", { with: "Ada" }, off)).toBeNull();
	});
});

// readInteraction itself, with its body: the people of an Attendees list and line, the date of its
// first lines, and the names a meeting's title gives (README, "Interaction notes count").
describe("an interaction note, read with its body", () => {
	it.each([
		// Under an Attendees heading (with its colon, or another of its names): each item's name before its role.
		["## Attendees:\n1. Jane Doe — Head\n- [x] Ann Kim – CFO\n* Bob Li (CTO)\n+ Cy Ho - CEO\n2) Di Wu : COO\nnot an item\n", ["=jane doe", "=ann kim", "=bob li", "=cy ho", "=di wu"]],
		["## Who was there\n- Jane Doe\n", ["=jane doe"]],
		["### 👥 People present\n- [[Jane Doe|Jane]] (host)\n", ["jane doe"]],
		// An Attendees: line under any of its labels, with markup.
		["**Attendees**: Ada\n", ["=ada"]],
		["- __Participants__: Ada\n", ["=ada"]],
		["People: Ada\n", ["=ada"]],
		["With: Ada\n", ["=ada"]],
		["# Weekly\n\n**With:** [[Ada Okafor]]\n", ["ada okafor"]],
	])("%j names %j", (body, links) => {
		expect(readInteraction("Notes/2026-09-20 Pricing.md", {}, DEFAULT_SETTINGS, body)?.links).toEqual(links);
	});

	it("looks for an Attendees heading in its first 40 lines only, items included", () => {
		const at = (n: number) => readInteraction("Notes/2026-09-20 Plan.md", {}, DEFAULT_SETTINGS, `# Notes\n${"x\n".repeat(n)}## Attendees\n- Jane Doe\n`)?.links ?? [];
		expect(at(37)).toEqual(["=jane doe"]);
		expect(at(38)).not.toContain("=jane doe");
	});

	it("is dated by a Date: line at its top, after its file name and date key", () => {
		const at = (path: string, data: Record<string, unknown>, body: string) => readInteraction(path, data, DEFAULT_SETTINGS, body)?.date ?? null;
		expect(at("Meetings/Weekly.md", {}, "With: Ada\n__Date__: 2026-09-20\n")).toBe("2026-09-20");
		expect(at("Meetings/Weekly.md", {}, "With: Ada\n- **Date:** 2026-09-20\n")).toBe("2026-09-20");
		expect(at("Meetings/Weekly.md", { date: "2026-09-21" }, "With: Ada\n- **Date:** 2026-09-20\n")).toBe("2026-09-21");
		expect(at("Meetings/2026-09-19 Weekly.md", { date: "2026-09-21" }, "With: Ada\nDate: 2026-09-20\n")).toBe("2026-09-19");
		// `created` dates it only when its name, type or title says it is a meeting.
		expect(at("Meetings/Weekly.md", { created: "2026-09-21" }, "With: Ada\n")).toBeNull();
		expect(at("Meetings/Weekly.md", { created: "2026-09-21", title: "Kickoff" }, "With: Ada\n")).toBe("2026-09-21");
	});

	it("of a meeting that names no one elsewhere: every run of one to three words of its title and name, no glue word at its edges", () => {
		expect(readInteraction("Meetings/2026-09-20 Sync.md", {}, DEFAULT_SETTINGS, "# Sync on pricing with Ada and Bob\n")?.links).toEqual(["=pricing", "=pricing with ada", "=ada", "=ada and bob", "=bob"]);
		expect(readInteraction("Meetings/2026-09-20.md", {}, DEFAULT_SETTINGS, "# Call re Ada Okafor 2026-09-21\n")).toEqual({ date: "2026-09-20", channel: "call", summary: "2026-09-20", links: ["=ada", "=ada okafor", "=okafor"] });
		// Twelve words at most.
		const long = readInteraction("Meetings/2026-09-20 Review.md", { title: "One two three four five six seven eight nine ten eleven twelve Thirteen" }, DEFAULT_SETTINGS, "");
		expect(long?.links).toContain("=ten eleven twelve");
		expect(long?.links.some((l) => l.includes("thirteen"))).toBe(false);
		// A note that does not say it is a meeting: its first lines' links and its title name no one.
		expect(readInteraction("Meetings/2026-09-20 Weekly.md", {}, DEFAULT_SETTINGS, "# Weekly\nx [[Ada Okafor]]\n")).toBeNull();
		expect(readInteraction("Meetings/2026-09-20 Weekly.md", {}, DEFAULT_SETTINGS, "# Weekly\nAttendees: \n")).toBeNull();
	});
});

describe("an interaction note's names and channel, at the edges", () => {
	it("takes no names from its title when a people key or an Attendees line is there, even empty", () => {
		expect(readInteraction("Meetings/2026-09-20 Call with Dana Lee.md", {}, DEFAULT_SETTINGS, "")?.links).toContain("=dana lee");
		expect(readInteraction("Meetings/2026-09-20 Call with Dana Lee.md", { attendees: [] }, DEFAULT_SETTINGS, "")).toBeNull();
		expect(readInteraction("Meetings/2026-09-20 Call with Dana Lee.md", {}, DEFAULT_SETTINGS, "# Call with Dana Lee\nAttendees:\n")).toBeNull();
	});

	it("is a call when its type, name or title says call, even with call not among the channels", () => {
		const settings = settingsWith({ channels: ["email", "meeting"] });
		expect(readInteraction("Meetings/2026-09-20 Sales_call with Ada.md", { with: "Ada" }, settings)?.channel).toBe("call");
		expect(readInteraction("Meetings/2026-09-20 Review.md", { with: "Ada", title: "Call about pricing" }, settings)?.channel).toBe("call");
		expect(readInteraction("Meetings/2026-09-20 Review.md", { with: "Ada" }, settings)?.channel).toBe("meeting");
	});
});

describe("a note written alone (round 6)", () => {
	it("a reflection, journal, diary or voice memo is no meeting with the people its keys name; a sync is", () => {
		expect(read("meetings/2026-03-06-weekly-reflection.md", "type: meeting-notes\ndate: 2026-03-06\npeople: [anatol, sven]")).toBeNull();
		expect(read("Notes/2026-03-11 voice memo on equity.md", "people: [anatol]")).toBeNull();
		expect(read("Journal/2026-03-11.md", "title: Evening journal\npeople: [anatol]")).toBeNull();
		expect(read("meetings/2026-03-06-weekly-sync.md", "type: meeting-notes\ndate: 2026-03-06\npeople: [anatol, sven]")).toMatchObject({ date: "2026-03-06" });
	});
});
