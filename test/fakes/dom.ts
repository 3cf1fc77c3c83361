// Obsidian's element helpers (createEl, empty, setText, toggleClass …) the plugin calls, installed
// on the DOM's prototypes, and the helpers a test drives the DOM with like a user.
import type {} from "obsidian"; // the global declarations of createEl, DomElementInfo …

type Info = DomElementInfo | SvgElementInfo | string | undefined;

function build<E extends Element>(el: E, o: Info, parent: Node | undefined, callback?: (el: E) => void): E {
	const info: DomElementInfo = typeof o === "string" ? { cls: o } : (o ?? {});
	if (info.cls !== undefined) el.setAttribute("class", Array.isArray(info.cls) ? info.cls.join(" ") : info.cls);
	// Text is always text: a string goes to textContent, never to HTML.
	if (info.text !== undefined) el.setText(info.text);
	for (const [k, v] of Object.entries(info.attr ?? {})) el.setAttr(k, v);
	for (const k of ["title", "type", "value", "placeholder", "href"] as const) if (info[k] !== undefined) el.setAttribute(k, info[k]);
	(parent ?? info.parent)?.appendChild(el);
	callback?.(el);
	return el;
}

/** The document's own factory, typed narrowly: Obsidian's helpers are made of it. */
interface ElementFactory {
	createElement(tag: string): HTMLElement;
	createElementNS(ns: string, tag: string): Element;
	createDocumentFragment(): DocumentFragment;
}
const factory = (): ElementFactory => document;
const html = <K extends keyof HTMLElementTagNameMap>(tag: K, o: Info, parent?: Node, cb?: (el: HTMLElementTagNameMap[K]) => void) =>
	build(factory().createElement(tag) as HTMLElementTagNameMap[K], o, parent, cb);
const svg = <K extends keyof SVGElementTagNameMap>(tag: K, o: Info, parent?: Node, cb?: (el: SVGElementTagNameMap[K]) => void) =>
	build(factory().createElementNS("http://www.w3.org/2000/svg", tag) as SVGElementTagNameMap[K], o, parent, cb);

export const createEl = <K extends keyof HTMLElementTagNameMap>(tag: K, o?: Info, cb?: (el: HTMLElementTagNameMap[K]) => void) => html(tag, o, undefined, cb);
export const createDiv = (o?: Info, cb?: (el: HTMLDivElement) => void): HTMLDivElement => html("div", o, undefined, cb);
export const createSpan = (o?: Info, cb?: (el: HTMLSpanElement) => void): HTMLSpanElement => html("span", o, undefined, cb);
export const createSvg = <K extends keyof SVGElementTagNameMap>(tag: K, o?: Info, cb?: (el: SVGElementTagNameMap[K]) => void) => svg(tag, o, undefined, cb);
export function createFragment(callback?: (el: DocumentFragment) => void): DocumentFragment {
	const fragment = factory().createDocumentFragment();
	callback?.(fragment);
	return fragment;
}

/** Installs the helpers on the current window (once). */
export function installDomHelpers(): void {
	if (typeof document === "undefined" || "empty" in Node.prototype) return;
	const define = (target: object, methods: Record<string, unknown>): void => {
		for (const [name, value] of Object.entries(methods)) Object.defineProperty(target, name, { value, writable: true, configurable: true });
	};
	define(Node.prototype, {
		createEl(this: Node, tag: keyof HTMLElementTagNameMap, o?: Info, cb?: (el: HTMLElement) => void) {
			return html(tag, o, this, cb);
		},
		createDiv(this: Node, o?: Info, cb?: (el: HTMLElement) => void) {
			return html("div", o, this, cb);
		},
		createSpan(this: Node, o?: Info, cb?: (el: HTMLElement) => void) {
			return html("span", o, this, cb);
		},
		createSvg(this: Node, tag: keyof SVGElementTagNameMap, o?: Info, cb?: (el: SVGElement) => void) {
			return svg(tag, o, this, cb);
		},
		detach(this: Node) {
			this.parentNode?.removeChild(this);
		},
		empty(this: Node) {
			while (this.firstChild) this.removeChild(this.firstChild);
		},
	});
	define(Element.prototype, {
		setText(this: Element, text: string | DocumentFragment) {
			if (typeof text === "string") this.textContent = text;
			else this.replaceChildren(text);
		},
		addClass(this: Element, ...classes: string[]) {
			this.classList.add(...classes);
		},
		toggleClass(this: Element, classes: string | string[], value: boolean) {
			for (const cls of [classes].flat()) this.classList.toggle(cls, value);
		},
		setAttr(this: Element, name: string, value: string | number | boolean | null) {
			if (value === null) this.removeAttribute(name);
			else this.setAttribute(name, String(value));
		},
	});
	// Shown or hidden with `display` (as Obsidian does); isShown: in the document, no `display: none` above.
	const display = "display";
	define(HTMLElement.prototype, {
		toggle(this: HTMLElement, show: boolean) {
			this.style.setProperty(display, show ? "" : "none");
		},
		isShown(this: HTMLElement) {
			const hidden = (el: HTMLElement | null): boolean => el !== null && (el.style.getPropertyValue(display) === "none" || hidden(el.parentElement));
			return this.isConnected && !hidden(this);
		},
	});
	Object.assign(window, { createEl, createDiv, createSpan, createSvg, createFragment, activeWindow: window, activeDocument: document });
}

// ---- driving the DOM like a user ----

const describe = (el: Element | null): string => (el ? `<${el.tagName.toLowerCase()}>` : "null");

/** Types into an input or textarea: sets the value and dispatches `input` (what text components listen to). */
export function typeText(el: Element | null, value: string): void {
	if (!(el instanceof HTMLInputElement || el instanceof HTMLTextAreaElement)) throw new Error(`typeText: expected an <input> or <textarea>, got ${describe(el)}`);
	el.value = value;
	el.dispatchEvent(new Event("input", { bubbles: true }));
}

/** Picks an option of a <select> and dispatches `change`. */
export function selectOption(el: Element | null, value: string): void {
	if (!(el instanceof HTMLSelectElement)) throw new Error(`selectOption: expected a <select>, got ${describe(el)}`);
	if (!Array.from(el.options).some((o) => o.value === value)) throw new Error(`selectOption: no option "${value}" (have: ${Array.from(el.options, (o) => o.value).join(", ")})`);
	el.value = value;
	el.dispatchEvent(new Event("change", { bubbles: true }));
}

/** Clicks like a user: nothing happens on a disabled control. */
export function click(el: Element | null): void {
	if (!(el instanceof HTMLElement)) throw new Error(`click: expected an element, got ${describe(el)}`);
	el.click();
}

/** The `.setting-item` named `name`; throws with the names present. */
export function getSetting(root: ParentNode, name: string): HTMLElement {
	const items = Array.from(root.querySelectorAll<HTMLElement>(".setting-item"));
	const nameOf = (item: Element): string => item.querySelector(".setting-item-name")?.textContent?.trim() ?? "";
	const found = items.find((item) => nameOf(item) === name);
	if (!found) throw new Error(`No setting named "${name}" (have: ${items.map(nameOf).filter((n) => n !== "").join(", ") || "none"})`);
	return found;
}

/** Elements matching `selector` whose trimmed text is `text`. */
export function findByText(root: ParentNode, selector: string, text: string): HTMLElement[] {
	return Array.from(root.querySelectorAll<HTMLElement>(selector)).filter((el) => el.textContent?.trim() === text);
}
