import ICAL from "ical.js";
import { describe, expect, it } from "vitest";
import { buildIcs } from "../../../src/core/show/ics";
import { ProspectIndex } from "../../../src/core/index/prospectIndex";
import { migrateSettings } from "../../../src/core/settings/settings";

const NOTES = {
	"Prospects/Timed.md": "---\ncontact: Dana Whitfield\n---\n- [ ] 2026-11-27 14:30 call: walk through the quote\n",
	"Prospects/Dated.md": "---\ncontact: Omar Haddad\n---\n- [ ] 2026-12-31 email: send the case study\n",
	"Prospects/Suggested.md": "---\ncreated: 2026-11-20\n---\n# Suggested\n",
};

function calendar(digestTime?: string): string {
	const index = new ProspectIndex(migrateSettings(undefined));
	for (const [path, text] of Object.entries(NOTES)) index.update(path, text);
	return buildIcs(index.report("2026-11-23"), digestTime === undefined ? {} : { digestTime });
}

/** Each event's alarm as ical.js reads it: its action, and the local wall time it rings at. */
function alarms(ics: string): { summary: string; action: string; description: string; at: string }[] {
	const root = new ICAL.Component(ICAL.parse(ics) as unknown[]);
	return root.getAllSubcomponents("vevent").map((vevent) => {
		const event = new ICAL.Event(vevent);
		const valarms = vevent.getAllSubcomponents("valarm");
		expect(valarms).toHaveLength(1);
		const alarm = valarms[0];
		const trigger = alarm.getFirstPropertyValue("trigger") as InstanceType<typeof ICAL.Duration>;
		const at = event.startDate.clone();
		at.isDate = false;
		at.addDuration(trigger);
		return { summary: event.summary, action: String(alarm.getFirstPropertyValue("action")), description: String(alarm.getFirstPropertyValue("description")), at: at.toString() };
	});
}

describe("the calendar's alarms (README, Calendar)", () => {
	it("rings at a timed touch's start, and at the digest time on a date-only touch's day", () => {
		const list = alarms(calendar());
		expect(list).toEqual(
			expect.arrayContaining([
				{ summary: "Call Dana Whitfield", action: "DISPLAY", description: "Call Dana Whitfield", at: "2026-11-27T14:30:00" },
				{ summary: "Email Omar Haddad", action: "DISPLAY", description: "Email Omar Haddad", at: "2026-12-31T09:00:00" },
			]),
		);
		// The suggested touch (no line) has its alarm too.
		expect(list).toHaveLength(3);
		expect(list.every((a) => a.action === "DISPLAY")).toBe(true);
	});

	it("follows the digest time setting, midnight and minutes included", () => {
		expect(alarms(calendar("07:45")).find((a) => a.summary.startsWith("Email"))?.at).toBe("2026-12-31T07:45:00");
		expect(alarms(calendar("00:00")).find((a) => a.summary.startsWith("Email"))?.at).toBe("2026-12-31T00:00:00");
		expect(alarms(calendar("18:00")).find((a) => a.summary.startsWith("Call"))?.at).toBe("2026-11-27T14:30:00");
		expect(calendar("07:45")).toContain("TRIGGER:PT7H45M\r\n");
	});

	it("gives floating local times, so the alarm rings at the same wall time in any zone", () => {
		// No TZID and no Z: ical.js reads the wall time as written, whatever this run's zone.
		const ics = calendar();
		expect(ics).not.toMatch(/DTSTART[^\r\n]*Z\r\n/);
		const timed = new ICAL.Event(new ICAL.Component(ICAL.parse(ics) as unknown[]).getAllSubcomponents("vevent").find((v) => String(v.getFirstPropertyValue("summary")).startsWith("Call")));
		expect(timed.startDate.zone?.tzid).toBe("floating");
		const local = timed.startDate.toJSDate();
		expect([local.getHours(), local.getMinutes()]).toEqual([14, 30]);
	});
});
