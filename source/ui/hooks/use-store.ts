import {useSyncExternalStore} from 'react';
import type {ResourceStore, StoreSnapshot} from '../../cluster/types.js';

/** Reads a store's current snapshot and re-renders when it changes. */
export function useStore<T>(store: ResourceStore<T>): StoreSnapshot<T> {
	return useSyncExternalStore(store.subscribe, store.getSnapshot);
}
