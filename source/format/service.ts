/**
 * `kubectl get services` / `-o wide` cells: a port of printers.go `printService`,
 * `getServiceExternalIP`, `loadBalancerStatusStringer` and `makePortString`.
 */

import {formatLabels} from '../k8s/labels.js';
import type {Service, ServicePort} from '../k8s/types.js';
import {ageColumn, cellsOf, nameColumn, rowColumn, stringColumn, type RowColumn} from './columns.js';
import {ageChangesAt, ageSince, timestampMs} from './duration.js';

/** loadBalancerWidth: longer LB ingress lists are clipped unless wide. */
const loadBalancerWidth = 16;

/** Everything a services row needs, computed once per object change. */
export interface ServiceRow {
	/** `${namespace}/${name}` */
	key: string;
	namespace: string;
	name: string;
	/** TYPE cell: spec.type as the server has it. */
	type: string;
	/** CLUSTER-IP cell: spec.clusterIPs[0] or '<none>'. */
	clusterIP: string;
	/** EXTERNAL-IP cell, as a server's Table has it (wide: LB ingress never clipped). */
	externalIP: string;
	/** PORT(S) cell. */
	ports: string;
	/** SELECTOR cell. */
	selector: string;
	/** Epoch ms; undefined renders AGE as '<unknown>'. */
	createdAt: number | undefined;
	labels: Record<string, string>;
	/** The whole object: services are few, and their endpoints and detail read the spec. */
	object: Service;
}

/** NAME TYPE CLUSTER-IP EXTERNAL-IP PORT(S) AGE, and SELECTOR for -o wide; SELECTOR, then AGE, then EXTERNAL-IP leave first when the terminal is narrow. */
export const serviceColumns: Array<RowColumn<ServiceRow>> = [
	rowColumn(nameColumn, row => row.name, {shrink: true}),
	rowColumn(
		stringColumn(
			'Type',
			'type determines how the Service is exposed. Defaults to ClusterIP. Valid options are ExternalName, ClusterIP, NodePort, and LoadBalancer. "ClusterIP" allocates a cluster-internal IP address for load-balancing to endpoints. Endpoints are determined by the selector or if that is not specified, by manual construction of an Endpoints object or EndpointSlice objects. If clusterIP is "None", no virtual IP is allocated and the endpoints are published as a set of endpoints rather than a virtual IP. "NodePort" builds on ClusterIP and allocates a port on every node which routes to the same endpoints as the clusterIP. "LoadBalancer" builds on NodePort and creates an external load-balancer (if supported in the current cloud) which routes to the same endpoints as the clusterIP. "ExternalName" aliases this service to the specified externalName. Several other fields do not apply to ExternalName services. More info: https://kubernetes.io/docs/concepts/services-networking/service/#publishing-services-service-types',
		),
		row => row.type,
		{dropRank: 4},
	),
	rowColumn(
		stringColumn(
			'Cluster-IP',
			'clusterIP is the IP address of the service and is usually assigned randomly. If an address is specified manually, is in-range (as per system configuration), and is not in use, it will be allocated to the service; otherwise creation of the service will fail. This field may not be changed through updates unless the type field is also being changed to ExternalName (which requires this field to be blank) or the type field is being changed from ExternalName (in which case this field may optionally be specified, as describe above).  Valid values are "None", empty string (""), or a valid IP address. Setting this to "None" makes a "headless service" (no virtual IP), which is useful when direct endpoint connections are preferred and proxying is not required.  Only applies to types ClusterIP, NodePort, and LoadBalancer. If this field is specified when creating a Service of type ExternalName, creation will fail. This field will be wiped when updating a Service to type ExternalName. More info: https://kubernetes.io/docs/concepts/services-networking/service/#virtual-ips-and-service-proxies',
		),
		row => row.clusterIP,
		{dropRank: 5},
	),
	rowColumn(
		stringColumn(
			'External-IP',
			'externalIPs is a list of IP addresses for which nodes in the cluster will also accept traffic for this service.  These IPs are not managed by Kubernetes.  The user is responsible for ensuring that traffic arrives at a node with this IP.  A common example is external load-balancers that are not part of the Kubernetes system.',
		),
		row => row.externalIP,
		{dropRank: 3},
	),
	rowColumn(
		stringColumn(
			'Port(s)',
			'The list of ports that are exposed by this service. More info: https://kubernetes.io/docs/concepts/services-networking/service/#virtual-ips-and-service-proxies',
		),
		row => row.ports,
	),
	rowColumn(ageColumn, (row, now) => ageSince(row.createdAt, now), {dropRank: 2, ticks: (row, now) => ageChangesAt(row.createdAt, now)}),
	rowColumn(
		stringColumn(
			'Selector',
			'Route service traffic to pods with label keys and values matching this selector. If empty or not present, the service is assumed to have an external process managing its endpoints, which Kubernetes will not modify. Only applies to types ClusterIP, NodePort, and LoadBalancer. Ignored if type is ExternalName. More info: https://kubernetes.io/docs/concepts/services-networking/service/',
			1,
		),
		row => row.selector,
		{dropRank: 1},
	),
];

/**
 * The PORT(S) text: `port/protocol`, or `port:nodePort/protocol`, joined by ','; '' for none.
 * It shows spec.ports[].port, never targetPort.
 * @example makePortString([{port: 5000, nodePort: 30000, protocol: 'TCP'}]) // '5000:30000/TCP'
 */
export function makePortString(ports: ServicePort[] | undefined): string {
	return (ports ?? [])
		.map(port => {
			// The API defaults protocol to TCP; Go prints an unset protocol as an empty string.
			const protocol = port.protocol ?? '';
			return port.nodePort && port.nodePort > 0 ? `${port.port}:${port.nodePort}/${protocol}` : `${port.port}/${protocol}`;
		})
		.join(',');
}

/** LB ingress IPs (else hostnames), de-duplicated and sorted, clipped to 13 chars + '...' unless wide. */
function loadBalancerStatus(service: Service, wide: boolean): string {
	const values = new Set<string>();
	for (const ingress of service.status?.loadBalancer?.ingress ?? []) {
		if (ingress.ip) {
			values.add(ingress.ip);
		} else if (ingress.hostname) {
			values.add(ingress.hostname);
		}
	}
	// sets.String.List() sorts byte-wise; these values are ASCII, where UTF-16 order is the same.
	const joined = [...values].sort().join(',');
	return !wide && joined.length > loadBalancerWidth ? `${joined.slice(0, loadBalancerWidth - 3)}...` : joined;
}

/**
 * The EXTERNAL-IP cell (printers.go `getServiceExternalIP`). Real API servers build their Tables
 * with wide=true, so through `kubectl get` a long LB list is never clipped; wide=false is the
 * client-side printer's rule.
 */
export function serviceExternalIP(service: Service, wide: boolean): string {
	const externalIPs = service.spec?.externalIPs ?? [];
	switch (service.spec?.type) {
		case 'ClusterIP':
		case 'NodePort':
			return externalIPs.length > 0 ? externalIPs.join(',') : '<none>';
		case 'LoadBalancer': {
			const lb = loadBalancerStatus(service, wide);
			if (externalIPs.length > 0) {
				return [...(lb ? lb.split(',') : []), ...externalIPs].join(',');
			}
			return lb || '<pending>';
		}
		case 'ExternalName':
			return service.spec.externalName ?? '';
		default:
			return '<unknown>';
	}
}

/** Computes a service's row once per object change (printService without the clock). */
export function serviceRow(service: Service): ServiceRow {
	const metadata = service.metadata;
	const namespace = metadata.namespace ?? '';
	const name = metadata.name ?? '';
	const clusterIPs = service.spec?.clusterIPs ?? [];
	return {
		key: `${namespace}/${name}`,
		namespace,
		name,
		type: service.spec?.type ?? '',
		clusterIP: clusterIPs.length > 0 ? clusterIPs[0]! : '<none>',
		// Real API servers build their Tables with wide=true, and kpods shows what they show.
		externalIP: serviceExternalIP(service, true),
		ports: makePortString(service.spec?.ports) || '<none>',
		selector: formatLabels(service.spec?.selector),
		createdAt: timestampMs(metadata.creationTimestamp),
		labels: {...metadata.labels},
		object: service,
	};
}

/**
 * All seven cells of a services row in column order (SELECTOR included) at `now`.
 * @example serviceCells(serviceRow(svc), now) // ['hello-np', 'NodePort', '10.96.201.7', '<none>', '5000:30000/TCP', '2m', 'app=hello']
 */
export function serviceCells(row: ServiceRow, now: number): string[] {
	return cellsOf(serviceColumns, row, now);
}
