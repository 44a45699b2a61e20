import type {IncomingMessage, ServerResponse} from 'node:http';
import type {Status} from '../k8s/types.js';
import {StatusError, failure} from './status.js';
import type {IncludeObject, TableRequest} from './tables.js';

// The API server refuses request bodies over 3 MiB.
const maxBody = 3 * 1024 * 1024;

/** The request body as text; 413 when larger than the API server allows. */
export async function readBody(request: IncomingMessage): Promise<string> {
	return (await readBytes(request)).toString('utf8');
}

/** The request body as bytes; 413 when larger than the API server allows. */
export async function readBytes(request: IncomingMessage): Promise<Buffer> {
	const chunks: Buffer[] = [];
	let size = 0;
	for await (const chunk of request) {
		const buffer = chunk as Buffer;
		size += buffer.length;
		if (size > maxBody) {
			throw new StatusError(failure(413, 'RequestEntityTooLarge', 'Request entity too large: limit is 3145728'));
		}

		chunks.push(buffer);
	}

	return Buffer.concat(chunks);
}

/** Writes a JSON body with the API server's content type. */
export function sendJson(response: ServerResponse, code: number, json: string, contentType = 'application/json'): void {
	response.writeHead(code, {
		'Content-Type': contentType,
		'Content-Length': Buffer.byteLength(json),
		'Cache-Control': 'no-cache, private',
	});
	response.end(json);
}

/** Writes a Status object with its code. */
export function sendStatus(response: ServerResponse, status: Status): void {
	sendJson(response, status.code, JSON.stringify(status));
}

/** What representation the client's Accept header asks for. */
export type Representation =
	| {kind: 'object'}
	| {kind: 'protobuf'}
	| {kind: 'table'; table: TableRequest}
	| {kind: 'metadata'; apiVersion: string};

/** The Kubernetes protobuf encoding's media type (`;stream=watch` for a watch). */
export const protobufMediaType = 'application/vnd.kubernetes.protobuf';

/** Writes a protobuf body. */
export function sendProtobuf(response: ServerResponse, code: number, body: Buffer): void {
	response.writeHead(code, {'Content-Type': protobufMediaType, 'Content-Length': body.length, 'Cache-Control': 'no-cache, private'});
	response.end(body);
}

/**
 * Reads the Accept header as the API server's negotiation does: the first acceptable entry
 * wins; `as=Table` (meta.k8s.io v1 or v1beta1) asks for a server-side Table,
 * `as=PartialObjectMetadata[List]` for metadata only; protobuf (lists and watches) where
 * `protobufAllowed` (the kinds the sandbox encodes), else the next acceptable entry.
 */
export function negotiate(
	accept: string | undefined,
	include: string | null,
	tableAllowed: boolean,
	protobufAllowed = false,
): Representation {
	if (!accept) {
		return {kind: 'object'};
	}

	let sawUnacceptable = false;
	for (const part of accept.split(',')) {
		const [typeText, ...parameterTexts] = part.split(';').map(piece => piece.trim());
		const mediaType = (typeText ?? '').toLowerCase();
		const parameters = new Map(
			parameterTexts.map(text => {
				const [key, value] = text.split('=');
				return [(key ?? '').trim(), (value ?? '').trim()] as const;
			}),
		);
		if (mediaType === protobufMediaType && protobufAllowed && !parameters.has('as')) {
			return {kind: 'protobuf'};
		}

		if (mediaType !== 'application/json' && mediaType !== '*/*' && mediaType !== 'application/*') {
			sawUnacceptable = true;
			continue;
		}

		const as = parameters.get('as');
		if (!as) {
			return {kind: 'object'};
		}

		const group = parameters.get('g');
		const version = parameters.get('v');
		if (group !== 'meta.k8s.io' || (version !== 'v1' && version !== 'v1beta1')) {
			continue;
		}

		if (as === 'Table' && tableAllowed) {
			return {kind: 'table', table: {apiVersion: `meta.k8s.io/${version}`, include: includeOf(include)}};
		}

		if (as === 'PartialObjectMetadata' || as === 'PartialObjectMetadataList') {
			return {kind: 'metadata', apiVersion: `meta.k8s.io/${version}`};
		}
	}

	if (sawUnacceptable) {
		throw new StatusError(
			failure(
				406,
				'NotAcceptable',
				'only the following media types are accepted: application/json, application/yaml, application/vnd.kubernetes.protobuf, application/json;stream=watch, application/vnd.kubernetes.protobuf;stream=watch',
			),
		);
	}

	return {kind: 'object'};
}

function includeOf(value: string | null): IncludeObject {
	if (value === 'None' || value === 'Object') {
		return value;
	}

	return 'Metadata';
}
