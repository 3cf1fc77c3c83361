import { describe, expect, it } from "vitest";
import { clipTo, displayWidth, fitTo, wrapJoined } from "../../../src/core/show/width";

describe("text in terminal columns", () => {
	it("counts wide characters and emoji as two, combining marks and joiners as none", () => {
		expect(displayWidth("abc")).toBe(3);
		expect(displayWidth("東京")).toBe(4);
		expect(displayWidth("ｶﾀｶﾅ")).toBe(4); // halfwidth katakana: one each
		expect(displayWidth("Ｆｕｌｌ")).toBe(8);
		expect(displayWidth("🎉")).toBe(2);
		expect(displayWidth("👩‍💻")).toBe(2);
		expect(displayWidth("e\u0301")).toBe(1);
		expect(displayWidth("한국어")).toBe(6);
	});

	it("cuts to a width with …, never through a wide character, and pads to it", () => {
		expect(clipTo("Harbor Roofing", 8)).toBe("Harbor …");
		expect(clipTo("東京商事", 6)).toBe("東京…");
		expect(displayWidth(clipTo("東京商事", 6))).toBe(5);
		expect(clipTo("short", 10)).toBe("short");
		expect(fitTo("東京商事", 6)).toBe("東京… ");
		expect(fitTo("ab", 4)).toBe("ab  ");
	});

	it("wraps joined parts at the width", () => {
		expect(wrapJoined(["overdue 3", "today 2", "upcoming 5"], " · ", 21)).toEqual(["overdue 3 · today 2 ·", "upcoming 5"]);
		expect(wrapJoined(["overdue 3", "today 2", "upcoming 5"], " · ", 20)).toEqual(["overdue 3 ·", "today 2 ·", "upcoming 5"]);
		expect(wrapJoined(["a", "b"], ", ", 80, "  ")).toEqual(["a, b"]);
	});
});
