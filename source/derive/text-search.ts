/**
 * Searching a text view (the detail) the way `less` and vim do: smart case (a query with a
 * capital letter matches case exactly, else any case), `n`/`N` go to the next/previous
 * matching line and wrap around the ends.
 */

/** A search in a text view: what is sought, and the matching line the view is on. */
export interface TextSearch {
	query: string;
	line?: number;
}

const smartCase = (query: string) => query !== query.toLowerCase();

/** Where `query` occurs in `text`, as [start, end) ranges, left to right, not overlapping. */
export function matchRanges(text: string, query: string): Array<[number, number]> {
	if (query === '') {
		return [];
	}
	const exact = smartCase(query);
	const haystack = exact ? text : text.toLowerCase();
	const needle = exact ? query : query.toLowerCase();
	const ranges: Array<[number, number]> = [];
	for (let at = haystack.indexOf(needle); at !== -1; at = haystack.indexOf(needle, at + needle.length)) {
		ranges.push([at, at + needle.length]);
	}
	return ranges;
}

/** The indexes of the lines that contain `query`. */
export function matchingLines(lines: readonly string[], query: string): number[] {
	if (query === '') {
		return [];
	}
	return lines.flatMap((line, index) => (matchRanges(line, query).length > 0 ? [index] : []));
}

/**
 * The matching line after `from` (direction 1) or before it (-1), wrapping around the ends;
 * undefined when no line matches. `from` may be -1 to start at the top.
 */
export function nextMatch(lines: readonly string[], query: string, from: number, direction: 1 | -1): number | undefined {
	const matches = matchingLines(lines, query);
	if (matches.length === 0) {
		return undefined;
	}
	if (direction === 1) {
		return matches.find(line => line > from) ?? matches[0];
	}
	return matches.findLast(line => line < from) ?? matches.at(-1);
}

/** `3/12`: which match the view is on, of how many; `no match` when none. */
export function matchPosition(lines: readonly string[], search: TextSearch): string {
	const matches = matchingLines(lines, search.query);
	if (matches.length === 0) {
		return 'no match';
	}
	const index = search.line === undefined ? -1 : matches.indexOf(search.line);
	return index === -1 ? `${matches.length} matches` : `${index + 1}/${matches.length}`;
}
