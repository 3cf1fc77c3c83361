// Preloaded into the CLI and the floor (`node --require maxrss.cjs dist/cli.js ...`): on exit,
// writes the process's peak resident memory (kilobytes) and its CPU time (user and system, ms)
// to the file named by TOUCHBASE_MAXRSS_FILE, as "KB MS".
import { writeFileSync } from "node:fs";

const out = process.env.TOUCHBASE_MAXRSS_FILE;
if (out) {
	process.on("exit", () => {
		const usage = process.resourceUsage();
		writeFileSync(out, `${usage.maxRSS} ${(usage.userCPUTime + usage.systemCPUTime) / 1000}`);
	});
}
