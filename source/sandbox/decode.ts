import {goName, typeOf, type GoType, type TypedResource} from './go-types.js';
import {isObject} from './meta.js';

/**
 * JSON type checking as the API server's decoder (sigs.k8s.io/json, a fork of encoding/json)
 * does it: a value of the wrong JSON type is a decode error, not a stored object. As in Go,
 * the first type mismatch is kept while decoding goes on, but an error from a type's own
 * UnmarshalJSON (a bad quantity, an IntOrString that is neither) stops decoding at once and wins.
 */
export function decodeError(resource: TypedResource, object: unknown): string | undefined {
	const type = typeOf(resource);
	const state: DecodeState = {};
	try {
		walk(object, type, {struct: goName(type).replace(/^\w+\./, ''), path: []}, state);
	} catch (error) {
		if (error instanceof FatalDecodeError) {
			return error.message;
		}

		throw error;
	}

	return state.saved;
}

interface Context {
	/** The Go struct whose field is being decoded (`ServicePort`). */
	struct: string;
	/** JSON field names from the top (`spec.ports.port`), without list indices. */
	path: string[];
}

interface DecodeState {
	saved?: string;
}

class FatalDecodeError extends Error {}

/** The JSON kind Go names in `cannot unmarshal X`: `string`, `number`, `number 80.5`, `bool`, `object`, `array`. */
function jsonKind(value: unknown, withNumber = false): string {
	if (Array.isArray(value)) {
		return 'array';
	}

	if (typeof value === 'number') {
		return withNumber ? `number ${String(value)}` : 'number';
	}

	if (typeof value === 'boolean') {
		return 'bool';
	}

	return typeof value === 'object' ? 'object' : typeof value;
}

function mismatch(state: DecodeState, context: Context, value: string, type: string): void {
	state.saved ??=
		context.path.length > 0
			? `json: cannot unmarshal ${value} into Go struct field ${context.struct}.${context.path.join('.')} of type ${type}`
			: `json: cannot unmarshal ${value} into Go value of type ${type}`;
}

const int32Range = 2 ** 31;

function fitsInt(value: number, name: 'int32' | 'int64'): boolean {
	return Number.isInteger(value) && (name === 'int64' ? Number.isSafeInteger(value) : value >= -int32Range && value < int32Range);
}

function walk(value: unknown, type: GoType, context: Context, state: DecodeState): void {
	if (value === null || value === undefined) {
		return;
	}

	switch (type.kind) {
		case 'string': {
			if (typeof value !== 'string') {
				mismatch(state, context, jsonKind(value), type.name);
			}

			return;
		}

		case 'int': {
			if (typeof value === 'number') {
				if (!fitsInt(value, type.name)) {
					mismatch(state, context, jsonKind(value, true), type.name);
				}
			} else {
				mismatch(state, context, jsonKind(value), type.name);
			}

			return;
		}

		case 'bool': {
			if (typeof value !== 'boolean') {
				mismatch(state, context, jsonKind(value), 'bool');
			}

			return;
		}

		case 'intOrString': {
			// IntOrString.UnmarshalJSON decodes a non-string into its int32 with json.Unmarshal.
			if (typeof value !== 'string' && !(typeof value === 'number' && fitsInt(value, 'int32'))) {
				throw new FatalDecodeError(`json: cannot unmarshal ${jsonKind(value, true)} into Go value of type int32`);
			}

			return;
		}

		case 'quantity': {
			const problem = quantityError(
				typeof value === 'string' ? value.trim() : typeof value === 'number' ? String(value) : JSON.stringify(value),
			);
			if (problem) {
				throw new FatalDecodeError(problem);
			}

			return;
		}

		case 'map': {
			if (!isObject(value)) {
				mismatch(state, context, jsonKind(value), type.name);
				return;
			}

			for (const item of Object.values(value)) {
				walk(item, type.value, context, state);
			}

			return;
		}

		case 'slice': {
			if (!Array.isArray(value)) {
				mismatch(state, context, jsonKind(value), type.name);
				return;
			}

			for (const item of value) {
				walk(item, type.item, context, state);
			}

			return;
		}

		case 'struct': {
			if (!isObject(value)) {
				mismatch(state, context, jsonKind(value), type.name);
				return;
			}

			const struct = type.name.replace(/^\w+\./, '');
			for (const [key, child] of Object.entries(value)) {
				const field = type.fields[key];
				if (field) {
					walk(child, field, {struct, path: [...context.path, key]}, state);
				}
			}
		}
	}
}

const quantityPattern = /^([+-]?[\d.]+)([eEinumkKMGTP]*[-+]?\d*)$/;
const suffixes = new Set(['', 'n', 'u', 'm', 'k', 'M', 'G', 'T', 'P', 'E', 'Ki', 'Mi', 'Gi', 'Ti', 'Pi', 'Ei']);

/** resource.ParseQuantity's error for a text, undefined when it parses. */
export function quantityError(text: string): string | undefined {
	const match = quantityPattern.exec(text);
	if (!match) {
		return "quantities must match the regular expression '^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$'";
	}

	const [, number, suffix] = match as unknown as [string, string, string];
	if (!suffixes.has(suffix) && !/^[eE][-+]?\d+$/.test(suffix)) {
		return "unable to parse quantity's suffix";
	}

	if ((number.match(/\./g) ?? []).length > 1 || !/\d/.test(number)) {
		return 'unable to parse numeric part of quantity';
	}

	return undefined;
}

/**
 * The error of runtime.DefaultUnstructuredConverter turning a strategic-merge-patched map into
 * the typed object (the first one, in document order): a string where an integer belongs is
 * `unrecognized type: int32`, a number where a string belongs `cannot convert int64 to string`.
 */
export function convertError(resource: TypedResource, object: unknown): string | undefined {
	const type = typeOf(resource);
	const visit = (value: unknown, at: GoType): string | undefined => {
		if (value === null || value === undefined) {
			return undefined;
		}

		switch (at.kind) {
			case 'string': {
				return typeof value === 'string' ? undefined : `cannot convert ${goKind(value)} to string`;
			}

			case 'int': {
				return typeof value === 'number' && Number.isInteger(value) ? undefined : `unrecognized type: ${at.name}`;
			}

			case 'bool': {
				return typeof value === 'boolean' ? undefined : `cannot convert ${goKind(value)} to bool`;
			}

			case 'intOrString': {
				return typeof value === 'string' || (typeof value === 'number' && fitsInt(value, 'int32'))
					? undefined
					: `json: cannot unmarshal ${jsonKind(value, true)} into Go value of type int32`;
			}

			case 'quantity': {
				return quantityError(typeof value === 'string' || typeof value === 'number' ? String(value).trim() : '');
			}

			case 'map': {
				return isObject(value) ? firstOf(Object.values(value), item => visit(item, at.value)) : `cannot convert ${goKind(value)} to map`;
			}

			case 'slice': {
				return Array.isArray(value) ? firstOf(value, item => visit(item, at.item)) : `cannot convert ${goKind(value)} to slice`;
			}

			case 'struct': {
				return isObject(value)
					? firstOf(Object.entries(value), ([key, child]) => (at.fields[key] ? visit(child, at.fields[key]) : undefined))
					: `cannot convert ${goKind(value)} to struct`;
			}
		}
	};

	return visit(object, type);
}

function firstOf<T>(items: T[], check: (item: T) => string | undefined): string | undefined {
	for (const item of items) {
		const found = check(item);
		if (found) {
			return found;
		}
	}

	return undefined;
}

// How an unstructured (JSON-decoded) value's Go kind prints: integers are int64, others float64.
function goKind(value: unknown): string {
	if (typeof value === 'number') {
		return Number.isInteger(value) ? 'int64' : 'float64';
	}

	if (Array.isArray(value)) {
		return 'slice';
	}

	return typeof value === 'object' ? 'map' : typeof value;
}

/** A JSON value as Go's `%+v` prints the map it decodes to: `map[spec:map[ports:[map[port:81]]]]` (keys sorted). */
export function goPrint(value: unknown): string {
	if (value === null || value === undefined) {
		return '<nil>';
	}

	if (Array.isArray(value)) {
		return `[${value.map(item => goPrint(item)).join(' ')}]`;
	}

	if (isObject(value)) {
		return `map[${Object.keys(value)
			.sort()
			.map(key => `${key}:${goPrint(value[key])}`)
			.join(' ')}]`;
	}

	return String(value);
}
