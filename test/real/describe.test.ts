// kpods' describe text against the machine's kubectl (v1.32) on the real cluster KUBECONFIG points
// at (the lab is v1.20): the objects of test/describe/objects/ (adapted where a real server
// differs), the cluster's own pods and services, the node, and namespaces with quotas and limit
// ranges. Each object is fetched the way kpods fetches it; kubectl's whole output must equal
// kpods' text made just before or just after it ran.
import {after, before, describe, test} from 'node:test';
import assert from 'node:assert/strict';
import {execFile, execFileSync} from 'node:child_process';
import {readdirSync, readFileSync} from 'node:fs';
import {ApiClient} from '../../source/cluster/api-client.js';
import {applyCredentials} from '../../source/cluster/credentials.js';
import {KubeCluster} from '../../source/cluster/kube-cluster.js';
import {connectionFromText, type Connection} from '../../source/cluster/kubeconfig.js';
import type {ResourceStore} from '../../source/cluster/types.js';
import {podDescribeText, serviceDescribeText} from '../../source/derive/describe.js';
import {describeNamespace} from '../../source/describe/namespace.js';
import {describeNode} from '../../source/describe/node.js';
import type {KubeList, Service} from '../../source/k8s/types.js';
import {waitFor} from '../sandbox/helpers.js';
import {kubectlSameAs} from '../describe/oracle.js';
import {realNamespace, type RealNamespace} from './real-cluster.js';

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

const kubectl = async (...args: string[]): Promise<string> =>
	new Promise((resolve, reject) => {
		execFile('kubectl', args, {timeout: 60_000}, (error, stdout, stderr) =>
			error ? reject(new Error(`kubectl ${args.join(' ')}: ${stderr}`)) : resolve(stdout),
		);
	});

describe('describe text against kubectl describe, on the real cluster', () => {
	let ns: RealNamespace;
	let connection: Connection;
	let cluster: KubeCluster;
	let systemCluster: KubeCluster;
	let api: ApiClient;
	const stores: Array<ResourceStore<unknown>> = [];
	const opened = <T>(store: ResourceStore<T>): ResourceStore<T> => {
		stores.push(store as ResourceStore<unknown>);
		return store;
	};

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
		for (const store of stores) {
			store.stop();
		}
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

	test('kubectl describe node (every node)', async () => {
		const nodes = await api.getJson<KubeList<any>>('/api/v1/nodes');
		for (const listed of nodes.items) {
			const name = listed.metadata.name as string;
			const text = async () => {
				const node = await api.getJson<any>(`/api/v1/nodes/${name}`);
				const onNode = await api.getJson<KubeList<any>>(
					`/api/v1/pods?fieldSelector=${encodeURIComponent(`spec.nodeName=${name},status.phase!=Succeeded,status.phase!=Failed`)}`,
				);
				const lease = await api.getJson<any>(`/apis/coordination.k8s.io/v1/namespaces/kube-node-lease/leases/${name}`).then(
					body => ({lease: body}),
					(error: Error) => ({error: error.message}),
				);
				const events = await api.getJson<KubeList<any>>(
					`/api/v1/events?fieldSelector=${encodeURIComponent(`involvedObject.kind=Node,involvedObject.name=${name}`)}`,
				);
				return describeNode(node, onNode.items, lease, events.items, Date.now());
			};

			await kubectlSameAs(() => kubectl('describe', 'node', name), text, 60_000);
		}
	});

	test('kubectl describe namespace (with a resource quota and limit ranges; default, kube-system)', async () => {
		for (const name of [ns.name, 'default', 'kube-system']) {
			const text = async () => {
				const namespace = await api.getJson<any>(`/api/v1/namespaces/${name}`);
				const quotas = await api.getJson<KubeList<any>>(`/api/v1/namespaces/${name}/resourcequotas`);
				const limits = await api.getJson<KubeList<any>>(`/api/v1/namespaces/${name}/limitranges`);
				return describeNamespace(namespace, quotas.items, limits.items);
			};

			await kubectlSameAs(() => kubectl('describe', 'namespace', name), text, 60_000);
		}
	});
});
