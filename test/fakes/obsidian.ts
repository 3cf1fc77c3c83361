// A fake of the Obsidian API for tests (vitest.config.mts aliases `obsidian` to this file).
// The vault works on real files in a folder, so tests can check the bytes on disk. Everything that
// needs a DOM (views, modals, settings, menus rendering) needs `// @vitest-environment happy-dom`.
// Test-only helpers are marked "Test helper" / "Fake-only" in their docs; see test/fakes/README.md.
import { installDomHelpers } from "./dom";
import { installBuiltinExtensions } from "./util";

export * from "./util";
export * from "./events";
export * from "./dom";
export * from "./component";
export * from "./vault";
export * from "./metadata";
export * from "./editor";
export * from "./workspace";
export * from "./ui";
export * from "./settings";
export * from "./bases";
export * from "./plugin";
export * from "./app";
export * from "./testing";

installBuiltinExtensions();
installDomHelpers();
