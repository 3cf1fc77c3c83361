// Modal, Notice, Menu, Scope/Keymap and the suggesters, with registries tests can inspect and drive.
import type { App } from "./app";
import { Component } from "./component";
import { createDiv, hasDom, requireDom } from "./dom";
import { reportError, watchPromise } from "./events";
import { prepareFuzzySearch, setIcon, type SearchResult } from "./util";

function textOf(value: string | DocumentFragment): string {
	return typeof value === "string" ? value : (value.textContent ?? "");
}

/** A click event for callbacks (a plain object outside happy-dom). */
export function fakeMouseEvent(type = "click"): MouseEvent {
	return typeof MouseEvent !== "undefined" ? new MouseEvent(type, { bubbles: true, cancelable: true }) : ({ type } as MouseEvent);
}

// ---- Scope and Keymap ----

export type Modifier = "Mod" | "Ctrl" | "Meta" | "Shift" | "Alt";

export interface KeymapEventHandler {
	scope: Scope;
	modifiers: Modifier[] | null;
	key: string | null;
	func: (evt: KeyboardEvent, ctx: unknown) => unknown;
}

/** Records key handlers; `trigger` runs the matching ones (test helper). */
export class Scope {
	readonly parent: Scope | undefined;
	readonly handlers: KeymapEventHandler[] = [];

	constructor(parent?: Scope) {
		this.parent = parent;
	}

	register(modifiers: Modifier[] | null, key: string | null, func: (evt: KeyboardEvent, ctx: unknown) => unknown): KeymapEventHandler {
		const handler: KeymapEventHandler = { scope: this, modifiers, key, func };
		this.handlers.push(handler);
		return handler;
	}

	unregister(handler: KeymapEventHandler): void {
		const i = this.handlers.indexOf(handler);
		if (i >= 0) this.handlers.splice(i, 1);
	}

	/** Test helper: runs the handlers registered for `key` (and modifiers); returns whether any ran. */
	trigger(key: string, modifiers: Modifier[] = []): boolean {
		const want = [...modifiers].sort().join(",");
		const matching = this.handlers.filter((h) => (h.key === null || h.key.toLowerCase() === key.toLowerCase()) && (h.modifiers === null || [...h.modifiers].sort().join(",") === want));
		const evt = typeof KeyboardEvent !== "undefined" ? new KeyboardEvent("keydown", { key }) : ({ key } as KeyboardEvent);
		for (const h of matching) h.func(evt, { key, modifiers: want });
		return matching.length > 0;
	}
}

export class Keymap {
	readonly scopes: Scope[] = [];

	pushScope(scope: Scope): void {
		this.scopes.push(scope);
	}

	popScope(scope: Scope): void {
		const i = this.scopes.lastIndexOf(scope);
		if (i >= 0) this.scopes.splice(i, 1);
	}

	static isModifier(evt: MouseEvent | TouchEvent | KeyboardEvent, modifier: Modifier): boolean {
		switch (modifier) {
			case "Mod":
			case "Ctrl":
				return evt.ctrlKey;
			case "Meta":
				return evt.metaKey;
			case "Shift":
				return evt.shiftKey;
			case "Alt":
				return evt.altKey;
		}
	}

	static isModEvent(evt?: MouseEvent | KeyboardEvent | null): "tab" | "split" | "window" | boolean {
		if (!evt) return false;
		if (evt.ctrlKey && evt.altKey) return evt.shiftKey ? "window" : "split";
		return evt.ctrlKey ? "tab" : false;
	}
}

// ---- Notice ----

/** Every notice message shown (and each `setMessage`), in order. */
export const notices: string[] = [];
/** Every Notice created, in order. */
export const noticeLog: Notice[] = [];

export class Notice {
	/** Fake-only: the current message as text. */
	message: string;
	/** Fake-only: the duration passed (Obsidian hides it after that many ms; the fake does not). */
	readonly duration: number | undefined;
	/** Fake-only: whether `hide()` was called. */
	hidden = false;
	#noticeEl: HTMLElement | null = null;
	#messageEl: HTMLElement | null = null;
	#containerEl: HTMLElement | null = null;

	constructor(message: string | DocumentFragment, duration?: number) {
		this.message = textOf(message);
		this.duration = duration;
		notices.push(this.message);
		noticeLog.push(this);
		if (hasDom()) {
			let container = document.body.querySelector<HTMLElement>(":scope > .notice-container");
			if (!container) container = document.body.createDiv("notice-container");
			this.#containerEl = container.createDiv("notice-wrapper");
			this.#noticeEl = this.#containerEl.createDiv("notice");
			this.#messageEl = this.#noticeEl.createDiv("notice-message");
			this.#messageEl.setText(message);
		}
	}

	get noticeEl(): HTMLElement {
		requireDom("Notice.noticeEl");
		return this.#noticeEl!;
	}

	get messageEl(): HTMLElement {
		requireDom("Notice.messageEl");
		return this.#messageEl!;
	}

	get containerEl(): HTMLElement {
		requireDom("Notice.containerEl");
		return this.#containerEl!;
	}

	setMessage(message: string | DocumentFragment): this {
		this.message = textOf(message);
		notices.push(this.message);
		this.#messageEl?.setText(message);
		return this;
	}

	hide(): void {
		this.hidden = true;
		this.#containerEl?.detach();
	}
}

// ---- Modal ----

/** The modals currently open, oldest first. */
export const openModals: Modal[] = [];

export class Modal {
	app: App;
	scope: Scope;
	containerEl: HTMLElement;
	modalEl: HTMLElement;
	titleEl: HTMLElement;
	contentEl: HTMLElement;
	/** Fake-only: the header holding the title. */
	headerEl: HTMLElement;
	shouldRestoreSelection = true;
	/** Fake-only: whether the modal is open. */
	isOpen = false;
	#closeCallback: (() => unknown) | null = null;

	constructor(app: App) {
		requireDom("Modal");
		this.app = app;
		this.scope = new Scope();
		this.containerEl = createDiv("modal-container mod-dim");
		const bg = this.containerEl.createDiv("modal-bg");
		this.modalEl = this.containerEl.createDiv("modal");
		const closeButton = this.modalEl.createDiv({ cls: "modal-close-button", attr: { "aria-label": "Close" } });
		this.headerEl = this.modalEl.createDiv("modal-header");
		this.titleEl = this.headerEl.createDiv("modal-title");
		this.contentEl = this.modalEl.createDiv("modal-content");
		bg.addEventListener("click", () => this.close());
		closeButton.addEventListener("click", () => this.close());
		this.scope.register([], "Escape", () => this.close());
	}

	open(): void {
		if (this.isOpen) return;
		this.isOpen = true;
		document.body.appendChild(this.containerEl);
		openModals.push(this);
		try {
			this.app.queue.track(this.onOpen(), `${this.constructor.name}.onOpen`);
		} catch (error) {
			reportError(error, `${this.constructor.name}.onOpen`);
		}
	}

	close(): void {
		if (!this.isOpen) return;
		this.isOpen = false;
		const i = openModals.indexOf(this);
		if (i >= 0) openModals.splice(i, 1);
		this.containerEl.detach();
		try {
			this.onClose();
		} catch (error) {
			reportError(error, `${this.constructor.name}.onClose`);
		}
		const cb = this.#closeCallback;
		if (cb) this.app.queue.track(cb(), `${this.constructor.name} close callback`);
	}

	onOpen(): Promise<void> | void {}

	onClose(): void {}

	setTitle(title: string): this {
		this.titleEl.setText(title);
		return this;
	}

	setContent(content: string | DocumentFragment): this {
		this.contentEl.setText(content);
		return this;
	}

	setCloseCallback(callback: () => unknown): this {
		this.#closeCallback = callback;
		return this;
	}
}

/** The most recently opened modal that is still open (optionally of a class). */
export function lastModal(): Modal | undefined;
export function lastModal<T extends Modal>(type: abstract new (...args: never[]) => T): T | undefined;
export function lastModal(type?: abstract new (...args: never[]) => Modal): Modal | undefined {
	for (let i = openModals.length - 1; i >= 0; i--) if (!type || openModals[i] instanceof type) return openModals[i];
	return undefined;
}

// ---- Menu ----

/** Every menu shown, in order. */
export const shownMenus: Menu[] = [];

export class MenuItem {
	/** Fake-only fields: what the plugin set. */
	title = "";
	icon: string | null = null;
	checked: boolean | null = null;
	disabled = false;
	warning = false;
	isLabel = false;
	section = "";
	callback: ((evt: MouseEvent | KeyboardEvent) => unknown) | null = null;
	submenu: Menu | null = null;
	readonly menu: Menu;
	#dom: HTMLElement | null = null;

	constructor(menu: Menu) {
		this.menu = menu;
	}

	setTitle(title: string | DocumentFragment): this {
		this.title = textOf(title);
		return this;
	}

	setIcon(icon: string | null): this {
		this.icon = icon;
		return this;
	}

	setChecked(checked: boolean | null): this {
		this.checked = checked;
		return this;
	}

	setDisabled(disabled: boolean): this {
		this.disabled = disabled;
		return this;
	}

	setWarning(isWarning: boolean): this {
		this.warning = isWarning;
		return this;
	}

	setIsLabel(isLabel: boolean): this {
		this.isLabel = isLabel;
		return this;
	}

	setSection(section: string): this {
		this.section = section;
		return this;
	}

	onClick(callback: (evt: MouseEvent | KeyboardEvent) => unknown): this {
		this.callback = callback;
		return this;
	}

	setSubmenu(): Menu {
		this.submenu ??= new Menu();
		return this.submenu;
	}

	/** Test helper: clicks the item like a user (the menu closes first); awaits an async callback. */
	async click(): Promise<void> {
		if (this.disabled || this.isLabel) throw new Error(`Menu item "${this.title}" is ${this.disabled ? "disabled" : "a label"}`);
		this.menu.hide();
		await this.callback?.(fakeMouseEvent());
	}

	/** Internal: the item's element when the menu is shown in a DOM. */
	render(parent: HTMLElement): HTMLElement {
		const el = parent.createDiv({ cls: "menu-item" });
		el.toggleClass("is-disabled", this.disabled);
		el.toggleClass("is-warning", this.warning);
		el.toggleClass("is-label", this.isLabel);
		if (this.section) el.setAttribute("data-section", this.section);
		const iconEl = el.createDiv("menu-item-icon");
		if (this.icon) setIcon(iconEl, this.icon);
		el.createDiv({ cls: "menu-item-title", text: this.title });
		el.addEventListener("click", () => {
			if (this.disabled || this.isLabel) return;
			this.menu.hide();
			watchPromise(this.callback?.(fakeMouseEvent()), `menu item "${this.title}"`);
		});
		this.#dom = el;
		return el;
	}

	/** Fake-only: the element of a shown menu. */
	get dom(): HTMLElement | null {
		return this.#dom;
	}
}

export class MenuSeparator {}

export class Menu extends Component {
	/** Fake-only: the items and separators added, in order (Obsidian also groups them by section). */
	readonly items: (MenuItem | MenuSeparator)[] = [];
	/** Fake-only: whether the menu is showing. */
	shown = false;
	/** Fake-only: where it was shown. */
	position: { x: number; y: number } | null = null;
	/** Fake-only: its element while shown (in a DOM). */
	dom: HTMLElement | null = null;
	#hideCallbacks: (() => unknown)[] = [];

	setNoIcon(): this {
		return this;
	}

	setUseNativeMenu(_useNativeMenu: boolean): this {
		return this;
	}

	setParentElement(_el: HTMLElement): this {
		return this;
	}

	addItem(cb: (item: MenuItem) => unknown): this {
		const item = new MenuItem(this);
		cb(item);
		this.items.push(item);
		return this;
	}

	addSeparator(): this {
		this.items.push(new MenuSeparator());
		return this;
	}

	showAtMouseEvent(evt: MouseEvent): this {
		return this.showAtPosition({ x: evt.clientX, y: evt.clientY });
	}

	showAtPosition(position: { x: number; y: number; width?: number; overlap?: boolean; left?: boolean }, _doc?: Document): this {
		this.position = { x: position.x, y: position.y };
		this.shown = true;
		shownMenus.push(this);
		this.load();
		if (hasDom()) {
			this.dom?.detach();
			this.dom = document.body.createDiv("menu");
			const scroller = this.dom.createDiv("menu-scroll");
			for (const item of this.items) {
				if (item instanceof MenuItem) item.render(scroller);
				else scroller.createDiv("menu-separator");
			}
		}
		return this;
	}

	hide(): this {
		if (!this.shown) return this;
		this.shown = false;
		this.dom?.detach();
		this.dom = null;
		this.unload();
		for (const cb of this.#hideCallbacks) cb();
		return this;
	}

	close(): void {
		this.hide();
	}

	onHide(callback: () => unknown): void {
		this.#hideCallbacks.push(callback);
	}

	/** Shown at the event's position on the next microtask, once the caller has added its items. */
	static forEvent(evt: PointerEvent | MouseEvent): Menu {
		const menu = new Menu();
		queueMicrotask(() => {
			if (!menu.shown) menu.showAtMouseEvent(evt);
		});
		return menu;
	}

	/** Test helper: the titles of the items, in order. */
	titles(): string[] {
		return this.items.filter((i): i is MenuItem => i instanceof MenuItem).map((i) => i.title);
	}

	/** Test helper: the item with this title; throws listing the titles present. */
	item(title: string): MenuItem {
		const found = this.items.find((i): i is MenuItem => i instanceof MenuItem && i.title === title);
		if (!found) throw new Error(`No menu item "${title}" (have: ${this.titles().map((t) => `"${t}"`).join(", ") || "none"})`);
		return found;
	}
}

/** The menu shown last, if any. */
export function lastMenu(): Menu | undefined {
	return shownMenus[shownMenus.length - 1];
}

/** Clicks the item titled `title` in `menu` (default: the menu shown last) and awaits its callback. */
export async function clickMenuItem(title: string, menu: Menu | undefined = lastMenu()): Promise<void> {
	if (!menu) throw new Error(`clickMenuItem("${title}"): no menu was shown`);
	await menu.item(title).click();
}

// ---- suggesters ----

export interface Instruction {
	command: string;
	purpose: string;
}

export interface FuzzyMatch<T> {
	item: T;
	match: SearchResult;
}

export abstract class PopoverSuggest<T> {
	app: App;
	scope: Scope;
	/** Fake-only: the suggestions shown, and their container. */
	suggestions: T[] = [];
	suggestEl: HTMLElement;
	isOpen = false;

	constructor(app: App, scope?: Scope) {
		requireDom("A suggester");
		this.app = app;
		this.scope = scope ?? new Scope();
		this.suggestEl = createDiv("suggestion-container");
	}

	open(): void {
		if (this.isOpen) return;
		this.isOpen = true;
		document.body.appendChild(this.suggestEl);
	}

	close(): void {
		if (!this.isOpen) return;
		this.isOpen = false;
		this.suggestEl.detach();
	}

	abstract renderSuggestion(value: T, el: HTMLElement): void;
	abstract selectSuggestion(value: T, evt: MouseEvent | KeyboardEvent): void;

	/** Internal: shows `values` as `.suggestion-item` elements that select on click. */
	showSuggestions(values: T[]): void {
		this.suggestions = values;
		this.suggestEl.empty();
		for (const value of values) {
			const el = this.suggestEl.createDiv("suggestion-item");
			this.renderSuggestion(value, el);
			el.addEventListener("click", (evt) => this.selectSuggestion(value, evt));
		}
		if (values.length > 0) this.open();
		else this.close();
	}
}

/** Suggests as the user types into `textInputEl` (an `input` event refreshes the list). */
export abstract class AbstractInputSuggest<T> extends PopoverSuggest<T> {
	limit = 100;
	readonly textInputEl: HTMLInputElement | HTMLDivElement;
	#onSelect: ((value: T, evt: MouseEvent | KeyboardEvent) => unknown) | null = null;

	constructor(app: App, textInputEl: HTMLInputElement | HTMLDivElement) {
		super(app);
		this.textInputEl = textInputEl;
		const refresh = (): void => this.app.queue.track(this.refreshSuggestions(), `${this.constructor.name}.getSuggestions`);
		textInputEl.addEventListener("input", refresh);
		textInputEl.addEventListener("focus", refresh);
	}

	setValue(value: string): void {
		if (this.textInputEl instanceof HTMLInputElement) this.textInputEl.value = value;
		else this.textInputEl.textContent = value;
	}

	getValue(): string {
		return this.textInputEl instanceof HTMLInputElement ? this.textInputEl.value : (this.textInputEl.textContent ?? "");
	}

	protected abstract getSuggestions(query: string): T[] | Promise<T[]>;

	selectSuggestion(value: T, evt: MouseEvent | KeyboardEvent): void {
		this.#onSelect?.(value, evt);
	}

	onSelect(callback: (value: T, evt: MouseEvent | KeyboardEvent) => unknown): this {
		this.#onSelect = callback;
		return this;
	}

	/** Fake-only: recomputes the suggestions for the input's current value and shows them. */
	async refreshSuggestions(): Promise<T[]> {
		const values = (await this.getSuggestions(this.getValue())).slice(0, this.limit);
		this.showSuggestions(values);
		return values;
	}
}

/** A modal with a query input and a list of suggestions (`.suggestion-item`, clickable). */
export abstract class SuggestModal<T> extends Modal {
	limit = 50;
	emptyStateText = "No results found.";
	inputEl: HTMLInputElement;
	resultContainerEl: HTMLElement;
	/** Fake-only: the suggestions shown now. */
	suggestions: T[] = [];
	/** Fake-only: what `setInstructions` set. */
	instructions: Instruction[] = [];
	#selected = 0;

	constructor(app: App) {
		super(app);
		this.modalEl.addClass("prompt");
		const inputContainer = this.modalEl.createDiv({ cls: "prompt-input-container", prepend: true });
		this.inputEl = inputContainer.createEl("input", { cls: "prompt-input", type: "text" });
		this.resultContainerEl = this.modalEl.createDiv("prompt-results");
		this.inputEl.addEventListener("input", () => this.app.queue.track(this.updateSuggestions(), `${this.constructor.name}.getSuggestions`));
		this.scope.register([], "Enter", (evt) => this.selectActiveSuggestion(evt));
	}

	open(): void {
		super.open();
		this.app.queue.track(this.updateSuggestions(), `${this.constructor.name}.getSuggestions`);
	}

	setPlaceholder(placeholder: string): void {
		this.inputEl.setAttribute("placeholder", placeholder);
	}

	setInstructions(instructions: Instruction[]): void {
		this.instructions = instructions;
	}

	onNoSuggestion(): void {
		this.resultContainerEl.createDiv({ cls: "suggestion-empty", text: this.emptyStateText });
	}

	/** Fake-only: recomputes and renders the suggestions for the current query. */
	async updateSuggestions(): Promise<T[]> {
		const values = (await this.getSuggestions(this.inputEl.value)).slice(0, this.limit);
		this.suggestions = values;
		this.#selected = 0;
		this.resultContainerEl.empty();
		if (values.length === 0) this.onNoSuggestion();
		for (const value of values) {
			const el = this.resultContainerEl.createDiv("suggestion-item");
			this.renderSuggestion(value, el);
			el.addEventListener("click", (evt) => this.selectSuggestion(value, evt));
		}
		return values;
	}

	/** Closes the modal, then calls `onChooseSuggestion`. */
	selectSuggestion(value: T, evt: MouseEvent | KeyboardEvent): void {
		this.close();
		this.onChooseSuggestion(value, evt);
	}

	selectActiveSuggestion(evt: MouseEvent | KeyboardEvent): void {
		const value = this.suggestions[this.#selected];
		if (value !== undefined) this.selectSuggestion(value, evt);
	}

	/** Test helper: types `query`, waits for the suggestions and returns them. */
	async typeQuery(query: string): Promise<T[]> {
		this.inputEl.value = query;
		return this.updateSuggestions();
	}

	/** Test helper: chooses the suggestion at `index` (or the first one `pick` accepts). */
	choose(pick: number | ((value: T) => boolean) = 0): void {
		const value = typeof pick === "number" ? this.suggestions[pick] : this.suggestions.find(pick);
		if (value === undefined) throw new Error(`choose(): no such suggestion (have ${this.suggestions.length})`);
		this.selectSuggestion(value, fakeMouseEvent());
	}

	abstract getSuggestions(query: string): T[] | Promise<T[]>;
	abstract renderSuggestion(value: T, el: HTMLElement): void;
	abstract onChooseSuggestion(item: T, evt: MouseEvent | KeyboardEvent): void;
}

export abstract class FuzzySuggestModal<T> extends SuggestModal<FuzzyMatch<T>> {
	getSuggestions(query: string): FuzzyMatch<T>[] {
		const search = prepareFuzzySearch(query);
		const out: FuzzyMatch<T>[] = [];
		for (const item of this.getItems()) {
			const match = search(this.getItemText(item));
			if (match) out.push({ item, match });
		}
		return query.trim() === "" ? out : out.sort((a, b) => b.match.score - a.match.score);
	}

	renderSuggestion(item: FuzzyMatch<T>, el: HTMLElement): void {
		el.setText(this.getItemText(item.item));
	}

	onChooseSuggestion(item: FuzzyMatch<T>, evt: MouseEvent | KeyboardEvent): void {
		this.onChooseItem(item.item, evt);
	}

	abstract getItems(): T[];
	abstract getItemText(item: T): string;
	abstract onChooseItem(item: T, evt: MouseEvent | KeyboardEvent): void;
}

/** Registered through `Plugin.registerEditorSuggest`; the fake never triggers it by itself. */
export abstract class EditorSuggest<T> extends PopoverSuggest<T> {
	limit = 100;
	context: unknown = null;

	setInstructions(_instructions: Instruction[]): void {}

	abstract onTrigger(cursor: unknown, editor: unknown, file: unknown): unknown;
	abstract getSuggestions(context: unknown): T[] | Promise<T[]>;
}

// ---- rendering ----

/** Renders Markdown as plain text (one `<p>` per paragraph); enough to assert on what a view shows. */
export class MarkdownRenderer extends Component {
	static async render(_app: App, markdown: string, el: HTMLElement, _sourcePath: string, _component: Component): Promise<void> {
		for (const para of markdown.split(/\n{2,}/)) if (para.trim() !== "") el.createEl("p", { text: para });
	}

	static async renderMarkdown(markdown: string, el: HTMLElement, sourcePath: string, component: Component): Promise<void> {
		await MarkdownRenderer.render(undefined as unknown as App, markdown, el, sourcePath, component);
	}
}

export class MarkdownRenderChild extends Component {
	containerEl: HTMLElement;

	constructor(containerEl: HTMLElement) {
		super();
		this.containerEl = containerEl;
	}
}
