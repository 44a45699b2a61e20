// On a real API server, a watch event that changes nothing a row shows reaches a store's
// subscribe (the detail) but not subscribeShown (the rows): here a pod's annotation, read from
// the server's protobuf watch into a pod row; a new label (which `-l` filters on) does reach both.
import assert from 'node:assert/strict';
import {readFileSync} from 'node:fs';
import {after, before, test} from 'node:test';
import {KubeCluster} from '../../source/cluster/kube-cluster.js';
import {connectionFromText, type Connection} from '../../source/cluster/kubeconfig.js';
import {waitFor} from '../wait-for.js';
import {kubectlOutput, realNamespace, type RealNamespace} from './real-cluster.js';

let ns: RealNamespace;
before(async () => {
	ns = await realNamespace('quiet');
	await ns.core.createNamespacedPod({
		namespace: ns.name,
		body: {metadata: {name: 'web'}, spec: {containers: [{name: 'web', image: 'nginx'}]}},
	});
});
after(async () => ns?.remove());

test("a pod's new annotation reaches subscribe, not subscribeShown; a new label reaches both", async t => {
	const connection = (connectionFromText(readFileSync(process.env['KUBECONFIG']!, 'utf8')) as {connection: Connection}).connection;
	const cluster = new KubeCluster(connection, {namespace: ns.name});
	t.after(() => cluster.close());
	const pods = cluster.pods;
	await waitFor(() => pods.getSnapshot().items.some(row => row.name === 'web'), 'the pod in the store', 60_000);
	// Let the pod's own start-up (scheduling, status) pass before counting.
	await waitFor(() => pods.getSnapshot().items[0]?.status === 'Running', 'the pod running', 120_000);
	let every = 0;
	let shown = 0;
	pods.subscribe(() => every++);
	pods.subscribeShown!(() => shown++);
	const version = () => pods.getSnapshot().items[0]!.resourceVersion;
	const before = version();

	await kubectlOutput('annotate', 'pod', 'web', '-n', ns.name, 'kpods.test/note=quiet');
	await waitFor(() => version() !== before, 'the annotation, in the store', 30_000);
	assert.ok(every >= 1);
	assert.equal(shown, 0, 'no row cell changed');

	await kubectlOutput('label', 'pod', 'web', '-n', ns.name, 'tier=front');
	await waitFor(() => pods.getSnapshot().items[0]!.labels.tier === 'front', 'the label, in the store', 30_000);
	assert.ok(shown >= 1, 'a label shows (it is filtered on)');
});
