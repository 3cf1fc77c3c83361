// The layers, kept apart by lint. src/core is pure: it runs in Obsidian and on Node alike, so it
// imports neither Obsidian, nor Node, nor the layers built on it. src/plugin is the Obsidian layer
// (desktop and mobile: no Node built-ins), src/cli the Node layer; neither imports the other.
// eslint.config.mjs uses these; test/lint/layers.test.ts shows what they reject.
import { builtinModules } from "node:module";

/** Node's built-in modules by their bare names (`fs`, `fs/promises`, `path`, …). */
const nodeByName = (message) => builtinModules.map((name) => ({ name, message }));
/** Node's built-in modules by their `node:` names, including those that have no bare name (`node:test`). */
const nodeByScheme = (message) => ({ regex: "^node:", message });

const obsidian = (message) => ({ name: "obsidian", message });
/** A relative import that reaches into a folder named `folder` (../plugin/main, ../../cli/format, …). */
const layer = (folder, message) => ({ regex: `^\\.{1,2}/(?:.*/)?${folder}(?:/|$)`, message });

const CORE = {
	node: "src/core runs in Obsidian too (mobile has no Node): take what you need as a parameter.",
	obsidian: "src/core stays free of Obsidian: put Obsidian code in src/plugin.",
	plugin: "src/core must not depend on the plugin: move the shared code into src/core.",
	cli: "src/core must not depend on the command line: move the shared code into src/core.",
};
const PLUGIN = {
	node: "The plugin runs on Obsidian mobile too, which has no Node: use the Obsidian API.",
	cli: "The plugin must not depend on the command line: move the shared code into src/core.",
	main: "Only main.ts knows the plugin class: take the small interface you need (see ports.ts) as a parameter.",
};
const CLI = {
	obsidian: "The command line runs outside Obsidian: use src/core.",
	plugin: "The command line must not depend on the plugin: move the shared code into src/core.",
};

const restrict = (paths, patterns) => ({ "no-restricted-imports": ["error", { paths, patterns }] });

/** @type {import("eslint").Linter.Config[]} */
export const layers = [
	{
		name: "touchbase/layers/core",
		files: ["src/core/**/*.ts"],
		rules: restrict(
			[obsidian(CORE.obsidian), ...nodeByName(CORE.node)],
			[nodeByScheme(CORE.node), layer("plugin", CORE.plugin), layer("cli", CORE.cli)],
		),
	},
	{
		name: "touchbase/layers/plugin",
		files: ["src/plugin/**/*.ts"],
		rules: restrict(nodeByName(PLUGIN.node), [nodeByScheme(PLUGIN.node), layer("cli", PLUGIN.cli)]),
	},
	{
		// The same, and the plugin class stays main.ts's own: no import circle through it.
		name: "touchbase/layers/plugin-parts",
		files: ["src/plugin/**/*.ts"],
		ignores: ["src/plugin/main.ts"],
		rules: restrict(nodeByName(PLUGIN.node), [
			nodeByScheme(PLUGIN.node),
			layer("cli", PLUGIN.cli),
			{ regex: "^(?:\\./|(?:\\.\\./)+)main(?:\\.[cm]?[jt]s)?$", message: PLUGIN.main },
		]),
	},
	{
		name: "touchbase/layers/cli",
		files: ["src/cli/**/*.ts"],
		rules: restrict([obsidian(CLI.obsidian)], [layer("plugin", CLI.plugin)]),
	},
];
