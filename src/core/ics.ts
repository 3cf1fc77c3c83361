import { addDaysToDay, type IsoDay } from "./dates";
import type { DueReport } from "./vaultIndex";

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

/** A short stable hash (FNV-1a) so the same prospect keeps the same UID across exports. */
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

/** One event per prospect with a next touch (all-day, or timed in floating local time). */
export function buildIcs(report: DueReport, stamp: Date = new Date()): string {
	const dtstamp = stamp.toISOString().replace(/[-:]/g, "").replace(/\.\d{3}/, "");
	const lines = ["BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//Touchbase//Follow-ups//EN", "CALSCALE:GREGORIAN"];
	for (const entry of report.entries) {
		const next = entry.next;
		if (!next) continue;
		const p = entry.prospect;
		const channel = next.channel ?? "follow up";
		const title = `${channel.charAt(0).toUpperCase()}${channel.slice(1)} ${p.contact ?? p.name}${p.company && p.company !== p.name ? ` (${p.company})` : ""}`;
		// One event per prospect, keyed by its note alone: a line added above the touch, a snooze or
		// a new next step updates the same event instead of leaving a stale copy in the calendar.
		lines.push("BEGIN:VEVENT", `UID:${stableId(p.path)}@touchbase`, `DTSTAMP:${dtstamp}`);
		if (next.time) {
			lines.push(`DTSTART:${compact(next.date)}T${next.time.replace(":", "")}00`, "DURATION:PT30M");
		} else {
			lines.push(`DTSTART;VALUE=DATE:${compact(next.date)}`, `DTEND;VALUE=DATE:${compact(addDaysToDay(next.date, 1))}`);
		}
		lines.push(`SUMMARY:${escapeText(title)}`);
		const description = [next.text, next.suggested ? "Suggested by the cadence" : null, `Note: ${p.path}`].filter((s): s is string => !!s).join("\n");
		lines.push(`DESCRIPTION:${escapeText(description)}`, "END:VEVENT");
	}
	lines.push("END:VCALENDAR");
	return lines.map(foldLine).join("\r\n") + "\r\n";
}
