import type {IncomingMessage, ServerResponse} from 'node:http';
import yaml from 'js-yaml';
import type {KubeObject} from '../k8s/types.js';
import type {ResourceInfo} from './resources.js';
import {apiVersionOf} from './resources.js';
import type {Entry, Store} from './store.js';
import {objectJson} from './store.js';
import type {DeleteOptions, Registry, WriteOptions} from './registry.js';
import {integerParameter, listJson, serveWatch, type Query} from './list-watch.js';
import {negotiate, readBody, readBytes, sendJson, type Representation} from './http-util.js';
import {decodeKubernetesProtobuf} from './protobuf.js';
import {parseSelection} from './selectors.js';
import {hasTable, partialMetadataJson, tableJson} from './tables.js';
import {unknownFields} from './known-fields.js';
import {mergePatch, jsonPatch} from './patch.js';
import {strategicMergePatch} from './strategic.js';
import {serverSideApply} from './apply.js';
import {encodeManaged} from './managed-fields.js';
import {isObject, rfc3339} from './meta.js';
import {badRequest, failure, methodNotAllowed, notSupported, invalid, StatusError, unsupportedMediaType} from './status.js';

/** One resource request after routing and authorization. */
export interface ResourceRequest {
	info: ResourceInfo;
	namespace?: string;
	name?: string;
	subresource?: string;
	/** `/api/v1/watch/...` paths: always a watch. */
	legacyWatch: boolean;
	url: URL;
	request: IncomingMessage;
	response: ServerResponse;
}

/** What the handlers need from the running sandbox. */
export interface HandlerContext {
	store: Store;
	registry: Registry;
	now: () => number;
	bookmarkMs: number;
	/** Open watch streams per resource (for tests that wait until a client watches). */
	watches: Map<string, number>;
}

/** The verb RBAC checks for a request (`get`, `list`, `watch`, `create`, ...). */
export function verbOf(method: string, named: boolean, url: URL, legacyWatch: boolean): string {
	const watch = legacyWatch || ['1', 'true'].includes(url.searchParams.get('watch') ?? '');
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
	if (subresource && !info.subresources.includes(subresource)) {
		throw new StatusError(failure(404, 'NotFound', 'the server could not find the requested resource', {}));
	}

	const verb = verbOf(request.method ?? 'GET', name !== undefined, url, target.legacyWatch);
	const representation = negotiate(request.headers.accept, url.searchParams.get('includeObject'), hasTable(info.name));
	switch (verb) {
		case 'list':
		case 'watch': {
			if (subresource) {
				throw methodNotAllowed();
			}

			const query: Query = {info, namespace: target.namespace, selection: parseSelection(info.name, url.searchParams.get('labelSelector'), url.searchParams.get('fieldSelector')), representation};
			if (verb === 'watch') {
				if (name !== undefined) {
					// `/watch/namespaces/x/pods/name`: a watch of one object.
					query.selection.fields.push({field: 'metadata.name', value: name, equal: true});
				}

				serveWatch(context.store, query, {
					resourceVersion: url.searchParams.get('resourceVersion'),
					timeoutSeconds: integerParameter('timeoutSeconds', url.searchParams.get('timeoutSeconds')),
					bookmarks: ['1', 'true'].includes(url.searchParams.get('allowWatchBookmarks') ?? ''),
					sendInitialEvents: url.searchParams.get('sendInitialEvents') === 'true',
					bookmarkMs: context.bookmarkMs,
					now: context.now,
					track(open) {
						context.watches.set(info.name, (context.watches.get(info.name) ?? 0) + (open ? 1 : -1));
					},
				}, response);
				return;
			}

			const limit = integerParameter('limit', url.searchParams.get('limit')) ?? 0;
			sendJson(response, 200, listJson(context.store, query, limit, url.searchParams.get('continue'), context.now()));
			return;
		}

		case 'get': {
			const entry = context.registry.get(info, namespace, name!);
			sendObject(response, 200, entry, representation, context.now());
			return;
		}

		case 'create': {
			if (name !== undefined) {
				throw methodNotAllowed();
			}

			const body = await readObject(request, info, url);
			checkNamespaceOf(body, target.namespace, info);
			const entry = context.registry.create(info, body, target.namespace, writeOptions(url, request));
			sendObject(response, 201, entry, representation, context.now(), warningsFor(info, body, url));
			return;
		}

		case 'update': {
			const body = await readObject(request, info, url);
			checkNamespaceOf(body, target.namespace, info);
			const existing = context.registry.get(info, namespace, name!);
			const options = {...writeOptions(url, request), ...(subresource === 'status' ? {subresource: 'status' as const} : {}), requireVersion: true};
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
			sendJson(response, 200, `{"kind":"${info.listKind}","apiVersion":"${apiVersionOf(info)}","metadata":{"resourceVersion":"${context.store.revision}"},"items":[${deleted.map(entry => entry.bare).join(',')}]}`);
			return;
		}

		default: {
			throw methodNotAllowed();
		}
	}
}

function sendObject(response: ServerResponse, code: number, entry: Entry, representation: Representation, now: number, warnings: string[] = []): void {
	if (warnings.length > 0) {
		response.setHeader('Warning', warnings.map(warning => `299 - ${JSON.stringify(warning)}`));
	}

	if (representation.kind === 'table') {
		sendJson(response, code, tableJson(entry.resource, [entry], representation.table, now, `{"resourceVersion":"${entry.object.metadata.resourceVersion ?? ''}"}`));
	} else if (representation.kind === 'metadata') {
		sendJson(response, code, partialMetadataJson(entry.object));
	} else {
		sendJson(response, code, objectJson(entry));
	}
}

function writeOptions(url: URL, request: IncomingMessage): WriteOptions {
	const dryRun = url.searchParams.getAll('dryRun');
	for (const value of dryRun) {
		if (value !== 'All') {
			throw badRequest(`Invalid dryRun value: ${value}. Valid values are: All`);
		}
	}

	const fieldValidation = url.searchParams.get('fieldValidation');
	if (fieldValidation && !['Strict', 'Warn', 'Ignore'].includes(fieldValidation)) {
		throw badRequest(`fieldValidation parameter unsupported: ${fieldValidation}, must be one of Ignore, Warn, Strict`);
	}

	return {manager: managerOf(url, request), dryRun: dryRun.length > 0};
}

// An unset fieldManager is named after the client, as the API server takes the
// User-Agent up to its first slash.
function managerOf(url: URL, request: IncomingMessage): string {
	const explicit = url.searchParams.get('fieldManager');
	if (explicit) {
		return explicit;
	}

	const agent = request.headers['user-agent'] ?? '';
	return agent.split('/')[0]?.trim() || 'unknown';
}

async function readObject(request: IncomingMessage, info: ResourceInfo, url: URL): Promise<KubeObject> {
	const bytes = await readBytes(request);
	const contentType = (request.headers['content-type'] ?? 'application/json').split(';')[0]!.trim();
	let body: unknown;
	try {
		if (contentType === 'application/vnd.kubernetes.protobuf') {
			body = decodeKubernetesProtobuf(bytes);
		} else {
			const text = bytes.toString('utf8');
			body = contentType === 'application/yaml' ? yaml.load(text) : JSON.parse(text);
		}
	} catch (error) {
		if (error instanceof StatusError) {
			throw error;
		}

		throw badRequest(`the object provided is unrecognized (must be of type ${info.kind}): couldn't get version/kind; json parse error: ${(error as Error).message}`);
	}

	if (!isObject(body)) {
		throw badRequest(`the object provided is unrecognized (must be of type ${info.kind}): couldn't get version/kind; json parse error: unexpected end of JSON input`);
	}

	const object = body as KubeObject;
	if (object.apiVersion !== undefined && object.apiVersion !== apiVersionOf(info)) {
		throw badRequest(`the API version in the data (${String(object.apiVersion)}) does not match the expected API version (${apiVersionOf(info)})`);
	}

	if (object.kind !== undefined && object.kind !== info.kind) {
		throw badRequest(`the kind in the data (${String(object.kind)}) does not match the expected kind (${info.kind})`);
	}

	object.metadata = isObject(object.metadata) ? object.metadata : {};
	checkStrict(info, object, url);
	return object;
}

// fieldValidation=Strict (what kubectl sends by default) turns unknown fields into a 400.
function checkStrict(info: ResourceInfo, object: unknown, url: URL): void {
	if (url.searchParams.get('fieldValidation') !== 'Strict') {
		return;
	}

	const unknown = unknownFields(info.name, object);
	if (unknown.length > 0) {
		const detail = unknown.map(path => `unknown field "${path}"`).join(', ');
		throw badRequest(`${info.kind} in version "${info.version}" cannot be handled as a ${info.kind}: strict decoding error: ${detail}`);
	}
}

function warningsFor(info: ResourceInfo, object: unknown, url: URL): string[] {
	if (url.searchParams.get('fieldValidation') !== 'Warn') {
		return [];
	}

	return unknownFields(info.name, object).map(path => `unknown field "${path}"`);
}

function checkNamespaceOf(object: KubeObject, namespace: string | undefined, info: ResourceInfo): void {
	if (info.namespaced && object.metadata.namespace && object.metadata.namespace !== namespace) {
		throw badRequest('the namespace of the provided object does not match the namespace sent on the request');
	}
}

async function deleteOptions(request: IncomingMessage, url: URL): Promise<DeleteOptions> {
	const text = await readBody(request);
	let body: Record<string, unknown> = {};
	if (text.trim() !== '') {
		try {
			const parsed = JSON.parse(text) as unknown;
			body = isObject(parsed) ? parsed : {};
		} catch (error) {
			throw badRequest(`couldn't get version/kind; json parse error: ${(error as Error).message}`);
		}
	}

	const grace = integerParameter('gracePeriodSeconds', url.searchParams.get('gracePeriodSeconds'))
		?? (typeof body['gracePeriodSeconds'] === 'number' ? body['gracePeriodSeconds'] : undefined);
	const propagationPolicy = url.searchParams.get('propagationPolicy') ?? (body['propagationPolicy'] as string | undefined);
	const policies = ['Foreground', 'Background', 'Orphan'];
	if (propagationPolicy !== undefined && propagationPolicy !== null && !policies.includes(propagationPolicy)) {
		throw invalid('DeleteOptions', '', [notSupported('propagationPolicy', propagationPolicy, [...policies, 'nil'])], 'meta.k8s.io');
	}

	const dryRun = [...url.searchParams.getAll('dryRun'), ...(Array.isArray(body['dryRun']) ? body['dryRun'] as string[] : [])];
	return {
		...(grace === undefined ? {} : {gracePeriodSeconds: Math.max(0, grace)}),
		...(propagationPolicy ? {propagationPolicy} : {}),
		...(isObject(body['preconditions']) ? {preconditions: body['preconditions'] as DeleteOptions['preconditions']} : {}),
		dryRun: dryRun.includes('All'),
	};
}

async function handlePatch(context: HandlerContext, target: ResourceRequest, representation: Representation): Promise<void> {
	const {info, name, subresource, url, request, response} = target;
	const namespace = info.namespaced ? target.namespace : undefined;
	const contentType = (request.headers['content-type'] ?? '').split(';')[0]!.trim();
	const text = await readBody(request);
	const options: WriteOptions = {...writeOptions(url, request), ...(subresource === 'status' ? {subresource: 'status' as const} : {})};
	if (contentType === 'application/apply-patch+yaml') {
		await applyPatch(context, target, text, options, representation);
		return;
	}

	let patch: unknown;
	try {
		patch = JSON.parse(text);
	} catch (error) {
		throw badRequest(`error decoding patch: ${(error as Error).message}`);
	}

	const existing = context.registry.get(info, namespace, name!);
	const current = JSON.parse(objectJson(existing)) as unknown;
	let patched: unknown;
	switch (contentType) {
		case 'application/merge-patch+json': {
			patched = mergePatch(current, patch);
			break;
		}

		case 'application/json-patch+json': {
			patched = jsonPatch(current, patch);
			break;
		}

		case 'application/strategic-merge-patch+json': {
			patched = strategicMergePatch(current, patch);
			break;
		}

		default: {
			throw unsupportedMediaType();
		}
	}

	if (!isObject(patched) || !isObject(patched['metadata'])) {
		throw badRequest('the patch produced an object without metadata');
	}

	checkStrict(info, patched, url);
	const entry = context.registry.replace(info, existing, patched as KubeObject, options);
	sendObject(response, 200, entry, representation, context.now(), warningsFor(info, patched, url));
}

async function applyPatch(context: HandlerContext, target: ResourceRequest, text: string, options: WriteOptions, representation: Representation): Promise<void> {
	const {info, name, url, response} = target;
	const namespace = info.namespaced ? target.namespace : undefined;
	if (!url.searchParams.get('fieldManager')) {
		throw new StatusError(failure(400, 'BadRequest', 'PatchOptions.meta.k8s.io "" is invalid: fieldManager: Required value: is required for apply patch'));
	}

	let config: unknown;
	try {
		config = yaml.load(text);
	} catch (error) {
		throw badRequest(`error decoding YAML: ${(error as Error).message}`);
	}

	if (!isObject(config)) {
		throw badRequest('invalid object type: /, Kind=');
	}

	const object = config as KubeObject;
	if (!object.apiVersion || !object.kind) {
		throw badRequest(`invalid object type: ${String(object.apiVersion ?? '')}, Kind=${String(object.kind ?? '')}`);
	}

	if (object.apiVersion !== apiVersionOf(info) || object.kind !== info.kind) {
		throw badRequest(`the API version in the data (${object.apiVersion}) does not match the expected API version (${apiVersionOf(info)})`);
	}

	object.metadata = isObject(object.metadata) ? object.metadata : {};
	if (object.metadata.name !== undefined && object.metadata.name !== name) {
		throw badRequest(`the name of the object (${object.metadata.name}) does not match the name on the URL (${name})`);
	}

	checkNamespaceOf(object, target.namespace, info);
	const unknown = unknownFields(info.name, object);
	if (unknown.length > 0 && url.searchParams.get('fieldValidation') !== 'Ignore') {
		throw badRequest(`failed to create typed patch object (${namespace ? `${namespace}/` : ''}${name}; ${apiVersionOf(info)}, Kind=${info.kind}): .${unknown[0]}: field not declared in schema`);
	}

	const existing = context.store.get(info.name, namespace, name!);
	const writer = {
		manager: options.manager,
		apiVersion: apiVersionOf(info),
		time: rfc3339(context.now()),
		...(options.subresource ? {subresource: options.subresource} : {}),
	};
	const force = ['1', 'true'].includes(url.searchParams.get('force') ?? '');
	const scope = options.subresource === 'status' ? 'status' : 'main';
	const applied = serverSideApply(existing?.object, {...object, metadata: {...object.metadata, name}}, writer, force, scope, info);
	const managed = encodeManaged(applied.owned);
	if (!existing) {
		const entry = context.registry.create(info, {...applied.merged, metadata: {...(applied.merged['metadata'] as object), name}} as KubeObject, target.namespace, {...options, managed});
		sendObject(response, 201, entry, representation, context.now());
		return;
	}

	const entry = context.registry.replace(info, existing, applied.merged as KubeObject, {...options, managed});
	sendObject(response, 200, entry, representation, context.now());
}
