// Pasted threads (README, "Bringing your existing notes"): a section or title named as an e-mail
// or text thread (`# Email Thread: Dana Lee`, `## Text messages with Dana`) is a log of contacts,
// so each dated line that opens an entry there (`**Date:** January 6, 2025 9:14 AM`, a bold date
// line over the day's texts) is that day's contact. The seventh round of real notes
// (test/fixtures/real/SOURCES.md) wrote them so.
import { describe, expect, it } from "vitest";
import { readNote } from "../../../src/core/read/note";
import { DEFAULT_SETTINGS } from "../../../src/core/settings/settings";

const touchesOf = (text: string): [string, string | null][] =>
	(readNote("Prospects/dana-lee-thread.md", text, DEFAULT_SETTINGS).prospect?.touches ?? []).map((t) => [t.date, t.channel]);

const MAIL = "**From:** Dana Lee <dana@example.com>\n**To:** Sam <sam@example.com>\n**Date:** January 6, 2025 9:14 AM\n**Subject:** Brand guidelines\n\nHi Sam,\n";

describe("a pasted e-mail or text thread", () => {
	it("`# Email Thread: …` makes each `**Date:**` header an e-mail that day", () => {
		expect(touchesOf(`# Email Thread: Dana Lee (Acme)\n\n---\n\n${MAIL}\n---\n\n${MAIL.replace("January 6", "January 10")}`)).toEqual([
			["2025-01-06", "email"],
			["2025-01-10", "email"],
		]);
		// Control: the same header under a title that names no thread is no contact by itself.
		expect(touchesOf(`# Dana Lee\n\n## Invoice\n\n${MAIL}`)).toEqual([]);
	});

	it("`## Text messages with …` makes each bold date line a contact, an unanswered text too", () => {
		const texts = "## Text Messages with Dana Lee\n\n**December 23, 2024**\n\n**Sam (10:00 AM):** Still on for Saturday?\n\n**[No response]**\n";
		expect(touchesOf(texts)).toEqual([["2024-12-23", "text"]]);
		expect(touchesOf("## Emails\n\n**Date:** December 29, 2024 7:45 PM\n")).toEqual([["2024-12-29", "email"]]);
		// Control: the same bold date line under a section that is no log is no contact.
		expect(touchesOf("## Key dates\n\n**December 23, 2024**\n\nShowing weekend.\n")).toEqual([]);
		// Control: `## Open threads` (commitments) is no thread of messages.
		expect(touchesOf("## Open threads\n\n**December 23, 2024**\n")).toEqual([]);
	});
});
