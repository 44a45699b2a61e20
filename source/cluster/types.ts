import type {Event, Pod} from '../k8s/types.js';
import type {Lease, LimitRange, ResourceQuota} from '../describe/types.js';
import type {NamespaceRow} from '../format/namespace.js';
import type {NodeRow} from '../format/node.js';
import type {PodRow} from '../format/pod.js';
import type {ServiceRow} from '../format/service.js';
import type {ActionResult} from '../actions/types.js';
import type {ApplyOutcome} from '../actions/apply.js';
import type {ManifestFile} from '../manifests/load.js';
import type {LogFeed, LogSessionSpec} from './log-session.js';
import type {EditResult, EditTarget, RunEditor} from '../actions/edit.js';
import type {ForwardRow, ForwardStore} from './port-forward.js';
import type {ExecSession, ExecSpec} from './exec-session.js';
import type {ForwardPlan, PlannedPort} from '../derive/forward-plan.js';

/** How a store stands with the server; the header and each pane show it. */
export type ConnectionState =
	/** loaded/total: the first list's pages read so far, and the server's estimate of all (remainingItemCount). */
	| {kind: 'connecting'; loaded?: number; total?: number}
	| {kind: 'live'}
	| {kind: 'reconnecting'; reason: string; attempt: number}
	| {kind: 'forbidden'; reason: string}
	| {kind: 'error'; reason: string};

/** An immutable view of a store: a new object after every (coalesced) change. */
export interface StoreSnapshot<T> {
	/** In kubectl's row order: by namespace, then name (the API server's list order). */
	readonly items: readonly T[];
	/** Bumps on every change of items or state, shown or not. */
	readonly version: number;
	readonly state: ConnectionState;
	/** The first list has arrived. */
	readonly synced: boolean;
	/**
	 * Set when this snapshot's items differ from `before` (the last snapshot's) only at the
	 * indexes `at`, each a row replaced by its new version (none came or went): views recount
	 * those rows instead of comparing all of them.
	 */
	readonly replaced?: {readonly before: readonly T[]; readonly at: readonly number[]};
}

/** A live, list+watch backed collection that React reads through useSyncExternalStore. */
export interface ResourceStore<T> {
	/** Calls listener after every change, the ones no row shows included (a node's heartbeat: the detail shows it). */
	subscribe(listener: () => void): () => void;
	/**
	 * Calls listener only after a change a row, a count or a pane can show; a store without it
	 * has only changes that show. getSnapshot has the latest items either way.
	 */
	subscribeShown?(listener: () => void): () => void;
	getSnapshot(): StoreSnapshot<T>;
	stop(): void;
}

/** One address:port of a service, whichever API it came from. */
export interface EndpointEntry {
	ip: string;
	/** Absent for a headless service without ports. */
	port?: number;
	portName?: string;
	protocol: string;
	ready: boolean;
	serving: boolean;
	terminating: boolean;
	/** The pod behind the address (targetRef), when it is a pod. */
	pod?: string;
	node?: string;
}

/** The endpoints one EndpointSlice (or one Endpoints object) holds for a service. */
export interface EndpointGroup {
	/** Which API it came from (kubectl describe reads EndpointSlices only); absent means a slice. */
	source?: 'EndpointSlice' | 'Endpoints';
	namespace: string;
	/** The object's own name (a slice's is generated). */
	name: string;
	service: string;
	endpoints: EndpointEntry[];
}

export interface ClusterInfo {
	context: string;
	server: string;
	user: string;
	/** The namespace in view; ignored when allNamespaces. */
	namespace: string;
	/** The context's own namespace (kubectl commands omit -n for it). */
	contextNamespace: string;
	allNamespaces: boolean;
	sandbox: boolean;
}

export type NamespaceList = {ok: true; names: string[]} | {ok: false; forbidden: boolean; message: string};

export interface ApplyReport {
	outcomes: ApplyOutcome[];
	kubectl: string;
	/** kubectl's one line when it would apply nothing at all (files that hold no object). */
	refused?: string;
}

/** The kinds kpods shows: pods and services in a namespace, nodes and namespaces cluster-wide. */
export type ObjectKind = 'Pod' | 'Service' | 'Node' | 'Namespace';

/** Everything the UI may ask of a cluster; the UI sees nothing else. */
export interface Cluster {
	readonly info: ClusterInfo;
	readonly pods: ResourceStore<PodRow>;
	readonly services: ResourceStore<ServiceRow>;
	/** From EndpointSlices, or from core/v1 Endpoints where the server has no discovery.k8s.io/v1. */
	readonly endpoints: ResourceStore<EndpointGroup>;
	/** The cluster's nodes (cluster-scoped): the nodes pane, the node detail, NodePort URLs. */
	readonly nodes: ResourceStore<NodeRow>;
	/** The cluster's namespaces (cluster-scoped), for the namespaces pane; started on first use. */
	readonly namespaces: ResourceStore<NamespaceRow>;
	/** One pod, whole, live (for the detail view). Stop it when done. */
	watchPod(namespace: string, name: string): ResourceStore<Pod>;
	/** The events of one object, live (namespace '': every namespace, as for a node). Stop it when done. */
	watchEvents(namespace: string, kind: string, name: string): ResourceStore<Event>;
	/** A node's non-terminated pods in every namespace (kubectl describe node's list). Stop it when done. */
	watchPodsOnNode(node: string): ResourceStore<Pod>;
	/** A node's Lease in kube-node-lease (kubectl describe node's Lease section). Stop it when done. */
	watchNodeLease(node: string): ResourceStore<Lease>;
	/** A namespace's ResourceQuotas (kubectl describe namespace). Stop it when done. */
	watchQuotas(namespace: string): ResourceStore<ResourceQuota>;
	/** A namespace's LimitRanges (kubectl describe namespace). Stop it when done. */
	watchLimitRanges(namespace: string): ResourceStore<LimitRange>;
	listNamespaces(): Promise<NamespaceList>;
	/** Every event in view (the events pane), live; started on first use. */
	readonly allEvents: ResourceStore<Event>;
	/** Follows container logs as `kubectl logs -f` does; stop the session when done. */
	openLogs(spec: LogSessionSpec): LogFeed;
	/** One object as the server has it now (GET), for the YAML view and the log's container list. */
	getObject(kind: ObjectKind, namespace: string, name: string): Promise<Record<string, unknown>>;
	/** `kubectl edit`: the object in the user's editor (runEditor hands the terminal over), then an update. */
	edit(target: EditTarget, runEditor: RunEditor): Promise<EditResult>;
	deleteObject(kind: 'Pod' | 'Service', namespace: string, name: string): Promise<ActionResult>;
	runPod(namespace: string, name: string, image: string): Promise<ActionResult>;
	/** kubectl apply -f of the files (client-side); with dryRun the server checks and keeps nothing. */
	apply(files: ManifestFile[], options?: {dryRun?: boolean}): Promise<ApplyReport>;
	/** What `kubectl port-forward` would forward for a pod or a service (the pod, its ports), or why not. */
	planForward(kind: 'Pod' | 'Service', namespace: string, name: string): Promise<ForwardPlan | {error: string}>;
	/** Starts forwarding 127.0.0.1:local to the pod's port; rejects when the local port cannot be bound. */
	startForward(plan: ForwardPlan, port: PlannedPort): Promise<ForwardRow>;
	/** `kubectl exec -it`: connects (a refusal is the server's message), then runs on a terminal handed to it. */
	openShell(spec: ExecSpec): Promise<ExecSession | {error: string}>;
	/** The active port-forwards, shared with every cluster made from this one. */
	readonly forwards: ForwardStore;
	/** A new cluster on another namespace (or all); this one keeps running until closed. */
	withNamespace(namespace: string | undefined): Cluster;
	/** The kubeconfig's contexts, to switch between. */
	contexts(): string[];
	/** A new cluster on another kubeconfig context, on that context's namespace; an error line when it cannot be used. */
	withContext(context: string): Cluster | {error: string};
	close(): void;
}
