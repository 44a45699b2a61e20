import type {KubeObject} from '../k8s/types.js';
import {apiVersionOf} from './resources.js';
import {
	awaitListVersion,
	checkVersionParameters,
	integerParameter,
	listJson,
	listProtobuf,
	objectProtobuf,
	type Query,
} from './list-watch.js';
import {encodableKind} from './protobuf-encode.js';
import {serveWatch} from './watch-stream.js';
import {negotiate, sendJson, sendProtobuf} from './http-util.js';
import {parseSelection} from './selectors.js';
import {hasTable} from './tables.js';
import {checkNamespaceOf, deleteOptions, readObject, sendObject, warningsFor, writeOptions} from './request-options.js';
import {handlePatch} from './patch-handler.js';
import {failure, methodNotAllowed, StatusError} from './status.js';
import {reviewAccess} from './access-review.js';
import {servePodLog} from './pod-log.js';
import {eventsV1} from './resources.js';
import {toEventsV1} from './events-v1.js';
import type {HandlerContext, ResourceRequest} from './handler-context.js';

export type {HandlerContext, ResourceRequest} from './handler-context.js';

/** The verb RBAC checks for a request (`get`, `list`, `watch`, `create`, ...). */
export function verbOf(method: string, named: boolean, url: URL, legacyWatch: boolean): string {
	// `?watch=1` on one object's path is a plain get, as on a real server; `/watch/…/NAME` watches it.
	const watch = legacyWatch || (!named && ['1', 'true'].includes(url.searchParams.get('watch') ?? ''));
	switch (method) {
		case 'GET':
		case 'HEAD': {
			return watch ? 'watch' : named ? 'get' : 'list';
		}

		case 'POST': {
			return 'create';
		}

		case 'PUT': {
			return 'update';
		}

		case 'PATCH': {
			return 'patch';
		}

		case 'DELETE': {
			return named ? 'delete' : 'deletecollection';
		}

		default: {
			return method.toLowerCase();
		}
	}
}

/** Serves one resource request; errors are thrown as StatusError for the router to send. */
export async function handleResource(context: HandlerContext, target: ResourceRequest): Promise<void> {
	const {info, name, subresource, url, request, response} = target;
	const namespace = info.namespaced ? target.namespace : undefined;
	if (info.name === 'pods' && subresource === 'log' && name !== undefined && (request.method === 'GET' || request.method === 'HEAD')) {
		servePodLog(context, info, target.namespace, name, url, response);
		return;
	}

	if (subresource && !info.subresources.includes(subresource)) {
		throw new StatusError(failure(404, 'NotFound', 'the server could not find the requested resource', {}));
	}

	const verb = verbOf(request.method ?? 'GET', name !== undefined, url, target.legacyWatch);
	// Without a namespace a namespaced resource is only listed and watched (`/api/v1/pods`).
	if (info.namespaced && target.namespace === undefined && !['list', 'watch'].includes(verb)) {
		if (name !== undefined) {
			throw new StatusError(failure(404, 'NotFound', 'the server could not find the requested resource', {}));
		}

		throw methodNotAllowed();
	}

	// A read-only view in another API (events.k8s.io/v1 of core events): its verbs only.
	const convert = info.group === eventsV1.group && info.name === eventsV1.name ? toEventsV1 : undefined;
	if (convert && !info.verbs.includes(verb)) {
		throw methodNotAllowed();
	}

	// Lists and watches of the kinds the sandbox encodes are served as protobuf when asked for (a real server serves every built-in kind).
	const protobufAllowed =
		context.protobuf && (verb === 'list' || verb === 'watch' || verb === 'get') && !convert && encodableKind(info.kind) && !subresource;
	const representation = negotiate(request.headers.accept, url.searchParams.get('includeObject'), hasTable(info.name), protobufAllowed);
	switch (verb) {
		case 'list':
		case 'watch': {
			if (subresource) {
				throw methodNotAllowed();
			}

			const query: Query = {
				info,
				namespace: target.namespace,
				selection: parseSelection(info.name, url.searchParams.get('labelSelector'), url.searchParams.get('fieldSelector')),
				representation,
				...(convert ? {convert} : {}),
			};
			const versions = {
				resourceVersion: url.searchParams.get('resourceVersion'),
				match: url.searchParams.get('resourceVersionMatch'),
				continueToken: url.searchParams.get('continue'),
				watch: verb === 'watch',
			};
			checkVersionParameters(versions);
			if (verb === 'watch') {
				if (name !== undefined) {
					// `/watch/namespaces/x/pods/name`: a watch of one object.
					query.selection.fields.push({field: 'metadata.name', value: name, equal: true});
				}

				serveWatch(
					context.store,
					query,
					{
						resourceVersion: url.searchParams.get('resourceVersion'),
						timeoutSeconds: integerParameter('timeoutSeconds', url.searchParams.get('timeoutSeconds')),
						bookmarks: ['1', 'true'].includes(url.searchParams.get('allowWatchBookmarks') ?? ''),
						sendInitialEvents: url.searchParams.get('sendInitialEvents') === 'true',
						bookmarkMs: context.bookmarkMs,
						now: context.now,
						track(open) {
							context.watches.set(info.name, (context.watches.get(info.name) ?? 0) + (open ? 1 : -1));
						},
					},
					response,
				);
				return;
			}

			const limit = integerParameter('limit', url.searchParams.get('limit')) ?? 0;
			await awaitListVersion(context.store, info.name, {...versions, limit}, context.freshWaitMs);
			const continueText = url.searchParams.get('continue');
			const body = representation.kind === 'protobuf' ? listProtobuf(context.store, query, limit, continueText) : undefined;
			if (body) {
				sendProtobuf(response, 200, body);
				return;
			}
			sendJson(response, 200, listJson(context.store, query, limit, continueText, context.now()));
			return;
		}

		case 'get': {
			const entry = context.registry.get(info, namespace, name!);
			if (convert && representation.kind === 'object') {
				sendJson(response, 200, JSON.stringify(convert(entry.object)));
				return;
			}

			const body = representation.kind === 'protobuf' ? objectProtobuf(entry, info) : undefined;
			if (body) {
				sendProtobuf(response, 200, body);
				return;
			}
			sendObject(response, 200, entry, representation, context.now());
			return;
		}

		case 'create': {
			if (name !== undefined) {
				throw methodNotAllowed();
			}

			const body = await readObject(request, info, url);
			if (info.name === 'selfsubjectaccessreviews') {
				const review = reviewAccess(body, target.can, writeOptions(url, request).manager, context.now());
				sendJson(response, 201, JSON.stringify(review));
				return;
			}

			checkNamespaceOf(body, target.namespace, info);
			const entry = context.registry.create(info, body, target.namespace, writeOptions(url, request));
			sendObject(response, 201, entry, representation, context.now(), warningsFor(info, body, url));
			return;
		}

		case 'update': {
			const body = await readObject(request, info, url);
			checkNamespaceOf(body, target.namespace, info);
			const existing = context.registry.get(info, namespace, name!);
			const options = {
				...writeOptions(url, request),
				...(subresource === 'status' ? {subresource: 'status' as const} : {}),
				requireVersion: true,
			};
			const entry = context.registry.replace(info, existing, body, options);
			sendObject(response, 200, entry, representation, context.now(), warningsFor(info, body, url));
			return;
		}

		case 'patch': {
			await handlePatch(context, target, representation);
			return;
		}

		case 'delete': {
			const options = await deleteOptions(request, url);
			const entry = context.registry.delete(info, namespace, name!, options);
			sendObject(response, 200, entry, representation, context.now());
			return;
		}

		case 'deletecollection': {
			const options = await deleteOptions(request, url);
			const selection = parseSelection(info.name, url.searchParams.get('labelSelector'), url.searchParams.get('fieldSelector'));
			const query: Query = {info, namespace, selection, representation: {kind: 'object'}};
			const targets = JSON.parse(listJson(context.store, query, 0, null, context.now())) as {items: KubeObject[]};
			const deleted = targets.items.map(item => context.registry.delete(info, item.metadata.namespace, item.metadata.name!, options));
			sendJson(
				response,
				200,
				`{"kind":"${info.listKind}","apiVersion":"${apiVersionOf(info)}","metadata":{"resourceVersion":"${context.store.revision}"},"items":[${deleted.map(entry => entry.bare).join(',')}]}`,
			);
			return;
		}

		default: {
			throw methodNotAllowed();
		}
	}
}
