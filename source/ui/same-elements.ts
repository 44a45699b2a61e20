/**
 * Whether two arrays hold the same elements, by identity, in the same order: the cheap test
 * of "nothing changed" for memoised rows and for the styles of screen cells.
 * @example sameElements(['a', 'b'], ['a', 'b']) // true
 */
export function sameElements<T>(a: readonly T[], b: readonly T[]): boolean {
	if (a === b) {
		return true;
	}
	if (a.length !== b.length) {
		return false;
	}
	for (let index = 0; index < a.length; index++) {
		if (a[index] !== b[index]) {
			return false;
		}
	}
	return true;
}
