// The events pane's rows: `kubectl get events --sort-by=.lastTimestamp` (oldest first, so the
// newest is at the bottom, where kubectl users look), and what `/` searches in them.
import type {Event} from '../k8s/types.js';
import {eventObject} from '../format/event.js';

/** The time kubectl sorts by (.lastTimestamp); events without one sort first, as an empty value does. */
function lastTimestamp(event: Event): string {
	return event.lastTimestamp ?? '';
}

/** Events in `--sort-by=.lastTimestamp` order (stable: ties keep the server's order). */
export function sortEvents(events: readonly Event[]): Event[] {
	return events
		.map((event, index) => ({event, index}))
		.sort((a, b) => {
			const [x, y] = [lastTimestamp(a.event), lastTimestamp(b.event)];
			return x < y ? -1 : x > y ? 1 : a.index - b.index;
		})
		.map(entry => entry.event);
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
