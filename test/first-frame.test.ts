import assert from 'node:assert/strict';
import {test} from 'node:test';
import type {ConnectionState, ResourceStore, StoreSnapshot} from '../source/cluster/types.js';
import {firstOutcome, within} from '../source/first-frame.js';

/** A store whose snapshot the test sets; each set tells the subscribers. */
function fakeStore(): ResourceStore<string> & {set(state: ConnectionState, synced?: boolean): void} {
	const listeners = new Set<() => void>();
	let snapshot: StoreSnapshot<string> = {items: [], version: 0, state: {kind: 'connecting'}, synced: false};
	return {
		subscribe(listener) {
			listeners.add(listener);
			return () => listeners.delete(listener);
		},
		getSnapshot: () => snapshot,
		stop() {},
		set(state, synced = false) {
			snapshot = {...snapshot, state, synced, version: snapshot.version + 1};
			for (const listener of listeners) {
				listener();
			}
		},
	};
}

/** Whether the promise has settled after the pending callbacks ran. */
async function settled(promise: Promise<unknown>): Promise<boolean> {
	let done = false;
	void promise.then(() => {
		done = true;
	});
	await new Promise(resolve => setImmediate(resolve));
	return done;
}

test('the first frame waits for the pods: their list, a first page, or a failure — not a publish that changes none of these', async () => {
	for (const [what, state, synced] of [
		['the whole list', {kind: 'live'}, true],
		['a first page with more to come', {kind: 'connecting', loaded: 500, total: 3000}, false],
		['a failure', {kind: 'reconnecting', reason: 'connection refused', attempt: 1}, false],
		['a refusal', {kind: 'forbidden', reason: 'pods is forbidden'}, false],
	] as const) {
		const store = fakeStore();
		const waited = firstOutcome(store, 60_000);
		assert.equal(await settled(waited), false, `${what}: not before`);
		store.set({kind: 'connecting'});
		assert.equal(await settled(waited), false, `${what}: still connecting`);
		store.set(state, synced);
		assert.equal(await settled(waited), true, what);
	}
});

test('a store that has its rows already does not wait; one that never answers waits only so long', async () => {
	const ready = fakeStore();
	ready.set({kind: 'live'}, true);
	assert.equal(await settled(firstOutcome(ready, 60_000)), true);

	const started = Date.now();
	await firstOutcome(fakeStore(), 50);
	assert.ok(Date.now() - started >= 45);
});

test('within: the value when it comes in time, else undefined (a failure too)', async () => {
	assert.deepEqual(await within(Promise.resolve({files: 5}), 1000), {files: 5});
	assert.equal(await within(new Promise(() => {}), 20), undefined);
	assert.equal(await within(Promise.reject(new Error('unreadable')), 1000), undefined);
});
