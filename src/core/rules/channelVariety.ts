import type { IsoDay } from "../text/dates";
import type { ProspectNote } from "../read/note";
import type { TouchbaseSettings } from "../settings/settings";

/** Calls, phone and voicemail reach them the same way; so do text and SMS. */
function channelFamily(channel: string): string {
	if (["call", "phone", "voicemail"].includes(channel)) return "call";
	if (["text", "sms"].includes(channel)) return "text";
	return channel;
}

/**
 * The channel to suggest next: a different one (outside the last one's family) when the last
 * three touches on one channel got no answer. Null when nothing needs to change.
 */
export function channelToVary(prospect: ProspectNote, today: IsoDay, settings: TouchbaseSettings): { channel: string; instead: string } | null {
	const done = prospect.touches.filter((t) => t.check === "done" || (t.check === "none" && t.date <= today));
	const last = done.slice(-3);
	if (last.length < 3 || last.some((t) => t.channel === null || t.channel !== last[0].channel || t.outcome !== null)) return null;
	const instead = last[0].channel!;
	const candidates = [settings.defaultChannel, "email", "text", "linkedin", ...settings.channels];
	const channel = candidates.find((c) => settings.channels.includes(c) && channelFamily(c) !== channelFamily(instead)) ?? null;
	return channel ? { channel, instead } : null;
}
