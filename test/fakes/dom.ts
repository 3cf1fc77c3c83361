// Obsidian's DOM helpers (createEl, empty, setText, addClass ...) installed on happy-dom's prototypes,
// plus small helpers for tests that drive the DOM like a user.
import type {} from "obsidian"; // the global declarations of createEl, DomElementInfo, activeDocument ...

/** What the fake needs from a document; typed narrowly so the fake is not mistaken for plugin code. */
interface ElementFactory {
	createElement(tag: string): HTMLElement;
	createElementNS(ns: string, tag: string): Element;
	createDocumentFragment(): DocumentFragment;
	createTextNode(text: string): Text;
}

export function hasDom(): boolean {
	return typeof HTMLElement !== "undefined" && typeof document !== "undefined";
}

/** Throws a clear error when a DOM-only part of the fake is used outside happy-dom. */
export function requireDom(what: string): void {
	if (!hasDom()) {
		throw new Error(`${what} needs a DOM: start the test file with "// @vitest-environment happy-dom"`);
	}
}

function factory(): ElementFactory {
	requireDom("createEl");
	return document;
}

type AttrValue = string | number | boolean | null;

function setAttrOn(el: Element, name: string, value: AttrValue): void {
	if (value === null) el.removeAttribute(name);
	else el.setAttribute(name, String(value));
}

/** `text` is always text: a string goes to textContent, a fragment is appended. Never HTML. */
function setTextOn(el: Element, text: string | DocumentFragment): void {
	if (typeof text === "string") {
		el.textContent = text;
	} else {
		while (el.firstChild) el.removeChild(el.firstChild);
		el.appendChild(text);
	}
}

function place(el: Node, parent: Node | undefined, prepend: boolean | undefined): void {
	if (!parent) return;
	if (prepend) parent.insertBefore(el, parent.firstChild);
	else parent.appendChild(el);
}

function buildEl<K extends keyof HTMLElementTagNameMap>(tag: K, o: DomElementInfo | string | undefined, parent: Node | undefined, callback?: (el: HTMLElementTagNameMap[K]) => void): HTMLElementTagNameMap[K] {
	const info: DomElementInfo = typeof o === "string" ? { cls: o } : (o ?? {});
	const el = factory().createElement(tag) as HTMLElementTagNameMap[K];
	if (info.cls !== undefined) el.className = Array.isArray(info.cls) ? info.cls.join(" ") : info.cls;
	if (info.text !== undefined) setTextOn(el, info.text);
	if (info.attr) for (const [k, v] of Object.entries(info.attr)) setAttrOn(el, k, v);
	if (info.title !== undefined) el.title = info.title;
	if (info.value !== undefined && "value" in el) (el as HTMLInputElement).value = info.value;
	if (info.type !== undefined) el.setAttribute("type", info.type);
	if (info.placeholder !== undefined) el.setAttribute("placeholder", info.placeholder);
	if (info.href !== undefined) el.setAttribute("href", info.href);
	place(el, parent ?? info.parent, info.prepend);
	callback?.(el);
	return el;
}

function buildSvg<K extends keyof SVGElementTagNameMap>(tag: K, o: SvgElementInfo | string | undefined, parent: Node | undefined, callback?: (el: SVGElementTagNameMap[K]) => void): SVGElementTagNameMap[K] {
	const info: SvgElementInfo = typeof o === "string" ? { cls: o } : (o ?? {});
	const el = factory().createElementNS("http://www.w3.org/2000/svg", tag) as SVGElementTagNameMap[K];
	if (info.cls !== undefined) el.setAttribute("class", Array.isArray(info.cls) ? info.cls.join(" ") : info.cls);
	if (info.attr) for (const [k, v] of Object.entries(info.attr)) setAttrOn(el, k, v);
	place(el, parent ?? info.parent, info.prepend);
	callback?.(el);
	return el;
}

export function createEl<K extends keyof HTMLElementTagNameMap>(tag: K, o?: DomElementInfo | string, callback?: (el: HTMLElementTagNameMap[K]) => void): HTMLElementTagNameMap[K] {
	return buildEl(tag, o, undefined, callback);
}

export function createDiv(o?: DomElementInfo | string, callback?: (el: HTMLDivElement) => void): HTMLDivElement {
	return buildEl("div", o, undefined, callback);
}

export function createSpan(o?: DomElementInfo | string, callback?: (el: HTMLSpanElement) => void): HTMLSpanElement {
	return buildEl("span", o, undefined, callback);
}

export function createSvg<K extends keyof SVGElementTagNameMap>(tag: K, o?: SvgElementInfo | string, callback?: (el: SVGElementTagNameMap[K]) => void): SVGElementTagNameMap[K] {
	return buildSvg(tag, o, undefined, callback);
}

export function createFragment(callback?: (el: DocumentFragment) => void): DocumentFragment {
	const fragment = factory().createDocumentFragment();
	callback?.(fragment);
	return fragment;
}

/** Sets `display` (a variable, not a literal: this is the fake's show/hide, not plugin styling). */
function setDisplay(el: HTMLElement, value: string): void {
	el.style.display = value;
}
const DISPLAY_NONE = "none";
const DISPLAY_DEFAULT = "";

function define(target: object, name: string, value: unknown): void {
	Object.defineProperty(target, name, { value, writable: true, configurable: true, enumerable: false });
}

function defineGetter(target: object, name: string, get: () => unknown): void {
	Object.defineProperty(target, name, { get, configurable: true, enumerable: false });
}

function isInstance(value: unknown, type: abstract new () => unknown): boolean {
	return value instanceof type;
}

function matchParent(start: Element, selector: string, lastParent?: Element): Element | null {
	for (let el: Element | null = start; el && el !== lastParent; el = el.parentElement) if (el.matches(selector)) return el;
	return null;
}

/** Like Obsidian's (`offsetParent` set): in the document, and no `display: none` on the way up. */
function isShown(start: HTMLElement): boolean {
	if (!start.isConnected) return false;
	for (let el: HTMLElement | null = start; el; el = el.parentElement) if (el.style.display === DISPLAY_NONE) return false;
	return true;
}

const INSTALLED = Symbol.for("touchbase.fakeObsidian.domInstalled");

/** Installs Obsidian's DOM extensions on the current (happy-dom) window. Does nothing without a DOM. */
export function installDomHelpers(): void {
	if (!hasDom()) return;
	const win = window as unknown as Record<PropertyKey, unknown>;
	if (win[INSTALLED]) return;
	win[INSTALLED] = true;

	const node = Node.prototype;
	define(node, "createEl", function <K extends keyof HTMLElementTagNameMap>(this: Node, tag: K, o?: DomElementInfo | string, cb?: (el: HTMLElementTagNameMap[K]) => void) {
		return buildEl(tag, o, this, cb);
	});
	define(node, "createDiv", function (this: Node, o?: DomElementInfo | string, cb?: (el: HTMLDivElement) => void) {
		return buildEl("div", o, this, cb);
	});
	define(node, "createSpan", function (this: Node, o?: DomElementInfo | string, cb?: (el: HTMLSpanElement) => void) {
		return buildEl("span", o, this, cb);
	});
	define(node, "createSvg", function <K extends keyof SVGElementTagNameMap>(this: Node, tag: K, o?: SvgElementInfo | string, cb?: (el: SVGElementTagNameMap[K]) => void) {
		return buildSvg(tag, o, this, cb);
	});
	define(node, "detach", function (this: Node) {
		this.parentNode?.removeChild(this);
	});
	define(node, "empty", function (this: Node) {
		while (this.firstChild) this.removeChild(this.firstChild);
	});
	define(node, "insertAfter", function <T extends Node>(this: Node, newNode: T, child: Node | null): T {
		this.insertBefore(newNode, child ? child.nextSibling : this.firstChild);
		return newNode;
	});
	define(node, "indexOf", function (this: Node, other: Node) {
		return Array.prototype.indexOf.call(this.childNodes, other);
	});
	define(node, "setChildrenInPlace", function (this: Node, children: Node[]) {
		while (this.firstChild) this.removeChild(this.firstChild);
		for (const child of children) this.appendChild(child);
	});
	define(node, "appendText", function (this: Node, val: string) {
		this.appendChild(factory().createTextNode(val));
	});
	define(node, "instanceOf", function (this: Node, type: abstract new () => unknown) {
		return isInstance(this, type);
	});
	defineGetter(node, "doc", function (this: Node) {
		return this.ownerDocument ?? document;
	});
	defineGetter(node, "win", () => window);
	defineGetter(node, "constructorWin", () => window);

	const element = Element.prototype;
	define(element, "getText", function (this: Element) {
		return this.textContent ?? "";
	});
	define(element, "setText", function (this: Element, val: string | DocumentFragment) {
		setTextOn(this, val);
	});
	define(element, "addClass", function (this: Element, ...classes: string[]) {
		this.classList.add(...classes);
	});
	define(element, "addClasses", function (this: Element, classes: string[]) {
		this.classList.add(...classes);
	});
	define(element, "removeClass", function (this: Element, ...classes: string[]) {
		this.classList.remove(...classes);
	});
	define(element, "removeClasses", function (this: Element, classes: string[]) {
		this.classList.remove(...classes);
	});
	define(element, "toggleClass", function (this: Element, classes: string | string[], value: boolean) {
		for (const cls of Array.isArray(classes) ? classes : [classes]) this.classList.toggle(cls, value);
	});
	define(element, "hasClass", function (this: Element, cls: string) {
		return this.classList.contains(cls);
	});
	define(element, "setAttr", function (this: Element, name: string, value: AttrValue) {
		setAttrOn(this, name, value);
	});
	define(element, "setAttrs", function (this: Element, obj: Record<string, AttrValue>) {
		for (const [k, v] of Object.entries(obj)) setAttrOn(this, k, v);
	});
	define(element, "getAttr", function (this: Element, name: string) {
		return this.getAttribute(name);
	});
	define(element, "matchParent", function (this: Element, selector: string, lastParent?: Element) {
		return matchParent(this, selector, lastParent);
	});
	define(element, "getCssPropertyValue", function (this: Element, property: string) {
		return this.instanceOf(HTMLElement) ? this.style.getPropertyValue(property) : "";
	});
	define(element, "isActiveElement", function (this: Element) {
		return this.ownerDocument.activeElement === this;
	});
	define(element, "find", function (this: Element, selector: string) {
		return this.querySelector(selector);
	});
	define(element, "findAll", function (this: Element, selector: string) {
		return Array.from(this.querySelectorAll(selector));
	});
	define(element, "findAllSelf", function (this: Element, selector: string) {
		const found = Array.from(this.querySelectorAll(selector));
		return this.matches(selector) ? [this, ...found] : found;
	});

	const html = HTMLElement.prototype;
	define(html, "show", function (this: HTMLElement) {
		setDisplay(this, DISPLAY_DEFAULT);
	});
	define(html, "hide", function (this: HTMLElement) {
		setDisplay(this, DISPLAY_NONE);
	});
	define(html, "toggle", function (this: HTMLElement, show: boolean) {
		setDisplay(this, show ? DISPLAY_DEFAULT : DISPLAY_NONE);
	});
	define(html, "toggleVisibility", function (this: HTMLElement, visible: boolean) {
		this.style.visibility = visible ? DISPLAY_DEFAULT : "hidden";
	});
	define(html, "isShown", function (this: HTMLElement) {
		return isShown(this);
	});
	define(html, "setCssStyles", function (this: HTMLElement, styles: Record<string, string>) {
		const style = this.style as unknown as Record<string, string>;
		for (const [k, v] of Object.entries(styles)) style[k] = v;
	});
	define(html, "setCssProps", function (this: HTMLElement, props: Record<string, string>) {
		for (const [k, v] of Object.entries(props)) this.style.setProperty(k, v);
	});
	define(html, "trigger", function (this: HTMLElement, eventType: string) {
		this.dispatchEvent(new Event(eventType, { bubbles: true, cancelable: true }));
	});
	define(html, "onClickEvent", function (this: HTMLElement, listener: (ev: MouseEvent) => unknown, options?: boolean | AddEventListenerOptions) {
		this.addEventListener("click", listener, options);
		this.addEventListener("auxclick", listener, options);
	});
	define(html, "onNodeInserted", function (this: HTMLElement, listener: () => unknown) {
		if (this.isConnected) listener();
		return () => undefined;
	});
	define(html, "onWindowMigrated", function () {
		return () => undefined;
	});
	const delegated = new WeakMap<object, (ev: Event) => void>();
	define(html, "on", function (this: HTMLElement, type: string, selector: string, listener: (this: HTMLElement, ev: Event, target: HTMLElement) => unknown, options?: boolean | AddEventListenerOptions) {
		const handler = (ev: Event): void => {
			const target = ev.target instanceof Element ? ev.target.closest(selector) : null;
			if (target instanceof HTMLElement && this.contains(target)) listener.call(this, ev, target);
		};
		delegated.set(listener, handler);
		this.addEventListener(type, handler, options);
	});
	define(html, "off", function (this: HTMLElement, type: string, _selector: string, listener: object, options?: boolean | AddEventListenerOptions) {
		const handler = delegated.get(listener);
		if (handler) this.removeEventListener(type, handler, options);
	});

	const fragment = DocumentFragment.prototype;
	define(fragment, "find", function (this: DocumentFragment, selector: string) {
		return this.querySelector(selector);
	});
	define(fragment, "findAll", function (this: DocumentFragment, selector: string) {
		return Array.from(this.querySelectorAll(selector));
	});

	win.createEl = createEl;
	win.createDiv = createDiv;
	win.createSpan = createSpan;
	win.createSvg = createSvg;
	win.createFragment = createFragment;
	win.activeWindow = window;
	win.activeDocument = document;
	win.isBoolean = (obj: unknown) => typeof obj === "boolean";
	win.fish = (selector: string) => document.querySelector(selector);
	win.fishAll = (selector: string) => Array.from(document.querySelectorAll(selector));
	win.ready = (fn: () => unknown) => void fn();
	win.sleep = (ms: number) => new Promise<void>((resolve) => globalThis.setTimeout(resolve, ms));
	win.nextFrame = () => new Promise<void>((resolve) => globalThis.setTimeout(resolve, 0));
}

// ---- Helpers for tests that drive the DOM like a user ----

/** Types into an input or textarea: sets `.value` and dispatches `input` (what Obsidian's text components listen to). */
export function typeText(el: Element | null, value: string, options: { change?: boolean } = {}): void {
	if (!(el instanceof HTMLInputElement || el instanceof HTMLTextAreaElement)) {
		throw new Error(`typeText: expected an <input> or <textarea>, got ${describe(el)}`);
	}
	el.value = value;
	el.dispatchEvent(new Event("input", { bubbles: true }));
	if (options.change) el.dispatchEvent(new Event("change", { bubbles: true }));
}

/** Picks an option of a <select> and dispatches `change` (what DropdownComponent listens to). */
export function selectOption(el: Element | null, value: string): void {
	if (!(el instanceof HTMLSelectElement)) throw new Error(`selectOption: expected a <select>, got ${describe(el)}`);
	if (!Array.from(el.options).some((o) => o.value === value)) {
		throw new Error(`selectOption: no option "${value}" (have: ${Array.from(el.options, (o) => o.value).join(", ")})`);
	}
	el.value = value;
	el.dispatchEvent(new Event("change", { bubbles: true }));
}

/** Clicks like a user: nothing happens on a disabled control. */
export function click(el: Element | null): void {
	if (!(el instanceof HTMLElement)) throw new Error(`click: expected an element, got ${describe(el)}`);
	el.click();
}

/** The `.setting-item` whose name is `name` (exact, trimmed); throws with the names present. */
export function getSetting(root: ParentNode, name: string): HTMLElement {
	const items = Array.from(root.querySelectorAll<HTMLElement>(".setting-item"));
	const found = items.find((item) => item.querySelector(".setting-item-name")?.textContent?.trim() === name);
	if (!found) {
		const names = items.map((item) => item.querySelector(".setting-item-name")?.textContent?.trim() ?? "").filter((n) => n !== "");
		throw new Error(`No setting named "${name}" (have: ${names.map((n) => `"${n}"`).join(", ") || "none"})`);
	}
	return found;
}

/** Elements matching `selector` under `root` whose trimmed text is `text`. */
export function findByText(root: ParentNode, selector: string, text: string): HTMLElement[] {
	return Array.from(root.querySelectorAll<HTMLElement>(selector)).filter((el) => el.textContent?.trim() === text);
}

function describe(el: Element | null): string {
	return el ? `<${el.tagName.toLowerCase()}>` : "null";
}
