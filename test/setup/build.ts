import { build } from "esbuild";

/** Builds the CLI once before the suite, so process tests run the same file users run. */
export default async function setup(): Promise<void> {
	await build({
		entryPoints: ["src/cli/index.ts"],
		bundle: true,
		platform: "node",
		format: "cjs",
		target: "node18",
		outfile: "dist/cli.js",
		banner: { js: "#!/usr/bin/env node" },
		logLevel: "error",
	});
}
