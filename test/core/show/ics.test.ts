import { describe, expect, it } from "vitest";
import { buildIcs, escapeText, foldLine } from "../../../src/core/show/ics";
import { migrateSettings } from "../../../src/core/settings/settings";
import { ProspectIndex } from "../../../src/core/index/prospectIndex";
import { type DueReport } from "../../../src/core/rules/dueReport";

const bytes = (s: string): number => Buffer.byteLength(s, "utf8");
const unfold = (s: string): string => s.replace(/\r\n /g, "");

function report(notes: Record<string, string>, today = "2026-11-23"): DueReport {
	const index = new ProspectIndex(migrateSettings(undefined));
	for (const [path, text] of Object.entries(notes)) index.update(path, text);
	return index.report(today);
}

const STAMP = new Date(Date.UTC(2026, 10, 23, 8, 5, 9));

/** The VEVENTs of a calendar, unfolded, as maps of property (with parameters) to value; their alarms apart. */
function events(ics: string): Record<string, string>[] {
	const out: Record<string, string>[] = [];
	let current: Record<string, string> | null = null;
	let inAlarm = false;
	for (const line of unfold(ics).split("\r\n")) {
		if (line === "BEGIN:VALARM" || line === "END:VALARM") inAlarm = line === "BEGIN:VALARM";
		else if (inAlarm) continue;
		else if (line === "BEGIN:VEVENT") current = {};
		else if (line === "END:VEVENT") {
			if (current) out.push(current);
			current = null;
		} else if (current) {
			const colon = line.indexOf(":");
			current[line.slice(0, colon)] = line.slice(colon + 1);
		}
	}
	return out;
}

describe("escapeText", () => {
	it("escapes backslash, semicolon, comma and line breaks", () => {
		expect(escapeText("a,b;c\\d")).toBe("a\\,b\\;c\\\\d");
		expect(escapeText("one\ntwo\r\nthree\rfour")).toBe("one\\ntwo\\nthree\\nfour");
		expect(escapeText("\\n is not a newline")).toBe("\\\\n is not a newline");
		expect(escapeText("plain: text")).toBe("plain: text");
	});
});

describe("foldLine", () => {
	it("leaves a line of 75 octets alone and folds the 76th", () => {
		const line75 = `SUMMARY:${"x".repeat(67)}`;
		expect(foldLine(line75)).toBe(line75);
		const line76 = `${line75}y`;
		expect(foldLine(line76)).toBe(`${line75}\r\n y`);
	});

	it("keeps every physical line within 75 octets, the leading space included", () => {
		const long = `DESCRIPTION:${"abcdefghij".repeat(40)}`;
		const folded = foldLine(long);
		const parts = folded.split("\r\n");
		expect(parts.length).toBe(Math.ceil((bytes(long) - 75) / 74) + 1);
		for (const part of parts) expect(bytes(part)).toBeLessThanOrEqual(75);
		for (const part of parts.slice(1)) expect(part.startsWith(" ")).toBe(true);
		expect(unfold(folded)).toBe(long);
	});

	it("counts UTF-8 octets and never splits a character", () => {
		for (const ch of ["é", "€", "😀", "👩‍👩‍👧"]) {
			for (let pad = 0; pad < 5; pad++) {
				const line = `SUMMARY:${"x".repeat(pad)}${ch.repeat(60)}`;
				const folded = foldLine(line);
				for (const part of folded.split("\r\n")) {
					expect(bytes(part)).toBeLessThanOrEqual(75);
					// A split character would show up as U+FFFD after a round trip through bytes.
					expect(Buffer.from(part, "utf8").toString("utf8")).toBe(part);
					expect(part).not.toMatch(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/);
				}
				expect(unfold(folded)).toBe(line);
			}
		}
	});

	it("fills the first line up to 75 octets when the next character does not fit", () => {
		const line = `SUMMARY:${"x".repeat(66)}é`; // 74 + 2 octets
		expect(foldLine(line)).toBe(`SUMMARY:${"x".repeat(66)}\r\n é`);
	});
});

describe("buildIcs", () => {
	const notes = {
		"Prospects/Acme, Inc.md": "---\ncompany: Acme; Roofing, Inc.\ncontact: Mike\n---\n- 2026-11-17 consult: quote\n- [ ] 2026-11-27 14:30 call: walk through the quote, \\ and the gutters\n",
		"Prospects/Bluebird.md": "---\ncontact: Tasha Greene\nchannel: email\n---\n- 2026-11-20 call: intro → next: 2026-12-31\n",
		"Prospects/Suggested.md": "---\ncreated: 2026-11-20\n---\n# Suggested\n",
		"Prospects/Won.md": "---\nstatus: won\n---\n- [-] 2026-11-24 call: cancelled when it was won\n",
		"Prospects/Referral.md": "---\nstatus: won\n---\n- [ ] 2026-12-07 call: ask for a referral\n",
		"Prospects/Nothing.md": "---\ncadence: none\n---\n- 2026-11-20 call: hi\n",
	};

	it("writes a calendar of CRLF lines within 75 octets", () => {
		const ics = buildIcs(report(notes), STAMP);
		expect(ics.startsWith("BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:")).toBe(true);
		expect(ics.endsWith("END:VCALENDAR\r\n")).toBe(true);
		expect(ics.replace(/\r\n/g, "")).not.toMatch(/[\r\n]/);
		for (const line of ics.split("\r\n")) expect(bytes(line)).toBeLessThanOrEqual(75);
	});

	it("has one event per prospect with a next touch, and per open line of a closed one; none for stuck ones", () => {
		const list = events(buildIcs(report(notes), STAMP));
		expect(list.map((e) => e.DESCRIPTION.replace(/^.*Note: /, "")).sort()).toEqual(["Prospects/Acme\\, Inc.md", "Prospects/Bluebird.md", "Prospects/Referral.md", "Prospects/Suggested.md"]);
	});

	it("writes a timed touch in floating local time with a duration", () => {
		const acme = events(buildIcs(report(notes), STAMP)).find((e) => e.SUMMARY.includes("Mike"));
		expect(acme).toMatchObject({
			DTSTART: "20261127T143000",
			DURATION: "PT30M",
			SUMMARY: "Call Mike (Acme\\; Roofing\\, Inc.)",
			DESCRIPTION: "walk through the quote\\, \\\\ and the gutters\\nLast touch (2026-11-17): quote\\nNote: Prospects/Acme\\, Inc.md",
			DTSTAMP: "20261123T080509Z",
		});
		expect(acme?.["DTSTART;VALUE=DATE"]).toBeUndefined();
	});

	it("writes an all-day touch with an exclusive end on the next day, across the year", () => {
		const bluebird = events(buildIcs(report(notes), STAMP)).find((e) => e.SUMMARY.includes("Tasha"));
		expect(bluebird).toMatchObject({ "DTSTART;VALUE=DATE": "20261231", "DTEND;VALUE=DATE": "20270101", SUMMARY: "Email Tasha Greene" });
		expect(bluebird?.DTSTART).toBeUndefined();
		const suggested = events(buildIcs(report(notes), STAMP)).find((e) => e.DESCRIPTION.includes("Suggested.md"));
		expect(suggested).toMatchObject({ "DTSTART;VALUE=DATE": "20261120", SUMMARY: "Follow up Suggested", DESCRIPTION: "Suggested by the cadence\\nNote: Prospects/Suggested.md" });
	});

	it("gives stable, distinct UIDs: the same prospect keeps its UID when its note or its date moves", () => {
		const first = events(buildIcs(report(notes), STAMP));
		const uids = first.map((e) => e.UID);
		expect(new Set(uids).size).toBe(uids.length);
		for (const uid of uids) expect(uid).toMatch(/^[0-9a-f]+@touchbase$/);
		// Another export, another stamp, another day: the same UIDs.
		expect(events(buildIcs(report(notes, "2026-11-25"), new Date())).map((e) => e.UID)).toEqual(uids);
		// A line added above the touch (a log adds frontmatter keys), or the touch snoozed.
		const edited = {
			...notes,
			"Prospects/Acme, Inc.md": notes["Prospects/Acme, Inc.md"].replace("contact: Mike\n", "contact: Mike\nlast_touch: 2026-11-17\ntouches: 1\n").replace("2026-11-27 14:30", "2026-11-30 14:30"),
		};
		const again = events(buildIcs(report(edited), STAMP));
		expect(again.find((e) => e.SUMMARY.includes("Mike"))?.UID).toBe(first.find((e) => e.SUMMARY.includes("Mike"))?.UID);
		expect(again.find((e) => e.SUMMARY.includes("Mike"))?.DTSTART).toBe("20261130T143000");
	});

	it("has one event per open touch, a promised or suggested one too, and none for closed or paused prospects", () => {
		const more = {
			"Prospects/Two.md": "---\ncontact: Dana Whitfield\ncompany: Acme Roofing\n---\n- 2026-11-20 call: intro → next: 2026-11-24 email send deck\n- [ ] 2026-11-26 call: check fit #objective/check-fit\n- [ ] 2026-11-30 10:00 visit: site walk\n",
			"Prospects/Paused.md": "---\nstatus: paused\n---\n- [ ] 2026-11-26 call: later\n",
		};
		const list = events(buildIcs(report(more), { vaultName: "My Vault" }));
		expect(list.map((e) => e.SUMMARY)).toEqual(["Call Dana Whitfield (Acme Roofing)", "Visit Dana Whitfield (Acme Roofing)", "Email Dana Whitfield (Acme Roofing)"]);
		expect(list[0].DESCRIPTION).toBe("check fit\\nObjective: check-fit\\nLast touch (2026-11-20): intro\\nNote: Prospects/Two.md\\nobsidian://open?vault=My%20Vault&file=Prospects%2FTwo");
		expect(list[0].URL).toBe("obsidian://open?vault=My%20Vault&file=Prospects%2FTwo");
		expect(list[0].DTSTAMP).toBe("20261123T000000Z");
		expect(new Set(list.map((e) => e.UID)).size).toBe(3);
	});

	it("is an empty calendar for a vault without follow-ups", () => {
		expect(buildIcs(report({}), STAMP)).toBe("BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//Touchbase//Follow-ups//EN\r\nCALSCALE:GREGORIAN\r\nEND:VCALENDAR\r\n");
	});
});
