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

const FREQUENCIES: Record<string, Interval> = {
	daily: { amount: 1, unit: "d" },
	weekly: { amount: 1, unit: "w" },
	biweekly: { amount: 2, unit: "w" },
	fortnightly: { amount: 2, unit: "w" },
	everyotherweek: { amount: 2, unit: "w" },
	monthly: { amount: 1, unit: "mo" },
	bimonthly: { amount: 2, unit: "mo" },
	quarterly: { amount: 3, unit: "mo" },
	semiannually: { amount: 6, unit: "mo" },
	biannually: { amount: 6, unit: "mo" },
	yearly: { amount: 1, unit: "y" },
	annually: { amount: 1, unit: "y" },
};

/** Reads `3d, 1w, 2w, 1mo`, `every 6 weeks`, `monthly` (or `none`). Returns an error message for anything else. */
export function parseCadence(text: string): Cadence | { error: string } {
	const trimmed = text.trim().replace(/^every\s+(?=\d)/i, "");
	if (/^(none|off|no)$/i.test(trimmed)) return { kind: "none" };
	// A keep-in-touch frequency (`monthly`, `every 6 weeks`): one step, repeating.
	const word = FREQUENCIES[trimmed.toLowerCase().replace(/[\s_-]+/g, "")];
	if (word !== undefined) return { kind: "steps", steps: [word] };
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
