import esbuild from "esbuild";
import { builtinModules } from "node:module";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { resolve } from "node:path";

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
		// gray-matter asks kind-of only whether a value is an object or a buffer: the tag of its
		// type answers as kind-of does for every value (2 KB less).
		build.onLoad({ filter: /[\\/]kind-of[\\/]index\.js$/ }, async () => ({
			contents:
				"module.exports = function (v) { if (v === null) return 'null'; if (typeof v !== 'object') return typeof v; if (Array.isArray(v)) return 'array'; if (v.constructor && typeof v.constructor.isBuffer === 'function' && v.constructor.isBuffer(v)) return 'buffer'; return Object.prototype.toString.call(v).slice(8, -1).toLowerCase(); };",
			loader: "js",
		}));
		// Touchbase gives gray-matter its own yaml, js and javascript engines (core/text/frontmatter.ts)
		// and never asks it to write (`stringify`): its default engines keep only json, as written.
		build.onLoad({ filter: /[\\/]gray-matter[\\/]lib[\\/]engines\.js$/ }, async () => ({
			contents:
				"module.exports = { json: { parse: JSON.parse.bind(JSON), stringify: function (obj, options) { const opts = Object.assign({ replacer: null, space: 2 }, options); return JSON.stringify(obj, opts.replacer, opts.space); } } };",
			loader: "js",
		}));
		build.onLoad({ filter: /[\\/]gray-matter[\\/]lib[\\/]stringify\.js$/ }, async () => ({
			contents: "module.exports = function () { throw new Error('gray-matter stringify is not used in the Touchbase plugin'); };",
			loader: "js",
		}));
		// A YAML error's place: Touchbase reads its `reason` and `mark.line` (core/text/frontmatter.ts),
		// never the source snippet js-yaml draws under it in `message`.
		build.onLoad({ filter: /[\\/]js-yaml[\\/]lib[\\/]js-yaml[\\/]mark\.js$/ }, async () => ({
			contents:
				"function Mark(name, buffer, position, line, column) { this.name = name; this.buffer = buffer; this.position = position; this.line = line; this.column = column; } Mark.prototype.getSnippet = function () { return null; }; Mark.prototype.toString = function () { return (this.name ? 'in \"' + this.name + '\" ' : '') + 'at line ' + (this.line + 1) + ', column ' + (this.column + 1); }; module.exports = Mark;",
			loader: "js",
		}));
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
			// Nor parsing in a web worker (the `worker` option is never set).
			cut("\tfunction getWorkerBlob() {", "\tvar IS_WORKER", ["getWorkerBlob"]);
			cut("\tfunction newWorker()", "\tfunction copy(obj)", ["newWorker", "mainThreadReceivedMessage", "workerThreadReceivedMessage"]);
			return { contents, loader: "js" };
		});
	},
};

/**
 * What the plugin never asks of ical.js, left out of main.js: it only reads calendars and vCards
 * (calendarEvents.ts, leadParsers.ts), so writing them back (`stringify`, and the `toString` of a
 * component or property that calls it), the event-driven `ComponentParser`, and the binary and
 * vCard time values (only made when a value is asked for) are stubs that throw.
 */
const unusedIcalParts = {
	name: "unused-ical-parts",
	setup(build) {
		build.onLoad({ filter: /[\\/]ical\.js[\\/]dist[\\/]ical\.js$/ }, async (args) => {
			let contents = readFileSync(args.path, "utf8");
			const cut = (from, to, stub) => {
				const start = contents.indexOf(from);
				const end = contents.indexOf(to, start);
				if (start < 0 || end < 0) throw new Error(`${args.path}: ical.js's ${from.trim()} is not where the build expects it`);
				contents = `${contents.slice(0, start)}${stub}\n${contents.slice(end)}`;
			};
			const fail = (name) => `function () { throw new Error('ical.js ${name} is not used in the Touchbase plugin'); }`;
			cut("function stringify(jCal) {", "const NAME_INDEX$1 = 0;", `const stringify = ${fail("stringify")}; stringify.component = stringify.property = stringify.value = stringify.multiValue = stringify.paramPropertyValue = stringify;`);
			cut("class ComponentParser {", "var ICALmodule = {", `const ComponentParser = ${fail("ComponentParser")};`);
			// Values are only decorated when asked for (`getFirstValue`): vCards are read as jCard arrays
			// (leadParsers.ts), and calendar events never hold binary values Touchbase reads.
			cut("class Binary {", "const DURATION_LETTERS", `const Binary = ${fail("Binary")}; Binary.fromString = Binary;`);
			cut("class VCardTime extends Time {", "class RecurIterator {", `const VCardTime = ${fail("VCardTime")}; VCardTime.fromDateAndOrTimeString = VCardTime;`);
			// Nor is a calendar or vCard changed once read: the methods that add, set or remove a
			// component, property, parameter or value are left out (calling one is a TypeError).
			const drop = (from, to) => cut(from, to, "");
			drop("  _removeObjectByIndex(jCalIndex, cache, index) {", "  toJSON() {\n    return this.jCal;");
			drop("  _undecorate(value) {", "  /**\n   * Gets a parameter on the property.");
			drop("  setParameter(name, value) {", "  /**\n   * Get the default type based on this property's name.");
			drop("  resetType(type) {", "  /**\n   * Finds the first property value.");
			drop("  removeAllValues() {", "  /**\n   * Returns the Object representation of this component.");
			// Helpers of those alone: folding written lines, and moving time zones into a calendar.
			cut("function updateTimezones(vcal) {", "/**\n * Checks if the given type is of the number type", `const updateTimezones = ${fail("updateTimezones")};`);
			cut("function foldline(aLine) {", "/**\n * Pads the given string or number", `const foldline = ${fail("foldline")};`);
			// Writing values back as text: each value type's `toICAL` and `undecorate` in the design
			// sets (only stringify and the setters above call them), and the `toICALString` of a time,
			// duration, period, offset and property that stringify uses, and a rule's `toString` that
			// calls one. Calling one is a TypeError.
			const members = (from, to, pattern) => {
				const start = contents.indexOf(from);
				const end = contents.indexOf(to, start);
				if (start < 0 || end < 0) throw new Error(`${args.path}: ical.js's ${from.trim()} is not where the build expects it`);
				let region = contents.slice(start, end);
				let count = 0;
				for (let m = pattern.exec(region); m !== null; m = pattern.exec(region)) {
					// The member's body ends at the brace that closes its first (no brace in their strings or patterns).
					let depth = 0;
					let i = m.index + m[0].length - 1;
					for (; i < region.length; i++) {
						if (region[i] === "{") depth++;
						else if (region[i] === "}" && --depth === 0) break;
					}
					region = `${region.slice(0, m.index)}${region.slice(i + 1).replace(/^,/, "")}`;
					pattern.lastIndex = m.index;
					count++;
				}
				if (count === 0) throw new Error(`${args.path}: ical.js's ${pattern} found nothing`);
				contents = `${contents.slice(0, start)}${region}${contents.slice(end)}`;
			};
			members("function parseNumericValue(type, min, max, value) {", "const design = {", /\n\s*(?:toICAL|undecorate): function\s*\([^)]*\)\s*\{/g);
			members("class Duration {", "var ICALmodule = {", /\n {2}toICALString\(\) \{/g);
			members("class Recur {", "function parseNumericValue(", /\n {2}toString\(\) \{/g);
			// A time's helpers that nothing in ical.js or Touchbase calls (the start and end of its week,
			// month and year; a Unix time read back; a comparison of days in a zone).
			members("class Time {", "class ParserError", /\n {2}(?:startOfWeek\(aWeekStart\)|endOfWeek\(aWeekStart\)|startOfMonth\(\)|endOfMonth\(\)|startOfYear\(\)|endOfYear\(\)|compareDateOnlyTz\(other, tz\)|fromUnixTime\(seconds\)) \{/g);
			// Nor is an expansion's state kept as JSON (Touchbase iterates in one go), nor a period's.
			members("class Period {", "class Time {", /\n {2}toJSON\(\) \{/g);
			members("class RecurIterator {", "class InvalidRecurrenceRuleError", /\n {2}toJSON\(\) \{/g);
			members("class RecurExpansion {", "class Event {", /\n {2}toJSON\(\) \{/g);
			members("class Component {", "class RecurExpansion {", /\n {2}toString\(\) \{/g);
			// An event is only read: its setters, and the helpers they call.
			members("class Event {", "function compareRangeException(", /\n {2}(?:set \w+\(value\)|_setTime\(propName, time\)|_setProp\(name, value\)|toString\(\)) \{/g);
			return { contents, loader: "js" };
		});
	},
};

/**
 * chrono's month-name parsers of other languages (core/text/foreignDates.ts names their CommonJS
 * files, which the tests load): the builds take the same files' ES module copies, as the plugin
 * takes chrono's English parsers (the `chrono-node/en` alias), so the code they share is bundled
 * once, and the plugin and the command line read with the same trimmed constants.
 */
const chronoParsersAsModules = {
	name: "chrono-parsers-as-modules",
	setup(build) {
		build.onResolve({ filter: /chrono-node[\\/]dist[\\/]cjs[\\/]locales[\\/]/ }, (args) => ({
			path: resolve(args.resolveDir, args.path.replace(/([\\/])dist[\\/]cjs[\\/]/, "$1dist$1esm$1")),
		}));
		// Their constants keep only what the month-name parsers import (13 KB less): number words,
		// time units and durations are built at load by calls esbuild must keep, so their statements
		// go here. Ordinal words (`primero de mayo`) are left out too: Touchbase only shows chrono a
		// line with a day number before a month word, and keeps only dates that open with a number.
		build.onLoad({ filter: /[\\/]chrono-node[\\/]dist[\\/]esm[\\/]locales[\\/](?:es|pt|fr|de|it|nl|sv)[\\/]constants\.js$/ }, async (args) => {
			const parsers = resolve(args.path, "../parsers");
			const roots = readdirSync(parsers)
				.filter((f) => /MonthName(?:Little|Middle)EndianParser\.js$/.test(f))
				.flatMap((f) => [...readFileSync(resolve(parsers, f), "utf8").matchAll(/import \{([^}]*)\} from "\.\.\/constants\.js"/g)].flatMap((m) => m[1].split(",").map((n) => n.trim())));
			const chunks = readFileSync(args.path, "utf8").split(/^(?=export |const |function |let |var |import |\/\/# sourceMappingURL)/m);
			const nameOf = (chunk) => /^(?:export\s+)?(?:const|function|let|var)\s+([A-Za-z_$][\w$]*)/.exec(chunk)?.[1] ?? null;
			const ordinalWords = (chunk) => chunk.replace("${matchAnyPattern(ORDINAL_WORD_DICTIONARY)}|", "");
			const keep = new Set(roots);
			for (let grew = true; grew; ) {
				grew = false;
				for (const chunk of chunks) {
					if (!keep.has(nameOf(chunk))) continue;
					for (const word of ordinalWords(chunk).match(/[A-Za-z_$][\w$]*/g) ?? []) if (chunks.some((c) => nameOf(c) === word) && !keep.has(word)) (keep.add(word), (grew = true));
				}
			}
			const contents = chunks
				.filter((chunk) => chunk.startsWith("import ") || keep.has(nameOf(chunk)))
				.map((chunk) => (nameOf(chunk) === "ORDINAL_WORD_DICTIONARY" ? "export const ORDINAL_WORD_DICTIONARY = {};\n" : ordinalWords(chunk)))
				.join("");
			return { contents: ascii(contents), loader: "js" };
		});
		build.onLoad({ filter: /[\\/]chrono-node[\\/]dist[\\/]esm[\\/]locales[\\/](?:es|pt|fr|de|it|nl|sv)[\\/]parsers[\\/]/ }, async (args) => ({ contents: ascii(readFileSync(args.path, "utf8")), loader: "js" }));
	},
};

/** A source with every character past ASCII written as a \u escape: the same in strings and patterns (main.js stays ASCII). */
function ascii(source) {
	return source.replace(/[^\x00-\x7f]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`);
}

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
	// Other languages' month-name parsers as the plugin has them: the same answers in both.
	plugins: [chronoParsersAsModules],
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
		plugins: [noHiddenRequires, unusedYamlParts, unusedPapaParts, unusedIcalParts, chronoParsersAsModules, asciiRegExps],
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
