// core/index, step 5 (docs/architecture.md): many notes. The sorted due list kept note by note, and the persisted reads.
import { compareEntries, computeDue, KEPT, type DueEntry } from "../rules/due";
import { weekTouches } from "../rules/stats";
import { openTimed } from "../rules/reminderSchedule";
import { emptyCounts, type BucketCounts, type DueReport } from "../rules/dueReport";
import type { IsoDay } from "../text/dates";
import type { Interaction } from "../read/interactions";
import { prospectTargets } from "../read/links";
import { readNote, type NoteRead, type Problem, type ProspectNote, type ReadContext, type Touch } from "../read/note";
import type { TouchbaseSettings } from "../settings/settings";
import { decodeDueRow, encodeDueRow } from "./readCache";

/** Where the sorted lists stand for one day and one set of settings: kept up to date note by note. */
interface Standing {
	today: IsoDay;
	settings: TouchbaseSettings;
	/** The settings computeDue reads, as they were: a change made in place is noticed too. */
	dueSettings: string;
	counts: BucketCounts;
	/** Every prospect, sorted as `report` returns them. */
	entries: DueEntry[];
	byPath: Map<string, DueEntry>;
	problems: Problem[];
	/** For each entry and problem, its note's place in the index order when it was put in the list. */
	rank: Map<DueEntry | Problem, number>;
}

/**
 * The prospects of a vault, keyed by path. Each change bumps `revision`, so views can tell
 * cheaply whether anything moved since they last drew.
 *
 * `report` costs what changed since the last one, not what the vault holds: the due entries and
 * problems stay sorted from report to report, and only the notes changed since are taken out and
 * put back in their place. The order is exactly that of sorting everything again: ties that the
 * comparison leaves open go by the order notes entered the index, as a stable sort of them would.
 */
export class ProspectIndex {
	revision = 0;
	private readonly notes = new Map<string, NoteRead>();
	/** The order notes entered the index (the Map's own order), for ties. */
	private readonly order = new Map<string, number>();
	private nextOrder = 0;
	/** Notes changed since `standing` was brought up to date. */
	private readonly changed = new Set<string>();
	private standing: Standing | null = null;
	/**
	 * Each prospect's due entry, once worked out, until its note (or an interaction note linking
	 * to it) changes: a caller that indexes in slices works them out as it goes (`prepareDue`),
	 * so the first report only sorts.
	 */
	private readonly dueOf = new Map<string, { today: IsoDay; settings: TouchbaseSettings; dueSettings: string; entry: DueEntry; alone: boolean }>();

	constructor(private settings: TouchbaseSettings) {}

	setSettings(settings: TouchbaseSettings): void {
		this.settings = settings;
		this.standing = null;
	}

	/** Reads (or re-reads) one note: with its file times and its frontmatter as Obsidian parsed it, when known. Returns whether the index changed. */
	update(path: string, text: string, context?: ReadContext): boolean {
		return this.put(path, readNote(path, text, this.settings, context));
	}

	/** Puts in a note's read made elsewhere (the persisted index, a worker thread), as `update` would. */
	put(path: string, read: NoteRead): boolean {
		const linked = this.unlink(path) || read.interaction !== undefined;
		if (read.interaction) this.link(path, read.interaction);
		if (read.prospect === null && read.problems.length === 0) {
			// Not a prospect (an interaction note, kept above, or any other note).
			this.named(path, false);
			if (!this.notes.delete(path)) return linked;
			this.touched(path);
			this.revision++;
			return true;
		}
		if (read.prospect) this.named(path, true, read.prospect);
		if (!this.notes.has(path)) this.order.set(path, this.nextOrder++);
		this.notes.set(path, read);
		this.touched(path);
		this.revision++;
		return true;
	}

	remove(path: string): boolean {
		this.named(path, false);
		if (this.unlink(path)) {
			this.notes.delete(path);
			return true;
		}
		if (!this.notes.delete(path)) return false;
		this.touched(path);
		this.revision++;
		return true;
	}

	clear(): void {
		this.interactions.clear();
		this.byLink.clear();
		this.byName = null;
		this.targetsByPath.clear();
		this.notes.clear();
		this.order.clear();
		this.changed.clear();
		this.dueOf.clear();
		this.standing = null;
		this.revision++;
	}

	private touched(path: string): void {
		this.changed.add(path);
		this.dueOf.delete(path);
	}

	/** Works out one prospect's due entry now (a slice of a long indexing), for the next report. */
	prepareDue(path: string, today: IsoDay): void {
		const prospect = this.notes.get(path)?.prospect;
		if (prospect) this.dueEntry(path, prospect, today, dueSettingsOf(this.settings));
	}

	private dueEntry(path: string, prospect: ProspectNote, today: IsoDay, dueSettings: string): DueEntry {
		const known = this.dueOf.get(path);
		if (known !== undefined && known.today === today && known.settings === this.settings && known.dueSettings === dueSettings) return known.entry;
		const withInteractions = this.withInteractions(prospect);
		const entry = computeDue(withInteractions, today, this.settings);
		this.dueOf.set(path, { today, settings: this.settings, dueSettings, entry, alone: withInteractions === prospect });
		return entry;
	}

	/**
	 * A prospect's due entry for `today` as a row to keep beside its record (readCache.ts,
	 * `encodeDueRow`), when it is worked out already and from its own note alone; else null.
	 */
	dueRow(path: string, today: IsoDay): string | null {
		const known = this.dueOf.get(path);
		const dueSettings = dueSettingsOf(this.settings);
		if (known === undefined || !known.alone || known.today !== today || known.settings !== this.settings || known.dueSettings !== dueSettings) return null;
		const entry = known.entry;
		// What the row brings the week line and the reminders: kept from its own row, else worked out.
		let kept = entry[KEPT];
		if (kept?.day !== today) {
			const [touches, answers] = weekTouches(entry, today);
			kept = { day: today, touches, answers, timed: openTimed(entry).filter((t) => t.check === "open" && t.time !== null) };
		}
		return encodeDueRow(entry, today, dueSettings, kept);
	}

	/**
	 * Takes a prospect's due entry for `today` from its kept row, instead of working it out: only
	 * for a row of that day and these due settings, and a prospect no interaction note adds
	 * touches to (one put later still takes it out, as for any entry). Returns whether it did.
	 */
	restoreDue(path: string, today: IsoDay, row: string): boolean {
		const prospect = this.notes.get(path)?.prospect;
		if (!prospect || this.withInteractions(prospect) !== prospect) return false;
		const dueSettings = dueSettingsOf(this.settings);
		const entry = decodeDueRow(row, today, dueSettings, prospect);
		if (entry === null) return false;
		this.dueOf.set(path, { today, settings: this.settings, dueSettings, entry, alone: true });
		return true;
	}

	get(path: string): NoteRead | undefined {
		return this.notes.get(path);
	}

	has(path: string): boolean {
		return this.notes.has(path);
	}

	prospects(): ProspectNote[] {
		const out: ProspectNote[] = [];
		for (const read of this.notes.values()) if (read.prospect) out.push(this.withInteractions(read.prospect));
		return out;
	}

	// ---- interaction notes: each a done touch of the prospects it links to ----

	/** Interaction notes by path. */
	private readonly interactions = new Map<string, Interaction>();
	/** Interaction note paths by the link targets they name, so a prospect finds its own at once. */
	private readonly byLink = new Map<string, Set<string>>();
	/**
	 * Prospect paths by the link targets that reach them (`jane doe`, `prospects/jane doe`): made
	 * when the first interaction note comes, then kept note by note. A vault without interaction
	 * notes never needs it (a restart at 10,000 notes spent 40-60 ms on it: docs/performance.md).
	 */
	private byName: Map<string, Set<string>> | null = null;

	/** The link keys each prospect is reached by (its path's ends, its names: links.ts), while `byName` is kept. */
	private readonly targetsByPath = new Map<string, string[]>();

	private targetsOf(prospect: ProspectNote): string[] {
		return this.targetsByPath.get(prospect.path) ?? targetsOfProspect(prospect);
	}

	private named(path: string, present: boolean, prospect?: ProspectNote): void {
		const byName = this.byName;
		if (byName === null) return;
		// Only a path named before has targets to take out (most puts are of new paths).
		for (const target of this.targetsByPath.get(path) ?? []) {
			const paths = byName.get(target);
			paths?.delete(path);
			if (paths?.size === 0) byName.delete(target);
		}
		this.targetsByPath.delete(path);
		if (!present || prospect === undefined) return;
		const targets = targetsOfProspect(prospect);
		this.targetsByPath.set(path, targets);
		for (const target of targets) {
			const paths = byName.get(target) ?? new Set<string>();
			paths.add(path);
			byName.set(target, paths);
		}
	}

	/** The prospects an interaction links to: re-read in the next report when it changes. */
	private touchedBy(interaction: Interaction): void {
		if (this.byName === null) {
			this.byName = new Map();
			for (const [path, read] of this.notes) if (read.prospect) this.named(path, true, read.prospect);
		}
		for (const link of interaction.links) for (const path of this.byName.get(link) ?? []) this.touched(path);
	}

	private link(path: string, interaction: Interaction): void {
		this.interactions.set(path, interaction);
		for (const target of interaction.links) {
			const paths = this.byLink.get(target) ?? new Set<string>();
			paths.add(path);
			this.byLink.set(target, paths);
		}
		this.touchedBy(interaction);
		this.revision++;
	}

	private unlink(path: string): boolean {
		const old = this.interactions.get(path);
		if (old === undefined) return false;
		this.interactions.delete(path);
		for (const target of old.links) {
			const paths = this.byLink.get(target);
			paths?.delete(path);
			if (paths?.size === 0) this.byLink.delete(target);
		}
		this.touchedBy(old);
		this.revision++;
		return true;
	}

	/** The prospect with the touches its interaction notes record, each day counted once. */
	private withInteractions(prospect: ProspectNote): ProspectNote {
		if (this.interactions.size === 0 || !this.settings.readForms.interactions) return prospect;
		const paths = new Set(this.targetsOf(prospect).flatMap((target) => [...(this.byLink.get(target) ?? [])]));
		if (paths.size === 0) return prospect;
		const days = new Set(prospect.touches.map((t) => t.date));
		const extra: Touch[] = [];
		// By path, so the answer never depends on the order notes were read in.
		for (const path of [...paths].sort()) {
			const interaction = this.interactions.get(path)!;
			if (days.has(interaction.date)) continue;
			days.add(interaction.date);
			extra.push(interactionTouch(path, interaction));
		}
		return extra.length === 0 ? prospect : { ...prospect, touches: [...prospect.touches, ...extra] };
	}

	problems(): Problem[] {
		const out: Problem[] = [];
		for (const read of this.notes.values()) out.push(...read.problems);
		return out.sort(compareProblems);
	}

	report(today: IsoDay): DueReport {
		const s = this.current(today);
		return { today, counts: { ...s.counts }, entries: s.entries.slice(), problems: s.problems.slice() };
	}

	private current(today: IsoDay): Standing {
		const dueSettings = dueSettingsOf(this.settings);
		const s = this.standing;
		if (s === null || s.today !== today || s.settings !== this.settings || s.dueSettings !== dueSettings || this.changed.size * 8 > s.entries.length + 64) {
			return this.rebuild(today, dueSettings);
		}
		for (const path of this.changed) this.refresh(s, path);
		this.changed.clear();
		return s;
	}

	/** Everything again, as a stable sort of the notes in index order. */
	private rebuild(today: IsoDay, dueSettings: string): Standing {
		for (const path of this.order.keys()) if (!this.notes.has(path)) this.order.delete(path);
		const entries: DueEntry[] = [];
		for (const [path, read] of this.notes) if (read.prospect) entries.push(this.dueEntry(path, read.prospect, today, dueSettings));
		entries.sort(compareEntries);
		const problems = this.problems();
		const counts = emptyCounts();
		for (const e of entries) counts[e.bucket]++;
		const rank = new Map<DueEntry | Problem, number>();
		for (const e of entries) rank.set(e, this.order.get(e.prospect.path)!);
		for (const p of problems) rank.set(p, this.order.get(p.path)!);
		this.changed.clear();
		this.standing = { today, settings: this.settings, dueSettings, counts, entries, byPath: new Map(entries.map((e) => [e.prospect.path, e])), problems, rank };
		return this.standing;
	}

	/** Takes one note's entry and problems out of the sorted lists, and puts its current ones in. */
	private refresh(s: Standing, path: string): void {
		const { rank } = s;
		// The report's order, ties broken by index order (what the stable sort falls back on).
		const compareEntry = (a: DueEntry, b: DueEntry): number => compareEntries(a, b) || rank.get(a)! - rank.get(b)!;
		const compareProblem = (a: Problem, b: Problem): number => compareProblems(a, b) || rank.get(a)! - rank.get(b)!;
		const old = s.byPath.get(path);
		if (old !== undefined) {
			// It is among the entries that compare equal to it.
			let i = upperBound(s.entries, (e) => compareEntry(e, old) < 0);
			while (i < s.entries.length && s.entries[i] !== old) i++;
			if (i === s.entries.length) i = s.entries.indexOf(old);
			s.entries.splice(i, 1);
			s.byPath.delete(path);
			rank.delete(old);
			s.counts[old.bucket]--;
		}
		// A note's problems sit among those whose path compares equal to it.
		for (let i = upperBound(s.problems, (p) => p.path.localeCompare(path) < 0); i < s.problems.length && s.problems[i].path.localeCompare(path) === 0; ) {
			if (s.problems[i].path === path) rank.delete(s.problems.splice(i, 1)[0]);
			else i++;
		}
		const read = this.notes.get(path);
		if (read === undefined) {
			this.order.delete(path);
			return;
		}
		const place = this.order.get(path)!;
		if (read.prospect) {
			const entry = this.dueEntry(path, read.prospect, s.today, s.dueSettings);
			rank.set(entry, place);
			s.entries.splice(upperBound(s.entries, (e) => compareEntry(e, entry) <= 0), 0, entry);
			s.byPath.set(path, entry);
			s.counts[entry.bucket]++;
		}
		// A note's own problems keep their order among themselves, as the stable sort keeps it.
		for (const problem of read.problems) {
			rank.set(problem, place);
			s.problems.splice(upperBound(s.problems, (p) => compareProblem(p, problem) <= 0), 0, problem);
		}
	}
}

function targetsOfProspect(prospect: ProspectNote): string[] {
	return prospectTargets(prospect.path, prospect.linkNames ?? [], prospect.aliases ?? []);
}

/** An interaction note's touch, shaped as a line of the prospect's own: line 0, its note as `source`. */
function interactionTouch(path: string, interaction: Interaction): Touch {
	return {
		line: 0,
		raw: "",
		check: "none",
		date: interaction.date,
		time: null,
		channel: interaction.channel,
		summary: interaction.summary,
		outcome: null,
		objective: null,
		next: null,
		from: "interaction",
		source: path,
		parsed: { indent: "", bullet: "", checkbox: null, date: interaction.date, dateForm: "plain", alias: null, time: null, channel: interaction.channel, channelWord: null, channelColon: false, text: interaction.summary, tasks: null },
	};
}

function compareProblems(a: Problem, b: Problem): number {
	return a.path.localeCompare(b.path) || (a.line ?? 0) - (b.line ?? 0);
}

/** The settings that computeDue reads. */
function dueSettingsOf(settings: TouchbaseSettings): string {
	return `${settings.cadence}\n${settings.skipWeekends}\n${settings.upcomingDays}`;
}

/** The first index whose item `before` does not hold for, in a list where it holds for a prefix. */
export function upperBound<T>(items: readonly T[], before: (item: T) => boolean): number {
	let lo = 0;
	let hi = items.length;
	while (lo < hi) {
		const mid = (lo + hi) >>> 1;
		if (before(items[mid])) lo = mid + 1;
		else hi = mid;
	}
	return lo;
}
