/**
 * Reach the prospect (README, "The follow-ups view"): the `mailto:` and `tel:` links of a
 * prospect's email address and phone number, as the note gives them. Only these two schemes are
 * ever built, and only from text that reads as an address or a number.
 */

export type ReachKind = "email" | "call";

export interface ReachLink {
	kind: ReachKind;
	/** `mailto:…` or `tel:…`. */
	url: string;
	/** What the note says, for the button's tooltip. */
	label: string;
	/** The channel Log a touch starts with when the user comes back. */
	channel: string;
}

/** `Dana <dana@example.com>`, `mailto:dana@example.com`, `dana@example.com`: the address, or null. */
export function emailAddress(text: string | null): string | null {
	if (text === null) return null;
	const inner = /<([^<>]+)>/.exec(text)?.[1] ?? text;
	const address = inner.trim().replace(/^mailto:/i, "");
	return /^[^\s@<>()[\]\\,;:"]+@[^\s@<>()[\]\\,;:"]+\.[^\s@<>()[\]\\,;:"]+$/.test(address) ? address : null;
}

/**
 * `+1 (555) 010-2030`, `0171 234 5678 ext. 12`, `tel:+4917612345678`: the number a `tel:` link dials
 * (a leading `+`, digits, and `,` pauses for an extension), or null when there are fewer than 3 digits.
 */
export function phoneNumber(text: string | null): string | null {
	if (text === null) return null;
	const raw = text.trim().replace(/^tel:/i, "");
	const [main, extension] = raw.split(/\s*(?:ext\.?|extension|x|#)\s*(?=\d)/i, 2);
	const digits = main.replace(/[^\d]/g, "");
	if (digits.length < 3 || /[a-wyz]/i.test(main)) return null;
	const plus = /^\s*\+/.test(main) ? "+" : "";
	const ext = extension?.replace(/[^\d]/g, "") ?? "";
	return `${plus}${digits}${ext ? `,${ext}` : ""}`;
}

/** The ways to reach a prospect: Email when it has an address, Call when it has a number. */
export function reachLinks(prospect: { email: string | null; phone: string | null }): ReachLink[] {
	const links: ReachLink[] = [];
	const email = emailAddress(prospect.email);
	if (email) links.push({ kind: "email", url: `mailto:${encodeURI(email)}`, label: email, channel: "email" });
	const phone = phoneNumber(prospect.phone);
	if (phone) links.push({ kind: "call", url: `tel:${phone}`, label: (prospect.phone ?? "").trim(), channel: "call" });
	return links;
}
