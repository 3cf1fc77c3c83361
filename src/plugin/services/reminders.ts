import { Component, Notice, Platform, type App } from "obsidian";
import { addMinutes } from "date-fns";
import type { DueTarget } from "../../core/write/snoozeTouch";
import { addDaysToDay, formatClock, formatDay, localToday, type ClockTime, type IsoDay } from "../../core/text/dates";
import {
	digestDue,
	digestText,
	isPaused,
	markFired,
	migrateReminderState,
	reminderDetail,
	remindersDue,
	reminderTitle,
	timedTouches,
	type DueReminder,
	type ReminderState,
	type TimedTouch,
} from "../../core/rules/reminderSchedule";
import { reportFor } from "../../core/rules/ownerReport";
import { fileAt } from "../actions/noteEdits";
import type { DueSource, NoteActions, ReminderStateStore, SettingsSource, ViewOpener } from "../ports";

/** How often reminders look at the clock. A reminder fires within this of its minute. */
export const REMINDER_TICK_MS = 15_000;

/** The snoozes a reminder offers: the line's date and time move; nothing is deleted. */
export const REMINDER_SNOOZES: { label: string; when: (now: Date, touch: TimedTouch) => { date: IsoDay; time: ClockTime } }[] = [
	{ label: "15 minutes", when: (now) => after(now, 15) },
	{ label: "1 hour", when: (now) => after(now, 60) },
	{ label: "Tomorrow", when: (now, touch) => ({ date: addDaysToDay(formatDay(now), 1), time: touch.time }) },
];

/** What the reminders need: the due list, the settings, their state's store, a note's actions, the view. */
export interface RemindersPorts extends SettingsSource, ReminderStateStore, ViewOpener {
	readonly app: App;
	readonly index: DueSource;
	readonly actions: Pick<NoteActions, "openAt" | "log" | "applySnooze">;
}

function after(now: Date, minutes: number): { date: IsoDay; time: ClockTime } {
	const at = addMinutes(now, minutes);
	return { date: formatDay(at), time: formatClock(at) };
}

/**
 * The morning digest and the notices of timed touches. Everything is computed from the index at
 * each look, so an edited time, a checked-off touch or a closed prospect is seen at the next one;
 * what came due since the last look fires once, marked late when its minute is long past (the
 * computer slept). The state is kept in the plugin's data, so a restart never repeats a reminder.
 * A component: added to the plugin, it looks until the plugin unloads.
 */
export class Reminders extends Component {
	/** The day this Obsidian session began: the digest shows at once on the first day's start. */
	private readonly openedOn: IsoDay;
	private looking = false;
	private kept: ReminderState | null = null;

	/** `stored`: the state as the plugin's data holds it (any value), read when first needed. */
	constructor(
		private readonly ports: RemindersPorts,
		private readonly stored: unknown,
		now: Date = new Date(),
	) {
		super();
		this.openedOn = localToday(now);
	}

	/** Read from the stored value on first use: nothing asks before the index is ready (or a command runs). */
	private get state(): ReminderState {
		this.kept ??= migrateReminderState(this.stored);
		return this.kept;
	}

	private set state(next: ReminderState) {
		this.kept = next;
	}

	/** Looks at the clock every REMINDER_TICK_MS, and at each change of the index (so once it is ready); both released on unload. */
	onload(): void {
		this.registerInterval(window.setInterval(() => void this.tick(), REMINDER_TICK_MS));
		this.register(this.ports.index.onChange(() => void this.tick()));
	}

	get current(): ReminderState {
		return this.state;
	}

	/** One look: the digest if it is time, then every timed touch whose minute came since the last look. */
	async tick(now: Date = new Date()): Promise<void> {
		const { index } = this.ports;
		const settings = this.ports.settings();
		if (this.looking || !index.ready) return;
		this.looking = true;
		try {
			const today = localToday(now);
			const state: ReminderState = { ...this.state };
			// The clock alone is not worth a write; a first look, a digest or a reminder is.
			let changed = state.lastCheck === null;
			if (settings.reminders && !isPaused(state, today)) {
				// In a shared vault with "Me" set, only my prospects remind me (README, "Team vaults").
				const report = reportFor(index.report(today), settings.me);
				if (digestDue(state, today, formatClock(now), this.openedOn, settings.digestTime)) {
					const text = digestText(report.counts);
					if (text !== null) this.showDigest(text);
					state.lastDigestDay = today;
					changed = true;
				}
				// On the very first look (lastCheck null) no timed touch fires: they had no reminder to miss.
				const due = remindersDue(timedTouches(report.entries), state, now, today);
				for (const reminder of due) this.showReminder(reminder);
				if (due.length > 0) {
					state.fired = markFired(state, due, today).fired;
					changed = true;
				}
			}
			// Paused or off, time still passes: what came due meanwhile never fires later.
			state.lastCheck = now.getTime();
			this.state = state;
			if (changed) await this.ports.saveReminderState(state);
		} catch (error) {
			// A reminder that cannot be shown must not stop the next look.
			console.error("Touchbase: reminders", error);
		} finally {
			this.looking = false;
		}
	}

	/** No digest and no timed notice until tomorrow. */
	async pauseUntilTomorrow(now: Date = new Date()): Promise<IsoDay> {
		const until = addDaysToDay(localToday(now), 1);
		this.state = { ...this.state, pausedUntil: until };
		await this.ports.saveReminderState(this.state);
		return until;
	}

	private showDigest(text: string): void {
		let notice: Notice | null = null;
		const fragment = createFragment((f) => {
			const box = f.createDiv({ cls: "touchbase-notice touchbase-digest-notice" });
			box.createDiv({ cls: "touchbase-digest", text });
			box.createDiv({ cls: "touchbase-reminder-hint", text: "Click to open the follow-ups." });
			box.addEventListener("click", () => {
				notice?.hide();
				void this.ports.openView();
			});
		});
		notice = new Notice(fragment, 0);
	}

	private showReminder({ touch, late }: DueReminder): void {
		const title = reminderTitle(touch, late);
		const detail = reminderDetail(touch);
		let notice: Notice | null = null;
		const act = (action: () => unknown) => (event: MouseEvent) => {
			event.stopPropagation();
			notice?.hide();
			void action();
		};
		const fragment = createFragment((f) => {
			const box = f.createDiv({ cls: `touchbase-notice ${late ? "is-late" : "is-on-time"}` });
			box.createDiv({ cls: "touchbase-reminder-title", text: late ? `Late: ${title}` : title });
			if (detail) box.createDiv({ cls: "touchbase-reminder-detail", text: detail });
			const buttons = box.createDiv({ cls: "touchbase-reminder-buttons" });
			const button = (label: string, action: () => unknown, cls = ""): void => {
				buttons.createEl("button", { cls: `touchbase-reminder-button ${cls}`.trim(), text: label }).addEventListener("click", act(action));
			};
			button("Open", () => this.ports.actions.openAt(touch.path, touch.line), "mod-cta");
			button("Log", () => {
				const file = fileAt(this.ports.app, touch.path);
				if (file) this.ports.actions.log(file);
			});
			for (const snooze of REMINDER_SNOOZES) button(snooze.label, () => this.snooze(touch, snooze.when(new Date(), touch)));
		});
		notice = new Notice(fragment, 0);
		if (this.ports.settings().systemNotifications) this.notifySystem(late ? `Late: ${title}` : title, detail, touch);
	}

	/** Moves the line's date and time, as the core's snooze does; refused (with a notice) if the line changed. */
	async snooze(touch: TimedTouch, to: { date: IsoDay; time: ClockTime }): Promise<boolean> {
		const file = fileAt(this.ports.app, touch.path);
		if (!file) {
			new Notice(`Touchbase: ${touch.path} is gone.`);
			return false;
		}
		const target: DueTarget = { source: "scheduled", line: touch.line, raw: touch.raw, channel: touch.channel, text: touch.text };
		return this.ports.actions.applySnooze(file, target, to.date, to.time);
	}

	/** A desktop notification beside the notice, where the platform has them and the user allowed them. */
	private notifySystem(title: string, body: string, touch: TimedTouch): void {
		if (!Platform.isDesktopApp || typeof Notification === "undefined" || Notification.permission !== "granted") return;
		const notification = new Notification(`Touchbase: ${title}`, { body });
		notification.onclick = () => this.ports.actions.openAt(touch.path, touch.line);
	}
}
