import { build } from "esbuild";
import { existsSync, mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, relative, resolve, sep } from "node:path";

// The project's root: two folders up from here, or the working folder when this file was bundled (the bench).
const ROOT = [resolve(__dirname, "../.."), process.cwd()].find((dir) => existsSync(join(dir, "test/browser/harness/entry.ts"))) ?? resolve(__dirname, "../..");
const HARNESS = join(ROOT, "test/browser/harness");

/** The vault's notes (path → text) and their modification times (path → ms since the epoch). */
function vaultFiles(dir: string): { files: Record<string, string>; mtimes: Record<string, number> } {
	const files: Record<string, string> = {};
	const mtimes: Record<string, number> = {};
	const walk = (d: string): void => {
		for (const name of readdirSync(d)) {
			const full = join(d, name);
			const st = statSync(full);
			if (st.isDirectory()) walk(full);
			else if (name.endsWith(".md")) {
				const path = relative(dir, full).split(sep).join("/");
				files[path] = readFileSync(full, "utf8");
				mtimes[path] = Math.round(st.mtimeMs);
			}
		}
	};
	walk(dir);
	return { files, mtimes };
}

/**
 * Builds the harness page with esbuild: the plugin's view and commands and the Obsidian fake,
 * over a vault (the example vault unless told) kept in memory. Returns the page's file path.
 * The page starts the plugin at once; with `?start=manual` it only fills the vault and waits
 * for `window.startHarness` (pluginStart.ts: the bench's measure of the plugin's start).
 */
export async function buildHarness(vault = join(ROOT, "examples/vault")): Promise<string> {
	const out = mkdtempSync(join(tmpdir(), "touchbase-harness-"));
	await build({
		entryPoints: [join(HARNESS, "entry.ts")],
		bundle: true,
		format: "iife",
		platform: "browser",
		target: "es2021",
		outfile: join(out, "harness.js"),
		alias: {
			obsidian: join(ROOT, "test/fakes/obsidian.ts"),
			"node:fs": join(HARNESS, "fs.ts"),
			"node:os": join(HARNESS, "os.ts"),
			"node:path": "path-browserify",
			// gray-matter's own `fs`, as in the plugin build.
			fs: join(ROOT, "src/plugin/shims/fs.ts"),
		},
		inject: [join(ROOT, "src/plugin/shims/buffer.ts")],
		define: { __dirname: JSON.stringify("/test/fakes"), "process.env.NODE_ENV": '"production"' },
		logLevel: "error",
	});
	// The notes keep their modification times on disk: the plugin's persisted index keeps only notes
	// older than its read (readCache.ts, RACY_MARGIN_MS), and a page loaded again must see the same stamps.
	const { files, mtimes } = vaultFiles(vault);
	const data = `window.__VAULT_FILES__ = ${JSON.stringify(files)};\nwindow.__VAULT_MTIMES__ = ${JSON.stringify(mtimes)};\nwindow.__MANIFEST__ = ${JSON.stringify(readFileSync(join(ROOT, "manifest.json"), "utf8"))};`;
	writeFileSync(join(out, "data.js"), data);
	writeFileSync(join(out, "theme.css"), readFileSync(join(HARNESS, "theme.css")));
	writeFileSync(join(out, "styles.css"), readFileSync(join(ROOT, "styles.css")));
	writeFileSync(
		join(out, "index.html"),
		`<!doctype html>\n<html><head><meta charset="utf-8"><title>Touchbase harness</title>\n<link rel="stylesheet" href="theme.css"><link rel="stylesheet" href="styles.css"></head>\n<body><script src="data.js"></script><script src="harness.js"></script></body></html>\n`,
	);
	return join(out, "index.html");
}
