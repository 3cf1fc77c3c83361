import { describe, expect, it } from "vitest";
import { checkState, deserializeTouch, serializeTouch, type TouchLine, type TouchParse } from "../../../src/core/text/touchLine";
import { SPEC_CHANNELS, touch } from "../../helpers/touchBuilder";

const read = (line: string): TouchParse => deserializeTouch(line, SPEC_CHANNELS);

/** Reads a line that must be a touch line. */
function touchOf(line: string): TouchLine {
	const parsed = read(line);
	if (parsed.kind !== "touch") throw new Error(`not a touch line (${parsed.kind}): ${line}`);
	return parsed.touch;
}

describe("the test-data builder", () => {
	it("writes the canonical line for each piece it is given", () => {
		expect(touch().date("2026-11-20").time("14:30").channel("call").checkbox("x").text("quote").build()).toBe(
			"- [x] 2026-11-20 14:30 call: quote",
		);
		expect(touch().build()).toBe("- 2026-11-20");
		expect(touch().indent("    ").bullet("3)").open().wikilink("Fri").channel("Email", false).text("hi").build()).toBe(
			"    3) [ ] [[2026-11-20|Fri]] Email hi",
		);
		expect(touch().bold().cancelled().build()).toBe("- [-] **2026-11-20**");
	});
});

describe("deserializeTouch: bullets", () => {
	it.each(["-", "*", "+", "1.", "1)", "12.", "99)"])("reads the bullet %s", (bullet) => {
		const b = touch().bullet(bullet).channel("call").text("intro");
		expect(touchOf(b.build())).toEqual(b.toTouch());
	});

	it("keeps the indent of a nested item, spaces or tabs", () => {
		for (const indent of ["    ", "\t", "\t  "]) {
			const b = touch().indent(indent).channel("text").text("thanked her");
			expect(touchOf(b.build())).toEqual(b.toTouch());
		}
	});

	it.each([
		["no space after the bullet", "-2026-11-20 call: intro"],
		["a letter bullet", "a) 2026-11-20 call: intro"],
		["a bullet-less line", "2026-11-20 call: intro"],
		["a heading", "## 2026-11-20 call: intro"],
		["a quote", "> 2026-11-20 call: intro"],
		["an empty line", ""],
	])("is not a touch line: %s", (_name, line) => {
		expect(read(line)).toEqual({ kind: "none" });
	});
});

describe("deserializeTouch: checkboxes", () => {
	it.each([" ", "x", "X", "-", "/", ">", "?", "!"])("keeps the checkbox character %j", (char) => {
		const b = touch().checkbox(char).channel("call").text("check in");
		const t = touchOf(b.build());
		expect(t.checkbox).toBe(char);
		expect(t).toEqual(b.toTouch());
	});

	it("reads an item without a checkbox as checkbox null", () => {
		expect(touchOf("- 2026-11-20 call: intro").checkbox).toBeNull();
	});

	it("needs the space after the closing bracket", () => {
		expect(read("- [x]2026-11-20 call: intro")).toEqual({ kind: "none" });
	});
});

describe("checkState", () => {
	it("maps the checkbox to the states of the README's Touch lines", () => {
		expect(checkState(" ")).toBe("open");
		expect(checkState("x")).toBe("done");
		expect(checkState("X")).toBe("done");
		expect(checkState("-")).toBe("cancelled");
		expect(checkState(null)).toBe("none");
	});

	it("treats any other character as open (still a scheduled task)", () => {
		for (const c of ["/", ">", "?", "!", "*"]) expect(checkState(c)).toBe("open");
	});
});

describe("deserializeTouch: the three date forms", () => {
	it("reads a plain date", () => {
		const t = touchOf("- 2026-11-20 consult: roof quote");
		expect(t.date).toBe("2026-11-20");
		expect(t.dateForm).toBe("plain");
		expect(t.alias).toBeNull();
	});

	it("reads a [[date]] link", () => {
		const t = touchOf("- [[2026-11-18]] coffee: met at the chamber mixer");
		expect(t).toMatchObject({ date: "2026-11-18", dateForm: "wikilink", alias: null, channel: "coffee" });
		expect(t.text).toBe("met at the chamber mixer");
	});

	it("reads a [[date|alias]] link and keeps the alias", () => {
		const t = touchOf("- [[2026-11-18|Wed 18th]] coffee: mixer");
		expect(t).toMatchObject({ date: "2026-11-18", dateForm: "wikilink", alias: "Wed 18th", channel: "coffee", text: "mixer" });
	});

	it("reads a **date**", () => {
		const t = touchOf("- [x] **2026-11-22** email: sent quote");
		expect(t).toMatchObject({ date: "2026-11-22", dateForm: "bold", checkbox: "x", channel: "email", text: "sent quote" });
	});

	it("needs the date to be followed by a space or the end of the line", () => {
		expect(read("- 2026-11-201 call")).toEqual({ kind: "none" });
		expect(read("- 2026-11-20x call")).toEqual({ kind: "none" });
		expect(touchOf("- 2026-11-20").text).toBe("");
	});

	it("does not read other date shapes", () => {
		for (const line of ["- 20-11-2026 call", "- 2026/11/20 call", "- Nov 20 call", "- *2026-11-20* call", "- [2026-11-20] call"]) {
			expect(read(line)).toEqual({ kind: "none" });
		}
	});
});

describe("deserializeTouch: impossible dates are problems, not touches", () => {
	it.each([
		"- 2026-02-30 call: x",
		"- 2026-02-29 call: x",
		"- [ ] 2026-13-01 call: x",
		"- [[2026-04-31]] call: x",
		"- **2026-00-10** call: x",
		"- 2026-11-00 call: x",
	])("%s", (line) => {
		const parsed = read(line);
		expect(parsed.kind).toBe("problem");
		if (parsed.kind === "problem") expect(parsed.message).toMatch(/\d{4}-\d{2}-\d{2}/);
	});

	it("accepts 29 February of a leap year", () => {
		expect(touchOf("- 2028-02-29 call: leap").date).toBe("2028-02-29");
	});
});

describe("deserializeTouch: time", () => {
	it("reads HH:mm after the date", () => {
		const t = touchOf("- [x] 2026-11-22 14:30 email: sent quote #2 (outcome: next step)");
		expect(t.time).toBe("14:30");
		expect(t.channel).toBe("email");
		expect(t.text).toBe("sent quote #2 (outcome: next step)");
	});

	it("reads the edges of the clock", () => {
		expect(touchOf("- 2026-11-22 00:00 call").time).toBe("00:00");
		expect(touchOf("- 2026-11-22 23:59 call").time).toBe("23:59");
	});

	it("leaves an impossible or short time in the text", () => {
		const t = touchOf("- 2026-11-22 25:00 call");
		expect(t.time).toBeNull();
		expect(t.channel).toBeNull();
		expect(t.text).toBe("25:00 call");
		expect(touchOf("- 2026-11-22 9:30 call").time).toBeNull();
		expect(touchOf("- 2026-11-22 12:60 call").time).toBeNull();
	});

	it("reads a time after a link or bold date", () => {
		expect(touchOf("- [[2026-11-22]] 09:15 call").time).toBe("09:15");
		expect(touchOf("- **2026-11-22** 09:15 call").time).toBe("09:15");
	});
});

describe("deserializeTouch: channel", () => {
	it.each(SPEC_CHANNELS.map((c) => [c]))("knows the default channel %s", (channel) => {
		expect(touchOf(`- 2026-11-20 ${channel}: x`).channel).toBe(channel);
	});

	it("matches the channel word case-insensitively and keeps it as written", () => {
		const t = touchOf("- 2026-11-20 Call: left a message");
		expect(t).toMatchObject({ channel: "call", channelWord: "Call", channelColon: true, text: "left a message" });
		expect(touchOf("- 2026-11-20 EMAIL sent it").channel).toBe("email");
	});

	it("reads the channel with or without a colon", () => {
		expect(touchOf("- 2026-11-20 call: intro")).toMatchObject({ channel: "call", channelColon: true, text: "intro" });
		expect(touchOf("- 2026-11-20 call intro")).toMatchObject({ channel: "call", channelColon: false, text: "intro" });
		expect(touchOf("- 2026-11-20 call")).toMatchObject({ channel: "call", channelColon: false, text: "" });
		expect(touchOf("- 2026-11-20 call:")).toMatchObject({ channel: "call", channelColon: true, text: "" });
	});

	it("does not take a word outside the vocabulary, or a longer word, as the channel", () => {
		expect(touchOf("- 2026-11-20 fax: sent")).toMatchObject({ channel: null, channelWord: null, text: "fax: sent" });
		expect(touchOf("- 2026-11-20 calling back")).toMatchObject({ channel: null, text: "calling back" });
		expect(touchOf("- 2026-11-20 e-mail sent")).toMatchObject({ channel: null, text: "e-mail sent" });
	});

	it("takes the channel only right after the date (and time)", () => {
		expect(touchOf("- 2026-11-20 quick call")).toMatchObject({ channel: null, text: "quick call" });
	});

	it("uses the vocabulary it is given", () => {
		const parsed = deserializeTouch("- 2026-11-20 Fax: sent", ["fax"]);
		expect(parsed.kind === "touch" && parsed.touch.channel).toBe("fax");
		const other = deserializeTouch("- 2026-11-20 call: x", ["fax"]);
		expect(other.kind === "touch" && other.touch.channel).toBeNull();
	});
});

describe("deserializeTouch: list items that do not start with a date", () => {
	it.each([
		"- call Bob about the quote",
		"- [ ] call Bob about the quote",
		"- [x] sent the brochure",
		"- met on 2026-11-20 at the mixer",
		"- next: 2026-11-20",
		"* ",
		"1. ",
	])("%s", (line) => {
		expect(read(line)).toEqual({ kind: "none" });
	});
});

describe("deserializeTouch: Tasks plugin lines", () => {
	it("reads 📅 as the touch's date", () => {
		const t = touchOf("- [ ] call Omar about the renewal 📅 2026-12-07");
		expect(t).toMatchObject({ date: "2026-12-07", dateForm: "tasks", checkbox: " ", channel: "call" });
		expect(t.text).toBe("Omar about the renewal");
		expect(t.tasks).toEqual({ due: "2026-12-07", scheduled: null, done: null });
	});

	it("reads ⏳ as the touch's date", () => {
		const t = touchOf("- [ ] email the deck ⏳ 2026-12-03");
		expect(t.date).toBe("2026-12-03");
		expect(t.tasks).toEqual({ due: null, scheduled: "2026-12-03", done: null });
	});

	it("takes the earlier of ⏳ and 📅 for an open task", () => {
		expect(touchOf("- [ ] call ⏳ 2026-12-03 📅 2026-12-07").date).toBe("2026-12-03");
		expect(touchOf("- [ ] call 📅 2026-12-02 ⏳ 2026-12-03").date).toBe("2026-12-02");
	});

	it("dates a done task on its ✅ date", () => {
		const t = touchOf("- [x] call: Bob 📅 2026-12-07 ✅ 2026-12-08");
		expect(t.date).toBe("2026-12-08");
		expect(t.tasks).toEqual({ due: "2026-12-07", scheduled: null, done: "2026-12-08" });
		expect(checkState(t.checkbox)).toBe("done");
	});

	it("dates a done task without ✅ on its planned date", () => {
		expect(touchOf("- [x] call 📅 2026-12-07").date).toBe("2026-12-07");
	});

	it("reads the emoji with and without the U+FE0F variation selector", () => {
		for (const sel of ["", "\uFE0F"]) {
			const t = touchOf(`- [x] call ⏳${sel} 2026-12-03 📅${sel} 2026-12-07 ✅${sel} 2026-12-08`);
			expect(t.tasks).toEqual({ due: "2026-12-07", scheduled: "2026-12-03", done: "2026-12-08" });
			expect(t.text).toBe("");
		}
	});

	it("reads the date with no space after the emoji", () => {
		expect(touchOf("- [ ] call 📅2026-12-07").date).toBe("2026-12-07");
	});

	it("leaves single spaces where the dates were", () => {
		expect(touchOf("- [ ] call Bob 📅 2026-12-07 #sales").text).toBe("Bob #sales");
	});

	it("needs a checkbox: a plain list item with 📅 is not a touch", () => {
		expect(read("- call Bob 📅 2026-12-07")).toEqual({ kind: "none" });
	});

	it("reports an impossible Tasks date as a problem", () => {
		expect(read("- [ ] call 📅 2026-02-30").kind).toBe("problem");
	});

	it("prefers a leading date over Tasks dates", () => {
		const t = touchOf("- [ ] 2026-11-20 call: Bob 📅 2026-12-07");
		expect(t.date).toBe("2026-11-20");
		expect(t.dateForm).toBe("plain");
		expect(t.tasks).toBeNull();
	});

	it("ignores other emoji", () => {
		expect(read("- [ ] call Bob 🛫 2026-12-07")).toEqual({ kind: "none" });
	});
});

describe("serializeTouch", () => {
	const canonical = [
		touch().channel("consult").text("roof inspection quote; needs it before March → next: in 2 days email"),
		touch().done().date("2026-11-22").time("14:30").channel("email").text("sent quote #2 (outcome: next step)"),
		touch().open().date("2026-11-27").channel("call").text("check on the quote"),
		touch().wikilink().date("2026-11-18").channel("coffee").text("met at the chamber mixer"),
		touch().indent("    ").date("2026-11-19").channel("text").text("thanked her for the intro"),
		touch().wikilink("Thu").channel("call"),
		touch().wikilink(""),
		touch().bold().cancelled().channel("Call", false).text("no answer"),
		touch().bullet("1)").checkbox("X").text("plain words, no channel"),
		touch().bullet("7.").checkbox("/").time("08:05").channel("LinkedIn").text("DM"),
		touch().indent("\t").bullet("+").channel("visit", false),
		touch().bullet("*"),
	];

	it.each(canonical.map((b) => [b.build(), b] as const))("round-trips %s", (line, b) => {
		const t = touchOf(line);
		expect(t).toEqual(b.toTouch());
		expect(serializeTouch(t)).toBe(line);
	});

	it("writes a TouchLine built by hand", () => {
		expect(serializeTouch(touch().open().date("2026-12-01").time("09:00").channel("call").text("follow up").toTouch())).toBe(
			"- [ ] 2026-12-01 09:00 call: follow up",
		);
	});

	it("writes edits back in the form the date was read in", () => {
		const t = touchOf("- [ ] [[2026-11-27|Fri]] call: check");
		expect(serializeTouch({ ...t, date: "2026-11-30", checkbox: "x" })).toBe("- [x] [[2026-11-30|Fri]] call: check");
		const b = touchOf("- **2026-11-27** call: check");
		expect(serializeTouch({ ...b, date: "2026-11-30" })).toBe("- **2026-11-30** call: check");
	});

	it("normalises spacing to the canonical form", () => {
		expect(serializeTouch(touchOf("- 2026-11-20   14:30   call:   hello"))).toBe("- 2026-11-20 14:30 call: hello");
	});

	it("round-trips canonical Tasks lines", () => {
		for (const line of [
			"- [ ] call: Bob ⏳ 2026-12-03 📅 2026-12-07",
			"- [x] call Bob 📅 2026-12-07 ✅ 2026-12-08",
			"- [ ] 📅 2026-12-07",
			"  - [-] email the deck ⏳ 2026-12-03",
		]) {
			expect(serializeTouch(touchOf(line))).toBe(line);
		}
	});

	it("writes a Tasks line without the U+FE0F selector and keeps its dates", () => {
		const line = serializeTouch(touchOf("- [x] call 📅\uFE0F 2026-12-07 ✅\uFE0F 2026-12-08"));
		expect(line).toBe("- [x] call 📅 2026-12-07 ✅ 2026-12-08");
	});
});
