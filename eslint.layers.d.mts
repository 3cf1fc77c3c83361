// Types for eslint.layers.mjs, for the test that lints with it (test/lint/layers.test.ts).
import type { Linter } from "eslint";

export declare const layers: Linter.Config[];
export declare const CORE_FOLDERS: string[];
export declare const PLUGIN_FOLDERS: string[];
export declare const noCycles: Linter.Config[];
