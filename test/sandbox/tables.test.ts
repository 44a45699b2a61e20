// Server-side Tables (what kubectl get asks for): columns and rows built by source/format,
// includeObject, single objects, and watch Tables as a real server streams them.
import {after, before, describe, test} from 'node:test';
import assert from 'node:assert/strict';
import type {Sandbox} from '../../source/sandbox/index.js';
import {podCells, podColumns, podRow} from '../../source/format/pod.js';
import {serviceCells, serviceRow} from '../../source/format/service.js';
import {endpointSliceCells, endpointsCells} from '../../source/format/endpoints.js';
import {nodeCells} from '../../source/format/node.js';
import {eventCells} from '../../source/format/event.js';
import {namespaceCells} from '../../source/format/namespace.js';
import {leaseCells} from '../../source/format/lease.js';
import {api, fastSandbox, openWatch, podManifest, reference, serviceManifest, waitFor} from './helpers.js';

const tableV1 = 'application/json;as=Table;v=v1;g=meta.k8s.io,application/json;as=Table;v=v1beta1;g=meta.k8s.io,application/json';

describe('server-side Tables', () => {
	let sandbox: Sandbox;
	// A clock the test moves: ages in the rows are computed from it.
	let clock = Date.parse('2026-11-24T12:00:00Z');
	before(async () => {
		sandbox = await fastSandbox({now: () => clock});
		await api(sandbox, '/api/v1/namespaces/default/services', {
			method: 'POST',
			body: serviceManifest('web', {selector: {app: 'web'}, ports: [{port: 80, targetPort: 'http'}]}),
		});
		await api(sandbox, '/api/v1/namespaces/default/pods', {
			method: 'POST',
			body: podManifest('web-1', {labels: {app: 'web'}, ports: [{name: 'http', containerPort: 8080}]}),
		});
		await waitFor(async () => assert.equal((await api(sandbox, '/api/v1/namespaces/default/pods/web-1')).body.status.phase, 'Running'));
		clock += 95_000;
	});
	after(async () => sandbox.close());

	test('pods: columns from podColumns, rows equal to podCells, PartialObjectMetadata by default', async () => {
		const table = await api(sandbox, '/api/v1/pods', {accept: tableV1});
		assert.equal(table.code, 200);
		assert.deepEqual(Object.keys(table.body), ['kind', 'apiVersion', 'metadata', 'columnDefinitions', 'rows']);
		assert.equal(table.body.kind, 'Table');
		assert.equal(table.body.apiVersion, 'meta.k8s.io/v1');
		assert.match(table.body.metadata.resourceVersion, /^\d+$/);
		assert.deepEqual(
			table.body.columnDefinitions,
			podColumns.map(column => ({
				name: column.name,
				type: column.type,
				format: column.format,
				description: column.description,
				priority: column.priority,
			})),
		);
		// The same columns, in the same order and priorities, as a real server's pod Table.
		const real = reference('table-pods.txt').body;
		assert.deepEqual(
			table.body.columnDefinitions.map((column: {name: string; priority: number; format: string}) => [
				column.name,
				column.priority,
				column.format,
			]),
			real.columnDefinitions.map((column: {name: string; priority: number; format: string}) => [
				column.name,
				column.priority,
				column.format,
			]),
		);
		const pods = (await api(sandbox, '/api/v1/pods')).body.items;
		assert.equal(table.body.rows.length, pods.length);
		for (const [index, row] of table.body.rows.entries()) {
			assert.deepEqual(row.cells, podCells(podRow(pods[index]), clock));
			assert.deepEqual(row.object, {kind: 'PartialObjectMetadata', apiVersion: 'meta.k8s.io/v1', metadata: pods[index].metadata});
		}

		const web = table.body.rows.find((row: {cells: string[]}) => row.cells[0] === 'web-1');
		assert.deepEqual(web.cells, ['web-1', '1/1', 'Running', '0', '95s', '172.17.0.3', 'minikube', '<none>', '<none>']);
	});

	test('includeObject=None and Object; v1beta1; a single object as a Table', async () => {
		const none = await api(sandbox, '/api/v1/namespaces/default/pods?includeObject=None', {accept: tableV1});
		assert.deepEqual(Object.keys(none.body.rows[0]), ['cells']);
		const full = await api(sandbox, '/api/v1/namespaces/default/pods?includeObject=Object', {accept: tableV1});
		assert.equal(full.body.rows[0].object.kind, 'Pod');
		assert.equal(full.body.rows[0].object.spec.containers[0].name, 'main');
		const beta = await api(sandbox, '/api/v1/namespaces/default/pods', {accept: 'application/json;as=Table;v=v1beta1;g=meta.k8s.io'});
		assert.equal(beta.body.apiVersion, 'meta.k8s.io/v1beta1');
		const single = await api(sandbox, '/api/v1/namespaces/default/pods/web-1', {accept: tableV1});
		assert.equal(single.body.kind, 'Table');
		assert.equal(single.body.rows.length, 1);
		assert.equal(single.body.rows[0].cells[0], 'web-1');
	});

	test('services, endpoints, endpoint slices, nodes, events, namespaces and leases: rows from their format functions', async () => {
		const cases: Array<[string, string, (object: any) => string[]]> = [
			['/api/v1/namespaces/default/services', '/api/v1/namespaces/default/services', object => serviceCells(serviceRow(object), clock)],
			['/api/v1/namespaces/default/endpoints', '/api/v1/namespaces/default/endpoints', object => endpointsCells(object, clock)],
			[
				'/apis/discovery.k8s.io/v1/namespaces/default/endpointslices',
				'/apis/discovery.k8s.io/v1/namespaces/default/endpointslices',
				object => endpointSliceCells(object, clock),
			],
			['/api/v1/nodes', '/api/v1/nodes', object => nodeCells(object, clock)],
			['/api/v1/namespaces/default/events', '/api/v1/namespaces/default/events', object => eventCells(object, clock)],
			['/api/v1/namespaces', '/api/v1/namespaces', object => namespaceCells(object, clock)],
			[
				'/apis/coordination.k8s.io/v1/namespaces/kube-node-lease/leases',
				'/apis/coordination.k8s.io/v1/namespaces/kube-node-lease/leases',
				object => leaseCells(object, clock),
			],
		];
		for (const [tablePath, listPath, cells] of cases) {
			const table = await api(sandbox, tablePath, {accept: tableV1});
			const items = (await api(sandbox, listPath)).body.items;
			assert.ok(items.length > 0, listPath);
			assert.deepEqual(
				table.body.rows.map((row: {cells: string[]}) => row.cells),
				items.map((item: unknown) => cells(item)),
				tablePath,
			);
		}

		const leases = await api(sandbox, '/apis/coordination.k8s.io/v1/namespaces/kube-node-lease/leases', {accept: tableV1});
		assert.deepEqual(
			leases.body.columnDefinitions.map((column: {name: string}) => column.name),
			['Name', 'Holder', 'Age'],
		);
		assert.deepEqual(
			leases.body.rows.map((row: {cells: string[]}) => row.cells),
			[['minikube', 'minikube', '11m']],
		);
		const endpoints = await api(sandbox, '/api/v1/namespaces/default/endpoints/web', {accept: tableV1});
		// The named targetPort "http" resolved to the container's 8080.
		assert.deepEqual(endpoints.body.rows[0].cells.slice(0, 2), ['web', '172.17.0.3:8080']);
	});

	test('finished pods carry the Completed row condition', async () => {
		sandbox.objects.create('pods', {
			metadata: {name: 'done', namespace: 'default'},
			spec: {nodeName: 'elsewhere', containers: [{name: 'main', image: 'busybox'}]},
			status: {
				phase: 'Succeeded',
				containerStatuses: [{name: 'main', ready: false, restartCount: 0, state: {terminated: {exitCode: 0, reason: 'Completed'}}}],
			},
		});
		const table = await api(sandbox, '/api/v1/namespaces/default/pods/done', {accept: tableV1});
		assert.deepEqual(table.body.rows[0].conditions, [
			{type: 'Completed', status: 'True', reason: 'Succeeded', message: 'The pod has completed successfully.'},
		]);
		assert.equal(table.body.rows[0].cells[2], 'Completed');
	});

	test('watch as Table: column definitions on the first event only, one row per event', async () => {
		const list = await api(sandbox, '/api/v1/namespaces/default/pods', {accept: tableV1});
		const watch = await openWatch(
			sandbox,
			`/api/v1/namespaces/default/pods?watch=1&resourceVersion=${list.body.metadata.resourceVersion}`,
			tableV1,
		);
		await api(sandbox, '/api/v1/namespaces/default/pods/web-1', {
			method: 'PATCH',
			contentType: 'application/merge-patch+json',
			body: {metadata: {labels: {touched: '1'}}},
		});
		await api(sandbox, '/api/v1/namespaces/default/pods/web-1', {
			method: 'PATCH',
			contentType: 'application/merge-patch+json',
			body: {metadata: {labels: {touched: '2'}}},
		});
		const events = await watch.until(seen => seen.length >= 2);
		watch.close();
		const real = reference('watch-table-pods.txt').body;
		assert.deepEqual(Object.keys(events[0]!), Object.keys(real));
		assert.deepEqual(Object.keys(events[0]!.object), Object.keys(real.object));
		assert.equal(events[0]!.type, 'MODIFIED');
		assert.equal(events[0]!.object.columnDefinitions.length, 9);
		assert.equal(events[1]!.object.columnDefinitions, null);
		assert.equal(events[1]!.object.rows.length, 1);
		assert.deepEqual(Object.keys(events[1]!.object.rows[0]), Object.keys(real.object.rows[0]));
		assert.equal(events[1]!.object.rows[0].object.metadata.labels.touched, '2');
		assert.equal(events[1]!.object.metadata.resourceVersion, events[1]!.object.rows[0].object.metadata.resourceVersion);
	});
});
