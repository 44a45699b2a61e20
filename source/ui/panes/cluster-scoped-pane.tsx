import type {RowColumn} from '../../format/columns.js';
import {RowTable} from '../components/row-table.js';
import {emptyText, type ListPaneProps} from './empty-text.js';

interface ClusterScopedPaneProps<T extends {key: string; namespace: string}> extends ListPaneProps {
	rows: readonly T[];
	columns: ReadonlyArray<RowColumn<T>>;
	/** What the pane lists, for its empty text. */
	kind: 'nodes' | 'namespaces';
}

/**
 * A cluster-scoped list, live: `kubectl get nodes -o wide`, `kubectl get namespaces`. No
 * NAMESPACE column; a user who may only read a namespace is refused these lists, and the pane
 * says so in the server's words.
 */
export function ClusterScopedPane<T extends {key: string; namespace: string}>({
	rows,
	columns,
	kind,
	selected,
	state,
	synced,
	filtered,
	width,
	height,
	now,
	theme,
}: ClusterScopedPaneProps<T>) {
	return (
		<RowTable
			columns={columns}
			rows={rows}
			selected={selected}
			allNamespaces={false}
			width={width}
			height={height}
			now={now}
			theme={theme}
			empty={emptyText({state, synced, filtered, kind})}
		/>
	);
}
