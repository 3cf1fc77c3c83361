// The Obsidian fake was written for Node: give the page the one timer it expects.
const g = globalThis as unknown as { setImmediate?: (fn: () => void) => unknown };
g.setImmediate ??= (fn: () => void) => window.setTimeout(fn, 0);
export {};
