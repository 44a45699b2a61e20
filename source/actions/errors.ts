// Turns what client-node throws into the line kubectl prints for the same failure
// (kubectl's cmdutil StandardErrorMessage and CheckErr; apimachinery's generic responses).
import type {Status} from '../k8s/types.js';

/** The parts of a Status kpods needs; a body that is not a Status gets a generic one. */
export interface ServerError {
	code: number;
	reason?: string;
	message: string;
	details?: Status['details'];
}

/**
 * The HTTP code of an API error (client-node's ApiException), or undefined for anything
 * else; duck-typed so that two copies of client-node in a bundle still match.
 */
export function apiErrorCode(error: unknown): number | undefined {
	if (typeof error !== 'object' || error === null) {
		return undefined;
	}
	const code = (error as {code?: unknown}).code;
	return typeof code === 'number' && 'body' in error ? code : undefined;
}

/** The server's Status behind an API error, or the generic one a Go client would make up from the code. */
export function serverError(error: unknown): ServerError | undefined {
	const code = apiErrorCode(error);
	if (code === undefined) {
		return undefined;
	}
	const body = (error as {body?: unknown}).body;
	const status = asStatus(body);
	if (status?.message !== undefined) {
		return {code, reason: status.reason || undefined, message: status.message, details: status.details};
	}
	return genericServerError(code, typeof body === 'string' ? body.trim() : '');
}

function asStatus(body: unknown): Partial<Status> | undefined {
	let value = body;
	if (typeof body === 'string') {
		try {
			value = JSON.parse(body);
		} catch {
			return undefined;
		}
	}
	if (typeof value !== 'object' || value === null) {
		return undefined;
	}
	const status = value as Partial<Status>;
	return status.kind === 'Status' || typeof status.message === 'string' ? status : undefined;
}

// apimachinery's NewGenericServerResponse: what a Go client says when the body is no Status.
function genericServerError(code: number, body: string): ServerError {
	const generic: Record<number, [string, string]> = {
		400: ['BadRequest', 'the server rejected our request for an unknown reason'],
		401: ['Unauthorized', 'the server has asked for the client to provide credentials'],
		403: ['Forbidden', body],
		404: ['NotFound', 'the server could not find the requested resource'],
		405: ['MethodNotAllowed', 'the server does not allow this method on the requested resource'],
		409: ['Conflict', 'the server reported a conflict'],
		422: ['Invalid', 'the server rejected our request due to an error in our request'],
		429: ['TooManyRequests', 'the server has received too many requests and has asked us to try again later'],
		504: ['Timeout', 'the server was unable to return a response in the time allotted, but may still be processing the request'],
	};
	const known = generic[code];
	if (known) {
		return {code, reason: known[0], message: known[1]};
	}
	if (code >= 500) {
		return {
			code,
			reason: 'InternalError',
			message: `an error on the server (${JSON.stringify(body)}) has prevented the request from succeeding`,
		};
	}
	return {code, message: `the server responded with the status code ${code} but did not return more information`};
}

/**
 * The one line kubectl prints for an error of one object among several (as `kubectl apply`
 * does for each failed object).
 *
 * @example kubectlErrorLine(notFound) === 'Error from server (NotFound): pods "x" not found'
 */
export function kubectlErrorLine(error: unknown): string {
	const server = serverError(error);
	if (server) {
		if (server.reason === 'Unauthorized') {
			return `error: You must be logged in to the server (${server.message})`;
		}
		return server.reason ? `Error from server (${server.reason}): ${server.message}` : `Error from server: ${server.message}`;
	}
	const network = networkReason(error);
	if (network !== undefined) {
		return `Unable to connect to the server: ${network}`;
	}
	const message = error instanceof Error ? error.message : String(error);
	// client-node prefixes discovery failures with words that mean nothing to a learner.
	return `error: ${firstLine(message.replace(/^Failed to fetch resource metadata for \S+: /, ''))}`;
}

/**
 * The lines kubectl prints when a single command fails: like kubectlErrorLine, except an
 * Invalid object, which kubectl spells out cause by cause ('The Pod "x" is invalid: …').
 */
export function kubectlCommandError(error: unknown): string[] {
	const server = serverError(error);
	if (server?.reason !== 'Invalid' || !server.details) {
		return [kubectlErrorLine(error)];
	}
	return kubectlInvalidLines(server.details.kind, server.details.name, server.details.causes ?? []);
}

/** How kubectl spells out an Invalid object: one cause on the line, several as a list. */
export function kubectlInvalidLines(
	kind: string | undefined,
	name: string | undefined,
	causes: Array<{field?: string; message?: string}>,
): string[] {
	const prefix = kind || name ? `The ${kind ?? ''} ${JSON.stringify(name ?? '')} is invalid` : 'The request is invalid';
	const lines = causes.map(cause => (cause.field ? `${cause.field}: ${cause.message ?? ''}` : (cause.message ?? '')));
	if (lines.length === 0) {
		return [prefix];
	}
	if (lines.length === 1) {
		return [`${prefix}: ${lines[0]}`];
	}
	return [`${prefix}: `, ...lines.map(line => `* ${line}`)];
}

/**
 * node-fetch's FetchError reads 'request to https://… failed, reason: connect ECONNREFUSED
 * 127.0.0.1:1234' (client-node may prefix it); the reason is what a learner needs.
 */
function networkReason(error: unknown): string | undefined {
	if (!(error instanceof Error)) {
		return undefined;
	}
	const systemError =
		error.name === 'FetchError' ||
		typeof (error as {errno?: unknown}).errno !== 'undefined' ||
		/^E[A-Z]+$/.test(String((error as {code?: unknown}).code ?? ''));
	const reason = /failed, reason: (.*)$/m.exec(error.message)?.[1];
	if (reason !== undefined) {
		return reason;
	}
	return systemError ? firstLine(error.message) : undefined;
}

function firstLine(text: string): string {
	return text.split('\n')[0]!.trim();
}
