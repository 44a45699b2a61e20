import {after, before, describe, test} from 'node:test';
import assert from 'node:assert/strict';
import {runPod, runPodManifest, validateRun} from '../../source/actions/run.js';
import {startTestCluster, statusOf, type TestCluster} from './with-sandbox.js';

describe('runPod on the sandbox', () => {
	let cluster: TestCluster;
	before(async () => {
		cluster = await startTestCluster();
	});
	after(() => cluster.close());

	test('creates what kubectl run creates', async () => {
		const result = await runPod(cluster.kc, {namespace: 'default', name: 'testando', image: 'nginx'}, {contextNamespace: 'default'});
		assert.deepEqual(result, {ok: true, lines: ['pod/testando created'], kubectl: 'kubectl run testando --image=nginx'});
		const pod = await cluster.core.readNamespacedPod({name: 'testando', namespace: 'default'});
		assert.deepEqual(pod.metadata?.labels, {run: 'testando'});
		assert.deepEqual(
			pod.spec?.containers.map(container => [container.name, container.image]),
			[['testando', 'nginx']],
		);
		assert.equal(pod.spec?.restartPolicy, 'Always');
		assert.equal(pod.spec?.dnsPolicy, 'ClusterFirst');
	});

	test("the same name again: the server's AlreadyExists", async () => {
		assert.deepEqual(await runPod(cluster.kc, {namespace: 'default', name: 'testando', image: 'nginx'}, {contextNamespace: 'default'}), {
			ok: false,
			lines: ['Error from server (AlreadyExists): pods "testando" already exists'],
			kubectl: 'kubectl run testando --image=nginx',
		});
	});

	test('another namespace: -n in the kubectl line', async () => {
		await cluster.core.createNamespace({body: {metadata: {name: 'demo'}}});
		const result = await runPod(cluster.kc, {namespace: 'demo', name: 'web', image: 'nginx:1.27'}, {contextNamespace: 'default'});
		assert.deepEqual(result, {ok: true, lines: ['pod/web created'], kubectl: 'kubectl run web --image=nginx:1.27 -n demo'});
	});

	test('an invalid name is refused before any request, with what kubectl would print', async () => {
		const result = await runPod(cluster.kc, {namespace: 'default', name: 'bad_name', image: 'nginx'}, {contextNamespace: 'default'});
		assert.equal(result.ok, false);
		assert.equal(result.kubectl, 'kubectl run bad_name --image=nginx');
		assert.equal(result.lines[0], 'The Pod "bad_name" is invalid: ');
		assert.match(result.lines[1]!, /^\* metadata\.name: Invalid value: "bad_name": a lowercase RFC 1123 subdomain must consist of/);
		assert.match(
			result.lines[2]!,
			/^\* spec\.containers\[0\]\.name: Invalid value: "bad_name": a lowercase RFC 1123 label must consist of/,
		);
		assert.equal(await statusOf(cluster.core.readNamespacedPod({name: 'bad_name', namespace: 'default'})), 404);
	});

	test("the client-side message is the sandbox server's own, word for word", async () => {
		for (const [name, image] of [
			['bad_name', 'nginx'],
			['my.pod', 'nginx'],
			['noimage', ''],
		] as const) {
			const expected = validateRun(name, image);
			assert.ok(expected, `${name} ${image} should be invalid`);
			try {
				await cluster.core.createNamespacedPod({namespace: 'default', body: runPodManifest(name, image)});
				assert.fail(`the sandbox accepted ${name} ${JSON.stringify(image)}`);
			} catch (error) {
				const status = JSON.parse((error as {body: string}).body) as {code: number; message: string};
				assert.equal(status.code, 422);
				assert.equal(status.message, expected);
			}
		}
	});
});
