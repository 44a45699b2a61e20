import {useMemo} from 'react';
import {fitColumns, type FitColumn} from '../../derive/table-fit.js';
import {headerOf} from '../../format/columns.js';
import {podCells, podColumns, type PodRow} from '../../format/pod.js';
import {Table, type TableRowView} from '../components/table.js';
import {useScrollTop} from '../hooks/use-scroll-top.js';
import {emptyText, type ListPaneProps} from './empty-text.js';

interface PodsPaneProps extends ListPaneProps {
	rows: readonly PodRow[];
}

// Cells that never change with time; their widths are measured over every row, once per change.
const statusIndex = 2;
const restartsIndex = 3;
const ageIndex = 4;
/** Narrow terminals lose the wide columns first, right to left, then RESTARTS and AGE. */
const dropRanks = [undefined, 8, undefined, 6, 7, 5, 4, 2, 1];

/** `kubectl get pods -o wide`, live: NAMESPACE first under -A, only the rows on screen rendered. */
export function PodsPane({rows, selected, allNamespaces, namespace, state, synced, filtered, width, height, now, theme}: PodsPaneProps) {
	const headers = useMemo(() => [...(allNamespaces ? ['NAMESPACE'] : []), ...podColumns.map(column => headerOf(column))], [allNamespaces]);
	const columns: FitColumn[] = useMemo(() => headers.map((header, index) => {
		const podIndex = allNamespaces ? index - 1 : index;
		return {header, dropRank: podIndex < 0 ? undefined : dropRanks[podIndex], shrink: podIndex <= 0};
	}), [headers, allNamespaces]);
	const offset = allNamespaces ? 1 : 0;
	// Measured over every row like kubectl, but under a watch storm only once per clock tick
	// (or when rows come or go): the rows on screen are measured on every render below, so
	// nothing visible is ever cut; an off-screen row may widen a column up to a second late.
	// eslint-disable-next-line react-hooks/exhaustive-deps
	const allWidths = useMemo(() => staticColumnWidths(headers, rows, allNamespaces), [now, rows.length, headers, allNamespaces]);

	const bodyHeight = Math.max(0, height - 1);
	const top = useScrollTop(selected, bodyHeight, rows.length);
	const visible = rows.slice(top, top + bodyHeight);
	const views: TableRowView[] = visible.map(row => {
		const cells = podCells(row, now);
		return {
			key: row.key,
			cells: allNamespaces ? [row.namespace, ...cells] : cells,
			colors: {[statusIndex + offset]: theme.health(row.health)},
		};
	});
	const widths = allWidths.map((width, index) => Math.max(width, ...views.map(view => view.cells[index]!.length)));
	// AGE and RESTARTS tick: measured on the rows on screen only.
	for (const index of [restartsIndex + offset, ageIndex + offset]) {
		widths[index] = Math.max(headers[index]!.length, ...views.map(view => view.cells[index]!.length));
	}

	const fitted = fitColumns(columns, widths, width);
	const empty = emptyText({state, synced, filtered, kind: 'pods', namespace: allNamespaces ? undefined : namespace});
	return <Table headers={headers} fitted={fitted} rows={views} selected={selected - top} width={width} height={height} empty={empty} dim={theme.dim}/>;
}

/** Lengths of a row's cells that do not tick, measured once per row object (rows are immutable; a watch event makes a new one). */
const measured = new WeakMap<PodRow, number[]>();

function staticLengths(row: PodRow): number[] {
	let lengths = measured.get(row);
	if (!lengths) {
		lengths = [row.namespace.length, row.name.length, row.ready.length, row.status.length, 0, 0, row.ip.length, row.node.length, row.nominatedNode.length, row.readinessGates.length];
		measured.set(row, lengths);
	}

	return lengths;
}

/**
 * Widths of the columns that do not tick, over every row as kubectl measures them; with
 * 10,000 rows this runs on every watch burst, so it allocates nothing per row after the first time.
 */
function staticColumnWidths(headers: readonly string[], rows: readonly PodRow[], allNamespaces: boolean): number[] {
	const widths = headers.map(header => header.length);
	const offset = allNamespaces ? 0 : 1;
	for (const row of rows) {
		const lengths = staticLengths(row);
		for (let index = 0; index < widths.length; index++) {
			const length = lengths[index + offset]!;
			if (length > widths[index]!) widths[index] = length;
		}
	}

	return widths;
}
