import {describe, test} from 'node:test';
import assert from 'node:assert/strict';
import {leaseCells, leaseColumns, type Lease} from '../../source/format/lease.js';
import {headerOf} from '../../source/format/columns.js';
import {renderTable} from './kubectl-table.js';

const now = Date.parse('2026-11-24T12:00:00Z');

// A node heartbeat as minikube's kubelet keeps it, and a leader-election lease nobody holds now.
const nodeLease: Lease = {
	apiVersion: 'coordination.k8s.io/v1',
	kind: 'Lease',
	metadata: {name: 'minikube', namespace: 'kube-node-lease', creationTimestamp: '2026-11-24T11:50:00Z'},
	spec: {holderIdentity: 'minikube', leaseDurationSeconds: 40, renewTime: '2026-11-24T11:59:55.123456Z'},
};
const released: Lease = {
	apiVersion: 'coordination.k8s.io/v1',
	kind: 'Lease',
	metadata: {name: 'kube-scheduler', namespace: 'kube-system', creationTimestamp: '2026-11-16T09:00:00Z'},
	spec: {leaseDurationSeconds: 15},
};

describe('printLease (kubectl get leases)', () => {
	test('columns NAME HOLDER AGE, all shown without -o wide', () => {
		assert.deepEqual(
			leaseColumns.map(column => [headerOf(column), column.type, column.format, column.priority]),
			[
				['NAME', 'string', 'name', 0],
				['HOLDER', 'string', '', 0],
				['AGE', 'string', '', 0],
			],
		);
		assert.match(leaseColumns[1]!.description, /^holderIdentity contains the identity of the holder of a current lease\./);
	});

	test('kubectl get leases -n kube-node-lease', () => {
		assert.deepEqual(renderTable(leaseColumns, [{cells: leaseCells(nodeLease, now)}]), [
			'NAME       HOLDER     AGE',
			'minikube   minikube   10m',
		]);
	});

	test('a lease without a holder prints an empty HOLDER, as printLease does for a nil holderIdentity', () => {
		assert.deepEqual(leaseCells(released, now), ['kube-scheduler', '', '8d']);
		assert.deepEqual(leaseCells({metadata: {name: 'bare'}}, now), ['bare', '', '<unknown>']);
	});
});
