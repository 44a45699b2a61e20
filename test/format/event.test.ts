import {describe, test} from 'node:test';
import assert from 'node:assert/strict';
import type {Event} from '../../source/k8s/types.js';
import {eventCells, eventColumns, eventObject, eventRow, eventRowColumns, eventSource} from '../../source/format/event.js';
import {cellsOf, headerOf} from '../../source/format/columns.js';
import {renderTable} from './kubectl-table.js';
import {loadFixtures} from '../fixtures/fixtures.js';

const fixtures = loadFixtures<Event>('events');

describe('printEvent over real-object fixtures (kubectl get event NAME -o wide)', () => {
	for (const fixture of fixtures) {
		test(`${fixture.file}: ${fixture.description}`, () => {
			const cells = eventCells(fixture.object, Date.parse(fixture.now));
			// Cells are raw, as in a server's Table; kubectl cuts MESSAGE at its first newline when printing.
			assert.deepEqual(cells, fixture.cells);
			assert.deepEqual(renderTable(eventColumns, [{cells}], {wide: true}), fixture.kubectl);
		});
	}

	test('columns: LAST SEEN TYPE REASON OBJECT MESSAGE, the rest only wide', () => {
		assert.deepEqual(eventColumns.filter(column => column.priority === 0).map(headerOf), [
			'LAST SEEN',
			'TYPE',
			'REASON',
			'OBJECT',
			'MESSAGE',
		]);
		assert.deepEqual(eventColumns.map(headerOf), [
			'LAST SEEN',
			'TYPE',
			'REASON',
			'OBJECT',
			'SUBOBJECT',
			'SOURCE',
			'MESSAGE',
			'FIRST SEEN',
			'COUNT',
			'NAME',
		]);
	});

	test('kubectl get events (not wide), in API order', () => {
		const now = Date.parse('2026-11-24T12:00:00Z');
		const rows = ['scheduled.json', 'pulling.json', 'multiline-message.json'].map(file => ({
			cells: eventCells(fixtures.find(fixture => fixture.file === file)!.object, now),
		}));
		assert.deepEqual(renderTable(eventColumns, rows), [
			'LAST SEEN   TYPE      REASON      OBJECT         MESSAGE',
			'13m         Normal    Scheduled   pod/testando   Successfully assigned default/testando to minikube',
			'13m         Normal    Pulling     pod/testando   Pulling image "nginx"',
			'10s         Warning   Unhealthy   pod/web-a      Readiness probe failed: HTTP probe failed with statuscode: 503...',
		]);
	});
});

describe('event fields', () => {
	const base: Event = {metadata: {name: 'e'}, involvedObject: {kind: 'Pod', name: 'p'}};

	test('SOURCE: component or reportingComponent, then host or reportingInstance', () => {
		assert.equal(eventSource({...base, source: {component: 'kubelet', host: 'minikube'}}), 'kubelet, minikube');
		assert.equal(eventSource({...base, source: {component: 'kubelet'}, reportingInstance: 'minikube'}), 'kubelet, minikube');
		assert.equal(eventSource({...base, source: {}, reportingComponent: 'default-scheduler'}), 'default-scheduler');
		assert.equal(eventSource({...base, source: {host: 'minikube'}}), ', minikube');
		assert.equal(eventSource(base), '');
	});

	test('OBJECT: lower-cased kind / name', () => {
		assert.equal(eventObject({...base, involvedObject: {kind: 'ReplicaSet', name: 'web-7d4b9c8f6'}}), 'replicaset/web-7d4b9c8f6');
		assert.equal(eventObject({...base, involvedObject: {kind: 'Pod'}}), 'pod');
		assert.equal(eventObject({...base, involvedObject: {name: 'x'}}), '/x');
	});

	test('COUNT: count, 1 when 0 or absent, series.count with a series', () => {
		const now = Date.parse('2026-11-24T12:00:00Z');
		const count = (event: Event): string => eventCells(event, now)[8]!;
		assert.equal(count({...base, count: 4}), '4');
		assert.equal(count({...base, count: 0}), '1');
		assert.equal(count(base), '1');
		assert.equal(count({...base, count: 9, series: {count: 2, lastObservedTime: '2026-11-24T11:59:00Z'}}), '2');
	});

	test('no timestamps at all: <unknown> for both ages', () => {
		const cells = eventCells({...base, firstTimestamp: null, lastTimestamp: null, eventTime: null}, Date.parse('2026-11-24T12:00:00Z'));
		assert.equal(cells[0], '<unknown>');
		assert.equal(cells[7], '<unknown>');
	});

	test('MESSAGE is trimmed', () => {
		assert.equal(eventCells({...base, message: '  padded \n'}, 0)[6], 'padded');
	});
});

describe("the events pane's rows (EventRow on the shared row table) over the same fixtures", () => {
	for (const fixture of fixtures) {
		test(`${fixture.file}: the cells kubectl get events prints, LAST SEEN ticking when its text changes`, () => {
			const now = Date.parse(fixture.now);
			const row = eventRow(fixture.object);
			const printed = fixture.cells as string[];
			assert.deepEqual(
				cellsOf(eventRowColumns, row, now),
				[0, 1, 2, 3, 6].map(index => printed[index]),
			);
			assert.deepEqual(eventRowColumns.map(headerOf), ['LAST SEEN', 'TYPE', 'REASON', 'OBJECT', 'MESSAGE']);
			const lastSeen = eventRowColumns[0]!;
			const next = lastSeen.ticks!(row, now);
			if (Number.isFinite(next)) {
				assert.equal(lastSeen.cell(row, next - 1), lastSeen.cell(row, now));
				assert.notEqual(lastSeen.cell(row, next), lastSeen.cell(row, now));
				assert.equal(lastSeen.cell(row, next), eventCells(fixture.object, next)[0]);
			}
			const coloured = eventRowColumns.map(column => column.colour?.(row));
			assert.deepEqual(
				coloured,
				eventRowColumns.map(() => (fixture.object.type === 'Warning' ? 'warning' : undefined)),
			);
		});
	}
});
