import { Component, Notice, type App } from "obsidian";
import { localToday } from "../../core/text/dates";
import type { NoteRead } from "../../core/read/note";
import { endSequencesOnStatus, statusEnd, touchesEndedByStatus } from "../../core/write/endSequences";
import type { SequenceEnd } from "../../core/settings/settings";
import type { NoteChangeListener } from "../index/liveIndex";
import { editNote, fileAt } from "../actions/noteEdits";
import type { SettingsSource } from "../ports";
import type { DueReport } from "../../core/rules/dueReport";

/** What the watcher needs: the app (to edit), the settings, and word of each note's change from the index. */
export interface SequenceEndsPorts extends SettingsSource {
	readonly app: App;
	/** `report`: the due list, whose interaction-note touches the mirrors count (absent: none). */
	readonly index: { onNoteChange(listener: NoteChangeListener): () => void; report?(): DueReport };
}

/** Where a note stands for sequences: a status that ends them, or open. */
type Standing = SequenceEnd | "open";

/**
 * A status changed by hand (or by a sync from another device) ends sequences, as Mark won does
 * (README, "Sequences"). The watcher sees each change the index sees; when a prospect's status
 * *becomes* won, lost or paused, and it has open touches of a sequence that ends on that status,
 * they are cancelled in one `Vault.process` write.
 *
 * - Only a change of status counts: a sequence started on a won client afterwards is left alone.
 *   The first read of a note (start-up, a new note) is no change.
 * - Never while the note is unreadable (broken frontmatter): nothing is written and nothing is
 *   remembered, so the change is seen once the note reads again.
 * - Never twice: the check runs on the note as it is, and our own write is seen as "no change of
 *   status". The edit re-reads the note inside `Vault.process`, and cancelling lines that are
 *   already cancelled changes nothing: two devices that both see one synced edit write the same
 *   bytes, and a device that receives the other's cancelled lines writes nothing.
 */
export class SequenceEnds extends Component {
	/** Each note's standing when last read, readable. */
	private readonly known = new Map<string, Standing>();
	/** Notes being edited now: a change seen meanwhile waits for the edit's own change event. */
	private readonly pending = new Set<string>();

	constructor(private readonly ports: SequenceEndsPorts) {
		super();
	}

	onload(): void {
		this.register(this.ports.index.onNoteChange((path, before, after) => this.seen(path, before, after)));
	}

	/** One change of one note, as the index read it before and after. */
	seen(path: string, before: NoteRead | undefined, after: NoteRead | undefined): void {
		const prospect = after?.prospect;
		if (!prospect) return;
		const today = localToday();
		const now: Standing = statusEnd(prospect, today) ?? "open";
		const was: Standing | null = this.known.get(path) ?? (before?.prospect ? (statusEnd(before.prospect, today) ?? "open") : null);
		this.known.set(path, now);
		if (was === null || was === now || now === "open") return;
		if (touchesEndedByStatus(prospect, today, this.ports.settings()) === 0) return;
		void this.end(path);
	}

	/** Cancels the open touches of the sequences the note's status ends: one write, with a notice. */
	async end(path: string): Promise<boolean> {
		const file = fileAt(this.ports.app, path);
		if (!file || this.pending.has(path)) return false;
		this.pending.add(path);
		try {
			let cancelled = 0;
			let end: SequenceEnd | null = null;
			const text = await editNote(
				this.ports.app,
				file,
				(data) => {
					const entry = this.ports.index.report?.().entries.find((e) => e.prospect.path === path);
					const linked = entry?.prospect.touches.filter((t) => t.source !== undefined) ?? [];
					const result = endSequencesOnStatus(data, path, this.ports.settings(), localToday(), linked);
					if (result.ok) {
						cancelled = result.cancelled ?? 0;
						end = result.end ?? null;
					}
					return result;
				},
				"end the sequence",
			);
			if (text === null || cancelled === 0) return false;
			new Notice(`Touchbase: ${file.basename} is ${end ?? "closed"}, so its sequence ended: ${cancelled} open touch${cancelled === 1 ? " was" : "es were"} cancelled.`);
			return true;
		} finally {
			this.pending.delete(path);
		}
	}
}
