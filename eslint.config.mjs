import { defineConfig } from "eslint/config";
import obsidianmd from "eslint-plugin-obsidianmd";
import { layers, noCycles } from "./eslint.layers.mjs";

export default defineConfig([
	{ ignores: ["node_modules/", "dist/", "main.js", "eslint.config.mjs", "eslint.layers.mjs", "eslint.layers.d.mts", "esbuild.config.mjs", "stryker.config.mjs", "scripts/", "examples/", "coverage/", "reports/", ".stryker-tmp/"] },
	...obsidianmd.configs.recommended,
	{
		languageOptions: {
			parserOptions: {
				projectService: true,
				tsconfigRootDir: import.meta.dirname,
			},
		},
	},
	{
		rules: {
			// gray-matter already brings js-yaml 3; we only name it to pass its JSON schema (dates stay strings).
			"depend/ban-dependencies": ["error", { allowed: ["js-yaml"] }],
		},
	},
	{
		// The command line and the tests run on Node, not in Obsidian.
		files: ["src/cli/**/*.ts", "test/**/*.ts", "bench/**/*.ts", "vitest.config.mts", "vitest.mutate.config.mts"],
		rules: {
			"import/no-nodejs-modules": "off",
			"obsidianmd/no-nodejs-modules": "off",
			"no-console": "off",
			// TypeScript checks names; Node's globals are typed by @types/node.
			"no-undef": "off",
			// Outside Obsidian there is no Vault#configDir: the CLI looks for the default folder.
			"obsidianmd/hardcoded-config-path": "off",
		},
	},
	{
		// The bench runs the plugin in Node, where Obsidian's globals must be put on globalThis.
		files: ["bench/**/*.ts"],
		rules: { "obsidianmd/no-global-this": "off" },
	},
	{
		files: ["test/**/*.ts"],
		rules: {
			// vitest's asymmetric matchers (expect.stringContaining) are typed `any`.
			"@typescript-eslint/no-unsafe-assignment": "off",
			"obsidianmd/no-global-this": "off",
		},
	},
	// Last, so no other entry replaces their `no-restricted-imports` options (see eslint.layers.mjs).
	...layers,
	...noCycles,
]);
