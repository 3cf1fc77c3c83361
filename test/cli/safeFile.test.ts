import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { readRegularFile } from "../../src/cli/safeFile";

describe("readRegularFile into a scratch buffer (docs/performance.md, \"Cold run's memory\")", () => {
	let dir = "";
	afterEach(() => rmSync(dir, { recursive: true, force: true }));

	it("reads a smaller file into the scratch buffer, one after the other, and a bigger one into its own", () => {
		dir = mkdtempSync(join(tmpdir(), "tb-scratch-"));
		writeFileSync(join(dir, "a.md"), "first note, longer than the next");
		writeFileSync(join(dir, "b.md"), "second");
		writeFileSync(join(dir, "c.md"), "x".repeat(100));
		writeFileSync(join(dir, "empty.md"), "");
		const scratch = Buffer.alloc(64);
		const a = readRegularFile(join(dir, "a.md"), 1000, scratch);
		expect(a.bytes.buffer).toBe(scratch.buffer);
		expect(a.bytes.toString()).toBe("first note, longer than the next");
		expect(a.whole).toBe(true);
		const b = readRegularFile(join(dir, "b.md"), 1000, scratch);
		expect(b.bytes.toString()).toBe("second");
		expect(b.whole).toBe(true);
		const c = readRegularFile(join(dir, "c.md"), 1000, scratch);
		expect(c.bytes.buffer).not.toBe(scratch.buffer);
		expect(c.bytes.toString()).toBe("x".repeat(100));
		expect(readRegularFile(join(dir, "empty.md"), 1000, scratch).bytes.length).toBe(0);
		// Without one, each file has its own memory (a parse thread may be handed it).
		expect(readRegularFile(join(dir, "b.md"), 1000).bytes.buffer).not.toBe(scratch.buffer);
	});

	it("still refuses a file over the cap", () => {
		dir = mkdtempSync(join(tmpdir(), "tb-scratch-"));
		writeFileSync(join(dir, "big.md"), "y".repeat(50));
		expect(() => readRegularFile(join(dir, "big.md"), 10, Buffer.alloc(64))).toThrow(/larger|too large|KB|bytes/i);
	});
});
