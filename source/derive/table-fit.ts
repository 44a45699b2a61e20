import {safeLine} from '../format/safe-text.js';

/** kubectl's tabwriter puts at least three spaces between columns. */
export const columnGap = 3;

export interface FitColumn {
	header: string;
	/** Columns with the lowest rank go first when the terminal is too narrow; undefined: never dropped. */
	dropRank?: number;
	/** Cut with '…' (after every droppable column is gone) instead of overflowing. */
	shrink?: boolean;
}

export interface Fitted {
	/** Indices of the columns that stay, in order. */
	keep: number[];
	/** Width of each kept column. */
	widths: number[];
}

/** The widest cell of each column, headers included, as shown (escaped controls are wider). */
export function columnWidths(headers: readonly string[], rows: ReadonlyArray<readonly string[]>): number[] {
	const widths = headers.map(header => header.length);
	for (const row of rows) {
		for (let index = 0; index < widths.length; index++) {
			const length = safeLine(row[index] ?? '').length;
			if (length > widths[index]!) {
				widths[index] = length;
			}
		}
	}

	return widths;
}

/**
 * Decides which columns fit in `available` characters: drop by rank, then shrink the
 * shrinkable ones down to their header (never narrower than 8), like a narrow k9s.
 */
export function fitColumns(columns: readonly FitColumn[], widths: readonly number[], available: number): Fitted {
	const keep = columns.map((_, index) => index);
	const total = () => keep.reduce((sum, index) => sum + widths[index]!, 0) + columnGap * Math.max(0, keep.length - 1);
	const droppable = columns
		.map((column, index) => ({rank: column.dropRank, index}))
		.filter((entry): entry is {rank: number; index: number} => entry.rank !== undefined)
		.sort((a, b) => a.rank - b.rank);
	for (const {index} of droppable) {
		if (total() <= available) {
			break;
		}
		keep.splice(keep.indexOf(index), 1);
	}

	const fitted = keep.map(index => widths[index]!);
	let overflow = total() - available;
	for (const [position, index] of keep.entries()) {
		if (overflow <= 0) {
			break;
		}
		const column = columns[index]!;
		if (!column.shrink) {
			continue;
		}
		const floor = Math.min(fitted[position]!, Math.max(8, column.header.length));
		const cut = Math.min(overflow, fitted[position]! - floor);
		fitted[position]! -= cut;
		overflow -= cut;
	}

	return {keep, widths: fitted};
}

/** One table line: cells padded to their widths, cut with '…' when longer; the last cell unpadded. */
export function tableLine(cells: readonly string[], fitted: Fitted): string {
	let text = '';
	for (const [position, index] of fitted.keep.entries()) {
		const width = fitted.widths[position]!;
		let cell = safeLine(cells[index] ?? '');
		if (cell.length > width) {
			cell = width > 1 ? `${cell.slice(0, width - 1)}…` : cell.slice(0, width);
		}
		const last = position === fitted.keep.length - 1;
		text += last ? cell : cell.padEnd(width + columnGap);
	}

	return text;
}

/** Makes a line safe for the terminal and cuts it to `width` characters, so a frame never wraps. */
export function fitLine(text: string, width: number): string {
	if (width <= 0) {
		return '';
	}
	text = safeLine(text);
	return text.length > width ? `${text.slice(0, Math.max(0, width - 1))}…` : text;
}
