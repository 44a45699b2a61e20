import type {PodRow} from '../format/pod.js';
import type {ServiceRow} from '../format/service.js';
import {formatLabels, matchesSelector, selectorFromSet} from '../k8s/labels.js';
import {applyFilter, type RowFilter} from './pod-view.js';
import type {Node, Service, ServicePort} from '../k8s/types.js';
import type {EndpointEntry, EndpointGroup} from '../cluster/types.js';
import {t} from '../i18n/index.js';

export type EndpointState = 'ready' | 'not ready' | 'terminating';

const endpointStateKeys = {ready: 'endpoint.ready', 'not ready': 'endpoint.notReady', terminating: 'endpoint.terminating'} as const;

/** An endpoint's state in words of the language. */
export function endpointStateText(state: EndpointState): string {
	return t(endpointStateKeys[state]);
}

/** One line of the endpoints list under a service. */
export interface EndpointLine {
	/** `172.17.0.4:80`, IPv6 bracketed. */
	address: string;
	state: EndpointState;
	pod?: string;
	node?: string;
	portName?: string;
}

/** Every address:port of a service, from all its slices, without duplicates. */
export function endpointLines(service: Service, groups: readonly EndpointGroup[]): EndpointLine[] {
	const namespace = service.metadata.namespace ?? '';
	const name = service.metadata.name ?? '';
	const seen = new Set<string>();
	const lines: EndpointLine[] = [];
	for (const group of groups) {
		if (group.namespace !== namespace || group.service !== name) {
			continue;
		}
		for (const entry of group.endpoints) {
			const address = hostPort(entry);
			if (seen.has(address)) {
				continue;
			}
			seen.add(address);
			lines.push({address, state: stateOf(entry), pod: entry.pod, node: entry.node, portName: entry.portName});
		}
	}

	return lines.sort((a, b) => (a.address < b.address ? -1 : a.address > b.address ? 1 : 0));
}

function hostPort(entry: EndpointEntry): string {
	const host = entry.ip.includes(':') ? `[${entry.ip}]` : entry.ip;
	return entry.port === undefined ? host : `${host}:${entry.port}`;
}

function stateOf(entry: EndpointEntry): EndpointState {
	if (entry.terminating) {
		return 'terminating';
	}
	return entry.ready ? 'ready' : 'not ready';
}

/** The pods of the service's namespace its selector picks. */
export function selectedPods(service: Service, pods: readonly PodRow[]): PodRow[] {
	const selector = service.spec?.selector;
	if (!selector || Object.keys(selector).length === 0) {
		return [];
	}
	const requirements = selectorFromSet(selector);
	const namespace = service.metadata.namespace;
	return pods.filter(pod => pod.namespace === namespace && matchesSelector(requirements, pod.labels));
}

/** The services whose selector picks this pod (the label link the tutorial explains). */
export function servicesSelecting(pod: {namespace: string; labels: Record<string, string>}, services: readonly Service[]): Service[] {
	return services.filter(service => {
		const selector = service.spec?.selector;
		if (!selector || Object.keys(selector).length === 0 || service.metadata.namespace !== pod.namespace) {
			return false;
		}
		return matchesSelector(selectorFromSet(selector), pod.labels);
	});
}

/** What kpods says about a service's endpoints, in the services pane and in its detail alike. */
export interface EndpointReport {
	/** Every address:port, with its state and the pod behind it. */
	lines: EndpointLine[];
	/** Why no endpoint is ready, and targetPorts no selected pod declares. */
	problems: string[];
	/** Where to open a NodePort or LoadBalancer service from outside the cluster. */
	urls: string[];
}

/** The endpoints of a service and the diagnosis of them, computed in this one place. */
export function endpointReport(
	service: Service,
	groups: readonly EndpointGroup[],
	pods: readonly PodRow[],
	nodes: readonly Node[],
): EndpointReport {
	const lines = endpointLines(service, groups);
	const problems = [whyNoEndpoints(service, pods, lines), undeclaredTargetPorts(service, pods)].filter((text): text is string =>
		Boolean(text),
	);
	return {lines, problems, urls: nodePortUrls(service, nodes)};
}

/** What a text filter searches in a services row: the cells a user reads. */
export function serviceSearchText(row: ServiceRow): string {
	return `${row.namespace} ${row.name} ${row.type} ${row.clusterIP} ${row.selector}`;
}

/** The services rows a filter keeps (a label selector matches the service's own labels). */
export function filterServices(rows: readonly ServiceRow[], filter: RowFilter): readonly ServiceRow[] {
	return applyFilter(rows, filter, row => row.labels, serviceSearchText);
}

/**
 * Why a service has no ready endpoint, from what kpods sees; undefined when it has one.
 * The checks go from the cause a learner most often hits (labels) to the rarer ones.
 */
export function whyNoEndpoints(service: Service, pods: readonly PodRow[], lines: readonly EndpointLine[]): string | undefined {
	if (lines.some(line => line.state === 'ready')) {
		return undefined;
	}
	const spec = service.spec ?? {};
	if (spec.type === 'ExternalName') {
		return t('why.externalName', {name: spec.externalName ?? t('why.externalNameUnset')});
	}
	const selector = spec.selector;
	if (!selector || Object.keys(selector).length === 0) {
		return t('why.noSelector');
	}

	const namespace = service.metadata.namespace ?? '';
	const matching = selectedPods(service, pods);
	if (matching.length === 0) {
		return t('why.noPodMatches', {selector: formatLabels(selector), namespace});
	}
	const unresolved = (spec.ports ?? []).filter(port => typeof port.targetPort === 'string' && !matching.some(pod => podHasPort(pod, port)));
	if (unresolved.length > 0 && unresolved.length === (spec.ports ?? []).length) {
		const names = unresolved.map(port => String(port.targetPort)).join(', ');
		return t('why.targetPortUnknown', {names, count: matching.length, ports: portsOf(matching)});
	}

	const ready = matching.filter(pod => pod.health === 'ok');
	if (ready.length === 0) {
		const states = matching
			.slice(0, 3)
			.map(pod => `${pod.name}: ${pod.status}`)
			.join(', ');
		const more = matching.length > 3 ? t('why.more', {count: matching.length - 3}) : '';
		return t('why.noneReady', {count: matching.length, selector: formatLabels(selector), states: `${states}${more}`});
	}

	return t('why.notPublished', {count: ready.length, selector: formatLabels(selector)});
}

/**
 * A warning for numeric targetPorts no matching pod declares: the endpoints controller
 * does not check them, so the service looks fine and traffic goes nowhere.
 */
export function undeclaredTargetPorts(service: Service, pods: readonly PodRow[]): string | undefined {
	const matching = selectedPods(service, pods).filter(pod => pod.containerPorts.length > 0);
	if (matching.length === 0) {
		return undefined;
	}
	const missing = (service.spec?.ports ?? []).filter(port => !matching.some(pod => podHasPort(pod, port)));
	if (missing.length === 0) {
		return undefined;
	}
	const targets = missing.map(port => String(port.targetPort ?? port.port)).join(', ');
	return t('why.undeclaredPort', {targets, ports: portsOf(matching)});
}

function podHasPort(pod: PodRow, port: ServicePort): boolean {
	const target = port.targetPort ?? port.port;
	const protocol = port.protocol ?? 'TCP';
	return pod.containerPorts.some(
		container => (typeof target === 'string' ? container.name === target : container.port === target) && container.protocol === protocol,
	);
}

function portsOf(pods: readonly PodRow[]): string {
	const ports = new Set<string>();
	for (const pod of pods) {
		for (const port of pod.containerPorts) {
			ports.add(port.name ? `${port.name}=${port.port}/${port.protocol}` : `${port.port}/${port.protocol}`);
		}
	}

	return ports.size === 0 ? t('why.noDeclaredPorts') : [...ports].join(', ');
}

/** Where a learner opens a NodePort service from outside: nodeIP:nodePort for each node. */
export function nodePortUrls(service: Service, nodes: readonly Node[]): string[] {
	if (service.spec?.type !== 'NodePort' && service.spec?.type !== 'LoadBalancer') {
		return [];
	}
	const ports = (service.spec.ports ?? []).filter(port => port.nodePort);
	const addresses = nodes.map(
		node => node.status?.addresses?.find(address => address.type === 'InternalIP')?.address ?? node.metadata.name ?? '',
	);
	return ports.flatMap(port => addresses.map(address => `${address}:${port.nodePort}`));
}
