import {useEffect, useMemo, useState} from 'react';
import type {Cluster, EndpointGroup, ResourceStore, StoreSnapshot} from '../../cluster/types.js';
import {podDetail, serviceDetail, type DetailLine} from '../../derive/describe.js';
import type {PodRow} from '../../format/pod.js';
import type {Event, Node, Pod, Service} from '../../k8s/types.js';
import type {Target} from '../../state/ui-state.js';
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
}

/** The texts the detail can show: kubectl's describe, or the object's YAML (kubectl get -o yaml). */
export type DetailText = 'describe' | 'yaml';

/** What the detail view shows: its lines, and whether the object is gone or still loading. */
export interface Detail {
	lines: DetailLine[];
	gone: boolean;
	loading: boolean;
}

/** The object as it stands now, live: the whole pod from its own watch, a service from the services store. */
interface LiveObject {
	pod?: Pod;
	service?: Service;
	gone: boolean;
	loading: boolean;
}

/** The detail of the object in view, live: kubectl's describe of it with kpods' additions after, re-made as it or its events change. */
export function useDetailLines(
	cluster: Cluster,
	target: Target | undefined,
	sources: DetailSources,
	now: number,
	text: DetailText = 'describe',
): Detail {
	const yaml = useObjectYaml(cluster, text === 'yaml' ? target : undefined);
	const key = target ? `${cluster.info.context}|${target.kind}|${target.namespace}|${target.name}` : undefined;
	const podStore = useScopedStore<Pod>(target?.kind === 'Pod' ? key : undefined, () => cluster.watchPod(target!.namespace, target!.name));
	const eventStore = useScopedStore<Event>(key, () => cluster.watchEvents(target!.namespace, target!.kind, target!.name));
	const pod = useStore(podStore);
	const events = useStore(eventStore);
	const object = useMemo((): LiveObject => {
		if (!target) {
			return {gone: false, loading: false};
		}
		if (target.kind === 'Pod') {
			return {pod: pod.items[0], gone: pod.synced && !pod.items[0], loading: !pod.synced};
		}
		const service = sources.services.find(item => item.metadata.namespace === target.namespace && item.metadata.name === target.name);
		return {service, gone: !service, loading: false};
	}, [target, pod, sources.services]);

	return useMemo(() => {
		const {pod: livePod, service, gone, loading} = object;
		if (text === 'yaml') {
			return {lines: yaml.lines, gone, loading: yaml.loading};
		}
		const lines =
			text === 'describe' && livePod
				? podDetail(livePod, events.items, sources.services, now)
				: text === 'describe' && service
					? serviceDetail(service, {groups: sources.endpoints, pods: sources.pods, nodes: sources.nodes, events: events.items}, now)
					: [];
		return {lines, gone, loading};
	}, [object, events, sources, now, text, yaml]);
}

export type {DetailLine};
