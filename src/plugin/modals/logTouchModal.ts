import { Modal, Setting, type App } from "obsidian";
import type { Outcome } from "../../core/text/clauses";
import type { IsoDay } from "../../core/text/dates";
import type { LogInput } from "../../core/write/logTouch";
import type { TouchbaseSettings } from "../../core/settings/settings";
import { channelDropdown, dateField, readTypedDay } from "./fields";

export interface LogDefaults {
	prospect: string;
	today: IsoDay;
	channel: string;
	/** The cadence's suggestion for the step after this touch, as a date. */
	next: string;
	/** A hint shown above the form, such as a channel to vary to. */
	hint: string | null;
}

/** Log a touch: channel, summary, outcome and the next step, with a live date preview. */
export class LogTouchModal extends Modal {
	private channel: string;
	private summary = "";
	private outcome: Outcome | null = null;
	private next: string;
	private date: string;
	private error: HTMLElement | null = null;

	constructor(
		app: App,
		private readonly settings: TouchbaseSettings,
		private readonly defaults: LogDefaults,
		private readonly onSubmit: (input: LogInput) => void,
	) {
		super(app);
		this.channel = defaults.channel;
		this.next = defaults.next;
		this.date = defaults.today;
	}

	onOpen(): void {
		const { contentEl } = this;
		this.setTitle(`Log a touch: ${this.defaults.prospect}`);
		if (this.defaults.hint) contentEl.createEl("p", { text: this.defaults.hint, cls: "touchbase-hint" });
		channelDropdown(contentEl, this.settings, this.channel, (v) => (this.channel = v));
		new Setting(contentEl).setName("Summary").setDesc("What was said, what they need.").addTextArea((area) => {
			area.setPlaceholder("Sent the quote, she needs it soon").onChange((v) => (this.summary = v));
			area.inputEl.rows = 3;
			area.inputEl.addClass("touchbase-summary");
			window.setTimeout(() => area.inputEl.focus(), 0);
		});
		new Setting(contentEl).setName("Outcome").addDropdown((d) =>
			d
				.addOptions({ "": "No answer yet", yes: "Yes", no: "No", "next step": "Next step" })
				.setValue("")
				.onChange((v) => (this.outcome = v === "" ? null : (v as Outcome))),
		);
		// The next step is read from the touch's own date (as the note will read it), so its
		// preview follows a back-dated touch.
		const next = dateField(
			contentEl,
			{
				name: "Next step",
				desc: "When, and optionally how: in 3 days call, friday, Dec 1 email. Leave empty for none.",
				value: this.next,
				baseDay: () => (/^\d{4}-\d{2}-\d{2}$/.test(this.date) ? this.date : this.defaults.today),
				settings: this.settings,
			},
			(_step, text) => (this.next = text),
		);
		dateField(
			contentEl,
			{ name: "Date of this touch", desc: "Today unless you are catching up.", value: this.date, baseDay: this.defaults.today, settings: this.settings, allowSameDay: true },
			(step, text) => {
				this.date = step ? step.date : text;
				next.refresh();
			},
		);
		this.error = contentEl.createDiv({ cls: "touchbase-preview-error" });
		new Setting(contentEl).addButton((b) => b.setButtonText("Log touch").setCta().onClick(() => this.submit()));
	}

	private submit(): void {
		if (this.summary.trim() === "") return this.fail("Write a short summary of the touch.");
		if (!/^\d{4}-\d{2}-\d{2}$/.test(this.date) || this.date > this.defaults.today) return this.fail("The date of the touch must be today or earlier.");
		if (this.next.trim() !== "" && readTypedDay(this.next, this.date, this.settings) === null) return this.fail("The next step's date cannot be read.");
		this.close();
		this.onSubmit({
			date: this.date,
			time: null,
			channel: this.channel,
			summary: this.summary,
			outcome: this.outcome,
			next: this.next.trim() === "" ? null : this.next,
			objective: null,
		});
	}

	private fail(message: string): void {
		this.error?.setText(message);
	}

	onClose(): void {
		this.contentEl.empty();
	}
}
