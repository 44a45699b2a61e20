import assert from 'node:assert/strict';
import {describe, test} from 'node:test';
import {moveSelection, scrollTop, selectedIndex} from '../../source/state/selection.js';

describe('the selection stays on the same object while rows move', () => {
	const keys = ['default/a', 'default/b', 'default/c'];
	test('found by key wherever it moved', () => {
		assert.equal(selectedIndex(['default/0', ...keys], {key: 'default/b', index: 1}), 2, 'a row inserted above');
		assert.equal(selectedIndex(['default/c', 'default/b', 'default/a'], {key: 'default/b', index: 1}), 1, 'rows re-sorted');
	});

	test('when its object is gone it moves to the neighbour at the same place', () => {
		assert.equal(selectedIndex(['default/a', 'default/c'], {key: 'default/b', index: 1}), 1, 'the row below takes its place');
		assert.equal(selectedIndex(['default/a'], {key: 'default/b', index: 1}), 0, 'the last row was deleted: the one above');
		assert.equal(selectedIndex([], {key: 'default/b', index: 1}), -1, 'no rows: nothing selected');
	});

	test('moving from a deleted row starts at its neighbour', () => {
		assert.deepEqual(moveSelection(['default/a', 'default/c', 'default/d'], {key: 'default/b', index: 1}, 1), {key: 'default/d', index: 2});
	});

	test('moves clamp at both ends', () => {
		assert.deepEqual(moveSelection(keys, {index: 0}, -5), {key: 'default/a', index: 0});
		assert.deepEqual(moveSelection(keys, {index: 0}, 50), {key: 'default/c', index: 2});
		assert.deepEqual(moveSelection([], {index: 3}, 1), {index: 0});
	});
});

describe('scrolling keeps the selection on screen with the least movement', () => {
	const cases: Array<[string, number, number, number, number, number]> = [
		// name, previous top, selected, visible, total, expected top
		['inside the window: no scroll', 5, 7, 10, 100, 5],
		['below the window: the selection becomes the last visible row', 5, 20, 10, 100, 11],
		['above the window: the selection becomes the first', 5, 2, 10, 100, 2],
		['rows deleted under the window: pulled back', 90, 50, 10, 60, 50],
		['fewer rows than the window', 3, 1, 10, 4, 0],
		['nothing selected', 4, -1, 10, 0, 0],
	];
	for (const [name, previous, selected, visible, total, expected] of cases) {
		test(name, () => assert.equal(scrollTop(previous, selected, visible, total), expected));
	}
});
