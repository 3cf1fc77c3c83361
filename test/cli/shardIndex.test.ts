// The CLI's index in shards (src/cli/shardIndex.ts, docs/performance.md "Index shards"): a run
// killed between (or during) its shard writes leaves files the next run uses or repairs, never a
// wrong answer; touches decoded while the index is built are dropped again, and kept after.
import { readdirSync, readFileSync, rmSync, utimesSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { setTimeout as sleep } from "node:timers/promises";
import { describe, expect, it } from "vitest";
import { keepTouches, shardOf, SHARDS, splitRecord, withLazyTouches } from "../../src/cli/shardIndex";
import { RACY_MARGIN_MS } from "../../src/core/index/readCache";
import type { ProspectNote, Touch } from "../../src/core/read/note";
import { copyVault, EXAMPLE_VAULT } from "../helpers/cli";
import { countCalls, faultCacheHome, runFailingAt, runKilledAt, runPlain, sample, straceWorks } from "../helpers/faults";
import { readShard, shardFilesIn } from "../helpers/shards";

const TODAY = ["--today", "2026-11-23"];

describe("shards", () => {
	it("spread a vault's paths over all 16, always the same for a path", () => {
		const seen = new Set<number>();
		for (let i = 0; i < 400; i++) seen.add(shardOf(`Prospects/Lead ${i}.md`));
		expect(seen.size).toBe(SHARDS);
		expect(shardOf("Prospects/Acme.md")).toBe(shardOf("Prospects/Acme.md"));
	});

	it("keep a record's touches apart, unless the record has tagged values (decoded whole)", () => {
		expect(splitRecord('@2026-11-23{"prospect":{"touches":0}}\u0001[[1]]')).toEqual({ head: '@2026-11-23{"prospect":{"touches":0}}', touches: "[[1]]" });
		expect(splitRecord('\u0000{"prospect":{"touches":0}}\u0001[[1]]').touches).toBeNull();
		expect(splitRecord('{"prospect":null,"problems":[]}').touches).toBeNull();
	});

	it("decode touches when first read; while an index is built only the last few stay, then all of them", () => {
		let loads = 0;
		const touches = [{ line: 3 }] as unknown as Touch[];
		const reads = Array.from({ length: 6 }, (_, i) =>
			withLazyTouches({ prospect: { path: `P${i}.md`, name: `P${i}`, touches: [] } as unknown as ProspectNote, problems: [] }, () => (loads++, touches), () => []),
		);
		keepTouches(false);
		for (const read of reads) expect(read.prospect!.touches).toBe(touches);
		expect(loads).toBe(6);
		// The last four are still there; the first was dropped and is decoded again.
		expect(reads[5].prospect!.touches).toBe(touches);
		expect(loads).toBe(6);
		void reads[0].prospect!.touches;
		expect(loads).toBe(7);
		keepTouches(true);
		for (const read of reads) void read.prospect!.touches;
		const after = loads;
		for (const read of reads) void read.prospect!.touches;
		expect(loads).toBe(after);
		// Its other keys as they were, touches last.
		expect(Object.keys(reads[0].prospect!)).toEqual(["path", "name", "touches"]);
	});
});

describe.skipIf(!straceWorks())("a run killed while it writes its shards", () => {
	it("leaves shards the next run uses or writes again: the answer is always right, nothing is left behind", async () => {
		const vault = copyVault(EXAMPLE_VAULT);
		const cache = join(faultCacheHome(), "touchbase");
		const args = ["due", vault, ...TODAY, "--json"];
		// Notes are kept once their change time is older than the racy margin.
		await sleep(RACY_MARGIN_MS + 200);
		const plain = runPlain([...args, "--no-cache"]).stdout;
		const note = join(vault, "Prospects", "Harbor Roofing.md");
		const original = readFileSync(note, "utf8");
		utimesSync(note, new Date("2026-01-01"), new Date("2026-01-01"));
		let runs = 0;
		// Cold (every shard written), then after one edit (one shard written again over the others).
		for (const edited of [false, true]) {
			const prepare = async (): Promise<void> => {
				rmSync(cache, { recursive: true, force: true });
				if (!edited) return;
				writeFileSync(note, original);
				expect(runPlain(args).stdout).toBe(plain);
				// One note edited long enough ago to be kept: its shard alone is written again.
				writeFileSync(note, `${original}\n`);
				utimesSync(note, new Date("2026-01-01"), new Date("2026-01-02"));
				await sleep(RACY_MARGIN_MS + 200);
			};
			await prepare();
			const { counts } = countCalls(args);
			expect(counts.rename).toBeGreaterThan(edited ? 0 : 4);
			const expected = runPlain([...args, "--no-cache"]).stdout;
			for (const call of ["write", "fsync", "rename"] as const) {
				for (const n of sample(counts[call], edited ? 3 : 6)) {
					await prepare();
					runKilledAt(args, call, n);
					const next = runPlain(args);
					expect(next.status).toBe(0);
					expect(next.stdout).toBe(expected);
					expect(next.stderr).toBe("");
					// The killed run's temporary files are gone; every shard is whole and the next run agrees.
					expect(readdirSync(cache).filter((name) => name.startsWith("."))).toEqual([]);
					for (const file of shardFilesIn(cache)) expect(() => readShard(file)).not.toThrow();
					expect(runPlain(args).stdout).toBe(expected);
					runs++;
				}
			}
		}
		expect(runs).toBeGreaterThan(20);
	}, 300_000);

	it("on a full disk, answers as --no-cache does, with one line on stderr, and the next run writes the shards", async () => {
		const vault = copyVault(EXAMPLE_VAULT);
		const cache = join(faultCacheHome(), "touchbase");
		const args = ["due", vault, ...TODAY, "--json"];
		await sleep(RACY_MARGIN_MS + 200);
		const plain = runPlain([...args, "--no-cache"]).stdout;
		// A shard is written with positioned writes (`pwrite64`): the first, the second and a later one fail.
		for (const n of [1, 2, 4]) {
			rmSync(cache, { recursive: true, force: true });
			const r = runFailingAt(args, "pwrite64", n, "ENOSPC");
			expect(r.status).toBe(0);
			expect(r.stdout).toBe(plain);
			expect(r.stderr).toMatch(/^touchbase: the index cache could not be written to .* \(ENOSPC\); the next run reads every note again\n$/);
			expect(readdirSync(cache).filter((name) => name.startsWith("."))).toEqual([]);
			// The answer was kept (it does not depend on the index); without it, the next run writes the shards.
			for (const name of readdirSync(cache)) if (name.startsWith("answers-") || name.startsWith("layout-")) rmSync(join(cache, name));
			expect(runPlain(args)).toEqual({ status: 0, stdout: plain, stderr: "" });
			expect(shardFilesIn(cache).length).toBeGreaterThan(1);
		}
	}, 120_000);
});
