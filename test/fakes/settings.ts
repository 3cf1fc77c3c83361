// Setting rows and their components (real DOM a test can type into and click), setting groups, and
// setting tabs, including the declarative `getSettingDefinitions()` of Obsidian 1.13.
import type { SettingControl, SettingDefinition, SettingDefinitionGroup, SettingDefinitionItem, SettingDefinitionList, SettingDefinitionPage, Setting as ObsSetting, SettingGroup as ObsSettingGroup } from "obsidian";
import type { App } from "./app";
import { createDiv, requireDom } from "./dom";
import { watchPromise } from "./events";
import type { Plugin } from "./plugin";
import { requireApiVersion, setIcon, setTooltip, type TooltipOptions } from "./util";

// ---- components ----

export abstract class BaseComponent {
	disabled = false;

	then(cb: (component: this) => unknown): this {
		cb(this);
		return this;
	}

	setDisabled(disabled: boolean): this {
		this.disabled = disabled;
		return this;
	}
}

export abstract class ValueComponent<T> extends BaseComponent {
	registerOptionListener(listeners: Record<string, (value?: T) => T>, key: string): this {
		listeners[key] = (value?: T) => {
			if (value !== undefined) this.setValue(value);
			return this.getValue();
		};
		return this;
	}

	abstract getValue(): T;
	abstract setValue(value: T): this;
}

/** Text inputs: `onChange` fires on the element's `input` event (a user typing), not on `setValue`. */
export class AbstractTextComponent<T extends HTMLInputElement | HTMLTextAreaElement> extends ValueComponent<string> {
	inputEl: T;
	#onChange: ((value: string) => unknown) | null = null;

	constructor(inputEl: T) {
		super();
		this.inputEl = inputEl;
		inputEl.addEventListener("input", () => this.onChanged());
	}

	setDisabled(disabled: boolean): this {
		super.setDisabled(disabled);
		this.inputEl.disabled = disabled;
		return this;
	}

	getValue(): string {
		return this.inputEl.value;
	}

	setValue(value: string): this {
		this.inputEl.value = value;
		return this;
	}

	setPlaceholder(placeholder: string): this {
		this.inputEl.setAttribute("placeholder", placeholder);
		return this;
	}

	onChanged(): void {
		watchPromise(this.#onChange?.(this.getValue()), "text component onChange");
	}

	onChange(callback: (value: string) => unknown): this {
		this.#onChange = callback;
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

export class SearchComponent extends AbstractTextComponent<HTMLInputElement> {
	clearButtonEl: HTMLElement;
	containerEl: HTMLElement;

	constructor(containerEl: HTMLElement) {
		const wrapper = containerEl.createDiv("search-input-container");
		super(wrapper.createEl("input", { type: "search", attr: { enterkeyhint: "search", spellcheck: false } }));
		this.containerEl = wrapper;
		this.clearButtonEl = wrapper.createDiv({ cls: "search-input-clear-button", attr: { "aria-label": "Clear search" } });
		this.clearButtonEl.addEventListener("click", () => {
			this.setValue("");
			this.onChanged();
		});
	}

	addRightDecorator(cb: (el: HTMLElement) => unknown): this {
		cb(this.containerEl.createDiv("search-input-suffix"));
		return this;
	}
}

/** A text input for a date format; the sample shows the format itself (the fake has no moment). */
export class MomentFormatComponent extends TextComponent {
	sampleEl: HTMLElement | null = null;
	defaultFormat = "";

	setDefaultFormat(defaultFormat: string): this {
		this.defaultFormat = defaultFormat;
		this.setPlaceholder(defaultFormat);
		return this;
	}

	setSampleEl(sampleEl: HTMLElement): this {
		this.sampleEl = sampleEl;
		this.updateSample();
		return this;
	}

	setValue(value: string): this {
		super.setValue(value);
		this.updateSample();
		return this;
	}

	onChanged(): void {
		this.updateSample();
		super.onChanged();
	}

	updateSample(): void {
		this.sampleEl?.setText(this.getValue() || this.defaultFormat);
	}
}

/** A checkbox toggle: a click on `toggleEl` flips it and fires `onChange`. */
export class ToggleComponent extends ValueComponent<boolean> {
	toggleEl: HTMLElement;
	/** Fake-only: the checkbox inside the toggle. */
	inputEl: HTMLInputElement;
	#value = false;
	#onChange: ((value: boolean) => unknown) | null = null;

	constructor(containerEl: HTMLElement) {
		super();
		this.toggleEl = containerEl.createDiv("checkbox-container");
		this.inputEl = this.toggleEl.createEl("input", { type: "checkbox", attr: { tabindex: 0 } });
		this.toggleEl.addEventListener("click", (evt) => {
			evt.preventDefault();
			this.onClick();
		});
	}

	setDisabled(disabled: boolean): this {
		super.setDisabled(disabled);
		this.toggleEl.toggleClass("is-disabled", disabled);
		this.inputEl.disabled = disabled;
		return this;
	}

	getValue(): boolean {
		return this.#value;
	}

	setValue(on: boolean): this {
		this.#value = on;
		this.toggleEl.toggleClass("is-enabled", on);
		this.inputEl.checked = on;
		return this;
	}

	setTooltip(tooltip: string, options?: TooltipOptions): this {
		setTooltip(this.toggleEl, tooltip, options);
		return this;
	}

	onClick(): void {
		if (this.disabled) return;
		this.setValue(!this.#value);
		watchPromise(this.#onChange?.(this.#value), "toggle onChange");
	}

	onChange(callback: (value: boolean) => unknown): this {
		this.#onChange = callback;
		return this;
	}
}

/** A <select>: `onChange` fires on its `change` event. */
export class DropdownComponent extends ValueComponent<string> {
	selectEl: HTMLSelectElement;
	#onChange: ((value: string) => unknown) | null = null;

	constructor(containerEl: HTMLElement) {
		super();
		this.selectEl = containerEl.createEl("select", "dropdown");
		this.selectEl.addEventListener("change", () => watchPromise(this.#onChange?.(this.getValue()), "dropdown onChange"));
	}

	setDisabled(disabled: boolean): this {
		super.setDisabled(disabled);
		this.selectEl.disabled = disabled;
		return this;
	}

	addOption(value: string, display: string): this {
		this.selectEl.createEl("option", { value, text: display });
		return this;
	}

	addOptions(options: Record<string, string>): this {
		for (const [value, display] of Object.entries(options)) this.addOption(value, display);
		return this;
	}

	getValue(): string {
		return this.selectEl.value;
	}

	setValue(value: string): this {
		this.selectEl.value = value;
		return this;
	}

	onChange(callback: (value: string) => unknown): this {
		this.#onChange = callback;
		return this;
	}
}

/** A range input: `onChange` on `change` (and on `input` once `setInstant(true)`). */
export class SliderComponent extends ValueComponent<number> {
	sliderEl: HTMLInputElement;
	#instant = false;
	#format: (value: number) => string = (v) => String(v);
	#onChange: ((value: number) => unknown) | null = null;

	constructor(containerEl: HTMLElement) {
		super();
		this.sliderEl = containerEl.createEl("input", { type: "range", cls: "slider" });
		const fire = (): void => watchPromise(this.#onChange?.(this.getValue()), "slider onChange");
		this.sliderEl.addEventListener("change", fire);
		this.sliderEl.addEventListener("input", () => {
			if (this.#instant) fire();
		});
	}

	setDisabled(disabled: boolean): this {
		super.setDisabled(disabled);
		this.sliderEl.disabled = disabled;
		return this;
	}

	setInstant(instant: boolean): this {
		this.#instant = instant;
		return this;
	}

	setLimits(min: number | null, max: number | null, step: number | "any"): this {
		if (min !== null) this.sliderEl.min = String(min);
		if (max !== null) this.sliderEl.max = String(max);
		this.sliderEl.step = String(step);
		return this;
	}

	getValue(): number {
		return Number(this.sliderEl.value);
	}

	setValue(value: number): this {
		this.sliderEl.value = String(value);
		return this;
	}

	getValuePretty(): string {
		return this.#format(this.getValue());
	}

	setDisplayFormat(format: (value: number) => string): this {
		this.#format = format;
		return this;
	}

	setDynamicTooltip(): this {
		return this;
	}

	showTooltip(): void {}

	onChange(callback: (value: number) => unknown): this {
		this.#onChange = callback;
		return this;
	}
}

export class ButtonComponent extends BaseComponent {
	buttonEl: HTMLButtonElement;
	#onClick: ((evt: MouseEvent) => unknown) | null = null;

	constructor(containerEl: HTMLElement) {
		super();
		this.buttonEl = containerEl.createEl("button");
		this.buttonEl.addEventListener("click", (evt) => {
			if (this.disabled) return;
			watchPromise(this.#onClick?.(evt), "button onClick");
		});
	}

	setDisabled(disabled: boolean): this {
		super.setDisabled(disabled);
		this.buttonEl.disabled = disabled;
		return this;
	}

	setCta(): this {
		this.buttonEl.addClass("mod-cta");
		return this;
	}

	removeCta(): this {
		this.buttonEl.removeClass("mod-cta");
		return this;
	}

	setWarning(): this {
		this.buttonEl.addClass("mod-warning");
		return this;
	}

	setDestructive(): this {
		this.buttonEl.addClass("mod-destructive");
		return this;
	}

	removeDestructive(): this {
		this.buttonEl.removeClass("mod-destructive");
		return this;
	}

	setTooltip(tooltip: string, options?: TooltipOptions): this {
		setTooltip(this.buttonEl, tooltip, options);
		return this;
	}

	setButtonText(name: string): this {
		this.buttonEl.setText(name);
		return this;
	}

	setIcon(icon: string): this {
		setIcon(this.buttonEl, icon);
		return this;
	}

	setClass(cls: string): this {
		this.buttonEl.addClass(cls);
		return this;
	}

	onClick(callback: (evt: MouseEvent) => unknown): this {
		this.#onClick = callback;
		return this;
	}
}

export class ExtraButtonComponent extends BaseComponent {
	extraSettingsEl: HTMLElement;
	#onClick: (() => unknown) | null = null;

	constructor(containerEl: HTMLElement) {
		super();
		this.extraSettingsEl = containerEl.createDiv("clickable-icon extra-setting-button");
		this.extraSettingsEl.addEventListener("click", () => {
			if (this.disabled) return;
			watchPromise(this.#onClick?.(), "extra button onClick");
		});
	}

	setDisabled(disabled: boolean): this {
		super.setDisabled(disabled);
		this.extraSettingsEl.toggleClass("is-disabled", disabled);
		return this;
	}

	setTooltip(tooltip: string, options?: TooltipOptions): this {
		setTooltip(this.extraSettingsEl, tooltip, options);
		return this;
	}

	setIcon(icon: string): this {
		setIcon(this.extraSettingsEl, icon);
		return this;
	}

	onClick(callback: () => unknown): this {
		this.#onClick = callback;
		return this;
	}
}

export class ColorComponent extends ValueComponent<string> {
	colorPickerEl: HTMLInputElement;
	#onChange: ((value: string) => unknown) | null = null;

	constructor(containerEl: HTMLElement) {
		super();
		this.colorPickerEl = containerEl.createEl("input", { type: "color" });
		this.colorPickerEl.addEventListener("input", () => watchPromise(this.#onChange?.(this.getValue()), "color onChange"));
	}

	setDisabled(disabled: boolean): this {
		super.setDisabled(disabled);
		this.colorPickerEl.disabled = disabled;
		return this;
	}

	getValue(): string {
		return this.colorPickerEl.value;
	}

	setValue(value: string): this {
		this.colorPickerEl.value = value;
		return this;
	}

	onChange(callback: (value: string) => unknown): this {
		this.#onChange = callback;
		return this;
	}
}

export class ProgressBarComponent extends ValueComponent<number> {
	progressBar: HTMLElement;
	#value = 0;

	constructor(containerEl: HTMLElement) {
		super();
		this.progressBar = containerEl.createDiv("setting-progress-bar");
	}

	getValue(): number {
		return this.#value;
	}

	setValue(value: number): this {
		this.#value = value;
		this.progressBar.setAttribute("data-value", String(value));
		return this;
	}
}

export class DisplayValueComponent {
	valueEl: HTMLElement;

	constructor(containerEl: HTMLElement) {
		this.valueEl = containerEl.createDiv("setting-item-display-value");
	}

	setValue(value: string | null): this {
		this.valueEl.setText(value ?? "");
		return this;
	}

	setStatus(status: "warning" | null): this {
		this.valueEl.toggleClass("mod-warning", status === "warning");
		return this;
	}
}

// ---- Setting ----

export class Setting {
	settingEl: HTMLElement;
	infoEl: HTMLElement;
	nameEl: HTMLElement;
	descEl: HTMLElement;
	controlEl: HTMLElement;
	components: BaseComponent[] = [];
	errorEl: HTMLElement | null = null;

	constructor(containerEl: HTMLElement) {
		requireDom("Setting");
		this.settingEl = containerEl.createDiv("setting-item");
		this.infoEl = this.settingEl.createDiv("setting-item-info");
		this.nameEl = this.infoEl.createDiv("setting-item-name");
		this.descEl = this.infoEl.createDiv("setting-item-description");
		this.controlEl = this.settingEl.createDiv("setting-item-control");
	}

	setName(name: string | DocumentFragment): this {
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

	setTooltip(tooltip: string, options?: TooltipOptions): this {
		setTooltip(this.nameEl, tooltip, options);
		return this;
	}

	setHeading(): this {
		this.settingEl.addClass("setting-item-heading");
		return this;
	}

	setDisabled(disabled: boolean): this {
		this.settingEl.toggleClass("is-disabled", disabled);
		for (const c of this.components) c.setDisabled(disabled);
		return this;
	}

	/** Shows `message` under the setting (`null` or "" removes it). */
	setErrorMessage(message: string | null): this {
		if (message) {
			this.errorEl ??= this.infoEl.createDiv("setting-item-error");
			this.errorEl.setText(message);
		} else {
			this.errorEl?.detach();
			this.errorEl = null;
		}
		return this;
	}

	#add<C extends BaseComponent>(component: C, cb: (component: C) => unknown): this {
		this.components.push(component);
		cb(component);
		return this;
	}

	addButton(cb: (component: ButtonComponent) => unknown): this {
		return this.#add(new ButtonComponent(this.controlEl), cb);
	}

	addExtraButton(cb: (component: ExtraButtonComponent) => unknown): this {
		return this.#add(new ExtraButtonComponent(this.controlEl), cb);
	}

	addToggle(cb: (component: ToggleComponent) => unknown): this {
		return this.#add(new ToggleComponent(this.controlEl), cb);
	}

	addText(cb: (component: TextComponent) => unknown): this {
		return this.#add(new TextComponent(this.controlEl), cb);
	}

	addSearch(cb: (component: SearchComponent) => unknown): this {
		return this.#add(new SearchComponent(this.controlEl), cb);
	}

	addTextArea(cb: (component: TextAreaComponent) => unknown): this {
		return this.#add(new TextAreaComponent(this.controlEl), cb);
	}

	addMomentFormat(cb: (component: MomentFormatComponent) => unknown): this {
		return this.#add(new MomentFormatComponent(this.controlEl), cb);
	}

	addDropdown(cb: (component: DropdownComponent) => unknown): this {
		return this.#add(new DropdownComponent(this.controlEl), cb);
	}

	addColorPicker(cb: (component: ColorComponent) => unknown): this {
		return this.#add(new ColorComponent(this.controlEl), cb);
	}

	addProgressBar(cb: (component: ProgressBarComponent) => unknown): this {
		return this.#add(new ProgressBarComponent(this.controlEl), cb);
	}

	addSlider(cb: (component: SliderComponent) => unknown): this {
		return this.#add(new SliderComponent(this.controlEl), cb);
	}

	addDisplayValue(cb: (component: DisplayValueComponent) => unknown): this {
		cb(new DisplayValueComponent(this.controlEl));
		return this;
	}

	addComponent<T extends BaseComponent>(cb: (el: HTMLElement) => T): this {
		this.components.push(cb(this.controlEl));
		return this;
	}

	then(cb: (setting: this) => unknown): this {
		cb(this);
		return this;
	}

	clear(): this {
		this.controlEl.empty();
		this.components = [];
		return this;
	}
}

export class SettingGroup {
	/** Fake-only: the group's element. */
	groupEl: HTMLElement;
	headerEl: HTMLElement;
	listEl: HTMLElement;

	constructor(containerEl: HTMLElement) {
		requireDom("SettingGroup");
		this.groupEl = containerEl.createDiv("setting-group");
		this.headerEl = this.groupEl.createDiv("setting-item setting-item-heading");
		this.headerEl.hide();
		this.listEl = this.groupEl.createDiv("setting-items");
	}

	setHeading(text: string | DocumentFragment): this {
		this.headerEl.show();
		let nameEl = this.headerEl.querySelector<HTMLElement>(".setting-item-name");
		nameEl ??= this.headerEl.createDiv("setting-item-info").createDiv("setting-item-name");
		nameEl.setText(text);
		return this;
	}

	addClass(...classes: string[]): this {
		this.groupEl.addClass(...classes);
		return this;
	}

	addSetting(cb: (setting: Setting) => void): this {
		cb(new Setting(this.listEl));
		return this;
	}

	addSearch(cb: (component: SearchComponent) => unknown): this {
		this.headerEl.show();
		cb(new SearchComponent(this.headerEl));
		return this;
	}

	addExtraButton(cb: (component: ExtraButtonComponent) => unknown): this {
		this.headerEl.show();
		cb(new ExtraButtonComponent(this.headerEl));
		return this;
	}
}

// ---- setting tabs ----

type Predicate = boolean | (() => boolean) | undefined;

function holds(p: Predicate, fallback: boolean): boolean {
	if (p === undefined) return fallback;
	return typeof p === "function" ? p() : p;
}

interface Rendered {
	def: SettingDefinitionItem;
	el: HTMLElement;
	setting: Setting | null;
}

/** The fake page behind a page factory's result (typed by obsidian.d.ts). */
function asFakePage(page: unknown): SettingPage {
	if (!(page instanceof SettingPage)) throw new Error("A settings page factory must return a SettingPage");
	return page;
}

export abstract class SettingPage {
	rootEl: HTMLElement;
	titlebarEl: HTMLElement;
	containerEl: HTMLElement;
	title = "";

	constructor() {
		requireDom("SettingPage");
		this.rootEl = createDiv("setting-page");
		this.titlebarEl = this.rootEl.createDiv("setting-page-titlebar");
		this.containerEl = this.rootEl.createDiv("setting-page-content");
	}

	abstract display(): void;

	hide(): void {
		this.containerEl.empty();
	}
}

/**
 * A settings tab. `openSettingTab()` (testing.ts) shows it like Obsidian 1.13: rendered from
 * `getSettingDefinitions()` when that returns items, else by `display()`.
 */
export abstract class SettingTab {
	icon = "";
	app: App;
	containerEl: HTMLElement;
	settingItems: SettingDefinitionItem[] = [];
	/** Fake-only: whether the tab is showing. */
	shown = false;
	#rendered: Rendered[] = [];
	#cleanups: (() => void)[] = [];
	#page: SettingPage | null = null;

	constructor(app: App) {
		requireDom("A setting tab");
		this.app = app;
		this.containerEl = createDiv("vertical-tab-content");
	}

	getSettingDefinitions(): SettingDefinitionItem[] {
		return [];
	}

	/** Re-reads the definitions; re-renders when the tab is showing. */
	update(): void {
		this.settingItems = this.getSettingDefinitions();
		if (this.shown && this.settingItems.length > 0) this.#render();
	}

	/** Reads `app.config` (Obsidian: the vault config). */
	getControlValue(key: string): unknown {
		return this.app.config[key];
	}

	setControlValue(key: string, value: unknown): void | Promise<void> {
		this.app.config[key] = value;
	}

	refreshDomState(): void {
		for (const r of this.#rendered) {
			r.el.toggle(holds((r.def as { visible?: Predicate }).visible, true));
			const disabled = (r.def as { control?: { disabled?: Predicate }; disabled?: Predicate }).control?.disabled ?? (r.def as { disabled?: Predicate }).disabled;
			if (r.setting) r.setting.setDisabled(holds(disabled, false));
		}
	}

	display(): void {}

	hide(): void {
		this.shown = false;
		this.#teardown();
		this.containerEl.empty();
	}

	/** Fake-only (used by `openSettingTab`): shows the tab. */
	show(): void {
		if (!this.containerEl.isConnected) document.body.appendChild(this.containerEl);
		this.shown = true;
		// Obsidian before 1.13.0 knows only display().
		this.settingItems = requireApiVersion("1.13.0") ? this.getSettingDefinitions() : [];
		if (this.settingItems.length > 0) this.#render();
		else this.display();
	}

	/** Fake-only: opens the page entry named `name` (as a click on it would). */
	openPage(name: string): void {
		const el = Array.from(this.containerEl.querySelectorAll<HTMLElement>(".setting-item.mod-page")).find((e) => e.querySelector(".setting-item-name")?.textContent === name);
		if (!el) throw new Error(`No settings page named "${name}"`);
		el.click();
	}

	#teardown(): void {
		for (const cleanup of this.#cleanups.splice(0, this.#cleanups.length)) cleanup();
		this.#page?.hide();
		this.#page = null;
		this.#rendered = [];
	}

	#render(items: SettingDefinitionItem[] = this.settingItems, title?: string): void {
		this.#teardown();
		this.containerEl.empty();
		if (title !== undefined) {
			const bar = this.containerEl.createDiv("setting-page-titlebar");
			const back = bar.createDiv({ cls: "setting-page-back clickable-icon", attr: { "aria-label": "Back" } });
			back.addEventListener("click", () => this.#render());
			bar.createDiv({ cls: "setting-page-title", text: title });
		}
		const rootGroup = new SettingGroup(this.containerEl);
		for (const [index, item] of items.entries()) this.#renderItem(item, rootGroup, rootGroup.listEl, index);
		this.refreshDomState();
	}

	#renderItem(item: SettingDefinitionItem, group: SettingGroup, parentEl: HTMLElement, index: number): void {
		if ("type" in item && (item.type === "group" || item.type === "list")) this.#renderGroup(item, parentEl);
		else if ("type" in item && item.type === "page") this.#renderPageLink(item, parentEl);
		else this.#renderDefinition(item as SettingDefinition, group, parentEl, index);
	}

	#renderGroup(def: SettingDefinitionGroup | SettingDefinitionList, parentEl: HTMLElement): void {
		const group = new SettingGroup(parentEl);
		this.#rendered.push({ def, el: group.groupEl, setting: null });
		if (def.heading) group.setHeading(def.heading);
		if (def.cls) group.addClass(...def.cls.split(/\s+/));
		for (const cb of def.extraButtons ?? []) group.addExtraButton(cb as (c: ExtraButtonComponent) => unknown);
		const list = def.type === "list" ? (def as SettingDefinitionList) : null;
		if (list?.addItem) {
			const addItem = list.addItem;
			group.addExtraButton((b) => b.setIcon("plus").setTooltip(addItem.name).onClick(() => addItem.action(b.extraSettingsEl)));
		}
		const items = def.items ?? [];
		const childStart = this.#rendered.length;
		for (const [index, item] of items.entries()) {
			this.#renderItem(item, group, group.listEl, index);
			if (list?.onDelete) {
				const onDelete = list.onDelete;
				const row = this.#rendered[this.#rendered.length - 1];
				if (row?.setting) row.setting.addExtraButton((b) => b.setIcon("trash").setTooltip("Delete").onClick(() => onDelete(index)));
			}
		}
		if (items.length === 0 && list?.emptyState) group.listEl.createDiv({ cls: "setting-list-empty", text: list.emptyState });
		const search = def.search;
		if (search) {
			const children = this.#rendered.slice(childStart);
			group.addSearch((s) =>
				s.setPlaceholder(search.placeholder ?? "").onChange((query) => {
					for (const child of children) {
						const d = child.def as SettingDefinition;
						child.el.toggle(d.searchable === false || query === "" || search.match(d, query));
					}
				}),
			);
		}
	}

	#renderPageLink(def: SettingDefinitionPage, parentEl: HTMLElement): void {
		const setting = new Setting(parentEl).setName(def.name).setClass("mod-page");
		if (def.desc) setting.setDesc(def.desc);
		const displayValue = typeof def.displayValue === "function" ? def.displayValue() : def.displayValue;
		const status = typeof def.status === "function" ? def.status() : def.status;
		if (displayValue !== undefined || status) setting.addDisplayValue((d) => d.setValue(displayValue ?? null).setStatus(status ?? null));
		setting.settingEl.addEventListener("click", () => {
			if (def.items) {
				this.#render(def.items, def.name);
			} else if (def.page) {
				this.#teardown();
				this.containerEl.empty();
				const page = asFakePage(def.page());
				page.title = page.title || def.name;
				this.#page = page;
				this.containerEl.appendChild(page.rootEl);
				page.display();
			}
		});
		this.#rendered.push({ def, el: setting.settingEl, setting });
	}

	#renderDefinition(def: SettingDefinition, group: SettingGroup, parentEl: HTMLElement, index: number): void {
		const setting = new Setting(parentEl).setName(def.name);
		if (def.desc) setting.setDesc(def.desc);
		this.#rendered.push({ def, el: setting.settingEl, setting });
		if (def.control) {
			this.#renderControl(setting, def.control);
		} else if (def.render) {
			const cleanup = def.render(setting as unknown as ObsSetting, group as unknown as ObsSettingGroup);
			if (typeof cleanup === "function") this.#cleanups.push(cleanup);
		} else if (def.action) {
			const action = def.action;
			setting.settingEl.addClass("mod-clickable");
			setting.settingEl.addEventListener("click", () => {
				if (!setting.settingEl.hasClass("is-disabled")) action(setting.settingEl, index);
			});
		}
	}

	#renderControl(setting: Setting, control: SettingControl): void {
		const validate = control.validate as ((value: unknown) => string | void | Promise<string | void>) | undefined;
		const current = (): unknown => this.getControlValue(control.key) ?? control.defaultValue;
		const check = async (value: unknown): Promise<boolean> => {
			const message = validate ? await validate(value) : undefined;
			setting.setErrorMessage(message || null);
			return !message;
		};
		const persist = (value: unknown): void => {
			this.app.queue.track(
				(async () => {
					if (await check(value)) await this.setControlValue(control.key, value);
				})(),
				`setting "${control.key}"`,
			);
		};
		const asText = (v: unknown): string => (typeof v === "string" ? v : typeof v === "number" || typeof v === "boolean" ? String(v) : v === undefined || v === null ? "" : JSON.stringify(v));
		switch (control.type) {
			case "toggle":
				setting.addToggle((t) => t.setValue(Boolean(current())).onChange(persist));
				break;
			case "dropdown":
				setting.addDropdown((d) => d.addOptions(control.options).setValue(asText(current())).onChange(persist));
				break;
			case "textarea":
				setting.addTextArea((t) => {
					t.setPlaceholder(control.placeholder ?? "").setValue(asText(current())).onChange(persist);
					if (control.rows !== undefined) t.inputEl.rows = control.rows;
				});
				break;
			case "number":
				setting.addText((t) => {
					t.inputEl.type = "number";
					if (control.min !== undefined) t.inputEl.min = String(control.min);
					if (control.max !== undefined) t.inputEl.max = String(control.max);
					if (control.step !== undefined) t.inputEl.step = String(control.step);
					t.setPlaceholder(control.placeholder ?? "")
						.setValue(asText(current()))
						.onChange((text) => {
							const n = Number(text);
							persist(text.trim() === "" || Number.isNaN(n) ? (control.defaultValue ?? 0) : n);
						});
				});
				break;
			case "slider":
				setting.addSlider((s) => {
					s.setLimits(control.min, control.max, control.step).setValue(Number(current() ?? control.min)).onChange(persist);
					if (control.displayFormat) s.setDisplayFormat(control.displayFormat);
				});
				break;
			case "color":
				setting.addColorPicker((c) => c.setValue(asText(current())).onChange(persist));
				break;
			default:
				// text, file and folder: a text input (the fake has no file/folder suggester)
				setting.addText((t) =>
					t
						.setPlaceholder(control.placeholder ?? "")
						.setValue(asText(current()))
						.onChange(persist),
				);
		}
		if (validate) this.app.queue.track(check(current()), `validating setting "${control.key}"`);
	}
}

export abstract class PluginSettingTab extends SettingTab {
	plugin: Plugin;

	constructor(app: App, plugin: Plugin) {
		super(app);
		this.plugin = plugin;
	}

	/** Reads `this.plugin.settings[key]`. */
	getControlValue(key: string): unknown {
		const settings = this.plugin.settings;
		return typeof settings === "object" && settings !== null ? (settings as Record<string, unknown>)[key] : undefined;
	}

	/** Sets `this.plugin.settings[key]` and saves the settings with `saveData`. */
	async setControlValue(key: string, value: unknown): Promise<void> {
		if (typeof this.plugin.settings !== "object" || this.plugin.settings === null) this.plugin.settings = {};
		(this.plugin.settings as Record<string, unknown>)[key] = value;
		await this.plugin.saveData(this.plugin.settings);
	}
}
