import {useMemo, useRef, useSyncExternalStore} from 'react';
import type {ForwardRow} from '../../cluster/port-forward.js';
import type {Cluster, EndpointGroup, ResourceStore, StoreSnapshot} from '../../cluster/types.js';
import {applyFilter, filterPods, parseFilter, type RowFilter} from '../../derive/pod-view.js';
import {filterServices} from '../../derive/service-view.js';
import type {NamespaceRow} from '../../format/namespace.js';
import type {NodeRow} from '../../format/node.js';
import type {PodRow} from '../../format/pod.js';
import type {ServiceRow} from '../../format/service.js';
import type {Event} from '../../k8s/types.js';
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
	nodes: StoreSnapshot<NodeRow>;
	/** The namespaces pane's store; read only once the pane has been shown. */
	namespaces: StoreSnapshot<NamespaceRow>;
	filters: Record<FilterPane, RowFilter>;
	podRows: readonly PodRow[];
	serviceRows: readonly ServiceRow[];
	/** The nodes and namespaces panes' rows, filtered. */
	nodeRows: readonly NodeRow[];
	namespaceRows: readonly NamespaceRow[];
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

const notStarted: StoreSnapshot<never> = {items: [], version: 0, state: {kind: 'connecting'}, synced: false};
const idleStore: ResourceStore<never> = {subscribe: () => () => undefined, getSnapshot: () => notStarted, stop: () => undefined};

/**
 * A store read only once its pane has been shown: it then keeps running (switching back is
 * instant, and the tab keeps counting); a new cluster starts it again when the pane is shown.
 */
function useStoreOnceShown<T>(
	cluster: Cluster,
	shown: boolean,
	store: (cluster: Cluster) => ResourceStore<T>,
	every: boolean,
): StoreSnapshot<T> {
	const shownOn = useRef<Cluster | undefined>(undefined);
	if (shown) {
		shownOn.current = cluster;
	}
	return useStore(shownOn.current === cluster ? store(cluster) : (idleStore as ResourceStore<T>), every);
}

/** Reads the stores and derives what is on screen, each piece recomputed only when what it comes from changes. */
export function useScreenData(
	cluster: Cluster,
	state: UiState,
	files: readonly ManifestFile[],
	manifestError: string | undefined,
	now: number,
): ScreenData {
	// The rows re-render only on changes they show; the detail shows whole objects (a node's
	// LastHeartbeatTime, every 10 s), so while it is open every change reaches the screen.
	const every = state.modes.some(mode => mode.kind === 'detail');
	const pods = useStore(cluster.pods, every);
	const services = useStore(cluster.services, every);
	const endpoints = useStore(cluster.endpoints, every);
	const nodes = useStore(cluster.nodes, every);
	const podFilter = useMemo(() => parseFilter(state.filter.pods), [state.filter.pods]);
	const serviceFilter = useMemo(() => parseFilter(state.filter.services), [state.filter.services]);
	const podRows = useMemo(() => filterPods(pods.items, podFilter), [pods.items, podFilter]);
	const serviceRows = useMemo(() => filterServices(services.items, serviceFilter), [services.items, serviceFilter]);
	const namespaces = useStoreOnceShown(cluster, state.pane === 'namespaces', shown => shown.namespaces, every);
	const nodeFilter = useMemo(() => parseFilter(state.filter.nodes), [state.filter.nodes]);
	const namespaceFilter = useMemo(() => parseFilter(state.filter.namespaces), [state.filter.namespaces]);
	const nodeRows = useMemo(() => applyFilter(nodes.items, nodeFilter, row => row.labels, nodeSearchText), [nodes.items, nodeFilter]);
	const namespaceRows = useMemo(
		() =>
			applyFilter(
				namespaces.items,
				namespaceFilter,
				row => row.labels,
				row => `${row.name} ${row.status}`,
			),
		[namespaces.items, namespaceFilter],
	);
	// One object per change of what it holds, so the detail is not derived again on every render.
	const sources: DetailSources = useMemo(
		() => ({
			services: services.items.map(row => row.object),
			pods: pods.items,
			endpoints: endpoints.items,
			nodes: nodes.items.map(row => row.object),
			namespaces: namespaces.items.map(row => row.object),
			nodesSynced: nodes.synced,
			namespacesSynced: namespaces.synced,
		}),
		[services.items, pods.items, endpoints.items, nodes.items, namespaces.items, nodes.synced, namespaces.synced],
	);
	const target = state.modes.findLast(entry => entry.kind === 'detail');
	const detail = useDetailLines(
		cluster,
		target?.kind === 'detail' ? target.target : undefined,
		sources,
		now,
		target?.kind === 'detail' ? target.text : undefined,
	);
	const events = useStoreOnceShown(cluster, state.pane === 'events', shown => shown.allEvents, every);
	const eventFilter = useMemo(() => parseFilter(state.filter.events), [state.filter.events]);
	const eventRows = useMemo(
		() => applyFilter(sortEvents(events.items), eventFilter, event => event.metadata.labels, eventSearchText),
		[events.items, eventFilter],
	);
	const logsMode = state.modes.findLast(entry => entry.kind === 'logs');
	const logs = useLogs(cluster, logsMode?.kind === 'logs' ? logsMode : undefined);
	const forwards = useSyncExternalStore(cluster.forwards.subscribe, cluster.forwards.getSnapshot);
	const tutorial = useTutorial(cluster, {pods, services, endpoints, nodes: sources.nodes}, state);
	return {
		pods,
		services,
		endpoints,
		nodes,
		namespaces,
		filters: {pods: podFilter, services: serviceFilter, events: eventFilter, nodes: nodeFilter, namespaces: namespaceFilter},
		podRows,
		serviceRows,
		nodeRows,
		namespaceRows,
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

/** What `/` matches on a nodes row: the cells a user reads. */
function nodeSearchText(row: NodeRow): string {
	return `${row.name} ${row.status} ${row.roles} ${row.version} ${row.internalIP} ${row.externalIP}`;
}
