import type {ServerResponse} from 'node:http';
import type {KubeObject} from '../k8s/types.js';
import type {ResourceInfo} from './resources.js';
import {apiVersionOf} from './resources.js';
import type {Change, Entry, Store} from './store.js';
import {bareJson, objectJson} from './store.js';
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

/**
 * A list response: the objects in key order, paged by `limit` / `continue`, as JSON whose
 * items are the stored strings joined, or as a Table.
 */
export function listJson(store: Store, query: Query, limit: number, continueText: string | null, now: number): string {
	const {info, namespace, selection, representation} = query;
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

	let listMeta = `{"resourceVersion":"${revision}"}`;
	if (limit > 0 && entries.length > limit) {
		const remaining = entries.length - limit;
		entries = entries.slice(0, limit);
		const token = encodeContinue(revision, entries.at(-1)!.key);
		const count = selectsAll(selection) ? `,"remainingItemCount":${remaining}` : '';
		listMeta = `{"resourceVersion":"${revision}","continue":"${token}"${count}}`;
	}

	if (representation.kind === 'table') {
		return tableJson(info.name, entries, representation.table, now, listMeta);
	}

	if (representation.kind === 'metadata') {
		const items = entries.map(entry => partialMetadataJson(entry.object)).join(',');
		return `{"kind":"PartialObjectMetadataList","apiVersion":"${representation.apiVersion}","metadata":${listMeta},"items":[${items}]}`;
	}

	const items = entries.map(entry => entry.bare).join(',');
	return `{"kind":"${info.listKind}","apiVersion":"${apiVersionOf(info)}","metadata":${listMeta},"items":[${items}]}`;
}

/** Options of one watch request. */
export interface WatchOptions {
	resourceVersion: string | null;
	timeoutSeconds?: number;
	bookmarks: boolean;
	sendInitialEvents: boolean;
	bookmarkMs: number;
	now: () => number;
	/** Told when the watch starts streaming (true) and when it ends (false). */
	track?: (open: boolean) => void;
}

/**
 * Serves a watch: a chunked 200 stream of newline-delimited events, starting with synthetic
 * ADDED events (no resourceVersion or "0") or a replay of kept changes after the given
 * one, then live changes filtered by the selectors (an object leaving the selection is a
 * DELETED for this watcher). A resourceVersion older than the kept window gets the 410
 * Expired ERROR event inside the stream, as a real server sends it.
 */
export function serveWatch(store: Store, query: Query, options: WatchOptions, response: ServerResponse): void {
	const {info, namespace, selection, representation} = query;
	const scopeNamespace = info.namespaced ? namespace : undefined;
	let firstTable = true;
	const write = (type: string, entry: Entry): void => {
		let object: string;
		if (representation.kind === 'table') {
			const listMeta = `{"resourceVersion":"${entry.object.metadata.resourceVersion ?? ''}"}`;
			object = tableJson(info.name, [entry], representation.table, options.now(), listMeta, firstTable);
			firstTable = false;
		} else if (representation.kind === 'metadata') {
			object = partialMetadataJson(entry.object);
		} else {
			object = objectJson(entry);
		}

		response.write(`{"type":"${type}","object":${object}}\n`);
	};

	const writeBookmark = (revision: number, initialEventsEnd: boolean): void => {
		const annotations = initialEventsEnd ? ',"annotations":{"k8s.io/initial-events-end":"true"}' : '';
		const metadata = `{"resourceVersion":"${revision}","creationTimestamp":null${annotations}}`;
		response.write(`{"type":"BOOKMARK","object":{"kind":"${info.kind}","apiVersion":"${apiVersionOf(info)}","metadata":${metadata}}}\n`);
	};

	const inScope = (object: KubeObject): boolean => !scopeNamespace || object.metadata.namespace === scopeNamespace;
	const passes = (object: KubeObject | undefined): boolean =>
		object !== undefined && inScope(object) && selects(info.name, selection, object);

	const deliver = (change: Change): void => {
		if (change.resource !== info.name) {
			return;
		}

		const now = change.type === 'DELETED' ? false : passes(change.entry.object);
		const before = change.type === 'ADDED' ? false : passes(change.previous);
		if (change.type === 'DELETED') {
			if (before) {
				write('DELETED', change.entry);
			}
		} else if (now && before) {
			write('MODIFIED', change.entry);
		} else if (now) {
			write('ADDED', change.entry);
		} else if (before) {
			// Left the selection: the watcher sees the old object go, stamped with this revision.
			const object = {...change.previous!, metadata: {...change.previous!.metadata, resourceVersion: String(change.revision)}};
			write('DELETED', {resource: info.name, key: change.entry.key, object, bare: bareJson(object)});
		}
	};

	let backlog: Change[] = [];
	let initial: Entry[] = [];
	const asked = options.resourceVersion;
	if (asked && asked !== '0') {
		const revision = Number(asked);
		if (!/^\d+$/.test(asked)) {
			throw badRequest(`resourceVersion: Invalid value: "${asked}": invalid resource version`);
		}

		const changes = store.changesSince(info.name, revision);
		if (!Array.isArray(changes)) {
			startStream(response);
			response.end(`{"type":"ERROR","object":${JSON.stringify(expired(`too old resource version: ${revision} (${changes.compacted})`))}}\n`);
			return;
		}

		backlog = changes;
	} else {
		initial = store.list(info.name, scopeNamespace).filter(entry => selects(info.name, selection, entry.object));
	}

	const unsubscribe = store.subscribe(deliver);
	startStream(response);
	for (const entry of initial) {
		write('ADDED', entry);
	}

	for (const change of backlog) {
		deliver(change);
	}

	if (options.bookmarks && options.sendInitialEvents) {
		writeBookmark(store.revision, true);
	}

	const timers: NodeJS.Timeout[] = [];
	if (options.bookmarks) {
		timers.push(setInterval(() => writeBookmark(store.revision, false), options.bookmarkMs));
	}

	// Like the API server, a watch without timeoutSeconds still ends after 30 to 60 minutes.
	const timeoutMs = options.timeoutSeconds === undefined
		? (1800 + Math.floor(Math.random() * 1800)) * 1000
		: options.timeoutSeconds * 1000;
	timers.push(setTimeout(() => response.end(), timeoutMs));
	options.track?.(true);
	let stopped = false;
	const stop = (): void => {
		if (stopped) {
			return;
		}

		stopped = true;
		options.track?.(false);
		unsubscribe();
		for (const timer of timers) {
			clearTimeout(timer);
		}
	};

	response.on('close', stop);
	response.on('finish', stop);
}

function startStream(response: ServerResponse): void {
	response.writeHead(200, {
		'Content-Type': 'application/json',
		'Transfer-Encoding': 'chunked',
		'Cache-Control': 'no-cache, private',
	});
	response.flushHeaders();
}

/** 400 for a malformed `limit`/`timeoutSeconds`. */
export function integerParameter(name: string, value: string | null): number | undefined {
	if (value === null || value === '') {
		return undefined;
	}

	if (!/^-?\d+$/.test(value)) {
		throw new StatusError(failure(400, 'BadRequest', `${name}: Invalid value: "${value}": strconv.ParseInt: parsing "${value}": invalid syntax`));
	}

	return Number(value);
}
