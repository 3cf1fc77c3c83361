// `touchbase import VAULT FILE.csv|FILE.vcf` (README, "Import leads"): the pure plan from
// core/import/importLeads.ts, written all or nothing.
import { existsSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { UsageError } from "../core/show/cliText";
import type { IsoDay } from "../core/text/dates";
import { describePlan, leadsOf, planImport, type PlannedNote } from "../core/import/importLeads";
import { checkLeadBytes } from "../core/import/leadInput";
import { readNote, type ProspectNote } from "../core/read/note";
import type { TouchbaseSettings } from "../core/settings/settings";
import { forEachVaultFile } from "./vaultFiles";
import { checkNotePath, importAllOrNothing } from "./importJournal";
import { maxNoteBytes } from "../core/settings/settings";

export interface ImportIo {
	out: (text: string) => void;
	err: (text: string) => void;
}

export interface ImportArgs {
	vault: string;
	file: string;
	today: IsoDay;
	sequence?: string;
	source?: string;
	owner?: string;
	dryRun: boolean;
}

/** Runs the import; the exit status: 0 done (or nothing to do), 1 when nothing could be written. */
export function runImport(args: ImportArgs, settings: TouchbaseSettings, io: ImportIo, hooks: WriteHooks = {}): number {
	const { vault, file } = args;
	if (!existsSync(file) || !statSync(file).isFile()) throw new UsageError(`lead file not found: ${file}`);
	let sequence = null;
	if (args.sequence !== undefined) {
		const wanted = args.sequence.trim().toLowerCase();
		sequence = settings.sequences.find((q) => q.name.toLowerCase() === wanted) ?? null;
		if (sequence === null) throw new UsageError(`no sequence named "${args.sequence}" (${settings.sequences.map((q) => q.name).join(", ") || "none set up"})`);
	}
	// Checked before anything is planned: a file that is not leads is refused and nothing is written.
	const input = checkLeadBytes(readFileSync(file), file);
	if (!input.ok) throw new UsageError(input.message);
	const leadFile = input.file;

	const prospects: ProspectNote[] = [];
	const paths = new Set<string>();
	forEachVaultFile(vault, maxNoteBytes(settings), (f) => {
		paths.add(f.path.toLowerCase());
		if (f.text === null) return;
		const read = readNote(f.path, f.text, settings);
		if (read.prospect) prospects.push(read.prospect);
	});
	const taken = (path: string): boolean => paths.has(path.toLowerCase()) || existsSync(join(vault, path));
	const plan = planImport(leadsOf(leadFile), prospects, taken, settings, {
		today: args.today,
		sequence,
		source: args.source?.trim() || null,
		owner: args.owner?.trim() || null,
	});
	if (leadFile.kind === "csv") {
		const mapped = Object.entries(leadFile.mapping)
			.filter(([, column]) => column !== null)
			.map(([field, column]) => `${field} ← "${leadFile.headers[column!]}"`);
		io.out(`Columns: ${mapped.join(", ")}\n`);
	}
	if (!args.dryRun) {
		try {
			writeAllOrNothing(vault, plan.notes, hooks, settings.prospectFolders[0] ?? "");
		} catch (error) {
			io.err(`touchbase: ${(error as Error).message}\n`);
			return 1;
		}
	}
	io.out(`${describePlan(plan, leadFile.problems, args.dryRun).join("\n")}\n`);
	return 0;
}

export interface WriteHooks {
	/** Called before each note is written (tests use it to make a write fail part-way). */
	beforeWrite?: (note: PlannedNote, index: number) => void;
}

/**
 * Writes every note or none, even when killed (importJournal.ts); each only if its file does not
 * exist yet. With `folder`, every path must be a plain file name inside it. Throws with the reason:
 * "nothing was imported: …", or the notes a failed rollback left.
 */
export function writeAllOrNothing(vault: string, notes: readonly PlannedNote[], hooks: WriteHooks = {}, folder?: string): void {
	if (folder !== undefined) for (const note of notes) checkNotePath(vault, note.path, folder);
	importAllOrNothing(vault, notes, { beforeWrite: hooks.beforeWrite && ((i) => hooks.beforeWrite!(notes[i], i)) });
}
