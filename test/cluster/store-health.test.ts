import assert from 'node:assert/strict';
import {test} from 'node:test';
import {ListWatchStore} from '../../source/cluster/resource-store.js';
import type {ListWatchSource} from '../../source/cluster/store-tuning.js';
import {SharedProbe} from '../../source/cluster/shared-probe.js';
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
		health: new SharedProbe(
			async signal => {
				probes++;
				if (answering) {
					return;
				}
				await new Promise((_resolve, reject) => signal.addEventListener('abort', () => reject(new Error('timeout')), {once: true}));
			},
			{idleMs: 40, timeoutMs: 40},
		),
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

test('a quiet store asks nothing while another store of the same server has events (the shared probe hears them)', async () => {
	let sending = true;
	const quiet: ListWatchSource<Thing> = {
		async list() {
			return {metadata: {resourceVersion: '1'}};
		},
		async watch({signal}) {
			await new Promise<void>((_resolve, reject) => signal.addEventListener('abort', () => reject(new Error('aborted')), {once: true}));
		},
	};
	// Like the lab's nodes watch: an event every 10 ms (a heartbeat) while `sending`.
	const busy: ListWatchSource<Thing> = {
		async list() {
			return {metadata: {resourceVersion: '1'}};
		},
		async watch({signal}, onEvent) {
			let version = 1;
			while (!signal.aborted) {
				if (sending) {
					onEvent({type: 'MODIFIED', object: {metadata: {name: 'node', resourceVersion: String(++version)}}});
				}
				await new Promise(resolve => setTimeout(resolve, 10));
			}
		},
	};
	let requests = 0;
	const health = new SharedProbe(
		async () => {
			requests++;
		},
		{idleMs: 250, timeoutMs: 1000},
	);
	const stores = [quiet, busy].map(source => new ListWatchStore(source, raw => raw.metadata.name, {health}));
	try {
		await waitFor(() => stores.every(store => store.getSnapshot().state.kind === 'live'), 'live', 10_000);
		const started = Date.now();
		await waitFor(() => Date.now() - started > 1000, 'four idle periods', 10_000);
		assert.equal(requests, 0, 'the events answered for the server');
		sending = false;
		await waitFor(() => requests > 0, 'a probe once nothing is heard', 10_000);
		assert.equal(stores[0]!.getSnapshot().state.kind, 'live');
	} finally {
		for (const store of stores) {
			store.stop();
		}
	}
});

test('a probe that answers after its watch ended (the server closed the stream) leaves no timer behind once the store stops', async () => {
	const watchSignals: AbortSignal[] = [];
	let firstWatchEnded!: () => void;
	const ended = new Promise<void>(resolve => {
		firstWatchEnded = resolve;
	});
	let probeStarted!: () => void;
	const started = new Promise<void>(resolve => {
		probeStarted = resolve;
	});
	let probes = 0;
	const source: ListWatchSource<Thing> = {
		async list() {
			return {metadata: {resourceVersion: '1'}};
		},
		async watch({signal}) {
			watchSignals.push(signal);
			if (watchSignals.length === 1) {
				await started; // the server ends the first stream while its probe is out
				firstWatchEnded();
				return;
			}
			await new Promise<void>((_resolve, reject) => signal.addEventListener('abort', () => reject(new Error('aborted')), {once: true}));
		},
	};
	// The health check's timers, counted: set and not yet fired or cleared.
	const pending = new Set<NodeJS.Timeout>();
	const timers = {
		setTimeout(callback: () => void, ms: number) {
			const handle = setTimeout(() => {
				pending.delete(handle);
				callback();
			}, ms);
			pending.add(handle);
			return handle;
		},
		clearTimeout(handle: unknown) {
			pending.delete(handle as NodeJS.Timeout);
			clearTimeout(handle as NodeJS.Timeout);
		},
	};
	const health = new SharedProbe(
		async () => {
			probes++;
			if (probes === 1) {
				probeStarted();
				await ended;
			}
		},
		{idleMs: 30, timeoutMs: 10_000, timers},
	);
	const store = new ListWatchStore(source, raw => raw.metadata.name, {health});
	try {
		await waitFor(() => probes >= 3, 'the second watch probed while quiet', 10_000);
		assert.equal(watchSignals.length, 2, 'the ended watch was resumed once');
		assert.equal(watchSignals[1]!.aborted, false, 'the late answer does not touch the new watch');
	} finally {
		store.stop();
	}
	await waitFor(() => pending.size === 0, 'no timer left once the store stopped', 10_000);
});
