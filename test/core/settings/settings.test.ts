import { describe, expect, it } from "vitest";
import { DEFAULT_SETTINGS, maxNoteBytes, migrateSettings } from "../../../src/core/settings/settings";

describe("migrateSettings", () => {
	it("gives the defaults for nothing, null, junk and the wrong types", () => {
		for (const raw of [undefined, null, 42, "oops", [], { keys: "nope", templates: 7, channels: {} }]) {
			expect(migrateSettings(raw), JSON.stringify(raw)).toEqual(DEFAULT_SETTINGS);
		}
	});

	it("keeps valid values and replaces only the bad ones", () => {
		const s = migrateSettings({ upcomingDays: "10", cadence: "", skipWeekends: "yes", channels: ["Call", "", 3, "WhatsApp"], keys: { status: "stage", value: 5 } });
		expect(s.upcomingDays).toBe(10);
		expect(s.cadence).toBe(DEFAULT_SETTINGS.cadence);
		expect(s.skipWeekends).toBe(false);
		expect(s.channels).toEqual(["call", "whatsapp"]);
		expect(s.keys.status).toBe("stage");
		expect(s.keys.value).toBe("value");
	});

	it("clamps numbers and reads an old single-folder setting", () => {
		expect(migrateSettings({ upcomingDays: -5 }).upcomingDays).toBe(0);
		expect(migrateSettings({ upcomingDays: 1e9 }).upcomingDays).toBe(366);
		expect(migrateSettings({ upcomingDays: Number.NaN }).upcomingDays).toBe(7);
		// The size cap of a note (docs/reliability.md): 10 MB unless set, 1 to 1024.
		expect([undefined, "25", 0, 5000, "big", 2.6].map((v) => migrateSettings({ maxNoteMB: v }).maxNoteMB)).toEqual([10, 25, 1, 1024, 10, 3]);
		expect(maxNoteBytes(migrateSettings({}))).toBe(10 * 1024 * 1024);
		expect(migrateSettings({ prospectFolder: "/Clients/" }).prospectFolders).toEqual(["Clients"]);
		expect(migrateSettings({ prospectFolders: "CRM, Leads" }).prospectFolders).toEqual(["CRM", "Leads"]);
	});

	it("does not share arrays with the defaults", () => {
		const s = migrateSettings({});
		s.channels.push("pigeon");
		s.prospectFolders.push("X");
		expect(DEFAULT_SETTINGS.channels).not.toContain("pigeon");
		expect(DEFAULT_SETTINGS.prospectFolders).toEqual(["Prospects"]);
	});

	it("allows turning the tag and type rules off with an empty string", () => {
		const s = migrateSettings({ prospectTag: "", typeKey: "" });
		expect(s.prospectTag).toBe("");
		expect(s.typeKey).toBe("");
		expect(migrateSettings({ prospectTag: "#lead" }).prospectTag).toBe("lead");
	});

	it("reads the calendar file and whether to keep it current", () => {
		expect(DEFAULT_SETTINGS.calendarPath).toBe("Touchbase/follow-ups.ics");
		expect(DEFAULT_SETTINGS.calendarKeepCurrent).toBe(false);
		expect(migrateSettings({ calendarPath: "  /Calendars\\sales.ics ", calendarKeepCurrent: true })).toMatchObject({ calendarPath: "Calendars/sales.ics", calendarKeepCurrent: true });
		for (const bad of ["", "   ", "/", 42, null]) expect(migrateSettings({ calendarPath: bad }).calendarPath, String(bad)).toBe("Touchbase/follow-ups.ics");
		expect(migrateSettings({ calendarKeepCurrent: "yes" }).calendarKeepCurrent).toBe(false);
	});
});
