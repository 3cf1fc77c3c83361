// The worker side of the parse pool (parsePool.ts): the same built file as the command line,
// started with `workerData.touchbase === "parse"` (see index.ts). It decodes and reads the notes
// it is sent and posts their reads back, then wakes the main thread, which waits synchronously.
import { parentPort, workerData, type MessagePort } from "node:worker_threads";
import { readNote, type NoteFileTimes } from "../core/read/note";
import { compactAndEncode } from "../core/index/readCache";
import type { TouchbaseSettings } from "../core/settings/settings";

export interface ParseWorkerData {
	touchbase: "parse";
	settings: TouchbaseSettings;
	/** The day the records are made for (readVault's `today`). */
	today: string;
	/** Where reads go, and the counter the main thread waits on. */
	port: MessagePort;
	signal: SharedArrayBuffer;
}

export interface ParseJob {
	batch: number;
	items: { seq: number; path: string; bytes: Uint8Array; times?: NoteFileTimes }[];
}

export interface ParseDone {
	batch: number;
	/**
	 * Each note's read as its cache text (a string crosses threads far cheaper than the objects,
	 * which the main thread would have to rebuild one by one), or as the read itself when it has
	 * no cache text.
	 */
	results: ParseResult[];
}

export type ParseResult = { seq: number; encoded: string; read?: undefined } | { seq: number; read: ReturnType<typeof readNote>; encoded: null };

export function isParseWorker(data: unknown): data is ParseWorkerData {
	return typeof data === "object" && data !== null && (data as { touchbase?: unknown }).touchbase === "parse";
}

/** Serves parse jobs until the main thread ends the worker. */
export function serveParses(): void {
	const data = workerData as ParseWorkerData;
	const signal = new Int32Array(data.signal);
	const decoder = new TextDecoder("utf-8");
	parentPort!.on("message", (job: ParseJob) => {
		const results: ParseResult[] = [];
		for (const item of job.items) {
			const read = readNote(item.path, decoder.decode(item.bytes), data.settings, { file: item.times });
			const encoded = compactAndEncode(read, data.today).encoded;
			results.push(encoded !== null ? { seq: item.seq, encoded } : { seq: item.seq, read, encoded: null });
		}
		data.port.postMessage({ batch: job.batch, results });
		Atomics.add(signal, 0, 1);
		Atomics.notify(signal, 0);
	});
}
