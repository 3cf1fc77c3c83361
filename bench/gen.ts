// `npm run bench:gen -- --notes N --out DIR [--seed S] [--due-only]`
import { generateMain } from "./generate";

process.exitCode = generateMain(process.argv.slice(2));
