import { Notice, TFile, TFolder, normalizePath, type App } from "obsidian";
import { localToday } from "../../core/text/dates";
import { describePlan, planImport, type ImportOptions, type ImportPlan, type Lead, type PlannedNote } from "../../core/import/importLeads";
import type { ProspectNote } from "../../core/read/note";
import type { DueSource, SettingsSource } from "../ports";
import { ImportLeadsModal } from "../modals/importLeadsModal";

/** What Import leads needs: the vault, the prospects already there, the settings. */
export interface ImportLeadsPorts extends SettingsSource {
	readonly app: App;
	readonly index: DueSource;
}

/** The prospects of the vault, from the index. */
function prospectsOf(index: DueSource): ProspectNote[] {
	return index.report(localToday()).entries.map((e) => e.prospect);
}

/** Plans the import of `leads` against the vault as it is now. */
export function planLeads(ports: ImportLeadsPorts, leads: readonly Lead[], options: Omit<ImportOptions, "today">): ImportPlan {
	const { app } = ports;
	const inUse = new Set(app.vault.getFiles().map((f) => f.path.toLowerCase()));
	const taken = (path: string): boolean => inUse.has(normalizePath(path).toLowerCase()) || app.vault.getAbstractFileByPath(normalizePath(path)) !== null;
	return planImport(leads, prospectsOf(ports.index), taken, ports.settings(), { ...options, today: localToday() });
}

/** Import leads: the modal (file or paste, the columns, the preview), then every note or none. */
export function importLeads(ports: ImportLeadsPorts): void {
	const files = ports.app.vault.getFiles().filter((f) => /^(csv|vcf|vcard)$/i.test(f.extension));
	new ImportLeadsModal(ports.app, {
		files,
		settings: ports.settings(),
		plan: (leads, options) => planLeads(ports, leads, options),
		onImport: async (leads, options, problems) => {
			// Planned again at the moment of writing: the vault may have changed since the preview.
			const plan = planLeads(ports, leads, options);
			const result = await createAllOrNothing(ports.app, plan.notes);
			if (!result.ok) {
				new Notice(`Touchbase: nothing was imported: ${result.error}`);
				return false;
			}
			const lines = describePlan(plan, problems, false);
			new Notice(`Touchbase: ${lines[0]}${plan.existing.length > 0 ? ` ${plan.existing.length} already in the vault.` : ""}`);
			return true;
		},
	}).open();
}

/**
 * Creates every note through `Vault.create` (which refuses a file that exists), making the
 * prospect folder if needed. On any failure, the notes created so far and the folders made for
 * them go to the trash again (the user's deletion setting): the vault is as it was.
 */
export async function createAllOrNothing(app: App, notes: readonly PlannedNote[]): Promise<{ ok: true; files: TFile[] } | { ok: false; error: string }> {
	const created: TFile[] = [];
	const folders: string[] = [];
	let current = "";
	try {
		for (const note of notes) {
			current = note.path;
			const path = normalizePath(note.path);
			const folder = path.includes("/") ? path.slice(0, path.lastIndexOf("/")) : "";
			if (folder !== "" && !(app.vault.getAbstractFileByPath(folder) instanceof TFolder)) {
				// The topmost missing folder: removing it on failure removes what was made.
				const parts = folder.split("/");
				let top = folder;
				for (let i = 1; i <= parts.length; i++) {
					const candidate = parts.slice(0, i).join("/");
					if (!app.vault.getAbstractFileByPath(candidate)) {
						top = candidate;
						break;
					}
				}
				await app.vault.createFolder(folder);
				folders.push(top);
			}
			created.push(await app.vault.create(path, note.text));
		}
		return { ok: true, files: created };
	} catch (error) {
		for (const file of created.reverse()) {
			try {
				// As the user's deletion preference says (the system trash by default).
				await app.fileManager.trashFile(file);
			} catch {
				// Already gone: nothing to undo.
			}
		}
		for (const path of folders.reverse()) {
			const folder = app.vault.getAbstractFileByPath(path);
			if (folder instanceof TFolder && isEmptyTree(folder)) {
				try {
					await app.fileManager.trashFile(folder);
				} catch {
					// Left in place: an empty folder.
				}
			}
		}
		const message = error instanceof Error ? error.message : String(error);
		return { ok: false, error: `${current} could not be created (${message})` };
	}
}

/** A folder holding only (empty) folders. */
function isEmptyTree(folder: TFolder): boolean {
	return folder.children.every((child) => child instanceof TFolder && isEmptyTree(child));
}
