// kpods' describe text against the machine's kubectl (v1.32) on the real cluster KUBECONFIG points
// at (the lab is v1.20): the objects of test/describe/objects/ (adapted where a real server
// differs), the cluster's own pods and services, the node, and namespaces with quotas and limit
// ranges, and the nodes and namespaces panes' cells against the real server's printers. Each
// object is read the way kpods' UI reads it; kubectl's whole output must equal kpods' text made
// just before or just after it ran.
import {after, before, describe, test} from 'node:test';
import assert from 'node:assert/strict';
import {execFileSync} from 'node:child_process';
import {readdirSync, readFileSync} from 'node:fs';
import {ApiClient} from '../../source/cluster/api-client.js';
import {applyCredentials} from '../../source/cluster/credentials.js';
import {KubeCluster} from '../../source/cluster/kube-cluster.js';
import {connectionFromText, type Connection} from '../../source/cluster/kubeconfig.js';
import {namespaceDescribeText, nodeDescribeText, podDescribeText, serviceDescribeText} from '../../source/derive/describe.js';
import {namespaceColumns, namespaceRowColumns} from '../../source/format/namespace.js';
import {nodeColumns, nodeRowColumns} from '../../source/format/node.js';
import type {KubeList, Service} from '../../source/k8s/types.js';
import {waitFor} from '../sandbox/helpers.js';
import {kubectlSameAs, openedStores} from '../describe/oracle.js';
import {rowTableText} from '../format/kubectl-table.js';
import {kubectlOutput, realNamespace, type RealNamespace} from './real-cluster.js';

const objectsDir = new URL('../describe/objects/', import.meta.url);
const serverMinor = Number(
	JSON.parse(execFileSync('kubectl', ['version', '-o', 'json'], {encoding: 'utf8'})).serverVersion.minor.replace(/\D/g, ''),
);
// Objects newer servers hold only (kpods.test/min-minor) are left out on older ones.
const objects = readdirSync(objectsDir)
	.filter(file => file.endsWith('.json'))
	.sort()
	.map(
		file =>
			JSON.parse(readFileSync(new URL(file, objectsDir), 'utf8')) as {
				kind: string;
				metadata: {name: string; annotations?: Record<string, string>};
				spec: Record<string, unknown>;
			},
	)
	.filter(object => serverMinor >= Number(object.metadata.annotations?.['kpods.test/min-minor'] ?? 0));
const pods = objects.filter(object => object.kind === 'Pod').map(object => object.metadata.name);
const services = objects.filter(object => object.kind === 'Service').map(object => object.metadata.name);

const kubectl = kubectlOutput;

describe('describe text against kubectl describe, on the real cluster', () => {
	let ns: RealNamespace;
	let connection: Connection;
	let cluster: KubeCluster;
	let systemCluster: KubeCluster;
	let api: ApiClient;
	const {opened, stopAll} = openedStores();

	before(async () => {
		ns = await realNamespace('describe');
		const selected = connectionFromText(readFileSync(process.env['KUBECONFIG']!, 'utf8'));
		assert.equal(selected.kind, 'ok');
		connection = (selected as {connection: Connection}).connection;
		api = new ApiClient(
			async options =>
				connection.credentials
					? applyCredentials(connection.credentials, options)
					: (await connection.kubeConfig()).applyToHTTPSOptions(options),
			connection.server,
		);
		const owner = await ns.core.createNamespacedConfigMap({
			namespace: ns.name,
			body: {metadata: {name: 'cfg'}, data: {k: 'v', 'app.conf': 'x'}},
		});
		await ns.core.createNamespacedSecret({namespace: ns.name, body: {metadata: {name: 'sec'}, stringData: {pw: 'p'}}});
		for (const object of objects) {
			const body = structuredClone(object) as any;
			if (object.kind === 'Pod') {
				// A real server computes priority from the class (admission refuses a given value), and
				// garbage-collects a pod whose controller does not exist: it is owned by the ConfigMap here.
				delete body.spec.priority;
				if (body.metadata.ownerReferences) {
					body.metadata.ownerReferences = [{apiVersion: 'v1', kind: 'ConfigMap', name: 'cfg', uid: owner.metadata!.uid, controller: true}];
				}
				await ns.core.createNamespacedPod({namespace: ns.name, body});
			} else {
				await ns.core.createNamespacedService({namespace: ns.name, body});
			}
		}

		for (const index of [1, 2, 3, 4]) {
			await ns.core.createNamespacedPod({
				namespace: ns.name,
				body: {
					metadata: {name: `replica-${index}`, labels: {app: 'web'}},
					spec: {containers: [{name: 'web', image: 'nginx', ports: [{containerPort: 8443}]}]},
				},
			});
		}

		// Created after the pods, so its defaults do not change them.
		await ns.core.createNamespacedLimitRange({
			namespace: ns.name,
			body: {
				metadata: {name: 'limits'},
				spec: {
					limits: [
						{type: 'Container', max: {cpu: '2'}},
						{type: 'Pod', max: {memory: '4Gi'}},
					],
				},
			},
		});
		await ns.core.createNamespacedResourceQuota({
			namespace: ns.name,
			body: {metadata: {name: 'quota'}, spec: {hard: {pods: '20', 'requests.cpu': '8'}}},
		});
		cluster = new KubeCluster(connection, {namespace: ns.name, tuning: {coalesceMs: 5}});
		systemCluster = new KubeCluster(connection, {namespace: 'kube-system', tuning: {coalesceMs: 5}});
	});

	after(async () => {
		stopAll();
		cluster?.close();
		systemCluster?.close();
		await ns?.remove();
	});

	const describePodTest = (clusterOf: () => KubeCluster, namespace: () => string, name: string) => async () => {
		const pod = opened(clusterOf().watchPod(namespace(), name));
		const events = opened(clusterOf().watchEvents(namespace(), 'Pod', name));
		await waitFor(
			() => pod.getSnapshot().synced && events.getSnapshot().synced && Boolean(pod.getSnapshot().items[0]),
			`pod ${name} and its events in kpods' stores`,
			60_000,
		);
		await kubectlSameAs(
			() => kubectl('describe', 'pod', name, '-n', namespace()),
			() => podDescribeText(pod.getSnapshot().items[0]!, events.getSnapshot().items, Date.now()),
			60_000,
		);
	};

	const describeServiceTest = (clusterOf: () => KubeCluster, namespace: () => string, name: string) => async () => {
		const events = opened(clusterOf().watchEvents(namespace(), 'Service', name));
		const {services: serviceStore, endpoints} = clusterOf();
		await waitFor(
			() => serviceStore.getSnapshot().synced && endpoints.getSnapshot().synced && events.getSnapshot().synced,
			`service ${name}, endpoints and events in kpods' stores`,
			60_000,
		);
		const text = () => {
			const service = serviceStore.getSnapshot().items.find(each => each.name === name)?.object;
			assert.ok(service, `service ${name} in kpods' store`);
			return serviceDescribeText(service, endpoints.getSnapshot().items, events.getSnapshot().items, Date.now());
		};

		await kubectlSameAs(() => kubectl('describe', 'service', name, '-n', namespace()), text, 60_000);
	};

	for (const name of pods) {
		test(
			`kubectl describe pod ${name}`,
			describePodTest(
				() => cluster,
				() => ns.name,
				name,
			),
		);
	}
	for (const name of services) {
		test(
			`kubectl describe service ${name}`,
			describeServiceTest(
				() => cluster,
				() => ns.name,
				name,
			),
		);
	}

	test('kubectl describe of every pod and service in kube-system', async () => {
		const podList = await api.getJson<KubeList<{metadata: {name: string}}>>('/api/v1/namespaces/kube-system/pods');
		const serviceList = await api.getJson<KubeList<Service>>('/api/v1/namespaces/kube-system/services');
		assert.ok(podList.items.length + serviceList.items.length > 0, 'kube-system has objects');
		for (const pod of podList.items) {
			await describePodTest(
				() => systemCluster,
				() => 'kube-system',
				pod.metadata.name,
			)();
		}
		for (const service of serviceList.items) {
			await describeServiceTest(
				() => systemCluster,
				() => 'kube-system',
				service.metadata.name!,
			)();
		}
	});

	// The node and namespace details as the UI makes them: the nodes and namespaces panes' stores,
	// and the stores the detail opens (a node's pods in every namespace, its lease, its events; a
	// namespace's quotas and limit ranges), read through the describe functions the detail calls.
	test('the node detail equals kubectl describe node (every node), and the nodes pane kubectl get nodes -o wide', async () => {
		const nodes = cluster.nodes;
		await waitFor(() => nodes.getSnapshot().synced, 'the nodes store', 60_000);
		assert.ok(nodes.getSnapshot().items.length > 0, 'the lab has a node');
		// The real server's own printers (server-side Tables) against kpods' cells.
		await kubectlSameAs(
			() => kubectl('get', 'nodes', '-o', 'wide'),
			() => rowTableText(nodeColumns, nodeRowColumns, nodes.getSnapshot().items, true),
			60_000,
		);
		for (const {name} of nodes.getSnapshot().items) {
			const pods = opened(cluster.watchPodsOnNode(name));
			const lease = opened(cluster.watchNodeLease(name));
			const events = opened(cluster.watchEvents('', 'Node', name));
			await waitFor(
				() => pods.getSnapshot().synced && lease.getSnapshot().synced && events.getSnapshot().synced,
				`node ${name}'s pods, lease and events in kpods' stores`,
				60_000,
			);
			const text = () => {
				const node = nodes.getSnapshot().items.find(row => row.name === name)!.object;
				return nodeDescribeText(
					node,
					{pods: pods.getSnapshot(), lease: lease.getSnapshot(), events: events.getSnapshot().items},
					Date.now(),
				);
			};
			await kubectlSameAs(() => kubectl('describe', 'node', name), text, 60_000);
		}
	});

	test('the namespace detail equals kubectl describe namespace (a quota and limit ranges; default, kube-system), the pane kubectl get namespaces', async () => {
		const namespaces = cluster.namespaces;
		await waitFor(() => namespaces.getSnapshot().items.some(row => row.name === ns.name), 'the namespaces store', 60_000);
		await kubectlSameAs(
			async () =>
				// Other sessions' namespaces come and go on the lab: only the ones both list at the same moment can be compared.
				await kubectl('get', 'namespaces', 'default', 'kube-system', ns.name),
			() =>
				rowTableText(
					namespaceColumns,
					namespaceRowColumns,
					['default', 'kube-system', ns.name].map(name => namespaces.getSnapshot().items.find(row => row.name === name)!),
					false,
				),
			60_000,
		);
		for (const name of [ns.name, 'default', 'kube-system']) {
			const quotas = opened(cluster.watchQuotas(name));
			const limits = opened(cluster.watchLimitRanges(name));
			await waitFor(
				() => quotas.getSnapshot().synced && limits.getSnapshot().synced,
				`namespace ${name}'s quotas and limit ranges`,
				60_000,
			);
			const text = () =>
				namespaceDescribeText(namespaces.getSnapshot().items.find(row => row.name === name)!.object, {
					quotas: quotas.getSnapshot(),
					limitRanges: limits.getSnapshot(),
				});
			await kubectlSameAs(() => kubectl('describe', 'namespace', name), text, 60_000);
		}
	});
});
