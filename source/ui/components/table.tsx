import {Box} from 'ink';
import {memo} from 'react';
import {Text} from './text.js';

import {columnGap, fitLine, type Fitted} from '../../derive/table-fit.js';
import {safeLine} from '../../format/safe-text.js';
import {sameElements} from '../same-elements.js';

export interface TableRowView {
	key: string;
	cells: readonly string[];
	/** Colour per cell index (only where a cell is coloured). */
	colors?: Readonly<Record<number, string | undefined>>;
}

interface TableProps {
	headers: readonly string[];
	fitted: Fitted;
	/** Only the rows on screen. */
	rows: readonly TableRowView[];
	/** Index into rows, -1 for none. */
	selected: number;
	width: number;
	height: number;
	/** Shown instead of rows when there are none. */
	empty?: string;
	dim?: string;
}

/** A kubectl-style table: header, then exactly `height - 1` lines of rows, never wider than `width`. */
export function Table({headers, fitted, rows, selected, width, height, empty, dim}: TableProps) {
	const header = fitLine(cellsLine(headers, fitted), width);
	return (
		<Box flexDirection="column" height={height}>
			<Text bold>{header}</Text>
			{rows.length === 0 && empty ? (
				<Box width={width}>
					<Text color={dim} wrap="wrap">
						{empty}
					</Text>
				</Box>
			) : null}
			{rows.map((row, index) => (
				<Row key={row.key} row={row} fitted={fitted} selected={index === selected} width={width} />
			))}
		</Box>
	);
}

interface RowProps {
	row: TableRowView;
	fitted: Fitted;
	selected: boolean;
	width: number;
}

/**
 * One row; drawn again only when its text, colours, selection or the layout changed. Each
 * render makes new cell arrays, so they are compared by value: under a watch storm one row
 * changes and the other rows on screen are left as they are.
 */
const Row = memo(function Row({row, fitted, selected, width}: RowProps) {
	const pieces = segments(row.cells, fitted, width);
	return (
		<Text inverse={selected} wrap="truncate">
			{pieces.map((piece, position) => {
				const color = row.colors?.[piece.index];
				return color ? (
					<Text key={position} color={color}>
						{piece.text}
					</Text>
				) : (
					piece.text
				);
			})}
		</Text>
	);
}, sameRow);

function sameRow(before: RowProps, after: RowProps): boolean {
	return (
		before.selected === after.selected &&
		before.width === after.width &&
		sameElements(before.fitted.keep, after.fitted.keep) &&
		sameElements(before.fitted.widths, after.fitted.widths) &&
		// The same view (RowTable makes one per row object): nothing in it to compare.
		(before.row === after.row ||
			(before.row.key === after.row.key &&
				sameElements(before.row.cells, after.row.cells) &&
				sameColors(before.row.colors, after.row.colors)))
	);
}

function sameColors(a: TableRowView['colors'], b: TableRowView['colors']): boolean {
	if (a === b) {
		return true;
	}
	if (!a || !b) {
		return false;
	}
	const keys = Object.keys(a);
	return keys.length === Object.keys(b).length && keys.every(key => a[Number(key)] === b[Number(key)]);
}

function cellsLine(cells: readonly string[], fitted: Fitted): string {
	return segments(cells, fitted, Number.POSITIVE_INFINITY)
		.map(piece => piece.text)
		.join('');
}

/** The row's text split at cell boundaries (so one cell can be coloured), cut to the width. */
function segments(cells: readonly string[], fitted: Fitted, width: number): Array<{index: number; text: string}> {
	const pieces: Array<{index: number; text: string}> = [];
	let used = 0;
	for (const [position, index] of fitted.keep.entries()) {
		const cellWidth = fitted.widths[position]!;
		// The last word on safety: cells are made safe where data enters kpods, and again here.
		let cell = safeLine(cells[index] ?? '');
		if (cell.length > cellWidth) {
			cell = cellWidth > 1 ? `${cell.slice(0, cellWidth - 1)}…` : cell.slice(0, cellWidth);
		}
		const last = position === fitted.keep.length - 1;
		const gap = last ? '' : ' '.repeat(cellWidth - cell.length + columnGap);
		let text = cell + gap;
		if (used + text.length > width) {
			text = fitLine(cell + gap, width - used);
		}
		if (text === '') {
			break;
		}
		pieces.push({index, text});
		used += text.length;
		if (used >= width) {
			break;
		}
	}

	return pieces;
}
