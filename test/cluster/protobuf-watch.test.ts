import assert from 'node:assert/strict';
import {readFileSync} from 'node:fs';
import http from 'node:http';
import type {AddressInfo} from 'node:net';
import {join} from 'node:path';
import {createGzip} from 'node:zlib';
import {ApiClient} from '../../source/cluster/api-client.js';
import {describe, test} from 'node:test';
import {groupFromEndpoints} from '../../source/cluster/endpoints.js';
import {endpointsCodec, podCodec, serviceCodec, type ProtobufCodec} from '../../source/cluster/protobuf/decode.js';
import {FrameSplitter} from '../../source/cluster/protobuf/frames.js';
import {describeService} from '../../source/describe/service.js';
import {parseSafeJson} from '../../source/format/safe-text.js';
import {podRow} from '../../source/format/pod.js';
import {serviceRow} from '../../source/format/service.js';
import type {Endpoints, KubeList, Pod, Service, WatchEvent} from '../../source/k8s/types.js';

// Recorded from the lab (v1.20.2) by test/fixtures/protobuf/record.ts: the same lists and the
// same watches (from one resourceVersion, both encodings at once) as protobuf and as JSON.
const fixtures = join(import.meta.dirname, '..', 'fixtures', 'protobuf');
const now = Date.parse('2026-11-30T13:00:00Z');

function frames(bytes: Buffer, chunk: number): Buffer[] {
	const found: Buffer[] = [];
	const splitter = new FrameSplitter(frame => found.push(Buffer.from(frame)));
	for (let offset = 0; offset < bytes.length; offset += chunk) {
		splitter.push(bytes.subarray(offset, offset + chunk));
	}
	assert.equal(splitter.partial, false, 'the stream ends on a frame boundary');
	return found;
}

function jsonEvents<T>(name: string): Array<WatchEvent<T>> {
	return readFileSync(join(fixtures, name), 'utf8')
		.split('\n')
		.filter(line => line.trim() !== '')
		.map(line => parseSafeJson<WatchEvent<T>>(line));
}

/**
 * managedFields is never decoded from protobuf (nothing reads it), nor are kind and apiVersion
 * (in the envelope; a watch's JSON objects carry them, a list's items do not): the JSON side without them.
 */
function withoutManagedFields<T extends {metadata?: object}>(object: T): T {
	const {managedFields: _, ...metadata} = object.metadata as {managedFields?: unknown};
	const {kind: _kind, apiVersion: _apiVersion, ...rest} = object as T & {kind?: string; apiVersion?: string};
	return {...rest, metadata} as T;
}

const kinds = [
	{resource: 'pods', codec: podCodec, view: (pod: Pod) => podRow(pod)},
	{resource: 'services', codec: serviceCodec, view: (service: Service) => serviceRow(withoutManagedFields(service))},
	{resource: 'endpoints', codec: endpointsCodec, view: (endpoints: Endpoints) => groupFromEndpoints(endpoints)},
] as Array<{resource: string; codec: ProtobufCodec<unknown>; view: (object: never) => unknown}>;

describe('lab watches read as protobuf give the events the same watches give as JSON', () => {
	for (const {resource, codec, view} of kinds) {
		test(resource, () => {
			const json = jsonEvents<{metadata: {resourceVersion: string}}>(`lab-watch-${resource}.json`);
			const bytes = readFileSync(join(fixtures, `lab-watch-${resource}.pb`));
			// Chunks of 7 bytes: lengths and frames split anywhere.
			const events = frames(bytes, 7).map(frame => codec.event(frame) as WatchEvent<{metadata: {resourceVersion: string}}>);
			assert.ok(json.length >= 3, 'the recording has events');
			assert.deepEqual(
				events.map(event => [event.type, event.object.metadata.resourceVersion]),
				json.map(event => [event.type, event.object.metadata.resourceVersion]),
			);
			for (const [index, event] of events.entries()) {
				if (event.type !== 'BOOKMARK') {
					assert.deepEqual(view(event.object as never), view(json[index]!.object as never), `${resource} event ${index}`);
				}
			}
		});
	}

	test('a watch from a compacted resourceVersion: the ERROR event carries the 410 Status', () => {
		const [frame, ...rest] = frames(readFileSync(join(fixtures, 'lab-watch-expired.pb')), 1);
		assert.equal(rest.length, 0);
		const event = podCodec.event(frame!) as unknown as WatchEvent<{code: number; reason: string; message: string; status: string}>;
		assert.equal(event.type, 'ERROR');
		assert.equal(event.object.code, 410);
		assert.equal(event.object.reason, 'Expired');
		assert.equal(event.object.status, 'Failure');
		assert.match(event.object.message, /^too old resource version: 1 \(\d+\)$/);
	});
});

describe('lab lists of services and endpoints read as protobuf make what JSON makes', () => {
	test('services: the rows and the whole objects (describe reads them) but managedFields', () => {
		const json = JSON.parse(readFileSync(join(fixtures, 'lab-services.json'), 'utf8')) as KubeList<Service>;
		const services: Service[] = [];
		const {metadata} = serviceCodec.list(readFileSync(join(fixtures, 'lab-services.pb')), service => services.push(service));
		assert.equal(metadata.resourceVersion, json.metadata.resourceVersion);
		assert.equal(services.length, 3);
		const fromJson = json.items.map(withoutManagedFields);
		assert.deepEqual(services.map(serviceRow), fromJson.map(serviceRow));
		assert.deepEqual(
			services.map(service => describeService(service, [], [], now)),
			fromJson.map(service => describeService(service, [], [], now)),
		);
	});

	test('endpoints: the same endpoint groups', () => {
		const json = JSON.parse(readFileSync(join(fixtures, 'lab-endpoints.json'), 'utf8')) as KubeList<Endpoints>;
		const endpoints: Endpoints[] = [];
		endpointsCodec.list(readFileSync(join(fixtures, 'lab-endpoints.pb')), each => endpoints.push(each));
		assert.ok(
			endpoints.some(each => (each.subsets ?? []).length > 0),
			'some endpoints have addresses',
		);
		assert.deepEqual(endpoints.map(groupFromEndpoints), json.items.map(groupFromEndpoints));
	});

	test('a list of another kind is refused, not misread', () => {
		assert.throws(
			() => serviceCodec.list(readFileSync(join(fixtures, 'lab-pods.pb')), () => undefined),
			/expected a ServiceList, got PodList/,
		);
	});
});

describe('ApiClient reads a protobuf watch over HTTP as the server sends it', () => {
	/** Serves a recorded watch stream gzipped, in small writes, with the given Content-Type. */
	async function serve(body: Buffer, type: string): Promise<{client: ApiClient; accepts: string[]; close: () => void}> {
		const accepts: string[] = [];
		const server = http.createServer((request, response) => {
			accepts.push(request.headers.accept ?? '');
			response.writeHead(200, {'content-type': type, 'content-encoding': 'gzip'});
			const gzip = createGzip();
			gzip.pipe(response);
			let offset = 0;
			const next = () => {
				if (offset >= body.length) {
					gzip.end();
					return;
				}
				gzip.write(body.subarray(offset, offset + 333));
				gzip.flush(() => setImmediate(next));
				offset += 333;
			};
			next();
		});
		await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve));
		const client = new ApiClient(async () => undefined, `http://127.0.0.1:${(server.address() as AddressInfo).port}`);
		return {client, accepts, close: () => server.close()};
	}

	test('the lab pods watch: the events of the same watch as JSON', async () => {
		const {client, accepts, close} = await serve(
			readFileSync(join(fixtures, 'lab-watch-pods.pb')),
			'application/vnd.kubernetes.protobuf;stream=watch',
		);
		const events: Array<WatchEvent<Pod>> = [];
		await client.watch<Pod>('/api/v1/pods?watch=1', event => events.push(event), {protobuf: podCodec.event});
		close();
		assert.deepEqual(accepts, ['application/vnd.kubernetes.protobuf, application/json']);
		const json = jsonEvents<Pod>('lab-watch-pods.json');
		assert.deepEqual(
			events.map(event => [event.type, event.object.metadata.resourceVersion]),
			json.map(event => [event.type, event.object.metadata.resourceVersion]),
		);
	});

	test("a 410 ERROR event: the handler's verdict ends the watch with its error", async () => {
		const {client, close} = await serve(
			readFileSync(join(fixtures, 'lab-watch-expired.pb')),
			'application/vnd.kubernetes.protobuf;stream=watch',
		);
		await assert.rejects(
			client.watch<unknown>(
				'/api/v1/pods?watch=1',
				event => {
					if (event.type === 'ERROR') {
						throw new Error(`expired: ${(event.object as {code: number}).code}`);
					}
				},
				{protobuf: frame => podCodec.event(frame) as WatchEvent<unknown>},
			),
			/expired: 410/,
		);
		close();
	});

	test('a server that answers a watch as JSON is read as JSON lines', async () => {
		const {client, close} = await serve(readFileSync(join(fixtures, 'lab-watch-services.json')), 'application/json');
		const events: Array<WatchEvent<Service>> = [];
		await client.watch<Service>('/api/v1/services?watch=1', event => events.push(event), {protobuf: serviceCodec.event});
		close();
		assert.deepEqual(
			events.map(event => event.type),
			jsonEvents<Service>('lab-watch-services.json').map(event => event.type),
		);
	});
});
