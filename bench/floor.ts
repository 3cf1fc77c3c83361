// The floor: the least any tool must do to answer from a vault of notes. Walks the folder (skipping
// dot-folders, as every reader does), reads every .md file and splits it into lines.
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";

let files = 0;
let lines = 0;
function walk(dir: string): void {
	for (const entry of readdirSync(dir, { withFileTypes: true })) {
		if (entry.name.startsWith(".")) continue;
		const full = join(dir, entry.name);
		if (entry.isDirectory()) walk(full);
		else if (entry.name.toLowerCase().endsWith(".md")) {
			files++;
			lines += readFileSync(full, "utf8").split("\n").length;
		}
	}
}
walk(process.argv[2]);
process.stdout.write(`${files} files, ${lines} lines\n`);
