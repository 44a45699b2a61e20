import {badRequest, StatusError, failure} from './status.js';
import {clone, isObject, jsonEqual} from './meta.js';

/** RFC 7386 JSON merge patch (`application/merge-patch+json`): objects merge, null deletes, the rest replaces. */
export function mergePatch(target: unknown, patch: unknown): unknown {
	if (!isObject(patch)) {
		return clone(patch);
	}

	const result: Record<string, unknown> = isObject(target) ? {...target} : {};
	for (const [key, value] of Object.entries(patch)) {
		if (value === null) {
			delete result[key];
		} else {
			result[key] = mergePatch(result[key], value);
		}
	}

	return result;
}

interface Operation {
	op: string;
	path: string;
	value?: unknown;
	from?: string;
}

/** RFC 6902 JSON patch (`application/json-patch+json`). A failed `test` or a bad path is an error Status. */
export function jsonPatch(target: unknown, operations: unknown): unknown {
	if (!Array.isArray(operations)) {
		throw badRequest('json: cannot unmarshal object into Go value of type jsonpatch.Patch');
	}

	let document = clone(target);
	for (const raw of operations) {
		if (!isObject(raw) || typeof raw['op'] !== 'string' || typeof raw['path'] !== 'string') {
			throw badRequest('the server rejected our request due to an error in our request');
		}

		const operation = raw as unknown as Operation;
		switch (operation.op) {
			case 'add': {
				document = add(document, operation.path, clone(operation.value));
				break;
			}

			case 'remove': {
				document = remove(document, operation.path);
				break;
			}

			case 'replace': {
				document = remove(document, operation.path);
				document = add(document, operation.path, clone(operation.value));
				break;
			}

			case 'move': {
				const value = get(document, operation.from ?? '');
				document = remove(document, operation.from ?? '');
				document = add(document, operation.path, value);
				break;
			}

			case 'copy': {
				document = add(document, operation.path, clone(get(document, operation.from ?? '')));
				break;
			}

			case 'test': {
				if (!jsonEqual(get(document, operation.path), operation.value)) {
					throw new StatusError(failure(422, 'Invalid', `the server rejected our request due to an error in our request`));
				}

				break;
			}

			default: {
				throw badRequest(`Unexpected kind: ${operation.op}`);
			}
		}
	}

	return document;
}

function tokens(pointer: string): string[] {
	if (pointer === '') {
		return [];
	}

	if (!pointer.startsWith('/')) {
		throw badRequest(`JSON pointer must be empty or start with a "/": ${pointer}`);
	}

	return pointer.slice(1).split('/').map(token => token.replaceAll('~1', '/').replaceAll('~0', '~'));
}

function missing(pointer: string): StatusError {
	return new StatusError(failure(422, 'Invalid', `the server rejected our request due to an error in our request`, {causes: [{message: `missing path: ${pointer}`}]}));
}

function parentOf(document: unknown, pointer: string): {parent: unknown; last: string} {
	const parts = tokens(pointer);
	if (parts.length === 0) {
		return {parent: undefined, last: ''};
	}

	let node = document;
	for (const part of parts.slice(0, -1)) {
		node = child(node, part, pointer);
	}

	return {parent: node, last: parts.at(-1)!};
}

function child(node: unknown, part: string, pointer: string): unknown {
	if (Array.isArray(node)) {
		const index = Number(part);
		if (!Number.isInteger(index) || index < 0 || index >= node.length) {
			throw missing(pointer);
		}

		return node[index];
	}

	if (isObject(node) && part in node) {
		return node[part];
	}

	throw missing(pointer);
}

function get(document: unknown, pointer: string): unknown {
	let node = document;
	for (const part of tokens(pointer)) {
		node = child(node, part, pointer);
	}

	return node;
}

function add(document: unknown, pointer: string, value: unknown): unknown {
	const {parent, last} = parentOf(document, pointer);
	if (pointer === '') {
		return value;
	}

	if (Array.isArray(parent)) {
		const index = last === '-' ? parent.length : Number(last);
		if (!Number.isInteger(index) || index < 0 || index > parent.length) {
			throw missing(pointer);
		}

		parent.splice(index, 0, value);
	} else if (isObject(parent)) {
		parent[last] = value;
	} else {
		throw missing(pointer);
	}

	return document;
}

function remove(document: unknown, pointer: string): unknown {
	const {parent, last} = parentOf(document, pointer);
	if (Array.isArray(parent)) {
		const index = Number(last);
		if (!Number.isInteger(index) || index < 0 || index >= parent.length) {
			throw missing(pointer);
		}

		parent.splice(index, 1);
	} else if (isObject(parent) && last in parent) {
		delete parent[last];
	} else {
		throw missing(pointer);
	}

	return document;
}
