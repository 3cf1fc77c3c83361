import { UsageError } from "../core/show/cliText";
import { setStatus } from "../core/write/setStatus";
import type { IsoDay } from "../core/text/dates";
import type { Touch } from "../core/read/note";
import type { TouchbaseSettings } from "../core/settings/settings";
import { endedBecause } from "../core/write/endSequences";
import { checkNoteArg, editNote, type VaultRootOf } from "./noteFile";

interface StatusIo {
	out: (text: string) => void;
	err: (text: string) => void;
}

/**
 * `touchbase status NOTE.md STATUS`: sets `status` as an edit by hand would, and ends the
 * sequences that status ends (won, lost, paused), in one write (README, "Sequences"). Setting the
 * status the note already has writes nothing.
 */
export function runStatus(
	rest: string[],
	today: IsoDay,
	io: StatusIo,
	findVaultRoot: VaultRootOf,
	linkedTouches: (vault: string, path: string, settings: TouchbaseSettings) => Touch[] = () => [],
): number {
	if (rest.length !== 2) throw new UsageError(rest.length === 0 ? "missing NOTE.md" : rest.length === 1 ? "missing STATUS (lead, active, paused, won or lost)" : `unexpected argument "${rest[2]}"`);
	const [note, status] = rest;
	checkNoteArg(note);
	if (!/^(lead|active|paused|won|lost)$/i.test(status.trim())) throw new UsageError(`STATUS must be lead, active, paused, won or lost, not "${status}"`);
	const edited = editNote(note, io.err, findVaultRoot, ({ vault, settings, path, before }) => {
		const result = setStatus(before, path, status, settings, today, linkedTouches(vault, path, settings));
		return { text: result.ok && result.changed ? result.text : null, value: result };
	});
	if (edited === null) return 1;
	const result = edited.value;
	if (!result.ok) {
		io.err(`touchbase: ${note} was not changed: ${result.error}\n`);
		return 1;
	}
	const wanted = status.trim().toLowerCase();
	if (!result.changed) {
		io.out(`${note} is already ${wanted}: nothing changed\n`);
		return 0;
	}
	io.out(`status: ${wanted}\n`);
	const cancelled = result.cancelled ?? 0;
	if (cancelled > 0) {
		const end = wanted === "won" || wanted === "lost" || wanted === "paused" ? wanted : null;
		io.out(`${endedBecause(end ? [end] : [])}: ${cancelled} open sequence touch${cancelled === 1 ? " was" : "es were"} cancelled\n`);
	}
	return 0;
}
