// `kpods --sandbox` talks to the sandbox in its own process over plain HTTP (no TLS handshakes on
// the one thread that also draws): its kubeconfig for that says so, and reads and writes work.
import assert from 'node:assert/strict';
import {test} from 'node:test';
import yaml from 'js-yaml';
import {KubeCluster} from '../../source/cluster/kube-cluster.js';
import {connectionFromText, type Connection} from '../../source/cluster/kubeconfig.js';
import {startSandbox} from '../../source/sandbox/index.js';
import {waitFor} from '../wait-for.js';

test('the plain-HTTP kubeconfig: http://, insecure-skip-tls-verify, no CA; kpods lists and writes (through client-node) over it', async () => {
	const sandbox = await startSandbox();
	try {
		const text = sandbox.kubeconfig({plainHttp: true});
		const {clusters} = yaml.load(text) as {clusters: Array<{cluster: Record<string, unknown>}>};
		assert.deepEqual(clusters[0]!.cluster, {'insecure-skip-tls-verify': true, server: sandbox.url});
		assert.match(sandbox.kubeconfig(), /server: https:\/\/127\.0\.0\.1:\d+/, 'the one for kubectl stays HTTPS');

		const selected = connectionFromText(text, {sandbox: true});
		assert.equal(selected.kind, 'ok');
		const cluster = new KubeCluster((selected as {connection: Connection}).connection, {namespace: 'default'});
		try {
			await waitFor(() => cluster.pods.getSnapshot().synced, 'the pods listed', 20_000);
			const ran = await cluster.runPod('default', 'plain', 'nginx');
			assert.equal('error' in ran ? ran.error : undefined, undefined);
			await waitFor(() => cluster.pods.getSnapshot().items.some(row => row.name === 'plain'), 'the new pod, watched', 20_000);
		} finally {
			cluster.close();
		}
	} finally {
		await sandbox.close();
	}
});
