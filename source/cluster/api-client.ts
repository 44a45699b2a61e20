import http from 'node:http';
import https from 'node:https';
import tls from 'node:tls';
import {createRequire} from 'node:module';
import type {Readable} from 'node:stream';
import type {Status, WatchEvent} from '../k8s/types.js';
import {parseSafeJson, safeLine} from '../format/safe-text.js';
import {ItemSplitter} from './json-items.js';
import {protobufMediaType} from './protobuf/media-type.js';
import {FrameSplitter} from './protobuf/frames.js';
import {trace} from '../trace.js';
import {t} from '../i18n/index.js';

/** An API answer that was not 2xx: the HTTP code and the server's Status, if it sent one. */
export class ApiError extends Error {
	constructor(
		readonly code: number,
		message: string,
		readonly reason?: string,
	) {
		super(message);
		this.name = 'ApiError';
	}
}

/** The connection failed below HTTP (refused, reset, timed out, DNS). */
export class NetworkError extends Error {
	constructor(message: string) {
		super(message);
		this.name = 'NetworkError';
	}
}

export interface RequestOptions {
	signal?: AbortSignal;
	/** Abort when nothing arrives for this long (a silently dead connection). */
	idleTimeoutMs?: number;
	/** Ask for the body as sent (no gzip), so a stream's lines are not held back in a compressor. */
	identity?: boolean;
	/** The Accept header; JSON by default. */
	accept?: string;
}

/** Reads a protobuf list body as it arrives, item by item, as listItems does JSON: push each chunk, then end. */
export type ProtobufListReader<T, L> = (onItem: (item: T) => void) => {push(chunk: Buffer): void; end(): L};

/** Decodes one frame of a protobuf watch stream into its event. */
export type ProtobufEventReader<T> = (frame: Buffer) => WatchEvent<T>;

// zlib is loaded with the first gzipped answer (a real server zips answers over 128 KB), not before every first frame.
const require = createRequire(import.meta.url);
const createGunzip: typeof import('node:zlib').createGunzip = options =>
	(require('node:zlib') as typeof import('node:zlib')).createGunzip(options);

/** With a protobuf reader, protobuf is asked for first and JSON accepted (as client-go asks): a server without it answers JSON. */
const protobufOrJson = `${protobufMediaType}, application/json`;

/**
 * Puts authentication (headers, TLS material, an agent) on a request's options; may give what
 * to call when the server answers that request 401 (an exec plugin's token is then renewed).
 */
// biome-ignore lint/suspicious/noConfusingVoidType: an authenticator with nothing to renew (client-node's, a plain token) returns nothing.
export type Authenticate = (options: https.RequestOptions) => Promise<(() => void) | void>;

/**
 * Reads the API over plain node:http(s), authenticated by the connection: its plain
 * credentials, or client-node's KubeConfig (exec plugins, auth providers, proxies).
 * Every string the server sends is made safe for the terminal here, where it enters kpods
 * (format/safe-text.ts), so views measure and show the same text.
 *
 * Why not client-node's typed API for reads: its ObjectSerializer turns every field of
 * every pod into model classes, which costs about a second at 10,000 pods; kpods parses
 * the JSON once and keeps only the fields a row needs. Writes go through client-node.
 */
export class ApiClient {
	// Node's global agents drop an idle connection after 5 s, so the health probe (every 10 s
	// while a watch is quiet) paid a TLS handshake each time; these keep one for 30 s. Idle
	// sockets are unref'd by the agent: they never hold kpods open.
	private readonly agents = {
		http: new http.Agent({keepAlive: true, timeout: 30_000}),
		https: new https.Agent({keepAlive: true, timeout: 30_000}),
	};

	// The TLS context of the last request's material (CA, client certificate and key), for every
	// connection while that material is the same: made per connection, it parsed the key and the
	// CA again each time (~3 of a handshake's ~7 ms of CPU; kpods opens 7–9 connections at start).
	private tlsContext: {material: TlsMaterial; context: tls.SecureContext} | undefined;

	// How the first request that ends (an answer, or a failure below HTTP) ended: the probe's verdict.
	private firstEnd: Promise<void>;
	private settleFirst: (failure?: Error) => void = () => {};

	constructor(
		private readonly authenticate: Authenticate,
		readonly server: string,
	) {
		this.firstEnd = new Promise<void>((resolve, reject) => {
			this.settleFirst = failure => {
				this.settleFirst = () => {};
				if (failure) {
					reject(failure);
				} else {
					resolve();
				}
			};
		});
		this.firstEnd.catch(() => undefined);
	}

	/**
	 * Resolves when the server first answers any request (any HTTP status: it is there); rejects
	 * with the first failure below HTTP (refused, TLS, an exec plugin that failed) if that comes
	 * first. The start's requests answer it, so it costs no request of its own.
	 */
	async reached(): Promise<void> {
		return this.firstEnd;
	}

	/** Closes the connections kept for the next request. */
	close(): void {
		this.agents.http.destroy();
		this.agents.https.destroy();
	}

	/**
	 * The TLS context for a request's material, made once while it stays the same (a renewed
	 * client certificate from an exec plugin makes a new one). The agent still pools connections
	 * by the material itself, which stays on the options.
	 */
	private secureContextFor(options: TlsMaterial): tls.SecureContext {
		const material = {ca: options.ca, cert: options.cert, key: options.key};
		const kept = this.tlsContext;
		if (kept && (['ca', 'cert', 'key'] as const).every(name => sameMaterial(kept.material[name], material[name]))) {
			return kept.context;
		}
		const context = tls.createSecureContext(material);
		this.tlsContext = {material, context};
		return context;
	}

	/** GET a JSON document. */
	async getJson<T>(path: string, options: RequestOptions = {}): Promise<T> {
		const response = await this.open(path, options);
		const body = await readAll(response.body);
		return parseSafeJson<T>(body);
	}

	/**
	 * GETs a list, handing each item to onItem as it arrives (parsed one by one, never
	 * the whole document at once); resolves with the list without its items. Before each piece
	 * of the body is read, `ready` may hold the reading back (the rest waits on the wire).
	 */
	async listItems<T, L>(
		path: string,
		onItem: (item: T) => void,
		options: RequestOptions & {protobuf?: ProtobufListReader<T, L>; ready?: () => Promise<void> | undefined} = {},
	): Promise<L> {
		trace(`list request ${path}`);
		const response = await this.open(path, {...options, accept: options.protobuf ? protobufOrJson : undefined});
		trace(`list response ${path}`);
		if (options.protobuf && response.contentType.startsWith(protobufMediaType)) {
			// Items are decoded as they arrive, while the rest of the list is on the wire.
			const reader = options.protobuf(onItem);
			for await (const chunk of response.body) {
				await options.ready?.();
				reader.push(chunk as Buffer);
			}
			trace(`list end ${path}`);
			return reader.end();
		}

		const splitter = new ItemSplitter(json => onItem(parseSafeJson<T>(json)));
		for await (const chunk of response.body) {
			await options.ready?.();
			splitter.push(chunk as Buffer);
		}

		trace(`list end ${path}`);
		return splitter.end<L>();
	}

	/**
	 * Streams a watch, calling onEvent for each event in order; resolves when the server
	 * ends the stream (timeoutSeconds), rejects on a dropped or idle connection. With a
	 * protobuf reader the stream is asked for as protobuf and read as the server answers.
	 */
	async watch<T>(
		path: string,
		onEvent: (event: WatchEvent<T>) => void,
		options: RequestOptions & {protobuf?: ProtobufEventReader<T>} = {},
	): Promise<void> {
		const response = await this.open(path, {...options, accept: options.protobuf ? protobufOrJson : undefined});
		const readFrame = response.contentType.startsWith(protobufMediaType) ? options.protobuf : undefined;
		await new Promise<void>((resolve, reject) => {
			let pending = '';
			let failed = false;
			const fail = (error: Error) => {
				if (failed) {
					return;
				}
				failed = true;
				response.body.destroy();
				reject(error);
			};

			// The handler's own verdict (410 Expired, a watch ERROR) or an undecodable event ends the watch.
			const deliver = (decode: () => WatchEvent<T>): boolean => {
				try {
					onEvent(decode());
					return true;
				} catch (error) {
					fail(error as Error);
					return false;
				}
			};

			if (readFrame) {
				const frames = new FrameSplitter(frame => !failed && deliver(() => readFrame(frame)));
				response.body.on('data', (chunk: Buffer) => frames.push(chunk));
			} else {
				response.body.setEncoding('utf8');
				response.body.on('data', (chunk: string) => {
					pending += chunk;
					let newline = pending.indexOf('\n');
					while (newline !== -1) {
						const line = pending.slice(0, newline);
						pending = pending.slice(newline + 1);
						if (line.trim() !== '' && !deliver(() => parseSafeJson<WatchEvent<T>>(line))) {
							return;
						}

						newline = pending.indexOf('\n');
					}
				});
			}
			response.body.on('end', () => {
				if (!failed) {
					resolve();
				}
			});
			response.body.on('error', error => fail(toNetworkError(error)));
			response.body.on('close', () => {
				// 'close' without 'end' means the connection went away mid-stream.
				if (!response.body.readableEnded) {
					fail(new NetworkError(t('network.watchClosed')));
				}
			});
		});
	}

	/** GETs a stream (a followed log): the body as it arrives; a non-2xx answer rejects with the server's Status. */
	async stream(path: string, options: RequestOptions = {}): Promise<Readable> {
		return (await this.open(path, {...options, identity: true})).body;
	}

	private async open(path: string, options: RequestOptions): Promise<{body: Readable; contentType: string}> {
		try {
			const opened = await this.request(path, options);
			// A turn later: the caller is reading the body by then, should the probe's caller close the client.
			setImmediate(() => this.settleFirst());
			return opened;
		} catch (error) {
			// An answer (ApiError) says the server is there; a request this client aborted says nothing.
			if (error instanceof ApiError) {
				this.settleFirst();
			} else if (!options.signal?.aborted) {
				this.settleFirst(error as Error);
			}
			throw error;
		}
	}

	private async request(path: string, options: RequestOptions): Promise<{body: Readable; contentType: string}> {
		const url = new URL(this.server.replace(/\/+$/, '') + path);
		const requestOptions: https.RequestOptions = {
			method: 'GET',
			headers: {
				Accept: options.accept ?? 'application/json',
				'Accept-Encoding': options.identity ? 'identity' : 'gzip',
				'User-Agent': 'kpods',
			},
		};
		const unauthorized = await this.authenticate(requestOptions);
		const transport = url.protocol === 'http:' ? http : https;
		// An agent the authentication chose (client-node's, for a proxy) is kept, with the TLS it sets up itself.
		if (requestOptions.agent === undefined && url.protocol === 'https:') {
			(requestOptions as tls.ConnectionOptions).secureContext = this.secureContextFor(requestOptions);
		}
		requestOptions.agent ??= url.protocol === 'http:' ? this.agents.http : this.agents.https;
		return new Promise((resolve, reject) => {
			const request = transport.request(url, requestOptions, response => {
				const gzip = response.headers['content-encoding'] === 'gzip';
				// 256 KB out at a time, not zlib's 16 KB: a 10,000-pod list (16 MB) unzips in ~60 callbacks
				// instead of ~1,000, 80 → 25 ms of the one thread that also decodes it (measured in-process).
				const body: Readable = gzip ? response.pipe(createGunzip({chunkSize: 256 * 1024})) : response;
				if (gzip) {
					response.on('error', error => body.destroy(error));
				}
				const code = response.statusCode ?? 0;
				if (code >= 200 && code < 300) {
					resolve({body, contentType: response.headers['content-type'] ?? ''});
					return;
				}

				if (code === 401) {
					unauthorized?.();
				}
				readAll(body).then(
					text => reject(statusError(code, text)),
					error => reject(toNetworkError(error)),
				);
			});
			request.on('socket', socket => socket.setKeepAlive(true, 10_000));
			if (options.idleTimeoutMs) {
				request.setTimeout(options.idleTimeoutMs, () => {
					request.destroy(new NetworkError(t('network.idle', {seconds: Math.round(options.idleTimeoutMs! / 1000)})));
				});
			}

			if (options.signal) {
				const abort = () => request.destroy(new NetworkError('aborted'));
				if (options.signal.aborted) {
					abort();
				}
				options.signal.addEventListener('abort', abort, {once: true});
				request.on('close', () => options.signal!.removeEventListener('abort', abort));
			}

			request.on('error', error => reject(toNetworkError(error)));
			request.end();
		});
	}
}

type TlsMaterial = Pick<https.RequestOptions, 'ca' | 'cert' | 'key'>;

const sameMaterial = (a: TlsMaterial[keyof TlsMaterial], b: TlsMaterial[keyof TlsMaterial]): boolean =>
	a === b || (Buffer.isBuffer(a) && Buffer.isBuffer(b) && a.equals(b));

async function readAll(body: Readable): Promise<string> {
	return (await readBytes(body)).toString('utf8');
}

async function readBytes(body: Readable): Promise<Buffer> {
	const chunks: Buffer[] = [];
	for await (const chunk of body) {
		chunks.push(chunk as Buffer);
	}
	return Buffer.concat(chunks);
}

/** Builds the error for a non-2xx answer from the Status the server sent, else the HTTP code. */
export function statusError(code: number, body: string): ApiError {
	try {
		const status = parseSafeJson<Partial<Status>>(body);
		if (status.kind === 'Status' && status.message) {
			return new ApiError(code, status.message, status.reason);
		}
	} catch {
		// Not JSON: a proxy or load balancer answered; fall through to the bare code.
	}

	const text = safeLine(body.trim().split('\n')[0]?.slice(0, 200) ?? '');
	return new ApiError(code, text ? `${http.STATUS_CODES[code] ?? `HTTP ${code}`}: ${text}` : (http.STATUS_CODES[code] ?? `HTTP ${code}`));
}

/** Any failure below HTTP (refused, reset, DNS, TLS) becomes a NetworkError with node's message. */
function toNetworkError(error: unknown): Error {
	if (error instanceof ApiError || error instanceof NetworkError) {
		return error;
	}
	return new NetworkError((error as Error).message ?? String(error));
}
