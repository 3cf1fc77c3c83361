import { addInterval, skipWeekend, type Interval, type IntervalUnit, type IsoDay } from "./dates";

export type Cadence = { kind: "none" } | { kind: "steps"; steps: Interval[] };

const STEP = /^(\d{1,4})\s*(d|days?|w|wks?|weeks?|mo|mos|months?|y|yrs?|years?)$/i;

function unitOf(word: string): IntervalUnit {
	const w = word.toLowerCase();
	if (w.startsWith("mo")) return "mo";
	if (w.startsWith("d")) return "d";
	if (w.startsWith("w")) return "w";
	return "y";
}

/** Reads `3d, 1w, 2w, 1mo` (or `none`). Returns an error message for anything else. */
export function parseCadence(text: string): Cadence | { error: string } {
	const trimmed = text.trim();
	if (/^(none|off|no)$/i.test(trimmed)) return { kind: "none" };
	const parts = trimmed.split(/[,;]/).map((p) => p.trim()).filter((p) => p !== "");
	if (parts.length === 0) return { error: "the cadence is empty" };
	const steps: Interval[] = [];
	for (const part of parts) {
		const m = STEP.exec(part);
		if (!m || Number(m[1]) === 0) {
			return { error: `cadence step "${part}" is not like 3d, 1w, 2mo or 1y` };
		}
		steps.push({ amount: Number(m[1]), unit: unitOf(m[2]) });
	}
	return { kind: "steps", steps };
}

/**
 * The suggested next touch after `doneCount` done touches, the latest on `lastDone`.
 * The last step repeats forever.
 */
export function cadenceSuggestion(
	cadence: Cadence,
	doneCount: number,
	lastDone: IsoDay,
	skipWeekends: boolean,
): IsoDay | null {
	if (cadence.kind === "none" || doneCount < 1) return null;
	const step = cadence.steps[Math.min(doneCount, cadence.steps.length) - 1];
	const day = addInterval(lastDone, step);
	return skipWeekends ? skipWeekend(day) : day;
}
