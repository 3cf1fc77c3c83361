// The command line as an npm package: `npm pack` gives a tarball that `npm install -g` turns into
// a working `touchbase` on a machine with only Node; `npm version` keeps the plugin's manifest in
// step. The tarball is packed from the build test/setup/build.ts made (`--ignore-scripts`: the
// prepack build would rewrite dist/ under other test files' feet).
import { spawnSync } from "node:child_process";
import { copyFileSync, existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { builtinModules } from "node:module";
import { join, resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { EXAMPLE_VAULT, runCli, tempDir } from "../helpers/cli";

const ROOT = resolve(__dirname, "../..");
const pkg = JSON.parse(readFileSync(join(ROOT, "package.json"), "utf8")) as {
	version: string;
	private?: boolean;
	files?: string[];
	engines?: { node?: string };
	bin?: Record<string, string>;
	dependencies?: Record<string, string>;
	scripts: Record<string, string>;
};

function npm(args: string[], cwd: string, env: Record<string, string> = {}): { status: number | null; stdout: string; stderr: string } {
	const r = spawnSync(process.platform === "win32" ? "npm.cmd" : "npm", args, { cwd, encoding: "utf8", env: { ...process.env, ...env } });
	return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe("package.json", () => {
	it("can be published: not private, a files list, the Node it needs, and the bin", () => {
		expect(pkg.private).not.toBe(true);
		expect(pkg.files).toEqual(["dist/cli.js"]);
		expect(pkg.engines?.node).toBe(">=18");
		expect(pkg.bin).toEqual({ touchbase: "dist/cli.js" });
	});

	it("has no run-time dependencies: the libraries are bundled into dist/cli.js and main.js", () => {
		// Anything under "dependencies" would make `npm install -g` fetch it, though the bundle never loads it.
		expect(pkg.dependencies ?? {}).toEqual({});
		const bundle = readFileSync(join(ROOT, "dist/cli.js"), "utf8");
		const required = [...bundle.matchAll(/\brequire\("([^"]+)"\)/g)].map((m) => m[1]);
		const builtins = new Set(builtinModules);
		// esprima is js-yaml's optional loader for !!js/function, tried inside a try/catch.
		const foreign = required.filter((id) => !id.startsWith("node:") && !builtins.has(id) && id !== "esprima");
		expect(foreign).toEqual([]);
	});
});

describe("npm pack and npm install -g", () => {
	it("installs a touchbase that prints the same due list as the one in this checkout", () => {
		const work = tempDir();
		const packed = npm(["pack", "--ignore-scripts", "--json", "--pack-destination", work], ROOT);
		expect(packed.status, packed.stderr).toBe(0);
		const [info] = JSON.parse(packed.stdout) as { filename: string; files: { path: string }[] }[];
		expect(info.files.map((f) => f.path).sort()).toEqual(["LICENSE", "README.md", "dist/cli.js", "package.json"]);

		// Offline: with no dependency, the tarball is all there is to install.
		const prefix = join(work, "prefix");
		const installed = npm(["install", "--global", "--prefix", prefix, "--offline", "--no-audit", "--no-fund", join(work, info.filename)], work);
		expect(installed.status, installed.stderr).toBe(0);
		const bin = process.platform === "win32" ? join(prefix, "touchbase.cmd") : join(prefix, "bin", "touchbase");
		expect(existsSync(bin)).toBe(true);

		const run = spawnSync(bin, ["due", EXAMPLE_VAULT, "--today", "2026-11-23"], { encoding: "utf8", cwd: work, env: { ...process.env, NODE_PATH: "" } });
		expect(run.stderr).toBe("");
		expect(run.status).toBe(0);
		expect(run.stdout).toBe(runCli(["due", EXAMPLE_VAULT, "--today", "2026-11-23"]).stdout);

		const version = spawnSync(bin, ["--version"], { encoding: "utf8" });
		expect(version.stdout).toBe(`touchbase ${pkg.version}\n`);
	}, 120_000);
});

describe("npm version", () => {
	it("keeps manifest.json, versions.json and package.json in step today", () => {
		const manifest = JSON.parse(readFileSync(join(ROOT, "manifest.json"), "utf8")) as { version: string; minAppVersion: string };
		const versions = JSON.parse(readFileSync(join(ROOT, "versions.json"), "utf8")) as Record<string, string>;
		expect(manifest.version).toBe(pkg.version);
		expect(versions[pkg.version]).toBe(manifest.minAppVersion);
	});

	it("runs version-bump.mjs, which sets the manifest's version and maps it to the minAppVersion", () => {
		expect(pkg.scripts.version).toBe("node scripts/version-bump.mjs && git add manifest.json versions.json");
		const dir = tempDir();
		for (const file of ["manifest.json", "versions.json"]) copyFileSync(join(ROOT, file), join(dir, file));
		const manifest = JSON.parse(readFileSync(join(dir, "manifest.json"), "utf8")) as Record<string, unknown>;
		const versions = JSON.parse(readFileSync(join(dir, "versions.json"), "utf8")) as Record<string, string>;

		const r = spawnSync(process.execPath, [join(ROOT, "scripts/version-bump.mjs")], { cwd: dir, encoding: "utf8", env: { ...process.env, npm_package_version: "9.8.7" } });
		expect(r.stderr).toBe("");
		expect(r.status).toBe(0);
		const bumped = readFileSync(join(dir, "manifest.json"), "utf8");
		// Only the version changed; tabs and key order stay.
		expect(bumped).toBe(`${JSON.stringify({ ...manifest, version: "9.8.7" }, null, "\t")}\n`);
		expect(JSON.parse(readFileSync(join(dir, "versions.json"), "utf8"))).toEqual({ ...versions, "9.8.7": manifest.minAppVersion });
	});

	it("refuses a version that is not X.Y.Z and changes nothing", () => {
		const dir = tempDir();
		mkdirSync(dir, { recursive: true });
		writeFileSync(join(dir, "manifest.json"), '{"version":"0.1.0","minAppVersion":"1.7.2"}');
		writeFileSync(join(dir, "versions.json"), '{"0.1.0":"1.7.2"}');
		const env: Record<string, string | undefined> = { ...process.env };
		delete env.npm_package_version;
		const r = spawnSync(process.execPath, [join(ROOT, "scripts/version-bump.mjs"), "next"], { cwd: dir, encoding: "utf8", env });
		expect(r.status).toBe(2);
		expect(readFileSync(join(dir, "manifest.json"), "utf8")).toBe('{"version":"0.1.0","minAppVersion":"1.7.2"}');
	});
});
