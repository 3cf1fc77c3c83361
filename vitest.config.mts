import { defineConfig } from "vitest/config";
import { fileURLToPath } from "node:url";

export default defineConfig({
	resolve: {
		// `obsidian` on npm ships types only: tests run against a fake of the API we use.
		alias: { obsidian: fileURLToPath(new URL("./test/fakes/obsidian.ts", import.meta.url)) },
	},
	test: {
		include: ["test/**/*.test.ts"],
		globalSetup: ["test/setup/build.ts"],
		testTimeout: 20000,
	},
});
