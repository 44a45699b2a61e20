/** `kubectl get namespaces` cells: a port of printers.go `printNamespace`. */

import type {Namespace} from '../k8s/types.js';
import {ageColumn, cellsOf, nameColumn, rowColumn, stringColumn, type Column, type Health, type RowColumn} from './columns.js';
import {ageChangesAt, ageSince, timestampMs} from './duration.js';

/** NAME STATUS AGE. */
export const namespaceColumns: Column[] = [nameColumn, stringColumn('Status', 'The status of the namespace'), ageColumn];

/** Everything a namespaces row needs, computed once per object change. */
export interface NamespaceRow {
	/** The namespace's name: namespaces are cluster-scoped. */
	key: string;
	/** Always '': a namespace lives in no namespace. */
	namespace: '';
	name: string;
	/** status.phase (Active, Terminating), '' when the server sent none. */
	status: string;
	createdAt: number | undefined;
	labels: Record<string, string>;
	/** The whole object, for the detail. */
	object: Namespace;
}

/** Computes a namespace's row once per object change. */
export function namespaceRow(namespace: Namespace): NamespaceRow {
	const name = namespace.metadata.name ?? '';
	return {
		key: name,
		namespace: '',
		name,
		status: namespace.status?.phase ?? '',
		createdAt: timestampMs(namespace.metadata.creationTimestamp),
		labels: {...namespace.metadata.labels},
		object: namespace,
	};
}

const namespaceHealth = (row: NamespaceRow): Health => (row.status === 'Terminating' ? 'terminating' : 'ok');

/** The namespaces pane's columns. */
export const namespaceRowColumns: Array<RowColumn<NamespaceRow>> = [
	rowColumn(namespaceColumns[0]!, row => row.name, {shrink: true}),
	rowColumn(namespaceColumns[1]!, row => row.status, {colour: namespaceHealth}),
	rowColumn(namespaceColumns[2]!, (row, now) => ageSince(row.createdAt, now), {ticks: (row, now) => ageChangesAt(row.createdAt, now)}),
];

/**
 * All three cells of a namespaces row at `now`; STATUS is status.phase (Active, Terminating).
 * @example namespaceCells(ns, now) // ['default', 'Active', '8d']
 */
export function namespaceCells(namespace: Namespace, now: number): string[] {
	return cellsOf(namespaceRowColumns, namespaceRow(namespace), now);
}
