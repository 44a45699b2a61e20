// kpods' describe text against the real kubectl (v1.32) as the oracle, on the sandbox: for a
// table of objects (test/describe/objects/), `kubectl describe` output is compared whole with
// the text kpods makes for the same object, fetched the way kpods fetches it (the pod's own
// watch, the services and endpoints stores, the object's event watch). Ages are not masked:
// kpods' text is made just before and just after kubectl runs, and kubectl's must equal one of
// them (retried while a clock second ticks over in between). Skipped, saying so, without kubectl.
import {after, before, describe, test} from 'node:test';
import assert from 'node:assert/strict';
import {readdirSync, readFileSync} from 'node:fs';
import {KubeCluster} from '../../source/cluster/kube-cluster.js';
import {connectionFromText, type Connection} from '../../source/cluster/kubeconfig.js';
import {podDescribeText, serviceDescribeText} from '../../source/derive/describe.js';
import {describeNamespace} from '../../source/describe/namespace.js';
import {describeNode} from '../../source/describe/node.js';
import type {Sandbox} from '../../source/sandbox/index.js';
import {api, fastSandbox, waitFor} from '../sandbox/helpers.js';
import {Kubectl, kubectlInstalled, skipWithoutKubectl} from '../kubectl.js';
import {kubectlSameAs, openedStores} from './oracle.js';

const namespace = 'describe';
const objectsDir = new URL('objects/', import.meta.url);
const objects = readdirSync(objectsDir)
	.filter(file => file.endsWith('.json'))
	.sort()
	.map(file => JSON.parse(readFileSync(new URL(file, objectsDir), 'utf8')) as {kind: string; metadata: {name: string}});
const pods = objects.filter(object => object.kind === 'Pod').map(object => object.metadata.name);
const services = objects.filter(object => object.kind === 'Service').map(object => object.metadata.name);
const replicas = ['replica-1', 'replica-2', 'replica-3', 'replica-4'];

describe('describe text against kubectl describe (the oracle), on the sandbox', () => {
	let sandbox: Sandbox;
	let client: Kubectl;
	let cluster: KubeCluster;
	const kubectl = async (...args: string[]): Promise<string> => client.output(...args);
	const skipped = skipWithoutKubectl;

	const create = async (path: string, body: unknown) => {
		const reply = await api(sandbox, path, {method: 'POST', body});
		assert.equal(reply.code, 201, reply.text);
	};

	const {opened, stopAll} = openedStores();

	before(async () => {
		if (!kubectlInstalled) {
			return;
		}
		sandbox = await fastSandbox();
		client = new Kubectl(sandbox.kubeconfig());
		await create('/api/v1/namespaces', {
			apiVersion: 'v1',
			kind: 'Namespace',
			metadata: {name: namespace, labels: {team: 'kpods'}, annotations: {purpose: 'describe oracle'}},
		});
		for (const object of objects) {
			await create(`/api/v1/namespaces/${namespace}/${object.kind === 'Pod' ? 'pods' : 'services'}`, object);
		}
		for (const name of replicas) {
			await create(`/api/v1/namespaces/${namespace}/pods`, {
				apiVersion: 'v1',
				kind: 'Pod',
				metadata: {name, labels: {app: 'web'}},
				spec: {containers: [{name: 'web', image: 'nginx', ports: [{containerPort: 8443}]}]},
			});
		}

		// Every pod settles: Running, or left unscheduled (those whose node selector no node has).
		await waitFor(async () => {
			for (const name of [...pods, ...replicas]) {
				const status = (await api(sandbox, `/api/v1/namespaces/${namespace}/pods/${name}`)).body?.status;
				const unschedulable = status?.conditions?.some(
					(condition: {type: string; reason?: string}) => condition.type === 'PodScheduled' && condition.reason === 'Unschedulable',
				);
				assert.ok(status?.phase === 'Running' || unschedulable, `${name}: ${status?.phase}`);
			}
		}, 30_000);
		const selected = connectionFromText(sandbox.kubeconfig(), {sandbox: true});
		assert.equal(selected.kind, 'ok');
		cluster = new KubeCluster((selected as {connection: Connection}).connection, {namespace, tuning: {coalesceMs: 5}});
	});

	after(async () => {
		if (!kubectlInstalled) {
			return;
		}
		stopAll();
		cluster.close();
		await sandbox.close();
		client.remove();
	});

	for (const name of pods) {
		test(`kubectl describe pod ${name}`, async t => {
			if (skipped(t)) {
				return;
			}
			const pod = opened(cluster.watchPod(namespace, name));
			const events = opened(cluster.watchEvents(namespace, 'Pod', name));
			await waitFor(
				() => pod.getSnapshot().synced && events.getSnapshot().synced && Boolean(pod.getSnapshot().items[0]),
				`pod ${name} and its events in kpods' stores`,
				30_000,
			);
			await kubectlSameAs(
				() => kubectl('describe', 'pod', name, '-n', namespace),
				() => podDescribeText(pod.getSnapshot().items[0]!, events.getSnapshot().items, Date.now()),
			);
		});
	}

	test("kubectl describe pod with 40 events, many in the same second (Go's unstable sort orders ties)", async t => {
		if (skipped(t)) {
			return;
		}
		await create(`/api/v1/namespaces/${namespace}/pods`, {
			apiVersion: 'v1',
			kind: 'Pod',
			metadata: {name: 'chatty'},
			spec: {containers: [{name: 'app', image: 'nginx'}]},
		});
		const uid = (await api(sandbox, `/api/v1/namespaces/${namespace}/pods/chatty`)).body.metadata.uid as string;
		const base = Date.parse('2026-11-30T08:00:00Z');
		for (let index = 0; index < 40; index++) {
			// Listed by name; the timestamps repeat in a pattern, so most events tie with others.
			const at = new Date(base + ((index * 7) % 5) * 1000).toISOString().replace(/\.\d+Z$/, 'Z');
			await create(`/api/v1/namespaces/${namespace}/events`, {
				apiVersion: 'v1',
				kind: 'Event',
				metadata: {name: `chatty.${String(index).padStart(2, '0')}`},
				involvedObject: {apiVersion: 'v1', kind: 'Pod', name: 'chatty', namespace, uid},
				reason: `Reason${index}`,
				message: `event ${index}`,
				type: index % 9 === 0 ? 'Warning' : 'Normal',
				source: {component: 'tester'},
				firstTimestamp: at,
				lastTimestamp: at,
				count: 1 + (index % 3),
			});
		}

		const pod = opened(cluster.watchPod(namespace, 'chatty'));
		const events = opened(cluster.watchEvents(namespace, 'Pod', 'chatty'));
		await waitFor(
			() => Boolean(pod.getSnapshot().items[0]) && events.getSnapshot().items.length >= 40,
			`the pod and its 40 events (${events.getSnapshot().items.length} so far)`,
			30_000,
		);
		await kubectlSameAs(
			() => kubectl('describe', 'pod', 'chatty', '-n', namespace),
			() => podDescribeText(pod.getSnapshot().items[0]!, events.getSnapshot().items, Date.now()),
		);
	});

	for (const name of services) {
		test(`kubectl describe service ${name}`, async t => {
			if (skipped(t)) {
				return;
			}
			const events = opened(cluster.watchEvents(namespace, 'Service', name));
			await waitFor(
				() => cluster.services.getSnapshot().synced && cluster.endpoints.getSnapshot().synced && events.getSnapshot().synced,
				`services, endpoints and events of ${name} in kpods' stores`,
				30_000,
			);
			const text = () => {
				const service = cluster.services.getSnapshot().items.find(each => each.name === name);
				assert.ok(service, `service ${name} in kpods' store`);
				return serviceDescribeText(service.object, cluster.endpoints.getSnapshot().items, events.getSnapshot().items, Date.now());
			};

			await kubectlSameAs(() => kubectl('describe', 'service', name, '-n', namespace), text);
		});
	}

	test('kubectl describe node minikube', async t => {
		if (skipped(t)) {
			return;
		}
		const text = async () => {
			const node = (await api(sandbox, '/api/v1/nodes/minikube')).body;
			const onNode = (
				await api(sandbox, '/api/v1/pods?fieldSelector=spec.nodeName%3Dminikube%2Cstatus.phase!%3DSucceeded%2Cstatus.phase!%3DFailed')
			).body.items;
			const lease = await api(sandbox, '/apis/coordination.k8s.io/v1/namespaces/kube-node-lease/leases/minikube');
			const events = (await api(sandbox, '/api/v1/events?fieldSelector=involvedObject.kind%3DNode%2CinvolvedObject.name%3Dminikube')).body
				.items;
			return describeNode(node, onNode, lease.code === 200 ? {lease: lease.body} : {error: lease.body?.message}, events, Date.now());
		};

		await kubectlSameAs(() => kubectl('describe', 'node', 'minikube'), text);
	});

	for (const name of [namespace, 'default', 'kube-system']) {
		test(`kubectl describe namespace ${name} (the sandbox serves no quotas or limit ranges)`, async t => {
			if (skipped(t)) {
				return;
			}
			await kubectlSameAs(
				() => kubectl('describe', 'namespace', name),
				async () => describeNamespace((await api(sandbox, `/api/v1/namespaces/${name}`)).body, undefined, undefined),
			);
		});
	}
});
