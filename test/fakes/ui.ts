// Notices, modals and menus, each kept in a list a test reads and drives.
import type { App } from "./app";
import { createDiv } from "./dom";
import { reportError, watchPromise } from "./events";

/** Every notice message shown, in order; and every Notice. */
export const notices: string[] = [];
export const noticeLog: Notice[] = [];

/** Notices never time out. */
export class Notice {
	/** Fake-only: the message as text, the duration given, and whether `hide()` was called. */
	readonly message: string;
	readonly duration: number | undefined;
	hidden = false;
	readonly noticeEl: HTMLElement;

	constructor(message: string | DocumentFragment, duration?: number) {
		this.message = typeof message === "string" ? message : (message.textContent ?? "");
		this.duration = duration;
		notices.push(this.message);
		noticeLog.push(this);
		const container = document.body.querySelector<HTMLElement>(":scope > .notice-container") ?? document.body.createDiv("notice-container");
		this.noticeEl = container.createDiv("notice");
		this.noticeEl.setText(message);
	}

	hide(): void {
		this.hidden = true;
		this.noticeEl.detach();
	}
}

/** The modals open now, oldest first. */
export const openModals: Modal[] = [];

export class Modal {
	app: App;
	containerEl: HTMLElement;
	modalEl: HTMLElement;
	titleEl: HTMLElement;
	contentEl: HTMLElement;
	/** Fake-only: whether the modal is open. */
	isOpen = false;

	constructor(app: App) {
		this.app = app;
		this.containerEl = createDiv("modal-container");
		this.modalEl = this.containerEl.createDiv("modal");
		this.titleEl = this.modalEl.createDiv("modal-title");
		this.contentEl = this.modalEl.createDiv("modal-content");
	}

	open(): void {
		if (this.isOpen) return;
		this.isOpen = true;
		document.body.appendChild(this.containerEl);
		openModals.push(this);
		try {
			watchPromise(this.onOpen(), `${this.constructor.name}.onOpen`);
		} catch (error) {
			reportError(error, `${this.constructor.name}.onOpen`);
		}
	}

	close(): void {
		if (!this.isOpen) return;
		this.isOpen = false;
		openModals.splice(openModals.indexOf(this), 1);
		this.containerEl.detach();
		this.onClose();
	}

	onOpen(): Promise<void> | void {}

	onClose(): void {}

	setTitle(title: string): this {
		this.titleEl.setText(title);
		return this;
	}
}

/** The most recently opened modal still open (of a class, when given). */
export function lastModal<T extends Modal = Modal>(type?: abstract new (...args: never[]) => T): T | undefined {
	return [...openModals].reverse().find((m): m is T => !type || m instanceof type);
}

export class MenuItem {
	/** Fake-only: the title and icon set. */
	title = "";
	icon = "";
	#callback: ((evt: MouseEvent) => unknown) | null = null;

	constructor(readonly menu: Menu) {}

	setTitle(title: string): this {
		this.title = title;
		return this;
	}

	setIcon(icon: string): this {
		this.icon = icon;
		return this;
	}

	onClick(callback: (evt: MouseEvent) => unknown): this {
		this.#callback = callback;
		return this;
	}

	/** Test helper: clicks the item like a user (the menu closes first); awaits an async callback. */
	async click(): Promise<void> {
		this.menu.hide();
		await this.#callback?.(new MouseEvent("click"));
	}
}

/** Every menu shown, in order. Items keep insertion order (no sections). */
export const shownMenus: Menu[] = [];

export class Menu {
	readonly items: MenuItem[] = [];
	/** Fake-only: whether it is showing. */
	shown = false;
	#el: HTMLElement | null = null;

	addItem(cb: (item: MenuItem) => unknown): this {
		const item = new MenuItem(this);
		this.items.push(item);
		cb(item);
		return this;
	}

	/** Shown as `.menu` > `.menu-item` elements a click runs (the browser tests click them). */
	showAtMouseEvent(_evt: MouseEvent): this {
		this.shown = true;
		shownMenus.push(this);
		this.#el = document.body.createDiv("menu");
		for (const item of this.items) this.#el.createDiv({ cls: "menu-item", text: item.title }).addEventListener("click", () => watchPromise(item.click(), `menu item "${item.title}"`));
		return this;
	}

	hide(): this {
		this.shown = false;
		this.#el?.detach();
		return this;
	}

	/** Test helper: the items' titles, in order. */
	titles(): string[] {
		return this.items.map((i) => i.title);
	}
}

export const lastMenu = (): Menu | undefined => shownMenus[shownMenus.length - 1];

/** Test helper: clicks the item titled `title` of `menu` (the last shown by default). */
export async function clickMenuItem(title: string, menu: Menu | undefined = lastMenu()): Promise<void> {
	const item = menu?.items.find((i) => i.title === title);
	if (!item) throw new Error(`No menu item "${title}" (have: ${menu?.titles().join(", ") ?? "no menu"})`);
	await item.click();
}
