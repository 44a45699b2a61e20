// What the controllers write, through the registry as over the API: the node's heartbeat
// advances, an EndpointSlice counts its changes in metadata.generation, every namespace has
// its default service account and root CA.
import {after, before, describe, test} from 'node:test';
import assert from 'node:assert/strict';
import type {Sandbox} from '../../source/sandbox/index.js';
import {api, fastSandbox, podManifest, serviceManifest, waitFor} from './helpers.js';

describe('controllers', () => {
	let sandbox: Sandbox;
	before(async () => {
		sandbox = await fastSandbox({timing: {nodeStatusMs: 50}});
	});
	after(async () => sandbox.close());

	test("the node reports its status: every condition's lastHeartbeatTime advances, as the kubelet's own update", async () => {
		const before = (await api(sandbox, '/api/v1/nodes/minikube')).body;
		const first = before.status.conditions.map((condition: {lastHeartbeatTime: string}) => condition.lastHeartbeatTime);
		await waitFor(async () => {
			const node = (await api(sandbox, '/api/v1/nodes/minikube')).body;
			for (const [index, condition] of node.status.conditions.entries()) {
				assert.ok(condition.lastHeartbeatTime > first[index], `${condition.type} heartbeat still ${condition.lastHeartbeatTime}`);
			}
		}, 10_000);
		const node = (await api(sandbox, '/api/v1/nodes/minikube')).body;
		assert.ok(
			node.metadata.managedFields.some(
				(entry: {manager: string; subresource?: string}) => entry.manager === 'kubelet' && entry.subresource === 'status',
			),
		);
	});

	test('an EndpointSlice starts at generation 1 and counts each change', async () => {
		await api(sandbox, '/api/v1/namespaces/default/services', {
			method: 'POST',
			body: serviceManifest('gen', {selector: {app: 'gen'}, ports: [{port: 80}]}),
		});
		const slice = async (): Promise<any> =>
			(await api(sandbox, '/apis/discovery.k8s.io/v1/namespaces/default/endpointslices?labelSelector=kubernetes.io%2Fservice-name%3Dgen'))
				.body.items[0];
		const created = await waitFor(async () => {
			const found = await slice();
			assert.ok(found);
			return found;
		});
		assert.equal(created.metadata.generation, 1);
		await api(sandbox, '/api/v1/namespaces/default/pods', {method: 'POST', body: podManifest('gen-1', {labels: {app: 'gen'}})});
		const changed = await waitFor(async () => {
			const found = await slice();
			assert.equal(found.endpoints?.[0]?.conditions?.ready, true);
			return found;
		}, 10_000);
		assert.ok(changed.metadata.generation > 1, `generation ${changed.metadata.generation}`);
		assert.deepEqual(
			changed.metadata.managedFields.map((entry: {manager: string}) => entry.manager),
			['endpointslice-controller'],
		);
	});

	test('a new namespace gets its default service account and kube-root-ca.crt', async () => {
		await api(sandbox, '/api/v1/namespaces', {method: 'POST', body: {apiVersion: 'v1', kind: 'Namespace', metadata: {name: 'fresh'}}});
		await waitFor(async () => {
			assert.equal((await api(sandbox, '/api/v1/namespaces/fresh/serviceaccounts/default')).code, 200);
			const ca = await api(sandbox, '/api/v1/namespaces/fresh/configmaps/kube-root-ca.crt');
			assert.equal(ca.code, 200);
			assert.equal(ca.body.data['ca.crt'], sandbox.caCert);
		});
	});
});
