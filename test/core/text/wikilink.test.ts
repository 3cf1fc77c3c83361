import { describe, expect, it } from "vitest";
import { parseWikilink, targetName, wikilinksIn } from "../../../src/core/text/wikilink";

describe("wikilinks", () => {
	it("reads a whole link's target, heading and alias as written", () => {
		expect(parseWikilink(" [[People/Jane Doe#Notes|Jane]] ")).toEqual({ target: "People/Jane Doe", heading: "Notes", alias: "Jane" });
		expect(parseWikilink("[[Acme Inc]]")).toEqual({ target: "Acme Inc", heading: null, alias: null });
		expect(parseWikilink("[[Acme|]]")).toEqual({ target: "Acme", heading: null, alias: "" });
	});

	it("is no link when the text is more than one", () => {
		expect(parseWikilink("see [[Acme]]")).toBeNull();
		expect(parseWikilink("[[Acme]] and [[Bolt]]")).toBeNull();
		expect(parseWikilink("Acme")).toBeNull();
	});

	it("finds every link in a text, and names a target's note", () => {
		expect(wikilinksIn("[[Jane Doe]], [[People/Omar|O]] and [[#top]]").map((l) => l.target)).toEqual(["Jane Doe", "People/Omar", ""]);
		expect(targetName("People/Omar")).toBe("Omar");
		expect(targetName("Omar")).toBe("Omar");
	});
});
