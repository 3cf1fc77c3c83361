// The real-note corpus of issue 26 (test/fixtures/real/SOURCES.md): every note of both parts
// against its hand-written answer, scored as `npm run corpus` scores it. What today's reader gets
// wrong is listed below by name, so a change that makes one right (or breaks another) shows here:
// then move the note out of (or into) the list.
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative, sep } from "node:path";
import { describe, expect, it } from "vitest";
import { scoreCorpus, scoreTable, type Answers } from "../../helpers/corpus";
import { FIXTURES } from "../../helpers/files";

const ROOT = join(FIXTURES, "real");
const answers = JSON.parse(readFileSync(join(ROOT, "answers.json"), "utf8")) as Answers;
const score = scoreCorpus(ROOT);

/** Notes today's reader gets wrong (vault:path), at the commit that added this test. */
const EXPECTED_WRONG = new Set<string>([
	"myprojectops-ai+crm-vault-agent:wiki/crm/prospectos/juan-ejemplo.md",
	"myprojectops-ai+crm-vault-agent:wiki/crm/prospectos/harry-ficticio.md",
	"myprojectops-ai+crm-vault-agent:wiki/crm/prospectos/yesica-muestra.md",
	"myprojectops-ai+crm-vault-agent:wiki/crm/prospectos/jota.md",
	"axelson+task-centric-obsidian-vault:Meeting Notes/2023-09-22 Marketing Meeting.md",
	"axelson+task-centric-obsidian-vault:Meeting Notes/2023-09-29 Engineering Meeting.md",
	"axelson+task-centric-obsidian-vault:People/Jane Doe.md",
	"axelson+task-centric-obsidian-vault:People/Mr X.md",
	"axelson+task-centric-obsidian-vault:People/Mrs Y.md",
	"igianni84+SecondBrainUltra:people/INDEX.md",
	"abhiroopb+ai-pm-os:people/example-person.md",
	"abhiroopb+ai-pm-os:people/README.md",
	"jumprope-jesse+jpt:people/Rashmi.md",
	"jumprope-jesse+jpt:people/Sara_Needleman.md",
	"jumprope-jesse+jpt:people/Chris_Brown.md",
	"jumprope-jesse+jpt:people/Jenny_Allen.md",
	"jumprope-jesse+jpt:people/Nguyen_Tran.md",
	"jumprope-jesse+jpt:people/Matt_Hoffman.md",
	"jumprope-jesse+jpt:people/Charity_Dodd.md",
	"jumprope-jesse+jpt:people/Hayley_Tanler.md",
	"jumprope-jesse+jpt:people/Alicia_Gragnani.md",
	"jumprope-jesse+jpt:meetings/summaries/2025-09-12_Weekly_Wrap_summary.md",
	"jumprope-jesse+jpt:meetings/summaries/2025-12-16_Ankur_on_FTE_devs_summary.md",
	"jumprope-jesse+jpt:people/Sylvia.md",
	"jumprope-jesse+jpt:people/Nica_Tahsequah.md",
	"jumprope-jesse+jpt:people/Yamaris_Perez.md",
	"jumprope-jesse+jpt:people/Jenna_Brown.md",
	"jumprope-jesse+jpt:people/Stacey_McNeil.md",
	"jumprope-jesse+jpt:people/Lara_Clickner.md",
	"jumprope-jesse+jpt:people/Jonathan_Cotton.md",
	"jumprope-jesse+jpt:meetings/summaries/2025-12-05_Weekly_Wrap_summary.md",
	"jumprope-jesse+jpt:meetings/summaries/2026-01-09_Weekly_Wrap_summary.md",
	"johnkoht+arete:test-data/meetings/2025-11-20-onboarding-discovery-kickoff.md",
	"johnkoht+arete:test-data/meetings/2025-12-04-customer-discovery-call-northstar-account.md",
	"johnkoht+arete:test-data/meetings/2025-12-18-onboarding-design-review.md",
	"johnkoht+arete:test-data/meetings/2026-01-08-weekly-1-1-with-alex.md",
	"johnkoht+arete:test-data/meetings/2026-01-15-weekly-1-1-with-alex-auth-blocker.md",
	"johnkoht+arete:test-data/meetings/2026-01-22-weekly-1-1-with-alex-auth-unblocked.md",
	"johnkoht+arete:test-data/meetings/2026-02-01-sprint-planning.md",
	"johnkoht+arete:test-data/meetings/2026-02-02-1-1-with-alex.md",
	"johnkoht+arete:test-data/meetings/2026-02-03-customer-call-acme-corp.md",
	"johnkoht+arete:test-data/meetings/2026-02-04-product-review-q1.md",
	"johnkoht+arete:test-data/meetings/2026-02-10-renewal-negotiation-acme-corp.md",
	"johnkoht+arete:test-data/meetings/2026-02-12-onboarding-v2-launch-readiness.md",
	"johnkoht+arete:test-data/meetings/2026-02-14-qbr-acme-corp.md",
	"winzenburg+MissionControl:crm/contacts/Sample_Contact.md",
]);

function files(dir: string): string[] {
	const walk = (d: string): string[] =>
		readdirSync(d).flatMap((name) => {
			const full = join(d, name);
			return statSync(full).isDirectory() ? walk(full) : name.endsWith(".md") ? [relative(dir, full).split(sep).join("/")] : [];
		});
	return walk(dir);
}

describe("the real-note corpus, both parts", () => {
	it("has an answer for every note of every vault, and each vault is in one part of the split", () => {
		for (const [name, vault] of Object.entries(answers.vaults)) {
			expect(Object.keys(vault.notes).sort(), name).toEqual(files(join(ROOT, "vaults", name)).sort());
			const inHeldOut = answers.split.heldOut.includes(vault.repo);
			expect(inHeldOut, name).toBe(vault.part === "held-out");
			expect(answers.split.tune.includes(vault.repo), name).toBe(vault.part === "tune");
		}
		expect(answers.split.heldOut.filter((r) => answers.split.tune.includes(r))).toEqual([]);
	});

	it("holds at least 100 person, client and interaction notes from at least 25 repositories", () => {
		const kinds = score.notes.filter((n) => n.kind === "prospect" || n.kind === "interaction");
		expect(kinds.length).toBeGreaterThanOrEqual(100);
		expect(new Set([...answers.split.tune, ...answers.split.heldOut]).size).toBeGreaterThanOrEqual(25);
	});

	it("lists only notes of the corpus as expected to be wrong", () => {
		const keys = new Set(score.notes.map((n) => n.key));
		expect([...EXPECTED_WRONG].filter((k) => !keys.has(k))).toEqual([]);
	});

	it.each(score.notes.map((n) => [n.key, n] as const))("%s", (key, note) => {
		if (EXPECTED_WRONG.has(key)) expect(note.right, `${key} is now right: take it out of EXPECTED_WRONG`).toBe(false);
		else expect(note.diff, key).toBe("");
	});

	it("reports the score of both parts", () => {
		const table = scoreTable(score);
		process.stdout.write(`real-note corpus (npm run corpus):\n${table}\n`);
		expect(table).toMatch(/prospects right\s+\d+\/\d+\s+\d+\/\d+/);
		expect(score.parts["held-out"].prospects).toBeGreaterThan(0);
	});
});
