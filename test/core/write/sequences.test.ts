import { describe, expect, it } from "vitest";
import { parseClauses } from "../../../src/core/text/clauses";
import { computeDue } from "../../../src/core/rules/due";
import { logTouch, logTouchBody, type LogInput } from "../../../src/core/write/logTouch";
import { readNote } from "../../../src/core/read/note";
import { isSequenceLine, planSequence, sequenceMarker, sequenceSlug, stepDate } from "../../../src/core/write/sequences";
import { startSequenceBody } from "../../../src/core/write/startSequence";
import { DEFAULT_SEQUENCES, DEFAULT_SETTINGS, migrateSettings, type Sequence, type TouchbaseSettings } from "../../../src/core/settings/settings";

const S = DEFAULT_SETTINGS;
const PATH = "Prospects/Riverside Physio.md";
// 2026-11-23 is a Monday.
const MONDAY = "2026-11-23";
const FRIDAY = "2026-11-27";
const SATURDAY = "2026-11-28";
const SUNDAY = "2026-11-29";

const TRADE_SHOW = DEFAULT_SEQUENCES[0];
const REFERRAL = DEFAULT_SEQUENCES[1];

function ok(result: { ok: boolean; text?: string; error?: string }): string {
	if (!result.ok) throw new Error(result.error);
	return result.text!;
}

const days = (offset: number) => ({ offset, unit: "days" as const });
const business = (offset: number) => ({ offset, unit: "business days" as const });

describe("stepDate", () => {
	it.each([
		[MONDAY, 0, "2026-11-23"],
		[MONDAY, 1, "2026-11-24"],
		[MONDAY, 2, "2026-11-25"],
		[MONDAY, 7, "2026-11-30"],
		[MONDAY, 14, "2026-12-07"],
		[MONDAY, 30, "2026-12-23"],
		// Calendar days land on weekends too: that is what "days" means.
		[FRIDAY, 1, "2026-11-28"],
		[SATURDAY, 0, "2026-11-28"],
		[SATURDAY, 2, "2026-11-30"],
		// Across a month, a year, and daylight-saving changes (US: Nov 1 and Mar 8; NZ: Sep 27).
		["2026-12-31", 2, "2027-01-02"],
		["2026-10-30", 3, "2026-11-02"],
		["2026-03-06", 2, "2026-03-08"],
		["2026-09-25", 3, "2026-09-28"],
		["2028-02-28", 1, "2028-02-29"],
	])("%s + %i days is %s", (start, offset, expected) => {
		expect(stepDate(start, days(offset))).toBe(expected);
	});

	it.each([
		// From a Monday: Friday is the 4th business day, the next Monday the 5th.
		[MONDAY, 0, "2026-11-23"],
		[MONDAY, 1, "2026-11-24"],
		[MONDAY, 4, "2026-11-27"],
		[MONDAY, 5, "2026-11-30"],
		[MONDAY, 10, "2026-12-07"],
		// From a Friday: the weekend is skipped.
		[FRIDAY, 0, "2026-11-27"],
		[FRIDAY, 1, "2026-11-30"],
		[FRIDAY, 2, "2026-12-01"],
		[FRIDAY, 5, "2026-12-04"],
		// From a Saturday or a Sunday: business day 0 is the Monday after, and counting starts there.
		[SATURDAY, 0, "2026-11-30"],
		[SATURDAY, 1, "2026-12-01"],
		[SATURDAY, 4, "2026-12-04"],
		[SATURDAY, 5, "2026-12-07"],
		[SUNDAY, 0, "2026-11-30"],
		[SUNDAY, 2, "2026-12-02"],
		// Across a year (New Year's Day is a Friday, not a holiday here) and daylight-saving changes.
		["2026-12-31", 1, "2027-01-01"],
		["2026-12-31", 2, "2027-01-04"],
		["2026-10-30", 1, "2026-11-02"],
		["2026-10-30", 5, "2026-11-06"],
		["2026-03-06", 1, "2026-03-09"],
		["2026-09-25", 1, "2026-09-28"],
	])("%s + %i business days is %s", (start, offset, expected) => {
		expect(stepDate(start, business(offset))).toBe(expected);
	});

	it("never lands a business-day step on a weekend", () => {
		for (let d = 0; d < 14; d++) {
			const start = stepDate("2026-11-16", days(d))!;
			for (let n = 0; n <= 12; n++) {
				const day = new Date(`${stepDate(start, business(n))}T12:00:00`).getDay();
				expect(day === 0 || day === 6, `${start} + ${n}`).toBe(false);
			}
		}
	});

	it("gives null for a day that does not exist or an offset that cannot be one", () => {
		expect(stepDate("2026-02-30", days(1))).toBeNull();
		expect(stepDate("soon", business(1))).toBeNull();
		expect(stepDate(MONDAY, days(-1))).toBeNull();
		expect(stepDate(MONDAY, days(1.5))).toBeNull();
	});
});

describe("planSequence", () => {
	it("dates every step of the default sequences from the start", () => {
		expect(planSequence(TRADE_SHOW, MONDAY)!.map((p) => [p.date, p.step.channel, p.step.objective])).toEqual([
			["2026-11-23", "email", "thank you"],
			["2026-11-25", "call", "check fit"],
			["2026-11-30", "email", "case study"],
			["2026-12-07", "call", "touch base"],
			["2026-12-23", "letter", "stay in touch"],
		]);
		expect(planSequence(REFERRAL, SATURDAY)!.map((p) => [p.date, p.step.channel])).toEqual([
			["2026-11-30", "call"],
			["2026-12-01", "email"],
			["2026-12-07", "call"],
			["2026-12-14", "coffee"],
		]);
	});

	it("orders the touches by date; steps on the same day keep their order", () => {
		const sequence: Sequence = {
			name: "Mixed",
			steps: [
				{ offset: 7, unit: "days", channel: "email", objective: "b" },
				{ offset: 0, unit: "business days", channel: "call", objective: "first" },
				{ offset: 2, unit: "days", channel: "text", objective: "same day 1" },
				{ offset: 0, unit: "days", channel: "email", objective: "second" },
				{ offset: 1, unit: "business days", channel: "call", objective: "same day 2" },
			],
		};
		// From a Saturday: business day 0 is Monday 11-30, as is calendar day 2.
		expect(planSequence(sequence, SATURDAY)!.map((p) => `${p.date} ${p.step.objective}`)).toEqual([
			"2026-11-28 second",
			"2026-11-30 first",
			"2026-11-30 same day 1",
			"2026-12-01 same day 2",
			"2026-12-05 b",
		]);
	});
});

describe("the sequence tag", () => {
	it("is the name in lower case with dashes", () => {
		expect(sequenceSlug("Trade-show lead")).toBe("trade-show-lead");
		expect(sequenceSlug("  Referral: warm / cold!  ")).toBe("referral-warm-cold");
		expect(sequenceSlug("Café rentrée 2027")).toBe("café-rentrée-2027");
		expect(sequenceSlug("???")).toBe("unnamed");
		expect(sequenceMarker("Referral")).toBe("#sequence/referral");
	});

	it("marks a line as a sequence touch, and is not part of its summary", () => {
		expect(isSequenceLine("- [ ] 2026-11-25 call: check fit #objective/check-fit #sequence/trade-show-lead")).toBe(true);
		expect(isSequenceLine("- [ ] 2026-11-25 call: check fit (#sequence/x)")).toBe(true);
		expect(isSequenceLine("- [ ] 2026-11-25 call: check fit #sequence")).toBe(false);
		expect(isSequenceLine("- [ ] 2026-11-25 call: see a#sequence/x")).toBe(false);
		expect(isSequenceLine("- [ ] 2026-11-25 call: check fit #objective/sequence")).toBe(false);
		expect(parseClauses("check fit #objective/check-fit #sequence/trade-show-lead")).toMatchObject({ summary: "check fit", objective: "check-fit" });
		expect(parseClauses("#sequence/referral thank you → next: friday call")).toMatchObject({ summary: "thank you", next: "friday call" });
	});
});

const NOTE = [
	"---",
	"company: Riverside Physio",
	"contact: Priya Raman",
	"source: trade show",
	"---",
	"# Riverside Physio",
	"",
	"## Follow-ups",
	"- 2026-11-19 consult: class booking needs",
	"",
	"## Notes",
	"Priya is away until the 24th.",
	"",
].join("\n");

const TRADE_SHOW_LINES = [
	"- [ ] 2026-11-23 email: thank you #objective/thank-you #sequence/trade-show-lead",
	"- [ ] 2026-11-25 call: check fit #objective/check-fit #sequence/trade-show-lead",
	"- [ ] 2026-11-30 email: case study #objective/case-study #sequence/trade-show-lead",
	"- [ ] 2026-12-07 call: touch base #objective/touch-base #sequence/trade-show-lead",
	"- [ ] 2026-12-23 letter: stay in touch #objective/stay-in-touch #sequence/trade-show-lead",
];

const STARTED = [
	"---",
	"company: Riverside Physio",
	"contact: Priya Raman",
	"source: trade show",
	"sequence: Trade-show lead",
	"---",
	"# Riverside Physio",
	"",
	"## Follow-ups",
	"- 2026-11-19 consult: class booking needs",
	...TRADE_SHOW_LINES,
	"",
	"## Notes",
	"Priya is away until the 24th.",
	"",
].join("\n");

describe("startSequenceBody", () => {
	it("writes the open touch of every step under the follow-up heading and sets sequence:", () => {
		const result = startSequenceBody(NOTE, PATH, TRADE_SHOW, MONDAY, S);
		expect(ok(result)).toBe(STARTED);
		expect(result).toMatchObject({ lines: TRADE_SHOW_LINES });
		// Read back: five scheduled touches with their channels and objectives; the first is due today.
		const prospect = readNote(PATH, STARTED, S).prospect!;
		expect(prospect.touches.filter((t) => t.check === "open").map((t) => [t.date, t.channel, t.objective, t.summary])).toEqual([
			["2026-11-23", "email", "thank-you", "thank you"],
			["2026-11-25", "call", "check-fit", "check fit"],
			["2026-11-30", "email", "case-study", "case study"],
			["2026-12-07", "call", "touch-base", "touch base"],
			["2026-12-23", "letter", "stay-in-touch", "stay in touch"],
		]);
		expect(computeDue(prospect, MONDAY, S)).toMatchObject({ bucket: "today", next: { date: "2026-11-23", channel: "email", source: "scheduled" } });
	});

	it("skips the weekend for business-day steps when started on a Saturday", () => {
		const out = ok(startSequenceBody("## Follow-ups\n", PATH, REFERRAL, SATURDAY, S));
		expect(out).toBe(
			[
				"---",
				"sequence: Referral",
				"---",
				"## Follow-ups",
				"- [ ] 2026-11-30 call: introduce yourself #objective/introduce-yourself #sequence/referral",
				"- [ ] 2026-12-01 email: recap #objective/recap #sequence/referral",
				"- [ ] 2026-12-07 call: check fit #objective/check-fit #sequence/referral",
				"- [ ] 2026-12-14 coffee: meet in person #objective/meet-in-person #sequence/referral",
				"",
			].join("\n"),
		);
	});

	it("started on a Friday, counts business days over the weekend", () => {
		const sequence: Sequence = {
			name: "Quick",
			steps: [
				{ offset: 0, unit: "business days", channel: "email", objective: "" },
				{ offset: 1, unit: "business days", channel: "call", objective: "" },
				{ offset: 1, unit: "days", channel: "text", objective: "weekend hello" },
			],
		};
		const out = ok(startSequenceBody("---\nstatus: lead\n---\n", PATH, sequence, FRIDAY, S));
		expect(out).toBe(
			[
				"---",
				"status: lead",
				"sequence: Quick",
				"---",
				"",
				"## Follow-ups",
				"- [ ] 2026-11-27 email: follow up #sequence/quick",
				"- [ ] 2026-11-28 text: weekend hello #objective/weekend-hello #sequence/quick",
				"- [ ] 2026-11-30 call: follow up #sequence/quick",
				"",
			].join("\n"),
		);
	});

	it("keeps CRLF, a missing final newline, and every other byte", () => {
		const crlf = "---\r\ncompany: Riverside Physio\r\nsequence: Old plan   # was\r\n---\r\n## Follow-ups\r\n- 2026-11-19 consult: needs";
		const out = ok(startSequenceBody(crlf, PATH, TRADE_SHOW, MONDAY, S));
		expect(out).toBe(`---\r\ncompany: Riverside Physio\r\nsequence: Trade-show lead\r\n---\r\n## Follow-ups\r\n- 2026-11-19 consult: needs\r\n${TRADE_SHOW_LINES.join("\r\n")}`);
	});

	it("uses the scheduled-line template and the configured key; a template may place the tag itself", () => {
		const settings: TouchbaseSettings = {
			...S,
			keys: { ...S.keys, sequence: "plan" },
			followUpHeading: "## Touches",
			templates: { ...S.templates, scheduled: "- [ ] {{date}} {{channel}} for {{contact}}: {{summary}} #sequence/{{sequence}}{{#objective}} ({{objective}}){{/objective}}" },
		};
		const sequence: Sequence = { name: "Short one", steps: [{ offset: 3, unit: "days", channel: "Call", objective: "check on quote" }] };
		const out = ok(startSequenceBody("---\ncontact: Priya\n---\nHello\n", PATH, sequence, MONDAY, settings));
		expect(out).toBe("---\ncontact: Priya\nplan: Short one\n---\nHello\n\n## Touches\n- [ ] 2026-11-26 call for Priya: check on quote #sequence/short-one (check-on-quote)\n");
	});

	it("quotes a name the YAML would misread", () => {
		const sequence: Sequence = { name: "Referral: warm", steps: [{ offset: 0, unit: "days", channel: "call", objective: "" }] };
		const out = ok(startSequenceBody("x\n", PATH, sequence, MONDAY, S));
		expect(out).toBe("---\nsequence: 'Referral: warm'\n---\nx\n\n## Follow-ups\n- [ ] 2026-11-23 call: follow up #sequence/referral-warm\n");
		expect(readNote(PATH, out, S).prospect?.frontmatter.sequence).toBe("Referral: warm");
	});

	it("refuses broken frontmatter, a note that is not a prospect, an empty sequence and a bad day", () => {
		expect(startSequenceBody("---\na: [\n---\n", PATH, TRADE_SHOW, MONDAY, S)).toMatchObject({ ok: false, error: expect.stringContaining("frontmatter is broken") });
		expect(startSequenceBody("text\n", "Notes/Pipeline.md", TRADE_SHOW, MONDAY, S)).toMatchObject({ ok: false, error: "it is not a prospect note" });
		expect(startSequenceBody("text\n", PATH, { name: "Empty", steps: [] }, MONDAY, S)).toMatchObject({ ok: false, error: 'the sequence "Empty" has no steps' });
		expect(startSequenceBody("text\n", PATH, TRADE_SHOW, "2026-02-30", S)).toMatchObject({ ok: false, error: "2026-02-30 is not a date" });
	});
});

describe("an answer ends the sequence", () => {
	const OTHER = "- [ ] 2026-12-10 call: renewal date (not part of the sequence)";
	const BEFORE = STARTED.replace("\n\n## Notes", `\n${OTHER}\n\n## Notes`);
	const log = (over: Partial<LogInput>): LogInput => ({ date: "2026-11-25", time: null, channel: "call", summary: "she said yes", outcome: null, next: null, objective: null, ...over });

	it.each([
		["yes" as const, "(outcome: yes)"],
		["no" as const, "(outcome: no)"],
	])("outcome %s cancels the open touches of the sequence, keeps them, and leaves other touches alone", (outcome, written) => {
		const result = logTouchBody(BEFORE, PATH, log({ outcome }), S);
		const out = ok(result);
		expect(result).toMatchObject({ cancelled: 4 });
		expect(out).toBe(
			BEFORE.replace("- [ ] 2026-11-23 email", "- [-] 2026-11-23 email")
				// The touch it fulfils (due by then, the same channel) is done, not cancelled.
				.replace("- [ ] 2026-11-25 call", "- [x] 2026-11-25 call")
				.replace("- [ ] 2026-11-30 email", "- [-] 2026-11-30 email")
				.replace("- [ ] 2026-12-07 call", "- [-] 2026-12-07 call")
				.replace("- [ ] 2026-12-23 letter", "- [-] 2026-12-23 letter")
				.replace(`${OTHER}\n`, `${OTHER}\n- 2026-11-25 call: she said yes ${written}\n`),
		);
		// Nothing deleted: every line is still there, only checkboxes changed, and one line added.
		const before = BEFORE.split("\n");
		const after = out.split("\n");
		expect(after).toHaveLength(before.length + 1);
		const unboxed = (line: string) => line.replace(/^- \[.\] /, "- ");
		expect(after.filter((l) => !l.includes("she said yes")).map(unboxed)).toEqual(before.map(unboxed));
		// What is left open is the touch that was not part of the sequence.
		const prospect = readNote(PATH, out, S).prospect!;
		expect(prospect.touches.filter((t) => t.check === "open").map((t) => t.raw)).toEqual([OTHER]);
		expect(computeDue(prospect, "2026-11-25", S).next).toMatchObject({ date: "2026-12-10", source: "scheduled" });
	});

	it("outcome next step, or none, leaves the sequence running", () => {
		for (const outcome of ["next step" as const, null]) {
			const result = logTouchBody(BEFORE, PATH, log({ outcome }), S);
			expect(result).toMatchObject({ ok: true, cancelled: 0 });
			expect(ok(result).match(/- \[-\]/g)).toBeNull();
		}
	});

	it("leaves done, cancelled and untagged lines alone; cancels any #sequence/ tag, one added by hand too", () => {
		const text = [
			"## Follow-ups",
			"- [x] 2026-11-20 email: thank you #sequence/referral",
			"- 2026-11-21 call: recap #sequence/referral",
			"- [-] 2026-11-22 text: skipped #sequence/referral",
			"- [ ] 2026-11-30 call: check fit #sequence/referral",
			"- 2026-12-02 email: no checkbox, still to come #sequence/referral",
			"- [ ] 2026-12-03 email: not tagged",
			"- [ ] 2026-12-04 email: tagged by hand #sequence/my-own-plan",
			"",
		].join("\n");
		const result = logTouchBody(text, PATH, log({ date: "2026-11-24", channel: "email", summary: "no thanks", outcome: "no" }), S);
		expect(ok(result)).toBe(
			[
				"## Follow-ups",
				"- [x] 2026-11-20 email: thank you #sequence/referral",
				"- 2026-11-21 call: recap #sequence/referral",
				"- [-] 2026-11-22 text: skipped #sequence/referral",
				"- [-] 2026-11-30 call: check fit #sequence/referral",
				"- [-] 2026-12-02 email: no checkbox, still to come #sequence/referral",
				"- [ ] 2026-12-03 email: not tagged",
				"- [-] 2026-12-04 email: tagged by hand #sequence/my-own-plan",
				"- 2026-11-24 email: no thanks (outcome: no)",
				"",
			].join("\n"),
		);
		expect(result).toMatchObject({ cancelled: 3 });
	});

	it("works through the CLI's logTouch too, mirrors included, CRLF kept", () => {
		const crlf = BEFORE.replace(/\n/g, "\r\n");
		const result = logTouch(crlf, PATH, log({ outcome: "yes" }), S, "2026-11-25");
		const out = ok(result);
		expect(result).toMatchObject({ cancelled: 4 });
		expect(out.replace(/\r\n/g, "")).not.toMatch(/[\r\n]/);
		expect(out).toContain("sequence: Trade-show lead\r\nlast_touch: 2026-11-25\r\ntouches: 2\r\nnext_follow_up: 2026-12-10\r\n---\r\n");
		expect(out.match(/- \[-\] /g)).toHaveLength(4);
	});

	it("refuses broken frontmatter before cancelling anything", () => {
		expect(logTouchBody(`---\na: [\n---\n${TRADE_SHOW_LINES.join("\n")}\n`, PATH, log({ outcome: "yes" }), S)).toMatchObject({ ok: false });
	});
});

describe("migrateSettings: sequences", () => {
	it("gives the two default sequences when none are stored, as copies", () => {
		for (const raw of [undefined, {}, { sequences: "oops" }, { sequences: { name: "x" } }, { sequences: 7 }, { sequences: null }]) {
			expect(migrateSettings(raw).sequences, JSON.stringify(raw)).toEqual(DEFAULT_SEQUENCES);
		}
		expect(DEFAULT_SEQUENCES.map((s) => s.name)).toEqual(["Trade-show lead", "Referral"]);
		const s = migrateSettings({});
		s.sequences[0].steps[0].offset = 99;
		s.sequences.push({ name: "x", steps: [] });
		expect(DEFAULT_SEQUENCES[0].steps[0].offset).toBe(0);
		expect(DEFAULT_SEQUENCES).toHaveLength(2);
	});

	it("keeps an empty list: the user deleted them all", () => {
		expect(migrateSettings({ sequences: [] }).sequences).toEqual([]);
	});

	it("keeps the good steps and drops the bad ones, one by one", () => {
		const stored = [
			{
				name: "  Trade   show ",
				steps: [
					{ offset: 0, unit: "days", channel: "Email", objective: " thank   you " },
					{ offset: -1, unit: "days", channel: "call", objective: "negative" },
					{ offset: "3", unit: "business days", channel: "call" },
					{ offset: 1.5, unit: "days", channel: "call", objective: "fraction" },
					{ offset: 2, unit: "fortnights", channel: "call", objective: "unknown unit" },
					{ offset: 2, channel: "phone call", objective: "two-word channel" },
					{ offset: 2, channel: "", objective: "no channel" },
					{ offset: 2, channel: "call", objective: 5 },
					{ offset: 4000, channel: "call", objective: "too far" },
					{ offset: "", channel: "call", objective: "empty offset" },
					{ channel: "call", objective: "no offset" },
					"junk",
					null,
					{ offset: 5, channel: "text", objective: null },
				],
			},
			"junk",
			null,
			{ steps: [{ offset: 1, unit: "Business-Days", channel: "text", objective: "x" }] },
			{ name: "No steps" },
			{ name: "Units", steps: [{ offset: 1, unit: "businessDays", channel: "call" }, { offset: 1, unit: "bd", channel: "call" }, { offset: 1, unit: "day", channel: "call" }] },
		];
		expect(migrateSettings({ sequences: stored }).sequences).toEqual([
			{
				name: "Trade show",
				steps: [
					{ offset: 0, unit: "days", channel: "email", objective: "thank you" },
					{ offset: 3, unit: "business days", channel: "call", objective: "" },
					{ offset: 5, unit: "days", channel: "text", objective: "" },
				],
			},
			{ name: "Sequence 2", steps: [{ offset: 1, unit: "business days", channel: "text", objective: "x" }] },
			{ name: "No steps", steps: [] },
			{
				name: "Units",
				steps: [
					{ offset: 1, unit: "business days", channel: "call", objective: "" },
					{ offset: 1, unit: "business days", channel: "call", objective: "" },
					{ offset: 1, unit: "days", channel: "call", objective: "" },
				],
			},
		]);
	});

	it("round-trips the defaults through data.json, and the sequence key is configurable", () => {
		expect(migrateSettings(JSON.parse(JSON.stringify(DEFAULT_SETTINGS)))).toEqual(DEFAULT_SETTINGS);
		expect(DEFAULT_SETTINGS.keys.sequence).toBe("sequence");
		expect(migrateSettings({ keys: { sequence: "plan" } }).keys.sequence).toBe("plan");
		expect(migrateSettings({ keys: { sequence: "  " } }).keys.sequence).toBe("sequence");
	});
});
