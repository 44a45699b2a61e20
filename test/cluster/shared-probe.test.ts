// One probe answers for every store of a cluster: joined while in flight, reused while fresh,
// never reused when it failed; a caller that stops waiting does not stop the others.
import assert from 'node:assert/strict';
import {test} from 'node:test';
import {SharedProbe} from '../../source/cluster/shared-probe.js';

function fakeServer() {
	const calls: Array<{resolve: () => void; reject: (error: Error) => void}> = [];
	const request = async () =>
		new Promise<void>((resolve, reject) => {
			calls.push({resolve, reject});
		});
	return {calls, request};
}

test('four stores probing together make one request, and an answer 4 s old serves the next round', async () => {
	let now = 0;
	const server = fakeServer();
	const probe = new SharedProbe(server.request, 5000, 5000, () => now);
	const waiting = [1, 2, 3, 4].map(() => probe.probe(new AbortController().signal));
	assert.equal(server.calls.length, 1);
	server.calls[0]!.resolve();
	await Promise.all(waiting);
	now += 4000;
	await probe.probe(new AbortController().signal);
	assert.equal(server.calls.length, 1, 'fresh: no new request');
	now += 2000;
	const next = probe.probe(new AbortController().signal);
	assert.equal(server.calls.length, 2, 'stale after 5 s: a new request');
	server.calls[1]!.resolve();
	await next;
});

test('a failure reaches everyone waiting and is not kept', async () => {
	const server = fakeServer();
	const probe = new SharedProbe(server.request, 5000, 5000, () => 0);
	const waiting = [1, 2].map(() => probe.probe(new AbortController().signal));
	server.calls[0]!.reject(new Error('no answer'));
	for (const each of waiting) {
		await assert.rejects(each, /no answer/);
	}
	const again = probe.probe(new AbortController().signal);
	assert.equal(server.calls.length, 2, 'the next probe asks again');
	server.calls[1]!.resolve();
	await again;
});

test('a store that stops waiting leaves the shared request to the others', async () => {
	const server = fakeServer();
	const probe = new SharedProbe(server.request, 5000, 5000, () => 0);
	const stopping = new AbortController();
	const first = probe.probe(stopping.signal);
	const second = probe.probe(new AbortController().signal);
	stopping.abort(new Error('watch stopped'));
	await assert.rejects(first, /watch stopped/);
	server.calls[0]!.resolve();
	await second;
	assert.equal(server.calls.length, 1);
});
