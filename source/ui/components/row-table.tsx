import {useMemo, useRef} from 'react';
import {fitColumns, type FitColumn} from '../../derive/table-fit.js';
import {cellsOf, headerOf, type RowColumn} from '../../format/columns.js';
import {useWakeAt} from '../hooks/use-now.js';
import {useScrollTop} from '../hooks/use-scroll-top.js';
import type {Theme} from '../theme.js';
import {Table, type TableRowView} from './table.js';

interface Row {
	key: string;
	namespace: string;
}

interface RowTableProps<T extends Row> {
	columns: ReadonlyArray<RowColumn<T>>;
	rows: readonly T[];
	/** The selected row, -1 for none. */
	selected: number;
	/** NAMESPACE first, as under kubectl -A. */
	allNamespaces: boolean;
	width: number;
	height: number;
	now: number;
	theme: Theme;
	/** Shown instead of rows when there are none. */
	empty: string;
}

const namespaceColumn: FitColumn = {header: 'NAMESPACE', shrink: true};

/**
 * A kind's rows as `kubectl get -o wide` prints them, laid out by its columns' attributes (drop
 * order, shrinking, ticking cells, colour); only the rows on screen are rendered.
 */
export function RowTable<T extends Row>({columns, rows, selected, allNamespaces, width, height, now, theme, empty}: RowTableProps<T>) {
	const offset = allNamespaces ? 1 : 0;
	const fit = useMemo(
		() => [
			...(allNamespaces ? [namespaceColumn] : []),
			...columns.map(column => ({header: headerOf(column), dropRank: column.dropRank, shrink: column.shrink})),
		],
		[columns, allNamespaces],
	);
	const allWidths = useAllRowWidths(fit, columns, rows, allNamespaces, now);

	const bodyHeight = Math.max(0, height - 1);
	const top = useScrollTop(selected, bodyHeight, rows.length);
	const onScreen = useRowViews(columns, allNamespaces, theme)(rows.slice(top, top + bodyHeight), now);
	const views = onScreen.views;
	// The next frame is due when the first ticking cell on screen changes its text.
	const wake = Math.min(allWidths.catchUpAt, onScreen.wake);
	useWakeAt(Number.isFinite(wake) ? wake : undefined);
	const widths = allWidths.widths.map((width, index) => Math.max(width, ...views.map(view => view.cells[index]!.length)));
	// Ticking cells (AGE, RESTARTS) are measured on the rows on screen only.
	for (const [own, column] of columns.entries()) {
		if (!column.ticks) {
			continue;
		}
		const index = own + offset;
		widths[index] = Math.max(fit[index]!.header.length, ...views.map(view => view.cells[index]!.length));
	}

	const fitted = fitColumns(fit, widths, width);
	return (
		<Table
			headers={fit.map(column => column.header)}
			fitted={fitted}
			rows={views}
			selected={selected - top}
			width={width}
			height={height}
			empty={empty}
			dim={theme.dim}
		/>
	);
}

/**
 * The rows' views (cells and colours), each made once per row object and kept until its text
 * changes with the clock (the earliest moment its ticking cells say, exact by their definition),
 * for the same columns and theme: rows are immutable (a watch event makes a new one), so under a
 * watch storm only the row that changed is made again, and the table's memoised rows get the
 * same view object for the others (nothing to compare). `wake` is when the first view on screen goes stale.
 */
function useRowViews<T extends Row>(
	columns: ReadonlyArray<RowColumn<T>>,
	allNamespaces: boolean,
	theme: Theme,
): (rows: readonly T[], now: number) => {views: TableRowView[]; wake: number} {
	const made = useRef<{columns: ReadonlyArray<RowColumn<T>>; allNamespaces: boolean; theme: Theme; views: WeakMap<T, MadeView>}>(undefined);
	const last = made.current;
	const views =
		last && last.columns === columns && last.allNamespaces === allNamespaces && last.theme === theme
			? last.views
			: new WeakMap<T, MadeView>();
	made.current = {columns, allNamespaces, theme, views};
	return (rows, now) => {
		let wake = Number.POSITIVE_INFINITY;
		const shown = rows.map(row => {
			let kept = views.get(row);
			if (!kept || now < kept.at || now >= kept.until) {
				kept = {view: rowView(columns, row, allNamespaces, now, theme), at: now, until: nextChange(columns, row, now)};
				views.set(row, kept);
			}
			wake = Math.min(wake, kept.until);
			return kept.view;
		});
		return {views: shown, wake};
	};
}

/** A row's view, made at `at` and the same until `until` (Infinity: no cell ticks). */
interface MadeView {
	view: TableRowView;
	at: number;
	until: number;
}

/** The moment a row's text next changes with the clock after `now`: its earliest ticking cell's. */
function nextChange<T extends Row>(columns: ReadonlyArray<RowColumn<T>>, row: T, now: number): number {
	let next = Number.POSITIVE_INFINITY;
	for (const column of columns) {
		if (column.ticks) {
			next = Math.min(next, column.ticks(row, now));
		}
	}
	return next;
}

function rowView<T extends Row>(
	columns: ReadonlyArray<RowColumn<T>>,
	row: T,
	allNamespaces: boolean,
	now: number,
	theme: Theme,
): TableRowView {
	const offset = allNamespaces ? 1 : 0;
	const cells = cellsOf(columns, row, now);
	const colors: Record<number, string | undefined> = {};
	for (const [index, column] of columns.entries()) {
		const health = column.colour?.(row);
		if (health) {
			colors[index + offset] = theme.health(health);
		}
	}
	return {key: row.key, cells: allNamespaces ? [row.namespace, ...cells] : cells, colors};
}

/**
 * Widths of the columns that do not tick, measured over every row like kubectl, but under a
 * watch storm at most once a second (or when rows come or go, or the columns change): the rows
 * on screen are measured on every render, so nothing visible is ever cut; an off-screen row may
 * widen a column up to a second late, and `catchUpAt` asks for the frame that catches it up.
 */
function useAllRowWidths<T extends Row>(
	fit: readonly FitColumn[],
	columns: ReadonlyArray<RowColumn<T>>,
	rows: readonly T[],
	allNamespaces: boolean,
	now: number,
): {widths: number[]; catchUpAt: number} {
	const last = useRef<{rows: readonly T[]; fit: readonly FitColumn[]; at: number; widths: number[]} | undefined>(undefined);
	const previous = last.current;
	if (previous?.rows === rows && previous.fit === fit) {
		return {widths: previous.widths, catchUpAt: Number.POSITIVE_INFINITY};
	}
	if (previous && previous.fit === fit && previous.rows.length === rows.length && now - previous.at < 1000 && now >= previous.at) {
		return {widths: previous.widths, catchUpAt: previous.at + 1000};
	}
	last.current = {rows, fit, at: now, widths: staticWidths(fit, columns, rows, allNamespaces)};
	return {widths: last.current.widths, catchUpAt: Number.POSITIVE_INFINITY};
}

/** Lengths of a row's cells that do not tick (NAMESPACE first), measured once per row object: rows are immutable, a watch event makes a new one. */
const measured = new WeakMap<object, number[]>();

function staticLengths<T extends Row>(columns: ReadonlyArray<RowColumn<T>>, row: T): number[] {
	let lengths = measured.get(row);
	if (!lengths) {
		lengths = [row.namespace.length, ...columns.map(column => (column.ticks ? 0 : column.cell(row, 0).length))];
		measured.set(row, lengths);
	}

	return lengths;
}

/**
 * Widths of the columns that do not tick, over every row as kubectl measures them; with
 * 10,000 rows this runs on every watch burst, so it allocates nothing per row after the first time.
 */
function staticWidths<T extends Row>(
	fit: readonly FitColumn[],
	columns: ReadonlyArray<RowColumn<T>>,
	rows: readonly T[],
	allNamespaces: boolean,
): number[] {
	const widths = fit.map(column => column.header.length);
	const skip = allNamespaces ? 0 : 1;
	for (const row of rows) {
		const lengths = staticLengths(columns, row);
		for (let index = 0; index < widths.length; index++) {
			const length = lengths[index + skip]!;
			if (length > widths[index]!) {
				widths[index] = length;
			}
		}
	}

	return widths;
}
