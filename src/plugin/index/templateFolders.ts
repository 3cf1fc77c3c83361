import { normalizePath, type App } from "obsidian";
import type { TouchbaseSettings } from "../../core/settings/settings";

/**
 * The template folders Obsidian's Templates core plugin and Templater name in the vault's config
 * folder: notes there are templates, never prospects (README, "Bringing your existing notes").
 */
export async function obsidianTemplateFolders(app: App): Promise<string[]> {
	const read = async (path: string, key: string): Promise<string | null> => {
		try {
			const data = JSON.parse(await app.vault.adapter.read(normalizePath(`${app.vault.configDir}/${path}`))) as Record<string, unknown>;
			const folder = data[key];
			return typeof folder === "string" && folder.trim() !== "" ? folder.trim().replace(/^\/+|\/+$/g, "") : null;
		} catch {
			return null; // not set up, or unreadable: nothing to add
		}
	};
	const found = await Promise.all([read("templates.json", "folder"), read("plugins/templater-obsidian/data.json", "templates_folder")]);
	return found.filter((f): f is string => f !== null);
}

/** The settings with those folders among the template folders. */
export function withTemplateFolders(settings: TouchbaseSettings, folders: readonly string[]): TouchbaseSettings {
	const extra = folders.filter((f) => !settings.templateFolders.includes(f));
	return extra.length === 0 ? settings : { ...settings, templateFolders: [...settings.templateFolders, ...extra] };
}
