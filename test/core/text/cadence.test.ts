import { describe, expect, it } from "vitest";
import { cadenceSuggestion, parseCadence, type Cadence } from "../../../src/core/text/cadence";
import { weekdayName } from "../../../src/core/text/dates";

/** Parses a cadence that must be valid. */
function cadence(text: string): Cadence {
	const c = parseCadence(text);
	if ("error" in c) throw new Error(c.error);
	return c;
}

const DEFAULT = "3d, 1w, 2w, 1mo";

describe("parseCadence", () => {
	it("reads the default cadence", () => {
		expect(parseCadence(DEFAULT)).toEqual({
			kind: "steps",
			steps: [
				{ amount: 3, unit: "d" },
				{ amount: 1, unit: "w" },
				{ amount: 2, unit: "w" },
				{ amount: 1, unit: "mo" },
			],
		});
	});

	it("reads every unit, long or short, any case, with or without a space", () => {
		expect(parseCadence("1d, 2 days, 1 day, 1w, 2 wks, 3 weeks, 1 week, 1mo, 2 mos, 3 months, 1 Month, 1y, 2 yrs, 1 year, 2 YEARS")).toEqual({
			kind: "steps",
			steps: [
				{ amount: 1, unit: "d" },
				{ amount: 2, unit: "d" },
				{ amount: 1, unit: "d" },
				{ amount: 1, unit: "w" },
				{ amount: 2, unit: "w" },
				{ amount: 3, unit: "w" },
				{ amount: 1, unit: "w" },
				{ amount: 1, unit: "mo" },
				{ amount: 2, unit: "mo" },
				{ amount: 3, unit: "mo" },
				{ amount: 1, unit: "mo" },
				{ amount: 1, unit: "y" },
				{ amount: 2, unit: "y" },
				{ amount: 1, unit: "y" },
				{ amount: 2, unit: "y" },
			],
		});
	});

	it("accepts semicolons, extra spaces and a trailing comma", () => {
		expect(parseCadence("  3d ;1w,  2w , ")).toEqual({
			kind: "steps",
			steps: [
				{ amount: 3, unit: "d" },
				{ amount: 1, unit: "w" },
				{ amount: 2, unit: "w" },
			],
		});
	});

	it("reads a single step", () => {
		expect(parseCadence("2w")).toEqual({ kind: "steps", steps: [{ amount: 2, unit: "w" }] });
	});

	it.each(["none", "None", "NONE", "off", "no", " none "])("reads %j as no cadence", (text) => {
		expect(parseCadence(text)).toEqual({ kind: "none" });
	});

	it.each(["", "   ", ",", " ; , "])("refuses the empty cadence %j", (text) => {
		expect(parseCadence(text)).toEqual({ error: "the cadence is empty" });
	});

	it.each([
		["0d", "0d"],
		["3d, 0w", "0w"],
		["3x", "3x"],
		["1m", "1m"],
		["-1d", "-1d"],
		["1.5w", "1.5w"],
		["d", "d"],
		["3", "3"],
		["three days", "three days"],
		["3d 1w", "3d 1w"],
		["12345d", "12345d"],
		["3d, weekly", "weekly"],
	])("refuses %j, naming the bad step", (text, bad) => {
		const c = parseCadence(text);
		expect(c).toHaveProperty("error");
		expect("error" in c && c.error).toContain(`"${bad}"`);
	});
});

describe("cadenceSuggestion", () => {
	const steps = cadence(DEFAULT);

	it("adds step min(n, len) to the latest done touch", () => {
		expect(cadenceSuggestion(steps, 1, "2026-11-20", false)).toBe("2026-11-23");
		expect(cadenceSuggestion(steps, 2, "2026-11-20", false)).toBe("2026-11-27");
		expect(cadenceSuggestion(steps, 3, "2026-11-20", false)).toBe("2026-12-04");
		expect(cadenceSuggestion(steps, 4, "2026-11-20", false)).toBe("2026-12-20");
	});

	it("repeats the last step forever", () => {
		for (const n of [5, 6, 10, 100]) expect(cadenceSuggestion(steps, n, "2026-11-20", false)).toBe("2026-12-20");
		const one = cadence("1w");
		for (const n of [1, 2, 50]) expect(cadenceSuggestion(one, n, "2026-11-20", false)).toBe("2026-11-27");
	});

	it("suggests nothing before the first done touch (the caller uses `created`)", () => {
		expect(cadenceSuggestion(steps, 0, "2026-11-20", false)).toBeNull();
		expect(cadenceSuggestion(steps, -1, "2026-11-20", false)).toBeNull();
	});

	it("suggests nothing with cadence none", () => {
		expect(cadenceSuggestion({ kind: "none" }, 3, "2026-11-20", false)).toBeNull();
		expect(cadenceSuggestion({ kind: "none" }, 3, "2026-11-20", true)).toBeNull();
	});

	it("handles month ends: Jan 31 + 1mo is the end of February", () => {
		const monthly = cadence("1mo");
		expect(cadenceSuggestion(monthly, 1, "2026-01-31", false)).toBe("2026-02-28");
		expect(cadenceSuggestion(monthly, 1, "2028-01-31", false)).toBe("2028-02-29");
		expect(cadenceSuggestion(monthly, 1, "2026-12-31", false)).toBe("2027-01-31");
		expect(cadenceSuggestion(cadence("1y"), 1, "2028-02-29", false)).toBe("2029-02-28");
	});

	describe("skip weekends", () => {
		// 2026-11-20 is a Friday.
		it("moves a Saturday suggestion to Monday", () => {
			const day = cadence("1d");
			expect(cadenceSuggestion(day, 1, "2026-11-20", false)).toBe("2026-11-21");
			expect(cadenceSuggestion(day, 1, "2026-11-20", true)).toBe("2026-11-23");
			expect(weekdayName(cadenceSuggestion(day, 1, "2026-11-20", true) as string)).toBe("Monday");
		});

		it("moves a Sunday suggestion to Monday", () => {
			expect(cadenceSuggestion(cadence("2d"), 1, "2026-11-20", true)).toBe("2026-11-23");
		});

		it("leaves weekday suggestions alone", () => {
			expect(cadenceSuggestion(steps, 1, "2026-11-20", true)).toBe("2026-11-23");
			expect(cadenceSuggestion(steps, 2, "2026-11-20", true)).toBe("2026-11-27");
		});

		it("moves a month end that falls on a weekend", () => {
			// 2026-02-28 is a Saturday.
			expect(cadenceSuggestion(cadence("1mo"), 1, "2026-01-31", true)).toBe("2026-03-02");
		});

		it("is off unless asked for", () => {
			expect(cadenceSuggestion(cadence("1d"), 1, "2026-11-20", false)).toBe("2026-11-21");
		});
	});
});
