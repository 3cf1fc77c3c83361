import { describe, expect, it } from "vitest";
import { channelToVary } from "../../../src/core/rules/channelVariety";
import { DEFAULT_SETTINGS } from "../../../src/core/settings/settings";
import { note, settingsWith } from "../../helpers/noteBuilder";

// README, "The follow-ups view": when the last three touches on one channel got no answer, the row
// suggests another channel.
const TODAY = "2026-11-23";
const vary = (lines: string[], settings = DEFAULT_SETTINGS) => channelToVary(note().line(...lines).read("Prospects/A.md", settings).prospect!, TODAY, settings);
const three = (channel: string) => [`- 2026-11-01 ${channel}: a`, `- 2026-11-05 ${channel}: b`, `- 2026-11-09 ${channel}: c`];

describe("another channel after three unanswered touches on one", () => {
	it("suggests the default channel, or the first of email, text, linkedin outside the silent one's family", () => {
		expect(vary(three("call"))).toEqual({ channel: "email", instead: "call" });
		expect(vary(three("email"))).toEqual({ channel: "text", instead: "email" });
		expect(vary(three("text"))).toEqual({ channel: "email", instead: "text" });
		expect(vary(three("linkedin"))).toEqual({ channel: "email", instead: "linkedin" });
	});

	it("treats call, phone and voicemail as one way to reach them, and text and SMS as one", () => {
		const calls = ["- 2026-11-01 phone: a", "- 2026-11-05 phone: b", "- 2026-11-09 phone: c"];
		const settings = settingsWith({ defaultChannel: "voicemail" });
		expect(vary(calls, settings)).toEqual({ channel: "email", instead: "phone" });
		const texts = settingsWith({ defaultChannel: "sms" });
		expect(vary(three("text"), texts)).toEqual({ channel: "email", instead: "text" });
		// With email gone from the channels, text is next; from a text silence, linkedin.
		const noEmail = settingsWith({ defaultChannel: "call", channels: ["call", "text", "sms", "linkedin"] });
		expect(vary(three("call"), noEmail)).toEqual({ channel: "text", instead: "call" });
		expect(vary(three("sms"), settingsWith({ defaultChannel: "sms", channels: ["text", "sms", "linkedin"] }))).toEqual({ channel: "linkedin", instead: "sms" });
		// Each of the family, whichever was used: never suggested for another of its family.
		for (const [silent, family] of [["call", ["phone", "voicemail"]], ["phone", ["call", "voicemail"]], ["voicemail", ["call", "phone"]], ["text", ["sms"]], ["sms", ["text"]]] as const) {
			for (const other of family) expect(vary(three(silent), settingsWith({ defaultChannel: other })), `${silent} then ${other}`).toEqual({ channel: "email", instead: silent });
		}
		// Email silent and email the default: text, the next of the fixed order.
		expect(vary(three("email"), settingsWith({ defaultChannel: "email", channels: ["email", "linkedin", "text"] }))).toEqual({ channel: "text", instead: "email" });
	});

	it("falls back to the first listed channel of another family, and to nothing when there is none", () => {
		expect(vary(three("call"), settingsWith({ defaultChannel: "call", channels: ["call", "phone", "visit"] }))).toEqual({ channel: "visit", instead: "call" });
		expect(vary(three("call"), settingsWith({ defaultChannel: "call", channels: ["call", "phone", "voicemail"] }))).toBeNull();
	});

	it("looks at the last three done touches only: an older answer or another channel before them does not matter", () => {
		expect(vary(["- 2026-10-01 email: yes (outcome: yes)", ...three("call")])).toEqual({ channel: "email", instead: "call" });
		expect(vary(["- [x] 2026-10-20 call: a", "- 2026-11-05 call: b", "- 2026-11-09 call: c"])).toEqual({ channel: "email", instead: "call" });
	});

	it("says nothing when one of the three got an answer, was on another channel or on none, or there are fewer", () => {
		expect(vary(["- 2026-11-01 call: a", "- 2026-11-05 call: b (outcome: no)", "- 2026-11-09 call: c"])).toBeNull();
		expect(vary(["- 2026-11-01 call: a", "- 2026-11-05 call: b", "- 2026-11-09 call: c (outcome: next step)"])).toBeNull();
		expect(vary(["- 2026-11-01 call: a", "- 2026-11-05 email: b", "- 2026-11-09 call: c"])).toBeNull();
		expect(vary(["- 2026-11-01 email: a", "- 2026-11-05 call: b", "- 2026-11-09 call: c"])).toBeNull();
		expect(vary(["- 2026-11-01 call: a", "- 2026-11-05 call: b", "- 2026-11-09 call: c", "- 2026-11-10 met at the fair"])).toBeNull();
		expect(vary(["- 2026-11-01 a", "- 2026-11-05 b", "- 2026-11-09 c"])).toBeNull();
		expect(vary(three("call").slice(1))).toBeNull();
	});

	it("counts only touches done by today: scheduled, open and cancelled lines are not touches yet", () => {
		expect(vary([...three("call").slice(1), "- 2026-11-30 call: later"])).toBeNull();
		expect(vary([...three("call").slice(1), "- [ ] 2026-11-20 call: open"])).toBeNull();
		expect(vary([...three("call").slice(1), "- [-] 2026-11-20 call: cancelled"])).toBeNull();
		expect(vary([...three("call").slice(1), `- ${TODAY} call: today`])).toEqual({ channel: "email", instead: "call" });
		expect(vary([...three("call").slice(1), "- [x] 2026-11-20 call: done"])).toEqual({ channel: "email", instead: "call" });
	});
});
