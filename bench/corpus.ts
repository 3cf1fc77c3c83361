// `npm run corpus`: scores today's reader on the real-note corpus (test/fixtures/real/SOURCES.md),
// tuning and held-out parts side by side, and the tenth and eleventh rounds' held-out repositories each in a column
// of its own (SOURCES.md). `--notes` also lists every note that is not right, and why;
// `--round 2` scores only the vaults added in the second round, `--round 11` the eleventh's (SOURCES.md).
import { resolve } from "node:path";
import { scoreCorpus, scoreTable } from "../test/helpers/corpus";

const at = process.argv.indexOf("--round");
const round = at >= 0 ? Number(process.argv[at + 1]) : undefined;
const score = scoreCorpus(resolve("test/fixtures/real"), { round });
const out: string[] = [`Real-note corpus, today ${score.today}: ${score.notes.length} notes`, scoreTable(score)];
if (process.argv.includes("--notes")) {
	for (const n of score.notes.filter((x) => !x.right)) out.push(`${n.part}\t${n.key}\t${n.diff}`);
	for (const n of score.notes.filter((x) => x.nameRight === false)) out.push(`${n.part}\t${n.key}\tshown as "${n.name}", want "${n.wantName}"`);
}
process.stdout.write(`${out.join("\n")}\n`);
