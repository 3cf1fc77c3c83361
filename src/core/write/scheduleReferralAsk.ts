import type { IsoDay } from "../text/dates";
import type { EditResult } from "../text/edits";
import type { TouchbaseSettings } from "../settings/settings";
import type { Touch } from "../read/note";
import { performCommand } from "./performCommand";
import { scheduleOn } from "./scheduleTouch";

/**
 * The referral ask offered after Mark won / Mark lost: an open line in the closed note, due on its
 * date like any open line of a closed note (README, "What is due"), so `next_follow_up` mirrors it.
 */
export function scheduleReferralAsk(text: string, path: string, date: IsoDay, settings: TouchbaseSettings, today: IsoDay, linked: readonly Touch[] = []): EditResult & { line?: string } {
	const input = { date, time: null, channel: settings.defaultChannel, summary: "ask for a referral", objective: "referral" };
	return performCommand(text, path, settings, today, (note) => scheduleOn(note, input), { history: false, linked });
}
