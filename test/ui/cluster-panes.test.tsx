import './force-color.js';
import assert from 'node:assert/strict';
import {afterEach, describe, test} from 'node:test';
import {cleanup} from 'ink-testing-library';
import {namespaceDescribeText, nodeDescribeText} from '../../source/derive/describe.js';
import type {Lease} from '../../source/describe/types.js';
import type {Event, Namespace, Node} from '../../source/k8s/types.js';
import {loadFixtures} from '../fixtures/fixtures.js';
import {FakeCluster, FakeStore} from './fake-cluster.js';
import {assertGolden} from './golden.js';
import {keys, renderApp, testNow, waitFor} from './harness.js';
import {tutorialPods} from './tutorial-objects.js';

afterEach(() => cleanup());

// The fixtures made for the tests' clock (the lab's node, recorded later, is another minikube).
const nodes = loadFixtures<Node>('nodes')
	.filter(fixture => Date.parse(fixture.now) === testNow)
	.map(fixture => fixture.object);
const namespaces = loadFixtures<Namespace>('namespaces').map(fixture => fixture.object);
const minikube = nodes.find(node => node.metadata.name === 'minikube')!;
const nodeEvent = loadFixtures<Event>('events').find(fixture => fixture.file === 'node.json')!.object;
const lease: Lease = {
	metadata: {name: 'minikube', namespace: 'kube-node-lease'},
	spec: {holderIdentity: 'minikube', renewTime: '2026-11-24T11:59:58.000000Z'},
};

/** A cluster whose nodes and namespaces are the real-object fixtures, in the server's (name) order. */
function clusterWithNodes(): FakeCluster {
	const cluster = new FakeCluster({}, tutorialPods());
	const byName = (a: {metadata: {name?: string}}, b: {metadata: {name?: string}}) => (a.metadata.name! < b.metadata.name! ? -1 : 1);
	cluster.setNodes([...nodes].sort(byName));
	cluster.setNamespaces([...namespaces].sort(byName));
	cluster.events = [nodeEvent];
	cluster.leases.set('minikube', lease);
	return cluster;
}

describe('the nodes pane', () => {
	test('5 shows kubectl get nodes -o wide, live; :no, :node and :nodes too', async () => {
		const cluster = clusterWithNodes();
		const app = await renderApp({cluster, columns: 160, rows: 12});
		await app.press('5');
		assertGolden('nodes-wide', app.lastFrame()!);
		for (const word of ['no', 'node', 'nodes']) {
			await app.press('1', ':', ...word, keys.enter);
			assert.match(app.frame(), /⟦ 5 Nodes 5 ⟧/, `:${word}`);
		}
		// Cordoned while shown: the row follows the store.
		cluster.setNodes(nodes.map(node => (node === minikube ? {...node, spec: {...node.spec, unschedulable: true}} : node)));
		await waitFor(() => /minikube\s+Ready,SchedulingDisabled/.test(app.frame()), 'minikube cordoned');
	});

	test('on 80 columns the tabs shorten to fit and the wide columns leave', async () => {
		const app = await renderApp({cluster: clusterWithNodes(), columns: 80, rows: 12});
		await app.press('5');
		assertGolden('nodes-80-columns', app.lastFrame()!);
		for (const line of app.frame().replaceAll(/[⟦⟧]/g, '').split('\n')) {
			assert.ok(line.length <= 80, `fits 80 columns: ${line}`);
		}
	});

	test('/ filters the nodes by text', async () => {
		const app = await renderApp({cluster: clusterWithNodes(), columns: 120, rows: 12});
		await app.press('5', '/', ...'NotReady', keys.enter);
		const rows = app
			.frame()
			.split('\n')
			.filter(line => /^⟦?(cp-2|fresh|minikube|worker-\d)\s/.test(line));
		assert.deepEqual(
			rows.map(line => line.replace('⟦', '').split(/\s+/)[0]),
			['worker-1', 'worker-2'],
		);
	});

	test('Enter describes the node as kubectl describe node does: its pods in every namespace, its lease, its events', async () => {
		const cluster = clusterWithNodes();
		const app = await renderApp({cluster, columns: 180, rows: 85});
		await app.press('5', 'j', 'j', keys.enter);
		await waitFor(() => app.frame().includes('Events:'), 'the node detail');
		assert.deepEqual(
			cluster.calls.filter(call => call.method.startsWith('watch')).map(call => [call.method, ...call.args]),
			[
				['watchEvents', '', 'Node', 'minikube'],
				['watchPodsOnNode', 'minikube'],
				['watchNodeLease', 'minikube'],
			],
		);
		const pods = new FakeStore(tutorialPods());
		const expected = nodeDescribeText(
			minikube,
			{pods: pods.getSnapshot(), lease: new FakeStore([lease]).getSnapshot(), events: [nodeEvent]},
			testNow,
		);
		const shown = app.frame().split('\n');
		assert.equal(shown[2], 'Node minikube');
		for (const line of expected.trimEnd().split('\n')) {
			assert.ok(shown.includes(line.trimEnd()), `the detail shows ${JSON.stringify(line)}`);
		}
		assert.ok(shown.includes('  HolderIdentity:  minikube'), 'the lease');
		assert.ok(shown.includes('Non-terminated Pods:          (5 in total)'), 'the pods on the node');
		assertGolden('detail-node', app.lastFrame()!);
		// A node's detail shows it; the keys that act on pods and services are not bound there.
		await app.press('l', keys.ctrlD, 'e', 's', 'F');
		assert.deepEqual(
			cluster.calls.filter(call => ['openLogs', 'deleteObject', 'edit', 'openShell', 'planForward'].includes(call.method)),
			[],
		);
		assert.match(app.frame(), /↑↓ move {2}\/ search {2}q back$/m);
	});

	test('the node detail is live: a cordon shows, and y switches to its YAML', async () => {
		const cluster = clusterWithNodes();
		cluster.objects.set('Node//minikube', minikube as unknown as Record<string, unknown>);
		const app = await renderApp({cluster, columns: 110, rows: 40});
		await app.press('5', 'j', 'j', keys.enter);
		await waitFor(() => app.frame().includes('Unschedulable:      false'), 'schedulable');
		cluster.setNodes(nodes.map(node => (node === minikube ? {...node, spec: {...node.spec, unschedulable: true}} : node)));
		await waitFor(() => app.frame().includes('Unschedulable:      true'), 'the cordon, live');
		await app.press('y');
		await waitFor(() => app.frame().includes('kind: Node'), 'the YAML');
		assert.match(app.frame(), /^Node minikube — YAML \(y: describe\)/m);
		assert.match(app.frame(), /kubectl get node minikube -o yaml/);
		assert.deepEqual(
			cluster.calls.filter(call => call.method === 'getObject').map(call => call.args),
			[['Node', '', 'minikube']],
		);
	});

	test("403 on nodes: the pane shows the server's one line, the other panes keep working", async () => {
		const cluster = new FakeCluster({}, tutorialPods());
		const message = 'nodes is forbidden: User "dev" cannot list resource "nodes" in API group "" at the cluster scope';
		cluster.nodes.set([], {kind: 'forbidden', reason: message}, false);
		const app = await renderApp({cluster, columns: 120, rows: 12});
		await app.press('5');
		assert.match(app.frame(), new RegExp(`^forbidden: ${message.replaceAll('"', '"')}$`, 'm'));
		assert.match(app.frame(), /● live/, 'the pods store is what the header reports');
		await app.press(keys.enter);
		assert.equal(cluster.calls.filter(call => call.method.startsWith('watch')).length, 0, 'nothing to describe');
		await app.press('1');
		assert.match(app.frame(), /⟦o-primeiro-pod /);
	});
});

describe('the namespaces pane', () => {
	test(':namespaces shows kubectl get namespaces; Enter describes one', async () => {
		const cluster = clusterWithNodes();
		cluster.quotas.set('kube-system', [{metadata: {name: 'pods'}, spec: {}, status: {hard: {pods: '20'}, used: {pods: '7'}}}]);
		const app = await renderApp({cluster, columns: 100, rows: 20});
		await app.press(':', ...'namespaces', keys.enter);
		assertGolden('namespaces', app.lastFrame()!);
		await app.press('j', keys.enter);
		await waitFor(() => app.frame().includes('Resource Quotas'), 'the namespace detail');
		const kubeSystem = namespaces.find(namespace => namespace.metadata.name === 'kube-system')!;
		const expected = namespaceDescribeText(kubeSystem, {
			quotas: new FakeStore(cluster.quotas.get('kube-system')!).getSnapshot(),
			limitRanges: new FakeStore([]).getSnapshot(),
		});
		const shown = app.frame().split('\n');
		assert.equal(shown[2], 'Namespace kube-system');
		assert.deepEqual(
			shown.slice(3, 3 + expected.trimEnd().split('\n').length),
			expected
				.trimEnd()
				.split('\n')
				.map(line => line.trimEnd() || ''),
		);
		assert.deepEqual(
			cluster.calls.filter(call => call.method.startsWith('watch')).map(call => [call.method, ...call.args]),
			[
				['watchQuotas', 'kube-system'],
				['watchLimitRanges', 'kube-system'],
			],
		);
	});

	test('u uses the selected namespace: kpods shows its pods', async () => {
		const cluster = clusterWithNodes();
		const app = await renderApp({cluster, columns: 100, rows: 12});
		await app.press('6', 'j', 'u');
		await waitFor(() => cluster.calls.some(call => call.method === 'withNamespace'), 'the switch');
		assert.deepEqual(cluster.calls.find(call => call.method === 'withNamespace')?.args, ['kube-system']);
		await waitFor(() => /ns kube-system/.test(app.frame()) && /⟦ 1 Pods/.test(app.frame()), 'the pods of kube-system');
	});

	test(':ns NAME still switches namespace, and :namespace NAME too', async () => {
		for (const line of ['ns kube-system', 'namespace kube-system']) {
			const cluster = clusterWithNodes();
			const app = await renderApp({cluster, columns: 100, rows: 12});
			await app.press(':', ...line, keys.enter);
			await waitFor(() => cluster.calls.some(call => call.method === 'withNamespace'), `:${line}`);
			assert.deepEqual(cluster.calls.find(call => call.method === 'withNamespace')?.args, ['kube-system']);
			cleanup();
		}
	});
});
