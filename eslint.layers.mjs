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

/**
 * The folders of a layer, lowest first: the steps a note takes (docs/architecture.md). A file may
 * import its own folder and the folders before it, never one after it.
 */
export const CORE_FOLDERS = ["text", "settings", "read", "rules", "index", "write", "show", "import"];
export const PLUGIN_FOLDERS = ["index", "modals", "actions", "views", "services", "settings"];

/** A relative import from `folder` into a folder after it in `order` (`../write/logTouch` from `read`). */
const upward = (order, folder, layerName) => {
	const later = order.slice(order.indexOf(folder) + 1);
	return {
		regex: `^\\.\\./(?:${later.join("|")})(?:/|$)`,
		message: `${layerName}/${folder} comes before ${later.join(", ")}: a lower folder never imports a higher one (docs/architecture.md, "Folders").`,
	};
};

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
	...CORE_FOLDERS.slice(0, -1).map((folder) => ({
		name: `touchbase/layers/core/${folder}`,
		files: [`src/core/${folder}/**/*.ts`],
		rules: restrict(
			[obsidian(CORE.obsidian), ...nodeByName(CORE.node)],
			[nodeByScheme(CORE.node), layer("plugin", CORE.plugin), layer("cli", CORE.cli), upward(CORE_FOLDERS, folder, "src/core")],
		),
	})),
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
	...PLUGIN_FOLDERS.slice(0, -1).map((folder) => ({
		name: `touchbase/layers/plugin/${folder}`,
		files: [`src/plugin/${folder}/**/*.ts`],
		rules: restrict(nodeByName(PLUGIN.node), [
			nodeByScheme(PLUGIN.node),
			layer("cli", PLUGIN.cli),
			{ regex: "^(?:\\./|(?:\\.\\./)+)main(?:\\.[cm]?[jt]s)?$", message: PLUGIN.main },
			upward(PLUGIN_FOLDERS, folder, "src/plugin"),
		]),
	})),
	{
		name: "touchbase/layers/cli",
		files: ["src/cli/**/*.ts"],
		rules: restrict([obsidian(CLI.obsidian)], [layer("plugin", CLI.plugin)]),
	},
];

/**
 * No import circle anywhere in src/: a circle makes load order matter and hides which part is
 * lower. Type-only imports count too (they tie the parts as much).
 */
export const noCycles = [
	{
		name: "touchbase/no-cycles",
		files: ["src/**/*.ts"],
		settings: {
			"import/resolver": { node: { extensions: [".ts", ".js"] } },
			"import/extensions": [".ts", ".js"],
			"import/parsers": { "@typescript-eslint/parser": [".ts"] },
		},
		rules: { "import/no-cycle": ["error", { ignoreExternal: true }] },
	},
];
