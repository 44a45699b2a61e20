import {badRequest, failure, StatusError} from './status.js';
import {objectMeta, objectReference, servedKinds, type Field, type Schema} from './protobuf-schema.js';

/**
 * Reads the Kubernetes protobuf encoding (`application/vnd.kubernetes.protobuf`) of the
 * objects kubectl sends that way: `kubectl create namespace` and `kubectl create service`
 * post protobuf bodies through client-go's typed clients. The envelope is the `k8s\0`
 * magic and a runtime.Unknown; field numbers come from k8s.io/api's generated.proto.
 * Zero values are dropped, as JSON's omitempty would.
 */

const string = (name: string, repeated = false): Field => ({name, kind: 'string', repeated});
const int = (name: string): Field => ({name, kind: 'int'});
const bool = (name: string): Field => ({name, kind: 'bool'});
const message = (name: string, schema: Schema, repeated = false): Field => ({name, kind: 'message', schema, repeated});

const resourceAttributes: Schema = {
	1: string('namespace'),
	2: string('verb'),
	3: string('group'),
	4: string('version'),
	5: string('resource'),
	6: string('subresource'),
	7: string('name'),
};

/** The kinds whose protobuf bodies the sandbox reads (kubectl create namespace/service/secret/configmap/serviceaccount, auth can-i). */
const objects: Record<string, Schema> = {
	Namespace: {1: message('metadata', objectMeta), 2: message('spec', {1: string('finalizers', true)})},
	...servedKinds,
	ConfigMap: {
		1: message('metadata', objectMeta),
		2: {name: 'data', kind: 'map'},
		3: {name: 'binaryData', kind: 'bytesMap'},
		4: bool('immutable'),
	},
	Secret: {
		1: message('metadata', objectMeta),
		2: {name: 'data', kind: 'bytesMap'},
		3: string('type'),
		4: {name: 'stringData', kind: 'map'},
		5: bool('immutable'),
	},
	ServiceAccount: {
		1: message('metadata', objectMeta),
		2: message('secrets', objectReference, true),
		3: message('imagePullSecrets', {1: string('name')}, true),
		4: bool('automountServiceAccountToken'),
	},
	SelfSubjectAccessReview: {
		1: message('metadata', objectMeta),
		2: message('spec', {
			1: message('resourceAttributes', resourceAttributes),
			2: message('nonResourceAttributes', {1: string('path'), 2: string('verb')}),
		}),
	},
};

class Reader {
	offset = 0;
	constructor(readonly bytes: Buffer) {}

	get done(): boolean {
		return this.offset >= this.bytes.length;
	}

	varint(): bigint {
		let result = 0n;
		let shift = 0n;
		for (;;) {
			if (this.offset >= this.bytes.length) {
				throw badRequest('protobuf: truncated varint');
			}

			const byte = this.bytes[this.offset++]!;
			result |= BigInt(byte & 0x7f) << shift;
			if ((byte & 0x80) === 0) {
				return result;
			}

			shift += 7n;
		}
	}

	chunk(): Buffer {
		const length = Number(this.varint());
		const start = this.offset;
		this.offset += length;
		if (this.offset > this.bytes.length) {
			throw badRequest('protobuf: truncated field');
		}

		return this.bytes.subarray(start, this.offset);
	}

	skip(wireType: number): void {
		if (wireType === 0) {
			this.varint();
		} else if (wireType === 1) {
			this.offset += 8;
		} else if (wireType === 2) {
			this.chunk();
		} else if (wireType === 5) {
			this.offset += 4;
		} else {
			throw badRequest(`protobuf: unsupported wire type ${wireType}`);
		}
	}
}

function fields(bytes: Buffer, visit: (number: number, wireType: number, reader: Reader) => void): void {
	const reader = new Reader(bytes);
	while (!reader.done) {
		const key = Number(reader.varint());
		visit(key >> 3, key & 7, reader);
	}
}

/** How strictly to read: `strict` refuses field numbers the schema lacks; `keepZeros` keeps what Go wrote as zero values. */
export interface DecodeOptions {
	strict?: boolean;
	keepZeros?: boolean;
}

function decodeMessage(bytes: Buffer, schema: Schema, options: DecodeOptions = {}, path = ''): Record<string, unknown> {
	const result: Record<string, unknown> = {};
	fields(bytes, (number, wireType, reader) => {
		const field = schema[number];
		if (!field) {
			if (options.strict) {
				throw new Error(`${path || 'the object'}: field ${number} is not in the schema`);
			}
			reader.skip(wireType);
			return;
		}

		const value = decodeValue(field, wireType, reader, options, `${path}.${field.name || `(${number})`}`);
		if (field.kind === 'inline') {
			Object.assign(result, value);
		} else if (field.kind === 'map' || field.kind === 'bytesMap' || field.kind === 'quantityMap') {
			const [key, entry] = value as [string, string];
			result[field.name] = {...(result[field.name] as object | undefined), [key]: entry};
		} else if (field.repeated) {
			result[field.name] = [...((result[field.name] as unknown[] | undefined) ?? []), value];
		} else if (value !== undefined) {
			result[field.name] = value;
		}
	});
	for (const [key, value] of Object.entries(result)) {
		if (options.keepZeros) {
			continue;
		}
		if (
			value === '' ||
			value === 0 ||
			value === false ||
			(typeof value === 'object' && value !== null && !Array.isArray(value) && Object.keys(value).length === 0)
		) {
			delete result[key];
		}
	}

	return result;
}

function decodeValue(field: Field, wireType: number, reader: Reader, options: DecodeOptions, path: string): unknown {
	switch (field.kind) {
		case 'int': {
			return Number(BigInt.asIntN(64, reader.varint()));
		}

		case 'bool': {
			return reader.varint() !== 0n;
		}

		case 'string': {
			return reader.chunk().toString('utf8');
		}

		case 'bytes': {
			return reader.chunk().toString('base64');
		}

		case 'message':
		case 'inline': {
			return decodeMessage(reader.chunk(), field.schema!, options, path);
		}

		case 'quantity': {
			return decodeMessage(reader.chunk(), {1: string('string')})['string'] ?? '';
		}

		case 'quantityMap': {
			const entry = decodeMessage(reader.chunk(), {1: string('key'), 2: {name: 'value', kind: 'quantity'}});
			return [entry['key'] ?? '', entry['value'] ?? ''];
		}

		case 'json': {
			const raw = decodeMessage(reader.chunk(), {1: {name: 'raw', kind: 'bytes'}})['raw'] as string | undefined;
			return JSON.parse(Buffer.from(raw ?? '', 'base64').toString('utf8') || 'null');
		}

		case 'map': {
			const entry = decodeMessage(reader.chunk(), {1: string('key'), 2: string('value')});
			return [entry['key'] ?? '', entry['value'] ?? ''];
		}

		case 'bytesMap': {
			const entry = decodeMessage(reader.chunk(), {1: string('key'), 2: {name: 'value', kind: 'bytes'}});
			return [entry['key'] ?? '', entry['value'] ?? ''];
		}

		case 'time': {
			const time = decodeMessage(reader.chunk(), {1: int('seconds'), 2: int('nanos')}, {keepZeros: true});
			return time['seconds'] ? new Date(Number(time['seconds']) * 1000).toISOString().replace('.000Z', 'Z') : undefined;
		}

		case 'intOrString': {
			const value = decodeMessage(reader.chunk(), {1: int('type'), 2: int('intVal'), 3: string('strVal')}, {keepZeros: true});
			return value['type'] === 1 ? (value['strVal'] ?? '') : (value['intVal'] ?? 0);
		}

		default: {
			void wireType;
			return undefined;
		}
	}
}

/** Decodes a `k8s\0` protobuf body into the JSON object it stands for; 415 for kinds it cannot read. */
export function decodeKubernetesProtobuf(body: Buffer): Record<string, unknown> {
	if (body.length < 4 || body.subarray(0, 4).toString('latin1') !== 'k8s\u0000') {
		throw badRequest('the body of the request was not a Kubernetes protobuf object');
	}

	const envelope = decodeMessage(body.subarray(4), {
		1: message('typeMeta', {1: string('apiVersion'), 2: string('kind')}),
		2: {name: 'raw', kind: 'bytes'},
	});
	const typeMeta = (envelope['typeMeta'] ?? {}) as {apiVersion?: string; kind?: string};
	const schema = objects[typeMeta.kind ?? ''];
	if (!schema) {
		throw new StatusError(
			failure(415, 'UnsupportedMediaType', `the sandbox reads ${typeMeta.kind ?? 'this object'} only as JSON (application/json)`),
		);
	}

	const raw = Buffer.from((envelope['raw'] as string | undefined) ?? '', 'base64');
	return {apiVersion: typeMeta.apiVersion, kind: typeMeta.kind, ...decodeMessage(raw, schema)};
}

/** One object's own bytes (no envelope) as JSON-shaped fields, by the schema of its kind (tests compare encodings with it). */
export function decodeObject(kind: string, bytes: Buffer, options: DecodeOptions = {}): Record<string, unknown> {
	const schema = objects[kind];
	if (!schema) {
		throw new Error(`no protobuf schema for ${kind}`);
	}
	return decodeMessage(bytes, schema, options, kind);
}
