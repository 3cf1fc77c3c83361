import { Setting } from "obsidian";
import { sequenceMarker } from "../../core/write/sequences";
import { MAX_SEQUENCE_OFFSET, SEQUENCE_ENDS, type Sequence, type SequenceEnd, type SequenceStep, type SequenceUnit, type TouchbaseSettings } from "../../core/settings/settings";
import { isOneWord } from "../../core/text/unicode";

const UNITS: Record<SequenceUnit, string> = { days: "days", "business days": "business days" };
const FROM: Record<"start" | "previous", string> = { start: "from the start", previous: "after the previous step" };
const END_LABELS: Record<SequenceEnd, string> = { answer: "An answer", meeting: "A meeting", won: "Won", lost: "Lost", paused: "Paused" };

/** Moves item `from` of `list` by `by` places (-1 up, +1 down); false when it cannot move. */
export function moveItem<T>(list: T[], from: number, by: -1 | 1): boolean {
	const to = from + by;
	if (from < 0 || from >= list.length || to < 0 || to >= list.length) return false;
	const [item] = list.splice(from, 1);
	list.splice(to, 0, item);
	return true;
}

export function newStep(settings: TouchbaseSettings, after: SequenceStep | undefined): SequenceStep {
	const channel = isOneWord(settings.defaultChannel) ? settings.defaultChannel : "email";
	return { offset: after ? Math.min(MAX_SEQUENCE_OFFSET, after.offset + 7) : 0, unit: after?.unit ?? "days", channel, objective: "" };
}

export function unusedName(sequences: Sequence[]): string {
	const taken = new Set(sequences.map((s) => s.name.toLowerCase()));
	for (let n = 1; ; n++) {
		const name = n === 1 ? "New sequence" : `New sequence ${n}`;
		if (!taken.has(name.toLowerCase())) return name;
	}
}

/**
 * The "Sequences" section of the settings tab: add, edit, reorder and delete sequences and their
 * steps. It edits `settings` (the tab's draft) in place; `save` is the tab's debounced save, `saveNow`
 * saves at once (after a step or sequence is added, moved or deleted).
 */
export function sequenceSettings(containerEl: HTMLElement, settings: TouchbaseSettings, save: () => void, saveNow: () => void): void {
	new Setting(containerEl).setName("Sequences").setHeading();
	containerEl.createEl("p", {
		cls: "setting-item-description",
		text: "Start a sequence writes one open touch per step, dated from the day you start it and tagged #sequence/name; a step dated after the previous step is written when that step is logged. An answer, a meeting, or a status of won, lost or paused cancels the open ones left, as each sequence chooses.",
	});
	const section = containerEl.createDiv({ cls: "touchbase-sequences" });
	const sequences = settings.sequences;
	const changed = (): void => {
		saveNow();
		draw();
	};

	const drawStep = (box: HTMLElement, sequence: Sequence, step: SequenceStep, j: number): void => {
		const row = new Setting(box).setName(`Step ${j + 1}`).setClass("touchbase-sequence-step");
		row.addText((t) => {
			t.inputEl.type = "number";
			t.inputEl.min = "0";
			t.inputEl.max = String(MAX_SEQUENCE_OFFSET);
			t.inputEl.addClass("touchbase-sequence-offset");
			t.inputEl.setAttribute("aria-label", "Offset");
			t.setValue(String(step.offset)).onChange((v) => {
				const n = Number(v);
				const ok = v.trim() !== "" && Number.isInteger(n) && n >= 0 && n <= MAX_SEQUENCE_OFFSET;
				t.inputEl.toggleClass("touchbase-preview-error", !ok);
				if (!ok) return;
				step.offset = n;
				save();
			});
		});
		row.addDropdown((d) => {
			d.selectEl.setAttribute("aria-label", "Unit");
			d.addOptions(UNITS)
				.setValue(step.unit)
				.onChange((v) => {
					step.unit = v === "business days" ? "business days" : "days";
					save();
				});
		});
		row.addDropdown((d) => {
			d.selectEl.setAttribute("aria-label", "Channel");
			for (const channel of settings.channels) d.addOption(channel, channel);
			if (!settings.channels.includes(step.channel)) d.addOption(step.channel, step.channel);
			d.setValue(step.channel).onChange((v) => {
				step.channel = v;
				save();
			});
		});
		// "3 business days · call · after the previous step": a step may wait for the one before it.
		row.addDropdown((d) => {
			d.selectEl.setAttribute("aria-label", "Counted from");
			d.addOptions(FROM)
				.setValue(step.after === "previous" && j > 0 ? "previous" : "start")
				.setDisabled(j === 0)
				.onChange((v) => {
					if (v === "previous") step.after = "previous";
					else delete step.after;
					save();
				});
		});
		row.addText((t) => {
			t.inputEl.setAttribute("aria-label", "Objective");
			t.setPlaceholder("Objective")
				.setValue(step.objective)
				.onChange((v) => {
					step.objective = v;
					save();
				});
		});
		row.addExtraButton((b) =>
			b
				.setIcon("arrow-up")
				.setTooltip("Move step up")
				.setDisabled(j === 0)
				.onClick(() => moveItem(sequence.steps, j, -1) && changed()),
		);
		row.addExtraButton((b) =>
			b
				.setIcon("arrow-down")
				.setTooltip("Move step down")
				.setDisabled(j === sequence.steps.length - 1)
				.onClick(() => moveItem(sequence.steps, j, 1) && changed()),
		);
		row.addExtraButton((b) =>
			b
				.setIcon("trash")
				.setTooltip("Delete step")
				.onClick(() => {
					sequence.steps.splice(j, 1);
					changed();
				}),
		);
	};

	const drawSequence = (sequence: Sequence, i: number): void => {
		const box = section.createDiv({ cls: "touchbase-sequence" });
		const head = new Setting(box)
			.setName("Name")
			.setDesc(`Tag: ${sequenceMarker(sequence.name)}`)
			.addText((t) =>
				t.setValue(sequence.name).onChange((v) => {
					// An empty name is not saved: the sequence keeps its last name.
					if (v.trim() === "") return;
					sequence.name = v.trim();
					head.setDesc(`Tag: ${sequenceMarker(sequence.name)}`);
					save();
				}),
			)
			.addExtraButton((b) =>
				b
					.setIcon("arrow-up")
					.setTooltip("Move sequence up")
					.setDisabled(i === 0)
					.onClick(() => moveItem(sequences, i, -1) && changed()),
			)
			.addExtraButton((b) =>
				b
					.setIcon("arrow-down")
					.setTooltip("Move sequence down")
					.setDisabled(i === sequences.length - 1)
					.onClick(() => moveItem(sequences, i, 1) && changed()),
			)
			.addExtraButton((b) =>
				b
					.setIcon("trash")
					.setTooltip("Delete sequence")
					.onClick(() => {
						sequences.splice(i, 1);
						changed();
					}),
			);
		const ends = new Setting(box).setName("Ends on").setDesc("What cancels the open touches left.").setClass("touchbase-sequence-ends");
		for (const end of SEQUENCE_ENDS) {
			ends.controlEl.createSpan({ cls: "touchbase-sequence-end-label", text: END_LABELS[end] });
			ends.addToggle((t) => {
				t.toggleEl.setAttribute("aria-label", END_LABELS[end]);
				t.setTooltip(END_LABELS[end])
					.setValue((sequence.endsOn ?? SEQUENCE_ENDS).includes(end))
					.onChange((on) => {
						const now = new Set(sequence.endsOn ?? SEQUENCE_ENDS);
						if (on) now.add(end);
						else now.delete(end);
						sequence.endsOn = SEQUENCE_ENDS.filter((e) => now.has(e));
						save();
					});
			});
		}
		sequence.steps.forEach((step, j) => drawStep(box, sequence, step, j));
		new Setting(box).setDesc(sequence.steps.length === 0 ? "No steps yet: this sequence cannot be started." : "").addButton((b) =>
			b.setButtonText("Add step").onClick(() => {
				sequence.steps.push(newStep(settings, sequence.steps[sequence.steps.length - 1]));
				changed();
			}),
		);
	};

	const draw = (): void => {
		section.empty();
		sequences.forEach(drawSequence);
		new Setting(section).addButton((b) =>
			b.setButtonText("Add sequence").onClick(() => {
				sequences.push({ name: unusedName(sequences), steps: [newStep(settings, undefined)] });
				changed();
			}),
		);
	};
	draw();
}
