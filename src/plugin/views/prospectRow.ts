import { Menu, setIcon, type App } from "obsidian";
import { channelToVary } from "../../core/rules/channelVariety";
import { relativeDay } from "../../core/show/describe";
import type { DueEntry } from "../../core/rules/due";
import { reachLinks } from "../../core/show/reachLinks";
import { ordinal } from "../../core/text/template";
import { SNOOZE_CHOICES, snoozeTarget } from "../modals/snoozeModal";
import { fileAt } from "../actions/noteEdits";
import type { NoteActions, SettingsSource } from "../ports";
import { dueTargetOf } from "../../core/write/snoozeTouch";
import type { ReachTracker } from "../actions/reachOut";

/** What a prospect's row reads and does, in the sidebar and in the Bases view. */
export interface RowPorts extends SettingsSource {
	readonly app: App;
	readonly actions: NoteActions;
	/** Told when the row's Email or Call is used (absent: the links still open). */
	readonly reach?: ReachTracker;
}

/**
 * One prospect's row (README, "The follow-ups view"): name and company, when, channel, which
 * touch, what it is about, the last touch; Email and Call when the note has an address or a
 * number, Log a touch and Snooze. Note text goes in as text, never as HTML.
 */
export function drawProspectRow(parent: HTMLElement, entry: DueEntry, today: string, ports: RowPorts): HTMLElement {
	const p = entry.prospect;
	const next = entry.next;
	const row = parent.createDiv({ cls: "touchbase-row", attr: { "data-path": p.path } });
	if (next?.suggested) row.addClass("is-suggested");

	const top = row.createDiv({ cls: "touchbase-row-top" });
	const name = top.createEl("a", { cls: "touchbase-name", text: p.name, attr: { href: "#", title: p.path } });
	name.addEventListener("click", (event) => {
		event.preventDefault();
		ports.actions.openAt(p.path, next?.line ?? null);
	});
	if (p.company && p.company !== p.name) top.createSpan({ cls: "touchbase-company", text: p.company });

	const actions = top.createDiv({ cls: "touchbase-row-actions" });
	for (const link of reachLinks(p)) {
		const label = link.kind === "email" ? `Email ${link.label}` : `Call ${link.label}`;
		// A real link: the system opens the mail or phone app, on mobile too.
		const el = actions.createEl("a", { cls: `clickable-icon touchbase-action-${link.kind}`, attr: { href: link.url, "aria-label": label, target: "_blank", rel: "noopener" } });
		setIcon(el, link.kind === "email" ? "mail" : "phone");
		el.addEventListener("click", () => ports.reach?.started(p.path, link));
	}
	if (entry.bucket !== "closed") {
		const log = actions.createEl("button", { cls: "clickable-icon touchbase-action-log", attr: { "aria-label": "Log a touch" } });
		setIcon(log, "message-square-plus");
		log.addEventListener("click", () => {
			const file = fileAt(ports.app, p.path);
			if (file) ports.actions.log(file);
		});
	}
	if (next) {
		const snooze = actions.createEl("button", { cls: "clickable-icon touchbase-action-snooze", attr: { "aria-label": "Snooze" } });
		setIcon(snooze, "alarm-clock");
		snooze.addEventListener("click", (event) => snoozeMenu(event, entry, today, ports));
	}

	const meta = row.createDiv({ cls: "touchbase-row-meta" });
	if (next && entry.days !== null) {
		const when = meta.createSpan({ cls: `touchbase-when touchbase-when-${entry.bucket}`, text: relativeDay(entry.days, next.time) });
		if (next.suggested) when.setAttr("title", "Suggested by the cadence: nobody promised this date");
	}
	const channel = next?.channel ?? p.channel;
	if (channel) meta.createSpan({ cls: "touchbase-channel", text: channel });
	// A won or lost prospect due on an open line (a referral ask) is marked with its status.
	const closed = entry.effectiveStatus === "won" || entry.effectiveStatus === "lost";
	if (closed) meta.createSpan({ cls: `touchbase-row-status touchbase-row-status-${entry.effectiveStatus}`, text: entry.effectiveStatus });
	else if (entry.bucket !== "closed" && entry.bucket !== "paused") meta.createSpan({ cls: "touchbase-ordinal", text: `${ordinal(entry.doneCount + 1)} touch` });
	if (next?.suggested) meta.createSpan({ cls: "touchbase-suggested", text: "suggested" });
	// Going cold (README, "Going cold"): no touch for longer than its status allows, whatever the next date.
	if (entry.cold) {
		row.addClass("is-cold");
		const since = entry.daysSinceTouch === null ? "No touch yet" : `No touch for ${entry.daysSinceTouch} day${entry.daysSinceTouch === 1 ? "" : "s"}`;
		meta.createSpan({ cls: "touchbase-cold", text: "going cold", attr: { title: since } });
	}

	const what = next?.text ?? next?.objective;
	if (what) row.createDiv({ cls: "touchbase-next", text: what });
	const vary = entry.bucket === "closed" || entry.effectiveStatus === "won" || entry.effectiveStatus === "lost" ? null : channelToVary(p, today, ports.settings());
	if (vary) row.createDiv({ cls: "touchbase-vary", text: `3 ${vary.instead} touches, no answer: try ${vary.channel}` });
	if (entry.lastTouch?.summary) row.createDiv({ cls: "touchbase-last", text: `Last: ${entry.lastTouch.summary}` });
	return row;
}

function snoozeMenu(event: MouseEvent, entry: DueEntry, today: string, ports: RowPorts): void {
	const file = fileAt(ports.app, entry.prospect.path);
	const next = entry.next;
	if (!file || !next) return;
	const menu = new Menu();
	for (const choice of SNOOZE_CHOICES) {
		menu.addItem((item) =>
			item
				.setTitle(`Snooze ${choice.label}`)
				.setIcon("alarm-clock")
				.onClick(() => void ports.actions.applySnooze(file, dueTargetOf(entry), snoozeTarget(next.date, today, choice.days))),
		);
	}
	menu.addItem((item) =>
		item
			.setTitle("Snooze to a date…")
			.setIcon("calendar")
			.onClick(() => ports.actions.snooze(file)),
	);
	menu.showAtMouseEvent(event);
}
