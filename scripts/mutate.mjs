// `npm run mutate [-- STRYKER OPTIONS]`: Stryker over src/core with the unit tests
// (stryker.config.mjs), then the mutation score per core folder from its JSON report.
// Narrow it with `npm run mutate -- --mutate 'src/core/read/**/*.ts'` (docs/testing.md).
import { spawnSync } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";

const REPORT = join("reports", "mutation", "mutation.json");
const summaryOnly = process.argv[2] === "--summary";

if (!summaryOnly) {
	const pkg = createRequire(import.meta.url).resolve("@stryker-mutator/core/package.json");
	const bin = join(dirname(pkg), "bin", "stryker.js");
	const run = spawnSync(process.execPath, [bin, "run", ...process.argv.slice(2)], { stdio: "inherit" });
	if (run.status !== 0) process.exit(run.status ?? 1);
}
if (!existsSync(REPORT)) {
	console.error(`no report at ${REPORT}: run \`npm run mutate\` first`);
	process.exit(1);
}

// Stryker's score: detected (killed, timed out) over valid mutants (detected, survived, not covered).
const DETECTED = new Set(["Killed", "Timeout"]);
const report = JSON.parse(readFileSync(REPORT, "utf8"));
const folders = new Map();
for (const [file, { mutants }] of Object.entries(report.files)) {
	const path = file.split("\\").join("/");
	const m = /src\/core\/([^/]+)\//.exec(path);
	const folder = m ? `src/core/${m[1]}` : path;
	const row = folders.get(folder) ?? { detected: 0, survived: 0, noCoverage: 0, ignored: 0 };
	for (const mutant of mutants) {
		if (DETECTED.has(mutant.status)) row.detected++;
		else if (mutant.status === "Survived") row.survived++;
		else if (mutant.status === "NoCoverage") row.noCoverage++;
		else if (mutant.status === "Ignored") row.ignored++;
	}
	folders.set(folder, row);
}
const rows = [...folders.entries()].sort(([a], [b]) => (a < b ? -1 : 1));
const score = (r) => {
	const valid = r.detected + r.survived + r.noCoverage;
	return valid === 0 ? "n/a" : `${((100 * r.detected) / valid).toFixed(2)}%`;
};
const total = rows.reduce((t, [, r]) => ({ detected: t.detected + r.detected, survived: t.survived + r.survived, noCoverage: t.noCoverage + r.noCoverage, ignored: t.ignored + r.ignored }), {
	detected: 0,
	survived: 0,
	noCoverage: 0,
	ignored: 0,
});
const line = (name, r) => `${name.padEnd(20)} ${score(r).padStart(8)} ${String(r.detected).padStart(9)} ${String(r.survived).padStart(9)} ${String(r.noCoverage).padStart(12)} ${String(r.ignored).padStart(8)}`;
console.log(`\nMutation score per core folder (${REPORT})`);
console.log(`${"folder".padEnd(20)} ${"score".padStart(8)} ${"detected".padStart(9)} ${"survived".padStart(9)} ${"no coverage".padStart(12)} ${"ignored".padStart(8)}`);
for (const [name, r] of rows) console.log(line(name, r));
if (rows.length > 1) console.log(line("all", total));
