import {childPath, isMapField, itemPath, listSemantics} from './schema.js';
import {isObject, jsonEqual} from './meta.js';

/**
 * Field sets as server-side apply tracks them (structured-merge-diff's paths): each path is
 * a list of `f:field`, `k:{"key":value}` and `v:value` tokens, joined here by SEP into one
 * string so sets are plain `Set<string>`.
 */
export const SEP = '\u0001';

/** A field set: path → the leaf's JSON value (undefined for a node that has children). */
export type FieldValues = Map<string, string | undefined>;

const untrackedMeta = new Set([
	'name',
	'namespace',
	'selfLink',
	'uid',
	'resourceVersion',
	'generation',
	'creationTimestamp',
	'deletionTimestamp',
	'deletionGracePeriodSeconds',
	'managedFields',
]);

// Lists a manager creates get a `.` entry of their own, except required ones: the
// API server's field sets show `f:containers` without one.
const requiredLists = new Set(['spec.containers']);

/** Which part of an object a write owns: the main resource (no status) or the status subresource. */
export type Scope = 'main' | 'status';

/** The set of fields an object sets, with leaf values, for one scope. */
export function fieldValues(object: Record<string, unknown>, scope: Scope): FieldValues {
	const values: FieldValues = new Map();
	for (const [key, value] of Object.entries(object)) {
		if (key === 'kind' || key === 'apiVersion' || value === undefined) {
			continue;
		}

		if (key === 'status' ? scope !== 'status' : scope === 'status' && key !== 'metadata') {
			continue;
		}

		if (key === 'metadata') {
			if (scope === 'status' || !isObject(value)) {
				continue;
			}

			for (const [metaKey, metaValue] of Object.entries(value)) {
				if (!untrackedMeta.has(metaKey) && metaValue !== undefined) {
					walk(values, `f:metadata${SEP}f:${metaKey}`, `metadata.${metaKey}`, metaValue);
				}
			}

			continue;
		}

		walk(values, `f:${key}`, key, value);
	}

	return values;
}

function walk(values: FieldValues, path: string, schemaPath: string, value: unknown): void {
	if (isObject(value)) {
		const entries = Object.entries(value).filter(([, child]) => child !== undefined);
		if (entries.length === 0) {
			values.set(path, '{}');
			return;
		}

		if (isMapField(schemaPath)) {
			values.set(path, undefined);
		}

		for (const [key, child] of entries) {
			walk(values, `${path}${SEP}f:${key}`, childPath(schemaPath, key), child);
		}

		return;
	}

	if (Array.isArray(value)) {
		const semantics = listSemantics(schemaPath);
		if (semantics.type === 'atomic' || value.length === 0) {
			values.set(path, JSON.stringify(value));
			return;
		}

		if (!requiredLists.has(schemaPath)) {
			values.set(path, undefined);
		}

		for (const item of value) {
			if (semantics.type === 'set') {
				values.set(`${path}${SEP}v:${JSON.stringify(item)}`, JSON.stringify(item));
			} else if (isObject(item)) {
				const itemKey = `${path}${SEP}${keyToken(item, semantics.keys ?? [])}`;
				values.set(itemKey, undefined);
				for (const [key, child] of Object.entries(item)) {
					if (child !== undefined) {
						walk(values, `${itemKey}${SEP}f:${key}`, childPath(itemPath(schemaPath), key), child);
					}
				}
			}
		}

		return;
	}

	values.set(path, JSON.stringify(value));
}

/** `k:{"name":"x"}`: the token naming one item of a keyed list (keys sorted, as SMD writes them). */
export function keyToken(item: Record<string, unknown>, keys: string[]): string {
	const sorted = [...keys].sort();
	const parts = sorted
		.filter(key => keyValue(item, key) !== undefined)
		.map(key => `${JSON.stringify(key)}:${JSON.stringify(keyValue(item, key))}`);
	return `k:{${parts.join(',')}}`;
}

// A protocol left out defaults to TCP before the key is taken, as the server's schema says:
// `{port: 80}` and `{port: 80, protocol: "TCP"}` are the same item of a list keyed by both.
function keyValue(item: Record<string, unknown>, key: string): unknown {
	return item[key] ?? (key === 'protocol' ? 'TCP' : undefined);
}

/** The fieldsV1 JSON tree of a set of paths, with `.` where a node is owned and has children. */
export function toFieldsV1(paths: Iterable<string>): Record<string, unknown> {
	const root: Record<string, unknown> = {};
	const owned: Array<{node: Record<string, unknown>}> = [];
	for (const path of paths) {
		let node = root;
		for (const token of path.split(SEP)) {
			node[token] ??= {};
			node = node[token] as Record<string, unknown>;
		}

		owned.push({node});
	}

	for (const {node} of owned) {
		if (Object.keys(node).some(key => key !== '.')) {
			node['.'] = {};
		}
	}

	return sortTree(root);
}

function sortTree(node: Record<string, unknown>): Record<string, unknown> {
	const keys = Object.keys(node).sort((a, b) => (a === '.' ? -1 : b === '.' ? 1 : a < b ? -1 : a > b ? 1 : 0));
	const sorted: Record<string, unknown> = {};
	for (const key of keys) {
		sorted[key] = sortTree(node[key] as Record<string, unknown>);
	}

	return sorted;
}

/** The paths a fieldsV1 tree names. */
export function fromFieldsV1(tree: unknown, prefix = ''): Set<string> {
	const paths = new Set<string>();
	if (!isObject(tree)) {
		return paths;
	}

	for (const [token, child] of Object.entries(tree)) {
		if (token === '.') {
			continue;
		}

		const path = prefix ? `${prefix}${SEP}${token}` : token;
		const children = isObject(child) ? Object.keys(child) : [];
		if (children.length === 0 || children.includes('.')) {
			paths.add(path);
		}

		for (const nested of fromFieldsV1(child, path)) {
			paths.add(nested);
		}
	}

	return paths;
}

/** Paths whose leaf was added or changed from `before` to `after`, and paths that disappeared. */
export function diffValues(before: FieldValues, after: FieldValues): {changed: Set<string>; removed: Set<string>} {
	const changed = new Set<string>();
	const removed = new Set<string>();
	for (const [path, value] of after) {
		if (!before.has(path) || before.get(path) !== value) {
			changed.add(path);
		}
	}

	for (const path of before.keys()) {
		if (!after.has(path)) {
			removed.add(path);
		}
	}

	return {changed, removed};
}

/** Removes the field at `path` from `object` in place; returns whether something was removed. */
export function removePath(object: Record<string, unknown>, path: string): boolean {
	const tokens = path.split(SEP);
	let parent: unknown = object;
	for (let index = 0; index < tokens.length - 1; index++) {
		parent = step(parent, tokens[index]!);
		if (parent === undefined) {
			return false;
		}
	}

	const last = tokens.at(-1)!;
	if (last.startsWith('f:') && isObject(parent)) {
		const field = last.slice(2);
		if (field in parent) {
			delete parent[field];
			return true;
		}

		return false;
	}

	if (Array.isArray(parent)) {
		const index = findIndex(parent, last);
		if (index >= 0) {
			parent.splice(index, 1);
			return true;
		}
	}

	return false;
}

/** The value at `path`, or undefined. */
export function valueAt(object: unknown, path: string): unknown {
	let node = object;
	for (const token of path.split(SEP)) {
		node = step(node, token);
		if (node === undefined) {
			return undefined;
		}
	}

	return node;
}

function step(node: unknown, token: string): unknown {
	if (token.startsWith('f:')) {
		return isObject(node) ? node[token.slice(2)] : undefined;
	}

	if (Array.isArray(node)) {
		const index = findIndex(node, token);
		return index >= 0 ? node[index] : undefined;
	}

	return undefined;
}

function findIndex(list: unknown[], token: string): number {
	if (token.startsWith('k:')) {
		const keys = JSON.parse(token.slice(2)) as Record<string, unknown>;
		return list.findIndex(item => isObject(item) && Object.entries(keys).every(([key, value]) => jsonEqual(keyValue(item, key), value)));
	}

	if (token.startsWith('v:')) {
		const value = JSON.parse(token.slice(2)) as unknown;
		return list.findIndex(item => jsonEqual(item, value));
	}

	return -1;
}
