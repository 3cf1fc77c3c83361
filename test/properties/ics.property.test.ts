import fc from "fast-check";
import ICAL from "ical.js";
import { describe, expect, it } from "vitest";
import { buildIcs } from "../../src/core/show/ics";
import { DEFAULT_SETTINGS } from "../../src/core/settings/settings";
import { ProspectIndex } from "../../src/core/index/prospectIndex";
import { RUNS, SEED } from "./arbitraries";

const TODAY = "2026-11-23";
const nasty = fc
	.array(fc.oneof(fc.constantFrom(",", ";", "\\", ":", "\\n", "é", "漢字", "👋🏽", "\"", "'", "<b>", "{{date}}", " "), fc.string({ minLength: 1, maxLength: 8 })), { minLength: 1, maxLength: 40 })
	.map((parts) => parts.join(""))
	.filter((s) => s.trim() !== "" && !/\p{Cc}/u.test(s) && !/[\uD800-\uDFFF]/.test(s.replace(/[\uD800-\uDBFF][\uDC00-\uDFFF]/g, "")));

describe("the ics export, read back by an independent parser (ical.js)", () => {
	it("escapes , ; \\ and newlines and folds at 75 octets, so every value comes back as written", () => {
		fc.assert(
			fc.property(nasty, nasty, fc.boolean(), (contact, text, timed) => {
				const index = new ProspectIndex(DEFAULT_SETTINGS);
				const yamlContact = JSON.stringify(contact);
				index.update("Prospects/Acme, Inc; \\ test.md", `---\ncontact: ${yamlContact}\ncompany: "Acme; Roofing, \\\\ Sons"\n---\n- [ ] 2026-11-25${timed ? " 14:30" : ""} call: ${text}\n`);
				const report = index.report(TODAY);
				const ics = buildIcs(report, new Date(Date.UTC(2026, 10, 23, 12)));
				for (const line of ics.split("\r\n")) expect(Buffer.byteLength(line, "utf8")).toBeLessThanOrEqual(75);
				expect(ics.endsWith("\r\n")).toBe(true);
				const calendar = new ICAL.Component(ICAL.parse(ics) as unknown[]);
				const events = calendar.getAllSubcomponents("vevent").map((v) => new ICAL.Event(v));
				expect(events).toHaveLength(1);
				const event = events[0];
				const entry = report.entries[0];
				expect(event.summary).toBe(`Call ${entry.prospect.contact ?? entry.prospect.name} (Acme; Roofing, \\ Sons)`);
				if (entry.next!.text) expect(event.description).toContain(entry.next!.text);
				expect(event.description).toContain("Note: Prospects/Acme, Inc; \\ test.md");
				expect(event.startDate.toString().slice(0, 10)).toBe("2026-11-25");
				expect(event.startDate.isDate).toBe(!timed);
				if (timed) expect(event.startDate.toString()).toBe("2026-11-25T14:30:00");
			}),
			{ seed: SEED, numRuns: RUNS },
		);
	});

	it("keeps each touch's event id from one export to the next, when it is snoozed or moved", () => {
		const index = new ProspectIndex(DEFAULT_SETTINGS);
		index.update("Prospects/A.md", "- [ ] 2026-11-25 call: a\n");
		index.update("Prospects/B.md", "- 2026-11-20 call: b\n");
		const uids = (ics: string) => new ICAL.Component(ICAL.parse(ics) as unknown[]).getAllSubcomponents("vevent").map((v) => new ICAL.Event(v).uid);
		const first = uids(buildIcs(index.report(TODAY)));
		index.update("Prospects/A.md", "intro line\n- [ ] 2026-11-26 call: a\n");
		const second = uids(buildIcs(index.report("2026-11-24")));
		expect(second).toEqual(first);
		expect(new Set(first).size).toBe(2);
	});
});
