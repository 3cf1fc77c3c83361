// A deterministic vault for the benchmark: `npm run bench:gen -- --notes N --out DIR [--seed S]`.
// The same arguments always give the same bytes (no clock, no time zone, no Math.random).
//
//   20% prospect notes: frontmatter, about 20 touch lines of every shape the README's "Touch lines" allows, a few KB
//       of prose. Half live in Prospects/, the others are prospects by `type: prospect`, a
//       frontmatter tag or an inline #prospect.
//   80% other notes: prose, headings, code blocks, and dated list items that are not touches.
//    1% broken notes: malformed frontmatter, half of them prospect-looking (reported as problems).
//
// `--due-only` makes every note an open prospect whose next touch is due (overdue, today or within
// the next 7 days), with no problems: the vault the view-render benchmark draws.
import { mkdirSync, rmSync, writeFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { parseArgs } from "node:util";

/** The day the vault is written around; `touchbase due --today` uses it in the benchmark. */
export const ANCHOR_DAY = "2026-11-23";

// ---- a seeded generator (mulberry32) ----

export interface Rng {
	next(): number;
	int(lo: number, hi: number): number;
	pick<T>(list: readonly T[]): T;
	chance(p: number): boolean;
	weighted<T>(pairs: readonly (readonly [T, number])[]): T;
}

export function rng(seed: number): Rng {
	let a = seed >>> 0;
	const next = (): number => {
		a = (a + 0x6d2b79f5) >>> 0;
		let t = a;
		t = Math.imul(t ^ (t >>> 15), t | 1);
		t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
	const r: Rng = {
		next,
		int: (lo, hi) => lo + Math.floor(next() * (hi - lo + 1)),
		pick: (list) => list[Math.floor(next() * list.length)],
		chance: (p) => next() < p,
		weighted: (pairs) => {
			const total = pairs.reduce((s, [, w]) => s + w, 0);
			let x = next() * total;
			for (const [v, w] of pairs) {
				x -= w;
				if (x < 0) return v;
			}
			return pairs[pairs.length - 1][0];
		},
	};
	return r;
}

// ---- calendar days, in UTC arithmetic so the output never depends on the time zone ----

const anchorMs = Date.UTC(2026, 10, 23);
function day(offset: number): string {
	return new Date(anchorMs + offset * 86400000).toISOString().slice(0, 10);
}
const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

// ---- words ----

const WORDS = (
	"the a of to and in for on with at by from about quote proposal budget roof website form crew season spring " +
	"customer client team office meeting plan design photos reviews ranking search local service price estimate " +
	"schedule project timeline contract invoice payment renewal support upgrade install repair inspection permit " +
	"partner referral network event coffee lunch call email follow decision owner manager accountant books " +
	"marketing sales pipeline lead deal margin revenue growth hiring training weekly monthly quarter report " +
	"draft review feedback question answer concern objection option package bundle discount trial demo pilot"
).split(" ");
const FIRST = ["Dana", "Mike", "Carla", "Omar", "Priya", "Lena", "Tom", "Aisha", "Jon", "Mei", "Raul", "Sofia", "Ken", "Zoe", "Ivan", "Nia"];
const LAST = ["Whitfield", "Alvarez", "Okafor", "Nguyen", "Schmidt", "Rossi", "Kowalski", "Haddad", "Park", "Silva", "Brennan", "Ito"];
const NOUNS = ["Roofing", "Dental", "Bakery", "Solar", "Physio", "Marina", "Florist", "Accounting", "Auto Repair", "Yoga", "Landscaping", "Plumbing", "Optics", "Catering", "Law", "Studio"];
const ADJ = ["Harbor", "Maple", "Bright", "Green", "Summit", "Tide", "Copper", "Key", "Lumen", "River", "Quarry", "Blue", "North", "Oak", "Cedar", "Silver", "Golden", "Pine"];
const CHANNELS = ["call", "email", "text", "meeting", "consult", "coffee", "linkedin", "voicemail", "lunch", "video", "visit", "card"];
const SOURCES = ["networking event", "trade show", "referral", "inbound (website form)", "cold call", "LinkedIn"];
const OBJECTIVES = ["check-on-quote", "thank-you", "close", "touch-base", "share-value", "intro"];

function sentence(r: Rng, min = 6, max = 16): string {
	const n = r.int(min, max);
	const words: string[] = [];
	for (let i = 0; i < n; i++) words.push(r.pick(WORDS));
	const s = words.join(" ");
	return `${s[0].toUpperCase()}${s.slice(1)}.`;
}

function paragraph(r: Rng, sentences: number): string {
	const out: string[] = [];
	for (let i = 0; i < sentences; i++) out.push(sentence(r));
	// Wrap near 100 columns, as people's notes often are.
	const text = out.join(" ");
	const lines: string[] = [];
	let line = "";
	for (const word of text.split(" ")) {
		if (line.length + word.length + 1 > 100) {
			lines.push(line);
			line = word;
		} else line = line ? `${line} ${word}` : word;
	}
	if (line) lines.push(line);
	return lines.join("\n");
}

function prose(r: Rng, bytes: number): string {
	const parts: string[] = [];
	let size = 0;
	while (size < bytes) {
		const p = paragraph(r, r.int(2, 5));
		parts.push(p);
		size += p.length + 2;
	}
	return parts.join("\n\n");
}

function company(r: Rng, i: number): string {
	return `${r.pick(ADJ)} ${r.pick(NOUNS)} ${i}`;
}

// ---- touch lines: every shape of the README's "Touch lines" ----

const BULLETS: [string, number][] = [
	["-", 10],
	["*", 2],
	["+", 1],
	["1.", 1],
	["2)", 1],
];

function dateToken(r: Rng, d: string): string {
	return r.weighted([
		[d, 10],
		[`[[${d}]]`, 3],
		[`[[${d}|${r.pick(["call", "that day", "mixer"])}]]`, 1],
		[`**${d}**`, 2],
	]);
}

function nextClause(r: Rng, touchOffset: number, clean: boolean): string {
	const lead = r.weighted([
		["→ next: ", 4],
		["-> next: ", 2],
		["next: ", 2],
		["(next: ", 1],
	]);
	const close = lead === "(next: " ? ")" : "";
	const channel = r.chance(0.6) ? ` ${r.pick(CHANNELS)}` : "";
	const rest = r.chance(0.5) ? ` ${r.pick(["send the proposal", "check on the quote", "ask about the budget", "share the case study"])}` : "";
	const when = r.weighted([
		[day(touchOffset + r.int(1, 21)), 6],
		[`${day(touchOffset + r.int(1, 14))} ${String(r.int(8, 17)).padStart(2, "0")}:${r.pick(["00", "15", "30", "45"])}`, 1],
		[`in ${r.int(2, 10)} days`, 2],
		[`${r.int(1, 3)} weeks`, 1],
		["tomorrow", 1],
		[r.pick(["friday", "monday", "tuesday", "thursday"]), 1],
		[`${MONTHS[r.int(0, 11)]} ${r.int(1, 28)}`, 1],
		[`[[${day(touchOffset + r.int(2, 9))}]]`, 1],
	]);
	// Now and then a WHEN nobody can read: a problem, the touch still counts.
	const text = !clean && r.chance(0.01) ? "when the stars align" : when;
	return `${lead}${text}${channel}${rest}${close}`;
}

/**
 * About 20 touch lines from `start` days before the anchor day onwards; the last ones may lie in the
 * future. `dueOnly`: the note ends with an open scheduled touch due soon.
 */
function touchLines(r: Rng, start: number, count: number, dueOnly: boolean): string[] {
	const lines: string[] = [];
	let offset = start;
	let nested = false;
	for (let i = 0; i < count; i++) {
		offset += r.int(1, 9);
		const future = offset > 0;
		const bullet = r.weighted(BULLETS);
		const indent = nested && r.chance(0.5) ? "    " : "";
		nested = r.chance(0.15);
		const d = day(offset);
		// A Tasks-plugin line now and then.
		if (r.chance(0.08)) {
			const due = day(offset);
			const doneMark = !future && r.chance(0.6);
			const parts = [`${indent}- [${doneMark ? "x" : " "}] ${r.pick(["Call", "Email", "Visit"])} ${r.pick(FIRST)} about the ${r.pick(["renewal", "quote", "contract"])}`];
			if (r.chance(0.3)) parts.push(`⏳ ${day(offset - 1)}`);
			parts.push(`📅 ${due}`);
			if (doneMark) parts.push(`✅ ${due}`);
			lines.push(parts.join(" "));
			continue;
		}
		const checkbox = future
			? r.weighted([["[ ] ", 6], ["", 3], ["[-] ", 1]])
			: r.weighted([["", 8], ["[x] ", 2], ["[X] ", 1], ["[-] ", 1], ["[ ] ", 1]]);
		const time = r.chance(0.2) ? ` ${String(r.int(8, 18)).padStart(2, "0")}:${r.pick(["00", "15", "30", "45"])}` : "";
		const channelWord = r.chance(0.85) ? r.pick(CHANNELS) : null;
		const channel = channelWord ? ` ${r.chance(0.2) ? channelWord[0].toUpperCase() + channelWord.slice(1) : channelWord}${r.chance(0.8) ? ":" : ""}` : "";
		let text = ` ${sentence(r, 4, 12).slice(0, -1)}`;
		if (r.chance(0.15)) text += ` (outcome: ${r.pick(["yes", "no", "next step", "won", "lost"])})`;
		if (r.chance(0.15)) text += ` #objective/${r.pick(OBJECTIVES)}`;
		else if (r.chance(0.05)) text += ` objective: ${r.pick(["thank you", "close", "share value"])};`;
		if (!future && r.chance(0.35)) text += ` ${nextClause(r, offset, dueOnly)}`;
		// An impossible date now and then: reported, that line unused.
		const date = !dueOnly && r.chance(0.005) ? "2026-02-30" : d;
		lines.push(`${indent}${bullet} ${checkbox}${dateToken(r, date)}${time}${channel}${text}`);
	}
	if (dueOnly) lines.push(`- [ ] ${day(r.int(-20, 7))} ${r.pick(CHANNELS)}: ${sentence(r, 3, 8).slice(0, -1)}`);
	return lines;
}

// ---- notes ----

const STATUSES: [string, number][] = [
	["active", 10],
	["lead", 5],
	["paused", 1],
	["won", 2],
	["lost", 2],
	["", 3],
];

function prospectNote(r: Rng, i: number, how: string, dueOnly: boolean): { name: string; text: string } {
	const name = company(r, i);
	const contact = `${r.pick(FIRST)} ${r.pick(LAST)}`;
	// An unknown status now and then: reported, read as active.
	const status = dueOnly ? r.pick(["active", "lead", ""]) : r.chance(0.01) ? "negotiating" : r.weighted(STATUSES);
	const start = -r.int(40, 160);
	const fm: string[] = [];
	if (how === "type") fm.push("type: prospect");
	if (how === "tag") {
		fm.push(
			r.weighted([
				["tags: [prospect, client]", 3],
				["tags: prospect", 1],
				['tag: "#prospect"', 1],
				["tags:\n  - prospect/hot\n  - local", 1],
			]),
		);
	} else if (r.chance(0.3)) fm.push(`tags: [${r.pick(["client", "local", "b2b"])}]`);
	if (status) fm.push(`status: ${status}`);
	if (status === "paused" && r.chance(0.5)) fm.push(`paused_until: ${day(r.int(-10, 30))}`);
	fm.push(`company: ${name}`);
	fm.push(`contact: ${contact}`);
	fm.push(`email: ${contact.split(" ")[0].toLowerCase()}@example.com`);
	if (r.chance(0.5)) fm.push(`phone: "+1 207 555 ${String(r.int(0, 9999)).padStart(4, "0")}"`);
	fm.push(`source: ${r.pick(SOURCES)}`);
	fm.push(`channel: ${r.pick(["call", "email", "text", "meeting"])}`);
	if (r.chance(0.2)) fm.push(`cadence: ${r.pick(["3d, 1w, 2w, 1mo", "1w, 2w", "none", "2d, 5d, 2w"])}`);
	fm.push(`value: ${r.weighted([[String(r.int(1, 60) * 500), 4], [`"$${r.int(2, 40)},000"`, 1], [`${r.int(2, 90)}k`, 1]])}`);
	fm.push(`created: ${day(start)}`);
	if (r.chance(0.4)) fm.push(`next_follow_up: ${r.chance(0.9) ? day(r.int(-15, 20)) : r.pick(["TBD", "", "{{date}}"])}`);
	if (r.chance(0.2)) fm.push(`last_contact: ${day(r.int(-30, 0))}`);
	const body = [
		`# ${name}`,
		"",
		prose(r, r.int(800, 1600)),
		"",
		"## Consult notes",
		"",
		prose(r, r.int(400, 1000)),
		"",
		"Pain points:",
		`- ${sentence(r, 3, 8)}`,
		`- ${sentence(r, 3, 8)}`,
		`- ${sentence(r, 3, 8)}`,
		"",
		"## Follow-ups",
		...touchLines(r, start, r.int(16, 24), dueOnly),
		"",
	];
	if (r.chance(0.3)) body.push(`Dataview: [next:: ${day(r.int(-5, 25))}]`, "");
	if (r.chance(0.1)) body.push(`next_follow_up:: ${day(r.int(-5, 25))}`, "");
	if (r.chance(0.3)) body.push("<!-- old reminder", `- [ ] ${day(r.int(-30, 10))} call: superseded`, "-->", "");
	if (r.chance(0.2)) body.push(`%% - [ ] ${day(r.int(-30, 10))} email: draft, not sent %%`, "");
	if (r.chance(0.2)) body.push("```text", `- ${day(r.int(-30, 10))} call: pasted log, not a touch`, "```", "");
	body.push("## Notes", "", prose(r, r.int(300, 900)), "");
	if (how === "inline") body.push(`Filed under #prospect${r.chance(0.3) ? "/warm" : ""} for now.`, "");
	return { name, text: `---\n${fm.join("\n")}\n---\n${body.join("\n")}` };
}

function otherNote(r: Rng, i: number): string {
	const kind = r.weighted([
		["meeting", 3],
		["daily", 4],
		["topic", 4],
		["project", 2],
	]);
	const lines: string[] = [];
	if (r.chance(0.5)) {
		lines.push("---", `tags: [${r.pick(["meeting", "daily", "reading", "idea", "howto"])}]`, `created: ${day(-r.int(0, 400))}`);
		if (r.chance(0.3)) lines.push(`type: ${r.pick(["meeting", "note", "project"])}`);
		if (r.chance(0.2)) lines.push(`status: ${r.pick(["active", "done", "draft"])}`);
		lines.push("---");
	}
	const title = kind === "daily" ? day(-r.int(0, 700)) : `${r.pick(ADJ)} ${r.pick(WORDS)} ${kind} ${i}`;
	lines.push(`# ${title}`, "", prose(r, r.int(400, 1400)), "");
	lines.push(`## ${r.pick(["Agenda", "Notes", "Tasks", "Log", "Ideas"])}`);
	for (let k = r.int(3, 10); k > 0; k--) {
		// Dated list items, as touch-like as they come: not touches outside a prospect note.
		const d = day(-r.int(0, 300));
		lines.push(
			r.weighted([
				[`- ${d} ${r.pick(CHANNELS)}: ${sentence(r, 3, 9).slice(0, -1)}`, 3],
				[`- [ ] ${d} ${sentence(r, 3, 8).slice(0, -1)}`, 2],
				[`- [x] ${d} ${sentence(r, 3, 8).slice(0, -1)} → next: in 2 days`, 1],
				[`- ${sentence(r, 3, 10)}`, 3],
				[`- [ ] ${sentence(r, 3, 6).slice(0, -1)} 📅 ${d}`, 1],
			]),
		);
	}
	lines.push("");
	if (r.chance(0.4)) {
		lines.push("```js", `const due = "${day(-r.int(0, 30))}";`, "// - 2026-11-20 call: not a touch", "console.log(due);", "```", "");
	}
	lines.push(`## ${r.pick(["Summary", "Next", "Open questions"])}`, "", prose(r, r.int(200, 800)), "");
	// Some ordinary notes say "prospect" in passing: a text pre-check cannot reject them.
	if (r.chance(0.03)) lines.push(`Prospecting ideas for ${r.pick(NOUNS)}: ${sentence(r)}`, "");
	return lines.join("\n");
}

function brokenNote(r: Rng, i: number, prospectLike: boolean): string {
	const bad = r.pick([
		'company: "Unclosed quote\ncontact: Dana',
		"company: Acme\n  contact: bad indent: here",
		"company: A\ncompany: B",
		"tags: [a, b\nstatus: active",
		"key: value\n\t- tab",
	]);
	const fm = prospectLike ? `type: prospect\n${bad}` : `tags: [note]\n${bad}`;
	return `---\n${fm}\n---\n# Broken ${i}\n\n${prose(r, r.int(300, 900))}\n\n- ${day(-r.int(0, 50))} call: a touch in a note that cannot be read\n`;
}

// ---- the vault ----

function pad(n: number, width: number): string {
	return String(n).padStart(width, "0");
}

/**
 * Writes the vault; returns what it wrote. Every folder holds at most ~200 notes, as real vaults
 * spread notes over folders.
 */
export interface Generated {
	prospects: number;
	other: number;
	broken: number;
	bytes: number;
}

export function generateVault(out: string, notes: number, { seed = 1, dueOnly = false }: { seed?: number; dueOnly?: boolean } = {}): Generated {
	const r = rng(seed * 2654435761 + notes);
	rmSync(out, { recursive: true, force: true });
	mkdirSync(out, { recursive: true });
	const write = (path: string, text: string): void => {
		const disk = join(out, ...path.split("/"));
		mkdirSync(dirname(disk), { recursive: true });
		writeFileSync(disk, text);
	};
	const counts = { prospects: 0, other: 0, broken: 0, bytes: 0 };
	const prospects = dueOnly ? notes : Math.round(notes * 0.2);
	const broken = dueOnly ? 0 : Math.max(1, Math.round(notes * 0.01));
	const other = notes - prospects - broken;
	const w = String(notes).length;
	for (let i = 0; i < prospects; i++) {
		const how = dueOnly ? "folder" : r.weighted([["folder", 10], ["type", 5], ["tag", 3], ["inline", 2]]);
		const note = prospectNote(r, i, how, dueOnly);
		const group = Math.floor(i / 200);
		const path =
			how === "folder"
				? `Prospects/${group === 0 ? "" : `Region ${group}/`}${note.name}.md`
				: `${r.pick(["Clients", "Leads", "CRM", "People"])}/${pad(group, 3)}/${note.name}.md`;
		write(path, note.text);
		counts.prospects++;
		counts.bytes += note.text.length;
	}
	for (let i = 0; i < other; i++) {
		const text = otherNote(r, i);
		write(`${r.pick(["Notes", "Meetings", "Daily", "Projects", "Reference"])}/${pad(Math.floor(i / 200), 3)}/note ${pad(i, w)}.md`, text);
		counts.other++;
		counts.bytes += text.length;
	}
	for (let i = 0; i < broken; i++) {
		const prospectLike = i % 2 === 0;
		const text = brokenNote(r, i, prospectLike);
		write(`${prospectLike && i % 4 === 0 ? "Prospects" : "Inbox"}/broken ${pad(i, w)}.md`, text);
		counts.broken++;
		counts.bytes += text.length;
	}
	// Not notes: skipped by every reader (a dot-folder and a non-markdown file).
	write(".obsidian/app.json", "{}\n");
	write("Attachments/readme.txt", "not a note\n");
	return counts;
}

// ---- command line (bench/run.ts bundles this file; `bench:gen` runs it) ----

export function generateMain(argv: string[]): number {
	const { values } = parseArgs({
		args: argv,
		options: { notes: { type: "string" }, out: { type: "string" }, seed: { type: "string" }, "due-only": { type: "boolean" } },
	});
	const notes = Number(values.notes);
	if (!Number.isInteger(notes) || notes < 1 || !values.out) {
		console.error("Usage: npm run bench:gen -- --notes N --out DIR [--seed S] [--due-only]");
		return 2;
	}
	const started = Date.now();
	const result = generateVault(resolve(values.out), notes, { seed: Number(values.seed ?? 1), dueOnly: values["due-only"] === true });
	process.stdout.write(
		`${values.out}: ${result.prospects} prospect, ${result.other} other, ${result.broken} broken notes, ${(result.bytes / 1e6).toFixed(1)} MB, in ${Date.now() - started} ms\n`,
	);
	return 0;
}
