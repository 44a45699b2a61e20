// A server the suite talks to: the sandbox (plain HTTP with its token) or whatever KUBECONFIG
// points at (TLS with the kubeconfig's credentials, through client-node's option builder).
import {request as httpRequest, type IncomingMessage} from 'node:http';
import {request as httpsRequest, type RequestOptions as HttpsOptions} from 'node:https';
import {KubeConfig} from '@kubernetes/client-node';
import type {Sandbox} from '../../source/sandbox/index.js';

/** One raw request as the suite sends it. */
export interface RawRequest {
	method: string;
	path: string;
	body?: string;
	contentType?: string;
	accept?: string;
}

/** A raw answer: code and text; a watch's answer is the lines read before it stopped. */
export interface RawAnswer {
	code: number;
	text: string;
	lines?: string[];
}

/** A server under test. */
export interface Target {
	/** `/version` gitVersion, e.g. v1.20.2 or v1.32.0+kpods-sandbox. */
	version: string;
	send(request: RawRequest): Promise<RawAnswer>;
	/** Reads a stream's lines until `events` lines came, it ends, or `timeoutMs` passed. */
	watch(request: RawRequest, events: number, timeoutMs: number): Promise<RawAnswer>;
}

const sendTimeoutMs = 15_000;

// Both servers see the same client, so an unset fieldManager names the same manager.
const userAgent = 'kpods-conformance/v0.1.0 (linux/amd64)';

interface Connection {
	base: URL;
	options: HttpsOptions;
}

function open(
	connection: Connection,
	raw: RawRequest,
	onResponse: (response: IncomingMessage) => void,
	onError: (error: Error) => void,
): () => void {
	const url = new URL(raw.path, connection.base);
	const headers: Record<string, string> = {
		...(connection.options.headers as Record<string, string> | undefined),
		'user-agent': userAgent,
		accept: raw.accept ?? 'application/json',
	};
	if (raw.body !== undefined) {
		headers['content-type'] = raw.contentType ?? 'application/json';
		headers['content-length'] = String(Buffer.byteLength(raw.body));
	}

	const make = url.protocol === 'https:' ? httpsRequest : httpRequest;
	const request = make(url, {...connection.options, method: raw.method, headers}, onResponse);
	request.on('error', onError);
	request.end(raw.body);
	return () => request.destroy();
}

function targetOf(connection: Connection, version: string): Target {
	return {
		version,
		send: async raw =>
			new Promise((resolve, reject) => {
				// A request that never ends (a stream where an answer was due) is reported, not waited on.
				const timer = setTimeout(() => {
					close();
					resolve({code: 0, text: `no complete answer within ${sendTimeoutMs} ms`});
				}, sendTimeoutMs);
				const close = open(
					connection,
					raw,
					response => {
						const chunks: Buffer[] = [];
						response.on('data', (chunk: Buffer) => chunks.push(chunk));
						response.on('end', () => {
							clearTimeout(timer);
							resolve({code: response.statusCode ?? 0, text: Buffer.concat(chunks).toString('utf8')});
						});
						response.on('error', error => {
							clearTimeout(timer);
							reject(error);
						});
					},
					error => {
						clearTimeout(timer);
						reject(error);
					},
				);
			}),
		watch: async (raw, events, timeoutMs) =>
			new Promise((resolve, reject) => {
				let code = 0;
				const lines: string[] = [];
				let buffer = '';
				let done = false;
				const finish = (): void => {
					if (!done) {
						done = true;
						clearTimeout(timer);
						close();
						resolve({code, text: lines.join('\n'), lines});
					}
				};

				const timer = setTimeout(finish, timeoutMs);
				const close = open(
					connection,
					raw,
					response => {
						code = response.statusCode ?? 0;
						response.on('data', (chunk: Buffer) => {
							buffer += chunk.toString('utf8');
							let newline = buffer.indexOf('\n');
							while (newline >= 0) {
								const line = buffer.slice(0, newline).trim();
								buffer = buffer.slice(newline + 1);
								if (line !== '') {
									lines.push(line);
								}

								newline = buffer.indexOf('\n');
							}

							if (lines.length >= events) {
								finish();
							}
						});
						response.on('end', () => {
							if (buffer.trim() !== '') {
								lines.push(buffer.trim());
							}

							finish();
						});
						response.on('error', finish);
					},
					error => {
						if (!done) {
							done = true;
							clearTimeout(timer);
							reject(error);
						}
					},
				);
			}),
	};
}

async function versionOf(connection: Connection): Promise<string> {
	const answer = await targetOf(connection, '').send({method: 'GET', path: '/version'});
	return (JSON.parse(answer.text) as {gitVersion: string}).gitVersion;
}

/** The sandbox as a target (plain HTTP, bearer token). */
export async function sandboxTarget(sandbox: Sandbox): Promise<Target> {
	const connection: Connection = {base: new URL(sandbox.url), options: {headers: {authorization: `Bearer ${sandbox.token}`}}};
	return targetOf(connection, await versionOf(connection));
}

/** The cluster KUBECONFIG points at (current context), with its credentials. */
export async function kubeconfigTarget(path: string): Promise<Target> {
	const kc = new KubeConfig();
	kc.loadFromFile(path);
	const cluster = kc.getCurrentCluster();
	if (!cluster) {
		throw new Error(`${path}: no current cluster`);
	}

	const options: Connection['options'] = {};
	await kc.applyToHTTPSOptions(options);
	const connection: Connection = {base: new URL(cluster.server), options};
	return targetOf(connection, await versionOf(connection));
}

/** `v1.20.2` → [1, 20]. */
export function minorOf(version: string): number {
	const match = /^v?(\d+)\.(\d+)/.exec(version);
	return match ? Number(match[2]) : 0;
}
