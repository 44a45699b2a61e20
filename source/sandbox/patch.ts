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
			throw patchFailed();
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
					throw patchFailed();
				}

				break;
			}

			default: {
				throw patchFailed();
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

	return pointer
		.slice(1)
		.split('/')
		.map(token => token.replaceAll('~1', '/').replaceAll('~0', '~'));
}

// A JSON patch that does not apply is a 422 with the generic message and empty details: the
// server drops the patch library's own words.
function patchFailed(): StatusError {
	return new StatusError(failure(422, 'Invalid', 'the server rejected our request due to an error in our request', {}));
}

function parentOf(document: unknown, pointer: string): {parent: unknown; last: string} {
	const parts = tokens(pointer);
	if (parts.length === 0) {
		return {parent: undefined, last: ''};
	}

	let node = document;
	for (const part of parts.slice(0, -1)) {
		node = child(node, part);
	}

	return {parent: node, last: parts.at(-1)!};
}

function child(node: unknown, part: string): unknown {
	if (Array.isArray(node)) {
		const index = Number(part);
		if (!Number.isInteger(index) || index < 0 || index >= node.length) {
			throw patchFailed();
		}

		return node[index];
	}

	if (isObject(node) && part in node) {
		return node[part];
	}

	throw patchFailed();
}

function get(document: unknown, pointer: string): unknown {
	let node = document;
	for (const part of tokens(pointer)) {
		node = child(node, part);
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
			throw patchFailed();
		}

		parent.splice(index, 0, value);
	} else if (isObject(parent)) {
		parent[last] = value;
	} else {
		throw patchFailed();
	}

	return document;
}

function remove(document: unknown, pointer: string): unknown {
	const {parent, last} = parentOf(document, pointer);
	if (Array.isArray(parent)) {
		const index = Number(last);
		if (!Number.isInteger(index) || index < 0 || index >= parent.length) {
			throw patchFailed();
		}

		parent.splice(index, 1);
	} else if (isObject(parent) && last in parent) {
		delete parent[last];
	} else {
		throw patchFailed();
	}

	return document;
}

/** Which containers of a document a patch walks into: `{spec: {ports: {0: {}}}}`. */
export type Touched = {[key: string]: Touched};

/** The containers a JSON patch's operations walk through (the parents of each path and `from`). */
export function touchedByJsonPatch(operations: unknown): Touched {
	const touched: Touched = {};
	for (const operation of Array.isArray(operations) ? operations : []) {
		for (const pointer of [operation?.path, operation?.from]) {
			if (typeof pointer !== 'string' || !pointer.startsWith('/')) {
				continue;
			}

			let node = touched;
			for (const part of tokens(pointer).slice(0, -1)) {
				node = node[part] ??= {};
			}
		}
	}

	return touched;
}

/** The objects a merge patch merges into (where both the patch and the document hold an object). */
export function touchedByMergePatch(document: unknown, patch: unknown): Touched {
	const touched: Touched = {};
	if (isObject(document) && isObject(patch)) {
		for (const [key, value] of Object.entries(patch)) {
			if (isObject(value) && isObject(document[key])) {
				touched[key] = touchedByMergePatch(document[key], value);
			}
		}
	}

	return touched;
}

/**
 * A patched document as the server's patch library re-encodes it: the containers it walked
 * into come out with sorted keys (Go maps), the rest as they were. Messages quote it.
 */
export function patchedJson(document: unknown, touched: Touched): string {
	const reorder = (value: unknown, at: Touched | undefined): unknown => {
		if (at === undefined) {
			return value;
		}

		if (Array.isArray(value)) {
			return value.map((item, index) => reorder(item, at[String(index)]));
		}

		if (!isObject(value)) {
			return value;
		}

		return Object.fromEntries(
			Object.keys(value)
				.sort()
				.map(key => [key, reorder(value[key], at[key])]),
		);
	};

	return JSON.stringify(reorder(document, touched));
}
