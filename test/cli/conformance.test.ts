import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { dueJson, FIXTURES } from "../helpers/cli";

const dir = join(FIXTURES, "conformance");
const expected = JSON.parse(readFileSync(join(dir, "expected.json"), "utf8")) as {
	today: string;
	counts: Record<string, number>;
	prospects: Record<string, unknown>[];
	problems: { path: string }[];
};

describe("the shared conformance vault (its answer worked out by hand)", () => {
	const actual = dueJson(join(dir, "vault"), expected.today);

	it("gives the expected counts per bucket", () => {
		expect(actual.today).toBe(expected.today);
		expect(actual.counts).toEqual(expected.counts);
	});

	it.each(expected.prospects.map((p) => [p.path as string, p] as const))("gives the fixed fields of %s", (path, fields) => {
		const found = actual.prospects.find((p) => p.path === path);
		expect(found).toBeDefined();
		expect(found).toMatchObject(fields);
	});

	it("lists exactly the expected prospects", () => {
		expect(actual.prospects.map((p) => p.path).sort()).toEqual(expected.prospects.map((p) => p.path).sort());
	});

	it("reports a problem for each note the answer names, and counts them", () => {
		for (const p of expected.problems) expect(actual.problems.some((q) => q.path === p.path)).toBe(true);
		expect(actual.counts.problems).toBe(actual.problems.length);
	});
});
