import assert from 'node:assert/strict';
import {readFileSync} from 'node:fs';
import {join} from 'node:path';
import {describe, test} from 'node:test';
import protobuf from 'protobufjs/light.js';
import {encodeList, encodeObjectRaw, encodeWatchFrame} from '../../source/sandbox/protobuf-encode.js';
import {decodeObject} from '../../source/sandbox/protobuf.js';

// The differential test of the sandbox's protobuf encoding against a real server's: lists
// recorded from the lab (v1.20.2) in both encodings one right after the other (see
// test/fixtures/protobuf/record.ts). The sandbox encodes each JSON item; the lab's bytes of
// the same item and the sandbox's decode to the same object, every field number the lab
// wrote is in the sandbox's schema, and the sandbox's bytes decode back to the JSON item.
const fixtures = join(import.meta.dirname, '..', 'fixtures', 'protobuf');
const lists = [
	{name: 'lab-kube-system', kind: 'Pod'},
	{name: 'lab-speed-fixtures', kind: 'Pod'},
	{name: 'lab-bench-page', kind: 'Pod'},
	{name: 'lab-pods', kind: 'Pod'},
	{name: 'lab-services', kind: 'Service'},
	{name: 'lab-endpoints', kind: 'Endpoints'},
];

/** A protobuf list body's envelope kind and items' own bytes. */
function labItems(body: Buffer): {listKind: string; items: Buffer[]} {
	assert.equal(body.subarray(0, 4).toString('latin1'), 'k8s\u0000');
	let listKind = '';
	let raw: Buffer = Buffer.alloc(0);
	each(body.subarray(4), (number, bytes) => {
		if (number === 1) {
			each(bytes, (inner, value) => {
				if (inner === 2) {
					listKind = value.toString('utf8');
				}
			});
		} else if (number === 2) {
			raw = bytes;
		}
	});
	const items: Buffer[] = [];
	each(raw, (number, bytes) => number === 2 && items.push(bytes));
	return {listKind, items};
}

/** Visits the length-delimited fields of a message. */
function each(bytes: Uint8Array, visit: (number: number, bytes: Buffer) => unknown): void {
	const reader = protobuf.Reader.create(bytes);
	while (reader.pos < reader.len) {
		const tag = reader.uint32();
		if ((tag & 7) === 2) {
			visit(tag >>> 3, Buffer.from(reader.bytes()));
		} else {
			reader.skipType(tag & 7);
		}
	}
}

/** The JSON item as its protobuf decodes: no kind and apiVersion (in the envelope), no nulls (JSON's zero Time). */
function withoutTypeMeta(object: Record<string, unknown>): Record<string, unknown> {
	const {kind: _kind, apiVersion: _apiVersion, ...rest} = object;
	return JSON.parse(JSON.stringify(rest), (_key, value) => (value === null ? undefined : value)) as Record<string, unknown>;
}

describe('the sandbox encodes objects as protobuf as the lab does', () => {
	for (const {name, kind} of lists) {
		test(`${name} (${kind})`, () => {
			const json = JSON.parse(readFileSync(join(fixtures, `${name}.json`), 'utf8')) as {items: Array<Record<string, unknown>>};
			const {listKind, items} = labItems(readFileSync(join(fixtures, `${name}.pb`)));
			assert.equal(listKind, `${kind}List`);
			assert.equal(items.length, json.items.length);
			assert.ok(items.length > 0);
			for (const [index, labBytes] of items.entries()) {
				const object = json.items[index]!;
				const ours = encodeObjectRaw(kind, object);
				// Every field number the lab wrote is one the sandbox knows.
				const lab = decodeObject(kind, labBytes, {strict: true});
				assert.deepEqual(
					decodeObject(kind, ours, {strict: true}),
					lab,
					`${name} item ${index}: the lab's bytes and the sandbox's decode alike`,
				);
				assert.deepEqual(decodeObject(kind, ours, {keepZeros: true}), withoutTypeMeta(object), `${name} item ${index}: nothing lost`);
			}
		});
	}

	test('a field outside the schema is refused, not dropped', () => {
		const pod = {metadata: {name: 'p'}, spec: {containers: [{name: 'c', image: 'i', imagee: 'typo'}]}};
		assert.throws(() => encodeObjectRaw('Pod', pod), /Pod\.spec\.containers\.imagee: not in the sandbox's protobuf schema/);
		assert.throws(() => encodeObjectRaw('ConfigMap', {metadata: {}}), /ConfigMap is served as JSON only/);
	});

	test('a list and a watch frame have the envelope a real server writes', () => {
		const json = JSON.parse(readFileSync(join(fixtures, 'lab-services.json'), 'utf8')) as {
			metadata: Record<string, unknown>;
			items: Array<Record<string, unknown>>;
		};
		const body = encodeList(
			'v1',
			'ServiceList',
			json.metadata,
			json.items.map(item => encodeObjectRaw('Service', item)),
		);
		assert.deepEqual(
			labItems(body).items,
			json.items.map(item => encodeObjectRaw('Service', item)),
		);
		// The lab's watch frames: 4-byte length, WatchEvent{type, RawExtension{k8s\0 Unknown}}.
		const labWatch = readFileSync(join(fixtures, 'lab-watch-services.pb'));
		const length = labWatch.readUInt32BE(0);
		const labFrame = labWatch.subarray(0, 4 + length);
		const event = JSON.parse(readFileSync(join(fixtures, 'lab-watch-services.json'), 'utf8').split('\n')[0]!) as {
			type: string;
			object: Record<string, unknown>;
		};
		const ours = encodeWatchFrame(event.type, 'v1', 'Service', encodeObjectRaw('Service', event.object));
		const objectOf = (frame: Buffer) => {
			let object: Record<string, unknown> = {};
			each(frame.subarray(4), (number, bytes) => {
				if (number === 2) {
					each(bytes, (_, enveloped) => {
						each(enveloped.subarray(4), (field, raw) => {
							if (field === 2) {
								object = decodeObject('Service', raw);
							}
						});
					});
				}
			});
			return object;
		};
		assert.deepEqual(objectOf(ours), objectOf(labFrame));
		assert.equal(
			ours.subarray(4, 6 + event.type.length).toString('latin1'),
			labFrame.subarray(4, 6 + event.type.length).toString('latin1'),
		);
	});
});
