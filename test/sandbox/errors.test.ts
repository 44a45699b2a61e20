// Every Status error the sandbox sends, compared byte for byte (fields, values and key
// order) with what a real API server answered to the same request (test/sandbox/reference/).
import {after, before, describe, test} from 'node:test';
import assert from 'node:assert/strict';
import type {Sandbox} from '../../source/sandbox/index.js';
import {api, fastSandbox, openWatch, podManifest, reference, serviceManifest} from './helpers.js';

describe('Status errors match a real API server', () => {
	let sandbox: Sandbox;
	before(async () => {
		sandbox = await fastSandbox({eventWindow: 10});
		const created = await api(sandbox, '/api/v1/namespaces', {
			method: 'POST',
			body: {apiVersion: 'v1', kind: 'Namespace', metadata: {name: 'ref'}},
		});
		assert.equal(created.code, 201);
	});
	after(async () => sandbox.close());

	/** The pod the reference requests name exists (each test makes sure itself, so none depends on another having run). */
	const havePod = async (name: string): Promise<void> => {
		const created = await api(sandbox, '/api/v1/namespaces/ref/pods', {method: 'POST', body: podManifest(name)});
		assert.ok(created.code === 201 || created.code === 409, `pod ${name}: ${created.code}`);
	};

	const same = (reply: {code: number; text: string}, file: string): void => {
		const expected = reference(file);
		assert.equal(reply.code, expected.code);
		// Same fields, values and order: the compact form of the reference is our body.
		assert.equal(reply.text, JSON.stringify(expected.body));
	};

	test('404 on GET of a missing pod', async () => {
		same(await api(sandbox, '/api/v1/namespaces/ref/pods/nope'), '404-get-pod.txt');
	});

	test('404 on DELETE of a missing pod', async () => {
		same(await api(sandbox, '/api/v1/namespaces/ref/pods/nope', {method: 'DELETE'}), '404-delete-pod.txt');
	});

	test('409 AlreadyExists on POST of a taken name', async () => {
		await havePod('testando');
		same(await api(sandbox, '/api/v1/namespaces/ref/pods', {method: 'POST', body: podManifest('testando')}), '409-create-exists.txt');
	});

	test('409 Conflict on PUT with a stale resourceVersion', async () => {
		await havePod('testando');
		const current = await api(sandbox, '/api/v1/namespaces/ref/pods/testando');
		const stale = {...current.body, metadata: {...current.body.metadata, resourceVersion: '1', labels: {touched: '1'}}};
		same(await api(sandbox, '/api/v1/namespaces/ref/pods/testando', {method: 'PUT', body: stale}), '409-stale-update.txt');
	});

	test('422 for a pod name that is not a DNS-1123 subdomain', async () => {
		same(await api(sandbox, '/api/v1/namespaces/ref/pods', {method: 'POST', body: podManifest('bad_name')}), '422-invalid-name.txt');
	});

	test('422 for a container without an image', async () => {
		const pod = {apiVersion: 'v1', kind: 'Pod', metadata: {name: 'noimage'}, spec: {containers: [{name: 'main'}]}};
		same(await api(sandbox, '/api/v1/namespaces/ref/pods', {method: 'POST', body: pod}), '422-missing-image.txt');
	});

	test('422 for an image with leading or trailing whitespace (" nginx"), a pod-only check', async () => {
		const pod = {apiVersion: 'v1', kind: 'Pod', metadata: {name: 'spaced'}, spec: {containers: [{name: 'main', image: ' nginx'}]}};
		const reply = await api(sandbox, '/api/v1/namespaces/ref/pods', {method: 'POST', body: pod});
		// The shape of 422-missing-image.txt with the message a real server gives for this image.
		const detail = 'Invalid value: " nginx": must not have leading or trailing whitespace';
		assert.equal(reply.code, 422);
		assert.equal(
			reply.text,
			JSON.stringify({
				kind: 'Status',
				apiVersion: 'v1',
				metadata: {},
				status: 'Failure',
				message: `Pod "spaced" is invalid: spec.containers[0].image: ${detail}`,
				reason: 'Invalid',
				details: {name: 'spaced', kind: 'Pod', causes: [{reason: 'FieldValueInvalid', message: detail, field: 'spec.containers[0].image'}]},
				code: 422,
			}),
		);
		assert.equal((await api(sandbox, '/api/v1/namespaces/ref/pods/spaced')).code, 404);
		// Only whitespace is not "Required" (the image is not empty) but the same Invalid; it comes after the spec's other errors.
		const blank = {
			apiVersion: 'v1',
			kind: 'Pod',
			metadata: {name: 'blank'},
			spec: {initContainers: [{name: 'init', image: 'busybox\t'}], containers: [{name: 'Main', image: '  '}]},
		};
		const blankReply = await api(sandbox, '/api/v1/namespaces/ref/pods', {method: 'POST', body: blank});
		assert.equal(blankReply.code, 422);
		assert.deepEqual(
			blankReply.body.details.causes.map((cause: {field: string; reason: string}) => [cause.field, cause.reason]),
			[
				['spec.containers[0].name', 'FieldValueInvalid'],
				['spec.containers[0].image', 'FieldValueInvalid'],
				['spec.initContainers[0].image', 'FieldValueInvalid'],
			],
		);
		assert.equal(blankReply.body.details.causes[1].message, 'Invalid value: "  ": must not have leading or trailing whitespace');
		assert.equal(blankReply.body.details.causes[2].message, 'Invalid value: "busybox\\t": must not have leading or trailing whitespace');
	});

	test('422 for a nodePort outside 30000-32767', async () => {
		const service = serviceManifest('np3', {type: 'NodePort', selector: {app: 'x'}, ports: [{port: 80, nodePort: 80}]});
		same(await api(sandbox, '/api/v1/namespaces/ref/services', {method: 'POST', body: service}), '422-nodeport-range.txt');
	});

	test('422 for a nodePort already allocated', async () => {
		const first = serviceManifest('np1', {type: 'NodePort', selector: {app: 'x'}, ports: [{port: 80, nodePort: 30555}]});
		assert.equal((await api(sandbox, '/api/v1/namespaces/ref/services', {method: 'POST', body: first})).code, 201);
		const second = serviceManifest('np2', {type: 'NodePort', selector: {app: 'x'}, ports: [{port: 80, nodePort: 30555}]});
		same(await api(sandbox, '/api/v1/namespaces/ref/services', {method: 'POST', body: second}), '422-nodeport-taken.txt');
	});

	test('410 Expired inside a 200 watch stream for a compacted resourceVersion', async () => {
		// The window keeps 10 changes per resource: 30 label changes push revision 1 out of it.
		await havePod('testando');
		for (let index = 0; index < 30; index++) {
			const patched = await api(sandbox, '/api/v1/namespaces/ref/pods/testando', {
				method: 'PATCH',
				body: {metadata: {labels: {step: String(index)}}},
				contentType: 'application/merge-patch+json',
			});
			assert.equal(patched.code, 200);
		}

		const watch = await openWatch(sandbox, '/api/v1/namespaces/ref/pods?watch=1&resourceVersion=1');
		await watch.ended;
		const expected = reference('410-watch-too-old.txt');
		assert.equal(watch.code, expected.code);
		assert.equal(watch.events.length, 1);
		const [event] = watch.events;
		assert.match(event!.object.message, /^too old resource version: 1 \(\d+\)$/);
		// Everything but the compacted revision in the message is the reference's, in its order.
		const masked = {...event!, object: {...event!.object, message: expected.body.object.message}};
		assert.equal(JSON.stringify(masked), JSON.stringify(expected.body));
	});

	test('401 without a valid token, 403 with the RBAC message for a user who may not', async () => {
		await havePod('testando');
		const unauthorized = await api(sandbox, '/api/v1/namespaces/ref/pods', {token: 'wrong'});
		assert.equal(unauthorized.code, 401);
		assert.equal(
			unauthorized.text,
			'{"kind":"Status","apiVersion":"v1","metadata":{},"status":"Failure","message":"Unauthorized","reason":"Unauthorized","code":401}',
		);
		sandbox.addUser({name: 'alice', token: 'alice-token', can: ({resource}) => resource !== 'pods'});
		const forbidden = await api(sandbox, '/api/v1/namespaces/ref/pods', {token: 'alice-token'});
		assert.equal(forbidden.code, 403);
		assert.deepEqual(forbidden.body, {
			kind: 'Status',
			apiVersion: 'v1',
			metadata: {},
			status: 'Failure',
			message: 'pods is forbidden: User "alice" cannot list resource "pods" in API group "" in the namespace "ref"',
			reason: 'Forbidden',
			details: {kind: 'pods'},
			code: 403,
		});
		const named = await api(sandbox, '/api/v1/namespaces/ref/pods/testando', {token: 'alice-token'});
		assert.equal(
			named.body.message,
			'pods "testando" is forbidden: User "alice" cannot get resource "pods" in API group "" in the namespace "ref"',
		);
		assert.equal((await api(sandbox, '/api/v1/namespaces/ref/services', {token: 'alice-token'})).code, 200);
	});

	test('404 for unknown resources and paths, 405 for a verb a path does not take, 400 for bad bodies', async () => {
		await havePod('testando');
		const unknown = await api(sandbox, '/api/v1/namespaces/ref/widgets');
		assert.equal(unknown.code, 404);
		assert.equal(
			unknown.text,
			'{"kind":"Status","apiVersion":"v1","metadata":{},"status":"Failure","message":"the server could not find the requested resource","reason":"NotFound","details":{},"code":404}',
		);
		assert.equal((await api(sandbox, '/apis/apps/v1')).code, 404);
		const notAllowed = await api(sandbox, '/api/v1/namespaces/ref/pods/testando', {method: 'POST', body: podManifest('x')});
		assert.equal(notAllowed.code, 405);
		assert.equal(notAllowed.body.reason, 'MethodNotAllowed');
		const badJson = await api(sandbox, '/api/v1/namespaces/ref/pods', {method: 'POST', body: '{not json'});
		assert.equal(badJson.code, 400);
		assert.equal(badJson.body.reason, 'BadRequest');
		const wrongKind = await api(sandbox, '/api/v1/namespaces/ref/pods', {method: 'POST', body: {...podManifest('x'), kind: 'Service'}});
		assert.equal(wrongKind.code, 400);
		assert.equal(wrongKind.body.message, 'the kind in the data (Service) does not match the expected kind (Pod)');
		const badSelector = await api(sandbox, '/api/v1/namespaces/ref/pods?fieldSelector=spec.foo%3Dbar');
		assert.equal(badSelector.code, 400);
		assert.equal(badSelector.body.message, 'field label not supported: spec.foo');
	});

	test('422 for services without ports and namespaces with invalid names', async () => {
		const noPorts = await api(sandbox, '/api/v1/namespaces/ref/services', {
			method: 'POST',
			body: serviceManifest('empty', {selector: {app: 'x'}}),
		});
		assert.equal(noPorts.code, 422);
		assert.equal(noPorts.body.message, 'Service "empty" is invalid: spec.ports: Required value');
		const badService = await api(sandbox, '/api/v1/namespaces/ref/services', {
			method: 'POST',
			body: serviceManifest('1svc', {ports: [{port: 80}]}),
		});
		assert.equal(badService.code, 422);
		assert.match(
			badService.body.message,
			/^Service "1svc" is invalid: metadata\.name: Invalid value: "1svc": a DNS-1035 label must consist of lower case alphanumeric characters or '-', start with an alphabetic character, and end with an alphanumeric character/,
		);
		const badNamespace = await api(sandbox, '/api/v1/namespaces', {
			method: 'POST',
			body: {apiVersion: 'v1', kind: 'Namespace', metadata: {name: 'Bad.Name'}},
		});
		assert.equal(badNamespace.code, 422);
		assert.match(
			badNamespace.body.message,
			/^Namespace "Bad\.Name" is invalid: metadata\.name: Invalid value: "Bad\.Name": a lowercase RFC 1123 label must consist of/,
		);
		const missingNamespace = await api(sandbox, '/api/v1/namespaces/nowhere/pods', {method: 'POST', body: podManifest('x')});
		assert.equal(missingNamespace.code, 404);
		assert.equal(missingNamespace.body.message, 'namespaces "nowhere" not found');
	});
});
