// Setting rows and the components the plugin adds to them (real elements a test types into and
// clicks), and setting tabs: drawn by `display()`, or from Obsidian 1.13's `getSettingDefinitions()`.
import type { SettingControl, SettingDefinition, SettingDefinitionItem, SettingDefinitionList, SettingDefinitionPage, Setting as ObsSetting, SettingGroup as ObsSettingGroup } from "obsidian";
import type { App } from "./app";
import { createDiv } from "./dom";
import { watchPromise } from "./events";
import type { Plugin } from "./plugin";
import { requireApiVersion, setIcon } from "./util";

/** Tooltips are the `aria-label` Obsidian shows them from. */
const setTooltip = (el: HTMLElement, tooltip: string): void => el.setAttribute("aria-label", tooltip);

abstract class Control<E extends HTMLElement, V> {
	disabled = false;
	protected changed: ((value: V) => unknown) | null = null;

	constructor(protected readonly el: E) {}

	setDisabled(disabled: boolean): this {
		this.disabled = disabled;
		this.el.toggleClass("is-disabled", disabled);
		if ("disabled" in this.el) this.el.disabled = disabled;
		return this;
	}

	onChange(callback: (value: V) => unknown): this {
		this.changed = callback;
		return this;
	}

	protected fire(value: V): void {
		watchPromise(this.changed?.(value), `${this.constructor.name} onChange`);
	}
}

/** `onChange` fires when the user types (the `input` event), not on `setValue`. */
class AbstractTextComponent<E extends HTMLInputElement | HTMLTextAreaElement> extends Control<E, string> {
	constructor(readonly inputEl: E) {
		super(inputEl);
		inputEl.addEventListener("input", () => this.fire(inputEl.value));
	}

	setValue(value: string): this {
		this.inputEl.value = value;
		return this;
	}

	setPlaceholder(placeholder: string): this {
		this.inputEl.setAttribute("placeholder", placeholder);
		return this;
	}
}

export class TextComponent extends AbstractTextComponent<HTMLInputElement> {
	constructor(containerEl: HTMLElement) {
		super(containerEl.createEl("input", { type: "text" }));
	}
}

export class TextAreaComponent extends AbstractTextComponent<HTMLTextAreaElement> {
	constructor(containerEl: HTMLElement) {
		super(containerEl.createEl("textarea"));
	}
}

/** A click on `toggleEl` flips it and fires `onChange`. */
export class ToggleComponent extends Control<HTMLElement, boolean> {
	readonly toggleEl: HTMLElement;
	#on = false;

	constructor(containerEl: HTMLElement) {
		super(containerEl.createDiv("checkbox-container"));
		this.toggleEl = this.el;
		this.toggleEl.addEventListener("click", () => {
			if (this.disabled) return;
			this.setValue(!this.#on);
			this.fire(this.#on);
		});
	}

	setValue(on: boolean): this {
		this.#on = on;
		this.toggleEl.toggleClass("is-enabled", on);
		return this;
	}

	setTooltip(tooltip: string): this {
		setTooltip(this.toggleEl, tooltip);
		return this;
	}
}

/** A <select>: `onChange` fires on its `change` event. */
export class DropdownComponent extends Control<HTMLSelectElement, string> {
	constructor(containerEl: HTMLElement) {
		super(containerEl.createEl("select", "dropdown"));
		this.selectEl.addEventListener("change", () => this.fire(this.selectEl.value));
	}

	get selectEl(): HTMLSelectElement {
		return this.el;
	}

	addOption(value: string, display: string): this {
		this.selectEl.createEl("option", { text: display }).value = value;
		return this;
	}

	addOptions(options: Record<string, string>): this {
		for (const [value, display] of Object.entries(options)) this.addOption(value, display);
		return this;
	}

	setValue(value: string): this {
		this.selectEl.value = value;
		return this;
	}
}

/** Buttons: a click does nothing while disabled. */
export class ButtonComponent extends Control<HTMLElement, MouseEvent> {
	constructor(containerEl: HTMLElement, cls?: string) {
		super(cls === undefined ? containerEl.createEl("button") : containerEl.createDiv(cls));
		this.el.addEventListener("click", (evt) => {
			if (!this.disabled) this.fire(evt);
		});
	}

	get buttonEl(): HTMLButtonElement {
		return this.el as HTMLButtonElement;
	}

	setButtonText(text: string): this {
		this.el.setText(text);
		return this;
	}

	setCta(): this {
		this.el.addClass("mod-cta");
		return this;
	}

	setIcon(icon: string): this {
		setIcon(this.el, icon);
		return this;
	}

	setTooltip(tooltip: string): this {
		setTooltip(this.el, tooltip);
		return this;
	}

	onClick(callback: (evt: MouseEvent) => unknown): this {
		return this.onChange(callback);
	}
}

/** An icon button at the end of a row. */
export class ExtraButtonComponent extends ButtonComponent {
	constructor(containerEl: HTMLElement) {
		super(containerEl, "clickable-icon extra-setting-button");
	}

	get extraSettingsEl(): HTMLElement {
		return this.el;
	}
}

export class Setting {
	settingEl: HTMLElement;
	infoEl: HTMLElement;
	nameEl: HTMLElement;
	descEl: HTMLElement;
	controlEl: HTMLElement;
	#errorEl: HTMLElement | null = null;

	constructor(containerEl: HTMLElement) {
		this.settingEl = containerEl.createDiv("setting-item");
		this.infoEl = this.settingEl.createDiv("setting-item-info");
		this.nameEl = this.infoEl.createDiv("setting-item-name");
		this.descEl = this.infoEl.createDiv("setting-item-description");
		this.controlEl = this.settingEl.createDiv("setting-item-control");
	}

	setName(name: string): this {
		this.nameEl.setText(name);
		return this;
	}

	setDesc(desc: string | DocumentFragment): this {
		this.descEl.setText(desc);
		return this;
	}

	setClass(cls: string): this {
		this.settingEl.addClass(cls);
		return this;
	}

	setHeading(): this {
		return this.setClass("setting-item-heading");
	}

	/** Shows `message` under the setting (`null` or "" removes it). */
	setErrorMessage(message: string | null): this {
		if (message) (this.#errorEl ??= this.infoEl.createDiv("setting-item-error")).setText(message);
		else this.#errorEl?.detach();
		if (!message) this.#errorEl = null;
		return this;
	}

	#add<C>(component: C, cb: (component: C) => unknown): this {
		cb(component);
		return this;
	}

	addText(cb: (component: TextComponent) => unknown): this {
		return this.#add(new TextComponent(this.controlEl), cb);
	}

	addTextArea(cb: (component: TextAreaComponent) => unknown): this {
		return this.#add(new TextAreaComponent(this.controlEl), cb);
	}

	addToggle(cb: (component: ToggleComponent) => unknown): this {
		return this.#add(new ToggleComponent(this.controlEl), cb);
	}

	addDropdown(cb: (component: DropdownComponent) => unknown): this {
		return this.#add(new DropdownComponent(this.controlEl), cb);
	}

	addButton(cb: (component: ButtonComponent) => unknown): this {
		return this.#add(new ButtonComponent(this.controlEl), cb);
	}

	addExtraButton(cb: (component: ExtraButtonComponent) => unknown): this {
		return this.#add(new ExtraButtonComponent(this.controlEl), cb);
	}
}

const holds = (p: boolean | (() => boolean) | undefined): boolean => (typeof p === "function" ? p() : (p ?? true));
const asText = (v: unknown): string => (typeof v === "string" ? v : typeof v === "number" || typeof v === "boolean" ? String(v) : v === undefined || v === null ? "" : JSON.stringify(v));

/**
 * A plugin's settings tab. `openSettingTab()` (testing.ts) shows it as Obsidian 1.13 does: drawn
 * from `getSettingDefinitions()` when that returns items, else by `display()`.
 */
export abstract class PluginSettingTab {
	containerEl = createDiv("vertical-tab-content");
	settingItems: SettingDefinitionItem[] = [];
	/** Fake-only: whether the tab is showing. */
	shown = false;
	#visible: [HTMLElement, boolean | (() => boolean) | undefined][] = [];
	#cleanups: (() => void)[] = [];

	constructor(
		public app: App,
		public plugin: Plugin,
	) {}

	getSettingDefinitions(): SettingDefinitionItem[] {
		return [];
	}

	getControlValue(_key: string): unknown {
		return undefined;
	}

	setControlValue(_key: string, _value: unknown): void | Promise<void> {}

	display(): void {}

	/** Reads the definitions again; draws them again when the tab is showing. */
	update(): void {
		this.settingItems = this.getSettingDefinitions();
		if (this.shown && this.settingItems.length > 0) this.#render();
	}

	hide(): void {
		this.shown = false;
		this.#teardown();
		this.containerEl.empty();
	}

	/** Fake-only: shows the tab (Obsidian before 1.13.0 knows only display()). */
	show(): void {
		if (!this.containerEl.isConnected) document.body.appendChild(this.containerEl);
		this.shown = true;
		this.settingItems = requireApiVersion("1.13.0") ? this.getSettingDefinitions() : [];
		if (this.settingItems.length > 0) this.#render();
		else this.display();
	}

	/** Fake-only: opens the page named `name`, as a click on it does. */
	openPage(name: string): void {
		const pages = Array.from(this.containerEl.querySelectorAll<HTMLElement>(".setting-item.mod-page"));
		const page = pages.find((el) => el.querySelector(".setting-item-name")?.textContent === name);
		if (!page) throw new Error(`No settings page named "${name}"`);
		page.click();
	}

	#teardown(): void {
		for (const cleanup of this.#cleanups.splice(0)) cleanup();
		this.#visible = [];
	}

	#render(items: SettingDefinitionItem[] = this.settingItems, title?: string): void {
		this.#teardown();
		this.containerEl.empty();
		if (title !== undefined) {
			const bar = this.containerEl.createDiv("setting-page-titlebar");
			bar.createDiv({ cls: "setting-page-back clickable-icon", attr: { "aria-label": "Back" } }).addEventListener("click", () => this.#render());
			bar.createDiv({ cls: "setting-page-title", text: title });
		}
		const root = this.#group(this.containerEl);
		for (const item of items) this.#item(item, root);
		for (const [el, visible] of this.#visible) el.toggle(holds(visible));
	}

	/** A group: its heading (a heading row), then its items. */
	#group(parentEl: HTMLElement, heading?: string): { el: HTMLElement; header: HTMLElement; list: HTMLElement } {
		const el = parentEl.createDiv("setting-group");
		const header = el.createDiv("setting-item setting-item-heading");
		header.toggle(heading !== undefined);
		if (heading !== undefined) header.createDiv("setting-item-info").createDiv({ cls: "setting-item-name", text: heading });
		return { el, header, list: el.createDiv("setting-items") };
	}

	#item(item: SettingDefinitionItem, group: { list: HTMLElement }): Setting | null {
		if ("type" in item && item.type === "page") return this.#pageLink(item, group.list);
		if ("type" in item) {
			const list = item as SettingDefinitionList;
			const drawn = this.#group(group.list, item.heading);
			this.#visible.push([drawn.el, item.visible]);
			const { addItem, onDelete, emptyState } = list;
			if (addItem) new ExtraButtonComponent(drawn.header).setIcon("plus").setTooltip(addItem.name).onClick(() => addItem.action(drawn.header));
			for (const [index, child] of (item.items ?? []).entries()) {
				const setting = this.#item(child, drawn);
				if (onDelete) setting?.addExtraButton((b) => b.setIcon("trash").setTooltip("Delete").onClick(() => onDelete(index)));
			}
			if ((item.items ?? []).length === 0 && emptyState) drawn.list.createDiv({ cls: "setting-list-empty", text: emptyState });
			return null;
		}
		const def = item as SettingDefinition;
		const setting = new Setting(group.list).setName(def.name);
		if (def.desc) setting.setDesc(def.desc);
		this.#visible.push([setting.settingEl, def.visible]);
		if (def.control) this.#control(setting, def.control);
		else if (def.render) {
			const cleanup = def.render(setting as unknown as ObsSetting, group as unknown as ObsSettingGroup);
			if (typeof cleanup === "function") this.#cleanups.push(cleanup);
		}
		return setting;
	}

	#pageLink(def: SettingDefinitionPage, parentEl: HTMLElement): Setting {
		const setting = new Setting(parentEl).setName(def.name).setClass("mod-page");
		if (def.desc) setting.setDesc(def.desc);
		const value = typeof def.displayValue === "function" ? def.displayValue() : def.displayValue;
		const status = typeof def.status === "function" ? def.status() : def.status;
		if (value !== undefined || status) setting.controlEl.createDiv({ cls: `setting-item-display-value${status === "warning" ? " mod-warning" : ""}`, text: value ?? "" });
		setting.settingEl.addEventListener("click", () => this.#render(def.items ?? [], def.name));
		return setting;
	}

	/** A control: its value read with getControlValue, and set with setControlValue when `validate` gives no message. */
	#control(setting: Setting, control: SettingControl): void {
		const validate = control.validate as ((value: unknown) => string | void | Promise<string | void>) | undefined;
		const current = (): unknown => this.getControlValue(control.key) ?? control.defaultValue;
		const check = async (value: unknown): Promise<boolean> => {
			const message = validate ? await validate(value) : undefined;
			setting.setErrorMessage(message || null);
			return !message;
		};
		const persist = (value: unknown): void => {
			const save = async (): Promise<void> => {
				if (await check(value)) await this.setControlValue(control.key, value);
			};
			this.app.queue.track(save(), `setting "${control.key}"`);
		};
		if (control.type === "toggle") setting.addToggle((t) => t.setValue(Boolean(current())).onChange(persist));
		else if (control.type === "dropdown") setting.addDropdown((d) => d.addOptions(control.options).setValue(asText(current())).onChange(persist));
		else if (control.type === "textarea") {
			setting.addTextArea((t) => {
				t.setValue(asText(current())).onChange(persist);
				if (control.rows !== undefined) t.inputEl.rows = control.rows;
			});
		} else if (control.type === "number") {
			setting.addText((t) => {
				t.inputEl.type = "number";
				t.setValue(asText(current())).onChange((text) => persist(text.trim() === "" || Number.isNaN(Number(text)) ? (control.defaultValue ?? 0) : Number(text)));
			});
		} else if (control.type === "text") setting.addText((t) => t.setPlaceholder(control.placeholder ?? "").setValue(asText(current())).onChange(persist));
		else throw new Error(`The fake draws no ${control.type} control`);
		if (validate) this.app.queue.track(check(current()), `validating setting "${control.key}"`);
	}
}
