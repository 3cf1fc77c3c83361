// Runs the whole suite once per time zone: dates are where this kind of tool breaks.
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

const zones = ["UTC", "America/Los_Angeles", "Pacific/Auckland"];
const extra = process.argv.slice(2);
const out = mkdtempSync(join(tmpdir(), "touchbase-tests-"));
const failedZones = [];
let passed = 0;
let failed = 0;
let skipped = 0;
for (const zone of zones) {
	console.log(`\n=== TZ=${zone} ===`);
	const report = join(out, `${zone.replace("/", "_")}.json`);
	const result = spawnSync("npx", ["vitest", "run", "--reporter=default", "--reporter=json", `--outputFile.json=${report}`, ...extra], {
		stdio: "inherit",
		env: { ...process.env, TZ: zone },
	});
	if (result.status !== 0) failedZones.push(zone);
	try {
		const json = JSON.parse(readFileSync(report, "utf8"));
		passed += json.numPassedTests;
		failed += json.numFailedTests;
		// A test file that cannot even load fails with no test of its own: count it too.
		failed += json.testResults.filter((file) => file.status === "failed" && file.assertionResults.length === 0).length;
		skipped += json.numPendingTests + json.numTodoTests;
	} catch {
		failed += 1; // the run died before writing its report
	}
}
rmSync(out, { recursive: true, force: true });
if (failedZones.length > 0) console.error(`\nTests failed in: ${failedZones.join(", ")}`);
console.log(`\n${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ""}`);
process.exit(failedZones.length > 0 || failed > 0 ? 1 : 0);
