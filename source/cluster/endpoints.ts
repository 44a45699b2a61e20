import type {EndpointSlice, Endpoints} from '../k8s/types.js';
import type {EndpointEntry, EndpointGroup} from './types.js';

const serviceNameLabel = 'kubernetes.io/service-name';

/** Flattens an EndpointSlice into address × port entries. */
export function groupFromSlice(slice: EndpointSlice): EndpointGroup {
	const ports = slice.ports && slice.ports.length > 0 ? slice.ports : [undefined];
	const entries: EndpointEntry[] = [];
	for (const endpoint of slice.endpoints ?? []) {
		const conditions = endpoint.conditions ?? {};
		// The API says an absent ready means ready unless terminating; serving follows ready when absent.
		const terminating = conditions.terminating === true;
		const ready = conditions.ready ?? !terminating;
		const serving = conditions.serving ?? ready;
		for (const port of ports) {
			for (const ip of endpoint.addresses) {
				entries.push({
					ip,
					port: port?.port,
					portName: port?.name || undefined,
					protocol: port?.protocol ?? 'TCP',
					ready,
					serving,
					terminating,
					pod: endpoint.targetRef?.kind === 'Pod' ? endpoint.targetRef.name : undefined,
					node: endpoint.nodeName,
				});
			}
		}
	}

	return {
		source: 'EndpointSlice',
		namespace: slice.metadata.namespace ?? '',
		name: slice.metadata.name ?? '',
		service: slice.metadata.labels?.[serviceNameLabel] ?? '',
		endpoints: entries,
	};
}

/** Flattens a core/v1 Endpoints (servers without discovery.k8s.io/v1) the same way. */
export function groupFromEndpoints(endpoints: Endpoints): EndpointGroup {
	const entries: EndpointEntry[] = [];
	for (const subset of endpoints.subsets ?? []) {
		const ports = subset.ports && subset.ports.length > 0 ? subset.ports : [undefined];
		for (const port of ports) {
			for (const [ready, addresses] of [
				[true, subset.addresses],
				[false, subset.notReadyAddresses],
			] as const) {
				for (const address of addresses ?? []) {
					entries.push({
						ip: address.ip,
						port: port?.port,
						portName: port?.name || undefined,
						protocol: port?.protocol ?? 'TCP',
						ready,
						serving: ready,
						// Endpoints cannot say terminating; a terminating pod is simply not ready there.
						terminating: false,
						pod: address.targetRef?.kind === 'Pod' ? address.targetRef.name : undefined,
						node: address.nodeName,
					});
				}
			}
		}
	}

	return {
		source: 'Endpoints',
		namespace: endpoints.metadata.namespace ?? '',
		name: endpoints.metadata.name ?? '',
		service: endpoints.metadata.name ?? '',
		endpoints: entries,
	};
}
