// `kubectl exec -it`: a command in a container with a terminal, over the channel protocol
// (v4.channel.k8s.io): the user's keys on channel 0, the terminal's output on channel 1 (a tty
// has no separate stderr; 2 is read anyway), the Status on channel 3 when the process ends,
// and the terminal's size as {"Width","Height"} on channel 4, first and on every resize.

import type {Authenticate} from './api-client.js';
import {openChannels, type ChannelSocket} from './channel-socket.js';
import {t} from '../i18n/index.js';

export interface ExecSpec {
	namespace: string;
	pod: string;
	container: string;
	command: readonly string[];
}

/** The terminal the session runs in: the user's keys, where output goes, the size and its changes. */
export interface ExecTerminal {
	onInput(listener: (data: Buffer) => void): () => void;
	write(data: Buffer): void;
	size(): {columns: number; rows: number};
	onResize(listener: () => void): () => void;
}

/** How it ended: the process's exit code, or why it could not run (the server's words). */
export type ExecResult = {ok: true; exitCode: number} | {ok: false; message: string};

/** An exec whose connection is up; run() hands it a terminal until the process exits. */
export interface ExecSession {
	run(terminal: ExecTerminal): Promise<ExecResult>;
}

/**
 * Opens the exec connection before anything is handed over, so a refusal (no such pod, a
 * container not running, forbidden) is an error line with the screen left as it was.
 */
export async function openExec(authenticate: Authenticate, server: string, spec: ExecSpec): Promise<ExecSession | {error: string}> {
	const query = new URLSearchParams({container: spec.container, stdin: 'true', stdout: 'true', tty: 'true'});
	for (const word of spec.command) {
		query.append('command', word);
	}
	const path = `/api/v1/namespaces/${encodeURIComponent(spec.namespace)}/pods/${encodeURIComponent(spec.pod)}/exec?${query.toString()}`;
	let socket: ChannelSocket;
	try {
		socket = await openChannels(authenticate, server, path, ['v4.channel.k8s.io']);
	} catch (error) {
		return {error: (error as Error).message};
	}

	return {run: async terminal => attach(socket, terminal)};
}

async function attach(socket: ChannelSocket, terminal: ExecTerminal): Promise<ExecResult> {
	let status = '';
	const sendSize = () => {
		const {columns, rows} = terminal.size();
		socket.send(4, JSON.stringify({Width: columns, Height: rows}));
	};

	sendSize();
	const stopInput = terminal.onInput(data => socket.send(0, data));
	const stopResize = terminal.onResize(sendSize);
	socket.onFrame((channel, data) => {
		if (channel === 1 || channel === 2) {
			terminal.write(data);
		} else if (channel === 3) {
			status += data.toString('utf8');
		}
	});
	const failure = await new Promise<Error | undefined>(resolve => {
		socket.onClose(resolve);
	});
	stopInput();
	stopResize();
	return execResult(status, failure);
}

/** The v4 Status: Success is exit 0; NonZeroExitCode carries the code in its ExitCode cause; anything else is an error. */
export function execResult(status: string, failure?: Error): ExecResult {
	if (status === '') {
		return failure ? {ok: false, message: t('exec.connectionEnded', {message: failure.message})} : {ok: true, exitCode: 0};
	}
	let parsed: {status?: string; reason?: string; message?: string; details?: {causes?: Array<{reason?: string; message?: string}>}};
	try {
		parsed = JSON.parse(status) as typeof parsed;
	} catch {
		return {ok: false, message: status.trim()};
	}

	if (parsed.status === 'Success') {
		return {ok: true, exitCode: 0};
	}
	const code = parsed.details?.causes?.find(cause => cause.reason === 'ExitCode')?.message;
	if (parsed.reason === 'NonZeroExitCode' && code !== undefined && /^\d+$/.test(code)) {
		return {ok: true, exitCode: Number(code)};
	}
	return {ok: false, message: parsed.message ?? t('exec.failed')};
}
