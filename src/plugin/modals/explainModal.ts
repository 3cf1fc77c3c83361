import { Modal, type App } from "obsidian";

/** Explain this prospect: the dates Touchbase took from the note, and those it did not use. */
export class ExplainModal extends Modal {
	constructor(
		app: App,
		private readonly title: string,
		private readonly lines: readonly string[],
	) {
		super(app);
	}

	onOpen(): void {
		this.setTitle(this.title);
		// Note text goes in as text, never as HTML.
		this.contentEl.createEl("pre", { cls: "touchbase-explain", text: this.lines.join("\n") });
	}

	onClose(): void {
		this.contentEl.empty();
	}
}
