// `kpods sandbox`: the banner (honest about what the sandbox is), the kubeconfig it writes,
// a clean stop on the abort signal, and one clear line for a port already taken.
import {describe, test} from 'node:test';
import assert from 'node:assert/strict';
import {spawn} from 'node:child_process';
import {existsSync, mkdtempSync, readFileSync, rmSync, statSync, symlinkSync, writeFileSync} from 'node:fs';
import {createServer} from 'node:net';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {CoreV1Api, KubeConfig} from '@kubernetes/client-node';
import {runSandboxCommand} from '../../source/sandbox/command.js';
import {capture, waitFor} from './helpers.js';

describe('kpods sandbox', () => {
	test('writes the kubeconfig, says how to use it and what the sandbox is, stops cleanly', async () => {
		const directory = mkdtempSync(join(tmpdir(), 'kpods-command-'));
		const file = join(directory, 'config');
		const stdout = capture();
		const stderr = capture();
		const controller = new AbortController();
		const exit = runSandboxCommand({port: 0, kubeconfigOut: file, stdout: stdout.stream, stderr: stderr.stream, signal: controller.signal});
		await waitFor(() => assert.match(stdout.text(), /Press Ctrl-C to stop\./));
		const banner = stdout.text();
		assert.match(banner, /^kpods sandbox: a simulated Kubernetes cluster for learning and tests — not a real cluster:/);
		assert.match(banner, /no containers run/);
		assert.ok(banner.includes(`  export KUBECONFIG=${file}\n  kubectl get pods\n`));
		const server = /API server {3}(https:\/\/127\.0\.0\.1:\d+)/.exec(banner)![1]!;
		const kc = new KubeConfig();
		kc.loadFromString(readFileSync(file, 'utf8'));
		assert.equal(kc.getCurrentCluster()!.server, server);
		const namespaces = await kc.makeApiClient(CoreV1Api).listNamespace();
		assert.deepEqual(
			namespaces.items.map(namespace => namespace.metadata?.name),
			['default', 'kube-node-lease', 'kube-public', 'kube-system'],
		);
		controller.abort();
		assert.equal(await exit, 0);
		assert.match(stdout.text(), /kpods sandbox: stopped\.\n$/);
		assert.equal(stderr.text(), '');
		await assert.rejects(fetch(`${server.replace('https:', 'http:')}/version`));
		// A kubeconfig asked for by name stays for the user.
		assert.ok(existsSync(file));
		rmSync(directory, {recursive: true, force: true});
	});

	test('without --kubeconfig-out the kubeconfig is in a private temporary directory, removed on stop', async () => {
		const stdout = capture();
		const controller = new AbortController();
		const exit = runSandboxCommand({stdout: stdout.stream, stderr: capture().stream, signal: controller.signal});
		await waitFor(() => assert.match(stdout.text(), /export KUBECONFIG=/));
		const file = /export KUBECONFIG=(\S+)/.exec(stdout.text())![1]!;
		const directory = join(file, '..');
		assert.match(directory, /kpods-sandbox-[\w]{6}$/, 'mkdtemp: a name nobody can guess in advance');
		assert.equal(statSync(directory).mode & 0o777, 0o700);
		assert.equal(statSync(file).mode & 0o777, 0o600);
		controller.abort();
		assert.equal(await exit, 0);
		assert.equal(existsSync(directory), false);
	});

	test('--kubeconfig-out over an existing 0644 file leaves it 0600; a symbolic link is refused', async () => {
		const directory = mkdtempSync(join(tmpdir(), 'kpods-command-'));
		try {
			const file = join(directory, 'config');
			writeFileSync(file, 'old', {mode: 0o644});
			const controller = new AbortController();
			const stdout = capture();
			const exit = runSandboxCommand({kubeconfigOut: file, stdout: stdout.stream, stderr: capture().stream, signal: controller.signal});
			await waitFor(() => assert.match(stdout.text(), /Press Ctrl-C/));
			assert.equal(statSync(file).mode & 0o777, 0o600);
			assert.match(readFileSync(file, 'utf8'), /token: /);
			controller.abort();
			assert.equal(await exit, 0);

			const target = join(directory, 'elsewhere');
			writeFileSync(target, 'precious', {mode: 0o644});
			const link = join(directory, 'link');
			symlinkSync(target, link);
			const stderr = capture();
			assert.equal(await runSandboxCommand({kubeconfigOut: link, stdout: capture().stream, stderr: stderr.stream}), 1);
			assert.equal(
				stderr.text(),
				`kpods sandbox: cannot write the kubeconfig to ${link}: it is a symbolic link (kpods does not follow one with a token to write)\n`,
			);
			assert.equal(readFileSync(target, 'utf8'), 'precious');
		} finally {
			rmSync(directory, {recursive: true, force: true});
		}
	});

	for (const signal of ['SIGINT', 'SIGTERM'] as const) {
		test(`the built kpods sandbox removes its private kubeconfig directory on ${signal}`, async () => {
			const cli = join(import.meta.dirname, '..', '..', 'dist', 'cli.js');
			const child = spawn(process.execPath, [cli, 'sandbox'], {stdio: ['ignore', 'pipe', 'pipe']});
			let out = '';
			child.stdout.on('data', (chunk: Buffer) => {
				out += chunk.toString();
			});
			let err = '';
			child.stderr.on('data', (chunk: Buffer) => {
				err += chunk.toString();
			});
			const exited = new Promise<number | null>(resolve =>
				child.on('exit', (code, killed) => resolve(code ?? (killed as unknown as number))),
			);
			await waitFor(() => assert.match(out, /Press Ctrl-C to stop\./), 30_000);
			const file = /export KUBECONFIG=(\S+)/.exec(out)![1]!;
			assert.ok(existsSync(file));
			child.kill(signal);
			assert.equal(await exited, 0, `${out}\n${err}`);
			assert.equal(existsSync(join(file, '..')), false);
		});
	}

	test('a port already taken is one clear line and exit code 1', async () => {
		const blocker = createServer();
		await new Promise<void>(resolve => blocker.listen(0, '127.0.0.1', resolve));
		const {port} = blocker.address() as {port: number};
		const stdout = capture();
		const stderr = capture();
		const code = await runSandboxCommand({port, stdout: stdout.stream, stderr: stderr.stream});
		blocker.close();
		assert.equal(code, 1);
		assert.equal(stdout.text(), '');
		assert.equal(
			stderr.text(),
			`kpods sandbox: port ${port} on 127.0.0.1 is already in use (choose another with --port, or --port 0 for a free one)\n`,
		);
	});
});
