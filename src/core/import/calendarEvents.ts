/**
 * Reading a calendar file (`.ics`, as Google Calendar, Outlook or Apple Calendar export it) into
 * the meetings of a window, in local time (README, "Meetings from your calendar"). Parsed with
 * ical.js, loaded the first time a file is read (as leadParsers.ts loads it): the plugin's start
 * does not pay for it.
 */
import type ICALModule from "ical.js";
import { addDaysToDay, formatClock, formatDay, type IsoDay } from "../text/dates";
import type { MeetingEvent } from "../write/logMeetings";

type Ical = typeof ICALModule;
type Component = InstanceType<Ical["Component"]>;
type Time = InstanceType<Ical["Time"]>;
type ICALEvent = InstanceType<Ical["Event"]>;
let ical: Ical | null = null;

function icalJs(): Ical {
	if (ical === null) {
		/* eslint-disable-next-line no-undef, @typescript-eslint/no-require-imports -- the bundle's own require, run on first use */
		const loaded = require("ical.js") as Ical | { default: Ical };
		ical = "default" in loaded ? loaded.default : loaded;
	}
	return ical;
}

export interface CalendarWindow {
	/** First and last local day of the window, inclusive. */
	from: IsoDay;
	to: IsoDay;
}

export interface CalendarRead {
	/** Every occurrence in the window, cancelled ones included (marked so). */
	events: MeetingEvent[];
	/** Occurrences outside the window, left out. */
	outside: number;
	/** Why the file could not be read, when it could not. */
	error?: string;
}

/** Occurrences of one recurring event looked at, at most: a daily event of thirty years. */
const MAX_OCCURRENCES = 11_000;

const ADDRESS = /^[^\s@<>()[\]\\,;:"]+@[^\s@<>()[\]\\,;:"]+\.[^\s@<>()[\]\\,;:"]+$/;

/** `mailto:Dana@Example.com` → `dana@example.com`; anything else → null. */
function addressOf(value: unknown): string | null {
	if (typeof value !== "string") return null;
	const address = value.trim().replace(/^mailto:/i, "").toLowerCase();
	return ADDRESS.test(address) ? address : null;
}

/**
 * The instant a wall-clock time in an IANA zone stands for, through Intl (a TZID the file does
 * not define by a VTIMEZONE): null when the platform does not know the zone.
 */
function zonedInstant(time: Time, zone: string): Date | null {
	let format: Intl.DateTimeFormat;
	try {
		format = new Intl.DateTimeFormat("en-US", { timeZone: zone, hourCycle: "h23", year: "numeric", month: "2-digit", day: "2-digit", hour: "2-digit", minute: "2-digit", second: "2-digit" });
	} catch {
		return null;
	}
	const wall = Date.UTC(time.year, time.month - 1, time.day, time.hour, time.minute, time.second);
	const offsetAt = (instant: number): number => {
		const parts = Object.fromEntries(format.formatToParts(new Date(instant)).map((p) => [p.type, p.value]));
		return Date.UTC(Number(parts.year), Number(parts.month) - 1, Number(parts.day), Number(parts.hour), Number(parts.minute), Number(parts.second)) - instant;
	};
	// Two rounds find the offset in force at that wall time, across a DST change too.
	let instant = wall - offsetAt(wall);
	instant = wall - offsetAt(instant);
	return new Date(instant);
}

/** Local day and time of a start: all-day events keep their day; timed ones are shown in local time. */
function localStart(time: Time, tzid: string | null, I: Ical): { date: IsoDay; time: string | null } {
	if (time.isDate) return { date: `${String(time.year).padStart(4, "0")}-${String(time.month).padStart(2, "0")}-${String(time.day).padStart(2, "0")}`, time: null };
	let instant: Date;
	if (tzid !== null && time.zone === I.Timezone.localTimezone && tzid !== "floating") {
		instant = zonedInstant(time, tzid) ?? time.toJSDate();
	} else {
		instant = time.toJSDate();
	}
	return { date: formatDay(instant), time: formatClock(instant) };
}

/** A stable stamp of an occurrence's original start, for its key. */
function stampOf(time: Time): string {
	if (time.isDate) return time.toString().replace(/-/g, "");
	const utc = time.toJSDate().toISOString();
	return `${utc.slice(0, 19).replace(/[-:]/g, "")}Z`;
}

/** A key safe inside a `%%` comment on one line: the UID itself when it is tame, else a hash of it. */
function keyOf(uid: string): string {
	if (/^[\w@.+=:/-]{1,64}$/.test(uid)) return uid;
	// FNV-1a twice (two seeds): 64 bits, so two long UIDs of one calendar never share a key.
	const hash = (seed: number): string => {
		let h = seed;
		for (let i = 0; i < uid.length; i++) {
			h ^= uid.charCodeAt(i);
			h = Math.imul(h, 0x01000193) >>> 0;
		}
		return h.toString(16).padStart(8, "0");
	};
	return `h${hash(0x811c9dc5)}${hash(0x01000193)}`;
}

function tzidOf(component: Component, name: string): string | null {
	const value = component.getFirstProperty(name)?.getParameter("tzid");
	return typeof value === "string" ? value : null;
}

function isCancelled(component: Component): boolean {
	const status = component.getFirstPropertyValue("status");
	return typeof status === "string" && status.trim().toUpperCase() === "CANCELLED";
}

function emailsOf(component: Component): string[] {
	const out = new Set<string>();
	for (const name of ["attendee", "organizer"]) {
		for (const prop of component.getAllProperties(name)) {
			const address = addressOf(prop.getFirstValue()) ?? addressOf(prop.getParameter("email"));
			if (address) out.add(address);
		}
	}
	return [...out];
}

function titleOf(component: Component): string {
	const value = component.getFirstPropertyValue("summary");
	return typeof value === "string" ? value.trim() : "";
}

/**
 * The meetings of a calendar file between `window.from` and `window.to` (local days, inclusive):
 * single events, and each occurrence of a recurring one (RRULE, RDATE, less EXDATE, with its
 * RECURRENCE-ID exceptions). Never throws: a file ical.js cannot read gives `error`.
 */
export function readCalendarEvents(text: string, window: CalendarWindow): CalendarRead {
	const I = icalJs();
	let root: Component;
	try {
		const parsed: unknown = I.parse(text.replace(/^\uFEFF/, ""));
		if (!Array.isArray(parsed) || parsed.length === 0) return { events: [], outside: 0, error: "it is not a calendar (no BEGIN:VCALENDAR)" };
		// A file of several calendars: the first one holding events.
		const all = (typeof parsed[0] === "string" ? [parsed] : parsed) as unknown[];
		const comps = all.map((jcal) => new I.Component(jcal as never));
		root = comps.find((c) => c.getAllSubcomponents("vevent").length > 0) ?? comps[0];
	} catch (error) {
		return { events: [], outside: 0, error: `it cannot be read as a calendar (${error instanceof Error ? error.message : String(error)})` };
	}
	if (root.name !== "vcalendar") return { events: [], outside: 0, error: "it is not a calendar (no BEGIN:VCALENDAR)" };
	for (const zone of root.getAllSubcomponents("vtimezone")) {
		try {
			I.TimezoneService.register(zone);
		} catch {
			// A zone that cannot be read: times in it are read through Intl, or as local.
		}
	}
	const masters = new Map<string, Component>();
	const exceptions: Component[] = [];
	const singles: Component[] = [];
	for (const vevent of root.getAllSubcomponents("vevent")) {
		const uid = vevent.getFirstPropertyValue("uid");
		if (typeof uid !== "string" || uid.trim() === "" || !vevent.hasProperty("dtstart")) continue;
		if (vevent.hasProperty("recurrence-id")) exceptions.push(vevent);
		else if (vevent.hasProperty("rrule") || vevent.hasProperty("rdate")) masters.set(uid, vevent);
		else singles.push(vevent);
	}
	const events: MeetingEvent[] = [];
	let outside = 0;
	const take = (component: Component, start: Time, key: string, cancelled: boolean, series: Component | null = null): void => {
		let local: { date: IsoDay; time: string | null };
		try {
			local = localStart(start, tzidOf(component, "dtstart"), I);
		} catch {
			return;
		}
		if (local.date < window.from || local.date > window.to) {
			outside++;
			return;
		}
		// An occurrence of a series is with the series' people too (a cancelled one often lists none).
		const emails = series && series !== component ? [...new Set([...emailsOf(component), ...emailsOf(series)])] : emailsOf(component);
		events.push({ key, title: titleOf(component) || (series ? titleOf(series) : ""), date: local.date, time: local.time, emails, cancelled: cancelled || isCancelled(component) });
	};
	const events0 = new Map<string, ICALEvent>();
	for (const [uid, master] of masters) {
		const event = new I.Event(master);
		events0.set(uid, event);
		for (const exception of exceptions) if (exception.getFirstPropertyValue("uid") === uid) event.relateException(exception);
	}
	for (const single of singles) {
		const uid = String(single.getFirstPropertyValue("uid"));
		try {
			take(single, new I.Event(single).startDate, keyOf(uid), false);
		} catch {
			// An event whose start cannot be read is left out.
		}
	}
	// An exception whose series is not in the file stands alone.
	for (const exception of exceptions) {
		const uid = String(exception.getFirstPropertyValue("uid"));
		if (masters.has(uid)) continue;
		try {
			const event = new I.Event(exception);
			take(exception, event.startDate, `${keyOf(uid)}/${stampOf(event.recurrenceId)}`, false);
		} catch {
			// Left out, as above.
		}
	}
	for (const [uid, event] of events0) {
		const master = event.component;
		try {
			const iterator = event.iterator();
			for (let n = 0, next = iterator.next(); next && n < MAX_OCCURRENCES; n++, next = iterator.next()) {
				const details = event.getOccurrenceDetails(next);
				const start = localStart(details.startDate, tzidOf(details.item.component, "dtstart"), I);
				// The original start is past the window's end by more than a month: later ones are too.
				if (localStart(next, tzidOf(master, "dtstart"), I).date > addDaysToDay(window.to, 31)) break;
				if (start.date < window.from || start.date > window.to) {
					outside++;
					continue;
				}
				take(details.item.component, details.startDate, `${keyOf(uid)}/${stampOf(details.recurrenceId)}`, isCancelled(master), master);
			}
		} catch {
			// A rule ical.js cannot follow: the series is left out.
		}
	}
	return { events, outside };
}
