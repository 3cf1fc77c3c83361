import { Modal, Setting, type App, type TFile } from "obsidian";

/** What the modal asks of Log meetings from a calendar file. */
export interface MeetingsModalPorts {
	/** The vault's .ics files. */
	files: TFile[];
	/** What logging that file would do, line by line (or why it cannot be read). */
	preview(file: TFile): Promise<string[]>;
	/** Logs the file's meetings; true when done (the modal then closes). */
	run(file: TFile): Promise<boolean>;
}

/**
 * Log meetings from a calendar file (README, "Meetings from your calendar"): pick an .ics of the
 * vault, see what it would log, schedule and leave out, then log. Lines go in as text.
 */
export class MeetingsModal extends Modal {
	private chosen: TFile | null;
	private previewEl: HTMLElement | null = null;
	private button: HTMLButtonElement | null = null;
	private busy = false;

	constructor(
		app: App,
		private readonly ports: MeetingsModalPorts,
	) {
		super(app);
		this.chosen = ports.files[0] ?? null;
	}

	onOpen(): void {
		const { contentEl } = this;
		this.setTitle("Log meetings from a calendar file");
		new Setting(contentEl)
			.setName("Calendar file")
			.setDesc("An .ics file of the vault, as your calendar app exports it. Meetings of the last 90 days become done touches, those of the next 30 scheduled ones.")
			.addDropdown((d) => {
				for (const file of this.ports.files) d.addOption(file.path, file.path);
				d.setValue(this.chosen?.path ?? "").onChange((v) => {
					this.chosen = this.ports.files.find((f) => f.path === v) ?? null;
					void this.drawPreview();
				});
			});
		this.previewEl = contentEl.createDiv({ cls: "touchbase-meetings-preview" });
		new Setting(contentEl).addButton((b) => {
			this.button = b.buttonEl;
			b.setButtonText("Log meetings")
				.setCta()
				.onClick(() => void this.submit());
		});
		void this.drawPreview();
	}

	onClose(): void {
		this.contentEl.empty();
	}

	async drawPreview(): Promise<void> {
		const el = this.previewEl;
		if (!el) return;
		el.empty();
		if (!this.chosen) return;
		const lines = await this.ports.preview(this.chosen);
		el.empty();
		for (const line of lines) el.createDiv({ cls: line.startsWith("  ") ? "touchbase-meetings-item" : "touchbase-meetings-line", text: line.trim() });
	}

	async submit(): Promise<void> {
		if (this.busy || !this.chosen) return;
		this.busy = true;
		this.button?.setAttr("disabled", "true");
		try {
			if (await this.ports.run(this.chosen)) this.close();
		} finally {
			this.busy = false;
			this.button?.removeAttribute("disabled");
		}
	}
}
