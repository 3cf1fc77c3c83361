import esbuild from "esbuild";
import { builtinModules } from "node:module";
import { existsSync, readFileSync } from "node:fs";

const production = process.argv[2] === "production";
const { version } = JSON.parse(readFileSync("package.json", "utf8"));

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
		alias: { fs: "./src/plugin/shims/fs.ts" },
		// ...and it uses the global Buffer on every parse, which mobile lacks too.
		inject: ["./src/plugin/shims/buffer.ts"],
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
