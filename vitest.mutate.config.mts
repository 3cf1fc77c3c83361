// The tests `npm run mutate` runs against each mutant (docs/testing.md): the fast unit tests of the
// core, in UTC, without the build the process tests need.
import { defineConfig } from "vitest/config";
import { fileURLToPath } from "node:url";

process.env.TZ = "UTC";

export default defineConfig({
	resolve: {
		alias: { obsidian: fileURLToPath(new URL("./test/fakes/obsidian.ts", import.meta.url)) },
	},
	test: {
		// TOUCHBASE_MUTATE_TESTS (comma-separated globs) narrows the tests, for a folder whose mutants
		// reach most of the suite (docs/testing.md, "Scores").
		include: process.env.TOUCHBASE_MUTATE_TESTS?.split(",") ?? ["test/core/**/*.test.ts", "test/properties/**/*.test.ts"],
		// Runs the built CLI: a process test, not a unit test of the core.
		exclude: ["test/properties/readCache.property.test.ts"],
		// A surviving mutant runs every property that reaches it in full: 60 runs each, not 300.
		// Time bounds (the large-input tests) are skipped: instrumented code is many times slower.
		env: { TZ: "UTC", TOUCHBASE_PROPERTY_RUNS: "60", TOUCHBASE_MUTATION: "1" },
		testTimeout: 20000,
		// One module graph for all the files of a run: a run per mutant, so their set-up adds up.
		isolate: false,
	},
});
