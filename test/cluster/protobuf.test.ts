import assert from 'node:assert/strict';
import {readFileSync} from 'node:fs';
import http from 'node:http';
import type {AddressInfo} from 'node:net';
import {gzipSync} from 'node:zlib';
import {ApiClient} from '../../source/cluster/api-client.js';
import {join} from 'node:path';
import {describe, test} from 'node:test';
import {podCodec, readPodList, unwrap} from '../../source/cluster/protobuf/decode.js';
import {messageType} from '../../source/cluster/protobuf/schema-types.js';
import {parseSafeJson} from '../../source/format/safe-text.js';
import {podRow} from '../../source/format/pod.js';
import type {KubeList, Pod} from '../../source/k8s/types.js';

// Recorded from the lab (Kubernetes v1.20.2) one right after the other: the same list as
// `application/vnd.kubernetes.protobuf` and as JSON (kube-system's running pods, pending pods
// with init containers, readiness gates, ports, and a page of 20 of 3,000 with a continue token).
const fixtures = join(import.meta.dirname, '..', 'fixtures', 'protobuf');
const lists = ['lab-kube-system', 'lab-speed-fixtures', 'lab-bench-page'];

describe('pods read as protobuf make the same rows as the same pods read as JSON', () => {
	for (const name of lists) {
		test(name, () => {
			const json = JSON.parse(readFileSync(join(fixtures, `${name}.json`), 'utf8')) as KubeList<Pod>;
			const pods: Pod[] = [];
			const {metadata} = readPodList(readFileSync(join(fixtures, `${name}.pb`)), pod => pods.push(pod));
			assert.ok(json.items.length > 0);
			assert.deepEqual(
				pods.map(pod => podRow(pod)),
				json.items.map(pod => podRow(pod)),
			);
			assert.equal(metadata.remainingItemCount, json.metadata.remainingItemCount);
			assert.equal(Boolean(metadata.continue), Boolean(json.metadata.continue));
			assert.match(metadata.resourceVersion ?? '', /^\d+$/);
		});
	}

	test('read in chunks of any size as they arrive, the same pods and metadata', () => {
		const body = readFileSync(join(fixtures, 'lab-bench-page.pb'));
		const whole: Pod[] = [];
		const expected = readPodList(body, pod => whole.push(pod));
		for (const size of [1, 3, 7, 100, 4096]) {
			const pods: Pod[] = [];
			const reader = podCodec.stream(pod => pods.push(pod));
			for (let offset = 0; offset < body.length; offset += size) {
				reader.push(body.subarray(offset, offset + size));
			}
			assert.deepEqual(reader.end(), expected);
			assert.deepEqual(pods, whole);
		}
		const cut = podCodec.stream(() => undefined);
		cut.push(body.subarray(0, body.length - 10));
		assert.throws(() => cut.end(), /ended in the middle/);
	});

	test('strings are made safe for the terminal, as the JSON path makes them', () => {
		const hostile = {
			metadata: {name: 'evil\u001b]0;pwned\u0007', namespace: 'default', labels: {app: 'a\u009bb'}},
			status: {phase: 'Running', reason: '\u202eRTL'},
		};
		const podList = messageType('PodList');
		const raw = podList.encode(podList.fromObject({metadata: {resourceVersion: '7'}, items: [hostile]})).finish();
		const unknown = messageType('Unknown');
		const body = Buffer.concat([
			Buffer.from('k8s\u0000', 'latin1'),
			unknown.encode(unknown.fromObject({typeMeta: {apiVersion: 'v1', kind: 'PodList'}, raw})).finish(),
		]);
		const pods: Pod[] = [];
		readPodList(body, pod => pods.push(pod));
		const fromJson = parseSafeJson<Pod>(JSON.stringify(hostile));
		assert.deepEqual(podRow(pods[0]!), podRow(fromJson));
		const unsafe = /[\u0000-\u001f\u007f-\u009f\u202e]/;
		for (const text of [pods[0]!.metadata.name!, pods[0]!.metadata.labels!.app!, pods[0]!.status!.reason!]) {
			assert.doesNotMatch(text, unsafe);
		}
	});

	test('the envelope is checked: JSON bytes are not taken for protobuf', () => {
		assert.throws(() => unwrap(Buffer.from('{"kind":"PodList"}')), /not a Kubernetes protobuf message/);
		assert.throws(
			() => readPodList(readFileSync(join(fixtures, 'lab-speed-fixtures-watch.pb')).subarray(4), () => undefined),
			/not a Kubernetes protobuf message/,
		);
	});
});

describe('ApiClient asks for protobuf and takes what the server answers', () => {
	const page = readFileSync(join(fixtures, 'lab-bench-page.pb'));
	const json = JSON.parse(readFileSync(join(fixtures, 'lab-bench-page.json'), 'utf8')) as KubeList<Pod>;

	async function serve(
		answer: (accept: string) => {type: string; body: Buffer},
	): Promise<{client: ApiClient; accepts: string[]; close: () => void}> {
		const accepts: string[] = [];
		const server = http.createServer((request, response) => {
			accepts.push(request.headers.accept ?? '');
			const {type, body} = answer(request.headers.accept ?? '');
			// Gzipped, as a real server compresses a large answer.
			response.writeHead(200, {'content-type': type, 'content-encoding': 'gzip'});
			response.end(gzipSync(body));
		});
		await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve));
		const client = new ApiClient(async () => undefined, `http://127.0.0.1:${(server.address() as AddressInfo).port}`);
		return {client, accepts, close: () => server.close()};
	}

	test('a server that offers protobuf: the recorded lab answer, over HTTP, makes the JSON rows', async () => {
		const {client, accepts, close} = await serve(() => ({type: 'application/vnd.kubernetes.protobuf', body: page}));
		const pods: Pod[] = [];
		const list = await client.listItems<Pod, {metadata: {remainingItemCount?: number}}>('/api/v1/pods?limit=20', pod => pods.push(pod), {
			protobuf: podCodec.stream,
		});
		close();
		assert.deepEqual(accepts, ['application/vnd.kubernetes.protobuf, application/json']);
		assert.deepEqual(
			pods.map(pod => podRow(pod)),
			json.items.map(pod => podRow(pod)),
		);
		assert.equal(list.metadata.remainingItemCount, json.metadata.remainingItemCount);
	});

	test('a server that answers JSON (the sandbox, a proxy, an aggregated API) is read as JSON', async () => {
		const {client, close} = await serve(() => ({type: 'application/json', body: readFileSync(join(fixtures, 'lab-bench-page.json'))}));
		const pods: Pod[] = [];
		await client.listItems<Pod, {metadata: object}>('/api/v1/pods?limit=20', pod => pods.push(pod), {protobuf: podCodec.stream});
		close();
		assert.deepEqual(
			pods.map(pod => podRow(pod)),
			json.items.map(pod => podRow(pod)),
		);
	});
});
