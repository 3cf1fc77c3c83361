import { spawnSync } from "node:child_process";

/** Runs the real build once before the suite: process tests run the files users run. */
export default function setup(): void {
	const result = spawnSync(process.execPath, ["esbuild.config.mjs", "production"], { encoding: "utf8" });
	if (result.status !== 0) throw new Error(`the build failed:\n${result.stderr}`);
}
