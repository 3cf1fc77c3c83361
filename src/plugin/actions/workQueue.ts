import { Notice, type App } from "obsidian";
import type { DueEntry } from "../../core/rules/due";
import { relativeDay } from "../../core/show/describe";
import { localToday } from "../../core/text/dates";
import type { DueSource, NoteActions } from "../ports";
import { fileAt } from "./noteEdits";

/** What Work through today's follow-ups needs: the vault, the due list, the row actions. */
export interface QueuePorts {
	readonly app: App;
	readonly index: DueSource;
	readonly actions: NoteActions;
}

/**
 * Work through today's follow-ups (README, "Work the queue"): the prospects due today and
 * overdue, overdue first, in the due list's order, one after the other. Each is opened with a
 * small panel (a notice that stays): Log, Snooze, Skip, Stop, and "3 of 9". Log and Snooze are
 * the row's own actions (one write each); when their write is done, the next prospect opens.
 */
export class WorkQueue {
	private readonly paths: string[];
	private position = 0;
	private panel: Notice | null = null;
	private readonly tally = { logged: 0, snoozed: 0, skipped: 0 };
	private stopped = false;

	constructor(
		private readonly ports: QueuePorts,
		today = localToday(),
	) {
		this.paths = ports.index
			.report(today)
			.entries.filter((e) => e.bucket === "overdue" || e.bucket === "today")
			.map((e) => e.prospect.path);
	}

	get size(): number {
		return this.paths.length;
	}

	start(): void {
		if (this.paths.length === 0) {
			new Notice("Touchbase: nothing is due today or overdue. The queue is empty.");
			return;
		}
		this.show();
	}

	/** The current prospect as the due list has it now (an edit may have moved it). */
	private entry(): DueEntry | null {
		const path = this.paths[this.position];
		return this.ports.index.report(localToday()).entries.find((e) => e.prospect.path === path) ?? null;
	}

	private show(): void {
		this.panel?.hide();
		this.panel = null;
		if (this.stopped) return;
		if (this.position >= this.paths.length) {
			this.finish("Done");
			return;
		}
		const entry = this.entry();
		const file = fileAt(this.ports.app, this.paths[this.position]);
		if (!entry || !file) {
			// Gone since the queue began (renamed, deleted): on to the next.
			this.position++;
			this.show();
			return;
		}
		this.ports.actions.openAt(entry.prospect.path, entry.next?.line ?? null);
		const step = `${this.position + 1} of ${this.paths.length}`;
		const when = entry.next && entry.days !== null ? relativeDay(entry.days, entry.next.time) : "nothing due now";
		const what = [entry.next?.channel, entry.next?.text ?? entry.next?.objective].filter((s): s is string => !!s).join(": ");
		const fragment = createFragment((f) => {
			const box = f.createDiv({ cls: "touchbase-notice touchbase-queue" });
			// A click on the panel itself must not close it (a notice hides on click).
			box.addEventListener("click", (event) => event.stopPropagation());
			const head = box.createDiv({ cls: "touchbase-queue-head" });
			head.createSpan({ cls: "touchbase-queue-step", text: step });
			head.createSpan({ cls: "touchbase-queue-name", text: entry.prospect.name });
			box.createDiv({ cls: "touchbase-queue-detail", text: what ? `${when} · ${what}` : when });
			const buttons = box.createDiv({ cls: "touchbase-reminder-buttons" });
			const button = (label: string, action: () => void, cls = ""): void => {
				buttons.createEl("button", { cls: `touchbase-reminder-button ${cls}`.trim(), text: label }).addEventListener("click", (event) => {
					event.stopPropagation();
					action();
				});
			};
			button("Log", () => this.ports.actions.log(file, undefined, () => this.next("logged")), "mod-cta");
			button("Snooze", () => this.ports.actions.snooze(file, () => this.next("snoozed")));
			button("Skip", () => this.next("skipped"));
			button("Stop", () => this.stop());
		});
		this.panel = new Notice(fragment, 0);
	}

	/** After an action: counts it and opens the next prospect. */
	next(done: keyof WorkQueue["tally"]): void {
		if (this.stopped) return;
		this.tally[done]++;
		this.position++;
		this.show();
	}

	stop(): void {
		if (this.stopped) return;
		this.panel?.hide();
		this.panel = null;
		this.finish("Stopped");
		this.stopped = true;
	}

	private finish(how: string): void {
		const { logged, snoozed, skipped } = this.tally;
		new Notice(`Touchbase: ${how}. ${logged} logged, ${snoozed} snoozed, ${skipped} skipped of ${this.paths.length}.`);
		this.stopped = true;
	}
}

/** The one queue at a time: starting again stops the one before. */
let current: WorkQueue | null = null;

/** Work through today's follow-ups. */
export function workThroughFollowUps(ports: QueuePorts): WorkQueue {
	current?.stop();
	current = new WorkQueue(ports);
	current.start();
	return current;
}
