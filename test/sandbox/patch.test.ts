// Patches as clients send them: JSON merge, JSON patch, strategic merge (with the
// directives kubectl apply uses) and server-side apply with field ownership.
import {after, before, describe, test} from 'node:test';
import assert from 'node:assert/strict';
import {readFileSync} from 'node:fs';
import type {Sandbox} from '../../source/sandbox/index.js';
import {strategicMergePatch} from '../../source/sandbox/strategic.js';
import {jsonPatch, mergePatch} from '../../source/sandbox/patch.js';
import {api, fastSandbox, podManifest} from './helpers.js';

describe('patch functions', () => {
	test('merge patch: objects merge, null deletes, lists are replaced', () => {
		assert.deepEqual(mergePatch({a: {b: 1, c: 2}, list: [1, 2], keep: true}, {a: {b: null, d: 3}, list: [3]}), {
			a: {c: 2, d: 3},
			list: [3],
			keep: true,
		});
	});

	test('JSON patch: add, remove, replace, move, copy, test; a failed test is an error', () => {
		const document = {metadata: {labels: {a: '1'}}, list: ['x', 'y']};
		assert.deepEqual(
			jsonPatch(document, [
				{op: 'add', path: '/metadata/labels/b', value: '2'},
				{op: 'remove', path: '/metadata/labels/a'},
				{op: 'replace', path: '/list/0', value: 'z'},
				{op: 'add', path: '/list/-', value: 'w'},
				{op: 'copy', from: '/list/0', path: '/first'},
				{op: 'move', from: '/first', path: '/moved'},
				{op: 'test', path: '/moved', value: 'z'},
			]),
			{metadata: {labels: {b: '2'}}, list: ['z', 'y', 'w'], moved: 'z'},
		);
		assert.throws(() => jsonPatch(document, [{op: 'test', path: '/list/0', value: 'nope'}]));
		assert.throws(() => jsonPatch(document, [{op: 'remove', path: '/missing'}]));
	});

	test('strategic merge: containers merge by name, container ports by containerPort (new ones first), other lists replace', () => {
		const pod = {
			spec: {
				containers: [
					{name: 'a', image: 'nginx:1', ports: [{containerPort: 80, protocol: 'TCP'}]},
					{name: 'b', image: 'redis', args: ['x', 'y']},
				],
				tolerations: [{key: 'k', operator: 'Exists'}],
			},
		};
		const patched = strategicMergePatch(pod, {
			spec: {
				containers: [
					{name: 'a', image: 'nginx:2', ports: [{containerPort: 443}]},
					{name: 'b', args: ['z']},
				],
				tolerations: [{key: 'other', operator: 'Exists'}],
			},
		});
		assert.deepEqual(patched, {
			spec: {
				containers: [
					// A new item goes first, as the server's normalizeElementOrder puts it.
					{name: 'a', image: 'nginx:2', ports: [{containerPort: 443}, {containerPort: 80, protocol: 'TCP'}]},
					{name: 'b', image: 'redis', args: ['z']},
				],
				tolerations: [{key: 'other', operator: 'Exists'}],
			},
		});
	});

	test('strategic merge directives: $patch delete and replace, $setElementOrder, $deleteFromPrimitiveList, $retainKeys', () => {
		const pod = {
			metadata: {finalizers: ['a', 'b', 'c'], labels: {x: '1', y: '2'}},
			spec: {
				containers: [
					{name: 'one', image: 'i1'},
					{name: 'two', image: 'i2'},
					{name: 'three', image: 'i3'},
				],
				strategy: {type: 'A', rollingUpdate: {max: 1}},
			},
		};
		const patched = strategicMergePatch(pod, {
			metadata: {'$deleteFromPrimitiveList/finalizers': ['b'], labels: {$patch: 'replace', z: '3'}},
			spec: {
				'$setElementOrder/containers': [{name: 'three'}, {name: 'one'}],
				containers: [{name: 'two', $patch: 'delete'}],
				strategy: {$retainKeys: ['type'], type: 'B'},
			},
		});
		assert.deepEqual(patched, {
			metadata: {finalizers: ['a', 'c'], labels: {z: '3'}},
			spec: {
				containers: [
					{name: 'three', image: 'i3'},
					{name: 'one', image: 'i1'},
				],
				strategy: {type: 'B'},
			},
		});
		assert.throws(() => strategicMergePatch(pod, {spec: {containers: [{image: 'no-name'}]}}), /does not contain declared merge key: name/);
	});
});

describe('patches over HTTP', () => {
	let sandbox: Sandbox;
	before(async () => {
		sandbox = await fastSandbox();
	});
	after(async () => sandbox.close());

	const patch = async (path: string, contentType: string, body: unknown, query = ''): Promise<any> =>
		api(sandbox, `${path}${query}`, {method: 'PATCH', contentType, body});

	test('strategic merge patch as kubectl apply sends it (last-applied annotation, $setElementOrder)', async () => {
		const pod = podManifest('smp', {ports: [{containerPort: 80}]});
		assert.equal((await api(sandbox, '/api/v1/namespaces/default/pods', {method: 'POST', body: pod})).code, 201);
		const reply = await patch(
			'/api/v1/namespaces/default/pods/smp',
			'application/strategic-merge-patch+json',
			{
				metadata: {annotations: {'kubectl.kubernetes.io/last-applied-configuration': '{}'}, labels: {app: 'smp'}},
				spec: {'$setElementOrder/containers': [{name: 'main'}], containers: [{name: 'main', image: 'nginx:1.27'}]},
			},
			'?fieldManager=kubectl-client-side-apply&fieldValidation=Strict',
		);
		assert.equal(reply.code, 200);
		assert.equal(reply.body.spec.containers[0].image, 'nginx:1.27');
		assert.deepEqual(reply.body.spec.containers[0].ports, [{containerPort: 80, protocol: 'TCP'}]);
		assert.equal(reply.body.metadata.labels.app, 'smp');
		assert.ok(reply.body.metadata.managedFields.some((entry: {manager: string}) => entry.manager === 'kubectl-client-side-apply'));
		const unknown = await patch(
			'/api/v1/namespaces/default/pods/smp',
			'application/strategic-merge-patch+json',
			{spec: {containers: [{name: 'main', imagee: 'x'}]}},
			'?fieldValidation=Strict',
		);
		assert.equal(unknown.code, 400);
		assert.equal(
			unknown.body.message,
			'Pod in version "v1" cannot be handled as a Pod: strict decoding error: unknown field "spec.containers[0].imagee"',
		);
	});

	test('JSON merge and JSON patch; a patch that sets a stale resourceVersion conflicts; unknown patch types are 415', async () => {
		const merged = await patch('/api/v1/namespaces/default/pods/smp', 'application/merge-patch+json', {metadata: {labels: {via: 'merge'}}});
		assert.equal(merged.body.metadata.labels.via, 'merge');
		const jsonPatched = await patch('/api/v1/namespaces/default/pods/smp', 'application/json-patch+json', [
			{op: 'replace', path: '/metadata/labels/via', value: 'json'},
		]);
		assert.equal(jsonPatched.body.metadata.labels.via, 'json');
		const stale = await patch('/api/v1/namespaces/default/pods/smp', 'application/merge-patch+json', {
			metadata: {resourceVersion: '2', labels: {via: 'stale'}},
		});
		assert.equal(stale.code, 409);
		assert.equal(stale.body.reason, 'Conflict');
		const unknownType = await patch('/api/v1/namespaces/default/pods/smp', 'text/plain', {});
		assert.equal(unknownType.code, 415);
		assert.equal((await patch('/api/v1/namespaces/default/pods/nothere', 'application/merge-patch+json', {})).code, 404);
	});

	test('server-side apply: creates, then unchanged keeps the resourceVersion, then configured', async () => {
		const manifest = {
			apiVersion: 'v1',
			kind: 'Service',
			metadata: {name: 'applied', labels: {app: 'x', team: 'a'}},
			spec: {selector: {app: 'x'}, ports: [{port: 80, targetPort: 8080}]},
		};
		const path = '/api/v1/namespaces/default/services/applied';
		const created = await patch(path, 'application/apply-patch+yaml', manifest, '?fieldManager=kpods');
		assert.equal(created.code, 201);
		const apply = created.body.metadata.managedFields.find((entry: {operation: string}) => entry.operation === 'Apply');
		assert.equal(apply.manager, 'kpods');
		assert.deepEqual(apply.fieldsV1, {
			// An Apply set names leaves and list items, not the maps and lists holding them (no `.` for them).
			'f:metadata': {'f:labels': {'f:app': {}, 'f:team': {}}},
			'f:spec': {'f:ports': {'k:{"port":80,"protocol":"TCP"}': {'.': {}, 'f:port': {}, 'f:targetPort': {}}}, 'f:selector': {'f:app': {}}},
		});
		const again = await patch(path, 'application/apply-patch+yaml', manifest, '?fieldManager=kpods');
		assert.equal(again.code, 200);
		assert.equal(again.body.metadata.resourceVersion, created.body.metadata.resourceVersion);
		assert.deepEqual(again.body.metadata.managedFields, created.body.metadata.managedFields);
		// Dropping a label from the manifest removes it: the applier owned it alone.
		const changed = {
			...manifest,
			metadata: {name: 'applied', labels: {app: 'x'}},
			spec: {...manifest.spec, ports: [{port: 80, targetPort: 9090}]},
		};
		const configured = await patch(path, 'application/apply-patch+yaml', changed, '?fieldManager=kpods');
		assert.equal(configured.code, 200);
		assert.notEqual(configured.body.metadata.resourceVersion, created.body.metadata.resourceVersion);
		assert.deepEqual(configured.body.metadata.labels, {app: 'x'});
		assert.equal(configured.body.spec.ports[0].targetPort, 9090);
		assert.equal(configured.body.spec.clusterIP, created.body.spec.clusterIP);
	});

	test("server-side apply conflicts with another manager's field unless forced", async () => {
		const path = '/api/v1/namespaces/default/services/applied';
		const other = await patch(
			path,
			'application/merge-patch+json',
			{spec: {ports: [{port: 80, targetPort: 7070, protocol: 'TCP'}]}},
			'?fieldManager=editor',
		);
		assert.equal(other.code, 200);
		const manifest = {
			apiVersion: 'v1',
			kind: 'Service',
			metadata: {name: 'applied', labels: {app: 'x'}},
			spec: {selector: {app: 'x'}, ports: [{port: 80, targetPort: 9090}]},
		};
		const refused = await patch(path, 'application/apply-patch+yaml', manifest, '?fieldManager=kpods');
		assert.equal(refused.code, 409);
		assert.equal(
			refused.body.message,
			'Apply failed with 1 conflict: conflict with "editor" using v1: .spec.ports[port=80,protocol="TCP"].targetPort',
		);
		assert.deepEqual(refused.body.details.causes, [
			{reason: 'FieldManagerConflict', message: 'conflict with "editor" using v1', field: '.spec.ports[port=80,protocol="TCP"].targetPort'},
		]);
		const forced = await patch(path, 'application/apply-patch+yaml', manifest, '?fieldManager=kpods&force=true');
		assert.equal(forced.code, 200);
		assert.equal(forced.body.spec.ports[0].targetPort, 9090);
		const missingManager = await patch(path, 'application/apply-patch+yaml', manifest);
		assert.equal(missingManager.code, 400);
	});

	test('server-side apply that changes a service port replaces the entry keyed by port+protocol', async () => {
		const manifest = readFileSync(new URL('../../manifests/svc-pod.yaml', import.meta.url), 'utf8');
		const path = '/api/v1/namespaces/default/services/svc-pod?fieldManager=kpods&force=true';
		const apply = async (text: string): Promise<any> =>
			api(sandbox, path, {method: 'PATCH', contentType: 'application/apply-patch+yaml', body: text});
		const created = await apply(manifest);
		assert.equal(created.code, 201, created.text);
		const changed = await apply(manifest.replace('port: 4050', 'port: 4051'));
		assert.equal(changed.code, 200, changed.text);
		assert.deepEqual(changed.body.spec.ports, [{protocol: 'TCP', port: 4051, targetPort: 80}]);
		assert.equal(changed.body.spec.clusterIP, created.body.spec.clusterIP);
		const entries = changed.body.metadata.managedFields;
		assert.deepEqual(
			entries.map((entry: {manager: string; operation: string}) => [entry.manager, entry.operation]),
			[['kpods', 'Apply']],
		);
		assert.deepEqual(entries[0].fieldsV1, {
			'f:spec': {
				'f:ports': {'k:{"port":4051,"protocol":"TCP"}': {'.': {}, 'f:port': {}, 'f:targetPort': {}}},
				'f:selector': {'f:app': {}},
				'f:type': {},
			},
		});
		// And back, with a second port beside it: both keyed entries, in the applied order.
		const two = await apply(
			manifest
				.replace('- port: 4050', '- name: a\n          port: 4050')
				.replace('targetPort: 80', 'targetPort: 80\n        - name: b\n          port: 4052\n          protocol: UDP'),
		);
		assert.equal(two.code, 200, two.text);
		assert.deepEqual(two.body.spec.ports, [
			{name: 'a', protocol: 'TCP', port: 4050, targetPort: 80},
			{name: 'b', protocol: 'UDP', port: 4052, targetPort: 4052},
		]);
	});

	test('server-side apply keeps a dropped list entry another manager still owns part of', async () => {
		const path = '/api/v1/namespaces/default/services/shared-port';
		const manifest = (ports: unknown[]): unknown => ({
			apiVersion: 'v1',
			kind: 'Service',
			metadata: {name: 'shared-port'},
			spec: {selector: {app: 'x'}, ports},
		});
		assert.equal(
			(
				await patch(
					path,
					'application/apply-patch+yaml',
					manifest([
						{name: 'a', port: 80},
						{name: 'b', port: 81},
					]),
					'?fieldManager=kpods',
				)
			).code,
			201,
		);
		// Another applier sets the name of port 81 too: it co-owns that entry.
		const other = await patch(path, 'application/apply-patch+yaml', manifest([{name: 'b', port: 81}]), '?fieldManager=other');
		assert.equal(other.code, 200, other.text);
		const dropped = await patch(path, 'application/apply-patch+yaml', manifest([{name: 'a', port: 80}]), '?fieldManager=kpods');
		assert.equal(dropped.code, 200, dropped.text);
		assert.deepEqual(
			dropped.body.spec.ports.map((port: {name: string; port: number}) => [port.name, port.port]),
			[
				['a', 80],
				['b', 81],
			],
		);
		const alone = await patch(
			path,
			'application/apply-patch+yaml',
			manifest([
				{name: 'a', port: 80},
				{name: 'c', port: 82},
			]),
			'?fieldManager=other',
		);
		assert.equal(alone.code, 200, alone.text);
		assert.deepEqual(
			alone.body.spec.ports.map((port: {name: string; port: number}) => [port.name, port.port]),
			[
				['a', 80],
				['c', 82],
			],
		);
	});

	test('server-side apply of YAML text, and of an unknown field', async () => {
		const yaml = 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: from-yaml\nspec:\n  containers:\n    - name: c\n      image: nginx\n';
		const created = await api(sandbox, '/api/v1/namespaces/default/pods/from-yaml?fieldManager=kpods', {
			method: 'PATCH',
			contentType: 'application/apply-patch+yaml',
			body: yaml,
		});
		assert.equal(created.code, 201);
		assert.equal(created.body.spec.containers[0].imagePullPolicy, 'Always');
		const typo = 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: from-yaml\nspec:\n  containers:\n    - name: c\n      imagee: nginx\n';
		const refused = await api(sandbox, '/api/v1/namespaces/default/pods/from-yaml?fieldManager=kpods', {
			method: 'PATCH',
			contentType: 'application/apply-patch+yaml',
			body: typo,
		});
		// The typed conversion fails before validation: a plain 500, list items named by their keys.
		assert.equal(refused.code, 500);
		assert.equal(
			refused.body.message,
			'failed to create typed patch object (/from-yaml; /v1, Kind=Pod): .spec.containers[name="c"].imagee: field not declared in schema',
		);
		assert.equal(refused.body.reason, undefined);
	});
});
