// `touchbase import VAULT FILE.csv|FILE.vcf` (README, "Import leads"): the pure plan from
// core/import/importLeads.ts, written all or nothing.
import { existsSync, mkdirSync, readFileSync, rmdirSync, statSync, unlinkSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { UsageError } from "../core/show/cliText";
import type { IsoDay } from "../core/text/dates";
import { describePlan, leadsOf, planImport, type PlannedNote } from "../core/import/importLeads";
import { checkLeadBytes } from "../core/import/leadInput";
import { readNote, type ProspectNote } from "../core/read/note";
import type { TouchbaseSettings } from "../core/settings/settings";
import { forEachVaultFile } from "./vaultFiles";

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
	forEachVaultFile(vault, (f) => {
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
			writeAllOrNothing(vault, plan.notes, hooks);
		} catch (error) {
			io.err(`touchbase: nothing was imported: ${(error as Error).message}\n`);
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
 * Writes every note, each only if its file does not exist yet (`wx`); on any failure, removes
 * the notes it wrote and the folders it made, and throws: the vault is as it was.
 */
export function writeAllOrNothing(vault: string, notes: readonly PlannedNote[], hooks: WriteHooks = {}): void {
	const written: string[] = [];
	const folders: string[] = [];
	try {
		notes.forEach((note, i) => {
			hooks.beforeWrite?.(note, i);
			const full = join(vault, ...note.path.split("/"));
			const made = mkdirSync(dirname(full), { recursive: true });
			if (made !== undefined) folders.push(made);
			try {
				writeFileSync(full, note.text, { encoding: "utf8", flag: "wx" });
			} catch (error) {
				const code = (error as NodeJS.ErrnoException).code;
				throw new Error(code === "EEXIST" ? `${note.path} appeared while importing` : `${note.path} could not be written (${code ?? String(error)})`);
			}
			written.push(full);
		});
	} catch (error) {
		for (const full of written.reverse()) {
			try {
				unlinkSync(full);
			} catch {
				// Already gone: nothing to undo.
			}
		}
		// A folder made for the import goes if nothing else came into it; inner folders first.
		for (const top of folders.reverse()) {
			for (const full of [...written].map(dirname).sort((a, b) => b.length - a.length)) {
				if (full.startsWith(top)) removeEmpty(full, top);
			}
			removeEmpty(top, top);
		}
		throw error;
	}
}

function removeEmpty(dir: string, top: string): void {
	for (let d = dir; d.startsWith(top); d = dirname(d)) {
		try {
			rmdirSync(d);
		} catch {
			return;
		}
		if (d === top) return;
	}
}
