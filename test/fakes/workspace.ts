// Obsidian's views, leaves and Workspace, flattened: a leaf lives in the main area or the right
// sidebar, in document.body (`.workspace` > `.mod-root` / `.mod-right-split`).
import type { App } from "./app";
import { Component } from "./component";
import { createDiv } from "./dom";
import { Events } from "./events";
import type { TFile } from "./vault";

export abstract class View extends Component {
	app: App;
	leaf: WorkspaceLeaf;
	containerEl = createDiv("workspace-leaf-content");

	constructor(leaf: WorkspaceLeaf) {
		super();
		this.leaf = leaf;
		this.app = leaf.app;
	}

	async onOpen(): Promise<void> {}
	async onClose(): Promise<void> {}
	abstract getViewType(): string;
}

export abstract class ItemView extends View {
	contentEl = this.containerEl.createDiv("view-content");
}

/** An open note (no editor: the plugin never edits through one). */
export class MarkdownView extends ItemView {
	file: TFile | null = null;

	getViewType(): string {
		return "markdown";
	}
}

class EmptyView extends ItemView {
	getViewType(): string {
		return "empty";
	}
}

export type ViewCreator = (leaf: WorkspaceLeaf) => View;

export class WorkspaceLeaf {
	view: View;
	/** Fake-only: where it lives, whether `revealLeaf` was called, whether it was detached. */
	revealed = false;
	detached = false;
	readonly containerEl = createDiv("workspace-leaf");
	#eState: unknown;

	constructor(
		readonly app: App,
		readonly location: "main" | "right",
	) {
		this.view = new EmptyView(this);
	}

	/** Closes the view, then builds the registered one, loads it and awaits its `onOpen`. */
	async setViewState(state: { type: string; active?: boolean }): Promise<void> {
		const creator = this.app.workspace.viewCreators.get(state.type);
		if (!creator) throw new Error(`No view registered for type "${state.type}"`);
		await this.#close();
		this.view = creator(this);
		this.containerEl.appendChild(this.view.containerEl);
		this.view.load();
		await this.view.onOpen();
		if (state.active) this.app.workspace.setActiveLeaf(this);
		this.app.workspace.trigger("layout-change");
	}

	async #close(): Promise<void> {
		this.view.containerEl.detach();
		try {
			await this.view.onClose();
		} finally {
			this.view.unload();
		}
	}

	/** Opens the note in a Markdown view; `eState` (such as `{ line }`) is kept as the leaf's. */
	async openFile(file: TFile, openState: { eState?: unknown; active?: boolean } = {}): Promise<void> {
		await this.setViewState({ type: "markdown" });
		(this.view as MarkdownView).file = file;
		this.#eState = openState.eState;
		if (openState.active ?? this.location === "main") this.app.workspace.setActiveLeaf(this);
	}

	getEphemeralState(): unknown {
		return this.#eState ?? {};
	}

	detach(): void {
		if (this.detached) return;
		this.detached = true;
		this.app.queue.track(this.#close(), `closing the "${this.view.getViewType()}" view`);
		this.containerEl.detach();
		this.app.workspace.removeLeaf(this);
	}
}

export class Workspace extends Events {
	layoutReady = false;
	activeLeaf: WorkspaceLeaf | null = null;
	readonly viewCreators = new Map<string, ViewCreator>([["markdown", (leaf) => new MarkdownView(leaf)]]);
	/** Fake-only: every leaf, in creation order. */
	readonly leaves: WorkspaceLeaf[] = [];
	#layoutCallbacks: (() => unknown)[] = [];
	#lastFile: TFile | null = null;
	#dom: Record<"main" | "right", HTMLElement> | null = null;
	/** The right sidebar: collapsing it hides its element. */
	readonly rightSplit = {
		collapse: (): void => this.#el("right").toggle(false),
		expand: (): void => this.#el("right").toggle(true),
	};

	constructor(readonly app: App) {
		super();
	}

	#el(location: "main" | "right"): HTMLElement {
		if (!this.#dom) {
			const root = document.body.createDiv("workspace");
			root.createDiv("workspace-split mod-left-split");
			this.#dom = { main: root.createDiv("workspace-split mod-root"), right: root.createDiv("workspace-split mod-right-split") };
		}
		return this.#dom[location];
	}

	/** Runs `callback` now when the layout is ready, else at `triggerLayoutReady()`. */
	onLayoutReady(callback: () => unknown): void {
		if (this.layoutReady) this.app.queue.track(callback(), "onLayoutReady callback");
		else this.#layoutCallbacks.push(callback);
	}

	/** Test helper: the app finished starting. */
	triggerLayoutReady(): void {
		if (this.layoutReady) return;
		this.layoutReady = true;
		for (const cb of this.#layoutCallbacks.splice(0)) this.app.queue.track(cb(), "onLayoutReady callback");
		this.trigger("layout-change");
	}

	#newLeaf(location: "main" | "right"): WorkspaceLeaf {
		const leaf = new WorkspaceLeaf(this.app, location);
		this.leaves.push(leaf);
		this.#el(location).appendChild(leaf.containerEl);
		this.trigger("layout-change");
		return leaf;
	}

	removeLeaf(leaf: WorkspaceLeaf): void {
		this.leaves.splice(this.leaves.indexOf(leaf), 1);
		if (this.activeLeaf === leaf) this.activeLeaf = null;
		this.trigger("layout-change");
	}

	/** The active main leaf, else the first main leaf, else a new one. */
	getLeaf(_newLeaf?: boolean): WorkspaceLeaf {
		if (this.activeLeaf?.location === "main") return this.activeLeaf;
		return this.leaves.find((l) => l.location === "main") ?? this.#newLeaf("main");
	}

	getRightLeaf(_split: boolean): WorkspaceLeaf {
		return this.#newLeaf("right");
	}

	getMostRecentLeaf(): WorkspaceLeaf | null {
		return [...this.leaves].reverse().find((l) => l.location === "main") ?? null;
	}

	getLeavesOfType(type: string): WorkspaceLeaf[] {
		return this.leaves.filter((l) => l.view.getViewType() === type);
	}

	detachLeavesOfType(type: string): void {
		for (const leaf of this.getLeavesOfType(type)) leaf.detach();
	}

	/** Expands the leaf's sidebar and marks it `revealed`. */
	async revealLeaf(leaf: WorkspaceLeaf): Promise<void> {
		if (leaf.location === "right") this.rightSplit.expand();
		leaf.revealed = true;
	}

	setActiveLeaf(leaf: WorkspaceLeaf): void {
		this.activeLeaf = leaf;
		if (leaf.view instanceof MarkdownView && leaf.view.file) this.#lastFile = leaf.view.file;
	}

	/** The active note, or else the last one active, while it is in the vault. */
	getActiveFile(): TFile | null {
		const view = this.activeLeaf?.view;
		const file = view instanceof MarkdownView && view.file ? view.file : this.#lastFile;
		return file && this.app.vault.getFileByPath(file.path) === file ? file : null;
	}

	/** Test helper: opens `file` in the main area and makes it active. */
	async setActiveFile(file: TFile): Promise<void> {
		await this.getLeaf(false).openFile(file, { active: true });
	}
}
