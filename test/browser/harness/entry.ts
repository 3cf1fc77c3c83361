// The harness page: the plugin's real view and commands over the Obsidian fake, in a browser.
import "./globals";
import { mkdirSync, readFileSync, utimesSync, writeFileSync } from "node:fs";
import TouchbasePlugin from "../../../src/plugin/main";
import { App, loadPlugin, runCommand } from "../../fakes/obsidian";
import { createStartHarness, type StartHarness } from "./pluginStart";

declare global {
	interface Window {
		__VAULT_FILES__: Record<string, string>;
		/** The notes' modification times on disk (ms), when the page was built from a folder. */
		__VAULT_MTIMES__?: Record<string, number>;
		__MANIFEST__: string;
		harness: Harness;
		/** With `?start=manual`: the plugin is not loaded; the bench starts it (pluginStart.ts). */
		startHarness: StartHarness;
	}
}

export interface Harness {
	read(path: string): string;
	activeFile(): string | null;
	settle(): Promise<void>;
	/** Closes the follow-ups view and opens it again; returns how long opening took (ms). For the bench. */
	reopenView(): Promise<number>;
	errors: string[];
}

const VAULT = "/vault";

function put(path: string, text: string, mtime?: number): void {
	const full = `${VAULT}/${path}`;
	mkdirSync(full.slice(0, full.lastIndexOf("/")), { recursive: true });
	writeFileSync(full, text);
	if (mtime !== undefined) utimesSync(full, new Date(mtime), new Date(mtime));
}

/** 500 prospects with long names, to check the layout holds. */
function bigVault(): Record<string, string> {
	const files: Record<string, string> = {};
	const long = "Extraordinarily Long Company Name Incorporated International Holdings";
	for (let i = 0; i < 500; i++) {
		const day = String((i % 28) + 1).padStart(2, "0");
		const name = i % 7 === 0 ? `${long} ${i}` : `Prospect ${String(i).padStart(3, "0")}`;
		files[`Prospects/${name}.md`] = `---\ncompany: ${i % 5 === 0 ? `${long} ${"and Sons ".repeat(5)}` : "Acme"}\nvalue: ${i * 10}\n---\n- 2026-11-${day} call: ${"a very long summary without any break ".repeat(i % 3 === 0 ? 6 : 1)}\n- [ ] 2026-${i % 2 ? "11" : "12"}-${day} email: follow up on ${"https://example.com/a-very-long-link-without-spaces-".repeat(2)}\n`;
	}
	return files;
}

async function start(): Promise<void> {
	const errors: string[] = [];
	window.addEventListener("error", (e) => errors.push(String(e.message)));
	const params = new URLSearchParams(location.search);
	document.body.classList.add(params.get("theme") === "dark" ? "theme-dark" : "theme-light");
	mkdirSync(`${VAULT}/.obsidian`, { recursive: true });
	writeFileSync("/manifest.json", window.__MANIFEST__);
	const big = params.get("vault") === "big";
	const files = big ? bigVault() : window.__VAULT_FILES__;
	const mtimes = big ? {} : (window.__VAULT_MTIMES__ ?? {});
	for (const [path, text] of Object.entries(files)) put(path, text, mtimes[path]);
	if (params.get("start") === "manual") {
		// The vault is in the file system now: the page's copy is garbage, as it is not in Obsidian.
		window.__VAULT_FILES__ = {};
		window.__VAULT_MTIMES__ = {};
		window.startHarness = createStartHarness(VAULT);
		document.body.dataset.ready = "true";
		return;
	}
	const app = new App(VAULT);
	const plugin = await loadPlugin<{ openView(): Promise<void> }>(TouchbasePlugin, app);
	await app.settle();
	await runCommand(app, "open-follow-ups");
	await app.settle();
	window.harness = {
		read: (path) => readFileSync(`${VAULT}/${path}`, "utf8"),
		activeFile: () => app.workspace.getActiveFile()?.path ?? null,
		settle: () => app.settle(),
		reopenView: async () => {
			for (const leaf of app.workspace.getLeavesOfType("touchbase-follow-ups")) leaf.detach();
			const t0 = performance.now();
			await plugin.openView();
			return performance.now() - t0;
		},
		errors,
	};
	document.body.dataset.ready = "true";
}

start().catch((error: unknown) => {
	document.body.dataset.ready = "failed";
	document.body.dataset.error = error instanceof Error ? `${error.message}\n${error.stack ?? ""}` : String(error);
});
