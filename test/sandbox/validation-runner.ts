// Runs the cases of validation-cases.ts against one server (the sandbox or a real one) and
// turns answers into what is compared: code, and a Status's reason, message and causes, or
// the chosen paths of an object; names that legitimately vary are masked.
import {existsSync, readFileSync, writeFileSync} from 'node:fs';
import type {Case, CaseRequest} from './validation-cases.js';

/** Sends one raw request to the server under test. */
export type Send = (
	method: string,
	path: string,
	body: string | undefined,
	contentType: string | undefined,
) => Promise<{code: number; text: string}>;

/** The comparable part of an answer. */
export interface Summary {
	code: number;
	reason?: string;
	message?: string;
	details?: unknown;
	object?: Record<string, unknown>;
}

const uuid = /[\da-f]{8}-[\da-f]{4}-[\da-f]{4}-[\da-f]{4}-[\da-f]{12}/g;

function maskDeep(value: unknown, namespace: string): unknown {
	if (typeof value === 'string') {
		return value
			.split(namespace)
			.join('{ns}')
			.replace(uuid, '<uid>')
			.replace(/\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z/g, '<time>')
			.replace(/\b(?:\d{1,3}\.){3}\d{1,3}\b/g, '<ip>')
			.replace(/(resourceVersion\\":\\")\d+/g, '$1<rv>')
			.replace(/(nodePort\\":)\d+/g, '$1<nodePort>')
			.replace(/\b(default-token|kube-api-access)-[a-z\d]{5}\b/g, '$1-<x>');
	}

	if (Array.isArray(value)) {
		return value.map(item => maskDeep(item, namespace));
	}

	if (value !== null && typeof value === 'object') {
		return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, maskDeep(item, namespace)]));
	}

	return value;
}

function pick(value: unknown, path: string): unknown {
	let node = value;
	for (const part of path.split('.')) {
		node = node !== null && typeof node === 'object' ? (node as Record<string, unknown>)[part] : undefined;
	}

	return node;
}

async function send(target: Send, request: CaseRequest, namespace: string, previous: unknown): Promise<{code: number; body: any}> {
	const body = request.build ? request.build(previous) : request.body;
	const deadline = Date.now() + 30_000;
	let reply = await target(
		request.method,
		request.path.replaceAll('{ns}', namespace),
		body === undefined ? undefined : JSON.stringify(body),
		request.contentType,
	);
	// A new namespace's service-account token may not exist yet (a real server's ServerTimeout: retry).
	while (reply.code === 500 && reply.text.includes('ServerTimeout') && Date.now() < deadline) {
		await new Promise(resolve => setTimeout(resolve, 200));
		reply = await target(
			request.method,
			request.path.replaceAll('{ns}', namespace),
			body === undefined ? undefined : JSON.stringify(body),
			request.contentType,
		);
	}

	let parsed: unknown;
	try {
		parsed = JSON.parse(reply.text);
	} catch {
		parsed = reply.text;
	}

	return {code: reply.code, body: parsed};
}

/** Runs a case's set-up and request in `namespace`; the request's answer, summarized and masked. */
export async function runCase(target: Send, testCase: Case, namespace: string): Promise<Summary> {
	let previous: unknown;
	for (const step of testCase.setup ?? []) {
		const answer = await send(target, step, namespace, previous);
		if (answer.code >= 300) {
			throw new Error(`${testCase.id}: set-up ${step.method} ${step.path} answered ${answer.code}: ${JSON.stringify(answer.body)}`);
		}

		previous = answer.body;
	}

	const {code, body} = await send(target, testCase.request, namespace, previous);
	if (body?.kind === 'Status') {
		return JSON.parse(
			JSON.stringify(maskDeep({code, reason: body.reason, message: body.message, details: body.details}, namespace)),
		) as Summary;
	}

	const object = Object.fromEntries((testCase.compare ?? []).map(path => [path, pick(body, path)]));
	return JSON.parse(JSON.stringify(maskDeep({code, object}, namespace))) as Summary;
}

/** What a v1.32 server answers, from the recorded v1.20 answer and the case's known differences. */
export function expectedFor(testCase: Case, recorded: Summary): Summary {
	const newer = testCase.v132;
	if (!newer) {
		return recorded;
	}

	const swap = (text: string): string => (newer.replace ?? []).reduce((result, [from, to]) => result.split(from).join(to), text);
	const recordedDetails = recorded.details as {causes?: Array<{reason: string; message: string; field: string}>} | undefined;
	const causes = newer.causes ?? recordedDetails?.causes?.map(cause => ({...cause, message: swap(cause.message)}));
	const expected: Summary = {...recorded, code: newer.code ?? recorded.code};
	if (newer.reason) {
		expected.reason = newer.reason;
	}

	if (newer.message !== undefined || recorded.message !== undefined) {
		expected.message = newer.message ?? swap(recorded.message ?? '');
	}

	if (newer.details !== undefined) {
		expected.details = newer.details;
	} else if (recorded.details !== undefined) {
		expected.details = {...(recorded.details as object), ...(causes ? {causes} : {})};
	}

	if (expected.code >= 400) {
		delete expected.object;
	}

	return expected;
}

const fixture = new URL('../fixtures/lab-validation.json', import.meta.url);

/** The recorded real-server answers, by case id. */
export function recordedAnswers(): {server: string; answers: Record<string, Summary>} {
	return existsSync(fixture)
		? (JSON.parse(readFileSync(fixture, 'utf8')) as {server: string; answers: Record<string, Summary>})
		: {server: 'none', answers: {}};
}

/** Writes the real server's answers as the fixture CI compares the sandbox with. */
export function recordAnswers(server: string, answers: Record<string, Summary>): void {
	writeFileSync(fixture, `${JSON.stringify({server, answers}, null, '\t')}\n`);
}
