import {namespaceRowColumns, type NamespaceRow} from '../../format/namespace.js';
import {RowTable} from '../components/row-table.js';
import {emptyText, type ListPaneProps} from './empty-text.js';

interface NamespacesPaneProps extends ListPaneProps {
	rows: readonly NamespaceRow[];
}

/** `kubectl get namespaces`, live; cluster-scoped like the nodes pane. */
export function NamespacesPane({rows, selected, state, synced, filtered, width, height, now, theme}: NamespacesPaneProps) {
	return (
		<RowTable
			columns={namespaceRowColumns}
			rows={rows}
			selected={selected}
			allNamespaces={false}
			width={width}
			height={height}
			now={now}
			theme={theme}
			empty={emptyText({state, synced, filtered, kind: 'namespaces'})}
		/>
	);
}
