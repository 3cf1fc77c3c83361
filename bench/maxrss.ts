// Preloaded into the CLI (`node --require maxrss.cjs dist/cli.js ...`): on exit, writes the
// process's peak resident memory (kilobytes) to the file named by TOUCHBASE_MAXRSS_FILE.
import { writeFileSync } from "node:fs";

const out = process.env.TOUCHBASE_MAXRSS_FILE;
if (out) process.on("exit", () => writeFileSync(out, String(process.resourceUsage().maxRSS)));
