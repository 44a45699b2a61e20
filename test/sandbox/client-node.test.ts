// @kubernetes/client-node against the sandbox over HTTPS with the sandbox's kubeconfig, as
// kpods connects: typed calls, Watch with resume, 410 Gone then relist, and each API error
// surfacing as ApiException with the server's code and Status body.
import {after, before, describe, test} from 'node:test';
import assert from 'node:assert/strict';
import {ApiException, CoreV1Api, DiscoveryV1Api, KubeConfig, Watch, type V1Pod} from '@kubernetes/client-node';
import type {Sandbox} from '../../source/sandbox/index.js';
import {fastSandbox, reference, waitFor} from './helpers.js';

interface Seen {
	type: string;
	name: string;
	object: any;
}

/** Runs a client-node watch until `done` is called, collecting what it sees. */
async function watchWith(
	kc: KubeConfig,
	path: string,
	query: Record<string, string | number | boolean | undefined>,
): Promise<{seen: Seen[]; finished: Promise<unknown>; abort(): void}> {
	const seen: Seen[] = [];
	let finish!: (error: unknown) => void;
	const finished = new Promise(resolve => {
		finish = resolve;
	});
	const controller = await new Watch(kc).watch(
		path,
		query,
		(type, object) => {
			seen.push({type, name: object?.metadata?.name, object});
		},
		error => finish(error ?? null),
	);
	return {seen, finished, abort: () => controller.abort()};
}

async function apiError(promise: Promise<unknown>): Promise<ApiException<string>> {
	try {
		await promise;
	} catch (error) {
		assert.ok(error instanceof ApiException, `not an ApiException: ${String(error)}`);
		return error as ApiException<string>;
	}

	assert.fail('the call succeeded');
}

describe('client-node against the sandbox', () => {
	let sandbox: Sandbox;
	let kc: KubeConfig;
	let core: CoreV1Api;
	before(async () => {
		sandbox = await fastSandbox({eventWindow: 10});
		kc = new KubeConfig();
		kc.loadFromString(sandbox.kubeconfig({namespace: 'default'}));
		core = kc.makeApiClient(CoreV1Api);
		await core.createNamespace({body: {metadata: {name: 'ref'}}});
	});
	after(async () => sandbox.close());

	test('the kubeconfig points client-node at the sandbox over TLS with its CA', () => {
		assert.equal(kc.getCurrentCluster()!.server, sandbox.httpsUrl);
		assert.equal(kc.getCurrentContext(), 'kpods-sandbox');
		assert.equal(kc.getContextObject('kpods-sandbox')!.namespace, 'default');
	});

	test('create, read, list, delete pods; list other kinds', async () => {
		const created = await core.createNamespacedPod({
			namespace: 'ref',
			body: {metadata: {name: 'testando', labels: {run: 'testando'}}, spec: {containers: [{name: 'testando', image: 'nginx'}]}},
		});
		assert.equal(created.metadata?.name, 'testando');
		assert.equal(created.spec?.containers[0]?.imagePullPolicy, 'Always');
		const running = await waitFor(async () => {
			const pod = await core.readNamespacedPod({namespace: 'ref', name: 'testando'});
			assert.equal(pod.status?.phase, 'Running');
			return pod;
		});
		assert.match(running.status!.podIP!, /^172\.17\./);
		const list = await core.listNamespacedPod({namespace: 'ref', labelSelector: 'run=testando'});
		assert.deepEqual(
			list.items.map((pod: V1Pod) => pod.metadata?.name),
			['testando'],
		);
		const nodes = await core.listNode();
		assert.deepEqual(
			nodes.items.map(node => node.metadata?.name),
			['minikube'],
		);
		const services = await core.listServiceForAllNamespaces();
		assert.deepEqual(
			services.items.map(service => `${service.metadata?.namespace}/${service.metadata?.name} ${service.spec?.clusterIP}`),
			['default/kubernetes 10.96.0.1', 'kube-system/kube-dns 10.96.0.10'],
		);
		const slices = await kc.makeApiClient(DiscoveryV1Api).listNamespacedEndpointSlice({namespace: 'default'});
		assert.deepEqual(
			slices.items.map(slice => slice.metadata?.name),
			['kubernetes'],
		);
		const deleted = await core.deleteNamespacedPod({namespace: 'ref', name: 'testando'});
		assert.ok(deleted.metadata?.deletionTimestamp);
		await waitFor(async () => assert.equal((await apiError(core.readNamespacedPod({namespace: 'ref', name: 'testando'}))).code, 404));
	});

	test("each API error is an ApiException with the real server's code and Status body", async () => {
		const cases: Array<[string, () => Promise<unknown>]> = [
			['404-get-pod.txt', async () => core.readNamespacedPod({namespace: 'ref', name: 'nope'})],
			['404-delete-pod.txt', async () => core.deleteNamespacedPod({namespace: 'ref', name: 'nope'})],
			[
				'422-invalid-name.txt',
				async () =>
					core.createNamespacedPod({
						namespace: 'ref',
						body: {metadata: {name: 'bad_name'}, spec: {containers: [{name: 'main', image: 'nginx'}]}},
					}),
			],
			[
				'422-missing-image.txt',
				async () => core.createNamespacedPod({namespace: 'ref', body: {metadata: {name: 'noimage'}, spec: {containers: [{name: 'main'}]}}}),
			],
			[
				'422-nodeport-range.txt',
				async () =>
					core.createNamespacedService({
						namespace: 'ref',
						body: {metadata: {name: 'np3'}, spec: {type: 'NodePort', selector: {app: 'x'}, ports: [{port: 80, nodePort: 80}]}},
					}),
			],
		];
		await core.createNamespacedPod({
			namespace: 'ref',
			body: {metadata: {name: 'testando'}, spec: {containers: [{name: 'main', image: 'nginx'}]}},
		});
		cases.push([
			'409-create-exists.txt',
			async () =>
				core.createNamespacedPod({
					namespace: 'ref',
					body: {metadata: {name: 'testando'}, spec: {containers: [{name: 'main', image: 'nginx'}]}},
				}),
		]);
		const current = await core.readNamespacedPod({namespace: 'ref', name: 'testando'});
		cases.push([
			'409-stale-update.txt',
			async () =>
				core.replaceNamespacedPod({
					namespace: 'ref',
					name: 'testando',
					body: {...current, metadata: {...current.metadata, resourceVersion: '1'}},
				}),
		]);
		await core.createNamespacedService({
			namespace: 'ref',
			body: {metadata: {name: 'np1'}, spec: {type: 'NodePort', selector: {app: 'x'}, ports: [{port: 80, nodePort: 30555}]}},
		});
		cases.push([
			'422-nodeport-taken.txt',
			async () =>
				core.createNamespacedService({
					namespace: 'ref',
					body: {metadata: {name: 'np2'}, spec: {type: 'NodePort', selector: {app: 'x'}, ports: [{port: 80, nodePort: 30555}]}},
				}),
		]);
		for (const [file, call] of cases) {
			const error = await apiError(call());
			const expected = reference(file);
			assert.equal(error.code, expected.code, file);
			assert.deepEqual(JSON.parse(error.body), expected.body, file);
		}

		const stranger = new KubeConfig();
		stranger.loadFromString(sandbox.kubeconfig({token: 'not-the-token'}));
		const unauthorized = await apiError(stranger.makeApiClient(CoreV1Api).listNamespacedPod({namespace: 'ref'}));
		assert.equal(unauthorized.code, 401);
		sandbox.addUser({name: 'viewer', token: 'viewer-token', can: ({verb}) => verb === 'list' || verb === 'get' || verb === 'watch'});
		const viewer = new KubeConfig();
		viewer.loadFromString(sandbox.kubeconfig({token: 'viewer-token'}));
		const forbidden = await apiError(viewer.makeApiClient(CoreV1Api).deleteNamespacedPod({namespace: 'ref', name: 'testando'}));
		assert.equal(forbidden.code, 403);
		assert.equal(
			JSON.parse(forbidden.body).message,
			'pods "testando" is forbidden: User "viewer" cannot delete resource "pods" in API group "" in the namespace "ref"',
		);
	});

	test('Watch resumes from a resourceVersion and sees exactly the later changes', async () => {
		const list = await core.listNamespacedPod({namespace: 'ref'});
		const from = list.metadata!.resourceVersion!;
		await core.createNamespacedPod({
			namespace: 'ref',
			body: {metadata: {name: 'later'}, spec: {schedulerName: 'nobody', containers: [{name: 'main', image: 'nginx'}]}},
		});
		await core.deleteNamespacedPod({namespace: 'ref', name: 'later'});
		const watch = await watchWith(kc, '/api/v1/namespaces/ref/pods', {resourceVersion: from, allowWatchBookmarks: true});
		await waitFor(() => watch.seen.filter(event => event.name === 'later').length >= 3, 'ADDED, MODIFIED and DELETED of later');
		watch.abort();
		// An unscheduled pod goes at once, but as on a real server its deletion is written first (grace 0).
		assert.deepEqual(
			watch.seen.filter(event => event.name === 'later').map(event => event.type),
			['ADDED', 'MODIFIED', 'DELETED'],
		);
	});

	test('410 Gone for an expired resourceVersion, then relist and watch again', async () => {
		const stale = (await core.listNamespacedPod({namespace: 'ref'})).metadata!.resourceVersion!;
		for (let index = 0; index < 25; index++) {
			await core.patchNamespacedPod({
				namespace: 'ref',
				name: 'testando',
				body: [{op: 'add', path: '/metadata/labels', value: {step: String(index)}}],
			});
		}

		const expired = await watchWith(kc, '/api/v1/namespaces/ref/pods', {resourceVersion: stale});
		await expired.finished;
		assert.equal(expired.seen.length, 1);
		assert.equal(expired.seen[0]!.type, 'ERROR');
		assert.equal(expired.seen[0]!.object.code, 410);
		assert.equal(expired.seen[0]!.object.reason, 'Expired');
		const relisted = await core.listNamespacedPod({namespace: 'ref'});
		assert.equal(relisted.items.find(pod => pod.metadata?.name === 'testando')?.metadata?.labels?.['step'], '24');
		const fresh = await watchWith(kc, '/api/v1/namespaces/ref/pods', {resourceVersion: relisted.metadata!.resourceVersion!});
		await core.patchNamespacedPod({namespace: 'ref', name: 'testando', body: [{op: 'add', path: '/metadata/labels/step', value: 'after'}]});
		await waitFor(() => assert.equal(fresh.seen.length, 1));
		fresh.abort();
		assert.equal(fresh.seen[0]!.type, 'MODIFIED');
		assert.equal(fresh.seen[0]!.object.metadata.labels.step, 'after');
	});
});
