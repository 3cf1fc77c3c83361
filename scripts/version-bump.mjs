// `npm version patch|minor|major|X.Y.Z` runs this after it has set package.json's version (as the
// official sample plugin does): manifest.json gets the same version, and versions.json maps it to
// the manifest's minAppVersion, so Obsidian offers each user the newest release their app can run.
// Run from the project folder (npm does); the version comes from npm, or from the first argument.
import { readFileSync, writeFileSync } from "node:fs";

const target = process.argv[2] ?? process.env.npm_package_version;
if (!target || !/^\d+\.\d+\.\d+$/.test(target)) {
	console.error(`version-bump: need a version as X.Y.Z, not "${target ?? ""}" (run it through npm version)`);
	process.exit(2);
}

const manifest = JSON.parse(readFileSync("manifest.json", "utf8"));
manifest.version = target;
writeFileSync("manifest.json", `${JSON.stringify(manifest, null, "\t")}\n`);

const versions = JSON.parse(readFileSync("versions.json", "utf8"));
versions[target] = manifest.minAppVersion;
writeFileSync("versions.json", `${JSON.stringify(versions, null, "\t")}\n`);
