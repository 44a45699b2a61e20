// A hand-written protobuf decoder over the same schema as kpods' protobufjs codec (its
// field tables read from the protobufjs types), producing the same JSON-shaped pods in one
// pass: what bench/protobuf-decode.ts weighs protobufjs against. Bench-only.
import type protobuf from 'protobufjs/light.js';
import {safeText} from '../source/format/safe-text.js';
import {messageType} from '../source/cluster/protobuf/schema-types.js';
import type {MessageName} from '../source/cluster/protobuf/schema.js';

interface Slot {
	name: string;
	kind: 'string' | 'varint' | 'bool' | 'message' | 'map' | 'time' | 'intOrString' | 'bytes';
	repeated: boolean;
	table?: Table;
}
type Table = Array<Slot | undefined>;

const tables = new Map<string, Table>();
function tableOf(type: protobuf.Type): Table {
	let table = tables.get(type.name);
	if (table) {
		return table;
	}
	table = [];
	tables.set(type.name, table);
	for (const field of type.fieldsArray) {
		field.resolve();
		const resolved = field.resolvedType as protobuf.Type | null;
		const kind: Slot['kind'] = field.map
			? 'map'
			: resolved?.name === 'Time'
				? 'time'
				: resolved?.name === 'IntOrString'
					? 'intOrString'
					: resolved
						? 'message'
						: field.type === 'string'
							? 'string'
							: field.type === 'bool'
								? 'bool'
								: field.type === 'bytes'
									? 'bytes'
									: 'varint';
		table[field.id] = {name: field.name, kind, repeated: field.repeated, table: kind === 'message' ? tableOf(resolved!) : undefined};
	}
	return table;
}

class Cursor {
	pos = 0;
	constructor(readonly buffer: Buffer) {}
	varint(): number {
		let result = 0;
		let shift = 0;
		for (;;) {
			const byte = this.buffer[this.pos++]!;
			result += shift < 28 ? (byte & 0x7f) << shift : (byte & 0x7f) * 2 ** shift;
			if (byte < 0x80) {
				return result;
			}
			shift += 7;
		}
	}
	skip(wire: number): void {
		if (wire === 0) {
			this.varint();
		} else if (wire === 2) {
			const length = this.varint();
			this.pos += length;
		} else if (wire === 1) {
			this.pos += 8;
		} else if (wire === 5) {
			this.pos += 4;
		} else {
			throw new Error(`wire type ${wire}`);
		}
	}
}

function message(cursor: Cursor, end: number, table: Table): Record<string, unknown> {
	const object: Record<string, unknown> = {};
	while (cursor.pos < end) {
		const tag = cursor.varint();
		const slot = table[tag >>> 3];
		if (!slot) {
			cursor.skip(tag & 7);
			continue;
		}
		let value: unknown;
		switch (slot.kind) {
			case 'varint':
				value = cursor.varint();
				break;
			case 'bool':
				value = cursor.varint() !== 0;
				break;
			case 'string': {
				const length = cursor.varint();
				value = length === 0 ? '' : safeText(cursor.buffer.toString('utf8', cursor.pos, cursor.pos + length));
				cursor.pos += length;
				break;
			}
			case 'bytes': {
				const length = cursor.varint();
				cursor.pos += length;
				continue;
			}
			case 'map': {
				const entryEnd = cursor.varint() + cursor.pos;
				const entry = message(cursor, entryEnd, mapEntry);
				object[slot.name] ??= {};
				(object[slot.name] as Record<string, unknown>)[(entry.key as string) ?? ''] = entry.value ?? '';
				continue;
			}
			case 'time': {
				const timeEnd = cursor.varint() + cursor.pos;
				const seconds = (message(cursor, timeEnd, timeTable).seconds as number) ?? 0;
				if (seconds === 0) {
					continue;
				}
				value = new Date(seconds * 1000).toISOString().replace('.000Z', 'Z');
				break;
			}
			case 'intOrString': {
				const valueEnd = cursor.varint() + cursor.pos;
				const parts = message(cursor, valueEnd, intOrStringTable);
				value = parts.type === 1 ? (parts.strVal ?? '') : (parts.intVal ?? 0);
				break;
			}
			default: {
				const messageEnd = cursor.varint() + cursor.pos;
				value = message(cursor, messageEnd, slot.table!);
			}
		}
		if (value === '') {
			continue;
		}
		if (slot.repeated) {
			object[slot.name] ??= [];
			(object[slot.name] as unknown[]).push(value);
		} else {
			object[slot.name] = value;
		}
	}
	return object;
}

const mapEntry: Table = [];
mapEntry[1] = {name: 'key', kind: 'string', repeated: false};
mapEntry[2] = {name: 'value', kind: 'string', repeated: false};
const timeTable: Table = [];
timeTable[1] = {name: 'seconds', kind: 'varint', repeated: false};
const intOrStringTable: Table = [];
intOrStringTable[1] = {name: 'type', kind: 'varint', repeated: false};
intOrStringTable[2] = {name: 'intVal', kind: 'varint', repeated: false};
intOrStringTable[3] = {name: 'strVal', kind: 'string', repeated: false};

/** A list body's items, decoded by hand with the schema of `kind`. */
export function handList(body: Buffer, kind: MessageName, onItem: (item: unknown) => void): void {
	const item = tableOf(messageType(kind));
	const cursor = new Cursor(body);
	// Envelope: k8s\0, then Unknown{1: typeMeta, 2: raw}.
	cursor.pos = 4;
	let rawStart = 0;
	let rawEnd = 0;
	while (cursor.pos < body.length) {
		const tag = cursor.varint();
		if (tag >>> 3 === 2) {
			const length = cursor.varint();
			rawStart = cursor.pos;
			rawEnd = rawStart + length;
			cursor.pos = rawEnd;
		} else {
			cursor.skip(tag & 7);
		}
	}
	cursor.pos = rawStart;
	while (cursor.pos < rawEnd) {
		const tag = cursor.varint();
		if (tag >>> 3 === 2) {
			const end = cursor.varint() + cursor.pos;
			onItem(message(cursor, end, item));
		} else {
			cursor.skip(tag & 7);
		}
	}
}
