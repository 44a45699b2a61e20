// kubectl's table layout, for tests: the cells kpods computes are laid out exactly as
// `kubectl get` prints them and compared with kubectl's own output. kpods itself lays tables
// out for the terminal (ui/components/row-table.tsx), so this lives with the tests.
/**
 * Table layout exactly as `kubectl get` prints it: cli-runtime `pkg/printers/tableprinter.go`
 * (`printTable`, `decorateTable`, `appendCellValue`) writing through `github.com/liggitt/tabwriter`
 * with GetNewTabWriter's settings (minwidth 6, tabwidth 4, padding 3, padchar ' ', RememberWidths).
 */

import {cellsOf, headerOf, type Column, type RowColumn} from '../../source/format/columns.js';

/** The columns kubectl shows: priority-1 columns only with `-o wide`. */
export function visibleColumns(columns: readonly Column[], wide: boolean): Column[] {
	return columns.filter(column => wide || column.priority === 0);
}

/** Keeps the cells whose column is visible, as cli-runtime `printTable` skips priority-1 cells unless wide. */
export function visibleCells(columns: readonly Column[], cells: readonly string[], wide: boolean): string[] {
	// Extra cells past the column definitions are dropped, as kubectl does (issue 66379).
	return cells.filter((_, index) => index < columns.length && (wide || columns[index]!.priority === 0));
}

const minWidth = 6;
const padding = 3;

/** Characters that end a cell early (formfeed too, because the tabwriter treats it as a newline). */
const cellBreak = /[\f\n\r]/;

/**
 * A cell's text as kubectl writes it: cut at the first `\f`, `\n` or `\r` with `...` appended, and
 * ESC shown as `^[` so a cell cannot drive the terminal (cli-runtime `WriteEscaped`).
 * @example cellText('line one\nline two') // 'line one...'
 */
export function cellText(value: string): string {
	const cut = value.search(cellBreak);
	const kept = cut >= 0 ? value.slice(0, cut) : value;
	const escaped = kept.includes('\u001b') ? kept.replaceAll('\u001b', '^[') : kept;
	return cut >= 0 ? `${escaped}...` : escaped;
}

/**
 * The lines kubectl prints for a table (no trailing newline), or [] when there are no rows:
 * kubectl prints no header then. Columns are padded to the widest cell + 3 (at least 6); the
 * last cell of a line is written as is. An empty last cell leaves the padding of the cell
 * before it, so that line ends in spaces — kubectl's output does too.
 */
export function formatTable(headers: string[], rows: string[][]): string[] {
	if (rows.length === 0) {
		return [];
	}
	const text = [headers, ...rows.map(row => row.map(cell => cellText(cell)))].map(cells => `${cells.join('\t')}\n`).join('');
	const lines = tabwrite(text).split('\n');
	lines.pop(); // the text ends in '\n'
	return lines;
}

/** One row for renderTable: all of a kind's cells (wide ones included) and its namespace. */
export interface TableRow {
	cells: string[];
	namespace?: string;
}

/** How renderTable decorates a table, like kubectl's flags. */
export interface RenderOptions {
	/** `-o wide`: also show priority-1 columns. */
	wide?: boolean;
	/** `-A`: prepend a NAMESPACE column (cli-runtime `decorateTable`). */
	withNamespace?: boolean;
}

/** The lines of `kubectl get` for rows of one kind: visible columns, NAMESPACE under -A. */
export function renderTable(columns: readonly Column[], rows: readonly TableRow[], options: RenderOptions = {}): string[] {
	const wide = options.wide ?? false;
	const headers = visibleColumns(columns, wide).map(column => headerOf(column));
	const body = rows.map(row => visibleCells(columns, row.cells, wide));
	if (options.withNamespace) {
		headers.unshift('NAMESPACE');
		for (const [index, row] of rows.entries()) {
			body[index]!.unshift(row.namespace ?? '');
		}
	}
	return formatTable(headers, body);
}

/** Width as the tabwriter counts it: code points (Go runes), not UTF-16 units. */
function runeCount(text: string): number {
	let surrogatePairs = 0;
	for (let index = 0; index < text.length; index++) {
		const code = text.charCodeAt(index);
		if (code >= 0xd800 && code <= 0xdbff && index + 1 < text.length) {
			const next = text.charCodeAt(index + 1);
			if (next >= 0xdc00 && next <= 0xdfff) {
				surrogatePairs++;
				index++;
			}
		}
	}
	return text.length - surrogatePairs;
}

interface Cell {
	text: string;
	/** Width in code points, as the tabwriter counts runes. */
	width: number;
	/** Terminated by '\t' (hard) rather than '\v' (soft). */
	htab: boolean;
}

/**
 * The elastic-tabstop algorithm of Go's text/tabwriter as liggitt/tabwriter extends it, for one
 * Write of `text` followed by Flush. Cells are tab-terminated; text after a line's last tab is
 * not part of a column. A column's cells in contiguous lines form a block padded to one width;
 * with RememberWidths a column never gets narrower than any earlier block of it.
 */
export function tabwrite(text: string): string {
	const out: string[] = [];
	let lines: Cell[][] = [[]];
	let widths: number[] = [];
	const maxWidths: number[] = [];
	let current = '';

	const terminateCell = (htab: boolean): number => {
		const line = lines[lines.length - 1]!;
		line.push({text: current, width: runeCount(current), htab});
		current = '';
		return line.length;
	};

	const writeLines = (line0: number, line1: number): void => {
		for (let i = line0; i < line1; i++) {
			const line = lines[i]!;
			line.forEach((cell, j) => {
				out.push(cell.text);
				if (j < widths.length) {
					out.push(' '.repeat(widths[j]! - cell.width));
				}
			});
			// The last buffered line has no newline yet; its unterminated cell is still `current`.
			out.push(i + 1 === lines.length ? current : '\n');
		}
	};

	const format = (line0: number, line1: number): void => {
		const column = widths.length;
		for (let row = line0; row < line1; row++) {
			if (column >= lines[row]!.length - 1) {
				continue;
			}
			// This line has a cell in `column`: print what comes before, then lay out the block.
			writeLines(line0, row);
			line0 = row;
			let width = minWidth;
			for (; row < line1; row++) {
				const line = lines[row]!;
				if (column >= line.length - 1) {
					break;
				}
				width = Math.max(width, line[column]!.width + padding);
			}
			if (maxWidths.length < widths.length) {
				maxWidths.push(...widths.slice(maxWidths.length));
			}
			if (maxWidths.length === widths.length) {
				maxWidths.push(width);
			} else if (maxWidths[column]! > width) {
				width = maxWidths[column]!;
			} else {
				maxWidths[column] = width;
			}
			widths.push(width);
			format(line0, row);
			widths.pop();
			line0 = row;
		}
		writeLines(line0, line1);
	};

	const flush = (): void => {
		if (current.length > 0) {
			terminateCell(false);
		}
		format(0, lines.length);
		lines = [[]];
		widths = [];
	};

	// Cells are sliced between delimiters rather than built a character at a time (10,000 rows).
	const delimiter = /[\t\v\n\f]/g;
	let start = 0;
	for (let match = delimiter.exec(text); match; match = delimiter.exec(text)) {
		current = text.slice(start, match.index);
		start = match.index + 1;
		const ch = match[0];
		if (ch === '\t' || ch === '\v') {
			terminateCell(ch === '\t');
		} else {
			const cells = terminateCell(false);
			lines.push([]);
			// A one-cell line cannot affect later columns, so Go flushes there; '\f' always flushes.
			if (ch === '\f' || cells === 1) {
				flush();
			}
		}
	}
	current = text.slice(start);
	flush();
	return out.join('');
}

/** kubectl's `get` text (with the final newline) for rows kpods holds, their cells at `now`: what the oracles compare with kubectl's stdout. */
export function rowTableText<Row>(
	columns: readonly Column[],
	rowColumns: ReadonlyArray<RowColumn<Row>>,
	rows: readonly Row[],
	wide: boolean,
	now = Date.now(),
): string {
	return `${renderTable(
		columns,
		rows.map(row => ({cells: cellsOf(rowColumns, row, now)})),
		{wide},
	).join('\n')}\n`;
}
