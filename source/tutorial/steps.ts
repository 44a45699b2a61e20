/**
 * The tutorial's steps as data: the beginners' tutorial (pods, then ClusterIP and NodePort
 * services) in order, with the ending it never wrote. Each step has its kubectl command, the
 * kpods key that does the same, and what Enter on it does; the words are in the message
 * catalog under `tutorial.<id>.*` (title, text), so the table holds no prose.
 */

/** The tutorial's pod and service names, as the tutorial and its manifests spell them. */
export const names = {
	testando: 'testando',
	image: 'nginx',
	firstPod: 'o-primeiro-pod',
	pod1: 'pod-1',
	svcPod: 'svc-pod',
	pod2: 'pod-2',
	svcPod2: 'svc-pod2',
} as const;

/** The ports the tutorial's services declare. */
export const ports = {svcPod: 4050, pod1: 80, svcPod2: 5000, nodePort: 30000, pod2: 5000} as const;

/** What Enter on a step does; the router turns it into the usual prompt, confirmation or view. */
export type StepAction =
	/** Nothing to change: Enter moves on to the next step. */
	| {kind: 'next'}
	/** The run prompt, filled in. */
	| {kind: 'run'; name: string; image: string}
	/** A pane, with a row selected when it is there. */
	| {kind: 'show'; pane: 'pods' | 'services'; name?: string}
	/** The detail (kubectl describe) of a pod. */
	| {kind: 'describe'; name: string}
	/** The delete confirmation of a pod. */
	| {kind: 'delete'; name: string}
	/** The apply dry run of these manifest files, in this order (the tutorial's: services first). */
	| {kind: 'apply'; files: readonly string[]}
	/** A shell in a pod (kubectl exec -it). */
	| {kind: 'shell'; name: string};

export type StepId =
	| 'pod'
	| 'run'
	| 'watch'
	| 'describe'
	| 'delete'
	| 'firstPod'
	| 'clusterIp'
	| 'addresses'
	| 'nodePort'
	| 'reachNodePort'
	| 'reachClusterIp';

export interface Step {
	id: StepId;
	/** What kubectl does the same (one command a line). */
	kubectl: readonly string[];
	/** The kpods keys that do it, as help spells them. */
	keys: string;
	action: StepAction;
	/** The action changes the cluster (--readonly refuses it). */
	mutates?: boolean;
}

/** The steps, in the tutorial's order. */
export const steps: readonly Step[] = [
	{id: 'pod', kubectl: [], keys: 'Enter', action: {kind: 'next'}},
	{
		id: 'run',
		kubectl: [`kubectl run ${names.testando} --image=${names.image}`],
		keys: 'r',
		action: {kind: 'run', name: names.testando, image: names.image},
		mutates: true,
	},
	{id: 'watch', kubectl: ['kubectl get pods --watch'], keys: '1', action: {kind: 'show', pane: 'pods', name: names.testando}},
	{id: 'describe', kubectl: [`kubectl describe pod ${names.testando}`], keys: 'Enter', action: {kind: 'describe', name: names.testando}},
	{
		id: 'delete',
		kubectl: [`kubectl delete pod ${names.testando}`],
		keys: 'ctrl-d',
		action: {kind: 'delete', name: names.testando},
		mutates: true,
	},
	{
		id: 'firstPod',
		kubectl: ['kubectl apply -f o_primeiro_pod.yaml'],
		keys: '3 a',
		action: {kind: 'apply', files: ['o_primeiro_pod.yaml']},
		mutates: true,
	},
	{
		id: 'clusterIp',
		kubectl: ['kubectl apply -f svc-pod.yaml', 'kubectl apply -f pod-1.yaml'],
		keys: '3 a',
		action: {kind: 'apply', files: ['svc-pod.yaml', 'pod-1.yaml']},
		mutates: true,
	},
	{id: 'addresses', kubectl: ['kubectl get pods -o wide', 'kubectl get svc'], keys: '1 2', action: {kind: 'show', pane: 'pods'}},
	{
		id: 'nodePort',
		kubectl: ['kubectl apply -f svc-pod2.yaml', 'kubectl apply -f pod-2.yaml'],
		keys: '3 a',
		action: {kind: 'apply', files: ['svc-pod2.yaml', 'pod-2.yaml']},
		mutates: true,
	},
	{
		id: 'reachNodePort',
		kubectl: [`curl NODE-IP:${ports.nodePort}`],
		keys: '2',
		action: {kind: 'show', pane: 'services', name: names.svcPod2},
	},
	{
		id: 'reachClusterIp',
		kubectl: [`kubectl exec -it ${names.firstPod} -- sh`, `curl ${names.svcPod}:${ports.svcPod}`],
		keys: 's',
		action: {kind: 'shell', name: names.firstPod},
		mutates: true,
	},
];

/** A step by id. */
export function stepById(id: StepId): Step {
	return steps.find(step => step.id === id)!;
}
