import type {KubeObject, Pod} from '../k8s/types.js';
import type {Store} from './store.js';
import type {Registry} from './registry.js';
import {resources} from './resources.js';
import {applyDefaults} from './defaults.js';
import {bindPod, nodeName} from './scheduler.js';
import {kubeletStatus, withKubeletStatus} from './kubelet.js';
import type {Phase} from './pod-status.js';
import {newUid, orderMeta, randomHex, randomSuffix, rfc3339} from './meta.js';

const podsInfo = resources.get('pods')!;

/** How a pod is brought up outside the HTTP path: who creates it, and how far the kubelet got. */
export interface StartOptions {
	/** The field manager of the create (`kubectl-run`, `kube-controller-manager`, `kubelet`). */
	manager: string;
	/** Running with this pod IP, or (undefined) still ContainerCreating with no IP. */
	ip?: string;
	/** When the scheduler bound it and the kubelet wrote its status. */
	time: string;
}

/**
 * A pod exactly as one created over the API and started by the simulated control plane
 * ends up, built synchronously through the same code: the registry's create (defaults,
 * validation, the creator's managedFields, admission) as a dry run, the scheduler's binding
 * unless the spec names a node, then the kubelet's status with its own managedFields entry.
 */
export function startedPod(registry: Registry, input: KubeObject, options: StartOptions): KubeObject {
	const namespace = input.metadata.namespace ?? 'default';
	const created = registry.create(podsInfo, input, namespace, {manager: options.manager, dryRun: true}).object;
	const {resourceVersion: _unstored, ...metadata} = created.metadata;
	let pod: KubeObject = {...created, metadata: orderMeta(metadata)};
	if (!(pod['spec'] as {nodeName?: string}).nodeName) {
		pod = bindPod(pod, nodeName, options.time);
	}

	const spec = (pod as unknown as Pod).spec!;
	const states = new Map<string, Phase>();
	for (const container of spec.initContainers ?? []) {
		states.set(
			container.name,
			options.ip
				? {
						kind: 'terminated',
						startedAt: options.time,
						finishedAt: options.time,
						containerID: `docker://${randomHex(32)}`,
						reason: 'Completed',
						exitCode: 0,
					}
				: {kind: 'waiting', reason: 'PodInitializing'},
		);
	}

	for (const container of spec.containers) {
		states.set(
			container.name,
			options.ip
				? {kind: 'running', startedAt: options.time, containerID: `docker://${randomHex(32)}`}
				: {kind: 'waiting', reason: spec.initContainers?.length ? 'PodInitializing' : 'ContainerCreating'},
		);
	}

	return withKubeletStatus(pod, kubeletStatus(pod as unknown as Pod, states, options.ip, options.time), options.time);
}

/** What `Sandbox.seedPods` works with. */
export interface SeedContext {
	store: Store;
	registry: Registry;
	now: () => number;
	/** The kubelet's pod network: the next free 172.17.x.y. */
	assignIp: () => string;
}

/**
 * Creates `count` pods `seed-00000`… in `namespace` (made if missing), as `kubectl run
 * seed-N --image=nginx --port=80 --labels=app=seed,index=N` would and the kubelet would
 * start them: one pod is built by `startedPod`, the rest are copies with their own name,
 * index label, uid, token volume, container IDs and pod IP, so 10,000 take a second, not a
 * minute. Names already taken are skipped.
 */
export function seedPods(context: SeedContext, namespace: string, count: number, running: boolean): void {
	const {store, registry, now} = context;
	const time = rfc3339(now());
	if (!store.get('namespaces', undefined, namespace)) {
		store.create(
			'namespaces',
			applyDefaults('namespaces', {
				kind: 'Namespace',
				apiVersion: 'v1',
				metadata: orderMeta({name: namespace, uid: newUid(), creationTimestamp: time}),
			}),
		);
	}

	// Stand-ins that cannot occur anywhere else in a pod's JSON: each copy swaps in its own values.
	const name = `kpods-seed-${randomHex(8)}`;
	const index = `kpods-index-${randomHex(8)}`;
	const ip = running ? '203.0.113.254' : undefined;
	const template = startedPod(
		registry,
		{
			kind: 'Pod',
			apiVersion: 'v1',
			metadata: {name, namespace, labels: {app: 'seed', index}},
			spec: {containers: [{name: 'nginx', image: 'nginx', ports: [{containerPort: 80}]}]},
		},
		{manager: 'kubectl-run', ip, time},
	);
	const volumes = volumeNames(template);
	const ids = containerIds(template);
	const stamp = stamper(JSON.stringify(template), [name, index, template.metadata.uid!, ...volumes, ...ids, ...(ip ? [ip] : [])]);
	for (let number = 0; number < count; number++) {
		const podName = `seed-${String(number).padStart(5, '0')}`;
		if (store.get('pods', namespace, podName)) {
			continue;
		}

		const values = [
			podName,
			String(number),
			newUid(),
			...volumes.map(() => `kube-api-access-${randomSuffix()}`),
			...ids.map(() => `docker://${randomHex(32)}`),
			...(ip ? [context.assignIp()] : []),
		];
		store.create('pods', JSON.parse(stamp(values)) as KubeObject);
	}
}

function volumeNames(pod: KubeObject): string[] {
	return ((pod['spec'] as {volumes?: Array<{name: string}>}).volumes ?? [])
		.map(volume => volume.name)
		.filter(name => name.startsWith('kube-api-access-'));
}

function containerIds(pod: KubeObject): string[] {
	const status = pod['status'] as {
		containerStatuses?: Array<{containerID?: string}>;
		initContainerStatuses?: Array<{containerID?: string}>;
	};
	return [...(status.initContainerStatuses ?? []), ...(status.containerStatuses ?? [])].flatMap(container =>
		container.containerID ? [container.containerID] : [],
	);
}

// Splits `text` at every occurrence of the stand-ins once; the returned function joins the
// pieces back with one value per stand-in (in the order given).
function stamper(text: string, standIns: string[]): (values: string[]) => string {
	const escaped = standIns.map(standIn => standIn.replaceAll(/[.*+?^${}()|[\]\\]/g, String.raw`\$&`));
	const pieces = text.split(new RegExp(`(${escaped.join('|')})`));
	const slots = pieces.map((piece, position) => (position % 2 === 1 ? standIns.indexOf(piece) : -1));
	return values => pieces.map((piece, position) => (slots[position]! >= 0 ? values[slots[position]!]! : piece)).join('');
}
