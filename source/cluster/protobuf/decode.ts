import type {EndpointSlice, Endpoints, ListMeta, Pod, Service, WatchEvent, WatchEventType} from '../../k8s/types.js';
import {ListSplitter} from './list-stream.js';
import {decodeShaped} from './one-pass.js';
import type {MessageName} from './schema.js';

/** Every protobuf body starts with this, then a runtime.Unknown wrapping the object's own bytes. */
const magic = Buffer.from('k8s\u0000', 'latin1');

/** The kind and the object bytes inside a `k8s\0` + runtime.Unknown envelope. */
export function unwrap(body: Uint8Array): {kind: string; raw: Uint8Array} {
	if (body.length < magic.length || Buffer.compare(magic, body.subarray(0, magic.length)) !== 0) {
		throw new SyntaxError('not a Kubernetes protobuf message (no k8s\\0 prefix)');
	}

	const envelope = decodeShaped('Unknown', body.subarray(magic.length)) as {typeMeta?: {kind?: string}; raw?: Uint8Array};
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
	const stream = (onItem: (item: T) => void): ListReader => {
		let metadata: ListMeta = {};
		let kindChecked = false;
		const splitter = new ListSplitter({
			typeMeta(bytes) {
				const got = (decodeShaped('TypeMeta', bytes) as {kind?: string}).kind ?? '';
				if (got !== listKind) {
					throw new SyntaxError(`expected a ${listKind}, got ${got || 'no kind'}`);
				}
				kindChecked = true;
			},
			metadata(bytes) {
				metadata = decodeShaped('ListMeta', bytes) as ListMeta;
			},
			item(bytes) {
				onItem(decodeShaped(kind, bytes) as T);
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
			const event = decodeShaped('WatchEvent', frame) as {type?: string; object?: {raw?: Uint8Array}};
			const {kind: got, raw} = unwrap(event.object?.raw ?? new Uint8Array());
			// An ERROR event carries a Status (410 Expired among them); every other event the watched kind.
			const type: MessageName = got === 'Status' ? 'Status' : kind;
			return {type: (event.type ?? '') as WatchEventType, object: decodeShaped(type, raw) as T};
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
