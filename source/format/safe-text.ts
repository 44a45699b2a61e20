// Terminal safety in one place. Every string kpods did not write itself — API objects,
// server messages, files and file names, kubeconfig names, pasted text — can carry
// control characters that a terminal would obey: ESC ] 0 sets the title, ESC ] 52 writes
// the clipboard, SGR recolours, \r and \b overwrite what is shown, C1 CSI (U+009B) is ESC [
// on some terminals, bidi overrides reorder a line. kubectl closed this (CVE-2021-25743)
// by printing ESC as `^[`; kpods goes further and shows every such character visibly:
//
//   C0 controls and DEL   caret notation, as `cat -v` and kubectl: ESC → ^[, BEL → ^G, DEL → ^?;
//                         CR → \r, as kubectl spells it
//   C1 controls, bidi     a \u escape: U+009B → \u009b, U+202E → \u202e
//   and invisible format  (U+061C, U+200B–U+200F, U+2028–U+202E, U+2060–U+206F, U+FEFF, U+FFF9–U+FFFB)
//   tab                   spaces to the next multiple of 8 (on one line) — it is shown, never moved by
//   newline               kept by safeText and safeLines (they split there), ^J inside one line
//
// The output has only printable characters, so every function here is idempotent: text
// that is already safe passes through unchanged, and the rendering primitives can apply
// it again without harm (and without cost: the common case is one failed regex test).

/** Any character that is shown escaped (newline and tab included: the line functions handle them). */
const unsafe = /[\u0000-\u001F\u007F-\u009F\u061C\u200B-\u200F\u2028-\u202E\u2060-\u206F\uFEFF\uFFF9-\uFFFB]/;
/** The same, but newline and tab left alone (safeText keeps them for the line functions). */
const unsafeKeepingLines = /[\u0000-\u0008\u000B-\u001F\u007F-\u009F\u061C\u200B-\u200F\u2028-\u202E\u2060-\u206F\uFEFF\uFFF9-\uFFFB]/g;

const tabStop = 8;

/** How one character is shown. */
function visible(character: string): string {
	const code = character.codePointAt(0)!;
	if (code === 0x0d) {
		return '\\r'; // kubectl's own spelling (its EscapeTerminal), so describe text matches
	}
	if (code < 0x20) {
		return `^${String.fromCodePoint(code + 0x40)}`;
	}
	if (code === 0x7f) {
		return '^?';
	}
	return `\\u${code.toString(16).padStart(4, '0')}`;
}

/** Whether the text has anything a terminal could interpret (newline and tab count). */
export function hasControls(text: string): boolean {
	return unsafe.test(text);
}

/**
 * The text with every control, C1, bidi and invisible format character shown visibly,
 * newlines and tabs kept: for data that is split into lines later (where it enters kpods).
 */
export function safeText(text: string): string {
	return unsafe.test(text) ? text.replace(unsafeKeepingLines, visible) : text;
}

/** One line of text that cannot drive the terminal: controls shown visibly, tabs expanded, newlines as ^J. */
export function safeLine(text: string): string {
	if (!unsafe.test(text)) {
		return text;
	}
	// One pass, so a tab stops at a multiple of 8 of what is shown (an escape is wider than its character).
	let line = '';
	for (const character of text) {
		if (character === '\t') {
			line += ' '.repeat(tabStop - (line.length % tabStop));
		} else {
			line += unsafe.test(character) ? visible(character) : character;
		}
	}

	return line;
}

/** Multi-line text (a file, a message, an annotation) as safe lines: split at \n or \r\n, each made safe. */
export function safeLines(text: string): string[] {
	return text.split(/\r?\n/).map(line => safeLine(line));
}

/**
 * Every string in a parsed JSON value made safe (newlines and tabs kept), in place; the
 * API client runs it on whatever the server sends, so every view gets safe data and
 * measures column widths on the text it will show.
 */
export function safeJson<T>(value: T): T {
	return walk(value) as T;
}

function walk(value: unknown): unknown {
	if (typeof value === 'string') {
		return safeText(value);
	}
	if (Array.isArray(value)) {
		for (let index = 0; index < value.length; index++) {
			value[index] = walk(value[index]);
		}
		return value;
	}

	if (value && typeof value === 'object') {
		const record = value as Record<string, unknown>;
		for (const key of Object.keys(record)) {
			const safeKey = safeText(key);
			const item = walk(record[key]);
			if (safeKey === key) {
				record[key] = item;
			} else {
				delete record[key];
				record[safeKey] = item;
			}
		}
	}

	return value;
}

/**
 * Whether JSON text may hold an unsafe character: one written raw (C1, bidi, …) or as an
 * escape other than \n, \t and \", \\, \/. Most API objects have none, so parsing them
 * costs no walk over their strings.
 */
export function jsonMayHoldControls(json: string): boolean {
	return /\\u00[0189]|\\u007f|\\[bfr]|\\u061c|\\u20[0-6][0-9a-f]|\\ufeff|\\ufff[9ab]|[\u007F-\u009F\u061C\u200B-\u200F\u2028-\u202E\u2060-\u206F\uFEFF\uFFF9-\uFFFB]/i.test(
		json,
	);
}

/** JSON.parse, with every string made safe: for anything a server or a file sends. */
export function parseSafeJson<T>(json: string): T {
	const value = JSON.parse(json) as T;
	return jsonMayHoldControls(json) ? safeJson(value) : value;
}
