import {rmSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join, resolve} from 'node:path';
import {startSandbox, type Sandbox} from './index.js';

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
			stderr.write(`kpods sandbox: port ${options.port} on 127.0.0.1 is already in use (choose another with --port, or --port 0 for a free one)\n`);
		} else if (code === 'EACCES') {
			stderr.write(`kpods sandbox: not allowed to listen on port ${options.port} (choose a port above 1023)\n`);
		} else {
			stderr.write(`kpods sandbox: could not start: ${(error as Error).message}\n`);
		}

		return 1;
	}

	const temporary = options.kubeconfigOut === undefined;
	const file = temporary ? join(tmpdir(), `kpods-sandbox-${sandbox.port}.kubeconfig`) : resolve(options.kubeconfigOut!);
	try {
		writeFileSync(file, sandbox.kubeconfig(), {mode: 0o600});
	} catch (error) {
		stderr.write(`kpods sandbox: cannot write the kubeconfig to ${file}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}\n`);
		await sandbox.close();
		return 1;
	}

	stdout.write([
		'kpods sandbox: a simulated Kubernetes cluster for learning and tests — not a real cluster:',
		'no containers run; a simulated scheduler and kubelet move pods through their life.',
		'',
		`  API server   ${sandbox.httpsUrl}  (Kubernetes v1.32 API, node "minikube"; plain http on the same port)`,
		`  kubeconfig   ${file}`,
		'',
		'Point kubectl at it:',
		`  export KUBECONFIG=${file}`,
		'  kubectl get pods',
		'',
		'Press Ctrl-C to stop.',
		'',
	].join('\n'));

	await new Promise<void>(done => {
		const finish = (): void => {
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

	await sandbox.close();
	if (temporary) {
		rmSync(file, {force: true});
	}

	stdout.write('kpods sandbox: stopped.\n');
	return 0;
}
