import { beforeEach, describe, expect, it } from "vitest";
import { readNote } from "../../../src/core/read/note";
import { ownedBy, ownerLabel, ownerNames } from "../../../src/core/read/owner";
import { entriesByOwner, reportFor } from "../../../src/core/rules/ownerReport";
import { statsByOwnerText } from "../../../src/core/show/ownerStats";
import { migrateSettings } from "../../../src/core/settings/settings";
import { ProspectIndex } from "../../../src/core/index/prospectIndex";
import type { DueReport } from "../../../src/core/rules/dueReport";

const settings = migrateSettings(undefined);

function owners(frontmatter: string): string[] {
	return readNote("Prospects/A.md", `---\n${frontmatter}\n---\n`, settings).prospect!.owners;
}

describe("the owner key", () => {
	it("is read loosely: a name, a quoted or unquoted wikilink, a list, a synonym or a renamed key", () => {
		expect(owners("owner: Jane Doe")).toEqual(["Jane Doe"]);
		expect(owners('Owner: "[[People/Jane Doe|Jane]]"')).toEqual(["[[People/Jane Doe|Jane]]"]);
		// Unquoted, YAML reads [[Jane Doe]] as a list in a list.
		expect(owners("owner: [[Jane Doe]]")).toEqual(["Jane Doe"]);
		expect(owners("owners:\nassigned_to: [Jane, Bob]")).toEqual(["Jane", "Bob"]);
		expect(owners("status: lead")).toEqual([]);
		const renamed = migrateSettings({ keys: { owner: "Account manager" } });
		expect(readNote("Prospects/A.md", "---\naccount_manager: Bob\n---\n", renamed).prospect!.owners).toEqual(["Bob"]);
	});

	it("matches a name or a wikilink, in any case and spacing, by the link's note name or its alias", () => {
		expect(ownerNames("[[People/Jane Doe|Jane]]")).toEqual(["jane doe", "jane"]);
		expect(ownerNames(" @JDoe ")).toEqual(["jdoe"]);
		const jane = { owners: ["[[People/Jane  Doe.md|JD]]"] };
		expect(ownedBy(jane, "jane doe")).toBe(true);
		expect(ownedBy(jane, "[[Jane Doe]]")).toBe(true);
		expect(ownedBy(jane, "jd")).toBe(true);
		expect(ownedBy(jane, "Jane")).toBe(false);
		expect(ownedBy({ owners: [] }, "Jane Doe")).toBe(false);
		expect(ownedBy({ owners: [] }, "  ")).toBe(true);
		expect(ownerLabel(jane)).toBe("JD");
		expect(ownerLabel({ owners: ["[[People/Bob]]"] })).toBe("Bob");
	});

	it("reads email and phone under their usual names", () => {
		const p = readNote("Prospects/A.md", "---\nE-mail: a@b.example\nPhone Number: '+1 555'\n---\n", settings).prospect!;
		expect([p.email, p.phone]).toEqual(["a@b.example", "+1 555"]);
		const q = readNote("Prospects/A.md", "---\nEmail Address: c@d.example\nmobile: 0170 1\n---\n", settings).prospect!;
		expect([q.email, q.phone]).toEqual(["c@d.example", "0170 1"]);
	});
});

describe("the report for one owner", () => {
	let report: DueReport;
	beforeEach(() => {
		const index = new ProspectIndex(settings);
		index.update("Prospects/A.md", "---\nowner: Jane\ncreated: 2026-11-20\n---\n");
		index.update("Prospects/B.md", "---\nowner: '[[Bob]]'\ncreated: 2026-11-23\n---\n");
		index.update("Prospects/C.md", "---\ncreated: 2026-11-23\n---\n");
		index.update("Prospects/D.md", "---\nowner: jane\nstatus: [\n---\n");
		report = index.report("2026-11-23");
	});

	it("keeps my prospects and their counts, and the problems of notes that are nobody else's", () => {
		const mine = reportFor(report, "[[Jane]]");
		expect(mine.entries.map((e) => e.prospect.path)).toEqual(["Prospects/A.md"]);
		expect(mine.counts).toMatchObject({ overdue: 1, today: 0 });
		expect(mine.problems.map((p) => p.path)).toEqual(["Prospects/D.md"]);
		expect(reportFor(report, "")).toBe(report);
		expect(report.counts).toMatchObject({ overdue: 1, today: 2 });
	});

	it("splits the figures by owner, those without one last", () => {
		expect(entriesByOwner(report.entries).map((g) => [g.owner, g.entries.length])).toEqual([
			["Bob", 1],
			["Jane", 1],
			["", 1],
		]);
		expect(statsByOwnerText(report, false)).toBe(
			[
				"Touchbase stats by owner on 2026-11-23",
				"",
				"Owner       Prospects  Overdue  Today  Touches  This week  Won  Lost  Promises kept",
				"Bob                 1        0      1        0          0    0     0              —",
				"Jane                1        1      0        0          0    0     0              —",
				"(no owner)          1        0      1        0          0    0     0              —",
				"",
			].join("\n"),
		);
		expect((JSON.parse(statsByOwnerText(report, true)) as { owners: unknown[] }).owners[1]).toEqual({ owner: "Jane", prospects: 1, overdue: 1, dueToday: 0, touches: 0, touchesThisWeek: 0, wins: 0, losses: 0, promisesKept: null });
	});
});

describe("owner, email and phone keys read loosely (README: Team vaults, The follow-ups view)", () => {
	const prospect = (...fm: string[]) => readNote("Prospects/A.md", `---\n${fm.join("\n")}\n---\n`, settings).prospect!;

	it("reads the other owner keys", () => {
		for (const key of ["assigned_to", "lead_owner", "account_owner", "sales_rep", "rep"]) expect(prospect(`${key}: Jane`).owners, key).toEqual(["Jane"]);
	});

	it("reads the other email and phone keys", () => {
		for (const key of ["email_address", "mail", "work_email", "e-mail_address"]) expect(prospect(`${key}: a@b.example`).email, key).toBe("a@b.example");
		for (const key of ["phone_number", "mobile", "mobile_phone", "cell", "cell_phone", "telephone", "tel", "work_phone"]) expect(prospect(`${key}: '0170 1'`).phone, key).toBe("0170 1");
	});

	it("reads owners as names, numbers or lists of them (an unquoted link is a list in a list), trimmed, empty ones dropped", () => {
		expect(prospect("owner: [[Jane Doe]]").owners).toEqual(["Jane Doe"]);
		expect(prospect("owner: ['  Jane ', '', 42, [[Deep]], [[[Too deep]]]]").owners).toEqual(["Jane", "42", "Deep"]);
		expect(prospect("owner: true").owners).toEqual([]);
	});

	it("matches names without case, spacing, a leading @ or a trailing .md", () => {
		const p = { owners: ["@JDoe", "[[People/Jane Doe.md|Janie]]", "a@b"] };
		for (const who of ["jdoe", "  JANE   DOE ", "Janie", "[[Jane Doe]]", "a@b"]) expect(ownedBy(p, who), who).toBe(true);
		for (const who of ["b", "a", "jane", "see [[Jane Doe]]", "[[Jane Doe]] and"]) expect(ownedBy(p, who), who).toBe(false);
		expect(ownedBy({ owners: ["jane.mdx"] }, "jane")).toBe(false);
		expect(ownedBy({ owners: ["Jane Doe"] }, "[[Jane Doe#Notes]]")).toBe(true);
	});

	it("files a prospect under its first owner as written: a link by its alias, else its note's name", () => {
		expect(ownerLabel({ owners: ["[[People/Jane Doe|Jane]]", "Bob"] })).toBe("Jane");
		expect(ownerLabel({ owners: ["[[People/Jane Doe| ]]"] })).toBe("Jane Doe");
		expect(ownerLabel({ owners: ["[[Jane Doe#Notes]]"] })).toBe("Jane Doe");
		expect(ownerLabel({ owners: ["  Jane  "] })).toBe("Jane");
		expect(ownerLabel({ owners: [" [[People/ Bob ]] "] })).toBe("Bob");
		expect(ownerLabel({ owners: ["see [[Jane]]"] })).toBe("see [[Jane]]");
		expect(ownerLabel({ owners: [] })).toBe("");
	});
});

// Mutation run of src/core/read (docs/testing.md): what an owner name is compared as.
describe("an owner's name", () => {
	it("drops only a leading @ and a trailing .md, and runs of spaces, in any case", () => {
		expect(ownerNames("Jo@Acme")).toEqual(["jo@acme"]);
		expect(ownerNames("Jane.mdx")).toEqual(["jane.mdx"]);
		expect(ownerNames(" @Jane   DOE.md ")).toEqual(["jane doe"]);
	});
});

