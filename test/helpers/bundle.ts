import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { createContext, runInContext, type Context } from "node:vm";

export const MAIN_JS = resolve(__dirname, "../../main.js");

/**
 * Evaluates the built main.js as Obsidian (mobile too) would: `require` knows only `obsidian`
 * (the module given), the globals are a browser window's and Obsidian's own, and there is no
 * Buffer, no process and no Node built-in. The bundle runs inside a function, as Obsidian runs it.
 */
export function loadBuiltPlugin(obsidianModule: unknown): { PluginClass: new (...args: never[]) => unknown; required: string[]; context: Context } {
	const required: string[] = [];
	const module = { exports: {} as Record<string, unknown> };
	const context = createContext({
		module,
		exports: module.exports,
		require: (id: string): unknown => {
			required.push(id);
			if (id === "obsidian") return obsidianModule;
			throw new Error(`Cannot find module '${id}' (Obsidian mobile has no Node modules)`);
		},
		window,
		document,
		navigator: window.navigator,
		console,
		setTimeout: window.setTimeout.bind(window),
		clearTimeout: window.clearTimeout.bind(window),
		setInterval: window.setInterval.bind(window),
		clearInterval: window.clearInterval.bind(window),
		queueMicrotask,
		// Browser globals every Obsidian window has (the first index measures and yields with them).
		performance: window.performance,
		MessageChannel: window.MessageChannel,
		structuredClone,
		TextEncoder,
		TextDecoder,
		Intl,
		Date,
		activeWindow: window,
		activeDocument: document,
		// Obsidian's own globals for building elements.
		createEl: window.createEl,
		createDiv: window.createDiv,
		createSpan: window.createSpan,
		createSvg: window.createSvg,
		createFragment: window.createFragment,
	});
	runInContext(`(function (module, exports, require) {${readFileSync(MAIN_JS, "utf8")}\n})(module, exports, require)`, context, { filename: "main.js" });
	const PluginClass = (module.exports.default ?? module.exports) as new (...args: never[]) => unknown;
	return { PluginClass, required, context };
}
