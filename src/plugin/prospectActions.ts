import { Notice, TFile, normalizePath, type App } from "obsidian";
import { closeBody, draftBody, newProspectText, prospectFileName, scheduleTouchBody, snoozeBody, type DueTarget } from "../core/actions";
import { cadenceSuggestion } from "../core/cadence";
import { localToday, type ClockTime, type IsoDay } from "../core/dates";
import { computeDue, isScheduled, resolveCadence, type DueEntry } from "../core/due";
import { lineAt, replaceLine, setFrontmatterKeys, type EditResult, type FrontmatterValue } from "../core/edits";
import { normalizeKey, readFrontmatter } from "../core/frontmatter";
import { logTouchBody, type LogInput } from "../core/logTouch";
import { readNote, type ProspectNote } from "../core/note";
import { isSequenceLine, startSequenceBody } from "../core/sequences";
import type { Sequence, TouchbaseSettings } from "../core/settings";
import type { LiveIndex } from "./liveIndex";
import { LogTouchModal } from "./modals/logTouchModal";
import { ScheduleModal } from "./modals/scheduleModal";
import { StartSequenceModal } from "./modals/sequenceModal";
import { ConfirmModal, DraftModal, NewProspectModal } from "./modals/simpleModals";
import { SnoozeModal } from "./modals/snoozeModal";
import { editNote, fileAt, setFrontmatter, syncMirrors } from "./noteEdits";

/** The channel to suggest next: a different one when the last three touches on one channel got no answer. */
export function channelToVary(prospect: ProspectNote, today: IsoDay, settings: TouchbaseSettings): { channel: string; instead: string } | null {
	const done = prospect.touches.filter((t) => t.check === "done" || (t.check === "none" && t.date <= today));
	const last = done.slice(-3);
	if (last.length < 3 || last.some((t) => t.channel === null || t.channel !== last[0].channel || t.outcome !== null)) return null;
	const instead = last[0].channel!;
	// Calls, phone and voicemail reach them the same way: vary to something that is not a call.
	const family = (c: string): string => (["call", "phone", "voicemail"].includes(c) ? "call" : ["text", "sms"].includes(c) ? "text" : c);
	const candidates = [settings.defaultChannel, "email", "text", "linkedin", ...settings.channels];
	const channel = candidates.find((c) => settings.channels.includes(c) && family(c) !== family(instead)) ?? null;
	return channel ? { channel, instead } : null;
}

/**
 * Snooze for a due date that comes from follow-up fields: the due field, and every other one
 * (frontmatter key or body inline field) that still counts and is earlier than `date`, gets
 * `date` under its own key name, so the due touch really moves. Other bytes stay as they were.
 */
export function moveFollowUpFields(text: string, path: string, date: IsoDay, settings: TouchbaseSettings, today: IsoDay): EditResult & { inFrontmatter?: boolean } {
	const fm = readFrontmatter(text);
	if (!fm.ok) return { ok: false, error: `its frontmatter is broken (line ${fm.line}: ${fm.message})` };
	const prospect = readNote(path, text, settings).prospect;
	if (!prospect) return { ok: false, error: "it is not a prospect note" };
	const last = computeDue(prospect, today, settings).lastTouch?.date ?? null;
	const bodyLine = fm.block?.bodyLine ?? 0;
	const nextKeys = new Set(["next", settings.keys.nextFollowUp, ...settings.synonyms.nextFollowUp].map(normalizeKey));
	// The fields that count (after the last touch), and the due one among them.
	const fields = prospect.nextFollowUp.filter((f) => f.line !== null && (last === null || f.date > last));
	const due = fields.reduce<IsoDay | null>((min, f) => (min === null || f.date < min ? f.date : min), null);
	const keys: [string, FrontmatterValue][] = [];
	let body = text;
	let moved = 0;
	for (const field of fields) {
		if (field.line === null || field.date === date || (field.date !== due && field.date > date)) continue;
		const content = lineAt(body, field.line);
		if (content === null) continue;
		if (field.line <= bodyLine) {
			const key = /^(["']?)([^"':]+?)\1[ \t]*:/.exec(content)?.[2];
			if (key) keys.push([key, date]);
			continue;
		}
		let done = false;
		const updated = content.replace(/([^:[\]()]+)(::[ \t]*)(\[\[)?(\d{4}-\d{2}-\d{2})/g, (all: string, key: string, sep: string, link: string | undefined, day: string) => {
			if (done || day !== field.date || !nextKeys.has(normalizeKey(key.replace(/^.*[\s[(]/, "")))) return all;
			done = true;
			return `${key}${sep}${link ?? ""}${date}`;
		});
		if (!done) continue;
		const replaced = replaceLine(body, field.line, updated);
		if (!replaced.ok) return replaced;
		body = replaced.text;
		moved++;
	}
	if (keys.length === 0 && moved === 0) return { ok: false, error: "the follow-up date could not be found in the note" };
	const result = setFrontmatterKeys(body, keys);
	return result.ok ? { ...result, inFrontmatter: keys.length > 0 } : result;
}

/** What a later edit needs to find the due touch of `entry` again. */
export function dueTargetOf(entry: DueEntry): DueTarget {
	const next = entry.next;
	const line = next?.line ?? null;
	return {
		source: next?.source ?? "cadence",
		line,
		raw: line !== null ? (entry.prospect.touches.find((t) => t.line === line)?.raw ?? null) : null,
		channel: next?.channel ?? null,
		text: next?.text ?? null,
	};
}

/**
 * What each command does to "this prospect", shared by the palette and the view's row actions.
 * Every edit goes through the core's text edits, `Vault.process` and `processFrontMatter`.
 */
export class ProspectActions {
	constructor(
		private readonly app: App,
		private readonly settings: () => TouchbaseSettings,
		private readonly index: LiveIndex,
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

	private dueOf(prospect: ProspectNote, today: IsoDay): DueEntry {
		return computeDue(prospect, today, this.settings());
	}

	log(file: TFile): void {
		const found = this.prospectOf(file);
		if (!found) return;
		const settings = this.settings();
		const today = localToday();
		const due = this.dueOf(found.prospect, today);
		const vary = channelToVary(found.prospect, today, settings);
		const channel = vary?.channel ?? due.next?.channel ?? found.prospect.channel ?? settings.defaultChannel;
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
			(input) => void this.applyLog(file, input),
		).open();
	}

	async applyLog(file: TFile, input: LogInput): Promise<boolean> {
		const settings = this.settings();
		let cancelled = 0;
		const text = await editNote(
			this.app,
			file,
			(data) => {
				const result = logTouchBody(data, file.path, input, settings);
				if (result.ok) cancelled = result.cancelled ?? 0;
				return result;
			},
			"log the touch",
		);
		if (text === null) return false;
		await syncMirrors(this.app, file, settings);
		const ended = cancelled > 0 ? ` The ${cancelled} open sequence touch${cancelled === 1 ? " was" : "es were"} cancelled.` : "";
		new Notice(`Touchbase: touch logged in ${file.basename}.${ended}`);
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
				const result = startSequenceBody(data, file.path, sequence, today, settings);
				if (result.ok) dates = (result.planned ?? []).map((p) => p.date);
				return result;
			},
			"start the sequence",
		);
		if (text === null) return false;
		await syncMirrors(this.app, file, settings);
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
				const text = await editNote(this.app, file, (data) => scheduleTouchBody(data, file.path, input, settings), "schedule the follow-up");
				if (text !== null) {
					await syncMirrors(this.app, file, settings);
					new Notice(`Touchbase: follow-up scheduled for ${input.date}.`);
				}
			})();
		}).open();
	}

	snooze(file: TFile): void {
		const found = this.prospectOf(file);
		if (!found) return;
		const today = localToday();
		const due = this.dueOf(found.prospect, today);
		if (!due.next) {
			const why =
				due.bucket === "closed"
					? `is ${due.effectiveStatus}: closed prospects are never due`
					: due.bucket === "paused"
						? `is paused${found.prospect.pausedUntil ? ` until ${found.prospect.pausedUntil}` : ""}: nothing is due`
						: "has no due touch to snooze. Schedule one first";
			new Notice(`Touchbase: ${file.basename} ${why}.`);
			return;
		}
		const target = dueTargetOf(due);
		new SnoozeModal(this.app, this.settings(), { prospect: found.prospect.name, due: due.next.date, today }, (date) => void this.applySnooze(file, target, date)).open();
	}

	/** Moves the due touch to `date` (and to `time`, when given: a reminder's snooze). */
	async applySnooze(file: TFile, target: DueTarget, date: IsoDay, time?: ClockTime): Promise<boolean> {
		const settings = this.settings();
		if (target.source === "next_follow_up") {
			// The date comes from a follow-up field: frontmatter `next_follow_up` or a synonym
			// (`next_contact`, `nextFollowUp`), or a Dataview `[next:: …]` in the body. Writing a
			// canonical `next_follow_up` beside it would leave the old, earlier date in charge.
			let inFrontmatter = false;
			const text = await editNote(
				this.app,
				file,
				(data) => {
					const moved = moveFollowUpFields(data, file.path, date, settings, localToday());
					if (moved.ok) inFrontmatter = moved.inFrontmatter ?? false;
					return moved;
				},
				"snooze the touch",
			);
			if (text === null) return false;
			// A moved frontmatter field is the mirror itself; a moved body field is mirrored.
			if (!inFrontmatter) await syncMirrors(this.app, file, settings);
			new Notice(`Touchbase: snoozed to ${date}.`);
			return true;
		}
		const text = await editNote(this.app, file, (data) => snoozeBody(data, file.path, target, date, time, settings), "snooze the touch");
		if (text === null) return false;
		await syncMirrors(this.app, file, settings);
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
						const result = draftBody(data, file.path, input, settings, localToday());
						if (result.ok) sendOn = result.sendOn;
						return result;
					},
					"add the draft",
				);
				if (text !== null) {
					await syncMirrors(this.app, file, settings);
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
		const text = await editNote(this.app, file, (data) => closeBody(data, file.path, outcome, localToday(), channel, settings), `mark it ${outcome}`);
		if (text === null) return false;
		await setFrontmatter(this.app, file, [[settings.keys.status, outcome]]);
		await syncMirrors(this.app, file, settings);
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
		const date = new Date();
		date.setDate(date.getDate() + days);
		const day = localToday(date);
		// Closed prospects cannot be edited through the prospect checks: write the line directly.
		await editNote(
			this.app,
			file,
			(data) => {
				const result = scheduleTouchBody(data, file.path, { date: day, time: null, channel: settings.defaultChannel, summary: "ask for a referral", objective: "referral" }, settings);
				return result;
			},
			"schedule the referral ask",
		);
	}

	openAt(path: string, line: number | null): void {
		const file = fileAt(this.app, path);
		if (!file) return;
		void this.app.workspace.getLeaf(false).openFile(file, line !== null ? { eState: { line: line - 1 } } : undefined);
	}
}
