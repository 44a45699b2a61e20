/**
 * Objects in the API server's list order: keyed `namespace/name`, compared bytewise (as Go
 * compares strings), so a key is found by binary search.
 */

/** The index of the first of `count` sorted keys (read by `keyAt`) that is not below `key`. */
export function lowerBound(count: number, keyAt: (index: number) => string, key: string): number {
	let low = 0;
	let high = count;
	while (low < high) {
		const middle = (low + high) >>> 1;
		if (keyAt(middle) < key) {
			low = middle + 1;
		} else {
			high = middle;
		}
	}
	return low;
}
