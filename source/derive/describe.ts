import type {EndpointGroup, StoreSnapshot} from '../cluster/types.js';
import {describeNamespace} from '../describe/namespace.js';
import {describeNode, type LeaseLookup} from '../describe/node.js';
import {describePod} from '../describe/pod.js';
import {describeService} from '../describe/service.js';
import type {DescribedNode, DescribedPod, Lease, LimitRange, Namespace as DescribedNamespace, ResourceQuota} from '../describe/types.js';
import type {PodRow} from '../format/pod.js';
import {makePortString} from '../format/service.js';
import {formatLabels} from '../k8s/labels.js';
import type {EndpointSlice, Event, Namespace, Node, Pod, Service} from '../k8s/types.js';
import {endpointReport, endpointStateText, servicesSelecting} from './service-view.js';
import {t} from '../i18n/index.js';

/** A line of a text view (detail, help, history); `heading` lines are section titles. */
export interface DetailLine {
	text: string;
	heading?: boolean;
	tone?: 'ok' | 'warn' | 'error' | 'dim';
}

/** Where kubectl's text ends and kpods' own, live additions begin. */
export const additionsTitle = (): string => t('describe.additions');

/** The events kubectl lists for an object: those whose involvedObject has this very uid. */
export function eventsAbout(uid: string | undefined, events: readonly Event[]): Event[] {
	return uid ? events.filter(event => event.involvedObject.uid === uid) : [...events];
}

/** kubectl looks a mirror pod's events up by the static pod's uid, which its annotation holds. */
const mirrorAnnotation = 'kubernetes.io/config.mirror';

/**
 * `kubectl describe pod` text for the pod, from its live events. The pod is the whole wire
 * object; k8s/types names only the fields the tables read, describe reads the rest.
 */
export function podDescribeText(pod: Pod | DescribedPod, events: readonly Event[], now: number): string {
	return describePod(pod as DescribedPod, eventsAbout(pod.metadata.annotations?.[mirrorAnnotation] ?? pod.metadata.uid, events), now);
}

/**
 * `kubectl describe service` text. kubectl reads discovery.k8s.io/v1 EndpointSlices only: where
 * kpods' endpoints came from core/v1 Endpoints (a server without v1 slices), it finds none.
 */
export function serviceDescribeText(service: Service, groups: readonly EndpointGroup[], events: readonly Event[], now: number): string {
	return describeService(service, slicesOf(service, groups), eventsAbout(service.metadata.uid, events), now);
}

/** The service's EndpointSlices rebuilt from kpods' endpoint groups (one address per endpoint, ports in slice order). */
export function slicesOf(service: Service, groups: readonly EndpointGroup[]): EndpointSlice[] {
	const mine = groups.filter(
		group => group.namespace === service.metadata.namespace && group.service === service.metadata.name && group.source !== 'Endpoints',
	);
	return mine.map(group => {
		const ports: NonNullable<EndpointSlice['ports']> = [];
		const endpoints = new Map<string, NonNullable<EndpointSlice['endpoints']>[number]>();
		for (const entry of group.endpoints) {
			if (entry.port !== undefined && !ports.some(port => port.name === (entry.portName ?? '') && port.port === entry.port)) {
				ports.push({name: entry.portName ?? '', port: entry.port, protocol: entry.protocol});
			}

			if (!endpoints.has(entry.ip)) {
				endpoints.set(entry.ip, {
					addresses: [entry.ip],
					conditions: {ready: entry.ready, serving: entry.serving, terminating: entry.terminating},
				});
			}
		}

		return {metadata: {name: group.name, namespace: group.namespace}, addressType: 'IPv4', ports, endpoints: [...endpoints.values()]};
	});
}

/** kubectl's text as lines: section titles bold, Warning events in the warning tone. */
export function textLines(text: string): DetailLine[] {
	const lines = text.replace(/\n$/, '').split('\n');
	let inEvents = false;
	return lines.map(line => {
		if (/^Events:/.test(line)) {
			inEvents = true;
		}
		if (/^[A-Z][^:\t]*:$/.test(line)) {
			return {text: line, heading: true};
		}
		if (inEvents && /^ {2}Warning /.test(line)) {
			return {text: line, tone: 'warn'};
		}
		// An empty Ink line takes no row: a space keeps kubectl's blank lines.
		return {text: line || ' '};
	});
}

/** The pod's detail: kubectl's describe, then the services that select it. */
export function podDetail(pod: Pod | DescribedPod, events: readonly Event[], services: readonly Service[], now: number): DetailLine[] {
	const selecting = servicesSelecting({namespace: pod.metadata.namespace ?? '', labels: pod.metadata.labels ?? {}}, services);
	const additions: DetailLine[] = [{text: t('describe.selectingServices'), heading: true}];
	if (selecting.length === 0) {
		additions.push({text: t('describe.noSelectingService'), tone: 'dim'});
	}
	for (const service of selecting) {
		const spec = service.spec ?? {};
		additions.push({
			text: t('describe.selectingService', {
				name: service.metadata.name ?? '',
				type: spec.type ?? 'ClusterIP',
				ip: spec.clusterIPs?.[0] ?? spec.clusterIP ?? '<none>',
				ports: makePortString(spec.ports) || '<none>',
				selector: formatLabels(spec.selector),
			}),
		});
	}

	return [...textLines(podDescribeText(pod, events, now)), ...separator(), ...additions];
}

/** What the service's detail needs besides the service itself. */
export interface ServiceContext {
	groups: readonly EndpointGroup[];
	pods: readonly PodRow[];
	nodes: readonly Node[];
	events: readonly Event[];
}

/** The service's detail: kubectl's describe, then its real endpoints with their pods, and why none is ready. */
export function serviceDetail(service: Service, context: ServiceContext, now: number): DetailLine[] {
	const {lines: endpoints, problems, urls} = endpointReport(service, context.groups, context.pods, context.nodes);
	const additions: DetailLine[] = [{text: t('describe.endpoints'), heading: true}];
	if (endpoints.length === 0) {
		additions.push({text: '  <none>', tone: 'warn'});
	}
	const width = Math.max(0, ...endpoints.map(endpoint => endpoint.address.length)) + 2;
	for (const endpoint of endpoints) {
		const behind = endpoint.pod
			? t('endpoints.pod', {pod: endpoint.pod}) + (endpoint.node ? t('endpoints.onNode', {node: endpoint.node}) : '')
			: '';
		additions.push({
			text: `  ${endpoint.address.padEnd(width)}${endpointStateText(endpoint.state).padEnd(13)}${behind}`.trimEnd(),
			tone: endpoint.state === 'ready' ? 'ok' : 'warn',
		});
	}

	for (const problem of problems) {
		additions.push({text: `  ! ${problem}`, tone: 'warn'});
	}
	if (urls.length > 0) {
		additions.push({text: t('describe.openAt', {urls: urls.join(', ')})});
	}
	return [...textLines(serviceDescribeText(service, context.groups, context.events, now)), ...separator(), ...additions];
}

/** What a node's describe reads besides the node: its pods, its lease and its events, each from a live store. */
export interface NodeContext {
	pods: StoreSnapshot<Pod>;
	lease: StoreSnapshot<Lease>;
	events: readonly Event[];
}

/**
 * `kubectl describe node` text. Pods the user may not list print as kubectl prints them (not
 * authorized); a lease that cannot be read prints kubectl's "Failed to get lease" line.
 */
export function nodeDescribeText(node: Node, context: NodeContext, now: number): string {
	const name = node.metadata.name ?? '';
	const pods = context.pods.state.kind === 'forbidden' ? undefined : (context.pods.items as readonly DescribedPod[]);
	// kubectl finds a node's events by its uid and, as the kubelet writes them, by its name as uid.
	const events = context.events.filter(event => event.involvedObject.uid === node.metadata.uid || event.involvedObject.uid === name);
	return describeNode(node as DescribedNode, pods, leaseLookup(name, context.lease), events, now);
}

/** The lease as kubectl's describe looks it up: found, or the error its GET would give; undefined until the store has listed. */
export function leaseLookup(node: string, lease: StoreSnapshot<Lease>): LeaseLookup | undefined {
	if (lease.state.kind === 'forbidden' || lease.state.kind === 'error') {
		return {error: lease.state.reason};
	}
	if (!lease.synced) {
		return undefined;
	}
	const found = lease.items[0];
	return found ? {lease: found} : {error: `leases.coordination.k8s.io "${node}" not found`};
}

/** The node's detail: kubectl's describe (nothing of kpods' own after it). */
export function nodeDetail(node: Node, context: NodeContext, now: number): DetailLine[] {
	return textLines(nodeDescribeText(node, context, now));
}

/** What a namespace's describe reads besides the namespace, each from a live store. */
export interface NamespaceContext {
	quotas: StoreSnapshot<ResourceQuota>;
	limitRanges: StoreSnapshot<LimitRange>;
}

/**
 * `kubectl describe namespace` text. kubectl leaves the quota and limit sections out where the
 * server does not serve them (or, here, while they cannot be read).
 */
export function namespaceDescribeText(namespace: Namespace, context: NamespaceContext): string {
	const readable = <T>(store: StoreSnapshot<T>) =>
		store.synced && store.state.kind !== 'error' && store.state.kind !== 'forbidden' ? store.items : undefined;
	return describeNamespace(namespace as DescribedNamespace, readable(context.quotas), readable(context.limitRanges));
}

/** The namespace's detail: kubectl's describe. */
export function namespaceDetail(namespace: Namespace, context: NamespaceContext): DetailLine[] {
	return textLines(namespaceDescribeText(namespace, context));
}

const separator = (): DetailLine[] => [{text: ' '}, {text: additionsTitle(), tone: 'dim'}];
