// The events pane's rows: `kubectl get events --sort-by=.lastTimestamp` (oldest first, so the
// newest is at the bottom, where kubectl users look), and what `/` searches in them.
import {goSort} from '../describe/go-sort.js';
import {eventObject} from '../format/event.js';
import type {Event} from '../k8s/types.js';

/**
 * kubectl's less for `--sort-by=.lastTimestamp` (its TableSorter): an event without one (null, as
 * events.k8s.io/v1 events have it) before every time, none before another; times as text, which
 * for the server's fixed-width RFC 3339 is what kubectl's natural string order gives.
 */
function lastSeenBefore(a: Event, b: Event): boolean {
	const [x, y] = [a.lastTimestamp ?? undefined, b.lastTimestamp ?? undefined];
	if (x === undefined) {
		return y !== undefined;
	}
	return y !== undefined && x < y;
}

/** The API server's list order (namespace, then name, bytewise): the order kubectl sorts from. */
function listOrder(a: Event, b: Event): number {
	const [x, y] = [`${a.metadata.namespace ?? ''}/${a.metadata.name ?? ''}`, `${b.metadata.namespace ?? ''}/${b.metadata.name ?? ''}`];
	return x < y ? -1 : x > y ? 1 : 0;
}

/**
 * Events in kubectl's `--sort-by=.lastTimestamp` order, ties included: kubectl sorts the server's
 * list with Go's sort.Sort, which keeps ties in list order up to 12 events and past that puts
 * them where its pattern-defeating quicksort does; kpods runs the same algorithm on the same list.
 */
export function sortEvents(events: readonly Event[]): Event[] {
	return goSort([...events].sort(listOrder), lastSeenBefore);
}

/** What a text filter searches in an event: the cells a user reads. */
export function eventSearchText(event: Event): string {
	return `${event.metadata.namespace ?? ''} ${event.type ?? ''} ${event.reason ?? ''} ${eventObject(event)} ${event.message ?? ''}`;
}

/** An events-pane row's key: the event's own namespace and name. */
export function eventKey(event: Event): string {
	return `${event.metadata.namespace ?? ''}/${event.metadata.name ?? ''}`;
}

/** The pod, service or node an event is about, when it is about one (Enter goes there). */
export function eventTargetOf(
	event: Event,
): {kind: 'Pod' | 'Service'; namespace: string; name: string} | {kind: 'Node'; namespace: ''; name: string} | undefined {
	const {kind, name, namespace} = event.involvedObject;
	if (kind === 'Node' && name) {
		return {kind, namespace: '', name};
	}
	if ((kind !== 'Pod' && kind !== 'Service') || !name) {
		return undefined;
	}
	return {kind, namespace: namespace ?? event.metadata.namespace ?? '', name};
}
