import {podColumns, type PodRow} from '../../format/pod.js';
import {RowTable} from '../components/row-table.js';
import {emptyText, type ListPaneProps} from './empty-text.js';

interface PodsPaneProps extends ListPaneProps {
	rows: readonly PodRow[];
}

/** `kubectl get pods -o wide`, live: NAMESPACE first under -A, only the rows on screen rendered. */
export function PodsPane({rows, selected, allNamespaces, namespace, state, synced, filtered, width, height, now, theme}: PodsPaneProps) {
	const empty = emptyText({state, synced, filtered, kind: 'pods', namespace: allNamespaces ? undefined : namespace});
	return (
		<RowTable
			columns={podColumns}
			rows={rows}
			selected={selected}
			allNamespaces={allNamespaces}
			width={width}
			height={height}
			now={now}
			theme={theme}
			empty={empty}
		/>
	);
}
