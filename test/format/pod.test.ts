import {describe, test} from 'node:test';
import assert from 'node:assert/strict';
import type {Pod} from '../../source/k8s/types.js';
import {headerOf, type Column} from '../../source/format/columns.js';
import {podCells, podColumns, podHealth, podRow, restartsCell} from '../../source/format/pod.js';
import {renderTable} from './kubectl-table.js';
import {loadFixtures, loadReference} from '../fixtures/fixtures.js';

const fixtures = loadFixtures<Pod>('pods');
const at = (time: string): number => Date.parse(time);

describe('printPod over real-object fixtures (kubectl get pod NAME -o wide)', () => {
	test('there is a fixture for every STATUS branch', () => {
		const statuses = new Set(fixtures.map(fixture => fixture.cells[2]));
		for (const status of [
			'Running',
			'Pending',
			'Evicted',
			'SchedulingGated',
			'Init:0/1',
			'Init:1/2',
			'Init:0/2',
			'Init:ImagePullBackOff',
			'Init:CrashLoopBackOff',
			'Init:Error',
			'Init:Signal:9',
			'Init:ExitCode:2',
			'PodInitializing',
			'ContainerCreating',
			'CrashLoopBackOff',
			'ErrImagePull',
			'ImagePullBackOff',
			'CreateContainerConfigError',
			'Completed',
			'Error',
			'OOMKilled',
			'Signal:15',
			'ExitCode:3',
			'NotReady',
			'Terminating',
			'Unknown',
			'ContainerStatusUnknown',
		]) {
			assert.ok(statuses.has(status), `no fixture prints ${status}`);
		}
	});

	for (const fixture of fixtures) {
		test(`${fixture.file}: ${fixture.description}`, () => {
			const row = podRow(fixture.object);
			const cells = podCells(row, at(fixture.now));
			assert.deepEqual(cells, fixture.cells);
			assert.deepEqual(renderTable(podColumns, [{cells}], {wide: true}), fixture.kubectl);
			assert.equal(row.health, fixture.health);
		});
	}
});

describe('podRow', () => {
	const running = fixtures.find(fixture => fixture.file === 'running.json')!.object;

	test('keeps what the row needs and nothing time-dependent', () => {
		const row = podRow(running);
		assert.deepEqual(row, {
			key: 'ref/testando',
			namespace: 'ref',
			name: 'testando',
			uid: '7bf2ae97-f4de-47cd-973a-5058ad61d8d4',
			resourceVersion: '200645',
			ready: '1/1',
			status: 'Running',
			restarts: 0,
			lastRestartAt: 0,
			createdAt: at('2026-11-24T11:46:52Z'),
			ip: '172.17.47.66',
			node: 'minikube',
			nominatedNode: '<none>',
			readinessGates: '<none>',
			phase: 'Running',
			deleting: false,
			health: 'ok',
			labels: {run: 'testando', touched: '1'},
			containerPorts: [],
		});
	});

	test('the reference Table row is reproduced 4 seconds after creation', () => {
		const table = loadReference<{rows: Array<{cells: unknown[]}>}>('table-pods');
		// That 1.20 server still sent RESTARTS as an integer.
		const expected = table.rows[0]!.cells.map(cell => String(cell));
		assert.deepEqual(podCells(podRow(running), at('2026-11-24T11:46:56Z')), expected);
	});

	test('AGE and RESTARTS tick with now while the row stays the same', () => {
		const crashy = podRow(fixtures.find(fixture => fixture.file === 'crashloop.json')!.object);
		assert.deepEqual(podCells(crashy, at('2026-11-24T12:00:00Z')).slice(3, 5), ['4 (62s ago)', '5m']);
		assert.deepEqual(podCells(crashy, at('2026-11-24T12:05:01Z')).slice(3, 5), ['4 (6m3s ago)', '10m']);
		assert.equal(crashy.lastRestartAt, at('2026-11-24T11:58:58Z'));
	});

	test('container ports, deletion and labels are carried', () => {
		const pod: Pod = {
			metadata: {
				name: 'web',
				namespace: 'shop',
				labels: {app: 'web'},
				deletionTimestamp: '2026-11-24T12:00:30Z',
				creationTimestamp: '2026-11-24T11:00:00Z',
			},
			spec: {
				containers: [
					{name: 'web', ports: [{name: 'http', containerPort: 8080, protocol: 'TCP'}, {containerPort: 9090}]},
					{name: 'dns', ports: [{containerPort: 53, protocol: 'UDP'}]},
				],
			},
			status: {phase: 'Running'},
		};
		const row = podRow(pod);
		assert.deepEqual(row.containerPorts, [
			{container: 'web', name: 'http', port: 8080, protocol: 'TCP'},
			{container: 'web', port: 9090, protocol: 'TCP'},
			{container: 'dns', port: 53, protocol: 'UDP'},
		]);
		assert.equal(row.deleting, true);
		assert.equal(row.status, 'Terminating');
		assert.equal(row.key, 'shop/web');
		assert.deepEqual(row.labels, {app: 'web'});
	});

	test('a pod with no status and no timestamp prints an empty STATUS and <unknown> AGE', () => {
		const row = podRow({metadata: {name: 'draft'}, spec: {containers: [{name: 'a'}, {name: 'b'}]}});
		assert.deepEqual(podCells(row, at('2026-11-24T12:00:00Z')), [
			'draft',
			'0/2',
			'',
			'0',
			'<unknown>',
			'<none>',
			'<none>',
			'<none>',
			'<none>',
		]);
		assert.equal(row.createdAt, undefined);
	});

	test('a restart without a finishedAt shows the bare count', () => {
		const pod: Pod = {
			metadata: {name: 'odd', creationTimestamp: '2026-11-24T11:00:00Z'},
			spec: {containers: [{name: 'odd'}]},
			status: {
				phase: 'Running',
				containerStatuses: [{name: 'odd', ready: true, restartCount: 2, state: {running: {}}, lastState: {terminated: {exitCode: 1}}}],
			},
		};
		assert.deepEqual(podCells(podRow(pod), at('2026-11-24T12:00:00Z')).slice(1, 4), ['1/1', 'Running', '2']);
	});

	test('with Initialized True after a failed init container, containers are walked and only sidecar restarts carry over', () => {
		// The Initialized condition is True (a restarted pod), so containers are walked even though
		// the init loop stopped at the failed container; restarts then count sidecars + containers.
		const pod: Pod = {
			metadata: {name: 'restarted', creationTimestamp: '2026-11-24T11:00:00Z'},
			spec: {initContainers: [{name: 'proxy', restartPolicy: 'Always'}, {name: 'setup'}], containers: [{name: 'app'}]},
			status: {
				phase: 'Running',
				conditions: [{type: 'Initialized', status: 'True'}],
				initContainerStatuses: [
					{
						name: 'proxy',
						ready: true,
						started: true,
						restartCount: 1,
						state: {running: {}},
						lastState: {terminated: {exitCode: 1, finishedAt: '2026-11-24T11:30:00Z'}},
					},
					{
						name: 'setup',
						ready: false,
						restartCount: 4,
						state: {terminated: {exitCode: 1, reason: 'Error'}},
						lastState: {terminated: {exitCode: 1, finishedAt: '2026-11-24T11:59:00Z'}},
					},
				],
				containerStatuses: [
					{
						name: 'app',
						ready: true,
						restartCount: 2,
						state: {running: {}},
						lastState: {terminated: {exitCode: 1, finishedAt: '2026-11-24T11:40:00Z'}},
					},
				],
			},
		};
		// 'setup' restarts (4) are dropped; proxy (1) + app (2) = 3, last at 11:40 (the setup one is dropped too).
		// A running container never overwrites the reason, so the init loop's Init:Error stays.
		assert.deepEqual(podCells(podRow(pod), at('2026-11-24T12:00:00Z')).slice(1, 4), ['2/2', 'Init:Error', '3 (20m ago)']);
	});
});

describe('podColumns', () => {
	test('match the columns a real server declares, with RESTARTS a string as on current servers', () => {
		const table = loadReference<{columnDefinitions: Column[]}>('table-pods');
		const reference = table.columnDefinitions;
		assert.deepEqual(podColumns.map(headerOf), [
			'NAME',
			'READY',
			'STATUS',
			'RESTARTS',
			'AGE',
			'IP',
			'NODE',
			'NOMINATED NODE',
			'READINESS GATES',
		]);
		assert.equal(podColumns.length, reference.length);
		for (const [index, column] of podColumns.entries()) {
			const server = reference[index]!;
			assert.equal(column.name, server.name);
			assert.equal(column.format, server.format);
			assert.equal(column.priority, server.priority);
			if (column.name === 'Restarts') {
				assert.equal(column.type, 'string');
			} else {
				assert.equal(column.type, server.type);
				assert.equal(column.description, server.description);
			}
		}
	});

	test('without -o wide only the first five columns show', () => {
		const crashy = fixtures.find(fixture => fixture.file === 'crashloop.json')!;
		const cells = podCells(podRow(crashy.object), at(crashy.now));
		assert.deepEqual(renderTable(podColumns, [{cells}]), [
			'NAME     READY   STATUS             RESTARTS      AGE',
			'crashy   0/1     CrashLoopBackOff   4 (62s ago)   5m',
		]);
	});
});

describe('restartsCell', () => {
	const now = at('2026-11-24T12:00:00Z');
	for (const [restarts, last, expected] of [
		[0, 0, '0'],
		[0, at('2026-11-24T11:00:00Z'), '0'],
		[3, 0, '3'],
		[3, at('2026-11-24T11:59:58Z'), '3 (2s ago)'],
		[12, at('2026-11-22T12:00:00Z'), '12 (2d ago)'],
	] as const) {
		test(`${restarts} restarts, last ${last} → ${expected}`, () => {
			assert.equal(restartsCell(restarts, last, now), expected);
		});
	}
});

describe('podHealth', () => {
	for (const [status, ready, total, expected] of [
		['Running', 1, 1, 'ok'],
		['Running', 2, 2, 'ok'],
		['Running', 0, 1, 'progressing'],
		['Pending', 0, 1, 'progressing'],
		['ContainerCreating', 0, 1, 'progressing'],
		['PodInitializing', 0, 1, 'progressing'],
		['SchedulingGated', 0, 1, 'progressing'],
		['Init:0/1', 0, 1, 'progressing'],
		['Init:12/13', 0, 1, 'progressing'],
		['CrashLoopBackOff', 0, 1, 'warning'],
		['ImagePullBackOff', 0, 1, 'warning'],
		['ErrImagePull', 0, 1, 'warning'],
		['CreateContainerConfigError', 0, 1, 'warning'],
		['Init:CrashLoopBackOff', 0, 1, 'warning'],
		['Init:ImagePullBackOff', 0, 1, 'warning'],
		['NotReady', 1, 2, 'warning'],
		['SomethingNew', 0, 1, 'warning'],
		['Error', 0, 1, 'failed'],
		['OOMKilled', 0, 1, 'failed'],
		['Evicted', 0, 1, 'failed'],
		['Unknown', 1, 1, 'failed'],
		['Failed', 0, 1, 'failed'],
		['ContainerStatusUnknown', 0, 1, 'failed'],
		['Init:Error', 0, 1, 'failed'],
		['Init:OOMKilled', 0, 1, 'failed'],
		['Init:Signal:9', 0, 1, 'failed'],
		['Init:ExitCode:2', 0, 1, 'failed'],
		['Signal:15', 0, 1, 'failed'],
		['ExitCode:3', 0, 1, 'failed'],
		['Completed', 0, 1, 'completed'],
		['Succeeded', 0, 1, 'completed'],
		['Terminating', 1, 1, 'terminating'],
	] as const) {
		test(`${status} ${ready}/${total} → ${expected}`, () => {
			assert.equal(podHealth(status, ready, total), expected);
		});
	}
});
