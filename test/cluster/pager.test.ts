import assert from 'node:assert/strict';
import http from 'node:http';
import type {AddressInfo} from 'node:net';
import {after, before, describe, test} from 'node:test';
import {ApiClient} from '../../source/cluster/api-client.js';
import {KubeCluster, pathSource, podsFirstPage} from '../../source/cluster/kube-cluster.js';
import {listWithPreview, type ListRequest} from '../../source/cluster/pager.js';
import {connectionFromText, type Connection} from '../../source/cluster/kubeconfig.js';
import {ListWatchStore} from '../../source/cluster/resource-store.js';
import type {ConnectionState, StoreSnapshot} from '../../source/cluster/types.js';
import type {Pod} from '../../source/k8s/types.js';
import {startSandbox, type Sandbox} from '../../source/sandbox/index.js';
import {stateText} from '../../source/ui/components/header.js';
import {waitFor} from '../wait-for.js';

const fast = {baseBackoffMs: 20, maxBackoffMs: 200, coalesceMs: 5, watchTimeoutSeconds: 30};
// A store lists a first page beside the whole list only when asked (KubeCluster asks for pods).
const paged = {...fast, firstPage: 500};

function connect(sandbox: Sandbox): Connection {
	const selected = connectionFromText(sandbox.kubeconfig(), {sandbox: true});
	assert.equal(selected.kind, 'ok');
	return (selected as {connection: Connection}).connection;
}

/**
 * A plain-HTTP proxy in front of the sandbox that records every request's URL; `hold` may make a
 * request wait (a busy server's late answer) before it is forwarded.
 */
async function proxyTo(sandbox: Sandbox, hold?: (url: string) => Promise<void> | undefined) {
	const requests: string[] = [];
	const proxy = http.createServer((request, response) => {
		requests.push(request.url!);
		const forward = () => {
			const upstream = http.request(`${sandbox.url}${request.url}`, {method: request.method, headers: request.headers}, answer => {
				response.writeHead(answer.statusCode!, answer.headers);
				answer.pipe(response);
				answer.on('error', () => response.destroy());
			});
			// The watch is cut when the test ends: either side may see a reset.
			upstream.on('error', () => response.destroy());
			response.on('close', () => upstream.destroy());
			request.pipe(upstream);
		};
		const held = hold?.(request.url!);
		if (held) {
			void held.then(forward);
		} else {
			forward();
		}
	});
	await new Promise<void>(resolve => proxy.listen(0, '127.0.0.1', resolve));
	return {
		url: `http://127.0.0.1:${(proxy.address() as AddressInfo).port}`,
		requests,
		close() {
			proxy.closeAllConnections();
			proxy.close();
		},
	};
}

/** Every snapshot a store publishes, in order: its row count and state. */
function record<T>(store: {
	subscribe(listener: () => void): () => void;
	getSnapshot(): StoreSnapshot<T>;
}): Array<{rows: number; state: ConnectionState; synced: boolean}> {
	const seen: Array<{rows: number; state: ConnectionState; synced: boolean}> = [];
	store.subscribe(() => {
		const snapshot = store.getSnapshot();
		seen.push({rows: snapshot.items.length, state: snapshot.state, synced: snapshot.synced});
	});
	return seen;
}

describe('the first page beside the whole first list, over HTTP (the sandbox pages as a real server does)', () => {
	let sandbox: Sandbox;
	before(async () => {
		sandbox = await startSandbox({timing: {scheduleMs: 5, pullMs: 10, startMs: 5, killMs: 20}});
		sandbox.seedPods('paged', 1200);
	});
	after(async () => sandbox.close());

	test('the first 500 rows are shown while the whole list streams, with "loading 500 of ~1,200"; the watch follows the whole list', async () => {
		// A proxy holds the whole list until the page is on the store's snapshot, as a busy server
		// answering 17 MB would: the order is then fixed however slow this machine is (a fixed delay
		// after the page's last byte was not enough with both cores busy).
		let pageShown!: () => void;
		const pageDone = new Promise<void>(resolve => {
			pageShown = resolve;
		});
		const proxy = await proxyTo(sandbox, url => (url.includes('resourceVersion=0') ? pageDone : undefined));
		const api = new ApiClient(async options => {
			options.headers = {...options.headers, authorization: `Bearer ${sandbox.token}`};
		}, proxy.url);
		const store = new ListWatchStore(pathSource<Pod>(api, '/api/v1/namespaces/paged/pods'), pod => pod.metadata.name, paged);
		const seen = record(store);
		store.subscribe(() => {
			const snapshot = store.getSnapshot();
			if (!snapshot.synced && snapshot.items.length > 0) {
				pageShown();
			}
		});
		try {
			await waitFor(() => store.getSnapshot().synced, 'the whole list (after the page was shown)', 20_000);
			const total = sandbox.objects.list('pods', 'paged').length;
			const pages = seen.filter(each => !each.synced && each.rows > 0);
			assert.deepEqual(pages, [{rows: 500, state: {kind: 'connecting', loaded: 500, total}, synced: false}]);
			assert.equal(stateText(pages[0]!.state), `loading 500 of ~${total.toLocaleString('en')}…`);
			assert.deepEqual(
				store.getSnapshot().items,
				Array.from({length: total}, (_, index) => `seed-${String(index).padStart(5, '0')}`),
			);
			assert.deepEqual(store.getSnapshot().state, {kind: 'live'});
			// The watch starts from the whole list's resourceVersion: a change made now arrives.
			sandbox.objects.delete('pods', 'paged', 'seed-00007');
			await waitFor(() => store.getSnapshot().items.length === total - 1, 'the deletion, watched');
		} finally {
			store.stop();
			proxy.close();
		}
	});

	test('a small namespace is one page: no "loading" state, straight to live', async () => {
		const cluster = new KubeCluster(connect(sandbox), {namespace: 'kube-system', tuning: fast});
		const seen = record(cluster.pods);
		await waitFor(() => cluster.pods.getSnapshot().synced, 'list');
		assert.ok(
			seen.every(each => each.state.kind !== 'connecting'),
			JSON.stringify(seen),
		);
		cluster.close();
	});

	test('the page and the whole list go out together: limit=500 (consistent, the read a real server pages) and resourceVersion=0 (its watch cache)', async () => {
		const proxy = await proxyTo(sandbox);
		const requests = proxy.requests;
		const api = new ApiClient(async options => {
			options.headers = {...options.headers, authorization: `Bearer ${sandbox.token}`};
		}, proxy.url);
		const store = new ListWatchStore(pathSource<Pod>(api, '/api/v1/namespaces/paged/pods'), pod => pod.metadata.name, paged);
		try {
			await waitFor(() => store.getSnapshot().synced, 'the whole list', 20_000);
			assert.deepEqual(requests.filter(url => !url.includes('watch=1')).sort(), [
				'/api/v1/namespaces/paged/pods?limit=500',
				'/api/v1/namespaces/paged/pods?resourceVersion=0',
			]);
			const expected = sandbox.objects.list('pods', 'paged').length;
			assert.equal(store.getSnapshot().items.length, expected, 'no row twice, none missing');
			assert.equal(new Set(store.getSnapshot().items).size, expected);
		} finally {
			store.stop();
			proxy.close();
		}
	});
});

describe('which stores list a first page', () => {
	test('KubeCluster lists a first page for pods only: services and endpoints are listed whole, one request each', async () => {
		const sandbox = await startSandbox();
		sandbox.seedPods('paged', 600);
		const proxy = await proxyTo(sandbox);
		const requests = proxy.requests;
		// The kubeconfig names the sandbox over https; the proxy forwards plain http to it.
		const text = sandbox
			.kubeconfig()
			.replace(/certificate-authority-data: \S+/, 'insecure-skip-tls-verify: true')
			.replace(/server: \S+/, `server: ${proxy.url}`);
		const selected = connectionFromText(text, {sandbox: true});
		assert.equal(selected.kind, 'ok', JSON.stringify(selected));
		const cluster = new KubeCluster((selected as {connection: Connection}).connection, {namespace: 'paged', tuning: fast});
		try {
			await waitFor(
				() => cluster.pods.getSnapshot().synced && cluster.services.getSnapshot().synced && cluster.endpoints.getSnapshot().synced,
				'pods, services and endpoints listed',
				20_000,
			);
			const lists = requests.filter(url => !url.includes('watch=1') && !url.startsWith('/version')).sort();
			assert.deepEqual(lists, [
				`/api/v1/namespaces/paged/pods?limit=${podsFirstPage}`,
				'/api/v1/namespaces/paged/pods?resourceVersion=0',
				'/api/v1/namespaces/paged/services?resourceVersion=0',
				'/apis/discovery.k8s.io/v1/namespaces/paged/endpointslices?resourceVersion=0',
			]);
		} finally {
			cluster.close();
			proxy.close();
			await sandbox.close();
		}
	});
});

describe('listWithPreview', () => {
	const signal = new AbortController().signal;
	const metadata = (rest: number | undefined) => ({
		resourceVersion: '9',
		...(rest === undefined ? {} : {continue: 'c', remainingItemCount: rest}),
	});

	test('a page that comes after the whole list is not shown', async () => {
		const shown: string[][] = [];
		const list = async (request: ListRequest, onItem: (raw: string) => void) => {
			if (request.limit) {
				await new Promise(resolve => setTimeout(resolve, 20));
			}
			for (const item of request.limit ? ['a'] : ['a', 'b']) {
				onItem(item);
			}
			return {metadata: metadata(request.limit ? 1 : undefined)};
		};
		const items: string[] = [];
		const whole = await listWithPreview(
			list,
			{firstPage: 1, resourceVersion: '0', signal},
			raw => items.push(raw),
			page => void shown.push(page),
		);
		await new Promise(resolve => setTimeout(resolve, 40));
		assert.deepEqual(items, ['a', 'b']);
		assert.deepEqual(shown, []);
		assert.equal(whole.metadata.resourceVersion, '9');
	});

	test('a page that fails leaves the whole list to answer; one without more (no continue) is not shown', async () => {
		for (const failPage of [true, false]) {
			const shown: string[][] = [];
			const list = async (request: ListRequest, onItem: (raw: string) => void) => {
				if (request.limit && failPage) {
					throw new Error('page refused');
				}
				if (!request.limit) {
					await new Promise(resolve => setTimeout(resolve, 20));
				}
				onItem('a');
				return {metadata: metadata(undefined)};
			};
			await listWithPreview(
				list,
				{firstPage: 500, signal},
				() => undefined,
				page => void shown.push(page),
			);
			assert.deepEqual(shown, []);
		}
	});

	test("once the whole list's first object has arrived, a page with more to come is dropped: its request aborted, never shown", async () => {
		const shown: string[][] = [];
		let pageAborted = false;
		const list = async (request: ListRequest, onItem: (raw: string) => void) => {
			if (request.limit) {
				// The page is still on the wire when the whole list starts arriving.
				await new Promise<void>(resolve => {
					const timer = setTimeout(resolve, 200);
					request.signal.addEventListener('abort', () => {
						pageAborted = true;
						clearTimeout(timer);
						resolve();
					});
				});
				onItem('a');
				return {metadata: metadata(2)};
			}
			onItem('a');
			await new Promise(resolve => setTimeout(resolve, 20));
			onItem('b');
			onItem('c');
			return {metadata: metadata(undefined)};
		};
		const items: string[] = [];
		await listWithPreview(
			list,
			{firstPage: 1, resourceVersion: '0', signal},
			raw => items.push(raw),
			page => void shown.push(page),
		);
		await new Promise(resolve => setTimeout(resolve, 20));
		assert.deepEqual(items, ['a', 'b', 'c']);
		assert.equal(pageAborted, true);
		assert.deepEqual(shown, []);
	});

	test("the page is shown with the server's count when it comes first", async () => {
		const shown: Array<[string[], unknown]> = [];
		const list = async (request: ListRequest, onItem: (raw: string) => void) => {
			if (!request.limit) {
				await new Promise(resolve => setTimeout(resolve, 20));
			}
			for (const item of request.limit ? ['a', 'b'] : ['a', 'b', 'c', 'd', 'e']) {
				onItem(item);
			}
			return {metadata: metadata(request.limit ? 3 : undefined)};
		};
		await listWithPreview(
			list,
			{firstPage: 2, signal},
			() => undefined,
			(page, progress) => void shown.push([page, progress]),
		);
		assert.deepEqual(shown, [[['a', 'b'], {loaded: 2, total: 5}]]);
	});

	test("once the page's first object came first, the whole list's body waits until the page is read and on screen", async () => {
		const events: string[] = [];
		let pageRead!: () => void;
		const pageWire = new Promise<void>(resolve => {
			pageRead = resolve;
		});
		let drawn!: () => void;
		const list = async (request: ListRequest, onItem: (raw: string) => void) => {
			if (request.limit) {
				onItem('a');
				await pageWire; // the rest of the page is still on the wire
				onItem('b');
				return {metadata: metadata(3)};
			}
			// The whole list, in three pieces of the body, each read once `ready` lets it.
			for (const item of ['a', 'b', 'c']) {
				await request.ready?.();
				onItem(item);
			}
			return {metadata: metadata(undefined)};
		};
		const listed = listWithPreview(
			list,
			{firstPage: 2, resourceVersion: '0', signal},
			raw => events.push(`whole ${raw}`),
			async page => {
				events.push(`page ${page.join('')}`);
				await new Promise<void>(resolve => {
					drawn = resolve;
				});
				events.push('page drawn');
			},
		);
		await new Promise(resolve => setTimeout(resolve, 20));
		assert.deepEqual(events, [], 'the whole list waits while the page is read');
		pageRead();
		await waitFor(() => events.length > 0, 'the page shown');
		await new Promise(resolve => setTimeout(resolve, 20));
		assert.deepEqual(events, ['page ab'], 'and while it is drawn');
		drawn();
		await listed;
		assert.deepEqual(events, ['page ab', 'page drawn', 'whole a', 'whole b', 'whole c']);
	});

	test('a page that comes first holding every object (no continue) is the whole list: its objects, and the other request aborted', async () => {
		let wholeAborted = false;
		const list = async (request: ListRequest, onItem: (raw: string) => void) => {
			if (request.limit) {
				onItem('a');
				onItem('b');
				return {metadata: {resourceVersion: '7'}};
			}
			onItem('a'); // what the whole list had handed over before it was cut off
			return new Promise<never>((_resolve, reject) => {
				request.signal.addEventListener('abort', () => {
					wholeAborted = true;
					reject(new Error('aborted'));
				});
			});
		};
		const shown: string[][] = [];
		const result = await listWithPreview(
			list,
			{firstPage: 500, resourceVersion: '0', signal},
			() => undefined,
			page => void shown.push(page),
		);
		assert.deepEqual(result, {metadata: {resourceVersion: '7'}, page: ['a', 'b']});
		assert.ok(wholeAborted, 'the whole list is not waited for, nor read');
		assert.deepEqual(shown, [], 'no preview: the page is the list');
	});

	test('a store whose first page holds every object is synced from it and watches from its resourceVersion', async () => {
		const watchedFrom: string[] = [];
		const source = {
			async list(request: ListRequest, onItem: (raw: Pod) => void) {
				if (!request.limit) {
					return new Promise<never>((_resolve, reject) => request.signal.addEventListener('abort', () => reject(new Error('aborted'))));
				}
				for (const name of ['b', 'a']) {
					onItem({metadata: {name, namespace: 'n', resourceVersion: '1'}} as Pod);
				}
				return {metadata: {resourceVersion: '42'}};
			},
			async watch(options: {resourceVersion: string; signal: AbortSignal}) {
				watchedFrom.push(options.resourceVersion);
				await new Promise(resolve => options.signal.addEventListener('abort', resolve));
			},
		};
		const store = new ListWatchStore(source, pod => pod.metadata.name, {...fast, firstPage: 500});
		await waitFor(() => store.getSnapshot().synced, 'synced from the page');
		assert.deepEqual(store.getSnapshot().items, ['a', 'b']);
		assert.deepEqual(store.getSnapshot().state, {kind: 'live'});
		await waitFor(() => watchedFrom.length > 0, 'the watch');
		assert.deepEqual(watchedFrom, ['42']);
		store.stop();
	});
});
