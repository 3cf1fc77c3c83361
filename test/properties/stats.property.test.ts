import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { migrateSettings } from "../../src/core/settings/settings";
import { ProspectIndex } from "../../src/core/index/prospectIndex";
import { computeStats } from "../../src/core/rules/stats";
import { dueText, statsText } from "../../src/core/show/cliText";
import { statsByOwnerText } from "../../src/core/show/ownerStats";
import { addDaysToDay } from "../../src/core/text/dates";
import { noteText as anyNote, RUNS, SEED } from "./arbitraries";

// No vault and no day makes the Stats tab, `touchbase stats` or the due list throw (README,
// "Problems": nothing you write can make it crash). Touch lines fall before, on and after the day
// asked about, checked off or not, as Tasks lines too, so a touch done ahead of its day is covered.

const DAY0 = "2026-11-23";
const day = fc.integer({ min: -120, max: 120 }).map((n) => addDaysToDay(DAY0, n));

const touchLine = fc
	.record({
		box: fc.constantFrom("", "[ ] ", "[x] ", "[-] "),
		date: day,
		channel: fc.constantFrom("call", "email", "meeting", ""),
		next: fc.oneof(fc.constant(""), day.map((d) => ` → next: ${d} call`), fc.constantFrom(" next: tomorrow", " next: bogus")),
		outcome: fc.constantFrom("", " (outcome: yes)", " (outcome: no)"),
		tasks: fc.oneof(fc.constant(null), fc.tuple(day, fc.option(day), fc.option(day))),
	})
	.map(({ box, date, channel, next, outcome, tasks }) =>
		tasks
			? `- ${box || "[ ] "}Call Omar 📅 ${tasks[0]}${tasks[1] ? ` ⏳ ${tasks[1]}` : ""}${tasks[2] ? ` ✅ ${tasks[2]}` : ""}`
			: `- ${box}${date} ${channel}${channel ? ":" : ""} x${outcome}${next}`,
	);

const structured = fc
	.record({
		status: fc.constantFrom("active", "lead", "paused", "won", "lost", "weird", ""),
		value: fc.constantFrom("1000", "", "x"),
		created: fc.oneof(day, fc.constant("2026-02-30")),
		cadence: fc.constantFrom("", "cadence: none", "cadence: 3d, 1w", "cadence: bogus"),
		owner: fc.constantFrom("", "owner: Jane", "owner: [Jane, Omar]"),
		lastContact: fc.oneof(fc.constant(""), day.map((d) => `last_contacted: ${d}`)),
		touches: fc.array(touchLine, { maxLength: 8 }),
	})
	.map(({ status, value, created, cadence, owner, lastContact, touches }) =>
		["---", `status: ${status}`, `value: ${value}`, `created: ${created}`, cadence, owner, lastContact, "---", ...touches].join("\n"),
	);

const vault = fc.array(fc.oneof({ weight: 4, arbitrary: structured }, { weight: 1, arbitrary: anyNote }), { maxLength: 8 });

describe("stats and the due list on any vault and any day", () => {
	it("never throw", () => {
		fc.assert(
			fc.property(vault, day, (notes, today) => {
				const settings = migrateSettings(undefined);
				const index = new ProspectIndex(settings);
				notes.forEach((text, i) => index.update(`Prospects/P${i}.md`, text));
				const report = index.report(today);
				const stats = computeStats(report.entries, today);
				// Every done touch up to this week's end is in a weekly bar or before the chart.
				expect(stats.weeks).toHaveLength(12);
				expect(() => statsText(report, false)).not.toThrow();
				expect(() => statsText(report, true)).not.toThrow();
				expect(() => statsByOwnerText(report, false)).not.toThrow();
				expect(() => dueText(report, "vault", false)).not.toThrow();
				expect(() => dueText(report, "vault", true)).not.toThrow();
			}),
			{ seed: SEED, numRuns: RUNS },
		);
	});
});
