// Runs a scenario against one server, in a namespace of its own, and records its answers
// masked; compares two recordings step by step, with the known version differences applied.
import {randomBytes} from 'node:crypto';
import {isDeepStrictEqual} from 'node:util';
import type {Answer, Scenario, Step, Transcript} from './types.js';
import type {RawAnswer, Target} from './target.js';
import {minorOf} from './target.js';
import {mask, pick} from './mask.js';
import {differencesBetween} from './versions.js';

/** A scenario's run: its masked transcript, and the namespace it used (already being removed). */
export interface Run {
	transcript: Transcript;
	namespace: string;
}

function substitute(text: string, values: Record<string, string>): string {
	return text.replace(/\{([A-Za-z][\w-]*)\}/g, (whole, name: string) => values[name] ?? whole);
}

function substituteDeep(value: unknown, values: Record<string, string>): unknown {
	if (typeof value === 'string') {
		return substitute(value, values);
	}

	if (Array.isArray(value)) {
		return value.map(item => substituteDeep(item, values));
	}

	if (value !== null && typeof value === 'object') {
		return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, substituteDeep(item, values)]));
	}

	return value;
}

function parse(text: string): unknown {
	try {
		return JSON.parse(text) as unknown;
	} catch {
		return text;
	}
}

/** `METHOD path` of a step, as reports name it. */
export function stepName(step: Step): string {
	return step.name ?? `${step.method ?? 'GET'} ${step.path}${step.query ? `?${new URLSearchParams(step.query).toString()}` : ''}`;
}

async function answer(target: Target, step: Step, values: Record<string, string>): Promise<RawAnswer> {
	const query = step.query
		? `?${new URLSearchParams(Object.entries(step.query).map(([key, value]): [string, string] => [key, substitute(value, values)])).toString()}`
		: '';
	const body =
		step.body === undefined
			? undefined
			: typeof step.body === 'string'
				? substitute(step.body, values)
				: JSON.stringify(substituteDeep(step.body, values));
	const raw = {
		method: step.method ?? 'GET',
		path: substitute(step.path, values) + query,
		body,
		contentType: step.contentType,
		accept: step.accept,
	};
	if (step.watch) {
		return target.watch(raw, step.watch.events ?? Number.POSITIVE_INFINITY, step.watch.timeoutMs ?? 5000);
	}

	if (!step.until) {
		return target.send(raw);
	}

	const {until} = step;
	const deadline = Date.now() + (until.timeoutMs ?? 20_000);
	for (;;) {
		const reply = await target.send(raw);
		const body = parse(reply.text);
		const codeOk = until.code === undefined || reply.code === until.code;
		const valueOk =
			until.path === undefined ||
			(until.absent ? pick(body, until.path) === undefined : isDeepStrictEqual(pick(body, until.path), until.equals));
		if ((codeOk && valueOk) || Date.now() > deadline) {
			return reply;
		}

		await new Promise(resolve => setTimeout(resolve, 100));
	}
}

async function servesServiceAccounts(target: Target): Promise<boolean> {
	const reply = await target.send({method: 'GET', path: '/api/v1'});
	return (
		reply.code === 200 &&
		(parse(reply.text) as {resources?: Array<{name: string}>}).resources?.some(resource => resource.name === 'serviceaccounts') === true
	);
}

/** Makes `conf-ID-xxxx`, waiting (where served) for its default service account, which pods need. */
async function makeNamespace(target: Target, scenario: Scenario): Promise<string> {
	const namespace = `${`conf-${scenario.id}`.slice(0, 56).replace(/-+$/, '')}-${randomBytes(2).toString('hex')}`;
	const created = await target.send({
		method: 'POST',
		path: '/api/v1/namespaces',
		body: JSON.stringify({apiVersion: 'v1', kind: 'Namespace', metadata: {name: namespace}}),
	});
	if (created.code !== 201) {
		throw new Error(`creating namespace ${namespace}: ${created.code} ${created.text}`);
	}

	if (await servesServiceAccounts(target)) {
		// Before v1.24 a pod also needs the account's token secret, which the token controller adds.
		const needsSecret = minorOf(target.version) < 24;
		const deadline = Date.now() + 30_000;
		for (;;) {
			const reply = await target.send({method: 'GET', path: `/api/v1/namespaces/${namespace}/serviceaccounts/default`});
			const ready = reply.code === 200 && (!needsSecret || ((parse(reply.text) as {secrets?: unknown[]}).secrets ?? []).length > 0);
			if (ready || Date.now() > deadline) {
				break;
			}

			await new Promise(resolve => setTimeout(resolve, 100));
		}
	}

	return namespace;
}

/** Runs every step of a scenario in a fresh namespace; the namespace is deleted afterwards (not awaited to the end). */
export async function runScenario(target: Target, scenario: Scenario): Promise<Run> {
	const namespace = await makeNamespace(target, scenario);
	const values: Record<string, string> = {ns: namespace};
	const answers: Answer[] = [];
	try {
		for (const step of scenario.steps) {
			const reply = await answer(target, step, values);
			const raw = step.watch ? (reply.lines ?? []).map(line => parse(line)) : parse(reply.text);
			const saved: Record<string, string> = {};
			for (const [name, path] of Object.entries(step.save ?? {})) {
				const value = pick(raw, path);
				if (value !== undefined) {
					saved[name] = String(value);
					values[name] = String(value);
				}
			}

			answers.push({
				step: stepName(step),
				code: reply.code,
				body: mask(raw, {namespace}),
				...(Object.keys(saved).length > 0 ? {saved} : {}),
			});
		}
	} finally {
		await target.send({method: 'DELETE', path: `/api/v1/namespaces/${namespace}`}).catch(() => undefined);
	}

	return {transcript: {scenario: scenario.id, server: target.version, answers}, namespace};
}

function isStatus(body: unknown): boolean {
	return (body as {kind?: string} | null)?.kind === 'Status';
}

function deletePath(value: unknown, path: string[]): void {
	if (value === null || typeof value !== 'object') {
		return;
	}

	const [head, ...rest] = path;
	if (head === undefined) {
		return;
	}

	if (head === '*') {
		for (const item of Object.values(value)) {
			deletePath(item, rest);
		}

		return;
	}

	if (rest.length === 0) {
		delete (value as Record<string, unknown>)[head];
		return;
	}

	deletePath((value as Record<string, unknown>)[head], rest);
}

// The objects an answer carries: itself, a list's items, a watch's event objects.
function objectsOf(body: unknown): unknown[] {
	if (Array.isArray(body)) {
		return body.flatMap(event => objectsOf((event as {object?: unknown}).object));
	}

	const items = (body as {items?: unknown} | null)?.items;
	return Array.isArray(items) ? [body, ...items] : [body];
}

function comparable(answer: Answer, step: Step, ignore: string[]): unknown {
	const body = structuredClone(answer.body);
	for (const path of ignore) {
		for (const object of objectsOf(body)) {
			deletePath(object, path.split('.'));
		}
	}

	const compare = step.compare ?? 'all';
	if (compare === 'code') {
		return undefined;
	}

	if (compare === 'status') {
		if (!isStatus(body)) {
			return {kind: (body as {kind?: string} | null)?.kind};
		}

		const status = body as Record<string, unknown>;
		const compared = {reason: status['reason'], message: status['message'], details: status['details']};
		return step.unorderedErrors ? errorsAsSets(compared) : compared;
	}

	if (compare === 'all') {
		return body;
	}

	return Object.fromEntries(compare.map(path => [path, pick(body, path)]));
}

/**
 * A Status with `Kind "name" is invalid: [field: detail, …]`'s items sorted, and its causes
 * sorted: the same set of errors in any order compares equal.
 */
export function errorsAsSets<S extends {message?: unknown; details?: unknown}>(status: S): S {
	const message =
		typeof status.message === 'string'
			? status.message.replace(
					/\[(.*)\]$/,
					(_, list: string) =>
						`[${list
							.split(/, (?=[a-zA-Z][\w.[\]]*: )/)
							.sort()
							.join(', ')}]`,
				)
			: status.message;
	const details = status.details as {causes?: unknown[]} | undefined;
	const causes = details?.causes
		?.map(cause => JSON.stringify(cause))
		.sort()
		.map(cause => JSON.parse(cause) as unknown);
	return {...status, message, details: causes ? {...details, causes} : details};
}

/** Where two values differ, as `path: expected … actual …` lines (at most `limit`). */
export function differences(expected: unknown, actual: unknown, path = '', limit = 12): string[] {
	const found: string[] = [];
	const walk = (left: unknown, right: unknown, at: string): void => {
		if (found.length >= limit || isDeepStrictEqual(left, right)) {
			return;
		}

		const bothObjects =
			left !== null &&
			right !== null &&
			typeof left === 'object' &&
			typeof right === 'object' &&
			Array.isArray(left) === Array.isArray(right);
		if (!bothObjects) {
			found.push(`${at || '(body)'}: expected ${JSON.stringify(left)} got ${JSON.stringify(right)}`);
			return;
		}

		const keys = new Set([...Object.keys(left), ...Object.keys(right)]);
		for (const key of keys) {
			walk((left as Record<string, unknown>)[key], (right as Record<string, unknown>)[key], at ? `${at}.${key}` : key);
		}
	};

	walk(expected, actual, path);
	return found;
}

/**
 * How `actual` differs from `expected` (the real server's answers), step by step, after the
 * version differences between their servers are applied; empty when they agree.
 */
export function compareTranscripts(scenario: Scenario, expected: Transcript, actual: Transcript): string[] {
	const applicable = differencesBetween(expected.server, actual.server, scenario.id);
	const ignore = applicable.flatMap(difference => difference.ignore ?? []);
	const expectedIsOlder = minorOf(expected.server) < minorOf(actual.server);
	const upgrade = (answer: Answer): Answer => applicable.reduce((current, difference) => difference.upgrade?.(current) ?? current, answer);
	const report: string[] = [];
	scenario.steps.forEach((step, index) => {
		let left = expected.answers[index];
		let right = actual.answers[index];
		if (!left || !right) {
			report.push(`step ${index + 1} ${stepName(step)}: ${left ? 'no answer from the server under test' : 'no recorded answer'}`);
			return;
		}

		if (expectedIsOlder) {
			left = upgrade(left);
		} else if (minorOf(actual.server) < minorOf(expected.server)) {
			right = upgrade(right);
		}

		const lines: string[] = [];
		if (left.code !== right.code) {
			lines.push(`code: expected ${left.code} got ${right.code}`);
		}

		lines.push(...differences(comparable(left, step, ignore), comparable(right, step, ignore)));
		if (lines.length > 0) {
			report.push(`step ${index + 1} ${stepName(step)}:\n    ${lines.join('\n    ')}`);
		}
	});
	return report;
}

/** Codes the scenario itself says both servers answer (`expect`), checked on one transcript. */
export function unexpectedCodes(scenario: Scenario, transcript: Transcript): string[] {
	return scenario.steps.flatMap((step, index) => {
		const code = transcript.answers[index]?.code;
		return step.expect !== undefined && code !== step.expect
			? [
					`step ${index + 1} ${stepName(step)}: expected code ${step.expect}, got ${code}: ${JSON.stringify(transcript.answers[index]?.body).slice(0, 300)}`,
				]
			: [];
	});
}
