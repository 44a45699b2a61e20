import assert from 'node:assert/strict';
import {after, before, describe, test} from 'node:test';
import {mkdtempSync, rmSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {KubeCluster} from '../../source/cluster/kube-cluster.js';
import {connectionFromText, loadKubeconfig, type Connection} from '../../source/cluster/kubeconfig.js';
import type {ResourceStore} from '../../source/cluster/types.js';
import {startSandbox, type Sandbox} from '../../source/sandbox/index.js';
import {waitFor} from '../ui/harness.js';

const fast = {baseBackoffMs: 20, maxBackoffMs: 200, coalesceMs: 5, watchTimeoutSeconds: 30};

function connect(sandbox: Sandbox, token?: string): Connection {
	const selected = connectionFromText(sandbox.kubeconfig(token ? {token} : {}), {sandbox: true});
	assert.equal(selected.kind, 'ok');
	return (selected as {connection: Connection}).connection;
}

const names = <T extends {name: string}>(store: ResourceStore<T>) => store.getSnapshot().items.map(item => item.name);

async function createNamespace(sandbox: Sandbox, name: string) {
	const response = await fetch(`${sandbox.url}/api/v1/namespaces`, {
		method: 'POST',
		headers: {authorization: `Bearer ${sandbox.token}`, 'content-type': 'application/json'},
		body: JSON.stringify({apiVersion: 'v1', kind: 'Namespace', metadata: {name}}),
	});
	assert.equal(response.status, 201, await response.text());
}

async function createPod(sandbox: Sandbox, namespace: string, name: string, labels: Record<string, string> = {}) {
	const response = await fetch(`${sandbox.url}/api/v1/namespaces/${namespace}/pods`, {
		method: 'POST',
		headers: {authorization: `Bearer ${sandbox.token}`, 'content-type': 'application/json'},
		body: JSON.stringify({apiVersion: 'v1', kind: 'Pod', metadata: {name, labels}, spec: {containers: [{name, image: 'nginx'}]}}),
	});
	assert.equal(response.status, 201, await response.text());
}

describe('KubeCluster on the sandbox, over HTTP', () => {
	let sandbox: Sandbox;
	before(async () => {
		sandbox = await startSandbox({timing: {scheduleMs: 5, pullMs: 10, startMs: 5, killMs: 20}});
		for (const namespace of ['live', 'cut', 'drop']) {
			await createNamespace(sandbox, namespace);
		}
	});
	after(async () => sandbox.close());

	test("pods appear live with kubectl's cells, and go", async () => {
		const cluster = new KubeCluster(connect(sandbox), {namespace: 'live', tuning: fast});
		await waitFor(() => cluster.pods.getSnapshot().synced, 'first list');
		await createPod(sandbox, 'live', 'web');
		await waitFor(() => cluster.pods.getSnapshot().items.some(row => row.name === 'web' && row.status === 'Running'), 'web Running');
		const row = cluster.pods.getSnapshot().items.find(item => item.name === 'web')!;
		assert.equal(row.ready, '1/1');
		assert.match(row.ip, /^172\.17\.\d+\.\d+$/);
		assert.equal(row.node, 'minikube');
		await fetch(`${sandbox.url}/api/v1/namespaces/live/pods/web`, {method: 'DELETE', headers: {authorization: `Bearer ${sandbox.token}`}});
		await waitFor(() => cluster.pods.getSnapshot().items.every(item => item.name !== 'web'), 'web gone');
		cluster.close();
	});

	test("after a network cut it says reconnecting, then converges to exactly the server's pods", async () => {
		await createPod(sandbox, 'cut', 'stays');
		await createPod(sandbox, 'cut', 'deleted-meanwhile');
		const cluster = new KubeCluster(connect(sandbox), {namespace: 'cut', tuning: fast});
		await waitFor(() => names(cluster.pods).length === 2, 'two pods');
		await sandbox.suspend();
		await waitFor(() => cluster.pods.getSnapshot().state.kind === 'reconnecting', 'reconnecting');
		sandbox.objects.delete('pods', 'cut', 'deleted-meanwhile');
		sandbox.objects.create('pods', {
			apiVersion: 'v1',
			kind: 'Pod',
			metadata: {name: 'created-meanwhile', namespace: 'cut'},
			spec: {containers: [{name: 'c', image: 'nginx'}]},
		});
		await sandbox.resume();
		await waitFor(
			() => cluster.pods.getSnapshot().state.kind === 'live' && names(cluster.pods).join() === 'created-meanwhile,stays',
			'converged',
			10_000,
		);
		cluster.close();
	});

	test('a watch cut while the server stays up resumes without losing changes', async t => {
		const cluster = new KubeCluster(connect(sandbox), {namespace: 'drop', tuning: fast});
		// Closed even when the test fails: a store left retrying keeps the test process alive.
		t.after(() => cluster.close());
		await waitFor(() => cluster.pods.getSnapshot().synced, 'synced');
		await createPod(sandbox, 'drop', 'before');
		await waitFor(() => names(cluster.pods).includes('before'), 'before');
		sandbox.dropConnections();
		// Created in the server's store, not over HTTP: the test's own pooled fetch socket was cut
		// too, and a POST on it failed ("fetch failed") when the machine was busy.
		sandbox.objects.create('pods', {
			apiVersion: 'v1',
			kind: 'Pod',
			metadata: {name: 'after', namespace: 'drop'},
			spec: {containers: [{name: 'c', image: 'nginx'}]},
		});
		await waitFor(() => names(cluster.pods).join() === 'after,before', 'after', 10_000);
	});

	test('410 Gone: the event window moved on, the store lists again and is right', async () => {
		const small = await startSandbox({eventWindow: 5, timing: {scheduleMs: 5, pullMs: 5, startMs: 5, killMs: 5}});
		try {
			await createNamespace(small, 'gone');
			const cluster = new KubeCluster(connect(small), {namespace: 'gone', tuning: fast});
			await waitFor(() => cluster.pods.getSnapshot().synced, 'synced');
			await small.suspend();
			for (let index = 0; index < 20; index++) {
				small.objects.create('pods', {
					apiVersion: 'v1',
					kind: 'Pod',
					metadata: {name: `p-${String(index).padStart(2, '0')}`, namespace: 'gone'},
					spec: {containers: [{name: 'c', image: 'nginx'}]},
				});
			}
			await small.resume();
			await waitFor(() => names(cluster.pods).length === 20 && cluster.pods.getSnapshot().state.kind === 'live', 'relisted', 10_000);
			cluster.close();
		} finally {
			await small.close();
		}
	});

	test("403 on pods shows forbidden with the server's message; services keep working", async () => {
		sandbox.addUser({name: 'viewer', token: 'viewer-token', can: ({resource}) => resource !== 'pods'});
		const cluster = new KubeCluster(connect(sandbox, 'viewer-token'), {namespace: 'default', tuning: fast});
		await waitFor(() => cluster.pods.getSnapshot().state.kind === 'forbidden', 'forbidden');
		const state = cluster.pods.getSnapshot().state as {reason: string};
		assert.equal(state.reason, 'pods is forbidden: User "viewer" cannot list resource "pods" in API group "" in the namespace "default"');
		await waitFor(() => cluster.services.getSnapshot().state.kind === 'live', 'services live');
		assert.ok(cluster.services.getSnapshot().items.some(service => service.name === 'kubernetes'));
		const namespaces = await cluster.listNamespaces();
		assert.equal(namespaces.ok, true);
		cluster.close();
	});

	test('EndpointSlices become endpoint lines, and all namespaces list everything', async () => {
		const cluster = new KubeCluster(connect(sandbox), {namespace: undefined, tuning: fast});
		await waitFor(() => cluster.endpoints.getSnapshot().items.some(group => group.service === 'kubernetes'), 'kubernetes endpoints');
		const group = cluster.endpoints.getSnapshot().items.find(item => item.service === 'kubernetes')!;
		assert.deepEqual(
			group.endpoints.map(entry => `${entry.ip}:${entry.port} ${entry.ready}`),
			['192.168.49.2:8443 true'],
		);
		assert.equal(cluster.info.allNamespaces, true);
		await waitFor(() => cluster.pods.getSnapshot().synced, 'pods');
		assert.ok(
			cluster.pods.getSnapshot().items.some(row => row.namespace === 'kube-system'),
			'kube-system pods are listed under -A',
		);
		cluster.close();
	});

	test('switching context rebuilds the clients on the other server and its namespace', async () => {
		const other = await startSandbox({timing: {scheduleMs: 5, pullMs: 5, startMs: 5, killMs: 5}});
		try {
			await createNamespace(other, 'elsewhere');
			await createPod(other, 'elsewhere', 'only-on-the-other-server');
			// Two kubeconfig files in $KUBECONFIG, merged as kubectl merges them.
			const directory = mkdtempSync(join(tmpdir(), 'kpods-contexts-'));
			writeFileSync(join(directory, 'first'), sandbox.kubeconfig({context: 'first'}));
			writeFileSync(join(directory, 'second'), other.kubeconfig({context: 'second', namespace: 'elsewhere'}));
			const selected = await loadKubeconfig({env: {KUBECONFIG: `${join(directory, 'first')}:${join(directory, 'second')}`}});
			rmSync(directory, {recursive: true, force: true});
			assert.equal(selected.kind, 'ok');
			const first = new KubeCluster((selected as {connection: Connection}).connection, {namespace: 'default', tuning: fast});
			assert.deepEqual(first.contexts(), ['first', 'second']);
			const switched = first.withContext('second');
			assert.ok(!('error' in switched));
			await waitFor(() => names(switched.pods).includes('only-on-the-other-server'), "the other server's pod");
			assert.equal(switched.info.namespace, 'elsewhere');
			assert.equal(switched.info.server, other.httpsUrl);
			assert.equal(first.info.server, sandbox.httpsUrl, 'the first cluster still talks to its own server');
			assert.deepEqual(first.withContext('missing'), {error: 'context was not found for specified context: missing'});
			first.close();
			switched.close();
		} finally {
			await other.close();
		}
	});

	test("a node's status heartbeat reaches subscribe (the detail), not subscribeShown (the rows); a cordon reaches both", async t => {
		const cluster = new KubeCluster(connect(sandbox), {namespace: 'live', tuning: fast});
		t.after(() => cluster.close());
		const nodes = cluster.nodes;
		await waitFor(() => nodes.getSnapshot().synced && nodes.getSnapshot().items.length > 0, 'the nodes listed');
		let every = 0;
		let shown = 0;
		nodes.subscribe(() => every++);
		nodes.subscribeShown!(() => shown++);
		const request = async (method: string, path: string, body: unknown, type = 'application/json') => {
			const response = await fetch(`${sandbox.url}/api/v1/nodes/minikube${path}`, {
				method,
				headers: {authorization: `Bearer ${sandbox.token}`, 'content-type': type},
				body: JSON.stringify(body),
			});
			assert.equal(response.status, 200, await response.text());
		};
		const node = nodes.getSnapshot().items[0]!.object;
		const beat = structuredClone(node);
		for (const condition of beat.status!.conditions!) {
			condition.lastHeartbeatTime = new Date(Date.now() + 10_000).toISOString().replace(/\.\d+Z$/, 'Z');
		}
		await request('PUT', '/status', beat);
		await waitFor(
			() => nodes.getSnapshot().items[0]!.object.metadata.resourceVersion !== node.metadata.resourceVersion,
			'the heartbeat, in the store',
		);
		assert.equal(every, 1);
		assert.equal(shown, 0, 'no row cell changed');
		await request('PATCH', '', {spec: {unschedulable: true}}, 'application/merge-patch+json');
		await waitFor(() => nodes.getSnapshot().items[0]!.status === 'Ready,SchedulingDisabled', 'the cordon');
		assert.equal(every, 2);
		assert.equal(shown, 1);
		await request('PATCH', '', {spec: {unschedulable: null}}, 'application/merge-patch+json');
		await waitFor(() => shown === 2, 'uncordoned');
	});

	test('the probe tells a live server from a dead one', async () => {
		const cluster = new KubeCluster(connect(sandbox), {namespace: 'default', tuning: fast});
		assert.deepEqual(await cluster.probe(), {ok: true});
		cluster.close();
		const dead = await startSandbox();
		const connection = connect(dead);
		await dead.close();
		const gone = new KubeCluster(connection, {namespace: 'default', tuning: fast});
		const probe = await gone.probe(2000);
		assert.equal(probe.ok, false);
		assert.match(
			(probe as {message: string}).message,
			/^cannot reach the server https:\/\/127\.0\.0\.1:\d+ \(context "kpods-sandbox"\): connect ECONNREFUSED 127\.0\.0\.1:\d+$/,
		);
		gone.close();
	});
});
