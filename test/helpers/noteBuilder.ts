import { computeDue, type DueEntry } from "../../src/core/rules/due";
import { readNote, type NoteRead } from "../../src/core/read/note";
import { DEFAULT_SETTINGS, migrateSettings, type TouchbaseSettings } from "../../src/core/settings/settings";

/** Fluent builder for prospect notes in tests: `note().fm("status: won").line("- 2026-11-20 call: hi").text()`. */
export class NoteBuilder {
	private readonly fmLines: string[] = [];
	private readonly bodyLines: string[] = [];
	private withFrontmatter = false;

	fm(...lines: string[]): this {
		this.withFrontmatter = true;
		this.fmLines.push(...lines);
		return this;
	}

	line(...lines: string[]): this {
		this.bodyLines.push(...lines);
		return this;
	}

	text(): string {
		const fm = this.withFrontmatter ? ["---", ...this.fmLines, "---"] : [];
		return [...fm, ...this.bodyLines, ""].join("\n");
	}

	read(path = "Prospects/Acme.md", settings: TouchbaseSettings = DEFAULT_SETTINGS): NoteRead {
		return readNote(path, this.text(), settings);
	}

	/** Where the prospect stands on `today`; fails the test when the note is not a prospect. */
	due(today: string, settings: TouchbaseSettings = DEFAULT_SETTINGS, path = "Prospects/Acme.md"): DueEntry {
		const read = this.read(path, settings);
		if (!read.prospect) throw new Error(`not a prospect: ${JSON.stringify(read.problems)}`);
		return computeDue(read.prospect, today, settings);
	}
}

export function note(): NoteBuilder {
	return new NoteBuilder();
}

export function settingsWith(raw: Record<string, unknown>): TouchbaseSettings {
	return migrateSettings(raw);
}
