import {closeSync, constants, fchmodSync, mkdtempSync, openSync, rmSync, writeSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join, resolve} from 'node:path';
import {startSandbox, type Sandbox} from './index.js';
import {t} from '../i18n/index.js';

/** Options of `kpods sandbox`. */
export interface SandboxCommandOptions {
	port?: number;
	kubeconfigOut?: string;
	stdout: NodeJS.WritableStream;
	stderr: NodeJS.WritableStream;
	/** Stops the server when aborted (besides SIGINT/SIGTERM). */
	signal?: AbortSignal;
}

/**
 * `kpods sandbox [--port N] [--kubeconfig-out FILE]`: runs the sandbox in the foreground,
 * writes its kubeconfig, says how to point kubectl at it, and stops cleanly on Ctrl-C,
 * SIGTERM or the signal. Resolves with the exit code.
 */
export async function runSandboxCommand(options: SandboxCommandOptions): Promise<number> {
	const {stdout, stderr} = options;
	let sandbox: Sandbox;
	try {
		sandbox = await startSandbox({port: options.port ?? 0});
	} catch (error) {
		const code = (error as NodeJS.ErrnoException).code;
		if (code === 'EADDRINUSE') {
			stderr.write(`kpods sandbox: ${t('sandbox.portInUse', {port: String(options.port)})}\n`);
		} else if (code === 'EACCES') {
			stderr.write(`kpods sandbox: ${t('sandbox.portNotAllowed', {port: String(options.port)})}\n`);
		} else {
			stderr.write(`kpods sandbox: ${t('sandbox.cannotStart', {message: (error as Error).message})}\n`);
		}

		return 1;
	}

	// The kubeconfig holds the bearer token: by default it lives in a private directory of
	// its own (0700, an unpredictable name), removed when the sandbox stops or the process exits.
	const directory = options.kubeconfigOut === undefined ? mkdtempSync(join(tmpdir(), 'kpods-sandbox-')) : undefined;
	const file = directory ? join(directory, 'kubeconfig') : resolve(options.kubeconfigOut!);
	const removeDirectory = () => {
		if (directory) {
			rmSync(directory, {recursive: true, force: true});
		}
	};

	process.once('exit', removeDirectory);
	try {
		writePrivateFile(file, sandbox.kubeconfig());
	} catch (error) {
		const code = (error as NodeJS.ErrnoException).code;
		const reason = code === 'ELOOP' ? t('sandbox.symbolicLink') : (code ?? (error as Error).message);
		stderr.write(`kpods sandbox: ${t('sandbox.cannotWrite', {file, reason})}\n`);
		await sandbox.close();
		removeDirectory();
		process.off('exit', removeDirectory);
		return 1;
	}

	// The handlers stay until the process ends: a second Ctrl-C while stopping must not kill
	// kpods before it has removed the kubeconfig (Node's default for SIGINT is to die at once).
	const stopping = () => {};
	// Listening before the banner: whoever reads "Press Ctrl-C" may press it at once.
	const stopped = new Promise<void>(done => {
		const finish = (): void => {
			process.on('SIGINT', stopping);
			process.on('SIGTERM', stopping);
			process.off('SIGINT', finish);
			process.off('SIGTERM', finish);
			options.signal?.removeEventListener('abort', finish);
			done();
		};

		process.on('SIGINT', finish);
		process.on('SIGTERM', finish);
		if (options.signal?.aborted) {
			finish();
		} else {
			options.signal?.addEventListener('abort', finish);
		}
	});

	stdout.write(t('sandbox.banner', {url: sandbox.httpsUrl, file}));

	await stopped;
	await sandbox.close();
	removeDirectory();
	process.off('exit', removeDirectory);
	process.off('SIGINT', stopping);
	process.off('SIGTERM', stopping);

	stdout.write(`kpods sandbox: ${t('sandbox.stopped')}\n`);
	return 0;
}

/**
 * Writes a file only its owner can read: 0600 also when it existed with a wider mode (the
 * mode is set before the token is written), and never through a symbolic link (O_NOFOLLOW).
 */
export function writePrivateFile(file: string, text: string): void {
	const fd = openSync(file, constants.O_WRONLY | constants.O_CREAT | constants.O_TRUNC | constants.O_NOFOLLOW, 0o600);
	try {
		fchmodSync(fd, 0o600);
		writeSync(fd, text);
	} finally {
		closeSync(fd);
	}
}
