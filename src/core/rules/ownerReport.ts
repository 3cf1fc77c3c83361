/** Team vaults (README, "Team vaults"): the due report narrowed to one owner, and split by owner. */
import { BUCKETS, type DueEntry } from "./due";
import type { DueReport } from "./dueReport";
import { ownedBy, ownerLabel, ownerNames } from "../read/owner";

/**
 * The report narrowed to the prospects `who` owns, with their counts; problems stay for notes
 * that are not someone else's prospect. An empty `who` gives the report as it is.
 */
export function reportFor(report: DueReport, who: string): DueReport {
	if (ownerNames(who).length === 0) return report;
	const entries = report.entries.filter((e) => ownedBy(e.prospect, who));
	const counts = Object.fromEntries(BUCKETS.map((b) => [b, 0])) as DueReport["counts"];
	for (const e of entries) counts[e.bucket]++;
	const others = new Set(report.entries.filter((e) => !ownedBy(e.prospect, who)).map((e) => e.prospect.path));
	return { today: report.today, counts, entries, problems: report.problems.filter((p) => !others.has(p.path)) };
}

/**
 * The entries split by owner (the first owner's name; one group per loosely equal name), in
 * order of name, those with no owner last under "".
 */
export function entriesByOwner(entries: readonly DueEntry[]): { owner: string; entries: DueEntry[] }[] {
	const groups = new Map<string, { owner: string; entries: DueEntry[] }>();
	for (const entry of entries) {
		const label = ownerLabel(entry.prospect);
		const key = ownerNames(label)[0] ?? "";
		let group = groups.get(key);
		if (!group) groups.set(key, (group = { owner: label, entries: [] }));
		group.entries.push(entry);
	}
	return [...groups.values()].sort((a, b) => (a.owner === "" ? 1 : b.owner === "" ? -1 : a.owner.localeCompare(b.owner)));
}
