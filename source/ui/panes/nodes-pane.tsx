import {nodeRowColumns, type NodeRow} from '../../format/node.js';
import {RowTable} from '../components/row-table.js';
import {emptyText, type ListPaneProps} from './empty-text.js';

interface NodesPaneProps extends ListPaneProps {
	rows: readonly NodeRow[];
}

/**
 * `kubectl get nodes -o wide`, live. Nodes are cluster-scoped: a user who may only read a
 * namespace is refused them, and the pane says so in the server's words.
 */
export function NodesPane({rows, selected, state, synced, filtered, width, height, now, theme}: NodesPaneProps) {
	return (
		<RowTable
			columns={nodeRowColumns}
			rows={rows}
			selected={selected}
			allNamespaces={false}
			width={width}
			height={height}
			now={now}
			theme={theme}
			empty={emptyText({state, synced, filtered, kind: 'nodes'})}
		/>
	);
}
