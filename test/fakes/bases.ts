// Obsidian's Bases (1.10): a base's query over the vault, handed to the view types plugins register
// with `registerBasesView`. The fake runs the query with a predicate the test gives (it does not
// read `.base` filters), re-runs it when the metadata cache says a note changed (as Obsidian's
// QueryController does), and gives each run new BasesEntry objects, as the API warns.
import type { App } from "./app";
import { Component } from "./component";
import { requireDom } from "./dom";
import type { EventRef } from "./events";
import type { TFile } from "./vault";

export type BasesPropertyType = "note" | "formula" | "file";
export type BasesPropertyId = `${BasesPropertyType}.${string}`;

export interface BasesProperty {
	type: BasesPropertyType;
	name: string;
}

export function parsePropertyId(propertyId: BasesPropertyId): BasesProperty {
	const dot = propertyId.indexOf(".");
	return { type: propertyId.slice(0, dot) as BasesPropertyType, name: propertyId.slice(dot + 1) };
}

// ---- values ----

export abstract class Value {
	static type = "value";
	static equals(a: Value | null, b: Value | null): boolean {
		return a === b || (a !== null && b !== null && a.constructor === b.constructor && a.toString() === b.toString());
	}
	static looseEquals(a: Value | null, b: Value | null): boolean {
		return a === b || (a !== null && b !== null && a.toString() === b.toString());
	}
	abstract toString(): string;
	abstract isTruthy(): boolean;
	equals(other: this): boolean {
		return Value.equals(this, other);
	}
	looseEquals(other: Value): boolean {
		return Value.looseEquals(this, other);
	}
	renderTo(el: HTMLElement, _ctx?: unknown): void {
		el.setText(this.toString());
	}
}

export abstract class NotNullValue extends Value {}

export class NullValue extends Value {
	static value = new NullValue();
	toString(): string {
		return "";
	}
	isTruthy(): boolean {
		return false;
	}
}

export abstract class PrimitiveValue<T> extends NotNullValue {
	constructor(protected readonly value: T) {
		super();
	}
	toString(): string {
		return String(this.value);
	}
	isTruthy(): boolean {
		return Boolean(this.value);
	}
}

export class StringValue extends PrimitiveValue<string> {
	static type = "string";
}
export class NumberValue extends PrimitiveValue<number> {
	static type = "number";
}
export class BooleanValue extends PrimitiveValue<boolean> {
	static type = "boolean";
}

export class ListValue extends NotNullValue {
	static type = "list";
	readonly #items: Value[];
	constructor(value: unknown[]) {
		super();
		this.#items = value.map(toValue);
	}
	toString(): string {
		return this.#items.map((v) => v.toString()).join(", ");
	}
	isTruthy(): boolean {
		return this.#items.length > 0;
	}
	length(): number {
		return this.#items.length;
	}
	get(index: number): Value | null {
		return this.#items[index] ?? null;
	}
}

/** A frontmatter value as Bases gives it. */
export function toValue(raw: unknown): Value {
	if (raw instanceof Value) return raw;
	if (raw === null || raw === undefined) return NullValue.value;
	if (typeof raw === "string") return new StringValue(raw);
	if (typeof raw === "number") return new NumberValue(raw);
	if (typeof raw === "boolean") return new BooleanValue(raw);
	if (Array.isArray(raw)) return new ListValue(raw);
	return new StringValue(JSON.stringify(raw));
}

// ---- the query's result ----

/** One row of a base: a file, and its properties. */
export class BasesEntry {
	file: TFile;
	readonly #app: App;

	constructor(app: App, file: TFile) {
		this.#app = app;
		this.file = file;
	}

	getValue(propertyId: BasesPropertyId): Value | null {
		const { type, name } = parsePropertyId(propertyId);
		if (type === "file") {
			const f = this.file;
			const fields: Record<string, unknown> = { name: f.name, basename: f.basename, path: f.path, folder: f.parent?.path ?? "", ext: f.extension, size: f.stat.size, mtime: f.stat.mtime, ctime: f.stat.ctime };
			return name in fields ? toValue(fields[name]) : null;
		}
		if (type === "note") {
			const fm = this.#app.metadataCache.getFileCache(this.file)?.frontmatter;
			return fm && Object.prototype.hasOwnProperty.call(fm, name) ? toValue(fm[name]) : NullValue.value;
		}
		// Formulas are not evaluated by the fake.
		return NullValue.value;
	}
}

export class BasesEntryGroup {
	key?: Value;
	entries: BasesEntry[];

	constructor(key: Value | undefined, entries: BasesEntry[]) {
		this.key = key;
		this.entries = entries;
	}

	hasKey(): boolean {
		return this.key !== undefined && !(this.key instanceof NullValue);
	}
}

export class BasesQueryResult {
	data: BasesEntry[];
	readonly #groupBy: BasesPropertyId | null;
	readonly #properties: BasesPropertyId[];

	constructor(data: BasesEntry[], groupBy: BasesPropertyId | null, properties: BasesPropertyId[]) {
		this.data = data;
		this.#groupBy = groupBy;
		this.#properties = properties;
	}

	/** Grouped by the view's `groupBy` property (one group with no key when there is none), in first-seen order. */
	get groupedData(): BasesEntryGroup[] {
		const groupBy = this.#groupBy;
		if (!groupBy) return [new BasesEntryGroup(undefined, this.data.slice())];
		const groups = new Map<string, BasesEntryGroup>();
		for (const entry of this.data) {
			const key = entry.getValue(groupBy) ?? NullValue.value;
			const id = key.toString();
			let group = groups.get(id);
			if (!group) groups.set(id, (group = new BasesEntryGroup(key, [])));
			group.entries.push(entry);
		}
		return [...groups.values()];
	}

	get properties(): BasesPropertyId[] {
		return this.#properties.slice();
	}

	getSummaryValue(_queryController: QueryController, _entries: BasesEntry[], _prop: BasesPropertyId, _summaryKey: string): Value {
		return NullValue.value;
	}
}

export type BasesSortConfig = { property: BasesPropertyId; direction: "ASC" | "DESC" };

/** One entry of a `.base` file's `views:` list, as the fake keeps it. */
export interface BasesViewData {
	type?: string;
	name?: string;
	order?: string[];
	sort?: { property: string; direction: "ASC" | "DESC" }[];
	groupBy?: { property: string; direction?: "ASC" | "DESC" };
	[option: string]: unknown;
}

const asPropertyId = (value: unknown): BasesPropertyId | null => {
	if (typeof value !== "string" || value === "") return null;
	return (/^(note|formula|file)\./.test(value) ? value : `note.${value}`) as BasesPropertyId;
};

export class BasesViewConfig {
	name: string;
	readonly #data: BasesViewData;
	readonly #displayNames: Record<string, string>;

	constructor(data: BasesViewData, displayNames: Record<string, string> = {}) {
		this.#data = { ...data };
		this.name = data.name ?? "View";
		this.#displayNames = displayNames;
	}

	get(key: string): unknown {
		return this.#data[key];
	}

	getAsPropertyId(key: string): BasesPropertyId | null {
		return asPropertyId(this.#data[key]);
	}

	getEvaluatedFormula(_view: BasesView, _key: string): Value {
		return NullValue.value;
	}

	set(key: string, value: unknown): void {
		if (value === null) delete this.#data[key];
		else this.#data[key] = value;
	}

	getOrder(): BasesPropertyId[] {
		return (this.#data.order ?? []).map(asPropertyId).filter((p): p is BasesPropertyId => p !== null);
	}

	getSort(): BasesSortConfig[] {
		return (this.#data.sort ?? []).flatMap((s) => {
			const property = asPropertyId(s.property);
			return property && (s.direction === "ASC" || s.direction === "DESC") ? [{ property, direction: s.direction }] : [];
		});
	}

	getDisplayName(propertyId: BasesPropertyId): string {
		return this.#displayNames[propertyId] ?? parsePropertyId(propertyId).name;
	}

	/** Fake-only: the view's `groupBy` property. */
	groupByProperty(): BasesPropertyId | null {
		return asPropertyId(this.#data.groupBy?.property);
	}
}

/**
 * Runs a base's query and tells its view. The fake's query is `select(file)` over the vault's
 * Markdown files, sorted by path; it runs again (later, as Obsidian's does) after the metadata
 * cache reports a change, a deletion or a rename.
 */
export class QueryController extends Component {
	readonly app: App;
	readonly config: BasesViewConfig;
	result: BasesQueryResult;
	view: BasesView | null = null;
	/** Fake-only: how many times the query ran. */
	runs = 0;
	#select: (file: TFile) => boolean;
	#pending = false;

	constructor(app: App, config: BasesViewConfig, select: (file: TFile) => boolean) {
		super();
		this.app = app;
		this.config = config;
		this.#select = select;
		this.result = this.#query();
	}

	onload(): void {
		const later = (): void => this.requery();
		const refs: EventRef[] = [this.app.metadataCache.on("changed", later), this.app.metadataCache.on("deleted", later), this.app.vault.on("rename", later)];
		for (const ref of refs) this.registerEvent(ref);
	}

	/** Fake-only: a new selection (as editing the base's filters does); the query runs again later. */
	setSelection(select: (file: TFile) => boolean): void {
		this.#select = select;
		this.requery();
	}

	/** Queues a new run of the query (runs coalesce). */
	requery(): void {
		if (this.#pending) return;
		this.#pending = true;
		this.app.queue.push(() => {
			this.#pending = false;
			this.runNow();
		});
	}

	/** Runs the query now and hands the view the new result. */
	runNow(): void {
		if (!this.view) return;
		this.result = this.#query();
		this.view.data = this.result;
		this.view.onDataUpdated();
	}

	#query(): BasesQueryResult {
		this.runs++;
		const files = this.app.vault
			.getMarkdownFiles()
			.filter((f) => this.#select(f))
			.sort((a, b) => a.path.localeCompare(b.path));
		return new BasesQueryResult(
			files.map((f) => new BasesEntry(this.app, f)),
			this.config.groupByProperty(),
			this.config.getOrder(),
		);
	}
}

export abstract class BasesView extends Component {
	abstract type: string;
	app: App;
	config: BasesViewConfig;
	allProperties: BasesPropertyId[] = [];
	data: BasesQueryResult;

	protected constructor(controller: QueryController) {
		super();
		this.app = controller.app;
		this.config = controller.config;
		this.data = controller.result;
	}

	abstract onDataUpdated(): void;

	createFileForView(_baseFileName?: string, _frontmatterProcessor?: (frontmatter: unknown) => void): Promise<void> {
		return Promise.resolve();
	}
}

export type BasesViewFactory = (controller: QueryController, containerEl: HTMLElement) => BasesView;

export interface BasesViewRegistration {
	name: string;
	icon: string;
	factory: BasesViewFactory;
	options?: (config: BasesViewConfig) => unknown[];
}

/** Test helper: a base shown in the workspace (see `openBase`). */
export interface OpenBase {
	controller: QueryController;
	view: BasesView;
	containerEl: HTMLElement;
	/** Closes the base: the view unloads and its element is removed. */
	close(): void;
}

const openBases = new Set<OpenBase>();

/**
 * Test helper: opens a base whose view is of type `viewType` (registered with
 * `registerBasesView`), over the files `select` keeps, as Obsidian shows a `.base` file: the
 * factory builds the view under the toolbar, the view loads, then gets its first `onDataUpdated`.
 */
export function openBase(app: App, viewType: string, options: { select?: (file: TFile) => boolean; view?: BasesViewData; displayNames?: Record<string, string> } = {}): OpenBase {
	requireDom("A base");
	const registration = app.basesViews[viewType];
	if (!registration) throw new Error(`No Bases view type "${viewType}" is registered (have: ${Object.keys(app.basesViews).join(", ") || "none"})`);
	const config = new BasesViewConfig({ type: viewType, name: registration.name, ...options.view }, options.displayNames);
	const controller = new QueryController(app, config, options.select ?? (() => true));
	const root = document.body.createDiv("bases-view-container");
	const containerEl = root.createDiv("bases-view");
	const view = registration.factory(controller, containerEl);
	if (!(view instanceof BasesView)) throw new Error("A Bases view factory must return a BasesView");
	controller.view = view;
	controller.addChild(view);
	controller.load();
	view.onDataUpdated();
	const base: OpenBase = {
		controller,
		view,
		containerEl,
		close: () => {
			controller.unload();
			root.detach();
			openBases.delete(base);
		},
	};
	openBases.add(base);
	return base;
}

/** Closes every base left open (resetFakes). */
export function closeOpenBases(): void {
	for (const base of [...openBases]) base.close();
}
