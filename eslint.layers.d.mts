// Types for eslint.layers.mjs, for the test that lints with it (test/lint/layers.test.ts).
import type { Linter } from "eslint";

export declare const layers: Linter.Config[];
