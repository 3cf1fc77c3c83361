import { describe, expect, it } from "vitest";
import { getHeapStatistics } from "node:v8";
import { collectNow, COLLECT_FROM_BYTES, growHeapSlowly } from "../../src/cli/heapGrowth";

// Vitest runs each test file in a process of its own (forks), so the tuning stays in this file's.
describe("collectNow", () => {
	it("collects what became garbage, at once, in the command line's process", () => {
		growHeapSlowly();
		let junk: { n: number; s: string }[] | null = Array.from({ length: 1_500_000 }, (_, n) => ({ n, s: `note ${n}` }));
		const before = getHeapStatistics().used_heap_size;
		expect(before).toBeGreaterThan(COLLECT_FROM_BYTES);
		expect(junk.length).toBe(1_500_000);
		junk = null;
		collectNow();
		expect(before - getHeapStatistics().used_heap_size).toBeGreaterThan(40 << 20);
	});
});
