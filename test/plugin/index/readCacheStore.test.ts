// @vitest-environment happy-dom
import { cpSync, existsSync, readdirSync, readFileSync, rmSync, statSync, utimesSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterEach, describe, expect, it, vi } from "vitest";
import TouchbasePlugin from "../../../src/plugin/main";
import { NOTES_PER_FILE } from "../../../src/plugin/index/readCacheStore";
import { resignLine, TOUCHES_START } from "../../helpers/indexLines";
import { makeVaultDir } from "../../fakes/harness";
import { App, loadPlugin, unloadPlugin } from "../../fakes/obsidian";
import { EXAMPLE_VAULT } from "../../helpers/files";
import { visible } from "../../helpers/visible";
import { addDaysToDay, localToday } from "../../../src/core/text/dates";

const OLD = new Date("2026-01-01T00:00:00Z");

function ageAll(dir: string): void {
	for (const entry of readdirSync(dir, { withFileTypes: true })) {
		if (entry.name.startsWith(".")) continue;
		const full = join(dir, entry.name);
		if (entry.isDirectory()) ageAll(full);
		else utimesSync(full, OLD, OLD);
	}
}

async function start(dir: string): Promise<{ app: App; plugin: TouchbasePlugin }> {
	const app = new App(dir);
	const plugin = await loadPlugin(TouchbasePlugin, app);
	await app.settle();
	return { app, plugin };
}

/** A copy of the example vault whose notes were last modified long ago (so they can be kept). */
function agedExampleVault(): string {
	const dir = makeVaultDir();
	cpSync(EXAMPLE_VAULT, dir, { recursive: true });
	ageAll(dir);
	return dir;
}

const cacheFile = (dir: string): string => join(dir, ".obsidian", "plugins", "touchbase", "index-cache.json");

afterEach(() => vi.restoreAllMocks());

/** Edits each note line of an index file and makes its checksum again, as if Touchbase had written it. */
function doctor(text: string, from: RegExp, to: string, only = Infinity): string {
	let done = 0;
	return text
		.split("\n")
		.map((line) => {
			if (done >= only || !line.startsWith('"') || !from.test(line)) return line;
			done++;
			return resignLine(line.slice(0, line.lastIndexOf("\t")).replace(from, to) + "\t");
		})
		.join("\n");
}

describe("the plugin's persisted index", () => {
	it("is written to the plugin's folder, never as a note, and a restart answers from it", async () => {
		const dir = agedExampleVault();
		const first = await start(dir);
		// The persisted records hold for the day they were written and later: what the view shows today.
		const today = localToday();
		const expected = visible(first.plugin.index.report(today));
		await first.plugin.index.saveCache();
		expect(existsSync(cacheFile(dir))).toBe(true);
		expect(first.app.vault.getFiles().some((f) => f.path.includes("index-cache"))).toBe(false);
		await unloadPlugin(first.plugin);

		// An entry edited without its checksum, or of the wrong shape: not used, the note is read.
		const text = readFileSync(cacheFile(dir), "utf8");
		// Touches of the wrong shape are found when first read (decoded lazily): the note is read again then.
		for (const damaged of [text.replace(/"company":"[^"]+"/, '"company":"From the cache"'), doctor(text, /"status":"[a-z]+"/, '"status":"maybe"', 1), doctor(text, TOUCHES_START, '\u0001$1{"x":[', 1)]) {
			expect(damaged).not.toBe(text);
			writeFileSync(cacheFile(dir), damaged);
			const started = await start(dir);
			visible(started.plugin.index.report(today));
			await started.app.settle();
			expect(visible(started.plugin.index.report(today))).toEqual(expected);
			await unloadPlugin(started.plugin);
		}
		// Proof that the restart took the notes from the file: a doctored entry with its checksum shows.
		writeFileSync(cacheFile(dir), doctor(text, /"company":"[^"]+"/, '"company":"From the cache"', 1));
		const second = await start(dir);
		expect(second.plugin.index.ready).toBe(true);
		expect(second.plugin.index.report("2026-11-23").entries.some((e) => e.prospect.company === "From the cache")).toBe(true);
		await unloadPlugin(second.plugin);

		// Undoctored, the answer is the first one exactly.
		writeFileSync(cacheFile(dir), text);
		const third = await start(dir);
		expect(visible(third.plugin.index.report(today))).toEqual(expected);
	});

	it("does not write the file again after a start that read nothing, and does after an edit", async () => {
		const dir = agedExampleVault();
		const first = await start(dir);
		await first.plugin.index.saveCache();
		await unloadPlugin(first.plugin);
		utimesSync(cacheFile(dir), OLD, OLD);
		const written = readFileSync(cacheFile(dir), "utf8");

		const second = await start(dir);
		await second.plugin.index.saveCache();
		expect(statSync(cacheFile(dir)).mtimeMs).toBe(OLD.getTime());
		// An edit: the note is read again, and the next save writes its new read.
		const path = second.plugin.index.report("2026-11-23").entries[0].prospect.path;
		const file = second.app.vault.getFileByPath(path)!;
		await second.app.vault.process(file, (text) => `${text}\nA line of prose.\n`);
		await second.app.settle();
		await second.plugin.index.saveCache();
		expect(statSync(cacheFile(dir)).mtimeMs).not.toBe(OLD.getTime());
		expect(readFileSync(cacheFile(dir), "utf8")).not.toBe(written);
		await unloadPlugin(second.plugin);
	});

	it("ignores a corrupt, truncated or foreign file with one console line, and answers as without it", async () => {
		const dir = agedExampleVault();
		const first = await start(dir);
		const expected = first.plugin.index.report("2026-11-23");
		await first.plugin.index.saveCache();
		await unloadPlugin(first.plugin);
		const good = readFileSync(cacheFile(dir), "utf8");
		for (const damaged of [good.slice(0, good.length >> 1), "garbage", '{"format":"other"}\n']) {
			writeFileSync(cacheFile(dir), damaged);
			const warn = vi.spyOn(console, "warn").mockImplementation(() => undefined);
			const again = await start(dir);
			expect(again.plugin.index.report("2026-11-23")).toEqual(expected);
			expect(warn.mock.calls.filter((c) => String(c[0]).includes("index cache"))).toHaveLength(1);
			warn.mockRestore();
			await unloadPlugin(again.plugin);
		}
	});

	it("keeps a big index in files of NOTES_PER_FILE notes: a damaged one costs only its notes, and a smaller index removes the rest", async () => {
		const files: Record<string, string> = {};
		const count = NOTES_PER_FILE * 2 + 10;
		for (let i = 0; i < count; i++) files[`Prospects/P${String(i).padStart(4, "0")}.md`] = `---\ncompany: C${i}\n---\n- [ ] 2026-11-${String(10 + (i % 20)).padStart(2, "0")} call: x\n`;
		const dir = makeVaultDir(files);
		ageAll(dir);
		const shard = (i: number): string => cacheFile(dir).replace(/\.json$/, i === 0 ? ".json" : `-${i}.json`);
		const first = await start(dir);
		for (let i = 0; i < 50 && !first.plugin.index.ready; i++) await first.app.settle();
		const expected = first.plugin.index.report("2026-11-23");
		await first.plugin.index.saveCache();
		await unloadPlugin(first.plugin);
		expect([0, 1, 2, 3].map((i) => existsSync(shard(i)))).toEqual([true, true, true, false]);

		// The second file cut short: its notes are read again, the others come from the files.
		const warn = vi.spyOn(console, "warn").mockImplementation(() => undefined);
		writeFileSync(shard(0), doctor(readFileSync(shard(0), "utf8"), /"company":"C\d+"/, '"company":"From the cache"'));
		writeFileSync(shard(1), readFileSync(shard(1), "utf8").slice(0, 1000));
		const second = await start(dir);
		for (let i = 0; i < 50 && !second.plugin.index.ready; i++) await second.app.settle();
		const companies = second.plugin.index.report("2026-11-23").entries.map((e) => e.prospect.company);
		expect(companies.filter((c) => c === "From the cache")).toHaveLength(NOTES_PER_FILE);
		expect(companies).toHaveLength(count);
		expect(warn).toHaveBeenCalledTimes(1);
		await unloadPlugin(second.plugin);

		// Fewer prospects: the files past the last one needed are removed.
		for (let i = 20; i < count; i++) rmSync(join(dir, `Prospects/P${String(i).padStart(4, "0")}.md`));
		rmSync(shard(0));
		const third = await start(dir);
		for (let i = 0; i < 50 && !third.plugin.index.ready; i++) await third.app.settle();
		expect(third.plugin.index.report("2026-11-23").entries).toHaveLength(20);
		await third.plugin.index.saveCache();
		expect([0, 1, 2].map((i) => existsSync(shard(i)))).toEqual([true, false, false]);
		await unloadPlugin(third.plugin);
		expect(expected.entries).toHaveLength(count);
	});

	it("reads a big vault in slices, with progress, and the same answer", async () => {
		const files: Record<string, string> = {};
		for (let i = 0; i < 150; i++) files[`Prospects/P${i}.md`] = `---\nstatus: active\n---\n- [ ] 2026-11-${String(10 + (i % 20)).padStart(2, "0")} call: x\n`;
		const dir = makeVaultDir(files);
		const app = new App(dir);
		const plugin = await loadPlugin(TouchbasePlugin, app);
		const seen: string[] = [];
		let toldReady = 0;
		plugin.index.onChange(() => {
			if (plugin.index.progress) seen.push(`${plugin.index.progress.done}/${plugin.index.progress.total}`);
			if (plugin.index.ready) toldReady++;
		});
		for (let i = 0; i < 50 && toldReady === 0; i++) await app.settle();
		expect(plugin.index.ready).toBe(true);
		// Each listener hears once that the index is ready (in a task of its own).
		expect(toldReady).toBe(1);
		expect(plugin.index.progress).toBeNull();
		expect(plugin.index.report("2026-11-23").entries).toHaveLength(150);
		for (const s of seen) expect(s).toMatch(/^\d+\/150$/);
	});

	it("lists a note over the size cap under problems without reading it, at start and after a change", async () => {
		const big = `---\ncompany: Big\n---\n${"- [ ] 2026-11-20 call: x\n".repeat(50_000)}`;
		const dir = makeVaultDir({
			"Prospects/Big.md": big,
			"Prospects/Small.md": "---\ncompany: Small\n---\n- [ ] 2026-11-20 call: x\n",
			".obsidian/plugins/touchbase/data.json": JSON.stringify({ maxNoteMB: 1 }),
		});
		const { app, plugin } = await start(dir);
		const read = vi.spyOn(app.vault, "cachedRead");
		const problem = { path: "Prospects/Big.md", line: null, message: "is larger than 1 MB (1.2 MB): not read (the limit is the maxNoteMB setting)" };
		const report = plugin.index.report("2026-11-23");
		expect(report.entries.map((e) => e.prospect.path)).toEqual(["Prospects/Small.md"]);
		expect(report.problems).toEqual([problem]);
		// Changed, still too large: still not read.
		const file = app.vault.getFileByPath("Prospects/Big.md")!;
		await app.vault.process(file, (text) => `${text}- [ ] 2026-11-21 call: y\n`);
		await app.settle();
		expect(read.mock.calls.filter((c) => c[0].path === "Prospects/Big.md")).toHaveLength(0);
		expect(plugin.index.report("2026-11-23").problems.map((p) => p.path)).toEqual(["Prospects/Big.md"]);
		await unloadPlugin(plugin);
	});
});

/** The week's touches a line's row keeps. */
function weekTouchesOf(line: string): number {
	return Number(/\},(\d+),\d+,\[/.exec(line.split("\t")[5])![1]);
}

describe("the due rows kept beside the records (docs/performance.md, \"Restart\")", () => {
	it("are taken on the day they were written, checked, and worked out again on any other day or for a prospect an interaction note touches", async () => {
		const dir = agedExampleVault();
		const today = localToday();
		const tomorrow = addDaysToDay(today, 1);
		// A meeting with Lumen, on a day none of its touch lines has: one more touch of it.
		writeFileSync(join(dir, "Meetings", "2026-11-20 Review with Lumen.md"), '---\nattendees: ["[[Lumen Yoga Studio]]"]\n---\n');
		utimesSync(join(dir, "Meetings", "2026-11-20 Review with Lumen.md"), OLD, OLD);
		const first = await start(dir);
		const expected = visible(first.plugin.index.report(today));
		const expectedTomorrow = visible(first.plugin.index.report(tomorrow));
		// Rows are made from the entries of the last report: today's.
		first.plugin.index.report(today);
		await first.plugin.index.saveCache();
		await unloadPlugin(first.plugin);
		const text = readFileSync(cacheFile(dir), "utf8");
		const lines = text.split("\n").filter((line) => line.startsWith('"'));
		const withRow = lines.filter((line) => line.split("\t")[5] !== "");
		const prospects = lines.filter((line) => !line.split("\t")[4].includes('{"prospect":null'));
		expect(withRow.length).toBeGreaterThan(0);
		// Every row is of today; a prospect an interaction note adds a touch to has none.
		for (const line of withRow) expect(line.split("\t")[5].startsWith(`["${today}",`)).toBe(true);
		const touched = first.plugin.index.report(today).entries.filter((e) => e.prospect.touches.some((t) => t.source !== undefined)).map((e) => JSON.stringify(e.prospect.path));
		expect(touched.length).toBeGreaterThan(0);
		for (const line of prospects) expect(line.split("\t")[5] === "").toBe(touched.includes(line.split("\t")[0]));

		// Proof that a restart takes them: a doctored row (with its checksum) shows today, not tomorrow.
		const path = JSON.parse(withRow[0].split("\t")[0]) as string;
		const doctored = doctor(text, /"bucket":"[a-z-]+"/, '"bucket":"closed"', 1);
		expect(doctored).not.toBe(text);
		writeFileSync(cacheFile(dir), doctored);
		const second = await start(dir);
		expect(second.plugin.index.report(today).entries.find((e) => e.prospect.path === path)?.bucket).toBe("closed");
		expect(visible(second.plugin.index.report(tomorrow))).toEqual(expectedTomorrow);
		await unloadPlugin(second.plugin);
		// And this week's touches it brings the view's week line, without decoding the note's touches.
		writeFileSync(cacheFile(dir), doctor(text, /\},\d+,(\d+),\[/, "},99,$1,[", 1));
		const weekly = await start(dir);
		expect(weekly.plugin.index.week(today).touches).toBe((expected as { stats: { week: { touches: number } } }).stats.week.touches + 99 - weekTouchesOf(withRow[0]));
		await unloadPlugin(weekly.plugin);

		// A row of the wrong shape or of another day is not used; the answer is the fresh one.
		for (const damaged of [doctor(text, /"bucket":"[a-z-]+"/, '"bucket":"someday"'), doctor(text, /\t\["\d{4}-\d{2}-\d{2}",/, `\t["${tomorrow}",`)]) {
			writeFileSync(cacheFile(dir), damaged);
			const started = await start(dir);
			expect(visible(started.plugin.index.report(today))).toEqual(expected);
			await unloadPlugin(started.plugin);
		}
		// Undoctored: today's answer exactly, from the rows.
		writeFileSync(cacheFile(dir), text);
		const third = await start(dir);
		expect(visible(third.plugin.index.report(today))).toEqual(expected);
		await unloadPlugin(third.plugin);
	});
});

describe("frontmatter from Obsidian's metadata cache", () => {
	it("is taken as the cache holds it when the plugin reads a note", async () => {
		const dir = makeVaultDir();
		writeFileSync(join(dir, "A.md"), "---\ntype: prospect\ncompany: Acme\n---\n- 2026-11-20 call: talked\n");
		const app = new App(dir);
		// Proof that the cache's frontmatter is used: a doctored one shows.
		const real = app.metadataCache.getFileCache.bind(app.metadataCache);
		vi.spyOn(app.metadataCache, "getFileCache").mockImplementation((file) => {
			const cache = real(file);
			return cache?.frontmatter ? { ...cache, frontmatter: { ...cache.frontmatter, company: "From the metadata cache" } } : cache;
		});
		const plugin = await loadPlugin(TouchbasePlugin, app);
		await app.settle();
		expect(plugin.index.get("A.md")?.prospect?.company).toBe("From the metadata cache");
		await unloadPlugin(plugin);
	});
});

describe("the notes found no candidate, remembered by their stamp (docs/performance.md, \"Restart at 150 ms\")", () => {
	const othersFile = (dir: string): string => join(dir, ".obsidian", "plugins", "touchbase", "index-cache-others.json");

	/** Starts the plugin counting the metadata cache's answers per note (what `isCandidate` asks at start); `hide`: notes it does not know yet. */
	async function counted(dir: string, hide: string[] = []): Promise<{ app: App; plugin: TouchbasePlugin; asked: Map<string, number> }> {
		const app = new App(dir);
		const asked = new Map<string, number>();
		const real = app.metadataCache.getFileCache.bind(app.metadataCache);
		vi.spyOn(app.metadataCache, "getFileCache").mockImplementation((file) => {
			asked.set(file.path, (asked.get(file.path) ?? 0) + 1);
			return hide.includes(file.path) ? null : real(file);
		});
		const plugin = await loadPlugin(TouchbasePlugin, app);
		await app.settle();
		return { app, plugin, asked };
	}

	function vault(): string {
		const dir = agedExampleVault();
		writeFileSync(join(dir, "Notes", "Lunch ideas.md"), "---\ntags: [food]\n---\nTacos.\n");
		writeFileSync(join(dir, "Notes", "Someday.md"), "---\ntags: [lead]\n---\n- 2026-11-20 call: talked\n");
		writeFileSync(join(dir, "Notes", "Hidden.md"), "---\ntype: prospect\ncompany: Hidden\n---\n- [ ] 2026-11-20 call: x\n");
		ageAll(dir);
		return dir;
	}

	it("are not asked again while their stamp holds; a note that became a candidate since is read", async () => {
		const dir = vault();
		const today = localToday();
		const first = await counted(dir);
		const expected = visible(first.plugin.index.report(today));
		expect(first.asked.get("Notes/Lunch ideas.md")).toBe(1);
		await first.plugin.index.saveCache();
		await unloadPlugin(first.plugin);
		const lines = readFileSync(othersFile(dir), "utf8").split("\n");
		expect(lines.some((l) => l.startsWith("Notes/Lunch ideas.md\t"))).toBe(true);
		// Candidates are in the index's files, not here.
		expect(lines.some((l) => l.startsWith("Prospects/"))).toBe(false);

		const second = await counted(dir);
		expect(second.asked.get("Notes/Lunch ideas.md")).toBeUndefined();
		expect(visible(second.plugin.index.report(today))).toEqual(expected);
		// Nothing changed: neither file is written again.
		utimesSync(othersFile(dir), OLD, OLD);
		await second.plugin.index.saveCache();
		expect(statSync(othersFile(dir)).mtimeMs).toBe(OLD.getTime());
		await unloadPlugin(second.plugin);

		// Made a prospect while Obsidian was closed: a new stamp, asked again, read.
		writeFileSync(join(dir, "Notes", "Lunch ideas.md"), "---\ntags: [food, prospect]\n---\n- [ ] 2026-11-20 call: tacos\n");
		utimesSync(join(dir, "Notes", "Lunch ideas.md"), OLD, new Date(OLD.getTime() + 5000));
		const third = await counted(dir);
		expect(third.asked.get("Notes/Lunch ideas.md")).toBeGreaterThan(0);
		expect(third.plugin.index.get("Notes/Lunch ideas.md")?.prospect?.name).toBe("Lunch ideas");
		await third.plugin.index.saveCache();
		await unloadPlugin(third.plugin);
		expect(readFileSync(othersFile(dir), "utf8").includes("Notes/Lunch ideas.md")).toBe(false);
	});

	it("are all asked again when the settings changed, and a note the metadata cache did not know yet is never remembered", async () => {
		const dir = vault();
		const first = await counted(dir, ["Notes/Hidden.md"]);
		expect(first.plugin.index.get("Notes/Hidden.md")).toBeUndefined();
		expect(first.plugin.index.get("Notes/Someday.md")).toBeUndefined();
		await first.plugin.index.saveCache();
		await unloadPlugin(first.plugin);
		expect(readFileSync(othersFile(dir), "utf8").includes("Notes/Hidden.md")).toBe(false);

		// Known now: asked, and a prospect.
		const second = await counted(dir);
		expect(second.asked.get("Notes/Hidden.md")).toBeGreaterThan(0);
		expect(second.plugin.index.get("Notes/Hidden.md")?.prospect?.company).toBe("Hidden");
		expect(second.asked.get("Notes/Someday.md")).toBeUndefined();
		await unloadPlugin(second.plugin);

		// Another prospect tag: every note is asked again, and the one tagged so is a prospect.
		const data = join(dir, ".obsidian", "plugins", "touchbase", "data.json");
		writeFileSync(data, JSON.stringify({ ...JSON.parse(readFileSync(data, "utf8")), prospectTag: "lead" }));
		const third = await counted(dir);
		expect(third.asked.get("Notes/Someday.md")).toBeGreaterThan(0);
		expect(third.plugin.index.get("Notes/Someday.md")?.prospect?.name).toBe("Someday");
		await unloadPlugin(third.plugin);
	});

	it("a restart shows byte for byte what a fresh start shows, on the save day and 1, 7 and 40 days later", async () => {
		const dir = vault();
		writeFileSync(join(dir, "Meetings", "2026-11-20 Review with Lumen.md"), '---\nattendees: ["[[Lumen Yoga Studio]]"]\n---\n');
		ageAll(dir);
		const today = localToday();
		const days = [0, 1, 7, 40].map((n) => addDaysToDay(today, n));
		const fresh = await counted(dir);
		const want = days.map((d) => JSON.stringify(visible(fresh.plugin.index.report(d))));
		fresh.plugin.index.report(today);
		await fresh.plugin.index.saveCache();
		await unloadPlugin(fresh.plugin);
		const again = await counted(dir);
		// Taken from the files: no note that is no prospect was asked about.
		expect(again.asked.get("Notes/Lunch ideas.md")).toBeUndefined();
		expect(days.map((d) => JSON.stringify(visible(again.plugin.index.report(d))))).toEqual(want);
		await unloadPlugin(again.plugin);
	});

	it("survive a damaged, cut or foreign others file: the notes are asked again, the answer the same", async () => {
		const dir = vault();
		const today = localToday();
		const first = await counted(dir);
		const expected = visible(first.plugin.index.report(today));
		await first.plugin.index.saveCache();
		await unloadPlugin(first.plugin);
		const good = readFileSync(othersFile(dir), "utf8");
		for (const damaged of [good.slice(0, good.length >> 1), good.replace("Lunch ideas", "Lunch idxas"), "garbage", good.replace(/^touchbase-others\/1/, "touchbase-others/0"), ""]) {
			writeFileSync(othersFile(dir), damaged);
			const again = await counted(dir);
			expect(visible(again.plugin.index.report(today))).toEqual(expected);
			if (damaged !== good.slice(0, good.length >> 1)) expect(again.asked.get("Notes/Lunch ideas.md")).toBe(1);
			await unloadPlugin(again.plugin);
		}
	});
});
