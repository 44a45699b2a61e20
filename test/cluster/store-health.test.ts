import assert from 'node:assert/strict';
import {test} from 'node:test';
import {ListWatchStore, type ListWatchSource} from '../../source/cluster/resource-store.js';
import {waitFor} from '../ui/harness.js';

type Thing = {metadata: {name: string; resourceVersion: string}};

test("a server that stops answering shows as not live, and live again when it is back (client-go's health check, timings injected)", async () => {
	let answering = true;
	// A watch that accepts and never sends anything, like a stopped (SIGSTOP) server.
	const source: ListWatchSource<Thing> = {
		async list(_options, onItem) {
			while (!answering) {
				await new Promise(resolve => setTimeout(resolve, 5));
			}
			onItem({metadata: {name: 'a', resourceVersion: '1'}});
			return {metadata: {resourceVersion: '1'}};
		},
		async watch({signal}) {
			await new Promise<void>((_resolve, reject) => {
				signal.addEventListener('abort', () => reject(new Error('aborted')), {once: true});
			});
		},
	};
	let probes = 0;
	const store = new ListWatchStore(source, raw => raw.metadata.name, {
		baseBackoffMs: 5,
		maxBackoffMs: 20,
		health: {
			idleMs: 40,
			timeoutMs: 40,
			async probe(signal) {
				probes++;
				if (answering) {
					return;
				}
				await new Promise((_resolve, reject) => signal.addEventListener('abort', () => reject(new Error('timeout')), {once: true}));
			},
		},
	});
	try {
		await waitFor(() => store.getSnapshot().state.kind === 'live', 'live', 10_000);
		await waitFor(() => probes >= 2, 'probes while quiet', 10_000);
		assert.equal(store.getSnapshot().state.kind, 'live', 'a quiet server that answers the probe stays live');
		answering = false;
		await waitFor(() => store.getSnapshot().state.kind === 'reconnecting', 'not live', 10_000);
		assert.deepEqual(store.getSnapshot().state, {
			kind: 'reconnecting',
			attempt: 1,
			reason: 'the server stopped answering (no answer in 0.04s)',
		});
		answering = true;
		await waitFor(() => store.getSnapshot().state.kind === 'live', 'live again', 10_000);
		assert.deepEqual(store.getSnapshot().items, ['a']);
	} finally {
		store.stop();
	}
});
