// A fake of the Obsidian API the plugin calls, for tests (vitest.config.mts aliases `obsidian` to
// this file); see README.md here. Test-only helpers are marked "Test helper" or "Fake-only".
import { installDomHelpers } from "./dom";

export * from "./util";
export * from "./events";
export * from "./dom";
export * from "./component";
export * from "./vault";
export * from "./metadata";
export * from "./workspace";
export * from "./ui";
export * from "./settings";
export * from "./bases";
export * from "./plugin";
export * from "./app";
export * from "./testing";

installDomHelpers();
