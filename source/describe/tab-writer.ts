/**
 * Go's `text/tabwriter` as kubectl's describers configure it (minwidth 0, padding 2, padchar
 * ' ', no flags): tab-terminated cells align in columns, and a column's block runs over the
 * consecutive lines that have a cell in it. That is why kubectl aligns each run of `Label:\t`
 * lines to its own longest label, and why a line without a tab ("Containers:") starts anew.
 */

const padding = 2;

/** Width of a cell as tabwriter counts it: in Unicode code points. */
const cellWidth = (cell: string): number => {
	let width = 0;
	for (const _ of cell) {
		width++;
	}
	return width;
};

/** Aligns the tab-separated cells of `text` the way kubectl's describe output is aligned. */
export function alignTabs(text: string): string {
	const lines = text.split('\n').map(line => line.split('\t'));
	const out: string[] = [];
	const widths: number[] = [];

	const writeLines = (from: number, to: number) => {
		for (let index = from; index < to; index++) {
			const cells = lines[index]!;
			let row = '';
			cells.forEach((cell, column) => {
				row += cell;
				if (column < widths.length) {
					row += ' '.repeat(Math.max(0, widths[column]! - cellWidth(cell)));
				}
			});
			out.push(row);
		}
	};

	// Go's recursive formatter: find each block of lines with a cell in this column, size the
	// column for that block, then format the columns to its right within the block.
	const format = (from: number, to: number) => {
		const column = widths.length;
		let start = from;
		for (let index = from; index < to; index++) {
			if (column >= lines[index]!.length - 1) {
				continue;
			}
			writeLines(start, index);
			start = index;
			let width = 0;
			for (; index < to; index++) {
				const cells = lines[index]!;
				if (column >= cells.length - 1) {
					break;
				}
				width = Math.max(width, cellWidth(cells[column]!) + padding);
			}

			widths.push(width);
			format(start, index);
			widths.pop();
			start = index;
		}

		writeLines(start, to);
	};

	format(0, lines.length);
	return out.join('\n');
}
