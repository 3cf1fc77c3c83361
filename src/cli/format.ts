// The text tables live in the core (src/core/format.ts): the plugin's Obsidian CLI handlers print them too.
export { formatDueTable, formatStats } from "../core/format";
