import assert from 'node:assert/strict';
import {describe, test} from 'node:test';
import {matchPosition, matchRanges, matchingLines, nextMatch} from '../../source/derive/text-search.js';
import type {KeyPress} from '../../source/keys/key-name.js';
import {routeKey, type ViewContext} from '../../source/state/route-key.js';
import {initialUiState, topMode, type UiState} from '../../source/state/ui-state.js';

const lines = ['Name:  web', 'Status:  Running', 'Containers:', '  web:', '    State:  Running', 'Events:  <none>'];

describe('text search (less/vim style)', () => {
	test('smart case: lower case matches any case, a capital matches exactly', () => {
		assert.deepEqual(matchingLines(lines, 'running'), [1, 4]);
		assert.deepEqual(matchingLines(lines, 'Web'), []);
		assert.deepEqual(matchingLines(lines, 'web'), [0, 3]);
		assert.deepEqual(matchRanges('web web', 'web'), [
			[0, 3],
			[4, 7],
		]);
		assert.deepEqual(matchRanges('aaaa', 'aa'), [
			[0, 2],
			[2, 4],
		]);
		assert.deepEqual(matchRanges('anything', ''), []);
	});

	test('next and previous wrap around the ends', () => {
		assert.equal(nextMatch(lines, 'running', -1, 1), 1);
		assert.equal(nextMatch(lines, 'running', 1, 1), 4);
		assert.equal(nextMatch(lines, 'running', 4, 1), 1);
		assert.equal(nextMatch(lines, 'running', 1, -1), 4);
		assert.equal(nextMatch(lines, 'nothing', 0, 1), undefined);
		assert.equal(matchPosition(lines, {query: 'running', line: 4}), '2/2');
		assert.equal(matchPosition(lines, {query: 'running'}), '2 matches');
		assert.equal(matchPosition(lines, {query: 'nothing'}), 'no match');
	});
});

const press = (name: string): KeyPress => ({name, text: name.length === 1 ? name : ''});
const view: ViewContext = {rowKeys: [], pageSize: 2, overlayLines: lines.length, detailText: lines, readonly: false, namespace: 'default'};
const inDetail: UiState = {
	...initialUiState,
	modes: [{kind: 'detail', target: {kind: 'Pod', namespace: 'default', name: 'web'}, scroll: 0}],
};
const route = (keys: string[], state = inDetail) => keys.reduce((current, key) => routeKey(current, press(key), view).state, state);
const detailOf = (state: UiState) =>
	state.modes.find(mode => mode.kind === 'detail') as Extract<UiState['modes'][number], {kind: 'detail'}>;

describe('/ in the detail', () => {
	test('finds while typing, Enter keeps the search, n and N move between matches', () => {
		const typing = route(['/', 'r', 'u', 'n']);
		assert.equal(topMode(typing)?.kind, 'prompt');
		assert.deepEqual(detailOf(typing).search, {query: 'run', line: 1});
		assert.equal(detailOf(typing).scroll, 1);
		const found = route(['enter'], typing);
		assert.equal(topMode(found)?.kind, 'detail');
		assert.deepEqual(detailOf(route(['n'], found)), {...detailOf(found), scroll: 4, search: {query: 'run', line: 4}});
		assert.deepEqual(detailOf(route(['n', 'n'], found)).search, {query: 'run', line: 1}, 'wraps to the top');
		assert.deepEqual(detailOf(route(['N'], found)).search, {query: 'run', line: 4}, 'wraps to the bottom');
	});

	test('Esc in the prompt drops the search; Esc in the detail clears it before closing', () => {
		assert.equal(detailOf(route(['/', 'w', 'escape'])).search, undefined);
		const searched = route(['/', 'w', 'enter']);
		const cleared = route(['escape'], searched);
		assert.equal(topMode(cleared)?.kind, 'detail');
		assert.equal(detailOf(cleared).search, undefined);
		assert.equal(route(['escape', 'escape'], searched).modes.length, 0);
	});

	test('a search that finds nothing says so; n without a search says how to start one', () => {
		const missed = route(['/', 'x', 'y', 'z', 'enter']);
		assert.deepEqual(missed.status, {text: 'not found: xyz', tone: 'warn', kubectl: undefined});
		assert.match(route(['n']).status?.text ?? '', /press \/ to search/);
	});
});
