// A DOM for the plugin in Node: happy-dom's window, its names copied onto the global object the
// way a test environment does. Imported first, so the Obsidian fake finds a DOM when it loads.
import { runInThisContext } from "node:vm";
import { Window } from "happy-dom";

const win = new Window({ url: "http://localhost/", width: 1280, height: 800 });
// Node's global object, where a browser's names live.
const globals = runInThisContext("this") as Record<string, unknown>;
for (const key of Object.getOwnPropertyNames(win)) {
	if (key in globals) continue;
	try {
		globals[key] = (win as unknown as Record<string, unknown>)[key];
	} catch {
		// Some getters throw outside a browsing context; nothing needs them.
	}
}
globals.window = win;
globals.document = win.document;
globals.navigator = win.navigator;
// Obsidian's globals for popout windows.
globals.activeWindow = win;
globals.activeDocument = win.document;

export const domWindow = win;
