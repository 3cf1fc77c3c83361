import { Notice, TFile, type App } from "obsidian";
import { setFrontmatterKeys, type EditResult, type FrontmatterValue } from "../core/edits";
import { mirrorKeys } from "../core/logTouch";
import type { TouchbaseSettings } from "../core/settings";
import { localToday } from "../core/dates";

/**
 * Applies a core text edit through `Vault.process`, so the read and the write are one step:
 * nothing typed in between is lost. Returns the new text, or null (with a notice) when the edit
 * refused; the note is then left exactly as it was.
 */
export async function editNote(app: App, file: TFile, edit: (text: string) => EditResult, what: string): Promise<string | null> {
	let outcome: EditResult | null = null;
	try {
		const text = await app.vault.process(file, (data) => {
			outcome = edit(data);
			return outcome.ok ? outcome.text : data;
		});
		const result = outcome as EditResult | null;
		if (result && !result.ok) {
			new Notice(`Touchbase: ${file.basename} was not changed: ${result.error}`);
			return null;
		}
		return text;
	} catch (error) {
		new Notice(`Touchbase: could not ${what} in ${file.basename}: ${error instanceof Error ? error.message : String(error)}`);
		return null;
	}
}

/**
 * Writes frontmatter keys. A key already there under a loosely equal name (`nextFollowUp`) is
 * rewritten in place under the canonical name; null removes it. The edit is the core's line edit
 * inside `Vault.process` (one read-and-write step, like `processFrontMatter`), so every other byte
 * of the block stays as the user wrote it: quotes, flow lists, comments, key order and line
 * endings. `processFrontMatter` re-dumps the whole block and would change all of those.
 */
export async function setFrontmatter(app: App, file: TFile, updates: [string, FrontmatterValue][] | ((text: string) => [string, FrontmatterValue][])): Promise<boolean> {
	let failure: string | null = null;
	try {
		await app.vault.process(file, (data) => {
			const result = setFrontmatterKeys(data, typeof updates === "function" ? updates(data) : updates);
			if (result.ok) return result.text;
			failure = result.error;
			return data;
		});
	} catch (error) {
		failure = error instanceof Error ? error.message : String(error);
	}
	if (failure === null) return true;
	new Notice(`Touchbase: the frontmatter of ${file.basename} was not updated: ${failure}`);
	return false;
}

/** Brings `last_touch`, `touches` and `next_follow_up` in line with the note as it stands when written. */
export async function syncMirrors(app: App, file: TFile, settings: TouchbaseSettings): Promise<void> {
	await setFrontmatter(app, file, (data) => mirrorKeys(data, file.path, settings, localToday()));
}

export function fileAt(app: App, path: string): TFile | null {
	const file = app.vault.getAbstractFileByPath(path);
	return file instanceof TFile ? file : null;
}
