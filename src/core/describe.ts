/** "2 days overdue", "today 09:30", "tomorrow", "in 3 days". */
export function relativeDay(days: number, time: string | null = null): string {
	const at = time ? ` ${time}` : "";
	if (days === 0) return `today${at}`;
	if (days === 1) return `tomorrow${at}`;
	if (days === -1) return "1 day overdue";
	return days < 0 ? `${-days} days overdue` : `in ${days} days`;
}
