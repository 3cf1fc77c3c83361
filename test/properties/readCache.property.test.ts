import fc from "fast-check";
import { mkdirSync, readdirSync, readFileSync, renameSync, rmSync, utimesSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { describe, expect, it } from "vitest";
import { PARSER_VERSION } from "../../src/core/read/note";
import { CLI_BUILD, runCli, tempDir } from "../helpers/cli";
import { SEED } from "./arbitraries";

// The persisted index and the parse threads must never change an answer: after any sequence of
// edits, renames, deletions, settings changes and parser-version bumps, `due --json` is the same
// bytes cached or not, threaded or not.

const PATHS = ["Prospects/A.md", "Prospects/B.md", "Prospects/Sub/C.md", "Notes/D.md", "Notes/E.md", "F.md"];

const noteText = fc
	.record({
		fm: fc.constantFrom("", "type: prospect", "tags: [prospect]", "status: paused\npaused_until: 2026-12-01", "value: .nan", "value: .inf", "company: \"\\0x\"", "bad: [", "created: 2026-02-30"),
		touches: fc.array(
			fc.tuple(fc.constantFrom("", "[ ] ", "[x] "), fc.constantFrom("2026-11-20", "2026-11-23", "2026-11-25", "2026-12-01"), fc.constantFrom("call", "email"), fc.constantFrom("", " next: tomorrow", " → next: 2026-11-30", " next: in 3 days")),
			{ maxLength: 3 },
		),
		inline: fc.constantFrom("", "#prospect", "prospecting"),
	})
	.map(({ fm, touches, inline }) => [fm === "" ? "" : `---\n${fm}\n---`, `# Note ${inline}`, ...touches.map(([box, day, channel, next]) => `- ${box}${day} ${channel}: talked${next}`), ""].join("\n"));

const op = fc.oneof(
	{ weight: 5, arbitrary: fc.record({ kind: fc.constant("write" as const), path: fc.constantFrom(...PATHS), text: noteText, sameSize: fc.boolean() }) },
	{ weight: 1, arbitrary: fc.record({ kind: fc.constant("delete" as const), path: fc.constantFrom(...PATHS) }) },
	{ weight: 1, arbitrary: fc.record({ kind: fc.constant("rename" as const), from: fc.constantFrom(...PATHS), to: fc.constantFrom(...PATHS) }) },
	{ weight: 1, arbitrary: fc.record({ kind: fc.constant("settings" as const), tag: fc.constantFrom("prospect", "lead"), folders: fc.constantFrom(["Prospects"], ["Notes"], []), days: fc.constantFrom(7, 30) }) },
	{ weight: 1, arbitrary: fc.record({ kind: fc.constant("bump" as const) }) },
);

describe("the persisted index and the parse threads never change an answer", () => {
	it("cached, uncached, threaded and single-threaded give the same bytes after any edits", () => {
		fc.assert(
			fc.property(fc.array(op, { minLength: 1, maxLength: 6 }), (ops) => {
				const vault = tempDir();
				const single = tempDir();
				const threaded = tempDir();
				// Old, distinct modification times: every note can be kept at once.
				let clock = Date.parse("2026-01-01T00:00:00Z");
				const touch = (full: string): void => {
					clock += 1000;
					utimesSync(full, new Date(clock), new Date(clock));
				};
				const workers = { script: CLI_BUILD, count: 2 };
				const answer = (cacheDir: string | null, threads: boolean): string => {
					const r = runCli(["due", vault, "--today", "2026-11-23", "--json"], { cacheDir, workers: threads ? workers : null, threadMinNotes: 0 });
					expect(r.status).toBe(0);
					return r.stdout;
				};
				for (const o of ops) {
					if (o.kind === "write") {
						const full = join(vault, o.path);
						mkdirSync(dirname(full), { recursive: true });
						let text = o.text;
						// An edit that keeps the size: only the stamp's time tells it apart.
						if (o.sameSize) {
							try {
								const before = readFileSync(full, "utf8");
								text = before.length > 0 ? before.replace(/\d(?=\D*$)/, (d) => String((Number(d) + 1) % 10)) : text;
							} catch {
								// A new note.
							}
						}
						writeFileSync(full, text);
						touch(full);
					} else if (o.kind === "delete") {
						rmSync(join(vault, o.path), { force: true });
					} else if (o.kind === "rename") {
						try {
							mkdirSync(dirname(join(vault, o.to)), { recursive: true });
							renameSync(join(vault, o.from), join(vault, o.to));
						} catch {
							// Nothing to rename.
						}
					} else if (o.kind === "settings") {
						const dir = join(vault, ".obsidian", "plugins", "touchbase");
						mkdirSync(dir, { recursive: true });
						writeFileSync(join(dir, "data.json"), JSON.stringify({ prospectTag: o.tag, prospectFolders: o.folders, upcomingDays: o.days }));
					} else {
						// What a new parser version finds: files written by the one before.
						for (const dir of [single, threaded]) {
							for (const name of safeList(dir)) {
								const file = join(dir, name);
								writeFileSync(file, readFileSync(file, "utf8").replace(`"key":"${PARSER_VERSION}\\n`, `"key":"${PARSER_VERSION - 1}\\n`));
							}
						}
					}
					const expected = answer(null, false);
					expect(answer(single, false)).toBe(expected);
					expect(answer(threaded, true)).toBe(expected);
				}
				// Warm runs after the last change, and the threads without any cache.
				const expected = answer(null, false);
				expect(answer(single, false)).toBe(expected);
				expect(answer(threaded, true)).toBe(expected);
				expect(answer(null, true)).toBe(expected);
			}),
			{ seed: SEED, numRuns: 10 },
		);
	}, 240_000);
});

function safeList(dir: string): string[] {
	try {
		return readdirSync(dir);
	} catch {
		return [];
	}
}
