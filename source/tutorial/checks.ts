/**
 * Whether each tutorial step is done, read off the live stores of the namespace the tutorial
 * works in, so a step done with kubectl in another terminal is checked off too. What the
 * stores cannot show (a pod seen earlier and since deleted; a describe opened in kpods) is
 * kept in a small memory that only grows while kpods watches.
 */
import type {EndpointGroup} from '../cluster/types.js';
import type {PodRow} from '../format/pod.js';
import type {ServiceRow} from '../format/service.js';
import type {MessageKey} from '../i18n/index.js';
import type {Node} from '../k8s/types.js';
import {names, ports, steps, type StepId} from './steps.js';
import {lowerBound} from '../k8s/list-order.js';

/** A message of the catalog (`tutorial.check.*`) and its values, or text that is the same in every language (names, states, addresses). */
export type Note = {key: MessageKey; params?: Record<string, string | number>} | {text: string};

/** done ✓; pending ○; unchecked: nothing on the cluster can show it, and the note says why. */
export type StepState = 'done' | 'pending' | 'unchecked';

export interface StepCheck {
	id: StepId;
	state: StepState;
	/** What was seen, what is missing, or why it cannot be checked. */
	note?: Note;
}

/** What the checks read: the stores' items (any namespaces; the tutorial's is picked out). */
export interface TutorialSnapshot {
	namespace: string;
	pods: readonly PodRow[];
	services: readonly ServiceRow[];
	endpoints: readonly EndpointGroup[];
	nodes: readonly Node[];
	sandbox: boolean;
	/** The kubeconfig context (minikube's is `minikube`). */
	context: string;
}

/** What kpods has seen happen since it started; the checks that need history read it. */
export interface TutorialMemory {
	/** The intro was read (the selection moved past it). */
	read: boolean;
	/** `testando` existed, and was seen Running. */
	testandoSeen: boolean;
	testandoRan: boolean;
	/** kpods showed `testando`'s describe. */
	described: boolean;
}

export const emptyMemory: TutorialMemory = {read: false, testandoSeen: false, testandoRan: false, described: false};

/** What the UI did that the memory notes: the step selected, and the pod whose detail is open. */
export interface TutorialSeen {
	selectedStep: number;
	detailPod?: {namespace: string; name: string};
}

const running = (pod: PodRow | undefined) => pod?.status === 'Running' && !pod.deleting;

function podOf(snapshot: TutorialSnapshot, name: string): PodRow | undefined {
	return snapshot.pods.find(pod => pod.name === name && pod.namespace === snapshot.namespace);
}

function serviceOf(snapshot: TutorialSnapshot, name: string): ServiceRow | undefined {
	return snapshot.services.find(service => service.name === name && service.namespace === snapshot.namespace);
}

/** The memory after one more look at the stores and the screen; the same object when nothing new was seen. */
export function observe(memory: TutorialMemory, snapshot: TutorialSnapshot, seen: TutorialSeen): TutorialMemory {
	const testando = podOf(snapshot, names.testando);
	const next: TutorialMemory = {
		read: memory.read || seen.selectedStep > 0,
		testandoSeen: memory.testandoSeen || testando !== undefined,
		testandoRan: memory.testandoRan || running(testando),
		described: memory.described || (seen.detailPod?.name === names.testando && seen.detailPod.namespace === snapshot.namespace),
	};
	const same = (Object.keys(next) as Array<keyof TutorialMemory>).every(key => next[key] === memory[key]);
	return same ? memory : next;
}

/**
 * The tutorial's pods in the namespace, found by binary search: a store's items are in the API
 * server's list order (`namespace/name`, compared bytewise), so a store of 10,000 pods costs a
 * few dozen comparisons per change, not a pass over all of them.
 */
export function tutorialPodsOf(items: readonly PodRow[], namespace: string): PodRow[] {
	const found: PodRow[] = [];
	for (const name of [names.testando, names.firstPod, names.pod1, names.pod2]) {
		const key = `${namespace}/${name}`;
		const low = lowerBound(items.length, at => items[at]!.key, key);
		if (items[low]?.key === key) {
			found.push(items[low]!);
		}
	}
	return found;
}

/** A ready endpoint of the service on the pod's port, if there is one. */
function readyEndpoint(snapshot: TutorialSnapshot, service: string, pod: string, port: number) {
	return snapshot.endpoints
		.filter(group => group.service === service && group.namespace === snapshot.namespace)
		.flatMap(group => group.endpoints)
		.find(entry => entry.ready && entry.pod === pod && entry.port === port);
}

/** The service's spec port matches the tutorial's (port, and target port or node port). */
function servicePending(
	snapshot: TutorialSnapshot,
	name: string,
	type: string,
	port: number,
	wanted: {targetPort?: number; nodePort?: number},
): Note | undefined {
	const service = serviceOf(snapshot, name);
	if (!service) {
		return {key: 'tutorial.check.noService', params: {name}};
	}
	const spec = service.object.spec;
	const match = spec?.ports?.find(
		entry =>
			entry.port === port &&
			(wanted.targetPort === undefined || (entry.targetPort ?? entry.port) === wanted.targetPort) &&
			(wanted.nodePort === undefined || entry.nodePort === wanted.nodePort),
	);
	if (spec?.type !== type || !match) {
		return {key: 'tutorial.check.serviceDiffers', params: {name, type: service.type, ports: service.ports}};
	}
	return undefined;
}

/** The service exists as the manifest says and has a ready endpoint on the pod's port. */
function servicePathCheck(
	snapshot: TutorialSnapshot,
	service: {name: string; type: string; port: number; targetPort?: number; nodePort?: number},
	pod: {name: string; port: number},
): Omit<StepCheck, 'id'> {
	const problem = servicePending(snapshot, service.name, service.type, service.port, service);
	if (problem) {
		return {state: 'pending', note: problem};
	}
	const row = podOf(snapshot, pod.name);
	if (!row) {
		return {state: 'pending', note: {key: 'tutorial.check.noPod', params: {name: pod.name}}};
	}
	const endpoint = readyEndpoint(snapshot, service.name, pod.name, pod.port);
	if (!endpoint) {
		return {
			state: 'pending',
			note: {key: 'tutorial.check.noEndpoint', params: {service: service.name, pod: pod.name, port: String(pod.port), status: row.status}},
		};
	}
	return {
		state: 'done',
		note: {key: 'tutorial.check.endpoint', params: {service: service.name, address: `${endpoint.ip}:${endpoint.port}`, pod: pod.name}},
	};
}

/** The nodes' InternalIPs (a node without one: its name). */
export function nodeAddresses(nodes: readonly Node[]): string[] {
	return nodes.map(node => node.status?.addresses?.find(address => address.type === 'InternalIP')?.address ?? node.metadata.name ?? '');
}

type Result = Omit<StepCheck, 'id'>;
type Check = (snapshot: TutorialSnapshot, memory: TutorialMemory, done: (id: StepId) => boolean) => Result;

const checks: Record<StepId, Check> = {
	pod: (_snapshot, memory) => (memory.read ? {state: 'done'} : {state: 'pending', note: {key: 'tutorial.check.read'}}),
	run(snapshot, memory): Result {
		const testando = podOf(snapshot, names.testando);
		if (testando) {
			return {state: 'done', note: {text: `${testando.name}: ${testando.status}`}};
		}
		return memory.testandoSeen ? {state: 'done'} : {state: 'pending', note: {key: 'tutorial.check.noPod', params: {name: names.testando}}};
	},
	watch(snapshot, memory): Result {
		const testando = podOf(snapshot, names.testando);
		if (memory.testandoRan || running(testando)) {
			return {state: 'done'};
		}
		return testando
			? {state: 'pending', note: {text: `${testando.name}: ${testando.status}`}}
			: {state: 'pending', note: {key: 'tutorial.check.noPod', params: {name: names.testando}}};
	},
	describe: (_snapshot, memory) =>
		memory.described ? {state: 'done'} : {state: 'pending', note: {key: 'tutorial.check.describeHere', params: {name: names.testando}}},
	delete(snapshot, memory): Result {
		const testando = podOf(snapshot, names.testando);
		if (testando) {
			return {
				state: 'pending',
				note: {key: testando.deleting ? 'tutorial.check.terminating' : 'tutorial.check.stillThere', params: {name: testando.name}},
			};
		}
		return memory.testandoSeen
			? {state: 'done', note: {key: 'tutorial.check.gone', params: {name: names.testando}}}
			: {state: 'pending', note: {key: 'tutorial.check.notSeen', params: {name: names.testando}}};
	},
	firstPod(snapshot): Result {
		const pod = podOf(snapshot, names.firstPod);
		if (!pod) {
			return {state: 'pending', note: {key: 'tutorial.check.noPod', params: {name: names.firstPod}}};
		}
		return {
			state: running(pod) ? 'done' : 'pending',
			note: {text: `${pod.name}: ${pod.status}`},
		};
	},
	clusterIp: snapshot =>
		servicePathCheck(
			snapshot,
			{name: names.svcPod, type: 'ClusterIP', port: ports.svcPod, targetPort: ports.pod1},
			{name: names.pod1, port: ports.pod1},
		),
	addresses(snapshot): Result {
		const missing = [names.firstPod, names.pod1].find(name => {
			const ip = podOf(snapshot, name)?.ip;
			return ip === undefined || ip === '<none>';
		});
		if (missing) {
			return {state: 'pending', note: {key: 'tutorial.check.noAddress', params: {name: missing}}};
		}
		const service = serviceOf(snapshot, names.svcPod);
		if (!service || service.clusterIP === '<none>') {
			return {state: 'pending', note: {key: 'tutorial.check.noService', params: {name: names.svcPod}}};
		}
		return {state: 'done', note: {text: `${names.pod1} ${podOf(snapshot, names.pod1)!.ip} · ${names.svcPod} ${service.clusterIP}`}};
	},
	nodePort: snapshot =>
		servicePathCheck(
			snapshot,
			{name: names.svcPod2, type: 'NodePort', port: ports.svcPod2, nodePort: ports.nodePort},
			{name: names.pod2, port: ports.pod2},
		),
	reachNodePort(snapshot, _memory, done): Result {
		if (!done('nodePort')) {
			return {state: 'pending', note: {key: 'tutorial.check.after', params: {step: String(stepNumber('nodePort'))}}};
		}
		const address = `${nodeAddresses(snapshot.nodes)[0] ?? 'NODE-IP'}:${ports.nodePort}`;
		if (snapshot.sandbox) {
			return {state: 'unchecked', note: {key: 'tutorial.check.sandboxNoTraffic', params: {address}}};
		}
		const minikube = snapshot.context === 'minikube';
		return {state: 'unchecked', note: {key: minikube ? 'tutorial.check.openMinikube' : 'tutorial.check.open', params: {address}}};
	},
	reachClusterIp(snapshot, _memory, done): Result {
		if (!done('clusterIp') || !running(podOf(snapshot, names.firstPod))) {
			return {
				state: 'pending',
				note: {key: 'tutorial.check.after', params: {step: `${stepNumber('firstPod')}, ${stepNumber('clusterIp')}`}},
			};
		}
		return {
			state: 'unchecked',
			note: {key: snapshot.sandbox ? 'tutorial.check.sandboxNoShell' : 'tutorial.check.shellUnseen', params: {pod: names.firstPod}},
		};
	},
};

/** A step's number as the pane shows it (1-based). */
export function stepNumber(id: StepId): number {
	return steps.findIndex(step => step.id === id) + 1;
}

/** Every step's state, in order, from the stores and the memory. */
export function checkSteps(snapshot: TutorialSnapshot, memory: TutorialMemory): StepCheck[] {
	const results = new Map<StepId, Omit<StepCheck, 'id'>>();
	const done = (id: StepId) => results.get(id)?.state === 'done';
	for (const step of steps) {
		results.set(step.id, checks[step.id](snapshot, memory, done));
	}
	return steps.map(step => ({id: step.id, ...results.get(step.id)!}));
}

/** Steps done, of all of them (the header's `3/11`). */
export function progress(checked: readonly StepCheck[]): {done: number; total: number} {
	return {done: checked.filter(check => check.state === 'done').length, total: checked.length};
}
