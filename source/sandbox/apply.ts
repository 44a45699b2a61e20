import type {KubeObject} from '../k8s/types.js';
import type {ResourceInfo} from './resources.js';
import {fieldValues, keyToken, removePath, SEP, valueAt, type Scope} from './field-set.js';
import {decodeManaged, renderPath, withApplyEntry, type ManagedEntry, type OwnedSets, type Writer} from './managed-fields.js';
import {childPath, itemPath, listSemantics} from './schema.js';
import {clone, isObject, jsonEqual} from './meta.js';
import {failure, StatusError} from './status.js';

/** The outcome of merging an applied configuration into the live object. */
export interface Applied {
	/** Live object with the configuration merged in and dropped fields removed (not yet defaulted). */
	merged: Record<string, unknown>;
	/** managedFields with the applier's Apply entry set to what the configuration names. */
	owned: OwnedSets;
	/** Whether the applier's set of fields changed (a new Apply entry time is due). */
	ownershipChanged: boolean;
}

/**
 * Server-side apply (`application/apply-patch+yaml`): merges `config` into `live` by the
 * schema's list types, fails with 409 on fields another manager owns with a different value
 * (unless `force` takes them), and removes fields the applier set before but no longer names
 * when nobody else owns them.
 */
export function serverSideApply(live: KubeObject | undefined, config: KubeObject, writer: Writer, force: boolean, scope: Scope): Applied {
	const configValues = fieldValues(config, scope);
	// An applier owns the leaves and list items it names, not the maps and lists holding them
	// (an Update owns a map it creates; an Apply set has no `.` for it).
	const configPaths = new Set(
		[...configValues].filter(([path, value]) => value !== undefined || !path.split(SEP).at(-1)!.startsWith('f:')).map(([path]) => path),
	);
	const owned = decodeManaged(live?.metadata.managedFields);
	const isMine = (entry: ManagedEntry): boolean =>
		entry.manager === writer.manager && entry.operation === 'Apply' && (entry.subresource ?? '') === (writer.subresource ?? '');

	const conflicts: Array<{entry: ManagedEntry; path: string}> = [];
	if (live) {
		for (const [path, value] of [...configValues].filter(([path]) => configPaths.has(path))) {
			if (value === undefined) {
				continue;
			}

			const current = valueAt(live, path);
			if (current === undefined || jsonEqual(current, JSON.parse(value))) {
				continue;
			}

			for (const item of owned) {
				if (!isMine(item.entry) && item.paths.has(path)) {
					conflicts.push({entry: item.entry, path});
				}
			}
		}
	}

	// Conflicts in the order the server reports them: by manager, then by path.
	conflicts.sort((a, b) => {
		const [left, right] = [managerKey(a.entry), managerKey(b.entry)];
		return left === right ? 0 : left < right ? -1 : 1;
	});
	if (
		conflicts.length > 0 &&
		!force &&
		!allowedByLastApplied(
			live,
			conflicts.map(conflict => conflict.path),
			writer.manager,
		)
	) {
		throw conflictError(conflicts);
	}

	for (const {entry, path} of conflicts) {
		owned.find(item => item.entry === entry)?.paths.delete(path);
	}

	const merged = mergeApplied(live ? (clone(live) as Record<string, unknown>) : {}, config as Record<string, unknown>, '');
	const previous = owned.find(item => isMine(item.entry))?.paths ?? new Set<string>();
	// A path the configuration still sets something inside (a map or list it was given as a whole) is not dropped.
	const dropped = [...previous].filter(path => !configPaths.has(path) && ![...configPaths].some(kept => kept.startsWith(`${path}${SEP}`)));
	const others = owned.filter(item => !isMine(item.entry)).flatMap(item => [...item.paths]);
	pruneDropped(merged, dropped, others);

	syncLastApplied(merged, live, config, writer.manager);
	const ownershipChanged = previous.size !== configPaths.size || dropped.length > 0;
	return {merged, owned: withApplyEntry(owned, writer, configPaths, ownershipChanged), ownershipChanged};
}

const lastAppliedKey = 'kubectl.kubernetes.io/last-applied-configuration';

// The API server's upgrade path from client-side to server-side apply, for the manager
// `kubectl` only: fields kubectl set by client-side apply (named in the last-applied
// annotation, with the value they still have) do not conflict; kubectl moves their
// ownership afterwards (csaupgrade's managedFields patch).
function allowedByLastApplied(live: KubeObject | undefined, paths: string[], manager: string): boolean {
	const text = live?.metadata.annotations?.[lastAppliedKey];
	if (manager !== 'kubectl' || !live || typeof text !== 'string') {
		return false;
	}

	let lastApplied: unknown;
	try {
		lastApplied = JSON.parse(text);
	} catch {
		return false;
	}

	if (!isObject(lastApplied)) {
		return false;
	}

	const applied = fieldValues(lastApplied, 'main');
	return paths.every(path => {
		const value = applied.get(path);
		return value !== undefined && jsonEqual(valueAt(live, path), JSON.parse(value));
	});
}

// kubectl's server-side apply keeps an existing last-applied annotation in step with what it
// applied, so that a later client-side apply still computes the right three-way merge.
function syncLastApplied(merged: Record<string, unknown>, live: KubeObject | undefined, config: KubeObject, manager: string): void {
	if (manager !== 'kubectl' || live?.metadata.annotations?.[lastAppliedKey] === undefined || !isObject(merged['metadata'])) {
		return;
	}

	const annotations = {...config.metadata.annotations};
	delete annotations[lastAppliedKey];
	const {annotations: _dropped, ...metadata} = config.metadata;
	const applied = {...config, metadata: Object.keys(annotations).length > 0 ? {...metadata, annotations} : metadata};
	const mergedMeta = merged['metadata'];
	// Written as Go encodes a map (keys sorted) with its encoder's newline.
	mergedMeta['annotations'] = {
		...(isObject(mergedMeta['annotations']) ? mergedMeta['annotations'] : {}),
		[lastAppliedKey]: `${JSON.stringify(sortedKeys(applied))}\n`,
	};
}

function sortedKeys(value: unknown): unknown {
	if (Array.isArray(value)) {
		return value.map(item => sortedKeys(item));
	}

	return isObject(value)
		? Object.fromEntries(
				Object.keys(value)
					.sort()
					.map(key => [key, sortedKeys(value[key])]),
			)
		: value;
}

/**
 * Removes the fields the applier set last time and no longer names, unless another manager
 * owns them or something inside them. Outer paths go first and take their insides with
 * them: a list item keyed by several fields (a service port, `port`+`protocol`) must be
 * removed whole, since once its key fields are gone it can no longer be found.
 */
function pruneDropped(merged: Record<string, unknown>, dropped: string[], others: string[]): void {
	const removed: string[] = [];
	const inside = (path: string, outer: string): boolean => path.startsWith(`${outer}${SEP}`);
	for (const path of [...dropped].sort((a, b) => a.split(SEP).length - b.split(SEP).length)) {
		if (removed.some(outer => inside(path, outer))) {
			continue;
		}

		if (others.some(owned => owned === path || inside(owned, path))) {
			continue;
		}

		if (removePath(merged, path)) {
			removed.push(path);
		}
	}
}

function mergeApplied(live: Record<string, unknown>, config: Record<string, unknown>, path: string): Record<string, unknown> {
	const result = {...live};
	for (const [key, value] of Object.entries(config)) {
		const fieldPath = childPath(path, key);
		if (value === null || value === undefined) {
			delete result[key];
		} else if (isObject(value)) {
			result[key] = mergeApplied(isObject(result[key]) ? result[key] : {}, value, fieldPath);
		} else if (Array.isArray(value)) {
			result[key] = mergeList(Array.isArray(result[key]) ? result[key] : [], value, fieldPath);
		} else {
			result[key] = value;
		}
	}

	return result;
}

function mergeList(live: unknown[], config: unknown[], path: string): unknown[] {
	const semantics = listSemantics(path);
	if (semantics.type === 'set') {
		return [...live, ...config.filter(item => !live.some(existing => jsonEqual(existing, item)))];
	}

	if (semantics.type !== 'map' || !config.every(item => isObject(item))) {
		return clone(config);
	}

	const keys = semantics.keys ?? [];
	const result = live.map(item => clone(item));
	for (const item of config as Array<Record<string, unknown>>) {
		const token = keyToken(item, keys);
		const index = result.findIndex(existing => isObject(existing) && keyToken(existing, keys) === token);
		if (index >= 0) {
			result[index] = mergeApplied(result[index] as Record<string, unknown>, item, itemPath(path));
		} else {
			result.push(clone(item));
		}
	}

	return result;
}

// How the API server names a manager in conflicts: an Update manager with the version it
// wrote (`"kubectl-client-side-apply" using v1`), an Apply manager by name alone.
function printManager(entry: ManagedEntry): string {
	return entry.operation === 'Update' ? `"${entry.manager}" using ${entry.apiVersion}` : `"${entry.manager}"`;
}

// The manager's identity as the server sorts managers in a multi-conflict message.
function managerKey(entry: ManagedEntry): string {
	return JSON.stringify({
		manager: entry.manager,
		operation: entry.operation,
		apiVersion: entry.apiVersion,
		...(entry.subresource ? {subresource: entry.subresource} : {}),
	});
}

// 409 as NewApplyConflict makes it: no name or kind in details, one cause per conflict.
function conflictError(conflicts: Array<{entry: ManagedEntry; path: string}>): StatusError {
	let message: string;
	if (conflicts.length === 1) {
		const [only] = conflicts;
		message = `Apply failed with 1 conflict: conflict with ${printManager(only!.entry)}: ${renderPath(only!.path)}`;
	} else {
		const byManager = new Map<string, {entry: ManagedEntry; paths: string[]}>();
		for (const {entry, path} of conflicts) {
			const group = byManager.get(managerKey(entry)) ?? {entry, paths: []};
			group.paths.push(renderPath(path));
			byManager.set(managerKey(entry), group);
		}

		const lines = [...byManager.keys()].sort().flatMap(key => {
			const {entry, paths} = byManager.get(key)!;
			return [`conflicts with ${printManager(entry)}:`, ...paths.map(path => `- ${path}`)];
		});
		message = `Apply failed with ${conflicts.length} conflicts: ${lines.join('\n')}`;
	}

	return new StatusError(
		failure(409, 'Conflict', message, {
			causes: conflicts.map(({entry, path}) => ({
				reason: 'FieldManagerConflict',
				message: `conflict with ${printManager(entry)}`,
				field: renderPath(path),
			})),
		}),
	);
}

/**
 * The server's answer to an applied configuration with fields its schema does not declare:
 * the typed conversion fails before any field validation, so `fieldValidation=Ignore` does
 * not help; a plain error, hence 500 with no reason, naming the object as sent and the first
 * unknown field with list items by their keys (`.spec.containers[name="main"].imagee`).
 */
export function typedPatchError(info: ResourceInfo, config: KubeObject, unknownPaths: string[]): StatusError | undefined {
	const [first] = unknownPaths;
	if (first === undefined) {
		return undefined;
	}

	const namespace = typeof config.metadata.namespace === 'string' ? config.metadata.namespace : '';
	const gvk = `${info.group}/${info.version}, Kind=${info.kind}`;
	const message = `failed to create typed patch object (${namespace}/${config.metadata.name ?? ''}; ${gvk}): ${keyedPath(config, first)}: field not declared in schema`;
	const status = failure(500, '', message);
	delete (status as {reason?: string}).reason;
	return new StatusError(status);
}

// `spec.containers[0].imagee` → `.spec.containers[name="main"].imagee`, items named by their list keys.
function keyedPath(object: unknown, path: string): string {
	let text = '';
	let value: unknown = object;
	let schemaPath = '';
	for (const segment of path.split('.')) {
		const match = /^([^[]+)((?:\[\d+\])*)$/.exec(segment);
		const field = match?.[1] ?? segment;
		text += `.${field}`;
		schemaPath = childPath(schemaPath, field);
		value = isObject(value) ? value[field] : undefined;
		for (const index of (match?.[2] ?? '').match(/\d+/g) ?? []) {
			const item = Array.isArray(value) ? value[Number(index)] : undefined;
			const keys = listSemantics(schemaPath).keys ?? [];
			text +=
				isObject(item) && keys.length > 0
					? `[${keys
							.filter(key => item[key] !== undefined)
							.map(key => `${key}=${JSON.stringify(item[key])}`)
							.join(',')}]`
					: `[${index}]`;
			value = item;
			schemaPath = itemPath(schemaPath);
		}
	}

	return text;
}
