// The API server's channel protocol over WebSocket (`v4.channel.k8s.io`), as exec, attach and
// port-forward speak it: every binary frame starts with one byte naming its channel. Written on
// `ws` directly rather than through client-node's WebSocketHandler, for three reasons: it
// authenticates like every other kpods read (the ApiClient's credentials, without loading
// client-node), it hands back the server's own Status message when the upgrade is refused
// (client-node reports only "Unexpected server response: 400"), and it lets the caller see
// each channel's frames as they come (port-forward's two-byte port prefixes, exec's Status).

import type https from 'node:https';
import WebSocket from 'ws';
import {ApiError, NetworkError, type Authenticate} from './api-client.js';
import {t} from '../i18n/index.js';

/** One open channel connection: frames by channel in, frames by channel out. */
export interface ChannelSocket {
	/** The subprotocol the server chose. */
	readonly protocol: string;
	/** Sends one frame on a channel. */
	send(channel: number, data: Buffer | string): void;
	/** Called for every frame the server sends. */
	onFrame(listener: (channel: number, data: Buffer) => void): void;
	/** Called once when the connection ends, with why when it was not a normal close. */
	onClose(listener: (error?: Error) => void): void;
	close(): void;
}

/**
 * Opens a WebSocket to an API path (exec, attach, portforward) offering the protocols in order;
 * rejects with an ApiError carrying the server's message when it answers with an HTTP error.
 */
export async function openChannels(
	authenticate: Authenticate,
	server: string,
	path: string,
	protocols: readonly string[],
): Promise<ChannelSocket> {
	const options: https.RequestOptions = {headers: {}};
	const unauthorized = await authenticate(options);
	const url = `${server.replace(/^http/, 'ws').replace(/\/+$/, '')}${path}`;
	const socket = new WebSocket(url, [...protocols], {
		headers: options.headers as Record<string, string>,
		ca: options.ca,
		cert: options.cert,
		key: options.key,
		auth: options.auth ?? undefined,
		rejectUnauthorized: options.rejectUnauthorized,
		...(options.servername ? {servername: options.servername} : {}),
		agent: options.agent as https.Agent | undefined,
		perMessageDeflate: false,
	});
	// Frames may arrive with the handshake's answer, before anyone listens: they wait here.
	const early: Array<[number, Buffer]> = [];
	const frames: Array<(channel: number, data: Buffer) => void> = [];
	const closes: Array<(error?: Error) => void> = [];
	let failure: Error | undefined;
	let closed = false;
	socket.on('message', (data: Buffer, isBinary) => {
		const frame = isBinary ? data : Buffer.from(data);
		if (frame.length === 0) {
			return;
		}
		if (frames.length === 0) {
			early.push([frame[0]!, frame.subarray(1)]);
		}
		for (const listener of frames) {
			listener(frame[0]!, frame.subarray(1));
		}
	});
	await new Promise<void>((resolve, reject) => {
		socket.once('open', resolve);
		socket.once('unexpected-response', (_request, response) => {
			if (response.statusCode === 401) {
				unauthorized?.();
			}
			const chunks: Buffer[] = [];
			response.on('data', (chunk: Buffer) => chunks.push(chunk));
			response.on('end', () => {
				reject(new ApiError(response.statusCode ?? 0, refusal(response.statusCode ?? 0, Buffer.concat(chunks).toString('utf8'))));
				socket.terminate();
			});
			response.on('error', error => reject(new NetworkError(error.message)));
		});
		socket.once('error', error => reject(new NetworkError(error.message)));
	});
	socket.on('error', error => {
		failure = new NetworkError(error.message);
	});
	socket.on('close', () => {
		closed = true;
		for (const listener of closes) {
			listener(failure);
		}
	});
	return {
		protocol: socket.protocol,
		send(channel, data) {
			if (socket.readyState !== WebSocket.OPEN) {
				return;
			}
			const body = typeof data === 'string' ? Buffer.from(data, 'utf8') : data;
			socket.send(Buffer.concat([Buffer.from([channel]), body]), {binary: true});
		},
		onFrame(listener) {
			frames.push(listener);
			for (const [channel, data] of early.splice(0)) {
				listener(channel, data);
			}
		},
		onClose(listener) {
			if (closed) {
				listener(failure);
			} else {
				closes.push(listener);
			}
		},
		close() {
			if (socket.readyState === WebSocket.CONNECTING || socket.readyState === WebSocket.OPEN) {
				socket.close(1000);
			}
		},
	};
}

/** The message of a refused upgrade: the Status's, else the body's first line (the kubelet's plain text), else the code. */
function refusal(code: number, body: string): string {
	try {
		const status = JSON.parse(body) as {message?: string};
		if (typeof status.message === 'string' && status.message !== '') {
			return status.message;
		}
	} catch {}

	const line = body.trim().split('\n')[0];
	return line ? line : t('network.upgrade', {code: String(code)});
}
