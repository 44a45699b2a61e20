import {describe, test} from 'node:test';
import assert from 'node:assert/strict';
import type {Service} from '../../source/k8s/types.js';
import {columnDefinition, type Column} from '../../source/format/columns.js';
import {makePortString, serviceCells, serviceColumns, serviceExternalIP, serviceRow} from '../../source/format/service.js';
import {renderTable} from './kubectl-table.js';
import {loadFixtures, loadReference} from '../fixtures/fixtures.js';

const fixtures = loadFixtures<Service>('services');

describe('printService over real-object fixtures (kubectl get svc NAME -o wide)', () => {
	for (const fixture of fixtures) {
		test(`${fixture.file}: ${fixture.description}`, () => {
			// API servers build Tables with Wide: true, so kubectl shows what wide=true gives.
			const cells = serviceCells(serviceRow(fixture.object), Date.parse(fixture.now));
			assert.deepEqual(cells, fixture.cells);
			assert.deepEqual(renderTable(serviceColumns, [{cells}], {wide: true}), fixture.kubectl);
		});
	}

	test('the reference Table row (np1) is reproduced at its creation second', () => {
		const table = loadReference<{rows: Array<{cells: string[]}>}>('table-services');
		const np1 = fixtures.find(fixture => fixture.file === 'nodeport.json')!.object;
		assert.deepEqual(serviceCells(serviceRow(np1), Date.parse('2026-11-24T11:46:56Z')), table.rows[0]!.cells);
	});

	test('serviceColumns match the columns a real server declares', () => {
		const table = loadReference<{columnDefinitions: Column[]}>('table-services');
		assert.deepEqual(serviceColumns.map(columnDefinition), table.columnDefinitions);
	});

	test('without -o wide SELECTOR is hidden', () => {
		const now = Date.parse('2026-11-24T12:00:00Z');
		const rows = ['kubernetes.json', 'cluster-ip.json', 'nodeport-tutorial.json', 'loadbalancer-pending.json', 'externalname.json'].map(
			file => ({cells: serviceCells(serviceRow(fixtures.find(fixture => fixture.file === file)!.object), now)}),
		);
		assert.deepEqual(renderTable(serviceColumns, rows), [
			'NAME          TYPE           CLUSTER-IP    EXTERNAL-IP               PORT(S)          AGE',
			'kubernetes    ClusterIP      10.96.0.1     <none>                    443/TCP          8d',
			'hello-svc     ClusterIP      10.96.45.10   <none>                    4050/TCP         2m',
			'hello-np      NodePort       10.96.201.7   <none>                    5000:30000/TCP   2m',
			'lb-pending    LoadBalancer   10.96.77.1    <pending>                 80:31234/TCP     30s',
			'my-database   ExternalName   <none>        my.database.example.com   <none>           3h',
		]);
	});
});

describe('getServiceExternalIP with wide=false (client-side printing clips LB ingress lists)', () => {
	const byFile = (file: string): Service => fixtures.find(fixture => fixture.file === file)!.object;

	test('longer than 16 characters: first 13 and "..."', () => {
		assert.equal(serviceExternalIP(byFile('loadbalancer-hostname.json'), false), 'a1b2c3d4e5f6a...');
		assert.equal(serviceExternalIP(byFile('loadbalancer-dedupe.json'), false), '203.0.113.10,...');
	});

	test('16 characters or fewer are kept', () => {
		assert.equal(serviceExternalIP(byFile('loadbalancer-ip.json'), false), '203.0.113.10');
		const sixteen: Service = {
			metadata: {name: 'x'},
			spec: {type: 'LoadBalancer'},
			status: {loadBalancer: {ingress: [{hostname: 'lb-0123456789.io'}]}},
		};
		assert.equal(serviceExternalIP(sixteen, false), 'lb-0123456789.io');
	});

	test('a clipped list is split on "," before externalIPs are appended, as kubectl does', () => {
		const service = structuredClone(byFile('loadbalancer-dedupe.json'));
		service.spec!.externalIPs = ['198.51.100.7'];
		assert.equal(serviceExternalIP(service, false), '203.0.113.10,...,198.51.100.7');
		assert.equal(serviceExternalIP(service, true), '203.0.113.10,203.0.113.20,198.51.100.7');
	});

	test('only externalIPs on a LoadBalancer without ingress', () => {
		const service: Service = {
			metadata: {name: 'x'},
			spec: {type: 'LoadBalancer', externalIPs: ['198.51.100.9']},
			status: {loadBalancer: {}},
		};
		assert.equal(serviceExternalIP(service, false), '198.51.100.9');
	});

	test('an ingress with neither ip nor hostname adds nothing', () => {
		const service: Service = {metadata: {name: 'x'}, spec: {type: 'LoadBalancer'}, status: {loadBalancer: {ingress: [{}]}}};
		assert.equal(serviceExternalIP(service, true), '<pending>');
	});

	test('NodePort with externalIPs, and an unknown or missing type', () => {
		assert.equal(serviceExternalIP({metadata: {}, spec: {type: 'NodePort', externalIPs: ['198.51.100.1']}}, false), '198.51.100.1');
		assert.equal(serviceExternalIP({metadata: {}, spec: {type: 'Special'}}, false), '<unknown>');
		assert.equal(serviceExternalIP({metadata: {}}, false), '<unknown>');
	});
});

describe('makePortString', () => {
	for (const [ports, expected] of [
		[undefined, ''],
		[[], ''],
		[[{port: 4050, protocol: 'TCP', targetPort: 8080}], '4050/TCP'],
		[[{port: 5000, nodePort: 30000, protocol: 'TCP'}], '5000:30000/TCP'],
		[
			[
				{port: 80, protocol: 'TCP'},
				{port: 443, protocol: 'TCP'},
			],
			'80/TCP,443/TCP',
		],
		[
			[
				{port: 53, protocol: 'UDP'},
				{port: 5060, nodePort: 31000, protocol: 'SCTP'},
			],
			'53/UDP,5060:31000/SCTP',
		],
		[[{port: 80, nodePort: 0, protocol: 'TCP'}], '80/TCP'],
	] as const) {
		test(`${JSON.stringify(ports)} → ${JSON.stringify(expected)}`, () => {
			assert.equal(makePortString(ports === undefined ? undefined : [...ports]), expected);
		});
	}
});
