// s and F in a real pseudo-terminal: the built kpods against `kpods sandbox`. The shell's
// handoff leaves and retakes the screen (the sandbox answers that no container runs), the
// forward answers curl on 127.0.0.1, `:pf` lists it, and quitting kpods closes the port.
import assert from 'node:assert/strict';
import type {ChildProcess} from 'node:child_process';
import {mkdtempSync, rmSync} from 'node:fs';
import {request} from 'node:http';
import {createServer} from 'node:net';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {after, before, describe, test} from 'node:test';
import {CoreV1Api, KubeConfig} from '@kubernetes/client-node';
import {assertBuilt, ptyUnavailable, startSandboxProcess, TerminalSession} from './terminal.js';

async function get(port: number): Promise<string> {
	return new Promise((resolve, reject) => {
		request({host: '127.0.0.1', port, path: '/', agent: false}, response => {
			let body = '';
			response.setEncoding('utf8');
			response.on('data', chunk => (body += chunk));
			response.on('end', () => resolve(body));
		})
			.on('error', reject)
			.end();
	});
}

describe('shell and port-forward in a pseudo-terminal, against kpods sandbox', {skip: ptyUnavailable}, () => {
	let directory: string;
	let kubeconfig: string;
	let sandbox: ChildProcess;
	let port: number;

	before(async () => {
		assertBuilt();
		directory = mkdtempSync(join(tmpdir(), 'kpods-e2e-shell-'));
		kubeconfig = join(directory, 'kubeconfig');
		sandbox = await startSandboxProcess(kubeconfig);
		const free = createServer();
		await new Promise<void>(resolve => free.listen(0, '127.0.0.1', resolve));
		port = (free.address() as {port: number}).port;
		await new Promise(resolve => free.close(resolve));
		const kc = new KubeConfig();
		kc.loadFromFile(kubeconfig);
		await kc.makeApiClient(CoreV1Api).createNamespacedPod({
			namespace: 'default',
			body: {metadata: {name: 'web'}, spec: {containers: [{name: 'web', image: 'nginx', ports: [{containerPort: port}]}]}},
		});
	});

	after(() => {
		sandbox.kill('SIGINT');
		rmSync(directory, {recursive: true, force: true});
	});

	test('s hands the terminal over and back (the sandbox says no container runs); F forwards, :pf lists, q closes the port', async t => {
		const kpods = new TerminalSession(['--kubeconfig', kubeconfig], {columns: 160, rows: 30});
		t.after(() => kpods.kill());
		await kpods.waitForScreen(screen => /^web +1\/1 +Running /m.test(screen), 'web Running');

		kpods.write('s');
		let screen = await kpods.waitForScreen(
			text => text.includes('kpods sandbox: no container runs here'),
			"the sandbox's answer, kpods redrawn",
		);
		assert.match(screen, /^web +1\/1 +Running /m);
		assert.match(screen, /shell in web\/web: kpods sandbox: no container runs here, so container "web" of /);

		kpods.write('F');
		await kpods.waitForScreen(text => text.includes(`Forwarding from 127.0.0.1:${port} -> ${port}`), 'the forward');
		assert.match(await get(port), new RegExp(`^kpods sandbox: no container runs here; this is pod default/web's forwarded port ${port}`));
		kpods.write(':pf\r');
		screen = await kpods.waitForScreen(text => text.includes('Port-forwards (1)') && text.includes(' 0/1 '), 'the list');
		assert.match(screen, new RegExp(`127\\.0\\.0\\.1:${port} +pod/web ${port} → default/web:${port} +0/1`));
		kpods.write('q');
		kpods.write('q');
		assert.equal((await kpods.exit).exitCode, 0);
		await assert.rejects(get(port), /ECONNREFUSED/);
	});
});
