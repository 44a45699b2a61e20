import assert from 'node:assert/strict';
import {test} from 'node:test';
import {logsMode, routeLogs, type LogsView} from '../../source/state/logs-keys.js';
import {initialUiState, topMode, type LogsMode, type UiState} from '../../source/state/ui-state.js';

const target = {kind: 'Pod' as const, namespace: 'default', name: 'pod-1'};

test('n and N walk the matches of a log that fits on one page, wrapping around', () => {
	// Four lines on a 20-line page: the view never scrolls, so only the current match says where n was.
	const view: LogsView = {lineCount: 4, pageSize: 20, matches: [1, 3]};
	let state: UiState = {...initialUiState, modes: [{...logsMode(target), search: 'GET'}]};
	const press = (command: 'nextMatch' | 'previousMatch') => {
		state = routeLogs(state, topMode(state) as LogsMode, command, view)!;
		return state.status?.text;
	};

	assert.equal(press('nextMatch'), 'match 1 of 2 for "GET"');
	assert.equal(press('nextMatch'), 'match 2 of 2 for "GET"');
	assert.equal(press('nextMatch'), 'match 1 of 2 for "GET"', 'wraps to the first');
	assert.equal(press('previousMatch'), 'match 2 of 2 for "GET"', 'and back, wrapping to the last');
});
