// The three-way strategic merge patch kubectl apply sends for built-in kinds, written after
// apimachinery's strategicpatch.CreateThreeWayMergePatch: the changes and additions that take
// the live object to the file, plus the deletions of what the last-applied configuration had
// and the file no longer has. Fields others set (defaults, controllers, `kubectl label`) that
// the file never named are left alone.
import {goValueString, isJsonMap, jsonEqual, jsonType, type Json, type JsonMap} from './go-json.js';
import type {FieldPatchMeta, PatchSchema} from './patch-meta.js';

interface DiffOptions {
	/** Only changes and additions (live → file). */
	ignoreDeletions?: boolean;
	/** Only deletions (last-applied → file). */
	ignoreChangesAndAdditions?: boolean;
	buildRetainKeys?: boolean;
}

const deletePrefix = '$deleteFromPrimitiveList';
const orderPrefix = '$setElementOrder';

/**
 * The patch that takes current to modified, deleting what original had and modified dropped;
 * {} when there is nothing to do (kubectl then says `unchanged` and sends nothing).
 *
 * @example threeWayStrategicPatch({}, {spec: {a: 1}}, {spec: {a: 2, b: 3}}, {}) // {spec: {a: 1}}
 */
export function threeWayStrategicPatch(original: JsonMap | undefined, modified: JsonMap, current: JsonMap, schema: PatchSchema): JsonMap {
	const delta = diffMaps(current, modified, schema, {ignoreDeletions: true});
	const deletions = diffMaps(original ?? {}, modified, schema, {ignoreChangesAndAdditions: true});
	return mergePatches(deletions, delta, schema);
}

function fieldMeta(schema: PatchSchema | undefined, key: string): FieldPatchMeta {
	return schema?.[key] ?? {};
}

function diffMaps(original: JsonMap, modified: JsonMap, schema: PatchSchema | undefined, options: DiffOptions): JsonMap {
	const patch: JsonMap = {};
	const retainKeys: string[] = [];
	for (const [key, modifiedValue] of Object.entries(modified)) {
		if (options.buildRetainKeys && modifiedValue !== null) {
			retainKeys.push(key);
		}
		if (!Object.hasOwn(original, key)) {
			if (!options.ignoreChangesAndAdditions) {
				patch[key] = modifiedValue;
			}
			continue;
		}
		const originalValue = original[key]!;
		if (key === '$patch') {
			// A directive in the inputs (never from a file kubectl accepts): kept when it changes.
			if (!jsonEqual(originalValue, modifiedValue)) {
				patch[key] = modifiedValue;
			}
			continue;
		}
		if (jsonType(originalValue) !== jsonType(modifiedValue)) {
			if (!options.ignoreChangesAndAdditions) {
				patch[key] = modifiedValue;
			}
			continue;
		}
		if (isJsonMap(originalValue)) {
			diffMapField(key, originalValue, modifiedValue as JsonMap, patch, schema, options);
		} else if (Array.isArray(originalValue)) {
			diffListField(key, originalValue, modifiedValue as Json[], patch, schema, options);
		} else if (!options.ignoreChangesAndAdditions && !jsonEqual(originalValue, modifiedValue)) {
			patch[key] = modifiedValue;
		}
	}
	if (!options.ignoreDeletions) {
		for (const key of Object.keys(original)) {
			if (!Object.hasOwn(modified, key)) {
				patch[key] = null;
			}
		}
	}
	if (retainKeys.length > 0 && (Object.keys(patch).length > 0 || dropsAField(original, modified))) {
		patch['$retainKeys'] = sortScalars(retainKeys);
	}
	return patch;
}

/** Original holds a set field that modified lacks (apimachinery's hasAdditionalNewField). */
function dropsAField(original: JsonMap, modified: JsonMap): boolean {
	return Object.entries(original).some(([key, value]) => value !== null && !Object.hasOwn(modified, key));
}

function diffMapField(
	key: string,
	original: JsonMap,
	modified: JsonMap,
	patch: JsonMap,
	schema: PatchSchema | undefined,
	options: DiffOptions,
): void {
	const meta = fieldMeta(schema, key);
	if (meta.strategies?.includes('replace')) {
		if (!options.ignoreChangesAndAdditions) {
			patch[key] = modified;
		}
		return;
	}
	const inner = diffMaps(original, modified, meta.schema, {...options, buildRetainKeys: meta.strategies?.includes('retainKeys') ?? false});
	if (Object.keys(inner).length > 0) {
		patch[key] = inner;
	}
}

function diffListField(
	key: string,
	original: Json[],
	modified: Json[],
	patch: JsonMap,
	schema: PatchSchema | undefined,
	options: DiffOptions,
): void {
	const meta = fieldMeta(schema, key);
	if (!meta.strategies?.includes('merge')) {
		if (!options.ignoreChangesAndAdditions && !jsonEqual(original, modified)) {
			patch[key] = modified;
		}
		return;
	}
	const listOptions = {...options, buildRetainKeys: meta.strategies.includes('retainKeys')};
	const {additions, deletions, order} = diffLists(original, modified, meta, listOptions);
	if (additions.length > 0) {
		patch[key] = additions;
	}
	if (deletions.length > 0) {
		patch[`${deletePrefix}/${key}`] = deletions;
	}
	if (order.length > 0) {
		patch[`${orderPrefix}/${key}`] = order;
	}
}

interface ListDiff {
	additions: Json[];
	deletions: Json[];
	order: Json[];
}

function diffLists(original: Json[], modified: Json[], meta: FieldPatchMeta, options: DiffOptions): ListDiff {
	const sample = original[0] ?? modified[0];
	const mergeKey = meta.mergeKey ?? '';
	if (isJsonMap(sample)) {
		const {changes, deletions} = diffListsOfMaps(original as JsonMap[], modified as JsonMap[], meta, options);
		const patchList = [...sortByPosition(changes, modified, mergeKey), ...deletions];
		const orderChanged = !sameOrder(original as JsonMap[], modified as JsonMap[], mergeKey);
		const wantOrder =
			(!options.ignoreChangesAndAdditions && (patchList.length > 0 || orderChanged)) || (!options.ignoreDeletions && patchList.length > 0);
		return {
			additions: patchList,
			deletions: [],
			order: wantOrder ? modified.map(item => ({[mergeKey]: (item as JsonMap)[mergeKey] ?? null})) : [],
		};
	}
	const {additions, deletions} = diffListsOfScalars(original, modified, options);
	const wantOrder =
		(!options.ignoreDeletions && deletions.length > 0) || (!options.ignoreChangesAndAdditions && !jsonEqual(original, modified));
	return {additions: sortByPosition(additions, modified, ''), deletions, order: wantOrder ? modified : []};
}

function sameOrder(original: JsonMap[], modified: JsonMap[], mergeKey: string): boolean {
	return original.length === modified.length && modified.every((item, index) => jsonEqual(original[index]![mergeKey], item[mergeKey]));
}

/** Patch list items in the order they stand in modified (apimachinery's normalizeSliceOrder). */
function sortByPosition(items: Json[], order: Json[], mergeKey: string): Json[] {
	const position = (item: Json) =>
		order.findIndex(other => (mergeKey ? jsonEqual((other as JsonMap)[mergeKey], (item as JsonMap)[mergeKey]) : jsonEqual(other, item)));
	return items
		.map((item, index) => ({item, index, at: position(item)}))
		.sort((a, b) => (a.at >= 0 && b.at >= 0 ? a.at - b.at : a.index - b.index))
		.map(entry => entry.item);
}

function compareStrings(a: string, b: string): number {
	return a < b ? -1 : a > b ? 1 : 0;
}

function sortScalars(values: Json[]): Json[] {
	return [...values].sort((a, b) => compareStrings(goValueString(a), goValueString(b)));
}

/** Walks both lists sorted by their %v strings, as apimachinery's diffListsOfScalars does. */
function diffListsOfScalars(original: Json[], modified: Json[], options: DiffOptions): {additions: Json[]; deletions: Json[]} {
	const left = sortScalars(original);
	const right = sortScalars(modified);
	const additions: Json[] = [];
	const deletions: Json[] = [];
	let i = 0;
	let j = 0;
	while (i < left.length || j < right.length) {
		const a = i < left.length ? goValueString(left[i]) : undefined;
		const b = j < right.length ? goValueString(right[j]) : undefined;
		if (a !== undefined && b !== undefined && a === b) {
			i++;
			j++;
		} else if (a === undefined || (b !== undefined && a > b)) {
			if (!options.ignoreChangesAndAdditions) {
				additions.push(right[j]!);
			}
			j++;
		} else {
			if (!options.ignoreDeletions) {
				deletions.push(left[i]!);
			}
			i++;
		}
	}
	return {additions, deletions: dedupe(deletions)};
}

function dedupe(values: Json[]): Json[] {
	return values.filter((value, index) => values.findIndex(other => jsonEqual(other, value)) === index);
}

/** Items matched by merge key: changed ones recursed into, added ones whole, removed ones as `$patch: delete`. */
function diffListsOfMaps(
	original: JsonMap[],
	modified: JsonMap[],
	meta: FieldPatchMeta,
	options: DiffOptions,
): {changes: Json[]; deletions: Json[]} {
	const mergeKey = meta.mergeKey ?? '';
	const keyOf = (item: JsonMap) => goValueString(item[mergeKey]);
	const bySortKey = (items: JsonMap[]) => [...items].sort((a, b) => compareStrings(keyOf(a), keyOf(b)));
	const left = bySortKey(original);
	const right = bySortKey(modified);
	const changes: Json[] = [];
	const deletions: Json[] = [];
	let i = 0;
	let j = 0;
	while (i < left.length || j < right.length) {
		const a = i < left.length ? keyOf(left[i]!) : undefined;
		const b = j < right.length ? keyOf(right[j]!) : undefined;
		if (a !== undefined && b !== undefined && a === b) {
			const inner = diffMaps(left[i]!, right[j]!, meta.schema, options);
			if (Object.keys(inner).length > 0) {
				changes.push({...inner, [mergeKey]: right[j]![mergeKey] ?? null});
			}
			i++;
			j++;
		} else if (a === undefined || (b !== undefined && a > b)) {
			if (!options.ignoreChangesAndAdditions) {
				changes.push(right[j]!);
			}
			j++;
		} else {
			if (!options.ignoreDeletions) {
				deletions.push({$patch: 'delete', [mergeKey]: left[i]![mergeKey] ?? null});
			}
			i++;
		}
	}
	return {changes, deletions};
}

/**
 * Merges the additions patch into the deletions patch (apimachinery's mergeMap with default
 * options, on two patches that never touch the same leaf): maps merge key by key, lists
 * that merge by key merge item by item, anything else is taken from the additions.
 */
function mergePatches(base: JsonMap, patch: JsonMap, schema: PatchSchema | undefined): JsonMap {
	const result: JsonMap = {...base};
	for (const [key, value] of Object.entries(patch)) {
		const existing = result[key];
		if (existing === undefined || jsonType(existing) !== jsonType(value)) {
			result[key] = value;
			continue;
		}
		const meta = fieldMeta(schema, key.replace(/^\$[A-Za-z]+\//, ''));
		if (isJsonMap(existing) && !meta.strategies?.includes('replace')) {
			result[key] = mergePatches(existing, value as JsonMap, meta.schema);
		} else if (Array.isArray(existing) && !key.startsWith('$') && meta.strategies?.includes('merge')) {
			result[key] = mergeLists(existing, value as Json[], meta);
		} else {
			result[key] = value;
		}
	}
	// The server checks that a list's items come in the order $setElementOrder gives
	// (apimachinery's normalizeElementOrder): items merged from both patches are put back in it.
	for (const [key, value] of Object.entries(result)) {
		const order = result[`${orderPrefix}/${key}`];
		const mergeKey = fieldMeta(schema, key).mergeKey;
		if (!key.startsWith('$') && Array.isArray(value) && Array.isArray(order) && mergeKey) {
			result[key] = inOrder(value, order, mergeKey);
		}
	}
	return result;
}

/** Items in the order's order by merge key; `$patch` directives and items it does not name after them, as they were. */
function inOrder(items: Json[], order: Json[], mergeKey: string): Json[] {
	const position = (item: Json) =>
		isJsonMap(item) && !('$patch' in item) ? order.findIndex(other => isJsonMap(other) && jsonEqual(other[mergeKey], item[mergeKey])) : -1;
	const placed = items.map((item, index) => ({item, index, at: position(item)}));
	const named = placed.filter(entry => entry.at >= 0).sort((a, b) => a.at - b.at);
	return [...named, ...placed.filter(entry => entry.at < 0)].map(entry => entry.item);
}

function mergeLists(base: Json[], patch: Json[], meta: FieldPatchMeta): Json[] {
	if (!isJsonMap(base[0] ?? patch[0]) || !meta.mergeKey) {
		return dedupe([...base, ...patch]);
	}
	const mergeKey = meta.mergeKey;
	const result = [...base];
	for (const item of patch as JsonMap[]) {
		const at = result.findIndex(other => isJsonMap(other) && jsonEqual(other[mergeKey], item[mergeKey]));
		if (at === -1) {
			result.push(item);
		} else {
			result[at] = mergePatches(result[at] as JsonMap, item, meta.schema);
		}
	}
	return result;
}
