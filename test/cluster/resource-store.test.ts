import assert from 'node:assert/strict';
import {describe, test} from 'node:test';
import {ApiError, NetworkError} from '../../source/cluster/api-client.js';
import {ListWatchStore} from '../../source/cluster/resource-store.js';
import type {ListWatchSource} from '../../source/cluster/store-tuning.js';
import type {ConnectionState} from '../../source/cluster/types.js';
import type {WatchEvent} from '../../source/k8s/types.js';
import {waitFor} from '../ui/harness.js';

interface Thing {
	metadata: {name: string; namespace?: string; resourceVersion: string};
	value?: string;
}

const thing = (name: string, resourceVersion: string, value = '', namespace = 'default'): Thing => ({
	metadata: {name, namespace, resourceVersion},
	value,
});

/**
 * A server in memory: the test decides what each list answers and pushes watch events;
 * `failWatch` ends the open watch with an error, like a cut connection.
 */
class ScriptedSource implements ListWatchSource<Thing> {
	lists: Array<{resourceVersion?: string; limit?: number}> = [];
	watches: string[] = [];
	listAnswers: Array<() => Thing[] | Error> = [];
	private emit?: (event: WatchEvent<Thing>) => void;
	private end?: (error?: Error) => void;
	revision = 10;

	async list({resourceVersion, limit}: {resourceVersion?: string; limit?: number}, onItem: (raw: Thing) => void) {
		this.lists.push({resourceVersion, limit});
		const answer = (this.listAnswers.shift() ?? (() => []))();
		if (answer instanceof Error) {
			throw answer;
		}
		for (const item of answer) {
			onItem(item);
		}
		return {metadata: {resourceVersion: String(this.revision)}};
	}

	async watch({resourceVersion}: {resourceVersion: string}, onEvent: (event: WatchEvent<Thing>) => void) {
		this.watches.push(resourceVersion);
		this.emit = onEvent;
		await new Promise<void>((resolve, reject) => {
			this.end = error => (error ? reject(error) : resolve());
		});
	}

	get watching() {
		return this.emit !== undefined;
	}

	send(type: WatchEvent<Thing>['type'], object: Thing): void {
		try {
			this.emit!({type, object});
		} catch (error) {
			const end = this.end!;
			this.emit = undefined;
			end(error as Error);
		}
	}

	failWatch(error: Error): void {
		const end = this.end!;
		this.emit = undefined;
		end(error);
	}

	endWatch(): void {
		const end = this.end!;
		this.emit = undefined;
		end();
	}
}

// No first page beside the list here (test/cluster/pager.test.ts covers it): one scripted answer per list.
const fast = {baseBackoffMs: 1, maxBackoffMs: 5, coalesceMs: 1, watchTimeoutSeconds: 60, firstPage: 0};
const names = (store: ListWatchStore<Thing, Thing>) =>
	store.getSnapshot().items.map(item => `${item.metadata.namespace}/${item.metadata.name}=${item.value}`);

describe('a list+watch store', () => {
	test("lists first (resourceVersion 0, from the watch cache), then watches from the list's version", async () => {
		const source = new ScriptedSource();
		source.listAnswers.push(() => [thing('b', '5', '1'), thing('a', '6', '1')]);
		const store = new ListWatchStore(source, (raw: Thing) => raw, fast);
		await waitFor(() => source.watching, 'watch');
		assert.deepEqual(source.lists, [{resourceVersion: '0', limit: undefined}]);
		assert.deepEqual(source.watches, ['10']);
		assert.deepEqual(names(store), ['default/a=1', 'default/b=1'], 'kubectl order: by name');
		assert.deepEqual(store.getSnapshot().state, {kind: 'live'});
		assert.equal(store.getSnapshot().synced, true);
		store.stop();
	});

	test("rows are in the API server's order across namespaces: namespace, then name, bytewise", async () => {
		const source = new ScriptedSource();
		source.listAnswers.push(() => [thing('z', '1', '', 'default'), thing('a', '1', '', 'default-x'), thing('m', '1', '', 'default')]);
		const store = new ListWatchStore(source, (raw: Thing) => raw, fast);
		await waitFor(() => source.watching, 'watch');
		assert.deepEqual(names(store), ['default-x/a=', 'default/m=', 'default/z=']);
		store.stop();
	});

	test('a burst of watch events reaches subscribers as one change', async () => {
		const source = new ScriptedSource();
		source.listAnswers.push(() => [thing('a', '5', '1')]);
		const store = new ListWatchStore(source, (raw: Thing) => raw, {...fast, coalesceMs: 20});
		await waitFor(() => source.watching, 'watch');
		let notified = 0;
		store.subscribe(() => notified++);
		source.send('ADDED', thing('c', '11', '1'));
		source.send('MODIFIED', thing('a', '12', '2'));
		source.send('ADDED', thing('b', '13', '1'));
		source.send('DELETED', thing('c', '14', '1'));
		await waitFor(() => notified > 0, 'notify');
		await new Promise(resolve => setTimeout(resolve, 40));
		assert.equal(notified, 1);
		assert.deepEqual(names(store), ['default/a=2', 'default/b=1']);
		store.stop();
	});

	test('a stream the server ends (timeoutSeconds) resumes from the last version seen, bookmarks included', async () => {
		const source = new ScriptedSource();
		source.listAnswers.push(() => []);
		const store = new ListWatchStore(source, (raw: Thing) => raw, fast);
		await waitFor(() => source.watching, 'watch');
		source.send('ADDED', thing('a', '11'));
		source.send('BOOKMARK', {metadata: {name: '', resourceVersion: '15'}});
		source.endWatch();
		await waitFor(() => source.watches.length === 2, 'second watch');
		assert.deepEqual(source.watches, ['10', '15']);
		assert.equal(source.lists.length, 1, 'no relist');
		store.stop();
	});

	test('410 Gone in the stream: relist at once with a consistent read, and converge', async () => {
		const source = new ScriptedSource();
		source.listAnswers.push(() => [thing('a', '5'), thing('b', '5')]);
		source.listAnswers.push(() => [thing('b', '20', 'new'), thing('c', '20')]);
		const store = new ListWatchStore(source, (raw: Thing) => raw, fast);
		await waitFor(() => source.watching, 'watch');
		source.send('ERROR', {
			metadata: {name: '', resourceVersion: ''},
			...{kind: 'Status', code: 410, reason: 'Expired', message: 'too old resource version: 5 (20)'},
		} as unknown as Thing);
		await waitFor(() => source.lists.length === 2 && source.watching, 'relist');
		assert.deepEqual(source.lists, [
			{resourceVersion: '0', limit: undefined},
			{resourceVersion: undefined, limit: undefined},
		]);
		assert.deepEqual(names(store), ['default/b=new', 'default/c=']);
		assert.deepEqual(store.getSnapshot().state, {kind: 'live'});
		store.stop();
	});

	test('a cut connection shows reconnecting, retries with backoff, then converges to the server', async () => {
		const source = new ScriptedSource();
		source.listAnswers.push(() => [thing('a', '5'), thing('b', '5')]);
		source.listAnswers.push(() => new NetworkError('connect ECONNREFUSED 127.0.0.1:6443'));
		source.listAnswers.push(() => new NetworkError('connect ECONNREFUSED 127.0.0.1:6443'));
		source.listAnswers.push(() => [thing('b', '30'), thing('d', '30')]);
		const store = new ListWatchStore(source, (raw: Thing) => raw, {...fast, baseBackoffMs: 5});
		const states: ConnectionState[] = [];
		store.subscribe(() => states.push(store.getSnapshot().state));
		await waitFor(() => source.watching, 'watch');
		source.failWatch(new NetworkError('watch connection closed'));
		await waitFor(() => source.lists.length === 4 && source.watching, 'recovery');
		assert.deepEqual(
			states
				.filter(state => state.kind === 'reconnecting')
				.map(state => state.kind === 'reconnecting' && `${state.attempt}: ${state.reason}`),
			['1: watch connection closed', '2: connect ECONNREFUSED 127.0.0.1:6443', '3: connect ECONNREFUSED 127.0.0.1:6443'],
		);
		assert.deepEqual(names(store), ['default/b=', 'default/d='], 'a deleted meanwhile, d created meanwhile');
		assert.deepEqual(store.getSnapshot().state, {kind: 'live'});
		store.stop();
	});

	test("403 is forbidden, with the server's message, and is retried", async () => {
		const source = new ScriptedSource();
		const message =
			'pods is forbidden: User "system:serviceaccount:default:viewer" cannot list resource "pods" in API group "" in the namespace "default"';
		source.listAnswers.push(() => new ApiError(403, message, 'Forbidden'));
		source.listAnswers.push(() => [thing('a', '5')]);
		const store = new ListWatchStore(source, (raw: Thing) => raw, fast);
		const seen: ConnectionState[] = [];
		store.subscribe(() => seen.push(store.getSnapshot().state));
		await waitFor(() => source.watching, 'watch');
		assert.deepEqual(seen[0], {kind: 'forbidden', reason: message});
		assert.deepEqual(store.getSnapshot().state, {kind: 'live'});
		store.stop();
	});

	test('a change no row shows reaches subscribe (the detail) and getSnapshot, not subscribeShown (the rows)', async () => {
		const source = new ScriptedSource();
		source.listAnswers.push(() => [thing('a', '5', '1')]);
		// As a node's heartbeat: only resourceVersion moves, which no row shows.
		const sameValue = (before: Thing, after: Thing) => before.value === after.value;
		const store = new ListWatchStore(source, (raw: Thing) => raw, fast, sameValue);
		await waitFor(() => source.watching, 'watch');
		let every = 0;
		let shown = 0;
		store.subscribe(() => every++);
		store.subscribeShown(() => shown++);

		source.send('MODIFIED', thing('a', '11', '1'));
		await waitFor(() => every === 1, 'the change, to subscribe');
		assert.equal(store.getSnapshot().items[0]?.metadata.resourceVersion, '11', 'the snapshot holds the new object');
		assert.equal(shown, 0, 'no row changed');

		source.send('MODIFIED', thing('a', '12', '2'));
		await waitFor(() => every === 2 && shown === 1, 'a shown change, to both');
		source.send('ADDED', thing('b', '13', '1'));
		await waitFor(() => every === 3 && shown === 2, 'a new row, to both');
		source.send('DELETED', thing('b', '14', '1'));
		await waitFor(() => every === 4 && shown === 3, 'a row gone, to both');
		assert.deepEqual(names(store), ['default/a=2']);
		store.stop();
	});

	test('stop ends the loop and the timers', async () => {
		const source = new ScriptedSource();
		source.listAnswers.push(() => new NetworkError('down'));
		const store = new ListWatchStore(source, (raw: Thing) => raw, {...fast, baseBackoffMs: 10_000, maxBackoffMs: 10_000});
		await waitFor(() => store.getSnapshot().state.kind === 'reconnecting', 'failure');
		store.stop();
		await new Promise(resolve => setTimeout(resolve, 20));
		assert.equal(source.lists.length, 1);
	});
});
