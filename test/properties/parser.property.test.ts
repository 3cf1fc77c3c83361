import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { BUCKETS } from "../../src/core/rules/due";
import { readNote } from "../../src/core/read/note";
import { dueJson } from "../../src/core/show/dueJson";
import { DEFAULT_SETTINGS } from "../../src/core/settings/settings";
import { ProspectIndex } from "../../src/core/index/prospectIndex";
import { anyUnit, markdownish, noteText, RUNS, SEED } from "./arbitraries";

const TODAY = "2026-11-23";

function indexOf(path: string, text: string) {
	const index = new ProspectIndex(DEFAULT_SETTINGS);
	index.update(path, text);
	return dueJson(index.report(TODAY));
}

describe("the parser never throws, whatever the note", () => {
	it("on arbitrary UTF-16 (lone surrogates, control characters, lone \\r)", () => {
		fc.assert(
			fc.property(fc.string({ unit: anyUnit, maxLength: 400 }), (text) => {
				const json = indexOf("Prospects/X.md", text);
				expect(json.prospects.length + json.problems.length).toBeGreaterThanOrEqual(1);
			}),
			{ seed: SEED, numRuns: RUNS },
		);
	});

	it("on markdown-like notes, and every prospect lands in exactly one bucket", () => {
		fc.assert(
			fc.property(noteText, fc.constantFrom("Prospects/X.md", "Notes/X.md"), (text, path) => {
				const json = indexOf(path, text);
				for (const p of json.prospects) expect(BUCKETS).toContain(p.bucket);
				const total = BUCKETS.reduce((sum, b) => sum + json.counts[b], 0);
				expect(total).toBe(json.prospects.length);
				expect(json.counts.problems).toBe(json.problems.length);
				for (const problem of json.problems) expect(problem.line === null || problem.line >= 1).toBe(true);
			}),
			{ seed: SEED, numRuns: RUNS * 2 },
		);
	});

	it("on single lines of any shape", () => {
		fc.assert(
			fc.property(markdownish, (line) => {
				expect(() => readNote("Prospects/X.md", `- 2026-11-20 call: ${line}\n${line}`, DEFAULT_SETTINGS)).not.toThrow();
			}),
			{ seed: SEED, numRuns: RUNS * 2 },
		);
	});
});

// Not in mutation runs (docs/testing.md): instrumented code is many times slower, and a time bound
// is not what they measure.
describe.skipIf(process.env.TOUCHBASE_MUTATION === "1")("large inputs finish (the suite's time-out is the bound; speed is in the benchmark)", () => {
	it("10,000 list items", () => {
		const text = Array.from({ length: 10_000 }, (_, i) => `- 2026-${String((i % 12) + 1).padStart(2, "0")}-10 call: touch ${i} → next: in 3 days`).join("\n");
		expect(readNote("Prospects/X.md", text, DEFAULT_SETTINGS).prospect?.touches).toHaveLength(10_000);
	});

	it("a 1 MB line of every awkward kind", () => {
		for (const unit of [" ", "-", "[", "#", "`", "<!--", "%", ":", "next: ", "objective: ", "\t", "a"]) {
			const line = unit.repeat(Math.ceil(1_000_000 / unit.length));
			expect(() => readNote("Prospects/X.md", `- 2026-11-20 call: ${line}`, DEFAULT_SETTINGS)).not.toThrow();
			expect(() => readNote("Prospects/X.md", line, DEFAULT_SETTINGS)).not.toThrow();
		}
	});

	it("a 5 MB note", () => {
		const block = "## Notes\nSome prose about the client, their budget and the roof.\n- 2026-11-20 call: asked about the quote → next: in 2 days email\n- [ ] 2026-11-27 email: send it #objective/quote\n```\n- 2026-11-01 code, not a touch\n```\n";
		const text = `---\nstatus: active\n---\n${block.repeat(Math.ceil(5_000_000 / block.length))}`;
		const read = readNote("Prospects/Big.md", text, DEFAULT_SETTINGS);
		expect(read.prospect?.touches.length).toBe(Math.ceil(5_000_000 / block.length) * 2);
	});
});
