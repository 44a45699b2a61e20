// Ink turns every frame into text by painting the whole screen, character by character, into a
// grid of objects (Output.get): 200×50 cells and their styles, tokenised again for every line,
// on every frame, although one pod's row is all that changed. Under a watch storm that was most
// of kpods' CPU (bench/churn.ts) and most of its garbage. Ink 6 offers no way around it
// (`incrementalRendering` only writes fewer bytes, after the whole frame is made), so this
// makes each screen line once: the line's text is a pure function of what was written on it,
// so a line written with the same pieces as before is the line made before. A changed line is
// still made by Ink's own code (a one-line Output), so the bytes are exactly Ink's.
// Ink's Output is not exported; the file is imported by path, the same module Ink's renderer uses.
//
// A changed line is made as Ink's Output makes it, with Ink's own pieces (the tokenizer, styled
// characters, style diffs and string-width it imports) but without its per-character waste: Ink
// diffs the styles of every pair of neighbouring cells (five Sets each), measures every character
// afresh for each Output, and fills a fresh cell object for every blank: ~330 KB of garbage per
// 200-column line, the largest part of kpods' CPU under a watch storm (bench/churn.ts). Here the
// styles are diffed only where they change (neighbours holding the same style objects have an
// empty diff), widths are remembered, and blanks are one shared cell. The bytes are Ink's
// (test/ui/ink-line-cache.test.tsx compares them on fixed and generated lines).
import Output from '../../node_modules/ink/build/output.js';
import {
	ansiCodesToString,
	diffAnsiCodes,
	reduceAnsiCodesIncremental,
	tokenize,
	type StyledChar,
} from '../../node_modules/@alcalzone/ansi-tokenize/build/index.js';
import {getEndCode} from '../../node_modules/@alcalzone/ansi-tokenize/build/ansiCodes.js';
import stringWidth from '../../node_modules/string-width/index.js';
import {narrow} from './narrow-width.js';
import {sameElements} from './same-elements.js';

type Transformer = (line: string, index: number) => string;
type Operation = {type: 'write'; x: number; y: number; text: string; transformers: Transformer[]} | {type: 'clip' | 'unclip'};
interface OutputInternals {
	width: number;
	height: number;
	operations: Operation[];
}

/** Lines made lately, by width and the pieces written on them; enough for a few screens. */
const made = new Map<string, string>();
const keep = 2000;
const original = Output.prototype.get;
let installed = false;

/** Makes Ink draw each distinct screen line once instead of repainting every line of every frame; returns the undo. */
export function installLineCache(): () => void {
	if (!installed) {
		installed = true;
		Output.prototype.get = function get(this: Output) {
			return cachedGet(this as unknown as OutputInternals) ?? original.call(this);
		};
	}
	return () => {
		Output.prototype.get = original;
		installed = false;
		made.clear();
	};
}

/** The frame Ink's Output.get makes, line by line from the cache; undefined where Ink must do it (clipping, a transformer that adds lines). */
function cachedGet(output: OutputInternals): {output: string; height: number} | undefined {
	const {width, height, operations} = output;
	const pieces: string[][] = Array.from({length: height}, () => []);
	for (const operation of operations) {
		if (operation.type !== 'write') {
			return undefined;
		}
		const {x, y, text, transformers} = operation;
		// As Output.get places lines: a line that falls off the grid does not move the next one down.
		let offsetY = 0;
		for (let [index, line] of text.split('\n').entries()) {
			const row = pieces[y + offsetY];
			if (!row) {
				continue;
			}
			for (const transformer of transformers) {
				line = transformer(line, index);
			}
			if (line.includes('\n')) {
				return undefined;
			}
			row.push(`${x}\u0000${line}`);
			offsetY++;
		}
	}

	const lines: string[] = [];
	for (const row of pieces) {
		const key = `${width}\u0001${row.join('\u0002')}`;
		let line = made.get(key);
		if (line === undefined) {
			line = makeLine(width, row);
			if (made.size >= keep) {
				made.delete(made.keys().next().value!);
			}
		} else {
			made.delete(key);
		}
		made.set(key, line);
		lines.push(line);
	}

	return {output: lines.join('\n'), height};
}

/** One line, as Ink's Output.get makes it on a one-line grid of `width` cells. */
function makeLine(width: number, row: readonly string[]): string {
	const cells: Array<StyledChar | undefined> = new Array<StyledChar>(width).fill(blank);
	for (const piece of row) {
		const split = piece.indexOf('\u0000');
		let x = Number(piece.slice(0, split));
		for (const char of styledChars(piece.slice(split + 1))) {
			cells[x] = char;
			const wide = widthOf(char.value);
			// The cells a wide character covers hold nothing, in its styles.
			for (let index = 1; index < wide; index++) {
				cells[x + index] = {type: 'char', value: '', fullWidth: false, styles: char.styles};
			}
			x += wide;
		}
	}

	// Ink's styledCharsToString over the cells written (a write past the end leaves holes).
	const chars = cells.filter(cell => cell !== undefined);
	let line = '';
	for (let index = 0; index < chars.length; index++) {
		const char = chars[index]!;
		if (index === 0) {
			line += ansiCodesToString(char.styles);
		} else {
			const before = chars[index - 1]!.styles;
			// The same style objects in the same order: the diff between them is empty, so nothing is written between such cells.
			if (!sameElements(before, char.styles)) {
				line += ansiCodesToString(diffAnsiCodes(before, char.styles));
			}
		}
		line += char.value;
		if (index === chars.length - 1) {
			line += ansiCodesToString(diffAnsiCodes(char.styles, []));
		}
	}

	return line.trimEnd();
}

type Token = ReturnType<typeof tokenize>[number];

/**
 * The styled characters of a piece, as the tokenizer's styledCharsFromTokens makes them, but the
 * characters between two escape codes share one styles array (the library copies it for every
 * character; nothing edits it), so neighbours in the same style are one pointer apart in makeLine.
 */
function styledChars(text: string): StyledChar[] {
	let codes: StyledChar['styles'] = [];
	const chars: StyledChar[] = [];
	for (const token of tokens(text)) {
		if (token.type === 'ansi') {
			codes = reduceAnsiCodesIncremental(codes, [token]);
		} else {
			chars.push({type: 'char', value: token.value, fullWidth: token.fullWidth, styles: codes});
		}
	}
	return chars;
}

/** Text that is printable ASCII and simple SGR codes (`ESC[31m`, one number or none) only: a table row with a coloured cell. */
// biome-ignore lint/suspicious/noControlCharactersInRegex: ESC starts the colour codes it matches.
const plainAsciiWithColours = /^(?:[ -~]|\u001B\[\d*m)*$/;
// biome-ignore lint/suspicious/noControlCharactersInRegex: ESC starts the colour code it matches.
const sgrCode = /\u001B\[\d*m/y;

/**
 * Text whose characters are each one grapheme and one column wide (ui/narrow-width.ts: Latin,
 * punctuation, arrows, box drawing, `●`), with simple SGR codes: the header's and footer's lines.
 * With these too the first frame segments no line, and Ink's segmenters are never made before it.
 */
function narrowWithColours(text: string): boolean {
	for (let index = 0; index < text.length; index++) {
		if (text.charCodeAt(index) === 0x1b) {
			sgrCode.lastIndex = index;
			const code = sgrCode.exec(text);
			if (!code) {
				return false;
			}
			index += code[0].length - 1;
		} else if (!narrow(text.charCodeAt(index))) {
			return false;
		}
	}
	return true;
}

/**
 * The tokenizer's tokens. It walks the text by grapheme with Intl.Segmenter, an object per
 * character: most of the garbage a changed line made. Where the text is printable ASCII (or other
 * narrow characters) and simple SGR codes only, every character is its own grapheme, one column
 * wide, and each code one token, so the tokens are made directly, the same
 * (test/ui/ink-line-cache.test.tsx compares them).
 */
function tokens(text: string): Token[] {
	if (!plainAsciiWithColours.test(text) && !narrowWithColours(text)) {
		return tokenize(text);
	}
	const made: Token[] = [];
	let index = 0;
	while (index < text.length) {
		if (text.charCodeAt(index) === 0x1b) {
			sgrCode.lastIndex = index;
			const code = sgrCode.exec(text)![0];
			made.push({type: 'ansi', code, endCode: getEndCode(code)});
			index += code.length;
		} else {
			made.push({type: 'char', value: text[index]!, fullWidth: false});
			index++;
		}
	}
	return made;
}

/** The tokenizer's tokens for `text`, made as makeLine makes them (for tests). */
export const tokensForTest = tokens;

/** A cell nothing was written on (never changed: a written cell is replaced, not edited). */
const blank: StyledChar = {type: 'char', value: ' ', fullWidth: false, styles: []};

/** Cells a character covers, as Ink counts them (at least one), remembered: few distinct characters reach the screen. */
const widths = new Map<string, number>();
function widthOf(value: string): number {
	let width = widths.get(value);
	if (width === undefined) {
		width = Math.max(1, stringWidth(value));
		if (widths.size >= 10_000) {
			widths.clear();
		}
		widths.set(value, width);
	}
	return width;
}
