import { readdirSync, readFileSync } from "node:fs";
import { join, relative } from "node:path";
import { beforeEach, describe, expect, it } from "vitest";
import { PARSER_VERSION, readNote, type NoteRead } from "../../../src/core/read/note";
import { cachedRead, checksum, compactAndEncode, compactRead, decodeLazy, decodeRead, encodeRead, isNoteRead, NOTHING_TEXT, keepable, parseCache, RACY_MARGIN_MS, readCacheKey, recordDay, sameStamp, serializeCache, SETTINGS_OUTSIDE_KEY, usableOn, type CacheEntry } from "../../../src/core/index/readCache";
import { ProspectIndex } from "../../../src/core/index/prospectIndex";
import { addDaysToDay } from "../../../src/core/text/dates";
import { visible } from "../../helpers/visible";
import { migrateSettings } from "../../../src/core/settings/settings";
import { EXAMPLE_VAULT, FIXTURES } from "../../helpers/files";

const KEY = readCacheKey(migrateSettings(undefined));

function notes(): Map<string, CacheEntry> {
	return new Map<string, CacheEntry>([
		["Prospects/A.md", { mtime: 1700000000000.25, size: 12, ctime: 1700000000001.5, read: '{"prospect":null,"problems":[]}' }],
		["Notes/tab\there \"q\".md", { mtime: 1, size: 0, read: '{"prospect":null,"problems":[{"path":"x","line":null,"message":"m\\n"}]}' }],
	]);
}

describe("the cache file", () => {
	it("reads back what it wrote, stamps and reads exactly", () => {
		const text = serializeCache("/vault", KEY, notes());
		const loaded = parseCache(text, "/vault", KEY);
		expect(loaded).toMatchObject({ ok: true, damaged: 0 });
		// Each entry carries its line's checksum; otherwise exactly what was written.
		const back = loaded.ok ? new Map([...loaded.notes].map(([p, e]) => [p, { ...e, sum: undefined, body: undefined }])) : null;
		expect(back).toEqual(notes());
		if (!loaded.ok) return;
		for (const [p, e] of loaded.notes) {
			expect(e.sum).toMatch(/^[0-9a-f]{8}$/);
			expect(cachedRead(p, e, (t) => JSON.parse(t) as NoteRead)).not.toBeNull();
		}
	});

	it("refuses a cut file at any length, without throwing", () => {
		const text = serializeCache("/vault", KEY, notes());
		for (let n = 0; n < text.length - 1; n++) {
			const loaded = parseCache(text.slice(0, n), "/vault", KEY);
			expect(loaded.ok, `cut at ${n}`).toBe(false);
			if (!loaded.ok) expect(loaded.reason).not.toBe("stale");
		}
	});

	it("refuses another vault's file, a foreign file and garbage; calls another key stale", () => {
		const text = serializeCache("/vault", KEY, notes());
		expect(parseCache(text, "/other", KEY)).toMatchObject({ ok: false, reason: "foreign" });
		expect(parseCache('{"format":"something-else"}\n', "/vault", KEY)).toMatchObject({ ok: false, reason: "foreign" });
		expect(parseCache("\u0000\u0001 not json", "/vault", KEY)).toMatchObject({ ok: false, reason: "foreign" });
		expect(parseCache("", "/vault", KEY)).toMatchObject({ ok: false, reason: "foreign" });
		expect(parseCache(text, "/vault", `${PARSER_VERSION + 1}\n{}`)).toEqual({ ok: false, reason: "stale" });
		// An older Touchbase's file: rebuilt without a warning.
		expect(parseCache(text.replace("touchbase-read-cache/6", "touchbase-read-cache/5"), "/vault", KEY)).toEqual({ ok: false, reason: "stale" });
		// A damaged line in the middle costs only its own note.
		const damaged = parseCache(text.replace("\t12\t", "\tx\t"), "/vault", KEY);
		expect(damaged).toMatchObject({ ok: true, damaged: 1 });
		expect(damaged.ok && damaged.notes.size).toBe(notes().size - 1);
		// A damaged first line: the whole file.
		expect(parseCache(text.replace('"key":"', '"key":"x'), "/vault", KEY)).toMatchObject({ ok: false, reason: "corrupt" });
		// A line too many or too few for the count.
		expect(parseCache(text.replace('"count":2', '"count":1'), "/vault", KEY)).toMatchObject({ ok: false, reason: "corrupt" });
	});

	it("keys the notes by the parser version and the settings that change reading", () => {
		const base = migrateSettings(undefined);
		expect(readCacheKey(base).startsWith(`${PARSER_VERSION}\n`)).toBe(true);
		expect(readCacheKey({ ...base, prospectTag: "lead" })).not.toBe(readCacheKey(base));
		expect(readCacheKey({ ...base, dateLocale: "en-GB" })).not.toBe(readCacheKey(base));
		expect(readCacheKey({ ...base, upcomingDays: 30, skipWeekends: !base.skipWeekends, cadence: "1w" })).toBe(readCacheKey(base));
	});

	it("leaves out only settings that reading a note never looks at", () => {
		const base = migrateSettings(undefined);
		const other = { ...base, cadence: "1d", skipWeekends: !base.skipWeekends, upcomingDays: 99, reminders: !base.reminders, digestTime: "23:59", systemNotifications: !base.systemNotifications, calendarPath: "x.ics", calendarKeepCurrent: !base.calendarKeepCurrent };
		expect(Object.keys(other).filter((k) => (other as unknown as Record<string, unknown>)[k] !== (base as unknown as Record<string, unknown>)[k]).sort()).toEqual([...SETTINGS_OUTSIDE_KEY].sort());
		for (const path of markdownFiles(EXAMPLE_VAULT)) {
			const text = readFileSync(join(EXAMPLE_VAULT, path), "utf8");
			expect(readNote(path, text, other)).toEqual(readNote(path, text, base));
		}
	});

	it("keeps a note only when it was modified well before the read", () => {
		expect(keepable({ mtime: 10_000, size: 1 }, 10_000 + RACY_MARGIN_MS + 1)).toBe(true);
		expect(keepable({ mtime: 10_000, size: 1 }, 10_000 + RACY_MARGIN_MS)).toBe(false);
		expect(keepable({ mtime: 20_000, size: 1 }, 10_000)).toBe(false);
		// The change time too: a rewrite whose modification time was put back (and, on a file
		// system with whole seconds, inside the same second) still shows in a change time kept only when old.
		expect(keepable({ mtime: 10_000, size: 1, ctime: 10_000 }, 10_000 + RACY_MARGIN_MS + 1)).toBe(true);
		expect(keepable({ mtime: 10_000, size: 1, ctime: 50_000 }, 50_000 + RACY_MARGIN_MS - 1)).toBe(false);
		expect(sameStamp({ mtime: 1, size: 2, ctime: 3 }, { mtime: 1, size: 2, ctime: 3 })).toBe(true);
		expect(sameStamp({ mtime: 1, size: 2, ctime: 3 }, { mtime: 1, size: 2, ctime: 4 })).toBe(false);
		expect(sameStamp({ mtime: 1, size: 2 }, { mtime: 1, size: 3 })).toBe(false);
	});
});

describe("a read as JSON", () => {
	it("round-trips every note of the example vault", () => {
		const settings = migrateSettings(undefined);
		for (const path of markdownFiles(EXAMPLE_VAULT)) {
			const read = readNote(path, readFileSync(join(EXAMPLE_VAULT, path), "utf8"), settings);
			expect(decodeRead(encodeRead(read)!)).toEqual(compactRead(read, null));
			expect(decodeRead(encodeRead(read, "2026-11-23")!)).toEqual(compactRead(read, "2026-11-23"));
		}
	});

	it("round-trips the real notes and the conformance vault, keys in the same order", () => {
		const settings = migrateSettings(undefined);
		let touches = 0;
		for (const root of [join(FIXTURES, "real"), join(FIXTURES, "conformance", "vault")]) {
			for (const path of markdownFiles(root)) {
				const read = readNote(path, readFileSync(join(root, path), "utf8"), settings);
				touches += read.prospect?.touches.length ?? 0;
				for (const day of [null, "2026-01-01", "2026-11-23"]) {
					const want = compactRead(read, day);
					expect(JSON.stringify(decodeRead(encodeRead(read, day)!)), path).toBe(JSON.stringify(want));
					expect(decodeRead(encodeRead(read, day)!), path).toEqual(want);
					// Decoded lazily (a restart's way): the same keys in the same order once read.
					let damaged = 0;
					const lazy = decodeLazy(encodeRead(read, day)!, () => void damaged++);
					expect(JSON.stringify(lazy), path).toBe(JSON.stringify(want));
					expect(damaged).toBe(0);
				}
			}
		}
		expect(touches).toBeGreaterThan(10);
	});

	it("decodes a prospect's frontmatter and touches on first read; wrong ones read as none and the note is read again", () => {
		const settings = migrateSettings(undefined);
		const read = readNote("Prospects/A.md", "---\ncompany: Acme\nvalue: 5\n---\n- 2026-11-20 call: talked\n", settings);
		const text = encodeRead(read, "2026-11-23")!;
		expect(text).toContain("\u0002{");
		let damaged = 0;
		const lazy = decodeLazy(text, () => void damaged++);
		expect(lazy.prospect?.frontmatter).toEqual({ company: "Acme", value: 5 });
		expect(lazy.prospect?.touches.map((t) => t.date)).toEqual(["2026-11-20"]);
		expect(damaged).toBe(0);
		// Written wrong (a faulty version: the line's checksum would hold): none, and the note is read again.
		const wrongFrontmatter = decodeLazy(text.replace("\u0002{", "\u0002["), () => void damaged++);
		expect(wrongFrontmatter.prospect?.frontmatter).toEqual({});
		expect(damaged).toBe(1);
		expect(() => decodeRead(text.replace("\u0002", ""))).toThrow();
		expect(() => decodeLazy(text.replace("\u0002", ""), () => undefined)).toThrow();
	});

	it("packs touches: lines whose text is not their end, texts that do not start with the summary", () => {
		const settings = migrateSettings(undefined);
		const text = [
			"---",
			"tags: [prospect]",
			"---",
			"- 2026-01-05 call: asked about budget → next: 2026-01-12 email send the deck",
			"- [x] 2026-01-06 email: sent it #objective/book-meeting (outcome: yes)",
			"- [ ] 2026-01-09 call: check in 📅 2026-01-10",
			"  - 2026-01-07 text: nested, [[Jane]] said hi",
			"1) [[2026-01-08|that day]] **bold** summary",
			"",
		].join("\n");
		const read = readNote("Prospects/P.md", text, settings);
		expect(read.prospect!.touches.length).toBe(5);
		const encoded = encodeRead(read)!;
		expect(JSON.stringify(decodeRead(encoded))).toBe(JSON.stringify(compactRead(read, null)));
		expect(encoded.length).toBeLessThan(JSON.stringify(read).length * 0.7);
		// For a day, the settled touches keep their figures only: smaller still.
		const dated = encodeRead(read, "2026-02-01")!;
		expect(recordDay(dated)).toBe("2026-02-01");
		expect(JSON.stringify(decodeRead(dated))).toBe(JSON.stringify(compactRead(read, "2026-02-01")));
		expect(dated.length).toBeLessThan(encoded.length * 0.8);
		// A touch read from another form keeps its form; one with other keys is written as it is.
		const form = { ...read, prospect: { ...read.prospect!, touches: [{ ...read.prospect!.touches[0], from: "label" }] } } as NoteRead;
		expect(decodeRead(encodeRead(form)!)).toEqual(compactRead(form, null));
		expect(decodeRead(encodeRead(form)!).prospect!.touches[0].from).toBe("label");
		const odd = { ...read, prospect: { ...read.prospect!, touches: [{ ...read.prospect!.touches[0], source: "Calls/x.md" }] } } as NoteRead;
		expect(decodeRead(encodeRead(odd)!)).toEqual(compactRead(odd, null));
	});

	it("refuses a damaged packed touch", () => {
		expect(() => decodeRead('{"prospect":{"touches":[[1,2,3]]},"problems":[]}')).toThrow();
		expect(() => decodeRead('{"prospect":{"touches":[[1,7,"none","2026-01-01",null,null,"s",null,null,null,"","-",null,0,"plain",null,0,0,null,false,0,null]]},"problems":[]}')).toThrow();
	});

	it("keeps what YAML can give and JSON cannot carry: NaN, infinities, -0, undefined, dates, NUL strings, __proto__", () => {
		const frontmatter: Record<string, unknown> = { nan: NaN, inf: Infinity, minf: -Infinity, zero: -0, none: undefined, when: new Date(0), nul: "\u0000x", list: [NaN, undefined, "\u0000"] };
		Object.defineProperty(frontmatter, "__proto__", { value: { polluted: true }, enumerable: true, configurable: true, writable: true });
		const read = { prospect: { path: "P.md", frontmatter }, problems: [] } as unknown as NoteRead;
		const back = decodeRead(encodeRead(read)!);
		const fm = back.prospect!.frontmatter;
		expect(Number.isNaN(fm.nan)).toBe(true);
		expect(fm.inf).toBe(Infinity);
		expect(fm.minf).toBe(-Infinity);
		expect(Object.is(fm.zero, -0)).toBe(true);
		expect("none" in fm && fm.none === undefined).toBe(true);
		expect(fm.when).toEqual(new Date(0));
		expect(fm.nul).toBe("\u0000x");
		expect(fm.list).toEqual([NaN, undefined, "\u0000"]);
		expect(Object.getPrototypeOf(fm)).toBe(Object.prototype);
		expect(Object.prototype.hasOwnProperty.call(fm, "__proto__")).toBe(true);
		expect(({} as Record<string, unknown>).polluted).toBeUndefined();
	});

	it("does not keep what it cannot carry back", () => {
		const read = { prospect: { frontmatter: { m: new Map() } }, problems: [] } as unknown as NoteRead;
		expect(encodeRead(read)).toBeNull();
	});

	it("throws on damaged text, for the caller to read the note again", () => {
		expect(() => decodeRead('{"prospect":')).toThrow();
		expect(() => decodeRead("42")).toThrow();
	});
});

describe("an entry is checked before it is used", () => {
	// Read in each test, not once for the block: a mutation run then sees which test reads what
	// (docs/testing.md, "Mutation testing").
	let reads: { path: string; read: NoteRead }[] = [];
	beforeEach(() => {
		const settings = migrateSettings(undefined);
		reads = [EXAMPLE_VAULT, join(FIXTURES, "real"), join(FIXTURES, "conformance", "vault")].flatMap((root) =>
			markdownFiles(root).map((path) => ({ path, read: readNote(path, readFileSync(join(root, path), "utf8"), settings) })),
		);
	});

	it("every read readNote gives has the shape, for its own path only", () => {
		expect(reads.filter((r) => r.read.prospect !== null).length).toBeGreaterThan(20);
		for (const { path, read } of reads) {
			expect(isNoteRead(read, path), path).toBe(true);
			expect(isNoteRead(decodeRead(encodeRead(read)!), path), path).toBe(true);
			if (read.prospect !== null) expect(isNoteRead(read, `${path}x`)).toBe(false);
		}
	});

	it("wrong shapes are refused: a date that is no date, a status, touches that are no list, numbers for text", () => {
		const { path, read } = reads.find((r) => (r.read.prospect?.touches.length ?? 0) > 0)!;
		const p = read.prospect!;
		const bad: unknown[] = [
			null,
			42,
			[],
			{ prospect: null },
			{ ...read, problems: "none" },
			{ ...read, prospect: { ...p, status: "maybe" } },
			{ ...read, prospect: { ...p, touches: {} } },
			{ ...read, prospect: { ...p, touches: [{ ...p.touches[0], date: "2026-13" }] } },
			{ ...read, prospect: { ...p, touches: [{ ...p.touches[0], summary: 7 }] } },
			{ ...read, prospect: { ...p, nextFollowUp: [{ date: 20261123, time: null, line: 1 }] } },
			{ ...read, prospect: { ...p, name: null } },
			{ ...read, prospect: { ...p, owners: "me" } },
			{ ...read, interaction: { date: "x", channel: "call", summary: "", links: [] } },
		];
		for (const b of bad) expect(isNoteRead(b, path), JSON.stringify(b).slice(0, 80)).toBe(false);
		for (const b of bad.filter((x) => x !== undefined)) {
			const text = JSON.stringify(b);
			const entry: CacheEntry = { mtime: 1, size: 1, read: text };
			expect(cachedRead(path, entry)).toBeNull();
		}
	});

	it("a byte flipped anywhere in a file never throws, and never gives a read other than the one written", () => {
		const some = reads.filter((r) => r.read.prospect !== null).slice(0, 3);
		const map = new Map<string, CacheEntry>(some.map((r, i) => [r.path, { mtime: 1000 + i, size: 10 + i, ctime: 2000 + i, read: encodeRead(r.read)! }]));
		const text = serializeCache("/vault", KEY, map);
		const want = new Map(some.map((r) => [r.path, JSON.stringify(compactRead(r.read, null))]));
		let used = 0;
		// Flips in a prospect's touches pass the line's checksum (it leaves them out) but not their own.
		let lazily = 0;
		for (let at = 0; at < text.length; at += 3) {
			for (const flip of [1, 4, 32]) {
				const damaged = text.slice(0, at) + String.fromCharCode(text.charCodeAt(at) ^ flip) + text.slice(at + 1);
				const loaded = parseCache(damaged, "/vault", KEY);
				if (!loaded.ok) continue;
				for (const [path, entry] of loaded.notes) {
					// Decoded later (a restart's way): touches damaged since are found then, and are what `damaged` gives.
					const lazy = cachedRead(path, entry, (t) => decodeLazy(t, () => []), true);
					if (lazy !== null && lazy.prospect !== null) {
						const touches = lazy.prospect.touches;
						if (touches.length === 0) lazily++;
						else expect(JSON.stringify(lazy)).toBe(want.get(path));
					}
					const read = cachedRead(path, entry);
					if (read === null) continue;
					used++;
					// What is used is what was written for that path, with the stamp it was written with.
					expect(JSON.stringify(read)).toBe(want.get(path));
					expect(entry.mtime).toBe(map.get(path)!.mtime);
					expect(entry.size).toBe(map.get(path)!.size);
				}
			}
		}
		expect(used).toBeGreaterThan(0);
		expect(lazily).toBeGreaterThan(0);
		expect(checksum("a")).not.toBe(checksum("b"));
	});
});

function markdownFiles(root: string): string[] {
	const out: string[] = [];
	const walk = (dir: string): void => {
		for (const entry of readdirSync(dir, { withFileTypes: true })) {
			if (entry.name.startsWith(".")) continue;
			const full = join(dir, entry.name);
			if (entry.isDirectory()) walk(full);
			else if (entry.name.endsWith(".md")) out.push(relative(root, full).split("\\").join("/"));
		}
	};
	walk(root);
	return out;
}

describe("the compact record (docs/performance.md, \"The compact index\")", () => {
	const settings = migrateSettings(undefined);
	const reads = [EXAMPLE_VAULT, join(FIXTURES, "real"), join(FIXTURES, "conformance", "vault")].flatMap((root) =>
		markdownFiles(root).map((path) => ({ path, read: readNote(path, readFileSync(join(root, path), "utf8"), settings) })),
	);
	/** The index of every read: whole, or as records made for `day` give them back. */
	const indexOf = (day: string): ProspectIndex => {
		const index = new ProspectIndex(settings);
		for (const { path, read } of reads) index.put(path, day === "whole" ? read : decodeRead(encodeRead(read, day)!));
		return index;
	};

	it("shows what the whole read shows, on its own day and every later day", () => {
		const full = indexOf("whole");
		for (const day of ["2026-01-15", "2026-11-23", "2027-03-01"]) {
			const compact = indexOf(day);
			expect(reads.some(({ read }) => recordDay(encodeRead(read, day)!) === day), day).toBe(true);
			for (const later of [0, 1, 6, 30, 400]) {
				const today = addDaysToDay(day, later);
				expect(visible(compact.report(today)), `${day} + ${later}`).toEqual(visible(full.report(today)));
			}
		}
	});

	it("is made with its compact read in one go, as compactRead and encodeRead make them (the cold run's path)", () => {
		expect(encodeRead({ prospect: null, problems: [] })).toBe(NOTHING_TEXT);
		let nothing = 0;
		for (const day of ["2026-01-15", "2026-11-23"]) {
			for (const { path, read } of reads) {
				const both = compactAndEncode(read, day);
				expect(both.encoded, path).toBe(encodeRead(read, day));
				expect(both.read, path).toEqual(compactRead(read, day));
				if (both.encoded === NOTHING_TEXT) nothing++;
			}
		}
		expect(nothing).toBeGreaterThan(5);
		// An interaction note or a problem is never taken for nothing.
		const interaction = reads.find(({ read }) => read.prospect === null && read.interaction !== undefined);
		expect(interaction).toBeDefined();
		expect(compactAndEncode(interaction!.read, "2026-11-23").encoded).not.toBe(NOTHING_TEXT);
		expect(compactAndEncode({ prospect: null, problems: [{ path: "a.md", line: 1, message: "x" }] }, "2026-11-23").encoded).not.toBe(NOTHING_TEXT);
	});

	it("is not used on an earlier day, where a settled touch may still be open", () => {
		const dated = reads.map(({ read }) => encodeRead(read, "2026-11-23")!).filter((t) => recordDay(t) !== null);
		expect(dated.length).toBeGreaterThan(5);
		for (const t of dated) {
			expect(usableOn(t, "2026-11-23")).toBe(true);
			expect(usableOn(t, "2026-12-01")).toBe(true);
			expect(usableOn(t, "2026-11-22")).toBe(false);
		}
		// A record without settled touches holds on any day.
		const nothing = encodeRead({ prospect: null, problems: [] }, "2026-11-23")!;
		expect(usableOn(nothing, "1999-01-01")).toBe(true);
	});

	it("is ASCII, whatever the note holds: the file is read as one-byte strings", () => {
		const map = new Map<string, CacheEntry>(reads.map((r, i) => [r.path, { mtime: i, size: i, read: encodeRead(r.read, "2026-11-23")! }]));
		map.set("Notes/Café 🙂.md", { mtime: 1, size: 1, read: encodeRead({ prospect: null, problems: [] })! });
		const text = serializeCache("/vault/é", KEY, map);
		expect(/[\u0080-\uffff]/.test(text)).toBe(false);
		expect(reads.some((r) => /[\u0080-\uffff]/.test(JSON.stringify(r.read)))).toBe(true);
		const loaded = parseCache(text, "/vault/é", KEY);
		expect(loaded.ok && loaded.damaged).toBe(0);
		if (!loaded.ok) return;
		expect(loaded.notes.has("Notes/Café 🙂.md")).toBe(true);
		for (const r of reads) expect(JSON.stringify(cachedRead(r.path, loaded.notes.get(r.path)!))).toBe(JSON.stringify(compactRead(r.read, "2026-11-23")));
	});
});
