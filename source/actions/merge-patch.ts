// The three-way JSON merge patch (RFC 7386) kubectl apply sends for kinds it has no Go type for
// (custom resources), after apimachinery's jsonmergepatch.CreateThreeWayJSONMergePatch: the
// changes and additions from live to file, plus the deletions from last-applied to file.
import {isJsonMap, jsonEqual, type JsonMap} from './go-json.js';

/**
 * The merge patch taking current to modified, deleting what original had and modified dropped.
 *
 * @example threeWayMergePatch({a: 1, b: 2}, {a: 1}, {a: 3, b: 2, c: 4}) // {a: 1, b: null}
 */
export function threeWayMergePatch(original: JsonMap | undefined, modified: JsonMap, current: JsonMap): JsonMap {
	const changes = withoutNulls(mergeDiff(current, modified));
	const deletions = onlyNulls(mergeDiff(original ?? {}, modified));
	return merged(deletions, changes);
}

/** RFC 7386's patch from one document to another (evanphx/json-patch's CreateMergePatch for objects). */
function mergeDiff(from: JsonMap, to: JsonMap): JsonMap {
	const patch: JsonMap = {};
	for (const [key, value] of Object.entries(to)) {
		const before = from[key];
		if (isJsonMap(before) && isJsonMap(value)) {
			const inner = mergeDiff(before, value);
			if (Object.keys(inner).length > 0) {
				patch[key] = inner;
			}
		} else if (!Object.hasOwn(from, key) || !jsonEqual(before, value)) {
			patch[key] = value;
		}
	}
	for (const key of Object.keys(from)) {
		if (!Object.hasOwn(to, key)) {
			patch[key] = null;
		}
	}
	return patch;
}

function withoutNulls(patch: JsonMap): JsonMap {
	const result: JsonMap = {};
	for (const [key, value] of Object.entries(patch)) {
		if (value === null) {
			continue;
		}
		// An empty object is a value (set it so), not an empty patch.
		if (isJsonMap(value) && Object.keys(value).length > 0) {
			const inner = withoutNulls(value);
			if (Object.keys(inner).length > 0) {
				result[key] = inner;
			}
		} else {
			result[key] = value;
		}
	}
	return result;
}

function onlyNulls(patch: JsonMap): JsonMap {
	const result: JsonMap = {};
	for (const [key, value] of Object.entries(patch)) {
		if (value === null) {
			result[key] = null;
		} else if (isJsonMap(value)) {
			const inner = onlyNulls(value);
			if (Object.keys(inner).length > 0) {
				result[key] = inner;
			}
		}
	}
	return result;
}

function merged(base: JsonMap, patch: JsonMap): JsonMap {
	const result: JsonMap = {...base};
	for (const [key, value] of Object.entries(patch)) {
		const existing = result[key];
		result[key] = isJsonMap(existing) && isJsonMap(value) ? merged(existing, value) : value;
	}
	return result;
}
