import { isMainThread, workerData } from "node:worker_threads";
import { run } from "./runCli";
import { isParseWorker, serveParses } from "./parseWorker";
import { defaultCacheDir } from "./readCacheFile";
import { defaultThreadCount } from "./readVault";
import { growHeapSlowly } from "./heapGrowth";
import { outputWidth, wantsColour } from "./terminal";

// The same built file runs the parse threads (readVault.ts): started as one, it only serves parses.
if (!isMainThread && isParseWorker(workerData)) {
	serveParses();
} else {
	growHeapSlowly();
	const threads = process.env.TOUCHBASE_THREADS;
	process.exitCode = run(process.argv.slice(2), {
		// A megabyte at a time: a big vault's answer (10 MB at 50,000 notes) is never turned into bytes whole.
		out: (text) => {
			for (let from = 0; from < text.length; from += 1 << 20) process.stdout.write(text.length <= 1 << 20 ? text : text.slice(from, from + (1 << 20)));
		},
		err: (text) => process.stderr.write(text),
		now: () => new Date(),
		cacheDir: defaultCacheDir(process.env),
		columns: outputWidth(process.env, process.stdout),
		colour: wantsColour(process.env, process.stdout),
		workers: { script: __filename, count: threads !== undefined && /^\d+$/.test(threads) ? Math.min(16, Number(threads)) : defaultThreadCount() },
	});
}
