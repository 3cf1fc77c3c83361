// The worker side of the parse pool (parsePool.ts): the same built file as the command line,
// started with `workerData.touchbase === "parse"` (see index.ts). It decodes and reads the notes
// it is sent and posts their reads back, then wakes the main thread, which waits synchronously.
import { parentPort, workerData, type MessagePort } from "node:worker_threads";
import { readNote } from "../core/note";
import { encodeRead } from "../core/readCache";
import type { TouchbaseSettings } from "../core/settings";

export interface ParseWorkerData {
	touchbase: "parse";
	settings: TouchbaseSettings;
	/** Whether to send each read's cache text too. */
	encode: boolean;
	/** Where reads go, and the counter the main thread waits on. */
	port: MessagePort;
	signal: SharedArrayBuffer;
}

export interface ParseJob {
	batch: number;
	items: { seq: number; path: string; bytes: Uint8Array }[];
}

export interface ParseDone {
	batch: number;
	results: { seq: number; read: ReturnType<typeof readNote>; encoded: string | null }[];
}

export function isParseWorker(data: unknown): data is ParseWorkerData {
	return typeof data === "object" && data !== null && (data as { touchbase?: unknown }).touchbase === "parse";
}

/** Serves parse jobs until the main thread ends the worker. */
export function serveParses(): void {
	const data = workerData as ParseWorkerData;
	const signal = new Int32Array(data.signal);
	const decoder = new TextDecoder("utf-8");
	parentPort!.on("message", (job: ParseJob) => {
		const results: ParseDone["results"] = [];
		for (const item of job.items) {
			const read = readNote(item.path, decoder.decode(item.bytes), data.settings);
			results.push({ seq: item.seq, read, encoded: data.encode ? encodeRead(read) : null });
		}
		data.port.postMessage({ batch: job.batch, results } satisfies ParseDone);
		Atomics.add(signal, 0, 1);
		Atomics.notify(signal, 0);
	});
}
