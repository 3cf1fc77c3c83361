import { describe, expect, it } from "vitest";
import { addDaysToDay } from "../../../src/core/text/dates";
import { parseNaturalDate } from "../../../src/core/text/nextClause";
import { plainChrono } from "../../helpers/oracles";

const WHENS = [
	"tomorrow",
	"friday",
	"Fri",
	"next tuesday",
	"in 2 weeks",
	"2 weeks",
	"3 days",
	"dec 1",
	"December 28",
	"1 Dec",
	"friday at 3pm",
	"tomorrow at 10:30",
	"dec 1 at 10am",
	"the first of december at 10 in the morning",
	"friday to monday",
	"3 days ago",
	"2 weeks later",
	"a week after",
	"end of month",
	"someday",
	"when the stars align",
	"noon",
];
const TAILS = [
	"",
	" call",
	" call: send the proposal and the case study to Dana before the board meets",
	" email check on the budget for next quarter and ask about the 3pm slot",
	" at 4pm call them back about it and then the rest of it",
	" call them, then friday at 5pm again if there is still no answer by then",
	" 2027 meeting with the whole team and their new head of purchasing",
	" - monday call to confirm everything that was agreed on the phone",
];
const BASE_DAYS = ["2026-11-23", "2026-11-27", "2026-12-31", "2027-02-26", "2026-03-07", "2026-10-24"];

describe("natural-language dates: a window of words first, answers remembered", () => {
	it("gives exactly chrono's answer on the whole text", () => {
		let compared = 0;
		for (const locale of ["en", "en-GB"] as const) {
			for (const base of BASE_DAYS) {
				for (const when of WHENS) {
					for (const tail of TAILS) {
						const text = when + tail;
						expect(parseNaturalDate(text, base, locale), `${locale} ${base} "${text}"`).toEqual(plainChrono(text, base, locale));
						compared++;
					}
				}
			}
		}
		expect(compared).toBe(2 * BASE_DAYS.length * WHENS.length * TAILS.length);
	});

	it("a remembered answer cannot be changed by the caller that got it", () => {
		const first = parseNaturalDate("friday call: the quote", "2026-11-23")!;
		expect(first).toEqual({ date: "2026-11-27", time: null, length: 6 });
		first.date = "1999-01-01";
		expect(parseNaturalDate("friday call: the quote", "2026-11-23")).toEqual({ date: "2026-11-27", time: null, length: 6 });
	});

	it("reads the same words from another day relative to that day", () => {
		for (let i = 0; i < 14; i++) {
			const base = addDaysToDay("2026-11-23", i);
			expect(parseNaturalDate("in 3 days call", base)?.date).toBe(addDaysToDay(base, 3));
		}
	});
});
