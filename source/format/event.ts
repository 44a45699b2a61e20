/**
 * `kubectl get events` / `-o wide` cells: a port of printers.go `printEvent` and
 * `formatEventSource`. kubectl does not sort events (people add --sort-by=.lastTimestamp).
 */

import type {Event} from '../k8s/types.js';
import {nameColumn, rowColumn, stringColumn, type Column, type Health, type RowColumn} from './columns.js';
import {ageChangesAt, ageSince, timestampMs, translateTimestampSince} from './duration.js';

/** LAST SEEN TYPE REASON OBJECT MESSAGE, with SUBOBJECT SOURCE (before MESSAGE) and FIRST SEEN COUNT NAME for -o wide. */
export const eventColumns: Column[] = [
	stringColumn('Last Seen', 'The time at which the most recent occurrence of this event was recorded.'),
	stringColumn('Type', 'Type of this event (Normal, Warning), new types could be added in the future'),
	stringColumn(
		'Reason',
		"This should be a short, machine understandable string that gives the reason for the transition into the object's current status.",
	),
	stringColumn('Object', 'The object that this event is about.'),
	stringColumn(
		'Subobject',
		'If referring to a piece of an object instead of an entire object, this string should contain a valid JSON/Go field access statement, such as desiredState.manifest.containers[2]. For example, if the object reference is to a container within a pod, this would take on a value like: "spec.containers{name}" (where "name" refers to the name of the container that triggered the event) or if no container name is specified "spec.containers[2]" (container with index 2 in this pod). This syntax is chosen only to have some well-defined way of referencing a part of an object.',
		1,
	),
	stringColumn('Source', 'The component reporting this event. Should be a short machine understandable string.', 1),
	stringColumn('Message', 'A human-readable description of the status of this operation.'),
	stringColumn('First Seen', 'The time at which the event was first recorded. (Time of server receipt is in TypeMeta.)', 1),
	stringColumn('Count', 'The number of times this event has occurred.', 1),
	{...nameColumn, priority: 1},
];

/** SOURCE: component (or reportingController), then ', ' + host (or reportingInstance) when set. */
export function eventSource(event: Event): string {
	const component = event.source?.component || event.reportingComponent || '';
	const instance = event.source?.host || event.reportingInstance || '';
	return instance ? `${component}, ${instance}` : component;
}

/** OBJECT: `kind/name` with the kind lower-cased, or just the kind when there is no name. */
export function eventObject(event: Event): string {
	const kind = (event.involvedObject.kind ?? '').toLowerCase();
	return event.involvedObject.name ? `${kind}/${event.involvedObject.name}` : kind;
}

/**
 * All ten cells of an events row in column order at `now`. FIRST SEEN falls back to eventTime;
 * LAST SEEN to FIRST SEEN; a series overrides LAST SEEN and COUNT; COUNT 0 means 1.
 */
export function eventCells(event: Event, now: number): string[] {
	const firstSeen = event.firstTimestamp
		? translateTimestampSince(event.firstTimestamp, now)
		: translateTimestampSince(event.eventTime, now);
	let lastSeen = event.lastTimestamp ? translateTimestampSince(event.lastTimestamp, now) : firstSeen;
	let count = event.count ?? 0;
	if (event.series) {
		lastSeen = translateTimestampSince(event.series.lastObservedTime, now);
		count = event.series.count ?? 0;
	} else if (count === 0) {
		// Singleton events don't have a count set in the new (events.k8s.io) API.
		count = 1;
	}
	return [
		lastSeen,
		event.type ?? '',
		event.reason ?? '',
		eventObject(event),
		event.involvedObject.fieldPath ?? '',
		eventSource(event),
		(event.message ?? '').trim(),
		firstSeen,
		String(count),
		event.metadata.name ?? '',
	];
}

/** What the events pane draws of an event (the cells `kubectl get events` prints), computed once per object change. */
export interface EventRow {
	/** namespace/name, as the events pane's selection keys it. */
	key: string;
	namespace: string;
	/** Epoch ms of LAST SEEN (a series' last observation, else lastTimestamp, else first seen); undefined: `<unknown>`. */
	lastSeenAt: number | undefined;
	type: string;
	reason: string;
	object: string;
	message: string;
}

/** An event's row: the cells of eventCells without the clock. */
export function eventRow(event: Event): EventRow {
	const firstSeen = event.firstTimestamp ? event.firstTimestamp : event.eventTime;
	const lastSeen = event.series ? event.series.lastObservedTime : event.lastTimestamp ? event.lastTimestamp : firstSeen;
	return {
		key: `${event.metadata.namespace ?? ''}/${event.metadata.name ?? ''}`,
		namespace: event.metadata.namespace ?? '',
		lastSeenAt: timestampMs(lastSeen),
		type: event.type ?? '',
		reason: event.reason ?? '',
		object: eventObject(event),
		message: (event.message ?? '').trim(),
	};
}

/** Warnings in the warning colour, every cell of the row; other events not coloured. */
const warning = (row: EventRow): Health | undefined => (row.type === 'Warning' ? 'warning' : undefined);

const [lastSeen, type, reason, object, , , message] = eventColumns as [Column, Column, Column, Column, Column, Column, Column];

/** The events pane's columns, `kubectl get events`'s five; OBJECT and MESSAGE are cut with '…' rather than overflow. */
export const eventRowColumns: Array<RowColumn<EventRow>> = [
	rowColumn(lastSeen, (row, now) => ageSince(row.lastSeenAt, now), {
		ticks: (row, now) => ageChangesAt(row.lastSeenAt, now),
		colour: warning,
	}),
	rowColumn(type, row => row.type, {colour: warning}),
	rowColumn(reason, row => row.reason, {colour: warning}),
	rowColumn(object, row => row.object, {shrink: true, colour: warning}),
	rowColumn(message, row => row.message, {shrink: true, colour: warning}),
];
