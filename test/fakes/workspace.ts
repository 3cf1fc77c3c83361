// Obsidian's views, leaves and Workspace, flattened: leaves live in "main", "left" or "right".
import type { App } from "./app";
import { Component } from "./component";
import { createDiv, requireDom } from "./dom";
import { Editor } from "./editor";
import { Events, reportError, type AnyCallback, type EventRef } from "./events";
import { Menu } from "./ui";
import { debounce, getLinkpath, normalizePath, setIcon, setTooltip } from "./util";
import { TFile, type TAbstractFile } from "./vault";

export interface ViewState {
	type: string;
	state?: Record<string, unknown>;
	active?: boolean;
	pinned?: boolean;
	group?: WorkspaceLeaf;
}

export interface ViewStateResult {
	history: boolean;
}

export interface OpenViewState {
	state?: Record<string, unknown>;
	eState?: Record<string, unknown>;
	active?: boolean;
	group?: WorkspaceLeaf;
}

export type ViewCreator = (leaf: WorkspaceLeaf) => View;
export type PaneType = "tab" | "split" | "window";
export type Side = "left" | "right";
export type LeafLocation = "main" | Side;

// ---- views ----

export abstract class View extends Component {
	app: App;
	icon = "";
	navigation = false;
	leaf: WorkspaceLeaf;
	containerEl: HTMLElement;
	scope: unknown = null;

	constructor(leaf: WorkspaceLeaf) {
		super();
		requireDom("A view");
		this.leaf = leaf;
		this.app = leaf.app;
		this.containerEl = createDiv("workspace-leaf-content");
	}

	/** Called by the leaf once the view is in place (Obsidian: `protected`). */
	async onOpen(): Promise<void> {}

	/** Called by the leaf before the view goes away (Obsidian: `protected`). */
	async onClose(): Promise<void> {}

	abstract getViewType(): string;
	abstract getDisplayText(): string;

	getState(): Record<string, unknown> {
		return {};
	}

	async setState(_state: unknown, _result: ViewStateResult): Promise<void> {}

	getEphemeralState(): Record<string, unknown> {
		return {};
	}

	setEphemeralState(_state: unknown): void {}

	getIcon(): string {
		return this.icon;
	}

	onResize(): void {}

	onPaneMenu(_menu: Menu, _source: string): void {}
}

export abstract class ItemView extends View {
	contentEl: HTMLElement;
	/** Fake-only: the header's action bar (where `addAction` puts its buttons). */
	readonly actionsEl: HTMLElement;

	constructor(leaf: WorkspaceLeaf) {
		super(leaf);
		const headerEl = this.containerEl.createDiv("view-header");
		headerEl.createDiv("view-header-title-container").createDiv("view-header-title");
		this.actionsEl = headerEl.createDiv("view-actions");
		this.contentEl = this.containerEl.createDiv("view-content");
	}

	addAction(icon: string, title: string, callback: (evt: MouseEvent) => unknown): HTMLElement {
		const el = this.actionsEl.createEl("a", { cls: "clickable-icon view-action", attr: { "aria-label": title } });
		setIcon(el, icon);
		setTooltip(el, title);
		el.addEventListener("click", (evt) => this.app.queue.track(callback(evt), `view action "${title}"`));
		this.actionsEl.prepend(el);
		return el;
	}
}

class EmptyView extends ItemView {
	navigation = true;

	getViewType(): string {
		return "empty";
	}

	getDisplayText(): string {
		return "New tab";
	}
}

export abstract class FileView extends ItemView {
	allowNoFile = false;
	file: TFile | null = null;
	navigation = true;

	getDisplayText(): string {
		return this.file ? this.file.basename : "No file";
	}

	onload(): void {
		this.registerEvent(
			this.app.vault.on("rename", (file) => {
				if (file instanceof TFile && file === this.file) this.app.queue.track(this.onRename(file), "FileView.onRename");
			}),
		);
		this.registerEvent(
			this.app.vault.on("delete", (file) => {
				if (file === this.file) this.leaf.detach();
			}),
		);
	}

	getState(): Record<string, unknown> {
		return this.file ? { file: this.file.path } : {};
	}

	async setState(state: unknown, _result: ViewStateResult): Promise<void> {
		const path = typeof state === "object" && state !== null ? (state as { file?: unknown }).file : undefined;
		if (typeof path !== "string") return;
		const file = this.app.vault.getFileByPath(path);
		if (!file) throw new Error(`No file at ${path}`);
		if (file === this.file) return;
		if (this.file) await this.onUnloadFile(this.file);
		this.file = file;
		await this.onLoadFile(file);
	}

	async onLoadFile(_file: TFile): Promise<void> {}

	async onUnloadFile(_file: TFile): Promise<void> {}

	async onRename(_file: TFile): Promise<void> {}

	canAcceptExtension(_extension: string): boolean {
		return false;
	}

	async onClose(): Promise<void> {
		if (this.file) await this.onUnloadFile(this.file);
	}
}

export abstract class EditableFileView extends FileView {}

export abstract class TextFileView extends EditableFileView {
	data = "";
	requestSave: () => void = () => void this.save();

	async onLoadFile(file: TFile): Promise<void> {
		this.data = await this.app.vault.read(file);
		this.setViewData(this.data, true);
	}

	async onUnloadFile(_file: TFile): Promise<void> {
		this.clear();
	}

	/** Writes the view's data to the file when it differs. */
	async save(_clear?: boolean): Promise<void> {
		if (!this.file) return;
		const data = this.getViewData();
		if (this.app.vault.readText(this.file) !== data) this.app.vault.writeText(this.file, data);
		this.data = data;
	}

	abstract getViewData(): string;
	abstract setViewData(data: string, clear: boolean): void;
	abstract clear(): void;
}

/**
 * A Markdown editor tab. The editor writes straight to the file (Obsidian saves a moment later) and
 * reloads when the file changes on disk, keeping the cursor where it can.
 */
export class MarkdownView extends TextFileView {
	editor: Editor;
	hoverPopover: null = null;
	previewMode = { rerender: (_full?: boolean): void => undefined };

	constructor(leaf: WorkspaceLeaf) {
		super(leaf);
		this.editor = new Editor((text) => {
			if (!this.file) return;
			this.data = text;
			if (this.app.vault.readText(this.file) !== text) this.app.vault.writeText(this.file, text);
			this.app.workspace.trigger("editor-change", this.editor, this);
		});
	}

	onload(): void {
		super.onload();
		this.registerEvent(
			this.app.vault.on("modify", (file) => {
				if (file !== this.file || !(file instanceof TFile)) return;
				const text = this.app.vault.readText(file);
				if (text !== this.editor.getValue()) this.setViewData(text, false);
			}),
		);
	}

	getViewType(): string {
		return "markdown";
	}

	getMode(): "source" | "preview" {
		return "source";
	}

	getViewData(): string {
		return this.editor.getValue();
	}

	setViewData(data: string, clear: boolean): void {
		this.data = data;
		this.editor.loadText(data);
		if (clear) this.editor.setCursor(0, 0);
	}

	clear(): void {
		this.editor.loadText("");
	}

	canAcceptExtension(extension: string): boolean {
		return extension === "md";
	}

	/** `{ line }` (as `openFile(file, { eState: { line } })` passes) puts the cursor on that line. */
	setEphemeralState(state: unknown): void {
		const line = typeof state === "object" && state !== null ? (state as { line?: unknown }).line : undefined;
		if (typeof line === "number") this.editor.setCursor(line, 0);
	}

	getEphemeralState(): Record<string, unknown> {
		return { line: this.editor.getCursor().line };
	}

	showSearch(_replace?: boolean): void {}
}

// ---- leaves ----

let leafCounter = 0;

export class WorkspaceLeaf extends Events {
	readonly app: App;
	readonly id: string;
	/** Fake-only: where the leaf lives. */
	readonly location: LeafLocation;
	view: View;
	pinned = false;
	group: string | null = null;
	hoverPopover: null = null;
	/** Fake-only: whether `workspace.revealLeaf` was called for it. */
	revealed = false;
	/** Fake-only: whether the leaf was detached. */
	detached = false;
	readonly containerEl: HTMLElement;
	#eState: unknown = undefined;

	constructor(app: App, location: LeafLocation) {
		super();
		requireDom("A workspace leaf");
		this.app = app;
		this.location = location;
		this.id = `leaf-${++leafCounter}`;
		this.containerEl = createDiv("workspace-leaf");
		this.view = new EmptyView(this);
		this.containerEl.appendChild(this.view.containerEl);
		this.view.load();
	}

	get isDeferred(): boolean {
		return false;
	}

	async loadIfDeferred(): Promise<void> {}

	getViewState(): ViewState {
		return { type: this.view.getViewType(), state: this.view.getState(), active: this.app.workspace.activeLeaf === this, pinned: this.pinned };
	}

	/** Replaces the view: closes the old one, builds the registered view, `onOpen`, then `setState`. */
	async setViewState(viewState: ViewState, eState?: unknown): Promise<void> {
		const creator = this.app.workspace.viewCreator(viewState.type);
		if (!creator) throw new Error(`No view registered for type "${viewState.type}"`);
		await this.#closeView();
		const view = creator(this);
		this.view = view;
		this.containerEl.appendChild(view.containerEl);
		view.load();
		await view.onOpen();
		await view.setState(viewState.state ?? {}, { history: false });
		if (eState !== undefined) this.setEphemeralState(eState);
		if (viewState.pinned !== undefined) this.setPinned(viewState.pinned);
		if (viewState.active) this.app.workspace.setActiveLeaf(this, { focus: true });
		this.app.workspace.trigger("layout-change");
	}

	async open(view: View): Promise<View> {
		await this.#closeView();
		this.view = view;
		this.containerEl.appendChild(view.containerEl);
		view.load();
		await view.onOpen();
		return view;
	}

	async #closeView(): Promise<void> {
		const old = this.view;
		old.containerEl.detach();
		try {
			await old.onClose();
		} finally {
			old.unload();
		}
	}

	/** Opens the file in a Markdown view (active unless `openState.active` is false, or in a sidebar). */
	async openFile(file: TFile, openState: OpenViewState = {}): Promise<void> {
		const active = openState.active ?? this.location === "main";
		await this.setViewState({ type: "markdown", state: { ...(openState.state ?? {}), file: file.path }, active: false }, openState.eState);
		this.app.workspace.recordOpen(file);
		if (active) this.app.workspace.setActiveLeaf(this, { focus: true });
		else if (this.app.workspace.activeLeaf === this) this.app.workspace.trigger("file-open", file);
	}

	getEphemeralState(): unknown {
		return this.#eState ?? this.view.getEphemeralState();
	}

	setEphemeralState(state: unknown): void {
		this.#eState = state;
		this.view.setEphemeralState(state);
	}

	togglePinned(): void {
		this.setPinned(!this.pinned);
	}

	setPinned(pinned: boolean): void {
		if (this.pinned === pinned) return;
		this.pinned = pinned;
		this.trigger("pinned-change", pinned);
	}

	setGroupMember(other: WorkspaceLeaf): void {
		this.setGroup(other.group ?? other.id);
	}

	setGroup(group: string): void {
		this.group = group;
		this.trigger("group-change", group);
	}

	/** Removes the leaf; its view's `onClose` runs (awaited by `app.settle()`). */
	detach(): void {
		if (this.detached) return;
		this.detached = true;
		this.app.queue.track(this.#closeView(), `closing the "${this.view.getViewType()}" view`);
		this.containerEl.detach();
		this.app.workspace.removeLeaf(this);
	}

	getIcon(): string {
		return this.view.getIcon();
	}

	getDisplayText(): string {
		return this.view.getDisplayText();
	}

	onResize(): void {
		this.view.onResize();
	}

	getRoot(): unknown {
		return this.location === "main" ? this.app.workspace.rootSplit : this.location === "left" ? this.app.workspace.leftSplit : this.app.workspace.rightSplit;
	}

	getContainer(): unknown {
		return this.app.workspace.rootSplit;
	}
}

/** A sidebar: collapsed (its element hidden) or expanded. */
export class WorkspaceSidedock {
	collapsed = false;
	#el: HTMLElement | null = null;

	/** Internal: the sidebar's element, once the workspace has a DOM. */
	attach(el: HTMLElement): void {
		this.#el = el;
		this.#apply();
	}

	get containerEl(): HTMLElement | null {
		return this.#el;
	}

	expand(): void {
		this.collapsed = false;
		this.#apply();
	}

	collapse(): void {
		this.collapsed = true;
		this.#apply();
	}

	toggle(): void {
		this.collapsed = !this.collapsed;
		this.#apply();
	}

	#apply(): void {
		this.#el?.toggle(!this.collapsed);
	}
}

export class WorkspaceRoot {}

export class Workspace extends Events {
	readonly app: App;
	layoutReady = false;
	activeLeaf: WorkspaceLeaf | null = null;
	leftSplit = new WorkspaceSidedock();
	rightSplit = new WorkspaceSidedock();
	rootSplit = new WorkspaceRoot();
	leftRibbon = {};
	rightRibbon = {};
	requestSaveLayout = debounce(async (): Promise<void> => undefined, 0);
	/** Test log: every `openLinkText` call. */
	readonly openedLinks: { linktext: string; sourcePath: string; newLeaf?: PaneType | boolean }[] = [];

	readonly #leaves: WorkspaceLeaf[] = [];
	readonly #views = new Map<string, ViewCreator>();
	readonly #layoutCallbacks: (() => unknown)[] = [];
	#lastFile: TFile | null = null;
	#lastOpen: string[] = [];
	#dom: Record<"root" | LeafLocation, HTMLElement> | null = null;

	constructor(app: App) {
		super();
		this.app = app;
		this.#views.set("empty", (leaf) => new EmptyView(leaf));
		this.#views.set("markdown", (leaf) => new MarkdownView(leaf));
	}

	/** The workspace element (in document.body): left sidebar, main area, right sidebar. */
	get containerEl(): HTMLElement {
		requireDom("workspace.containerEl");
		return this.#ensureDom().root;
	}

	#ensureDom(): Record<"root" | LeafLocation, HTMLElement> {
		if (!this.#dom) {
			const root = document.body.createDiv("workspace");
			const left = root.createDiv("workspace-split mod-horizontal mod-left-split");
			const main = root.createDiv("workspace-split mod-vertical mod-root");
			const right = root.createDiv("workspace-split mod-horizontal mod-right-split");
			this.leftSplit.attach(left);
			this.rightSplit.attach(right);
			this.#dom = { root, left, main, right };
		}
		if (!this.#dom.root.isConnected) document.body.appendChild(this.#dom.root);
		return this.#dom;
	}

	// ---- view registry (Plugin.registerView) ----

	registerViewType(type: string, creator: ViewCreator): void {
		if (this.#views.has(type)) throw new Error(`A view of type "${type}" is already registered`);
		this.#views.set(type, creator);
	}

	unregisterViewType(type: string): void {
		this.#views.delete(type);
	}

	viewCreator(type: string): ViewCreator | undefined {
		return this.#views.get(type);
	}

	// ---- layout ----

	/** Runs `callback` now when the layout is ready, else when the test calls `triggerLayoutReady()`. */
	onLayoutReady(callback: () => unknown): void {
		if (this.layoutReady) this.app.queue.track(callback(), "onLayoutReady callback");
		else this.#layoutCallbacks.push(callback);
	}

	/** Test helper: the app finished starting; runs the `onLayoutReady` callbacks in order. */
	triggerLayoutReady(): void {
		if (this.layoutReady) return;
		this.layoutReady = true;
		for (const cb of this.#layoutCallbacks.splice(0, this.#layoutCallbacks.length)) {
			try {
				this.app.queue.track(cb(), "onLayoutReady callback");
			} catch (error) {
				reportError(error, "onLayoutReady callback");
			}
		}
		this.trigger("layout-change");
	}

	async changeLayout(_workspace: unknown): Promise<void> {}

	getLayout(): Record<string, unknown> {
		return { leaves: this.#leaves.map((l) => ({ id: l.id, location: l.location, state: l.getViewState() })) };
	}

	// ---- leaves ----

	#newLeaf(location: LeafLocation): WorkspaceLeaf {
		const leaf = new WorkspaceLeaf(this.app, location);
		this.#leaves.push(leaf);
		this.#ensureDom()[location].appendChild(leaf.containerEl);
		this.trigger("layout-change");
		return leaf;
	}

	/** Internal: called by `leaf.detach()`. */
	removeLeaf(leaf: WorkspaceLeaf): void {
		const i = this.#leaves.indexOf(leaf);
		if (i < 0) return;
		this.#leaves.splice(i, 1);
		if (this.activeLeaf === leaf) {
			this.activeLeaf = null;
			const next = this.getMostRecentLeaf();
			if (next) this.setActiveLeaf(next);
			else this.trigger("active-leaf-change", null);
		}
		this.trigger("layout-change");
	}

	/** `false`/none: the active (or first) reusable main leaf, else a new one; anything else: a new tab. */
	getLeaf(newLeaf?: PaneType | boolean, _direction?: "vertical" | "horizontal"): WorkspaceLeaf {
		if (newLeaf === undefined || newLeaf === false) {
			const reusable = (l: WorkspaceLeaf | null): l is WorkspaceLeaf => !!l && l.location === "main" && !l.pinned && l.view.navigation;
			if (reusable(this.activeLeaf)) return this.activeLeaf;
			const found = this.#leaves.find(reusable);
			if (found) return found;
		}
		return this.#newLeaf("main");
	}

	getUnpinnedLeaf(): WorkspaceLeaf {
		return this.getLeaf(false);
	}

	createLeafBySplit(_leaf: WorkspaceLeaf, _direction?: "vertical" | "horizontal", _before?: boolean): WorkspaceLeaf {
		return this.#newLeaf("main");
	}

	splitActiveLeaf(_direction?: "vertical" | "horizontal"): WorkspaceLeaf {
		return this.#newLeaf("main");
	}

	async duplicateLeaf(leaf: WorkspaceLeaf): Promise<WorkspaceLeaf> {
		const copy = this.#newLeaf(leaf.location);
		await copy.setViewState(leaf.getViewState());
		return copy;
	}

	/** A new leaf in the left sidebar. */
	getLeftLeaf(_split: boolean): WorkspaceLeaf | null {
		return this.#newLeaf("left");
	}

	/** A new leaf in the right sidebar. */
	getRightLeaf(_split: boolean): WorkspaceLeaf | null {
		return this.#newLeaf("right");
	}

	async ensureSideLeaf(type: string, side: Side, options: { active?: boolean; split?: boolean; reveal?: boolean; state?: unknown } = {}): Promise<WorkspaceLeaf> {
		let leaf = this.getLeavesOfType(type).find((l) => l.location === side);
		if (!leaf) {
			leaf = this.#newLeaf(side);
			await leaf.setViewState({ type, state: (options.state as Record<string, unknown> | undefined) ?? {}, active: options.active });
		} else if (options.active) {
			this.setActiveLeaf(leaf);
		}
		if (options.reveal ?? true) await this.revealLeaf(leaf);
		return leaf;
	}

	getLeafById(id: string): WorkspaceLeaf | null {
		return this.#leaves.find((l) => l.id === id) ?? null;
	}

	getGroupLeaves(group: string): WorkspaceLeaf[] {
		return this.#leaves.filter((l) => l.group === group);
	}

	getMostRecentLeaf(): WorkspaceLeaf | null {
		return [...this.#leaves].reverse().find((l) => l.location === "main") ?? null;
	}

	getLeavesOfType(viewType: string): WorkspaceLeaf[] {
		return this.#leaves.filter((l) => l.view.getViewType() === viewType);
	}

	detachLeavesOfType(viewType: string): void {
		for (const leaf of this.getLeavesOfType(viewType)) leaf.detach();
	}

	iterateAllLeaves(callback: (leaf: WorkspaceLeaf) => unknown): void {
		for (const leaf of [...this.#leaves]) callback(leaf);
	}

	iterateRootLeaves(callback: (leaf: WorkspaceLeaf) => unknown): void {
		for (const leaf of this.#leaves.filter((l) => l.location === "main")) callback(leaf);
	}

	/** Test helper: every leaf, in creation order. */
	get leaves(): readonly WorkspaceLeaf[] {
		return this.#leaves;
	}

	/** Expands the leaf's sidebar and marks the leaf `revealed`. */
	async revealLeaf(leaf: WorkspaceLeaf): Promise<void> {
		if (leaf.location === "left") this.leftSplit.expand();
		if (leaf.location === "right") this.rightSplit.expand();
		leaf.revealed = true;
	}

	setActiveLeaf(leaf: WorkspaceLeaf, _params?: { focus?: boolean } | boolean, _focus?: boolean): void {
		if (leaf.detached) return;
		const changed = this.activeLeaf !== leaf;
		this.activeLeaf = leaf;
		const view = leaf.view;
		const file = view instanceof FileView ? view.file : null;
		const fileChanged = file !== null && file !== this.#lastFile;
		if (file) this.#lastFile = file;
		if (changed) this.trigger("active-leaf-change", leaf);
		if (fileChanged || (changed && file)) this.trigger("file-open", file);
	}

	/** Internal: remembers recently opened files. */
	recordOpen(file: TFile): void {
		this.#lastOpen = [file.path, ...this.#lastOpen.filter((p) => p !== file.path)].slice(0, 10);
	}

	getLastOpenFiles(): string[] {
		return [...this.#lastOpen];
	}

	getActiveViewOfType<T extends View>(type: abstract new (...args: never[]) => T): T | null {
		const view = this.activeLeaf?.view;
		return view instanceof type ? view : null;
	}

	/** The file of the active view, or else the last file that was active in the main area. */
	getActiveFile(): TFile | null {
		const view = this.activeLeaf?.view;
		if (view instanceof FileView && view.file) return view.file;
		const last = this.#lastFile;
		return last && this.app.vault.getFileByPath(last.path) === last ? last : null;
	}

	/** The active Markdown view (it carries `app`, `file` and `editor`), or null. */
	get activeEditor(): MarkdownView | null {
		return this.getActiveViewOfType(MarkdownView);
	}

	/** Opens the linked file (created in the vault root when the link resolves to nothing, as Obsidian does). */
	async openLinkText(linktext: string, sourcePath: string, newLeaf?: PaneType | boolean, openViewState?: OpenViewState): Promise<void> {
		this.openedLinks.push({ linktext, sourcePath, newLeaf });
		const path = getLinkpath(linktext);
		let file = this.app.metadataCache.getFirstLinkpathDest(path, sourcePath);
		if (!file) file = await this.app.vault.create(normalizePath(/\.[^/]+$/.test(path) ? path : `${path}.md`), "");
		await this.getLeaf(newLeaf).openFile(file, openViewState);
	}

	/** Test helper: opens `file` in a Markdown tab and makes it the active leaf. */
	async setActiveFile(file: TFile): Promise<MarkdownView> {
		const leaf = this.getLeaf(false);
		await leaf.openFile(file, { active: true });
		const view = leaf.view;
		if (!(view instanceof MarkdownView)) throw new Error("setActiveFile: the leaf did not open a Markdown view");
		return view;
	}

	/** Test helper: a right click on a file: fires `file-menu` into a new menu, shows it and returns it. */
	openFileMenu(file: TAbstractFile, source = "file-explorer-context-menu"): Menu {
		const menu = new Menu();
		this.trigger("file-menu", menu, file, source);
		menu.showAtPosition({ x: 0, y: 0 });
		return menu;
	}

	/** Test helper: a right click in the editor of `view`: fires `editor-menu` into a new menu, shows it and returns it. */
	openEditorMenu(view: MarkdownView): Menu {
		const menu = new Menu();
		this.trigger("editor-menu", menu, view.editor, view);
		menu.showAtPosition({ x: 0, y: 0 });
		return menu;
	}

	handleLinkContextMenu(_menu: Menu, _linktext: string, _sourcePath: string): boolean {
		return false;
	}

	updateOptions(): void {}

	on(name: "active-leaf-change", callback: (leaf: WorkspaceLeaf | null) => unknown, ctx?: unknown): EventRef;
	on(name: "file-open", callback: (file: TFile | null) => unknown, ctx?: unknown): EventRef;
	on(name: "layout-change" | "resize" | "css-change", callback: () => unknown, ctx?: unknown): EventRef;
	on(name: "file-menu", callback: (menu: Menu, file: TAbstractFile, source: string, leaf?: WorkspaceLeaf) => unknown, ctx?: unknown): EventRef;
	on(name: "editor-change", callback: (editor: Editor, info: MarkdownView) => unknown, ctx?: unknown): EventRef;
	on(name: "editor-menu", callback: (menu: Menu, editor: Editor, info: MarkdownView) => unknown, ctx?: unknown): EventRef;
	on(name: string, callback: AnyCallback, ctx?: unknown): EventRef;
	on(name: string, callback: AnyCallback, ctx?: unknown): EventRef {
		return super.on(name, callback, ctx);
	}
}
