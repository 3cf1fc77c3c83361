/**
 * Going cold (README, "Going cold"): an open prospect nobody touched for longer than its status
 * allows (`coldDays`: lead 14, active 21 by default; 0 turns it off), whatever its next date is.
 * A promise three months out does not keep a deal warm.
 */
import { daysBetween, type IsoDay } from "../text/dates";
import type { Status } from "../read/note";
import type { TouchbaseSettings } from "../settings/settings";

export interface ColdState {
	/** Whether the prospect is going cold today. */
	cold: boolean;
	/** Calendar days since the last done touch; null with no touch yet. */
	daysSinceTouch: number | null;
}

/**
 * Where a prospect stands: days since its last touch, and whether that is longer than its
 * status allows. With no touch yet, the days since `created` decide (a lead never contacted
 * goes cold too); with neither, it is not cold. Paused, won and lost prospects never are.
 */
export function goingCold(status: Status, lastTouch: IsoDay | null, created: IsoDay | null, today: IsoDay, settings: Pick<TouchbaseSettings, "coldDays">): ColdState {
	const daysSinceTouch = lastTouch !== null && lastTouch <= today ? daysBetween(lastTouch, today) : null;
	const limit = status === "lead" ? settings.coldDays.lead : status === "active" ? settings.coldDays.active : 0;
	if (limit <= 0) return { cold: false, daysSinceTouch };
	const since = daysSinceTouch ?? (created !== null && created <= today ? daysBetween(created, today) : null);
	return { cold: since !== null && since > limit, daysSinceTouch };
}
