/**
 * A function's answers kept by key, at most `limit` of them: the oldest goes first once full.
 * Notes repeat the same days, keys, tags and phrases, so the same questions come again.
 */
export function memo<K, V>(limit: number, compute: (key: K) => V, answers: Map<K, V> = new Map<K, V>()): (key: K) => V {
	return (key: K): V => {
		const known = answers.get(key);
		if (known !== undefined || answers.has(key)) return known as V;
		const value = compute(key);
		if (answers.size >= limit) answers.delete(answers.keys().next().value as K);
		answers.set(key, value);
		return value;
	};
}
