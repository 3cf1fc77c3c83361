import { describe, expect, it } from "vitest";
import { readNote } from "../../../src/core/read/note";
import { DEFAULT_SETTINGS } from "../../../src/core/settings/settings";
import { note, settingsWith } from "../../helpers/noteBuilder";

describe("which notes are prospects (README: Your notes)", () => {
	it("takes every note under the prospects folder, recursively", () => {
		expect(note().line("hello").read("Prospects/Acme.md").prospect).not.toBeNull();
		expect(note().line("hello").read("Prospects/Archive/Old.md").prospect).not.toBeNull();
		expect(note().line("hello").read("ProspectsOld/Acme.md").prospect).toBeNull();
	});

	it("never takes the vault owner's own note (relationship: self), even in the prospects folder", () => {
		expect(note().fm("relationship: self").read("Prospects/Your Name.md").prospect).toBeNull();
		expect(note().fm("Relationship: Me").read("Prospects/Your Name.md").prospect).toBeNull();
		expect(note().fm("relationship: client").read("Prospects/Dana.md").prospect).not.toBeNull();
		expect(note().fm("relationship: selfless donor").read("Prospects/Dana.md").prospect).not.toBeNull();
	});

	it("takes `type: prospect` anywhere, in any case", () => {
		expect(note().fm("type: prospect").read("Clients/A.md").prospect).not.toBeNull();
		expect(note().fm("Type: Prospect").read("Clients/A.md").prospect).not.toBeNull();
		expect(note().fm("type: [client, prospect]").read("Clients/A.md").prospect).not.toBeNull();
		expect(note().fm("type: client").read("Clients/A.md").prospect).toBeNull();
	});

	it("takes the prospect tag as a list, a string, with or without #, nested, or inline", () => {
		for (const fm of ["tags: [prospect]", "tags: prospect", "tag: '#prospect'", "tags: lead, prospect", "tags:\n  - crm\n  - prospect/hot"]) {
			expect(note().fm(fm).read("Clients/A.md").prospect, fm).not.toBeNull();
		}
		expect(note().line("Met at the fair #prospect").read("Clients/A.md").prospect).not.toBeNull();
		expect(note().line("#prospects are not this tag").read("Clients/A.md").prospect).toBeNull();
		expect(note().fm("tags: [prospector]").read("Clients/A.md").prospect).toBeNull();
	});

	it("does not see an inline tag inside code or comments", () => {
		expect(note().line("```", "#prospect", "```").read("Clients/A.md").prospect).toBeNull();
		expect(note().line("<!-- #prospect -->").read("Clients/A.md").prospect).toBeNull();
		expect(note().line("%% #prospect %%").read("Clients/A.md").prospect).toBeNull();
	});

	it("ignores every other note entirely, dated list items and broken YAML included", () => {
		const other = note().line("- 2026-02-30 call: impossible date").read("Notes/Ideas.md");
		expect(other).toEqual({ prospect: null, problems: [] });
		const broken = note().fm("title: [oops").read("Notes/Ideas.md");
		expect(broken).toEqual({ prospect: null, problems: [] });
	});

	it("follows configured folders, tag and type key", () => {
		const settings = settingsWith({ prospectFolders: ["CRM/Leads"], prospectTag: "lead", typeKey: "kind", typeValue: "client" });
		expect(note().read("CRM/Leads/A.md", settings).prospect).not.toBeNull();
		expect(note().read("Prospects/A.md", settings).prospect).toBeNull();
		expect(note().fm("kind: client").read("X/A.md", settings).prospect).not.toBeNull();
		expect(note().fm("tags: lead").read("X/A.md", settings).prospect).not.toBeNull();
		expect(note().fm("type: prospect").read("X/A.md", settings).prospect).toBeNull();
	});

	it("turns each rule off when its setting is empty", () => {
		const settings = settingsWith({ prospectFolders: [], prospectTag: "", typeKey: "" });
		expect(note().fm("type: prospect", "tags: prospect").read("Prospects/A.md", settings).prospect).toBeNull();
	});
});

describe("frontmatter keys (README: Your notes)", () => {
	it("reads the documented keys, and keeps every key as raw frontmatter", () => {
		const p = note()
			.fm(
				"status: lead",
				"company: Acme Roofing",
				"contact: Dana Whitfield",
				"email: dana@example.com",
				"phone: '+1 555 0100'",
				"source: trade show",
				"channel: Call",
				"created: 2026-11-01",
				"value: 8000",
				"paused_until: 2027-01-05",
			)
			.read().prospect!;
		expect(p).toMatchObject({
			status: "lead",
			company: "Acme Roofing",
			contact: "Dana Whitfield",
			channel: "call",
			created: "2026-11-01",
			value: 8000,
			pausedUntil: "2027-01-05",
		});
		expect(p.frontmatter).toMatchObject({ email: "dana@example.com", phone: "+1 555 0100", source: "trade show" });
	});

	it("matches key names loosely: case, _, -, spaces and camelCase", () => {
		for (const key of ["next_follow_up", "next-follow-up", "nextFollowUp", "Next follow up", "NEXT_FOLLOW_UP"]) {
			const p = note().fm(`${key}: 2026-12-01`).read().prospect!;
			expect(p.nextFollowUp.map((n) => n.date), key).toEqual(["2026-12-01"]);
		}
	});

	it("reads the synonyms of next_follow_up and last_touch", () => {
		for (const key of ["next_contact", "next_action_date", "follow_up", "follow_up_date", "Next Action"]) {
			expect(note().fm(`${key}: 2026-12-01`).read().prospect!.nextFollowUp[0]?.date, key).toBe("2026-12-01");
		}
		for (const key of ["last_contact", "last_contacted", "Last chat", "lastSeen", "last_touch"]) {
			expect(note().fm(`${key}: 2026-11-01`).read().prospect!.lastContact?.date, key).toBe("2026-11-01");
		}
	});

	it("takes next_step and next_step_at only when they hold a date, as written", () => {
		expect(note().fm("next_step_at: 2026-05-27T13:00:00Z").read().prospect!.nextFollowUp[0]?.date).toBe("2026-05-27");
		expect(note().fm("next_step: 2026-06-02").read().prospect!.nextFollowUp[0]?.date).toBe("2026-06-02");
		// Controls: a sentence there is no date and no problem; an unknown `_at` key is not read.
		const read = note().fm("next_step: send the deck").read();
		expect(read.prospect!.nextFollowUp).toEqual([]);
		expect(read.problems).toEqual([]);
		expect(note().fm("state_updated_at: 2026-05-22T14:31:00Z").read().prospect!.nextFollowUp).toEqual([]);
	});

	it("takes next_action only when it is a date, silently", () => {
		const read = note().fm("next_action: send the proposal").read();
		expect(read.prospect!.nextFollowUp).toEqual([]);
		expect(read.problems).toEqual([]);
	});

	it("keeps YAML dates as the written calendar day in this time zone", () => {
		const p = note().fm("next_follow_up: 2026-01-10", "created: 2026-01-01").read().prospect!;
		expect(p.nextFollowUp[0].date).toBe("2026-01-10");
		expect(p.created).toBe("2026-01-01");
	});

	it("takes a date-time's date and time as written, never converted", () => {
		expect(note().fm("next_follow_up: 2026-01-09 09:00").read().prospect!.nextFollowUp[0]).toMatchObject({ date: "2026-01-09", time: "09:00" });
		expect(note().fm("next_follow_up: 2026-01-09T23:30:00.000-05:00").read().prospect!.nextFollowUp[0]).toMatchObject({ date: "2026-01-09", time: "23:30" });
	});

	it("treats empty, null, TBD and unfilled placeholders as not set, with no problem", () => {
		for (const value of ["", "null", '""', "TBD", "'{{date}}'", "'<% tp.date.now() %>'", "YYYY-MM-DD", "~"]) {
			const read = note().fm(`next_follow_up: ${value}`).read();
			expect(read.prospect!.nextFollowUp, value).toEqual([]);
			expect(read.problems, value).toEqual([]);
		}
	});

	it("reports a value that is neither a date nor not-set, with its line, and does not use it", () => {
		const read = note().fm("company: Acme", "next_follow_up: soonish").read();
		expect(read.prospect!.nextFollowUp).toEqual([]);
		expect(read.problems).toEqual([{ path: "Prospects/Acme.md", line: 3, message: expect.stringContaining("soonish") }]);
	});

	it("reports an impossible date in frontmatter", () => {
		const read = note().fm("next_follow_up: 2026-02-30").read();
		expect(read.prospect!.nextFollowUp).toEqual([]);
		expect(read.problems[0]).toMatchObject({ line: 2, message: expect.stringContaining("2026-02-30") });
	});

	it("reports an unknown status and treats the prospect as active", () => {
		const read = note().fm("status: maybe").read();
		expect(read.prospect!.status).toBe("active");
		expect(read.problems[0]).toMatchObject({ line: 2, message: expect.stringContaining("maybe") });
	});

	it("reads deal values written as text, and reports ones that are not numbers", () => {
		expect(note().fm("value: '$8,000'").read().prospect!.value).toBe(8000);
		expect(note().fm("value: 12k").read().prospect!.value).toBe(12000);
		const bad = note().fm("value: lots").read();
		expect(bad.prospect!.value).toBeNull();
		expect(bad.problems).toHaveLength(1);
	});

	it("reports a bad cadence and falls back to the default", () => {
		const read = note().fm("cadence: every so often").read();
		expect(read.prospect!.cadence).toBeNull();
		expect(read.problems[0].message).toContain("cadence");
	});

	it("uses configured key names", () => {
		const settings = settingsWith({ keys: { nextFollowUp: "followup", status: "stage" } });
		const p = note().fm("followup: 2026-12-01", "stage: won").read("Prospects/A.md", settings).prospect!;
		expect(p.nextFollowUp[0].date).toBe("2026-12-01");
		expect(p.status).toBe("won");
	});
});

describe("bad input (README: Problems)", () => {
	it("a note that is not UTF-8 text (a binary file, Latin-1 bytes decoded as U+FFFD) is a problem, never a prospect", () => {
		const pdf = "%PDF-1.7\n%\uFFFD\uFFFD\n1 0 obj\u0000\n";
		expect(readNote("Prospects/Scan.md", pdf, DEFAULT_SETTINGS)).toEqual({
			prospect: null,
			problems: [{ path: "Prospects/Scan.md", line: 2, message: "not UTF-8 text (a binary file, or saved in another encoding): not read" }],
		});
		expect(readNote("Prospects/Cafe.md", "---\ntype: prospect\n---\n- 2026-11-20 call: caf\uFFFD\n", DEFAULT_SETTINGS).problems[0]).toMatchObject({ line: 4 });
		// Outside a prospect folder, a binary file that never says prospect is no note of ours.
		expect(readNote("Attachments/x.md", "\u0000\u0001", DEFAULT_SETTINGS)).toEqual({ prospect: null, problems: [] });
	});

	it("lists a prospect with malformed frontmatter as a problem with its line, and reads nothing else of it", () => {
		const read = readNote("Prospects/Broken.md", "---\nstatus: active\nnext: [oops\n---\n- 2026-11-20 call: hi\n", DEFAULT_SETTINGS);
		expect(read.prospect).toBeNull();
		expect(read.problems).toHaveLength(1);
		expect(read.problems[0].path).toBe("Prospects/Broken.md");
		expect(read.problems[0].line).toBeGreaterThanOrEqual(3);
		expect(read.problems[0].message).toMatch(/frontmatter/);
	});

	it("reports duplicate keys as malformed frontmatter", () => {
		const read = readNote("Prospects/Dup.md", "---\nstatus: won\nstatus: lost\n---\n", DEFAULT_SETTINGS);
		expect(read.problems[0]).toMatchObject({ line: 3 });
	});

	it("never evaluates ---js frontmatter", () => {
		const g = globalThis as Record<string, unknown>;
		delete g.touchbasePwned;
		const read = readNote("Prospects/Evil.md", "---js\n{ status: (globalThis.touchbasePwned = 1) }\n---\n", DEFAULT_SETTINGS);
		expect(g.touchbasePwned).toBeUndefined();
		// Like Obsidian, `---js` does not open a frontmatter block: it is body text.
		expect(read.prospect!.frontmatter).toEqual({});
		expect(read.prospect!.status).toBe("active");
	});

	it("reports an impossible touch date and does not use the line", () => {
		const read = note().line("- 2026-02-30 call: hi", "- 2026-11-20 call: ok").read();
		expect(read.prospect!.touches.map((t) => t.date)).toEqual(["2026-11-20"]);
		expect(read.problems).toEqual([{ path: "Prospects/Acme.md", line: 1, message: expect.stringContaining("2026-02-30") }]);
	});

	it("does not read the rest of a touch line with an impossible date as another form", () => {
		// `call` and a date on the line would make it a label line (README, "Bringing your existing notes").
		const read = note().line("- 2026-02-30 call: x → next: 2026-11-30").read();
		expect(read.prospect!.touches).toEqual([]);
		expect(read.prospect!.nextFollowUp).toEqual([]);
		expect(read.problems).toEqual([{ path: "Prospects/Acme.md", line: 1, message: expect.stringContaining("2026-02-30") }]);
	});

	it("reports an unreadable next: and still counts the touch", () => {
		const read = note().line("- 2026-11-20 call: hi → next: when pigs fly").read();
		expect(read.prospect!.touches).toHaveLength(1);
		expect(read.prospect!.touches[0].next).toBeNull();
		expect(read.problems[0]).toMatchObject({ line: 1, message: expect.stringContaining("when pigs fly") });
	});

	it("reads binary junk, huge lines and thousands of touches without throwing", () => {
		const junk = Array.from({ length: 5000 }, (_, i) => String.fromCharCode((i * 7919) % 65536)).join("");
		expect(() => readNote("Prospects/Junk.md", junk, DEFAULT_SETTINGS)).not.toThrow();
		const many = Array.from({ length: 5000 }, (_, i) => `- 2026-01-${String((i % 28) + 1).padStart(2, "0")} call: touch ${i}`).join("\n");
		expect(readNote("Prospects/Many.md", many, DEFAULT_SETTINGS).prospect!.touches).toHaveLength(5000);
		const long = `- 2026-11-20 call: ${"x".repeat(1_000_000)}`;
		expect(readNote("Prospects/Long.md", long, DEFAULT_SETTINGS).prospect!.touches).toHaveLength(1);
	});
});

describe("touch lines in a note (README: Touch lines)", () => {
	it("skips fenced code, HTML comments, %% comments and the frontmatter", () => {
		const p = note()
			.fm("notes: '- 2026-11-01 call: in yaml'")
			.line("```", "- 2026-11-02 call: in code", "```")
			.line("~~~~md", "- 2026-11-03 call: in tildes", "~~~", "still code", "~~~~")
			.line("<!--", "- 2026-11-04 call: in a comment", "-->")
			.line("%%", "- 2026-11-05 call: in an Obsidian comment", "%%")
			.line("- 2026-11-06 call: counted <!-- with a comment -->")
			.read().prospect!;
		expect(p.touches.map((t) => t.date)).toEqual(["2026-11-06"]);
	});

	it("reads nested items, CRLF lines and every bullet kind", () => {
		const text = "## Follow-ups\r\n- 2026-11-01 call: a\r\n    * 2026-11-02 text: b\r\n\t+ 2026-11-03 email: c\r\n1. 2026-11-04 visit: d\r\n2) 2026-11-05 card: e\r\n";
		const p = readNote("Prospects/A.md", text, DEFAULT_SETTINGS).prospect!;
		expect(p.touches.map((t) => [t.line, t.date, t.channel, t.summary])).toEqual([
			[2, "2026-11-01", "call", "a"],
			[3, "2026-11-02", "text", "b"],
			[4, "2026-11-03", "email", "c"],
			[5, "2026-11-04", "visit", "d"],
			[6, "2026-11-05", "card", "e"],
		]);
	});

	it("reads next:, outcome and objective clauses", () => {
		const t = note().line("- 2026-11-20 consult: roof quote; needs it before March → next: in 2 days email #objective/check-on-quote (outcome: next step)").read().prospect!.touches[0];
		expect(t.next).toMatchObject({ date: "2026-11-22", channel: "email" });
		expect(t.outcome).toBe("next step");
		expect(t.objective).toBe("check-on-quote");
		expect(t.summary).toBe("roof quote; needs it before March");
	});

	it("reads Tasks lines and Dataview fields", () => {
		const p = note()
			.line("- [ ] Call Omar about the renewal 📅 2026-12-07")
			.line("- [x] Send the deck ⏳ 2026-11-20 ✅ 2026-11-21")
			.line("- [ ] no date, not a touch")
			.line("Next step agreed [next:: 2026-12-10] in the call.")
			.line("next_follow_up:: 2026-12-12")
			.read().prospect!;
		expect(p.touches.map((t) => [t.date, t.check, t.channel])).toEqual([
			["2026-12-07", "open", "call"],
			["2026-11-21", "done", null],
		]);
		expect(p.nextFollowUp.map((n) => n.date)).toEqual(["2026-12-10", "2026-12-12"]);
	});

	it("uses the configured channel vocabulary", () => {
		const settings = settingsWith({ channels: ["whatsapp", "call"] });
		const t = note().line("- 2026-11-20 WhatsApp: sent photos").read("Prospects/A.md", settings).prospect!.touches[0];
		expect(t.channel).toBe("whatsapp");
		// Without it, WhatsApp is a word of the text channel (README, "Bringing your existing notes").
		expect(note().line("- 2026-11-20 WhatsApp: sent photos").read().prospect!.touches[0].channel).toBe("text");
		expect(note().line("- 2026-11-20 Fax: sent photos").read().prospect!.touches[0].channel).toBeNull();
	});
});
