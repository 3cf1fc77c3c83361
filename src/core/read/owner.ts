/**
 * Team vaults (README, "Team vaults"): who a prospect belongs to, read loosely from its `owner`
 * key, and the names that answer to an owner. Also the other names the contact keys are read
 * under (`Email`, `e-mail`, `Phone Number`, `mobile` …: key names already match loosely).
 */
import { parseWikilink, targetName } from "../text/wikilink";

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
	const link = parseWikilink(t);
	const names = link ? [targetName(link.target), link.alias ?? ""] : [t];
	return names.map(norm).filter((n) => n !== "");
}

/** Whether the prospect belongs to `who` (a name or a wikilink). An empty `who` owns everything. */
export function ownedBy(prospect: { readonly owners: readonly string[] }, who: string): boolean {
	const wanted = ownerNames(who);
	if (wanted.length === 0) return true;
	return prospect.owners.some((owner) => ownerNames(owner).some((name) => wanted.includes(name)));
}

/** The owner a stats split files a prospect under: its first owner's name as written, or "". */
export function ownerLabel(prospect: { readonly owners: readonly string[] }): string {
	const first = prospect.owners[0];
	if (first === undefined) return "";
	const link = parseWikilink(first);
	if (!link) return first.trim();
	return (link.alias ?? "").trim() || targetName(link.target).trim();
}

