/**
 * `kubectl get endpoints` and `kubectl get endpointslices` cells: ports of printers.go
 * `printEndpoints` / `formatEndpoints` and `printEndpointSlice` / `formatDiscoveryPorts` /
 * `formatDiscoveryEndpoints` / `listWithMoreString`.
 */

import type {EndpointSlice, Endpoints, SliceEndpoint, SlicePort} from '../k8s/types.js';
import {ageColumn, nameColumn, stringColumn, type Column} from './columns.js';
import {translateTimestampSince} from './duration.js';

/** kubectl lists at most this many entries before ' + N more...'. */
const listMax = 3;

/** NAME ENDPOINTS AGE. */
export const endpointsColumns: Column[] = [
	nameColumn,
	stringColumn(
		'Endpoints',
		'The set of all endpoints is the union of all subsets. Addresses are placed into subsets according to the IPs they share. A single address with multiple ports, some of which are ready and some of which are not (because they come from different containers) will result in the address being displayed in different subsets for the different ports. No address will appear in both Addresses and NotReadyAddresses in the same subset. Sets of addresses and ports that comprise a service.',
	),
	ageColumn,
];

/** NAME ADDRESSTYPE PORTS ENDPOINTS AGE. */
export const endpointSliceColumns: Column[] = [
	nameColumn,
	stringColumn(
		'AddressType',
		'addressType specifies the type of address carried by this EndpointSlice. All addresses in this slice must be the same type. This field is immutable after creation. The following address types are currently supported: * IPv4: Represents an IPv4 Address. * IPv6: Represents an IPv6 Address. * FQDN: Represents a Fully Qualified Domain Name.',
	),
	stringColumn(
		'Ports',
		'ports specifies the list of network ports exposed by each endpoint in this slice. Each port must have a unique name. When ports is empty, it indicates that there are no defined ports. When a port is defined with a nil port value, it indicates "all ports". Each slice may include a maximum of 100 ports.',
	),
	stringColumn('Endpoints', 'endpoints is a list of unique endpoints in this slice. Each slice may include a maximum of 1000 endpoints.'),
	ageColumn,
];

/** Go's `net.JoinHostPort`: IPv6 hosts (any ':') are bracketed. */
export function joinHostPort(host: string, port: number | string): string {
	return host.includes(':') ? `[${host}]:${port}` : `${host}:${port}`;
}

/**
 * The ENDPOINTS cell of core/v1 Endpoints: ready addresses only, port-major (for each subset, for
 * each port, for each address), at most three, then ' + N more...'; '<none>' without subsets.
 * @example formatEndpoints(ep) // '10.244.0.5:80,10.244.0.6:80,10.244.0.5:443 + 1 more...'
 */
export function formatEndpoints(endpoints: Endpoints): string {
	const subsets = endpoints.subsets ?? [];
	if (subsets.length === 0) {
		return '<none>';
	}
	const list: string[] = [];
	let more = false;
	let count = 0;
	const add = (entry: string): boolean => {
		if (list.length === listMax) {
			more = true;
			return false;
		}
		list.push(entry);
		return true;
	};
	for (const subset of subsets) {
		const addresses = subset.addresses ?? [];
		const ports = subset.ports ?? [];
		if (ports.length === 0) {
			// A headless service may have no ports: list the bare IPs.
			count += addresses.length;
			for (const address of addresses) {
				if (!add(address.ip)) {
					break;
				}
			}
			continue;
		}
		for (const port of ports) {
			count += addresses.length;
			for (const address of addresses) {
				if (!add(joinHostPort(address.ip, port.port))) {
					break;
				}
			}
		}
	}
	const joined = list.join(',');
	return more ? `${joined} + ${count - listMax} more...` : joined;
}

/** All three cells of an endpoints row at `now`. */
export function endpointsCells(endpoints: Endpoints, now: number): string[] {
	return [endpoints.metadata.name ?? '', formatEndpoints(endpoints), translateTimestampSince(endpoints.metadata.creationTimestamp, now)];
}

/** `listWithMoreString`: the first three joined by ',', ' + N more...', or '<unset>' when empty. */
function listWithMore(list: string[], more: boolean, count: number): string {
	const joined = list.join(',');
	if (more) {
		return `${joined} + ${count - listMax} more...`;
	}
	return joined === '' ? '<unset>' : joined;
}

/** The PORTS cell of an EndpointSlice: port numbers, else the port's name, else '*' (all ports). */
export function formatSlicePorts(ports: SlicePort[] | undefined): string {
	const all = (ports ?? []).map(port => (port.port === undefined ? (port.name ?? '*') : String(port.port)));
	return listWithMore(all.slice(0, listMax), all.length > listMax, all.length);
}

/** The ENDPOINTS cell of an EndpointSlice: every address of every endpoint, ready or not. */
export function formatSliceEndpoints(endpoints: SliceEndpoint[] | undefined): string {
	const all = (endpoints ?? []).flatMap(endpoint => endpoint.addresses ?? []);
	return listWithMore(all.slice(0, listMax), all.length > listMax, all.length);
}

/** All five cells of an endpointslices row at `now`. */
export function endpointSliceCells(slice: EndpointSlice, now: number): string[] {
	return [
		slice.metadata.name ?? '',
		slice.addressType ?? '',
		formatSlicePorts(slice.ports),
		formatSliceEndpoints(slice.endpoints),
		translateTimestampSince(slice.metadata.creationTimestamp, now),
	];
}
