import { Modal, Setting, type App } from "obsidian";
import type { ScheduleInput } from "../../core/write/scheduleTouch";
import type { IsoDay } from "../../core/text/dates";
import type { NextStep } from "../../core/text/nextClause";
import type { TouchbaseSettings } from "../../core/settings/settings";
import { channelDropdown, dateField } from "./fields";

/** Schedule next follow-up: when (plain English), channel, objective. */
export class ScheduleModal extends Modal {
	private step: NextStep | null = null;
	private channel: string;
	private objective = "";
	private summary = "";
	private error: HTMLElement | null = null;

	constructor(
		app: App,
		private readonly settings: TouchbaseSettings,
		private readonly defaults: { prospect: string; today: IsoDay; channel: string; when: string },
		private readonly onSubmit: (input: ScheduleInput) => void,
	) {
		super(app);
		this.channel = defaults.channel;
	}

	onOpen(): void {
		const { contentEl } = this;
		this.setTitle(`Schedule next follow-up: ${this.defaults.prospect}`);
		let channelSelect: HTMLSelectElement | null = null;
		dateField(
			contentEl,
			{ name: "When", desc: "2026-12-01, tomorrow, in 3 days, friday 10:00, Dec 1…", value: this.defaults.when, baseDay: this.defaults.today, settings: this.settings, allowSameDay: true },
			(step) => {
				this.step = step;
				// "friday call" picks the channel: the dropdown shows what will be written.
				if (step?.channel) {
					this.channel = step.channel;
					if (channelSelect) channelSelect.value = step.channel;
				}
			},
		);
		channelSelect = channelDropdown(contentEl, this.settings, this.channel, (v) => (this.channel = v)).controlEl.querySelector("select");
		new Setting(contentEl)
			.setName("Objective")
			.setDesc("Why this touch: check on quote, thank you, share value, close…")
			.addText((t) => t.setPlaceholder("Check on quote").onChange((v) => (this.objective = v)));
		new Setting(contentEl).setName("Note").addText((t) => t.setPlaceholder("Ask about the deadline").onChange((v) => (this.summary = v)));
		this.error = contentEl.createDiv({ cls: "touchbase-preview-error" });
		new Setting(contentEl).addButton((b) => b.setButtonText("Schedule").setCta().onClick(() => this.submit()));
	}

	private submit(): void {
		if (!this.step) {
			this.error?.setText("Say when: a date or words such as in 3 days.");
			return;
		}
		if (this.step.date < this.defaults.today) {
			this.error?.setText("That day has passed: pick today or a later day.");
			return;
		}
		this.close();
		this.onSubmit({
			date: this.step.date,
			time: this.step.time,
			channel: this.channel,
			summary: this.summary.trim() || this.step.text || this.objective.trim() || "follow up",
			objective: this.objective.trim() || null,
		});
	}

	onClose(): void {
		this.contentEl.empty();
	}
}
