// gray-matter requires `fs` when it loads, for `matter.read(path)`, which Touchbase never calls.
// Obsidian mobile has no `fs`: this stand-in keeps the plugin bundle free of Node built-ins.
function unavailable(): never {
	throw new Error("Touchbase reads notes through the Obsidian vault, not the file system");
}

export const readFileSync = unavailable;
export default { readFileSync };
