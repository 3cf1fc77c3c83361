import { Notice, TFile, type App } from "obsidian";
import type { EditResult, FrontmatterValue } from "../core/edits";
import { normalizeKey } from "../core/frontmatter";
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
 * Writes frontmatter keys through `processFrontMatter`. A key already there under a loosely equal
 * name (`nextFollowUp`) is replaced by the canonical one; null removes it.
 */
export async function setFrontmatter(app: App, file: TFile, updates: [string, FrontmatterValue][]): Promise<boolean> {
	if (updates.length === 0) return true;
	try {
		await app.fileManager.processFrontMatter(file, (fm: Record<string, unknown>) => {
			for (const [key, value] of updates) {
				const norm = normalizeKey(key);
				for (const existing of Object.keys(fm)) if (existing !== key && normalizeKey(existing) === norm) delete fm[existing];
				if (value === null) delete fm[key];
				else fm[key] = value;
			}
		});
		return true;
	} catch (error) {
		new Notice(`Touchbase: the frontmatter of ${file.basename} was not updated: ${error instanceof Error ? error.message : String(error)}`);
		return false;
	}
}

/** Brings `last_touch`, `touches` and `next_follow_up` in line with the note's touch lines. */
export async function syncMirrors(app: App, file: TFile, text: string, settings: TouchbaseSettings): Promise<void> {
	await setFrontmatter(app, file, mirrorKeys(text, file.path, settings, localToday()));
}

export function fileAt(app: App, path: string): TFile | null {
	const file = app.vault.getAbstractFileByPath(path);
	return file instanceof TFile ? file : null;
}
