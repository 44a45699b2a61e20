import type {IncomingMessage, ServerResponse} from 'node:http';
import yaml from 'js-yaml';
import type {KubeObject} from '../k8s/types.js';
import type {ResourceInfo} from './resources.js';
import {apiVersionOf} from './resources.js';
import type {Entry} from './store.js';
import {objectJson} from './store.js';
import type {DeleteOptions, WriteOptions} from './registry.js';
import {integerParameter} from './list-watch.js';
import {readBody, readBytes, sendJson, type Representation} from './http-util.js';
import {decodeKubernetesProtobuf} from './protobuf.js';
import {partialMetadataJson, tableJson} from './tables.js';
import {unknownFields} from './known-fields.js';
import {decodeError} from './decode.js';
import {isObject} from './meta.js';
import {badRequest, invalid, notSupported, StatusError} from './status.js';

// What the write handlers share: reading bodies and options as the API server does, and
// answering with the representation the client asked for.

/** Answers with one object as JSON, a one-row Table or PartialObjectMetadata, with Warning headers. */
export function sendObject(
	response: ServerResponse,
	code: number,
	entry: Entry,
	representation: Representation,
	now: number,
	warnings: string[] = [],
): void {
	if (warnings.length > 0) {
		response.setHeader(
			'Warning',
			warnings.map(warning => `299 - ${JSON.stringify(warning)}`),
		);
	}

	if (representation.kind === 'table') {
		sendJson(
			response,
			code,
			tableJson(entry.resource, [entry], representation.table, now, `{"resourceVersion":"${entry.object.metadata.resourceVersion ?? ''}"}`),
		);
	} else if (representation.kind === 'metadata') {
		sendJson(response, code, partialMetadataJson(entry.object));
	} else {
		sendJson(response, code, objectJson(entry));
	}
}

/** dryRun, fieldValidation and the field manager of a write, checked as the server checks them. */
export function writeOptions(url: URL, request: IncomingMessage): WriteOptions {
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

/** The request body as an object of this resource (JSON, YAML or protobuf), kind and version checked. */
export async function readObject(request: IncomingMessage, info: ResourceInfo, url: URL): Promise<KubeObject> {
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

		throw badRequest(
			`the object provided is unrecognized (must be of type ${info.kind}): couldn't get version/kind; json parse error: ${(error as Error).message}`,
		);
	}

	if (!isObject(body)) {
		throw badRequest(
			`the object provided is unrecognized (must be of type ${info.kind}): couldn't get version/kind; json parse error: unexpected end of JSON input`,
		);
	}

	const object = body as KubeObject;
	if (object.apiVersion !== undefined && object.apiVersion !== apiVersionOf(info)) {
		throw badRequest(
			`the API version in the data (${String(object.apiVersion)}) does not match the expected API version (${apiVersionOf(info)})`,
		);
	}

	if (object.kind !== undefined && object.kind !== info.kind) {
		throw badRequest(`the kind in the data (${String(object.kind)}) does not match the expected kind (${info.kind})`);
	}

	// A field of the wrong JSON type fails decoding, before defaulting or validation.
	const typeError = decodeError(info, object);
	if (typeError) {
		throw badRequest(`${info.kind} in version "${info.version}" cannot be handled as a ${info.kind}: ${typeError}`);
	}

	object.metadata = isObject(object.metadata) ? object.metadata : {};
	checkStrict(info, object, url);
	return object;
}

/** fieldValidation=Strict (what kubectl sends by default) turns unknown fields into a 400. */
export function checkStrict(info: ResourceInfo, object: unknown, url: URL): void {
	if (url.searchParams.get('fieldValidation') !== 'Strict') {
		return;
	}

	const unknown = unknownFields(info.name, object);
	if (unknown.length > 0) {
		const detail = unknown.map(path => `unknown field "${path}"`).join(', ');
		throw badRequest(`${info.kind} in version "${info.version}" cannot be handled as a ${info.kind}: strict decoding error: ${detail}`);
	}
}

/** fieldValidation=Warn: one warning per unknown field. */
export function warningsFor(info: ResourceInfo, object: unknown, url: URL): string[] {
	if (url.searchParams.get('fieldValidation') !== 'Warn') {
		return [];
	}

	return unknownFields(info.name, object).map(path => `unknown field "${path}"`);
}

/** A body naming another namespace than the URL is a 400. */
export function checkNamespaceOf(object: KubeObject, namespace: string | undefined, info: ResourceInfo): void {
	if (info.namespaced && object.metadata.namespace && object.metadata.namespace !== namespace) {
		throw badRequest('the namespace of the provided object does not match the namespace sent on the request');
	}
}

/** DeleteOptions from the query and the body (grace period, propagation, preconditions, dryRun). */
export async function deleteOptions(request: IncomingMessage, url: URL): Promise<DeleteOptions> {
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

	const grace =
		integerParameter('gracePeriodSeconds', url.searchParams.get('gracePeriodSeconds')) ??
		(typeof body['gracePeriodSeconds'] === 'number' ? body['gracePeriodSeconds'] : undefined);
	const propagationPolicy = url.searchParams.get('propagationPolicy') ?? (body['propagationPolicy'] as string | undefined);
	const policies = ['Foreground', 'Background', 'Orphan'];
	if (propagationPolicy !== undefined && propagationPolicy !== null && !policies.includes(propagationPolicy)) {
		throw invalid('DeleteOptions', '', [notSupported('propagationPolicy', propagationPolicy, [...policies, 'nil'])], 'meta.k8s.io');
	}

	const dryRun = [...url.searchParams.getAll('dryRun'), ...(Array.isArray(body['dryRun']) ? (body['dryRun'] as string[]) : [])];
	return {
		...(grace === undefined ? {} : {gracePeriodSeconds: Math.max(0, grace)}),
		...(propagationPolicy ? {propagationPolicy} : {}),
		...(isObject(body['preconditions']) ? {preconditions: body['preconditions'] as DeleteOptions['preconditions']} : {}),
		dryRun: dryRun.includes('All'),
	};
}
