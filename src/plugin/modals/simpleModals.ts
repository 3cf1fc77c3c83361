import { Modal, Setting, type App } from "obsidian";
import type { DraftInput } from "../../core/write/draftFollowUp";
import type { NewProspectInput } from "../../core/write/newProspect";

/** Draft follow-up email: recap, one thing of value, a clear next step. */
export class DraftModal extends Modal {
	private readonly input: DraftInput = { recap: "", gift: "", ask: "" };

	constructor(
		app: App,
		private readonly prospect: string,
		private readonly onSubmit: (input: DraftInput) => void,
	) {
		super(app);
	}

	onOpen(): void {
		const { contentEl } = this;
		this.setTitle(`Draft follow-up email: ${this.prospect}`);
		new Setting(contentEl).setName("Recap").setDesc("What you talked about, in their words.").addTextArea((t) => t.onChange((v) => (this.input.recap = v)));
		new Setting(contentEl).setName("Something of value").setDesc("A link, an idea or a case study for them.").addText((t) => t.onChange((v) => (this.input.gift = v)));
		new Setting(contentEl).setName("Next step").setDesc("The one clear thing you propose.").addText((t) => t.onChange((v) => (this.input.ask = v)));
		new Setting(contentEl).addButton((b) =>
			b
				.setButtonText("Add draft")
				.setCta()
				.onClick(() => {
					this.close();
					this.onSubmit(this.input);
				}),
		);
	}

	onClose(): void {
		this.contentEl.empty();
	}
}

/** New prospect: name, company, contact. */
export class NewProspectModal extends Modal {
	private readonly input: NewProspectInput = { name: "", company: "", contact: "" };
	private error: HTMLElement | null = null;

	constructor(
		app: App,
		private readonly onSubmit: (input: NewProspectInput) => void,
	) {
		super(app);
	}

	onOpen(): void {
		const { contentEl } = this;
		this.setTitle("New prospect");
		new Setting(contentEl).setName("Name").setDesc("The note's name: usually the company or the person.").addText((t) => {
			t.onChange((v) => (this.input.name = v));
			window.setTimeout(() => t.inputEl.focus(), 0);
		});
		new Setting(contentEl).setName("Company").addText((t) => t.onChange((v) => (this.input.company = v)));
		new Setting(contentEl).setName("Contact").addText((t) => t.onChange((v) => (this.input.contact = v)));
		this.error = contentEl.createDiv({ cls: "touchbase-preview-error" });
		new Setting(contentEl).addButton((b) =>
			b
				.setButtonText("Create")
				.setCta()
				.onClick(() => {
					if (this.input.name.trim() === "") {
						this.error?.setText("Give the prospect a name.");
						return;
					}
					this.close();
					this.onSubmit(this.input);
				}),
		);
	}

	onClose(): void {
		this.contentEl.empty();
	}
}

/** A yes/no question. */
export class ConfirmModal extends Modal {
	constructor(
		app: App,
		private readonly question: { title: string; body: string; yes: string; no?: string },
		private readonly onYes: () => void,
	) {
		super(app);
	}

	onOpen(): void {
		this.setTitle(this.question.title);
		this.contentEl.createEl("p", { text: this.question.body });
		new Setting(this.contentEl)
			.addButton((b) => b.setButtonText(this.question.no ?? "Cancel").onClick(() => this.close()))
			.addButton((b) =>
				b
					.setButtonText(this.question.yes)
					.setCta()
					.onClick(() => {
						this.close();
						this.onYes();
					}),
			);
	}

	onClose(): void {
		this.contentEl.empty();
	}
}
