import type {ConnectionState} from '../../cluster/types.js';
import type {Theme} from '../theme.js';
import {t, text} from '../../i18n/index.js';

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
	/** What the pane lists, as the catalog names it. */
	kind: 'pods' | 'services' | 'events' | 'nodes' | 'namespaces';
	namespace?: string;
}): string {
	if (state.kind === 'forbidden') {
		return t('state.forbidden', {reason: state.reason});
	}
	if (!synced) {
		if (state.kind === 'error') {
			return t('state.error', {reason: state.reason});
		}
		if (state.kind === 'reconnecting') {
			return t('empty.reconnecting', {reason: state.reason});
		}
		return t('empty.loading', {kind: text(`kind.${kind}`)});
	}

	if (filtered) {
		return t('empty.filtered', {kind: text(`kind.${kind}`)});
	}
	// kubectl's sentence for an empty list, in the language.
	return namespace ? t('empty.noneIn', {namespace}) : t('empty.none');
}
