import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { hostname } from "node:os";
import { join, relative, resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { runImport, writeAllOrNothing } from "../../src/cli/importCommand";
import { migrateSettings } from "../../src/core/settings/settings";
import { copyVault, EXAMPLE_VAULT, FIXTURES, runCli, tempDir } from "../helpers/cli";

const EXAMPLE_CSV = resolve(__dirname, "../../examples/leads.csv");
const LEADS = join(FIXTURES, "leads");
const TODAY = ["--today", "2026-11-23"];

/** Every file and folder under `dir` with its bytes: the vault as it is. */
function snapshot(dir: string): Record<string, string> {
	const out: Record<string, string> = {};
	const walk = (d: string): void => {
		for (const name of readdirSync(d).sort()) {
			const full = join(d, name);
			const rel = relative(dir, full);
			if (statSync(full).isDirectory()) {
				out[`${rel}/`] = "";
				walk(full);
			} else out[rel] = readFileSync(full, "utf8");
		}
	};
	walk(dir);
	return out;
}

describe("touchbase import", () => {
	it("imports the example CSV: new notes with the sequence, one already in the vault, skipped rows with their lines", () => {
		const vault = copyVault(EXAMPLE_VAULT);
		const result = runCli(["import", vault, EXAMPLE_CSV, "--sequence", "trade-show lead", "--source", "Maine Business Expo 2026", ...TODAY]);
		expect(result.stderr).toBe("");
		expect(result.status).toBe(0);
		expect(result.stdout).toBe(
			[
				'Columns: firstName ← "First Name", lastName ← "Last Name", company ← "Company Name", email ← "E-mail Address", phone ← "Mobile", title ← "Job Title", notes ← "Comments", owner ← "Lead Owner"',
				"Created 3 prospect notes.",
				"  + Prospects/Nora Castillo.md",
				"  + Prospects/Dev Patel.md",
				"  + Prospects/Grace Okafor.md",
				"Already in the vault (1, not changed):",
				"  line 5: Mike Alvarez → Prospects/Harbor Roofing.md (same email)",
				"Skipped (2):",
				"  line 7: no name and no email",
				"  line 8: a duplicate of line 2",
				"",
			].join("\n"),
		);
		const dev = readFileSync(join(vault, "Prospects/Dev Patel.md"), "utf8");
		expect(dev).toContain("company: Tidewater Kayak Tours, LLC\n");
		expect(dev).toContain("source: Maine Business Expo 2026\n");
		expect(dev).toContain("owner: Sam Rivera\n");
		expect(dev).toContain("## Notes\nSeasonal business:\nfollow up before March\n");
		expect(readFileSync(join(vault, "Prospects/Harbor Roofing.md"), "utf8")).toBe(readFileSync(join(EXAMPLE_VAULT, "Prospects/Harbor Roofing.md"), "utf8"));
		// The new notes are due: each sequence's first touch is today.
		const due = JSON.parse(runCli(["due", vault, "--json", ...TODAY]).stdout) as { prospects: { path: string; due: string }[] };
		expect(due.prospects.filter((p) => p.path.startsWith("Prospects/Nora") || p.path.startsWith("Prospects/Dev")).map((p) => p.due)).toEqual(["2026-11-23", "2026-11-23"]);
		// Importing again finds them all in the vault.
		const again = runCli(["import", vault, EXAMPLE_CSV, ...TODAY]);
		expect(again.stdout).toContain("Created 0 prospect notes.");
		expect(again.stdout).toContain("Already in the vault (4, not changed):");
	});

	it("a dry run writes nothing and says what it would do", () => {
		const vault = copyVault(EXAMPLE_VAULT);
		const before = snapshot(vault);
		const result = runCli(["import", vault, join(LEADS, "contacts.vcf"), "--dry-run", ...TODAY]);
		expect(result.status).toBe(0);
		expect(result.stdout).toBe(
			[
				"Would create 2 prospect notes (dry run: nothing written).",
				"  + Prospects/Grace Okafor.md",
				"  + Prospects/Luis Ortega.md",
				"Already in the vault (1, not changed):",
				"  line 26: Mike Alvarez → Prospects/Harbor Roofing.md (same email)",
				"Skipped (1):",
				'  line 21: this vCard cannot be read: invalid line (no token ";" or ":") "THIS LINE IS BROKEN"',
				"",
			].join("\n"),
		);
		expect(snapshot(vault)).toEqual(before);
	});

	it("makes the prospect folder, and says what is wrong with the call", () => {
		const vault = tempDir();
		expect(runCli(["import", vault, join(LEADS, "linkedin.csv"), "--owner", "[[Jane]]", ...TODAY]).status).toBe(0);
		expect(readdirSync(join(vault, "Prospects")).sort()).toEqual(["Priya Raman.md", "Tom Becker.md"]);
		expect(readFileSync(join(vault, "Prospects/Tom Becker.md"), "utf8")).toContain("owner: '[[Jane]]'\n");
		expect(runCli(["import", vault, join(LEADS, "linkedin.csv"), "--sequence", "nope"]).stderr).toBe('touchbase: no sequence named "nope" (Trade-show lead, Referral)\n');
		expect(runCli(["import", vault]).stderr).toBe("touchbase: missing the lead file (.csv or .vcf)\n");
		expect(runCli(["import", vault, join(vault, "none.csv")]).status).toBe(2);
		const noNames = join(tempDir(), "x.csv");
		writeFileSync(noNames, "Company,City\nAcme,Bath\n");
		expect(runCli(["import", vault, noNames]).stderr).toBe(`touchbase: ${noNames}: no column is a name or an email (the header row is: Company, City)\n`);
	});

	it("refuses what is not leads (a README, a PDF, Windows-1252, UTF-16 without its mark): one line, exit 2, nothing written", () => {
		const vault = copyVault(EXAMPLE_VAULT);
		const before = snapshot(vault);
		const dir = tempDir();
		const files: [string, Uint8Array | string, RegExp][] = [
			["README.md", readFileSync(resolve(__dirname, "../../README.md")), /README\.md(?: is not a table of leads: \d+ of \d+ rows after the header|: no column is a name or an email)/],
			["scan.pdf", Buffer.concat([Buffer.from("%PDF-1.4\n%"), Buffer.from([0xe2, 0xe3, 0xcf, 0xd3, 0x0a, 0x00])]), /scan\.pdf is a PDF document, not a CSV or vCard file of leads/],
			["excel.csv", Buffer.concat([Buffer.from("Name;Email\r\nJos"), Buffer.from([0xe9]), Buffer.from(";jose@x.example\r\n")]), /excel\.csv is not UTF-8 text: byte 0xE9 on line 2 is not UTF-8 \(it looks like Windows-1252/],
			["nomark.csv", Buffer.from("Name,Email\nAda,ada@x.example\n", "utf16le"), /nomark\.csv is UTF-16 text without its byte-order mark/],
		];
		for (const [name, content, why] of files) {
			const file = join(dir, name);
			writeFileSync(file, content);
			for (const dry of [[], ["--dry-run"]]) {
				const r = runCli(["import", vault, file, ...dry, ...TODAY]);
				expect(r.status).toBe(2);
				expect(r.stdout).toBe("");
				expect(r.stderr).toMatch(new RegExp(`^touchbase: ${dir.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}/${why.source}`));
				expect(r.stderr.split("\n")).toHaveLength(2);
			}
		}
		expect(snapshot(vault)).toEqual(before);
	});

	it("reads UTF-16 LE and BE with their mark, Excel's tab-separated Unicode text included", () => {
		const dir = tempDir();
		const text = "First Name\tLast Name\tCompany\tMobile\r\nZoë\tBrandt\tMüller AG\t0049123456\r\n";
		const le = join(dir, "unicode.txt");
		writeFileSync(le, Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, "utf16le")]));
		const be = join(dir, "be.csv");
		writeFileSync(be, Buffer.concat([Buffer.from([0xfe, 0xff]), Buffer.from(text.replace("Zoë", "Ann"), "utf16le").swap16()]));
		const vault = tempDir();
		expect(runCli(["import", vault, le, ...TODAY]).stdout).toContain("  + Prospects/Zoë Brandt.md\n");
		expect(runCli(["import", vault, be, ...TODAY]).stdout).toContain("  + Prospects/Ann Brandt.md\n");
		const note = readFileSync(join(vault, "Prospects/Zoë Brandt.md"), "utf8");
		expect(note).toContain("company: Müller AG\n");
		// A phone with leading zeros stays a string: quoted, so no YAML reader takes it for 49123456.
		expect(note).toContain("phone: '0049123456'\n");
		expect(note).not.toContain("\u0000");
	});

	it("a failure part-way (a file appearing mid-import) removes every note it wrote and the folder it made", () => {
		const vault = tempDir();
		writeFileSync(join(vault, "Home.md"), "# Home\n");
		const before = snapshot(vault);
		const out: string[] = [];
		const err: string[] = [];
		const status = runImport(
			{ vault, file: EXAMPLE_CSV, today: "2026-11-23", dryRun: false },
			migrateSettings(undefined),
			{ out: (t) => out.push(t), err: (t) => err.push(t) },
			{
				beforeWrite: (note, i) => {
					if (i === 2) writeFileSync(join(vault, note.path), "someone else's note\n");
				},
			},
		);
		expect(status).toBe(1);
		expect(err).toEqual(["touchbase: nothing was imported: Prospects/Mike Alvarez.md appeared while importing\n"]);
		// The file that appeared is someone else's: it stays; the two notes written before it go.
		expect(snapshot(vault)).toEqual({ ...before, "Prospects/": "", "Prospects/Mike Alvarez.md": "someone else's note\n" });
	});

	it("writeAllOrNothing leaves an existing folder and removes only what it made", () => {
		const vault = tempDir();
		const notes = [
			{ path: "A/B/one.md", text: "1", lead: {} as never },
			{ path: "A/B/two.md", text: "2", lead: {} as never },
		];
		writeFileSync(join(vault, "keep.md"), "k");
		const before = snapshot(vault);
		expect(() =>
			writeAllOrNothing(vault, notes, {
				beforeWrite: (_note, i) => {
					if (i === 1) throw new Error("disk full");
				},
			}),
		).toThrow("disk full");
		expect(snapshot(vault)).toEqual(before);
	});
});

describe("--owner and --by-owner", () => {
	function teamVault(): string {
		const vault = copyVault(EXAMPLE_VAULT);
		writeFileSync(join(vault, "Prospects/Ada.md"), "---\nowner: '[[People/Jane Doe|Jane]]'\ncreated: 2026-11-23\n---\n");
		writeFileSync(join(vault, "Prospects/Bo.md"), "---\nowner: Sam\ncreated: 2026-11-20\n---\n");
		return vault;
	}

	it("due, stats and ics show only the owner's prospects", () => {
		const vault = teamVault();
		const due = JSON.parse(runCli(["due", vault, "--json", "--owner", "jane doe", ...TODAY]).stdout) as { prospects: { path: string }[]; counts: Record<string, number> };
		expect(due.prospects.map((p) => p.path)).toEqual(["Prospects/Ada.md"]);
		expect(due.counts).toMatchObject({ today: 1, overdue: 0 });
		const stats = JSON.parse(runCli(["stats", vault, "--json", "--owner", "[[Sam]]", ...TODAY]).stdout) as { prospects: number };
		expect(stats.prospects).toBe(1);
		const ics = runCli(["ics", vault, "--owner", "Jane", ...TODAY]).stdout;
		expect(ics.match(/BEGIN:VEVENT/g)).toHaveLength(1);
		expect(runCli(["log", "x.md", "--owner", "Jane"]).stderr).toBe("touchbase: --owner does not go with log\n");
	});

	it("stats --by-owner splits the figures", () => {
		const text = runCli(["stats", teamVault(), "--by-owner", ...TODAY]).stdout;
		expect(text.split("\n").slice(2, 6).map((l) => l.split(/\s{2,}/).slice(0, 3))).toEqual([
			["Owner", "Prospects", "Overdue"],
			["Jane", "1", "0"],
			["Sam", "1", "1"],
			["(no owner)", "15", "3"],
		]);
	});
});

describe("file names from leads and a killed import", () => {
	it("never a hidden file, a path or a Windows device name, always inside the prospect folder; re-import makes no copy", () => {
		const vault = copyVault(EXAMPLE_VAULT);
		const csv = join(tempDir(), "evil.csv");
		writeFileSync(csv, "Name,Company,Email\n../../etc/evil,,\n.hidden,,\nCON,,\nnul.txt,,\n..,,\n");
		const first = runCli(["import", vault, csv, ...TODAY]);
		expect(first.status).toBe(0);
		expect(first.stdout).toContain(["  + Prospects/etc evil.md", "  + Prospects/hidden.md", "  + Prospects/CON_.md", "  + Prospects/nul_.txt.md"].join("\n"));
		expect(first.stdout).toContain('line 6: ".." has no characters a file name can use');
		const again = runCli(["import", vault, csv, ...TODAY]);
		expect(again.stdout).toContain("Created 0 prospect notes.");
		expect(readdirSync(join(vault, "Prospects")).filter((n) => /evil|hidden|CON|nul/.test(n)).sort()).toEqual(["CON_.md", "etc evil.md", "hidden.md", "nul_.txt.md"]);
		expect(readdirSync(vault).filter((n) => n.includes("evil"))).toEqual([]);
		expect(existsSync(join(vault, "..", "..", "etc", "evil.md"))).toBe(false);
	});

	it("writeAllOrNothing refuses a path outside the prospect folder before writing anything", () => {
		const vault = tempDir();
		const before = snapshot(vault);
		for (const path of ["Prospects/../../evil.md", "Prospects/.hidden.md", "Other/x.md", "/etc/x.md"]) {
			expect(() => writeAllOrNothing(vault, [{ path, text: "x", lead: {} as never }], {}, "Prospects")).toThrow(/is not a file name in Prospects: nothing was imported/);
		}
		expect(snapshot(vault)).toEqual(before);
	});

	it("the next run rolls back an import killed while writing, and finishes one killed while putting its notes in place", () => {
		for (const [state, expected] of [
			["writing", /an import of 2 notes was stopped before it finished: it was rolled back, none of its notes is in the vault/],
			["committing", /an import of 2 notes was stopped while it put them in place: it was finished, all 2 are in the vault/],
		] as const) {
			const vault = copyVault(EXAMPLE_VAULT);
			writeFileSync(join(vault, "Prospects", ".tb-import-999999-0.tmp"), "---\ntype: prospect\n---\n");
			writeFileSync(join(vault, "Prospects", ".tb-import-999999-1.tmp"), "---\ntype: prospect\n---\n");
			// The first note was already put in place: its temporary name is gone.
			if (state === "committing") writeFileSync(join(vault, "Prospects", "A.md"), "---\ntype: prospect\n---\n");
			const sha = "f3c7f1d5c7ab1c1d1c1b7bbdfd9f5f6f4e1b0e7c6c14f8a1d9c1e1a8b6b3b9a0";
			const notes = [
				{ path: "Prospects/A.md", temp: "Prospects/.tb-import-999999-0.tmp", sha256: sha },
				{ path: "Prospects/B.md", temp: "Prospects/.tb-import-999999-1.tmp", sha256: sha },
			];
			if (state === "committing") rmSync(join(vault, "Prospects", ".tb-import-999999-0.tmp"));
			writeFileSync(join(vault, ".touchbase-import.json"), JSON.stringify({ format: "touchbase-import-journal/1", pid: 999999, host: hostname(), state, folders: [], notes }));
			const due = runCli(["due", vault, "--json", ...TODAY]);
			expect(due.status).toBe(0);
			expect(due.stderr).toMatch(expected);
			expect(existsSync(join(vault, ".touchbase-import.json"))).toBe(false);
			expect(readdirSync(join(vault, "Prospects")).filter((n) => n.startsWith(".") || n === "A.md" || n === "B.md")).toEqual(state === "writing" ? [] : ["A.md", "B.md"]);
		}
	});

	it("a rollback that cannot remove a note lists it, and does not say nothing was imported", () => {
		const vault = copyVault(EXAMPLE_VAULT);
		const out: string[] = [];
		const err: string[] = [];
		const prospects = join(vault, "Prospects");
		const status = runImport({ vault, file: EXAMPLE_CSV, today: "2026-11-23", dryRun: false }, migrateSettings(undefined), { out: (t) => out.push(t), err: (t) => err.push(t) }, {
			beforeWrite: (note, i) => {
				// Root may remove files from a read-only folder: a folder in place of the temp name stands for a note that cannot be removed.
				if (i !== 0) return;
				mkdirSync(join(prospects, `.tb-import-${process.pid}-1.tmp`));
				writeFileSync(join(prospects, `.tb-import-${process.pid}-1.tmp`, "x"), `${note.path}\n`);
			},
		});
		expect(status).toBe(1);
		expect(err.join("")).toMatch(/^touchbase: the import failed \(Prospects\/Dev Patel\.md could not be written \(EEXIST\)\) and 1 of its notes could not be removed:\n {2}Prospects\/\.tb-import-\d+-1\.tmp\n$/);
		expect(err.join("")).not.toContain("nothing was imported");
	});
});
