import {WireWriter} from './protobuf-writer.js';
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

/** A schema's fields in number order, with the JSON names its objects may carry (inline structs' included). */
interface Compiled {
	fields: Array<{number: number; field: Field}>;
	names: Set<string>;
}

const compiled = new WeakMap<Schema, Compiled>();

function compile(schema: Schema): Compiled {
	let result = compiled.get(schema);
	if (!result) {
		// Integer keys iterate in ascending order: the order Go's generated marshal writes them in.
		const fields = Object.entries(schema).map(([number, field]) => ({number: Number(number), field}));
		result = {fields, names: new Set(namesOf(schema))};
		compiled.set(schema, result);
	}
	return result;
}

/** The JSON names a schema's fields take in their object, inline structs' included. */
function namesOf(schema: Schema): string[] {
	return Object.values(schema).flatMap(field => (field.kind === 'inline' ? namesOf(field.schema!) : [field.name]));
}

/** A message's bytes from its JSON-shaped object; `path` names the object in an Unencodable message. */
export function encodeMessage(object: Record<string, unknown>, schema: Schema, path: string, skip: readonly string[] = []): Buffer {
	const writer = new WireWriter();
	writeMessage(writer, object, schema, path, skip);
	return writer.finish();
}

function writeMessage(
	writer: WireWriter,
	object: Record<string, unknown>,
	schema: Schema,
	path: string,
	skip: readonly string[] = [],
	inlined = false,
): void {
	const {fields, names} = compile(schema);
	// An inline struct's object is its parent's: the parent checks for fields nobody knows.
	if (!inlined) {
		for (const key in object) {
			if (!names.has(key) && !skip.includes(key)) {
				throw new Unencodable(`${path}.${key}: not in the sandbox's protobuf schema`);
			}
		}
	}
	for (const {number, field} of fields) {
		if (field.kind === 'inline') {
			writer.uint32((number << 3) | 2).fork();
			writeMessage(writer, object, field.schema!, path, [], true);
			writer.ldelim();
			continue;
		}
		const value = object[field.name];
		if (value === undefined || value === null) {
			continue;
		}
		if (field.repeated) {
			if (!Array.isArray(value)) {
				throw new Unencodable(`${path}.${field.name}: not a list`);
			}
			for (const each of value) {
				writeValue(writer, number, field, each, path);
			}
		} else {
			writeValue(writer, number, field, value, path);
		}
	}
}

function writeValue(writer: WireWriter, number: number, field: Field, value: unknown, path: string): void {
	switch (field.kind) {
		case 'string': {
			writer.uint32((number << 3) | 2).string(String(value));
			return;
		}
		case 'int': {
			// int64 writes a negative number as Go does: ten bytes of two's complement.
			writer.uint32(number << 3).int64(value as number);
			return;
		}
		case 'bool': {
			writer.uint32(number << 3).bool(Boolean(value));
			return;
		}
		case 'bytes': {
			writer.uint32((number << 3) | 2).bytes(Buffer.from(String(value), 'base64'));
			return;
		}
		case 'message': {
			writer.uint32((number << 3) | 2).fork();
			writeMessage(writer, value as Record<string, unknown>, field.schema!, `${path}.${field.name}`);
			writer.ldelim();
			return;
		}
		case 'map':
		case 'bytesMap':
		case 'quantityMap': {
			// Map entries sorted by key, as Go writes them.
			for (const key of Object.keys(value as object).sort()) {
				const each = String((value as Record<string, unknown>)[key]);
				writer.uint32((number << 3) | 2).fork();
				writer.uint32(10).string(key);
				if (field.kind === 'map') {
					writer.uint32(18).string(each);
				} else if (field.kind === 'bytesMap') {
					writer.uint32(18).bytes(Buffer.from(each, 'base64'));
				} else {
					writer.uint32(18).fork().uint32(10).string(each).ldelim();
				}
				writer.ldelim();
			}
			return;
		}
		case 'time': {
			const milliseconds = Date.parse(String(value));
			if (Number.isNaN(milliseconds)) {
				throw new Unencodable(`${path}.${field.name}: not a time`);
			}
			writer
				.uint32((number << 3) | 2)
				.fork()
				.uint32(8)
				.int64(Math.floor(milliseconds / 1000))
				.uint32(16)
				.int32(0)
				.ldelim();
			return;
		}
		case 'intOrString': {
			// Go writes all three fields: the type (0 int, 1 string), the int and the string.
			const isString = typeof value === 'string';
			writer
				.uint32((number << 3) | 2)
				.fork()
				.uint32(8)
				.int64(isString ? 1 : 0)
				.uint32(16)
				.int32(isString ? 0 : (value as number))
				.uint32(26)
				.string(isString ? value : '')
				.ldelim();
			return;
		}
		case 'quantity': {
			// resource.Quantity is a message with its string form in field 1.
			writer
				.uint32((number << 3) | 2)
				.fork()
				.uint32(10)
				.string(String(value))
				.ldelim();
			return;
		}
		case 'json': {
			// FieldsV1: the JSON text as bytes in its field 1.
			writer
				.uint32((number << 3) | 2)
				.fork()
				.uint32(10)
				.bytes(Buffer.from(JSON.stringify(value), 'utf8'))
				.ldelim();
			return;
		}
		default:
			throw new Unencodable(`${path}.${field.name}: no encoding for ${field.kind}`);
	}
}

/** `k8s\0` + runtime.Unknown{typeMeta{apiVersion, kind}, raw}: what a protobuf body or a watch event's object is. */
export function encodeEnvelope(apiVersion: string, kind: string, raw: Uint8Array): Buffer {
	return enveloped(apiVersion, kind, [raw]);
}

/**
 * The envelope around raw bytes given in parts, copied once into the body: writing the parts
 * through a writer copied each into its own buffer and the whole again on finish, which made a 10,000-pod
 * list (24.6 MB) take the sandbox 1–2.5 s even with every item's bytes already made.
 */
function enveloped(apiVersion: string, kind: string, raw: readonly Uint8Array[]): Buffer {
	const rawLength = raw.reduce((sum, part) => sum + part.length, 0);
	const head = new WireWriter();
	head.uint32(10).fork().uint32(10).string(apiVersion).uint32(18).string(kind).ldelim();
	head.uint32(18).uint32(rawLength);
	// contentEncoding and contentType: empty, written as Go writes them.
	const tail = new WireWriter().uint32(26).string('').uint32(34).string('').finish();
	return Buffer.concat([magic, head.finish(), ...raw, tail]);
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
	const head = new WireWriter();
	head.uint32(10).fork();
	writeMessage(head, metadata, listMeta, 'metadata');
	head.ldelim();
	const parts: Uint8Array[] = [head.finish()];
	for (const item of items) {
		// Field 2 (items), length-delimited: its tag and length, then the item's own bytes.
		parts.push(new WireWriter().uint32(18).uint32(item.length).finish(), item);
	}
	return enveloped(apiVersion, listKind, parts);
}

/** One watch frame: a 4-byte big-endian length, then a metav1.WatchEvent whose object is the enveloped object. */
export function encodeWatchFrame(type: string, apiVersion: string, kind: string, raw: Buffer): Buffer {
	const event = new WireWriter();
	event.uint32(10).string(type);
	event
		.uint32(18)
		.fork()
		.uint32(10)
		.bytes(encodeEnvelope(apiVersion, kind, raw))
		.ldelim();
	const body = event.finish();
	const length = Buffer.alloc(4);
	length.writeUInt32BE(body.length);
	return Buffer.concat([length, body]);
}

/** A Status (an ERROR event's object) in its own bytes. */
export function encodeStatus(status: Record<string, unknown>): Buffer {
	return encodeMessage(status, statusSchema, 'Status', ['kind', 'apiVersion']);
}
