import yaml from 'js-yaml';
import type {KubeObject} from '../k8s/types.js';
import {apiVersionOf, type ResourceInfo} from './resources.js';
import {objectJson} from './store.js';
import type {WriteOptions} from './registry.js';
import {readBody, type Representation} from './http-util.js';
import {unknownFields} from './known-fields.js';
import {mergePatch, jsonPatch, patchedJson, touchedByJsonPatch, touchedByMergePatch} from './patch.js';
import {convertError, decodeError, goPrint} from './decode.js';
import {appliedQuantityError, typedPatchErrors} from './typed-apply.js';
import {strategicMergePatch} from './strategic.js';
import {serverSideApply, typedPatchError} from './apply.js';
import {encodeManaged} from './managed-fields.js';
import {isObject, rfc3339} from './meta.js';
import {badRequest, failure, StatusError, unsupportedMediaType} from './status.js';
import {checkNamespaceOf, checkStrict, sendObject, warningsFor, writeOptions} from './request-options.js';
import type {HandlerContext, ResourceRequest} from './handler-context.js';

/** PATCH: JSON merge, JSON patch, strategic merge, or server-side apply (which may create). */
export async function handlePatch(context: HandlerContext, target: ResourceRequest, representation: Representation): Promise<void> {
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
	// Decoding the patched object into its Go type fails as it does on a server: the message
	// quotes the patched JSON (JSON and merge patches) or the patch as a Go map (strategic).
	let typeProblem: (() => StatusError | undefined) | undefined;
	switch (contentType) {
		case 'application/merge-patch+json': {
			patched = mergePatch(current, patch);
			typeProblem = () => patchTypeError(patchedJson(patched, touchedByMergePatch(current, patch)), decodeError(info, patched));
			break;
		}

		case 'application/json-patch+json': {
			patched = jsonPatch(current, patch);
			typeProblem = () => patchTypeError(patchedJson(patched, touchedByJsonPatch(patch)), decodeError(info, patched));
			break;
		}

		case 'application/strategic-merge-patch+json': {
			patched = strategicMergePatch(current, patch);
			typeProblem = () => patchTypeError(goPrint(patch), convertError(info, patched));
			break;
		}

		default: {
			throw unsupportedMediaType();
		}
	}

	const typeError = typeProblem();
	if (typeError) {
		throw typeError;
	}

	if (!isObject(patched) || !isObject(patched['metadata'])) {
		throw badRequest('the patch produced an object without metadata');
	}

	checkStrict(info, patched, url);
	const entry = context.registry.replace(info, existing, patched as KubeObject, options);
	sendObject(response, 200, entry, representation, context.now(), warningsFor(info, patched, url));
}

async function applyPatch(
	context: HandlerContext,
	target: ResourceRequest,
	text: string,
	options: WriteOptions,
	representation: Representation,
): Promise<void> {
	const {info, name, url, response} = target;
	const namespace = info.namespaced ? target.namespace : undefined;
	if (!url.searchParams.get('fieldManager')) {
		throw new StatusError(
			failure(400, 'BadRequest', 'PatchOptions.meta.k8s.io "" is invalid: fieldManager: Required value: is required for apply patch'),
		);
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
	checkAppliedTypes(info, `${namespace ? `${namespace}/` : ''}${name}`, object);
	const typedError = typedPatchError(info, object, unknownFields(info.name, object));
	if (typedError) {
		throw typedError;
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
	const applied = serverSideApply(existing?.object, {...object, metadata: {...object.metadata, name}}, writer, force, scope);
	const managed = encodeManaged(applied.owned);
	if (!existing) {
		const entry = context.registry.create(
			info,
			{...applied.merged, metadata: {...(applied.merged['metadata'] as object), name}} as KubeObject,
			target.namespace,
			{...options, managed},
		);
		sendObject(response, 201, entry, representation, context.now());
		return;
	}

	const entry = context.registry.replace(info, existing, applied.merged as KubeObject, {...options, managed});
	sendObject(response, 200, entry, representation, context.now());
}

// ` "" is invalid: patch: Invalid value: "…": <decode error>`: NewInvalid with neither kind nor name.
function patchTypeError(value: string, problem: string | undefined): StatusError | undefined {
	if (!problem) {
		return undefined;
	}

	const message = `Invalid value: ${JSON.stringify(value)}: ${problem}`;
	return new StatusError(
		failure(422, 'Invalid', ` "" is invalid: patch: ${message}`, {causes: [{reason: 'FieldValueInvalid', message, field: 'patch'}]}),
	);
}

// Server-side apply of values of the wrong type: the server's 500s (no reason), one line per
// value as structured-merge-diff lists them; a bad quantity fails the later conversion.
function checkAppliedTypes(info: ResourceInfo, where: string, object: KubeObject): void {
	const errors = typedPatchErrors(info, object);
	const quantity = errors.length === 0 ? appliedQuantityError(info, object) : undefined;
	if (errors.length === 0 && !quantity) {
		return;
	}

	const listed = errors.length === 1 ? errors[0] : `errors:\n  ${errors.join('\n  ')}`;
	const message =
		quantity ?? `failed to create typed patch object (${where}; ${info.group}/${info.version}, Kind=${info.kind}): ${listed!}`;
	throw new StatusError({kind: 'Status', apiVersion: 'v1', metadata: {}, status: 'Failure', message, code: 500});
}
