import { addDaysToDay, type ClockTime, type IsoDay } from "../text/dates";
import { isScheduled, type DueEntry } from "../rules/due";
import type { DueReport } from "../rules/dueReport";

/** RFC 5545 TEXT escaping. */
export function escapeText(value: string): string {
	return value.replace(/\\/g, "\\\\").replace(/;/g, "\\;").replace(/,/g, "\\,").replace(/\r\n|\r|\n/g, "\\n");
}

/** Folds a content line at 75 octets, never inside a UTF-8 character. */
export function foldLine(line: string): string {
	const encoder = new TextEncoder();
	const parts: string[] = [];
	let current = "";
	let size = 0;
	let limit = 75;
	for (const ch of line) {
		const bytes = encoder.encode(ch).length;
		if (size + bytes > limit) {
			parts.push(current);
			current = "";
			size = 0;
			limit = 74; // continuation lines start with a space
		}
		current += ch;
		size += bytes;
	}
	parts.push(current);
	return parts.join("\r\n ");
}

/** A short stable hash (FNV-1a), so the same touch keeps the same UID across exports. */
function stableId(text: string): string {
	let h = 0x811c9dc5;
	for (let i = 0; i < text.length; i++) {
		h ^= text.charCodeAt(i);
		h = Math.imul(h, 0x01000193) >>> 0;
	}
	return h.toString(16).padStart(8, "0");
}

function compact(day: IsoDay): string {
	return day.replace(/-/g, "");
}

export interface IcsOptions {
	/** DTSTAMP; by default midnight UTC of the report's day, so an unchanged list exports unchanged. */
	stamp?: Date;
	/** The vault's name, for `obsidian://open` links in the descriptions. */
	vaultName?: string;
	/** When a date-only touch reminds (`HH:mm`, the digest time setting); default 09:00. */
	digestTime?: string;
}

/**
 * The alarm of an event (README, "Calendar"): a display alarm at a timed touch's start, and at
 * the digest time on the day of a date-only one (an offset from its floating local midnight).
 */
function alarmLines(title: string, timed: boolean, digestTime: string): string[] {
	const m = /^(\d{2}):(\d{2})$/.exec(digestTime);
	const hours = m ? Number(m[1]) : 9;
	const minutes = m ? Number(m[2]) : 0;
	const trigger = timed ? "PT0S" : hours === 0 && minutes === 0 ? "PT0S" : `PT${hours > 0 ? `${hours}H` : ""}${minutes > 0 ? `${minutes}M` : ""}`;
	return ["BEGIN:VALARM", "ACTION:DISPLAY", `DESCRIPTION:${escapeText(title)}`, `TRIGGER:${trigger}`, "END:VALARM"];
}

interface CalendarTouch {
	uid: string;
	date: IsoDay;
	time: ClockTime | null;
	channel: string | null;
	text: string | null;
	objective: string | null;
	suggested: boolean;
}

/**
 * The touches of one prospect that belong in a calendar: every open scheduled touch line, and
 * the due touch when it is not a line (a promised next step, next_follow_up, or a suggestion).
 * A line's UID comes from its note and its words, not its date or place: a snooze or a line
 * added above updates the event instead of leaving a stale copy.
 */
function calendarTouches(entry: DueEntry, today: IsoDay): CalendarTouch[] {
	const p = entry.prospect;
	const out: CalendarTouch[] = [];
	const seen = new Map<string, number>();
	for (const t of p.touches) {
		if (!isScheduled(t, today)) continue;
		const key = `${t.channel ?? ""}|${t.summary}|${t.objective ?? ""}`;
		const n = seen.get(key) ?? 0;
		seen.set(key, n + 1);
		out.push({
			uid: stableId(`${p.path}|line|${key}|${n}`),
			date: t.date,
			time: t.time,
			channel: t.channel ?? p.channel,
			text: t.summary || null,
			objective: t.objective,
			suggested: false,
		});
	}
	const next = entry.next;
	if (next && next.source !== "scheduled") {
		out.push({ uid: stableId(`${p.path}|next`), date: next.date, time: next.time, channel: next.channel, text: next.text, objective: next.objective, suggested: next.suggested });
	}
	return out;
}

/**
 * One event per open or suggested touch of every open prospect: all-day, or timed (floating
 * local time, 30 minutes) when the line has a time; each with its alarm.
 */
export function buildIcs(report: DueReport, options: IcsOptions | Date = {}): string {
	const { stamp, vaultName, digestTime = "09:00" } = options instanceof Date ? { stamp: options, vaultName: undefined, digestTime: undefined } : options;
	const dtstamp = stamp ? stamp.toISOString().replace(/[-:]/g, "").replace(/\.\d{3}/, "") : `${compact(report.today)}T000000Z`;
	const lines = ["BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//Touchbase//Follow-ups//EN", "CALSCALE:GREGORIAN"];
	for (const entry of report.entries) {
		if (entry.bucket === "closed" || entry.bucket === "paused") continue;
		const p = entry.prospect;
		for (const touch of calendarTouches(entry, report.today)) {
			const channel = touch.channel ?? "follow up";
			const who = p.contact ?? p.name;
			const title = `${channel.charAt(0).toUpperCase()}${channel.slice(1)} ${who}${p.company && p.company !== who ? ` (${p.company})` : ""}`;
			lines.push("BEGIN:VEVENT", `UID:${touch.uid}@touchbase`, `DTSTAMP:${dtstamp}`);
			if (touch.time) {
				lines.push(`DTSTART:${compact(touch.date)}T${touch.time.replace(":", "")}00`, "DURATION:PT30M");
			} else {
				lines.push(`DTSTART;VALUE=DATE:${compact(touch.date)}`, `DTEND;VALUE=DATE:${compact(addDaysToDay(touch.date, 1))}`);
			}
			lines.push(`SUMMARY:${escapeText(title)}`);
			const last = entry.lastTouch?.summary ? `Last touch (${entry.lastTouch.date}): ${entry.lastTouch.summary}` : null;
			const link = vaultName ? `obsidian://open?vault=${encodeURIComponent(vaultName)}&file=${encodeURIComponent(p.path.replace(/\.md$/i, ""))}` : null;
			const description = [
				touch.text,
				touch.objective ? `Objective: ${touch.objective}` : null,
				touch.suggested ? "Suggested by the cadence" : null,
				last,
				`Note: ${p.path}`,
				link,
			].filter((s): s is string => !!s);
			lines.push(`DESCRIPTION:${escapeText(description.join("\n"))}`);
			if (link) lines.push(`URL:${link}`);
			lines.push(...alarmLines(title, touch.time !== null, digestTime), "END:VEVENT");
		}
	}
	lines.push("END:VCALENDAR");
	return lines.map(foldLine).join("\r\n") + "\r\n";
}
