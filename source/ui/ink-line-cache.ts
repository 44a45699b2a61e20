// Ink turns every frame into text by painting the whole screen, character by character, into a
// grid of objects (Output.get): 200×50 cells and their styles, tokenised again for every line,
// on every frame, although one pod's row is all that changed. Under a watch storm that was most
// of kpods' CPU (bench/churn.ts) and most of its garbage. Ink 6 offers no way around it
// (`incrementalRendering` only writes fewer bytes, after the whole frame is made), so this
// makes each screen line once: the line's text is a pure function of what was written on it,
// so a line written with the same pieces as before is the line made before. A changed line is
// still made by Ink's own code (a one-line Output), so the bytes are exactly Ink's.
// Ink's Output is not exported; the file is imported by path, the same module Ink's renderer uses.
import Output from '../../node_modules/ink/build/output.js';

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

/** One line, by Ink's own Output on a one-line grid. */
function makeLine(width: number, row: readonly string[]): string {
	const one = new Output({width, height: 1});
	for (const piece of row) {
		const split = piece.indexOf('\u0000');
		one.write(Number(piece.slice(0, split)), 0, piece.slice(split + 1), {transformers: []});
	}
	return original.call(one).output;
}
