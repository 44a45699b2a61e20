import assert from 'node:assert/strict';
import {describe, test} from 'node:test';
import {countPods, recountPods} from '../../source/derive/pod-view.js';
import {podRow, type PodRow} from '../../source/format/pod.js';
import {fixtureNames, fixturePod} from '../ui/fake-cluster.js';

// Every pod fixture (running, crash-looping, completed, terminating, pending…), under a few names.
const kinds = fixtureNames().map(name => podRow(fixturePod(name)));
const rowsOf = (count: number, kindAt: (index: number) => number): PodRow[] =>
	Array.from({length: count}, (_, index) => {
		const row = kinds[kindAt(index) % kinds.length]!;
		return {...row, name: `pod-${String(index).padStart(4, '0')}`, key: `default/pod-${String(index).padStart(4, '0')}`};
	});

describe('the header counts, recounted from the last ones', () => {
	const start = rowsOf(300, index => index * 7);
	const edits: Array<[name: string, edit: (rows: PodRow[]) => PodRow[]]> = [
		['nothing changed (a new array of the same rows)', rows => [...rows]],
		['one row replaced by a row of another health', rows => rows.map((row, index) => (index === 17 ? {...kinds[3]!, key: row.key} : row))],
		['many rows replaced', rows => rows.map((row, index) => (index % 3 === 0 ? {...kinds[index % kinds.length]!, key: row.key} : row))],
		['a row deleted near the top (every later row moves up)', rows => rows.filter((_, index) => index !== 2)],
		['a row added at the end', rows => [...rows, {...kinds[1]!, key: 'default/zzz'}]],
		['a row added at the front', rows => [{...kinds[2]!, key: 'default/aaa'}, ...rows]],
		['rows deleted and added in one burst (same length)', rows => [...rows.slice(1, 150), {...kinds[4]!, key: 'x'}, ...rows.slice(150)]],
		['all rows gone', () => []],
	];
	for (const [name, edit] of edits) {
		test(name, () => {
			const after = edit(start);
			assert.deepEqual(recountPods({rows: start, counts: countPods(start)}, after), countPods(after));
		});
	}

	test('a chain of bursts ends where counting from scratch does', () => {
		let rows = start;
		let counts = countPods(rows);
		for (const [, edit] of [...edits.slice(0, -1), ...edits.slice(0, -1)]) {
			const next = edit(rows);
			counts = recountPods({rows, counts}, next);
			rows = next;
		}
		assert.deepEqual(counts, countPods(rows));
		assert.ok(counts.total > 0 && Object.values(counts).some(count => count > 0 && count < counts.total), 'several healths in play');
	});

	test("the store's word on which rows it replaced: only those are recounted, and a word about other rows is not taken", () => {
		const at = [3, 17, 120, 299];
		const after = start.map((row, index) => (at.includes(index) ? {...kinds[(index + 5) % kinds.length]!, key: row.key} : row));
		const earlier = {rows: start, counts: countPods(start)};
		assert.deepEqual(recountPods(earlier, after, {before: start, at}), countPods(after));
		// Said of another array (a snapshot the screen never drew): the rows are compared instead.
		assert.deepEqual(recountPods(earlier, after, {before: [...start], at: [3]}), countPods(after));
		// Taken at its word: only the rows it names are recounted.
		assert.notDeepEqual(recountPods(earlier, after, {before: start, at: [3]}), countPods(after));
	});

	test('no earlier counts: counted from scratch', () => {
		assert.deepEqual(recountPods(undefined, start), countPods(start));
	});
});
