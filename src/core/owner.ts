/**
 * Team vaults (README, "Team vaults"): who a prospect belongs to, read loosely from its `owner`
 * key, and the due report narrowed to one owner. Also the other names the contact keys are read
 * under (`Email`, `e-mail`, `Phone Number`, `mobile` …: key names already match loosely).
 */
import { BUCKETS, type DueEntry } from "./due";
import type { ProspectNote } from "./note";
import type { DueReport } from "./vaultIndex";

/** Other key names read as the owner. */
export const OWNER_KEYS: readonly string[] = ["assigned_to", "lead_owner", "account_owner", "sales_rep", "rep"];
/** Other key names read as the email address (`E-mail`, `Email` are `email` already). */
export const EMAIL_KEYS: readonly string[] = ["email_address", "mail", "work_email", "e-mail_address"];
/** Other key names read as the phone number. */
export const PHONE_KEYS: readonly string[] = ["phone_number", "mobile", "mobile_phone", "cell", "cell_phone", "telephone", "tel", "work_phone"];

/**
 * An owner value as a list of names: a string, a number, or a list of them (an unquoted
 * `[[Jane Doe]]` is YAML for a list in a list).
 */
export function readOwners(value: unknown): string[] {
	const out: string[] = [];
	const visit = (v: unknown, depth: number): void => {
		if (Array.isArray(v)) {
			if (depth < 3) for (const item of v) visit(item, depth + 1);
		} else if (typeof v === "string" || typeof v === "number") {
			const text = String(v).trim();
			if (text !== "") out.push(text);
		}
	};
	visit(value, 0);
	return out;
}

/**
 * The names an owner text answers to, normalized: `[[People/Jane Doe|Jane]]` is `jane doe` and
 * `jane`; `@jdoe` is `jdoe`; case and spacing do not count.
 */
export function ownerNames(text: string): string[] {
	const norm = (s: string): string => s.replace(/^@/, "").replace(/\.md$/i, "").replace(/\s+/g, " ").trim().toLowerCase();
	const t = text.trim();
	const link = /^\[\[([^\]|#]*)(?:#[^\]|]*)?(?:\|([^\]]*))?\]\]$/.exec(t);
	const names = link ? [link[1].slice(link[1].lastIndexOf("/") + 1), link[2] ?? ""] : [t];
	return names.map(norm).filter((n) => n !== "");
}

/** Whether the prospect belongs to `who` (a name or a wikilink). An empty `who` owns everything. */
export function ownedBy(prospect: Pick<ProspectNote, "owners">, who: string): boolean {
	const wanted = ownerNames(who);
	if (wanted.length === 0) return true;
	return prospect.owners.some((owner) => ownerNames(owner).some((name) => wanted.includes(name)));
}

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

/** The owner a stats split files a prospect under: its first owner's name as written, or "". */
export function ownerLabel(prospect: Pick<ProspectNote, "owners">): string {
	const first = prospect.owners[0];
	if (first === undefined) return "";
	const link = /^\[\[([^\]|#]*)(?:#[^\]|]*)?(?:\|([^\]]*))?\]\]$/.exec(first.trim());
	if (!link) return first.trim();
	return (link[2] ?? "").trim() || link[1].slice(link[1].lastIndexOf("/") + 1).trim();
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
