// Copies the built plugin into a vault: npm run install-plugin -- /path/to/vault [--config-dir .obsidian]
import { copyFileSync, existsSync, mkdirSync, statSync } from "node:fs";
import { join } from "node:path";

const args = process.argv.slice(2);
const vault = args.find((a) => !a.startsWith("--"));
const configIndex = args.indexOf("--config-dir");
const configDir = configIndex >= 0 ? args[configIndex + 1] : ".obsidian";
if (!vault || !existsSync(vault) || !statSync(vault).isDirectory()) {
	console.error(`install-plugin: give the vault folder, e.g. npm run install-plugin -- ~/Notes${vault ? ` (not found: ${vault})` : ""}`);
	process.exit(2);
}
if (!configDir || !existsSync(join(vault, configDir))) {
	console.error(`install-plugin: ${join(vault, configDir ?? "")} not found: open the folder as a vault in Obsidian once first`);
	process.exit(2);
}
const target = join(vault, configDir, "plugins", "touchbase");
mkdirSync(target, { recursive: true });
for (const file of ["main.js", "manifest.json", "styles.css"]) copyFileSync(file, join(target, file));
console.log(`Installed Touchbase in ${target}. In Obsidian: Settings → Community plugins → enable Touchbase.`);
