import assert from 'node:assert/strict';
import {describe, test} from 'node:test';
import {ListWatchStore, type ListWatchSource} from '../../source/cluster/resource-store.js';
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
});
