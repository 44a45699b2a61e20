// The pods table makes a row's cells once per row object and keeps them until the row's text
// changes with the clock: under a watch storm only the row that changed is made again.
import './force-color.js';
import assert from 'node:assert/strict';
import {afterEach, describe, test} from 'node:test';
import {cleanup, render} from 'ink-testing-library';
import {podColumns, podRow, type PodRow} from '../../source/format/pod.js';
import type {RowColumn} from '../../source/format/columns.js';
import {RowTable} from '../../source/ui/components/row-table.js';
import {makeTheme} from '../../source/ui/theme.js';
import {fixtureNames, fixturePod} from './fake-cluster.js';
import {testNow} from './harness.js';

afterEach(() => cleanup());

const theme = makeTheme({});
const fixtures: PodRow[] = fixtureNames().map(name => podRow(fixturePod(name)));
// Rows whose AGE and RESTARTS tick in seconds, first on screen.
const fresh = [0, 1, 2].map(index => ({
	...fixtures[index]!,
	key: `default/a-fresh-${index}`,
	name: `a-fresh-${index}`,
	createdAt: testNow - 500 - index * 700,
	restarts: index + 1,
	lastRestartAt: testNow - 300 - index * 400,
}));
const rows: PodRow[] = [...fresh, ...fixtures];

/** The pods' columns, recording whose cells are made. */
function countingColumns(made: string[]): Array<RowColumn<PodRow>> {
	return podColumns.map(column => ({
		...column,
		cell: (row: PodRow, now: number) => {
			made.push(row.key);
			return column.cell(row, now);
		},
	}));
}

function table(columns: ReadonlyArray<RowColumn<PodRow>>, shown: readonly PodRow[], now: number) {
	return (
		<RowTable columns={columns} rows={shown} selected={1} allNamespaces={false} width={180} height={12} now={now} theme={theme} empty="" />
	);
}

describe('the row table under a watch storm', () => {
	test('a row replaced by a watch event is the only one made again', () => {
		const made: string[] = [];
		const columns = countingColumns(made);
		const app = render(table(columns, rows, testNow));
		const changed = {...rows[3]!, restarts: rows[3]!.restarts + 1};
		const next = rows.with(3, changed);
		// The static widths are measured over every row at most once a second: count only the cells on screen.
		made.length = 0;
		app.rerender(table(columns, next, testNow));
		const onScreen = new Set(next.slice(0, 11).map(row => row.key));
		assert.deepEqual([...new Set(made.filter(key => onScreen.has(key)))], [changed.key]);
		assert.equal(app.lastFrame(), render(table(podColumns, next, testNow)).lastFrame());
	});

	test('kept rows read as a fresh table at every moment, across second, minute and hour boundaries', () => {
		const app = render(table(podColumns, rows, testNow));
		for (const step of [0, 1, 300, 999, 1000, 1001, 59_999, 60_000, 61_500, 119_999, 120_000, 3_599_999, 3_600_000, 86_400_000]) {
			const now = testNow + step;
			app.rerender(table(podColumns, rows, now));
			assert.equal(app.lastFrame(), render(table(podColumns, rows, now)).lastFrame(), `at +${step} ms`);
		}
	});
});
