import type protobuf from 'protobufjs/light.js';
import type {EndpointSlice, Endpoints, ListMeta, Pod, Service, WatchEvent, WatchEventType} from '../../k8s/types.js';
import {safeText} from '../../format/safe-text.js';
import {ListSplitter} from './list-stream.js';
import {messageType, type MessageName} from './schema.js';

/** Every protobuf body starts with this, then a runtime.Unknown wrapping the object's own bytes. */
const magic = Buffer.from('k8s\u0000', 'latin1');

const unknownType = messageType('Unknown');
const listMetaType = messageType('ListMeta');
const watchEventType = messageType('WatchEvent');
const statusType = messageType('Status');

/** The kind and the object bytes inside a `k8s\0` + runtime.Unknown envelope. */
export function unwrap(body: Uint8Array): {kind: string; raw: Uint8Array} {
	if (body.length < magic.length || Buffer.compare(magic, body.subarray(0, magic.length)) !== 0) {
		throw new SyntaxError('not a Kubernetes protobuf message (no k8s\\0 prefix)');
	}

	const envelope = unknownType.decode(body.subarray(magic.length)) as unknown as {typeMeta?: {kind?: string}; raw?: Uint8Array};
	return {kind: envelope.typeMeta?.kind ?? '', raw: envelope.raw ?? new Uint8Array()};
}

/** A list body read as it arrives: push its chunks, then end for the list's metadata. */
export interface ListReader {
	push(chunk: Buffer): void;
	end(): {metadata: ListMeta};
}

/** How one kind is read from protobuf: a list body (streamed or whole), and one frame of a watch stream. */
export interface ProtobufCodec<T> {
	/** Reads a list's items as its chunks arrive, handing each to onItem decoded (only one decoded item exists at once). */
	stream(onItem: (item: T) => void): ListReader;
	/** A whole list body at once: stream with one chunk. */
	list(body: Uint8Array, onItem: (item: T) => void): {metadata: ListMeta};
	/** One watch event from a frame's bytes (a metav1.WatchEvent whose object is an enveloped object or Status). */
	event(frame: Uint8Array): WatchEvent<T>;
}

function codec<T>(kind: MessageName, listKind: MessageName): ProtobufCodec<T> {
	const itemType = messageType(kind);
	const typeMetaType = messageType('TypeMeta');
	const stream = (onItem: (item: T) => void): ListReader => {
		let metadata: ListMeta = {};
		let kindChecked = false;
		const splitter = new ListSplitter({
			typeMeta(bytes) {
				const got = (typeMetaType.decode(bytes) as unknown as {kind?: string}).kind ?? '';
				if (got !== listKind) {
					throw new SyntaxError(`expected a ${listKind}, got ${got || 'no kind'}`);
				}
				kindChecked = true;
			},
			metadata(bytes) {
				metadata = shape(listMetaType.decode(bytes), listMetaType) as ListMeta;
			},
			item(bytes) {
				onItem(shape(itemType.decode(bytes), itemType) as T);
			},
		});
		return {
			push: chunk => splitter.push(chunk),
			end() {
				splitter.end();
				if (!kindChecked) {
					throw new SyntaxError(`expected a ${listKind}, got no kind`);
				}
				return {metadata};
			},
		};
	};
	return {
		stream,
		list(body, onItem) {
			const reader = stream(onItem);
			reader.push(Buffer.from(body.buffer, body.byteOffset, body.byteLength));
			return reader.end();
		},
		event(frame) {
			const event = watchEventType.decode(frame) as unknown as {type?: string; object?: {raw?: Uint8Array}};
			const {kind: got, raw} = unwrap(event.object?.raw ?? new Uint8Array());
			// An ERROR event carries a Status (410 Expired among them); every other event the watched kind.
			const type = got === 'Status' ? statusType : itemType;
			return {type: (event.type ?? '') as WatchEventType, object: shape(type.decode(raw), type) as T};
		},
	};
}

/** Pods: the fields a row needs. */
export const podCodec = codec<Pod>('Pod', 'PodList');
/** Services: the whole object but managedFields. */
export const serviceCodec = codec<Service>('Service', 'ServiceList');
/** core/v1 Endpoints. */
export const endpointsCodec = codec<Endpoints>('Endpoints', 'EndpointsList');
/** discovery.k8s.io/v1 EndpointSlices. */
export const endpointSliceCodec = codec<EndpointSlice>('EndpointSlice', 'EndpointSliceList');

/** A PodList's items one by one (podCodec.list). */
export const readPodList = podCodec.list;

/**
 * Makes a decoded message look as the JSON encoding of the same object does: Go's protobuf
 * writes empty strings, lists and maps that JSON omits (omitempty), a meta/v1 Time is
 * {seconds, nanos} where JSON has RFC 3339 in whole seconds (a zero Time is null in JSON:
 * left out), an IntOrString is a message where JSON has a number or a string. Strings and
 * map keys are made safe for the terminal, as parseSafeJson does for JSON. Only the
 * message's own properties are read: the fields that were on the wire.
 */
function shape(message: object, type: protobuf.Type): unknown {
	const shaped: Record<string, unknown> = {};
	for (const key of Object.keys(message)) {
		const value = (message as Record<string, unknown>)[key];
		if (value === '' || value === undefined || value === null) {
			continue;
		}
		const field = type.fields[key]!;
		if (field.map) {
			const entries = Object.entries(value as Record<string, string>);
			if (entries.length > 0) {
				shaped[key] = Object.fromEntries(entries.map(([name, each]) => [safeText(name), safeText(each)]));
			}
			continue;
		}
		if (Array.isArray(value)) {
			if (value.length > 0) {
				shaped[key] = field.resolvedType ? value.map(each => shapeValue(each, field)) : value.map(scalar);
			}
			continue;
		}
		const each = field.resolvedType ? shapeValue(value, field) : scalar(value);
		if (each !== undefined) {
			shaped[key] = each;
		}
	}

	return shaped;
}

function shapeValue(value: unknown, field: protobuf.Field): unknown {
	const type = field.resolvedType as protobuf.Type;
	switch (type.name) {
		case 'Time': {
			// int64 seconds: a Long-like from protobufjs (Number() reads it), or a number.
			const seconds = Number((value as {seconds?: unknown}).seconds ?? 0);
			return seconds === 0 ? undefined : new Date(seconds * 1000).toISOString().replace('.000Z', 'Z');
		}
		case 'IntOrString': {
			const {type: kind, intVal, strVal} = value as {type?: unknown; intVal?: number; strVal?: string};
			return Number(kind ?? 0) === 1 ? safeText(strVal ?? '') : (intVal ?? 0);
		}
		default:
			return shape(value as object, type);
	}
}

function scalar(value: unknown): unknown {
	if (typeof value === 'string') {
		return safeText(value);
	}
	// int64 fields come as Long-likes when long.js is around: numbers here, as in JSON.
	return typeof value === 'object' && value !== null && !(value instanceof Uint8Array) ? Number(value) : value;
}
