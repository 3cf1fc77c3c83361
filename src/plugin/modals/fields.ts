import { Setting } from "obsidian";
import { addDaysToDay, isIsoDay, weekdayName, type IsoDay } from "../../core/text/dates";
import { parseNextStep, type NextStep } from "../../core/text/nextClause";
import type { TouchbaseSettings } from "../../core/settings/settings";

/** Reads what a user typed as a date: ISO, or plain English from `baseDay`. */
export function readTypedDay(text: string, baseDay: IsoDay, settings: TouchbaseSettings, allowSameDay = false): NextStep | null {
	const trimmed = text.trim();
	if (trimmed === "") return null;
	if (allowSameDay && isIsoDay(trimmed)) return { date: trimmed, time: null, channel: null, text: "" };
	if (allowSameDay && /^today$/i.test(trimmed)) return { date: baseDay, time: null, channel: null, text: "" };
	if (allowSameDay && /^yesterday$/i.test(trimmed)) return { date: addDaysToDay(baseDay, -1), time: null, channel: null, text: "" };
	const parsed = parseNextStep(trimmed, baseDay, settings.channels, settings.dateLocale);
	return "ok" in parsed ? parsed.ok : null;
}

export function describeDay(step: NextStep): string {
	const when = `${weekdayName(step.date)} ${step.date}${step.time ? ` ${step.time}` : ""}`;
	return step.channel ? `${when}, ${step.channel}${step.text ? `: ${step.text}` : ""}` : when;
}

/** Why `text` gives no date, in words for the preview. */
export function whyUnreadable(text: string, baseDay: IsoDay, settings: TouchbaseSettings): string {
	const parsed = parseNextStep(text.trim(), baseDay, settings.channels, settings.dateLocale);
	if ("error" in parsed && /is not after/.test(parsed.error)) return `Pick a day after ${weekdayName(baseDay)} ${baseDay}.`;
	if ("error" in parsed && /is not a real date/.test(parsed.error)) return `${text.trim().slice(0, 10)} is not a real date.`;
	return "Cannot read this date. Try 2026-12-01, tomorrow, in 3 days, friday or Dec 1.";
}

/**
 * A text field for a date in plain English ("in 3 days", "friday", "Dec 1") with a live preview
 * of the day it means. `baseDay` may change while the modal is open (the date of a logged touch):
 * call `refresh` then, and the preview is read again from the new day.
 */
export function dateField(
	container: HTMLElement,
	options: { name: string; desc: string; value: string; baseDay: IsoDay | (() => IsoDay); settings: TouchbaseSettings; allowSameDay?: boolean },
	onChange: (step: NextStep | null, text: string) => void,
): Setting & { refresh: () => void } {
	let preview: HTMLElement | null = null;
	let current = options.value;
	const baseDay = (): IsoDay => (typeof options.baseDay === "function" ? options.baseDay() : options.baseDay);
	const update = (text: string): void => {
		current = text;
		const step = readTypedDay(text, baseDay(), options.settings, options.allowSameDay);
		preview?.setText(text.trim() === "" ? "" : step ? `→ ${describeDay(step)}` : whyUnreadable(text, baseDay(), options.settings));
		preview?.toggleClass("touchbase-preview-error", text.trim() !== "" && step === null);
		onChange(step, text);
	};
	const setting = new Setting(container)
		.setName(options.name)
		.setDesc(options.desc)
		.addText((input) => {
			input.setValue(options.value).onChange(update);
			input.inputEl.addClass("touchbase-date-input");
		});
	preview = setting.descEl.createDiv({ cls: "touchbase-preview" });
	update(options.value);
	return Object.assign(setting, { refresh: () => update(current) });
}

export function channelDropdown(container: HTMLElement, settings: TouchbaseSettings, value: string, onChange: (channel: string) => void): Setting {
	return new Setting(container).setName("Channel").addDropdown((dropdown) => {
		for (const channel of settings.channels) dropdown.addOption(channel, channel);
		if (!settings.channels.includes(value)) dropdown.addOption(value, value);
		dropdown.setValue(value).onChange(onChange);
	});
}
