import type {ServerResponse} from 'node:http';
import type {KubeObject} from '../k8s/types.js';
import {apiVersionOf} from './resources.js';
import type {Change, Entry, Store} from './store.js';
import {bareJson, objectJson} from './store.js';
import {selects} from './selectors.js';
import {partialMetadataJson, tableJson} from './tables.js';
import {expired} from './status.js';
import {parseResourceVersion, protobufOf, type Query} from './list-watch.js';
import {encodeObjectRaw, encodeStatus, encodeWatchFrame} from './protobuf-encode.js';
import {protobufMediaType} from './http-util.js';

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

// A watcher that has not read this much of what was sent is cut off, as the API server
// closes a watcher whose buffer is full instead of holding events for it forever.
const maxUnread = 16 * 1024 * 1024;

/**
 * Serves a watch: a chunked 200 stream of newline-delimited events, starting with synthetic
 * ADDED events (no resourceVersion or "0") or a replay of kept changes after the given
 * one, then live changes filtered by the selectors (an object leaving the selection is a
 * DELETED for this watcher). A resourceVersion older than the kept window gets the 410
 * Expired ERROR event inside the stream, as a real server sends it.
 *
 * The stream survives stalled and aborted clients: nothing is written once it ended or
 * the socket went away, every timer and the store subscription go with it, and a response
 * error only ends the watch.
 */
export function serveWatch(store: Store, query: Query, options: WatchOptions, response: ServerResponse): void {
	const {info, namespace, selection, representation} = query;
	// Protobuf frames (4-byte length + WatchEvent) where asked for and the kind is encoded; else JSON lines.
	const protobuf = representation.kind === 'protobuf';
	const apiVersion = apiVersionOf(info);
	const scopeNamespace = info.namespaced ? namespace : undefined;
	const asked = options.resourceVersion;
	let backlog: Change[] = [];
	let initial: Entry[] = [];
	if (asked && asked !== '0') {
		const revision = parseResourceVersion(asked);
		const changes = store.changesSince(info.name, revision);
		if (!Array.isArray(changes)) {
			const status = expired(`too old resource version: ${revision} (${changes.compacted})`);
			startStream(response, protobuf);
			response.end(
				protobuf
					? encodeWatchFrame('ERROR', 'v1', 'Status', encodeStatus(status as unknown as Record<string, unknown>))
					: `{"type":"ERROR","object":${JSON.stringify(status)}}\n`,
			);
			return;
		}

		backlog = changes;
	} else {
		initial = store.list(info.name, scopeNamespace).filter(entry => selects(info.name, selection, entry.object));
	}

	let open = true;
	const timers: NodeJS.Timeout[] = [];
	let unsubscribe = (): void => {};
	const stop = (): void => {
		if (!open) {
			return;
		}

		open = false;
		options.track?.(false);
		unsubscribe();
		for (const timer of timers) {
			clearTimeout(timer);
		}
	};

	const finish = (): void => {
		stop();
		if (!response.writableEnded && !response.destroyed) {
			response.end();
		}
	};

	const send = (line: string | Buffer): void => {
		if (!open || response.writableEnded || response.destroyed) {
			stop();
			return;
		}

		if (response.writableLength > maxUnread) {
			stop();
			response.destroy();
			return;
		}

		response.write(line);
	};

	let firstTable = true;
	const write = (type: string, entry: Entry): void => {
		if (protobuf) {
			let raw: Buffer;
			try {
				raw = protobufOf(entry, info.kind);
			} catch {
				// A field the schema lacks: the stream cannot carry this object; it ends, and the client lists again.
				finish();
				return;
			}
			send(encodeWatchFrame(type, apiVersion, info.kind, raw));
			return;
		}
		let object: string;
		if (representation.kind === 'table') {
			const listMeta = `{"resourceVersion":"${entry.object.metadata.resourceVersion ?? ''}"}`;
			object = tableJson(info.name, [entry], representation.table, options.now(), listMeta, firstTable);
			firstTable = false;
		} else if (representation.kind === 'metadata') {
			object = partialMetadataJson(entry.object);
		} else {
			object = query.convert ? JSON.stringify(query.convert(entry.object)) : objectJson(entry);
		}

		send(`{"type":"${type}","object":${object}}\n`);
	};

	const writeBookmark = (revision: number, initialEventsEnd: boolean): void => {
		if (protobuf) {
			const metadata = {
				resourceVersion: String(revision),
				...(initialEventsEnd ? {annotations: {'k8s.io/initial-events-end': 'true'}} : {}),
			};
			send(encodeWatchFrame('BOOKMARK', apiVersion, info.kind, encodeObjectRaw(info.kind, {metadata})));
			return;
		}
		const annotations = initialEventsEnd ? ',"annotations":{"k8s.io/initial-events-end":"true"}' : '';
		const metadata = `{"resourceVersion":"${revision}","creationTimestamp":null${annotations}}`;
		send(`{"type":"BOOKMARK","object":{"kind":"${info.kind}","apiVersion":"${apiVersionOf(info)}","metadata":${metadata}}}\n`);
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

	response.on('close', stop);
	response.on('finish', stop);
	response.on('error', stop);
	unsubscribe = store.subscribe(deliver);
	options.track?.(true);
	startStream(response, protobuf);
	for (const entry of initial) {
		write('ADDED', entry);
	}

	for (const change of backlog) {
		deliver(change);
	}

	if (options.bookmarks && options.sendInitialEvents) {
		writeBookmark(store.revision, true);
	}

	if (options.bookmarks) {
		timers.push(setInterval(() => writeBookmark(store.revision, false), options.bookmarkMs));
	}

	// Like the API server, a watch without timeoutSeconds still ends after 30 to 60 minutes.
	const timeoutMs = options.timeoutSeconds === undefined ? (1800 + Math.floor(Math.random() * 1800)) * 1000 : options.timeoutSeconds * 1000;
	timers.push(setTimeout(finish, timeoutMs));
}

function startStream(response: ServerResponse, protobuf: boolean): void {
	response.writeHead(200, {
		'Content-Type': protobuf ? `${protobufMediaType};stream=watch` : 'application/json',
		'Transfer-Encoding': 'chunked',
		'Cache-Control': 'no-cache, private',
	});
	response.flushHeaders();
}
