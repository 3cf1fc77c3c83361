// `npm run mutate` (docs/testing.md): mutation testing of the core with the unit tests.
/** @type {import('@stryker-mutator/api/core').PartialStrykerOptions} */
export default {
	testRunner: "vitest",
	vitest: { configFile: "vitest.mutate.config.mts" },
	mutate: ["src/core/**/*.ts"],
	coverageAnalysis: "perTest",
	// The machine is often shared: one test process unless asked (`--concurrency 2`).
	concurrency: 1,
	reporters: ["clear-text", "progress", "json", "html"],
	jsonReporter: { fileName: "reports/mutation/mutation.json" },
	htmlReporter: { fileName: "reports/mutation/mutation.html" },
	clearTextReporter: { allowColor: false, reportMutants: false, reportTests: false },
	tempDirName: ".stryker-tmp",
	cleanTempDir: true,
	timeoutMS: 10000,
	thresholds: { high: 85, low: 70, break: null },
};
