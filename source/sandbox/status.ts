import type {Status} from '../k8s/types.js';

/**
 * An API error carrying the `Status` object a real API server sends; thrown by handlers,
 * turned into the response by the router.
 */
export class StatusError extends Error {
	readonly status: Status;

	constructor(status: Status) {
		super(status.message ?? status.reason ?? 'error');
		this.status = status;
	}

	get code(): number {
		return this.status.code;
	}
}

/** A Failure Status with fields in the order a real server serializes them. */
export function failure(code: number, reason: string, message: string, details?: Status['details']): Status {
	const status: Status = {
		kind: 'Status',
		apiVersion: 'v1',
		metadata: {},
		status: 'Failure',
		message,
		reason,
		...(details ? {details} : {}),
		code,
	};
	return status;
}

/** 404 `pods "x" not found`. */
export function notFound(resource: string, name: string, group = ''): StatusError {
	return new StatusError(failure(404, 'NotFound', `${qualified(resource, group)} "${name}" not found`, details(name, resource, group)));
}

/** 409 `pods "x" already exists`. */
export function alreadyExists(resource: string, name: string, group = ''): StatusError {
	return new StatusError(
		failure(409, 'AlreadyExists', `${qualified(resource, group)} "${name}" already exists`, details(name, resource, group)),
	);
}

/** 409 for a write carrying a stale resourceVersion. */
export function conflict(
	resource: string,
	name: string,
	group = '',
	why = 'the object has been modified; please apply your changes to the latest version and try again',
): StatusError {
	return new StatusError(
		failure(
			409,
			'Conflict',
			`Operation cannot be fulfilled on ${qualified(resource, group)} "${name}": ${why}`,
			details(name, resource, group),
		),
	);
}

/** One field error of a 422, as apimachinery's field.Error prints it. */
export interface FieldError {
	type:
		| 'FieldValueInvalid'
		| 'FieldValueRequired'
		| 'FieldValueNotSupported'
		| 'FieldValueDuplicate'
		| 'FieldValueForbidden'
		| 'FieldValueTooLong';
	field: string;
	/** Already rendered detail, e.g. `Invalid value: "x": must be ...` or `Required value`. */
	message: string;
}

/** A `Invalid value: "bad_name": <detail>` field error (value rendered like Go's %#v for strings, %d for numbers). */
export function invalidValue(field: string, value: unknown, detail: string): FieldError {
	return {type: 'FieldValueInvalid', field, message: `Invalid value: ${renderValue(value)}: ${detail}`};
}

/** A `Required value` field error. */
export function requiredValue(field: string, detail?: string): FieldError {
	return {type: 'FieldValueRequired', field, message: detail ? `Required value: ${detail}` : 'Required value'};
}

/** A `Unsupported value: "x": supported values: "a", "b"` field error. */
export function notSupported(field: string, value: unknown, supported: string[]): FieldError {
	return {
		type: 'FieldValueNotSupported',
		field,
		message: `Unsupported value: ${renderValue(value)}: supported values: ${supported.map(s => JSON.stringify(s)).join(', ')}`,
	};
}

/** A `Duplicate value: ...` field error. */
export function duplicateValue(field: string, value: unknown): FieldError {
	return {type: 'FieldValueDuplicate', field, message: `Duplicate value: ${renderValue(value)}`};
}

/** A `Forbidden: ...` field error. */
export function forbiddenField(field: string, detail: string): FieldError {
	return {type: 'FieldValueForbidden', field, message: `Forbidden: ${detail}`};
}

/** 422 `Pod "x" is invalid: ...` with one cause per field error. */
export function invalid(kind: string, name: string, errors: FieldError[], group = ''): StatusError {
	// ErrorList.ToAggregate: the message lists each distinct error once; causes keep them all.
	const rendered = [...new Set(errors.map(error => `${error.field}: ${error.message}`))];
	const summary = rendered.length === 1 ? rendered[0] : `[${rendered.join(', ')}]`;
	const qualifiedKind = group ? `${kind}.${group}` : kind;
	return new StatusError(
		failure(422, 'Invalid', `${qualifiedKind} "${name}" is invalid: ${summary}`, {
			name,
			...(group ? {group} : {}),
			kind,
			causes: errors.map(error => ({reason: error.type, message: error.message, field: error.field})),
		}),
	);
}

/** 400 BadRequest with a free message. */
export function badRequest(message: string): StatusError {
	return new StatusError(failure(400, 'BadRequest', message));
}

/** 405 MethodNotAllowed, as a server answers a verb a resource does not support. */
export function methodNotAllowed(): StatusError {
	return new StatusError(failure(405, 'MethodNotAllowed', 'the server does not allow this method on the requested resource', {}));
}

/** 404 for a path no resource serves (the server's generic message). */
export function pathNotFound(): StatusError {
	return new StatusError(failure(404, 'NotFound', 'the server could not find the requested resource', {}));
}

/** 401 as kube-apiserver answers a request without valid credentials. */
export function unauthorized(): StatusError {
	return new StatusError(failure(401, 'Unauthorized', 'Unauthorized'));
}

/** 403 with the RBAC wording: `pods is forbidden: User "x" cannot list resource "pods" in API group "" in the namespace "y"`. */
export function forbidden(
	user: string,
	verb: string,
	resource: string,
	group: string,
	namespace: string | undefined,
	name?: string,
): StatusError {
	const where = namespace ? ` in the namespace "${namespace}"` : ' at the cluster scope';
	const subject = name ? `${qualified(resource, group)} "${name}"` : qualified(resource, group);
	return new StatusError(
		failure(
			403,
			'Forbidden',
			`${subject} is forbidden: User "${user}" cannot ${verb} resource "${resource}" in API group "${group}"${where}`,
			{
				...(name ? {name} : {}),
				...(group ? {group} : {}),
				kind: resource,
			},
		),
	);
}

/** 410 Expired, sent inside a watch stream when the requested resourceVersion is too old. */
export function expired(message: string): Status {
	return failure(410, 'Expired', message);
}

/** 415 for a patch content type the server does not know. */
export function unsupportedMediaType(): StatusError {
	return new StatusError(
		failure(
			415,
			'UnsupportedMediaType',
			`the body of the request was in an unknown format - accepted media types include: application/json-patch+json, application/merge-patch+json, application/apply-patch+yaml, application/strategic-merge-patch+json`,
		),
	);
}

/** 406 when the client only accepts representations the server cannot produce. */
export function notAcceptable(): StatusError {
	return new StatusError(
		failure(
			406,
			'NotAcceptable',
			'only the following media types are accepted: application/json, application/yaml, application/vnd.kubernetes.protobuf',
		),
	);
}

/** 500 for a bug in the sandbox itself: the message says so. */
export function internalError(message: string): StatusError {
	return new StatusError(failure(500, 'InternalError', `Internal error occurred: ${message}`, {causes: [{message}]}));
}

/** A Success Status (what DELETE of a collection or some subresources answer). */
export function success(details?: Status['details']): Status {
	return {kind: 'Status', apiVersion: 'v1', metadata: {}, status: 'Success', ...(details ? {details} : {}), code: 200};
}

function qualified(resource: string, group: string): string {
	return group ? `${resource}.${group}` : resource;
}

function details(name: string, resource: string, group: string): Status['details'] {
	return {name, ...(group ? {group} : {}), kind: resource};
}

// Go prints string values with %q (JSON-like quoting) and numbers bare.
function renderValue(value: unknown): string {
	if (typeof value === 'string') {
		return JSON.stringify(value);
	}

	if (typeof value === 'number' || typeof value === 'boolean') {
		return String(value);
	}

	if (value === null || value === undefined) {
		return 'null';
	}

	// Go's %#v of a []string, as allocator errors print the requested IPs.
	if (Array.isArray(value) && value.every(item => typeof item === 'string')) {
		return `[]string{${value.map(item => JSON.stringify(item)).join(', ')}}`;
	}

	return JSON.stringify(value);
}
