// `node:os` for the browser harness: only tmpdir, which the in-memory file system provides.
export function tmpdir(): string {
	return "/tmp";
}
export default { tmpdir };
