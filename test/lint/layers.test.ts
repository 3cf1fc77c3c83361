// The layers of eslint.layers.mjs, shown on small probes: what each layer may not import, and that
// the ordinary imports still pass. The last test checks eslint.config.mjs applies them unchanged.
import { ESLint, type Linter } from "eslint";
import { fileURLToPath } from "node:url";
import tseslint from "typescript-eslint";
import { describe, expect, it } from "vitest";
import { CORE_FOLDERS, layers, PLUGIN_FOLDERS } from "../../eslint.layers.mjs";

const ROOT = fileURLToPath(new URL("../..", import.meta.url));

const eslint = new ESLint({
	cwd: ROOT,
	overrideConfigFile: true,
	overrideConfig: [...layers, { files: ["**/*.ts"], languageOptions: { parser: tseslint.parser } }],
});

/** The messages of the layer rule for `code` linted as the file `filePath`. */
async function restricted(code: string, filePath: string): Promise<string[]> {
	const [result] = await eslint.lintText(code, { filePath });
	const fatal = result.messages.filter((m) => m.fatal);
	if (fatal.length > 0) throw new Error(`could not lint ${filePath}: ${fatal[0].message}`);
	return result.messages.filter((m) => m.ruleId === "no-restricted-imports" && m.severity === 2).map((m) => m.message);
}

const imports = (from: string): string => `import { x } from "${from}";\nexport const y = x;\n`;

describe("src/core", () => {
	const probe = "src/core/probe.ts";

	it.each(["obsidian", "../plugin/main", "../plugin/modals/fields", "node:fs", "fs", "fs/promises", "path", "../cli/main"])("may not import %s", async (from) => {
		expect(await restricted(imports(from), probe)).toHaveLength(1);
	});

	it("may not import them by type only, nor re-export them", async () => {
		expect(await restricted('import type { App } from "obsidian";\nexport type A = App;\n', probe)).toHaveLength(1);
		expect(await restricted('export { main } from "../cli/main";\n', probe)).toHaveLength(1);
	});

	it("names the rule broken in its message", async () => {
		const [message] = await restricted(imports("obsidian"), probe);
		expect(message).toContain("src/core stays free of Obsidian");
	});

	it.each(["./dates", "./settings", "date-fns", "gray-matter", "chrono-node/en"])("may import %s", async (from) => {
		expect(await restricted(imports(from), probe)).toEqual([]);
	});

	it("is checked in sub-folders too", async () => {
		expect(await restricted(imports("../../plugin/main"), "src/core/deeper/probe.ts")).toHaveLength(1);
		expect(await restricted(imports("node:path"), "src/core/deeper/probe.ts")).toHaveLength(1);
	});
});

describe("src/plugin", () => {
	it.each(["node:fs", "fs", "path", "child_process", "../cli/main"])("may not import %s", async (from) => {
		expect(await restricted(imports(from), "src/plugin/probe.ts")).toHaveLength(1);
	});

	it("may not import main.ts, except main.ts itself", async () => {
		expect(await restricted(imports("./main"), "src/plugin/probe.ts")).toHaveLength(1);
		expect(await restricted(imports("../main"), "src/plugin/modals/probe.ts")).toHaveLength(1);
		expect(await restricted(imports("./commands"), "src/plugin/main.ts")).toEqual([]);
		// main.ts keeps the other restrictions.
		expect(await restricted(imports("node:fs"), "src/plugin/main.ts")).toHaveLength(1);
	});

	it.each(["obsidian", "../core/dates", "./liveIndex", "./mainMenu", "../../core/settings", "date-fns"])("may import %s", async (from) => {
		expect(await restricted(imports(from), "src/plugin/probe.ts")).toEqual([]);
	});
});

describe("src/cli", () => {
	it.each(["obsidian", "../plugin/main", "../plugin/liveIndex"])("may not import %s", async (from) => {
		expect(await restricted(imports(from), "src/cli/probe.ts")).toHaveLength(1);
	});

	it.each(["node:fs", "path", "../core/dates", "./format"])("may import %s", async (from) => {
		expect(await restricted(imports(from), "src/cli/probe.ts")).toEqual([]);
	});
});

describe("the folders of src/core, in order", () => {
	it("lets a folder import itself and the folders before it", async () => {
		expect(await restricted(imports("../text/dates"), "src/core/read/probe.ts")).toEqual([]);
		expect(await restricted(imports("./note"), "src/core/read/probe.ts")).toEqual([]);
		expect(await restricted(imports("../read/note"), "src/core/show/probe.ts")).toEqual([]);
	});

	it.each([
		["text", "../read/note"],
		["read", "../rules/due"],
		["rules", "../index/prospectIndex"],
		["index", "../write/logTouch"],
		["write", "../show/explain"],
		["show", "../import/importLeads"],
		["settings", "../read/note"],
	])("rejects %s importing %s, naming the order", async (folder, from) => {
		const messages = await restricted(imports(from), `src/core/${folder}/probe.ts`);
		expect(messages).toHaveLength(1);
		expect(messages[0]).toContain(`src/core/${folder} comes before`);
	});

	it("checks every folder but the last, which may import them all", async () => {
		const last = CORE_FOLDERS[CORE_FOLDERS.length - 1];
		for (const folder of CORE_FOLDERS.slice(0, -1)) {
			expect(await restricted(imports(`../${last}/x`), `src/core/${folder}/probe.ts`), folder).toHaveLength(1);
		}
		expect(await restricted(imports("../write/logTouch"), `src/core/${last}/probe.ts`)).toEqual([]);
	});
});

describe("the folders of src/plugin, in order", () => {
	it("rejects a view imported by the index, and keeps the plugin's own rules there", async () => {
		expect(await restricted(imports("../views/followUpsView"), "src/plugin/index/probe.ts")).toHaveLength(1);
		expect(await restricted(imports("../main"), "src/plugin/index/probe.ts")).toHaveLength(1);
		expect(await restricted(imports("node:fs"), "src/plugin/views/probe.ts")).toHaveLength(1);
		expect(await restricted(imports("../index/liveIndex"), "src/plugin/views/probe.ts")).toEqual([]);
		expect(await restricted(imports("../ports"), "src/plugin/index/probe.ts")).toEqual([]);
	});

	it("checks every folder but the last", async () => {
		const last = PLUGIN_FOLDERS[PLUGIN_FOLDERS.length - 1];
		for (const folder of PLUGIN_FOLDERS.slice(0, -1)) {
			expect(await restricted(imports(`../${last}/x`), `src/plugin/${folder}/probe.ts`), folder).toHaveLength(1);
		}
	});
});

describe("eslint.config.mjs", () => {
	it("applies the layers as they are: no later entry replaces their options", async () => {
		const project = new ESLint({ cwd: ROOT });
		const rule = async (linter: ESLint, file: string): Promise<unknown> => ((await linter.calculateConfigForFile(file)) as Linter.Config).rules?.["no-restricted-imports"];
		for (const file of ["src/core/probe.ts", "src/core/read/probe.ts", "src/plugin/probe.ts", "src/plugin/views/probe.ts", "src/plugin/main.ts", "src/cli/probe.ts"]) {
			const fromLayers = await rule(eslint, file);
			expect(fromLayers, file).toEqual([2, expect.objectContaining({ paths: expect.any(Array), patterns: expect.any(Array) })]);
			expect(await rule(project, file), file).toEqual(fromLayers);
		}
	});
});
