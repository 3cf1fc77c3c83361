import { Notice, TFile, normalizePath, type App } from "obsidian";
import { newProspectText, prospectFileName } from "../../core/write/newProspect";
import type { DueTarget } from "../../core/write/snoozeTouch";
import { cadenceSuggestion } from "../../core/text/cadence";
import { channelToVary } from "../../core/rules/channelVariety";
import { explainNote } from "../../core/show/explain";
import { closeProspect } from "../../core/write/closeProspect";
import { draftFollowUp } from "../../core/write/draftFollowUp";
import { scheduleReferralAsk } from "../../core/write/scheduleReferralAsk";
import { scheduleTouch } from "../../core/write/scheduleTouch";
import { dueTargetOf, snoozeTouch } from "../../core/write/snoozeTouch";
import { startSequence } from "../../core/write/startSequence";
import { addDaysToDay, localToday, type ClockTime, type IsoDay } from "../../core/text/dates";
import { computeDue, isScheduled, resolveCadence, type DueEntry } from "../../core/rules/due";
import { logTouch, type LogInput } from "../../core/write/logTouch";
import { readNote, type ProspectNote, type Touch } from "../../core/read/note";
import { isSequenceLine } from "../../core/write/sequences";
import { endedBecause } from "../../core/write/endSequences";
import type { Sequence, SequenceEnd, TouchbaseSettings } from "../../core/settings/settings";
import { LogTouchModal } from "../modals/logTouchModal";
import { ExplainModal } from "../modals/explainModal";
import { ScheduleModal } from "../modals/scheduleModal";
import { StartSequenceModal } from "../modals/sequenceModal";
import { ConfirmModal, DraftModal, NewProspectModal } from "../modals/simpleModals";
import { SnoozeModal } from "../modals/snoozeModal";
import { editNote, fileAt } from "./noteEdits";
import { fileTimes, givenFrontmatter } from "../index/readCacheStore";
import type { CommandActions, NoteActions, ReadSource } from "../ports";

/**
 * What each command does to "this prospect", shared by the palette and the view's row actions.
 * Every command is one core function applied in exactly one `Vault.process` call.
 */
export class ProspectActions implements NoteActions, CommandActions {
	constructor(
		private readonly app: App,
		private readonly settings: () => TouchbaseSettings,
		private readonly index: ReadSource,
	) {}

	/** The active note if it is a readable prospect; otherwise says why not and returns null. */
	activeProspect(): { file: TFile; prospect: ProspectNote } | null {
		const file = this.app.workspace.getActiveFile();
		if (!file) {
			new Notice("Touchbase: open a prospect note first.");
			return null;
		}
		return this.prospectOf(file);
	}

	prospectOf(file: TFile): { file: TFile; prospect: ProspectNote } | null {
		const read = this.index.get(file.path);
		if (read?.prospect) return { file, prospect: read.prospect };
		if (read && read.problems.length > 0) {
			const p = read.problems[0];
			new Notice(`Touchbase: ${file.basename} cannot be edited: ${p.line !== null ? `line ${p.line}: ` : ""}${p.message}`);
			return null;
		}
		const folders = this.settings().prospectFolders.join(", ") || "a prospect folder";
		new Notice(`Touchbase: ${file.basename} is not a prospect note. Move it to ${folders} or add "type: prospect" to its frontmatter.`);
		return null;
	}

	/**
	 * The touches interaction notes give a prospect, as the index counts them (README,
	 * "Interaction notes count"): a command's `touches:` is then the count the view shows.
	 */
	private linked(path: string): Touch[] {
		return this.index.report().entries.find((e) => e.prospect.path === path)?.prospect.touches.filter((t) => t.source !== undefined) ?? [];
	}

	private dueOf(prospect: ProspectNote, today: IsoDay): DueEntry {
		return computeDue(prospect, today, this.settings());
	}

	/** Log a touch; `channel` starts the form on that channel (the row's Email or Call did); `done` once it is written. */
	log(file: TFile, channel?: string, done?: () => void): void {
		const found = this.prospectOf(file);
		if (!found) return;
		const settings = this.settings();
		const today = localToday();
		// As the view shows it: interaction notes' touches counted (README, "Logging a touch").
		const due = this.index.report(today).entries.find((e) => e.prospect.path === file.path) ?? this.dueOf(found.prospect, today);
		const vary = channel === undefined ? channelToVary(found.prospect, today, settings) : null;
		channel ??= vary?.channel ?? due.next?.channel ?? found.prospect.channel ?? settings.defaultChannel;
		const next = cadenceSuggestion(resolveCadence(found.prospect, settings), due.doneCount + 1, today, settings.skipWeekends) ?? "";
		new LogTouchModal(
			this.app,
			settings,
			{
				prospect: found.prospect.name,
				today,
				channel,
				next,
				hint: vary ? `The last three ${vary.instead} touches got no answer: try ${vary.channel}.` : null,
			},
			(input) => void this.applyLog(file, input).then((ok) => ok && done?.()),
		).open();
	}

	async applyLog(file: TFile, input: LogInput): Promise<boolean> {
		const settings = this.settings();
		let cancelled = 0;
		let endedBy: SequenceEnd[] = [];
		let steps: { date: IsoDay; sequence: string }[] = [];
		const text = await editNote(
			this.app,
			file,
			(data) => {
				const result = logTouch(data, file.path, input, settings, localToday(), this.linked(file.path));
				if (result.ok) {
					cancelled = result.cancelled ?? 0;
					endedBy = result.endedBy ?? [];
					steps = result.steps ?? [];
				}
				return result;
			},
			"log the touch",
		);
		if (text === null) return false;
		const ended = cancelled > 0 ? ` ${endedBecause(endedBy)}: the ${cancelled} open sequence touch${cancelled === 1 ? " was" : "es were"} cancelled.` : "";
		const next = steps.map((s) => ` Next step of ${s.sequence} scheduled for ${s.date}.`).join("");
		new Notice(`Touchbase: touch logged in ${file.basename}.${ended}${next}`);
		return true;
	}

	startSequence(file: TFile): void {
		const found = this.prospectOf(file);
		if (!found) return;
		const sequences = this.settings().sequences.filter((s) => s.steps.length > 0);
		if (sequences.length === 0) {
			new Notice("Touchbase: there is no sequence with steps yet. Add one in the plugin's settings.");
			return;
		}
		const today = localToday();
		const running = found.prospect.touches.filter((t) => isScheduled(t, today) && isSequenceLine(t.raw)).length;
		new StartSequenceModal(this.app, sequences, { prospect: found.prospect.name, today, running }, (sequence) => void this.applySequence(file, sequence, today)).open();
	}

	async applySequence(file: TFile, sequence: Sequence, today: IsoDay): Promise<boolean> {
		const settings = this.settings();
		let dates: IsoDay[] = [];
		const text = await editNote(
			this.app,
			file,
			(data) => {
				const result = startSequence(data, file.path, sequence, today, settings, localToday(), this.linked(file.path));
				if (result.ok) dates = (result.planned ?? []).map((p) => p.date);
				return result;
			},
			"start the sequence",
		);
		if (text === null) return false;
		const span = dates.length > 1 ? ` from ${dates[0]} to ${dates[dates.length - 1]}` : ` on ${dates[0]}`;
		new Notice(`Touchbase: ${sequence.name} started for ${file.basename}: ${dates.length} touch${dates.length === 1 ? "" : "es"}${span}.`);
		return true;
	}

	schedule(file: TFile): void {
		const found = this.prospectOf(file);
		if (!found) return;
		const settings = this.settings();
		const today = localToday();
		const channel = found.prospect.channel ?? settings.defaultChannel;
		new ScheduleModal(this.app, settings, { prospect: found.prospect.name, today, channel, when: "" }, (input) => {
			void (async () => {
				const text = await editNote(this.app, file, (data) => scheduleTouch(data, file.path, input, settings, localToday(), this.linked(file.path)), "schedule the follow-up");
				if (text !== null) {
					new Notice(`Touchbase: follow-up scheduled for ${input.date}.`);
				}
			})();
		}).open();
	}

	snooze(file: TFile, done?: () => void): void {
		const found = this.prospectOf(file);
		if (!found) return;
		const today = localToday();
		const due = this.dueOf(found.prospect, today);
		if (!due.next) {
			const why =
				due.bucket === "closed"
					? `is ${due.effectiveStatus} with no open touch: nothing is due`
					: due.bucket === "paused"
						? `is paused${found.prospect.pausedUntil ? ` until ${found.prospect.pausedUntil}` : ""}: nothing is due`
						: "has no due touch to snooze. Schedule one first";
			new Notice(`Touchbase: ${file.basename} ${why}.`);
			return;
		}
		const target = dueTargetOf(due);
		new SnoozeModal(this.app, this.settings(), { prospect: found.prospect.name, due: due.next.date, today }, (date) => void this.applySnooze(file, target, date).then((ok) => ok && done?.())).open();
	}

	/** Moves the due touch to `date` (and to `time`, when given: a reminder's snooze). */
	async applySnooze(file: TFile, target: DueTarget, date: IsoDay, time?: ClockTime): Promise<boolean> {
		const settings = this.settings();
		const text = await editNote(this.app, file, (data) => snoozeTouch(data, file.path, target, date, time, settings, localToday(), this.linked(file.path)), "snooze the touch");
		if (text === null) return false;
		new Notice(`Touchbase: snoozed to ${date}${time ? ` ${time}` : ""}.`);
		return true;
	}

	draft(file: TFile): void {
		const found = this.prospectOf(file);
		if (!found) return;
		const settings = this.settings();
		new DraftModal(this.app, found.prospect.name, (input) => {
			void (async () => {
				let sendOn: string | undefined;
				const text = await editNote(
					this.app,
					file,
					(data) => {
						const result = draftFollowUp(data, file.path, input, settings, localToday(), this.linked(file.path));
						if (result.ok) sendOn = result.sendOn;
						return result;
					},
					"add the draft",
				);
				if (text !== null) {
					new Notice(`Touchbase: draft added; sending it is scheduled for ${sendOn ?? "later"}.`);
				}
			})();
		}).open();
	}

	newProspect(): void {
		new NewProspectModal(this.app, (input) => void this.createProspect(input)).open();
	}

	async createProspect(input: { name: string; company: string; contact: string }): Promise<TFile | null> {
		const settings = this.settings();
		const name = prospectFileName(input.name);
		if (name === "") {
			new Notice("Touchbase: that name has no characters a file name can use.");
			return null;
		}
		const folder = settings.prospectFolders[0] ?? "";
		const path = normalizePath(folder ? `${folder}/${name}.md` : `${name}.md`);
		if (this.app.vault.getAbstractFileByPath(path)) {
			new Notice(`Touchbase: ${path} already exists.`);
			return null;
		}
		try {
			if (folder && !this.app.vault.getAbstractFileByPath(normalizePath(folder))) await this.app.vault.createFolder(normalizePath(folder));
			const file = await this.app.vault.create(path, newProspectText(input, settings, localToday()));
			await this.app.workspace.getLeaf(false).openFile(file);
			return file;
		} catch (error) {
			new Notice(`Touchbase: could not create ${path}: ${error instanceof Error ? error.message : String(error)}`);
			return null;
		}
	}

	close(file: TFile, outcome: "won" | "lost"): void {
		const found = this.prospectOf(file);
		if (!found) return;
		// Closing it again would cancel touches planned since (a referral ask) and log a second close.
		if (found.prospect.status === outcome) {
			new Notice(`Touchbase: ${file.basename} is already marked ${outcome}.`);
			return;
		}
		new ConfirmModal(
			this.app,
			{
				title: `Mark ${found.prospect.name} ${outcome}?`,
				body: `Sets the status to ${outcome}, cancels the open touches (they stay in the note, marked [-]) and logs the closing touch.`,
				yes: outcome === "won" ? "Mark won" : "Mark lost",
			},
			() => void this.applyClose(file, outcome),
		).open();
	}

	async applyClose(file: TFile, outcome: "won" | "lost"): Promise<boolean> {
		const settings = this.settings();
		const found = this.index.get(file.path)?.prospect;
		const channel = found?.channel ?? settings.defaultChannel;
		const text = await editNote(this.app, file, (data) => closeProspect(data, file.path, outcome, channel, settings, localToday(), this.linked(file.path)), `mark it ${outcome}`);
		if (text === null) return false;
		new ConfirmModal(
			this.app,
			{
				title: "Ask for a referral?",
				body: outcome === "won" ? "Happy clients refer others. Schedule a touch in two weeks to ask for a referral." : "A no today can still send you someone else. Schedule a touch in a month to ask for a referral.",
				yes: "Schedule referral ask",
				no: "Not now",
			},
			() => void this.scheduleReferral(file, outcome === "won" ? 14 : 30),
		).open();
		return true;
	}

	private async scheduleReferral(file: TFile, days: number): Promise<void> {
		const settings = this.settings();
		const day = addDaysToDay(localToday(), days);
		// Due on its day, though the prospect is closed (README, "What is due").
		const text = await editNote(this.app, file, (data) => scheduleReferralAsk(data, file.path, day, settings, localToday(), this.linked(file.path)), "schedule the referral ask");
		if (text !== null) new Notice(`Touchbase: referral ask scheduled for ${day}.`);
	}

	/** Explain this prospect: every date taken from the note, and every dated line not used, with why. */
	explain(file: TFile): void {
		const found = this.prospectOf(file);
		if (!found) return;
		const today = localToday();
		const settings = this.settings();
		const report = this.index.report(today);
		const entry = report.entries.find((e) => e.prospect.path === file.path) ?? computeDue(found.prospect, today, settings);
		const problems = report.problems.filter((p) => p.path === file.path);
		// The note's text gives its keys' lines; the modal opens once it is read.
		void this.app.vault.cachedRead(file).then((text) => {
			// The index keeps a compact record: the note is read whole here (docs/performance.md).
			const prospect = readNote(file.path, text, settings, { file: fileTimes(file), given: givenFrontmatter(this.app.metadataCache.getFileCache(file)) }).prospect;
			const lines = explainNote({ entry, settings, today, vault: this.app.vault.getName(), text, problems, prospect });
			new ExplainModal(this.app, `Explain: ${found.prospect.name}`, lines).open();
		});
	}

	openAt(path: string, line: number | null): void {
		const file = fileAt(this.app, path);
		if (!file) return;
		void this.app.workspace.getLeaf(false).openFile(file, line !== null ? { eState: { line: line - 1 } } : undefined);
	}
}
