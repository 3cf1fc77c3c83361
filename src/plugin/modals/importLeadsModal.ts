import { Modal, Setting, type App, type TFile } from "obsidian";
import { LEAD_FIELD_LABELS, LEAD_FIELDS, leadsOf, type ImportOptions, type ImportPlan, type Lead, type LeadFile, type LeadMapping } from "../../core/import/importLeads";
import { checkLeadBytes, checkLeadText, type LeadInput } from "../../core/import/leadInput";
import type { LineProblem } from "../../core/import/leadParsers";
import type { TouchbaseSettings } from "../../core/settings/settings";

export interface ImportLeadsModalPorts {
	/** The vault's .csv and .vcf files. */
	files: TFile[];
	settings: TouchbaseSettings;
	plan: (leads: readonly Lead[], options: Omit<ImportOptions, "today">) => ImportPlan;
	/** Writes the notes; true when done (the modal then closes). */
	onImport: (leads: readonly Lead[], options: Omit<ImportOptions, "today">, problems: readonly LineProblem[]) => Promise<boolean>;
}

const PASTE = "";
const NONE = "-1";

/** Import leads: a .csv or .vcf of the vault, or pasted text; the columns to confirm; a preview. */
export class ImportLeadsModal extends Modal {
	private from: string;
	private pasted = "";
	private file: LeadFile | null = null;
	/** Why the chosen file or the pasted text is not leads (README, "Import leads"), or null. */
	private refusal: string | null = null;
	private mapping: LeadMapping | null = null;
	private options: Omit<ImportOptions, "today">;
	private pasteEl: HTMLElement | null = null;
	private mappingEl: HTMLElement | null = null;
	private previewEl: HTMLElement | null = null;
	private importButton: HTMLButtonElement | null = null;
	private busy = false;

	constructor(
		app: App,
		private readonly ports: ImportLeadsModalPorts,
	) {
		super(app);
		this.from = ports.files[0]?.path ?? PASTE;
		this.options = { sequence: null, source: null, owner: ports.settings.me.trim() || null };
	}

	onOpen(): void {
		const { contentEl } = this;
		this.setTitle("Import leads");
		new Setting(contentEl)
			.setName("Leads from")
			.setDesc("A CSV file of the vault (badge scanner, spreadsheet, a network export) or a contacts file (.vcf), or text you paste.")
			.addDropdown((d) => {
				for (const file of this.ports.files) d.addOption(file.path, file.path);
				d.addOption(PASTE, "Paste…");
				d.setValue(this.from).onChange((v) => {
					this.from = v;
					void this.load();
				});
			});
		this.pasteEl = contentEl.createDiv();
		new Setting(this.pasteEl)
			.setName("Pasted leads")
			.setDesc("CSV with a header row, or contact cards as in a .vcf file.")
			.addTextArea((t) => {
				t.inputEl.rows = 6;
				t.onChange((v) => {
					this.pasted = v;
					if (this.from === PASTE) void this.load();
				});
			});
		this.mappingEl = contentEl.createDiv({ cls: "touchbase-import-mapping" });
		new Setting(contentEl)
			.setName("Sequence")
			.setDesc("Started on each new prospect today.")
			.addDropdown((d) => {
				d.addOption(NONE, "None");
				for (const [i, s] of this.ports.settings.sequences.entries()) d.addOption(String(i), s.name);
				d.setValue(NONE).onChange((v) => {
					this.options.sequence = this.ports.settings.sequences[Number(v)] ?? null;
					this.drawPreview();
				});
			});
		new Setting(contentEl)
			.setName("Source of these leads")
			.setDesc("Written as each note's source (a source column wins).")
			.addText((t) =>
				t.setPlaceholder("Trade show 2026").onChange((v) => {
					this.options.source = v.trim() || null;
					this.drawPreview();
				}),
			);
		new Setting(contentEl)
			.setName("Assign to")
			.setDesc("The new prospects' owner (an owner column wins). Empty: nobody.")
			.addText((t) =>
				t.setValue(this.options.owner ?? "").onChange((v) => {
					this.options.owner = v.trim() || null;
					this.drawPreview();
				}),
			);
		this.previewEl = contentEl.createDiv({ cls: "touchbase-import-preview" });
		new Setting(contentEl).addButton((b) => {
			this.importButton = b.buttonEl;
			b.setButtonText("Import")
				.setCta()
				.onClick(() => void this.submit());
		});
		void this.load();
	}

	onClose(): void {
		this.contentEl.empty();
	}

	/** Reads the chosen file (or the pasted text), then draws the columns and the preview. */
	async load(): Promise<void> {
		this.pasteEl?.toggle(this.from === PASTE);
		let input: LeadInput | null = null;
		if (this.from === PASTE) {
			if (this.pasted.trim() !== "") input = checkLeadText(this.pasted, "The pasted text");
		} else {
			const file = this.ports.files.find((f) => f.path === this.from);
			const bytes = file ? new Uint8Array(await this.app.vault.readBinary(file)) : null;
			if (file && bytes && bytes.length > 0) input = checkLeadBytes(bytes, file.path);
		}
		this.refusal = input && !input.ok ? input.message : null;
		this.file = input?.ok ? input.file : null;
		this.mapping = this.file ? { ...this.file.mapping } : null;
		this.drawMapping();
		this.drawPreview();
	}

	private drawMapping(): void {
		const el = this.mappingEl;
		if (!el) return;
		el.empty();
		const file = this.file;
		if (!file || file.kind !== "csv" || !this.mapping) return;
		new Setting(el).setName("Columns").setDesc(`The header row is line ${file.headerLine ?? 1}. Change a column if it was not matched right.`).setHeading();
		for (const field of LEAD_FIELDS) {
			new Setting(el).setName(LEAD_FIELD_LABELS[field]).addDropdown((d) => {
				d.addOption(NONE, "None");
				for (const [i, header] of file.headers.entries()) d.addOption(String(i), header || `Column ${i + 1}`);
				d.setValue(String(this.mapping![field] ?? NONE)).onChange((v) => {
					this.mapping![field] = v === NONE ? null : Number(v);
					this.drawPreview();
				});
			});
		}
	}

	private leads(): Lead[] {
		return this.file ? leadsOf(this.file, this.mapping ?? this.file.mapping) : [];
	}

	private drawPreview(): void {
		const el = this.previewEl;
		if (!el) return;
		el.empty();
		const file = this.file;
		if (!file) {
			const hint = this.refusal ?? (this.from === PASTE ? "Paste the leads above." : "This file is empty.");
			el.createDiv({ cls: this.refusal ? "touchbase-import-refused" : "touchbase-hint", text: hint });
			this.importButton?.toggleAttribute("disabled", true);
			return;
		}
		const plan = this.ports.plan(this.leads(), this.options);
		const n = plan.notes.length;
		el.createDiv({ cls: "touchbase-import-summary", text: `${n} new prospect ${n === 1 ? "note" : "notes"}` });
		const list = (title: string, items: string[], cls: string): void => {
			if (items.length === 0) return;
			el.createDiv({ cls: "touchbase-import-heading", text: `${title} (${items.length})` });
			const ul = el.createEl("ul", { cls });
			for (const item of items.slice(0, 50)) ul.createEl("li", { text: item });
			if (items.length > 50) ul.createEl("li", { text: `… and ${items.length - 50} more` });
		};
		list("New", plan.notes.map((note) => note.path), "touchbase-import-new");
		list("Already in the vault", plan.existing.map((e) => `Line ${e.line}: ${e.name} → ${e.path} (same ${e.by})`), "touchbase-import-existing");
		const skipped = [...file.problems, ...plan.skipped].sort((a, b) => a.line - b.line);
		list("Skipped", skipped.map((s) => `Line ${s.line}: ${s.message}`), "touchbase-import-skipped");
		list("Warnings", plan.warnings.map((w) => `Line ${w.line}: ${w.message}`), "touchbase-import-warnings");
		this.importButton?.toggleAttribute("disabled", n === 0);
		this.importButton?.setText(n === 0 ? "Import" : `Import ${n} ${n === 1 ? "lead" : "leads"}`);
	}

	private async submit(): Promise<void> {
		const file = this.file;
		if (this.busy || !file) return;
		this.busy = true;
		try {
			if (await this.ports.onImport(this.leads(), this.options, file.problems)) this.close();
			else this.drawPreview();
		} finally {
			this.busy = false;
		}
	}
}
