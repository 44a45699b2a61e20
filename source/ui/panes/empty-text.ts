import type {ConnectionState} from '../../cluster/types.js';
import {noResourcesMessage} from '../../format/table.js';

/** What an empty pane says: why it is empty, in kubectl's words when it is simply empty. */
export function emptyText({state, synced, filtered, kind, namespace}: {state: ConnectionState; synced: boolean; filtered: boolean; kind: string; namespace?: string}): string {
	if (state.kind === 'forbidden') return `forbidden: ${state.reason}`;
	if (!synced) {
		if (state.kind === 'error') return `error: ${state.reason}`;
		if (state.kind === 'reconnecting') return `reconnecting: ${state.reason}`;
		return `loading ${kind}…`;
	}

	if (filtered) return `no ${kind} match the filter`;
	return noResourcesMessage(namespace);
}
