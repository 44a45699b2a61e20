import type {ForwardRow, ForwardStore} from '../../source/cluster/port-forward.js';
import type {ExecResult, ExecSession, ExecSpec} from '../../source/cluster/exec-session.js';
import {kubectlForward, podPlan, servicePlan, type ForwardPlan, type PlannedPort} from '../../source/derive/forward-plan.js';
import {readFileSync, readdirSync} from 'node:fs';
import {join} from 'node:path';
import type {ActionResult} from '../../source/actions/types.js';
import type {EditResult, EditTarget, RunEditor} from '../../source/actions/edit.js';
import type {LogFeed, LogSessionSpec, LogSnapshot, LogSource} from '../../source/cluster/log-session.js';
import type {
	ApplyReport,
	Cluster,
	ClusterInfo,
	ConnectionState,
	EndpointGroup,
	NamespaceList,
	ObjectKind,
	ResourceStore,
	StoreSnapshot,
} from '../../source/cluster/types.js';
import type {Lease, LimitRange, ResourceQuota} from '../../source/describe/types.js';
import {namespaceRow, type NamespaceRow} from '../../source/format/namespace.js';
import {nodeRow, type NodeRow} from '../../source/format/node.js';
import {podRow, type PodRow} from '../../source/format/pod.js';
import type {ServiceRow} from '../../source/format/service.js';
import type {Event, Namespace, Node, Pod} from '../../source/k8s/types.js';
import type {ManifestFile} from '../../source/manifests/types.js';

/** A store the test drives by hand. */
export class FakeStore<T> implements ResourceStore<T> {
	private snapshot: StoreSnapshot<T>;
	private readonly listeners = new Set<() => void>();
	stopped = false;

	constructor(items: T[] = [], state: ConnectionState = {kind: 'live'}) {
		this.snapshot = {items, version: 1, state, synced: state.kind === 'live'};
	}

	subscribe = (listener: () => void) => {
		this.listeners.add(listener);
		return () => this.listeners.delete(listener);
	};

	getSnapshot = () => this.snapshot;

	set(items: T[], state: ConnectionState = this.snapshot.state, synced = true): void {
		this.snapshot = {items, version: this.snapshot.version + 1, state, synced};
		for (const listener of this.listeners) {
			listener();
		}
	}

	setState(state: ConnectionState): void {
		this.set([...this.snapshot.items], state, this.snapshot.synced);
	}

	stop(): void {
		this.stopped = true;
	}
}

export interface Call {
	method: string;
	args: unknown[];
}

/** A Cluster for UI tests: stores set by the test, actions recorded and answered from a script. */
export class FakeCluster implements Cluster {
	readonly pods: FakeStore<PodRow>;
	readonly services: FakeStore<ServiceRow>;
	readonly endpoints: FakeStore<EndpointGroup>;
	readonly nodes: FakeStore<NodeRow>;
	/** The namespaces pane's store (set with setNamespaces). */
	readonly namespaces: FakeStore<NamespaceRow>;
	readonly calls: Call[] = [];
	fullPods = new Map<string, Pod>();
	events: Event[] = [];
	/** What listNamespaces (the `n` picker) answers. */
	namespaceList: NamespaceList = {ok: true, names: ['default', 'kube-system']};
	/** What the node and namespace details' extra stores hold, by node or namespace name. */
	leases = new Map<string, Lease>();
	quotas = new Map<string, ResourceQuota[]>();
	limitRanges = new Map<string, LimitRange[]>();
	answer: ActionResult = {ok: true, lines: ['done'], kubectl: 'kubectl'};
	applyReport: ApplyReport = {outcomes: [], kubectl: 'kubectl apply'};
	closed = false;
	readonly info: ClusterInfo;

	constructor(info: Partial<ClusterInfo> = {}, pods: Pod[] = []) {
		this.info = {
			context: 'minikube',
			server: 'https://192.168.49.2:8443',
			user: 'minikube',
			namespace: 'default',
			contextNamespace: 'default',
			allNamespaces: false,
			sandbox: false,
			...info,
		};
		for (const pod of pods) {
			this.fullPods.set(`${pod.metadata.namespace}/${pod.metadata.name}`, pod);
		}
		this.pods = new FakeStore(sortRows(pods.map(pod => podRow(pod))));
		this.services = new FakeStore<ServiceRow>([]);
		this.endpoints = new FakeStore<EndpointGroup>([]);
		this.nodes = new FakeStore<NodeRow>([]);
		this.namespaces = new FakeStore<NamespaceRow>([]);
	}

	setNodes(nodes: Node[], state?: ConnectionState): void {
		this.nodes.set(
			nodes.map(node => nodeRow(node)),
			state,
		);
	}

	setNamespaces(namespaces: Namespace[], state?: ConnectionState): void {
		this.namespaces.set(
			namespaces.map(namespace => namespaceRow(namespace)),
			state,
		);
	}

	setPods(pods: Pod[]): void {
		this.fullPods = new Map(pods.map(pod => [`${pod.metadata.namespace}/${pod.metadata.name}`, pod]));
		this.pods.set(sortRows(pods.map(pod => podRow(pod))));
	}

	watchPod(namespace: string, name: string): ResourceStore<Pod> {
		this.calls.push({method: 'watchPod', args: [namespace, name]});
		const pod = this.fullPods.get(`${namespace}/${name}`);
		return new FakeStore(pod ? [pod] : []);
	}

	watchEvents(namespace: string, kind: string, name: string): ResourceStore<Event> {
		this.calls.push({method: 'watchEvents', args: [namespace, kind, name]});
		return new FakeStore(this.events.filter(event => event.involvedObject.name === name));
	}

	watchPodsOnNode(node: string): ResourceStore<Pod> {
		this.calls.push({method: 'watchPodsOnNode', args: [node]});
		return new FakeStore([...this.fullPods.values()].filter(pod => pod.spec?.nodeName === node));
	}

	watchNodeLease(node: string): ResourceStore<Lease> {
		this.calls.push({method: 'watchNodeLease', args: [node]});
		const lease = this.leases.get(node);
		return new FakeStore(lease ? [lease] : []);
	}

	watchQuotas(namespace: string): ResourceStore<ResourceQuota> {
		this.calls.push({method: 'watchQuotas', args: [namespace]});
		return new FakeStore(this.quotas.get(namespace) ?? []);
	}

	watchLimitRanges(namespace: string): ResourceStore<LimitRange> {
		this.calls.push({method: 'watchLimitRanges', args: [namespace]});
		return new FakeStore(this.limitRanges.get(namespace) ?? []);
	}

	async listNamespaces(): Promise<NamespaceList> {
		this.calls.push({method: 'listNamespaces', args: []});
		return this.namespaceList;
	}

	async deleteObject(kind: 'Pod' | 'Service', namespace: string, name: string): Promise<ActionResult> {
		this.calls.push({method: 'deleteObject', args: [kind, namespace, name]});
		return this.answer;
	}

	async runPod(namespace: string, name: string, image: string): Promise<ActionResult> {
		this.calls.push({method: 'runPod', args: [namespace, name, image]});
		return this.answer;
	}

	/** What a dry run answers (the apply's own report unless set). */
	previewReport?: ApplyReport;

	async apply(files: ManifestFile[], options: {dryRun?: boolean} = {}): Promise<ApplyReport> {
		this.calls.push({method: options.dryRun ? 'applyDryRun' : 'apply', args: [files.map(file => file.displayPath)]});
		return options.dryRun ? (this.previewReport ?? this.applyReport) : this.applyReport;
	}

	/** The forwards `:pf` lists (set by the test); stop records the call. */
	forwardRows: ForwardRow[] = [];
	readonly forwards: ForwardStore = {
		subscribe: () => () => undefined,
		getSnapshot: () => this.forwardRows,
		stop: id => {
			this.calls.push({method: 'stopForward', args: [id]});
			this.forwardRows = this.forwardRows.filter(row => row.id !== id);
			return true;
		},
		stopAll: () => this.calls.push({method: 'stopAllForwards', args: []}),
	};

	async planForward(kind: 'Pod' | 'Service', namespace: string, name: string): Promise<ForwardPlan | {error: string}> {
		this.calls.push({method: 'planForward', args: [kind, namespace, name]});
		const pod = this.fullPods.get(`${namespace}/${name}`);
		if (kind === 'Pod') {
			return pod ? podPlan(pod) : {error: `pods "${name}" not found`};
		}
		const service = this.services.getSnapshot().items.find(row => row.object.metadata.name === name)?.object;
		if (!service) {
			return {error: `services "${name}" not found`};
		}
		const selector = Object.entries(service.spec?.selector ?? {});
		return servicePlan(
			service,
			[...this.fullPods.values()].filter(each => selector.every(([key, value]) => each.metadata.labels?.[key] === value)),
		);
	}

	/** What openShell answers: an error, or a session whose run writes `output` and ends with `result`. */
	shell: {error: string} | {output: string; result: ExecResult} = {output: '', result: {ok: true, exitCode: 0}};

	async openShell(spec: ExecSpec): Promise<ExecSession | {error: string}> {
		this.calls.push({method: 'openShell', args: [spec]});
		const {shell} = this;
		if ('error' in shell) {
			return shell;
		}
		return {
			run: async terminal => {
				terminal.write(Buffer.from(shell.output));
				return shell.result;
			},
		};
	}

	/** Local ports startForward refuses as in use. */
	busyPorts = new Set<number>();

	async startForward(plan: ForwardPlan, port: PlannedPort): Promise<ForwardRow> {
		this.calls.push({method: 'startForward', args: [plan.target, port]});
		if (this.busyPorts.has(port.local)) {
			throw Object.assign(new Error(`listen EADDRINUSE: address already in use 127.0.0.1:${port.local}`), {code: 'EADDRINUSE'});
		}
		const row = {
			id: this.forwardRows.length + 1,
			spec: {
				namespace: plan.namespace,
				pod: plan.pod,
				remote: port.remote,
				local: port.local,
				target: `${plan.target} ${port.port}`,
				kubectl: kubectlForward(plan, [port], this.info.contextNamespace),
			},
			local: port.local === 0 ? 43_210 : port.local,
			active: 0,
			connections: 0,
			sent: 0,
			received: 0,
		};
		this.forwardRows = [...this.forwardRows, row];
		return row;
	}

	withNamespace(namespace: string | undefined): Cluster {
		this.calls.push({method: 'withNamespace', args: [namespace]});
		const next = new FakeCluster({...this.info, namespace: namespace ?? this.info.namespace, allNamespaces: namespace === undefined}, [
			...this.fullPods.values(),
		]);
		return next;
	}

	contexts(): string[] {
		return ['minikube', 'kind-dev'];
	}

	withContext(context: string): Cluster | {error: string} {
		this.calls.push({method: 'withContext', args: [context]});
		if (!this.contexts().includes(context)) {
			return {error: `context was not found for specified context: ${context}`};
		}
		return new FakeCluster({...this.info, context, namespace: 'default'}, [...this.fullPods.values()]);
	}

	/** The events pane's store (every event in view). */
	readonly allEvents = new FakeStore<Event>([]);
	/** What openLogs hands back: a store of log snapshots the test drives. */
	logSpecs: LogSessionSpec[] = [];
	logFeed = new FakeLogFeed();

	openLogs(spec: LogSessionSpec): LogFeed {
		this.calls.push({method: 'openLogs', args: [spec]});
		this.logSpecs.push(spec);
		return this.logFeed;
	}

	objects = new Map<string, Record<string, unknown>>();

	async getObject(kind: ObjectKind, namespace: string, name: string): Promise<Record<string, unknown>> {
		this.calls.push({method: 'getObject', args: [kind, namespace, name]});
		const object =
			this.objects.get(`${kind}/${namespace}/${name}`) ??
			(kind === 'Pod' ? (this.fullPods.get(`${namespace}/${name}`) as unknown as Record<string, unknown>) : undefined);
		if (!object) {
			throw new Error(`${kind.toLowerCase()}s "${name}" not found`);
		}
		return object;
	}

	async edit(target: EditTarget, runEditor: RunEditor): Promise<EditResult> {
		this.calls.push({method: 'edit', args: [target]});
		await runEditor('/dev/null');
		return this.answer;
	}

	close(): void {
		this.closed = true;
	}
}

/** A log feed the test fills by hand. */
export class FakeLogFeed implements LogFeed {
	private snapshot: LogSnapshot = {lines: [], received: 0, dropped: 0, ended: false, version: 0};
	private readonly listeners = new Set<() => void>();
	stopped = 0;
	subscribe = (listener: () => void) => {
		this.listeners.add(listener);
		return () => this.listeners.delete(listener);
	};

	getSnapshot = () => this.snapshot;

	set(change: Partial<LogSnapshot>): void {
		this.snapshot = {...this.snapshot, ...change, version: this.snapshot.version + 1};
		for (const listener of this.listeners) {
			listener();
		}
	}

	stop(): void {
		this.stopped++;
	}

	/** Pods joined and left (a service's view), with the line said for each. */
	readonly members: Array<{change: 'join' | 'leave'; pod: string; note: string}> = [];

	join(source: LogSource, note: string): void {
		this.members.push({change: 'join', pod: source.pod, note});
	}

	leave(_namespace: string, pod: string, note: string): void {
		this.members.push({change: 'leave', pod, note});
	}
}

function sortRows(rows: PodRow[]): PodRow[] {
	return rows.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
}

const fixtureDir = join(import.meta.dirname, '..', 'fixtures', 'pods');

/** A real-object pod fixture (test/fixtures/pods/NAME.json), renamed/re-namespaced if asked. */
export function fixturePod(file: string, overrides: {name?: string; namespace?: string; labels?: Record<string, string>} = {}): Pod {
	const {object} = JSON.parse(readFileSync(join(fixtureDir, `${file}.json`), 'utf8')) as {object: Pod};
	const metadata = {...object.metadata};
	if (overrides.name) {
		metadata.name = overrides.name;
	}
	if (overrides.namespace) {
		metadata.namespace = overrides.namespace;
	}
	if (overrides.labels) {
		metadata.labels = overrides.labels;
	}
	return {...object, metadata};
}

export function fixtureNames(): string[] {
	return readdirSync(fixtureDir).map(file => file.replace(/\.json$/, ''));
}
