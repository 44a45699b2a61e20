import {listMeta, servedKinds, status as statusSchema, type Field, type Schema} from './protobuf-schema.js';

/**
 * Writes objects in the Kubernetes protobuf encoding (`application/vnd.kubernetes.protobuf`)
 * as an API server does: `k8s\0`, then a runtime.Unknown holding the type and the object's
 * own bytes; fields in number order, map entries sorted by key (as Go's generated marshal
 * writes them). Every field the object has must be in the schema: an object with one that
 * is not cannot be written faithfully, and encodeObject throws Unencodable (the sandbox then
 * answers JSON, which every client that asks for protobuf also accepts).
 */

/** An object has a field the protobuf schema does not know. */
export class Unencodable extends Error {}

const magic = Buffer.from('k8s\u0000', 'latin1');

/** Whether the sandbox can answer this kind as protobuf. */
export function encodableKind(kind: string): boolean {
	return kind in servedKinds;
}

class Writer {
	private parts: Buffer[] = [];
	private scratch: number[] = [];

	varint(value: number | bigint): void {
		if (typeof value === 'number' && value >= 0 && value < 2 ** 31) {
			let rest = value;
			while (rest > 0x7f) {
				this.scratch.push((rest & 0x7f) | 0x80);
				rest >>>= 7;
			}
			this.scratch.push(rest);
			return;
		}
		// Negative numbers are 64-bit two's complement: ten bytes, as Go writes an int32 or int64 below zero.
		let rest = BigInt.asUintN(64, BigInt(value));
		while (rest > 0x7fn) {
			this.scratch.push(Number(rest & 0x7fn) | 0x80);
			rest >>= 7n;
		}
		this.scratch.push(Number(rest));
	}

	tag(number: number, wireType: number): void {
		this.varint((number << 3) | wireType);
	}

	bytes(number: number, bytes: Buffer): void {
		this.tag(number, 2);
		this.varint(bytes.length);
		this.flush();
		this.parts.push(bytes);
	}

	string(number: number, text: string): void {
		this.bytes(number, Buffer.from(text, 'utf8'));
	}

	finish(): Buffer {
		this.flush();
		return this.parts.length === 1 ? this.parts[0]! : Buffer.concat(this.parts);
	}

	private flush(): void {
		if (this.scratch.length > 0) {
			this.parts.push(Buffer.from(this.scratch));
			this.scratch = [];
		}
	}
}

/** A message's bytes from its JSON-shaped object; `path` names the object in an Unencodable message. */
export function encodeMessage(
	object: Record<string, unknown>,
	schema: Schema,
	path: string,
	skip: readonly string[] = [],
	inlined = false,
): Buffer {
	const writer = new Writer();
	const known = new Set(skip);
	for (const [numberText, field] of Object.entries(schema)) {
		const number = Number(numberText);
		if (field.kind === 'inline') {
			writer.bytes(number, encodeMessage(object, field.schema!, path, [], true));
			for (const name of namesOf(field.schema!)) {
				known.add(name);
			}
			continue;
		}
		known.add(field.name);
		const value = object[field.name];
		if (value === undefined || value === null) {
			continue;
		}
		const at = `${path}.${field.name}`;
		if (field.repeated) {
			if (!Array.isArray(value)) {
				throw new Unencodable(`${at}: not a list`);
			}
			for (const [index, each] of value.entries()) {
				writeValue(writer, number, field, each, `${at}[${index}]`);
			}
		} else {
			writeValue(writer, number, field, value, at);
		}
	}
	// An inline struct's object is its parent's: the parent checks for fields nobody knows.
	for (const key of inlined ? [] : Object.keys(object)) {
		if (!known.has(key)) {
			throw new Unencodable(`${path}.${key}: not in the sandbox's protobuf schema`);
		}
	}

	return writer.finish();
}

/** The JSON names a schema's fields take in their object, inline structs' included. */
function namesOf(schema: Schema): string[] {
	return Object.values(schema).flatMap(field => (field.kind === 'inline' ? namesOf(field.schema!) : [field.name]));
}

function writeValue(writer: Writer, number: number, field: Field, value: unknown, at: string): void {
	switch (field.kind) {
		case 'string': {
			writer.string(number, String(value));
			return;
		}
		case 'int': {
			writer.tag(number, 0);
			writer.varint(value as number);
			return;
		}
		case 'bool': {
			writer.tag(number, 0);
			writer.varint(value ? 1 : 0);
			return;
		}
		case 'bytes': {
			writer.bytes(number, Buffer.from(String(value), 'base64'));
			return;
		}
		case 'message': {
			writer.bytes(number, encodeMessage(value as Record<string, unknown>, field.schema!, at));
			return;
		}
		case 'map':
		case 'bytesMap':
		case 'quantityMap': {
			for (const key of Object.keys(value as object).sort()) {
				const entry = new Writer();
				entry.string(1, key);
				const each = String((value as Record<string, unknown>)[key]);
				if (field.kind === 'map') {
					entry.string(2, each);
				} else if (field.kind === 'bytesMap') {
					entry.bytes(2, Buffer.from(each, 'base64'));
				} else {
					entry.bytes(2, quantityBytes(each));
				}
				writer.bytes(number, entry.finish());
			}
			return;
		}
		case 'time': {
			const milliseconds = Date.parse(String(value));
			if (Number.isNaN(milliseconds)) {
				throw new Unencodable(`${at}: not a time`);
			}
			const time = new Writer();
			time.tag(1, 0);
			time.varint(Math.floor(milliseconds / 1000));
			time.tag(2, 0);
			time.varint(0);
			writer.bytes(number, time.finish());
			return;
		}
		case 'intOrString': {
			// Go writes all three fields: the type (0 int, 1 string), the int and the string.
			const isString = typeof value === 'string';
			const intOrString = new Writer();
			intOrString.tag(1, 0);
			intOrString.varint(isString ? 1 : 0);
			intOrString.tag(2, 0);
			intOrString.varint(isString ? 0 : (value as number));
			intOrString.string(3, isString ? value : '');
			writer.bytes(number, intOrString.finish());
			return;
		}
		case 'quantity': {
			writer.bytes(number, quantityBytes(String(value)));
			return;
		}
		case 'json': {
			// FieldsV1: the JSON text as bytes in its field 1.
			const raw = new Writer();
			raw.bytes(1, Buffer.from(JSON.stringify(value), 'utf8'));
			writer.bytes(number, raw.finish());
			return;
		}
		default:
			throw new Unencodable(`${at}: no encoding for ${field.kind}`);
	}
}

/** resource.Quantity is a message with its string form in field 1. */
function quantityBytes(text: string): Buffer {
	const quantity = new Writer();
	quantity.string(1, text);
	return quantity.finish();
}

/** `k8s\0` + runtime.Unknown{typeMeta{apiVersion, kind}, raw}: what a protobuf body or a watch event's object is. */
export function encodeEnvelope(apiVersion: string, kind: string, raw: Buffer): Buffer {
	const typeMeta = new Writer();
	typeMeta.string(1, apiVersion);
	typeMeta.string(2, kind);
	const unknown = new Writer();
	unknown.bytes(1, typeMeta.finish());
	unknown.bytes(2, raw);
	// contentEncoding and contentType: empty, written as Go writes them.
	unknown.string(3, '');
	unknown.string(4, '');
	return Buffer.concat([magic, unknown.finish()]);
}

type KubeObject = {kind?: string; apiVersion?: string; metadata?: object};

/** One object's own bytes (no envelope); throws Unencodable for a field the schema lacks. */
export function encodeObjectRaw(kind: string, object: KubeObject): Buffer {
	const schema = servedKinds[kind];
	if (!schema) {
		throw new Unencodable(`${kind} is served as JSON only`);
	}
	return encodeMessage(object as Record<string, unknown>, schema, kind, ['kind', 'apiVersion']);
}

/** A whole list body: `k8s\0` + Unknown{apiVersion, listKind, List{metadata, items}}; items as their own bytes. */
export function encodeList(apiVersion: string, listKind: string, metadata: Record<string, unknown>, items: Buffer[]): Buffer {
	const list = new Writer();
	list.bytes(1, encodeMessage(metadata, listMeta, 'metadata'));
	for (const item of items) {
		list.bytes(2, item);
	}
	return encodeEnvelope(apiVersion, listKind, list.finish());
}

/** One watch frame: a 4-byte big-endian length, then a metav1.WatchEvent whose object is the enveloped object. */
export function encodeWatchFrame(type: string, apiVersion: string, kind: string, raw: Buffer): Buffer {
	const event = new Writer();
	event.string(1, type);
	const rawExtension = new Writer();
	rawExtension.bytes(1, encodeEnvelope(apiVersion, kind, raw));
	event.bytes(2, rawExtension.finish());
	const body = event.finish();
	const length = Buffer.alloc(4);
	length.writeUInt32BE(body.length);
	return Buffer.concat([length, body]);
}

/** A Status (an ERROR event's object) in its own bytes. */
export function encodeStatus(status: Record<string, unknown>): Buffer {
	return encodeMessage(status, statusSchema, 'Status', ['kind', 'apiVersion']);
}
