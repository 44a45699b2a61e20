import {after, before, describe, test} from 'node:test';
import assert from 'node:assert/strict';
import {KubeConfig} from '@kubernetes/client-node';
import {deleteObject} from '../../source/actions/delete.js';
import {runPodManifest} from '../../source/actions/run.js';
import {startTestCluster, statusOf, waitFor, type TestCluster} from './with-sandbox.js';

const inDefault = {contextNamespace: 'default'};

describe('deleteObject on the sandbox', () => {
	let cluster: TestCluster;
	before(async () => {
		cluster = await startTestCluster();
	});
	after(() => cluster.close());

	test("a pod: kubectl's line, and the pod goes away", async () => {
		await cluster.core.createNamespacedPod({namespace: 'default', body: runPodManifest('testando', 'nginx')});
		const result = await deleteObject(cluster.kc, {kind: 'Pod', namespace: 'default', name: 'testando'}, inDefault);
		assert.deepEqual(result, {ok: true, lines: ['pod "testando" deleted'], kubectl: 'kubectl delete pod testando'});
		// Graceful deletion: the pod may show Terminating for a while before it is gone.
		await waitFor(
			async () => assert.equal(await statusOf(cluster.core.readNamespacedPod({name: 'testando', namespace: 'default'})), 404),
			10_000,
		);
	});

	test("a service: kubectl's line, and the service is gone", async () => {
		await cluster.core.createNamespacedService({
			namespace: 'default',
			body: {metadata: {name: 'svc-pod'}, spec: {selector: {app: 'pod-label'}, ports: [{port: 4050, targetPort: 80}]}},
		});
		const result = await deleteObject(cluster.kc, {kind: 'Service', namespace: 'default', name: 'svc-pod'}, inDefault);
		assert.deepEqual(result, {ok: true, lines: ['service "svc-pod" deleted'], kubectl: 'kubectl delete service svc-pod'});
		assert.equal(await statusOf(cluster.core.readNamespacedService({name: 'svc-pod', namespace: 'default'})), 404);
	});

	test('something already gone: a friendly line, not an error', async () => {
		assert.deepEqual(await deleteObject(cluster.kc, {kind: 'Pod', namespace: 'default', name: 'nope'}, inDefault), {
			ok: true,
			lines: ['pod "nope" was already gone'],
			kubectl: 'kubectl delete pod nope',
		});
		assert.deepEqual(await deleteObject(cluster.kc, {kind: 'Service', namespace: 'demo', name: 'nope'}, inDefault), {
			ok: true,
			lines: ['service "nope" was already gone'],
			kubectl: 'kubectl delete service nope -n demo',
		});
	});

	test("refused by the server: kubectl's error line", async () => {
		const kc = new KubeConfig();
		kc.loadFromOptions({
			clusters: cluster.kc.clusters,
			users: cluster.kc.users.map(user => ({...user, token: 'not-the-token'})),
			contexts: cluster.kc.contexts,
			currentContext: cluster.kc.currentContext,
		});
		const result = await deleteObject(kc, {kind: 'Pod', namespace: 'default', name: 'x'}, inDefault);
		assert.equal(result.ok, false);
		assert.deepEqual(result.lines, [
			'error: You must be logged in to the server (the server has asked for the client to provide credentials)',
		]);
	});
});
