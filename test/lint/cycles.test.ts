// The circle check of `npm run lint` (scripts/check-cycles.mjs), on fixtures: a three-file circle
// held partly by type-only imports fails, a tree passes, and src/ itself has none.
import { spawnSync } from "node:child_process";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { FIXTURES } from "../helpers/files";

const ROOT = join(__dirname, "../..");

function check(dir: string): { status: number | null; out: string } {
	const r = spawnSync(process.execPath, [join(ROOT, "scripts/check-cycles.mjs"), dir], { cwd: ROOT, encoding: "utf8" });
	return { status: r.status, out: r.stdout + r.stderr };
}

describe("scripts/check-cycles.mjs", () => {
	it("fails on a circle, type-only imports included, naming its files", () => {
		const r = check(join(FIXTURES, "cycles/circle"));
		expect(r.status).toBe(1);
		expect(r.out).toMatch(/Import circle: .*circle\/a\.ts <-> .*circle\/b\.ts <-> .*circle\/c\.ts/);
	});

	it("passes a tree", () => {
		const r = check(join(FIXTURES, "cycles/tree"));
		expect(r.status).toBe(0);
		expect(r.out).toContain("No import circle");
	});

	it("finds none in src/", () => {
		expect(check(join(ROOT, "src")).status).toBe(0);
	});
});
