// Bases (Obsidian 1.10): a view type the plugin registers, shown over the files a base selects.
// The fake's query is a predicate over the Markdown files (sorted by path), not a `.base` file's
// filters; it runs again, later, after metadata `changed` or `deleted` and vault `rename`.
import type { App } from "./app";
import { Component } from "./component";
import { createDiv } from "./dom";
import type { TFile } from "./vault";

/** The query's result, reduced to what the plugin reads: each row's file. */
export interface BasesQueryResult {
	data: { file: TFile }[];
}

export class QueryController extends Component {
	result: BasesQueryResult;
	view: BasesView | null = null;
	#queued = false;

	constructor(
		readonly app: App,
		private select: (file: TFile) => boolean,
	) {
		super();
		this.result = this.#query();
	}

	onload(): void {
		for (const ref of [this.app.metadataCache.on("changed", () => this.#requery()), this.app.metadataCache.on("deleted", () => this.#requery()), this.app.vault.on("rename", () => this.#requery())]) {
			this.registerEvent(ref);
		}
	}

	/** Fake-only: a new selection (as editing the base's filters does); the query runs again later. */
	setSelection(select: (file: TFile) => boolean): void {
		this.select = select;
		this.#requery();
	}

	#requery(): void {
		if (this.#queued) return;
		this.#queued = true;
		this.app.queue.push(() => {
			this.#queued = false;
			this.result = this.#query();
			if (!this.view) return;
			this.view.data = this.result;
			this.view.onDataUpdated();
		});
	}

	#query(): BasesQueryResult {
		const files = this.app.vault.getMarkdownFiles().filter((f) => this.select(f));
		return { data: files.sort((a, b) => a.path.localeCompare(b.path)).map((file) => ({ file })) };
	}
}

export abstract class BasesView extends Component {
	abstract type: string;
	app: App;
	data: BasesQueryResult;

	protected constructor(controller: QueryController) {
		super();
		this.app = controller.app;
		this.data = controller.result;
	}

	abstract onDataUpdated(): void;
}

export interface BasesViewRegistration {
	name: string;
	icon: string;
	factory: (controller: QueryController, containerEl: HTMLElement) => BasesView;
}

/** Test helper: a base shown in the workspace (see `openBase`). */
export interface OpenBase {
	controller: QueryController;
	view: BasesView;
	containerEl: HTMLElement;
	/** The view unloads and its element goes. */
	close(): void;
}

export const openBases = new Set<OpenBase>();

/** Test helper: shows a view of the registered type `viewType` over the files `select` keeps, as Obsidian shows a base. */
export function openBase(app: App, viewType: string, options: { select?: (file: TFile) => boolean } = {}): OpenBase {
	const registration = app.basesViews[viewType];
	if (!registration) throw new Error(`No Bases view type "${viewType}" is registered`);
	const controller = new QueryController(app, options.select ?? (() => true));
	const containerEl = document.body.appendChild(createDiv("bases-view"));
	const view = (controller.view = registration.factory(controller, containerEl));
	controller.addChild(view);
	controller.load();
	view.onDataUpdated();
	const base: OpenBase = {
		controller,
		view,
		containerEl,
		close: () => {
			controller.unload();
			controller.view = null;
			containerEl.detach();
			openBases.delete(base);
		},
	};
	openBases.add(base);
	return base;
}
