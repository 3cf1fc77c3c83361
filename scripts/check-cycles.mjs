// No import circle anywhere in src/, type-only imports included (lint's import/no-cycle skips
// those). Prints each circle and exits 1. Usage: node scripts/check-cycles.mjs [DIR]
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";
import { fileURLToPath } from "node:url";

const SPECIFIER = /(?:^|[\s;])(?:import|export)\s[^'"]*?from\s*["'](\.{1,2}\/[^"']+)["']|import\(\s*["'](\.{1,2}\/[^"']+)["']\s*\)/g;

/** Every .ts file under `dir`. */
function tsFiles(dir) {
	return readdirSync(dir).flatMap((name) => {
		const path = join(dir, name);
		if (statSync(path).isDirectory()) return tsFiles(path);
		return name.endsWith(".ts") && !name.endsWith(".d.ts") ? [path] : [];
	});
}

/** The file a relative specifier names, as TypeScript's bundler resolution finds it. */
function resolveSpecifier(from, specifier) {
	const base = resolve(dirname(from), specifier).replace(/\.js$/, "");
	return [`${base}.ts`, base, join(base, "index.ts")].find((p) => existsSync(p) && statSync(p).isFile()) ?? null;
}

/** The import graph of `root`: each file's relative imports. */
export function importGraph(root) {
	const graph = new Map();
	for (const file of tsFiles(root)) {
		const text = readFileSync(file, "utf8");
		const targets = new Set();
		for (const m of text.matchAll(SPECIFIER)) {
			const target = resolveSpecifier(file, m[1] ?? m[2]);
			if (target) targets.add(target);
		}
		graph.set(file, [...targets]);
	}
	return graph;
}

/** The circles of the graph: its strongly connected parts of more than one file, or a file importing itself (Tarjan). */
export function circles(graph) {
	let counter = 0;
	const index = new Map();
	const low = new Map();
	const stack = [];
	const onStack = new Set();
	const found = [];
	const visit = (node) => {
		index.set(node, counter);
		low.set(node, counter++);
		stack.push(node);
		onStack.add(node);
		for (const next of graph.get(node) ?? []) {
			if (!index.has(next)) {
				visit(next);
				low.set(node, Math.min(low.get(node), low.get(next)));
			} else if (onStack.has(next)) low.set(node, Math.min(low.get(node), index.get(next)));
		}
		if (low.get(node) === index.get(node)) {
			const part = [];
			let top;
			do {
				top = stack.pop();
				onStack.delete(top);
				part.push(top);
			} while (top !== node);
			if (part.length > 1 || (graph.get(node) ?? []).includes(node)) found.push(part.sort());
		}
	};
	for (const node of graph.keys()) if (!index.has(node)) visit(node);
	return found;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
	const root = resolve(process.argv[2] ?? "src");
	const found = circles(importGraph(root));
	for (const part of found) console.error(`Import circle: ${part.map((p) => relative(process.cwd(), p)).join(" <-> ")}`);
	if (found.length > 0) {
		console.error(`${found.length} import circle${found.length === 1 ? "" : "s"}: move what both sides need into a lower file.`);
		process.exit(1);
	}
	console.log(`No import circle in ${relative(process.cwd(), root) || "."} (${importGraph(root).size} files).`);
}
