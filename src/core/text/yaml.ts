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
 * How many times notes and their YAML were parsed since the start (or since a test set them to
 * 0): each command parses its note once (docs/architecture.md, "From a command to the note"),
 * and the tests hold it to that. `notes` counts `readNote` calls, `yaml` frontmatter parses.
 */
export const parseCounts = { notes: 0, yaml: 0 };

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
