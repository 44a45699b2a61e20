import type {ConnectionState} from '../../cluster/types.js';
import type {Theme} from '../theme.js';

/** What every list pane is told besides its rows: where it stands, how big, and when. */
export interface ListPaneProps {
	/** The selected row, -1 for none. */
	selected: number;
	allNamespaces: boolean;
	namespace: string;
	state: ConnectionState;
	synced: boolean;
	/** A filter is on (an empty pane then says so). */
	filtered: boolean;
	width: number;
	height: number;
	now: number;
	theme: Theme;
}
import {noResourcesMessage} from '../../format/columns.js';

/** What an empty pane says: why it is empty, in kubectl's words when it is simply empty. */
export function emptyText({
	state,
	synced,
	filtered,
	kind,
	namespace,
}: {
	state: ConnectionState;
	synced: boolean;
	filtered: boolean;
	kind: string;
	namespace?: string;
}): string {
	if (state.kind === 'forbidden') {
		return `forbidden: ${state.reason}`;
	}
	if (!synced) {
		if (state.kind === 'error') {
			return `error: ${state.reason}`;
		}
		if (state.kind === 'reconnecting') {
			return `reconnecting: ${state.reason}`;
		}
		return `loading ${kind}…`;
	}

	if (filtered) {
		return `no ${kind} match the filter`;
	}
	return noResourcesMessage(namespace);
}
