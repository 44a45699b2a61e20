// What wakes an idle store (bench/idle.ts: on this VM a wake-up from sleep costs ~10 ms of CPU):
// its watches last 5–10 minutes, as client-go's reflector asks, spread so a cluster's watches do
// not end together; an event after a quiet spell is published in the same turn of the event loop.
import assert from 'node:assert/strict';
import {test} from 'node:test';
import {ListWatchStore} from '../../source/cluster/resource-store.js';
import type {ListWatchSource} from '../../source/cluster/store-tuning.js';
import {waitFor} from '../wait-for.js';

type Thing = {metadata: {name: string; resourceVersion: string}};

test('each watch asks the server for 300–600 s (client-go: minWatchTimeout × 1–2), different from watch to watch, and resumes where the last ended', async () => {
	const asked: Array<{timeoutSeconds: number; resourceVersion: string}> = [];
	let lists = 0;
	const source: ListWatchSource<Thing> = {
		async list() {
			lists++;
			return {metadata: {resourceVersion: '7'}};
		},
		// The server ends each stream at once (as at its timeout): the store asks for the next.
		async watch({timeoutSeconds, resourceVersion}) {
			asked.push({timeoutSeconds, resourceVersion});
			await new Promise(resolve => setImmediate(resolve));
		},
	};
	const store = new ListWatchStore(source, raw => raw.metadata.name, {coalesceMs: 1});
	try {
		await waitFor(() => asked.length >= 40, '40 watches', 10_000);
	} finally {
		store.stop();
	}
	const seconds = asked.map(watch => watch.timeoutSeconds);
	assert.ok(
		seconds.every(value => Number.isInteger(value) && value >= 300 && value <= 600),
		`timeouts ${seconds.join(' ')}`,
	);
	assert.ok(new Set(seconds).size > 10, `spread: ${new Set(seconds).size} different timeouts in ${seconds.length}`);
	assert.ok(Math.max(...seconds) - Math.min(...seconds) > 150, 'spread over the range');
	assert.equal(lists, 1, 'a stream that ends is resumed, not listed again');
	assert.ok(asked.every(watch => watch.resourceVersion === '7'));
});

test('an event after a quiet spell is published in the turn of the event loop that read it, not by a timer a millisecond later', async () => {
	let send!: (event: {type: 'ADDED'; object: Thing}) => void;
	const source: ListWatchSource<Thing> = {
		async list() {
			return {metadata: {resourceVersion: '1'}};
		},
		async watch({signal}, onEvent) {
			send = onEvent;
			await new Promise<void>((_resolve, reject) => signal.addEventListener('abort', () => reject(new Error('aborted')), {once: true}));
		},
	};
	const store = new ListWatchStore(source, raw => raw.metadata.name, {coalesceMs: 50});
	try {
		await waitFor(() => store.getSnapshot().state.kind === 'live' && send !== undefined, 'live', 10_000);
		await new Promise(resolve => setTimeout(resolve, 60)); // a quiet spell longer than coalesceMs
		for (const name of ['a', 'b']) {
			// As a socket's data is handled: in the poll phase, then the loop's check phase (setImmediate).
			const published = new Promise<readonly string[]>(resolve => {
				setImmediate(() => {
					send({type: 'ADDED', object: {metadata: {name, resourceVersion: '2'}}});
					setImmediate(() => resolve(store.getSnapshot().items));
				});
			});
			assert.ok((await published).includes(name), `${name} published before the next turn`);
			await new Promise(resolve => setTimeout(resolve, 60));
		}
	} finally {
		store.stop();
	}
});
