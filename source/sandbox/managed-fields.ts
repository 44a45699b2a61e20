import {diffValues, fieldValues, fromFieldsV1, SEP, toFieldsV1, type FieldValues, type Scope} from './field-set.js';
import {isObject} from './meta.js';

/** One `metadata.managedFields` entry as the server writes it. */
export interface ManagedEntry {
	manager: string;
	operation: 'Update' | 'Apply';
	apiVersion: string;
	time: string;
	fieldsType: 'FieldsV1';
	fieldsV1: Record<string, unknown>;
	subresource?: string;
}

/** A manager's entry with its paths decoded. */
interface Owned {
	entry: ManagedEntry;
	paths: Set<string>;
}

/** Who wrote, how, and when: the identity of a managedFields entry plus its time. */
export interface Writer {
	manager: string;
	apiVersion: string;
	time: string;
	subresource?: string;
}

/** Decodes managedFields into entries with path sets (bad entries are dropped, as the server resets them). */
export function decodeManaged(managed: unknown): Owned[] {
	if (!Array.isArray(managed)) {
		return [];
	}

	return managed
		.filter((entry): entry is ManagedEntry => isObject(entry) && typeof entry['manager'] === 'string')
		.map(entry => ({entry, paths: fromFieldsV1(entry.fieldsV1)}));
}

/** Encodes entries back, dropping empty ones, in the server's order (Apply first, then by time). */
export function encodeManaged(owned: Owned[]): ManagedEntry[] {
	return owned
		.filter(item => item.paths.size > 0)
		.map(item => ({...item.entry, fieldsV1: toFieldsV1(item.paths)}))
		.sort((a, b) => {
			if (a.operation !== b.operation) {
				return a.operation === 'Apply' ? -1 : 1;
			}

			if (a.time !== b.time) {
				return a.time < b.time ? -1 : 1;
			}

			return a.manager < b.manager ? -1 : a.manager > b.manager ? 1 : 0;
		});
}

function sameEntry(entry: ManagedEntry, manager: string, operation: string, subresource: string | undefined): boolean {
	return entry.manager === manager && entry.operation === operation && (entry.subresource ?? '') === (subresource ?? '');
}

/**
 * The managedFields after an Update-style write (create, PUT, patch): fields the write added
 * or changed move to `writer`; removed fields leave every manager.
 */
export function managedAfterUpdate(
	managed: unknown,
	before: Record<string, unknown> | undefined,
	after: Record<string, unknown>,
	writer: Writer,
	scope: Scope,
): ManagedEntry[] {
	const beforeValues: FieldValues = before ? fieldValues(before, scope) : new Map();
	const afterValues = fieldValues(after, scope);
	const {changed, removed} = diffValues(beforeValues, afterValues);
	const owned = decodeManaged(managed);
	for (const item of owned) {
		for (const path of [...changed, ...removed]) {
			item.paths.delete(path);
		}
	}

	if (changed.size > 0) {
		let mine = owned.find(item => sameEntry(item.entry, writer.manager, 'Update', writer.subresource));
		if (!mine) {
			mine = {entry: newEntry(writer, 'Update'), paths: new Set()};
			owned.push(mine);
		}

		mine.entry = {...mine.entry, time: writer.time};
		for (const path of changed) {
			mine.paths.add(path);
		}
	}

	return encodeManaged(owned);
}

function newEntry(writer: Writer, operation: 'Update' | 'Apply'): ManagedEntry {
	return {
		manager: writer.manager,
		operation,
		apiVersion: writer.apiVersion,
		time: writer.time,
		fieldsType: 'FieldsV1',
		fieldsV1: {},
		...(writer.subresource ? {subresource: writer.subresource} : {}),
	};
}

/** Entries as decoded sets, for server-side apply's bookkeeping. */
export type OwnedSets = Owned[];

/** The Apply entry of `writer` after an apply whose config sets `paths`. */
export function withApplyEntry(owned: Owned[], writer: Writer, paths: Set<string>, changedSomething: boolean): Owned[] {
	const result = owned.map(item => ({entry: item.entry, paths: new Set(item.paths)}));
	let mine = result.find(item => sameEntry(item.entry, writer.manager, 'Apply', writer.subresource));
	if (!mine) {
		mine = {entry: newEntry(writer, 'Apply'), paths: new Set()};
		result.push(mine);
	}

	const same = mine.paths.size === paths.size && [...paths].every(path => mine.paths.has(path));
	if (!same || changedSomething) {
		mine.entry = {...mine.entry, time: writer.time};
	}

	mine.paths = new Set(paths);
	return result;
}

/** `.spec.containers[name="nginx"].image`: a path as SSA conflict messages print it. */
export function renderPath(path: string): string {
	let text = '';
	for (const token of path.split(SEP)) {
		if (token.startsWith('f:')) {
			text += `.${token.slice(2)}`;
		} else if (token.startsWith('k:')) {
			const keys = JSON.parse(token.slice(2)) as Record<string, unknown>;
			text += `[${Object.entries(keys)
				.map(([key, value]) => `${key}=${JSON.stringify(value)}`)
				.join(',')}]`;
		} else if (token.startsWith('v:')) {
			text += `[=${token.slice(2)}]`;
		}
	}

	return text;
}
