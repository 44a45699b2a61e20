// Shared set-up for the sandbox tests: a fast sandbox, a fetch wrapper with the token,
// a watch-stream reader, polling without fixed sleeps, and the reference responses.
import {readFileSync} from 'node:fs';
import {PassThrough} from 'node:stream';
import {startSandbox, type Sandbox, type SandboxOptions} from '../../source/sandbox/index.js';
import {waitFor} from '../wait-for.js';

export {waitFor};

/** Fast control plane for tests: a pod is Running within a few tens of milliseconds. */
export const fastTiming = {scheduleMs: 5, pullMs: 10, startMs: 5, killMs: 20, bookmarkMs: 50, freshWaitMs: 300};

/** A sandbox with the fast timing (and any other option). */
export async function fastSandbox(options: SandboxOptions = {}): Promise<Sandbox> {
	return startSandbox({...options, timing: {...fastTiming, ...options.timing}});
}

/** The parsed body and code of one request. */
export interface Reply {
	code: number;
	text: string;
	body: any;
	headers: Headers;
}

/** fetch with the sandbox token; JSON bodies are sent as JSON unless a content type is given. */
export async function api(
	sandbox: Sandbox,
	path: string,
	init: {method?: string; body?: unknown; contentType?: string; accept?: string; token?: string} = {},
): Promise<Reply> {
	const headers: Record<string, string> = {authorization: `Bearer ${init.token ?? sandbox.token}`};
	if (init.accept) {
		headers['accept'] = init.accept;
	}

	let body: string | undefined;
	if (init.body !== undefined) {
		body = typeof init.body === 'string' ? init.body : JSON.stringify(init.body);
		headers['content-type'] = init.contentType ?? 'application/json';
	}

	const response = await fetch(`${sandbox.url}${path}`, {method: init.method ?? 'GET', headers, body});
	const text = await response.text();
	let parsed: unknown;
	try {
		parsed = JSON.parse(text);
	} catch {
		parsed = undefined;
	}

	return {code: response.status, text, body: parsed, headers: response.headers};
}

/** A watch event as it arrives on the wire. */
export interface WatchLine {
	type: string;
	object: any;
}

/** An open watch: events collected as they arrive; `until` waits for a condition on them. */
export interface OpenWatch {
	events: WatchLine[];
	code: number;
	/** Resolves when the server ends the stream. */
	ended: Promise<void>;
	until(condition: (events: WatchLine[]) => boolean, timeoutMs?: number): Promise<WatchLine[]>;
	close(): void;
}

/** Opens a watch over fetch and reads newline-delimited events in the background. */
export async function openWatch(sandbox: Sandbox, path: string, accept?: string): Promise<OpenWatch> {
	const controller = new AbortController();
	const headers: Record<string, string> = {authorization: `Bearer ${sandbox.token}`};
	if (accept) {
		headers['accept'] = accept;
	}

	const response = await fetch(`${sandbox.url}${path}`, {headers, signal: controller.signal});
	const events: WatchLine[] = [];
	const reader = response.body!.getReader();
	const decoder = new TextDecoder();
	const ended = (async () => {
		let buffer = '';
		try {
			for (;;) {
				const {done, value} = await reader.read();
				if (done) {
					return;
				}

				buffer += decoder.decode(value, {stream: true});
				let newline = buffer.indexOf('\n');
				while (newline >= 0) {
					const line = buffer.slice(0, newline);
					buffer = buffer.slice(newline + 1);
					if (line.trim() !== '') {
						events.push(JSON.parse(line) as WatchLine);
					}

					newline = buffer.indexOf('\n');
				}
			}
		} catch {
			// Aborted by close().
		}
	})();
	return {
		events,
		code: response.status,
		ended,
		until: async (condition, timeoutMs = 5000) =>
			waitFor(() => {
				if (!condition(events)) {
					throw new Error(
						`watch condition not met; events so far: ${events.map(event => `${event.type} ${event.object?.metadata?.name ?? ''}`).join(', ')}`,
					);
				}

				return events;
			}, timeoutMs),
		close: () => controller.abort(),
	};
}

/** A reference response of a real API server (copied into test/sandbox/reference/): the body (parsed) and the HTTP code. */
export function reference(file: string): {body: any; code: number; raw: string} {
	const text = readFileSync(new URL(`reference/${file}`, import.meta.url), 'utf8');
	const lines = text.split('\n').filter(line => !line.startsWith('#'));
	const codeLine = lines.findIndex(line => /^HTTP \d+/.test(line));
	const raw = lines.slice(0, codeLine).join('\n').trim();
	return {body: JSON.parse(raw), code: Number(lines[codeLine]!.slice(5)), raw};
}

/** A minimal pod manifest. */
export function podManifest(
	name: string,
	extra: {labels?: Record<string, string>; image?: string; ports?: Array<Record<string, unknown>>} = {},
): Record<string, unknown> {
	return {
		apiVersion: 'v1',
		kind: 'Pod',
		metadata: {name, ...(extra.labels ? {labels: extra.labels} : {})},
		spec: {containers: [{name: 'main', image: extra.image ?? 'nginx', ...(extra.ports ? {ports: extra.ports} : {})}]},
	};
}

/** A minimal service manifest. */
export function serviceManifest(name: string, spec: Record<string, unknown>): Record<string, unknown> {
	return {apiVersion: 'v1', kind: 'Service', metadata: {name}, spec};
}

/** A stream to hand a command as its stdout or stderr, and what was written to it so far. */
export function capture(): {stream: PassThrough; text: () => string} {
	const stream = new PassThrough();
	let text = '';
	stream.on('data', (chunk: Buffer) => {
		text += chunk.toString();
	});
	return {stream, text: () => text};
}
