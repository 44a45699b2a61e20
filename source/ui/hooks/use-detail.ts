import {useEffect, useMemo, useState} from 'react';
import type {Cluster, EndpointGroup, ResourceStore, StoreSnapshot} from '../../cluster/types.js';
import {namespaceDetail, nodeDetail, podDetail, serviceDetail, type DetailLine} from '../../derive/describe.js';
import type {Lease, LimitRange, ResourceQuota} from '../../describe/types.js';
import type {PodRow} from '../../format/pod.js';
import type {Event, Namespace, Node, Pod, Service} from '../../k8s/types.js';
import type {DetailTarget} from '../../state/ui-state.js';
import {useStore} from './use-store.js';
import {useObjectYaml} from './use-object-yaml.js';

const idle: StoreSnapshot<never> = {items: [], version: 0, state: {kind: 'connecting'}, synced: false};
const idleStore: ResourceStore<never> = {subscribe: () => () => undefined, getSnapshot: () => idle, stop: () => undefined};

/** A store that lives as long as `key` stays the same; stopped when it changes or on unmount. */
function useScopedStore<T>(key: string | undefined, open: () => ResourceStore<T>): ResourceStore<T> {
	const [store, setStore] = useState<ResourceStore<T>>(idleStore);
	// biome-ignore lint/correctness/useExhaustiveDependencies: the store lives as long as key: a new open callback each render must not reopen it
	useEffect(() => {
		if (key === undefined) {
			setStore(idleStore);
			return;
		}

		const opened = open();
		setStore(opened);
		return () => opened.stop();
	}, [key]);
	return store;
}

export interface DetailSources {
	services: readonly Service[];
	pods: readonly PodRow[];
	endpoints: readonly EndpointGroup[];
	nodes: readonly Node[];
	/** Read for a namespace's detail (the namespaces pane's store). */
	namespaces: readonly Namespace[];
	/** Whether the nodes and namespaces stores have listed (before that, an object not in them is not gone). */
	nodesSynced: boolean;
	namespacesSynced: boolean;
}

/** The texts the detail can show: kubectl's describe, or the object's YAML (kubectl get -o yaml). */
export type DetailText = 'describe' | 'yaml';

/** What the detail view shows: its lines, and whether the object is gone or still loading. */
export interface Detail {
	lines: DetailLine[];
	gone: boolean;
	loading: boolean;
}

/** The object as it stands now, live: the whole pod from its own watch, the others from their panes' stores. */
interface LiveObject {
	pod?: Pod;
	service?: Service;
	node?: Node;
	namespace?: Namespace;
	gone: boolean;
	loading: boolean;
}

/** The detail of the object in view, live: kubectl's describe of it with kpods' additions after, re-made as it or its events change. */
export function useDetailLines(
	cluster: Cluster,
	target: DetailTarget | undefined,
	sources: DetailSources,
	now: number,
	text: DetailText = 'describe',
): Detail {
	const yaml = useObjectYaml(cluster, text === 'yaml' ? target : undefined);
	const key = target ? `${cluster.info.context}|${target.kind}|${target.namespace}|${target.name}` : undefined;
	const kind = target?.kind;
	const podStore = useScopedStore<Pod>(kind === 'Pod' ? key : undefined, () => cluster.watchPod(target!.namespace, target!.name));
	// A namespace's describe lists no events; the others' events are found by kind and name (a node's in every namespace).
	const eventStore = useScopedStore<Event>(kind === 'Namespace' ? undefined : key, () =>
		cluster.watchEvents(target!.namespace, target!.kind, target!.name),
	);
	const nodePodStore = useScopedStore<Pod>(kind === 'Node' ? key : undefined, () => cluster.watchPodsOnNode(target!.name));
	const leaseStore = useScopedStore<Lease>(kind === 'Node' ? key : undefined, () => cluster.watchNodeLease(target!.name));
	const quotaStore = useScopedStore<ResourceQuota>(kind === 'Namespace' ? key : undefined, () => cluster.watchQuotas(target!.name));
	const limitStore = useScopedStore<LimitRange>(kind === 'Namespace' ? key : undefined, () => cluster.watchLimitRanges(target!.name));
	const pod = useStore(podStore);
	const events = useStore(eventStore);
	const nodePods = useStore(nodePodStore);
	const lease = useStore(leaseStore);
	const quotas = useStore(quotaStore);
	const limitRanges = useStore(limitStore);
	const object = useMemo((): LiveObject => {
		if (!target) {
			return {gone: false, loading: false};
		}
		const named = <T extends {metadata: {name?: string; namespace?: string}}>(items: readonly T[]) =>
			items.find(item => (item.metadata.namespace ?? '') === target.namespace && item.metadata.name === target.name);
		switch (target.kind) {
			case 'Pod':
				return {pod: pod.items[0], gone: pod.synced && !pod.items[0], loading: !pod.synced};
			case 'Service': {
				const service = named(sources.services);
				return {service, gone: !service, loading: false};
			}
			case 'Node': {
				const node = named(sources.nodes);
				return {node, gone: sources.nodesSynced && !node, loading: !sources.nodesSynced};
			}
			case 'Namespace': {
				const namespace = named(sources.namespaces);
				return {namespace, gone: sources.namespacesSynced && !namespace, loading: !sources.namespacesSynced};
			}
		}
	}, [target, pod, sources.services, sources.nodes, sources.namespaces, sources.nodesSynced, sources.namespacesSynced]);

	return useMemo(() => {
		const {gone, loading} = object;
		if (text === 'yaml') {
			return {lines: yaml.lines, gone, loading: yaml.loading};
		}
		return {lines: describeLines(object, {sources, events: events.items, nodePods, lease, quotas, limitRanges}, now), gone, loading};
	}, [object, events, nodePods, lease, quotas, limitRanges, sources, now, text, yaml]);
}

/** kubectl's describe of whichever object is live, with kpods' additions after it. */
function describeLines(
	object: LiveObject,
	extras: {
		sources: DetailSources;
		events: readonly Event[];
		nodePods: StoreSnapshot<Pod>;
		lease: StoreSnapshot<Lease>;
		quotas: StoreSnapshot<ResourceQuota>;
		limitRanges: StoreSnapshot<LimitRange>;
	},
	now: number,
): DetailLine[] {
	const {sources, events} = extras;
	if (object.pod) {
		return podDetail(object.pod, events, sources.services, now);
	}
	if (object.service) {
		return serviceDetail(object.service, {groups: sources.endpoints, pods: sources.pods, nodes: sources.nodes, events}, now);
	}
	if (object.node) {
		return nodeDetail(object.node, {pods: extras.nodePods, lease: extras.lease, events}, now);
	}
	if (object.namespace) {
		return namespaceDetail(object.namespace, {quotas: extras.quotas, limitRanges: extras.limitRanges});
	}
	return [];
}

export type {DetailLine};
