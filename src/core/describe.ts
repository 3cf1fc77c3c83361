import type { Bucket } from "./due";

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
