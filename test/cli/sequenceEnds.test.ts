// What ends a sequence, from the command line (README, "Sequences"): `touchbase log` on a meeting
// channel, `touchbase status` to won, lost or paused, and a step dated after the previous one,
// written by `touchbase log` when that step is logged.
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { runCli, tempDir } from "../helpers/cli";

const TODAY = "2026-11-23";
const NOTE = [
	"---",
	"status: active",
	"---",
	"## Follow-ups",
	"- 2026-11-19 consult: needs",
	"- [ ] 2026-11-23 email: thank you #objective/thank-you #sequence/trade-show-lead",
	"- [ ] 2026-11-25 call: check fit #objective/check-fit #sequence/trade-show-lead",
	"- [ ] 2026-11-30 email: case study #objective/case-study #sequence/trade-show-lead",
	"- [ ] 2026-12-02 call: my own line",
	"",
].join("\n");

function vault(text: string = NOTE, data?: unknown): { note: string; read: () => string } {
	const dir = tempDir();
	mkdirSync(join(dir, ".obsidian", "plugins", "touchbase"), { recursive: true });
	mkdirSync(join(dir, "Prospects"));
	if (data !== undefined) writeFileSync(join(dir, ".obsidian", "plugins", "touchbase", "data.json"), JSON.stringify(data));
	const note = join(dir, "Prospects", "Acme.md");
	writeFileSync(note, text);
	return { note, read: () => readFileSync(note, "utf8") };
}

const lines = (text: string, mark: string): string[] => text.split("\n").filter((l) => l.startsWith(`- [${mark}]`));

describe("touchbase log on a meeting channel", () => {
	it("cancels the open sequence touches, keeps the others, and says so", () => {
		const v = vault();
		const r = runCli(["log", v.note, "--channel", "coffee", "--summary", "met them", "--today", TODAY]);
		expect(r.status).toBe(0);
		expect(r.stdout).toContain("A meeting ends the sequence: 2 open sequence touches were cancelled\n");
		expect(lines(v.read(), "-")).toHaveLength(2);
		expect(lines(v.read(), " ")).toEqual(["- [ ] 2026-12-02 call: my own line"]);
		expect(lines(v.read(), "x")).toEqual(["- [x] 2026-11-23 email: thank you #objective/thank-you #sequence/trade-show-lead"]);
	});

	it("not on a channel the vault's settings do not call a meeting", () => {
		const v = vault(NOTE, { meetingChannels: ["meeting"] });
		const r = runCli(["log", v.note, "--channel", "coffee", "--summary", "met them", "--today", TODAY]);
		expect(r.status).toBe(0);
		expect(r.stdout).not.toContain("ends the sequence");
		expect(lines(v.read(), "-")).toHaveLength(0);
	});
});

describe("touchbase status", () => {
	for (const status of ["won", "lost", "paused"]) {
		it(`${status}: sets the status and cancels the sequence's open touches, in one write; again, nothing`, () => {
			const v = vault();
			const r = runCli(["status", v.note, status, "--today", TODAY]);
			expect(r.status).toBe(0);
			expect(r.stdout).toContain(`status: ${status}\n`);
			expect(r.stdout).toMatch(/ends the sequence: 3 open sequence touches were cancelled\n$/);
			const after = v.read();
			expect(after).toContain(`status: ${status}\n`);
			expect(lines(after, " ")).toEqual(["- [ ] 2026-12-02 call: my own line"]);
			const again = runCli(["status", v.note, status, "--today", TODAY]);
			expect(again).toMatchObject({ status: 0, stdout: `${v.note} is already ${status}: nothing changed\n` });
			expect(v.read()).toBe(after);
		});
	}

	it("a sequence that does not end on pausing keeps running", () => {
		const v = vault(NOTE, { sequences: [{ name: "Trade-show lead", steps: [{ offset: 0, unit: "days", channel: "email" }], endsOn: ["answer", "won", "lost"] }] });
		const r = runCli(["status", v.note, "paused", "--today", TODAY]);
		expect(r.status).toBe(0);
		expect(r.stdout).toBe("status: paused\n");
		expect(lines(v.read(), " ")).toHaveLength(4);
	});

	it("refuses an unknown status and a broken note, changing nothing", () => {
		const v = vault();
		expect(runCli(["status", v.note, "maybe"]).status).toBe(2);
		const broken = vault(NOTE.replace("status: active", "status: active\ncompany: [oops"));
		const r = runCli(["status", broken.note, "won", "--today", TODAY]);
		expect(r.status).toBe(1);
		expect(broken.read()).toBe(NOTE.replace("status: active", "status: active\ncompany: [oops"));
	});
});

describe("a step dated after the previous one", () => {
	it("is written by touchbase log when the step before it is checked off, from that day", () => {
		const data = {
			sequences: [
				{
					name: "Chained",
					steps: [
						{ offset: 0, unit: "days", channel: "email", objective: "intro" },
						{ offset: 2, unit: "business days", after: "previous", channel: "call", objective: "check fit" },
					],
				},
			],
		};
		const v = vault("---\nstatus: active\n---\n## Follow-ups\n- [ ] 2026-11-20 email: intro #objective/intro #sequence/chained\n", data);
		const r = runCli(["log", v.note, "--channel", "email", "--summary", "sent the intro", "--today", TODAY]);
		expect(r.status).toBe(0);
		expect(r.stdout).toContain("Next step of Chained scheduled for 2026-11-25\n");
		expect(v.read()).toContain("- [x] 2026-11-20 email: intro #objective/intro #sequence/chained\n");
		expect(v.read()).toContain("- 2026-11-23 email: sent the intro\n- [ ] 2026-11-25 call: check fit #objective/check-fit #sequence/chained\n");
	});
});
