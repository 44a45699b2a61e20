// JSON the way Go's encoding/json writes an unstructured object (map[string]interface{}): keys
// sorted, '<', '>', '&', U+2028 and U+2029 escaped. kubectl stores its last-applied-configuration
// annotation in exactly these bytes, and compares them byte for byte on the next apply.

/** A decoded JSON value. */
export type Json = null | boolean | number | string | Json[] | {[key: string]: Json};

/** A decoded JSON object. */
export type JsonMap = {[key: string]: Json};

const goEscapes: Record<string, string> = {'<': '\\u003c', '>': '\\u003e', '&': '\\u0026', '\u2028': '\\u2028', '\u2029': '\\u2029'};

/**
 * Encodes a value as Go's json.Marshal encodes the same value decoded into interface{}.
 *
 * @example goJson({b: 1, a: '<x>'}) === '{"a":"\\u003cx\\u003e","b":1}'
 */
export function goJson(value: unknown): string {
	return JSON.stringify(sortKeys(value)).replace(/[<>&\u2028\u2029]/g, character => goEscapes[character]!);
}

function sortKeys(value: unknown): unknown {
	if (Array.isArray(value)) {
		return value.map(sortKeys);
	}
	if (value === null || typeof value !== 'object') {
		return value;
	}
	const entries = Object.entries(value as Record<string, unknown>).filter(([, inner]) => inner !== undefined);
	// Go sorts map keys by their bytes; for UTF-16 strings outside the surrogate range that is code-unit order.
	entries.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
	return Object.fromEntries(entries.map(([key, inner]) => [key, sortKeys(inner)]));
}

/** The kind of a JSON value as Go's reflect.TypeOf tells decoded values apart. */
export function jsonType(value: unknown): 'null' | 'map' | 'slice' | 'string' | 'number' | 'boolean' {
	if (value === null || value === undefined) {
		return 'null';
	}
	if (Array.isArray(value)) {
		return 'slice';
	}
	if (typeof value === 'object') {
		return 'map';
	}
	return typeof value as 'string' | 'number' | 'boolean';
}

/** True for a JSON object (not an array, not null). */
export function isJsonMap(value: unknown): value is JsonMap {
	return jsonType(value) === 'map';
}

/** Deep equality of decoded JSON values (Go's reflect.DeepEqual on them). */
export function jsonEqual(a: unknown, b: unknown): boolean {
	if (a === b) {
		return true;
	}
	const type = jsonType(a);
	if (type !== jsonType(b)) {
		return false;
	}
	if (type === 'slice') {
		const left = a as unknown[];
		const right = b as unknown[];
		return left.length === right.length && left.every((item, index) => jsonEqual(item, right[index]));
	}
	if (type === 'map') {
		const left = a as Record<string, unknown>;
		const right = b as Record<string, unknown>;
		const keys = Object.keys(left);
		return keys.length === Object.keys(right).length && keys.every(key => Object.hasOwn(right, key) && jsonEqual(left[key], right[key]));
	}
	return false;
}

/**
 * Go's fmt %v of a decoded JSON scalar: the string strategic merge patch sorts and matches
 * list items by (numbers are float64: 1e+06 from a million).
 */
export function goValueString(value: unknown): string {
	if (typeof value === 'number') {
		if (value === 0 || !Number.isFinite(value)) {
			return String(value);
		}
		const exponent = Math.floor(Math.log10(Math.abs(value)));
		if (exponent < -4 || exponent >= 6) {
			const [mantissa, power] = value.toExponential().split('e');
			const sign = power!.startsWith('-') ? '-' : '+';
			const digits = power!.replace(/^[+-]/, '').padStart(2, '0');
			return `${mantissa}e${sign}${digits}`;
		}
		return String(value);
	}
	if (value === null || value === undefined) {
		return '<nil>';
	}
	if (typeof value === 'object') {
		return JSON.stringify(value);
	}
	return String(value);
}
