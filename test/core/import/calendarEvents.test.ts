import { readFileSync } from "node:fs";
import { join } from "node:path";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { readCalendarEvents } from "../../../src/core/import/calendarEvents";
import { FIXTURES } from "../../helpers/files";

const GOOGLE = readFileSync(join(FIXTURES, "calendars", "google.ics"), "utf8");
const WINDOW = { from: "2026-09-02", to: "2026-12-31" };

describe("readCalendarEvents on bad input", () => {
	it("never throws: any prefix of a real export, or junk, gives events or an error", () => {
		for (let cut = 0; cut < GOOGLE.length; cut += 97) {
			const read = readCalendarEvents(GOOGLE.slice(0, cut), WINDOW);
			expect(read.error !== undefined || Array.isArray(read.events)).toBe(true);
		}
		fc.assert(
			fc.property(fc.string({ maxLength: 400 }), (junk) => {
				const read = readCalendarEvents(`BEGIN:VCALENDAR\r\n${junk}\r\nEND:VCALENDAR\r\n`, WINDOW);
				expect(read.error !== undefined || Array.isArray(read.events)).toBe(true);
			}),
			{ seed: 25, numRuns: 200 },
		);
	});

	it("reads a byte-order mark and LF line endings, and keeps no event without a UID or a start", () => {
		const lf = `\uFEFF${GOOGLE.replace(/\r\n/g, "\n")}`;
		expect(readCalendarEvents(lf, WINDOW).events.length).toBe(readCalendarEvents(GOOGLE, WINDOW).events.length);
		const noUid = "BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\nDTSTART:20261120T100000Z\r\nSUMMARY:x\r\nEND:VEVENT\r\nBEGIN:VEVENT\r\nUID:a\r\nSUMMARY:y\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n";
		expect(readCalendarEvents(noUid, WINDOW)).toEqual({ events: [], outside: 0 });
	});

	it("stops an endless series at the window's end", () => {
		const daily = "BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\nUID:d\r\nDTSTART;VALUE=DATE:20000101\r\nRRULE:FREQ=DAILY\r\nSUMMARY:Standup\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n";
		const read = readCalendarEvents(daily, WINDOW);
		expect(read.events).toHaveLength(121);
		expect(read.events[0].date).toBe("2026-09-02");
		expect(read.events.at(-1)?.date).toBe("2026-12-31");
		expect(new Set(read.events.map((e) => e.key)).size).toBe(121);
	});
});
