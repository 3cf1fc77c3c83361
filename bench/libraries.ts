// What the required libraries alone cost on a vault, in one fresh process as the CLI pays it:
// gray-matter (with js-yaml) on the frontmatter of every prospect note, and chrono on every
// natural-language `next:` phrase of their touch lines. The cold CLI cannot be faster than the
// floor plus this. Prints one JSON object.
//
//   node libraries.cjs VAULT
import { casual } from "chrono-node/en";
import matter from "gray-matter";
import { JSON_SCHEMA, load } from "js-yaml";
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { findFrontmatter } from "../src/core/text/scan";
import { readNote } from "../src/core/read/note";
import { DEFAULT_SETTINGS } from "../src/core/settings/settings";

const NEXT = /\bnext:\s*(.*)$/i;
const ISO = /^(?:\[\[)?\d{4}-\d{2}-\d{2}/;

const frontmatters: string[] = [];
const phrases: { text: string; base: Date }[] = [];
function walk(dir: string, rel: string): void {
	for (const entry of readdirSync(dir, { withFileTypes: true })) {
		if (entry.name.startsWith(".")) continue;
		const full = join(dir, entry.name);
		const path = rel ? `${rel}/${entry.name}` : entry.name;
		if (entry.isDirectory()) walk(full, path);
		else if (entry.name.endsWith(".md")) {
			const text = readFileSync(full, "utf8");
			const read = readNote(path, text, DEFAULT_SETTINGS);
			if (read.prospect === null) continue;
			const block = findFrontmatter(text);
			if (block) frontmatters.push(text.slice(0, block.end));
			for (const touch of read.prospect.touches) {
				const clause = NEXT.exec(touch.raw)?.[1]?.trim();
				if (clause && !ISO.test(clause)) phrases.push({ text: clause, base: new Date(`${touch.date}T12:00:00`) });
			}
		}
	}
}
walk(process.argv[2], "");

const options = { engines: { yaml: (s: string): object => (load(s, { schema: JSON_SCHEMA }) ?? {}) as object } };
let t0 = performance.now();
for (const fm of frontmatters) matter(fm, { ...options });
const grayMatterMs = performance.now() - t0;
t0 = performance.now();
for (const p of phrases) casual.parse(p.text, p.base, { forwardDate: true });
const chronoMs = performance.now() - t0;
process.stdout.write(`${JSON.stringify({ frontmatters: frontmatters.length, grayMatterMs, phrases: phrases.length, chronoMs })}\n`);
