import assert from 'node:assert/strict';
import {describe, test} from 'node:test';
import {ListWatchStore} from '../../source/cluster/resource-store.js';
import type {ListWatchSource} from '../../source/cluster/store-tuning.js';
import type {WatchEvent} from '../../source/k8s/types.js';
import {waitFor} from '../wait-for.js';

interface Thing {
	metadata: {name: string; namespace: string; resourceVersion: string};
	value: number;
}
const thing = (name: string, value: number, resourceVersion = '1'): Thing => ({
	metadata: {name, namespace: 'default', resourceVersion},
	value,
});

/** Lists `a`…`e`, then sends what the test gives it as watch events. */
class Source implements ListWatchSource<Thing> {
	private emit: ((event: WatchEvent<Thing>) => void) | undefined;
	list: ListWatchSource<Thing>['list'] = async (_options, onItem) => {
		for (const name of ['a', 'b', 'c', 'd', 'e']) {
			onItem(thing(name, 0));
		}
		return {metadata: {resourceVersion: '10'}};
	};
	watch: ListWatchSource<Thing>['watch'] = async ({signal}, onEvent) => {
		this.emit = onEvent;
		await new Promise(resolve => signal.addEventListener('abort', resolve, {once: true}));
	};
	get watching(): boolean {
		return this.emit !== undefined;
	}
	send(type: 'ADDED' | 'MODIFIED' | 'DELETED', object: Thing): void {
		this.emit!({type, object});
	}
}

const fast = {baseBackoffMs: 1, maxBackoffMs: 5, coalesceMs: 5, watchTimeoutSeconds: 60, firstPage: 0};

describe('a snapshot says which rows a burst replaced', () => {
	test('a burst of changes to existing rows: the rows replaced and the items they replaced', async () => {
		const source = new Source();
		const store = new ListWatchStore(source, (raw: Thing) => raw, fast);
		await waitFor(() => source.watching, 'the watch');
		const before = store.getSnapshot();
		assert.equal(before.replaced, undefined, 'the list says nothing of the kind');
		source.send('MODIFIED', thing('d', 1, '11'));
		source.send('MODIFIED', thing('b', 1, '12'));
		source.send('MODIFIED', thing('d', 2, '13'));
		await waitFor(() => store.getSnapshot().version > before.version, 'the burst', 10_000);
		const after = store.getSnapshot();
		assert.equal(after.replaced?.before, before.items);
		assert.deepEqual([...after.replaced!.at].sort(), [1, 3]);
		assert.deepEqual(
			after.items.map(item => item.value),
			[0, 1, 0, 2, 0],
		);
		for (let index = 0; index < after.items.length; index++) {
			assert.equal(after.items[index] === before.items[index], !after.replaced!.at.includes(index), `row ${index}`);
		}
		store.stop();
	});

	test('a burst in which a row comes or goes says nothing', async () => {
		for (const [type, name] of [
			['ADDED', 'bb'],
			['DELETED', 'c'],
		] as const) {
			const source = new Source();
			const store = new ListWatchStore(source, (raw: Thing) => raw, fast);
			await waitFor(() => source.watching, 'the watch');
			const version = store.getSnapshot().version;
			source.send('MODIFIED', thing('a', 1, '11'));
			source.send(type, thing(name, 1, '12'));
			await waitFor(() => store.getSnapshot().version > version, `the burst with ${type}`, 10_000);
			assert.equal(store.getSnapshot().replaced, undefined, type);
			store.stop();
		}
	});

	test("a burst of updates keeps the store's sorted keys (no 10,000-key copy 20 times a second); a row that comes or goes copies them", async () => {
		const source = new Source();
		const store = new ListWatchStore(source, (raw: Thing) => raw, fast);
		await waitFor(() => source.watching, 'the watch');
		// The keys are the store's own (never on a snapshot): looked at here only for this.
		const keysOf = () => (store as unknown as {keys: string[]}).keys;
		const listed = keysOf();
		let version = store.getSnapshot().version;
		source.send('MODIFIED', thing('b', 1, '11'));
		source.send('MODIFIED', thing('e', 1, '12'));
		await waitFor(() => store.getSnapshot().version > version, 'the burst of updates', 10_000);
		assert.equal(keysOf(), listed);
		version = store.getSnapshot().version;
		source.send('ADDED', thing('bb', 1, '13'));
		source.send('DELETED', thing('d', 1, '14'));
		await waitFor(() => store.getSnapshot().version > version, 'the burst with a row added and one deleted', 10_000);
		assert.notEqual(keysOf(), listed);
		assert.deepEqual(listed, ['default/a', 'default/b', 'default/c', 'default/d', 'default/e'], 'the listed keys were not edited');
		assert.deepEqual(keysOf(), ['default/a', 'default/b', 'default/bb', 'default/c', 'default/e']);
		assert.deepEqual(
			store.getSnapshot().items.map(item => item.metadata.name),
			['a', 'b', 'bb', 'c', 'e'],
		);
		store.stop();
	});
});
