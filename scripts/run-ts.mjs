// Runs a TypeScript entry point (the bench's) with Node: esbuild bundles it into node_modules/.cache
// first, so no TypeScript runner is needed. Usage: node scripts/run-ts.mjs FILE.ts [args...]
import { build } from "esbuild";
import { spawnSync } from "node:child_process";
import { basename, join, resolve } from "node:path";

const [entry, ...args] = process.argv.slice(2);
if (!entry) {
	console.error("usage: node scripts/run-ts.mjs FILE.ts [args...]");
	process.exit(2);
}
const outfile = join("node_modules", ".cache", "touchbase-bench", `${basename(entry, ".ts")}.entry.cjs`);
await build({ entryPoints: [resolve(entry)], outfile, bundle: true, platform: "node", format: "cjs", target: "node18", packages: "external", logLevel: "warning" });
const result = spawnSync(process.execPath, [outfile, ...args], { stdio: "inherit" });
process.exit(result.status ?? 1);
