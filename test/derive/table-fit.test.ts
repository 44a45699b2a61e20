import assert from 'node:assert/strict';
import {test} from 'node:test';
import {columnWidths, fitColumns, fitLine, tableLine} from '../../source/derive/table-fit.js';

const headers = ['NAME', 'READY', 'STATUS', 'IP', 'NODE'];
const rows = [
	['o-primeiro-pod', '1/1', 'Running', '172.17.0.3', 'minikube'],
	['pod-1', '1/1', 'Running', '172.17.0.4', 'minikube'],
];
const columns = [
	{header: 'NAME', shrink: true},
	{header: 'READY'},
	{header: 'STATUS'},
	{header: 'IP', dropRank: 2},
	{header: 'NODE', dropRank: 1},
];

test("wide enough: kubectl's layout, three spaces between columns, last cell unpadded", () => {
	const fitted = fitColumns(columns, columnWidths(headers, rows), 200);
	assert.deepEqual(
		rows.map(row => tableLine(row, fitted)),
		['o-primeiro-pod   1/1     Running   172.17.0.3   minikube', 'pod-1            1/1     Running   172.17.0.4   minikube'],
	);
});

test('narrower: columns drop in rank order, then NAME shrinks with …', () => {
	const widths = columnWidths(headers, rows);
	assert.deepEqual(fitColumns(columns, widths, 45).keep, [0, 1, 2, 3], 'NODE goes first');
	assert.deepEqual(fitColumns(columns, widths, 32).keep, [0, 1, 2], 'then IP');
	const tight = fitColumns(columns, widths, 27);
	assert.deepEqual(tight, {keep: [0, 1, 2], widths: [9, 5, 7]});
	assert.equal(tableLine(rows[0]!, tight), 'o-primei…   1/1     Running');
});

test('lines never exceed the width', () => {
	assert.equal(fitLine('abcdef', 4), 'abc…');
	assert.equal(fitLine('abc', 4), 'abc');
	assert.equal(fitLine('abc', 0), '');
});
