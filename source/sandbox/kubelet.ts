import {setTimeout as delay} from 'node:timers/promises';
import type {Container, ContainerStatus, KubeObject, Pod, PodCondition} from '../k8s/types.js';
import type {Change, Store} from './store.js';
import {Controller} from './controller.js';
import type {Registry} from './registry.js';
import {resources} from './resources.js';
import type {EventRecorder, Reporter} from './events.js';
import {managedAfterUpdate} from './managed-fields.js';
import {microTime, orderKeys, orderMeta, randomHex, rfc3339} from './meta.js';
import {podStatusFields} from './struct-fields.js';
import {condition, containerStatus, goDuration, imageSizeOf, type Phase} from './pod-status.js';
import {nodeName} from './scheduler.js';

/** How fast the simulated kubelet works (milliseconds). */
export interface KubeletTiming {
	pullMs: number;
	startMs: number;
	killMs: number;
	/** Interval of the node's status report (lastHeartbeatTime), five minutes as nodeStatusReportFrequency. */
	nodeStatusMs: number;
}

/** The node's InternalIP: every pod's hostIP. */
export const nodeIp = '192.168.49.2';

const podsInfo = resources.get('pods')!;
const leasesInfo = resources.get('leases')!;
const nodesInfo = resources.get('nodes')!;

const reporter: Reporter = {component: 'kubelet', host: nodeName, instance: nodeName, style: 'core'};

interface Run {
	uid: string;
	abort: AbortController;
	terminating: boolean;
	ip?: string;
}

/**
 * The simulated kubelet of node `minikube`: takes bound pods through ContainerCreating
 * (init containers in order) to Running with a unique 172.17.x.y IP and the events a
 * kubelet records (Pulling, Pulled, Created, Started), and carries out graceful deletion
 * (Killing, containers terminated, then the object removed). Pods it did not start
 * (already running, or on another node) are left as they are.
 */
export class Kubelet extends Controller {
	private readonly runs = new Map<string, Run>();
	private readonly usedIps = new Set<string>();
	private readonly pulled = new Set<string>();
	/** Index (host part within 172.17.0.0/16) below which every address is taken. */
	private lowestFree = 3;

	constructor(
		store: Store,
		private readonly registry: Registry,
		private readonly events: EventRecorder,
		private readonly now: () => number,
		private readonly timing: KubeletTiming,
	) {
		super(store, ['pods']);
		for (const entry of store.list('pods')) {
			this.noteIp(entry.object as unknown as Pod);
		}

		// A kubelet renews its node Lease every 10 s and reports the node's status every five
		// minutes; `kubectl describe node` shows both advance.
		this.every(10_000, () => this.renewLease());
		this.every(timing.nodeStatusMs, () => this.reportNodeStatus());
	}

	protected changed(change: Change): void {
		const pod = change.entry.object as unknown as Pod;
		if (change.type === 'DELETED') {
			this.forget(change.entry.key, pod);
			return;
		}

		this.noteIp(pod);
		if (pod.spec?.nodeName !== nodeName) {
			return;
		}

		const key = change.entry.key;
		const run = this.runs.get(key);
		if (pod.metadata.deletionTimestamp) {
			if (!run?.terminating) {
				this.terminate(key, pod, run);
			}

			return;
		}

		const fresh = pod.status?.phase === 'Pending' && !pod.status.containerStatuses;
		if (!run && fresh) {
			this.start(key, pod);
		}
	}

	override stop(): void {
		super.stop();
		for (const run of this.runs.values()) {
			run.abort.abort();
		}

		this.runs.clear();
	}

	private noteIp(pod: Pod): void {
		const ip = pod.status?.podIP;
		if (ip?.startsWith('172.17.')) {
			this.usedIps.add(ip);
		}
	}

	private forget(key: string, pod: Pod): void {
		const run = this.runs.get(key);
		if (run && run.uid === pod.metadata.uid) {
			run.abort.abort();
			this.runs.delete(key);
		}

		const ip = pod.status?.podIP;
		if (ip?.startsWith('172.17.') && this.usedIps.delete(ip)) {
			const [, , third, fourth] = ip.split('.').map(Number);
			this.lowestFree = Math.min(this.lowestFree, third! * 256 + fourth!);
		}
	}

	private renewLease(): void {
		const lease = this.store.get('leases', 'kube-node-lease', nodeName);
		if (lease) {
			this.registry.replace(
				leasesInfo,
				lease,
				{...lease.object, spec: {...(lease.object['spec'] as object), renewTime: microTime(this.now())}},
				{manager: 'kubelet', dryRun: false},
			);
		}
	}

	// The node's status report: every condition's lastHeartbeatTime advances (the kubelet posts
	// it every nodeStatusReportFrequency, five minutes, when nothing else changed).
	private reportNodeStatus(): void {
		const node = this.store.get('nodes', undefined, nodeName);
		const status = node?.object['status'] as {conditions?: Array<Record<string, unknown>>} | undefined;
		if (!node || !status) {
			return;
		}

		const time = rfc3339(this.now());
		const conditions = (status.conditions ?? []).map(condition => ({...condition, lastHeartbeatTime: time}));
		this.registry.updateStatus(nodesInfo, node, {...status, conditions}, 'kubelet');
	}

	/** Takes the next free pod IP (for pods created already Running). */
	assignIp(): string {
		return this.nextIp();
	}

	// Docker's bridge gives the lowest free address (172.17.0.1 is the gateway, .2 went to
	// CoreDNS): the tutorial's pods get 172.17.0.3, .4, … and a deleted pod's address returns.
	private nextIp(): string {
		for (let index = this.lowestFree; index < 65_535; index++) {
			if ((index & 255) === 0 || (index & 255) === 255) {
				continue;
			}

			const ip = `172.17.${index >> 8}.${index & 255}`;
			if (!this.usedIps.has(ip)) {
				this.usedIps.add(ip);
				this.lowestFree = index + 1;
				return ip;
			}
		}

		throw new Error('pod network 172.17.0.0/16 is full');
	}

	private start(key: string, pod: Pod): void {
		const run: Run = {uid: pod.metadata.uid!, abort: new AbortController(), terminating: false};
		this.runs.set(key, run);
		this.runPod(key, run).catch(() => {
			// Aborted: the pod was deleted or is terminating; nothing more to do.
		});
	}

	private async runPod(key: string, run: Run): Promise<void> {
		const {signal} = run.abort;
		await delay(0, undefined, {signal});
		const initContainers = this.current(key, run)?.spec?.initContainers ?? [];
		const containers = this.current(key, run)?.spec?.containers ?? [];
		const states = new Map<string, Phase>();
		for (const container of [...initContainers, ...containers]) {
			states.set(container.name, {kind: 'waiting', reason: initContainers.length > 0 ? 'PodInitializing' : 'ContainerCreating'});
		}

		this.writeStatus(key, run, states);
		for (const [index, container] of initContainers.entries()) {
			await this.startContainer(key, run, container, `spec.initContainers{${container.name}}`, states);
			await delay(this.timing.startMs, undefined, {signal});
			const started = states.get(container.name) as Extract<Phase, {kind: 'running'}>;
			states.set(container.name, {
				kind: 'terminated',
				startedAt: started.startedAt,
				finishedAt: rfc3339(this.now()),
				containerID: started.containerID,
				reason: 'Completed',
				exitCode: 0,
			});
			if (index === initContainers.length - 1) {
				for (const app of containers) {
					states.set(app.name, {kind: 'waiting', reason: 'PodInitializing'});
				}
			}

			this.writeStatus(key, run, states);
		}

		for (const container of containers) {
			await this.startContainer(key, run, container, `spec.containers{${container.name}}`, states);
		}

		run.ip ??= this.nextIp();
		this.writeStatus(key, run, states);
	}

	private async startContainer(key: string, run: Run, container: Container, fieldPath: string, states: Map<string, Phase>): Promise<void> {
		const {signal} = run.abort;
		const image = container.image ?? '';
		const policy = container.imagePullPolicy ?? 'IfNotPresent';
		const pod = this.current(key, run);
		if (!pod) {
			run.abort.abort();
			signal.throwIfAborted();
		}

		if (policy === 'Never' || (policy === 'IfNotPresent' && this.pulled.has(image))) {
			this.event(key, run, fieldPath, 'Pulled', `Container image "${image}" already present on machine`);
		} else {
			this.event(key, run, fieldPath, 'Pulling', `Pulling image "${image}"`);
			await delay(this.timing.pullMs, undefined, {signal});
			const took = goDuration(this.timing.pullMs);
			this.pulled.add(image);
			this.event(
				key,
				run,
				fieldPath,
				'Pulled',
				`Successfully pulled image "${image}" in ${took} (${took} including waiting). Image size: ${imageSizeOf(image)} bytes.`,
			);
		}

		await delay(this.timing.startMs, undefined, {signal});
		const containerID = `docker://${randomHex(32)}`;
		this.event(key, run, fieldPath, 'Created', `Created container: ${container.name}`);
		this.event(key, run, fieldPath, 'Started', `Started container ${container.name}`);
		states.set(container.name, {kind: 'running', startedAt: rfc3339(this.now()), containerID});
		run.ip ??= this.nextIp();
	}

	// Runs outside the store's change dispatch (writes made inside it would reach other
	// listeners out of order), as every kubelet write does.
	private terminate(key: string, pod: Pod, existing: Run | undefined): void {
		existing?.abort.abort();
		const run: Run = existing ?? {uid: pod.metadata.uid!, abort: new AbortController(), terminating: true};
		run.terminating = true;
		run.abort = new AbortController();
		this.runs.set(key, run);
		const {signal} = run.abort;
		const statuses = pod.status?.containerStatuses ?? [];
		const graceMs = (pod.metadata.deletionGracePeriodSeconds ?? 30) * 1000;
		const waitMs = Math.min(this.timing.killMs, graceMs);
		const sequence = async (): Promise<void> => {
			await delay(0, undefined, {signal});
			for (const status of statuses) {
				if (status.state?.running) {
					this.event(key, run, `spec.containers{${status.name}}`, 'Killing', `Stopping container ${status.name}`);
				}
			}

			await delay(waitMs, undefined, {signal});
			const current = this.current(key, run);
			if (!current) {
				return;
			}

			if (statuses.some(status => status.state?.running)) {
				this.writeTerminated(current);
			}

			// The kubelet's last word: a delete with grace 0 (the API server writes it, then removes the pod).
			this.registry.delete(podsInfo, current.metadata.namespace, current.metadata.name!, {
				gracePeriodSeconds: 0,
				preconditions: {uid: run.uid},
				dryRun: false,
			});
		};

		sequence().catch(() => {
			// The pod went away some other way.
		});
	}

	private current(key: string, run: Run): Pod | undefined {
		const [namespace, name] = key.split('/') as [string, string];
		const pod = this.store.get('pods', namespace, name)?.object as unknown as Pod | undefined;
		return pod?.metadata.uid === run.uid ? pod : undefined;
	}

	private event(key: string, run: Run, fieldPath: string, reason: string, message: string): void {
		const pod = this.current(key, run);
		if (pod) {
			this.events.record(pod as unknown as KubeObject, reporter, {type: 'Normal', reason, message, fieldPath});
		}
	}

	private writeStatus(key: string, run: Run, states: Map<string, Phase>): void {
		const pod = this.current(key, run);
		if (!pod || pod.metadata.deletionTimestamp) {
			return;
		}

		this.write(pod, kubeletStatus(pod, states, run.ip, rfc3339(this.now())));
	}

	private writeTerminated(pod: Pod): void {
		const time = rfc3339(this.now());
		const containerStatuses = (pod.status?.containerStatuses ?? []).map(status => {
			const running = status.state?.running;
			if (!running) {
				return status;
			}

			return {
				...status,
				state: {
					terminated: {exitCode: 0, reason: 'Completed', startedAt: running.startedAt, finishedAt: time, containerID: status.containerID},
				},
				ready: false,
				started: false,
			};
		});
		const previous = pod.status?.conditions;
		const conditions = (previous ?? []).map(existing => {
			if (existing.type === 'Ready' || existing.type === 'ContainersReady') {
				return condition(previous, existing.type, 'False', time, 'PodCompleted', undefined);
			}

			return existing.type === 'PodReadyToStartContainers' ? condition(previous, existing.type, 'False', time) : existing;
		});
		this.write(pod, orderKeys({...pod.status, phase: 'Succeeded', conditions, containerStatuses}, podStatusFields));
	}

	private write(pod: Pod, status: Record<string, unknown>): void {
		const entry = this.store.get('pods', pod.metadata.namespace, pod.metadata.name!);
		if (entry?.object.metadata.uid === pod.metadata.uid) {
			this.registry.updateStatus(podsInfo, entry!, status, 'kubelet');
		}
	}
}

/**
 * The status the kubelet reports for a pod whose containers are in `states` (by name), with
 * `ip` once the pod network gave it one: phase, the five conditions in the kubelet's order
 * (a PodScheduled it did not find is its own, as for a pod created with spec.nodeName),
 * host and pod IPs, start time and container statuses.
 */
export function kubeletStatus(pod: Pod, states: ReadonlyMap<string, Phase>, ip: string | undefined, time: string): Record<string, unknown> {
	const spec = pod.spec!;
	const previous = pod.status?.conditions;
	const init = spec.initContainers ?? [];
	const initDone = init.every(container => states.get(container.name)?.kind === 'terminated');
	const statusOf = (container: Container): ContainerStatus => {
		const phase = states.get(container.name)!;
		return containerStatus(container, phase, phase.kind === 'running');
	};

	const containerStatuses = spec.containers.map(statusOf);
	const allReady = containerStatuses.every(status => status.ready);
	const notReady = containerStatuses.filter(status => !status.ready).map(status => status.name);
	const pendingInit = init.filter(container => states.get(container.name)?.kind !== 'terminated').map(container => container.name);
	const conditions: PodCondition[] = [
		condition(previous, 'PodReadyToStartContainers', ip ? 'True' : 'False', time),
		initDone
			? condition(previous, 'Initialized', 'True', time)
			: condition(
					previous,
					'Initialized',
					'False',
					time,
					'ContainersNotInitialized',
					`containers with incomplete status: [${pendingInit.join(' ')}]`,
				),
		allReady
			? condition(previous, 'Ready', 'True', time)
			: condition(previous, 'Ready', 'False', time, 'ContainersNotReady', `containers with unready status: [${notReady.join(' ')}]`),
		allReady
			? condition(previous, 'ContainersReady', 'True', time)
			: condition(
					previous,
					'ContainersReady',
					'False',
					time,
					'ContainersNotReady',
					`containers with unready status: [${notReady.join(' ')}]`,
				),
		previous?.find(existing => existing.type === 'PodScheduled') ?? condition(undefined, 'PodScheduled', 'True', time),
	];
	const status = {
		...pod.status,
		phase: allReady ? 'Running' : 'Pending',
		conditions,
		hostIP: nodeIp,
		hostIPs: [{ip: nodeIp}],
		...(ip ? {podIP: ip, podIPs: [{ip}]} : {}),
		startTime: pod.status?.startTime ?? time,
		...(init.length > 0 ? {initContainerStatuses: init.map(statusOf)} : {}),
		containerStatuses,
	};
	return orderKeys(status, podStatusFields);
}

/** `pod` with the kubelet's status update applied: the status, and the `kubelet` status entry of managedFields owning what it changed. */
export function withKubeletStatus(pod: KubeObject, status: Record<string, unknown>, time: string): KubeObject {
	const next = {...pod, status};
	const managedFields = managedAfterUpdate(
		pod.metadata.managedFields,
		pod,
		next,
		{manager: 'kubelet', apiVersion: 'v1', time, subresource: 'status'},
		'status',
	);
	return {...next, metadata: orderMeta({...pod.metadata, managedFields})};
}
