// The plugin's start as Obsidian makes it, in the harness page, measured for the bench
// (bench/browserIndex.ts): the page (`?start=manual`) fills the vault and builds the app (Obsidian's
// own work: the file tree, the metadata cache), then waits. `start()` loads the plugin, opens its
// view as a restored layout would, makes the layout ready, and records every long task (≥ 50 ms,
// Chromium's Long Tasks API) until the index is ready and the persisted index written after it.
// As in Obsidian, reads (and the adapter's calls) resolve in a task of their own, and
// `getFileCache` is a lookup (see `asyncIo`, `cachedMetadata`).
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import TouchbasePlugin from "../../../src/plugin/main";
import { App, makeManifest, whenLoaded, type TFile } from "../../fakes/obsidian";

export interface LongTask {
	/** When it began, in ms from the plugin's start (negative: it began before, in the harness's own task). */
	startMs: number;
	durationMs: number;
}

/**
 * A long animation frame (≥ 50 ms, Chromium's Long Animation Frames API): the tasks of one frame
 * and its rendering. Long tasks leave out the rendering (style, layout, paint); this does not.
 */
export interface LongFrame {
	startMs: number;
	durationMs: number;
	/** Its rendering (style, layout, paint), ms. */
	renderMs: number;
}

export interface StartMeasure {
	/** The page's `performance.now()` when the plugin started: the origin of the times below. */
	origin: number;
	/** From the plugin's construction until the index is ready (every note read, the view drawn). */
	readyMs: number;
	/** When the persisted index had been written after the first index (ms from the start); null: not within 10 s. */
	savedMs: number | null;
	/** Notes in the vault, the prospects the index found, and the notes it read (not taken from the persisted index). */
	notes: number;
	prospects: number;
	notesRead: number;
	/** Every long task from the plugin's start until the index was saved (or 10 s after it was ready). */
	longTasks: LongTask[];
	/** The long animation frames of the same span. */
	longFrames: LongFrame[];
}

export interface StartHarness {
	/** Writes files into the plugin's folder (name → text), as the last session left them. Before `start()`. */
	seedPluginFiles(files: Record<string, string>): void;
	/** The plugin folder's files (name → text), as `start()` left them. */
	pluginFiles(): Record<string, string>;
	/** Starts the plugin (once per page); `view` (default true): its view is in the restored layout. */
	start(options?: { view?: boolean }): Promise<StartMeasure>;
}

// ---- I/O that resolves in a task of its own, as Obsidian's (the fake's resolves at once) ----

const channel = new MessageChannel();
const waiting: (() => void)[] = [];
channel.port1.onmessage = () => waiting.shift()?.();

/** A macrotask: unlike setTimeout(0), never clamped to 4 ms when nested. */
function macrotask(): Promise<void> {
	return new Promise((resolve) => {
		waiting.push(resolve);
		channel.port2.postMessage(null);
	});
}

async function later<T>(work: () => T | Promise<T>): Promise<T> {
	await macrotask();
	return work();
}

/**
 * Obsidian's `getFileCache` is a lookup; the fake's checks the file against the vault's tree (a path
 * normalised per call), which would add half the plugin's own time to its pass over the notes at
 * start. The notes do not change while the bench runs: their caches, looked up by path.
 */
function cachedMetadata(app: App): void {
	const { metadataCache } = app;
	const caches = new Map(app.vault.getMarkdownFiles().map((file) => [file.path, metadataCache.getFileCache(file)]));
	metadataCache.getFileCache = (file: TFile) => caches.get(file.path) ?? null;
}

/** Makes the vault's reads and the adapter's calls resolve in a later task, as on a disk. Counts the notes read. */
function asyncIo(app: App): { notesRead: number } {
	const counts = { notesRead: 0 };
	const { vault } = app;
	const { adapter } = vault;
	const read = vault.read.bind(vault);
	const cachedRead = vault.cachedRead.bind(vault);
	vault.read = (file: TFile) => {
		counts.notesRead++;
		return later(() => read(file));
	};
	vault.cachedRead = (file: TFile) => {
		counts.notesRead++;
		return later(() => cachedRead(file));
	};
	const exists = adapter.exists.bind(adapter);
	const readText = adapter.read.bind(adapter);
	const write = adapter.write.bind(adapter);
	const rename = adapter.rename.bind(adapter);
	const remove = adapter.remove.bind(adapter);
	adapter.exists = (path: string, sensitive?: boolean) => later(() => exists(path, sensitive));
	adapter.read = (path: string) => later(() => readText(path));
	adapter.write = (path: string, data: string) => later(() => write(path, data));
	adapter.rename = (from: string, to: string) => later(() => rename(from, to));
	adapter.remove = (path: string) => later(() => remove(path));
	return counts;
}

// ---- what Chromium reports ----

interface AnimationFrameTiming extends PerformanceEntry {
	renderStart: number;
}

function frameOf(entry: AnimationFrameTiming, t0: number): LongFrame {
	const end = entry.startTime + entry.duration;
	return { startMs: entry.startTime - t0, durationMs: entry.duration, renderMs: entry.renderStart > 0 ? end - entry.renderStart : 0 };
}

// ---- the harness ----

interface Started {
	load(): void;
	index: { ready: boolean; report(): { entries: unknown[] }; onChange(listener: () => void): () => void };
	openView(): Promise<void>;
}

/** The app over the vault folder `vault` (filled already); the plugin is not loaded. */
export function createStartHarness(vault: string): StartHarness {
	const app = new App(vault);
	cachedMetadata(app);
	const io = asyncIo(app);
	const manifest = makeManifest();
	manifest.dir = `${app.vault.configDir}/plugins/${manifest.id}`;
	const folder = app.vault.diskPath(manifest.dir);
	mkdirSync(folder, { recursive: true });
	writeFileSync(`${folder}/manifest.json`, JSON.stringify(manifest, null, "\t"));
	const cachePath = `${manifest.dir}/index-cache.json`;
	let started = false;

	return {
		seedPluginFiles(files) {
			for (const [name, text] of Object.entries(files)) writeFileSync(`${folder}/${name}`, text);
		},
		pluginFiles() {
			const out: Record<string, string> = {};
			for (const name of readdirSync(folder)) out[name] = readFileSync(`${folder}/${name}`, "utf8");
			return out;
		},
		async start({ view = true } = {}) {
			if (started) throw new Error("start(): the plugin starts once per page");
			started = true;
			// The harness's own garbage (the page's copy of the vault, the seeded files) is not the plugin's to collect.
			(window as { gc?: () => void }).gc?.();
			const tasks: PerformanceEntry[] = [];
			const frames: AnimationFrameTiming[] = [];
			const observer = new PerformanceObserver((list) => tasks.push(...list.getEntries()));
			observer.observe({ type: "longtask" });
			const frameObserver = new PerformanceObserver((list) => frames.push(...(list.getEntries() as AnimationFrameTiming[])));
			if (PerformanceObserver.supportedEntryTypes.includes("long-animation-frame")) frameObserver.observe({ type: "long-animation-frame" });
			// The caller's task ends here: what follows runs in tasks of the plugin's own.
			await macrotask();

			let saved: () => void = () => undefined;
			const written = new Promise<void>((resolve) => (saved = resolve));
			const rename = app.vault.adapter.rename.bind(app.vault.adapter);
			// The index is written as several files (index-cache.json, index-cache-1.json …): saved
			// once none followed the last for 300 ms.
			const shardOf = new RegExp(`^${cachePath.replace(/[.*+?^${}()|[\]\\]/g, "\\$&").replace(/\\\.json$/, "")}(-\\d+)?\\.json$`);
			let quiet: number | undefined;
			app.vault.adapter.rename = async (from: string, to: string) => {
				await rename(from, to);
				if (!shardOf.test(to)) return;
				window.clearTimeout(quiet);
				quiet = window.setTimeout(saved, 300);
			};

			const t0 = performance.now();
			const plugin = new TouchbasePlugin(app as never, manifest) as unknown as Started;
			app.plugins.plugins[manifest.id] = plugin as never;
			plugin.load();
			await whenLoaded(plugin as never);
			const ready = new Promise<void>((resolve) => {
				const stop = plugin.index.onChange(() => {
					if (!plugin.index.ready) return;
					stop();
					resolve();
				});
			});
			// Obsidian loads the plugins, then the saved layout (the view, when it was open), then the layout is ready.
			if (view) await plugin.openView();
			app.workspace.triggerLayoutReady();
			app.metadataCache.trigger("resolved");
			await ready;
			const readyMs = performance.now() - t0;
			const savedMs = await Promise.race([written.then(() => performance.now() - t0), new Promise<null>((resolve) => window.setTimeout(() => resolve(null), 10_000))]);
			// The observers hear of a task after it ended.
			await new Promise((resolve) => window.setTimeout(resolve, 100));
			tasks.push(...observer.takeRecords());
			frames.push(...(frameObserver.takeRecords() as AnimationFrameTiming[]));
			observer.disconnect();
			frameObserver.disconnect();
			const end = t0 + (savedMs ?? readyMs + 10_000);
			return {
				origin: t0,
				readyMs,
				savedMs,
				notes: app.vault.getMarkdownFiles().length,
				prospects: plugin.index.report().entries.length,
				notesRead: io.notesRead,
				longTasks: tasks.filter((t) => t.startTime + t.duration > t0 && t.startTime < end).map((t) => ({ startMs: t.startTime - t0, durationMs: t.duration })),
				longFrames: frames.filter((f) => f.startTime + f.duration > t0 && f.startTime < end).map((f) => frameOf(f, t0)),
			};
		},
	};
}
