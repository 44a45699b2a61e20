import assert from 'node:assert/strict';
import http from 'node:http';
import type {AddressInfo} from 'node:net';
import {after, before, describe, test} from 'node:test';
import {ApiClient} from '../../source/cluster/api-client.js';
import {KubeCluster, pathSource} from '../../source/cluster/kube-cluster.js';
import {connectionFromText, type Connection} from '../../source/cluster/kubeconfig.js';
import {ListWatchStore} from '../../source/cluster/resource-store.js';
import type {ConnectionState, StoreSnapshot} from '../../source/cluster/types.js';
import type {Pod} from '../../source/k8s/types.js';
import {startSandbox, type Sandbox} from '../../source/sandbox/index.js';
import {stateText} from '../../source/ui/components/header.js';
import {waitFor} from '../wait-for.js';

const fast = {baseBackoffMs: 20, maxBackoffMs: 200, coalesceMs: 5, watchTimeoutSeconds: 30};

function connect(sandbox: Sandbox): Connection {
	const selected = connectionFromText(sandbox.kubeconfig(), {sandbox: true});
	assert.equal(selected.kind, 'ok');
	return (selected as {connection: Connection}).connection;
}

/** Every snapshot a store publishes, in order: its row count and state. */
function record<T>(store: {subscribe(listener: () => void): () => void; getSnapshot(): StoreSnapshot<T>}): Array<{rows: number; state: ConnectionState; synced: boolean}> {
	const seen: Array<{rows: number; state: ConnectionState; synced: boolean}> = [];
	store.subscribe(() => {
		const snapshot = store.getSnapshot();
		seen.push({rows: snapshot.items.length, state: snapshot.state, synced: snapshot.synced});
	});
	return seen;
}

describe('the first list, in pages over HTTP (the sandbox pages as a real server does)', () => {
	let sandbox: Sandbox;
	before(async () => {
		sandbox = await startSandbox({timing: {scheduleMs: 5, pullMs: 10, startMs: 5, killMs: 20}});
		sandbox.seedPods('paged', 1200);
	});
	after(async () => sandbox.close());

	test('the first 500 rows are shown while the rest are read in pages of 500, with "loading 500 of ~1,200"; the watch follows the last page', async () => {
		const cluster = new KubeCluster(connect(sandbox), {namespace: 'paged', tuning: {...fast, restPage: 500}});
		const seen = record(cluster.pods);
		await waitFor(() => cluster.pods.getSnapshot().synced, 'all pages', 20_000);
		const pages = seen.filter(each => !each.synced && each.rows > 0);
		assert.deepEqual(pages.map(each => each.rows), [500, 1000]);
		assert.deepEqual(pages.map(each => each.state), [{kind: 'connecting', loaded: 500, total: 1200}, {kind: 'connecting', loaded: 1000, total: 1200}]);
		assert.equal(stateText(pages[0]!.state), 'loading 500 of ~1,200…');
		const rows = cluster.pods.getSnapshot().items;
		assert.equal(rows.length, 1200);
		assert.deepEqual(rows.map(row => row.name), Array.from({length: 1200}, (_, index) => `seed-${String(index).padStart(5, '0')}`));
		assert.deepEqual(cluster.pods.getSnapshot().state, {kind: 'live'});
		// The watch starts from the pages' resourceVersion: a change made now arrives.
		const pod = sandbox.objects.get('pods', 'paged', 'seed-00007')!;
		sandbox.objects.delete('pods', 'paged', pod.metadata!.name!);
		await waitFor(() => cluster.pods.getSnapshot().items.length === 1199, 'the deletion, watched');
		cluster.close();
	});

	test('by default the rest after the first page comes in one continued request: one "loading" frame, then all', async () => {
		const cluster = new KubeCluster(connect(sandbox), {namespace: 'paged', tuning: fast});
		const seen = record(cluster.pods);
		await waitFor(() => cluster.pods.getSnapshot().synced, 'the rest', 20_000);
		const pages = seen.filter(each => !each.synced && each.rows > 0);
		const total = sandbox.objects.list('pods', 'paged').length;
		assert.deepEqual(pages, [{rows: 500, state: {kind: 'connecting', loaded: 500, total}, synced: false}]);
		assert.equal(cluster.pods.getSnapshot().items.length, total);
		cluster.close();
	});

	test('a small namespace is one page: no "loading" state, straight to live', async () => {
		const cluster = new KubeCluster(connect(sandbox), {namespace: 'kube-system', tuning: fast});
		const seen = record(cluster.pods);
		await waitFor(() => cluster.pods.getSnapshot().synced, 'list');
		assert.ok(seen.every(each => each.state.kind !== 'connecting'), JSON.stringify(seen));
		cluster.close();
	});

	test('a continue token the server has compacted (410) ends in one full list, as client-go\'s pager does', async () => {
		// A proxy in front of the sandbox answers the first continued page as a real server does once etcd compacted it.
		const requests: string[] = [];
		let expired = false;
		const proxy = http.createServer((request, response) => {
			requests.push(request.url!);
			if (request.url!.includes('continue=') && !expired) {
				expired = true;
				response.writeHead(410, {'content-type': 'application/json'});
				response.end(JSON.stringify({kind: 'Status', apiVersion: 'v1', metadata: {}, status: 'Failure', reason: 'Expired', code: 410,
					message: 'The provided continue parameter is too old to display a consistent list result. You can start a new list without the continue parameter.'}));
				return;
			}

			const upstream = http.request(`${sandbox.url}${request.url}`, {method: request.method, headers: request.headers}, answer => {
				response.writeHead(answer.statusCode!, answer.headers);
				answer.pipe(response);
				answer.on('error', () => response.destroy());
			});
			// The watch is cut when the test ends: either side may see a reset.
			upstream.on('error', () => response.destroy());
			response.on('close', () => upstream.destroy());
			request.pipe(upstream);
		});
		await new Promise<void>(resolve => proxy.listen(0, '127.0.0.1', resolve));
		const api = new ApiClient(async options => {
			options.headers = {...options.headers, authorization: `Bearer ${sandbox.token}`};
		}, `http://127.0.0.1:${(proxy.address() as AddressInfo).port}`);
		const store = new ListWatchStore(pathSource<Pod>(api, '/api/v1/namespaces/paged/pods'), pod => pod.metadata.name, {...fast, firstPage: 500, restPage: 500});
		await waitFor(() => store.getSnapshot().synced, 'the full list', 20_000);
		const lists = requests.filter(url => !url.includes('watch=1'));
		assert.equal(lists.length, 3, lists.join('\n'));
		assert.match(lists[0]!, /limit=500$/);
		assert.match(lists[1]!, /limit=500&continue=/);
		assert.doesNotMatch(lists[2]!, /limit|continue/, 'the fallback is unpaged');
		const expected = sandbox.objects.list('pods', 'paged').length;
		assert.equal(store.getSnapshot().items.length, expected, 'no row twice, none missing');
		assert.equal(new Set(store.getSnapshot().items).size, expected);
		store.stop();
		proxy.closeAllConnections();
		proxy.close();
	});
});
