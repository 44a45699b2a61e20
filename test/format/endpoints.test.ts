import {describe, test} from 'node:test';
import assert from 'node:assert/strict';
import type {EndpointSlice, EndpointSubset, Endpoints} from '../../source/k8s/types.js';
import {
	endpointSliceCells,
	endpointSliceColumns,
	endpointsCells,
	endpointsColumns,
	formatEndpoints,
	formatSliceEndpoints,
	formatSlicePorts,
	joinHostPort,
} from '../../source/format/endpoints.js';
import {renderTable} from './kubectl-table.js';
import {loadFixtures} from '../fixtures/fixtures.js';

describe('printEndpoints over real-object fixtures (kubectl get endpoints NAME)', () => {
	for (const fixture of loadFixtures<Endpoints>('endpoints')) {
		test(`${fixture.file}: ${fixture.description}`, () => {
			const cells = endpointsCells(fixture.object, Date.parse(fixture.now));
			assert.deepEqual(cells, fixture.cells);
			assert.deepEqual(renderTable(endpointsColumns, [{cells}], {wide: true}), fixture.kubectl);
		});
	}
});

describe('printEndpointSlice over real-object fixtures (kubectl get endpointslices NAME)', () => {
	for (const fixture of loadFixtures<EndpointSlice>('endpointslices')) {
		test(`${fixture.file}: ${fixture.description}`, () => {
			const cells = endpointSliceCells(fixture.object, Date.parse(fixture.now));
			assert.deepEqual(cells, fixture.cells);
			assert.deepEqual(renderTable(endpointSliceColumns, [{cells}], {wide: true}), fixture.kubectl);
		});
	}
});

describe('formatEndpoints', () => {
	const address = (ip: string): {ip: string} => ({ip});
	const cases: Array<[string, EndpointSubset[], string]> = [
		['an empty subsets list is <none>', [], '<none>'],
		['a subset without addresses gives an empty cell', [{ports: [{port: 80}]}], ''],
		[
			'three ports of one address, then a second address is "more"',
			[{addresses: [address('10.0.0.1'), address('10.0.0.2')], ports: [{port: 1}, {port: 2}, {port: 3}]}],
			'10.0.0.1:1,10.0.0.2:1,10.0.0.1:2 + 3 more...',
		],
		[
			'the count includes the addresses of later subsets',
			[
				{addresses: [address('10.0.0.1'), address('10.0.0.2'), address('10.0.0.3')], ports: [{port: 80}]},
				{addresses: [address('10.0.0.4')]},
			],
			'10.0.0.1:80,10.0.0.2:80,10.0.0.3:80 + 1 more...',
		],
		[
			'IPv4-mapped and zoned IPv6 are bracketed too',
			[{addresses: [address('::ffff:10.0.0.1'), address('fe80::1%eth0')], ports: [{port: 443}]}],
			'[::ffff:10.0.0.1]:443,[fe80::1%eth0]:443',
		],
	];
	for (const [description, subsets, expected] of cases) {
		test(description, () => {
			assert.equal(formatEndpoints({metadata: {name: 'x'}, subsets}), expected);
		});
	}

	test('joinHostPort', () => {
		assert.equal(joinHostPort('10.0.0.1', 80), '10.0.0.1:80');
		assert.equal(joinHostPort('fd00::1', '8080'), '[fd00::1]:8080');
	});
});

describe('EndpointSlice PORTS and ENDPOINTS', () => {
	test('a port without a number shows its name; without either, "*" (all ports)', () => {
		assert.equal(formatSlicePorts([{name: 'http'}, {}, {port: 8080, name: 'alt'}]), 'http,*,8080');
		// An empty name joins to '', which listWithMoreString also shows as <unset>.
		assert.equal(formatSlicePorts([{name: ''}]), '<unset>');
	});

	test('empty lists are <unset>; exactly three is not "more"', () => {
		assert.equal(formatSlicePorts([]), '<unset>');
		assert.equal(formatSliceEndpoints([]), '<unset>');
		assert.equal(formatSliceEndpoints([{addresses: ['a', 'b']}, {addresses: ['c']}]), 'a,b,c');
		assert.equal(formatSliceEndpoints([{addresses: ['a', 'b']}, {addresses: ['c', 'd']}]), 'a,b,c + 1 more...');
	});
});
