import {useCallback, useSyncExternalStore} from 'react';
import type {ResourceStore, StoreSnapshot} from '../../cluster/types.js';

/**
 * Reads a store's current snapshot and re-renders when it changes; with `every` false, only when
 * the change shows in a row, a count or a pane (not on a node's heartbeat), reading newer items
 * whenever it renders for another reason.
 */
export function useStore<T>(store: ResourceStore<T>, every = true): StoreSnapshot<T> {
	const subscribe = useCallback(
		(listener: () => void) => (!every && store.subscribeShown ? store.subscribeShown(listener) : store.subscribe(listener)),
		[store, every],
	);
	return useSyncExternalStore(subscribe, store.getSnapshot);
}
