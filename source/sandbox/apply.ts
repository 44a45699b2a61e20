import type {KubeObject} from '../k8s/types.js';
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
export function serverSideApply(
	live: KubeObject | undefined,
	config: KubeObject,
	writer: Writer,
	force: boolean,
	scope: Scope,
	resource: {name: string; group: string},
): Applied {
	const configValues = fieldValues(config, scope);
	const configPaths = new Set(configValues.keys());
	const owned = decodeManaged(live?.metadata.managedFields);
	const isMine = (entry: ManagedEntry): boolean =>
		entry.manager === writer.manager && entry.operation === 'Apply' && (entry.subresource ?? '') === (writer.subresource ?? '');

	const conflicts: Array<{entry: ManagedEntry; path: string}> = [];
	if (live) {
		for (const [path, value] of configValues) {
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

	if (conflicts.length > 0 && !force) {
		throw conflictError(conflicts, config.metadata.name ?? '', resource);
	}

	for (const {entry, path} of conflicts) {
		owned.find(item => item.entry === entry)?.paths.delete(path);
	}

	const merged = mergeApplied(live ? clone(live) as Record<string, unknown> : {}, config as Record<string, unknown>, '');
	const previous = owned.find(item => isMine(item.entry))?.paths ?? new Set<string>();
	const dropped = [...previous].filter(path => !configPaths.has(path));
	const others = owned.filter(item => !isMine(item.entry)).flatMap(item => [...item.paths]);
	pruneDropped(merged, dropped, others);

	const ownershipChanged = previous.size !== configPaths.size || dropped.length > 0;
	return {merged, owned: withApplyEntry(owned, writer, configPaths, ownershipChanged), ownershipChanged};
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

function conflictError(conflicts: Array<{entry: ManagedEntry; path: string}>, name: string, resource: {name: string; group: string}): StatusError {
	const describe = (entry: ManagedEntry): string =>
		`"${entry.manager}"${entry.subresource ? ` with subresource "${entry.subresource}"` : ''} using ${entry.apiVersion}`;
	const byManager = new Map<string, {entry: ManagedEntry; paths: string[]}>();
	for (const {entry, path} of conflicts) {
		const key = describe(entry);
		const group = byManager.get(key) ?? {entry, paths: []};
		group.paths.push(renderPath(path));
		byManager.set(key, group);
	}

	const lines: string[] = [];
	for (const [who, {paths}] of byManager) {
		lines.push(paths.length === 1 ? `conflict with ${who}: ${paths[0]}` : `conflicts with ${who}:\n${paths.map(p => `- ${p}`).join('\n')}`);
	}

	const count = conflicts.length;
	const message = `Apply failed with ${count} conflict${count === 1 ? '' : 's'}: ${lines.join('\n')}`;
	return new StatusError(failure(409, 'Conflict', message, {
		name,
		...(resource.group ? {group: resource.group} : {}),
		kind: resource.name,
		causes: conflicts.map(({entry, path}) => ({
			reason: 'FieldManagerConflict',
			message: `conflict with ${describe(entry)}`,
			field: renderPath(path),
		})),
	}));
}
