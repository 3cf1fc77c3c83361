// gray-matter keeps a Buffer copy of each input (`file.orig`) that Touchbase never reads.
// Obsidian mobile has no Buffer: esbuild injects this stand-in for the global in the plugin bundle.
export const Buffer = {
	from: (value: string): string => value,
	isBuffer: (): boolean => false,
};
