import type {Endpoints, EndpointSlice, Event, KubeObject, Namespace, Node, Pod, Service} from '../k8s/types.js';
import type {Column} from '../format/columns.js';
import {podCells, podColumns, podRow, type PodRow} from '../format/pod.js';
import {columnDefinition} from '../format/columns.js';
import {serviceCells, serviceColumns, serviceRow} from '../format/service.js';
import {endpointSliceCells, endpointSliceColumns, endpointsCells, endpointsColumns} from '../format/endpoints.js';
import {nodeCells, nodeColumns} from '../format/node.js';
import {eventCells, eventColumns} from '../format/event.js';
import {namespaceCells, namespaceColumns} from '../format/namespace.js';
import {leaseCells, leaseColumns, type Lease} from '../format/lease.js';
import {configMapCells, configMapColumns, secretCells, secretColumns, serviceAccountCells, serviceAccountColumns} from './config-tables.js';
import type {Entry} from './store.js';
import {objectJson} from './store.js';

/** How much of each object a Table row carries (`includeObject`). */
export type IncludeObject = 'None' | 'Metadata' | 'Object';

/** The Table flavour a client asked for in its Accept header. */
export interface TableRequest {
	apiVersion: 'meta.k8s.io/v1' | 'meta.k8s.io/v1beta1';
	include: IncludeObject;
}

interface Printer {
	columns: Column[];
	cells(entry: Entry, now: number): Array<string | number>;
}

// Pods are the hot path (10,000-pod tables): their row summary is memoised on the entry,
// which is dropped with the entry on the next write.
function podRowOf(entry: Entry): PodRow {
	entry.memo ??= podRow(entry.object as unknown as Pod);
	return entry.memo as PodRow;
}

const printers: Record<string, Printer> = {
	pods: {columns: podColumns, cells: (entry, now) => podCells(podRowOf(entry), now)},
	// The API server prints with Wide on: EXTERNAL-IP is never shortened there.
	services: {columns: serviceColumns, cells: (entry, now) => serviceCells(serviceRow(entry.object as unknown as Service), now)},
	endpoints: {columns: endpointsColumns, cells: (entry, now) => endpointsCells(entry.object as unknown as Endpoints, now)},
	endpointslices: {columns: endpointSliceColumns, cells: (entry, now) => endpointSliceCells(entry.object as unknown as EndpointSlice, now)},
	nodes: {columns: nodeColumns, cells: (entry, now) => nodeCells(entry.object as unknown as Node, now)},
	events: {columns: eventColumns, cells: (entry, now) => eventCells(entry.object as unknown as Event, now)},
	namespaces: {columns: namespaceColumns, cells: (entry, now) => namespaceCells(entry.object as unknown as Namespace, now)},
	leases: {columns: leaseColumns, cells: (entry, now) => leaseCells(entry.object as Lease, now)},
	configmaps: {columns: configMapColumns, cells: (entry, now) => configMapCells(entry.object, now)},
	secrets: {columns: secretColumns, cells: (entry, now) => secretCells(entry.object, now)},
	serviceaccounts: {columns: serviceAccountColumns, cells: (entry, now) => serviceAccountCells(entry.object, now)},
};

/** Whether the sandbox can print this resource as a server-side Table. */
export function hasTable(resource: string): boolean {
	return resource in printers;
}

/** The `columnDefinitions` JSON of a resource's Table, in the server's key order. */
export function columnsJson(resource: string): string {
	return JSON.stringify(printers[resource]!.columns.map(column => columnDefinition(column)));
}

// printPod marks finished pods' rows so clients can grey them out.
function rowConditions(entry: Entry): string {
	if (entry.resource !== 'pods') {
		return '';
	}

	const phase = (entry.object as unknown as Pod).status?.phase;
	if (phase === 'Succeeded') {
		return ',"conditions":[{"type":"Completed","status":"True","reason":"Succeeded","message":"The pod has completed successfully."}]';
	}

	if (phase === 'Failed') {
		return ',"conditions":[{"type":"Completed","status":"True","reason":"Failed","message":"The pod failed."}]';
	}

	return '';
}

/** One Table row as JSON: cells, row conditions, and the object as `includeObject` asks. */
export function rowJson(entry: Entry, request: TableRequest, now: number): string {
	const cells = JSON.stringify(printers[entry.resource]!.cells(entry, now));
	let object = '';
	if (request.include === 'Object') {
		object = `,"object":${objectJson(entry)}`;
	} else if (request.include === 'Metadata') {
		object = `,"object":${partialMetadataJson(entry.object)}`;
	}

	return `{"cells":${cells}${rowConditions(entry)}${object}}`;
}

/** `{"kind":"PartialObjectMetadata",...}` for one object. */
export function partialMetadataJson(object: KubeObject): string {
	return `{"kind":"PartialObjectMetadata","apiVersion":"meta.k8s.io/v1","metadata":${JSON.stringify(object.metadata)}}`;
}

/** A whole Table document; `withColumns` false gives `columnDefinitions: null` as later watch events carry. */
export function tableJson(
	resource: string,
	entries: Entry[],
	request: TableRequest,
	now: number,
	listMeta: string,
	withColumns = true,
): string {
	const rows = entries.map(entry => rowJson(entry, request, now)).join(',');
	const columns = withColumns ? columnsJson(resource) : 'null';
	return `{"kind":"Table","apiVersion":"${request.apiVersion}","metadata":${listMeta},"columnDefinitions":${columns},"rows":[${rows}]}`;
}
