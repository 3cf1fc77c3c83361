/** A note's name: its file name without the folder and `.md`. */
export function noteName(path: string): string {
	const base = path.slice(path.lastIndexOf("/") + 1);
	return base.replace(/\.md$/i, "");
}
