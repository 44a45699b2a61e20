import {useMemo} from 'react';
import {eventRow, eventRowColumns} from '../../format/event.js';
import type {Event} from '../../k8s/types.js';
import {RowTable} from '../components/row-table.js';
import {emptyText, type ListPaneProps} from './empty-text.js';

/** `kubectl get events --sort-by=.lastTimestamp`, live, on the shared row table; warnings in the warning colour. */
export function EventsPane(props: ListPaneProps & {events: readonly Event[]}) {
	const {events, selected, allNamespaces, width, height, now, theme} = props;
	// One row object per event object: the row table measures each row once.
	const rows = useMemo(() => events.map(rowOf), [events]);
	return (
		<RowTable
			columns={eventRowColumns}
			rows={rows}
			selected={selected}
			allNamespaces={allNamespaces}
			width={width}
			height={height}
			now={now}
			theme={theme}
			empty={emptyText({
				state: props.state,
				synced: props.synced,
				filtered: props.filtered,
				kind: 'events',
				namespace: allNamespaces ? undefined : props.namespace,
			})}
		/>
	);
}

/** Events are immutable (a watch event brings a new object): each one's row is made once. */
const made = new WeakMap<Event, ReturnType<typeof eventRow>>();
function rowOf(event: Event) {
	let row = made.get(event);
	if (!row) {
		row = eventRow(event);
		made.set(event, row);
	}
	return row;
}
