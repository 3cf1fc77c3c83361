import { describe, expect, it } from "vitest";
import {
	addDaysToDay,
	addInterval,
	compareDayTime,
	dayNoon,
	dayToDate,
	daysBetween,
	formatClock,
	formatDay,
	isClockTime,
	isIsoDay,
	localToday,
	skipWeekend,
	weekdayName,
} from "../../../src/core/text/dates";

describe("isIsoDay and dayToDate", () => {
	it.each(["2026-11-20", "2026-01-01", "2026-12-31", "2028-02-29", "2000-02-29", "1999-12-31"])("accepts %s", (day) => {
		expect(isIsoDay(day)).toBe(true);
		const d = dayToDate(day);
		expect(d).not.toBeNull();
		expect(formatDay(d as Date)).toBe(day);
	});

	it("gives local midnight of the day", () => {
		const d = dayToDate("2026-11-20") as Date;
		expect([d.getFullYear(), d.getMonth(), d.getDate(), d.getHours(), d.getMinutes()]).toEqual([2026, 10, 20, 0, 0]);
	});

	it.each([
		"2026-02-30",
		"2026-02-29",
		"1900-02-29",
		"2026-04-31",
		"2026-13-01",
		"2026-00-10",
		"2026-11-00",
		"2026-11-32",
		"2026-1-5",
		"26-11-20",
		"2026/11/20",
		"2026-11-20 ",
		" 2026-11-20",
		"2026-11-20T00:00",
		"",
		"today",
	])("rejects %j", (day) => {
		expect(isIsoDay(day)).toBe(false);
		expect(dayToDate(day)).toBeNull();
	});
});

describe("isClockTime", () => {
	it.each(["00:00", "09:05", "12:30", "23:59"])("accepts %s", (t) => expect(isClockTime(t)).toBe(true));
	it.each(["24:00", "12:60", "9:05", "09:5", "0900", "09:00:00", "", "ab:cd"])("rejects %j", (t) => expect(isClockTime(t)).toBe(false));
});

describe("formatDay, formatClock and localToday", () => {
	it("write the local calendar day and wall-clock time", () => {
		const late = new Date(2026, 10, 20, 23, 59);
		expect(formatDay(late)).toBe("2026-11-20");
		expect(formatClock(late)).toBe("23:59");
		expect(formatClock(new Date(2026, 0, 1, 7, 5))).toBe("07:05");
	});

	it("take today as the local date, not the UTC date", () => {
		expect(localToday(new Date(2026, 10, 20, 0, 1))).toBe("2026-11-20");
		expect(localToday(new Date(2026, 10, 20, 23, 59))).toBe("2026-11-20");
	});

	it("default to now", () => {
		expect(localToday()).toBe(formatDay(new Date()));
	});
});

describe("addDaysToDay and daysBetween", () => {
	it("count calendar days", () => {
		expect(addDaysToDay("2026-11-20", 3)).toBe("2026-11-23");
		expect(addDaysToDay("2026-11-20", -20)).toBe("2026-10-31");
		expect(addDaysToDay("2026-12-30", 3)).toBe("2027-01-02");
		expect(addDaysToDay("2028-02-28", 1)).toBe("2028-02-29");
		expect(addDaysToDay("2026-02-28", 1)).toBe("2026-03-01");
		expect(daysBetween("2026-11-20", "2026-11-23")).toBe(3);
		expect(daysBetween("2026-11-23", "2026-11-20")).toBe(-3);
		expect(daysBetween("2026-11-20", "2026-11-20")).toBe(0);
		expect(daysBetween("2026-01-01", "2027-01-01")).toBe(365);
	});

	it("stay whole across daylight-saving changes (23- and 25-hour days)", () => {
		// US 2026-03-08 and 2026-11-01; New Zealand 2026-04-05 and 2026-09-27.
		for (const day of ["2026-03-08", "2026-11-01", "2026-04-05", "2026-09-27"]) {
			const before = addDaysToDay(day, -1);
			expect(addDaysToDay(before, 1)).toBe(day);
			expect(addDaysToDay(before, 2)).toBe(addDaysToDay(day, 1));
			expect(daysBetween(before, addDaysToDay(day, 1))).toBe(2);
		}
		expect(daysBetween("2026-03-01", "2026-03-31")).toBe(30);
		expect(daysBetween("2026-09-20", "2026-10-04")).toBe(14);
	});

	it("throw on a day that does not exist", () => {
		expect(() => addDaysToDay("2026-02-30", 1)).toThrow(RangeError);
		expect(() => daysBetween("2026-11-20", "nope")).toThrow(RangeError);
	});
});

describe("addInterval", () => {
	it("adds days, weeks, months and years", () => {
		expect(addInterval("2026-11-20", { amount: 3, unit: "d" })).toBe("2026-11-23");
		expect(addInterval("2026-11-20", { amount: 2, unit: "w" })).toBe("2026-12-04");
		expect(addInterval("2026-11-20", { amount: 1, unit: "mo" })).toBe("2026-12-20");
		expect(addInterval("2026-11-20", { amount: 1, unit: "y" })).toBe("2027-11-20");
	});

	it("clamps month ends to the last day of the shorter month", () => {
		expect(addInterval("2026-01-31", { amount: 1, unit: "mo" })).toBe("2026-02-28");
		expect(addInterval("2028-01-31", { amount: 1, unit: "mo" })).toBe("2028-02-29");
		expect(addInterval("2026-03-31", { amount: 1, unit: "mo" })).toBe("2026-04-30");
		expect(addInterval("2026-08-31", { amount: 3, unit: "mo" })).toBe("2026-11-30");
		expect(addInterval("2028-02-29", { amount: 1, unit: "y" })).toBe("2029-02-28");
	});

	it("crosses daylight-saving changes by whole days", () => {
		expect(addInterval("2026-03-07", { amount: 1, unit: "w" })).toBe("2026-03-14");
		expect(addInterval("2026-09-26", { amount: 3, unit: "d" })).toBe("2026-09-29");
		expect(addInterval("2026-10-31", { amount: 1, unit: "mo" })).toBe("2026-11-30");
	});
});

describe("skipWeekend and weekdayName", () => {
	it("moves Saturday and Sunday to the Monday after", () => {
		expect(weekdayName("2026-11-21")).toBe("Saturday");
		expect(skipWeekend("2026-11-21")).toBe("2026-11-23");
		expect(skipWeekend("2026-11-22")).toBe("2026-11-23");
		expect(weekdayName(skipWeekend("2026-11-22"))).toBe("Monday");
	});

	it("leaves weekdays alone", () => {
		for (const day of ["2026-11-16", "2026-11-17", "2026-11-18", "2026-11-19", "2026-11-20"]) expect(skipWeekend(day)).toBe(day);
	});

	it("moves a weekend across a month and a year end", () => {
		expect(skipWeekend("2026-02-28")).toBe("2026-03-02");
		expect(skipWeekend("2028-01-01")).toBe("2028-01-03");
	});
});

describe("dayNoon", () => {
	it("is local noon of the day, even on daylight-saving days", () => {
		for (const day of ["2026-11-20", "2026-03-08", "2026-04-05", "2026-09-27"]) {
			const d = dayNoon(day);
			expect(formatDay(d)).toBe(day);
			expect(d.getHours()).toBe(12);
			expect(d.getMinutes()).toBe(0);
		}
	});

	it("returns a new Date each time", () => {
		const a = dayNoon("2026-11-20");
		a.setDate(1);
		expect(formatDay(dayNoon("2026-11-20"))).toBe("2026-11-20");
	});
});

describe("compareDayTime", () => {
	it("orders by date, then time; no time comes before any time of the day", () => {
		const items = [
			{ date: "2026-11-21", time: null },
			{ date: "2026-11-20", time: "14:30" },
			{ date: "2026-11-20", time: null },
			{ date: "2026-11-20", time: "09:00" },
			{ date: "2026-11-19", time: "23:59" },
		];
		expect([...items].sort(compareDayTime)).toEqual([
			{ date: "2026-11-19", time: "23:59" },
			{ date: "2026-11-20", time: null },
			{ date: "2026-11-20", time: "09:00" },
			{ date: "2026-11-20", time: "14:30" },
			{ date: "2026-11-21", time: null },
		]);
	});

	it("gives 0 for the same date and time", () => {
		expect(compareDayTime({ date: "2026-11-20", time: "09:00" }, { date: "2026-11-20", time: "09:00" })).toBe(0);
		expect(compareDayTime({ date: "2026-11-20", time: null }, { date: "2026-11-20", time: null })).toBe(0);
		expect(compareDayTime({ date: "2026-11-20", time: "09:00" }, { date: "2026-11-19", time: null })).toBe(1);
	});
});
