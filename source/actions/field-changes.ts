// Which fields an apply changes, as short paths (`spec.containers[0].image`): the live object
// against the server's dry-run answer, leaving out what the server keeps for itself.
import {isJsonMap, jsonEqual, type Json, type JsonMap} from './go-json.js';
import {lastAppliedKey} from './last-applied.js';

const bookkeeping = new Set(['metadata.resourceVersion', 'metadata.managedFields', 'metadata.generation', 'status']);
const annotationPath = `metadata.annotations${pathKey(lastAppliedKey)}`;

/**
 * The fields that differ between two versions of an object, in document order; the
 * last-applied annotation is named only when nothing else changes.
 *
 * @example changedFields(live, dryRun) // ['spec.containers[0].image']
 */
export function changedFields(before: JsonMap, after: JsonMap): string[] {
	const paths: string[] = [];
	walk(before, after, '', paths);
	const others = paths.filter(path => path !== annotationPath);
	return others.length > 0 ? others : paths;
}

function pathKey(key: string): string {
	return /^[A-Za-z_$][\w$-]*$/.test(key) ? `.${key}` : `[${JSON.stringify(key)}]`;
}

function walk(before: Json | undefined, after: Json | undefined, path: string, paths: string[]): void {
	const at = path.replace(/^\./, '');
	if (bookkeeping.has(at) || jsonEqual(before, after)) {
		return;
	}
	// A map added or removed whole is named by its keys: labels.tier, not labels.
	if ((isJsonMap(before) || before === undefined) && (isJsonMap(after) || after === undefined)) {
		const left: JsonMap = before ?? {};
		const right: JsonMap = after ?? {};
		const keys = [...Object.keys(right), ...Object.keys(left).filter(key => !Object.hasOwn(right, key))];
		for (const key of keys) {
			walk(left[key], right[key], `${path}${pathKey(key)}`, paths);
		}
		return;
	}
	if (Array.isArray(before) && Array.isArray(after)) {
		for (let index = 0; index < Math.max(before.length, after.length); index++) {
			// An item added or removed is named whole: containers[1], not each of its fields.
			if (index >= before.length || index >= after.length) {
				paths.push(`${at}[${index}]`);
			} else {
				walk(before[index], after[index], `${path}[${index}]`, paths);
			}
		}
		return;
	}
	paths.push(at);
}
