import { Modal, Setting, type App } from "obsidian";
import { addDaysToDay, type IsoDay } from "../../core/text/dates";
import type { TouchbaseSettings } from "../../core/settings/settings";
import { dateField } from "./fields";

export const SNOOZE_CHOICES: { label: string; days: number }[] = [
	{ label: "+1 day", days: 1 },
	{ label: "+3 days", days: 3 },
	{ label: "+1 week", days: 7 },
];

/**
 * The day a snooze moves a touch to: counted from the touch's date, or from today when the
 * touch is already overdue (snoozing an overdue touch by a day should land tomorrow).
 */
export function snoozeTarget(dueDate: IsoDay, today: IsoDay, days: number): IsoDay {
	return addDaysToDay(dueDate < today ? today : dueDate, days);
}

/** Snooze: +1 day, +3 days, +1 week, or a typed date. */
export class SnoozeModal extends Modal {
	private typed: IsoDay | null = null;

	constructor(
		app: App,
		private readonly settings: TouchbaseSettings,
		private readonly info: { prospect: string; due: IsoDay; today: IsoDay },
		private readonly onSubmit: (date: IsoDay) => void,
	) {
		super(app);
	}

	onOpen(): void {
		const { contentEl } = this;
		this.setTitle(`Snooze: ${this.info.prospect}`);
		contentEl.createEl("p", { text: `Due ${this.info.due}. The touch moves; nothing is deleted.` });
		const buttons = new Setting(contentEl).setName("Move by");
		for (const choice of SNOOZE_CHOICES) {
			buttons.addButton((b) => b.setButtonText(choice.label).onClick(() => this.pick(snoozeTarget(this.info.due, this.info.today, choice.days))));
		}
		dateField(
			contentEl,
			{ name: "Or to", desc: "A date, or words such as next monday.", value: "", baseDay: this.info.today, settings: this.settings },
			(step) => (this.typed = step?.date ?? null),
		);
		new Setting(contentEl).addButton((b) =>
			b
				.setButtonText("Snooze")
				.setCta()
				.onClick(() => {
					if (this.typed) this.pick(this.typed);
				}),
		);
	}

	private pick(date: IsoDay): void {
		this.close();
		this.onSubmit(date);
	}

	onClose(): void {
		this.contentEl.empty();
	}
}
