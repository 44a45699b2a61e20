// The tutorial on a real cluster (npm run test:real), through kpods' own code — the Cluster the
// UI drives, its stores, kubectl's cells and describe — in a namespace of its own that is
// removed afterwards: run testando until Running, get and describe it (the cells checked against
// the real kubectl), delete it; the dry run and apply of every manifest; the services and their
// endpoints; deleting pod-1 empties svc-pod's endpoints.
import {after, before, describe, test} from 'node:test';
import assert from 'node:assert/strict';
import {KubeCluster} from '../../source/cluster/kube-cluster.js';
import {loadKubeconfig} from '../../source/cluster/kubeconfig.js';
import type {EndpointGroup, ResourceStore} from '../../source/cluster/types.js';
import {describePod} from '../../source/describe/pod.js';
import {podCells} from '../../source/format/pod.js';
import {serviceCells} from '../../source/format/service.js';
import {bundledManifestsDir, loadManifestDir} from '../../source/manifests/load.js';
import {waitFor} from '../sandbox/helpers.js';
import {kubectlMissing, repoRoot, shell} from './kubectl-shell.js';
import {realNamespace, type RealNamespace} from './real-cluster.js';

// A real control plane schedules, starts and deletes in seconds, not milliseconds.
const patience = 60_000;

function items<T>(store: ResourceStore<T>): readonly T[] {
	return store.getSnapshot().items;
}

function endpointsOf(cluster: KubeCluster, service: string): EndpointGroup['endpoints'] {
	return items(cluster.endpoints)
		.filter(group => group.service === service)
		.flatMap(group => group.endpoints);
}

describe('the tutorial on a real cluster, through kpods', () => {
	let ns: RealNamespace;
	let cluster: KubeCluster;
	before(async () => {
		ns = await realNamespace('tutorial');
		const loaded = await loadKubeconfig({env: process.env});
		assert.equal(loaded.kind, 'ok', JSON.stringify(loaded));
		if (loaded.kind !== 'ok') {
			return;
		}
		cluster = new KubeCluster(loaded.connection, {namespace: ns.name});
	});
	after(async () => {
		cluster?.close();
		// The NodePort 30000 is the cluster's, not the namespace's: free it before the namespace goes.
		await ns?.core.deleteNamespacedService({name: 'svc-pod2', namespace: ns.name}).catch(() => undefined);
		await ns?.remove();
	});

	test('kubectl run testando --image=nginx: Running; get and describe say so; delete removes it', {timeout: patience * 2}, async () => {
		const run = await cluster.runPod(ns.name, 'testando', 'nginx');
		assert.deepEqual(run, {ok: true, lines: ['pod/testando created'], kubectl: `kubectl run testando --image=nginx -n ${ns.name}`});
		const row = await waitFor(() => {
			const found = items(cluster.pods).find(pod => pod.name === 'testando');
			assert.equal(found && podCells(found, Date.now())[2], 'Running');
			return found!;
		}, patience);
		// kubectl get pod's NAME, READY, STATUS, RESTARTS (AGE moves) from the real kubectl, when it is here.
		if (!kubectlMissing) {
			const got = await shell(`kubectl get pod testando -n ${ns.name} --no-headers`);
			assert.deepEqual(
				got.stdout
					.trim()
					.split(/\s{2,}/)
					.slice(0, 4),
				podCells(row, Date.now()).slice(0, 4),
			);
		}
		// The detail view's own live store of the pod, wire JSON as the server sent it.
		const store = cluster.watchPod(ns.name, 'testando');
		const pod = await waitFor(() => items(store)[0] ?? assert.fail('not listed yet'), patience);
		store.stop();
		const text = describePod(pod as unknown as Parameters<typeof describePod>[0], [], Date.now());
		assert.match(text, /^Name: +testando$/m);
		assert.match(text, new RegExp(`^Namespace: +${ns.name}$`, 'm'));
		assert.match(text, /^Status: +Running$/m);
		assert.match(text, /^ +Image: +nginx$/m);

		const deleted = await cluster.deleteObject('Pod', ns.name, 'testando');
		assert.deepEqual(deleted.lines, ['pod "testando" deleted']);
		await waitFor(() => !items(cluster.pods).some(each => each.name === 'testando'), 'testando gone', patience);
	});

	test('apply all, asked first: the dry run creates five and keeps nothing; then the services and their endpoints are right', {
		timeout: patience * 2,
	}, async () => {
		const files = await loadManifestDir(bundledManifestsDir(), repoRoot);
		const preview = await cluster.apply(files, {dryRun: true});
		assert.deepEqual(
			preview.outcomes.map(outcome => outcome.result),
			['created', 'created', 'created', 'created', 'created'],
			preview.outcomes.map(outcome => outcome.line).join('\n'),
		);
		assert.equal(items(cluster.pods).length, 0);

		const applied = await cluster.apply(files);
		assert.deepEqual(
			applied.outcomes.map(outcome => outcome.line),
			['service/svc-pod created', 'service/svc-pod2 created', 'pod/o-primeiro-pod created', 'pod/pod-1 created', 'pod/pod-2 created'],
		);
		await waitFor(() => {
			const services = items(cluster.services);
			const cells = (name: string) => serviceCells(services.find(service => service.name === name)!, Date.now());
			// TYPE, PORT(S) and SELECTOR as kubectl get svc -o wide prints them.
			assert.deepEqual([cells('svc-pod')[1], cells('svc-pod')[4], cells('svc-pod')[6]], ['ClusterIP', '4050/TCP', 'app=pod-label']);
			assert.deepEqual(
				[cells('svc-pod2')[1], cells('svc-pod2')[4], cells('svc-pod2')[6]],
				['NodePort', '5000:30000/TCP', 'app=pod-label2'],
			);
		}, patience);
		const pods = await waitFor(() => {
			const running = items(cluster.pods).filter(pod => podCells(pod, Date.now())[2] === 'Running');
			assert.equal(running.length, 3);
			return running;
		}, patience);
		const ipOf = (name: string) => pods.find(pod => pod.name === name)!.ip;
		await waitFor(() => {
			assert.deepEqual(
				endpointsOf(cluster, 'svc-pod').map(entry => [entry.ip, entry.port, entry.ready, entry.pod]),
				[[ipOf('pod-1'), 80, true, 'pod-1']],
			);
			assert.deepEqual(
				endpointsOf(cluster, 'svc-pod2').map(entry => [entry.ip, entry.port, entry.ready, entry.pod]),
				[[ipOf('pod-2'), 5000, true, 'pod-2']],
			);
		}, patience);
	});

	test('delete pod-1: svc-pod has no endpoints left; svc-pod2 keeps pod-2', {timeout: patience * 2}, async () => {
		const deleted = await cluster.deleteObject('Pod', ns.name, 'pod-1');
		assert.deepEqual(deleted.lines, ['pod "pod-1" deleted']);
		await waitFor(() => {
			assert.deepEqual(endpointsOf(cluster, 'svc-pod'), []);
			assert.equal(endpointsOf(cluster, 'svc-pod2').length, 1);
		}, patience);
	});
});
