import { Modal, Setting, type App } from "obsidian";
import { weekdayName, type IsoDay } from "../../core/text/dates";
import { planSequence, sequenceMarker, waitsForPrevious } from "../../core/write/sequences";
import type { Sequence } from "../../core/settings/settings";

/** One planned touch, as the preview shows it: `Wednesday 2026-11-25: call, check fit`. */
export function describePlannedStep(date: IsoDay, channel: string, objective: string): string {
	return `${weekdayName(date)} ${date}: ${channel}${objective ? `, ${objective}` : ""}`;
}

/** Start a sequence: pick one, see the dates it will write, start it. */
export class StartSequenceModal extends Modal {
	private chosen = 0;
	private previewEl: HTMLElement | null = null;

	constructor(
		app: App,
		private readonly sequences: Sequence[],
		private readonly info: { prospect: string; today: IsoDay; running: number },
		private readonly onSubmit: (sequence: Sequence) => void,
	) {
		super(app);
	}

	onOpen(): void {
		const { contentEl } = this;
		this.setTitle(`Start a sequence: ${this.info.prospect}`);
		new Setting(contentEl)
			.setName("Sequence")
			.setDesc("Each step becomes an open touch, dated from today. An answer (outcome yes or no) cancels the ones left.")
			.addDropdown((d) => {
				for (const [i, s] of this.sequences.entries()) d.addOption(String(i), s.name);
				d.setValue("0").onChange((v) => {
					this.chosen = Number(v);
					this.drawPreview();
				});
			});
		this.previewEl = contentEl.createDiv({ cls: "touchbase-sequence-preview" });
		if (this.info.running > 0) {
			const n = this.info.running;
			contentEl.createEl("p", { cls: "touchbase-hint", text: `This prospect already has ${n} open sequence touch${n === 1 ? "" : "es"}; they stay as they are.` });
		}
		this.drawPreview();
		new Setting(contentEl).addButton((b) => b.setButtonText("Start").setCta().onClick(() => this.submit()));
	}

	private drawPreview(): void {
		const el = this.previewEl;
		const sequence = this.sequences[this.chosen];
		if (!el || !sequence) return;
		el.empty();
		const planned = planSequence(sequence, this.info.today) ?? [];
		const list = el.createEl("ul");
		for (const { step, date } of planned) list.createEl("li", { text: describePlannedStep(date, step.channel, step.objective) });
		// A step that waits for the one before it gets its date when that step is logged.
		for (const [i, step] of sequence.steps.entries()) {
			if (!waitsForPrevious(sequence, i)) continue;
			const wait = `${step.offset} ${step.unit === "days" ? (step.offset === 1 ? "day" : "days") : step.offset === 1 ? "business day" : "business days"}`;
			list.createEl("li", { cls: "touchbase-sequence-waiting", text: `${wait} after step ${i} is logged: ${step.channel}${step.objective ? `, ${step.objective}` : ""}` });
		}
		el.createDiv({ cls: "setting-item-description", text: `Each line is tagged ${sequenceMarker(sequence.name)}.` });
	}

	private submit(): void {
		const sequence = this.sequences[this.chosen];
		if (!sequence) return;
		this.close();
		this.onSubmit(sequence);
	}

	onClose(): void {
		this.contentEl.empty();
	}
}
