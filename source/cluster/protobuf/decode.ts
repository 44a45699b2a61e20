import protobuf from 'protobufjs/light.js';
import type {ListMeta, Pod} from '../../k8s/types.js';
import {safeText} from '../../format/safe-text.js';
import {messageType} from './schema.js';

/** Every protobuf body starts with this, then a runtime.Unknown wrapping the object's own bytes. */
const magic = Buffer.from('k8s\u0000', 'latin1');

const unknownType = messageType('Unknown');
const listMetaType = messageType('ListMeta');
const podType = messageType('Pod');
const toObjectOptions: protobuf.IConversionOptions = {longs: Number};

/** The kind and the object bytes inside a `k8s\0` + runtime.Unknown envelope. */
export function unwrap(body: Uint8Array): {kind: string; raw: Uint8Array} {
	if (body.length < magic.length || Buffer.compare(magic, body.subarray(0, magic.length)) !== 0) {
		throw new SyntaxError('not a Kubernetes protobuf message (no k8s\\0 prefix)');
	}

	const envelope = unknownType.decode(body.subarray(magic.length)) as unknown as {typeMeta?: {kind?: string}; raw?: Uint8Array};
	return {kind: envelope.typeMeta?.kind ?? '', raw: envelope.raw ?? new Uint8Array()};
}

/**
 * Reads a PodList's items one by one, handing each to onItem as the JSON-shaped Pod a row is
 * made of (only the fields the schema names); the list's metadata is returned. Items are
 * decoded one at a time so that only one decoded pod exists at once.
 */
export function readPodList(body: Uint8Array, onItem: (pod: Pod) => void): {metadata: ListMeta} {
	const {kind, raw} = unwrap(body);
	if (kind !== 'PodList') {
		throw new SyntaxError(`expected a PodList, got ${kind || 'no kind'}`);
	}
	const reader = protobuf.Reader.create(raw);
	let metadata: ListMeta = {};
	while (reader.pos < reader.len) {
		const tag = reader.uint32();
		const number = tag >>> 3;
		if (number === 1) {
			metadata = jsonShape(listMetaType.toObject(listMetaType.decode(reader, reader.uint32()), toObjectOptions)) as ListMeta;
		} else if (number === 2) {
			onItem(podFromMessage(podType.decode(reader, reader.uint32())));
		} else {
			reader.skipType(tag & 7);
		}
	}

	return {metadata};
}

/** One Pod from its protobuf bytes (inside the envelope or bare), JSON-shaped. */
export function readPod(body: Uint8Array): Pod {
	const bytes = body[0] === magic[0] && body[1] === magic[1] ? unwrap(body).raw : body;
	return podFromMessage(podType.decode(bytes));
}

function podFromMessage(message: protobuf.Message): Pod {
	// The decoded message's own properties are the fields that were on the wire: shaped straight from it, no toObject copy.
	return jsonShape(message) as unknown as Pod;
}

/** The meta/v1 Time fields among the decoded ones. */
const timeKeys = new Set(['creationTimestamp', 'deletionTimestamp', 'startedAt', 'finishedAt']);

/**
 * Makes a decoded message look as the JSON encoding of the same object does: Go's protobuf
 * writes empty strings that JSON omits (omitempty), and a meta/v1 Time is {seconds, nanos}
 * where JSON has RFC 3339 in whole seconds (a zero Time is null in JSON: left out). Strings
 * and map keys are made safe for the terminal, as parseSafeJson does for JSON.
 */
function jsonShape(value: unknown): unknown {
	// Every string made safe for the terminal, as the JSON path does (parseSafeJson).
	if (typeof value === 'string') {
		return safeText(value);
	}
	if (Array.isArray(value)) {
		return value.map(jsonShape);
	}
	if (value === null || typeof value !== 'object' || value instanceof Uint8Array) {
		return value;
	}
	const shaped: Record<string, unknown> = {};
	for (const [key, each] of Object.entries(value as Record<string, unknown>)) {
		if (each === '' || (Array.isArray(each) && each.length === 0)) {
			continue;
		}
		if (timeKeys.has(key)) {
			// int64 seconds: a Long from protobufjs (Number() reads it), or a number.
			const seconds = Number((each as {seconds?: unknown}).seconds ?? 0);
			if (seconds !== 0) {
				shaped[key] = new Date(seconds * 1000).toISOString().replace('.000Z', 'Z');
			}
			continue;
		}

		shaped[safeText(key)] = jsonShape(each);
	}

	return shaped;
}
