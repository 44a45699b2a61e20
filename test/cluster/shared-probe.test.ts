// One check answers for every store of a cluster: one timer and one request for all its watches,
// any sign of life remembered, a failure never reused.
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

test('a watch event is a sign of life: heard() moves lastHeard without a request', () => {
	let now = 5000;
	const server = fakeServer();
	const probe = new SharedProbe(server.request, {idleMs: 12_000, timeoutMs: 5000, now: () => now});
	probe.heard();
	now = 9000;
	assert.equal(probe.lastHeard(), 5000);
	assert.equal(server.calls.length, 0);
});

/** A fake clock with fake timers: `advance` runs what falls due, in order, and counts each timer that fires. */
function fakeTime() {
	let now = 1_000_000;
	let next = 1;
	const due = new Map<number, {at: number; callback: () => void}>();
	const time = {
		fired: 0,
		armed: 0,
		pending: () => due.size,
		now: () => now,
		timers: {
			setTimeout(callback: () => void, ms: number) {
				time.armed++;
				due.set(next, {at: now + ms, callback});
				return next++;
			},
			clearTimeout(handle: unknown) {
				due.delete(handle as number);
			},
		},
		/** Moves the clock on by `ms`, firing each timer at its moment (and letting the promises it starts settle). */
		async advance(ms: number) {
			const end = now + ms;
			for (;;) {
				const [id, first] = [...due].sort((a, b) => a[1].at - b[1].at)[0] ?? [];
				if (first === undefined || first.at > end) {
					break;
				}
				due.delete(id!);
				now = Math.max(now, first.at);
				time.fired++;
				first.callback();
				await settle();
			}
			now = end;
			await settle();
		},
	};
	return time;
}

const settle = async () => {
	for (let turn = 0; turn < 10; turn++) {
		await Promise.resolve();
	}
};

test('four watches and a heartbeat every 10 s: no request, and one timer for the cluster that fires at most once per 10 s (a timer per watch fired four)', async () => {
	const time = fakeTime();
	const server = fakeServer();
	const probe = new SharedProbe(server.request, {idleMs: 12_000, timeoutMs: 5000, now: time.now, timers: time.timers});
	const watches = [1, 2, 3, 4].map(() => new AbortController());
	const checks = watches.map(watch => probe.watch(watch));
	for (let second = 0; second < 600; second++) {
		if (second % 10 === 5) {
			checks[3]!.sawEvent(); // the nodes store hears the node's heartbeat
		}
		await time.advance(1000);
	}
	assert.equal(server.calls.length, 0, 'the heartbeat answered for the server');
	assert.ok(time.fired <= 61, `the check woke ${time.fired} times in 10 minutes`);
	assert.ok(time.armed <= 62, `${time.armed} timers set in 10 minutes`);
	assert.equal(time.pending(), 1, 'one timer stands for the four watches');
	assert.ok(watches.every(watch => !watch.signal.aborted));
	for (const check of checks) {
		check.end();
	}
	assert.equal(time.pending(), 0, 'no watch open: no timer');
});

test('a quiet cluster is asked after idleMs; a server that does not answer in timeoutMs aborts every watch open before the probe', async () => {
	const time = fakeTime();
	const server = fakeServer();
	const probe = new SharedProbe(server.request, {idleMs: 12_000, timeoutMs: 5000, now: time.now, timers: time.timers});
	const old = [new AbortController(), new AbortController()];
	for (const watch of old) {
		probe.watch(watch);
	}
	await time.advance(11_999);
	assert.equal(server.calls.length, 0, 'not yet quiet for 12 s');
	await time.advance(1);
	assert.equal(server.calls.length, 1, 'one request for both watches');
	server.calls[0]!.resolve();
	await settle();
	assert.equal(probe.lastHeard(), time.now(), 'the answer is a sign of life');
	await time.advance(12_000);
	assert.equal(server.calls.length, 2, 'asked again after another quiet 12 s');
	await time.advance(1000);
	const renewed = new AbortController();
	probe.watch(renewed); // a watch opened while the server is being asked
	await time.advance(4000); // the request's time limit
	server.calls[1]!.reject(server.calls[1]!.signal.reason as Error);
	await settle();
	assert.ok(server.calls[1]!.signal.aborted, 'the request was cut at its time limit');
	for (const watch of old) {
		assert.ok(watch.signal.aborted);
		assert.match((watch.signal.reason as Error).message, /stopped answering \(no answer in 5s\)/);
	}
	assert.equal(renewed.signal.aborted, false, 'a watch opened after the probe left waits for its own quiet 12 s');
});

test("an event on any watch moves the cluster's check on without touching its timer", async () => {
	const time = fakeTime();
	const server = fakeServer();
	const probe = new SharedProbe(server.request, {idleMs: 12_000, timeoutMs: 5000, now: time.now, timers: time.timers});
	const quiet = probe.watch(new AbortController());
	const busy = probe.watch(new AbortController());
	await time.advance(8000);
	const armed = time.armed;
	busy.sawEvent();
	busy.sawEvent();
	assert.equal(time.armed, armed, 'an event sets no timer');
	await time.advance(4000);
	assert.equal(server.calls.length, 0, 'heard 4 s ago: not quiet yet');
	await time.advance(8000);
	assert.equal(server.calls.length, 1, 'quiet for 12 s since the event');
	quiet.end();
	busy.end();
});

test('a failure is not kept: after it, the next quiet spell asks the server again', async () => {
	const time = fakeTime();
	const server = fakeServer();
	const probe = new SharedProbe(server.request, {idleMs: 12_000, timeoutMs: 5000, now: time.now, timers: time.timers});
	const watch = new AbortController();
	probe.watch(watch);
	await time.advance(12_000);
	server.calls[0]!.reject(new Error('no answer'));
	await settle();
	assert.ok(watch.signal.aborted);
	probe.watch(new AbortController()); // the store's next watch
	await time.advance(12_000);
	assert.equal(server.calls.length, 2, 'asked again');
	server.calls[1]!.resolve();
	await settle();
	assert.equal(probe.lastHeard(), time.now());
});
