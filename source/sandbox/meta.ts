import {randomBytes, randomInt, randomUUID} from 'node:crypto';
import type {ObjectMeta} from '../k8s/types.js';
import {objectMetaFields} from './struct-fields.js';

/** A fresh object uid (UUID v4, as the API server makes them). */
export function newUid(): string {
	return randomUUID();
}

// The alphabet apimachinery's rand.String uses for generateName suffixes (no vowels, no
// look-alike digits), so generated names look like real ones.
const suffixAlphabet = 'bcdfghjklmnpqrstvwxz2456789';

/** A random suffix like `x7k2q` for generateName and generated volume names. */
export function randomSuffix(length = 5): string {
	let suffix = '';
	for (let index = 0; index < length; index++) {
		suffix += suffixAlphabet[randomInt(suffixAlphabet.length)];
	}

	return suffix;
}

/** Random lower-case hex of `bytes` bytes (container IDs, image digests). */
export function randomHex(bytes: number): string {
	return randomBytes(bytes).toString('hex');
}

/** RFC 3339 with seconds precision, as metav1.Time serializes: `2026-11-24T11:46:52Z`. */
export function rfc3339(ms: number): string {
	return new Date(Math.floor(ms / 1000) * 1000).toISOString().replace('.000Z', 'Z');
}

/** RFC 3339 with microseconds, as metav1.MicroTime serializes: `2026-11-24T11:46:52.123456Z`. */
export function microTime(ms: number): string {
	const iso = new Date(ms).toISOString();
	return `${iso.slice(0, 23)}000Z`;
}

/** A copy of `object` with `order`'s keys first in that order, then any others as they were. */
export function orderKeys<T extends object>(object: T, order: readonly string[]): T {
	const source = object as Record<string, unknown>;
	const result: Record<string, unknown> = {};
	for (const key of order) {
		if (source[key] !== undefined) {
			result[key] = source[key];
		}
	}

	for (const key of Object.keys(source)) {
		if (!(key in result) && source[key] !== undefined) {
			result[key] = source[key];
		}
	}

	return result as T;
}

/** ObjectMeta with keys in the order the server writes them. */
export function orderMeta(meta: ObjectMeta): ObjectMeta {
	return orderKeys(meta, objectMetaFields);
}

/** A deep copy of JSON data. */
export function clone<T>(value: T): T {
	return structuredClone(value);
}

/** Deep equality of JSON values (key order ignored). */
export function jsonEqual(a: unknown, b: unknown): boolean {
	if (a === b) {
		return true;
	}

	if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) {
		return false;
	}

	if (Array.isArray(a) !== Array.isArray(b)) {
		return false;
	}

	if (Array.isArray(a)) {
		const other = b as unknown[];
		return a.length === other.length && a.every((item, index) => jsonEqual(item, other[index]));
	}

	const left = a as Record<string, unknown>;
	const right = b as Record<string, unknown>;
	const leftKeys = Object.keys(left).filter(key => left[key] !== undefined);
	const rightKeys = Object.keys(right).filter(key => right[key] !== undefined);
	return leftKeys.length === rightKeys.length && leftKeys.every(key => jsonEqual(left[key], right[key]));
}

/** Whether a value is a plain JSON object (not an array, not null). */
export function isObject(value: unknown): value is Record<string, unknown> {
	return typeof value === 'object' && value !== null && !Array.isArray(value);
}
