import type { DueReport } from "../rules/dueReport";

/** The `due --json` object (README, "The command line"). */
export interface DueJson {
	today: string;
	counts: Record<string, number>;
	prospects: {
		path: string;
		name: string;
		status: string;
		bucket: string;
		due: string | null;
		time: string | null;
		suggested: boolean;
		channel: string | null;
		touches: number;
		lastTouch: string | null;
		company: string | null;
		value: number | null;
		text: string | null;
		line: number | null;
		/** Going cold (README, "Going cold"), and the days since the last touch (null: none). */
		cold: boolean;
		daysSinceTouch: number | null;
	}[];
	problems: { path: string; line: number | null; message: string }[];
}

export function dueJson(report: DueReport): DueJson {
	return {
		today: report.today,
		counts: { ...report.counts, problems: report.problems.length },
		prospects: report.entries.map((e) => ({
			path: e.prospect.path,
			name: e.prospect.name,
			status: e.effectiveStatus,
			bucket: e.bucket,
			due: e.next?.date ?? null,
			time: e.next?.time ?? null,
			suggested: e.next?.suggested ?? false,
			channel: e.next?.channel ?? e.prospect.channel,
			touches: e.doneCount,
			lastTouch: e.lastTouch?.date ?? null,
			company: e.prospect.company,
			value: e.prospect.value,
			text: e.next?.text ?? null,
			line: e.next?.line ?? null,
			cold: e.cold,
			daysSinceTouch: e.daysSinceTouch,
		})),
		problems: report.problems.map((p) => ({ path: p.path, line: p.line, message: p.message })),
	};
}
