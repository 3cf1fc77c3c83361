import { checksum, lineSum } from "../../src/core/index/readCache";

/**
 * A note's line of an index file (readCache.ts) with its checksums made again, as if Touchbase had
 * written it: the touches' own (the 8 hex digits after the `\u0001`) and the line's.
 */
export function resignLine(line: string): string {
	let body = line.slice(0, line.lastIndexOf("\t"));
	const at = body.indexOf("\u0001");
	if (at >= 0) {
		const end = body.indexOf("\t", at);
		body = `${body.slice(0, at + 1)}${checksum(body.slice(at + 9, end))}${body.slice(at + 9)}`;
	}
	return `${body}\t${lineSum(body)}`;
}

/** Where a prospect's touches start in a line: after the `\u0001` and their checksum. */
export const TOUCHES_START = new RegExp(`${String.fromCharCode(1)}([0-9a-f]{8})\\[`);
