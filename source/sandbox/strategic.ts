import {childPath, itemPath, listSemantics} from './schema.js';
import {badRequest} from './status.js';
import {clone, isObject, jsonEqual} from './meta.js';

const DELETE = Symbol('delete');

/**
 * Applies a strategic merge patch (`application/strategic-merge-patch+json`) as the API
 * server does for core types: lists with a patch merge key merge item by item, `merge`
 * scalar lists take the union, other lists are replaced; `$patch` (replace/delete/merge),
 * `$retainKeys`, `$setElementOrder/<list>` and `$deleteFromPrimitiveList/<list>` directives
 * as `kubectl apply` sends them.
 */
export function strategicMergePatch(original: unknown, patch: unknown): unknown {
	if (!isObject(patch)) {
		throw badRequest('the body of the request was in an unknown format');
	}

	const result = mergeMap(isObject(original) ? original : {}, patch, '');
	return result === DELETE ? {} : result;
}

function mergeMap(
	original: Record<string, unknown>,
	patch: Record<string, unknown>,
	path: string,
): Record<string, unknown> | typeof DELETE {
	const directive = patch['$patch'];
	if (directive === 'delete') {
		return DELETE;
	}

	if (directive === 'replace') {
		return stripDirectives(patch) as Record<string, unknown>;
	}

	const result: Record<string, unknown> = {...original};
	const retainKeys = patch['$retainKeys'];
	if (Array.isArray(retainKeys)) {
		for (const key of Object.keys(result)) {
			if (!retainKeys.includes(key)) {
				delete result[key];
			}
		}
	}

	const orders: Array<[string, unknown[]]> = [];
	for (const [key, value] of Object.entries(patch)) {
		if (key === '$patch' || key === '$retainKeys') {
			continue;
		}

		if (key.startsWith('$setElementOrder/')) {
			if (Array.isArray(value)) {
				orders.push([key.slice('$setElementOrder/'.length), value]);
			}

			continue;
		}

		if (key.startsWith('$deleteFromPrimitiveList/')) {
			const field = key.slice('$deleteFromPrimitiveList/'.length);
			const current = result[field];
			if (Array.isArray(current) && Array.isArray(value)) {
				result[field] = current.filter(item => !value.some(removed => jsonEqual(removed, item)));
			}

			continue;
		}

		const fieldPath = childPath(path, key);
		if (value === null) {
			delete result[key];
		} else if (isObject(value)) {
			const merged = mergeMap(isObject(result[key]) ? result[key] : {}, value, fieldPath);
			if (merged === DELETE) {
				delete result[key];
			} else {
				result[key] = merged;
			}
		} else if (Array.isArray(value)) {
			result[key] = mergeList(Array.isArray(result[key]) ? result[key] : [], value, fieldPath);
		} else {
			result[key] = value;
		}
	}

	for (const [field, order] of orders) {
		const list = result[field];
		if (Array.isArray(list)) {
			result[field] = applyOrder(list, order, listSemantics(childPath(path, field)).mergeKey);
		}
	}

	return result;
}

function mergeList(original: unknown[], patch: unknown[], path: string): unknown[] {
	const semantics = listSemantics(path);
	const replaceAll = patch.some(item => isObject(item) && item['$patch'] === 'replace' && Object.keys(item).length === 1);
	if (replaceAll) {
		return patch.filter(item => !(isObject(item) && item['$patch'] === 'replace')).map(item => stripDirectives(item));
	}

	const {mergeKey} = semantics;
	if (mergeKey && patch.every(item => isObject(item))) {
		const result = original.map(item => clone(item));
		for (const item of patch as Array<Record<string, unknown>>) {
			if (!(mergeKey in item)) {
				throw badRequest(`map: ${JSON.stringify(item)} does not contain declared merge key: ${mergeKey}`);
			}

			const index = result.findIndex(existing => isObject(existing) && jsonEqual(existing[mergeKey], item[mergeKey]));
			if (item['$patch'] === 'delete') {
				if (index >= 0) {
					result.splice(index, 1);
				}

				continue;
			}

			if (index >= 0) {
				const merged = mergeMap(result[index] as Record<string, unknown>, item, itemPath(path));
				if (merged === DELETE) {
					result.splice(index, 1);
				} else {
					result[index] = merged;
				}
			} else {
				result.push(stripDirectives(item));
			}
		}

		const key = (item: unknown): unknown => (isObject(item) ? item[mergeKey] : undefined);
		return normalizeOrder(
			result,
			patch.filter(item => !(isObject(item) && item['$patch'] === 'delete')).map(item => key(item)),
			original.map(item => key(item)),
			key,
		);
	}

	if (semantics.strategy === 'merge') {
		const result = [...original];
		for (const item of patch) {
			if (!result.some(existing => jsonEqual(existing, item))) {
				result.push(item);
			}
		}

		return normalizeOrder(result, patch, original, item => item);
	}

	return patch.map(item => stripDirectives(item));
}

/**
 * normalizeElementOrder: the patch's items keep the patch's order, the items only the server
 * had keep theirs, and the two are interleaved by where they stood on the server, so a new
 * item (which the server did not have) goes before the server-only ones after it: a strategic
 * merge patch adds list items first.
 */
function normalizeOrder(merged: unknown[], patchOrder: unknown[], serverOrder: unknown[], identity: (item: unknown) => unknown): unknown[] {
	const indexIn = (list: unknown[], item: unknown): number => list.findIndex(entry => jsonEqual(entry, identity(item)));
	const fromPatch = merged.filter(item => indexIn(patchOrder, item) >= 0).sort((a, b) => indexIn(patchOrder, a) - indexIn(patchOrder, b));
	const serverOnly = merged.filter(item => indexIn(patchOrder, item) < 0);
	const result: unknown[] = [];
	let left = 0;
	let right = 0;
	while (left < serverOnly.length || right < fromPatch.length) {
		if (right >= fromPatch.length) {
			result.push(serverOnly[left++]);
		} else if (left >= serverOnly.length) {
			result.push(fromPatch[right++]);
		} else {
			const serverIndex = indexIn(serverOrder, serverOnly[left]);
			const patchIndex = indexIn(serverOrder, fromPatch[right]);
			result.push(serverIndex >= 0 && patchIndex >= 0 && serverIndex < patchIndex ? serverOnly[left++] : fromPatch[right++]);
		}
	}

	return result;
}

// Items named in the order come first, in that order; the others keep their relative order after.
function applyOrder(list: unknown[], order: unknown[], mergeKey: string | undefined): unknown[] {
	const identity = (item: unknown): unknown => (mergeKey && isObject(item) ? item[mergeKey] : item);
	const orderIdentities = order.map(entry => (mergeKey && isObject(entry) ? entry[mergeKey] : entry));
	const ordered: unknown[] = [];
	for (const wanted of orderIdentities) {
		const found = list.find(item => jsonEqual(identity(item), wanted));
		if (found !== undefined) {
			ordered.push(found);
		}
	}

	const rest = list.filter(item => !orderIdentities.some(wanted => jsonEqual(identity(item), wanted)));
	return [...ordered, ...rest];
}

function stripDirectives(value: unknown): unknown {
	if (Array.isArray(value)) {
		return value.map(item => stripDirectives(item));
	}

	if (!isObject(value)) {
		return value;
	}

	const result: Record<string, unknown> = {};
	for (const [key, child] of Object.entries(value)) {
		if (key === '$patch' || key === '$retainKeys' || key.startsWith('$setElementOrder/') || key.startsWith('$deleteFromPrimitiveList/')) {
			continue;
		}

		if (child !== null) {
			result[key] = stripDirectives(child);
		}
	}

	return result;
}
