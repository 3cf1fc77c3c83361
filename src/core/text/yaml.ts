import type matterFunction from "gray-matter";
import type * as JsYaml from "js-yaml";

export interface YamlLibraries {
	matter: typeof matterFunction;
	load: typeof JsYaml.load;
	dump: typeof JsYaml.dump;
	JSON_SCHEMA: typeof JsYaml.JSON_SCHEMA;
}

let libraries: YamlLibraries | null = null;

/**
 * gray-matter and js-yaml, loaded the first time YAML is read or written: building js-yaml's
 * schemas is most of what loading the plugin would otherwise cost, and indexing waits for the
 * layout anyway. Both are bundled all the same.
 */
export function yamlLibraries(): YamlLibraries {
	if (libraries === null) {
		/* eslint-disable no-undef, @typescript-eslint/no-require-imports -- the bundle's own require, run on first use */
		const matter = require("gray-matter") as typeof matterFunction;
		const { load, dump, JSON_SCHEMA } = require("js-yaml") as typeof JsYaml;
		/* eslint-enable no-undef, @typescript-eslint/no-require-imports -- only the two lines above */
		libraries = { matter, load, dump, JSON_SCHEMA };
	}
	return libraries;
}
