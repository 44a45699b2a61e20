import type {ResourceInfo} from './resources.js';
import {apiVersionOf} from './resources.js';
import type {Entry, Store} from './store.js';
import {encodeEnvelope, encodeList, encodeObjectRaw, Unencodable} from './protobuf-encode.js';
import {bareJson} from './store.js';
import type {KubeObject} from '../k8s/types.js';
import {selects, selectsAll, type Selection} from './selectors.js';
import type {Representation} from './http-util.js';
import {partialMetadataJson, tableJson} from './tables.js';
import {badRequest, expired, failure, StatusError} from './status.js';

/** What a list or watch request asks for, once parsed. */
export interface Query {
	info: ResourceInfo;
	namespace?: string;
	selection: Selection;
	representation: Representation;
	/** Another API's view of the stored objects (events.k8s.io/v1 of core events). */
	convert?: (object: KubeObject) => KubeObject;
}

interface ContinueToken {
	v: string;
	rv: number;
	start: string;
}

function encodeContinue(revision: number, lastKey: string): string {
	const token: ContinueToken = {v: 'meta.k8s.io/v1', rv: revision, start: `${lastKey}\u0000`};
	return Buffer.from(JSON.stringify(token)).toString('base64');
}

function decodeContinue(text: string): ContinueToken {
	try {
		const token = JSON.parse(Buffer.from(text, 'base64').toString('utf8')) as ContinueToken;
		if (token.v !== 'meta.k8s.io/v1' || typeof token.start !== 'string' || typeof token.rv !== 'number') {
			throw new Error('bad token');
		}

		return token;
	} catch {
		throw badRequest('continue key is not valid: incorrect encoded start resourceVersion (version meta.k8s.io/v1)');
	}
}

/** One page of a list: the entries in key order, and the list's metadata. */
interface ListPage {
	entries: Entry[];
	metadata: {resourceVersion: string; continue?: string; remainingItemCount?: number};
}

function listPage(store: Store, query: Query, limit: number, continueText: string | null): ListPage {
	const {info, namespace, selection} = query;
	let entries = store.list(info.name, info.namespaced ? namespace : undefined);
	if (!selectsAll(selection)) {
		entries = entries.filter(entry => selects(info.name, selection, entry.object));
	}

	let revision = store.revision;
	if (continueText) {
		const token = decodeContinue(continueText);
		revision = token.rv;
		entries = entries.filter(entry => entry.key >= token.start);
	}

	const metadata: ListPage['metadata'] = {resourceVersion: String(revision)};
	if (limit > 0 && entries.length > limit) {
		const remaining = entries.length - limit;
		entries = entries.slice(0, limit);
		metadata.continue = encodeContinue(revision, entries.at(-1)!.key);
		if (selectsAll(selection)) {
			metadata.remainingItemCount = remaining;
		}
	}

	return {entries, metadata};
}

/**
 * A list response: the objects in key order, paged by `limit` / `continue`, as JSON whose
 * items are the stored strings joined, or as a Table.
 */
export function listJson(store: Store, query: Query, limit: number, continueText: string | null, now: number): string {
	const {info, representation} = query;
	const {entries, metadata} = listPage(store, query, limit, continueText);
	const listMeta = JSON.stringify(metadata);

	if (representation.kind === 'table') {
		return tableJson(info.name, entries, representation.table, now, listMeta);
	}

	if (representation.kind === 'metadata') {
		const items = entries.map(entry => partialMetadataJson(entry.object)).join(',');
		return `{"kind":"PartialObjectMetadataList","apiVersion":"${representation.apiVersion}","metadata":${listMeta},"items":[${items}]}`;
	}

	const {convert} = query;
	const items = entries.map(entry => (convert ? bareJson(convert(entry.object)) : entry.bare)).join(',');
	return `{"kind":"${info.listKind}","apiVersion":"${apiVersionOf(info)}","metadata":${listMeta},"items":[${items}]}`;
}

/**
 * The same list in the protobuf encoding (items as cached per stored object), or undefined
 * when an item has a field the schema lacks: the caller answers JSON then.
 */
export function listProtobuf(store: Store, query: Query, limit: number, continueText: string | null): Buffer | undefined {
	const {info} = query;
	const {entries, metadata} = listPage(store, query, limit, continueText);
	try {
		const items = entries.map(entry => protobufOf(entry, info.kind));
		return encodeList(apiVersionOf(info), info.listKind, metadata, items);
	} catch (error) {
		if (error instanceof Unencodable) {
			return undefined;
		}
		throw error;
	}
}

/** One stored object as a protobuf body, or undefined when it has a field the schema lacks (answered as JSON then). */
export function objectProtobuf(entry: Entry, info: ResourceInfo): Buffer | undefined {
	try {
		return encodeEnvelope(apiVersionOf(info), info.kind, protobufOf(entry, info.kind));
	} catch (error) {
		if (error instanceof Unencodable) {
			return undefined;
		}
		throw error;
	}
}

const encoded = new WeakMap<Entry, Buffer>();

/** A stored object's own protobuf bytes, encoded once per stored version (entries are never mutated). */
export function protobufOf(entry: Entry, kind: string): Buffer {
	let bytes = encoded.get(entry);
	if (!bytes) {
		bytes = encodeObjectRaw(kind, entry.object);
		encoded.set(entry, bytes);
	}
	return bytes;
}

/** 400 for a malformed `limit`/`timeoutSeconds`. */
export function integerParameter(name: string, value: string | null): number | undefined {
	if (value === null || value === '') {
		return undefined;
	}

	if (!/^-?\d+$/.test(value)) {
		throw new StatusError(
			failure(400, 'BadRequest', `${name}: Invalid value: "${value}": strconv.ParseInt: parsing "${value}": invalid syntax`),
		);
	}

	return Number(value);
}

/** A resourceVersion parameter as a revision; 400 as the server answers one that is not a number. */
export function parseResourceVersion(text: string): number {
	if (!/^\d+$/.test(text)) {
		throw badRequest(`resourceVersion: Invalid value: "${text}": invalid resource version`);
	}

	return Number(text);
}

/** The resourceVersion parameters of a list or watch request. */
export interface VersionParameters {
	resourceVersion: string | null;
	match: string | null;
	continueToken: string | null;
	watch: boolean;
}

/** 422 `ListOptions.meta.k8s.io "" is invalid: …` for the combinations ValidateListOptions forbids. */
export function checkVersionParameters({resourceVersion, match, continueToken, watch}: VersionParameters): void {
	if (!match) {
		return;
	}

	const errors: Array<{reason: string; field: string; message: string}> = [];
	const forbid = (message: string): void => {
		errors.push({reason: 'FieldValueForbidden', field: 'resourceVersionMatch', message: `Forbidden: ${message}`});
	};

	if (watch) {
		forbid('resourceVersionMatch is forbidden for watch');
	}

	if (!resourceVersion) {
		forbid('resourceVersionMatch is forbidden unless resourceVersion is provided');
	}

	if (continueToken) {
		forbid('resourceVersionMatch is forbidden when continue is provided');
	}

	if (match !== 'Exact' && match !== 'NotOlderThan') {
		errors.push({
			reason: 'FieldValueNotSupported',
			field: 'resourceVersionMatch',
			message: `Unsupported value: "${match}": supported values: "Exact", "NotOlderThan", ""`,
		});
	}

	if (match === 'Exact' && resourceVersion === '0') {
		forbid('resourceVersionMatch "exact" is forbidden for resourceVersion "0"');
	}

	if (errors.length === 0) {
		return;
	}

	const rendered = errors.map(error => `${error.field}: ${error.message}`);
	const summary = rendered.length === 1 ? rendered[0] : `[${rendered.join(', ')}]`;
	throw new StatusError(
		failure(422, 'Invalid', `ListOptions.meta.k8s.io "" is invalid: ${summary}`, {
			group: 'meta.k8s.io',
			kind: 'ListOptions',
			causes: errors.map(error => ({reason: error.reason, message: error.message, field: error.field})),
		}),
	);
}

/**
 * What a list at a given resourceVersion needs before it is served: nothing for none or
 * "0"; 410 when a paged or exact list asks for a revision already compacted (a snapshot the
 * store no longer has); for a revision not reached yet, a wait of up to `waitMs` for the
 * store to get there, then 504 as the watch cache answers.
 */
export async function awaitListVersion(
	store: Store,
	resource: string,
	parameters: VersionParameters & {limit: number},
	waitMs: number,
): Promise<void> {
	const {resourceVersion, match, limit} = parameters;
	if (!resourceVersion || resourceVersion === '0' || parameters.continueToken) {
		return;
	}

	const revision = parseResourceVersion(resourceVersion);
	const fromSnapshot = limit > 0 || match === 'Exact';
	if (fromSnapshot && revision < store.oldest(resource)) {
		throw new StatusError(expired('The resourceVersion for the provided list is too old.'));
	}

	if (revision <= store.revision) {
		return;
	}

	const reached = await store.reached(revision, waitMs);
	if (!reached) {
		throw new StatusError(
			failure(504, 'Timeout', `Timeout: Too large resource version: ${revision}, current: ${store.revision}`, {
				causes: [{reason: 'ResourceVersionTooLarge', message: 'Too large resource version'}],
				retryAfterSeconds: 1,
			}),
		);
	}
}
