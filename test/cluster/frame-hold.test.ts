import assert from 'node:assert/strict';
import {createServer} from 'node:http';
import {describe, test} from 'node:test';
import {FrameHold} from '../../source/cluster/frame-hold.js';
import {KubeCluster} from '../../source/cluster/kube-cluster.js';
import {connectionFromText, type Connection} from '../../source/cluster/kubeconfig.js';
import {ListWatchStore} from '../../source/cluster/resource-store.js';
import type {ListWatchSource} from '../../source/cluster/store-tuning.js';
import type {WatchEvent} from '../../source/k8s/types.js';
import {waitFor} from '../wait-for.js';

interface Thing {
	metadata: {name: string; namespace?: string; resourceVersion: string};
}

const thing = (name: string): Thing => ({metadata: {name, namespace: 'default', resourceVersion: '1'}});

/** Lists `names`; with `gate`, hands the first object, then waits for the gate before the rest (a long list on the wire). */
function source(names: string[], gate?: Promise<void>): ListWatchSource<Thing> {
	return {
		async list(_request, onItem) {
			const [first, ...rest] = names.map(thing);
			if (first) {
				onItem(first);
			}
			await gate;
			for (const each of rest) {
				onItem(each);
			}
			return {metadata: {resourceVersion: '1'}};
		},
		async watch({signal}: {signal: AbortSignal}, _onEvent: (event: WatchEvent<Thing>) => void) {
			await new Promise(resolve => signal.addEventListener('abort', resolve, {once: true}));
		},
	};
}

const tuning = {baseBackoffMs: 1, maxBackoffMs: 5, coalesceMs: 1, watchTimeoutSeconds: 60, firstPage: 0};

describe('the frame hold', () => {
	test('runs a notice at once when nothing holds it; while held, once (the same notice queued twice), when the last hold ends', () => {
		const hold = new FrameHold();
		const heard: string[] = [];
		const a = () => heard.push('a');
		hold.notify(a);
		assert.deepEqual(heard, ['a']);
		const first = hold.hold(60_000);
		const second = hold.hold(60_000);
		hold.notify(a);
		hold.notify(a);
		hold.notify(() => heard.push('b'));
		first();
		first(); // a second call of the same release does nothing
		assert.deepEqual(heard, ['a'], 'the second hold still holds');
		second();
		assert.deepEqual(heard, ['a', 'a', 'b']);
		hold.notify(a);
		assert.deepEqual(heard, ['a', 'a', 'b', 'a'], 'released: at once again');
	});

	test('idle resolves at once when nothing holds, else when the hold ends', async () => {
		const hold = new FrameHold();
		await hold.idle();
		const release = hold.hold(60_000);
		let idle = false;
		void hold.idle().then(() => {
			idle = true;
		});
		await new Promise(resolve => setImmediate(resolve));
		assert.equal(idle, false);
		release();
		await waitFor(() => idle, 'idle after the release');
	});

	test('a hold ends by itself after its limit', async () => {
		const hold = new FrameHold();
		let heard = 0;
		hold.hold(20);
		hold.notify(() => heard++);
		assert.equal(heard, 0);
		await waitFor(() => heard === 1, 'the notice after 20 ms');
	});

	test("the other stores' news waits while the holding store reads its first list, and comes in the same turn as its rows", async () => {
		const frames = new FrameHold();
		let finish!: () => void;
		const rest = new Promise<void>(resolve => {
			finish = resolve;
		});
		const pods = new ListWatchStore(source(['a', 'b', 'c'], rest), raw => raw.metadata.name, {...tuning, frames, holdsFrames: true});
		const nodes = new ListWatchStore(source(['node-1']), raw => raw.metadata.name, {...tuning, frames});
		const heard: string[] = [];
		pods.subscribe(() => {
			heard.push(`pods ${pods.getSnapshot().items.length}`);
			setImmediate(() => heard.push('the next turn'));
		});
		nodes.subscribe(() => heard.push(`nodes ${nodes.getSnapshot().items.length}`));
		await waitFor(() => nodes.getSnapshot().synced, 'the nodes listed');
		assert.deepEqual(nodes.getSnapshot().items, ['node-1'], 'the snapshot is current');
		assert.deepEqual(heard, [], 'but nobody heard of it while the pods list is read');

		finish();
		await waitFor(() => heard.length >= 3, 'both heard');
		assert.deepEqual(heard, ['pods 3', 'nodes 1', 'the next turn'], 'the rows first, then the held news, in one turn');
		pods.stop();
		nodes.stop();
	});

	test('a failed first list releases the hold', async () => {
		const frames = new FrameHold();
		let fail!: (error: Error) => void;
		const failing = new Promise<void>((_resolve, reject) => {
			fail = reject;
		});
		const pods = new ListWatchStore(source(['a', 'b'], failing), raw => raw.metadata.name, {
			...tuning,
			frames,
			holdsFrames: true,
			baseBackoffMs: 10_000,
		});
		const nodes = new ListWatchStore(source(['node-1']), raw => raw.metadata.name, {...tuning, frames});
		let heard = 0;
		nodes.subscribe(() => heard++);
		await waitFor(() => nodes.getSnapshot().synced, 'the nodes listed');
		assert.equal(heard, 0);
		fail(new Error('connection reset'));
		await waitFor(() => heard > 0, 'the nodes heard once the pods list failed');
		assert.equal(pods.getSnapshot().state.kind, 'reconnecting');
		pods.stop();
		nodes.stop();
	});
});

describe("a cluster's other lists", () => {
	test('start once the first frame is drawn and the pods are listed, not while the pods list is on the wire', async () => {
		const paths: string[] = [];
		let answerPods!: () => void;
		const podsAnswered = new Promise<void>(resolve => {
			answerPods = resolve;
		});
		const server = createServer((request, response) => {
			const url = request.url ?? '';
			paths.push(url);
			response.writeHead(200, {'content-type': 'application/json'});
			if (url.includes('watch=1')) {
				response.flushHeaders();
				return;
			}
			const list = JSON.stringify({kind: 'List', apiVersion: 'v1', metadata: {resourceVersion: '1'}, items: []});
			if (url.includes('/pods')) {
				void podsAnswered.then(() => response.end(list));
			} else {
				response.end(list);
			}
		});
		await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve));
		const {port} = server.address() as {port: number};
		let cluster: KubeCluster | undefined;
		try {
			const selected = connectionFromText(
				JSON.stringify({
					apiVersion: 'v1',
					kind: 'Config',
					clusters: [{name: 'here', cluster: {server: `http://127.0.0.1:${port}`, 'insecure-skip-tls-verify': true}}],
					users: [{name: 'me', user: {token: 'secret'}}],
					contexts: [{name: 'here', context: {cluster: 'here', user: 'me', namespace: 'web'}}],
					'current-context': 'here',
				}),
			);
			const opened = new KubeCluster((selected as {connection: Connection}).connection, {
				namespace: 'web',
				tuning: {coalesceMs: 5, watchTimeoutSeconds: 30},
				firstFrame: Promise.resolve(),
			});
			cluster = opened;
			void opened.nodes;
			await waitFor(() => paths.filter(path => path.includes('/pods')).length === 2, 'the pods page and whole list asked');
			// A short window in which the others would have gone out: the first frame is long drawn.
			await new Promise(resolve => setTimeout(resolve, 100));
			assert.deepEqual(
				paths.filter(path => !path.includes('/pods')),
				[],
			);
			answerPods();
			await waitFor(
				() => [opened.services, opened.endpoints, opened.nodes].every(store => store.getSnapshot().synced),
				'services, endpoints and nodes listed once the pods are',
			);
		} finally {
			cluster?.close();
			server.closeAllConnections();
			await new Promise(resolve => server.close(resolve));
		}
	});
});
