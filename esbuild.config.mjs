import esbuild from "esbuild";
import { builtinModules } from "node:module";
import { existsSync, readFileSync } from "node:fs";

const production = process.argv[2] === "production";
const { version } = JSON.parse(readFileSync("package.json", "utf8"));

/**
 * js-yaml's optional types hide two requires from bundlers (`var _require = require;
 * _require('buffer')`, `_require('esprima')`), which Obsidian's `require` would then be asked for
 * when YAML is first parsed. In the plugin they get a `require` that finds nothing, so js-yaml
 * takes its own fallback (no Buffer, no esprima) and `main.js` requires nothing but obsidian.
 */
const noHiddenRequires = {
	name: "no-hidden-requires",
	setup(build) {
		build.onLoad({ filter: /[\\/]js-yaml[\\/]lib[\\/]js-yaml[\\/]type[\\/](binary|js[\\/]function)\.js$/ }, async (args) => {
			const source = readFileSync(args.path, "utf8");
			const contents = source.replace("var _require = require;", "var _require = function () { throw new Error('not in the Touchbase plugin'); };");
			if (contents === source) throw new Error(`${args.path}: js-yaml's hidden require is not where the build expects it`);
			return { contents, loader: "js" };
		});
	},
};

/** The command line: Node, one plain file that `node` runs. */
const cli = {
	entryPoints: ["src/cli/index.ts"],
	bundle: true,
	platform: "node",
	format: "cjs",
	target: "node18",
	outfile: "dist/cli.js",
	banner: { js: "#!/usr/bin/env node" },
	define: { TOUCHBASE_VERSION: JSON.stringify(version) },
	logLevel: "warning",
};

const builds = [cli];

if (existsSync("src/plugin/main.ts")) {
	builds.push({
		entryPoints: ["src/plugin/main.ts"],
		bundle: true,
		format: "cjs",
		target: "es2021",
		platform: "browser",
		outfile: "main.js",
		external: ["obsidian", "electron", "@codemirror/*", "@lezer/*", ...builtinModules, ...builtinModules.map((m) => `node:${m}`)],
		// gray-matter requires fs at load; Obsidian mobile has none, and the plugin never reads files through it.
		// ical.js (vCard import) has a smaller modern build than the ES5 one `require` resolves to.
		alias: { fs: "./src/plugin/shims/fs.ts", "ical.js": "./node_modules/ical.js/dist/ical.js" },
		// ...and it uses the global Buffer on every parse, which mobile lacks too.
		inject: ["./src/plugin/shims/buffer.ts"],
		plugins: [noHiddenRequires],
		define: { "process.env.NODE_ENV": '"production"' },
		minify: production,
		sourcemap: production ? false : "inline",
		treeShaking: true,
		logLevel: "warning",
	});
}

if (production) {
	await Promise.all(builds.map((b) => esbuild.build(b)));
} else {
	const contexts = await Promise.all(builds.map((b) => esbuild.context(b)));
	await Promise.all(contexts.map((c) => c.watch()));
}
