import {typeOf, type GoType, type TypedResource} from './go-types.js';
import {isObject} from './meta.js';
import {childPath, itemPath, listSemantics} from './schema.js';
import {quantityError} from './decode.js';

/**
 * Server-side apply's type check of a configuration (structured-merge-diff building the
 * "typed patch object"): every value of the wrong type, as `.spec.ports[port="80",protocol="TCP"].port:
 * expected numeric (int or float), got …`, in SMD's path syntax (list items by their keys).
 * Texts as the lab's v1.20 server prints them.
 */
export function typedPatchErrors(resource: TypedResource, object: unknown): string[] {
	const type = typeOf(resource);
	const errors: string[] = [];
	walk(object, type, '', '', errors);
	return errors;
}

/** The conversion error a bad quantity gives after the typed patch object is built. */
export function appliedQuantityError(resource: TypedResource, object: unknown): string | undefined {
	const found = firstQuantityError(object, typeOf(resource));
	return found
		? `failed to convert new object to proper version: unable to convert unstructured object to /${resource.version}, Kind=${resource.kind}: ${found}`
		: undefined;
}

function firstQuantityError(value: unknown, type: GoType): string | undefined {
	if (value === null || value === undefined) {
		return undefined;
	}

	if (type.kind === 'quantity') {
		return quantityError(typeof value === 'string' || typeof value === 'number' ? String(value).trim() : '');
	}

	const children =
		type.kind === 'struct' && isObject(value)
			? Object.entries(value)
					.filter(([key]) => type.fields[key])
					.map(([key, child]) => [child, type.fields[key]!] as const)
			: type.kind === 'map' && isObject(value)
				? Object.values(value).map(child => [child, type.value] as const)
				: type.kind === 'slice' && Array.isArray(value)
					? value.map(child => [child, type.item] as const)
					: [];
	for (const [child, childType] of children) {
		const found = firstQuantityError(child, childType);
		if (found) {
			return found;
		}
	}

	return undefined;
}

// SMD prints a value it did not expect as Go prints its unstructured wrapper.
function shown(value: unknown): string {
	if (isObject(value)) {
		return `&{map[${Object.keys(value)
			.sort()
			.map(key => `${key}:${plain(value[key])}`)
			.join(' ')}]}`;
	}

	if (Array.isArray(value)) {
		return `&{[${value.map(item => plain(item)).join(' ')}]}`;
	}

	return `&value.valueUnstructured{Value:${typeof value === 'string' ? JSON.stringify(value) : String(value)}}`;
}

function plain(value: unknown): string {
	if (isObject(value)) {
		return `map[${Object.keys(value)
			.sort()
			.map(key => `${key}:${plain(value[key])}`)
			.join(' ')}]`;
	}

	return Array.isArray(value) ? `[${value.map(item => plain(item)).join(' ')}]` : String(value);
}

function keyOf(item: unknown, index: number, keys: string[] | undefined): string {
	if (!keys || !isObject(item)) {
		return `[${index}]`;
	}

	const parts = [...keys]
		.sort()
		.filter(key => item[key] !== undefined)
		.map(key => `${key}=${JSON.stringify(item[key])}`);
	return `[${parts.join(',')}]`;
}

function walk(value: unknown, type: GoType, schemaPath: string, printed: string, errors: string[]): void {
	if (value === null || value === undefined) {
		return;
	}

	const fail = (message: string): void => {
		errors.push(`${printed}: ${message}`);
	};

	switch (type.kind) {
		case 'string': {
			if (typeof value !== 'string') {
				fail(`expected string, got ${shown(value)}`);
			}

			return;
		}

		case 'int': {
			if (typeof value !== 'number') {
				fail('expected numeric (int or float), got *value.valueUnstructured');
			}

			return;
		}

		case 'bool': {
			if (typeof value !== 'boolean') {
				fail(`expected boolean, got ${shown(value)}`);
			}

			return;
		}

		case 'intOrString':
		case 'quantity': {
			return;
		}

		case 'map':
		case 'struct': {
			if (!isObject(value)) {
				fail(`expected map, got ${shown(value)}`);
				return;
			}

			for (const [key, child] of Object.entries(value)) {
				const childType = type.kind === 'map' ? type.value : type.fields[key];
				if (childType) {
					walk(child, childType, type.kind === 'map' ? schemaPath : childPath(schemaPath, key), `${printed}.${key}`, errors);
				}
			}

			return;
		}

		case 'slice': {
			if (!Array.isArray(value)) {
				fail(`expected list, got ${shown(value)}`);
				return;
			}

			const {keys} = listSemantics(schemaPath);
			for (const [index, item] of value.entries()) {
				walk(item, type.item, itemPath(schemaPath), `${printed}${keyOf(item, index, keys)}`, errors);
			}
		}
	}
}
