// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { channelToVary } from "../../src/core/rules/channelVariety";
import { readNote } from "../../src/core/read/note";
import { DEFAULT_SETTINGS } from "../../src/core/settings/settings";
import TouchbasePlugin from "../../src/plugin/main";
import { VIEW_TYPE_FOLLOW_UPS, type FollowUpsView } from "../../src/plugin/views/followUpsView";
import { openVault } from "../fakes/harness";
import { getSetting, lastModal, loadPlugin, runCommand } from "../fakes/obsidian";
import { DEMO_DAY } from "./setup";

beforeEach(() => {
	vi.useFakeTimers({ toFake: ["Date"] });
	vi.setSystemTime(DEMO_DAY);
});
afterEach(() => {
	vi.useRealTimers();
});

const SILENT = "---\nchannel: call\n---\n- 2026-10-01 call: left a message\n- 2026-10-05 call: no answer\n- 2026-11-18 call: voicemail again\n- [ ] 2026-11-20 call: try again\n";

describe("channel variety", () => {
	it("suggests another channel after three unanswered touches on one channel, not otherwise", () => {
		const vary = (text: string) => channelToVary(readNote("Prospects/A.md", text, DEFAULT_SETTINGS).prospect!, "2026-11-23", DEFAULT_SETTINGS);
		expect(vary(SILENT)).toEqual({ instead: "call", channel: "email" });
		expect(vary(SILENT.replace(/call:/g, "email:").replace("channel: call", "channel: email"))).toEqual({ instead: "email", channel: "text" });
		expect(vary(SILENT.replace("voicemail again", "she answered (outcome: next step)"))).toBeNull();
		expect(vary(SILENT.replace("2026-11-18 call", "2026-11-18 email"))).toBeNull();
		expect(vary("- 2026-11-14 call: a\n- 2026-11-18 call: b\n")).toBeNull();
	});

	it("shows the suggestion on the row and proposes it in Log a touch", async () => {
		const { app } = openVault({ "Prospects/Silent.md": SILENT });
		await loadPlugin(TouchbasePlugin, app);
		await runCommand(app, "open-follow-ups");
		await app.settle();
		const view = app.workspace.getLeavesOfType(VIEW_TYPE_FOLLOW_UPS)[0].view as unknown as FollowUpsView;
		const hint = view.contentEl.querySelector(".touchbase-vary")?.textContent;
		expect(hint).toMatch(/^3 call touches, no answer: try \w+$/);
		await app.workspace.setActiveFile(app.vault.getFileByPath("Prospects/Silent.md")!);
		await runCommand(app, "log-touch");
		const modal = lastModal()!;
		const suggested = hint!.replace(/^.*try /, "");
		expect(getSetting(modal.contentEl, "Channel").querySelector("select")?.value).toBe(suggested);
		expect(modal.contentEl.querySelector(".touchbase-hint")?.textContent).toBe(`The last three call touches got no answer: try ${suggested}.`);
	});
});
