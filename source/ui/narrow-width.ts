// Ink measures every line with string-width 8, which answers printable ASCII at once but sends
// any other character through Intl.Segmenter and a `\p{RGI_Emoji}` regular expression. V8
// compiles that expression on its first use: 20–40 ms of CPU, spent on the first frame for its
// one `●` (and the footer's `↑↓`). The bundle puts this in front of string-width
// (scripts/narrow-width-plugin.js): a line made only of characters one column wide in every
// case — Latin letters, punctuation, arrows, box drawing — is measured by its length, and
// anything else by string-width itself (test/ui/narrow-width.test.ts holds both to the same
// answers for every character here).

/** Ranges of UTF-16 code units that are one grapheme each and one column wide (never emoji, marks, controls or East Asian wide). */
const narrowRanges: ReadonlyArray<readonly [number, number]> = [
	[0x20, 0x7e], // printable ASCII
	[0xa0, 0xac], // Latin-1 (0xad, the soft hyphen, is invisible)
	[0xae, 0x2ff], // Latin-1, Latin Extended A and B, IPA, spacing modifier letters
	[0x2010, 0x2027], // dashes, quotes, bullets, …
	[0x2030, 0x205e], // ‰, primes, ‹›, ⁄
	[0x2190, 0x21ff], // arrows
	[0x2200, 0x22ff], // mathematical operators (≥)
	[0x2500, 0x25fc], // box drawing, blocks, geometric shapes (○ ●; 0x25fd–0x25fe are emoji)
	[0x2713, 0x2713], // ✓
];

// A colour or style code (SGR), which string-width strips before measuring.
const sgr = new RegExp(`${String.fromCharCode(0x1b)}\\[[\\d;]*m`, 'g');

/** Whether a UTF-16 code unit is a character one grapheme and one column wide on its own (the ranges above). */
export function narrow(code: number): boolean {
	for (const [from, to] of narrowRanges) {
		if (code < from) {
			return false;
		}
		if (code <= to) {
			return true;
		}
	}
	return false;
}

/**
 * string-width's answer for text whose every character is one column wide (colour codes
 * aside), without its segmenter and emoji expression; undefined for any other text (and
 * for options other than string-width's defaults), which string-width then measures.
 */
export function narrowWidth(text: unknown, options?: {ambiguousIsNarrow?: boolean; countAnsiEscapeCodes?: boolean}): number | undefined {
	if (typeof text !== 'string' || options?.ambiguousIsNarrow === false || options?.countAnsiEscapeCodes) {
		return undefined;
	}
	const plain = text.includes('\u001B') ? text.replace(sgr, '') : text;
	for (let index = 0; index < plain.length; index++) {
		if (!narrow(plain.charCodeAt(index))) {
			return undefined;
		}
	}
	return plain.length;
}
