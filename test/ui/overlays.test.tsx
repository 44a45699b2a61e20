import './force-color.js';
import assert from 'node:assert/strict';
import {afterEach, describe, test} from 'node:test';
import {cleanup} from 'ink-testing-library';
import type {Event} from '../../source/k8s/types.js';
import {serviceRow} from '../../source/format/service.js';
import {FakeCluster} from './fake-cluster.js';
import {assertGolden} from './golden.js';
import {keys, renderApp, waitFor} from './harness.js';
import {svcPod, tutorialPods} from './tutorial-objects.js';

afterEach(() => cleanup());

const scheduled: Event = {
	metadata: {name: 'pod-1.187a0c4e5f6b7c8d', namespace: 'default'},
	involvedObject: {kind: 'Pod', namespace: 'default', name: 'pod-1', uid: '7bf2ae97-f4de-47cd-973a-5058ad61d8d4', apiVersion: 'v1'},
	reason: 'Scheduled',
	message: 'Successfully assigned default/pod-1 to minikube',
	source: {component: 'default-scheduler'},
	firstTimestamp: null,
	lastTimestamp: null,
	eventTime: '2026-11-24T11:47:00.000000Z',
	type: 'Normal',
	reportingComponent: 'default-scheduler',
};
const pulled: Event = {
	metadata: {name: 'pod-1.187a0c4e6a1b2c3d', namespace: 'default'},
	involvedObject: {
		kind: 'Pod',
		namespace: 'default',
		name: 'pod-1',
		uid: '7bf2ae97-f4de-47cd-973a-5058ad61d8d4',
		fieldPath: 'spec.containers{pod-1}',
	},
	reason: 'Pulled',
	message: 'Successfully pulled image "nginx" in 1.21s (1.21s including waiting). Image size: 72080558 bytes.',
	source: {component: 'kubelet', host: 'minikube'},
	firstTimestamp: '2026-11-24T11:47:02Z',
	lastTimestamp: '2026-11-24T11:47:02Z',
	count: 1,
	type: 'Normal',
};

function tutorialCluster(): FakeCluster {
	const cluster = new FakeCluster({}, tutorialPods());
	cluster.services.set([serviceRow(svcPod)]);
	cluster.events = [pulled, scheduled];
	return cluster;
}

describe('overlays', () => {
	test('help is generated from the keymap, per pane', async () => {
		const app = await renderApp({cluster: tutorialCluster(), rows: 40});
		await app.press('?');
		assertGolden('help-pods', app.lastFrame()!);
		await app.press(keys.escape, '3', '?');
		assert.match(app.frame(), /^Manifests pane/m);
		assert.match(app.frame(), /^ {2}A {9}apply all, in tutorial order \(services before pods; asks first\)$/m);
	});

	test('readonly marks the keys that change the cluster in help', async () => {
		const app = await renderApp({cluster: tutorialCluster(), rows: 40, readonly: true});
		await app.press('?');
		assert.match(app.frame(), /^ {2}ctrl-d {4}delete the selected object \(asks first\) {3}\(disabled: --readonly\)$/m);
	});

	test('Enter shows the pod like kubectl describe, with its services and events', async () => {
		const cluster = tutorialCluster();
		const app = await renderApp({cluster, rows: 50, columns: 110});
		await app.press('j', keys.enter);
		await waitFor(() => app.frame().includes('Events:'), 'events');
		assertGolden('detail-pod', app.lastFrame()!);
		assert.deepEqual(
			cluster.calls.filter(call => call.method.startsWith('watch')).map(call => call.args),
			[
				['default', 'pod-1'],
				['default', 'Pod', 'pod-1'],
			],
		);
	});

	test('ctrl-d asks, y deletes, and the result shows with its kubectl command', async () => {
		const cluster = tutorialCluster();
		cluster.answer = {ok: true, lines: ['pod "pod-1" deleted'], kubectl: 'kubectl delete pod pod-1'};
		const app = await renderApp({cluster});
		await app.press('j', keys.ctrlD);
		assertGolden('confirm-delete', app.lastFrame()!);
		await app.press('y');
		await waitFor(() => app.frame().includes('pod "pod-1" deleted'), 'result');
		assert.deepEqual(
			cluster.calls.filter(call => call.method === 'deleteObject').map(call => call.args),
			[['Pod', 'default', 'pod-1']],
		);
		assert.match(app.frame(), /^pod "pod-1" deleted {3}\$ kubectl delete pod pod-1$/m);
		await app.press('h');
		assertGolden('history', app.lastFrame()!);
	});

	test('ctrl-d then Enter keeps the pod (No is the default)', async () => {
		const cluster = tutorialCluster();
		const app = await renderApp({cluster});
		await app.press(keys.ctrlD, keys.enter);
		assert.equal(cluster.calls.filter(call => call.method === 'deleteObject').length, 0);
		assert.match(app.frame(), /delete of pod "o-primeiro-pod" cancelled/);
	});

	test('--readonly refuses delete with a message', async () => {
		const cluster = tutorialCluster();
		const app = await renderApp({cluster, readonly: true});
		await app.press(keys.ctrlD);
		assert.match(app.frame(), /read-only mode \(--readonly\): "delete the selected object \(asks first\)" is disabled/);
		assert.equal(cluster.calls.filter(call => call.method === 'deleteObject').length, 0);
		assert.doesNotMatch(app.frame(), /ctrl-d delete/, 'the footer does not offer it');
	});

	test('r runs a pod like kubectl run, and selects it', async () => {
		const cluster = tutorialCluster();
		cluster.answer = {ok: true, lines: ['pod/testando2 created'], kubectl: 'kubectl run testando2 --image=nginx'};
		const app = await renderApp({cluster});
		await app.press('r', ...'testando2'.split(''), keys.tab, ...'nginx'.split(''));
		assertGolden('run-prompt', app.lastFrame()!);
		await app.press(keys.enter);
		await waitFor(() => app.frame().includes('pod/testando2 created'), 'result');
		assert.deepEqual(
			cluster.calls.filter(call => call.method === 'runPod').map(call => call.args),
			[['default', 'testando2', 'nginx']],
		);
		assert.match(app.frame(), /\$ kubectl run testando2 --image=nginx/);
	});

	test('n picks a namespace; a forbidden list lets the user type one', async () => {
		const cluster = tutorialCluster();
		const app = await renderApp({cluster});
		await app.press('n');
		await waitFor(() => app.frame().includes('(all namespaces)'), 'picker');
		assertGolden('namespace-picker', app.lastFrame()!);
		await app.press('j', 'j', keys.enter);
		await waitFor(() => app.frame().includes('ns kube-system'), 'switched');
		assert.deepEqual(cluster.calls.at(-1), {method: 'withNamespace', args: ['kube-system']});
		assert.equal(cluster.closed, true, "the old cluster's watches stop");

		const forbidden = tutorialCluster();
		forbidden.namespaceList = {
			ok: false,
			forbidden: true,
			message: 'namespaces is forbidden: User "dev" cannot list resource "namespaces" in API group "" at the cluster scope',
		};
		const other = await renderApp({cluster: forbidden});
		await other.press('n');
		await waitFor(() => other.frame().includes('cannot list namespaces'), 'prompt');
		await other.press(...'demo'.split(''), keys.enter);
		await waitFor(() => other.frame().includes('ns demo'), 'switched');
	});
});

describe('no colour', () => {
	test('NO_COLOR: no colour codes, but the selection stays visible (inverse)', async () => {
		const {makeTheme} = await import('../../source/ui/theme.js');
		const coloured = await renderApp({cluster: tutorialCluster()});
		assert.match(coloured.lastFrame()!, /\u001B\[33mCrashLoopBackOff/, 'a warning is yellow');
		const plain = await renderApp({cluster: tutorialCluster(), theme: makeTheme({NO_COLOR: '1'})});
		assert.doesNotMatch(plain.lastFrame()!, /\u001B\[(3\d|9\d)m/);
		assert.match(plain.lastFrame()!, /\u001B\[7m/);
	});
});

describe('contexts', () => {
	test(":ctx lists the kubeconfig's contexts; picking one rebuilds the cluster on it", async () => {
		const cluster = tutorialCluster();
		const app = await renderApp({cluster});
		await app.press(':', ...'ctx'.split(''), keys.enter);
		assertGolden('context-picker', app.lastFrame()!);
		await app.press('j', keys.enter);
		await waitFor(() => app.frame().includes('ctx kind-dev'), 'switched');
		assert.equal(cluster.closed, true);
		assert.match(app.frame(), /context: kind-dev \(namespace default\)/);
	});

	test('an unknown context is one line, and nothing changes', async () => {
		const cluster = tutorialCluster();
		const app = await renderApp({cluster});
		await app.press(':', ...'ctx nope'.split(''), keys.enter);
		assert.match(app.frame(), /cannot switch to context "nope": context was not found for specified context: nope/);
		assert.match(app.frame(), /ctx minikube/);
		assert.equal(cluster.closed, false);
	});
});

describe(': commands', () => {
	test('the : line lists what Tab completes, and Tab completes a namespace from the cluster', async () => {
		const cluster = tutorialCluster();
		const app = await renderApp({cluster});
		await app.press(':');
		assertGolden('command-prompt', app.lastFrame()!);
		await app.press('n', 's', ' ', 'k', keys.tab);
		await waitFor(() => app.frame().includes(':ns kube-system'), 'completed from the namespaces');
		assert.equal(cluster.calls.filter(call => call.method === 'listNamespaces').length, 1);
		await app.press(keys.enter);
		await waitFor(() => app.frame().includes('ns kube-system'), 'switched');
		assert.deepEqual(cluster.calls.at(-1), {method: 'withNamespace', args: ['kube-system']});
	});
});

describe('no cluster', () => {
	test("the offer's keys come from the keymap: q quits, and s is only offered with a sandbox to start", async () => {
		const app = await renderApp({cluster: undefined, looked: ['/home/me/.kube/config']});
		assert.match(app.frame(), /^q: quit$/m);
		await app.press('x', 'q');
		assert.equal(app.quit.count, 1);
		const offering = await renderApp({cluster: undefined, startSandbox: async () => tutorialCluster()});
		assert.match(offering.frame(), /^s: start the sandbox {3}q: quit$/m);
		await offering.press('s');
		await waitFor(() => offering.frame().includes('ctx minikube'), 'the sandbox cluster on screen');
	});
});
