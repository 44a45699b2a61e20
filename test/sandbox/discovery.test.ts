// Discovery and version documents, shaped like a real API server's (discovery-*.txt), and
// the OpenAPI v3 documents kubectl reads to learn that the server validates fields.
import {after, before, describe, test} from 'node:test';
import assert from 'node:assert/strict';
import type {Sandbox} from '../../source/sandbox/index.js';
import {api, fastSandbox} from './helpers.js';

describe('discovery', () => {
	let sandbox: Sandbox;
	before(async () => {
		sandbox = await fastSandbox();
	});
	after(async () => sandbox.close());

	test('/version says it is a v1.32 sandbox', async () => {
		const version = await api(sandbox, '/version');
		assert.equal(version.code, 200);
		assert.deepEqual(Object.keys(version.body), [
			'major',
			'minor',
			'gitVersion',
			'gitCommit',
			'gitTreeState',
			'buildDate',
			'goVersion',
			'compiler',
			'platform',
		]);
		assert.equal(version.body.major, '1');
		assert.equal(version.body.minor, '32');
		assert.equal(version.body.gitVersion, 'v1.32.0+kpods-sandbox');
	});

	test('/api lists v1 and the server address', async () => {
		const core = await api(sandbox, '/api');
		assert.deepEqual(core.body, {
			kind: 'APIVersions',
			versions: ['v1'],
			serverAddressByClientCIDRs: [{clientCIDR: '0.0.0.0/0', serverAddress: `127.0.0.1:${sandbox.port}`}],
		});
	});

	test('/api/v1 lists the served core resources with verbs, short names and subresources', async () => {
		const list = await api(sandbox, '/api/v1');
		assert.equal(list.body.kind, 'APIResourceList');
		assert.equal(list.body.groupVersion, 'v1');
		assert.equal('apiVersion' in list.body, false);
		const names = list.body.resources.map((resource: {name: string}) => resource.name);
		assert.deepEqual(names, [
			'configmaps',
			'endpoints',
			'events',
			'namespaces',
			'namespaces/status',
			'nodes',
			'nodes/status',
			'pods',
			'pods/status',
			'secrets',
			'serviceaccounts',
			'services',
			'services/status',
		]);
		const pods = list.body.resources.find((resource: {name: string}) => resource.name === 'pods');
		assert.deepEqual(pods, {
			name: 'pods',
			singularName: 'pod',
			namespaced: true,
			kind: 'Pod',
			verbs: ['create', 'delete', 'deletecollection', 'get', 'list', 'patch', 'update', 'watch'],
			shortNames: ['po'],
			categories: ['all'],
			storageVersionHash: 'xPOwRZ+Yhw8=',
		});
		const status = list.body.resources.find((resource: {name: string}) => resource.name === 'pods/status');
		assert.deepEqual(status, {name: 'pods/status', singularName: '', namespaced: true, kind: 'Pod', verbs: ['get', 'patch', 'update']});
		const namespaces = list.body.resources.find((resource: {name: string}) => resource.name === 'namespaces');
		assert.equal(namespaces.namespaced, false);
		assert.deepEqual(namespaces.shortNames, ['ns']);
	});

	test('/apis, the discovery.k8s.io group and its v1 resources', async () => {
		const groups = await api(sandbox, '/apis');
		const version = {groupVersion: 'discovery.k8s.io/v1', version: 'v1'};
		const leases = {groupVersion: 'coordination.k8s.io/v1', version: 'v1'};
		const authorization = {groupVersion: 'authorization.k8s.io/v1', version: 'v1'};
		const events = {groupVersion: 'events.k8s.io/v1', version: 'v1'};
		// In the real server's group priority order.
		assert.deepEqual(groups.body, {
			kind: 'APIGroupList',
			apiVersion: 'v1',
			groups: [
				{name: 'events.k8s.io', versions: [events], preferredVersion: events},
				{name: 'authorization.k8s.io', versions: [authorization], preferredVersion: authorization},
				{name: 'coordination.k8s.io', versions: [leases], preferredVersion: leases},
				{name: 'discovery.k8s.io', versions: [version], preferredVersion: version},
			],
		});
		const group = await api(sandbox, '/apis/discovery.k8s.io');
		assert.deepEqual(group.body, {
			kind: 'APIGroup',
			apiVersion: 'v1',
			name: 'discovery.k8s.io',
			versions: [version],
			preferredVersion: version,
		});
		const resources = await api(sandbox, '/apis/discovery.k8s.io/v1');
		assert.equal(resources.body.kind, 'APIResourceList');
		assert.equal(resources.body.apiVersion, 'v1');
		assert.equal(resources.body.groupVersion, 'discovery.k8s.io/v1');
		assert.deepEqual(
			resources.body.resources.map((resource: {name: string; kind: string}) => `${resource.name}:${resource.kind}`),
			['endpointslices:EndpointSlice'],
		);
	});

	test('OpenAPI v3 names the fieldValidation parameter on each PATCH, as kubectl checks', async () => {
		const root = await api(sandbox, '/openapi/v3');
		assert.deepEqual(Object.keys(root.body.paths), [
			'api/v1',
			'apis/events.k8s.io/v1',
			'apis/authorization.k8s.io/v1',
			'apis/coordination.k8s.io/v1',
			'apis/discovery.k8s.io/v1',
		]);
		const document = await api(sandbox, root.body.paths['api/v1'].serverRelativeURL);
		assert.equal(document.code, 200);
		const patch = document.body.paths['/api/v1/namespaces/{namespace}/pods/{name}'].patch;
		assert.deepEqual(patch['x-kubernetes-group-version-kind'], {group: '', version: 'v1', kind: 'Pod'});
		assert.ok(patch.parameters.some((parameter: {name: string}) => parameter.name === 'fieldValidation'));
		assert.equal((await api(sandbox, '/openapi/v3/apis/apps/v1')).code, 404);
	});

	test('OpenAPI v2: an empty Swagger document, as JSON or as the protobuf kubectl asks for', async () => {
		const json = await api(sandbox, '/openapi/v2', {accept: 'application/json'});
		assert.equal(json.code, 200);
		assert.deepEqual(json.body, {
			swagger: '2.0',
			info: {title: 'Kubernetes', version: 'v1.32.0+kpods-sandbox'},
			paths: {},
			definitions: {},
		});
		const response = await fetch(`${sandbox.url}/openapi/v2`, {
			headers: {authorization: `Bearer ${sandbox.token}`, accept: 'application/com.github.proto-openapi.spec.v2@v1.0+protobuf'},
		});
		assert.equal(response.status, 200);
		// The type a real server answers with: Go's mime parser refuses the '@' of the requested one.
		assert.equal(response.headers.get('content-type'), 'application/com.github.proto-openapi.spec.v2.v1.0+protobuf');
		const bytes = Buffer.from(await response.arrayBuffer());
		// gnostic's Document: swagger (1) "2.0", info (2) {title (1), version (2)}, empty paths (8) and definitions (9).
		const info = Buffer.concat([
			Buffer.from([0x0a, 10]),
			Buffer.from('Kubernetes'),
			Buffer.from([0x12, 21]),
			Buffer.from('v1.32.0+kpods-sandbox'),
		]);
		assert.deepEqual(
			bytes,
			Buffer.concat([Buffer.from([0x0a, 3]), Buffer.from('2.0'), Buffer.from([0x12, info.length]), info, Buffer.from([0x42, 0, 0x4a, 0])]),
		);
	});

	test('health endpoints answer without a token', async () => {
		const response = await fetch(`${sandbox.url}/readyz`);
		assert.equal(response.status, 200);
		assert.equal(await response.text(), 'ok');
	});
});
