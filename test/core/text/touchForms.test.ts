// Each touch-line form reads what it writes (docs/architecture.md, "Add a touch form").
import { describe, expect, it } from "vitest";
import { deserializeTouch, serializeTouch, TOUCH_FORMS } from "../../../src/core/text/touchLine";
import { DEFAULT_SETTINGS } from "../../../src/core/settings/settings";

const CHANNELS = DEFAULT_SETTINGS.channels;
const LINES: Record<string, string> = {
	plain: "- [x] 2026-11-20 14:30 call: walked through the quote",
	wikilink: "  * [[2026-11-20|Friday]] coffee met at the mixer",
	bold: "1. **2026-11-20** email: sent the quote",
	tasks: "- [ ] Call Omar about the renewal ⏳ 2026-12-05 📅 2026-12-07",
};

describe("touch forms", () => {
	it.each(TOUCH_FORMS.map((f) => f.name))("%s reads its own lines and writes them back as they were", (name) => {
		const form = TOUCH_FORMS.find((f) => f.name === name)!;
		const line = LINES[name];
		const read = deserializeTouch(line, CHANNELS);
		if (read.kind !== "touch") throw new Error(`${line} is not read`);
		expect(read.touch.dateForm).toBe(name);
		expect(form.write(read.touch)).toBe(line);
		expect(serializeTouch(read.touch)).toBe(line);
	});

	it("a form that does not fit says so with null, and the line is tried on the next", () => {
		const item = { indent: "", bullet: "-", checkbox: null };
		for (const form of TOUCH_FORMS) expect(form.read("call Omar", item, CHANNELS)).toBeNull();
		expect(TOUCH_FORMS[0].read("2026-02-30 call", item, CHANNELS)).toEqual({ kind: "problem", message: "2026-02-30 is not a real date" });
	});
});
