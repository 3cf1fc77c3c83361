import { it } from "vitest";
import { readFileSync } from "node:fs";
import { checkLeadBytes } from "../src/core/import/leadInput";
it("probe", () => {
  for (const f of ["README.md", "examples/leads.csv", "test/fixtures/leads/badge-scanner.csv", "test/fixtures/leads/linkedin.csv", "test/fixtures/leads/contacts.vcf", "package.json", "docs/images/follow-ups-light.png"]) {
    const r = checkLeadBytes(readFileSync(f), f);
    console.log(f, r.ok ? "OK " + r.file.rows.length : r.message);
  }
});
