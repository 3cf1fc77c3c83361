import { describe, expect, it } from "vitest";
import { memo } from "../../../src/core/text/memo";

describe("memo", () => {
	it("computes each key once, and keeps at most `limit` answers, dropping the oldest first", () => {
		const asked: string[] = [];
		const upper = memo(2, (key: string) => {
			asked.push(key);
			return key.toUpperCase();
		});
		expect([upper("a"), upper("a"), upper("b")]).toEqual(["A", "A", "B"]);
		expect(asked).toEqual(["a", "b"]);
		upper("c"); // full: "a" goes
		upper("b");
		upper("a");
		expect(asked).toEqual(["a", "b", "c", "a"]);
	});

	it("keeps null and false answers too", () => {
		let calls = 0;
		const none = memo(4, () => {
			calls++;
			return null;
		});
		none("x");
		none("x");
		expect(calls).toBe(1);
	});
});
