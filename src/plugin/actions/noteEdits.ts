import { Notice, TFile, type App } from "obsidian";
import type { EditResult } from "../../core/text/edits";

/**
 * Applies a core command (text to new text, frontmatter included) in one `Vault.process` call,
 * so the read and the write are one step: nothing typed in between is lost, and undo is one step. Returns the new text, or null (with a notice) when the edit
 * refused; the note is then left exactly as it was.
 */
export async function editNote(app: App, file: TFile, edit: (text: string) => EditResult, what: string): Promise<string | null> {
	try {
		const result = await applyEdit(app, file, edit);
		if (!result.ok) {
			new Notice(`Touchbase: ${file.basename} was not changed: ${result.error}`);
			return null;
		}
		return result.text;
	} catch (error) {
		new Notice(`Touchbase: could not ${what} in ${file.basename}: ${error instanceof Error ? error.message : String(error)}`);
		return null;
	}
}

/**
 * `editNote` without the notices, for callers that report the answer themselves (the Obsidian CLI
 * handlers): one `Vault.process` call; a refused edit leaves the note as it was. Throws what the
 * vault throws.
 */
export async function applyEdit(app: App, file: TFile, edit: (text: string) => EditResult): Promise<EditResult> {
	let outcome: EditResult | null = null;
	const text = await app.vault.process(file, (data) => {
		outcome = edit(data);
		return outcome.ok ? outcome.text : data;
	});
	const result = outcome as EditResult | null;
	return result && !result.ok ? result : { ok: true, text };
}

export function fileAt(app: App, path: string): TFile | null {
	const file = app.vault.getAbstractFileByPath(path);
	return file instanceof TFile ? file : null;
}
