// The CLI reads well in a terminal (README, "The command line"): `due` fits the width, colour
// only where it belongs, help per command, an empty list that says why, plurals right.
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { outputWidth, wantsColour } from "../../src/cli/terminal";
import { displayWidth } from "../../src/core/show/width";
import { EXAMPLE_VAULT, runCli, tempDir, touchbase } from "../helpers/cli";

const TODAY = ["--today", "2026-11-23"];
const ESC = "\u001b[";

/** A vault with a 200,000-character summary, wide names and a long path problem. */
function hardVault(): string {
	const vault = tempDir();
	mkdirSync(join(vault, "Prospects"));
	writeFileSync(join(vault, "Prospects", "Long.md"), `- [ ] 2026-11-25 call: ${"word ".repeat(40_000)}\n`);
	writeFileSync(join(vault, "Prospects", "東京商事株式会社の山田太郎さん.md"), "- [ ] 2026-11-24 email: 見積もりを送る → 来週\n");
	writeFileSync(join(vault, "Prospects", "Emoji 👩‍💻🎉 Studio.md"), "- 2026-11-20 call: 🎉🎉🎉 loved it\n");
	writeFileSync(join(vault, "Prospects", "Broken.md"), "---\nstatus: [\n---\n");
	return vault;
}

describe("due fits the width", () => {
	for (const columns of [60, 80, 120]) {
		it(`at ${columns} columns every line fits, long summaries end in …, wide characters count two`, () => {
			for (const vault of [EXAMPLE_VAULT, hardVault()]) {
				const r = runCli(["due", vault, ...TODAY], { columns });
				expect(r.status).toBe(0);
				const lines = r.stdout.split("\n");
				for (const line of lines) expect({ line, width: displayWidth(line) <= columns }).toEqual({ line, width: true });
				if (vault !== EXAMPLE_VAULT) {
					const long = lines.find((l) => l.includes("Long"))!;
					expect(long.endsWith("…")).toBe(true);
					expect(displayWidth(long)).toBe(columns);
					expect(r.stdout.length).toBeLessThan(5_000);
				}
			}
		});
	}

	it("the built CLI takes COLUMNS, else 80 when not on a terminal", () => {
		const wide = touchbase(["due", EXAMPLE_VAULT, ...TODAY], { env: { COLUMNS: "120" } });
		expect(wide.stdout).toBe(runCli(["due", EXAMPLE_VAULT, ...TODAY], { columns: 120 }).stdout);
		expect(Math.max(...wide.stdout.split("\n").map(displayWidth))).toBeGreaterThan(100);
		const piped = touchbase(["due", EXAMPLE_VAULT, ...TODAY]);
		expect(Math.max(...piped.stdout.split("\n").map(displayWidth))).toBeLessThanOrEqual(80);
		expect(outputWidth({ COLUMNS: "132" }, { isTTY: true, columns: 90 })).toBe(132);
		expect(outputWidth({}, { isTTY: true, columns: 90 })).toBe(90);
		expect(outputWidth({ COLUMNS: "wide" }, { isTTY: false })).toBe(80);
	});
});

describe("colour only on a terminal", () => {
	it("none through a pipe or with NO_COLOR; FORCE_COLOR forces it; the text is the same without the codes", () => {
		const args = ["due", EXAMPLE_VAULT, ...TODAY];
		const piped = touchbase(args);
		expect(piped.stdout).not.toContain(ESC);
		const forced = touchbase(args, { env: { FORCE_COLOR: "1" } });
		expect(forced.stdout).toContain(`${ESC}1mOverdue (3)`);
		expect(forced.stdout).toContain(`${ESC}31m`);
		// eslint-disable-next-line no-control-regex -- the terminal's escape codes, taken out
		expect(forced.stdout.replace(/\u001b\[\d+m/g, "")).toBe(piped.stdout);
		expect(touchbase(args, { env: { FORCE_COLOR: "1", NO_COLOR: "1" } }).stdout).not.toContain(ESC);
		expect(touchbase(args, { env: { FORCE_COLOR: "0" } }).stdout).not.toContain(ESC);
		expect(touchbase([...args, "--json"], { env: { FORCE_COLOR: "1" } }).stdout).not.toContain(ESC);
	});

	it("decides as no-color.org and FORCE_COLOR say, on a terminal only by default", () => {
		expect(wantsColour({}, { isTTY: true })).toBe(true);
		expect(wantsColour({}, { isTTY: false })).toBe(false);
		expect(wantsColour({ TERM: "dumb" }, { isTTY: true })).toBe(false);
		expect(wantsColour({ NO_COLOR: "1" }, { isTTY: true })).toBe(false);
		expect(wantsColour({ NO_COLOR: "" }, { isTTY: true })).toBe(true);
		expect(wantsColour({ FORCE_COLOR: "" }, { isTTY: false })).toBe(true);
		expect(wantsColour({ FORCE_COLOR: "false" }, { isTTY: true })).toBe(false);
	});
});

describe("help per command", () => {
	for (const command of ["due", "stats", "log", "ics", "status", "explain", "import"]) {
		it(`touchbase help ${command} and ${command} --help describe it, with an example and its options`, () => {
			const help = runCli(["help", command]);
			expect(help.status).toBe(0);
			expect(help.stdout).toMatch(new RegExp(`^Usage: touchbase ${command} `));
			expect(help.stdout).toContain(`\nExample:\n  touchbase ${command} `);
			expect(help.stdout).toContain("\nOptions:\n  --");
			expect(runCli([command, "--help"]).stdout).toBe(help.stdout);
		});
	}

	it("help alone is the general usage; an unknown command is a usage error", () => {
		expect(runCli(["help"]).stdout).toMatch(/^Usage:\n {2}touchbase due VAULT/);
		expect(runCli(["--help"]).stdout).toBe(runCli(["help"]).stdout);
		const r = runCli(["help", "nope"]);
		expect(r.status).toBe(2);
		expect(r.stderr).toMatch(/^touchbase: unknown command "nope"/);
	});
});

describe("an empty list says why", () => {
	it("--owner that owns nothing says so, not that the vault has no prospects", () => {
		const r = runCli(["due", EXAMPLE_VAULT, "--owner", "Nobody", ...TODAY]);
		expect(r.status).toBe(0);
		expect(r.stdout).not.toContain("No prospects found");
		// Wrapped at 80 columns: joined again here.
		expect(r.stdout.replace(/\n(?=\S)/g, " ")).toContain('No prospect is owned by "Nobody" (the vault has 15 prospects: leave out --owner to see them all, or check the owner\'s name).');
	});

	it("an empty vault still says where to put notes", () => {
		expect(runCli(["due", tempDir(), ...TODAY]).stdout).toContain("No prospects found. Put notes in Prospects/");
	});
});

describe("plurals", () => {
	it("1 frontmatter key, 1 interaction note; 2 touch lines", () => {
		const vault = tempDir();
		mkdirSync(join(vault, "Prospects"));
		mkdirSync(join(vault, "Meetings"));
		writeFileSync(join(vault, "Prospects", "Dana.md"), "---\nlast_contacted: 2026-11-01\n---\n- 2026-11-10 call: a\n- 2026-11-12 email: b\n");
		writeFileSync(join(vault, "Meetings", "2026-11-18 Review with Dana.md"), '---\nattendees: ["[[Dana]]"]\n---\n');
		const last = runCli(["due", vault, ...TODAY]).stdout.trimEnd().split("\n").at(-1);
		expect(last).toBe("from: 2 touch lines, 1 frontmatter key, 1 interaction note");
	});
});
