import type { Bucket } from "../rules/due";

/** How each bucket is named to people: the view's section titles and the CLI's table. */
export const BUCKET_TITLES: Record<Bucket, string> = {
	overdue: "Overdue",
	today: "Today",
	upcoming: "Upcoming",
	later: "Later",
	"no-next-step": "No next step",
	paused: "Paused",
	closed: "Closed",
};

/** "2 days overdue", "today 09:30", "tomorrow", "in 3 days". */
export function relativeDay(days: number, time: string | null = null): string {
	const at = time ? ` ${time}` : "";
	if (days === 0) return `today${at}`;
	if (days === 1) return `tomorrow${at}`;
	if (days === -1) return "1 day overdue";
	return days < 0 ? `${-days} days overdue` : `in ${days} days`;
}

/** "1 touch", "3 touches". */
export function count(n: number, one: string, many: string): string {
	return `${n} ${n === 1 ? one : many}`;
}

/** "50%", or "—" when there is nothing to divide. */
export function percent(share: number | null): string {
	return share === null ? "—" : `${Math.round(share * 100)}%`;
}

/** The view header's line: "This week: 14 touches, 3 answers, 2 promises at risk". */
export function weeklySummary(week: { touches: number; answers: number; promisesAtRisk: number }): string {
	return `This week: ${count(week.touches, "touch", "touches")}, ${count(week.answers, "answer", "answers")}, ${count(week.promisesAtRisk, "promise", "promises")} at risk`;
}

/** Why a promise counts as broken: "late", "by another channel", or both. */
export function brokenBecause(promise: { late: boolean; otherChannel: boolean }): string {
	return [promise.late ? "late" : null, promise.otherChannel ? "by another channel" : null].filter((s) => s !== null).join(", ");
}
