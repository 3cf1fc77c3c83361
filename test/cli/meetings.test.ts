import { mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { dirname, join, relative } from "node:path";
import { format } from "date-fns";
import { describe, expect, it } from "vitest";
import { runMeetings } from "../../src/cli/meetingsCommand";
import { readNote } from "../../src/core/read/note";
import { migrateSettings } from "../../src/core/settings/settings";
import { FIXTURES, runCli, tempDir } from "../helpers/cli";

const GOOGLE = join(FIXTURES, "calendars", "google.ics");
const OUTLOOK = join(FIXTURES, "calendars", "outlook.ics");
const settings = migrateSettings({});

/** Local day and time of a UTC instant, as the CLI shows it in this run's time zone. */
function local(iso: string): string {
	return format(new Date(iso), "yyyy-MM-dd HH:mm");
}

/** The start of a meeting's line as of `today`: done once its local day came, else scheduled. */
function lineOf(iso: string, today: string): string {
	const at = local(iso);
	return at.slice(0, 10) <= today ? `- ${at}` : `- [ ] ${at}`;
}

function snapshot(dir: string): Record<string, string> {
	const out: Record<string, string> = {};
	const walk = (d: string): void => {
		for (const name of readdirSync(d).sort()) {
			const full = join(d, name);
			if (statSync(full).isDirectory()) walk(full);
			else out[relative(dir, full)] = readFileSync(full, "utf8");
		}
	};
	walk(dir);
	return out;
}

const NOTES: Record<string, string> = {
	"Prospects/Maple & Pine Bakery.md": [
		"---",
		"status: active",
		"company: Maple & Pine Bakery",
		"contact: Jenna Holt",
		"email: jenna@mapleandpine.example.com",
		"---",
		"## Follow-ups",
		"- 2026-11-02 email: sent the price list",
		"- [ ] 2026-11-05 email: thank you #objective/thank-you #sequence/trade-show-lead",
		"- [ ] 2026-11-25 call: touch base #objective/touch-base #sequence/trade-show-lead",
		"",
	].join("\n"),
	"Prospects/Harbor Roofing.md": ["---", "company: Harbor Roofing", "contact: Mike Alvarez", "e-mail: mike@harborroofing.example.com", "---", "Notes about the roof.", ""].join("\r\n"),
	"Prospects/Acme North.md": ["---", "company: Acme", "---", "## Follow-ups", ""].join("\n"),
	"Prospects/Acme South.md": ["---", "company: Acme", "---", "## Follow-ups", ""].join("\n"),
	"Prospects/Riverside Physio.md": ["---", "company: Riverside Physio", "contact: Priya Raman", "email: Priya <priya@riversidephysio.example.com>", "---", "## Log", "- 2026-11-01 call: first call"].join("\n"),
	"Notes/Dentist.md": "Not a prospect: a note about the dentist.\n",
};

function vaultWith(notes: Record<string, string> = NOTES): string {
	const vault = tempDir();
	for (const [path, text] of Object.entries(notes)) {
		mkdirSync(dirname(join(vault, path)), { recursive: true });
		writeFileSync(join(vault, path), text);
	}
	return vault;
}

const read = (vault: string, path: string): string => readFileSync(join(vault, path), "utf8");

describe("touchbase meetings on a Google Calendar export", () => {
	it("logs past meetings, schedules future ones, lists the ambiguous and unmatched, and skips the cancelled", () => {
		const vault = vaultWith();
		const result = runCli(["meetings", vault, GOOGLE, "--today", "2026-12-01"]);
		expect(result.stderr).toBe("");
		expect(result.status).toBe(0);

		const coffee = local("2026-11-18T15:00:00Z");
		const bakery = read(vault, "Prospects/Maple & Pine Bakery.md");
		// The coffee (an attendee's address) is a done touch on its local day and time; the
		// open sequence touch before it is checked off, and the sequence ends (a meeting channel).
		expect(bakery).toContain(`- ${coffee} coffee: Coffee with Jenna: wholesale order %% event:7kq1v3c2gk9o0r5bd8f1a2b3c4@google.com %%`);
		expect(bakery).toContain("- [x] 2026-11-05 email: thank you #objective/thank-you #sequence/trade-show-lead");
		expect(bakery).toContain("- [-] 2026-11-25 call: touch base #objective/touch-base #sequence/trade-show-lead");
		// The cancelled lunch is not written; the old call is outside the window.
		expect(bakery).not.toContain("Lunch");
		expect(bakery).not.toContain("First call");
		expect(bakery).toMatch(/^last_touch: /m);

		const roofing = read(vault, "Prospects/Harbor Roofing.md");
		// Weekly, with its EXDATE (Nov 17) left out, its moved occurrence (Nov 24 → Nov 25 11:00),
		// and a cancelled one (Dec 8) skipped; the address matched although written in capitals.
		const weekly = (iso: string): string => local(iso);
		for (const iso of ["2026-11-03T15:00:00Z", "2026-11-10T15:00:00Z", "2026-12-01T15:00:00Z", "2026-12-15T15:00:00Z", "2026-12-22T15:00:00Z"]) {
			expect(roofing).toContain(`${lineOf(iso, "2026-12-01")} meeting: Weekly roof project sync %%`);
		}
		expect(roofing).toContain(`- ${weekly("2026-11-25T16:00:00Z")} meeting: Weekly roof project sync (moved for Thanksgiving) %%`);
		expect(roofing).not.toContain(weekly("2026-11-17T15:00:00Z"));
		expect(roofing).not.toContain(weekly("2026-12-08T15:00:00Z"));
		// The all-day site visit, matched by the company in its title: a scheduled visit, no time.
		expect(roofing).toContain("- [ ] 2026-12-10 visit: Site visit Harbor Roofing %% event:0a9b8c7d6e5f4g3h2i1j0k@google.com %%");
		// CRLF stays CRLF; the body above is untouched.
		expect(roofing.replace(/\r\n/g, "")).not.toContain("\n");
		expect(roofing).toContain("---\r\nNotes about the roof.\r\n\r\n## Follow-ups\r\n- ");

		// Acme matches two prospects: listed, not written. Dentist matches none: listed.
		expect(read(vault, "Prospects/Acme North.md")).toBe(NOTES["Prospects/Acme North.md"]);
		expect(read(vault, "Prospects/Acme South.md")).toBe(NOTES["Prospects/Acme South.md"]);
		expect(result.stdout).toContain("Matching two prospects or more (not written): 1");
		expect(result.stdout).toContain("Acme quarterly review: Acme North, Acme South");
		expect(result.stdout).toContain("No prospect (not written): 1");
		expect(result.stdout).toMatch(/\n {2}\d{4}-\d{2}-\d{2} \d{2}:\d{2} Dentist\n/);
		expect(result.stdout).toContain("a meeting ends the sequence: 1 open sequence touch was cancelled");
	});

	it("changes no byte on a second run, and a moved event moves its line", () => {
		const vault = vaultWith();
		expect(runCli(["meetings", vault, GOOGLE, "--today", "2026-12-01"]).status).toBe(0);
		const first = snapshot(vault);
		const again = runCli(["meetings", vault, GOOGLE, "--today", "2026-12-01"]);
		expect(again.status).toBe(0);
		expect(snapshot(vault)).toEqual(first);
		expect(again.stdout).toContain("Changed: 0 meetings in 0 notes");

		// The coffee moved a day later in the calendar: its one line moves, nothing is added.
		const moved = join(tempDir(), "moved.ics");
		writeFileSync(moved, readFileSync(GOOGLE, "utf8").replace("DTSTART:20261118T150000Z", "DTSTART:20261119T150000Z"));
		const third = runCli(["meetings", vault, moved, "--today", "2026-12-01"]);
		expect(third.stdout).toContain("moved: Maple & Pine Bakery");
		const bakery = read(vault, "Prospects/Maple & Pine Bakery.md");
		expect(bakery.match(/event:7kq1v3c2gk9o0r5bd8f1a2b3c4@google\.com/g)).toHaveLength(1);
		expect(bakery).toContain(`- ${local("2026-11-19T15:00:00Z")} coffee: Coffee with Jenna`);
		expect(Object.entries(snapshot(vault)).filter(([path, text]) => first[path] !== text).map(([path]) => path)).toEqual(["Prospects/Maple & Pine Bakery.md"]);
	});

	it("checks off a scheduled meeting once it has happened, and writes nothing with --dry-run", () => {
		const vault = vaultWith();
		runCli(["meetings", vault, GOOGLE, "--today", "2026-12-01"]);
		const before = snapshot(vault);
		const dry = runCli(["meetings", vault, GOOGLE, "--today", "2026-12-16", "--dry-run"]);
		expect(dry.status).toBe(0);
		expect(dry.stdout).toContain("would check off: Harbor Roofing");
		expect(snapshot(vault)).toEqual(before);

		runCli(["meetings", vault, GOOGLE, "--today", "2026-12-16"]);
		const roofing = read(vault, "Prospects/Harbor Roofing.md");
		expect(roofing).toContain(`- [x] ${local("2026-12-15T15:00:00Z")} meeting: Weekly roof project sync %%`);
		expect(roofing).toContain(`- [ ] ${local("2026-12-22T15:00:00Z")} meeting: Weekly roof project sync %%`);
		expect(roofing).toContain("- [x] 2026-12-10 visit: Site visit Harbor Roofing");
	});

	it("cancels the open line of an event cancelled since it was scheduled", () => {
		const vault = vaultWith();
		runCli(["meetings", vault, GOOGLE, "--today", "2026-12-01"]);
		const cancelled = join(tempDir(), "cancelled.ics");
		writeFileSync(cancelled, readFileSync(GOOGLE, "utf8").replace("SUMMARY:Site visit Harbor Roofing", "STATUS:CANCELLED\r\nSUMMARY:Site visit Harbor Roofing").replace(/(UID:0a9b8c7d6e5f4g3h2i1j0k@google\.com[\s\S]*?)STATUS:CONFIRMED\r\n/, "$1"));
		const result = runCli(["meetings", vault, cancelled, "--today", "2026-12-01"]);
		expect(result.stdout).toContain("cancelled: Harbor Roofing: 2026-12-10 Site visit Harbor Roofing");
		expect(read(vault, "Prospects/Harbor Roofing.md")).toContain("- [-] 2026-12-10 visit: Site visit Harbor Roofing");
	});

	it("never shows the event's mark: the touch's summary is the title alone", () => {
		const vault = vaultWith();
		runCli(["meetings", vault, GOOGLE, "--today", "2026-12-01"]);
		const prospect = readNote("Prospects/Harbor Roofing.md", read(vault, "Prospects/Harbor Roofing.md"), settings).prospect!;
		const visit = prospect.touches.find((t) => t.channel === "visit")!;
		expect(visit.summary).toBe("Site visit Harbor Roofing");
		expect(prospect.touches.every((t) => !t.summary.includes("%%") && !t.summary.includes("event:"))).toBe(true);
		const due = JSON.parse(runCli(["due", vault, "--today", "2026-12-01", "--json"]).stdout) as { prospects: { name: string; text: string | null }[] };
		expect(due.prospects.find((p) => p.name === "Harbor Roofing")?.text).toMatch(/^(Site visit Harbor Roofing|Weekly roof project sync)$/);
	});
});

describe("touchbase meetings on an Outlook export", () => {
	it("reads Windows zone names, quoted CN, long UIDs, a daily series with EXDATE and a cancelled occurrence", () => {
		const vault = vaultWith();
		const result = runCli(["meetings", vault, OUTLOOK, "--today", "2026-12-01"]);
		expect(result.status).toBe(0);
		const physio = read(vault, "Prospects/Riverside Physio.md");
		// 13:30 Pacific on Nov 24 (UTC-8): 21:30 UTC.
		expect(physio).toMatch(new RegExp(`- ${local("2026-11-24T21:30:00Z")} meeting: Demo of the booking app – Riverside Physio %% event:h[0-9a-f]{16} %%`));
		for (const iso of ["2026-11-30T17:00:00Z", "2026-12-01T17:00:00Z", "2026-12-04T17:00:00Z"]) expect(physio).toContain(`${lineOf(iso, "2026-12-01")} call: Onboarding check-in call %%`);
		expect(physio).not.toContain(local("2026-12-02T17:00:00Z"));
		expect(physio).not.toContain(local("2026-12-03T17:00:00Z"));
		expect(physio).not.toContain("Canceled");
		// The mirrors follow, as after Log a touch.
		const done = ["2026-11-24T21:30:00Z", "2026-11-30T17:00:00Z", "2026-12-01T17:00:00Z"].filter((iso) => local(iso).slice(0, 10) <= "2026-12-01");
		expect(physio.split("\n").slice(0, 7)).toEqual(["---", "company: Riverside Physio", "contact: Priya Raman", "email: Priya <priya@riversidephysio.example.com>", `last_touch: ${local(done[done.length - 1]).slice(0, 10)}`, `touches: ${done.length + 1}`, `next_follow_up: ${["2026-11-30T17:00:00Z", "2026-12-01T17:00:00Z", "2026-12-04T17:00:00Z"].map((iso) => local(iso).slice(0, 10)).find((d) => d > "2026-12-01")}`]);
		// Thanksgiving names nobody.
		expect(result.stdout).toContain("2026-11-26 Thanksgiving");
	});
});

describe("all or nothing", () => {
	it("puts back the notes already written when a later one fails", () => {
		const vault = vaultWith();
		const before = snapshot(vault);
		const errors: string[] = [];
		const status = runMeetings({ vault, file: GOOGLE, today: "2026-12-01", time: null, dryRun: false }, settings, { out: () => undefined, err: (t) => errors.push(t) }, {
			beforeWrite: (_note, i) => {
				if (i === 1) throw new Error("the disk is full");
			},
		});
		expect(status).toBe(1);
		expect(errors.join("")).toBe("touchbase: no meeting was written: the disk is full\n");
		expect(snapshot(vault)).toEqual(before);
	});

	it("leaves a note whose frontmatter is broken alone (it is no prospect until it reads), writing the others", () => {
		const vault = vaultWith({ ...NOTES, "Prospects/Harbor Roofing.md": "---\ncompany: Harbor Roofing\nemail: [mike@harborroofing.example.com\n---\n" });
		const result = runCli(["meetings", vault, GOOGLE, "--today", "2026-12-01"]);
		expect(result.status).toBe(0);
		expect(result.stdout).toContain("No prospect (not written): 8");
		expect(read(vault, "Prospects/Harbor Roofing.md")).toBe("---\ncompany: Harbor Roofing\nemail: [mike@harborroofing.example.com\n---\n");
		expect(read(vault, "Prospects/Maple & Pine Bakery.md")).toContain("coffee: Coffee with Jenna");
	});

	it("answers a file that is no calendar, or missing, with a usage error", () => {
		const vault = vaultWith();
		const junk = join(tempDir(), "junk.ics");
		writeFileSync(junk, "hello, not a calendar\n");
		const result = runCli(["meetings", vault, junk]);
		expect(result.status).toBe(2);
		expect(result.stderr).toMatch(/^touchbase: .*junk\.ics: it (is not|cannot be read as) a calendar/);
		expect(runCli(["meetings", vault, join(vault, "nope.ics")]).stderr).toMatch(/calendar file not found/);
		expect(runCli(["meetings", vault]).stderr).toBe("touchbase: missing the calendar file (.ics)\n");
	});
});

describe("notes as they are on disk", () => {
	it("keeps a byte-order mark, and never writes a note that is not UTF-8", () => {
		const bom = `\uFEFF${NOTES["Prospects/Maple & Pine Bakery.md"]}`;
		const vault = vaultWith({ ...NOTES, "Prospects/Maple & Pine Bakery.md": bom });
		const latin1 = Buffer.from("---\ncompany: Harbor Roofing\nemail: mike@harborroofing.example.com\n---\nCaf\xe9 notes\n", "latin1");
		writeFileSync(join(vault, "Prospects/Harbor Roofing.md"), latin1);
		const result = runCli(["meetings", vault, GOOGLE, "--today", "2026-12-01"]);
		expect(result.status).toBe(0);
		const bakery = read(vault, "Prospects/Maple & Pine Bakery.md");
		expect(bakery.startsWith("\uFEFF---\n")).toBe(true);
		expect(bakery).toContain("coffee: Coffee with Jenna");
		expect(readFileSync(join(vault, "Prospects/Harbor Roofing.md")).equals(latin1)).toBe(true);
		// A note that is not UTF-8 text is no prospect (README, "Problems"): its events are listed, not written.
		expect(result.stdout).toMatch(/No prospect \(not written\): \d+\n(?:.*\n)*.*Site visit Harbor Roofing/);
	});
});
