// The nodes and namespaces panes and details against the machine's kubectl (v1.32) on the
// sandbox: kpods reads them through its own stores (list + watch, as the panes do), and its cells
// and describe text must equal what kubectl prints. kubectl 1.32 has no client-side printer for
// nodes (--server-print=false prints NAME AGE only): `get` prints the sandbox's Table, which the
// sandbox builds with the same format/ cells, so here the cells check the stores, the watch and
// the Table served; the cells themselves are held to kubectl by the recorded fixtures
// (test/format/node.test.ts) and to a real API server's printers by test/real/describe.test.ts.
// describe is kubectl's own code, an independent oracle. A user the sandbox refuses
// cluster-scoped reads gets kubectl's one line in the pane, and the namespaced stores keep working.
import {after, before, describe, test, type TestContext} from 'node:test';
import assert from 'node:assert/strict';
import {KubeCluster} from '../../source/cluster/kube-cluster.js';
import {connectionFromText, type Connection} from '../../source/cluster/kubeconfig.js';
import {namespaceDescribeText, nodeDescribeText} from '../../source/derive/describe.js';
import {namespaceColumns, namespaceRowColumns} from '../../source/format/namespace.js';
import {nodeColumns, nodeRowColumns} from '../../source/format/node.js';
import type {Node} from '../../source/k8s/types.js';
import type {Sandbox} from '../../source/sandbox/index.js';
import {kubectlSameAs, openedStores} from '../describe/oracle.js';
import {loadFixtures} from '../fixtures/fixtures.js';
import {rowTableText} from '../format/kubectl-table.js';
import {Kubectl, kubectlInstalled, skipWithoutKubectl} from '../kubectl.js';
import {api, fastSandbox, waitFor} from '../sandbox/helpers.js';

/** A kubeconfig's cluster on a context, as kpods opens it. */
function clusterOf(kubeconfig: string, namespace: string): KubeCluster {
	const selected = connectionFromText(kubeconfig, {sandbox: true});
	assert.equal(selected.kind, 'ok');
	return new KubeCluster((selected as {connection: Connection}).connection, {namespace, tuning: {coalesceMs: 5}});
}

describe('nodes and namespaces: kpods against kubectl on the sandbox', () => {
	let sandbox: Sandbox;
	let kubectl: Kubectl;
	let cluster: KubeCluster;
	const {opened, stopAll} = openedStores();

	before(async () => {
		if (!kubectlInstalled) {
			return;
		}
		sandbox = await fastSandbox();
		kubectl = new Kubectl(sandbox.kubeconfig());
		// The node fixtures (cordoned, not ready, no Ready condition, roles of both label forms,
		// an external IP) join the sandbox's own node.
		for (const fixture of loadFixtures<Node>('nodes')) {
			const {metadata, spec, status} = fixture.object;
			if (metadata.name === 'minikube') {
				continue;
			}
			const created = await api(sandbox, '/api/v1/nodes', {
				method: 'POST',
				body: {apiVersion: 'v1', kind: 'Node', metadata: {name: metadata.name, labels: metadata.labels}, spec},
			});
			assert.equal(created.code, 201, `node ${metadata.name}: ${created.text}`);
			const statused = await api(sandbox, `/api/v1/nodes/${metadata.name}/status`, {
				method: 'PUT',
				body: {...created.body, status},
			});
			assert.equal(statused.code, 200, `node ${metadata.name} status: ${statused.text}`);
		}
		const team = await api(sandbox, '/api/v1/namespaces', {
			method: 'POST',
			body: {apiVersion: 'v1', kind: 'Namespace', metadata: {name: 'team-a', labels: {team: 'a'}, annotations: {owner: 'kpods'}}},
		});
		assert.equal(team.code, 201, team.text);
		cluster = clusterOf(sandbox.kubeconfig(), 'default');
	});

	after(async () => {
		stopAll();
		cluster?.close();
		kubectl?.remove();
		await sandbox?.close();
	});

	const run = async (...args: string[]) => kubectl.output(...args);

	test('the nodes pane is kubectl get nodes -o wide, and follows a cordon through its watch', async (t: TestContext) => {
		if (skipWithoutKubectl(t)) {
			return;
		}
		await waitFor(() => cluster.nodes.getSnapshot().items.length === 5, 10_000);
		const cells = () => rowTableText(nodeColumns, nodeRowColumns, cluster.nodes.getSnapshot().items, true);
		await kubectlSameAs(() => run('get', 'nodes', '-o', 'wide'), cells);
		await kubectlSameAs(
			() => run('get', 'nodes'),
			() => rowTableText(nodeColumns, nodeRowColumns, cluster.nodes.getSnapshot().items, false),
		);
		await run('cordon', 'minikube');
		await waitFor(
			() => cluster.nodes.getSnapshot().items.find(row => row.name === 'minikube')?.status === 'Ready,SchedulingDisabled',
			10_000,
		);
		await kubectlSameAs(() => run('get', 'nodes', '-o', 'wide'), cells);
		await run('uncordon', 'minikube');
		await waitFor(() => cluster.nodes.getSnapshot().items.find(row => row.name === 'minikube')?.status === 'Ready', 10_000);
	});

	test('the namespaces pane is kubectl get namespaces, and follows a new one', async (t: TestContext) => {
		if (skipWithoutKubectl(t)) {
			return;
		}
		const cells = () => rowTableText(namespaceColumns, namespaceRowColumns, cluster.namespaces.getSnapshot().items, false);
		await waitFor(() => cluster.namespaces.getSnapshot().items.some(row => row.name === 'team-a'), 10_000);
		await kubectlSameAs(() => run('get', 'namespaces'), cells);
		await run('create', 'namespace', 'team-b');
		await waitFor(() => cluster.namespaces.getSnapshot().items.some(row => row.name === 'team-b'), 10_000);
		await kubectlSameAs(() => run('get', 'namespaces'), cells);
	});

	test("the node detail, from kpods' stores as the UI opens them, is kubectl describe node", async (t: TestContext) => {
		if (skipWithoutKubectl(t)) {
			return;
		}
		for (const name of ['minikube', 'worker-1']) {
			const pods = opened(cluster.watchPodsOnNode(name));
			const lease = opened(cluster.watchNodeLease(name));
			const events = opened(cluster.watchEvents('', 'Node', name));
			await waitFor(
				() => pods.getSnapshot().synced && lease.getSnapshot().synced && events.getSnapshot().synced && cluster.nodes.getSnapshot().synced,
				10_000,
			);
			const text = () => {
				const node = cluster.nodes.getSnapshot().items.find(row => row.name === name)!.object;
				return nodeDescribeText(
					node,
					{pods: pods.getSnapshot(), lease: lease.getSnapshot(), events: events.getSnapshot().items},
					Date.now(),
				);
			};
			await kubectlSameAs(() => run('describe', 'node', name), text);
		}
	});

	test("the namespace detail, from kpods' stores, is kubectl describe namespace", async (t: TestContext) => {
		if (skipWithoutKubectl(t)) {
			return;
		}
		for (const name of ['team-a', 'default', 'kube-system']) {
			const quotas = opened(cluster.watchQuotas(name));
			const limits = opened(cluster.watchLimitRanges(name));
			await waitFor(() => cluster.namespaces.getSnapshot().synced && quotas.getSnapshot().state.kind !== 'connecting', 10_000);
			const text = () =>
				namespaceDescribeText(cluster.namespaces.getSnapshot().items.find(row => row.name === name)!.object, {
					quotas: quotas.getSnapshot(),
					limitRanges: limits.getSnapshot(),
				});
			await kubectlSameAs(() => run('describe', 'namespace', name), text);
		}
	});

	test("a user without cluster-scoped reads: the server's line, as kubectl prints it; pods keep coming", async (t: TestContext) => {
		if (skipWithoutKubectl(t)) {
			return;
		}
		sandbox.addUser({name: 'dev', token: 'dev-token', can: ({resource}) => resource !== 'nodes' && resource !== 'namespaces'});
		const kubeconfig = sandbox.kubeconfig().replace(/token: \S+/, 'token: dev-token');
		const dev = new Kubectl(kubeconfig);
		const restricted = clusterOf(kubeconfig, 'default');
		t.after(() => {
			restricted.close();
			dev.remove();
		});
		for (const resource of ['nodes', 'namespaces'] as const) {
			const store = restricted[resource];
			await waitFor(() => store.getSnapshot().state.kind === 'forbidden', 10_000);
			const line = `${resource} is forbidden: User "dev" cannot list resource "${resource}" in API group "" at the cluster scope`;
			assert.deepEqual(store.getSnapshot().state, {kind: 'forbidden', reason: line});
			const theirs = await dev.run('get', resource);
			assert.equal(theirs.stderr, `Error from server (Forbidden): ${line}\n`);
		}
		await waitFor(() => restricted.pods.getSnapshot().state.kind === 'live', 10_000);
	});
});
