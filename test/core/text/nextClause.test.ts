import { describe, expect, it } from "vitest";
import { addDaysToDay, daysBetween, weekdayName } from "../../../src/core/text/dates";
import { parseNaturalDate, parseNextStep, splitChannel, type NextParse } from "../../../src/core/text/nextClause";
import { SPEC_CHANNELS } from "../../helpers/touchBuilder";

// 2026-11-20 is a Friday; 2026-11-16 a Monday; 2026-11-22 a Sunday.
const FRIDAY = "2026-11-20";
const MONDAY = "2026-11-16";
const SUNDAY = "2026-11-22";

const next = (clause: string, base: string, locale: "en" | "en-GB" = "en"): NextParse =>
	parseNextStep(clause, base, SPEC_CHANNELS, locale);

/** The date of a clause that must parse. */
function dateOf(clause: string, base: string, locale: "en" | "en-GB" = "en"): string {
	const r = next(clause, base, locale);
	if (!("ok" in r)) throw new Error(`"${clause}" on ${base}: ${r.error}`);
	return r.ok.date;
}

describe("the calendar the tests rely on", () => {
	it("has the weekdays the tests assume", () => {
		expect(weekdayName(FRIDAY)).toBe("Friday");
		expect(weekdayName(MONDAY)).toBe("Monday");
		expect(weekdayName(SUNDAY)).toBe("Sunday");
	});
});

describe("parseNextStep: ISO dates", () => {
	it("reads a plain ISO date with a channel", () => {
		expect(next("2026-12-09 call", "2026-12-02")).toEqual({ ok: { date: "2026-12-09", time: null, channel: "call", text: "" } });
	});

	it("reads a time after the date, and channel: text", () => {
		expect(next("2026-11-25 14:30 call: confirm the date", FRIDAY)).toEqual({
			ok: { date: "2026-11-25", time: "14:30", channel: "call", text: "confirm the date" },
		});
	});

	it("reads [[date]] and [[date|alias]]", () => {
		expect(next("[[2026-11-25]] email", FRIDAY)).toEqual({ ok: { date: "2026-11-25", time: null, channel: "email", text: "" } });
		expect(next("[[2026-11-25|Wed]] email", FRIDAY)).toEqual({ ok: { date: "2026-11-25", time: null, channel: "email", text: "" } });
	});

	it("does not depend on the touch's date beyond the 'after' rule", () => {
		expect(dateOf("2030-01-01", FRIDAY)).toBe("2030-01-01");
		expect(dateOf("2030-01-01", "2029-12-31")).toBe("2030-01-01");
	});

	it("rejects an impossible ISO date", () => {
		const r = next("2026-02-30 call", "2026-01-10");
		expect(r).toHaveProperty("error");
		expect("error" in r && r.error).toContain("2026-02-30");
	});

	it("rejects an ISO date on or before the touch's date", () => {
		expect(next("2026-11-20", FRIDAY)).toHaveProperty("error");
		expect(next("2026-11-19 call", FRIDAY)).toHaveProperty("error");
		expect(dateOf("2026-11-21", FRIDAY)).toBe("2026-11-21");
	});

	it("leaves a time that is not HH:mm in the text", () => {
		expect(next("2026-11-25 25:00 call", FRIDAY)).toEqual({ ok: { date: "2026-11-25", time: null, channel: null, text: "25:00 call" } });
	});
});

describe("parseNextStep: natural language relative to the touch's own date", () => {
	it("reads 'in 3 days' from the line's date, not from today", () => {
		expect(dateOf("in 3 days", FRIDAY)).toBe("2026-11-23");
		expect(dateOf("in 3 days", "2025-01-01")).toBe("2025-01-04");
		expect(dateOf("in 3 days", "2026-12-30")).toBe("2027-01-02");
	});

	it.each([
		["tomorrow", "2026-11-21"],
		["Tomorrow", "2026-11-21"],
		["2 weeks", "2026-12-04"],
		["in 2 weeks", "2026-12-04"],
		["3 days", "2026-11-23"],
		["in 1 week", "2026-11-27"],
		["Dec 1", "2026-12-01"],
		["December 1st", "2026-12-01"],
	])("reads %s on 2026-11-20 as %s", (clause, date) => {
		expect(dateOf(clause, FRIDAY)).toBe(date);
	});

	it("reads 'Dec 1' as the next Dec 1 after the line's date", () => {
		expect(dateOf("Dec 1", "2026-12-05")).toBe("2027-12-01");
		expect(dateOf("Jan 5", "2026-12-30")).toBe("2027-01-05");
	});

	it("reads 'next Tuesday' as a Tuesday after the line's date", () => {
		const date = dateOf("next Tuesday", FRIDAY);
		expect(weekdayName(date)).toBe("Tuesday");
		expect(daysBetween(FRIDAY, date)).toBeGreaterThan(0);
		expect(daysBetween(FRIDAY, date)).toBeLessThanOrEqual(14);
	});

	it("splits the channel and text after a natural date", () => {
		expect(next("in 2 days email", FRIDAY)).toEqual({ ok: { date: "2026-11-22", time: null, channel: "email", text: "" } });
		expect(next("2 weeks call: check on the quote", FRIDAY)).toEqual({
			ok: { date: "2026-12-04", time: null, channel: "call", text: "check on the quote" },
		});
		expect(next("friday Email: send deck", MONDAY)).toEqual({ ok: { date: "2026-11-20", time: null, channel: "email", text: "send deck" } });
	});

	it("keeps text that does not start with a channel", () => {
		expect(next("tomorrow send the contract", FRIDAY)).toEqual({
			ok: { date: "2026-11-21", time: null, channel: null, text: "send the contract" },
		});
	});

	it("takes a time only when one was written (chrono's implied noon is not a time)", () => {
		expect(next("tomorrow", FRIDAY)).toEqual({ ok: { date: "2026-11-21", time: null, channel: null, text: "" } });
		expect(next("tomorrow 3pm call", FRIDAY)).toEqual({ ok: { date: "2026-11-21", time: "15:00", channel: "call", text: "" } });
		expect(next("friday at 10am call", FRIDAY)).toEqual({ ok: { date: "2026-11-27", time: "10:00", channel: "call", text: "" } });
	});
});

describe("parseNextStep: a bare weekday is the next such day strictly after the line's date", () => {
	it("reads 'friday' on a Friday as the Friday a week later", () => {
		expect(dateOf("friday", FRIDAY)).toBe("2026-11-27");
		expect(daysBetween(FRIDAY, dateOf("Friday", FRIDAY))).toBe(7);
		expect(dateOf("Fri", FRIDAY)).toBe("2026-11-27");
	});

	it("reads 'friday' on a Monday as that week's Friday", () => {
		expect(dateOf("friday", MONDAY)).toBe("2026-11-20");
	});

	it("reads the day after the line's date as the next day", () => {
		expect(dateOf("saturday", FRIDAY)).toBe("2026-11-21");
		expect(dateOf("monday", SUNDAY)).toBe("2026-11-23");
		expect(dateOf("sunday", SUNDAY)).toBe("2026-11-29");
	});

	it("gives the right weekday, 1 to 7 days later, for every weekday from every weekday", () => {
		const names = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"];
		for (let offset = 0; offset < 7; offset++) {
			const base = addDaysToDay(MONDAY, offset);
			for (const name of names) {
				const date = dateOf(name, base);
				expect(weekdayName(date).toLowerCase()).toBe(name);
				const gap = daysBetween(base, date);
				expect(gap).toBeGreaterThanOrEqual(1);
				expect(gap).toBeLessThanOrEqual(7);
			}
		}
	});
});

describe("parseNextStep: errors", () => {
	it.each(["", "   ", "soonish", "asap", "call friday", "when she's back"])("cannot read %j", (clause) => {
		const r = next(clause, FRIDAY);
		expect(r).toHaveProperty("error");
		expect(r).not.toHaveProperty("ok");
	});

	it("names the unreadable text in the message", () => {
		const r = next("soonish", FRIDAY);
		expect("error" in r && r.error).toContain("soonish");
	});

	it.each(["yesterday", "today", "in 2 hours", "2 days ago"])("rejects %s: not after the line's date", (clause) => {
		const r = next(clause, FRIDAY);
		expect(r).toHaveProperty("error");
		expect("error" in r && r.error).toMatch(/not after|cannot read/);
	});
});

describe("parseNextStep: locale", () => {
	it("reads 3/4 as March 4 in en and as 3 April in en-GB", () => {
		expect(dateOf("3/4", "2026-01-10")).toBe("2026-03-04");
		expect(dateOf("3/4", "2026-01-10", "en-GB")).toBe("2026-04-03");
	});

	it("defaults to en", () => {
		const r = parseNextStep("3/4", "2026-01-10", SPEC_CHANNELS);
		expect("ok" in r && r.ok.date).toBe("2026-03-04");
	});

	it("reads ISO dates the same in both", () => {
		expect(dateOf("2026-04-03", "2026-01-10", "en-GB")).toBe("2026-04-03");
		expect(dateOf("2026-04-03", "2026-01-10", "en")).toBe("2026-04-03");
	});
});

describe("parseNaturalDate", () => {
	it("returns the date and how much of the text it used", () => {
		expect(parseNaturalDate("in 3 days email", FRIDAY)).toEqual({ date: "2026-11-23", time: null, length: 9 });
		expect(parseNaturalDate("tomorrow", FRIDAY)).toEqual({ date: "2026-11-21", time: null, length: 8 });
	});

	it("counts only the user's text when it had to add 'in '", () => {
		const found = parseNaturalDate("2 weeks call", FRIDAY);
		expect(found?.date).toBe("2026-12-04");
		expect(found?.length).toBe("2 weeks".length);
		expect("2 weeks call".slice(found?.length)).toBe(" call");
	});

	it("returns null when the text does not start with a date", () => {
		expect(parseNaturalDate("call friday", FRIDAY)).toBeNull();
		expect(parseNaturalDate("nothing here", FRIDAY)).toBeNull();
		expect(parseNaturalDate("", FRIDAY)).toBeNull();
	});

	it("crosses daylight-saving changes by calendar days", () => {
		// US: 2026-03-08; New Zealand: 2026-04-05 and 2026-09-27. The suite runs in those zones.
		expect(parseNaturalDate("tomorrow", "2026-03-07")?.date).toBe("2026-03-08");
		expect(parseNaturalDate("in 1 day", "2026-03-08")?.date).toBe("2026-03-09");
		expect(parseNaturalDate("in 1 week", "2026-03-05")?.date).toBe("2026-03-12");
		expect(parseNaturalDate("tomorrow", "2026-04-04")?.date).toBe("2026-04-05");
		expect(parseNaturalDate("tomorrow", "2026-09-26")?.date).toBe("2026-09-27");
		expect(parseNaturalDate("in 3 days", "2026-09-26")?.date).toBe("2026-09-29");
	});
});

describe("splitChannel", () => {
	it("splits a leading channel word with a colon", () => {
		expect(splitChannel("call: confirm", SPEC_CHANNELS)).toEqual({ channel: "call", word: "call", colon: true, text: "confirm" });
	});

	it("splits a leading channel word without a colon, any case", () => {
		expect(splitChannel("  LinkedIn  sent a note ", SPEC_CHANNELS)).toEqual({
			channel: "linkedin",
			word: "LinkedIn",
			colon: false,
			text: "sent a note",
		});
	});

	it("splits a channel word alone", () => {
		expect(splitChannel(" sms", SPEC_CHANNELS)).toEqual({ channel: "sms", word: "sms", colon: false, text: "" });
	});

	it("leaves text without a channel word trimmed", () => {
		expect(splitChannel("  send the quote ", SPEC_CHANNELS)).toEqual({ channel: null, word: null, colon: false, text: "send the quote" });
		expect(splitChannel("calls: two", SPEC_CHANNELS)).toEqual({ channel: null, word: null, colon: false, text: "calls: two" });
		expect(splitChannel("call, then email", SPEC_CHANNELS).channel).toBeNull();
		expect(splitChannel("", SPEC_CHANNELS)).toEqual({ channel: null, word: null, colon: false, text: "" });
	});

	it("uses only the given vocabulary", () => {
		expect(splitChannel("call: x", []).channel).toBeNull();
		expect(splitChannel("Pigeon: x", ["pigeon"]).channel).toBe("pigeon");
	});
});
