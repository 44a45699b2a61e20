import type {EndpointSlice, Endpoints, Event, KubeList, ListMeta, Namespace, Node, Pod, Service} from '../k8s/types.js';
import type {Lease, LimitRange, ResourceQuota} from '../describe/types.js';
import {namespaceRow, type NamespaceRow} from '../format/namespace.js';
import {nodeRow, type NodeRow} from '../format/node.js';
import {podRow, type PodRow} from '../format/pod.js';
import {serviceRow, type ServiceRow} from '../format/service.js';
import type {ManifestFile} from '../manifests/load.js';
import {ApiClient, ApiError, NetworkError, type Authenticate} from './api-client.js';
import {endpointSliceCodec, endpointsCodec, podCodec, serviceCodec, type ProtobufCodec} from './protobuf/decode.js';
import {groupFromEndpoints, groupFromSlice} from './endpoints.js';
import {authenticateWith} from './credentials.js';
import {SharedProbe, type WatchHealth} from './shared-probe.js';
import {sameShown} from '../k8s/same-shown.js';
import type {Connection} from './kubeconfig.js';
import {ListWatchStore} from './resource-store.js';
import type {ListWatchSource, StoreTuning} from './store-tuning.js';
import {FrameHold} from './frame-hold.js';
import type {Cluster, ClusterInfo, EndpointGroup, NamespaceList, ObjectKind, ResourceStore} from './types.js';
import {LogSession, type LogSessionSpec} from './log-session.js';
import type {EditTarget, RunEditor} from '../actions/edit.js';
import type {ExecSession, ExecSpec} from './exec-session.js';
import {ForwardList, type ForwardRow} from './port-forward.js';
import {podPlan, servicePlan, type ForwardPlan, type PlannedPort} from '../derive/forward-plan.js';
import {kubectlForward} from '../derive/forward-plan.js';
import {t} from '../i18n/index.js';

type Raw = {metadata: {name?: string; namespace?: string; resourceVersion?: string}};

/** A list+watch source for one collection path, with extra selectors as query parameters; read as protobuf where the server offers it, with a codec. */
export function pathSource<T extends Raw>(
	api: ApiClient,
	path: string,
	query: Record<string, string> = {},
	protobuf?: ProtobufCodec<T>,
): ListWatchSource<T> {
	return {
		async list({resourceVersion, limit, continue: token, signal, ready}, onItem) {
			const parameters = new URLSearchParams(query);
			if (resourceVersion !== undefined) {
				parameters.set('resourceVersion', resourceVersion);
			}
			if (limit) {
				parameters.set('limit', String(limit));
			}
			if (token) {
				parameters.set('continue', token);
			}
			return api.listItems<T, {metadata: ListMeta}>(withQuery(path, parameters), onItem, {signal, ready, protobuf: protobuf?.stream});
		},
		async watch({resourceVersion, timeoutSeconds, signal}, onEvent) {
			const parameters = new URLSearchParams(query);
			parameters.set('watch', '1');
			parameters.set('resourceVersion', resourceVersion);
			parameters.set('allowWatchBookmarks', 'true');
			parameters.set('timeoutSeconds', String(timeoutSeconds));
			await api.watch<T>(withQuery(path, parameters), onEvent, {
				signal,
				idleTimeoutMs: (timeoutSeconds + 15) * 1000,
				protobuf: protobuf?.event,
			});
		},
	};
}

/**
 * Uses the first source the server serves (a 404 on list moves on to the next). Lists run
 * concurrently (the first page beside the whole list): a 404 moves on only from the source
 * that call asked, so two 404s from the same source do not skip the next one.
 */
export function firstServed<T extends Raw>(sources: Array<ListWatchSource<T>>): ListWatchSource<T> {
	let index = 0;
	return {
		async list(options, onItem) {
			for (;;) {
				const asked = index;
				try {
					return await sources[asked]!.list(options, onItem);
				} catch (error) {
					if (!(error instanceof ApiError && error.code === 404) || asked === sources.length - 1) {
						throw error;
					}
					index = Math.max(index, asked + 1);
				}
			}
		},
		async watch(options, onEvent) {
			return sources[index]!.watch(options, onEvent);
		},
	};
}

function withQuery(path: string, parameters: URLSearchParams): string {
	const query = parameters.toString();
	return query ? `${path}?${query}` : path;
}

function collection(group: string, resource: string, namespace: string | undefined): string {
	const prefix = group === '' ? '/api/v1' : `/apis/${group}`;
	return namespace ? `${prefix}/namespaces/${encodeURIComponent(namespace)}/${resource}` : `${prefix}/${resource}`;
}

/**
 * The pods' first page: one screen of rows (the bench's 200×50 terminal), not kubectl's chunk
 * of 500. It is decoded and drawn before the whole list is read, on the one thread, so every
 * pod in it is paid for before the first frame: 500 cost the first rows ~40 ms of CPU more than
 * 50 on the lab at 3,000 pods (bench/first-rows.ts, the readme); a taller terminal shows 50
 * rows for the 0.1–0.5 s until the whole list is in.
 */
export const podsFirstPage = 50;

export interface KubeClusterOptions {
	/** undefined: all namespaces. */
	namespace: string | undefined;
	tuning?: Partial<StoreTuning>;
	/** The port-forwards, shared by every cluster made from this one (they outlive a namespace switch). */
	forwards?: ForwardList;
	/**
	 * Settles once the first frame is on the terminal: every store but the pods lists then (services,
	 * endpoints, nodes: their tabs show no count until they are listed), so the first frame waits for
	 * no TLS handshake, answer or decoding of theirs on its one thread, and the server answers the pods alone.
	 */
	firstFrame?: Promise<unknown>;
}

/** The Cluster on a real API server (or the sandbox), through client-node's KubeConfig. */
export class KubeCluster implements Cluster {
	readonly info: ClusterInfo;
	readonly pods;
	readonly services;
	readonly endpoints;
	private nodeStore: ResourceStore<NodeRow> | undefined;
	private namespaceStore: ResourceStore<NamespaceRow> | undefined;
	private eventStore: ResourceStore<Event> | undefined;
	readonly forwards: ForwardList;
	private readonly api: ApiClient;
	private readonly authenticate: Authenticate;
	private serverProbe: SharedProbe | undefined;
	private readonly scope: string | undefined;
	private readonly frames = new FrameHold();
	private readonly othersAfter: Promise<unknown> | undefined;

	constructor(
		private readonly connection: Connection,
		private readonly options: KubeClusterOptions,
	) {
		// Plain credentials need no client-node (it loads on the first write); the rest go through it.
		const {credentials} = connection;
		this.authenticate = credentials
			? async options => authenticateWith(credentials, options)
			: async options => (await connection.kubeConfig()).applyToHTTPSOptions(options);
		this.api = new ApiClient(this.authenticate, connection.server);
		this.forwards = options.forwards ?? new ForwardList();
		this.scope = options.namespace;
		this.info = {
			context: connection.context,
			server: connection.server,
			user: connection.user,
			namespace: options.namespace ?? connection.contextNamespace,
			contextNamespace: connection.contextNamespace,
			allNamespaces: options.namespace === undefined,
			sandbox: connection.sandbox,
		};
		// Each store keeps the row its kind defines (format/), not the whole object.
		// Lists and watches are read as protobuf where the server offers it (a real server encodes it 2–4× faster than JSON):
		// pods only the fields a row needs (the detail watches its pod as JSON), services whole (describe reads them).
		// Only pods list a first page beside the whole list: they are the first frame's rows; a page for
		// every store was one more request (and TLS handshake) each at start for rows no frame shows yet.
		// Until the pods' first whole list is in, the other stores' news (the node count) waits for its frame.
		this.pods = this.store<Pod, PodRow>(pathSource<Pod>(this.api, collection('', 'pods', this.scope), {}, podCodec), podRow, undefined, {
			firstPage: podsFirstPage,
			startAfter: undefined,
			holdsFrames: true,
		});
		// The other lists start once the first frame is drawn (start.ts) and the pods' first list is
		// in: their news would wait for it anyway (the frame hold), and on the one thread their
		// handshakes and answers only delayed it (lab, 3,000 pods: main thread CPU to all rows 285 → 268 ms).
		this.othersAfter = options.firstFrame && Promise.all([options.firstFrame, this.frames.idle()]);
		this.services = this.store<Service, ServiceRow>(
			pathSource<Service>(this.api, collection('', 'services', this.scope), {}, serviceCodec),
			serviceRow,
		);
		this.endpoints = this.store<EndpointSlice | Endpoints, EndpointGroup>(
			firstServed<EndpointSlice | Endpoints>([
				pathSource(this.api, collection('discovery.k8s.io/v1', 'endpointslices', this.scope), {}, endpointSliceCodec),
				pathSource(this.api, collection('', 'endpoints', this.scope), {}, endpointsCodec),
			]),
			raw => ('addressType' in raw ? groupFromSlice(raw) : groupFromEndpoints(raw as Endpoints)),
		);
	}

	/** Nodes are cluster-scoped (a user with only a namespace may be refused them): started on first use. */
	get nodes(): ResourceStore<NodeRow> {
		this.nodeStore ??= this.store<Node, NodeRow>('/api/v1/nodes', nodeRow);
		return this.nodeStore;
	}

	/** Namespaces are cluster-scoped and read by their pane only: started on first use. */
	get namespaces(): ResourceStore<NamespaceRow> {
		this.namespaceStore ??= this.store<Namespace, NamespaceRow>('/api/v1/namespaces', namespaceRow);
		return this.namespaceStore;
	}

	/** Events are read by the events pane only: started on first use. */
	get allEvents(): ResourceStore<Event> {
		this.eventStore ??= this.store<Event, Event>(collection('', 'events', this.scope), event => event);
		return this.eventStore;
	}

	openLogs(spec: LogSessionSpec): LogSession {
		return new LogSession(this.api, spec);
	}

	async getObject(kind: ObjectKind, namespace: string, name: string): Promise<Record<string, unknown>> {
		const resource = {Pod: 'pods', Service: 'services', Node: 'nodes', Namespace: 'namespaces'}[kind];
		const scope = kind === 'Node' || kind === 'Namespace' ? undefined : namespace;
		return this.api.getJson(`${collection('', resource, scope)}/${encodeURIComponent(name)}`);
	}

	async edit(target: EditTarget, runEditor: RunEditor) {
		const {editObject} = await import('../actions/edit.js');
		return editObject(await this.connection.kubeConfig(), target, runEditor, {contextNamespace: this.connection.contextNamespace});
	}

	async planForward(kind: 'Pod' | 'Service', namespace: string, name: string): Promise<ForwardPlan | {error: string}> {
		try {
			if (kind === 'Pod') {
				return podPlan(await this.api.getJson<Pod>(`${collection('', 'pods', namespace)}/${encodeURIComponent(name)}`));
			}
			const service = await this.api.getJson<Service>(`${collection('', 'services', namespace)}/${encodeURIComponent(name)}`);
			const selector = Object.entries(service.spec?.selector ?? {})
				.map(([key, value]) => `${key}=${value}`)
				.join(',');
			const pods =
				selector === ''
					? []
					: (await this.api.getJson<KubeList<Pod>>(`${collection('', 'pods', namespace)}?labelSelector=${encodeURIComponent(selector)}`))
							.items;
			return servicePlan(service, pods);
		} catch (error) {
			return {error: (error as Error).message};
		}
	}

	async startForward(plan: ForwardPlan, port: PlannedPort): Promise<ForwardRow> {
		const spec = {
			namespace: plan.namespace,
			pod: plan.pod,
			remote: port.remote,
			local: port.local,
			target: `${plan.target} ${port.port}`,
			kubectl: kubectlForward(plan, [port], this.connection.contextNamespace),
		};
		// ws (channel-socket) loads on the first forward or shell, not before the first frame.
		return this.forwards.start(spec, async ({namespace, pod, remote}) =>
			(await import('./channel-socket.js')).openChannels(
				this.authenticate,
				this.connection.server,
				`${collection('', 'pods', namespace)}/${encodeURIComponent(pod)}/portforward?ports=${remote}`,
				['v4.channel.k8s.io'],
			),
		);
	}

	async openShell(spec: ExecSpec): Promise<ExecSession | {error: string}> {
		const {openExec} = await import('./exec-session.js');
		return openExec(this.authenticate, this.connection.server, spec);
	}

	watchPod(namespace: string, name: string): ResourceStore<Pod> {
		return this.store<Pod, Pod>(collection('', 'pods', namespace), pod => pod, {fieldSelector: `metadata.name=${name}`});
	}

	watchEvents(namespace: string, kind: string, name: string): ResourceStore<Event> {
		return this.store<Event, Event>(collection('', 'events', namespace), event => event, {
			fieldSelector: `involvedObject.kind=${kind},involvedObject.name=${name}`,
		});
	}

	watchPodsOnNode(node: string): ResourceStore<Pod> {
		// kubectl describe node's own selector: the pods bound to it that have not ended.
		return this.store<Pod, Pod>(collection('', 'pods', undefined), pod => pod, {
			fieldSelector: `spec.nodeName=${node},status.phase!=Succeeded,status.phase!=Failed`,
		});
	}

	watchNodeLease(node: string): ResourceStore<Lease> {
		return this.store<Lease & Raw, Lease>(collection('coordination.k8s.io/v1', 'leases', 'kube-node-lease'), lease => lease, {
			fieldSelector: `metadata.name=${node}`,
		});
	}

	watchQuotas(namespace: string): ResourceStore<ResourceQuota> {
		return this.store<ResourceQuota & Raw, ResourceQuota>(collection('', 'resourcequotas', namespace), quota => quota);
	}

	watchLimitRanges(namespace: string): ResourceStore<LimitRange> {
		return this.store<LimitRange & Raw, LimitRange>(collection('', 'limitranges', namespace), limits => limits);
	}

	async listNamespaces(): Promise<NamespaceList> {
		try {
			const list = await this.api.getJson<KubeList<Namespace>>('/api/v1/namespaces');
			return {ok: true, names: list.items.map(item => item.metadata.name ?? '').sort()};
		} catch (error) {
			const forbidden = error instanceof ApiError && error.code === 403;
			return {ok: false, forbidden, message: (error as Error).message};
		}
	}

	async deleteObject(kind: 'Pod' | 'Service', namespace: string, name: string) {
		const {deleteObject} = await import('../actions/delete.js');
		return deleteObject(await this.connection.kubeConfig(), {kind, namespace, name}, {contextNamespace: this.connection.contextNamespace});
	}

	async runPod(namespace: string, name: string, image: string) {
		const {runPod} = await import('../actions/run.js');
		return runPod(await this.connection.kubeConfig(), {namespace, name, image}, {contextNamespace: this.connection.contextNamespace});
	}

	async apply(files: ManifestFile[], options: {dryRun?: boolean} = {}) {
		const {applyDocuments} = await import('../actions/apply.js');
		return applyDocuments(await this.connection.kubeConfig(), files, {
			namespace: this.info.namespace,
			contextNamespace: this.connection.contextNamespace,
			dryRun: options.dryRun,
		});
	}

	withNamespace(namespace: string | undefined): Cluster {
		return new KubeCluster(this.connection, {...this.options, namespace, forwards: this.forwards});
	}

	contexts(): string[] {
		return this.connection.contexts;
	}

	withContext(context: string): Cluster | {error: string} {
		// A new connection, with its own client-node config: clients made before keep their server.
		const selected = this.connection.switchTo(context);
		if (selected.kind === 'invalid') {
			return {error: selected.message};
		}
		if (selected.kind === 'missing') {
			return {error: t('kubeconfig.noContexts')};
		}
		return new KubeCluster(selected.connection, {
			...this.options,
			namespace: selected.connection.contextNamespace,
			forwards: this.forwards,
		});
	}

	/**
	 * Answers quickly whether the server is there at all (used before the TUI starts): by the first
	 * answer to the pods' lists, which leave when the cluster is made, not by a request (and a TLS
	 * handshake) of its own. Any HTTP answer counts: auth and RBAC problems show in the panes.
	 */
	async probe(timeoutMs = 8000): Promise<{ok: true} | {ok: false; message: string}> {
		let timer: NodeJS.Timeout | undefined;
		const late = new Promise<never>((_, reject) => {
			timer = setTimeout(() => reject(new NetworkError(t('probe.noAnswer', {seconds: timeoutMs / 1000}))), timeoutMs);
		});
		try {
			await Promise.race([this.api.reached(), late]);
			return {ok: true};
		} catch (error) {
			const reason = (error as Error).message;
			return {ok: false, message: t('probe.unreachable', {server: this.connection.server, context: this.connection.context, reason})};
		} finally {
			clearTimeout(timer);
		}
	}

	close(): void {
		this.pods.stop();
		this.services.stop();
		this.endpoints.stop();
		this.nodeStore?.stop();
		this.namespaceStore?.stop();
		this.eventStore?.stop();
		this.api.close();
	}

	/** The one store factory: a collection path (or a source) and what each object becomes. */
	private store<T extends Raw, Item>(
		from: string | ListWatchSource<T>,
		toItem: (raw: T) => Item,
		query?: Record<string, string>,
		tuning: Partial<StoreTuning> = {},
	): ListWatchStore<T, Item> {
		const source = typeof from === 'string' ? pathSource<T>(this.api, from, query) : from;
		return new ListWatchStore<T, Item>(
			source,
			toItem,
			{health: this.health(), startAfter: this.othersAfter, frames: this.frames, ...tuning, ...this.options.tuning},
			sameShown,
		);
	}

	/**
	 * The stores' watches are checked with GET /version after 12 s without a sign of life from the
	 * server (an event on any store's watch counts, so the lab's node heartbeat spares the request):
	 * a server that stops answering shows within 17 s. One check, one timer, for the cluster.
	 */
	private health(): WatchHealth {
		this.serverProbe ??= new SharedProbe(
			async signal =>
				this.api.getJson('/version', {signal}).catch((error: unknown) => {
					// Any HTTP answer (401, 403, 500) means the server is there.
					if (!(error instanceof ApiError)) {
						throw error;
					}
				}),
			{idleMs: 12_000, timeoutMs: 5000},
		);
		return this.serverProbe;
	}
}
