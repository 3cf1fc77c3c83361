import fc from "fast-check";
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, relative, sep } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { generateVault } from "../../bench/generate";
import { ProspectIndex } from "../../src/core/index/prospectIndex";
import { readNote } from "../../src/core/read/note";
import { migrateSettings, type TouchbaseSettings } from "../../src/core/settings/settings";
import { dueJson } from "../../src/core/show/dueJson";
import { readFrontmatter } from "../../src/core/text/frontmatter";
import { givenFrontmatter } from "../../src/plugin/index/readCacheStore";
import { parseMarkdown } from "../fakes/metadata";
import { FIXTURES } from "../helpers/files";
import { SEED } from "./arbitraries";

// Frontmatter from Obsidian's metadata cache (the plugin) and frontmatter parsed here (the CLI)
// give the same answers: every note's read, and `due --json` on several days, byte for byte.

const ROOT = join(__dirname, "..", "..");

function markdownFiles(vault: string, dir = vault): string[] {
	return readdirSync(dir).flatMap((name) => {
		if (name.startsWith(".")) return [];
		const full = join(dir, name);
		return statSync(full).isDirectory() ? markdownFiles(vault, full) : name.endsWith(".md") ? [relative(vault, full).split(sep).join("/")] : [];
	});
}

function settingsOf(vault: string): TouchbaseSettings {
	const data = join(vault, ".obsidian", "plugins", "touchbase", "data.json");
	return migrateSettings(existsSync(data) ? JSON.parse(readFileSync(data, "utf8")) : undefined);
}

const DAYS = ["2026-01-15", "2026-11-23", "2027-03-01"];

/** Reads a vault both ways; returns how many notes took Obsidian's frontmatter as it was. */
function compareVault(vault: string): { notes: number; given: number; prospects: number } {
	const settings = settingsOf(vault);
	const parsed = new ProspectIndex(settings);
	const cached = new ProspectIndex(settings);
	let given = 0;
	let prospects = 0;
	const paths = markdownFiles(vault);
	for (const path of paths) {
		const text = readFileSync(join(vault, path), "utf8");
		const cache = givenFrontmatter(parseMarkdown(text));
		const a = readNote(path, text, settings);
		const b = readNote(path, text, settings, { given: cache });
		expect(b, path).toEqual(a);
		if (a.prospect) prospects++;
		// Taken as it is: the very object of the metadata cache.
		const read = readFrontmatter(text, cache);
		if (cache?.data !== undefined && read.ok && read.data === cache.data) given++;
		parsed.put(path, a);
		cached.put(path, b);
	}
	for (const day of DAYS) expect(JSON.stringify(dueJson(cached.report(day))), `${vault} ${day}`).toBe(JSON.stringify(dueJson(parsed.report(day))));
	return { notes: paths.length, given, prospects };
}

const benchVault = mkdtempSync(join(tmpdir(), "touchbase-fm-"));
afterAll(() => rmSync(benchVault, { recursive: true, force: true }));

describe("frontmatter from Obsidian's metadata cache gives the answers of the YAML parsed here", () => {
	it("on the example vault", () => {
		const r = compareVault(join(ROOT, "examples", "vault"));
		expect(r.given).toBeGreaterThan(10);
		expect(r.prospects).toBeGreaterThan(5);
	});

	it("on the conformance vault", () => {
		const r = compareVault(join(FIXTURES, "conformance", "vault"));
		expect(r.given).toBeGreaterThan(5);
	});

	it("on the real notes", () => {
		const r = compareVault(join(FIXTURES, "real", "vault"));
		expect(r.given).toBeGreaterThan(20);
	});

	it("on a bench vault of 1,000 notes", () => {
		generateVault(benchVault, 1000);
		const r = compareVault(benchVault);
		expect(r.notes).toBe(1000);
		expect(r.prospects).toBeGreaterThan(150);
		expect(r.given).toBeGreaterThan(300);
	});

	it("on any frontmatter", () => {
		const value = fc.constantFrom(
			"2026-01-10", "'2026-01-10'", "2026-01-10 10:30", "2026-01-10T10:30:00Z", "[[2026-01-10]]", "\"[[2026-01-10]]\"", "{{date}}", "\"{{date}}\"",
			"8000", "8,000", "0x1F", "1e3", ".nan", ".inf", "-.inf", "true", "True", "yes", "null", "~", "", "[]", "{}", "[a, b]", "\"\\u0070rospect\"",
			"|\n  two\n  lines", "&a prospect", "[prospect, lead]", "{ a: 1 }", "'it''s'", "bad: [", ": x", "- a\n- b",
		);
		const key = fc.constantFrom("type", "tags", "status", "next_follow_up", "last_touch", "created", "value", "company", "Next Follow Up", "cadence", "owner", "attendees");
		const closer = fc.constantFrom("---", "...", "--- ");
		const ending = fc.constantFrom("\n", "\r\n");
		const bom = fc.constantFrom("", "\uFEFF");
		fc.assert(
			fc.property(fc.array(fc.tuple(key, value), { maxLength: 6 }), closer, ending, bom, (pairs, close, eol, mark) => {
				const yaml = pairs.map(([k, v]) => `${k}: ${v}`).join(eol);
				const text = `${mark}---${eol}${yaml}${yaml === "" ? "" : eol}${close}${eol}- 2026-11-20 call: talked${eol}`;
				const cache = givenFrontmatter(parseMarkdown(text));
				expect(readFrontmatter(text, cache)).toEqual(readFrontmatter(text));
				const settings = migrateSettings(undefined);
				for (const path of ["Prospects/A.md", "Notes/B.md"]) expect(readNote(path, text, settings, { given: cache })).toEqual(readNote(path, text, settings));
			}),
			{ seed: SEED, numRuns: 400 },
		);
	});

	it("a Date of another YAML reader is not taken as it is", () => {
		const text = "---\nnext_follow_up: 2026-01-10\n---\n";
		const other = { data: { next_follow_up: new Date(Date.UTC(2026, 0, 10)) }, closeLine: 2 };
		expect(readFrontmatter(text, other)).toEqual(readFrontmatter(text));
		// Where the two readers see different blocks (a `...` closer Obsidian does not know), the block is parsed here.
		const dots = "---\nstatus: lead\n...\nstatus: won\n---\n";
		expect(readFrontmatter(dots, { data: { status: "won" }, closeLine: 4 })).toEqual(readFrontmatter(dots));
	});
});
