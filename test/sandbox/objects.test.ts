// In-process hooks for tests and benchmarks (objects, seedPods, watchCount), and smaller
// API server behaviours: fieldValidation=Warn, event aggregation, namespace-less paths.
import {after, before, describe, test} from 'node:test';
import assert from 'node:assert/strict';
import type {Sandbox} from '../../source/sandbox/index.js';
import {Store} from '../../source/sandbox/store.js';
import {EventRecorder} from '../../source/sandbox/events.js';
import {api, fastSandbox, openWatch, podManifest} from './helpers.js';

describe('direct store access and smaller behaviours', () => {
	let sandbox: Sandbox;
	before(async () => {
		sandbox = await fastSandbox();
	});
	after(async () => sandbox.close());

	test('objects: create, get, list, update, delete bypass HTTP and still produce watch events', async () => {
		const list = await api(sandbox, '/api/v1/namespaces/default/pods');
		const watch = await openWatch(sandbox, `/api/v1/namespaces/default/pods?watch=1&resourceVersion=${list.body.metadata.resourceVersion}`);
		// A crafted state the kubelet leaves alone: another node, a status already set.
		const crashing = sandbox.objects.create('pods', {
			metadata: {name: 'crashy'},
			spec: {nodeName: 'elsewhere', containers: [{name: 'main', image: 'busybox'}]},
			status: {
				phase: 'Running',
				containerStatuses: [{name: 'main', ready: false, restartCount: 4, state: {waiting: {reason: 'CrashLoopBackOff'}}}],
			},
		});
		assert.equal(crashing.kind, 'Pod');
		assert.equal(crashing.metadata.namespace, 'default');
		assert.ok(crashing.metadata.uid);
		assert.ok(crashing.metadata.creationTimestamp);
		assert.throws(
			() => sandbox.objects.create('pods', {metadata: {name: 'crashy'}}),
			(error: {code?: number}) => error.code === 409,
		);
		const read = sandbox.objects.get('pods', 'default', 'crashy')!;
		read.metadata.labels = {changed: 'yes'};
		assert.equal(sandbox.objects.get('pods', 'default', 'crashy')!.metadata.labels, undefined, 'get returns a copy');
		const updated = sandbox.objects.update('pods', read);
		assert.equal(updated.metadata.uid, crashing.metadata.uid);
		assert.deepEqual(
			sandbox.objects.list('pods', 'default').map(pod => pod.metadata.name),
			['crashy'],
		);
		assert.equal(sandbox.objects.delete('pods', 'default', 'crashy')!.metadata.name, 'crashy');
		assert.equal(sandbox.objects.delete('pods', 'default', 'crashy'), undefined);
		const events = await watch.until(seen => seen.length >= 3);
		watch.close();
		assert.deepEqual(
			events.map(event => event.type),
			['ADDED', 'MODIFIED', 'DELETED'],
		);
		assert.throws(
			() => sandbox.objects.list('widgets'),
			(error: {code?: number}) => error.code === 404,
		);
	});

	test('fieldValidation=Warn answers with Warning headers; Ignore says nothing', async () => {
		const body = podManifest('warned') as any;
		body.spec.containers[0].imagee = 'typo';
		const warned = await api(sandbox, '/api/v1/namespaces/default/pods?fieldValidation=Warn', {method: 'POST', body});
		assert.equal(warned.code, 201);
		assert.equal(warned.headers.get('warning'), '299 - "unknown field \\"spec.containers[0].imagee\\""');
		const ignored = await api(sandbox, '/api/v1/namespaces/default/pods?fieldValidation=Ignore', {
			method: 'POST',
			body: {...body, metadata: {name: 'ignored'}},
		});
		assert.equal(ignored.code, 201);
		assert.equal(ignored.headers.get('warning'), null);
		assert.equal((await api(sandbox, '/api/v1/namespaces/default/pods?fieldValidation=Maybe', {method: 'POST', body})).code, 400);
	});

	test("a repeated event is one Event with a growing count, as client-go's correlator folds it", () => {
		let clock = Date.parse('2026-11-24T12:00:00Z');
		const store = new Store(100);
		const recorder = new EventRecorder(store, () => clock);
		const pod = {kind: 'Pod', apiVersion: 'v1', metadata: {name: 'web', namespace: 'default', uid: 'u-1', resourceVersion: '7'}};
		const kubelet = {component: 'kubelet', host: 'minikube', instance: 'minikube', style: 'core'} as const;
		const backOff = {
			type: 'Warning',
			reason: 'BackOff',
			message: 'Back-off restarting failed container main in pod web_default(u-1)',
			fieldPath: 'spec.containers{main}',
		} as const;
		recorder.record(pod, kubelet, backOff);
		clock += 30_000;
		recorder.record(pod, kubelet, backOff);
		recorder.record(pod, kubelet, {...backOff, reason: 'Pulled', message: 'other'});
		const events = store.list('events').map(entry => entry.object as any);
		assert.equal(events.length, 2);
		const folded = events.find(event => event.reason === 'BackOff');
		assert.equal(folded.count, 2);
		assert.equal(folded.firstTimestamp, '2026-11-24T12:00:00Z');
		assert.equal(folded.lastTimestamp, '2026-11-24T12:00:30Z');
		assert.match(folded.metadata.name, /^web\.[\da-f]{16}$/);
		assert.deepEqual(folded.involvedObject, {
			kind: 'Pod',
			namespace: 'default',
			name: 'web',
			uid: 'u-1',
			apiVersion: 'v1',
			resourceVersion: '7',
			fieldPath: 'spec.containers{main}',
		});
	});

	test('namespaced resources without a namespace are listed only', async () => {
		assert.equal((await api(sandbox, '/api/v1/pods')).code, 200);
		assert.equal((await api(sandbox, '/api/v1/pods', {method: 'POST', body: podManifest('x')})).code, 405);
		assert.equal((await api(sandbox, '/api/v1/pods/x')).code, 404);
	});
});
