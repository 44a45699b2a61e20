// A first page that holds every pod is the whole list (cluster/pager.ts): the store is synced from
// it and watches from its resourceVersion, a consistent read's (etcd's), not the watch cache's.
// On the real server that watch must take that resourceVersion and carry what happens next.
import assert from 'node:assert/strict';
import {readFileSync} from 'node:fs';
import {after, before, test} from 'node:test';
import {ApiClient} from '../../source/cluster/api-client.js';
import {authenticateWith} from '../../source/cluster/credentials.js';
import {pathSource} from '../../source/cluster/kube-cluster.js';
import {connectionFromText, type Connection} from '../../source/cluster/kubeconfig.js';
import {podCodec} from '../../source/cluster/protobuf/decode.js';
import {ListWatchStore} from '../../source/cluster/resource-store.js';
import type {ListWatchSource} from '../../source/cluster/store-tuning.js';
import type {Pod} from '../../source/k8s/types.js';
import {waitFor} from '../wait-for.js';
import {kubectlOutput, realNamespace, type RealNamespace} from './real-cluster.js';

let ns: RealNamespace;
before(async () => {
	ns = await realNamespace('first-page');
	for (const name of ['one', 'two']) {
		await ns.core.createNamespacedPod({namespace: ns.name, body: {metadata: {name}, spec: {containers: [{name: 'web', image: 'nginx'}]}}});
	}
});
after(async () => ns?.remove());

test('the store is synced from the complete first page, and the watch from its resourceVersion carries a new pod and a deletion', async () => {
	const connection = (connectionFromText(readFileSync(process.env['KUBECONFIG']!, 'utf8')) as {connection: Connection}).connection;
	const api = new ApiClient(async options => authenticateWith(connection.credentials!, options), connection.server);
	const real = pathSource<Pod>(api, `/api/v1/namespaces/${ns.name}/pods`, {}, podCodec);
	let pageVersion: string | undefined;
	const watchedFrom: string[] = [];
	let wholeAborted = false;
	const source: ListWatchSource<Pod> = {
		async list(request, onItem) {
			if (request.limit) {
				const page = await real.list(request, onItem);
				pageVersion = page.metadata.resourceVersion;
				return page;
			}
			// The whole list is held back, so the page answers first, as it does for a small namespace when the watch cache is slow.
			await new Promise(resolve => {
				request.signal.addEventListener('abort', resolve, {once: true});
				setTimeout(resolve, 30_000);
			});
			wholeAborted = request.signal.aborted;
			return real.list(request, onItem);
		},
		async watch(options, onEvent) {
			watchedFrom.push(options.resourceVersion);
			return real.watch(options, onEvent);
		},
	};
	const store = new ListWatchStore(source, pod => pod.metadata.name, {firstPage: 500, coalesceMs: 5});
	try {
		await waitFor(() => store.getSnapshot().synced, 'synced from the first page', 20_000);
		assert.deepEqual(store.getSnapshot().items, ['one', 'two']);
		await waitFor(() => watchedFrom.length > 0, 'the watch', 20_000);
		assert.equal(watchedFrom[0], pageVersion, "the watch starts from the page's resourceVersion");
		assert.ok(wholeAborted, 'the whole list was aborted');

		await kubectlOutput('run', 'three', '--image=nginx', '-n', ns.name);
		await waitFor(() => store.getSnapshot().items.includes('three'), 'the new pod, watched', 30_000);
		await kubectlOutput('delete', 'pod', 'one', '-n', ns.name, '--grace-period=0', '--force');
		await waitFor(() => !store.getSnapshot().items.includes('one'), 'the deletion, watched', 60_000);
		assert.equal(watchedFrom.length, 1, 'one watch all along: the server took the resourceVersion');
	} finally {
		store.stop();
		api.close();
	}
});
