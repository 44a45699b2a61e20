import {describe, test} from 'node:test';
import assert from 'node:assert/strict';
import {applyOrder, describeDocument} from '../../source/manifests/order.js';

describe('applyOrder', () => {
	test('namespaces first, then services, then everything else', () => {
		const items = [
			{kind: 'Pod', name: 'pod-1'},
			{kind: 'Service', name: 'svc-pod'},
			{kind: 'ConfigMap', name: 'cfg'},
			{kind: 'Namespace', name: 'demo'},
			{kind: undefined, name: 'broken'},
		];
		assert.deepEqual(
			applyOrder(items).map(item => item.name),
			['demo', 'svc-pod', 'pod-1', 'cfg', 'broken'],
		);
	});

	test('stable within each rank, and the input is left as it was', () => {
		const items = [
			{kind: 'Pod', name: 'p1'},
			{kind: 'Service', name: 's1'},
			{kind: 'Pod', name: 'p2'},
			{kind: 'Namespace', name: 'n1'},
			{kind: 'Service', name: 's2'},
			{kind: 'Namespace', name: 'n2'},
			{kind: 'Pod', name: 'p3'},
		];
		const before = items.map(item => item.name);
		assert.deepEqual(
			applyOrder(items).map(item => item.name),
			['n1', 'n2', 's1', 's2', 'p1', 'p2', 'p3'],
		);
		assert.deepEqual(
			items.map(item => item.name),
			before,
		);
	});

	test('kinds match exactly (a lower-case kind is not a Service)', () => {
		assert.deepEqual(applyOrder([{kind: 'service'}, {kind: 'Service'}]), [{kind: 'Service'}, {kind: 'service'}]);
	});

	test('empty in, empty out', () => {
		assert.deepEqual(applyOrder([]), []);
	});
});

describe('describeDocument', () => {
	test('kind and name, the namespace when the document names one, or the error', () => {
		assert.equal(describeDocument({index: 0, line: 1, kind: 'Service', name: 'svc-pod'}), 'Service svc-pod');
		assert.equal(describeDocument({index: 0, line: 1, kind: 'Pod', name: 'pod-1', namespace: 'demo'}), 'Pod pod-1 (ns: demo)');
		assert.equal(describeDocument({index: 2, line: 9, kind: 'Pod', error: 'metadata.name not set'}), 'metadata.name not set');
	});
});
