import { appendFileSync, readdirSync, readFileSync, rmSync, utimesSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { seedPhrases, type Layout } from "../../src/cli/answerPatch";
import { naturalDatesRead, type NaturalDate } from "../../src/core/text/nextClause";
import { copyVault, EXAMPLE_VAULT, runCli, tempDir } from "../helpers/cli";

// `due --json` after a few notes changed mends the kept answer (src/cli/answerPatch.ts): the
// answer must be the bytes a run without any cache prints, whatever changed.

const TODAY = "2026-11-23";
/** The clock the CLI compares file times with, a minute ahead (see readCache.test.ts). */
const LATER = (): number => Date.now() + 60_000;
let clock = Date.parse("2026-01-01T00:00:00Z");

/** Gives a file an old modification time of its own, so the run can vouch for it. */
function age(full: string): void {
	clock += 1000;
	utimesSync(full, new Date(clock), new Date(clock));
}

function oldVault(): string {
	const vault = copyVault(EXAMPLE_VAULT);
	const walk = (dir: string): void => {
		for (const entry of readdirSync(dir, { withFileTypes: true })) {
			const full = join(dir, entry.name);
			if (entry.isDirectory()) walk(full);
			else age(full);
		}
	};
	walk(vault);
	return vault;
}

function due(vault: string, cacheDir: string | null, extra: string[] = []): { status: number | null; stdout: string; stderr: string } {
	return runCli(["due", vault, "--today", TODAY, "--json", ...extra], { cacheDir, fileClock: LATER });
}

function files(dir: string, part: string): string[] {
	return readdirSync(dir)
		.filter((name) => name.includes(part))
		.map((name) => join(dir, name));
}

/** Every index shard made unreadable: a run that builds the report from them says so on stderr. */
function damageShards(cache: string): void {
	for (const file of files(cache, "index-")) writeFileSync(file, "damaged\n");
}

/** The kinds the layout's head gives the notes, by path. */
function kinds(cache: string): Map<string, string> {
	const head = readFileSync(files(cache, "layout-")[0], "utf8").split("\n")[0];
	return new Map((JSON.parse(head) as { notes: [string, number, number, number, string][] }).notes.map((n) => [n[0], n[4]]));
}

describe("due --json after a few notes changed", () => {
	it("mends the kept answer, reading only the changed notes: the bytes of a run without cache", () => {
		const vault = oldVault();
		const cache = tempDir();
		// An interaction note that adds a touch to a prospect edited below: the mended row must have it.
		const without = due(vault, null).stdout;
		const meeting = join(vault, "Meetings/2026-11-05 Site walk.md");
		writeFileSync(meeting, "---\ntype: meeting\ndate: 2026-11-05\n---\n# Site walk\n\nWalked the roofs with [[Harbor Roofing]].\n");
		age(meeting);
		expect(due(vault, null).stdout).not.toBe(without);
		expect(due(vault, cache)).toEqual(due(vault, null));
		expect(kinds(cache).get("Meetings/2026-11-05 Site walk.md")).toBe("i");
		expect(kinds(cache).get("Prospects/Harbor Roofing.md")).toBe("p");
		expect(kinds(cache).get("Meetings/2026-11-10 Chamber mixer.md")).toBe("i");
		const edits: [string, () => void][] = [
			["a touch line added to a prospect", () => appendFileSync(join(vault, "Prospects/Harbor Roofing.md"), "\n- 2026-11-22 call: Mike wants the quote → next: 2026-11-24\n")],
			["a prospect's status and value changed", () => writeFileSync(join(vault, "Prospects/Greenway Solar.md"), readFileSync(join(vault, "Prospects/Greenway Solar.md"), "utf8").replace(/^status: .*$/m, "status: paused").replace(/^value: .*$/m, "value: 999999"))],
			["a prospect an interaction note links to", () => appendFileSync(join(vault, "Prospects/Bluebird Event Rentals.md"), "\n- 2026-11-21 email: sent the quote\n")],
			["an ordinary note changed", () => appendFileSync(join(vault, "Notes/Pipeline.md"), "\nMore thoughts.\n")],
			["a new prospect", () => writeFileSync(join(vault, "Prospects/Zeta Labs.md"), "---\nstatus: active\nvalue: 14500\n---\n# Zeta Labs\n\n- 2026-11-20 call: intro → next: 2026-11-19\n")],
			["a prospect with a broken date", () => writeFileSync(join(vault, "Prospects/Alpha Works.md"), "---\nstatus: active\ncreated: 2026-02-30\n---\n# Alpha Works\n\n- 2026-11-20 call: intro\n")],
			["a prospect gone", () => rmSync(join(vault, "Prospects/Tidewater Marina.md"))],
			["a prospect that is no prospect any more", () => writeFileSync(join(vault, "Prospects/Zeta Labs.md"), "Nothing here.\n")],
		];
		for (const [what, edit] of edits) {
			edit();
			for (const name of ["Prospects/Harbor Roofing.md", "Prospects/Bluebird Event Rentals.md", "Prospects/Greenway Solar.md", "Notes/Pipeline.md", "Prospects/Zeta Labs.md", "Prospects/Alpha Works.md"]) {
				try {
					age(join(vault, name));
				} catch {
					// Not there (yet, or any more).
				}
			}
			damageShards(cache);
			const expected = due(vault, null);
			expect(due(vault, cache), what).toEqual(expected);
			// Nothing changed since: the same bytes again.
			expect(due(vault, cache), what).toEqual(expected);
		}
		expect(kinds(cache).get("Prospects/Tidewater Marina.md")).toBeUndefined();
		expect(kinds(cache).get("Prospects/Alpha Works.md")).toBe("p");
	});

	it("builds the report as before when an interaction note changed, or too many notes did", () => {
		const vault = oldVault();
		const cache = tempDir();
		due(vault, cache);
		const meeting = join(vault, "Meetings/2026-11-10 Chamber mixer.md");
		appendFileSync(meeting, "- 2026-11-10 coffee: [[Harbor Roofing]] — Mike, roofs\n");
		age(meeting);
		damageShards(cache);
		const expected = due(vault, null);
		const got = due(vault, cache);
		expect(got.stdout).toBe(expected.stdout);
		expect(got.stderr).toMatch(/partly ignored and is rebuilt/);

		for (let i = 0; i < 40; i++) {
			const full = join(vault, `Notes/Extra ${i}.md`);
			writeFileSync(full, `Note ${i}\n`);
			age(full);
		}
		damageShards(cache);
		const many = due(vault, cache);
		expect(many.stdout).toBe(due(vault, null).stdout);
		expect(many.stderr).toMatch(/partly ignored and is rebuilt/);
	});

	it("never prints a wrong answer from a damaged, truncated or foreign layout", () => {
		const vault = oldVault();
		const cache = tempDir();
		due(vault, cache);
		const note = join(vault, "Prospects/Harbor Roofing.md");
		appendFileSync(note, "\n- 2026-11-22 call: Mike wants the quote → next: 2026-11-24\n");
		age(note);
		const expected = due(vault, null);
		const file = files(cache, "layout-")[0];
		const good = readFileSync(file);
		const head = good.indexOf(0x0a);
		const versions: Buffer[] = [
			good.subarray(0, good.length - 10),
			good.subarray(0, head + 1),
			Buffer.from(good.toString("utf8").replace(`"scope":"`, `"scope":"/elsewhere`)),
			Buffer.alloc(0),
		];
		// A flipped byte in the head, in the answer, in the hash.
		for (const at of [20, head + 40, good.length - 5]) {
			const flipped = Buffer.from(good);
			flipped[at] ^= 4;
			versions.push(flipped);
		}
		for (const version of versions) {
			writeFileSync(file, version);
			for (const name of readdirSync(cache)) if (name.startsWith("answers-")) rmSync(join(cache, name));
			const got = due(vault, cache);
			expect(got.status).toBe(0);
			expect(got.stdout).toBe(expected.stdout);
		}
	});

	it("is made for due --json of every prospect only", () => {
		const vault = oldVault();
		const cache = tempDir();
		runCli(["due", vault, "--today", TODAY], { cacheDir: cache, fileClock: LATER });
		runCli(["due", vault, "--today", TODAY, "--json", "--owner", "someone"], { cacheDir: cache, fileClock: LATER });
		runCli(["stats", vault, "--today", TODAY, "--json"], { cacheDir: cache, fileClock: LATER });
		expect(files(cache, "layout-")).toEqual([]);
		due(vault, cache);
		expect(files(cache, "layout-")).toHaveLength(1);
	});
});

describe("natural-language dates kept for the next run", () => {
	it("are put back only when read in the same time zone and whole", () => {
		const zone = Intl.DateTimeFormat().resolvedOptions().timeZone;
		const layout = (key: string, tz: string, found: unknown): Layout => ({ key: "", notes: [], interactions: {}, text: "", tz, phrases: [[key, found as NaturalDate]] });
		seedPhrases(layout("en\n2026-11-23\nkept phrase one", zone, { date: "2026-11-30", time: null, length: 4 }));
		seedPhrases(layout("en\n2026-11-23\nkept phrase two", "Elsewhere/Nowhere", { date: "2026-11-30", time: null, length: 4 }));
		seedPhrases(layout("en\n2026-11-23\nkept phrase three", zone, { date: 20261130, time: null, length: 4 }));
		const keys = new Set(naturalDatesRead().map(([key]) => key));
		expect(keys.has("en\n2026-11-23\nkept phrase one")).toBe(true);
		expect(keys.has("en\n2026-11-23\nkept phrase two")).toBe(false);
		expect(keys.has("en\n2026-11-23\nkept phrase three")).toBe(false);
	});
});
