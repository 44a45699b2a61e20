// The protobuf bodies client-go's typed clients post (kubectl create namespace / service),
// built here by hand with the field numbers of k8s.io/api's generated.proto.
import {describe, test} from 'node:test';
import assert from 'node:assert/strict';
import {decodeKubernetesProtobuf} from '../../source/sandbox/protobuf.js';

function varint(value: number): number[] {
	const bytes: number[] = [];
	let rest = value;
	while (rest >= 0x80) {
		bytes.push((rest & 0x7f) | 0x80);
		rest = Math.floor(rest / 128);
	}

	bytes.push(rest);
	return bytes;
}

const bytesField = (number: number, content: Buffer): Buffer =>
	Buffer.from([...varint((number << 3) | 2), ...varint(content.length), ...content]);
const stringField = (number: number, text: string): Buffer => bytesField(number, Buffer.from(text));
const intField = (number: number, value: number): Buffer => Buffer.from([...varint(number << 3), ...varint(value)]);
const mapEntry = (number: number, key: string, value: string): Buffer =>
	bytesField(number, Buffer.concat([stringField(1, key), stringField(2, value)]));

function envelope(apiVersion: string, kind: string, raw: Buffer): Buffer {
	const typeMeta = Buffer.concat([stringField(1, apiVersion), stringField(2, kind)]);
	return Buffer.concat([
		Buffer.from('k8s\u0000', 'latin1'),
		bytesField(1, typeMeta),
		bytesField(2, raw),
		stringField(4, 'application/vnd.kubernetes.protobuf'),
	]);
}

describe('Kubernetes protobuf bodies', () => {
	test('a Namespace as kubectl create namespace sends it (empty strings dropped)', () => {
		const metadata = Buffer.concat([stringField(1, 'demo'), stringField(2, ''), stringField(3, ''), bytesField(8, Buffer.alloc(0))]);
		const body = envelope(
			'v1',
			'Namespace',
			Buffer.concat([bytesField(1, metadata), bytesField(2, Buffer.alloc(0)), bytesField(3, Buffer.alloc(0))]),
		);
		assert.deepEqual(decodeKubernetesProtobuf(body), {apiVersion: 'v1', kind: 'Namespace', metadata: {name: 'demo'}});
	});

	test('a NodePort Service with labels, selector and an int targetPort', () => {
		const metadata = Buffer.concat([stringField(1, 'web'), mapEntry(11, 'app', 'web')]);
		const targetPort = Buffer.concat([intField(1, 0), intField(2, 80)]);
		const port = Buffer.concat([
			stringField(1, '8080-80'),
			stringField(2, 'TCP'),
			intField(3, 8080),
			bytesField(4, targetPort),
			intField(5, 30_080),
		]);
		const spec = Buffer.concat([bytesField(1, port), mapEntry(2, 'app', 'web'), stringField(4, 'NodePort')]);
		const decoded = decodeKubernetesProtobuf(envelope('v1', 'Service', Buffer.concat([bytesField(1, metadata), bytesField(2, spec)])));
		assert.deepEqual(decoded, {
			apiVersion: 'v1',
			kind: 'Service',
			metadata: {name: 'web', labels: {app: 'web'}},
			spec: {
				ports: [{name: '8080-80', protocol: 'TCP', port: 8080, targetPort: 80, nodePort: 30_080}],
				selector: {app: 'web'},
				type: 'NodePort',
			},
		});
	});

	test("a named targetPort, a secret's bytes, and kinds it cannot read are a 415", () => {
		const targetPort = Buffer.concat([intField(1, 1), stringField(3, 'http')]);
		const spec = bytesField(1, Buffer.concat([intField(3, 80), bytesField(4, targetPort)]));
		const decoded = decodeKubernetesProtobuf(envelope('v1', 'Service', bytesField(2, spec)));
		assert.deepEqual(decoded['spec'], {ports: [{port: 80, targetPort: 'http'}]});
		assert.throws(
			() => decodeKubernetesProtobuf(envelope('apps/v1', 'Deployment', Buffer.alloc(0))),
			(error: {code?: number}) => error.code === 415,
		);
		// kubectl create secret: data is map<string, bytes>, read back as base64.
		const secret = decodeKubernetesProtobuf(
			envelope(
				'v1',
				'Secret',
				Buffer.concat([bytesField(2, Buffer.concat([stringField(1, 'a'), bytesField(2, Buffer.from('b'))])), stringField(3, 'Opaque')]),
			),
		);
		assert.deepEqual(secret, {apiVersion: 'v1', kind: 'Secret', data: {a: 'Yg=='}, type: 'Opaque'});
		assert.throws(
			() => decodeKubernetesProtobuf(Buffer.from('{"kind":"Pod"}')),
			(error: {code?: number}) => error.code === 400,
		);
	});
});
