/** `kubectl get namespaces` cells: a port of printers.go `printNamespace`. */

import type {Namespace} from '../k8s/types.js';
import {ageColumn, nameColumn, stringColumn, type Column} from './columns.js';
import {translateTimestampSince} from './duration.js';

/** NAME STATUS AGE. */
export const namespaceColumns: Column[] = [nameColumn, stringColumn('Status', 'The status of the namespace'), ageColumn];

/**
 * All three cells of a namespaces row at `now`; STATUS is status.phase (Active, Terminating).
 * @example namespaceCells(ns, now) // ['default', 'Active', '8d']
 */
export function namespaceCells(namespace: Namespace, now: number): string[] {
	return [namespace.metadata.name ?? '', namespace.status?.phase ?? '', translateTimestampSince(namespace.metadata.creationTimestamp, now)];
}
