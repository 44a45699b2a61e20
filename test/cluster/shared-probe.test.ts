// One probe answers for every store of a cluster: joined while in flight, never reused when it
// failed; a caller that stops waiting does not stop the others; any sign of life is remembered.
import assert from 'node:assert/strict';
import {test} from 'node:test';
import {SharedProbe} from '../../source/cluster/shared-probe.js';

function fakeServer() {
	const calls: Array<{resolve: () => void; reject: (error: Error) => void; signal: AbortSignal}> = [];
	const request = async (signal: AbortSignal) =>
		new Promise<void>((resolve, reject) => {
			calls.push({resolve, reject, signal});
		});
	return {calls, request};
}

test('four stores probing together make one request; its answer is when the server was last heard', async () => {
	let now = 1000;
	const server = fakeServer();
	const probe = new SharedProbe(server.request, 5000, () => now);
	assert.equal(probe.lastHeard(), Number.NEGATIVE_INFINITY);
	const waiting = [1, 2, 3, 4].map(() => probe.probe(new AbortController().signal));
	assert.equal(server.calls.length, 1);
	now = 1200;
	server.calls[0]!.resolve();
	await Promise.all(waiting);
	assert.equal(probe.lastHeard(), 1200);
	const next = probe.probe(new AbortController().signal);
	assert.equal(server.calls.length, 2, 'answered: the next probe asks again');
	server.calls[1]!.resolve();
	await next;
});

test('a watch event is a sign of life: heard() moves lastHeard without a request', () => {
	let now = 5000;
	const server = fakeServer();
	const probe = new SharedProbe(server.request, 5000, () => now);
	probe.heard();
	now = 9000;
	assert.equal(probe.lastHeard(), 5000);
	assert.equal(server.calls.length, 0);
});

test('a failure reaches everyone waiting and is not kept', async () => {
	const server = fakeServer();
	const probe = new SharedProbe(server.request, 5000, () => 0);
	const waiting = [1, 2].map(() => probe.probe(new AbortController().signal));
	server.calls[0]!.reject(new Error('no answer'));
	for (const each of waiting) {
		await assert.rejects(each, /no answer/);
	}
	assert.equal(probe.lastHeard(), Number.NEGATIVE_INFINITY);
	const again = probe.probe(new AbortController().signal);
	assert.equal(server.calls.length, 2, 'the next probe asks again');
	server.calls[1]!.resolve();
	await again;
});

test('a store that stops waiting leaves the shared request to the others', async () => {
	const server = fakeServer();
	const probe = new SharedProbe(server.request, 5000, () => 0);
	const stopping = new AbortController();
	const first = probe.probe(stopping.signal);
	const second = probe.probe(new AbortController().signal);
	stopping.abort(new Error('watch stopped'));
	await assert.rejects(first, /watch stopped/);
	server.calls[0]!.resolve();
	await second;
	assert.equal(server.calls.length, 1);
});

test('a request with no answer is cut after its time limit', async () => {
	const signals: AbortSignal[] = [];
	const silent = async (signal: AbortSignal) =>
		new Promise((_resolve, reject) => {
			signals.push(signal);
			signal.addEventListener('abort', () => reject(signal.reason), {once: true});
		});
	const probe = new SharedProbe(silent, 30);
	await assert.rejects(probe.probe(new AbortController().signal), /timeout/);
	assert.equal(signals.length, 1);
	assert.equal(signals[0]!.aborted, true);
});
