import type {EndpointGroup} from '../../source/cluster/types.js';
import {groupFromSlice} from '../../source/cluster/endpoints.js';
import type {Node, Pod, Service} from '../../source/k8s/types.js';
import {fixturePod} from './fake-cluster.js';

/** A pod fixture dressed as one of the tutorial's pods (name, labels, container ports). */
export function tutorialPod(fixture: string, name: string, labels: Record<string, string>, ports: number[] = [], ip?: string): Pod {
	const pod = fixturePod(fixture, {name, namespace: 'default', labels});
	const status = ip ? {...pod.status, podIP: ip, podIPs: [{ip}]} : pod.status;
	return {
		...pod,
		status,
		spec: {
			...pod.spec!,
			containers: pod.spec!.containers.map(container => ({
				...container,
				ports: ports.map(port => ({containerPort: port, protocol: 'TCP'})),
			})),
		},
	};
}

/** The tutorial's pods: the first pod, pod-1 behind svc-pod, pod-2 behind svc-pod2, and a few sick ones. */
export function tutorialPods(): Pod[] {
	return [
		tutorialPod('running', 'o-primeiro-pod', {}, [], '172.17.0.3'),
		tutorialPod('running', 'pod-1', {app: 'pod-label'}, [80], '172.17.0.4'),
		tutorialPod('running', 'pod-2', {app: 'pod-label2'}, [5000], '172.17.0.5'),
		tutorialPod('crashloop', 'testando', {run: 'testando'}),
		tutorialPod('container-creating', 'web', {run: 'web'}),
	];
}

export const kubernetesService: Service = {
	metadata: {
		name: 'kubernetes',
		namespace: 'default',
		creationTimestamp: '2026-11-21T12:00:00Z',
		labels: {component: 'apiserver', provider: 'kubernetes'},
	},
	spec: {
		type: 'ClusterIP',
		ports: [{name: 'https', protocol: 'TCP', port: 443, targetPort: 8443}],
		clusterIP: '10.96.0.1',
		clusterIPs: ['10.96.0.1'],
	},
};

export const svcPod: Service = {
	metadata: {name: 'svc-pod', namespace: 'default', creationTimestamp: '2026-11-24T11:50:56Z'},
	spec: {
		type: 'ClusterIP',
		selector: {app: 'pod-label'},
		ports: [{protocol: 'TCP', port: 4050, targetPort: 80}],
		clusterIP: '10.105.54.122',
		clusterIPs: ['10.105.54.122'],
	},
};

export const svcPod2: Service = {
	metadata: {name: 'svc-pod2', namespace: 'default', creationTimestamp: '2026-11-24T11:55:00Z'},
	spec: {
		type: 'NodePort',
		selector: {app: 'pod-label2'},
		ports: [{protocol: 'TCP', port: 5000, targetPort: 5000, nodePort: 30000}],
		clusterIP: '10.101.193.202',
		clusterIPs: ['10.101.193.202'],
	},
};

export const minikube: Node = {
	metadata: {name: 'minikube'},
	status: {
		addresses: [
			{type: 'InternalIP', address: '192.168.49.2'},
			{type: 'Hostname', address: 'minikube'},
		],
	},
};

/** An EndpointSlice of a service as the endpointslice controller writes it. */
export function slice(
	service: string,
	endpoints: Array<{ip: string; pod: string; ready: boolean; terminating?: boolean}>,
	port: number,
): EndpointGroup {
	return groupFromSlice({
		metadata: {name: `${service}-abcde`, namespace: 'default', labels: {'kubernetes.io/service-name': service}},
		addressType: 'IPv4',
		endpoints: endpoints.map(endpoint => ({
			addresses: [endpoint.ip],
			conditions: {ready: endpoint.ready, serving: endpoint.ready, terminating: endpoint.terminating ?? false},
			nodeName: 'minikube',
			targetRef: {kind: 'Pod', namespace: 'default', name: endpoint.pod},
		})),
		ports: [{name: '', port, protocol: 'TCP'}],
	});
}
