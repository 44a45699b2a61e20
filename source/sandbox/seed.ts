import type {KubeObject} from '../k8s/types.js';
import type {Store} from './store.js';
import type {ServiceAllocation} from './service-allocation.js';
import {applyDefaults} from './defaults.js';
import {microTime, newUid, orderMeta, randomHex, rfc3339} from './meta.js';
import {nodeIp} from './kubelet.js';
import {nodeName} from './scheduler.js';
import {Registry} from './registry.js';
import {startedPod} from './seed-pods.js';

/** The labels of node `minikube` (what nodeSelectors are matched against). */
export const nodeLabels: Record<string, string> = {
	'beta.kubernetes.io/arch': 'amd64',
	'beta.kubernetes.io/os': 'linux',
	'kubernetes.io/arch': 'amd64',
	'kubernetes.io/hostname': nodeName,
	'kubernetes.io/os': 'linux',
	'minikube.k8s.io/name': nodeName,
	'minikube.k8s.io/primary': 'true',
	'minikube.k8s.io/version': 'v1.35.0',
	'node-role.kubernetes.io/control-plane': '',
	'node.kubernetes.io/exclude-from-external-load-balancers': '',
};

/** How long before the sandbox started its seeded cluster came up. */
export const clusterAgeMs = 10 * 60 * 1000;

function meta(name: string, namespace: string | undefined, time: string, extra: Record<string, unknown> = {}): KubeObject['metadata'] {
	return orderMeta({name, ...(namespace ? {namespace} : {}), uid: newUid(), creationTimestamp: time, ...extra});
}

/**
 * A cluster as a fresh minikube shows it: four Active namespaces, node `minikube`, the
 * `kubernetes` service at 10.96.0.1 with its endpoints, and kube-system's control-plane
 * pods and kube-dns, all Running, so `kubectl get pods -A` looks real.
 */
export function seed(store: Store, services: ServiceAllocation, now: number): void {
	// The cluster came up ten minutes before the sandbox was asked for, as a minikube started earlier.
	const bootedAt = now - clusterAgeMs;
	const time = rfc3339(bootedAt);
	for (const name of ['default', 'kube-node-lease', 'kube-public', 'kube-system']) {
		store.create('namespaces', applyDefaults('namespaces', {kind: 'Namespace', apiVersion: 'v1', metadata: meta(name, undefined, time)}));
	}

	store.create('nodes', node(time));
	const nodeUid = store.get('nodes', undefined, nodeName)!.object.metadata.uid!;
	// The kubelet's heartbeat: a Lease named after the node, renewed every 10 s (see Kubelet).
	store.create('leases', {
		kind: 'Lease',
		apiVersion: 'coordination.k8s.io/v1',
		metadata: meta(nodeName, 'kube-node-lease', time, {
			ownerReferences: [{apiVersion: 'v1', kind: 'Node', name: nodeName, uid: nodeUid}],
		}),
		spec: {holderIdentity: nodeName, leaseDurationSeconds: 40, renewTime: microTime(now)},
	});
	store.create('services', {
		kind: 'Service',
		apiVersion: 'v1',
		metadata: meta('kubernetes', 'default', time, {labels: {component: 'apiserver', provider: 'kubernetes'}}),
		spec: {
			ports: [{name: 'https', protocol: 'TCP', port: 443, targetPort: 8443}],
			clusterIP: '10.96.0.1',
			clusterIPs: ['10.96.0.1'],
			type: 'ClusterIP',
			sessionAffinity: 'None',
			ipFamilies: ['IPv4'],
			ipFamilyPolicy: 'SingleStack',
			internalTrafficPolicy: 'Cluster',
		},
		status: {loadBalancer: {}},
	});
	store.create('endpoints', {
		kind: 'Endpoints',
		apiVersion: 'v1',
		metadata: meta('kubernetes', 'default', time, {labels: {'endpointslice.kubernetes.io/skip-mirror': 'true'}}),
		subsets: [{addresses: [{ip: nodeIp}], ports: [{name: 'https', port: 8443, protocol: 'TCP'}]}],
	});
	store.create('endpointslices', {
		kind: 'EndpointSlice',
		apiVersion: 'discovery.k8s.io/v1',
		metadata: meta('kubernetes', 'default', time, {labels: {'kubernetes.io/service-name': 'kubernetes'}}),
		addressType: 'IPv4',
		endpoints: [{addresses: [nodeIp], conditions: {ready: true}}],
		ports: [{name: 'https', protocol: 'TCP', port: 8443}],
	});
	store.create('services', {
		kind: 'Service',
		apiVersion: 'v1',
		metadata: meta('kube-dns', 'kube-system', time, {
			labels: {'k8s-app': 'kube-dns', 'kubernetes.io/cluster-service': 'true', 'kubernetes.io/name': 'CoreDNS'},
			annotations: {'prometheus.io/port': '9153', 'prometheus.io/scrape': 'true'},
		}),
		spec: {
			ports: [
				{name: 'dns', protocol: 'UDP', port: 53, targetPort: 53},
				{name: 'dns-tcp', protocol: 'TCP', port: 53, targetPort: 53},
				{name: 'metrics', protocol: 'TCP', port: 9153, targetPort: 9153},
			],
			selector: {'k8s-app': 'kube-dns'},
			clusterIP: '10.96.0.10',
			clusterIPs: ['10.96.0.10'],
			type: 'ClusterIP',
			sessionAffinity: 'None',
			ipFamilies: ['IPv4'],
			ipFamilyPolicy: 'SingleStack',
			internalTrafficPolicy: 'Cluster',
		},
		status: {loadBalancer: {}},
	});

	// Who creates each kube-system pod on a real minikube: the kubelet makes the control
	// plane's static (mirror) pods on its own node; controllers and the addon manager's
	// kubectl create the rest, which the scheduler then binds.
	const systemPods: Array<{
		name: string;
		image: string;
		labels: Record<string, string>;
		manager: string;
		hostNetwork: boolean;
		ip?: string;
		ports?: Array<Record<string, unknown>>;
		resources?: Record<string, unknown>;
	}> = [
		{
			name: 'coredns-668d6bf9bc-5xv7m',
			image: 'registry.k8s.io/coredns/coredns:v1.11.3',
			labels: {'k8s-app': 'kube-dns', 'pod-template-hash': '668d6bf9bc'},
			resources: {limits: {memory: '170Mi'}, requests: {cpu: '100m', memory: '70Mi'}},
			manager: 'kube-controller-manager',
			hostNetwork: false,
			ip: '172.17.0.2',
			ports: [
				{name: 'dns', containerPort: 53, protocol: 'UDP'},
				{name: 'dns-tcp', containerPort: 53, protocol: 'TCP'},
				{name: 'metrics', containerPort: 9153, protocol: 'TCP'},
			],
		},
		{
			name: 'etcd-minikube',
			image: 'registry.k8s.io/etcd:3.5.16-0',
			labels: {component: 'etcd', tier: 'control-plane'},
			resources: {requests: {cpu: '100m', memory: '100Mi'}},
			manager: 'kubelet',
			hostNetwork: true,
		},
		{
			name: 'kube-apiserver-minikube',
			image: 'registry.k8s.io/kube-apiserver:v1.32.0',
			labels: {component: 'kube-apiserver', tier: 'control-plane'},
			resources: {requests: {cpu: '250m'}},
			manager: 'kubelet',
			hostNetwork: true,
		},
		{
			name: 'kube-controller-manager-minikube',
			image: 'registry.k8s.io/kube-controller-manager:v1.32.0',
			labels: {component: 'kube-controller-manager', tier: 'control-plane'},
			resources: {requests: {cpu: '200m'}},
			manager: 'kubelet',
			hostNetwork: true,
		},
		{
			name: 'kube-proxy-8kq2w',
			image: 'registry.k8s.io/kube-proxy:v1.32.0',
			labels: {'k8s-app': 'kube-proxy'},
			manager: 'kube-controller-manager',
			hostNetwork: true,
		},
		{
			name: 'kube-scheduler-minikube',
			image: 'registry.k8s.io/kube-scheduler:v1.32.0',
			labels: {component: 'kube-scheduler', tier: 'control-plane'},
			resources: {requests: {cpu: '100m'}},
			manager: 'kubelet',
			hostNetwork: true,
		},
		{
			name: 'storage-provisioner',
			image: 'gcr.io/k8s-minikube/storage-provisioner:v5',
			labels: {'addonmanager.kubernetes.io/mode': 'Reconcile', 'integration-test': 'storage-provisioner'},
			manager: 'kubectl-client-side-apply',
			hostNetwork: true,
		},
	];
	seedNodeEvents(store, bootedAt);
	// Created through the API as of boot time, so creation and managedFields carry that time.
	const registry = new Registry(store, services, () => bootedAt);
	for (const system of systemPods) {
		const containerName = system.name.startsWith('coredns') ? 'coredns' : system.name.replace(/-minikube$|-[a-z\d]{5}$/, '');
		store.create(
			'pods',
			startedPod(
				registry,
				{
					kind: 'Pod',
					apiVersion: 'v1',
					metadata: {name: system.name, namespace: 'kube-system', labels: system.labels},
					spec: {
						// kubeadm's and CoreDNS's own requests, as on a real minikube (kubectl describe node sums them).
						containers: [
							{
								name: containerName,
								image: system.image,
								...(system.ports ? {ports: system.ports} : {}),
								...(system.resources ? {resources: system.resources} : {}),
							},
						],
						...(system.manager === 'kubelet' ? {nodeName} : {}),
						...(system.hostNetwork
							? {hostNetwork: true, priorityClassName: 'system-node-critical', priority: 2_000_001_000}
							: {priorityClassName: 'system-cluster-critical', priority: 2_000_000_000}),
					},
				},
				{manager: system.manager, ip: system.ip ?? nodeIp, time},
			),
		);
	}

	// A fresh minikube's storage-provisioner has restarted once while the node came up.
	const provisioner = store.get('pods', 'kube-system', 'storage-provisioner')!.object;
	const started = rfc3339(bootedAt + 2000);
	const statuses = (provisioner['status'] as {containerStatuses: Array<Record<string, unknown>>}).containerStatuses.map(status => ({
		...status,
		state: {running: {startedAt: rfc3339(bootedAt + 33_000)}},
		lastState: {
			terminated: {
				exitCode: 1,
				reason: 'Error',
				startedAt: started,
				finishedAt: rfc3339(bootedAt + 32_000),
				containerID: `docker://${randomHex(32)}`,
			},
		},
		restartCount: 1,
	}));
	store.update('pods', {...provisioner, status: {...(provisioner['status'] as object), containerStatuses: statuses}});
}

// The node events a fresh minikube shows in `kubectl get events` (namespace default).
function seedNodeEvents(store: Store, now: number): void {
	const node = store.get('nodes', undefined, nodeName)!.object;
	const time = rfc3339(now);
	const kubelet = {source: {component: 'kubelet', host: nodeName}, reportingComponent: 'kubelet', reportingInstance: nodeName};
	const byKubelet = {kind: 'Node', name: nodeName, uid: nodeName};
	const records: Array<{reason: string; message: string; involvedObject: Record<string, string>; from: Record<string, unknown>}> = [
		{reason: 'Starting', message: 'Starting kubelet.', involvedObject: byKubelet, from: kubelet},
		{reason: 'NodeAllocatableEnforced', message: 'Updated Node Allocatable limit across pods', involvedObject: byKubelet, from: kubelet},
		{
			reason: 'NodeHasSufficientMemory',
			message: `Node ${nodeName} status is now: NodeHasSufficientMemory`,
			involvedObject: byKubelet,
			from: kubelet,
		},
		{
			reason: 'NodeHasNoDiskPressure',
			message: `Node ${nodeName} status is now: NodeHasNoDiskPressure`,
			involvedObject: byKubelet,
			from: kubelet,
		},
		{
			reason: 'NodeHasSufficientPID',
			message: `Node ${nodeName} status is now: NodeHasSufficientPID`,
			involvedObject: byKubelet,
			from: kubelet,
		},
		{
			reason: 'RegisteredNode',
			message: `Node ${nodeName} event: Registered Node ${nodeName} in Controller`,
			involvedObject: {kind: 'Node', name: nodeName, uid: node.metadata.uid!, apiVersion: 'v1'},
			from: {source: {component: 'node-controller'}, reportingComponent: 'node-controller', reportingInstance: ''},
		},
	];
	for (const [index, record] of records.entries()) {
		const name = `${nodeName}.${(BigInt(now) * 1_000_000n + BigInt(index)).toString(16)}`;
		store.create('events', {
			kind: 'Event',
			apiVersion: 'v1',
			metadata: meta(name, 'default', time),
			involvedObject: record.involvedObject,
			reason: record.reason,
			message: record.message,
			source: record.from['source'],
			firstTimestamp: time,
			lastTimestamp: time,
			count: 1,
			type: 'Normal',
			eventTime: null,
			reportingComponent: record.from['reportingComponent'],
			reportingInstance: record.from['reportingInstance'],
		});
	}
}

function node(time: string): KubeObject {
	const resources = {
		cpu: '2',
		'ephemeral-storage': '61202244Ki',
		'hugepages-1Gi': '0',
		'hugepages-2Mi': '0',
		memory: '8130020Ki',
		pods: '110',
	};
	const nodeCondition = (type: string, status: string, reason: string, message: string): Record<string, string> => ({
		type,
		status,
		lastHeartbeatTime: time,
		lastTransitionTime: time,
		reason,
		message,
	});
	return {
		kind: 'Node',
		apiVersion: 'v1',
		metadata: meta(nodeName, undefined, time, {
			labels: nodeLabels,
			annotations: {
				'kubeadm.alpha.kubernetes.io/cri-socket': 'unix:///var/run/cri-dockerd.sock',
				'node.alpha.kubernetes.io/ttl': '0',
				'volumes.kubernetes.io/controller-managed-attach-detach': 'true',
			},
		}),
		spec: {podCIDR: '10.244.0.0/24', podCIDRs: ['10.244.0.0/24']},
		status: {
			capacity: resources,
			allocatable: resources,
			conditions: [
				nodeCondition('MemoryPressure', 'False', 'KubeletHasSufficientMemory', 'kubelet has sufficient memory available'),
				nodeCondition('DiskPressure', 'False', 'KubeletHasNoDiskPressure', 'kubelet has no disk pressure'),
				nodeCondition('PIDPressure', 'False', 'KubeletHasSufficientPID', 'kubelet has sufficient PID available'),
				nodeCondition('Ready', 'True', 'KubeletReady', 'kubelet is posting ready status'),
			],
			addresses: [
				{type: 'InternalIP', address: nodeIp},
				{type: 'Hostname', address: nodeName},
			],
			daemonEndpoints: {kubeletEndpoint: {Port: 10_250}},
			nodeInfo: {
				machineID: randomHex(16),
				systemUUID: newUid(),
				bootID: newUid(),
				kernelVersion: '6.8.0-1017-gcp',
				osImage: 'Ubuntu 22.04.5 LTS',
				containerRuntimeVersion: 'docker://27.4.1',
				kubeletVersion: 'v1.32.0',
				kubeProxyVersion: 'v1.32.0',
				operatingSystem: 'linux',
				architecture: 'amd64',
			},
		},
	};
}
