import {describe, test} from 'node:test';
import assert from 'node:assert/strict';
import type {Namespace} from '../../source/k8s/types.js';
import {namespaceCells, namespaceColumns} from '../../source/format/namespace.js';
import {renderTable} from './kubectl-table.js';
import {loadFixtures} from '../fixtures/fixtures.js';

const fixtures = loadFixtures<Namespace>('namespaces');

describe('printNamespace over real-object fixtures (kubectl get namespace NAME)', () => {
	for (const fixture of fixtures) {
		test(`${fixture.file}: ${fixture.description}`, () => {
			const cells = namespaceCells(fixture.object, Date.parse(fixture.now));
			assert.deepEqual(cells, fixture.cells);
			assert.deepEqual(renderTable(namespaceColumns, [{cells}]), fixture.kubectl);
		});
	}

	test('kubectl get namespaces', () => {
		const now = Date.parse('2026-11-24T12:00:00Z');
		assert.deepEqual(
			renderTable(
				namespaceColumns,
				fixtures.map(fixture => ({cells: namespaceCells(fixture.object, now)})),
			),
			[
				'NAME          STATUS        AGE',
				'default       Active        8d',
				'kube-system   Active        8d',
				'old-team      Terminating   4d2h',
			],
		);
	});

	test('a namespace without status prints an empty STATUS', () => {
		assert.deepEqual(namespaceCells({metadata: {name: 'new'}}, 0), ['new', '', '<unknown>']);
	});
});
