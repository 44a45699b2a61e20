import {describe, test} from 'node:test';
import assert from 'node:assert/strict';
import type {Node} from '../../source/k8s/types.js';
import {nodeCells, nodeColumns, nodeRoles, nodeStatus} from '../../source/format/node.js';
import {renderTable} from './kubectl-table.js';
import {loadFixtures} from '../fixtures/fixtures.js';

const fixtures = loadFixtures<Node>('nodes');

describe('printNode over real-object fixtures (kubectl get node NAME -o wide)', () => {
	for (const fixture of fixtures) {
		test(`${fixture.file}: ${fixture.description}`, () => {
			const cells = nodeCells(fixture.object, Date.parse(fixture.now));
			assert.deepEqual(cells, fixture.cells);
			assert.deepEqual(renderTable(nodeColumns, [{cells}], {wide: true}), fixture.kubectl);
		});
	}

	test('kubectl get nodes (not wide) for all of them', () => {
		const now = Date.parse('2026-11-24T12:00:00Z');
		assert.deepEqual(
			renderTable(
				nodeColumns,
				// The fixtures made for this clock (the lab's node was recorded later, at its own `now`).
				fixtures.filter(fixture => Date.parse(fixture.now) === now).map(fixture => ({cells: nodeCells(fixture.object, now)})),
			),
			[
				'NAME       STATUS                     ROLES                  AGE    VERSION',
				'cp-2       Ready,SchedulingDisabled   control-plane,master   23d    v1.30.0',
				'minikube   Ready                      control-plane          8d     v1.30.0',
				'fresh      Unknown                    <none>                 2s     ',
				'worker-1   NotReady                   worker                 4h     v1.30.0',
				'worker-2   NotReady                   worker                 4d4h   v1.30.0',
			],
		);
	});
});

describe('node STATUS and ROLES', () => {
	const node = (conditions: Array<{type: string; status: string}>, extra: Partial<Node> = {}): Node => ({
		metadata: {name: 'n'},
		status: {conditions},
		...extra,
	});

	test('only the Ready condition counts; the last one of a type wins', () => {
		assert.equal(
			nodeStatus(
				node([
					{type: 'MemoryPressure', status: 'True'},
					{type: 'Ready', status: 'True'},
				]),
			),
			'Ready',
		);
		assert.equal(
			nodeStatus(
				node([
					{type: 'Ready', status: 'True'},
					{type: 'Ready', status: 'False'},
				]),
			),
			'NotReady',
		);
		assert.equal(nodeStatus(node([{type: 'DiskPressure', status: 'True'}])), 'Unknown');
		assert.equal(nodeStatus({metadata: {}}), 'Unknown');
		assert.equal(nodeStatus(node([], {spec: {unschedulable: true}})), 'Unknown,SchedulingDisabled');
	});

	test('roles from both label forms, de-duplicated and sorted; an empty kubernetes.io/role is ignored', () => {
		const labelled = (labels: Record<string, string>): Node => ({metadata: {name: 'n', labels}});
		assert.equal(
			nodeRoles(
				labelled({'node-role.kubernetes.io/worker': '', 'node-role.kubernetes.io/ingress': 'true', 'kubernetes.io/role': 'worker'}),
			),
			'ingress,worker',
		);
		assert.equal(nodeRoles(labelled({'kubernetes.io/role': ''})), '<none>');
		assert.equal(nodeRoles(labelled({'node-role.kubernetes.io.example/x': ''})), '<none>');
		assert.equal(nodeRoles({metadata: {}}), '<none>');
	});
});
