import { describe, expect, it } from "vitest";
import { addDaysToDay } from "../../../src/core/text/dates";
import { keptPhraseCount, parseNaturalDate } from "../../../src/core/text/nextClause";
import { plainChrono } from "../../helpers/oracles";

// chrono's answers kept by phrase (src/core/text/nextClause.ts) against chrono on the whole text,
// on every day of a year. `npm test` runs this file in three time zones.

/** Every natural-language WHEN of the bench vault (bench/generate.ts, nextClause), and more of each kind. */
const BENCH_WHENS = [
	...Array.from({ length: 9 }, (_, i) => `in ${i + 2} days`),
	"1 weeks",
	"2 weeks",
	"3 weeks",
	"tomorrow",
	"friday",
	"monday",
	"tuesday",
	"thursday",
];
const MORE_WHENS = ["Mar 12", "dec 1", "in 1 day", "in a week", "in two weeks", "in 30 days", "5 days", "1 week", "Tomorrow", "wednesday", "saturday", "sunday", "Fri", "tue", "thurs", "sat"];
/** What follows the WHEN in the bench vault: a channel, the text, both, or nothing. */
const BENCH_TAILS = ["", " call", " linkedin", " email send the proposal", " check on the quote", " coffee: ask about the budget", "  call"];
/** Words chrono joins to the date (or might): these texts are never answered from a kept phrase. */
const JOINED_TAILS = [" at 5pm", " 10:30", " morning call", " noon", " 3pm call", " or friday", " from now", " later", " ago", " the 5th", " next week", " 2027"];

/** Every day of 2026, and the turn of the year. */
const DAYS = Array.from({ length: 372 }, (_, i) => addDaysToDay("2026-01-01", i));

/** Tens of thousands of chrono calls: more than the default time on a busy machine. */
const SLOW = 180_000;

describe("chrono's answers kept by phrase", () => {
	it("equal chrono's on every bench phrase, across a year, both locales", () => {
		let compared = 0;
		for (const locale of ["en", "en-GB"] as const) {
			for (const when of BENCH_WHENS) {
				for (const tail of locale === "en" ? BENCH_TAILS : ["", " call"]) {
					const text = when + tail;
					// Every other day: two and seven have no common factor, so every weekday of every month comes round.
					for (let i = 0; i < DAYS.length; i += 2) {
						expect(parseNaturalDate(text, DAYS[i], locale), `${locale} ${DAYS[i]} "${text}"`).toEqual(plainChrono(text, DAYS[i], locale));
						compared++;
					}
				}
			}
		}
		expect(compared).toBe(Math.ceil(DAYS.length / 2) * BENCH_WHENS.length * (BENCH_TAILS.length + 2));
		// The kept answers were used: one per phrase (and weekday) and locale.
		expect(keptPhraseCount()).toBeGreaterThanOrEqual(8 + 4 * 7);
	}, SLOW);

	it("equal chrono's on month-day phrases (every month of the bench vault's), across a year and over a leap day", () => {
		const months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];
		const phrases = months.flatMap((m, i) => [`${m} 1`, `${m} ${1 + ((i * 7) % 28)}`, `${m} 28`]);
		phrases.push("December 31", "january 1", "Feb 29", "Feb 30", "Apr 31", "sept 15", "may 5 call");
		for (const text of phrases) {
			for (const tail of ["", " call", " email send the proposal", "  call", "\tcall"]) {
				for (let i = 0; i < DAYS.length; i += 3) {
					expect(parseNaturalDate(text + tail, DAYS[i], "en"), `${DAYS[i]} "${text + tail}"`).toEqual(plainChrono(text + tail, DAYS[i], "en"));
				}
			}
		}
		const leap = Array.from({ length: 140 }, (_, i) => addDaysToDay("2027-01-01", i * 6));
		for (const text of ["Feb 28", "Feb 29", "Mar 1", "Dec 31", "Jan 1"]) {
			for (const day of leap) {
				for (const locale of ["en", "en-GB"] as const) expect(parseNaturalDate(`${text} call`, day, locale), `${locale} ${day} "${text}"`).toEqual(plainChrono(`${text} call`, day, locale));
			}
		}
	}, SLOW);

	it("equal chrono's on every month word and day in en, the day before, of and after each date", () => {
		const words = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "January", "february", "march", "April", "june", "july", "august", "september", "October", "november", "december"];
		const monthOf = (word: string): number => ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"].indexOf(word.slice(0, 3).toLowerCase()) + 1;
		let compared = 0;
		for (const word of words) {
			for (let day = 1; day <= 31; day++) {
				const date = `2026-${String(monthOf(word)).padStart(2, "0")}-${String(day).padStart(2, "0")}`;
				// Around the date itself (a day some years lack is compared too: chrono answers it), and every third day of the year.
				const around = DAYS.includes(date) ? [-1, 0, 1, 365].map((n) => addDaysToDay(date, n)) : [];
				const refs = [...around, ...DAYS.filter((_, i) => i % 3 === day % 3)];
				for (const [k, ref] of refs.entries()) {
					for (const tail of k % 4 === 0 ? ["", " call", " email send the proposal"] : [""]) {
						expect(parseNaturalDate(`${word} ${day}${tail}`, ref, "en"), `${ref} "${word} ${day}${tail}"`).toEqual(plainChrono(`${word} ${day}${tail}`, ref, "en"));
						compared++;
					}
				}
			}
		}
		expect(compared).toBeGreaterThan(24 * 31 * 124);
	}, SLOW);

	it("equal chrono's on other phrases of the same kinds, and on texts chrono joins to more", () => {
		for (const when of [...MORE_WHENS, "tomorrow", "in 3 days", "friday", "2 weeks"]) {
			for (const tail of [...BENCH_TAILS.slice(0, 3), ...JOINED_TAILS]) {
				const text = when + tail;
				// Every fifth day: the weekdays all come round.
				for (let i = 0; i < DAYS.length; i += 5) {
					expect(parseNaturalDate(text, DAYS[i], "en"), `${DAYS[i]} "${text}"`).toEqual(plainChrono(text, DAYS[i], "en"));
				}
			}
		}
	}, SLOW);
});
