// The CLI's index shards as text a test can read and doctor (src/cli/shardIndex.ts, "the file").
import { readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { checksum } from "../../src/core/index/readCache";

/** The vault's index shards in a cache folder (`index-HASH-K.json`), by name. */
export function shardFilesIn(dir: string): string[] {
	try {
		return readdirSync(dir)
			.filter((name) => /^index-[0-9a-f]+-\d+\.json$/.test(name))
			.sort()
			.map((name) => join(dir, name));
	} catch {
		return [];
	}
}

/** A note of a shard: its line and its touches' text (null: none apart). */
export interface ShardNote {
	line: string;
	touches: string | null;
}

export interface ShardText {
	header: string;
	notes: ShardNote[];
}

const FIELDS = 10;

/** A shard's header, and its notes with their touches. */
export function readShard(file: string): ShardText {
	const text = readFileSync(file, "latin1");
	const header = text.slice(0, text.indexOf("\n"));
	const end = /\n\{"end":(\d+),"notes":(\d+),"sum":"[0-9a-f]{8}"\}\n$/.exec(text)!;
	const lines = text.slice(Number(end[2]), end.index + 1).split("\n").slice(0, -1);
	const notes = lines.map((line) => {
		const f = line.split("\t");
		if (f.length !== FIELDS) throw new Error(`not a note line: ${line}`);
		return { line, touches: f[6] === "" ? null : text.slice(Number(f[6]), Number(f[6]) + Number(f[7])) };
	});
	return { header, notes };
}

/** The path of a note line. */
export function notePath(note: ShardNote): string {
	return JSON.parse(note.line.slice(0, note.line.indexOf("\t"))) as string;
}

/** A note line with its checksum made again, as if Touchbase had written it. */
export function resignLine(line: string): string {
	const body = line.slice(0, line.lastIndexOf("\t"));
	return `${body}\t${checksum(body)}`;
}

/** Writes a shard as Touchbase would: its touches where the lines say, with their checksums, every line signed. */
export function writeShard(file: string, shard: ShardText): void {
	let out = `${shard.header}\n`;
	const lines: string[] = [];
	for (const note of shard.notes) {
		const f = note.line.split("\t");
		if (note.touches === null) {
			f[6] = f[7] = f[8] = "";
		} else {
			f[6] = String(out.length);
			f[7] = String(note.touches.length);
			f[8] = checksum(note.touches);
			out += `${note.touches}\n`;
		}
		lines.push(resignLine(f.join("\t")));
	}
	const at = out.length;
	out += lines.map((line) => `${line}\n`).join("");
	out += `{"end":${lines.length},"notes":${at},"sum":"${checksum(`${lines.length}\n${at}`)}"}\n`;
	writeFileSync(file, out, "latin1");
}

/** Every note of every shard in the folder, with the file it is in. */
export function allNotes(dir: string): { file: string; shard: ShardText; at: number; note: ShardNote }[] {
	const out: { file: string; shard: ShardText; at: number; note: ShardNote }[] = [];
	for (const file of shardFilesIn(dir)) {
		const shard = readShard(file);
		shard.notes.forEach((note, at) => out.push({ file, shard, at, note }));
	}
	return out;
}
