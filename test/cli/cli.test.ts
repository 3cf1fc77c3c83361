import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { copyVault, dueJson, EXAMPLE_VAULT, FIXTURES, runCli, tempDir, touchbase, type CliResult } from "../helpers/cli";

const TODAY = "2026-11-23";

/** The hand-worked answer of examples/README.md. */
// Tidewater Marina (won) is upcoming on its open 2026-11-24 line: a closed note is due on its open lines (examples/README.md).
const EXPECTED_COUNTS = { overdue: 3, today: 2, upcoming: 5, later: 2, "no-next-step": 1, paused: 1, closed: 1, problems: 1 };
const EXPECTED = [
	{ path: "Clients/Oakline Architects.md", name: "Oakline Architects", bucket: "later", due: "2026-12-01", time: null, suggested: false, touches: 2, lastTouch: "2026-11-20" },
	{ path: "Contacts/Dana Whitfield.md", name: "Dana Whitfield", bucket: "later", due: "2026-12-04", time: null, suggested: false, touches: 1, lastTouch: "2026-11-20" },
	{ path: "Leads/Sunrise Pediatrics.md", name: "Sunrise Pediatrics", bucket: "overdue", due: "2026-11-20", time: null, suggested: true, touches: 0, lastTouch: null },
	{ path: "Prospects/Archive/Fairview Pet Clinic.md", name: "Fairview Pet Clinic", bucket: "closed", status: "lost", due: null, touches: 3, lastTouch: "2026-11-18" },
	{ path: "Prospects/Bluebird Event Rentals.md", name: "Bluebird Event Rentals", bucket: "overdue", due: "2026-11-19", time: null, suggested: false, touches: 2, lastTouch: "2026-11-12" },
	{ path: "Prospects/Bright Smile Dental.md", name: "Bright Smile Dental", bucket: "today", due: "2026-11-23", time: null, suggested: false, touches: 1, lastTouch: "2026-11-16" },
	{ path: "Prospects/Copperleaf Florist.md", name: "Copperleaf Florist", bucket: "no-next-step", due: null, time: null, suggested: false, touches: 2, lastTouch: "2026-11-17" },
	{ path: "Prospects/Greenway Solar.md", name: "Greenway Solar", bucket: "paused", status: "paused", due: null, touches: 3, lastTouch: "2026-11-18" },
	{ path: "Prospects/Harbor Roofing.md", name: "Harbor Roofing", bucket: "overdue", due: "2026-11-19", time: null, suggested: false, touches: 2, lastTouch: "2026-11-17" },
	{ path: "Prospects/Keystone Auto Repair.md", name: "Keystone Auto Repair", bucket: "upcoming", due: "2026-11-27", time: null, suggested: false, touches: 2, lastTouch: "2026-11-23" },
	{ path: "Prospects/Lumen Yoga Studio.md", name: "Lumen Yoga Studio", bucket: "upcoming", due: "2026-11-26", time: null, suggested: true, touches: 2, lastTouch: "2026-11-19" },
	{ path: "Prospects/Maple & Pine Bakery.md", name: "Maple & Pine Bakery", bucket: "today", due: "2026-11-23", time: "14:30", suggested: false, touches: 2, lastTouch: "2026-11-18" },
	{ path: "Prospects/Riverside Physio.md", name: "Riverside Physio", bucket: "upcoming", due: "2026-11-25", time: null, suggested: false, touches: 2, lastTouch: "2026-11-19" },
	{ path: "Prospects/Summit Accounting.md", name: "Summit Accounting", bucket: "upcoming", due: "2026-11-26", time: null, suggested: false, touches: 1, lastTouch: "2026-11-20" },
	{ path: "Prospects/Tidewater Marina.md", name: "Tidewater Marina", bucket: "upcoming", status: "won", due: "2026-11-24", time: null, suggested: false, touches: 4, lastTouch: "2026-11-19" },
];

/** A usage error: nothing on stdout, exactly one line on stderr, exit status 2. */
function expectUsageError(r: CliResult, message: RegExp): void {
	expect(r.status).toBe(2);
	expect(r.stdout).toBe("");
	expect(r.stderr).toMatch(/^touchbase: [^\n]+\n$/);
	expect(r.stderr).toMatch(message);
}

function expectSuccess(r: CliResult): void {
	expect(r.stderr).toBe("");
	expect(r.status).toBe(0);
}

describe("due --json on examples/vault", () => {
	const json = dueJson(EXAMPLE_VAULT, TODAY);

	it("gives the hand-worked counts", () => {
		expect(json.today).toBe(TODAY);
		expect(json.counts).toEqual(EXPECTED_COUNTS);
	});

	it.each(EXPECTED.map((p) => [p.path, p] as const))("gives the expected fields of %s", (path, fields) => {
		const found = json.prospects.find((p) => p.path === path);
		expect(found).toMatchObject(fields);
	});

	it("lists every prospect note, and only those", () => {
		expect(json.prospects.map((p) => p.path).sort()).toEqual(EXPECTED.map((p) => p.path));
	});

	it("keeps the broken note out of the prospects and reports it with its line", () => {
		expect(json.problems).toHaveLength(1);
		expect(json.problems[0]).toMatchObject({ path: "Prospects/Quarry Stoneworks.md", line: expect.any(Number) as number, message: expect.stringMatching(/frontmatter/) as string });
	});

	it("sorts within buckets by date, time, value, then name", () => {
		const order = (bucket: string): unknown[] => json.prospects.filter((p) => p.bucket === bucket).map((p) => p.name);
		expect(order("overdue")).toEqual(["Harbor Roofing", "Bluebird Event Rentals", "Sunrise Pediatrics"]);
		expect(order("upcoming")).toEqual(["Tidewater Marina", "Riverside Physio", "Summit Accounting", "Lumen Yoga Studio", "Keystone Auto Repair"]);
		expect(order("later")).toEqual(["Oakline Architects", "Dana Whitfield"]);
		expect(new Set(order("today"))).toEqual(new Set(["Bright Smile Dental", "Maple & Pine Bakery"]));
		const buckets = json.prospects.map((p) => p.bucket);
		const rank = ["overdue", "today", "upcoming", "later", "no-next-step", "paused", "closed"];
		expect(buckets).toEqual([...buckets].sort((a, b) => rank.indexOf(a as string) - rank.indexOf(b as string)));
	});

	it("never mentions the ordinary notes", () => {
		const text = JSON.stringify(json);
		for (const name of ["Weekly review", "Chamber mixer", "Pipeline"]) expect(text).not.toContain(name);
	});

	it("moves prospects between upcoming and later with --days", () => {
		const counts = (days: string): Record<string, number> => dueJson(EXAMPLE_VAULT, TODAY, ["--days", days]).counts;
		expect(counts("0")).toMatchObject({ today: 2, upcoming: 0, later: 7 });
		expect(counts("3")).toMatchObject({ upcoming: 4, later: 3 });
		expect(counts("30")).toMatchObject({ upcoming: 7, later: 0 });
	});
});

describe("due (the table)", () => {
	// Wide enough that no name or summary is cut (the width itself: "due fits the width" below).
	const r = runCli(["due", EXAMPLE_VAULT, "--today", TODAY], { columns: 200 });
	const lines = r.stdout.split("\n");

	/** The names listed under each section heading. */
	function sections(): Map<string, string[]> {
		const out = new Map<string, string[]>();
		let current: string[] | null = null;
		for (const line of lines) {
			const heading = /^([A-Z][a-z ]+) \((\d+)\)$/.exec(line);
			if (heading) {
				current = [];
				out.set(heading[1], current);
			} else if (current && line.startsWith("  ")) {
				const hit = EXPECTED.find((p) => line.includes(p.name));
				current.push(hit ? hit.name : line);
			} else current = null;
		}
		return out;
	}

	it("succeeds and starts with the counts per bucket", () => {
		expectSuccess(r);
		expect(lines[0]).toContain(TODAY);
		expect(lines[1]).toBe("overdue 3 · today 2 · upcoming 5 · later 2 · no next step 1 · paused 1 · closed 1 · problems 1");
	});

	it("lists each prospect under its bucket, in order", () => {
		const s = sections();
		expect([...s.keys()]).toEqual(["Overdue", "Today", "Upcoming", "Later", "No next step", "Paused", "Closed", "Problems"]);
		for (const [label, bucket] of [
			["Overdue", "overdue"],
			["Upcoming", "upcoming"],
			["Later", "later"],
			["No next step", "no-next-step"],
			["Paused", "paused"],
			["Closed", "closed"],
		]) {
			const json = dueJson(EXAMPLE_VAULT, TODAY).prospects.filter((p) => p.bucket === bucket).map((p) => p.name);
			expect(s.get(label)).toEqual(json);
		}
		expect(new Set(s.get("Today"))).toEqual(new Set(["Bright Smile Dental", "Maple & Pine Bakery"]));
		expect(s.get("Problems")).toHaveLength(1);
	});

	it("shows the time, how late, and which suggestions are only suggestions", () => {
		const row = (name: string): string => lines.find((l) => l.includes(name)) ?? "";
		expect(row("Maple & Pine Bakery")).toMatch(/^ {2}2026-11-23 14:30 +Maple & Pine Bakery +call +today/);
		expect(row("Harbor Roofing")).toMatch(/4 days overdue/);
		expect(row("Sunrise Pediatrics")).toMatch(/3 days overdue \(suggested\)/);
		expect(row("Riverside Physio")).toMatch(/in 2 days/);
		expect(row("Harbor Roofing")).not.toMatch(/suggested/);
		expect(row("Quarry Stoneworks")).toMatch(/Prospects\/Quarry Stoneworks\.md:\d+ +malformed frontmatter/);
	});
});

describe("stats", () => {
	const json = dueJson(EXAMPLE_VAULT, TODAY);
	const touches = json.prospects.reduce((sum, p) => sum + (p.touches as number), 0);
	const STATS_VAULT = join(FIXTURES, "stats");

	it("prints prospects, touches and the counts per bucket in JSON, with the figures of the Stats tab", () => {
		const r = runCli(["stats", EXAMPLE_VAULT, "--today", TODAY, "--json"]);
		expectSuccess(r);
		const stats = JSON.parse(r.stdout) as Record<string, unknown>;
		expect(stats).toMatchObject({ today: TODAY, prospects: 15, touches, counts: EXPECTED_COUNTS });
		expect(Object.keys(stats)).toEqual(["today", "prospects", "touches", "counts", "week", "close", "stoppedEarly", "promises", "channels", "weeks", "pipeline"]);
	});

	it("gives the hand-worked figures of the stats fixture, as JSON and as a table", () => {
		const r = runCli(["stats", STATS_VAULT, "--today", TODAY, "--json"]);
		expectSuccess(r);
		const stats = JSON.parse(r.stdout) as { week: unknown; promises: { kept: number; done: number }; pipeline: unknown; close: { persistentWinShare: number } };
		expect(stats.week).toEqual({ start: "2026-11-23", end: "2026-11-29", touches: 1, answers: 1, promisesAtRisk: 2 });
		expect(stats.promises).toMatchObject({ kept: 2, done: 4 });
		expect(stats.close.persistentWinShare).toBe(0.5);
		expect(stats.pipeline).toEqual({ open: { lead: 1, active: 2, paused: 1 }, dueThisWeek: { prospects: 2, value: 2000, withoutValue: 0 }, cold: 0 });

		const table = runCli(["stats", STATS_VAULT, "--today", TODAY]);
		expectSuccess(table);
		const out = table.stdout;
		expect(out).toContain("This week: 1 touch, 1 answer, 2 promises at risk\n");
		expect(out).toContain("Prospects 7 · done touches 18\n");
		expect(out).toMatch(/ {2}won {5}( +0){2} +1( +0){3} +1( +0){4}\n/);
		expect(out).toContain("Wins at the 5th touch or later: 1 of 2 (50%)\n");
		expect(out).toMatch(/Lost Three +lost +3 touches +Prospects\/Lost Three\.md\n/);
		expect(out).toContain("Promises kept: 2 of 4 (50%)\n");
		expect(out).toMatch(/Open Quiet +call promised 2026-11-17, email on 2026-11-18: late, by another channel {2}Prospects\/Open Quiet\.md:6\n/);
		expect(out).toMatch(/ {2}call +10 +1 +10%\n/);
		expect(out).toMatch(/ {2}2026-11-02 +4 #{30}\n/);
		expect(out).toContain("  open: 1 lead, 2 active, 1 paused; going cold: 0\n");
		expect(out).toContain("  due by 2026-11-29: 2 prospects, value 2,000\n");
	});
});

describe("ics", () => {
	const r = runCli(["ics", EXAMPLE_VAULT, "--today", TODAY]);

	it("writes a calendar with one event per prospect that has a next touch", () => {
		expectSuccess(r);
		expect(r.stdout.startsWith("BEGIN:VCALENDAR\r\n")).toBe(true);
		expect(r.stdout.endsWith("END:VCALENDAR\r\n")).toBe(true);
		const withDate = EXPECTED.filter((p) => p.due !== null).length;
		expect(r.stdout.match(/^BEGIN:VEVENT\r$/gm)).toHaveLength(withDate);
		expect(r.stdout.replace(/\r\n/g, "")).not.toMatch(/[\r\n]/);
		for (const line of r.stdout.split("\r\n")) expect(Buffer.byteLength(line)).toBeLessThanOrEqual(75);
	});

	it("writes timed and all-day events", () => {
		const unfolded = r.stdout.replace(/\r\n /g, "");
		expect(unfolded).toContain("DTSTART:20261123T143000\r\n");
		expect(unfolded).toContain("DTSTART;VALUE=DATE:20261201\r\nDTEND;VALUE=DATE:20261202\r\n");
		expect(unfolded).toContain("Note: Clients/Oakline Architects.md");
	});

	it("keeps the same UIDs from one export to the next", () => {
		const again = runCli(["ics", EXAMPLE_VAULT, "--today", TODAY]);
		const uids = (s: string): string[] => s.match(/^UID:.*$/gm) ?? [];
		expect(uids(again.stdout)).toEqual(uids(r.stdout));
	});
});

describe("log", () => {
	const run = (note: string, args: string[]): CliResult => runCli(["log", note, ...args, "--today", TODAY]);

	it("appends to a CRLF note, keeping every other byte, and the due list follows", () => {
		const vault = copyVault(EXAMPLE_VAULT);
		const note = join(vault, "Prospects", "Keystone Auto Repair.md");
		const before = readFileSync(note, "utf8");
		expect(before).toContain("\r\n");
		const r = run(note, ["--channel", "call", "--summary", "sent the quote", "--next", "in 1 week"]);
		expectSuccess(r);
		expect(r.stdout).toBe("- 2026-11-23 call: sent the quote → next: 2026-11-30\nNext follow-up: 2026-11-30\n");
		const expected = before
			.replace("created: 2026-11-16\r\n---\r\n", "created: 2026-11-16\r\nlast_touch: 2026-11-23\r\ntouches: 3\r\nnext_follow_up: 2026-11-30\r\n---\r\n")
			.replace("call with the quote\r\n", "call with the quote\r\n- 2026-11-23 call: sent the quote → next: 2026-11-30\r\n");
		expect(expected).not.toBe(before);
		expect(readFileSync(note)).toEqual(Buffer.from(expected, "utf8"));
		const after = dueJson(vault, TODAY).prospects.find((p) => p.name === "Keystone Auto Repair");
		expect(after).toMatchObject({ bucket: "upcoming", due: "2026-11-30", suggested: false, touches: 3, lastTouch: "2026-11-23" });
	});

	it("reads a note with CR-only line ends line by line, and appends to it with CR line ends (no second frontmatter block)", () => {
		const vault = copyVault(EXAMPLE_VAULT);
		const note = join(vault, "Prospects", "Keystone Auto Repair.md");
		const crlf = readFileSync(note, "utf8");
		const cr = crlf.replace(/\r\n/g, "\r");
		writeFileSync(note, cr);
		// Read as the CRLF note is: its dates, its next step, no problem.
		writeFileSync(note, crlf);
		const fromCrlf = dueJson(vault, TODAY);
		writeFileSync(note, cr);
		expect(dueJson(vault, TODAY)).toEqual(fromCrlf);
		const r = run(note, ["--channel", "call", "--summary", "sent the quote", "--next", "in 1 week"]);
		expectSuccess(r);
		const expected = cr
			.replace("created: 2026-11-16\r---\r", "created: 2026-11-16\rlast_touch: 2026-11-23\rtouches: 3\rnext_follow_up: 2026-11-30\r---\r")
			.replace("call with the quote\r", "call with the quote\r- 2026-11-23 call: sent the quote → next: 2026-11-30\r");
		expect(expected).not.toBe(cr);
		expect(readFileSync(note, "utf8")).toBe(expected);
		expect(expected.match(/^---$/gm)).toHaveLength(2);
		expect(expected).not.toContain("\n");
	});

	it("keeps a missing final newline missing", () => {
		const vault = tempDir();
		mkdirSync(join(vault, "Prospects"));
		const note = join(vault, "Prospects", "Nova.md");
		writeFileSync(note, "---\ncompany: Nova\ntouches: 1\n---\n# Nova\n\n## Follow-ups\n- 2026-11-20 email: sent intro");
		const r = run(note, ["--channel", "call", "--summary", "first call", "--date", "2026-11-22"]);
		expectSuccess(r);
		expect(readFileSync(note, "utf8")).toBe(
			"---\ncompany: Nova\ntouches: 2\nlast_touch: 2026-11-22\n---\n# Nova\n\n## Follow-ups\n- 2026-11-20 email: sent intro\n- 2026-11-22 call: first call",
		);
	});

	it("keeps a byte-order mark", () => {
		const vault = tempDir();
		mkdirSync(join(vault, "Prospects"));
		const note = join(vault, "Prospects", "Bom.md");
		writeFileSync(note, Buffer.from("\uFEFF---\r\ncompany: Bom\r\n---\r\n# Bom\r\n", "utf8"));
		expectSuccess(run(note, ["--channel", "call", "--summary", "hi"]));
		expect(readFileSync(note)).toEqual(
			Buffer.from("\uFEFF---\r\ncompany: Bom\r\nlast_touch: 2026-11-23\r\ntouches: 1\r\n---\r\n# Bom\r\n\r\n## Follow-ups\r\n- 2026-11-23 call: hi\r\n", "utf8"),
		);
	});

	it("refuses a note that is not UTF-8 and leaves it alone", () => {
		const vault = tempDir();
		mkdirSync(join(vault, "Prospects"));
		const note = join(vault, "Prospects", "Latin1.md");
		const before = Buffer.from("# Caf\xe9\n", "latin1");
		writeFileSync(note, before);
		const r = run(note, ["--channel", "call", "--summary", "hi"]);
		expect(r.status).toBe(1);
		expect(r.stderr).toMatch(/^touchbase: [^\n]*not UTF-8[^\n]*\n$/);
		expect(readFileSync(note)).toEqual(before);
	});

	it("checks off the open touch it fulfils and keeps the promised next step", () => {
		const vault = copyVault(EXAMPLE_VAULT);
		const note = join(vault, "Prospects", "Maple & Pine Bakery.md");
		const before = readFileSync(note, "utf8");
		const r = run(note, ["--channel", "call", "--summary", "walked through quote #2", "--next", "in 3 days email", "--outcome", "next step"]);
		expectSuccess(r);
		const expected = before
			.replace("created: 2026-11-13\n---\n", "created: 2026-11-13\nlast_touch: 2026-11-23\ntouches: 3\nnext_follow_up: 2026-11-26\n---\n")
			.replace(
				"- [ ] 2026-11-23 14:30 call: walk through quote #2 with Jenna #objective/check-on-quote\n",
				"- [x] 2026-11-23 14:30 call: walk through quote #2 with Jenna #objective/check-on-quote\n- 2026-11-23 call: walked through quote #2 (outcome: next step) → next: 2026-11-26 email\n",
			);
		expect(readFileSync(note, "utf8")).toBe(expected);
		expect(dueJson(vault, TODAY).prospects.find((p) => p.name === "Maple & Pine Bakery")).toMatchObject({ bucket: "upcoming", due: "2026-11-26", suggested: false });
	});

	it("reads the vault's settings from the .obsidian folder above the note", () => {
		const vault = tempDir();
		mkdirSync(join(vault, ".obsidian", "plugins", "touchbase"), { recursive: true });
		writeFileSync(join(vault, ".obsidian", "plugins", "touchbase", "data.json"), JSON.stringify({ prospectFolders: ["Clients"], followUpHeading: "## Touches" }));
		mkdirSync(join(vault, "Clients", "2026"), { recursive: true });
		const note = join(vault, "Clients", "2026", "Ada.md");
		writeFileSync(note, "# Ada\n");
		expectSuccess(run(note, ["--channel", "email", "--summary", "hello"]));
		expect(readFileSync(note, "utf8")).toBe("---\nlast_touch: 2026-11-23\ntouches: 1\n---\n# Ada\n\n## Touches\n- 2026-11-23 email: hello\n");
	});

	it("refuses a note with broken frontmatter and leaves it byte for byte", () => {
		const vault = copyVault(EXAMPLE_VAULT);
		const note = join(vault, "Prospects", "Quarry Stoneworks.md");
		const before = readFileSync(note);
		const r = run(note, ["--channel", "call", "--summary", "x"]);
		expect(r.status).not.toBe(0);
		expect(r.stdout).toBe("");
		expect(r.stderr).toMatch(/^touchbase: .*Quarry Stoneworks\.md was not changed: line \d+: malformed frontmatter[^\n]*\n$/);
		expect(readFileSync(note)).toEqual(before);
	});

	it("refuses a next step it cannot read and leaves the note alone", () => {
		const vault = copyVault(EXAMPLE_VAULT);
		const note = join(vault, "Prospects", "Harbor Roofing.md");
		const before = readFileSync(note);
		const r = run(note, ["--channel", "call", "--summary", "x", "--next", "when pigs fly"]);
		expect(r.status).not.toBe(0);
		expect(r.stderr).toMatch(/^touchbase: [^\n]*was not changed[^\n]*\n$/);
		expect(readFileSync(note)).toEqual(before);
	});

	it("refuses a touch in the future, a bad time and a bad outcome as usage errors", () => {
		const vault = copyVault(EXAMPLE_VAULT);
		const note = join(vault, "Prospects", "Harbor Roofing.md");
		const before = readFileSync(note);
		expectUsageError(run(note, ["--channel", "call", "--summary", "x", "--date", "2026-11-24"]), /future/);
		expectUsageError(run(note, ["--channel", "call", "--summary", "x", "--time", "25:00"]), /--time/);
		expectUsageError(run(note, ["--channel", "call", "--summary", "x", "--outcome", "maybe"]), /--outcome/);
		expectUsageError(run(note, ["--channel", "call"]), /--summary is required/);
		expectUsageError(run(note, ["--summary", "x"]), /--channel is required/);
		expectUsageError(run(join(vault, "Prospects", "Nobody.md"), ["--channel", "call", "--summary", "x"]), /note not found/);
		expect(readFileSync(note)).toEqual(before);
	});
});

describe("log tells what it did", () => {
	const run = (note: string, args: string[]): CliResult => runCli(["log", note, ...args, "--today", TODAY]);

	it("prints the new line and the next follow-up", () => {
		const vault = copyVault(EXAMPLE_VAULT);
		const r = run(join(vault, "Prospects", "Harbor Roofing.md"), ["--channel", "call", "--summary", "sent photos", "--next", "friday"]);
		expect(r.status).toBe(0);
		expect(r.stdout).toBe("- 2026-11-23 call: sent photos → next: 2026-11-27\nNext follow-up: 2026-11-27\n");
		expect(r.stderr).toBe("");
	});

	it("warns about a channel it will not recognise, and about a note that is not a prospect", () => {
		const vault = copyVault(EXAMPLE_VAULT);
		const odd = run(join(vault, "Prospects", "Harbor Roofing.md"), ["--channel", "whatsapp", "--summary", "sent photos"]);
		expect(odd.status).toBe(0);
		expect(odd.stderr).toMatch(/^touchbase: warning: "whatsapp" is not in the channel list[^\n]*\n$/);
		const other = run(join(vault, "Notes", "Pipeline.md"), ["--channel", "call", "--summary", "x"]);
		expect(other.status).toBe(0);
		expect(other.stderr).toMatch(/^touchbase: warning: [^\n]*is not a prospect note[^\n]*\n$/);
	});
});

describe("usage errors: one line on stderr, exit status 2", () => {
	it.each([
		["an unknown flag", ["due", EXAMPLE_VAULT, "--frobnicate"], /^touchbase: Unknown option '--frobnicate'\n$/],
		["a flag of another command", ["ics", EXAMPLE_VAULT, "--json"], /--json/],
		["a missing vault", ["due"], /missing VAULT/],
		["a vault that does not exist", ["due", join(EXAMPLE_VAULT, "nope")], /not found/],
		["an impossible --today", ["due", EXAMPLE_VAULT, "--today", "2026-02-30"], /2026-02-30/],
		["a --today in words", ["due", EXAMPLE_VAULT, "--today", "tomorrow"], /tomorrow/],
		["a bad --days", ["due", EXAMPLE_VAULT, "--days", "a week"], /--days/],
		["a negative --days", ["due", EXAMPLE_VAULT, "--days", "-1"], /days/],
		["an unknown command", ["list", EXAMPLE_VAULT], /unknown command "list"/],
		["no command", [], /missing command/],
		["a missing --channel", ["log", join(EXAMPLE_VAULT, "Prospects", "Harbor Roofing.md"), "--summary", "x"], /--channel/],
		["two vaults", ["due", EXAMPLE_VAULT, EXAMPLE_VAULT], /unexpected argument/],
		["a file as the vault", ["due", join(EXAMPLE_VAULT, "Prospects", "Harbor Roofing.md")], /not a folder/],
	])("%s", (_what, args, message) => {
		expectUsageError(runCli(args), message);
	});

	it("prints its version, the one the build was given", () => {
		// In-process it is "dev": only the build knows the version.
		const r = touchbase(["--version"]);
		expectSuccess(r);
		expect(r.stdout).toMatch(/^touchbase \d+\.\d+\.\d+\n$/);
		expect(r.stdout).toBe(`touchbase ${(JSON.parse(readFileSync(join(__dirname, "../../package.json"), "utf8")) as { version: string }).version}\n`);
	});

	it("prints the usage on --help", () => {
		const r = runCli(["--help"]);
		expectSuccess(r);
		expect(r.stdout).toMatch(/^Usage:\n {2}touchbase due VAULT/);
	});
});

describe("--today defaults to the local date", () => {
	/** The calendar date now in `zone`, as the test sees it. */
	const dateIn = (zone: string | undefined): string =>
		new Intl.DateTimeFormat("en-CA", { timeZone: zone, year: "numeric", month: "2-digit", day: "2-digit" }).format(new Date());

	it.each([undefined, "Pacific/Kiritimati", "Pacific/Pago_Pago", "Pacific/Auckland", "America/Los_Angeles"])("in TZ=%s", (zone) => {
		const before = dateIn(zone);
		const r = touchbase(["due", EXAMPLE_VAULT, "--json"], { tz: zone });
		const after = dateIn(zone);
		expectSuccess(r);
		// Run across midnight, either date is right.
		expect([before, after]).toContain((JSON.parse(r.stdout) as { today: string }).today);
	});

	it("takes the date of the clock in the local zone, not in UTC", () => {
		// Just after midnight and just before it, local time: UTC is on another day in most zones.
		for (const now of [new Date(2026, 10, 23, 0, 5), new Date(2026, 10, 23, 23, 55)]) {
			const r = runCli(["due", EXAMPLE_VAULT, "--json"], { now });
			expectSuccess(r);
			expect((JSON.parse(r.stdout) as { today: string }).today).toBe(TODAY);
		}
	});

	it("matches the date the test computes from its own clock and zone", () => {
		const local = (d: Date): string => `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, "0")}-${String(d.getDate()).padStart(2, "0")}`;
		const before = local(new Date());
		const r = touchbase(["stats", EXAMPLE_VAULT, "--json"]);
		const after = local(new Date());
		expectSuccess(r);
		expect([before, after]).toContain((JSON.parse(r.stdout) as { today: string }).today);
	});
});

describe("the built CLI, as its own process", () => {
	it("writes the due table of the example vault to its stdout, as the in-process run does", () => {
		const args = ["due", EXAMPLE_VAULT, "--today", TODAY];
		const r = touchbase(args);
		expectSuccess(r);
		// Not a terminal, no COLUMNS: 80 columns, the counts wrapped.
		expect(r.stdout.split("\n").slice(1, 3)).toEqual(["overdue 3 · today 2 · upcoming 5 · later 2 · no next step 1 · paused 1 ·", "closed 1 · problems 1"]);
		expect(r.stdout).toBe(runCli(args).stdout);
	});

	it("exits with status 2 on a usage error", () => {
		expectUsageError(touchbase(["due", EXAMPLE_VAULT, "--frobnicate"]), /^touchbase: Unknown option '--frobnicate'\n$/);
	});

	it("exits with status 1 when it refuses to change a note", () => {
		const note = join(tempDir(), "Latin1.md");
		const before = Buffer.from("# Caf\xe9\n", "latin1");
		writeFileSync(note, before);
		const r = touchbase(["log", note, "--channel", "call", "--summary", "hi", "--today", TODAY]);
		expect(r.status).toBe(1);
		expect(r.stdout).toBe("");
		expect(r.stderr).toMatch(/^touchbase: [^\n]*not UTF-8[^\n]*\n$/);
		expect(readFileSync(note)).toEqual(before);
	});
});

describe("runCli, the in-process runner", () => {
	it("reads a VAULT given relative to cwd", () => {
		const args = (vault: string): string[] => ["due", vault, "--today", TODAY, "--json"];
		const relative = runCli(args("vault"), { cwd: join(EXAMPLE_VAULT, "..") });
		expectSuccess(relative);
		expect(relative.stdout).toBe(runCli(args(EXAMPLE_VAULT)).stdout);
	});
});
