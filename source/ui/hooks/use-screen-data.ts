import {useMemo, useRef, useSyncExternalStore} from 'react';
import type {ForwardRow} from '../../cluster/port-forward.js';
import type {Cluster, EndpointGroup, ResourceStore, StoreSnapshot} from '../../cluster/types.js';
import {applyFilter, filterPods, parseFilter, type RowFilter} from '../../derive/pod-view.js';
import {filterServices} from '../../derive/service-view.js';
import type {PodRow} from '../../format/pod.js';
import type {ServiceRow} from '../../format/service.js';
import type {Event, Node} from '../../k8s/types.js';
import type {LogSnapshot} from '../../cluster/log-session.js';
import {eventSearchText, sortEvents} from '../../derive/event-view.js';
import {useLogs} from './use-logs.js';
import type {ManifestFile} from '../../manifests/types.js';
import type {FilterPane, UiState} from '../../state/ui-state.js';
import {useDetailLines, type DetailSources} from './use-detail.js';
import {useStore} from './use-store.js';
import {useTutorial, type TutorialProgress} from './use-tutorial.js';

/** What the views draw from: the live stores, the filtered rows, the manifests and the detail in view. */
export interface ScreenData {
	pods: StoreSnapshot<PodRow>;
	services: StoreSnapshot<ServiceRow>;
	endpoints: StoreSnapshot<EndpointGroup>;
	nodes: StoreSnapshot<Node>;
	filters: Record<FilterPane, RowFilter>;
	podRows: readonly PodRow[];
	serviceRows: readonly ServiceRow[];
	files: readonly ManifestFile[];
	/** Why the manifests could not be read (e.g. a bad --manifests DIR). */
	manifestError?: string;
	detail: ReturnType<typeof useDetailLines>;
	/** The events pane's store and rows (--sort-by=.lastTimestamp, filtered); read only while the pane is shown. */
	events: StoreSnapshot<Event>;
	eventRows: readonly Event[];
	/** The log in view (`l`). */
	logs: LogSnapshot;
	/** The active port-forwards (`:pf`). */
	forwards: readonly ForwardRow[];
	/** The tutorial's steps, checked off from the stores above. */
	tutorial: TutorialProgress;
}

const noEvents: StoreSnapshot<Event> = {items: [], version: 0, state: {kind: 'connecting'}, synced: false};
const idleEvents: ResourceStore<Event> = {subscribe: () => () => undefined, getSnapshot: () => noEvents, stop: () => undefined};

/** Reads the stores and derives what is on screen, each piece recomputed only when what it comes from changes. */
export function useScreenData(
	cluster: Cluster,
	state: UiState,
	files: readonly ManifestFile[],
	manifestError: string | undefined,
	now: number,
): ScreenData {
	const pods = useStore(cluster.pods);
	const services = useStore(cluster.services);
	const endpoints = useStore(cluster.endpoints);
	const nodes = useStore(cluster.nodes);
	const podFilter = useMemo(() => parseFilter(state.filter.pods), [state.filter.pods]);
	const serviceFilter = useMemo(() => parseFilter(state.filter.services), [state.filter.services]);
	const podRows = useMemo(() => filterPods(pods.items, podFilter), [pods.items, podFilter]);
	const serviceRows = useMemo(() => filterServices(services.items, serviceFilter), [services.items, serviceFilter]);
	// One object per change of what it holds, so the detail is not derived again on every render.
	const sources: DetailSources = useMemo(
		() => ({services: services.items.map(row => row.object), pods: pods.items, endpoints: endpoints.items, nodes: nodes.items}),
		[services.items, pods.items, endpoints.items, nodes.items],
	);
	const target = state.modes.findLast(entry => entry.kind === 'detail');
	const detail = useDetailLines(
		cluster,
		target?.kind === 'detail' ? target.target : undefined,
		sources,
		now,
		target?.kind === 'detail' ? target.text : undefined,
	);
	// The events store starts when the pane is first shown and keeps running (switching back is
	// instant, and the tab keeps counting); a new cluster starts it again when it is shown.
	const eventsShown = useRef<Cluster | undefined>(undefined);
	if (state.pane === 'events') {
		eventsShown.current = cluster;
	}
	const events = useStore(eventsShown.current === cluster ? cluster.allEvents : idleEvents);
	const eventFilter = useMemo(() => parseFilter(state.filter.events), [state.filter.events]);
	const eventRows = useMemo(
		() => applyFilter(sortEvents(events.items), eventFilter, event => event.metadata.labels, eventSearchText),
		[events.items, eventFilter],
	);
	const logsMode = state.modes.findLast(entry => entry.kind === 'logs');
	const logs = useLogs(cluster, logsMode?.kind === 'logs' ? logsMode : undefined);
	const forwards = useSyncExternalStore(cluster.forwards.subscribe, cluster.forwards.getSnapshot);
	const tutorial = useTutorial(cluster, {pods, services, endpoints, nodes}, state);
	return {
		pods,
		services,
		endpoints,
		nodes,
		filters: {pods: podFilter, services: serviceFilter, events: eventFilter},
		podRows,
		serviceRows,
		files,
		manifestError,
		detail,
		events,
		eventRows,
		logs,
		forwards,
		tutorial,
	};
}
