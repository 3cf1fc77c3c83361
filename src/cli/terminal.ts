// How the CLI's output fits where it goes (README, "The command line"): the width from COLUMNS,
// else the terminal's, else 80; colour only on a terminal, NO_COLOR and FORCE_COLOR honoured.
import * as util from "node:util";
import type { Paint, Style } from "../core/show/tableText";

export interface OutputTarget {
	isTTY?: boolean;
	columns?: number;
}

/** Columns to fit in: `COLUMNS` when it is a number, else the terminal's width, else 80. */
export function outputWidth(env: NodeJS.ProcessEnv, out: OutputTarget): number {
	const given = env.COLUMNS?.trim();
	if (given && /^\d+$/.test(given) && Number(given) > 0) return Number(given);
	if (out.isTTY && typeof out.columns === "number" && out.columns > 0) return out.columns;
	return 80;
}

/**
 * Whether to colour: never with `NO_COLOR` set (to anything but the empty string, no-color.org);
 * always with `FORCE_COLOR` set (but `0` or `false`); else only on a terminal that is not `dumb`.
 */
export function wantsColour(env: NodeJS.ProcessEnv, out: OutputTarget): boolean {
	if (env.NO_COLOR !== undefined && env.NO_COLOR !== "") return false;
	if (env.FORCE_COLOR !== undefined) return !/^(0|false)$/i.test(env.FORCE_COLOR.trim());
	return out.isTTY === true && env.TERM !== "dumb";
}

type StyleText = (format: string, text: string, options?: { validateStream?: boolean }) => string;

/**
 * Node's own `util.styleText` (Node 20.12 and later), asked not to look at the stream again: we
 * already decided. On an older Node, no colour.
 */
export function terminalPaint(): Paint | undefined {
	const styleText = (util as unknown as { styleText?: StyleText }).styleText;
	if (typeof styleText !== "function") return undefined;
	return (style: Style, text: string) => styleText(style, text, { validateStream: false });
}
