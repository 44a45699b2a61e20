import assert from 'node:assert/strict';
import {after, before, describe, test} from 'node:test';
import {groupFromEndpoints, groupFromSlice} from '../../source/cluster/endpoints.js';
import {endpointSliceCodec, endpointsCodec, podCodec, serviceCodec, type ProtobufCodec} from '../../source/cluster/protobuf/decode.js';
import {FrameSplitter} from '../../source/cluster/protobuf/frames.js';
import {podRow} from '../../source/format/pod.js';
import {serviceRow} from '../../source/format/service.js';
import type {EndpointSlice, Endpoints, Pod, Service, WatchEvent} from '../../source/k8s/types.js';
import {startSandbox, type Sandbox} from '../../source/sandbox/index.js';
import {decodeKubernetesProtobuf} from '../../source/sandbox/protobuf.js';
import {waitFor} from '../wait-for.js';

// The sandbox serves lists and watches of pods, services, endpoints and endpoint slices as
// protobuf when asked, as a real server does; read over HTTP with kpods' own decoders, they
// make the rows the same requests make as JSON.
const protobuf = 'application/vnd.kubernetes.protobuf';
const both = `${protobuf}, application/json`;

type Object = {metadata: {name?: string; resourceVersion?: string}};
const kinds: Array<{path: string; codec: ProtobufCodec<Object>; view: (object: never) => unknown}> = [
	{path: '/api/v1/namespaces/pb/pods', codec: podCodec as ProtobufCodec<Object>, view: (pod: Pod) => podRow(pod)},
	{
		path: '/api/v1/namespaces/pb/services',
		codec: serviceCodec as ProtobufCodec<Object>,
		view: (service: Service) => serviceRow(withoutManagedFields(service)),
	},
	{
		path: '/api/v1/namespaces/pb/endpoints',
		codec: endpointsCodec as ProtobufCodec<Object>,
		view: (each: Endpoints) => groupFromEndpoints(each),
	},
	{
		path: '/apis/discovery.k8s.io/v1/namespaces/pb/endpointslices',
		codec: endpointSliceCodec as ProtobufCodec<Object>,
		view: (slice: EndpointSlice) => groupFromSlice(slice),
	},
];

function withoutManagedFields<T extends {metadata?: object}>(object: T): T {
	const {managedFields: _, ...metadata} = object.metadata as {managedFields?: unknown};
	const {kind: _kind, apiVersion: _apiVersion, ...rest} = object as T & {kind?: string; apiVersion?: string};
	return {...rest, metadata} as T;
}

describe('the sandbox serves protobuf lists and watches', () => {
	let sandbox: Sandbox;
	const headers = (accept: string) => ({authorization: `Bearer ${sandbox.token}`, accept});
	const send = async (method: string, path: string, body?: object) => {
		const response = await fetch(sandbox.url + path, {
			method,
			headers: {...headers('application/json'), 'content-type': method === 'PATCH' ? 'application/merge-patch+json' : 'application/json'},
			body: body ? JSON.stringify(body) : undefined,
		});
		assert.ok(response.ok, `${method} ${path}: ${response.status} ${await response.text()}`);
	};
	const get = async (path: string, accept: string) => {
		const response = await fetch(sandbox.url + path, {headers: headers(accept)});
		assert.equal(response.status, 200);
		return {type: response.headers.get('content-type') ?? '', body: Buffer.from(await response.arrayBuffer())};
	};
	const pod = (name: string) => ({
		apiVersion: 'v1',
		kind: 'Pod',
		metadata: {name, labels: {app: 'web'}},
		spec: {containers: [{name: 'web', image: 'nginx', ports: [{name: 'http', containerPort: 80}]}]},
	});

	before(async () => {
		sandbox = await startSandbox({timing: {scheduleMs: 5, pullMs: 10, startMs: 5, killMs: 20, bookmarkMs: 200}});
		await send('POST', '/api/v1/namespaces', {apiVersion: 'v1', kind: 'Namespace', metadata: {name: 'pb'}});
		for (const name of ['web-a', 'web-b']) {
			await send('POST', '/api/v1/namespaces/pb/pods', pod(name));
		}
		await send('POST', '/api/v1/namespaces/pb/services', {
			apiVersion: 'v1',
			kind: 'Service',
			metadata: {name: 'web', annotations: {note: 'served as protobuf'}},
			spec: {type: 'NodePort', selector: {app: 'web'}, ports: [{port: 80, targetPort: 'http'}]},
		});
		await waitFor(
			async () => {
				const json = (await (
					await fetch(`${sandbox.url}/api/v1/namespaces/pb/endpoints/web`, {headers: headers('application/json')})
				).json()) as Endpoints;
				return (json.subsets?.[0]?.addresses ?? []).length === 2;
			},
			'both pods ready behind the service',
			20_000,
		);
	});
	after(async () => sandbox.close());

	for (const {path, codec, view} of kinds) {
		test(`list ${path.split('/').at(-1)}: protobuf when asked, the same rows as JSON`, async () => {
			const pb = await get(path, both);
			assert.equal(pb.type, protobuf);
			const json = JSON.parse((await get(path, 'application/json')).body.toString()) as {
				metadata: {resourceVersion: string};
				items: Object[];
			};
			const items: Object[] = [];
			const {metadata} = codec.list(pb.body, item => items.push(item));
			assert.ok(items.length > 0);
			assert.equal(metadata.resourceVersion, json.metadata.resourceVersion);
			assert.deepEqual(
				items.map(item => view(item as never)),
				json.items.map(item => view(item as never)),
			);
		});
	}

	test('a page of a protobuf list carries continue and remainingItemCount', async () => {
		const pb = await get('/api/v1/namespaces/pb/pods?limit=1', protobuf);
		const json = JSON.parse((await get('/api/v1/namespaces/pb/pods?limit=1', 'application/json')).body.toString()) as {
			metadata: {remainingItemCount?: number; continue?: string};
		};
		const names: string[] = [];
		const {metadata} = podCodec.list(pb.body, pod => names.push(pod.metadata.name ?? ''));
		assert.deepEqual(names, ['web-a']);
		assert.equal(metadata.remainingItemCount, 1);
		assert.equal(metadata.continue, json.metadata.continue);
	});

	test('one object as protobuf: the envelope around the object a JSON get gives', async () => {
		const pb = await get('/api/v1/namespaces/pb/pods/web-a', both);
		assert.equal(pb.type, protobuf);
		const json = JSON.parse((await get('/api/v1/namespaces/pb/pods/web-a', 'application/json')).body.toString()) as Pod;
		const decoded = decodeKubernetesProtobuf(pb.body) as unknown as Pod;
		assert.equal(decoded.kind, 'Pod');
		assert.equal(decoded.apiVersion, 'v1');
		assert.equal(decoded.metadata.uid, json.metadata.uid);
		assert.deepEqual(decoded.spec?.containers[0]?.ports, json.spec?.containers[0]?.ports);
		assert.deepEqual(podRow(decoded), podRow(json));
	});

	test('kinds the sandbox does not encode, subresources, and Tables, are answered as JSON', async () => {
		assert.equal((await get('/api/v1/namespaces/pb/configmaps', both)).type, 'application/json');
		assert.equal(
			(await get('/api/v1/namespaces/pb/pods', `application/json;as=Table;v=v1;g=meta.k8s.io, ${both}`)).type,
			'application/json',
		);
		assert.equal((await get('/api/v1/namespaces/pb/pods/web-a/status', both)).type, 'application/json');
	});

	test('a watch as protobuf: the events and rows the same watch gives as JSON, bookmarks, then the end', async () => {
		const list = JSON.parse((await get('/api/v1/namespaces/pb/pods', 'application/json')).body.toString()) as {
			metadata: {resourceVersion: string};
		};
		const path = `/api/v1/namespaces/pb/pods?watch=1&resourceVersion=${list.metadata.resourceVersion}&allowWatchBookmarks=true&timeoutSeconds=2`;
		const watches = Promise.all([get(path, both), get(path, 'application/json')]);
		await new Promise(resolve => setTimeout(resolve, 100));
		await send('PATCH', '/api/v1/namespaces/pb/pods/web-a', {metadata: {labels: {tier: 'front'}}});
		await send('POST', '/api/v1/namespaces/pb/pods', pod('web-c'));
		await send('DELETE', '/api/v1/namespaces/pb/pods/web-b');
		const [pb, json] = await watches;
		assert.equal(pb.type, `${protobuf};stream=watch`);
		const events: Array<WatchEvent<Pod>> = [];
		const splitter = new FrameSplitter(frame => events.push(podCodec.event(frame)));
		splitter.push(pb.body);
		assert.equal(splitter.partial, false);
		const jsonEvents = json.body
			.toString()
			.split('\n')
			.filter(Boolean)
			.map(line => JSON.parse(line) as WatchEvent<Pod>);
		const changes = (list: Array<WatchEvent<Pod>>) =>
			list
				.filter(event => event.type !== 'BOOKMARK')
				.map(event => [event.type, event.object.metadata.resourceVersion, podRow(event.object)]);
		assert.ok(changes(events).length >= 4, 'the label, web-c added and started, web-b deleted');
		assert.deepEqual(changes(events), changes(jsonEvents));
		const bookmark = events.find(event => event.type === 'BOOKMARK');
		assert.ok(bookmark, 'a bookmark');
		assert.match(bookmark.object.metadata.resourceVersion ?? '', /^\d+$/);
	});

	test('a watch from a compacted resourceVersion: a protobuf ERROR event with the 410 Status', async () => {
		const small = await startSandbox({eventWindow: 2});
		try {
			for (const name of ['a', 'b', 'c', 'd']) {
				const response = await fetch(`${small.url}/api/v1/namespaces`, {
					method: 'POST',
					headers: {authorization: `Bearer ${small.token}`, 'content-type': 'application/json'},
					body: JSON.stringify({apiVersion: 'v1', kind: 'Namespace', metadata: {name: `ns-${name}`}}),
				});
				assert.equal(response.status, 201);
			}
			const response = await fetch(`${small.url}/api/v1/pods?watch=1&resourceVersion=1`, {
				headers: {authorization: `Bearer ${small.token}`, accept: both},
			});
			const body = Buffer.from(await response.arrayBuffer());
			const events: Array<WatchEvent<unknown>> = [];
			new FrameSplitter(frame => events.push(podCodec.event(frame) as WatchEvent<unknown>)).push(body);
			assert.equal(events.length, 1);
			const status = events[0]!.object as {code: number; reason: string; message: string};
			assert.equal(events[0]!.type, 'ERROR');
			assert.equal(status.code, 410);
			assert.equal(status.reason, 'Expired');
			assert.match(status.message, /^too old resource version: 1 \(\d+\)$/);
		} finally {
			await small.close();
		}
	});

	test('a pod with a field outside the protobuf schema is listed as JSON, whole', async () => {
		const odd = pod('odd');
		Object.assign(odd.spec, {volumes: [{name: 'disk', gcePersistentDisk: {pdName: 'd'}}]});
		await send('POST', '/api/v1/namespaces/pb/pods', odd);
		const answer = await get('/api/v1/namespaces/pb/pods', both);
		assert.equal(answer.type, 'application/json');
		await send('DELETE', '/api/v1/namespaces/pb/pods/odd');
		await waitFor(async () => (await get('/api/v1/namespaces/pb/pods', both)).type === protobuf, 'protobuf again once it is gone', 20_000);
	});
});
