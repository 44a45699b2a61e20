import {useEffect, useMemo, useState} from 'react';
import type {Cluster, EndpointGroup, ResourceStore, StoreSnapshot} from '../../cluster/types.js';
import {describePod, describeService, type DetailLine} from '../../derive/describe.js';
import {endpointLines, nodePortUrls, servicesSelecting, undeclaredTargetPorts, whyNoEndpoints} from '../../derive/service-view.js';
import type {PodRow} from '../../format/pod.js';
import type {Event, Node, Pod, Service} from '../../k8s/types.js';
import type {Target} from '../../state/ui-state.js';
import {useStore} from './use-store.js';

const idle: StoreSnapshot<never> = {items: [], version: 0, state: {kind: 'connecting'}, synced: false};
const idleStore: ResourceStore<never> = {subscribe: () => () => undefined, getSnapshot: () => idle, stop: () => undefined};

/** A store that lives as long as `key` stays the same; stopped when it changes or on unmount. */
function useScopedStore<T>(key: string | undefined, open: () => ResourceStore<T>): ResourceStore<T> {
	const [store, setStore] = useState<ResourceStore<T>>(idleStore);
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

/** The describe-like lines of the object in the detail view, live (the object and its events). */
export function useDetailLines(cluster: Cluster, target: Target | undefined, sources: DetailSources, now: number): {lines: DetailLine[]; gone: boolean; loading: boolean} {
	const key = target ? `${cluster.info.context}|${target.kind}|${target.namespace}|${target.name}` : undefined;
	const podStore = useScopedStore<Pod>(target?.kind === 'Pod' ? key : undefined, () => cluster.watchPod(target!.namespace, target!.name));
	const eventStore = useScopedStore<Event>(key, () => cluster.watchEvents(target!.namespace, target!.kind, target!.name));
	const pod = useStore(podStore);
	const events = useStore(eventStore);
	return useMemo(() => {
		if (!target) return {lines: [], gone: false, loading: false};
		if (target.kind === 'Pod') {
			const object = pod.items[0];
			if (!object) return {lines: [], gone: pod.synced, loading: !pod.synced};
			const selecting = servicesSelecting({namespace: target.namespace, labels: object.metadata.labels ?? {}}, sources.services);
			return {lines: describePod(object, events.items, selecting, now), gone: false, loading: false};
		}

		const service = sources.services.find(item => item.metadata.namespace === target.namespace && item.metadata.name === target.name);
		if (!service) return {lines: [], gone: true, loading: false};
		const lines = endpointLines(service, sources.endpoints);
		const problems = [whyNoEndpoints(service, sources.pods, lines), undeclaredTargetPorts(service, sources.pods)].filter((text): text is string => Boolean(text));
		return {lines: describeService(service, lines, problems, nodePortUrls(service, sources.nodes), events.items, now), gone: false, loading: false};
	}, [target, pod, events, sources, now]);
}

export type {DetailLine};
