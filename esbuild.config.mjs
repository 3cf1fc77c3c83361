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

/**
 * What the plugin never asks of its YAML libraries, left out of main.js (7.5 KB). js-yaml's full
 * schema adds the `!!js/function`, `!!js/regexp` and `!!js/undefined` types, and its safe schema
 * the timestamp, merge, binary, omap, pairs and set types: only a `load` or `dump` without a
 * schema uses them, and Touchbase always names JSON_SCHEMA (gray-matter's own engine is replaced:
 * core/text/frontmatter.ts), so both are the core schema here. gray-matter's `sections` option is
 * never set, so section-matter is never called.
 */
const unusedYamlParts = {
	name: "unused-yaml-parts",
	setup(build) {
		build.onLoad({ filter: /[\\/]js-yaml[\\/]lib[\\/]js-yaml[\\/]schema[\\/]default_(full|safe)\.js$/ }, async () => ({ contents: "module.exports = require('./core');", loader: "js" }));
		build.onLoad({ filter: /[\\/]section-matter[\\/]index\.js$/ }, async () => ({
			contents: "module.exports = function () { throw new Error('gray-matter sections are not used in the Touchbase plugin'); };",
			loader: "js",
		}));
	},
};

/**
 * What the plugin never asks of papaparse, left out of main.js (about 5 KB): it only reads CSV text
 * it was given (lead import), so `unparse` (CSV writing) and the streamers for downloads, files and
 * Node streams are stubs that throw. The readable module build is used, minified here as the rest.
 */
const unusedPapaParts = {
	name: "unused-papa-parts",
	setup(build) {
		build.onLoad({ filter: /[\\/]papaparse[\\/]papaparse\.js$/ }, async (args) => {
			let contents = readFileSync(args.path, "utf8");
			const cut = (from, to, names) => {
				const start = contents.indexOf(from);
				const end = contents.indexOf(to, start);
				if (start < 0 || end < 0) throw new Error(`${args.path}: papaparse's ${names.join(", ")} not where the build expects them`);
				const stubs = names.map((name) => `\tfunction ${name}() { throw new Error('Papa: ${name} is not used in the Touchbase plugin'); }\n`).join("");
				contents = `${contents.slice(0, start)}${stubs}\n${contents.slice(end)}`;
			};
			cut("\tfunction JsonToCsv(_input, _config)", "\t/** ChunkStreamer is the base prototype", ["JsonToCsv"]);
			cut("\tfunction NetworkStreamer(config)", "\tfunction StringStreamer(config)", ["NetworkStreamer", "FileStreamer"]);
			cut("\tfunction ReadableStreamStreamer(config)", "\t// Use one ParserHandle per entire CSV file or string", ["ReadableStreamStreamer", "DuplexStreamStreamer"]);
			return { contents, loader: "js" };
		});
	},
};

/**
 * main.js stays ASCII. A file with any other character is read (UTF-8 decoded) into a two-byte
 * string, several times slower than an ASCII one, when Obsidian loads the plugin. esbuild escapes
 * strings, templates and names itself, not regular expression literals: Touchbase writes its own
 * with \u escapes, and chrono's one en dash is escaped here.
 */
const asciiRegExps = {
	name: "ascii-regexps",
	setup(build) {
		build.onLoad({ filter: /[\\/]chrono-node[\\/]dist[\\/]esm[\\/]locales[\\/]en[\\/]refiners[\\/]ENMergeDateRangeRefiner\.js$/ }, async (args) => {
			const source = readFileSync(args.path, "utf8");
			const contents = source.replace("/^\\s*(to|-|\u2013|until|through|till)\\s*$/i", "/^\\s*(to|-|\\u2013|until|through|till)\\s*$/i");
			if (contents === source) throw new Error(`${args.path}: chrono's en dash is not where the build expects it`);
			return { contents, loader: "js" };
		});
	},
};

/** Throws when main.js holds a character that is not ASCII, showing where. */
function assertAscii(file) {
	const text = readFileSync(file, "utf8");
	const at = text.search(/[^\x00-\x7f]/);
	if (at >= 0) {
		throw new Error(`${file} is not ASCII at ${at}: ...${text.slice(Math.max(0, at - 40), at + 10)}... (write the character as a \\u escape in the regular expression)`);
	}
}

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
		// Class fields as written (Chromium 72, Safari 14.1): the libraries' fields are not lowered
		// to helper calls, 1.2 KB less (docs/performance.md, "Restart"). Touchbase's own TypeScript
		// fields are still set in the constructor, as before.
		supported: { "class-field": true },
		platform: "browser",
		outfile: "main.js",
		external: ["obsidian", "electron", "@codemirror/*", "@lezer/*", ...builtinModules, ...builtinModules.map((m) => `node:${m}`)],
		// gray-matter requires fs at load; Obsidian mobile has none, and the plugin never reads files through it.
		// ical.js (vCard import) has a smaller modern build than the ES5 one `require` resolves to.
		// chrono's ES module build (the same code, as ical.js's) bundles smaller than the CommonJS one `require` resolves to.
		alias: { fs: "./src/plugin/shims/fs.ts", "ical.js": "./node_modules/ical.js/dist/ical.js", "chrono-node/en": "./node_modules/chrono-node/dist/esm/locales/en/index.js", papaparse: "./node_modules/papaparse/papaparse.js" },
		// ...and it uses the global Buffer on every parse, which mobile lacks too.
		inject: ["./src/plugin/shims/buffer.ts"],
		plugins: [noHiddenRequires, unusedYamlParts, unusedPapaParts, asciiRegExps],
		define: { "process.env.NODE_ENV": '"production"' },
		minify: production,
		sourcemap: production ? false : "inline",
		treeShaking: true,
		logLevel: "warning",
	});
}

if (production) {
	await Promise.all(builds.map((b) => esbuild.build(b)));
	if (builds.some((b) => b.outfile === "main.js")) assertAscii("main.js");
} else {
	const contexts = await Promise.all(builds.map((b) => esbuild.context(b)));
	await Promise.all(contexts.map((c) => c.watch()));
}
